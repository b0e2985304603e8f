"""Kinds: whether a name is a person, a body or a place (how the sentence describes it is :mod:`.described`)."""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..models import FactKind
from .candidate import _AGE, _DIGIT, _SAYS
from .evidence import first_name
from .names import _CommonWords, _last_word, _styled
from .words import _COMPASS, _HOLIDAYS, _INSTITUTION_WORDS, _PLACE_NAMES, _PLACE_NOUNS, _SKY


def _classify(name: str, role: str, text: str, start: int, end: int, common: _CommonWords) -> FactKind:
    """What a name is; ``common`` tells the words that are no one's name. A name read as a person
    by its words alone is a title when the sentence quotes it whole ("Für Elise", "Free the
    Nipple") or gives it a cast or a maker ("Phoenix Nights creator Peter Kay"): a work or a
    body; one between "a" and a people's noun is where they are from ("a Cheltenham woman")."""
    if name.lower() in _HOLIDAYS:
        return FactKind.DATE  # "in the New Year", "over Christmas": when, no body
    if " " not in name and _FAMILY_AFTER.match(text, end):
        return FactKind.PERSON  # "the Kardashian sisters", "the Gallagher brothers": a family's name
    kind = _by_words(name, role, text, start, end, common)
    first = name.split()[0].lower()
    if (
        kind is FactKind.PERSON
        and not role
        and (
            (_QUOTED.match(text[start - 1 : start] + text[end : end + 1]) and not _POSSESSIVE_AFTER.match(text, end))
            or _MAKERS_AFTER.match(text, end)
            or _BODY_AFTER.match(text, end)
            or (not _first_name_of(name.split()[0]) and _COUNT_BEFORE.search(text, max(0, start - 12), start))
            or first in _ORDINALS
        )
    ):
        return FactKind.ORGANIZATION  # also "the Fiat Powertrain plant", "its Alfa Romeo subsidiary"
    one_word = kind is FactKind.ORGANIZATION and " " not in name
    if one_word and _PEOPLE_OF_A_PLACE.match(text, end) and _A_BEFORE.search(text, max(0, start - 4), start):
        return FactKind.PLACE
    return kind


_FAMILY_AFTER = re.compile(r"\s+(?:sisters|brothers|siblings|twins|family|clan)\b")


_QUOTED = re.compile(r"[\"“‘'][\"”’']")


_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
"""A possessive after a name, not a closing quote: "Sebastien Bruno's been with France"."""


_MAKERS_AFTER = re.compile(
    r"\s+(?:creator|creators|star|stars|producer|producers|presenter|host|writer|director|author|"
    r"frontman|character|actor|actress|cast)\s+[A-Z]"
)
"""A cast or a maker after a name, and their name: "Nighty Night star Julia Davis"."""


_BODY_AFTER = re.compile(
    rf"\s+(?:{'|'.join(sorted(lx.BODY_NOUNS | lx.VENUE_NOUNS))}|plant|factory|subsidiary|unit|brand|"
    r"division|chain|store|stores|shares|title|deal|service|channel|website|app)\b"
)
"""A common noun right after a name, the name its modifier: a brand, a body or a work, no one."""


_COUNT_BEFORE = re.compile(rf"\b(?:\d+|{'|'.join(sorted(lx.NUMBER_WORDS))})\s+$")
"""A count just before a name: "two Golden Globes", "three Grand Slams": things, no one."""


_ORDINALS = frozenset(
    [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ]
)


_PEOPLE_OF_A_PLACE = re.compile(rf"\s+(?:{'|'.join(sorted(lx.GROUP_NOUNS))})\b")


_A_BEFORE = re.compile(r"\b(?:a|an)\s+$")


