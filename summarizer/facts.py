"""Key facts: who, where, how many, when, and who said what, each traced to its sentence.

Rules and the small word lists in :mod:`summarizer.lexicon`, no model. Every fact's ``text`` is a
verbatim slice of the sentence it cites (``KeyFact.sentence``), and so is its ``context``.
"""

from __future__ import annotations

import difflib
import math
import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, overload

from . import lexicon as lx
from .models import Article, FactKind, KeyFact, Ranking, Sentence

MAX_FACTS = 10
# (at least, at most) facts of a kind among the ten: a fact list of ten places is no summary.
# A day of the calendar ("May 1", "1998") is one of the figures; "Friday", "last week" a date.
_QUOTAS = {FactKind.FIGURE: (2, 5), FactKind.DATE: (0, 3), FactKind.QUOTE: (0, 1)}
_ENTITY_QUOTA = (0, 9)
_ENTITY_KINDS = (FactKind.PERSON, FactKind.ORGANIZATION, FactKind.PLACE)

_TOKEN = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w'’\-]*\w|[A-Z])"  # "Tom", "Saint-Germain", "D.C."
_CONNECTORS = frozenset(
    [
        "of",
        "the",
        "de",
        "del",
        "della",
        "da",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "al",
        "el",
        "bin",
        "ibn",
    ]
)
_CONNECTOR = f"(?:{'|'.join(sorted(_CONNECTORS, key=lambda w: (-len(w), w)))})"
# A possessive ends a name: "Dynamo Kiev's Andriy Yarmolenko" is two names.
# A number between two of its words is part of a name: "Channel 4 News", "Matthew 24 Now".
# The first word as _TOKEN after no word: its capital is matched before the look-behind, so that
# the regex engine skips from capital to capital instead of trying every character.
_FIRST_TOKEN = r"[A-Z](?<![\w'’-].)(?:\.(?:[A-Z]\.)+|[\w'’\-]*\w|)"
_NAME = re.compile(
    rf"{_FIRST_TOKEN}(?:(?<!['’]s)(?:\s+{_CONNECTOR}){{0,2}}(?:\s+\d{{1,3}}(?![\w,.:%/'’-]))?\s+{_TOKEN})*"
)
# An adverb or a participle alone is no name; one ending in "ing" is inside a sentence
# ("Chongqing", "Reading", "Sterling"), not at its start ("Smiling", "Pictured").
_NOT_A_NAME_ALONE = re.compile(r"^[A-Z][a-z]+(?:ly|ed)$")
_NOT_A_NAME_TO_OPEN = re.compile(r"^[A-Z][a-z]+ing$")
_POSSESSIVE = re.compile(r"['’]s?$")
_POSSESSIVE_ENDS = ("'", "’", "'s", "’s")
_AGE = re.compile(r"\s*,\s*\d{1,3}\s*,")
_SAYS = re.compile(
    r"\b(said|says|told|added|explained|insisted|claimed|warned|admitted|revealed|tweeted|"
    r"wrote|announced|according to)\b",
    re.IGNORECASE,
)
_PLACE_NOUNS = frozenset(
    [
        "town",
        "city",
        "village",
        "region",
        "province",
        "capital",
        "state",
        "country",
        "island",
        "district",
        "suburb",
        "area",
    ]
)
_COMPASS = frozenset(
    [
        "eastern",
        "western",
        "northern",
        "southern",
        "north",
        "south",
        "east",
        "west",
        "central",
        "upper",
        "lower",
        "greater",
    ]
)

_NUMBER = r"\d(?:[\d,]*\d)?(?:\.\d+)?"
_FUNCTION_WORDS = (
    "(?:of|the|a|an|and|or|but|to|in|on|at|for|by|with|from|as|is|was|were|are|has|had|have|be|"
    "been|who|which|that|through|into|after|before|over|under|per|than|more|less|each|this|these|"
    "those|their|his|her|its|our|will|would|could|can|may|might|should|must|did|do|does|so|if|then|now|"
    "also|still|just|again|together|ago|rather|too|very|only|even|instead|alone|today|yesterday|tonight|last|next|every|"
    "earlier|later|when|while|where|between|among|during|since|until|because|although|though)"
)
_COUNT_WORD_SET = lx.NUMBER_WORDS - {"one", "half", "quarter", "third"}
_COUNT_WORDS = sorted(_COUNT_WORD_SET, key=len, reverse=True)
# Units a measured figure carries ("12ft", "9km", "24lbs", "12.5st"); "m" is read as million.
_MEASURES = "ft|feet|km|cm|mm|kg|lbs?|st|mph|mi|oz|yds?|ml|sq\\ ?ft|sq\\ ?m|mg|kph"
# Words between a count and what it counts ("two previous quarters", "five hit singles").
_QUALIFIERS = (
    "(?:previous|consecutive|successive|straight|further|more|other|new|former|separate|different|"
    "extra|additional|little|small|big|major|top|hit|young|old|key|senior|junior)"
)
_FIGURE_MODIFIER = r"""(?i:more\ than|over|almost|nearly|about|around|at\ least|up\ to|some|roughly|
    approximately|fewer\ than|less\ than|just\ over|just\ under|an\ estimated)"""
_FIGURE = re.compile(
    rf"""(?<![\w.,])
    (?P<mod>{_FIGURE_MODIFIER}\s+)?
    (?P<num>\d{{1,3}}-\d{{1,3}}(?:,?\s\d{{1,2}}-\d{{1,2}})*\b(?!-)
      | \d{{1,3}}/\d{{1,3}}(?:\s(?:to|and)\s\d{{1,3}}/\d{{1,3}})?(?![/\d])
      | [£$€¥]\s?{_NUMBER}(?:\s?(?:bn|m|k|million|billion|trillion|thousand|billions?|millions?))?
      | {_NUMBER}(?:\s?(?:-|–|to)\s?{_NUMBER}(?=\s?[a-z%]))?
        (?:\s?(?:%|per\ ?cent|percent|bn|m|k|million|billion|trillion|thousand|hundred|{_MEASURES})\b
          |(?:st|nd|rd|th)\b)?
        (?:-[a-z]+)*
      | (?:{"|".join(_COUNT_WORDS)})(?:\s(?:hundred|thousand|million|billion))?
        (?=\s+(?:of\s+)?[a-z]+)
    )
    (?P<unit>(?:\s+(?:a|an|per)\s+(?:hour|day|week|month|year)\b
      |\s+(?:(?:{_QUALIFIERS}|[a-z]{{3,}}[^e\W]ed)\s+){{0,2}}(?!{_FUNCTION_WORDS}\b)(?![a-z]+ly\b)
        (?![a-z]{{3,}}[^e\W]ed\b)[a-z][a-z\-]+)?)
    """,
    re.VERBOSE,
)
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
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
# Quoted words in double quotes, or in single ones as British papers write them; inside single
# quotes an apostrophe before a letter is one ("'I don't know,' he said"). Two patterns, not one
# with two branches: each alone is found at the speed of a plain character search. Both look at
# most 400 characters past an opening quote, so text of unclosed quotes costs one pass.
_DOUBLE_QUOTE = re.compile(r"[\"“](?P<said>[^\"“”]{12,400}?)[\"”]")
_SINGLE_QUOTE = re.compile(
    r"['‘](?<![\w'’‘]['‘])(?=[^\n]{1,400}?['’](?![\w'’]))"
    r"(?P<said>[^'‘’\n]*(?:['’]\w[^'‘’\n]*)*)(?<=[\w.,!?…])['’](?![\w'’])"
)
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s")


