"""Runs of capitalized words: the phrases a name may be, before they are cleaned of the words
around them (:mod:`.names`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import lexicon as lx
from .candidate import _DIGIT, _POSSESSIVE
from .evidence import first_name
from .words import _BODIES_FOR, _CONNECTORS, _PLACE_NAMES, _TITLE_PREPOSITIONS, _TITLE_WORDS

_POSSESSIVE_ENDS = ("'", "’", "'s", "’s")

# "Tom", "Saint-Germain", "D.C.", "L.", "St." (the abbreviated "Saint", "Mount", "Fort" before a name)
_TOKEN = r"(?:(?:[A-Z]\.){2,}|[SMF]t\.(?=\s[A-Z][a-z])|[A-Z][\w'’\-]*\w|[A-Z]\.(?=\s[A-Z][a-z])|[A-Z])"


_CONNECTOR = f"(?:{'|'.join(sorted(_CONNECTORS, key=lambda w: (-len(w), w)))})"


# A possessive ends a name: "Dynamo Kiev's Andriy Yarmolenko" is two names.
# A number between two of its words is part of a name: "Channel 4 News", "Matthew 24 Now".
# A name after "ex-" is a name: "ex-Home Secretary David Blunkett", "ex-Navy SEAL Tyrone Woods".
# The first word as _TOKEN after no word: its capital is matched before the look-behind, so that
# the regex engine skips from capital to capital instead of trying every character.
_FIRST_TOKEN = (
    r"[A-Z](?:(?<![\w'’-].)|(?<=\bex-.))"
    r"(?:\.(?:[A-Z]\.)+|(?<=[SMF])t\.(?=\s[A-Z][a-z])|[\w'’\-]*\w|\.(?=\s[A-Z][a-z])|)"
)


# "for" is a connector after a body named for what it is for: "Office for National Statistics".
_FOR = f"for(?:{'|'.join(f'(?<={body.capitalize()} for)' for body in sorted(_BODIES_FOR))})"


# An elided article glued to the word after it joins it to the name: "Ballon d'Or", "Côte d'Ivoire".
_ELIDED = r"(?:(?:d|l|dell)['’])"


_NAME = re.compile(
    rf"{_FIRST_TOKEN}(?:(?<!['’]s)(?:\s+(?:{_CONNECTOR}|{_FOR})){{0,2}}(?:\s+\d{{1,3}}(?![\w,.:%/'’-]))?"
    rf"\s+{_ELIDED}?{_TOKEN})*"
)


def _phrases(text: str) -> Iterable[tuple[int, str]]:
    """Runs of capitalized words of at most :data:`MAX_NAME_WORDS`, with where they start."""
    for at, phrase in _runs(text):
        if phrase.count(" ") < MAX_NAME_WORDS:
            yield at, phrase


MAX_NAME_WORDS = 8
"""A longer run of capitals is a headline or a shouted line, no name: kept out, it also keeps
the work on a name (its suffixes, its short forms) bounded whatever the text."""


def _runs(text: str) -> Iterable[tuple[int, str]]:
    """The runs :func:`_split_runs` finds, with what joins two into one name: a slash
    ("In-Stat/MDR"), a possessive before a body's or a place's name ("the District Attorney's
    Office", "Grauman's Chinese Theatre"; not "Japan's Finance Ministry", "Kiev's Andriy
    Yarmolenko"), and the Arabic article ("al Qaeda", "Abdullah Bin Mohammad al-Sheikh")."""
    pending: tuple[int, str] | None = None
    for begin, phrase in _split_runs(text):
        if text[max(0, begin - 4) : begin] in (" al ", " el ") or text[:begin] in ("al ", "el "):
            phrase, begin = text[begin - 3 : begin + len(phrase)], begin - 3
        if pending is not None:
            before = pending[1]
            gap = text[pending[0] + len(before) : begin]
            if gap == "/" or (gap == " " and _owns(before, phrase)):
                pending = (pending[0], text[pending[0] : begin + len(phrase)])
                continue
            yield _with_article_after(text, *pending)
        pending = (begin, phrase)
    if pending is not None:
        yield _with_article_after(text, *pending)


def _owns(owner: str, name: str) -> bool:
    """Whether a possessive is part of the body's or place's name after it."""
    if not owner.endswith(_POSSESSIVE_ENDS) or owner.isupper() or first_name(name.split()[0]):
        return False  # "Kiev's Andriy Yarmolenko", "FA's England Commission"
    last = name.rsplit(None, 1)[-1].lower()
    bare = _POSSESSIVE.sub("", owner).lower()
    first = name.split()[0].lower()
    known = bare in _PLACE_NAMES or bare in lx.DEMONYMS or bare in lx.CALENDAR_WORDS or first in _PLACE_NAMES
    return (last in lx.ORG_WORDS or last in lx.PLACE_WORDS) and not known


def _with_article_after(text: str, begin: int, phrase: str) -> tuple[int, str]:
    found = _ARTICLE_AFTER.match(text, begin + len(phrase))
    return (begin, phrase + found.group()) if found else (begin, phrase)


_ARTICLE_AFTER = re.compile(r" (?:al|el)-[A-Z][\w'’-]*\w")


def _split_runs(text: str) -> Iterable[tuple[int, str]]:
    """Runs of capitalized words, with where they start. A word that opens a clause starts a
    new run: a page that lost a full stop runs sentences together ("at the Masters He
    admitted", "according to the Arizona DPS According to")."""
    for match in _NAME.finditer(text):
        if match.group().count(" ") > 1 and _title_run(match.group()):
            continue  # a work's title, no name: "Love It Or Hate It", "Romancing The Stone"
        spans = _without_dates(text, *match.span()) if _DIGIT.search(match.group()) else [match.span()]
        for begin, end in spans:
            if " " not in text[begin:end]:
                yield begin, text[begin:end]
                continue
            for opener in _OPENER.finditer(text, begin + 1, end):
                yield begin, text[begin : opener.start()]
                begin = opener.end() - len(opener.group(1))
            if ". " in text[begin:end]:
                for initial in _INITIAL.finditer(text, begin, end):
                    if not first_name(initial.group(1)):  # "Group E. Barcelona": a full stop, no initial
                        yield begin, text[begin : initial.end(1) + 2]
                        begin = initial.end()
            yield begin, text[begin:end]


_INITIAL = re.compile(r"([\w'’-]+) [A-Z]\. ")
"""An initial and the word before it: a middle initial after a first name ("David L. Wolper")."""


def _without_dates(text: str, begin: int, end: int) -> Iterable[tuple[int, int]]:
    """The run cut where a number in it belongs to a date ("Friday 13 March"), not to a name."""
    for number in _INNER_NUMBER.finditer(text, begin, end):
        if number.group(1).lower() in lx.CALENDAR_WORDS or number.group(3).lower() in lx.CALENDAR_WORDS:
            yield begin, number.start(2) - 1
            begin = number.end(2) + 1
    yield begin, end


_INNER_NUMBER = re.compile(r"(\S+)\s(\d+)\s(?=(\S+))")


_OPENER = re.compile(rf"\s+((?:{'|'.join(w.capitalize() for w in sorted(lx.CLAUSE_OPENERS))})\b)")


def _title_run(run: str) -> bool:
    """Whether a run of capitalized words is the title of a work (a song, a book, a film, a show,
    a game), which no fact is made of: a title word capitalized inside it, neither first nor last
    ("Love It Or Hate It", "Romancing The Stone", "Ten Things I Hate About You"; a possessive
    ends a run, so "Mel Gibson's" stays a name before "The Passion"). A word in capitals ("US",
    "IT") is no title word, nor an "A" but after a preposition or a title word ("Room With A
    View"; not "Charles A Blixt", "Serie A Champions")."""
    words = run.split()
    return any(
        word[:1].isupper()
        and _title_word(word)
        and (word != "A" or _title_word(before, _BEFORE_AN_ARTICLE))
        and (word != "An" or after[:1] in _VOWELS)  # "Dismantle An Atomic Bomb", not "An Se-young"
        for before, word, after in zip(words, words[1:], words[2:], strict=False)
    )


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """Where ``text`` quotes the title of a work, which no fact is made of, nor of its words: two
    to twelve words in title case that hold a title word or a preposition ("Make Way for
    Ducklings", "It Ain't Me, Babe"), every word capitalized but those."""
    spans: list[tuple[int, int]] = []
    if '"' not in text and "“" not in text and "‘" not in text:
        return spans
    for quoted in _QUOTED.finditer(text):
        words = [word.strip(",.!?:") for word in quoted.group(1).split()]
        if not 2 <= len(words) <= 12 or sum(word[:1].isupper() for word in words) < 2:
            continue
        joins = [_title_word(word, _TITLE_PREPOSITIONS) for word in words]
        if any(joins) and all(word[:1].isupper() or word in _LOWER_IN_TITLES for word in words):
            spans.append(quoted.span(1))
    return spans


def _title_word(word: str, also: frozenset[str] = frozenset()) -> bool:
    if len(word) > 1 and word.isupper():
        return False
    folded = word.lower().replace("’", "'")
    return folded in _TITLE_WORDS or folded in also


_VOWELS = frozenset("AEIOU")
_BEFORE_AN_ARTICLE = _TITLE_PREPOSITIONS | _CONNECTORS
"""What a title's "A" follows, beside a title word ("Room With A View", "Portrait of A Lady")."""
_QUOTED = re.compile(r"[\"“‘]((?:the |a |an )?[A-Z](?:[^\"“”‘’]|(?<=\w)’(?=\w)){2,79}?)(?:[\"”]|’(?!\w))")
"""A quoted run, a curly apostrophe inside a word ("Ain’t") not its end."""
_LOWER_IN_TITLES = frozenset(["the", "a", "an", "and", "or", "nor", "but"]) | _TITLE_PREPOSITIONS | _CONNECTORS
"""The words a title writes in lower case: no verb, no pronoun ('"We are with Ukraine," he said')."""
