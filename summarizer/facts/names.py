"""Names: runs of capitalized words, cleaned of the words around them, and whether they name anything."""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..models import Article
from .candidate import _POSSESSIVE
from .evidence import first_name
from .runs import _POSSESSIVE_ENDS
from .words import (
    _ABSTRACT_ENDINGS,
    _ADJECTIVE_ENDINGS,
    _INSTITUTION_WORDS,
    _KNOWN_NAMES,
    _MEASURE_LETTERS,
    _NOT_LAST,
    _PEOPLE_NOUNS,
    _PLACES_AND_GIVEN_NAMES,
    _RANKS,
)

# An adverb or a participle alone is no name; one ending in "ing" is inside a sentence
# ("Chongqing", "Reading", "Sterling"), not at its start ("Smiling", "Pictured").
_NOT_A_NAME_ALONE = re.compile(r"^[A-Z][a-z]+(?:ly|ed)$")


_NOT_A_NAME_TO_OPEN = re.compile(r"^[A-Z][a-z]+ing$")


def _without_common_ends(name: str, start: int, common: _CommonWords) -> tuple[str, int]:
    """The name without a word that a run-on sentence or caption glued to it: a participle the
    article also writes in lower case, opening the sentence ("Laughing Eugenie") or closing the
    name ("Malenda Meacham Dressed")."""
    tokens = name.split()
    first = tokens[0] if len(tokens) > 1 and start <= 1 else ""
    # an adverb opening the sentence is no name's, whether or not the article writes it in lower
    # case ("Eventually Asimo", "Finally I"), unless people or places are called so ("Kelly")
    adverb = first.endswith("ly") and not first_name(first) and first.lower() not in _PLACES_AND_GIVEN_NAMES
    participle = _CLOSING_VERB.match(first) and tokens[1].islower()  # "Nicknamed the Atkins Gene"
    if (_OPENING_VERB.match(first) or participle) and (adverb or participle or first.lower() in common):
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


_LABEL = re.compile(r":\s")


_CONTRACTION = re.compile(r"\w['’](?:m|ve|d|ll|re|t)\b(?!['’])|n['’]t\b")  # "I'm", "We've", "Don't"


_DESCRIPTOR = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)+$")  # "Mother-of-two", "Self-styled"


_ADJECTIVE_SUFFIX = re.compile(r"\w-([a-z]+)$")


def _adjective_suffix(word: str) -> bool:
    """A suffix that makes a name an adjective ("Labour-led", "London-based", "Vegas-style"), not
    the second half of a hyphenated name ("Ji-hoon", "Al-Assad")."""
    found = _ADJECTIVE_SUFFIX.search(word)
    if found is None:
        return False
    suffix = found.group(1)
    # A participle's stem has a vowel ("Oscar-winning", "UWB-using"); "-ting" or "-shing" is the
    # second syllable of a given name ("Lin Wei-ting", "Li Ka-shing").
    return suffix in _ADJECTIVE_ENDINGS or suffix.endswith("ed") or _PARTICIPLE.search(suffix) is not None


_PARTICIPLE = re.compile(r"[aeiou][a-z]*ing$")