_T = TypeVar("_T")


class _Cached(Generic[_T]):
    """``functools.cached_property`` without the lock Python 3.11 takes on every first read: a
    candidate is only ever read by the thread that made it, and dozens are made an article."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self._compute = compute
        self._name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _Cached[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> _T | _Cached[_T]:
        if instance is None:
            return self
        value = instance.__dict__[self._name] = self._compute(instance)
        return value


@dataclass(eq=False)
class _Candidate:
    kind: FactKind
    text: str
    sentence: int
    context: str = ""
    score: float = 0.0
    mentions: int = 1
    span: tuple[int, int] | None = None
    """Where a figure or date stands in its sentence: its context, the clause around it, is
    cut only for the facts chosen."""
    aliases: set[str] = field(default_factory=set)
    unnamed: bool = False
    """A group the story names only by nationality ("British tourist"): it ranks below the names
    near it, a place the story happens in ("Muhamadiya") above "Syrian troops" in the lead."""
    source: bool = False
    """An outlet the story only cites for its news ("told CNN", "KBOI reported"): its backdrop."""
    cited: int = -1
    """The sentence the fact is shown from, when not its first mention's: where the story says
    most about a person ("Rhodri Giggs, 37, revealed ..." after a bare "Rhodri Giggs")."""
    members: tuple[_Candidate, ...] = ()
    """The entities a list names ("Tesco, Asda and Sainsbury’s"): one fact in place of them."""
    owner: _Candidate | None = None
    """The full name a short form was folded into ("Bashar Al-Assad" for "Assad")."""
    features: tuple[float, ...] = ()
    """What its score is made of, in the order of :data:`WEIGHTS`."""
    shown: str = ""
    """The fact as shown: the name with the role in front of it ("Ukrainian forward Andriy
    Yarmolenko"), verbatim; ``text`` is the bare name used to match mentions."""

    def __post_init__(self) -> None:
        if self.cited < 0:
            self.cited = self.sentence

    @_Cached
    def calendar_day(self) -> bool:
        """A date with a number in it ("May 1", "2007"): it ranks and counts as a figure does."""
        return self.kind is FactKind.DATE and _DIGIT.search(self.text) is not None

    def fold_into(self, owner: _Candidate) -> None:
        """This short form ("Assad", "IPCC") is a mention of ``owner``: its mentions count there."""
        owner.mentions += self.mentions
        owner.aliases.add(self.text.casefold())
        self.owner = owner

    @_Cached
    def initial(self) -> str:
        """The first letter of the fact as shown, in lower case: two spellings of one name share it
        (asked only once the fact's ``shown`` is final, when facts are chosen)."""
        return (self.shown or self.text)[:1].casefold()

    @_Cached
    def key(self) -> str:
        """The bare text in lower case."""
        return self.text.casefold()

    @_Cached
    def folded(self) -> str:
        """Words only, in lower case, "Saint" as "St": how two spellings of one fact compare."""
        words = _FOLDED_WORD.findall(self.text.casefold().replace("-", ""))
        return " ".join("st" if w == "saint" else w for w in words)

    @_Cached
    def spelling(self) -> str:
        """The fact without spaces or a plural's "s": "TimeWarner", "Time Warner"; "Baftas"."""
        return self.folded.replace(" ", "").removesuffix("s")


_FOLDED_WORD = re.compile(r"\w+(?:[.,]\d+)*")


def key_facts(article: Article, ranking: Ranking | None = None, limit: int = MAX_FACTS) -> list[KeyFact]:
    """The article's most important facts, most important first, at most ``limit``."""
    chosen = _select(candidates(article, ranking), limit, article)
    return [KeyFact(kind=c.kind, text=c.shown or c.text, sentence=c.cited, context=c.context) for c in chosen]


def candidates(article: Article, ranking: Ranking | None = None) -> list[_Candidate]:
    """Every fact the article offers, with its features and its score: what :func:`key_facts`
    chooses from, and what ``scripts/fit_fact_weights.py`` fits the weights on."""
    # The sentences a summary of about a third of the article keeps (at least three), in
    # either of the ranking's orders: the headline block's and the condensed article's.
    keep = max(3, len(article.sentences) // 3)
    top = set(ranking.top(keep)) if ranking else set(range(keep))
    if ranking and ranking.long_scores:
        top |= set(ranking.top(ranking.long_from))
    title = {w.casefold() for w in re.findall(r"[\w'’-]+", article.title)}
    date_spans = [list(_DATE.finditer(s.text)) if _DATE_HINT.search(s.text) else [] for s in article.sentences]
    entities = _entities(article)
    figures = _counted(list(_figures(article, date_spans)))
    dates = _dates(article, date_spans)
    quotes = list(_quotes(article, entities))
    entities += _nationalities(article)
    found = [*entities, *figures, *dates, *quotes]
    for candidate in found:
        candidate.features = features(candidate, title, top)
        score = KIND_PRIOR[candidate.kind] + sum(map(operator.mul, _WEIGHT_VALUES, candidate.features))
        candidate.score = round(score, 6)  # equal scores tie, whatever order they were summed in
    for candidate in found:  # a list ranks as its best member, and takes its place
        if candidate.members:
            candidate.score = max(m.score for m in candidate.members)
    return found


def _select(candidates: list[_Candidate], limit: int, article: Article) -> list[_Candidate]:
    """Best first, within each kind's quota: the guaranteed minimum of every kind, then the rest."""
    ranked = sorted(candidates, key=lambda c: (-c.score, not c.members, c.sentence))  # a list before its names
    quota_kinds = [_quota_kind(c) for c in ranked]
    chosen: list[_Candidate] = []
    taken: dict[FactKind, int] = {}
    for use_minimum in (True, False):
        for candidate, kind in zip(ranked, quota_kinds, strict=True):
            if len(chosen) >= limit:
                break
            low, high = _QUOTAS.get(kind, _ENTITY_QUOTA)
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


# Log-odds that a candidate names something a news editor's summary would mention. They began
# as a logistic fit on the dev set's reference summaries, and ``scripts/fit_fact_weights.py``
# prints a fresh fit beside them. A fit of single candidates does not see what the ten places,
# the lists and the covering rules do, so where the benchmark's recall disagreed, the recall
# decided: the first three sentences, the summary's sentences and groups named by nationality
# weigh as it wants them, and the backdrop penalty is set well above its fit (a country the story
# merely happens in should not push out the town it happens in). The figure's prior follows the
# fit, which has an intercept for each source: a pooled fit took the two sources' different
# shares of hits for a kind's and put figures at -0.55. A count in words fits at about -1.8 (news
# spells out counts below ten, and a reference summary's figures are in digits); the benchmark's
# recall gains nothing past -1.0, so the weight stops there.
KIND_PRIOR = {
    FactKind.PERSON: 0.0,
    FactKind.ORGANIZATION: -0.1,
    FactKind.PLACE: -0.2,
    FactKind.FIGURE: -0.35,
    FactKind.DATE: -0.8,
    FactKind.QUOTE: -0.6,
}
WEIGHTS = {
    "mentions": 0.9,  # log(1 + mentions)
    "unnamed": -1.1,  # a group named by nationality only: "British tourist"
    "lead": 0.3,  # first named in the first sentence
    "early": 0.45,  # ... in the first three
    "summary": 0.4,  # ... in a sentence the summary keeps
    "title": 0.2,
    "headline figure": 0.35,  # a sum, a share, a result or odds
    "count in words": -1.0,  # "seven party leaders": news spells out small counts
    "calendar day": 0.3,  # "May 1", "2007": a date that ranks as a figure
    "relative day": -0.6,  # "Friday", "last week": little out of the story
    "unsure": -0.3,  # a word named once that no list knows may be no name: "Lessons", "Pitch"
    "backdrop": -0.9,  # the outlet the news came from, or a country named once or twice deep in it
}
"""The weight of each of :func:`features`, in their order, in a candidate's score besides its
kind's prior."""
_WEIGHT_VALUES = tuple(WEIGHTS.values())
_AREAS = lx.COUNTRIES | lx.REGIONS
"""Countries, regions and states: a story's backdrop, or the area a town is in."""
_HEADLINE_FIGURE = re.compile(r"[£$€¥%]|\d/\d|million|billion|\dbn|\dm\b|per ?cent|^\d{1,2}-\d{1,2}\b")
"""Sums, shares, results and odds ("£4.5m", "44 per cent", "2-0 defeat", "66/1"): the figure a
business, a sports or a betting story is about."""


def features(candidate: _Candidate, title: set[str], top: set[int]) -> tuple[float, ...]:
    """What a candidate's score is made of, in the order of :data:`WEIGHTS`."""
    text, kind, sentence = candidate.text, candidate.kind, candidate.sentence
    in_title = bool(title) and (
        any(title.issuperset(a.split()) for a in candidate.aliases) or title.issuperset(candidate.key.split())
    )
    deep = sentence > 1 and candidate.mentions <= 2 and not in_title
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
    )


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


# -- entities -------------------------------------------------------------------------------


def _entities(article: Article) -> list[_Candidate]:
    found: dict[str, _Candidate] = {}
    # each sentence's mentions, where each starts and ends and whose it is, for the lists
    named: list[list[tuple[int, int, _Candidate]]] = [[] for _ in article.sentences]
    acronyms: dict[str, _Candidate] = {}
    matches = [list(_phrases(sentence.text)) for sentence in article.sentences]
    capitalized_inside = {word for found_in in matches for at, phrase in found_in if at > 1 for word in phrase.split()}
    common = _CommonWords(article)
    cleaned: dict[tuple[str, bool, str], tuple[str, str, int]] = {}
    for sentence, sentence_matches in zip(article.sentences, matches, strict=True):
        for at, phrase in sentence_matches:
            if " " not in phrase and phrase.lower() in _NO_NAME_ALONE:
                continue  # "The", "But", "President": nothing is left of the name
            # A name read again the way it was read before is cleaned the same way: what cleaning
            # reads is the phrase, the word before it and whether it opens the sentence.
            seen = (phrase, at <= 1, _last_word(sentence.text, at))
            if seen in cleaned:
                name, role, offset = cleaned[seen]
                start = at + offset
            else:
                name, role, start = _clean_name(sentence.text, at, phrase)
                name, start = _without_common_ends(name, start, common)
                cleaned[seen] = (name, role, start - at)
            key = name.casefold()
            if key in found:  # named again: its first mention decided what it is, and it is
                known = found[key]  # shown from the mention that says most about it
                known.mentions += 1
                named[sentence.index].append((start, start + len(name), known))
                shown = _described(known.kind, sentence.text, start, name)
                if len(shown.split()) > len(known.shown.split()):
                    known.shown, known.cited = shown, sentence.index
                    known.context = "" if role and role in shown else role
                _spelled_out(known, sentence, start, acronyms)
                continue
            if not name or not _is_entity(name, start, capitalized_inside, common, sentence.text):
                continue
            end = start + len(name)
            label = " " not in name or name.isupper()
            if label and _LABEL.match(sentence.text, end) and article.text.count(name) == 1:
                continue  # a caption's label glued into the text: "Glamorous:", "EXPERT VERDICT:"
            kind = _classify(name, role, sentence.text, start, end, common)
            if kind is FactKind.ORGANIZATION and _within(sentence.text, end):
                kind = FactKind.PLACE  # "Boise, Idaho"
            shown = _described(kind, sentence.text, start, name)
            context = "" if role and role in shown else role
            found[key] = _Candidate(kind, name, sentence.index, context=context, aliases={key}, shown=shown)
            named[sentence.index].append((start, end, found[key]))
            _spelled_out(found[key], sentence, start, acronyms)
    for key, full in acronyms.items():  # "IPCC" after "Independent Police Complaints Commission (IPCC)"
        short = found.get(key)
        if short is not None and short is not full:
            short.fold_into(full)
            del found[key]
    for short, full in _initials(found):  # "TSA" and "Transportation Security Administration"
        # shown spelled out, unless the story knows it by its letters ("TSA" 15 times, spelled out once)
        kept, folded = (short, full) if short.mentions >= 3 * full.mentions else (full, short)
        folded.fold_into(kept)
        kept.sentence = min(kept.sentence, folded.sentence)
        del found[folded.text.casefold()]
    _unglue(found, named)
    entities = _merge_short_forms(list(found.values()))
    _mark_sources(article, named)
    return entities + _lists(article, named)


def _unglue(found: dict[str, _Candidate], named: list[list[tuple[int, int, _Candidate]]]) -> None:
    """A place, an event or a body glued to a person the story names in full, where a page lost
    a full stop ("Masters Vonn" beside Lindsey Vonn, "Family Circle Cup Bouchard", "Sheffield
    Ali Carter"): no name, but a mention of each."""
    surnames: dict[str, _Candidate] = {}
    for person in found.values():
        words = person.text.split()
        if person.kind is FactKind.PERSON and len(words) > 1:
            for cut in range(1, len(words)):
                surnames.setdefault(" ".join(words[cut:]).casefold(), person)
    for key, glued in list(found.items()):
        words = glued.text.split()
        if glued.mentions > 1 or len(words) < 2 or words[-1].lower() in _NOT_A_SURNAME:
            continue  # "Manchester Cathedral", "Sheffield Central"
        for cut in range(1, len(words)):
            found_person = surnames.get(" ".join(words[cut:]).casefold())
            before = " ".join(words[:cut])
            if found_person is None or found_person is glued or not _names_a_setting(before, found):
                continue
            found_person.mentions += 1
            setting = found.get(before.casefold())
            if setting is not None:
                setting.mentions += 1
            else:
                kind = FactKind.PLACE if before.casefold() in _PLACE_NAMES else FactKind.ORGANIZATION
                setting = _Candidate(kind, before, glued.sentence, aliases={before.casefold()}, shown=before)
                found[before.casefold()] = setting
            del found[key]
            for mentions in named:
                mentions[:] = [m for m in mentions if m[2] is not glued]
            break


_PLACE_NAMES = _AREAS | lx.CITIES
_NOT_A_SURNAME = lx.ORG_WORDS | lx.PLACE_WORDS | lx.EVENT_WORDS | _COMPASS


def _names_a_setting(words: str, found: dict[str, _Candidate]) -> bool:
    """Whether the words name a place, an event or a body, by the word lists or as the story
    names it elsewhere: "Masters", "Family Circle Cup", "Sheffield", "Court of Appeal"."""
    lower = words.casefold()
    known = found.get(lower) if " " in lower else None  # one word's kind is a guess
    if known is not None and known.kind is not FactKind.PERSON:
        return True
    tokens = lower.split()
    return lower in _PLACE_NAMES or tokens[-1] in lx.EVENT_WORDS or not _INSTITUTION_WORDS.isdisjoint(tokens)


def _mark_sources(article: Article, named: list[list[tuple[int, int, _Candidate]]]) -> None:
    """A body the story only quotes as where its news came from ("told CNN", "according to the
    Salt Lake Tribune", "KBOI reported"): the outlet, not one of the story's facts."""
    sourced: dict[int, bool] = {}
    bodies: dict[int, _Candidate] = {}
    for sentence, mentions in zip(article.sentences, named, strict=True):
        text = sentence.text
        for start, end, candidate in mentions:
            body = _owner(candidate)
            if body.kind is not FactKind.ORGANIZATION or sourced.get(id(body)) is False:
                continue
            bodies[id(body)] = body
            sourced[id(body)] = _cited_before(text, start) or _SOURCED_AFTER.match(text, end) is not None
    for key, only_sourced in sourced.items():
        bodies[key].source = only_sourced


def _cited_before(text: str, start: int) -> bool:
    """Whether the words before ``start`` cite what follows as a source: "told (the)", "according to"."""
    words = text[max(0, start - 30) : start].lower().split()[-3:]
    if words and words[-1] == "the":
        words.pop()
    return bool(words) and (words[-1] in _SOURCE_VERBS or " ".join(words[-2:]) in _SOURCE_FRAMES)


_SOURCE_VERBS = frozenset(["told", "telling", "tells"])
_SOURCE_FRAMES = frozenset(
    f"{verb} {preposition}"
    for verb, prepositions in {
        "according": "to",
        "speaking": "to",
        "spoke": "to",
        "interview": "with",
        "statement": "to",
        "reported": "by in",
        "reports": "in",
        "quoted": "by in",
        "published": "by in",
        "wrote": "in",
        "writing": "in",
    }.items()
    for preposition in prepositions.split()
)
_SOURCED_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:reported|reports|reporter|understands|has\s+(?:learned|learnt|obtained))\b"
)


