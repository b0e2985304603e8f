"""A web page's HTML -> :class:`Article`: trafilatura finds the main text and its metadata,
then the article parser's rules drop what boilerplate trafilatura kept. Tables are kept:
their rows are article text as often as not, and the parser judges each line.

Pure: no network here; fetching is the caller's job (the bot's safe fetcher).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.utils import load_html

from .headline import SITE_NAME_WORDS, page_headline, site_names
from .languages import SERVED
from .lead import (
    shown_lead,
    with_lead,
    without_credited_captions,
    without_link_headings,
    without_repeated_boxes,
    without_title_repeats,
)
from .models import Article
from .parse import ArticleError, parse_article
from .tokenize import count_words, split_sentences

PUT_BACK_LEAD = True
"""Put the lead trafilatura left out back before the body (:mod:`summarizer.lead`); chosen by
5-fold cross-validation over the saved pages (``python -m bot.bench.link_options``)."""
DROP_LINK_HEADINGS = True
"""Drop the short, unterminated lines that are a link's whole text (:mod:`summarizer.lead`)."""
LINK_HEADING_WORDS = 30
"""How long such a line may be: up to a headline's length (a related story's card holds its
whole headline as one link), not only a heading's (16 words); chosen by cross-validation."""
DROP_TITLE_REPEATS = True
"""Drop the lines that repeat the headline with the site's name or a date joined to it."""
DROP_CREDITED_CAPTIONS = True
"""Drop the photo captions that stand right above their credit line."""
DROP_REPEATED_BOXES = True
"""Drop the lines of a box the page shows twice (:mod:`summarizer.lead`)."""
HEADLINE_WITHOUT_SITE = True
"""Cut the site's name from the headline, and take the page's own title over a layout's heading
(:mod:`summarizer.headline`)."""
NOT_SHOWN = "//template"
"""What a browser never shows and trafilatura would read: a ``<template>``'s content (filled in and
shown by script, with its placeholders)."""
MIN_WORDS = 40
"""Less extracted text than this is not an article (an index page, a login wall, an error). In
Chinese and Japanese, written without spaces, words are counted by characters (``count_words``)."""


def extract_article(html: str | bytes, url: str | None = None, language: str | None = None) -> Article:
    """The page's article, or ArticleError saying why there is none. ``language`` (ISO 639-1),
    when the caller knows it, decides the article's language; else the page's text does."""
    hint = language or _declared_language(html)
    document = _extract(html, url, favor_recall=False, hint=hint)
    text = getattr(document, "text", None) or ""
    if count_words(text) < MIN_WORDS:
        # Some layouts hide the body from the precise pass; a second, recall-minded pass finds it.
        document = _extract(html, url, favor_recall=True, hint=hint) or document
        text = getattr(document, "text", None) or ""
    if count_words(text) < MIN_WORDS:
        linked = _json_ld_article(html)
        if linked is not None:
            return parse_article(
                _without_headlines(linked.body),
                title=linked.title,
                url=url,
                author=linked.author,
                source=linked.publisher,
                published=_date(linked.published),
                language=language,
            )
        raise ArticleError("I found too little text on that page to call it an article")
    # trafilatura gives one paragraph a line; the parser wants paragraphs apart.
    body = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    tree = _tree(html)
    sitename = getattr(document, "sitename", None) or None
    title = _headline(getattr(document, "title", None), tree, sitename)
    if HEADLINE_WITHOUT_SITE:
        title = page_headline(title, tree, site_names(tree, sitename, url))
    if DROP_TITLE_REPEATS:
        body = without_title_repeats(body, title)
    if DROP_LINK_HEADINGS:
        body = without_link_headings(body, tree, url, LINK_HEADING_WORDS)
    if DROP_CREDITED_CAPTIONS:
        body = without_credited_captions(body)
    if DROP_REPEATED_BOXES:
        body = without_repeated_boxes(body, tree)
    if PUT_BACK_LEAD:
        body = with_lead(body, shown_lead(tree))
    return parse_article(
        body,
        title=title,
        url=url,
        author=(getattr(document, "author", None) or None),
        source=(getattr(document, "sitename", None) or None),
        published=_date(getattr(document, "date", None)),
        language=language,
    )


def _declared_language(html: str | bytes) -> str | None:
    """The served language the page declares in ``<html lang>``, if it declares one."""
    head = html[:4096].decode("utf-8", "replace") if isinstance(html, bytes) else html[:4096]
    found = _HTML_LANG.search(head)
    code = found.group(1).lower() if found else None
    return code if code in SERVED else None


_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2})\b", re.IGNORECASE)