def _clean_name(text: str, start: int, phrase: str) -> tuple[str, str, int]:
    tokens = phrase.split()
    role: list[str] = []
    while tokens and _leading_word(tokens):
        if start > 1 and len(tokens) > 1 and tokens[0].lower() in lx.NUMBER_WORDS:
            break  # a number inside a sentence is part of a name: "the Six Nations"
        if tokens[0].lower() in lx.TITLES and _named_after(tokens):
            break  # a title that names a place or a body: "Duke University", "Prince Edward Island"
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
    # A title inside the phrase ends the role: "US President George W Bush"; not one that only a
    # generation's mark follows, a surname then ("Martin Luther King III", "Billie Jean King Jr").
    inner = [
        i
        for i in range(1, len(tokens) - 1)
        if (tokens[i].lower() in lx.TITLES or _rank(tokens[i])) and not _GENERATIONS.issuperset(tokens[i + 1 :])
    ]
    if inner:
        prefix = " ".join(tokens[: inner[-1] + 1]) + " "
        if text.startswith(prefix, start):
            role.extend(tokens[: inner[-1] + 1])
            start += len(prefix)
            tokens = tokens[inner[-1] + 1 :]
    if "of" in tokens:
        tokens = _without_affiliation(tokens)
    # "of" ends no name, nor does a title after it: "Tom McCabe MSP", "Kansas Gov. Sam Brownback"
    while tokens and tokens[-1].lower() in _NOT_LAST:
        tokens.pop()
    if not tokens:
        return "", "", start
    last = tokens[-1]
    if "-" in last and _adjective_suffix(last):  # "Las Vegas-style", "Labour-led": the name before it
        tokens[-1] = last[: last.rfind("-")]
    name = " ".join(tokens)
    stripped = _POSSESSIVE.sub("", name) if name.endswith(_POSSESSIVE_ENDS) else name
    if stripped != name and text.find(stripped, start) == start:
        name = stripped
    if text[start : start + len(name)] != name:
        return "", "", start
    number = _NUMBER_OF.match(text, start + len(name)) if tokens[-1].lower() in _NUMBERED else None
    if number:
        name += number.group()  # "Number 10", "Channel 4", "Flight 8623"
    if not role:
        before = _last_word(text, start)
        if before.lower() in lx.TITLES or _rank(before):
            role.append(before)
    return name, " ".join(role), start


def _named_after(tokens: list[str]) -> bool:
    """Whether a title and a name before a place's or a body's word name the place or the body:
    any such word after one more word ("Queen Street", "Duke University"), one that is no surname
    after more ("Prince Edward Island", "General Workers Union"; not "President Gerald Ford",
    "Mrs Grace Park"), and no "of" joining a person to a body ("Dr Jeremy Philpott of the UK
    Patent Office")."""
    last = tokens[-1].lower()
    if last not in _INSTITUTION_WORDS:
        return False
    return len(tokens) == 2 or (last not in _SURNAMES_TOO and "of" not in tokens[1:])


_SURNAMES_TOO = lx.word_set(
    "ford|hill|hills|park|church|court|bank|banks|street|lane|post|castle|camp|beach|bridge|forest|tower|port"
    "|lake|brothers|border|times|guardian|standard|express|herald|mirror|ground|course|coast|falls"
)
"""Words of places and bodies that are surnames too ("Gerald Ford", "Grace Park", "Julia Church")."""


_GENERATIONS = frozenset(["II", "III", "IV", "V", "VI", "VII", "VIII", "Jr", "Jr.", "Sr", "Sr."])
"""What follows a name to tell a generation or a monarch's number."""


def _without_affiliation(tokens: list[str]) -> list[str]:
    """A person's name without the body or team "of" glues to it: "Justin Tipuric of Ospreys",
    "Jung Nam-shik of the Yonsei Severance Hospital"; a first name, then a capitalized word
    that is no title, before the "of"."""
    at = tokens.index("of")
    first = tokens[0].split("-")[0]
    if at < 2 or first.isupper() or not first_name(first) or tokens[0].lower() in lx.STYLES:
        return tokens
    before = tokens[:at]
    if any(t.lower() in lx.TITLES or t.lower() in _INSTITUTION_WORDS or not t[:1].isupper() for t in before):
        return tokens  # "Mary Queen of Scots", "Duke University of ..."
    return before


_NUMBERED = frozenset(["number", "no", "channel", "flight", "apollo", "route", "gate", "terminal", "platform", "room"])
"""Words a number names a thing after: "Number 10", "Channel 4", "Air Canada Flight 8623"."""


_NUMBER_OF = re.compile(r" \d{1,4}\b(?![.,:/-]?\d)")


def _last_word(text: str, end: int) -> str:
    """The last word in the 30 characters before ``end``, "" if none: a name's title ("Mr")."""
    words = text[max(0, end - 30) : end].rsplit(None, 1)
    return words[-1] if words else ""


def _styled(tokens: list[str]) -> bool:
    """A title of a place, the name of who holds it: "Duchess of Cambridge", "Prince of Wales"."""
    return len(tokens) > 2 and tokens[1] == "of" and tokens[0].lower() in lx.STYLES