def _initials(found: dict[str, _Candidate]) -> list[tuple[_Candidate, _Candidate]]:
    """Acronyms the story also spells out, though never in brackets, with the names they stand
    for: "TSA" and "Transportation Security Administration", "DHS" and "Department of Human
    Services", "U.S." and "United States"."""
    spelled: dict[str, _Candidate] = {}
    for candidate in found.values():
        words = candidate.text.split()
        if len(words) > 1:
            capitals = "".join(w[0] for w in words if w[0].isupper())
            if len(capitals) == len(words) - sum(w in _CONNECTORS for w in words):
                spelled.setdefault(capitals.casefold(), candidate)
    pairs = []
    for short in found.values():
        letters = short.text.replace(".", "")
        if letters.isupper() and letters.casefold() in spelled:
            pairs.append((short, spelled[letters.casefold()]))
    return pairs


def _spelled_out(candidate: _Candidate, sentence: Sentence, start: int, acronyms: dict[str, _Candidate]) -> None:
    """A name with its acronym after it ("Independent Police Complaints Commission (IPCC)"): the
    acronym is a short form of the name, and the fact shows both."""
    name = candidate.text
    found = _ACRONYM.match(sentence.text, start + len(name)) if " " in name else None
    if not found or found.group(1)[0] != name[0] or found.group(1).casefold() in acronyms:
        return
    acronyms[found.group(1).casefold()] = candidate
    if candidate.shown == name:
        candidate.shown, candidate.cited = sentence.text[start : found.end()], sentence.index


