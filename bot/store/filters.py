"""Digest filters: the words and "quoted phrases" a chat wants (only) or does not want (skip).

A filter is matched by the store's full-text index, on the stemmed title and text, never by a
user's pattern: what a person types is cut down to words of letters and digits (as search
input is), so no query syntax reaches the index and no filter costs more than a search.
"""

from __future__ import annotations

import re

from ..i18n import N_

MAX_TERMS = 10
MAX_PHRASE_WORDS = 6
MAX_WORD_CHARS = 40
_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

Terms = tuple[tuple[str, ...], ...]
"""A filter's terms: each a word or a phrase (its words in order), lower-cased."""


class FilterError(ValueError):
    """Filter input with nothing to match; the message says why, for the user."""


TOO_MANY = N_("a filter takes at most {count} words or phrases")
TEMPLATES = (TOO_MANY,)


def parse_terms(text: str) -> Terms:
    """The terms of what a person typed: words, and "quoted phrases" kept together."""
    terms: list[tuple[str, ...]] = []
    for quoted, bare in _TERM.findall(text):
        words = tuple(w[:MAX_WORD_CHARS] for w in _WORD.findall((quoted or bare).lower()))
        phrases = [words[:MAX_PHRASE_WORDS]] if quoted and words else []
        for term in phrases or [(w,) for w in words]:
            if term not in terms:
                terms.append(term)
    if not terms:
        raise FilterError(N_('give words or "quoted phrases" of letters or digits'))
    if len(terms) > MAX_TERMS:
        raise FilterError(TOO_MANY.format(count=MAX_TERMS))
    return tuple(terms)


def show_terms(terms: Terms) -> str:
    """Terms as a person would type them back: phrases in quotes."""
    return " ".join(f'"{" ".join(t)}"' if len(t) > 1 else t[0] for t in terms)


def fts5_match(terms: Terms) -> str:
    """An SQLite FTS5 query matching any of the terms (each a quoted phrase, so never syntax)."""
    return " OR ".join(f'"{" ".join(t)}"' for t in terms)


def fts5_all_words(terms: Terms) -> str:
    """The same terms for an index without word positions (FTS5 detail=none): a phrase as all
    of its words, each quoted; what it finds is then held to the phrases by ``fts5_match``."""
    return " OR ".join("(" + " AND ".join(f'"{w}"' for w in t) + ")" for t in terms)


def tsquery(terms: Terms) -> str:
    """A PostgreSQL tsquery text matching any of the terms (phrases with the followed-by operator)."""
    return " | ".join(f"({' <-> '.join(t)})" for t in terms)


def encode_terms(terms: Terms) -> str | None:
    """Terms as stored in one text column (None for no filter)."""
    return show_terms(terms) if terms else None


def decode_terms(stored: str | None) -> Terms:
    """Terms from their stored text."""
    return parse_terms(stored) if stored else ()
