"""Figures, dates and quotes in the other served languages, read through each language's data
(:mod:`summarizer.languages.hooks`): its digits, month names and quote marks. English keeps
its own, richer rules (:mod:`.figures`, :mod:`.dates`, :mod:`.quotes`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from ..languages import Language
from ..languages.hooks import quotations
from ..models import Article, FactKind
from ..tokenize import count_words
from .candidate import _Candidate

_YEAR = re.compile(r"(?<![\d.,])(?:1[89]\d\d|20\d\d)(?![\d.,]\d)")
"""A year, read on the text with its digits written 0-9 (the spans stay put: one for one)."""
_CJK_DATE = re.compile(r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日")
_FIGURE = re.compile(r"(?<![\w.,])\d+(?:[.,٫٬]\d+)*(?:\s?%|٪)?(?:\s+[^\W\d_]\S*)?")
"""A number in any digits with its percent sign, and the word after it: what it counts (a word
runs to the next space, so that Devanagari vowel signs and Persian joiners stay in it)."""
_AFTER_WORD = ",.;:!?،؛»”\"')）」』–—"
MIN_QUOTE_WORDS = 4


@cache
def _month_date(lang: Language) -> re.Pattern[str] | None:
    """A date with the language's month name: "3. Oktober 2026", "1 января", "marzo de 2024"."""
    forms = sorted((f for month in lang.months for f in month if len(f) > 2), key=len, reverse=True)
    if not forms:
        return None
    months = "|".join(re.escape(f) for f in forms)
    return re.compile(
        rf"(?<!\w)(?:\d{{1,2}}\.?\s+(?:de\s+)?)?(?:{months})(?!\w)(?:\s+(?:de\s+)?\d{{4}})?", re.IGNORECASE
    )


def date_spans(text: str, lang: Language) -> list[tuple[int, int]]:
    """Where ``text`` names a date: with the language's month names, in CJK 年月日, or a year."""
    pattern = _month_date(lang)
    ascii_text = lang.ascii_digits(text)
    found = [m.span() for m in (*(pattern.finditer(text) if pattern else ()), *_CJK_DATE.finditer(ascii_text))]
    found += [m.span() for m in _YEAR.finditer(ascii_text) if not _within(m.start(), found)]
    taken: list[tuple[int, int]] = []
    for span in sorted(found):
        if not _within(span[0], taken):
            taken.append(span)
    return taken


def local_dates(article: Article, lang: Language) -> list[_Candidate]:
    """Dates written with the language's month names or digits, each once, its mentions counted."""
    seen: dict[str, _Candidate] = {}
    for sentence in article.sentences:
        for start, end in date_spans(sentence.text, lang):
            shown = sentence.text[start:end]
            key = lang.ascii_digits(shown).casefold()
            if key in seen:
                seen[key].named_again(sentence.index)
            else:
                seen[key] = _Candidate(FactKind.DATE, shown, sentence.index, span=(start, end))
    return list(seen.values())


def local_figures(article: Article, lang: Language) -> list[_Candidate]:
    """Numbers in any of the language's digits with what they count, dates left out."""
    found: list[_Candidate] = []
    for sentence in article.sentences:
        dates = date_spans(sentence.text, lang)
        for match in _FIGURE.finditer(sentence.text):
            if not _within(match.start(), dates):
                shown = match.group().rstrip(_AFTER_WORD)
                span = (match.start(), match.start() + len(shown))
                found.append(_Candidate(FactKind.FIGURE, shown, sentence.index, span=span))
    return found


def local_quotes(article: Article, lang: Language) -> Iterable[_Candidate]:
    """Quotes of four words or more in the language's quote marks («», „“, 「」), marks kept."""
    for sentence in article.sentences:
        for start, end in quotations(lang, sentence.text):
            if count_words(sentence.text[start:end]) >= MIN_QUOTE_WORDS:
                yield _Candidate(FactKind.QUOTE, sentence.text[start - 1 : end + 1], sentence.index)


def _within(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)
