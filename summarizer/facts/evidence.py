"""What the whole article says a name is: a person it calls "Mr Church" or gives an age, a body
whose manager or shares it names or that it quotes ("Symantec said"). The first mention alone
reads "at Aston Villa" as a place and "Julia Church" as a church."""

from __future__ import annotations

import functools
import re
from collections import Counter

from gender_guesser.detector import Detector

from .. import lexicon as lx
from ..models import Article, FactKind
from .candidate import _Candidate
from .words import _AREAS

_PERSONAL_TITLES = frozenset(["mr", "mrs", "ms", "miss", "dr", "sir", "dame"])
_WORD = r"(?<!\w.)"
"""After a pattern's first letter: the letter begins a word (``\b`` before it, checked after it so
that the search skips straight to the letters a match can begin with)."""
_TITLED = re.compile(rf"(?:M{_WORD}(?:r|rs|s|iss)|D{_WORD}(?:r|ame)|S{_WORD}ir)\.?\s+([A-Z][\w'’-]+)(?!\s+[A-Z])")
"""Mr, Mrs, Ms, Miss, Dr, Sir or Dame before a capitalized word that ends the name."""
_CAPITAL = r"[A-Z](?<![\w'’&-].)"
"""A capital that begins a word: tried anywhere inside a long word, the patterns below would be
quadratic (and checked after the letter, the search skips straight to capitals)."""
_BODY = re.compile(
    r"(" + _CAPITAL + r"[\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3})(?:['’]s?\s+(?:manager|boss|chairman|chief|owners?|board|"
    r"shares|profits?|sales|spokesman|spokeswoman|spokesperson|squad|players|fans|striker|midfielder|"
    r"defender|goalkeeper|customers|staff|website|statement)\b|\s+(?:Inc|Ltd|Plc|FC)\b"
    r"|\s+(?:said|says|announced|reported|added|noted|warned)\b)"
)
_TEAM_WORDS = (
    "fans", "supporters", "manager", "boss", "striker", "midfielder", "defender", "goalkeeper",
    "winger", "coach", "legend", "captain", "squad", "chairman", "full-back", "centre-back",
)  # fmt: skip
_TEAM = re.compile(
    r"(" + _CAPITAL + r"[\w'’-]*?(?:\s+[A-Z][\w'’-]*?)?)(?:['’]s?)?\s+(?:" + "|".join(_TEAM_WORDS) + r")\b"
)
"""A name with a club's people after it: "Liverpool legend", "Chelsea fans", "Lyon's coach" (the
name without its possessive: its words are matched lazily)."""
_CLUB = re.compile(r"(" + _CAPITAL + r"[\w'’-]*?)(?:['’]s?)?\s+(?:manager|boss|chairman|owners|fans|supporters)\b")
"""A word with a club's own people after it, whom a player or a manager does not have: "Villa's
manager", "Palace fans"."""
_OPPONENT = re.compile(
    r"\b(?:against|behind|(?:match|game|tie|clash)\s+at|"
    r"beat|beating|beaten by|draw with|drew with|lost to|loss to|defeat to|defeat by|win over|"
    r"victory over|away at|away to|at home to)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)"
)
"""A name a side plays in a match ("lost 3-0 away at Fenerbahce", "the final against Chelsea")."""
_SCORE = re.compile(rf"\d{_WORD}\d?-\d{{1,2}}\b")
_MATCH_WORDS = re.compile(r"\b(?:goals?|match|league|cup|final|striker|midfielder|manager)\b", re.IGNORECASE)
_CAPITALIZED = re.compile(r"[A-Z][\w-]*")
_NAME = r"(" + _CAPITAL + r"[\w'’-]*(?:\s+[A-Z][\w'’-]*){1,2})"
_SAID_BY = re.compile(rf"(?:s{_WORD}(?:aid|ays)|a{_WORD}dded|e{_WORD}xplained|t{_WORD}old)\s+{_NAME}(?=,\s+[a-z])")
"""A person named after a said-verb and described after a comma: "said Juthamas Siriwan, governor"."""
_WHO_SAID = re.compile(rf"{_NAME}\s+(?:said|says|added|explained|admitted|insisted)\b")
"""A name the story quotes as a person's: "Nawar Nemeh said"."""


