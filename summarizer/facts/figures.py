"""Figures: sums, shares, counts, measures, scores and odds, as the sentence writes them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .. import lexicon as lx
from ..models import Article, FactKind
from .candidate import _DIGIT, _Candidate
from .dates import _inside
from .words import _COUNT_WORD_SET, _COUNT_WORDS, _FUNCTION_WORD_SET, _FUNCTION_WORDS, _MEASURES, _QUALIFIERS

_NUMBER = r"\d(?:[\d,]*\d)?(?:\.\d+)?"


_SCALE = "(?:billions?|millions?|trillions?|thousands?|bn|m|k)"
"""A sum's scale, the longer word first and whole: "$40 million", not "$40 m"."""
_DURATION = (
    r"\d{1,3}\s?(?:hours?|hrs?|minutes?|mins?)"
    r"(?:,?\s(?:and\s)?\d{1,2}(?:\.\d+)?\s?(?:minutes?|mins?|seconds?|secs?)\b){1,2}"
)
"""A time of two or three parts ("2 hours 17 minutes 3 seconds", "2hrs 17mins"): one figure,
as a race time written with colons ("2:17:03", "3:43.13") is."""
_FIGURE_MODIFIER = r"""(?i:more\ than|over|almost|nearly|about|around|at\ least|up\ to|some|roughly|
    approximately|fewer\ than|less\ than|just\ over|just\ under|an\ estimated)"""


_FIGURE = re.compile(
    rf"""(?<![\w.,])
    (?P<mod>{_FIGURE_MODIFIER}\s+)?
    (?P<num>\d{{1,3}}-\d{{1,3}}(?:\s\(\d{{1,2}}-\d{{1,2}}\))?(?:,?\s\d{{1,2}}-\d{{1,2}}(?:\s\(\d{{1,2}}-\d{{1,2}}\))?)*(?![\w-])
      | \d{{1,3}}/\d{{1,3}}(?:\s(?:to|and)\s\d{{1,3}}/\d{{1,3}})?(?![/\d])
      | \d{{1,2}}:\d\d(?::\d\d(?:\.\d+)?|\.\d+)(?![\d:])
      | {_DURATION}
      | \d{{1,2}}ft\s?\d{{1,2}}(?:ins?|inches)?(?![\w.])
      | [£$€¥]\s?{_NUMBER}(?:\s?{_SCALE}\b)?
      | {_NUMBER}(?:\s?(?:-|–|to)\s?{_NUMBER}(?=\s?[a-z%]))?
        (?:\s?(?:%|(?:per\ ?cent|percent|{_SCALE}|hundred|{_MEASURES})\b)
          |(?:st|nd|rd|th)\b)?
        (?:-[a-z]+)*
      | (?:{"|".join(_COUNT_WORDS)})\sin\s(?:{"|".join(_COUNT_WORDS)}|\d{{1,3}})(?![\w,.])
      | (?:{"|".join(_COUNT_WORDS)})(?:\s(?:hundred|thousand|million|billion))?
        (?=\s+(?:of\s+)?[a-z]+)
    )
    (?P<unit>(?:\s+(?:a|an|per)\s+(?:hour|day|week|month|year)\b
      |\s+(?:(?:{_QUALIFIERS}|[a-z]{{3,}}[^e\W]ed)\s+){{0,2}}(?!{_FUNCTION_WORDS}\b)(?![a-z]+ly\b)
        (?![a-z]{{3,}}[^e\W]ed\b)[a-z][a-z\-]+)?)
    """,
    re.VERBOSE,
)


_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


