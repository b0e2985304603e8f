"""What the key-fact rules ask of a language: its digits, month names, quotations and whether
capital letters can find its names. Pure functions over :class:`Language` data."""

from __future__ import annotations

import re
from functools import cache

from ..models import FactKind
from .model import Language

NAME_KINDS = frozenset({FactKind.PERSON, FactKind.ORGANIZATION, FactKind.PLACE})


def names_by_capitals(lang: Language) -> bool:
    """Whether a run of capitalized words can be taken for a name: not in scripts without
    capitals (Arabic, Persian, Devanagari, Han, kana), nor in German, which capitalizes every noun."""
    return lang.capitals and not lang.capitalized_nouns


def month_number(lang: Language, word: str) -> int | None:
    """The month a word names in this language (1 for January), or None."""
    return lang.month_numbers.get(word.lower().rstrip("."))


@cache
def _quote_pattern(lang: Language) -> re.Pattern[str]:
    # What a quote holds opens with a word (or ¿ ¡) and ends without a space: a closing mark and the
    # next opening one, with a speaker between them, are no quote.
    pairs = "|".join(
        f"{re.escape(o)}((?=[\\w¿¡])[^{re.escape(o + c)}]*?[^\\s{re.escape(o + c)}]){re.escape(c)}"
        for o, c in lang.quotes
    )
    return re.compile(pairs)


def quotations(lang: Language, text: str) -> list[tuple[int, int]]:
    """Spans of the text inside this language's quote marks (« », „ “, 「 」, “ ”), marks excluded."""
    spans = []
    for found in _quote_pattern(lang).finditer(text):
        group = next(i for i in range(1, len(lang.quotes) + 1) if found.group(i) is not None)
        spans.append(found.span(group))
    return spans


_DIGIT_RUN = re.compile(r"\d+(?:[.,٫٬]\d+)*")


def numbers(lang: Language, text: str) -> list[tuple[int, int, float]]:
    """Each number written in digits, any of the language's digits (Arabic-Indic, Persian,
    Devanagari or 0-9), with its span and value; the decimal mark is read as the language writes it."""
    found = []
    for match in _DIGIT_RUN.finditer(text):
        digits = lang.ascii_digits(match.group())
        found.append((match.start(), match.end(), _value(digits, lang)))
    return found


def _value(digits: str, lang: Language) -> float:
    digits = digits.replace("٫", ".").replace("٬", "")
    thousands, decimal = (".", ",") if lang.decimal_comma else (",", ".")
    digits = digits.replace(thousands, "").replace(decimal, ".")
    head, dot, tail = digits.partition(".")
    return float(f"{head}{dot}{tail.replace('.', '')}")
