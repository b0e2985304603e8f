"""The key facts' fast scans find exactly what the plain patterns they stand in for find.

Each scan is written for speed (a pattern that begins with a letter or a sign, which the regex
engine skips to); these properties hold them to the plain pattern on text built from the pieces
figures, dates and names are made of, in any order and spacing.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from summarizer.facts import dates, described, figures, runs

_PIECES = [
    *"0123456789",
    "£",
    "$",
    "A$",
    "€",
    ",",
    ".",
    "-",
    "/",
    "'",
    "’",
    "%",
    "(",
    "_",
    "—",
    "é",
    " ",
    "  ",
    "\n",
    "more than",
    "More than",
    "just over",
    "over",
    "some",
    "an estimated",
    "about",
    "seven",
    "seventeen",
    "often",
    "twenty-five",
    "dozens",
    "million",
    "hundred",
    "people",
    "per cent",
    "m",
    "bn",
    "ft",
    "year",
    "-year-old",
    "attended",
    "the",
    "of",
    "Monday",
    "yesterday",
    "Tonight",
    "last week",
    "earlier this month",
    "May",
    "Jan.",
    "March",
    "am",
    "p.m.",
    "John",
    "Smith",
    "D.C.",
    "U.S.",
    "Saint-Germain",
    "O'Neill",
    "Channel",
    "de",
    "van der",
    "X",
    "A",
]
# Pieces mostly with a space between, as words stand in sentences, sometimes glued together.
_TEXT = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", " ", " ", "", ", "])), max_size=30).map(
    lambda pieces: "".join(piece + gap for piece, gap in pieces)
)


def _found(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


@given(_TEXT)
@example("just over 5 people and more than  12 men, A$5bn and (some 400 cases")
@example("often seven people, twenty-five men and xabout 5 km")
def test_figures_are_found_as_the_figure_pattern_finds_them(text: str) -> None:
    assert _found(figures._figure_matches(text)) == _found(figures._FIGURE.finditer(text))


@given(_TEXT)
def test_a_sentence_without_the_date_hint_has_no_date(text: str) -> None:
    if not dates._DATE_HINT.search(text):
        assert not dates._DATE.search(text)


_PLAIN_NAME = re.compile(rf"(?<![\w'’-]){runs._TOKEN}" + runs._NAME.pattern.removeprefix(runs._FIRST_TOKEN))
_PLAIN_CAPITALIZED = re.compile(r"\b[A-Z][a-z]+")


@given(_TEXT)
def test_names_are_found_as_the_look_behind_pattern_finds_them(text: str) -> None:
    assert _found(runs._NAME.finditer(text)) == _found(_PLAIN_NAME.finditer(text))
    assert _PLAIN_CAPITALIZED.findall(text) == described._CAPITALIZED_TOKEN.findall(text)


def test_the_trie_pattern_prefers_the_longest_word() -> None:
    pattern = re.compile(figures._trie(["seven", "seventeen", "seventy", "six"]))
    assert pattern.findall("seventeen seventy seven sixty") == ["seventeen", "seventy", "seven", "six"]
