"""The article's lead (standfirst, teaser, "chapo") that trafilatura leaves out.

Sites print the lead in a block of its own above the body, often with a class such as "teaser",
"intro" or "excerpt" that trafilatura's boilerplate filters read as a teaser of another story,
so the article loses its first paragraph. The same text is the page's own description in its
``<meta name="description">`` (or ``og:description``): a description that the page also shows
as a block of its own is the lead, and it is put back before the body when the body lacks it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.html

from .tokenize import count_words

MIN_LEAD_WORDS = 8
"""A shorter description is a slogan or a site's motto, not a lead."""
_KEY_CHARS = 80
"""How much of the description's start a block must show to be taken for it."""
_SPARE_CHARS = 60
"""A block this much longer than the description holds more than the lead (the whole article)."""
_MATCH_WORDS = 8
_DESCRIPTIONS = (
    '//meta[@name="description"]/@content | //meta[@property="og:description"]/@content'
    ' | //meta[@name="twitter:description"]/@content'
)
_NOT_SHOWN = frozenset({"head", "script", "style", "noscript", "template", "title", "meta", "option", "textarea"})
_TRUNCATION = ("…", "...", "[…]", "[...]")


def shown_lead(tree: lxml.html.HtmlElement | None) -> str | None:
    """The page's description as the page shows it (the smallest block that begins with it),
    or None when the page has no description of a lead's length or does not show it."""
    if tree is None:
        return None
    for content in tree.xpath(_DESCRIPTIONS):
        description = _norm(str(content))
        for mark in _TRUNCATION:
            description = description.removesuffix(mark).rstrip()
        if count_words(description) < MIN_LEAD_WORDS:
            continue
        block = _smallest_block(tree, description)
        if block is not None:
            return block
    return None


def _smallest_block(tree: lxml.html.HtmlElement, description: str) -> str | None:
    key = description[:_KEY_CHARS]
    most = len(description) + _SPARE_CHARS
    found = None
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _NOT_SHOWN:
            continue
        if any(isinstance(a.tag, str) and a.tag in _NOT_SHOWN for a in element.iterancestors()):
            continue
        text = _norm(element.text_content())
        if len(text) <= most and text.startswith(key) and (found is None or len(text) < len(found)):
            found = text
    return found


def with_lead(body: str, lead: str | None) -> str:
    """``body`` with ``lead`` put before it, unless the body already has it (its first or its
    last words, compared without case)."""
    if not lead:
        return body
    words = lead.split()
    folded = _norm(body).casefold()
    heads = (" ".join(words[:_MATCH_WORDS]).casefold(), " ".join(words[-_MATCH_WORDS:]).casefold())
    if any(head in folded for head in heads):
        return body
    return f"{lead}\n\n{body}"


def _norm(text: str) -> str:
    return " ".join(text.split())


LINK_HEADING_WORDS = 16
"""A line this short that does not end like a sentence and is a link's whole text is a teaser of
another page (a related story, a "read on" link), not a heading of this article. The link path
passes its own limit (``summarizer.extract.LINK_HEADING_WORDS``, chosen by cross-validation)."""
_SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", "؟", "।")


def without_link_headings(
    body: str, tree: lxml.html.HtmlElement | None, url: str | None, words: int = LINK_HEADING_WORDS
) -> str:
    """``body`` (paragraphs apart) without its lines that are a link's whole text: a short line
    that does not end like a sentence and reads as the text of a link to another page of the
    same site (a related story; not an anchor on the same page, as a table of contents has, nor
    a link to another site, which the article cites)."""
    if tree is None:
        return body
    sites = _sites(tree, url)
    links = {_link_key(a.text_content()) for a in tree.iter("a") if _same_site(a.get("href") or "", sites)}
    links.discard("")
    return "\n\n".join(line for line in body.split("\n\n") if not _teaser(line, links, words))


def _teaser(line: str, links: set[str], words: int) -> bool:
    return _short_unterminated(line, words) and _link_key(line) in links