_ACRONYM = re.compile(r" \(([A-Z][A-Za-z]?[A-Z][A-Za-z]{0,5})\)")


def _lists(article: Article, named: list[list[tuple[int, int, _Candidate]]]) -> list[_Candidate]:
    """Names of one kind a sentence lists ("Tesco, Asda and Sainsbury’s", "Princes William and
    Harry"): one fact, which leaves room among the ten for more of the story; a name split at
    its "and" ("US Food and Drug Administration") is whole again. No list is made of a person
    the story describes after the name ("Grant Allen, 38"): the list would drop the age."""
    lists: list[_Candidate] = []
    for sentence, mentions in zip(article.sentences, named, strict=True):
        for run in _listed(sentence.text, mentions):
            members = tuple(_owner(c) for _, _, c in run)
            short = any(c.owner for _, _, c in run)
            if not short and len(set(map(id, members))) == len(run) and _listable(members):
                span = sentence.text[run[0][0] : run[-1][1]]
                lists.append(
                    _Candidate(members[0].kind, span, sentence.index, aliases={span.casefold()}, members=members)
                )
    return lists


def _listed(
    text: str, mentions: list[tuple[int, int, _Candidate]], ranges: bool = False
) -> Iterable[list[tuple[int, int, _Candidate]]]:
    """The runs of two or more mentions that ``text`` lists, left to right; with ``ranges``, two
    that span a range are one too ("1800-2000", "1998 to 2000")."""
    run = mentions[:1]
    for mention in [*mentions[1:], None]:
        gap = text[run[-1][1] : mention[0]] if mention else ""
        if mention and len(run) < _LIST_MAX and (gap in _LIST_GAPS or (ranges and len(run) == 1 and gap in _RANGES)):
            run.append(mention)
            continue
        while len(run) > 1 and not _ends_list(text, run, ranges):
            run.pop()
        if len(run) > 1:
            yield run
        run = [mention] if mention else []


