"""Sentence and word splitting for news text, with no downloaded data.

sumy's stock ``Tokenizer("english")`` needs NLTK's punkt model from the internet; sumy's parsers
and summarizers only ever call ``to_sentences`` and ``to_words`` on the tokenizer they are given,
so :class:`Tokenizer` supplies both from the rules below.

Every sentence returned is a verbatim slice of the input (stripped), so that summaries and key
facts can always be traced back to the text they came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from .languages import Language, language

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
        "rs",  # rupees: "Rs. 500 crore"
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


def _marks() -> str:
    """Every combining mark of the Basic Multilingual Plane as character-class ranges: the vowel
    signs of Devanagari and the vowel marks of Arabic belong to the word they sit in."""
    codes = [c for c in range(0x300, 0x10000) if unicodedata.category(chr(c)).startswith("M")]
    ranges: list[tuple[int, int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


MAX_SENTENCE_CHARS = 1_200
"""A longer run without a sentence end (no punctuation, one long line) is cut between words
into sentences this long at most, so that no later stage sees an unbounded sentence. The
longest sentence in the dev set has 816 characters."""
_BLANK_LINE = re.compile(r"\n\s*\n")
STOPS = ".!?…。！？؟।॥۔"
"""Marks that can end a sentence: Latin, CJK, Arabic and Persian "؟", Devanagari "।", Urdu "۔"."""
_CLOSERS = "\"'”’“»)\\]」』）"
_TERMINATOR = re.compile(rf"[{STOPS}]+[{_CLOSERS}]*")
# A word part: letters and digits, with the combining marks and the zero-width (non-)joiners that
# Persian and Indic words hold inside them ("می‌شود").
_PART = rf"[^\W_]+(?:[{_marks()}\u200c\u200d]+[^\W_]*)*"
_WORD = re.compile(rf"{_PART}(?:(?:['’\-]|[.,](?=\d)){_PART})*")
_SPACELESS = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"  # Thai, Lao, Myanmar, Khmer
    r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"  # kana, Han
)
"""Runs of Thai, Lao, Myanmar, Khmer, Han and kana: scripts that write words without spaces between them."""
# A figure with a decimal point ("$3.00", "10.9bn", "2.5%"): its point is inside the number,
# so a full stop after it is an ordinary one.
_DECIMAL = re.compile(r"[^\w]*\d[\d,]*\.\d+[^\W\d_]*%?")
_QUOTES_BEFORE_A_WORD = "\"'“‘(["
_OPENERS = "\"'“‘«„「『([¿¡"
_ALWAYS_ENDS = "。！？।॥"
_CJK_BRACKETS = (("《", "》"), ("「", "」"), ("『", "』"))
"""Stops that end a sentence whatever follows (in CJK nothing but the next sentence follows)."""
CHARS_PER_WORD = 1.6
"""Chinese and Japanese words run about this many characters: text without spaces is measured by it."""


@dataclass(frozen=True)
class _Rules:
    """What a language changes in sentence splitting: its abbreviations and sentence openers."""

    titles: frozenset[str]
    starters: frozenset[str]
    ordinal_period: bool


@cache
def _rules(code: str) -> _Rules:
    lang: Language = language(code)
    return _Rules(_TITLES | lang.titles, _STARTERS | lang.starters, lang.ordinal_period)


def split_sentences(text: str, language: str = "en", max_chars: int | None = MAX_SENTENCE_CHARS) -> list[str]:
    """Split text into sentences; each one is a stripped, verbatim slice of ``text``."""
    return [text[start:end] for start, end in sentence_spans(text, language, max_chars)]


def sentence_spans(
    text: str, language: str = "en", max_chars: int | None = MAX_SENTENCE_CHARS
) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, blank lines always ending one."""
    rules = _rules(language)
    spans: list[tuple[int, int]] = []
    begin = 0
    for gap in (*_BLANK_LINE.finditer(text), None):
        end = gap.start() if gap else len(text)
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if begin < end:
            _split_block(text, begin, end, spans, rules, max_chars)
        if gap:
            begin = gap.end()
    return spans


def _split_block(
    text: str, begin: int, end: int, spans: list[tuple[int, int]], rules: _Rules, max_chars: int | None
) -> None:
    start = begin
    for match in _TERMINATOR.finditer(text, begin, end):
        stop = match.end()
        if stop >= end or not _is_boundary(text, match, end, rules):
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


