"""The page's headline without the site's name glued to it, and the page's own title over a
stray heading.

Pages title themselves "Headline | Site", "Site - Section - Headline" or "Headline | DW |
23.05.2011"; trafilatura keeps that whole, or, on a page without ``og:title`` and with several
``<h1>``, takes a heading of the layout ("Press releases") for the headline. The site's name is
learned from the page itself: its ``og:site_name`` / ``application-name``, trafilatura's site
name and the host's name; a part of the title (split at a spaced separator) that is one of
those, or holds no letter (a date), is cut from either end.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

import lxml.html

_PARTS = re.compile(r"\s+[|–—·•»«~/:-]\s+|\s*\|\s*")
"""Title parts: split at a separator with spaces around it (a bar needs none). A colon after a
word without a space ("Burgenland: Best of") is the headline's own."""
_SITE_META = '//meta[@property="og:site_name"]/@content | //meta[@name="application-name"]/@content'
_DECLARED = (
    '//meta[@property="og:title"]/@content',
    '//meta[@name="twitter:title"]/@content',
    "//head/title",
)
_GENERIC_HOST_LABELS = frozenset({"www", "m", "amp", "mobile", "news", "blog", "com", "org", "net", "co"})
SITE_NAME_WORDS = 6
"""A site's name is a few words; a "site name" as long as a headline was guessed from it."""
MIN_SHARED_WORDS = 0.5
"""trafilatura's headline is kept when at least this share of its words is in the page's own
title; else it is a heading of the layout, and the page's title (its site's name cut) is taken,
unless trafilatura's is the page's only ``<h1>``."""


def site_names(tree: lxml.html.HtmlElement | None, sitename: str | None, url: str | None) -> set[str]:
    """The site's names as keys (:func:`_key`): its declared names, trafilatura's site name and
    the labels of the host that name it ("dw" of www.dw.com, "hejfish" of fischerhuette.hejfish.com)."""
    declared = [str(n) for n in tree.xpath(_SITE_META)] if tree is not None else []
    # trafilatura guesses a site's name from <title> when the page declares none: taken whole,
    # and only when it is as short as a name (not a headline taken for one).
    guessed = [sitename] if sitename and len(sitename.split()) <= SITE_NAME_WORDS else []
    names = {_key(n) for n in [*declared, *guessed]}
    for name in declared:
        names |= {_key(part) for part in _PARTS.split(name)}
    host = urlsplit(url or "").hostname or ""
    labels = host.split(".")
    names |= {_key(label) for label in labels[:-1] if label not in _GENERIC_HOST_LABELS}
    names |= {_key(".".join(labels[i:])) for i in range(len(labels) - 1)}
    names.discard("")
    return names


def without_site_name(title: str, names: set[str]) -> str:
    """``title`` without the parts at its ends that are the site's name or hold no letter;
    the title itself when nothing would be left."""
    text = " ".join(title.split())
    parts, start = [], 0
    for separator in _PARTS.finditer(text):
        parts.append((start, separator.start()))
        start = separator.end()
    parts = [(a, b) for a, b in [*parts, (start, len(text))] if b > a]
    kept = [i for i, (a, b) in enumerate(parts) if not _is_site(text[a:b], names)]
    if not kept:
        return text
    return text[parts[kept[0]][0] : parts[kept[-1]][1]].strip()


def page_headline(title: str | None, tree: lxml.html.HtmlElement | None, names: set[str]) -> str | None:
    """trafilatura's headline ``title`` with the site's name cut, unless it shares too few
    words with the page's own title (og:title, twitter:title, <title>): then that title, cut."""
    own = _declared_title(tree, names)
    cut = without_site_name(title, names) if title else None
    if cut and own and _shared(cut, own) < MIN_SHARED_WORDS and not _only_h1(title, tree):
        return own
    return cut or own


def _only_h1(title: str | None, tree: lxml.html.HtmlElement | None) -> bool:
    """Whether ``title`` is the text of the page's only ``<h1>`` (its headline, as trafilatura
    takes it first)."""
    h1 = tree.xpath("//h1") if tree is not None else []
    return len(h1) == 1 and " ".join(h1[0].text_content().split()) == " ".join((title or "").split())


def _declared_title(tree: lxml.html.HtmlElement | None, names: set[str]) -> str | None:
    if tree is None:
        return None
    for xpath in _DECLARED:
        for found in tree.xpath(xpath):
            text = found if isinstance(found, str) else found.text_content()
            cut = without_site_name(str(text), names)
            if cut and not _is_site(cut, names):
                return cut
    return None


def _shared(text: str, other: str) -> float:
    words = _words(text)
    return len(words & _words(other)) / len(words) if words else 1.0


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _is_site(part: str, names: set[str]) -> bool:
    key = _key(part)
    return not re.search(r"[^\W\d_]", part) or key in names


def _key(text: str) -> str:
    """Letters and digits only, without case or accents: "DW.COM" and "dw.com" -> "dwcom",
    "Fischerhütte" -> "fischerhutte"."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if c.isalnum() and not unicodedata.combining(c))
