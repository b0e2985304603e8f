"""Digest filters: the words and "quoted phrases" a chat wants (only) or does not want (skip).

A filter is matched by the store's full-text index, on the lexemes of the title and text
(``lexemes``: stemmed words), never by a user's pattern: what a person types is cut down to
words of letters and digits (as search input is), so no query syntax reaches the index and no
filter costs more than a search.
"""

from __future__ import annotations

import re

from summarizer import Article

from ..i18n import N_
from .lexemes import holds, lexemes, query_lexemes

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


def lexeme_terms(terms: Terms) -> Terms:
    """The terms as the indexes hold them (``lexemes``): each word's lexeme, stop words left
    out, terms of stop words only dropped (they match nothing, as in PostgreSQL)."""
    found = (tuple(query_lexemes(term)) for term in terms)
    return tuple(term for term in found if term)


def fts5_all_words(terms: Terms) -> str:
    """An SQLite FTS5 query for lexeme terms: any term, a phrase as all of its words, each
    quoted (so never syntax); what it finds is then held to the phrases by ``held``."""
    return " OR ".join("(" + " AND ".join(f'"{w}"' for w in t) + ")" for t in terms)


def ts_all_words(terms: Terms) -> str:
    """The same query as PostgreSQL tsquery text, for a plain cast (``::tsquery``)."""
    return " | ".join("(" + " & ".join(f"'{w}'" for w in t) + ")" for t in terms)


def held(terms: Terms, article: Article) -> bool:
    """Whether the article's title or text holds one of the lexeme terms, a phrase's words in order."""
    texts = (lexemes(article.title), lexemes(article.text))  # each read once, for every term
    return any(holds(term, found) for term in terms for found in texts)


def encode_terms(terms: Terms) -> str | None:
    """Terms as stored in one text column (None for no filter)."""
    return show_terms(terms) if terms else None


def decode_terms(stored: str | None) -> Terms:
    """Terms from their stored text."""
    return parse_terms(stored) if stored else ()