def _by_words(name: str, role: str, text: str, start: int, end: int, common: _CommonWords) -> FactKind:
    """What a name is by its words and the words around it."""
    tokens = name.split()
    lower = name.lower()
    first, last = tokens[0].lower(), tokens[-1].lower()
    if role and last in lx.ORG_WORDS and (len(tokens) == 1 or role.lower() in lx.DEMONYMS):
        return FactKind.ORGANIZATION  # "Saudi Justice Ministry": the words before are no one's role
    if role and role.lower() not in {"chief", "former"}:  # "Former TSA agent ...": TSA is no one
        noun = role.lower().split()[-1].split("-")[-1]
        if len(tokens) == 1 and _body_noun(noun):
            return FactKind.ORGANIZATION  # "Car-maker Honda", "drugmaker Novartis": a body's role
        return FactKind.PERSON
    if _styled(tokens) and tokens[2] != "the":  # "Lord of the Rings", "Queen of the South": no one
        return FactKind.PERSON
    if len(tokens) > 1 and last in lx.EVENT_WORDS:
        return FactKind.ORGANIZATION  # "French Open", "FA Cup", "Grand Prix": events, no one's name
    if _named_for_home(tokens):
        return FactKind.ORGANIZATION  # "San Francisco Giants", "Chicago Cubs": a side or a firm
    # a first name before a place's word names where, past a surname or in the plural, which no
    # surname is ("John F Kennedy Airport", "Beverly Hills"; not "Damon Hill")
    where = last in lx.PLACE_WORDS and (len(tokens) > 2 or last.endswith("s"))
    body = last in lx.ORG_WORDS or (len(tokens) > 1 and last in lx.NAME_ENDINGS)
    if len(tokens) > 1 and first in lx.GIVEN_NAMES and not body and not where:
        return FactKind.PERSON
    if len(tokens) == 1 and lower in _PLACE_NAMES and _side(lower, text, start, end):
        return FactKind.ORGANIZATION  # "Newcastle have joined", "former club Southampton": the side
    if lower in lx.COUNTRIES or lower in lx.REGIONS or lower in lx.CITIES or lower in _SKY:
        return FactKind.PLACE
    if first in _PLACE_ARTICLES and len(tokens) > 1 and last not in lx.ORG_WORDS:
        return FactKind.PLACE  # "Las Venturas", "San Fierro", "San Bernardino"
    if (
        not body
        and _person_shape(tokens)
        and _first_name_of(tokens[0])
        and _INSTITUTION_WORDS.isdisjoint(t.lower() for t in tokens)
    ):
        return FactKind.PERSON  # "Darcey Bussell", "Sven-Goran Eriksson": a first name the dictionary knows
    if body or lower in lx.ORG_WORDS or (name.isupper() and len(name) > 1):
        return FactKind.ORGANIZATION
    if last in lx.PLACE_WORDS or first in _COMPASS:
        return FactKind.PLACE
    if len(tokens) > 1 and last in _BEARING_ENDS and not _first_name_of(tokens[-2]):
        return FactKind.PLACE  # "Clwyd North West", "Aberdeen South", "L Street NW"
    if len(tokens) > 1 and (last in lx.COUNTRIES or any(t.lower() in lx.ORG_WORDS for t in tokens)):
        return FactKind.ORGANIZATION  # "Bank of England", "Guardian Australia", "Cricket Australia"
    before = text[:start].rsplit(None, 2)[-2:]
    if len(before) == 2 and before[-1] == "at" and (before[0].lower() in lx.TITLES or before[0].lower() in _STAFF):
        return FactKind.ORGANIZATION  # "officer at Telewest Broadband", "researchers at BDO Stoy Hayward"
    if before and (
        before[-1].lower() in lx.LOCATIVE_PREPOSITIONS
        or (before[-1].lower() == "of" and len(before) > 1 and before[0].lower() in _PLACE_NOUNS | _BEARINGS)
    ):
        return FactKind.PLACE
    relation = before and before[-1].endswith(",") and before[-1][:-1].lower() in _RELATIONS
    if len(tokens) == 1 and relation and _CLAUSE_GOES_ON.match(text, end):
        return FactKind.PERSON  # "his best friend, Kristelle,", "her daughter, Mia": someone's
    # A body's noun before one word: "security firm Symantec said", "the carmaker Renault" (a team
    # of people is named by theirs: "economist team Jim and Margaret Cuthbert").
    if len(tokens) == 1 and before and _body_noun(before[-1]) and not _first_name_of(name):
        return FactKind.ORGANIZATION
    if first in lx.GIVEN_NAMES or _AGE.match(text, end) or _SAYS.match(text[end:].lstrip()):
        return FactKind.PERSON
    if _SAID_BEFORE.search(text, max(0, start - 6), start) and _CLAUSE_END.match(text, end):
        return FactKind.PERSON  # '"It is a project," said Kudja.': a quote's speaker
    if (
        2 <= len(tokens) <= 3
        and all(len(t) > 1 and t[0].isupper() and t[1:].islower() and not _DIGIT.search(t) for t in tokens)
        and not any(t.lower() in common for t in tokens)
    ):
        return FactKind.PERSON  # "Nawar Nemeh"; not "Very Long Engagement", "World War I"
    return FactKind.ORGANIZATION


_SAID_BEFORE = re.compile(r"\b(?:said|says)\s+$")


_RELATIONS = lx.word_set(
    "friend|girlfriend|boyfriend|wife|husband|fiancee|fiancée|daughter|son|mother|father|sister|brother"
    "|cousin|niece|nephew|aunt|uncle|grandmother|grandfather|grandson|granddaughter"
)
"""Whom a story names after a comma as someone's: "his best friend, Kristelle" (not a partner
or a neighbour, which a firm and a country have too)."""