_PERSON_NOUNS = "|".join(sorted({w.removesuffix("s") for w in lx.GROUP_NOUNS} - {"fan", "supporter", "people"}))
_DESCRIBED_AS_ONE = re.compile(
    rf"({_CAPITAL}[\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}}),\s+(?:who\b|(?:a|an)\s+(?:[A-Za-z-]+\s+){{0,2}}"
    rf"(?:{_PERSON_NOUNS})\b)"
)
"""A name the story describes as someone: "Farkhunda, a young woman", "Sahra, a Somali
refugee", "Highfield, who"."""
_DESCRIBED_AS_A_BODY = re.compile(r"(" + _CAPITAL + r"[\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,3}),\s+which\b")
"""A name the story follows with "which": a body, a work or a place, no one."""
_AFTER_NAME = (re.compile(r",\s+[a-z]"), re.compile(r"\s+(?:said|says|added|explained|admitted|insisted)\b"))
"""What follows the name a match of :data:`_SAID_BY` and of :data:`_WHO_SAID` finds."""
_AFTER_COMMA = (re.compile(r",\s+(?:who\b|an?\s)"), re.compile(r",\s+which\b"))
"""What a match of :data:`_DESCRIBED_AS_ONE` and of :data:`_DESCRIBED_AS_A_BODY` must hold: a
text without it is not searched for them (a search from every capital costs more)."""


def reclassify(article: Article, found: dict[str, _Candidate]) -> None:
    """A place or a body the article calls by a title ("Mr Church", "Ms Given") is a person; a
    place it gives a manager, shares or staff to ("Villa's manager") is a body."""
    text = article.text
    titled = {m.group(1).casefold() for m in _TITLED.finditer(text)}
    read = _Readings(text)  # each of the other readings is a pass over the text, made if asked
    given = lx.GIVEN_NAMES | _first_names(found) | _PERSONAL_TITLES
    for key, candidate in found.items():
        words = key.split()
        if candidate.members or key in _AREAS:
            continue
        kind = candidate.kind
        if kind is FactKind.ORGANIZATION and key[-1] != "s" and key in read.people and key not in read.things:
            candidate.kind = FactKind.PERSON
            continue
        if kind is FactKind.PERSON and not candidate.context and key in read.things and key not in read.people:
            candidate.kind = FactKind.ORGANIZATION
            continue
        if kind is FactKind.PERSON and not candidate.context and words[-1] in read.clubs:
            candidate.kind = FactKind.ORGANIZATION  # "Aston Villa ... Villa's manager": a club in a match report
            continue
        if kind is FactKind.PLACE and ", " not in candidate.shown and key in read.teams:  # not "BARCELONA, England"
            candidate.kind = FactKind.ORGANIZATION  # "Liverpool fans", "Lyon's coach": the club
            continue
        if key in lx.CITIES:
            continue
        one_titled = len(words) == 1 or (len(words) <= 3 and words[0] in given)
        if kind is not FactKind.PERSON and words[-1] in titled and one_titled:
            candidate.kind = FactKind.PERSON
        elif (
            kind is FactKind.PERSON
            and _unsure_person(candidate, words, read, titled)
            and not _reflexive_after(article.sentences[candidate.sentence].text, candidate.text)
            or (
                kind is FactKind.PLACE
                and words[-1] not in lx.PLACE_WORDS
                and any(" ".join(words[cut:]) in read.bodies for cut in range(len(words)))
            )
        ):
            candidate.kind = FactKind.ORGANIZATION


class _Readings:
    """What the whole text says of its capitalized names, each reading found on first use."""

    def __init__(self, text: str) -> None:
        self.text = text

    @functools.cached_property
    def bodies(self) -> set[str]:
        """Every tail of a name given a manager, shares or a statement ("Villa's manager")."""
        bodies: set[str] = set()
        for match in _BODY.finditer(self.text):
            words = match.group(1).casefold().split()
            bodies.update(" ".join(words[cut:]) for cut in range(len(words)))
        return bodies

    @functools.cached_property
    def teams(self) -> set[str]:
        text = self.text
        named = any(word in text for word in _TEAM_WORDS)  # none, no match: the search is spared
        teams = {m.group(1).casefold() for m in _TEAM.finditer(text)} if named else set()
        return (teams | _opponents(text)) if self.match_report else teams

    @functools.cached_property
    def match_report(self) -> bool:
        """A story with a score and a word of football."""
        return _SCORE.search(self.text) is not None and _MATCH_WORDS.search(self.text) is not None

    @functools.cached_property
    def clubs(self) -> set[str]:
        """The last words of clubs a match report names with their manager or fans."""
        if not self.match_report:
            return set()
        return {m.group(1).casefold() for m in _CLUB.finditer(self.text)}

    @functools.cached_property
    def counts(self) -> Counter[str]:
        return Counter(_CAPITALIZED.findall(self.text))

    @functools.cached_property
    def speakers(self) -> tuple[_DescribedNames, _DescribedNames]:
        """Who is said to speak: "said Juthamas Siriwan, governor", "Nawar Nemeh said"."""
        return _DescribedNames(self.text, _SAID_BY, _AFTER_NAME[0]), _DescribedNames(
            self.text, _WHO_SAID, _AFTER_NAME[1]
        )

    @functools.cached_property
    def people(self) -> _DescribedNames:
        return _DescribedNames(self.text, _DESCRIBED_AS_ONE, _AFTER_COMMA[0])

    @functools.cached_property
    def things(self) -> _DescribedNames:
        return _DescribedNames(self.text, _DESCRIBED_AS_A_BODY, _AFTER_COMMA[1])


