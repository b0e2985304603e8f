"""Scoring and selection: each candidate's features and weights, and the ten chosen within quotas."""

from __future__ import annotations

import difflib
import json
import math
import operator
import re
from collections.abc import Sequence
from pathlib import Path

from ..models import Article, FactKind, Ranking
from .candidate import _DIGIT, _ENTITY_KINDS, _WORD_SPAN, _Candidate
from .words import _AREAS, _KNOWN_NAMES

MAX_FACTS = 10


# (at least, at most) facts of a kind among the ten: a fact list of ten places is no summary.
# A day of the calendar ("May 1", "1998") is one of the figures; "Friday", "last week" a date.
_QUOTAS = {FactKind.DATE: (0, 3), FactKind.QUOTE: (0, 1)}
_FIGURES_AT_MOST = 5
"""The figures' minimum is :data:`FIGURE_MINIMUM`, fitted with the weights."""


_ENTITY_QUOTA = (0, 9)


_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s")


def _select(candidates: list[_Candidate], limit: int, article: Article, figures: int | None = None) -> list[_Candidate]:
    """Best first, within each kind's quota: the guaranteed minimum of every kind (``figures``
    figures, by default :data:`FIGURE_MINIMUM`), then the rest."""
    quotas = {**_QUOTAS, FactKind.FIGURE: (FIGURE_MINIMUM if figures is None else figures, _FIGURES_AT_MOST)}
    ranked = sorted(candidates, key=lambda c: (-c.score, not c.members, c.sentence))  # a list before its names
    quota_kinds = [_quota_kind(c) for c in ranked]
    chosen: list[_Candidate] = []
    taken: dict[FactKind, int] = {}
    for use_minimum in (True, False):
        for candidate, kind in zip(ranked, quota_kinds, strict=True):
            if len(chosen) >= limit:
                break
            low, high = quotas.get(kind, _ENTITY_QUOTA)
            if taken.get(kind, 0) >= (low if use_minimum else high) or candidate in chosen:
                continue
            if use_minimum and _shown_in_context(candidate, chosen):
                continue
            if _covered(candidate, chosen):
                continue
            if candidate.span:
                candidate.context = _clause(article.sentences[candidate.sentence].text, candidate.span)
            # "Barcelona star Martin Montoya" says "Barcelona": the bare name gives its place up.
            for named in [c for c in chosen if _says(candidate, c)]:
                chosen.remove(named)
                taken[_quota_kind(named)] -= 1
            chosen.append(candidate)
            taken[kind] = taken.get(kind, 0) + 1
    return sorted(chosen, key=lambda c: (-c.score, c.sentence))


def _shown_in_context(candidate: _Candidate, chosen: list[_Candidate]) -> bool:
    return any(c.sentence == candidate.sentence and candidate.text in c.context for c in chosen)


def _quota_kind(candidate: _Candidate) -> FactKind:
    if candidate.calendar_day:
        return FactKind.FIGURE
    return FactKind.PERSON if candidate.kind in _ENTITY_KINDS else candidate.kind


def _covered(candidate: _Candidate, chosen: list[_Candidate]) -> bool:
    if candidate.members:  # a list is said where one of its names is, by a fact it would not replace
        others = [c for c in chosen if c not in candidate.members]
        return any(_covered(m, others) for m in candidate.members)
    key = candidate.key
    for fact in chosen:
        text = fact.key
        if key == text or (fact.kind is candidate.kind and key in text) or _says(fact, candidate):
            return True
    return False


def _says(fact: _Candidate, other: _Candidate) -> bool:
    """Whether a fact, as shown, already says what another says: it names the other entity
    ("Barcelona star Martin Montoya", "Barcelona"), spells the same name apart ("Paris
    Saint-Germain", "Paris St-Germain"; "TimeWarner"; "Baftas") or wrong ("Charlston"), holds the
    other figure ("18-year-old victim", "18-year-old") or gives the age it is ("Kelly Parsons,
    35", "35-year-old")."""
    if fact is other:
        return False
    if other in fact.members:
        return True
    if fact.kind is FactKind.FIGURE and other.kind is FactKind.FIGURE:
        return f" {other.folded} " in f" {fact.folded} " or _same_name(fact.spelling, other.spelling)
    if fact.kind is FactKind.PERSON and other.kind is FactKind.FIGURE:
        age = _AGE_FIGURE.match(other.text)
        return bool(age and re.search(rf", {age.group(1)}\b", fact.shown))
    if fact.kind in _ENTITY_KINDS and other.kind in _ENTITY_KINDS:
        if fact.initial != other.initial and other.text not in (fact.shown or fact.text):
            return False  # the common case, without the two calls below
        return _same_name(fact.spelling, other.spelling) or _names(fact, other)
    return fact.kind is other.kind and _same_name(fact.spelling, other.spelling)