_CLAUSE_GOES_ON = re.compile(r"\s*(?:[,.;:!?)]|$)|\s+(?:and|who|was|is|had|has|said|says)\b")
"""What follows a name that is the whole appositive ("his wife, Ahlam,"), not a modifier of a
noun after it ("her husband, Nickelback front man Chad Kroeger")."""


_CLAUSE_END = re.compile(r"\s*(?:[.!?]|$)")


_PLACE_ARTICLES = frozenset(["los", "las", "san", "santa", "são", "sao"])
"""First words of Spanish and Portuguese place names: "Los Santos", "San Fierro"."""


_BEARING_ENDS = frozenset(["north", "south", "east", "west", "central", "nw", "ne", "sw", "se"]) | {
    f"{a}{b}" for a in ("north", "south") for b in ("east", "west")
}


_STAFF = frozenset(
    [
        "analyst",
        "analysts",
        "economist",
        "economists",
        "researcher",
        "researchers",
        "officer",
        "executive",
        "executives",
        "staff",
        "employee",
        "employees",
        "worker",
        "workers",
        "works",
        "worked",
        "working",
        "job",
        "jobs",
        "engineer",
        "engineers",
        "scientist",
        "scientists",
    ]
)
"""Who works "at" a body: "analysts at Barclays" is no place."""


_BEARINGS = _COMPASS | {"northwest", "northeast", "southwest", "southeast", "outskirts", "miles", "mecca", "heart"}
"""Words before "of" that a place follows: "15 miles west of Wichita", "the surfing mecca of Newquay"."""


def _named_for_home(tokens: list[str]) -> bool:
    """A side, a paper or a firm named for its home: a city, a country or a region, then capitalized
    words that name no place ("Los Angeles Lakers", "New York Times", "Scotland Yard"; not "San
    Francisco Bay", "Mexico City", "Aberdeen South", "Washington DC"). A home of one word that is a first name
    begins a person's name ("Paris Hilton", "Chad Myers"); a short word is no home ("La Jolla" is
    not "LA")."""
    if len(tokens) < 2 or tokens[0].lower() not in _PLACE_STARTS:
        return False
    cut = next((cut for cut in (3, 2, 1) if len(tokens) > cut and " ".join(tokens[:cut]).lower() in _PLACE_NAMES), 0)
    rest = tokens[cut:]
    if (
        not cut
        or " ".join(tokens).lower() in _PLACE_NAMES
        or (len(tokens[0]) < 3 and not tokens[0].isupper())
        or not all(t[:1].isupper() for t in rest)
    ):
        return False
    if cut == 1 and first_name(tokens[0]):
        return False
    last = rest[-1].lower()
    code = len(rest) == 1 and len(rest[0].replace(".", "")) == 2 and rest[0].isupper()  # "Washington DC", "D.C."
    return not (code or last in lx.PLACE_WORDS or last in _PLACE_NOUNS or last in _BEARING_ENDS or last in _COMPASS)


_PLACE_STARTS = frozenset(place.split()[0] for place in _PLACE_NAMES)
"""The first words of the cities, countries and regions: a name opening with none has no home."""


def _side(home: str, text: str, start: int, end: int) -> bool:
    """Whether a city's or a country's name is its side's: a plural verb after it, as British
    sport writes of a team that opens a sentence or a clause ("Newcastle have joined the race",
    "but France were beaten"; not "the Philippines are", "doctors in Britain are", "India and
    Pakistan have"), or a side's noun before it ("former club Southampton")."""
    before = _last_word(text, start).lower()
    subject = not before or before in lx.CLAUSE_OPENERS  # not "doctors in Britain are"
    if subject and not home.endswith("s") and _SIDE_VERB.match(text, end):
        return True
    return before in _SIDE_NOUNS


_SIDE_VERB = re.compile(r"\s+(?:have|are|were)\b")
_SIDE_NOUNS = frozenset(["club", "side", "team", "outfit", "visitors", "champions"])


def _body_noun(word: str) -> bool:
    return word in lx.BODY_NOUNS or word.endswith("maker")


def _person_shape(tokens: list[str]) -> bool:
    """Two to four capitalized words, connectors aside ("Ricardo Izecson dos Santos Leite")."""
    return 2 <= sum(t[0].isupper() for t in tokens) <= 4 and tokens[-1][0].isupper()


def _first_name_of(word: str) -> bool:
    """Whether a name's first word is a first name, its first half if hyphenated ("Jean-Philippe")."""
    return word[:1].isupper() and not word.isupper() and first_name(word.split("-")[0])  # not "BAE"
