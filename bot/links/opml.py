"""OPML, the file feed readers exchange subscriptions in: read with defusedxml, written as 2.0.

Reading refuses what a hostile file may carry (entity expansion, as in the "billion laughs"
bomb; external entities and DTD fetches) through defusedxml, and bounds the file's size and
the feeds taken from it. Every ``outline`` with an ``xmlUrl`` is a feed, however deeply it is
nested in folders; an outline whose link is not http(s) is refused with the reason.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from ..i18n import N_

MAX_OPML_BYTES = 1_000_000
MAX_OPML_FEEDS = 200
_SCHEMES = ("http://", "https://")


class OpmlError(Exception):
    """A file that is not an OPML file the bot can read; the message says why, for the user."""


LARGER = N_("the file is larger than {size} kB")
NOT_XML = N_("the file is not well-formed XML ({error})")
MORE_FEEDS = N_("more than {count} feeds in one file")
TEMPLATES = (LARGER, NOT_XML, MORE_FEEDS)


@dataclass(frozen=True)
class OpmlFeed:
    url: str
    title: str | None = None


@dataclass
class OpmlFeeds:
    """The feeds an OPML file lists, and the outlines refused with their reasons."""

    feeds: list[OpmlFeed] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


def read_opml(data: bytes) -> OpmlFeeds:
    """The feeds an OPML file lists, in file order, each URL once."""
    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(LARGER.format(size=MAX_OPML_BYTES // 1000))
    try:
        root = SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise OpmlError(N_("the file declares XML entities, which I refuse (they can be an entity bomb)")) from None
    except ET.ParseError as error:
        raise OpmlError(NOT_XML.format(error=error)) from None
    body = root.find("body")
    if root.tag != "opml" or body is None:
        raise OpmlError(N_("the file is XML but not OPML (no opml element with a body)"))
    result = OpmlFeeds()
    seen: set[str] = set()
    for outline in body.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if not url or url in seen:
            continue
        seen.add(url)
        title = (outline.get("title") or outline.get("text") or "").strip() or None
        if not url.lower().startswith(_SCHEMES):
            result.refused.append((url[:200], N_("not an http or https link")))
        elif len(result.feeds) >= MAX_OPML_FEEDS:
            result.refused.append((url[:200], MORE_FEEDS.format(count=MAX_OPML_FEEDS)))
        else:
            result.feeds.append(OpmlFeed(url, title))
    return result


def write_opml(title: str, feeds: list[OpmlFeed], created: datetime | None = None) -> bytes:
    """An OPML 2.0 file listing the feeds (type rss, as readers expect for RSS and Atom alike)."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    if created is not None:
        ET.SubElement(head, "dateCreated").text = format_datetime(created)
    body = ET.SubElement(root, "body")
    for feed in feeds:
        name = feed.title or feed.url
        ET.SubElement(body, "outline", type="rss", text=name, title=name, xmlUrl=feed.url)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