def _sites(tree: lxml.html.HtmlElement, url: str | None) -> set[str]:
    """The page's own hosts: its address's and those its canonical, og:url, short and alternate
    links name (a republished story's canonical link names the first publisher's site)."""
    named = tree.xpath(
        '//link[@rel="canonical" or @rel="shortlink" or @rel="alternate"]/@href | //meta[@property="og:url"]/@content'
    )
    return {_host(str(u)) for u in [url or "", *named]} - {""}


def _same_site(href: str, sites: set[str]) -> bool:
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return False
    host = _host(href)
    return not host or host in sites


def _host(url: str) -> str:
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _link_key(text: str) -> str:
    return " ".join(text.removeprefix("- ").split()).strip(" .:;,!?|»›«‹<>-–").casefold()


_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
"""What joins a headline to the site's name or a date in a page's title ("X | Site | 23.05.2011")."""
TITLE_REPEAT_WORDS = 30


def without_title_repeats(body: str, title: str | None) -> str:
    """``body`` without the lines that repeat the headline with other parts joined to it (the
    site's name, a section, a date: "Headline | Section | Site"): a short line that does not end
    like a sentence and whose longest part is the headline's longest part."""
    core = _core(title or "")
    if not core:
        return body
    lines = body.split("\n\n")
    kept = [line for line in lines if not (_short_unterminated(line, TITLE_REPEAT_WORDS) and _core(line) == core)]
    return "\n\n".join(kept) if kept else body


def _core(text: str) -> str:
    parts = [part for part in _TITLE_PARTS.split(" ".join(text.split())) if part]
    return max(parts, key=len).casefold() if parts else ""


def _short_unterminated(line: str, words: int) -> bool:
    return count_words(line) <= words and not line.rstrip().endswith(_SENTENCE_ENDS)


CAPTION_WORDS = 12
"""A line this short right above a photo credit is the photo's caption."""
_CREDIT_LINE = re.compile(
    r"^\W{0,3}(?:©|\(c\)|(?:photo|foto|bild|image|picture|credit|quelle|source|crédit|fuente)s?\s*:)", re.IGNORECASE
)
_CREDIT_WORDS = 8


def without_credited_captions(body: str) -> str:
    """``body`` without the photo captions standing right above their credit line ("Rust on the
    lake's west shore." then "© Photo Agency"); the credit line is left to the article parser."""
    lines = body.split("\n\n")
    kept = [
        line
        for line, after in zip(lines, [*lines[1:], ""], strict=True)
        if not (count_words(line) <= CAPTION_WORDS and _is_credit(after) and not _is_credit(line))
    ]
    return "\n\n".join(kept) if kept else body


def _is_credit(line: str) -> bool:
    return count_words(line) <= _CREDIT_WORDS and _CREDIT_LINE.match(line) is not None


BOX_WORDS = 30
"""A block of the page this long that the page shows twice, whole, is a box of the layout."""
MAX_BOX_SHARE = 0.5
"""Boxes are dropped only while the body keeps more than this share of its words: a body that is
mostly a repeated block is the article shown twice (a teaser copy of it), not a box."""
_BLOCKS = ("div", "section", "aside", "ul", "ol", "table", "article", "figure", "blockquote")


def without_repeated_boxes(body: str, tree: lxml.html.HtmlElement | None) -> str:
    """``body`` without the lines of a box the page shows twice (an info box or a widget placed
    once for wide and once for narrow screens): a block of BOX_WORDS words or more whose whole
    text two separate elements of the page hold; the article's own text is there once."""
    if tree is None:
        return body
    seen: dict[str, int] = {}
    for element in tree.iter(*_BLOCKS):
        text = _norm(element.text_content())
        if count_words(text) < BOX_WORDS:
            continue
        parent = element.getparent()
        if parent is not None and _norm(parent.text_content()) == text:
            continue  # a wrapper of the same text: counted once, at its outermost element
        seen[text] = seen.get(text, 0) + 1
    boxes = [text for text, times in seen.items() if times >= 2]
    if not boxes:
        return body
    lines = body.split("\n\n")
    kept = [line for line in lines if not any(_norm(line) in box for box in boxes)]
    if count_words(" ".join(kept)) <= MAX_BOX_SHARE * count_words(body):
        return body
    return "\n\n".join(kept)