_CMS_WORDS = (
    "escenic wordpress drupal joomla brightspot blogger squarespace wix typo3 sitecore contentful"
    " polopoly methode méthode hugo jekyll umbraco"
)
CMS_NAMES = frozenset(_CMS_WORDS.split())
"""Names of the publishing systems whose templates put their own name where a headline goes."""
_GENERATOR = re.compile(r"^\s*([^\d]+?)\s*(?:v?\d[\w.]*)?\s*$")


def _tree(html: str | bytes) -> lxml.html.HtmlElement | None:
    """The page's tree, its bytes decoded as trafilatura decodes them (lxml alone takes bytes
    without a declared charset for Latin-1)."""
    try:
        return load_html(html)
    except (ValueError, lxml.etree.ParserError):
        return None


def _headline(title: str | None, tree: lxml.html.HtmlElement | None, sitename: str | None) -> str | None:
    """The page's headline: trafilatura's, or else the page's og:title, twitter:title or <title>,
    whichever first is a headline (not a CMS's or generator's name, not the site's name)."""
    generators = set(tree.xpath('//meta[@name="generator"]/@content')) if tree is not None else set()
    # A site's name is a few words; a "site name" as long as a headline was guessed from it.
    site = {sitename} if sitename and len(sitename.split()) <= SITE_NAME_WORDS else set()
    names = {n.casefold() for n in CMS_NAMES | site | {_generator_name(g) for g in generators}}
    candidates = [title or ""]
    if tree is not None:
        candidates += tree.xpath('//meta[@property="og:title"]/@content | //meta[@name="twitter:title"]/@content')
        candidates += [t.text_content() for t in tree.xpath("//head/title")]
    for candidate in candidates:
        text = " ".join(str(candidate).split())
        if text and text.casefold() not in names:
            return text
    return None


def _generator_name(content: str) -> str:
    """ "WordPress 6.4" -> "WordPress": the generator's name without its version."""
    found = _GENERATOR.match(content)
    return found.group(1) if found else content


@dataclass
class _LinkedArticle:
    body: str
    title: str | None
    author: str | None
    publisher: str | None
    published: str | None


_ARTICLE_TYPES = {
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BlogPosting",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "LiveBlogPosting",
}


def _json_ld_article(html: str | bytes) -> _LinkedArticle | None:
    """The schema.org article a page describes in JSON-LD, for pages whose body is rendered by
    script (trafilatura then sees only captions): its ``articleBody`` and metadata."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        for item in _walk(data):
            kinds = item.get("@type")
            kinds = set(kinds) if isinstance(kinds, list) else {kinds}
            body = item.get("articleBody")
            if kinds & _ARTICLE_TYPES and isinstance(body, str) and count_words(body) >= MIN_WORDS:
                return _LinkedArticle(
                    body,
                    _name(item.get("headline")),
                    _name(item.get("author")),
                    _name(item.get("publisher")),
                    _name(item.get("datePublished")),
                )
    return None


_AFTER_CLOSING_QUOTE = re.compile(r"(?<=[’”])\s+(?=[A-Z])")


def _without_headlines(body: str) -> str:
    """An articleBody with the related-story headlines some sites splice into it removed: a
    headline is a run of words with no full stop, closed by a quote mark, right before the next
    sentence ("... livelihood. Tsai says Taiwan is ‘independent country’ But again, ...")."""
    kept = []
    for sentence in split_sentences(body):
        parts = _AFTER_CLOSING_QUOTE.split(sentence)
        kept += [p for p in parts[:-1] if p.rstrip("’”").endswith((".", "!", "?", ","))] + parts[-1:]
    return " ".join(kept)


def _walk(data: object) -> list[dict[str, object]]:
    if isinstance(data, list):
        return [found for item in data for found in _walk(item)]
    if isinstance(data, dict):
        return [data, *(_walk(data["@graph"]) if "@graph" in data else [])]
    return []


def _name(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _extract(html: str | bytes, url: str | None, favor_recall: bool, hint: str | None) -> object:
    """trafilatura's pass, told the page's language where it is known (its fallback extractor
    then reads that language's stop words); trafilatura drops a page whose text is in another
    language than the hint, so a page it drops is read again without one."""
    document = _bare(html, url, favor_recall, hint)
    if document is None and hint is not None:
        document = _bare(html, url, favor_recall, None)
    return document


def _bare(html: str | bytes, url: str | None, favor_recall: bool, hint: str | None) -> object:
    return trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        favor_recall=favor_recall,
        target_language=hint,
        prune_xpath=NOT_SHOWN,
    )


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