_NUMBER_BEFORE = re.compile(r"\d\w*\s+$")


def _rank(word: str) -> bool:
    """A military rank as news abbreviates it ("Spc", "Sgt."), not letters of a name ("CPL")."""
    return word.rstrip(".").lower() in _RANKS and not word.isupper()


def _people_of(word: str) -> bool:
    """A people named by where they are from, in the plural ("Australians", "Britons", "Turks")."""
    return word.endswith("s") and (word[:-1] in lx.DEMONYMS or word[:-1] in _PEOPLE_NOUNS)


def _leading_word(tokens: list[str]) -> bool:
    """A title, a demonym or a sentence word in front of a name ("President", "Irishman", "The")."""
    first = tokens[0].lower()
    if first in lx.NON_NAMES or first in lx.TITLES or _rank(tokens[0]) or _people_of(first):
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


_BEARING_WORDS = frozenset(["north", "south", "east", "west", "central", "northern", "southern", "eastern", "western"])


_LETTER_NOUN = re.compile(r"^[A-Z]-[a-z]+$")


_ACRONYM_PLURAL = re.compile(r"^[A-Z]{2,}s$")


_ADJECTIVE_SHAPE = re.compile(r"^[A-Z][a-z]+(?:ish|ist|ic)$")


_LOWER_AFTER = re.compile(r" (?!(?:said|says|told|and|or|is|was|has|had|will|would|can|could)\b)[a-z]")


_CLAUSE_MARKS = frozenset(":\"“‘'(–—-")
"""Marks a clause, a caption or a quote opens after: a word in "-ing" just after one ("Turning") is
no name."""


def _is_entity(name: str, start: int, capitalized_inside: set[str], common: _CommonWords, text: str) -> bool:
    tokens = name.split()
    lower = name.lower()
    if lower in lx.TITLES or lower in lx.DEMONYMS or lower in _MEASURE_LETTERS or _CONTRACTION.search(name):
        return False  # "South African" is no place, "GDP" no body
    if _people_of(lower) or _people_of(lower.split(" ", 1)[-1]):
        return False  # "Asians", "UK Muslims", "the Turks": people named by where they are from, no name
    if len(tokens) == 2 and tokens[0].lower() in _BEARING_WORDS and tokens[1].split("-")[0].lower() in lx.DEMONYMS:
        return False  # "South Korean", "North American", "South Korean-U.S.": a nationality
    if len(tokens) > 1 and tokens[0].lower() in lx.DEMONYMS and lower.endswith("ans"):
        return False  # "American Samoans", "British Asians": a people
    if "-" in name and all(part.lower() in lx.DEMONYMS for part in name.split("-")):
        return False  # "African-American"
    if len(tokens) == 1:
        if name[1:].islower() and lower.endswith(_ABSTRACT_ENDINGS):
            return False  # "Islamophobia", "Thatcherism": an abstract noun, no one's name
        if _LETTER_NOUN.match(name) or _ACRONYM_PLURAL.match(name):
            return False  # "U-turns", "X-rays", "T-shirt"; "MPs", "GPs", "DVDs": many, no name
        if _ADJECTIVE_SHAPE.match(name) and _LOWER_AFTER.match(text, start + len(name)) and not first_name(name):
            return False  # "Cornish waters", "Islamist groups": an adjective
        if lower in lx.ORG_WORDS and text[max(0, start - 3) : start] in ("'s ", "’s "):
            return False  # "the District Attorney's Office": the end of a name the possessive cut
        if _NUMBER_BEFORE.search(text, max(0, start - 12), start):
            return False  # the end of a numbered name: "21st Century", "50 First Dates"
        if lower in lx.NON_NAMES or lower.removesuffix("s") in lx.CALENDAR_WORDS or len(name) < 2:
            return False  # "Wednesdays"
        if "-" in lower and all(part in lx.CALENDAR_WORDS for part in lower.split("-")):
            return False  # "April-July", "Monday-Friday": when, no name
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