class _DescribedNames:
    """The names (casefolded) a pattern finds just before what ``comma`` finds (", who", ", which",
    " said"), searched for only when a name asked about ends a word that stands just before one
    of those: a name ends where its match's last word does."""

    def __init__(self, text: str, pattern: re.Pattern[str], comma: re.Pattern[str]) -> None:
        self._text, self._pattern = text, pattern
        self._tails: list[str] | None = []  # None: a word too long to take, any name may be there
        for found in comma.finditer(text):
            window = text[max(0, found.start() - _TAIL) : found.start()]
            tail = window.rsplit(None, 1)[-1] if window.strip() else ""
            if len(tail) == len(window) and found.start() > _TAIL or len(self._tails) == _MAX_TAILS:
                self._tails = None  # or too many to compare each name with: one search tells
                break
            self._tails.append(tail.casefold())
        self._names: set[str] | None = None

    def __contains__(self, key: str) -> bool:
        if self._tails is not None:
            last = key.rsplit(None, 1)[-1]
            if not any(tail.endswith(last) for tail in self._tails):
                return False
        if self._names is None:
            self._names = {m.group(1).casefold() for m in self._pattern.finditer(self._text)}
        return key in self._names


_TAIL = 80
"""How far before a comma its word is looked for."""
_MAX_TAILS = 100
"""Past this many commas, the names are searched for at once: each name is not compared with every
word before a comma (quadratic in a text of many)."""


def _opponents(text: str) -> set[str]:
    """The sides a match report says a team played ("against Chelsea"); a country is left a place
    (a national side reads as its country)."""
    found = {m.group(1).casefold() for m in _OPPONENT.finditer(text)}
    return {name for name in found if name not in lx.COUNTRIES}


def _first_names(found: dict[str, _Candidate]) -> set[str]:
    """The first words of the people the article names in full."""
    return {c.text.split()[0].casefold() for c in found.values() if c.kind is FactKind.PERSON and " " in c.text}


_REFLEXIVE = re.compile(r"\b(?:himself|herself)\b")
"""A person's own pronoun in the sentence that first names someone: "Miley Cyrus continues to
one-up herself" (a body is "itself")."""


def _reflexive_after(text: str, name: str) -> bool:
    """Whether "himself" or "herself" follows the name in its sentence."""
    return _REFLEXIVE.search(text, max(0, text.find(name))) is not None


def _unsure_person(candidate: _Candidate, words: list[str], read: _Readings, titled: set[str]) -> bool:
    """A name read as a person by its shape alone ("Deutsche Telekom", "Agence France Presse"):
    no first name, role or age, and the story never calls it by its last word alone, as it does
    a person it names again ("Lilliu said"); ``read.counts`` are the article's capitalized words."""
    if len(words) < 2 or candidate.context or candidate.shown != candidate.text or first_name(words[0].split("-")[0]):
        return False
    return (
        words[-1] not in titled
        and read.counts[candidate.text.split()[-1]] <= candidate.mentions
        and not any(candidate.key in speakers for speakers in read.speakers)
    )


@functools.lru_cache(maxsize=8192)
def first_name(word: str) -> bool:
    """Whether people are given this name: the project's list, then gender-guesser's dictionary
    of about 40,000 first names of many countries (shipped inside the package); remembered, as
    the same words are asked again and again."""
    return word in lx.GIVEN_NAMES or _names().get_gender(word) != "unknown"


@functools.cache
def _names() -> Detector:
    return Detector(case_sensitive=False)