_LIST_ENDS = frozenset([" and ", " & "])
_LIST_GAPS = _LIST_ENDS | {", "} | {f",{gap}" for gap in _LIST_ENDS}
_LIST_MAX = 6
_RANGES = frozenset(["-", "–", " - ", " – ", " to "])


def _ends_list(text: str, run: list[tuple[int, int, _Candidate]], ranges: bool = False) -> bool:
    """Whether the names end a list: at its "and" ("Paris, France" is no list); after a comma
    only a list of three or more ("Tom McCabe, and Sam Brownback left" joins two clauses)."""
    gap = text[run[-2][1] : run[-1][0]]
    if ranges and len(run) == 2 and gap in _RANGES:
        return True
    return gap in _LIST_ENDS or (len(run) > 2 and gap[:1] == "," and gap[1:] in _LIST_ENDS)


def _listable(members: tuple[_Candidate, ...]) -> bool:
    if len({m.kind for m in members}) > 1:
        return False
    return not any(m.shown.startswith(m.text) and m.shown != m.text for m in members)


def _owner(candidate: _Candidate) -> _Candidate:
    return candidate.owner or candidate


_NO_NAME_ALONE = lx.NON_NAMES | lx.TITLES
"""Words that, alone, leave nothing of a name once a name's leading words are taken off."""


def _described(kind: FactKind, text: str, start: int, name: str) -> str:
    """The entity as this sentence describes it, verbatim: a person with role, age and home town
    ("Grant Allen, 38, of Harlow, Essex"), a place with the area it is in ("Boise, Idaho"), an
    organisation or a place with its nationality ("Swiss drugmaker Novartis", "Australian film
    Animal Kingdom")."""
    end = start + len(name)
    if text[end : end + 1] != ",":  # no age, no area after it
        before = _word_before(text, start, 40)
        if before is None or before[1].lower() in lx.NON_NAMES:
            return name  # "the Nauru centre", "said Mr Scott": nothing before it describes it
    if kind is FactKind.PERSON:
        return _with_role(text, start, name) + _age(text, end)
    if kind is FactKind.PLACE and name.lower() in lx.COUNTRIES:
        return name  # a country is in no other: "Venezuela, Argentina" is a list
    shown = _with_role(text, start, name)
    named = shown if shown.split()[0].lower() in lx.DEMONYMS else name
    return named + _within(text, end) if kind is FactKind.PLACE else named


def _nationalities(article: Article) -> list[_Candidate]:
    """People, bodies and places the story names only by nationality: "British tourist",
    "Chinese aviation authorities", "Swiss mountain resort". A nationality before a name is the
    name's role instead ("Ukrainian forward Andriy Yarmolenko"); one before a verb or an
    adverb is a noun ("The Brazilian collided"), no fact."""
    found: dict[str, _Candidate] = {}
    for sentence in article.sentences:
        if _NATIONALITY_WORDS.isdisjoint(_CAPITALIZED_TOKEN.findall(sentence.text)):
            continue
        for match in _NATIONALITY.finditer(sentence.text):
            spans = list(_WORD_SPAN.finditer(sentence.text, match.start("words"), match.end()))
            words = [w.group() for w in spans]
            head = max((i for i, w in enumerate(words) if w in _GROUP_KINDS), default=-1)
            if head < 0 or any(_NOT_A_NOUN.match(w) for w in words[:head]):
                continue
            if _NAME_AFTER.match(sentence.text, spans[head].end()):
                continue  # "Swiss drugmaker Novartis": the role of a name
            nationality = match.group("nationality")
            key = nationality.casefold()
            if key in found:
                found[key].mentions += 1
                continue
            text = sentence.text[match.start() : spans[head].end()]
            kind = _GROUP_KINDS[words[head]]
            found[key] = _Candidate(kind, text, sentence.index, aliases={text.casefold()}, unnamed=True)
    return list(found.values())


_GROUP_KINDS = (
    dict.fromkeys(lx.VENUE_NOUNS, FactKind.PLACE)
    | dict.fromkeys(lx.BODY_NOUNS, FactKind.ORGANIZATION)
    | dict.fromkeys(lx.GROUP_NOUNS, FactKind.PERSON)
)
_NATIONALITY = re.compile(
    rf"(?<![\w'’-])(?P<nationality>{'|'.join(sorted((d.title() for d in lx.DEMONYMS), key=len, reverse=True))})"
    r"\s+(?P<words>[a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,2})"
)
_NAME_AFTER = re.compile(r"\s+[A-Z]")
_NATIONALITY_WORDS = frozenset(d.split()[0].title() for d in lx.DEMONYMS)
_CAPITALIZED_TOKEN = re.compile(r"[A-Z](?<!\w.)[a-z]+")  # capital first: scanned for, not tried everywhere
_NOT_A_NOUN = re.compile(rf"^(?:{_FUNCTION_WORDS}|[a-z]+ly|[a-z]+ed|said|says)$")


def _age(text: str, end: int) -> str:
    """The age news gives after a person's name, and the town it says they are from ("Grant
    Allen, 38, of Harlow, Essex"), verbatim, or ""."""
    found = _AGE.match(text, end)
    if not found:
        return ""
    home = _HOME.match(text, found.end())
    if home:
        return text[end : home.end()] + _within(text, home.end())
    return text[end : found.end() - 1]


_HOME = re.compile(r"\s*(?:of|from)\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b(?!['’])")


def _within(text: str, end: int) -> str:
    """The state or country news writes after a town ("Boise, Idaho"), verbatim, or ""."""
    found = _WITHIN.match(text, end)
    return found.group() if found and found.group(1).lower() in _AREAS else ""


_WITHIN = re.compile(r",\s([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b(?!['’])")  # not "O2, Britain's biggest"


