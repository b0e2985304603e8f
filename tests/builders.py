"""Tiny fixture builders shared by tests."""

from __future__ import annotations

from bot.store import StoredArticle
from summarizer import key_facts, parse_article, rank


def stored_article(raw: str) -> StoredArticle:
    """Raw text parsed, ranked and given key facts, as the store would hold it (ArticleError if not an article)."""
    article = parse_article(raw)
    ranking = rank(article)
    return StoredArticle(
        seq=1,
        article=article,
        ranking=ranking,
        facts=tuple(key_facts(article, ranking)),
        added_at="2026-01-01T00:00:00+00:00",
    )
