"""Sentence and word splitting for news text, with no downloaded data.

sumy's stock ``Tokenizer("english")`` needs NLTK's punkt model from the internet; sumy's parsers
and summarizers only ever call ``to_sentences`` and ``to_words`` on the tokenizer they are given,
so :class:`Tokenizer` supplies both from the rules below.

Every sentence returned is a verbatim slice of the input (stripped), so that summaries and key
facts can always be traced back to the text they came from.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Titles before a name never end a sentence ("Mr. Smith", "Gen. Allen").
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "messrs",
        "dr",
        "prof",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "cpl",
        "pvt",
        "st",
        "rev",
        "hon",
        "fr",
        "pres",
        "supt",
        "insp",
        "det",
        "judge",
        "atty",
        "mt",
        "ft",
        # Military, police and civic ranks ("Spc. Jones", "Pfc. Manning", "Pte. Smith").
        "spc",
        "pfc",
        "pte",
        "ssgt",
        "sgts",
        "brig",
        "cdr",
        "ens",
        "cpo",
        "const",
        "msgr",
        "sens",
        "reps",
        "govs",
        "lts",
        "rt",
    ]
)
_MONTHS = frozenset(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])
# Abbreviations that usually sit inside a sentence but may close one ("... of Apple Inc.").
_INNER = frozenset(
    [
        "inc",
        "ltd",
        "co",
        "corp",
        "plc",
        "bros",
        "vs",
        "etc",
        "approx",
        "est",
        "dept",
        "univ",
        "fig",
        "al",
        "no",
        "nos",
        "jr",
        "sr",
        "ave",
        "blvd",
        "rd",
        "cf",
        "ca",
        "vol",
        "pp",
        "op",
        "ed",
        "eds",
    ]
)
# Words that open a new sentence after an ambiguous abbreviation ("in the U.S. The ...").
_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "there",
        "but",
        "and",
        "so",
        "yet",
        "in",
        "on",
        "at",
        "for",
        "if",
        "when",
        "while",
        "after",
        "before",
        "as",
        "mr",
        "mrs",
        "ms",
        "dr",
        "however",
        "meanwhile",
    ]
)

MAX_SENTENCE_CHARS = 1_200
"""A longer run without a sentence end (no punctuation, one long line) is cut between words
into sentences this long at most, so that no later stage sees an unbounded sentence. The
longest sentence in the dev set has 816 characters."""
_BLANK_LINE = re.compile(r"\n\s*\n")
_TERMINATOR = re.compile(r"[.!?…。！？]+[\"'”’»)\]]*")
_WORD = re.compile(r"[^\W_]+(?:(?:['’\-]|[.,](?=\d))[^\W_]+)*")
# A figure with a decimal point ("$3.00", "10.9bn", "2.5%"): its point is inside the number,
# so a full stop after it is an ordinary one.
_DECIMAL = re.compile(r"[^\w]*\d[\d,]*\.\d+[^\W\d_]*%?")
_QUOTES_BEFORE_A_WORD = "\"'“‘(["
_OPENERS = "\"'“‘«([¿¡"
_CJK_STOPS = "。！？"


def split_sentences(text: str, max_chars: int | None = MAX_SENTENCE_CHARS) -> list[str]:
    """Split text into sentences; each one is a stripped, verbatim slice of ``text``."""
    return [text[start:end] for start, end in sentence_spans(text, max_chars)]


def sentence_spans(text: str, max_chars: int | None = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, blank lines always ending one."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for gap in (*_BLANK_LINE.finditer(text), None):
        end = gap.start() if gap else len(text)
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if begin < end:
            _split_block(text, begin, end, spans, max_chars)
        if gap:
            begin = gap.end()
    return spans


def _split_block(text: str, begin: int, end: int, spans: list[tuple[int, int]], max_chars: int | None) -> None:
    start = begin
    for match in _TERMINATOR.finditer(text, begin, end):
        stop = match.end()
        if stop >= end or not _is_boundary(text, match, end):
            continue
        _append(text, start, stop, spans, max_chars)
        start = stop
    _append(text, start, end, spans, max_chars)


def _append(text: str, start: int, stop: int, spans: list[tuple[int, int]], max_chars: int | None) -> None:
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    while max_chars and stop - start > max_chars:
        cut = text.rfind(" ", start + max_chars // 2, start + max_chars)
        cut = cut if cut > start else start + max_chars
        _append(text, start, cut, spans, max_chars)
        start = cut
        while start < stop and text[start].isspace():
            start += 1
    if start < stop:
        spans.append((start, stop))


def _is_boundary(text: str, match: re.Match[str], end: int) -> bool:
    stop = match.end()
    marks = match.group()
    if marks[0] in _CJK_STOPS:
        return True
    following = text[stop]
    if not following.isspace():
        # "said.The": a missing space after a full stop between two words.
        return (
            marks == "."
            and following.isupper()
            and stop + 1 < end
            and text[stop + 1].islower()
            and text[match.start() - 2 : match.start()].isalpha()
            and text[match.start() - 2 : match.start()].islower()
        )
    nxt = _next_word(text, stop, end)
    if not nxt or not (nxt[0].isupper() or nxt[0].isdigit()):
        return False
    if marks != ".":
        return True
    return _period_ends_sentence(text, match.start(), nxt)


def _next_word(text: str, pos: int, end: int) -> str:
    while pos < end and (text[pos].isspace() or text[pos] in _OPENERS):
        pos += 1
    stop = pos
    while stop < end and text[stop].isalnum():
        stop += 1
    return text[pos:stop]


def _word_before(text: str, end: int) -> str:
    """The word that ends at ``end``, without the quotes or brackets that open it, from the 40
    characters before (a pattern searched there tries every start, each up to ``end``)."""
    window = text[max(0, end - 40) : end]
    if window.endswith("\n"):  # a stop just after a line break: the word is the one before it
        window = window[:-1]
    if not window or window[-1].isspace():
        return ""
    word = window.rsplit(None, 1)[-1]
    return word[max(map(word.rfind, _QUOTES_BEFORE_A_WORD)) + 1 :]


def _period_ends_sentence(text: str, dot: int, nxt: str) -> bool:
    word = _word_before(text, dot)
    bare = word.rstrip(".").lower()
    if not bare or not bare[-1].isalnum():
        return True
    if bare in _TITLES:
        return False
    if bare in _MONTHS:
        return not nxt[0].isdigit()
    if len(bare) == 1 and bare.isalpha() and word[0].isupper():
        # An initial ("George W. Bush"), unless the next word plainly opens a sentence.
        return nxt.lower() in _STARTERS and nxt.lower() not in _TITLES
    if _DECIMAL.fullmatch(bare):
        return True
    if bare in _INNER or "." in bare:
        # "U.S.", "a.m.", "Inc.": a boundary only before a word that opens sentences.
        return nxt.lower() in _STARTERS or (bare == "no" and not nxt[0].isdigit())
    return True


def split_words(sentence: str) -> tuple[str, ...]:
    """Words of a sentence: letters and digits, keeping "10.9bn", "2,277th" and "don't" whole."""
    return _words(sentence)


@lru_cache(maxsize=65536)
def _words(sentence: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(sentence))


class Tokenizer:
    """The tokenizer sumy's parsers and summarizers are given in place of its NLTK one."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return split_words(sentence)