def _without_common_ends(name: str, start: int, common: _CommonWords) -> tuple[str, int]:
    """The name without a word that a run-on sentence or caption glued to it: a participle the
    article also writes in lower case, opening the sentence ("Laughing Eugenie") or closing the
    name ("Malenda Meacham Dressed")."""
    tokens = name.split()
    first = tokens[0] if len(tokens) > 1 and start <= 1 else ""
    if _OPENING_VERB.match(first) and first.lower() in common:
        start += len(tokens[0]) + 1
        tokens.pop(0)
        while len(tokens) > 1 and tokens[0].islower():  # "Beating the Aussies"
            start += len(tokens[0]) + 1
            tokens.pop(0)
    if len(tokens) > 2 and _CLOSING_VERB.match(tokens[-1]) and tokens[-1].lower() in common:
        tokens.pop()
    return " ".join(tokens), start


_OPENING_VERB = re.compile(r"^[A-Z][a-z]+(?:ing|ly)$")
_CLOSING_VERB = re.compile(r"^[A-Z][a-z]+ed$")


_KNOWN_NAMES = lx.COUNTRIES | lx.CITIES | lx.ORG_WORDS | lx.GIVEN_NAMES | lx.REGIONS
"""Single words that are names even where the article also writes them in lower case."""
_PLACES_AND_GIVEN_NAMES = lx.CITIES | lx.COUNTRIES | lx.GIVEN_NAMES


class _CommonWords:
    """Stop words and the words an article also writes in lower case: words of a phrase that
    make it no one's name. An article is asked about a few dozen words, far fewer than it has, so
    each is looked for in the text when first asked about; text that makes the looking long (a
    word found inside many others) has all its lower-case words collected once instead."""

    def __init__(self, article: Article) -> None:
        self._article = article
        self._text = ""
        self._answers: dict[str, bool] = {}
        self._lower: set[str] | None = None
        self._budget = _LOOK_UPS

    def __contains__(self, word: str) -> bool:
        if word in lx.STOP_WORDS:
            return True
        if self._lower is not None:
            return word in self._lower
        answer = self._answers.get(word)
        if answer is None:
            answer = self._answers[word] = self._written_in_lower_case(word)
        return answer

    def _written_in_lower_case(self, word: str) -> bool:
        """Whether the text has ``word`` as a word of its own, in lower case, punctuation after it."""
        if not word or not _lower_case(word):
            return False
        if not self._text:
            self._text = " ".join(s.text for s in self._article.sentences)
        text = self._text
        at = text.find(word)
        while at >= 0:
            self._budget -= 1
            if self._budget < 0:
                words = set(text.split())
                self._lower = {w.rstrip(_PUNCTUATION) for w in words if _lower_case(w)}
                return word in self._lower
            end = at + len(word)
            if at == 0 or text[at - 1].isspace():
                while end < len(text) and text[end] in _PUNCTUATION:
                    end += 1
                if end == len(text) or text[end].isspace():
                    return True
            at = text.find(word, at + 1)
        return False


def _lower_case(word: str) -> bool:
    return "a" <= word[0] <= "z" or "ß" <= word[0] <= "ÿ"


_LOOK_UPS = 2000
"""Places in the text one article's questions may look at before its words are collected."""
_PUNCTUATION = "\"'“”‘’(),.;:!?"


def _word_before(text: str, end: int, width: int) -> tuple[int, str] | None:
    """The word before the spaces that end at ``end``, looked for in the ``width`` characters
    before it: (where it starts, the word)."""
    begin = max(0, end - width)
    window = text[begin:end]
    stripped = window.rstrip()
    if len(stripped) == len(window):
        return None
    found = _WORD_AT_END.search(stripped, stripped.rfind(" ") + 1)
    return (begin + found.start(), found.group()) if found else None


_WORD_AT_END = re.compile(r"[\w'’-]+$")


def _with_role(text: str, start: int, name: str) -> str:
    """The name with up to three role or nationality words just before it, verbatim."""
    begin = start
    for _ in range(3):
        found = _word_before(text, begin, 40)
        if not found:
            break
        word = found[1].lower()
        if word not in lx.TITLES and word not in lx.DEMONYMS and not _leading_word([found[1]]):
            # "Spanish compatriot Nicolas Almagro": a nationality names what the word is
            nationality = _word_before(text, found[0], 30)
            if not (word.isalpha() and word.islower() and nationality and nationality[1].lower() in lx.DEMONYMS):
                break
            found = nationality
            word = nationality[1].lower()
        if word in lx.NON_NAMES:
            break
        begin = found[0]
    if begin < start:  # a role: take the team, party or country it belongs to ("Arsenal goalkeeper")
        for team in _CAPITALIZED_WORD.finditer(text, max(0, begin - 60), begin):
            words = text[team.start() : begin].split()
            if len(words) <= 3 and not any(_POSSESSIVE.sub("", w.lower()) in lx.NON_NAMES for w in words):
                return text[team.start() : start + len(name)]
    return text[begin : start + len(name)]


_LABEL = re.compile(r":\s")
_CONTRACTION = re.compile(r"\w['’](?:m|ve|d|ll|re|t)\b(?!['’])|n['’]t\b")  # "I'm", "We've", "Don't"
_DESCRIPTOR = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)+$")  # "Mother-of-two", "Self-styled"
_ADJECTIVE_SUFFIX = re.compile(r"\w-[a-z]+$")
_CAPITALIZED_WORD = re.compile(r"(?<![\w'’&-])[A-Z][\w'’.-]*(?=(?:\s+[A-Z][\w'’.-]*)*\s+$)")


def _phrases(text: str) -> Iterable[tuple[int, str]]:
    """Runs of capitalized words, with where they start. A word that opens a clause starts a
    new run: a page that lost a full stop runs sentences together ("at the Masters He
    admitted", "according to the Arizona DPS According to")."""
    for match in _NAME.finditer(text):
        spans = _without_dates(text, *match.span()) if _DIGIT.search(match.group()) else [match.span()]
        for begin, end in spans:
            if " " not in text[begin:end]:
                yield begin, text[begin:end]
                continue
            for opener in _OPENER.finditer(text, begin + 1, end):
                yield begin, text[begin : opener.start()]
                begin = opener.end() - len(opener.group(1))
            yield begin, text[begin:end]


def _without_dates(text: str, begin: int, end: int) -> Iterable[tuple[int, int]]:
    """The run cut where a number in it belongs to a date ("Friday 13 March"), not to a name."""
    for number in _INNER_NUMBER.finditer(text, begin, end):
        if number.group(1).lower() in lx.CALENDAR_WORDS or number.group(3).lower() in lx.CALENDAR_WORDS:
            yield begin, number.start(2) - 1
            begin = number.end(2) + 1
    yield begin, end


_INNER_NUMBER = re.compile(r"(\S+)\s(\d+)\s(?=(\S+))")


_OPENER = re.compile(rf"\s+((?:{'|'.join(w.capitalize() for w in sorted(lx.CLAUSE_OPENERS))})\b)")


