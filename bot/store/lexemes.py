"""The words both stores' search indexes hold (lexemes), made here, once, for both.

PostgreSQL's ``to_tsvector('english', ...)`` and SQLite's ``porter unicode61`` tokenizer cut
and stem words otherwise (Porter's first stemmer makes "focus" "focu"; PostgreSQL 15 ships an
older Snowball than Python's), so the backends found different articles for one query. Now
this module makes the lexemes in Python for both: words cut as PostgreSQL's parser cuts them
(numbers with letters such as "5g" kept as they are; hosts, files, floats and e-mail
addresses kept whole: "u.s", "said.the", "3.5"), stop words dropped, words stemmed with
Snowball's English stemmer (``snowballstemmer``). SQLite indexes them with a tokenizer that
splits only at spaces and folds nothing (``TOKENIZER``); PostgreSQL keeps them in a column and
casts them to a vector, never parsing them again. A query's words go through ``word_lexeme``.
``tests/bot/test_store_lexemes.py`` checks that both backends answer alike.

Left out, none of it reachable by a query of letters and digits: tags and entities,
hyphenated words kept whole beside their parts, signed numbers ("-19" in "covid-19"), and the
paths and queries of URLs beyond their first stop.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import snowballstemmer

from .base import STOP_WORDS

TOKENIZER = "unicode61 remove_diacritics 0 tokenchars '.@/-'"
"""SQLite FTS5's tokenizer for lexemes: a token is what lies between spaces (the compound tokens
keep their dots, at signs, slashes and a URL's hyphens), nothing folded (the lexemes are lower
case already)."""

_ALNUM = r"[^\W_]"
_TOKEN = re.compile(
    rf"(?P<url>[a-z][a-z0-9+.-]{{0,15}}://\S*)"  # a protocol is not indexed; the rest is a URL
    # (the scheme bounded, so a long run of letters and dashes is not scanned again at each letter)
    rf"|(?P<float>(?<![\w.])\d+\.\d+)(?![.@/]{_ALNUM})"  # "3.5", "1.5m": a float, then a word
    rf"|(?P<compound>{_ALNUM}+(?:[.@]{_ALNUM}+)+(?:/\S*)?|{_ALNUM}+(?:/{_ALNUM}+)+)"  # hosts and their
    # paths, files, e-mail: "u.s", "x.org/a?q=1", "24/7"
    rf"|(?P<signed>(?<=-)\d+(?!{_ALNUM}))"  # "-19": a signed number
    rf"|(?P<word>{_ALNUM}+)",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]+")
_URL_START = re.compile(rf"(?:{_ALNUM}|[.@/-])*(?<![.-])")
_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def word_lexeme(word: str) -> str | None:
    """One word's lexeme as PostgreSQL makes it: None for a stop word, the stem of a word of
    letters, a word with digits as it is; all lower case."""
    word = word.lower()
    if word in STOP_WORDS:
        return None
    if _LETTERS.fullmatch(word):
        return str(_stemmer.stemWord(word))
    return word


def lexemes(text: str) -> list[str]:
    """The lexemes of a text in order, as ``to_tsvector('english', text)`` holds them."""
    found = []
    for token in _TOKEN.finditer(text):
        kind = token.lastgroup
        value = token.group()
        if kind == "word":
            lexeme = word_lexeme(value)
            if lexeme:
                found.append(lexeme)
        elif kind in ("url", "compound"):
            whole = _URL_START.match(value.split("://", 1)[-1])  # up to a query or a stop
            if whole and whole.group():
                found.append(whole.group().lower())
        elif kind == "float":
            found.append(value)
    return found


def index_text(*texts: str) -> str:
    """What an index is given for texts: each lexeme once, with spaces between (the indexes
    keep no positions: phrases are checked on the article, ``holds``)."""
    return " ".join(dict.fromkeys(lexeme for text in texts for lexeme in lexemes(text)))


def query_lexemes(words: Iterable[str]) -> list[str]:
    """The lexemes of query words (letters and digits only), stop words left out."""
    return [lexeme for lexeme in map(word_lexeme, words) if lexeme]


def fts5_query(found: list[str], prefix: bool = False) -> str:
    """An SQLite FTS5 query for every one of the lexemes; the last one a start too with
    ``prefix``. Each is quoted, so nothing of it is syntax."""
    quoted = [f'"{lexeme}"' for lexeme in found]
    if prefix:
        quoted[-1] += "*"
    return " ".join(quoted)


def ts_query(found: list[str], prefix: bool = False) -> str:
    """The same query as PostgreSQL tsquery text, read by a plain cast (``::tsquery``: no
    parser, no dictionary, so the lexemes are the index's own)."""
    terms = [f"'{lexeme}'" for lexeme in found]
    if prefix:
        terms[-1] += ":*"
    return " & ".join(terms)


def holds(phrase: Sequence[str], found: Sequence[str]) -> bool:
    """Whether the lexemes ``found`` (of a text, in order) hold those of ``phrase`` one after another."""
    size, wanted = len(phrase), list(phrase)
    return any(list(found[at : at + size]) == wanted for at in range(len(found) - size + 1))