def _same_name(a: str, b: str) -> bool:
    if a == b:
        return True
    return (  # one letter or two apart, the ends alike: "Michaelango", "Michelangelo"
        min(len(a), len(b)) >= 6
        and a[0] == b[0]
        and a[-2:] == b[-2:]
        and not _DIGIT.search(a + b)
        and difflib.SequenceMatcher(None, a, b).ratio() >= 0.85
    )


_AGE_FIGURE = re.compile(r"(\d{1,3})-year-old")


def _names(fact: _Candidate, other: _Candidate) -> bool:
    """Whether an entity's fact, as shown, already names another entity."""
    shown, name = fact.shown or fact.text, other.text
    at = shown.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or shown[at - 1] == " ") and (end == len(shown) or not _NAME_GOES_ON.match(shown, end)):
            return True
        at = shown.find(name, at + 1)
    return False


_NAME_GOES_ON = re.compile(r"[\w'’-]")


# Log-odds that a candidate names something a news editor's summary would mention: a logistic
# regression of the benchmark's hits (a candidate holds a figure or a proper name of the reference
# summary) on :func:`features` and the kinds, on dev + train, by ``scripts/fit_fact_weights.py``,
# which writes them to ``fact_weights.json``; ``python -m summarizer.facts.evaluate`` fits them
# afresh on each fold's other folds to score it held out. Three weights are held where they were
# set by hand, whatever the hits say (:data:`FROZEN`): an outlet that only reports the news ranks
# last, a country named once deep in the story below the village it happens in, and groups named
# by nationality ("Syrian troops") below the names near them; reference summaries name those more
# than a reader of ten facts needs them (the benchmark counts "Syrian" as a name), and a word no
# list knows, named once, below a sure name. The figures' minimum among the ten is fitted too.
WEIGHTS_FILE = Path(__file__).with_name("fact_weights.json")
FEATURES = (
    "mentions",  # log(1 + mentions)
    "unnamed",  # a group named by nationality only: "British tourist"
    "lead",  # first named in the first sentence
    "early",  # ... in the first three
    "summary",  # ... in a sentence the summary keeps
    "title",
    "headline figure",  # a sum, a share, a result or odds
    "count in words",  # "seven party leaders": news spells out small counts
    "calendar day",  # "May 1", "2007": a date that ranks as a figure
    "relative day",  # "Friday", "last week": little out of the story
    "unsure",  # a word named once that no list knows may be no name: "Lessons", "Pitch"
    "backdrop",  # the outlet the news came from, or a country named once or twice deep in it
    "position",  # log(1 + the sentence first naming it)
    "words",  # log(1 + words of the fact as shown)
    "capitals",  # log(1 + its capitalized words)
    "role",  # shown with its role: "Ukrainian forward Andriy Yarmolenko"
    "sum",  # a figure in a currency
    "share",  # a figure in per cent
    "age",  # "35-year-old"
    "rank place",  # how far below the well-ranked sentences the best one naming it ranks (see depths())
)
FROZEN = {"backdrop": -0.9, "unnamed": -1.1, "unsure": -0.3}
"""The weights the fit holds, set by hand (see above)."""


def load_weights(path: Path = WEIGHTS_FILE) -> tuple[dict[str, float], dict[FactKind, float], int]:
    """The weights, the kinds' priors and the figures' minimum among the ten, as fitted."""
    data = json.loads(path.read_text(encoding="utf-8"))
    weights = {name: float(data["weights"][name]) for name in FEATURES}
    prior = {kind: float(data["prior"][kind.value]) for kind in FactKind}
    return weights, prior, int(data["figure minimum"])


def save_weights(
    weights: dict[str, float], prior: dict[FactKind, float], figures: int, path: Path = WEIGHTS_FILE
) -> None:
    data = {
        "weights": {k: round(v, 3) for k, v in weights.items()},
        "prior": {k.value: round(v, 3) for k, v in prior.items()},
        "figure minimum": figures,
    }
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


WEIGHTS, KIND_PRIOR, FIGURE_MINIMUM = load_weights()
"""The weight of each of :func:`features`, in their order, in a candidate's score besides its
kind's prior."""