def _clean_name(text: str, start: int, phrase: str) -> tuple[str, str, int]:
    tokens = phrase.split()
    role: list[str] = []
    while tokens and _leading_word(tokens):
        if start > 1 and len(tokens) > 1 and tokens[0].lower() in lx.NUMBER_WORDS:
            break  # a number inside a sentence is part of a name: "the Six Nations"
        if len(tokens) == 2 and tokens[0].lower() in lx.TITLES and tokens[1].lower() in _INSTITUTION_WORDS:
            break  # a title that names a place or a body: "Duke University", "Queen Street"
        if _styled(tokens):  # "Duchess of Cambridge"; "Mayor of London Boris Johnson": a role
            given = next((i for i in range(3, len(tokens)) if tokens[i].lower() in lx.GIVEN_NAMES), 0)
            if given:
                role.extend(tokens[:given])
                start += len(" ".join(tokens[:given])) + 1
                tokens = tokens[given:]
            break
        if tokens[0].lower() not in lx.NON_NAMES:
            role.append(tokens[0])
        start += len(tokens[0]) + 1
        tokens.pop(0)
    # A title inside the phrase ends the role: "US President George W Bush".
    inner = [i for i in range(1, len(tokens) - 1) if tokens[i].lower() in lx.TITLES]
    if inner:
        prefix = " ".join(tokens[: inner[-1] + 1]) + " "
        if text.startswith(prefix, start):
            role.extend(tokens[: inner[-1] + 1])
            start += len(prefix)
            tokens = tokens[inner[-1] + 1 :]
    # "of" ends no name, nor does a title after it: "Tom McCabe MSP", "Kansas Gov. Sam Brownback"
    while tokens and tokens[-1].lower() in _NOT_LAST:
        tokens.pop()
    if not tokens:
        return "", "", start
    last = tokens[-1]
    if "-" in last and _ADJECTIVE_SUFFIX.search(last):  # "Las Vegas-style", "Labour-led": the name before it
        tokens[-1] = last[: last.rfind("-")]
    name = " ".join(tokens)
    stripped = _POSSESSIVE.sub("", name) if name.endswith(_POSSESSIVE_ENDS) else name
    if stripped != name and text.find(stripped, start) == start:
        name = stripped
    if text[start : start + len(name)] != name:
        return "", "", start
    if not role:
        before = _last_word(text, start)
        if before.lower() in lx.TITLES:
            role.append(before)
    return name, " ".join(role), start


def _last_word(text: str, end: int) -> str:
    """The last word in the 30 characters before ``end``, "" if none: a name's title ("Mr")."""
    words = text[max(0, end - 30) : end].rsplit(None, 1)
    return words[-1] if words else ""


_INSTITUTION_WORDS = lx.ORG_WORDS | lx.PLACE_WORDS
_NOT_LAST = (
    frozenset(["of", "the", "for", "on", "de", "al", "el", "mp", "mep", "msp", "gov", "sen", "rep"]) | lx.WEEKDAYS
)
"""Words that end no name: a connector, a title after it ("Tom McCabe MSP"), a day glued on
by a lost full stop ("at Augusta Friday")."""


def _styled(tokens: list[str]) -> bool:
    """A title of a place, the name of who holds it: "Duchess of Cambridge", "Prince of Wales"."""
    return len(tokens) > 2 and tokens[1] == "of" and tokens[0].lower() in lx.STYLES


_NUMBER_BEFORE = re.compile(r"\d\w*\s+$")


def _leading_word(tokens: list[str]) -> bool:
    """A title, a demonym or a sentence word in front of a name ("President", "Irishman", "The")."""
    first = tokens[0].lower()
    if first in lx.NON_NAMES or first in lx.TITLES:
        return True
    if len(tokens) > 1 and f"{first} {tokens[1].lower()}" in lx.TITLES:
        return True
    word = tokens[0]
    if word == "Former" or ("-" in word and _DESCRIPTOR.match(word)):  # "Former TSA agent", "Mother-of-two"
        return True
    return first.endswith(("man", "woman")) and first[:-3].rstrip("wo") in {
        "irish",
        "english",
        "scots",
        "french",
        "dutch",
    }


_CLAUSE_MARKS = frozenset(":\"“‘'(–—-")
"""Marks a clause, a caption or a quote opens after: a word in "-ing" just after one ("Turning") is
no name."""


def _is_entity(name: str, start: int, capitalized_inside: set[str], common: _CommonWords, text: str) -> bool:
    tokens = name.split()
    lower = name.lower()
    if lower in lx.TITLES or lower in lx.DEMONYMS or _CONTRACTION.search(name):
        return False  # "South African" is no place
    if len(tokens) == 1:
        if _NUMBER_BEFORE.search(text, max(0, start - 12), start):
            return False  # the end of a numbered name: "21st Century", "50 First Dates"
        if lower in lx.NON_NAMES or lower.removesuffix("s") in lx.CALENDAR_WORDS or len(name) < 2:
            return False  # "Wednesdays"
        opening = start <= 1 or text[:start].rstrip()[-1:] in _CLAUSE_MARKS
        shaped = _NOT_A_NAME_ALONE.match(name) or (opening and _NOT_A_NAME_TO_OPEN.match(name))
        if shaped and lower not in _PLACES_AND_GIVEN_NAMES:
            return False
        if not name.isupper() and lower not in _KNOWN_NAMES and lower in common:
            return False  # a word the article also writes in lower case: a label ("Impressive:"), not a name
        at_start = start <= 1
        known = lower in lx.COUNTRIES or lower in lx.CITIES or lower in lx.ORG_WORDS or name.isupper()
        return known or not at_start or name in capitalized_inside
    return not all(t.lower() in lx.NON_NAMES or t.lower() in lx.DEMONYMS for t in tokens)


