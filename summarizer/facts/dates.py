"""Dates: days of the calendar, weekdays and relative days, and the dates a sentence lists."""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..models import Article, FactKind
from .candidate import _Candidate
from .lists import _listed

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)


_DAYS = "|".join(sorted(d.capitalize() for d in lx.WEEKDAYS))


_DATE = re.compile(
    rf"""\b(?=[0-9A-Zaeln-ty])(?:
      (?:{_DAYS})(?:\s+(?:morning|afternoon|evening|night))?
    | {_MONTH}\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?
    | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:\s+\d{{4}})?
    | (?:January|February|March|April|June|July|August|September|October|November|December)\s+\d{{4}}
    | (?<![\d,.£$€])(?:1[89]\d\d|20\d\d)\b(?![,.]?\d)
    | (?<![\d.:])\d{{1,2}}(?:[:.]\d{{2}})?\s?(?:a\.m\.|p\.m\.|(?:am|pm)\b)
    | (?:[Yy]esterday|[Tt]onight|[Ll]ast\s+(?:week|month|year|night)|[Nn]ext\s+(?:week|month|year)
       |[Ee]arlier\s+this\s+(?:week|month|year))
    )""",
    re.VERBOSE,
)


# Every date has a digit or one of these words ("Monday", "yesterday", "tonight", "last week"):
# a sentence without one has none. Alternatives of plain letters are scanned by first letter,
# far faster than ``_DATE``, which tries each word of every sentence.
_DATE_HINT = re.compile("|".join([*"0123456789", "day", "week", "month", "year", "night"]))


def _inside(span: tuple[int, int], matches: list[re.Match[str]]) -> bool:
    return any(m.start() <= span[0] < m.end() for m in matches)


def _dates(article: Article, date_spans: list[list[re.Match[str]]]) -> list[_Candidate]:
    """Each date once, its mentions counted, and the dates a sentence lists as one fact with
    them ("in 2010, 2012 and 2014")."""
    seen: dict[str, _Candidate] = {}
    named: list[list[tuple[int, int, _Candidate]]] = []
    for sentence in article.sentences:
        named.append([])
        for match in date_spans[sentence.index]:
            key = match.group().casefold()
            if key in seen:  # a day of the calendar given again; "tonight" said again is still just when
                seen[key].named_again(sentence.index, seen[key].calendar_day)
            else:
                seen[key] = _Candidate(FactKind.DATE, match.group(), sentence.index, span=match.span())
            named[-1].append((*match.span(), seen[key]))
    lists = []
    for sentence, mentions in zip(article.sentences, named, strict=True):
        for run in _listed(sentence.text, mentions, ranges=True):
            members = tuple(c for _, _, c in run)
            if len(set(map(id, members))) == len(run):
                span = (run[0][0], run[-1][1])
                text = sentence.text[span[0] : span[1]]
                lists.append(_Candidate(FactKind.DATE, text, sentence.index, span=span, members=members))
    return [*seen.values(), *lists]
