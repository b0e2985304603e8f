"""Key facts: who, where, how many, when, and who said what, each traced to its sentence.

Rules and small word lists (:mod:`summarizer.lexicon`, :mod:`.words`), no model: one module per
kind of candidate (:mod:`.names`, :mod:`.figures`, :mod:`.dates`, :mod:`.quotes`), :mod:`.select`
scores and chooses them. Every fact's ``text`` is a verbatim slice of the sentence it cites
(``KeyFact.sentence``), and so is its ``context``.
"""

from __future__ import annotations

import re

from ..languages import language
from ..languages.hooks import names_by_capitals
from ..models import Article, KeyFact, Ranking
from .candidate import _Candidate
from .dates import _DATE, _DATE_HINT, _dates
from .described import _nationalities
from .entities import _entities
from .figures import _counted, _figures
from .local import local_dates, local_figures, local_quotes
from .quotes import _quotes
from .select import KIND_PRIOR, MAX_FACTS, WEIGHTS, _select, depths, features, score

__all__ = ["KIND_PRIOR", "MAX_FACTS", "WEIGHTS", "candidates", "features", "key_facts", "score"]


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
    depth = depths(ranking, len(article.sentences))
    found = _english(article) if article.language == "en" else _other_language(article)
    for candidate in found:
        candidate.features = features(candidate, title, top, depth)
    score(found)
    return found


def _english(article: Article) -> list[_Candidate]:
    date_spans = [list(_DATE.finditer(s.text)) if _DATE_HINT.search(s.text) else [] for s in article.sentences]
    entities = _entities(article)
    figures = _counted(list(_figures(article, date_spans)))
    dates = _dates(article, date_spans)
    quotes = list(_quotes(article, entities))
    entities += _nationalities(article)
    return [*entities, *figures, *dates, *quotes]


def _other_language(article: Article) -> list[_Candidate]:
    """Figures, dates and quotes by the language's own digits, months and quote marks; names only
    where capital letters find them (not in German, whose nouns all have one, nor in scripts
    without capitals), by the English name rules."""
    lang = language(article.language)
    entities = _entities(article) if names_by_capitals(lang) else []
    dates = local_dates(article, lang)
    return [*entities, *local_figures(article, lang), *dates, *local_quotes(article, lang)]