def _classify(name: str, role: str, text: str, start: int, end: int, common: _CommonWords) -> FactKind:
    """What a name is; ``common`` tells the words that are no one's name."""
    tokens = name.split()
    lower = name.lower()
    first, last = tokens[0].lower(), tokens[-1].lower()
    if role and role.lower() not in {"chief", "former"}:  # "Former TSA agent ...": TSA is no one
        return FactKind.PERSON
    if _styled(tokens) and tokens[2] != "the":  # "Lord of the Rings", "Queen of the South": no one
        return FactKind.PERSON
    if len(tokens) > 1 and last in lx.EVENT_WORDS:
        return FactKind.ORGANIZATION  # "French Open", "FA Cup", "Grand Prix": events, no one's name
    if len(tokens) > 1 and first in lx.GIVEN_NAMES and last not in lx.ORG_WORDS:
        return FactKind.PERSON
    if lower in lx.COUNTRIES or lower in lx.REGIONS or lower in lx.CITIES:
        return FactKind.PLACE
    if last in lx.ORG_WORDS or lower in lx.ORG_WORDS or (name.isupper() and len(name) > 1):
        return FactKind.ORGANIZATION
    if last in lx.PLACE_WORDS or first in _COMPASS:
        return FactKind.PLACE
    if len(tokens) > 1 and (last in lx.COUNTRIES or any(t.lower() in lx.ORG_WORDS for t in tokens)):
        return FactKind.ORGANIZATION  # "Bank of England", "Guardian Australia", "Cricket Australia"
    before = text[:start].rsplit(None, 2)[-2:]
    if before and (
        before[-1].lower() in lx.LOCATIVE_PREPOSITIONS
        or (before[-1].lower() == "of" and len(before) > 1 and before[0].lower() in _PLACE_NOUNS)
    ):
        return FactKind.PLACE
    if first in lx.GIVEN_NAMES or _AGE.match(text, end) or _SAYS.match(text[end:].lstrip()):
        return FactKind.PERSON
    if (
        2 <= len(tokens) <= 3
        and all(len(t) > 1 and t[0].isupper() and t[1:].islower() and not _DIGIT.search(t) for t in tokens)
        and not any(t.lower() in common for t in tokens)
    ):
        return FactKind.PERSON  # "Nawar Nemeh"; not "Very Long Engagement", "World War I"
    return FactKind.ORGANIZATION


def _merge_short_forms(candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Assad" after "Bashar Al-Assad" is the same person, and "Joshua Burns" is "Joshua Quincy
    Burns", "Hebrew Home" the "Hebrew Care Home": fold its mentions into the full name."""
    long_forms = [(c, {t.casefold() for t in re.split(r"[\s-]", c.text)}) for c in candidates if " " in c.text]
    by_ends: dict[tuple[str, str], list[_Candidate]] = {}  # the names longer than two words, by their ends
    for candidate, _ in long_forms:
        words = candidate.text.casefold().split()
        if len(words) > 2:
            by_ends.setdefault((words[0], words[-1]), []).append(candidate)
    kept: list[_Candidate] = []
    for candidate in candidates:
        key = candidate.text.casefold()
        if " " not in key:
            owner = next((c for c, tokens in long_forms if key in tokens), None)
        else:
            words = key.split()
            longer = by_ends.get((words[0], words[-1]), [])
            owner = next((c for c in longer if _shortens(key, c.text.casefold())), None)
        if owner is not None and not candidate.members:
            candidate.fold_into(owner)
            continue
        kept.append(candidate)
    return kept


def _shortens(short: str, name: str) -> bool:
    """Whether ``short`` is ``name`` without some of its middle words."""
    words, whole = short.split(), name.split()
    if len(words) >= len(whole) or words[0] != whole[0] or words[-1] != whole[-1]:
        return False
    rest = iter(whole)
    return all(word in rest for word in words)


# -- figures, dates, quotes -----------------------------------------------------------------


def _figures(article: Article, date_spans: list[list[re.Match[str]]]) -> Iterable[_Candidate]:
    for sentence in article.sentences:
        text = sentence.text
        if not _DIGIT.search(text) and _COUNT_WORD_SET.isdisjoint(text.lower().split()):
            continue
        for match in _figure_matches(text):
            number = match.group("num")
            if _YEAR.match(number) or _inside(match.span("num"), date_spans[sentence.index]):
                continue
            digits = _NOT_DIGITS.sub("", number)
            unit = match.group("unit").strip()
            span = match.span()
            if number.endswith("-old") and _VERB.match(unit):  # "the 40-year-old attended": an age
                span = (span[0], match.end("num"))
                unit = ""
            # "nine", "millions": a count in words with nothing counted is no figure
            bare = not unit and (number[0].isalpha() or not _COUNTED.search(number))
            if bare and (not digits or int(digits) < 1000):
                continue
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


_VERB = re.compile(r"(?:said|says|told|[a-z]+ed)$")
_NOT_DIGITS = re.compile(r"\D")
_COUNTED = re.compile(r"[£$€¥%]|[a-z]|\d[-/]\d")
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
            first[key].mentions += 1
        else:
            first[key] = figure
            kept.append(figure)
    return kept


_FIGURE_KEY_GAPS = re.compile(r"[,\s]")
_FIGURE_KEY = re.compile(r"[£$€¥]?\d[\d,.]*(?:-\w+)*(?:\s?(?:%|per cent|bn|m|k|million|billion)\b)?")


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
                seen[key].mentions += seen[key].calendar_day
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


def _quotes(article: Article, entities: list[_Candidate]) -> Iterable[_Candidate]:
    people = sorted((e for e in entities if e.kind is FactKind.PERSON), key=lambda e: e.sentence)
    for sentence in article.sentences:
        for match in _quoted(sentence.text):
            said = match.group("said")
            if len(said.split()) < 4:
                continue
            speaker = _speaker(sentence.text, match.span(), sentence.index, people)
            if speaker:
                yield _Candidate(FactKind.QUOTE, match.group(), sentence.index, context=speaker)


def _quoted(text: str) -> list[re.Match[str]]:
    """The quotes in ``text``, left to right, none inside another."""
    found = [*_DOUBLE_QUOTE.finditer(text)] if '"' in text or "“" in text else []
    if "'" in text or "‘" in text:
        found = sorted([*found, *_SINGLE_QUOTE.finditer(text)], key=lambda m: m.start())
    kept: list[re.Match[str]] = []
    for match in found:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return kept


def _speaker(text: str, span: tuple[int, int], index: int, people: list[_Candidate]) -> str:
    """Who said the quote at ``span``: a person named beside it, else the last one named before."""
    if not _SAYS.search(text[: span[0]]) and not _SAYS.search(text[span[1] :]):
        return ""
    outside = [(0, span[0]), (span[1], len(text))]
    for person in people:
        for alias in sorted(person.aliases, key=len, reverse=True):
            for begin, end in outside:
                at = text.casefold().find(alias, begin, end)
                if at >= 0:
                    return text[at : at + len(alias)]
    earlier = [p for p in people if p.sentence < index]
    return earlier[-1].text if earlier else ""


_WORD_SPAN = re.compile(r"\S+")


def _clause(text: str, span: tuple[int, int], width: int = 7) -> str:
    """The clause around ``span``, at most ``width`` words either side, verbatim."""
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, span[0])]
    ends = [m.start() for m in _CLAUSE_BREAK.finditer(text, span[1])]
    begin = starts[-1] if starts else 0
    finish = ends[0] if ends else len(text)
    left = [m.start() for m in _WORD_SPAN.finditer(text, begin, span[0])][-width:]
    right = [m.end() for m in _WORD_SPAN.finditer(text, span[1], finish)][:width]
    return text[left[0] if left else span[0] : right[-1] if right else span[1]].strip(" .")
