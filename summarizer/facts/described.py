"""How a sentence describes a name: a person's role, age and home town, a place's area, a body's
nationality; and the people, bodies and places a story names only by their nationality."""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..models import Article, FactKind
from .candidate import _AGE, _POSSESSIVE, _WORD_SPAN, _Candidate
from .names import _leading_word, _people_of
from .words import _AREAS, _FUNCTION_WORDS


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
                found[key].named_again(sentence.index)
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
    r"(?<![\w'’-])(?P<nationality>(?:(?:North|South|East|West)\s)?"
    rf"(?:{'|'.join(sorted((d.title() for d in lx.DEMONYMS), key=len, reverse=True))}))"
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
            noun = word.isalpha() and word.islower() and not word.endswith(("es", "ed"))  # not "believes"
            if not (noun and nationality and nationality[1].lower() in lx.DEMONYMS):
                break
            found = nationality
            word = nationality[1].lower()
        if word in lx.NON_NAMES or _people_of(word):  # "most Australians Richie Benaud": no role
            break
        begin = found[0]
        wider = _word_before(text, begin, 30)
        if wider and f"{wider[1].lower()} {word}" in lx.TITLES:  # "first lady", "First Minister"
            begin = wider[0]
    if begin < start:  # a role: take the team, party or country it belongs to ("Arsenal goalkeeper")
        for team in _CAPITALIZED_WORD.finditer(text, max(0, begin - 60), begin):
            words = text[team.start() : begin].split()
            if len(words) > 4:
                continue
            if any(_POSSESSIVE.sub("", w.lower()) in lx.NON_NAMES for w in words):
                if words[0].lower() in lx.TITLES:
                    break  # "Mrs Rome's mother Margaret": the role is a person's, no team's
                continue
            return text[team.start() : start + len(name)]
    return text[begin : start + len(name)]


_CAPITALIZED_WORD = re.compile(r"(?:(?<![\w'’&-])|(?<=\bex-))[A-Z][\w'’.-]*(?=(?:\s+[A-Z][\w'’.-]*)*\s+$)")
"""A capitalized word that opens a role's team or office, also after "ex-" ("ex-Home Secretary")."""
