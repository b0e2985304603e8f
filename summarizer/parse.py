"""Raw article text -> :class:`Article`.

Raw news text as it is copied or scraped comes with a title line, a lead, photo captions with
their credits, bylines and site boilerplate ("Read more", "Subscribe", "© Site 2024", a site's
"News Feed" line...). Each line is classified by general rules; only body lines reach the
article's paragraphs, so summaries can never pick a caption or boilerplate sentence.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from .boilerplate import clean_line
from .captions import unglue_captions
from .languages import Language, UnsupportedLanguage, identify, language
from .lines import BOILERPLATE, CAPTION_START, CREDIT, SENTENCE_STOPS, credit_tail, line_kind
from .models import Article, Caption, Sentence
from .tokenize import count_words, sentence_spans

MAX_CHARS = 300_000
"""Longer input is refused: no news article is this long, and ranking cost grows with length."""
MAX_SENTENCES = 3_000
"""More sentences are refused too (the dev set's longest article has 151): with sentences of at
most MAX_SENTENCE_CHARS, every later stage works on a bounded amount of text."""

_TITLE_MAX_WORDS = 30

_BYLINE = re.compile(
    r"(?:^|\b(?:reports?|stories|articles?|written|reporting|posted|words)\s)by\s+"
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|al|bin|da)){0,4})"
    r"(?:\s*[,;|–—-]\s*.*)?\s*$",
    re.IGNORECASE,
)
_SOURCE = [
    re.compile(r"^(?P<src>.+?)\s+(?:news\s?feed|newsroom|news\s+desk|staff)\s*$", re.I),
    re.compile(
        r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<src>[^.|,;]+?)"
        r"\s*(?:\d{4})?\s*(?:[.|,;]|all rights|$)",
        re.I,
    ),
    re.compile(r"^source\s*:\s*(?P<src>.+?)\s*$", re.I),
    re.compile(r"^follow\s+(?P<src>.+?)\s+on\s+\w+", re.I),
]
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?")
# Zero-width joiners (U+200C, U+200D) stay: Persian and Indic words are spelled with them.
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff]")


class ArticleError(ValueError):
    """Input that cannot be parsed into an article; the message says why, in one line."""


@dataclass
class _Draft:
    title: str = ""
    blocks: list[list[str]] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    author: str | None = None
    source: str | None = None
    published: datetime | None = None


def parse_article(
    raw: str,
    *,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    author: str | None = None,
    published: datetime | None = None,
    language: str | None = None,
) -> Article:
    """Parse raw article text; with ``title`` given, the text is taken as body only. The language
    (ISO 639-1) is found from the text unless ``language`` says it; one not served is an ArticleError."""
    text = clean_text(raw)
    lang = _language(text if title is None else f"{title}\n{text}", language)
    lines = text.split("\n")
    draft = _Draft(title=_normalize_space(title or ""))
    if not draft.title:
        draft.title, lines = _take_title(lines)
    _classify(lines, draft, repeated_title=draft.title if lines and draft.title else "", lang=lang)
    return _build(draft, url=url, source=source, author=author, published=published, lang=lang)


def _language(text: str, given: str | None) -> Language:
    """The caller's language, or the text's own; a language not served says which ones are."""
    try:
        return language(given if given else identify(text))
    except UnsupportedLanguage as error:
        raise ArticleError(str(error)) from error


def clean_text(raw: str) -> str:
    """Normalized text, or :class:`ArticleError` for empty, binary or oversized input."""
    if "\x00" in raw or _control_share(raw) > 0.02:
        raise ArticleError("this looks like binary data, not text")
    text = _ZERO_WIDTH.sub("", unicodedata.normalize("NFC", raw))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").strip()
    if not any(c.isalnum() for c in text):
        raise ArticleError("there is no text to summarize")
    if len(text) > MAX_CHARS:
        raise ArticleError(f"the text is too long ({len(text):,} characters; the limit is {MAX_CHARS:,})")
    return text


def article_id(title: str, body: str) -> str:
    """Stable id: the same title and body always give the same id."""
    normalized = _normalize_space(f"{title}\n{body}").casefold()
    return hashlib.sha256(normalized.encode()).hexdigest()[:10]


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff]")


def _control_share(text: str) -> float:
    """Share of control, surrogate and private-use characters: high in binary data."""
    sample = text[:20_000]
    return len(_CONTROL.findall(sample)) / len(sample) if sample else 0.0


_ASCII_SPACES_BUT_ONE = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
"""What ``str.split`` splits ASCII text at, besides the space."""


def _normalize_space(text: str) -> str:
    """Runs of white space as one space, none at either end. ASCII text that has them so already
    (most lines) is told by a few substring tests, without splitting it into words and joining them."""
    if (
        text.isascii()
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and not any(map(text.__contains__, _ASCII_SPACES_BUT_ONE))
    ):
        return text
    return " ".join(text.split())


def _take_title(lines: list[str]) -> tuple[str, list[str]]:
    for i, line in enumerate(lines):
        line = _normalize_space(line)
        if not line:
            continue
        rest = lines[i + 1 :]
        short = count_words(line) <= _TITLE_MAX_WORDS
        looks_like_title = short and (not line.endswith(SENTENCE_STOPS) or (rest and not rest[0].strip()))
        if looks_like_title and any(x.strip() for x in rest):
            return line, rest
        return "", lines[i:]
    return "", []


def _title_from_sentence(line: str, code: str) -> str:
    spans = sentence_spans(line, code)
    first = line[spans[0][0] : spans[0][1]] if spans else line
    words = first.split()
    return " ".join(words[:14]) + ("…" if len(words) > 14 else "")


def _classify(lines: list[str], draft: _Draft, repeated_title: str, lang: Language) -> None:
    block: list[str] = []
    title_key = repeated_title.casefold().rstrip(".…")
    for raw_line in lines:
        line = _normalize_space(raw_line)
        kind = line_kind(line, title_key, lang) if line else "blank"
        if kind == "captioned":  # article text with a photo's caption glued after it
            line, caption = credit_tail(line) or (line, "")
            draft.captions.append(_caption(caption))
            kind = "text"
        cleaned = clean_line(line) if kind in ("text", "heading") else line
        if not cleaned and kind in ("text", "heading"):
            kind = "boilerplate"
        if kind == "text":
            text, captions = unglue_captions(cleaned)
            block.append(text)
            draft.captions.extend(Caption(text=c) for c in captions)
            continue
        if block:
            draft.blocks.append(block)
            block = []
        if kind == "heading":
            draft.blocks.append([cleaned])  # a subheading is article text, a paragraph of its own
        else:
            _absorb(kind, line, draft)
    if block:
        draft.blocks.append(block)


def _absorb(kind: str, line: str, draft: _Draft) -> None:
    if kind == "caption":
        draft.captions.append(_caption(line))
    elif kind == "dateline":
        found = _ISO_DATE.search(line)
        if found and draft.published is None:
            draft.published = _parse_date(found.group())
    elif kind in ("byline", "boilerplate"):
        byline = _BYLINE.search(line)
        if byline and draft.author is None:
            draft.author = byline.group("name").strip(" .")
        if draft.source is None and kind != "byline":
            draft.source = _source_from(line)


def _caption(line: str) -> Caption:
    found = CREDIT.search(line)
    if not found:
        return Caption(text=CAPTION_START.sub("", line).strip(" :"))
    credit = (found.group("credit") or found.group("agency") or "").strip()
    return Caption(text=line[: found.start()].strip(" -–—|"), credit=credit or None)


def _source_from(line: str) -> str | None:
    for pattern in _SOURCE:
        found = pattern.search(line)
        if found:
            name = found.group("src").strip(" -–—|:")
            if name.lower() in {"us", "me", "our", "this"}:
                continue
            if 0 < len(name.split()) <= 5 and not BOILERPLATE.search(name):
                return name
    return None


def _parse_date(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _build(
    draft: _Draft,
    *,
    url: str | None,
    source: str | None,
    author: str | None,
    published: datetime | None,
    lang: Language,
) -> Article:
    paragraphs = [" ".join(block) for block in draft.blocks]
    if not paragraphs:
        raise ArticleError("there is no article text here, only a title or site boilerplate")
    split = _split_lead(paragraphs, lang.code)
    lead, body = split[0][0], [paragraph for paragraph, _ in split[1:]]
    sentences = _sentences(split)
    if not sentences:
        raise ArticleError("there is no article text to summarize")
    if len(sentences) > MAX_SENTENCES:
        raise ArticleError(f"the text has too many sentences ({len(sentences):,}; the limit is {MAX_SENTENCES:,})")
    title = draft.title or _title_from_sentence(sentences[0].text, lang.code)
    return Article(
        id=article_id(title, "\n\n".join([lead, *body])),
        title=title,
        lead=lead,
        paragraphs=tuple(body),
        sentences=tuple(sentences),
        author=byline_name(author or draft.author, source or draft.source),
        source=source or draft.source,
        captions=tuple(draft.captions),
        url=url,
        published=published or draft.published,
        language=lang.code,
    )


_DATE_WORD_LIST = (
    "january february march april june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
    " monday tuesday wednesday thursday friday saturday sunday updated published posted on"
)
_DATE_WORDS = frozenset(_DATE_WORD_LIST.split())
"""Words a flattened byline runs into from the date beside it; not "may", which is a name too."""


def byline_name(author: str | None, source: str | None) -> str | None:
    """Who wrote it, as a byline names them: without the date words a flattened byline ran into
    ("CBS News February" from "CBS News February 24, 2020"), and nobody when it only names the
    site the article comes from."""
    words = (author or "").split()
    while words and words[-1].strip(",.").casefold() in _DATE_WORDS:
        words.pop()
    name = " ".join(words).strip(" ,.")
    if not name or (source is not None and name.casefold() == source.strip().casefold()):
        return None
    return name


_Spans = list[tuple[int, int]]


def _split_lead(paragraphs: list[str], code: str) -> list[tuple[str, _Spans]]:
    """The paragraphs, lead first, each with its sentences' spans. Text in one paragraph (a
    flattened page) has its first sentence for a lead, split once: the body's spans are the
    rest of the paragraph's, moved to where the body begins."""
    if len(paragraphs) > 1:
        return [(paragraph, sentence_spans(paragraph, code)) for paragraph in paragraphs]
    only = paragraphs[0]
    spans = sentence_spans(only, code)
    if len(spans) <= 1:
        return [(only, spans)]
    begin = spans[1][0]
    body = [(start - begin, end - begin) for start, end in spans[1:]]
    return [(only[: spans[0][1]], spans[:1]), (only[begin:], body)]


def _sentences(paragraphs: list[tuple[str, _Spans]]) -> list[Sentence]:
    out: list[Sentence] = []
    for number, (paragraph, spans) in enumerate(paragraphs):
        for start, end in spans:
            text = paragraph[start:end]
            if any(map(str.isalnum, text)):  # built unvalidated: an int, an int and a str
                out.append(Sentence.trusted(len(out), number, text))
    return out
