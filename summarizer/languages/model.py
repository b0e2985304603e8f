"""What the summarizer knows of one language: plain data, read by the tokenizer, ranker, parser and facts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Language:
    """One served language. ``code`` is ISO 639-1; every word list is lower-cased."""

    code: str
    name: str
    """The English name, as sumy and Snowball spell it ("german")."""
    native: str
    """The name its readers use ("Deutsch"), for replies that list the served languages."""
    snowball: str | None = None
    """The Snowball stemmer's name, or None where Snowball has none (the words stay whole)."""
    capitals: bool = True
    """The script has capital letters: a capital can open a sentence or mark a name."""
    capitalized_nouns: bool = False
    """Every noun is capitalized (German): a capital alone does not make a name."""
    spaceless: bool = False
    """Words are not separated by spaces (Chinese, Japanese): text is measured in characters."""
    ordinal_period: bool = False
    """A number with a full stop is an ordinal ("am 3. Oktober"), not a sentence's end."""
    titles: frozenset[str] = frozenset()
    """Abbreviations that stand before a name and never end a sentence ("dr", "sr", "проф")."""
    starters: frozenset[str] = frozenset()
    """Words that open a sentence after an ambiguous abbreviation ("EE.UU. El gobierno")."""
    months: tuple[tuple[str, ...], ...] = ()
    """For each month, January first, the forms a date writes it in ("января", "январь")."""
    quotes: tuple[tuple[str, str], ...] = (("“", "”"), ('"', '"'))
    """Opening and closing quote marks, the language's own first."""
    boilerplate: tuple[str, ...] = ()
    """Phrases of site furniture in this language ("читайте также"): a short line with one is not text."""
    digits: str = ""
    """The language's own ten digits, zero first, where it has them besides 0-9."""
    decimal_comma: bool = False
    """Numbers are written 3,5 and 1.000 (three and a half, a thousand), not 3.5 and 1,000."""

    @cached_property
    def month_numbers(self) -> dict[str, int]:
        """Each written form of a month -> its number, 1 for January."""
        return {form: number for number, forms in enumerate(self.months, 1) for form in forms}

    @cached_property
    def _boilerplate_pattern(self) -> re.Pattern[str] | None:
        """A line opened by a phrase of several words, or made of a one-word phrase alone. Without
        spaces between words (Chinese, Japanese) a phrase of three characters or more opens a line
        ("责任编辑：…"); a two-character one ("广告") is a word that also opens a sentence."""
        if not self.boilerplate:
            return None
        phrases = sorted(self.boilerplate, key=len, reverse=True)
        opening = "|".join(re.escape(p) for p in phrases if " " in p or (self.spaceless and len(p) > 2))
        alone = "|".join(re.escape(p) for p in phrases if " " not in p and not (self.spaceless and len(p) > 2))
        word_end = "" if self.spaceless else "(?!\\w)"  # no word ends where no space divides words
        options = [f"(?:{opening}){word_end}" if opening else "", f"(?:{alone})\\W*$" if alone else ""]
        return re.compile(rf"^\W*(?:{'|'.join(o for o in options if o)})", re.IGNORECASE)

    def is_boilerplate(self, line: str) -> bool:
        """Whether a line is this language's site furniture ("Читайте также: ...", "Publicidad")."""
        pattern = self._boilerplate_pattern
        return pattern is not None and pattern.match(line) is not None

    def ascii_digits(self, text: str) -> str:
        """``text`` with this language's digits written 0-9, one character for one (spans stay put)."""
        if not self.digits:
            return text
        return text.translate(str.maketrans(self.digits, "0123456789"))