def score(
    found: list[_Candidate], weights: dict[str, float] = WEIGHTS, prior: dict[FactKind, float] = KIND_PRIOR
) -> None:
    """Each candidate's score from its features; a list ranks as its best member, and takes its place."""
    values = tuple(weights.values())
    for candidate in found:
        total = prior[candidate.kind] + sum(map(operator.mul, values, candidate.features))
        candidate.score = round(total, 6)  # equal scores tie, whatever order they were summed in
    for candidate in found:
        if candidate.members:
            candidate.score = max(m.score for m in candidate.members)


_HEADLINE_FIGURE = re.compile(r"[£$€¥%]|\d/\d|million|billion|\dbn|\dm\b|per ?cent|^\d{1,2}-\d{1,2}\b")
"""Sums, shares, results and odds ("£4.5m", "44 per cent", "2-0 defeat", "66/1"): the figure a
business, a sports or a betting story is about."""


def features(candidate: _Candidate, title: set[str], top: set[int], depth: list[float]) -> tuple[float, ...]:
    """What a candidate's score is made of, in the order of :data:`FEATURES`; ``depth`` is each
    sentence's :func:`depths`."""
    text, kind, sentence = candidate.text, candidate.kind, candidate.sentence
    in_title = bool(title) and (
        any(title.issuperset(a.split()) for a in candidate.aliases) or title.issuperset(candidate.key.split())
    )
    deep = sentence > 1 and candidate.mentions <= 2 and not in_title
    shown = (candidate.shown or text).split()
    figure = kind is FactKind.FIGURE
    return (
        math.log1p(candidate.mentions),
        candidate.unnamed,
        sentence == 0,
        sentence < 3,
        sentence in top,
        in_title,
        kind is FactKind.FIGURE and _HEADLINE_FIGURE.search(text) is not None,
        kind is FactKind.FIGURE and _DIGIT.search(text) is None,
        candidate.calendar_day,
        kind is FactKind.DATE and not candidate.calendar_day,
        candidate.mentions == 1 and _unsure(candidate),
        candidate.source or (deep and text.casefold() in _AREAS),
        math.log1p(sentence),
        math.log1p(len(shown)),
        math.log1p(sum(w[:1].isupper() for w in shown)),
        bool(candidate.shown) and candidate.shown != text,
        figure and _SUM.search(text) is not None,
        figure and _SHARE.search(text) is not None,
        figure and "year-old" in text,
        min([depth[candidate.sentence], *(depth[i] for i in candidate.later)]),
    )


def depths(ranking: Ranking | None, count: int) -> list[float]:
    """How far each of ``count`` sentences ranks below the well-ranked ones (the best
    :data:`WELL_RANKED`, or the best third of a longer article: what a summary could keep), as a
    share of the sentences: 0 for one of them, 1 / count for the next. Without a ranking, the
    article's order ranks them (the lead first)."""
    order: Sequence[int] = range(count)
    if ranking is not None and len(ranking.scores_for(count)) == count:
        order = ranking.order(count)
    kept = max(WELL_RANKED, count / 3)
    depth = [0.0] * count
    for place, i in enumerate(order):
        depth[i] = max(0.0, place + 1 - kept) / count
    return depth


WELL_RANKED = 9
"""The sentences ranked best that a name in is not ranked down for its sentence's place: a short
article's facts are its facts wherever its ranking puts them."""


_SUM = re.compile(r"[£$€¥]|million|billion|\dbn|\dm\b")
_SHARE = re.compile(r"%|per ?cent")


def _unsure(candidate: _Candidate) -> bool:
    """A person or a body of one word, not an acronym, that none of the word lists knows: the
    least sure kind of name (a capitalized word of a caption or a heading reads like one). A
    place is spared: "in Muhamadiya" says what the word is."""
    text = candidate.text
    return (
        candidate.kind in (FactKind.PERSON, FactKind.ORGANIZATION)
        and " " not in text
        and not text.isupper()
        and text.casefold() not in _KNOWN_NAMES
    )


def _clause(text: str, span: tuple[int, int], width: int = 7) -> str:
    """The clause around ``span``, at most ``width`` words either side, verbatim."""
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, span[0])]
    ends = [m.start() for m in _CLAUSE_BREAK.finditer(text, span[1])]
    begin = starts[-1] if starts else 0
    finish = ends[0] if ends else len(text)
    left = [m.start() for m in _WORD_SPAN.finditer(text, begin, span[0])][-width:]
    right = [m.end() for m in _WORD_SPAN.finditer(text, span[1], finish)][:width]
    return text[left[0] if left else span[0] : right[-1] if right else span[1]].strip(" .")