def _is_boundary(text: str, match: re.Match[str], end: int, rules: _Rules) -> bool:
    stop = match.end()
    marks = match.group()
    if marks[0] in _ALWAYS_ENDS:
        # Inside a title 《…》 or a quote 「…」 left open, or a quote closed by 」 and taken up by と
        # or って (「必要だ。」と述べた。), the sentence goes on.
        window = text[max(0, stop - 80) : stop]
        if any(window.rfind(opening) > window.rfind(closing) for opening, closing in _CJK_BRACKETS):
            return False
        return not (marks[-1] in "」』" and text.startswith(("と", "って"), stop))
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
    if not nxt or not (nxt[0].isupper() or nxt[0].isdigit() or _caseless(nxt[0])):
        return False
    if marks != ".":
        return True
    return _period_ends_sentence(text, match.start(), nxt, rules)


def _caseless(char: str) -> bool:
    """A letter of a script without capitals (Arabic, Devanagari, Han): any word of it may open a sentence."""
    return char.isalpha() and not char.islower() and not char.isupper()


# Spaces and opening quotes, then a run of letters and digits: ``\s`` is ``str.isspace`` and
# ``[^\W_]`` is ``str.isalnum``, character for character.
_NEXT_WORD = re.compile(rf"[\s{re.escape(_OPENERS)}]*([^\W_]*)")


def _next_word(text: str, pos: int, end: int) -> str:
    """The word that follows ``pos`` (before ``end``), past spaces and opening quotes."""
    found = _NEXT_WORD.match(text, pos, end)
    return found.group(1) if found else ""


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


def _period_ends_sentence(text: str, dot: int, nxt: str, rules: _Rules) -> bool:
    word = _word_before(text, dot)
    bare = word.rstrip(".").lower()
    if not bare or not bare[-1].isalnum():
        return True
    if bare in rules.titles:
        return False
    if rules.ordinal_period and bare.isdigit() and len(bare) <= 2 and not nxt[0].isdigit():
        return nxt.lower() in rules.starters  # "am 3. Oktober", "der 2. Weltkrieg"; "auf 12. Das ..." ends
    if bare in _MONTHS:
        return not nxt[0].isdigit()
    if bare.replace(".", "").isdigit():
        return True  # a figure or a date ("on 20.09.") ends the sentence it closes
    if len(bare) == 1 and word[0].islower() and len(nxt) == 1 and (dot < 2 or text[dot - 2].isspace()):
        return False  # one letter of a spaced abbreviation: "z. B.", "т. е."
    if len(bare) == 1 and bare.isalpha() and word[0].isupper():
        # An initial ("George W. Bush"), unless the next word plainly opens a sentence.
        return nxt.lower() in rules.starters and nxt.lower() not in rules.titles
    if _DECIMAL.fullmatch(bare):
        return True
    if bare in _INNER or "." in bare:
        # "U.S.", "a.m.", "Inc.": a boundary only before a word that opens sentences.
        return nxt.lower() in rules.starters or (bare == "no" and not nxt[0].isdigit())
    return True


def split_words(sentence: str) -> tuple[str, ...]:
    """Words of a sentence: letters and digits, keeping "10.9bn", "2,277th" and "don't" whole;
    text without spaces (Han, kana) as overlapping pairs of characters, as CJK search indexes do."""
    return _words(sentence)


@lru_cache(maxsize=65536)
def _words(sentence: str) -> tuple[str, ...]:
    words = _WORD.findall(sentence)
    if _SPACELESS.search(sentence) is None:
        return tuple(words)
    return tuple(piece for word in words for piece in _pieces(word))


def _pieces(word: str) -> list[str]:
    """A word's runs of spaceless script as character pairs (a lone character alone), the rest whole."""
    pieces: list[str] = []
    position = 0
    for run in _SPACELESS.finditer(word):
        if run.start() > position:
            pieces.append(word[position : run.start()])
        chars = run.group()
        pieces.extend([chars] if len(chars) == 1 else [chars[i : i + 2] for i in range(len(chars) - 1)])
        position = run.end()
    if position < len(word):
        pieces.append(word[position:])
    return pieces


def count_words(text: str) -> int:
    """How many words ``text`` holds: its space-separated ones, and for a script without spaces
    its characters over ``CHARS_PER_WORD``."""
    if text.isascii():  # no script without spaces: a constant-time test, far faster than the pattern
        return len(text.split())
    spaceless = sum(len(run) for run in _SPACELESS.findall(text))
    if not spaceless:
        return len(text.split())
    others = [t for t in _SPACELESS.sub(" ", text).split() if any(c.isalnum() for c in t)]
    return len(others) + round(spaceless / CHARS_PER_WORD)


class Tokenizer:
    """The tokenizer sumy's parsers and summarizers are given in place of its NLTK one."""

    def __init__(self, language: str = "en") -> None:
        self.code = language
        self.language = _language_name(language)

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph, self.code))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return split_words(sentence)


def _language_name(code: str) -> str:
    return language(code).name