def _figures(article: Article, date_spans: list[list[re.Match[str]]]) -> Iterable[_Candidate]:
    for sentence in article.sentences:
        text = sentence.text
        if not _DIGIT.search(text) and _COUNT_WORD_SET.isdisjoint(text.lower().split()):
            continue
        for match in _figure_matches(text):
            number = match.group("num")
            if _YEAR.match(number) or _inside(match.span("num"), date_spans[sentence.index]):
                continue
            if number.isdigit() and not match.group("mod") and _NAMED_BEFORE.search(text, 0, match.start()):
                continue  # the number of a name: "Channel 5 show", "No 1 jersey", "Apollo 11"
            digits = _NOT_DIGITS.sub("", number)
            unit = match.group("unit").strip()
            span = match.span()
            if _PART_OF_A_NUMBER.search(text, max(0, span[0] - 2), span[0]) or _NUMBER_AFTER.match(text, span[1]):
                continue  # a phone number or a code in parts: "0800 0560154", "867-5309", "K-9"
            if number.endswith("-old") and (_VERB.match(unit) or unit in _AFTER_AGE or unit.endswith("s")):
                span = (span[0], match.end("num"))  # "the 40-year-old attended", "took", "believes": an age
                unit = ""
            elif unit:
                end = _counted_noun(text, span[1], unit.split()[-1])
                if end == span[1] and _no_noun_of_it(text, end, unit.split()[-1]):
                    span, unit = (span[0], match.end("num")), ""  # "12 whose", "200m legend Michael Johnson"
                else:
                    span = (span[0], end)
            if not unit and (per := _PER_UNIT.match(text, span[1])):
                span = (span[0], per.end())  # "3km/h"
            # "nine", "millions": a count in words with nothing counted is no figure
            bare = not unit and (number[0].isalpha() or not _COUNTED.search(number))
            if bare and (not digits or int(digits) < 1000):
                continue
            if (code := _CURRENCY_CODE.search(text, max(0, span[0] - 4), span[0])) is not None:
                span = (code.start(), span[1])  # "US$300m", "HK$2bn", "T$18.3 billion": the dollar's country
            yield _Candidate(FactKind.FIGURE, text[span[0] : span[1]].rstrip(), sentence.index, span=span)


def _figure_matches(text: str) -> Iterable[re.Match[str]]:
    """What ``_FIGURE.finditer`` finds, found faster.

    A figure begins with a digit, a currency sign or a count in words, or with a modifier
    ("more than", "nearly") just before one. The scan jumps from one such beginning to the
    next, found by patterns that start with a letter or a sign (which the regex engine skips
    to), where ``_FIGURE``, which starts with a look-behind, is tried at every character."""
    starts = sorted(m.start() for pattern in (_FIGURE_SIGN, _COUNT_WORD_TEXT) for m in pattern.finditer(text))
    done = 0
    for at in starts:
        if at < done:
            continue
        modifier = _MODIFIER_BEFORE.search(text, max(done, at - 40), at) if at and text[at - 1].isspace() else None
        match = (_FIGURE.match(text, modifier.start()) if modifier else None) or _FIGURE.match(text, at)
        if match:
            yield match
            done = match.end()


_FIGURE_SIGN = re.compile(r"[\d£$€¥](?<![\w.,].)")
"""Where a number or a sum may begin: a digit or a currency sign after no word, point or comma."""


def _trie(words: Iterable[str]) -> str:
    """A pattern for any of ``words``, longest first, as a tree of shared beginnings
    ("e(?:ight(?:een|y)?|leven)"): a letter that begins none of them fails at once."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        ways = [re.escape(letter) + branch(rest) for letter, rest in sorted(node.items()) if letter]
        if not ways:
            return ""
        pattern = ways[0] if len(ways) == 1 and "" not in node else f"(?:{'|'.join(ways)})"
        return pattern + "?" if "" in node else pattern

    return branch(tree)


_COUNT_WORD_TEXT = re.compile(_trie(_COUNT_WORDS))
"""A count in words, also inside a word ("often"), where ``_FIGURE`` fails at its first test."""


_MODIFIER_BEFORE = re.compile(rf"(?<![\w.,]){_FIGURE_MODIFIER}\s+\Z", re.VERBOSE)
"""A figure's modifier that ends where the figure begins (searched up to there)."""


_NAMED_BEFORE = re.compile(
    r"\S\s+(?!(?:In|On|At|By|Of|For|About|Some|Only|All|The|Just|Nearly|Over)\s)[A-Z][\w'’.-]*\s$"
)
"""A capitalized word, not the sentence's first, just before where a figure starts."""
_AFTER_AGE = lx.word_set(
    """was|had|took|made|went|came|left|told|said|got|gave|won|lost|ran|began|became|fell|saw|met|sat|spent|
    kept|found|paid|led|longtime"""
)
"""Words after an age that are no noun of it: a verb in the past ("the 44-year-old took")."""
_PLURAL_AFTER = re.compile(r"\s+([a-z][a-z-]*[a-rt-z]s)\b(?!['’])")


def _counted_noun(text: str, end: int, unit: str) -> int:
    """Where a count's words end: a plural noun after a word that is none ("five central
    defenders", "96 football journalists", "seven title-winning seasons") belongs to it."""
    if unit.endswith("s") or unit in _FUNCTION_WORD_SET:
        return end
    found = _PLURAL_AFTER.match(text, end)
    return found.end() if found and found.group(1) not in _FUNCTION_WORD_SET else end


_VERB = re.compile(r"(?:said|says|told|[a-z]+ed)$")


def _no_noun_of_it(text: str, end: int, word: str) -> bool:
    """Whether the word after a count is none of what it counts: a function word ("12 whose",
    "3-0 away"), a word between a count and its noun ("five former"), or a word that another one
    follows, a noun it describes ("28-year-old world number one", "nine marginal Labour seats",
    "101 quoting incident") or the name it is the role of ("200m legend Michael Johnson"), not a
    verb ("the 21-year-old singer won")."""
    if word in lx.STOP_WORDS or word in _QUALIFIER_SET or word in _FUNCTION_WORD_SET:
        return True
    after = _WORD_AFTER.match(text, end)
    if after is None or word.endswith("s") or word in lx.GROUP_NOUNS:
        return False  # "400,000 people continue": a plural is what a count counts
    word = after.group(1)
    if word[0].isupper():
        return True
    return not (word in lx.STOP_WORDS or word in _AFTER_AGE or word.endswith(("s", "ing")) or _VERB.match(word))


_WORD_AFTER = re.compile(r" ([A-Za-z][a-z'’-]*)")
"""The word just after, with one space and no mark between: one a comma or a full stop ends is
no noun the word before describes."""


_QUALIFIER_SET = frozenset(_QUALIFIERS[3:-1].split("|"))


_PART_OF_A_NUMBER = re.compile(r"\d[\s-]$|[A-Z]-$")


_NUMBER_AFTER = re.compile(r"[\s-]\d{3,}\b")


_PER_UNIT = re.compile(r"/(?:h|hr|s|sec)\b")


_NOT_DIGITS = re.compile(r"\D")
_CURRENCY_CODE = re.compile(r"(?<![\w.,])[A-Z]{1,3}[$£€¥]$")
"""A country's letters glued before a currency sign, just before a figure: "US$", "A$", "HK$"."""


_COUNTED = re.compile(r"[£$€¥%]|[a-z]|\d[-/:]\d")
"""A sum, a share, a measure, a score or odds: a number that says what it counts."""


def _counted(figures: list[_Candidate]) -> list[_Candidate]:
    """A sum or count the story gives again ("£9.15 an hour" ... "£9.15") is one figure, named
    as often as a name is: first where it first stands, its mentions counted."""
    first: dict[str, _Candidate] = {}
    kept = []
    for figure in figures:
        found = _FIGURE_KEY.search(figure.text)
        key = _FIGURE_KEY_GAPS.sub("", found.group()).casefold() if found else ""
        if not key:
            kept.append(figure)
        elif key in first:
            first[key].named_again(figure.sentence)
        else:
            first[key] = figure
            kept.append(figure)
    return kept


_FIGURE_KEY_GAPS = re.compile(r"[,\s]")


_FIGURE_KEY = re.compile(r"[£$€¥]?\d[\d,.:]*(?:-\w+)*(?:\s?(?:%|(?:per cent|bn|m|k|million|billion)\b))?")
