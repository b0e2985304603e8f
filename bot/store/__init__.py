"""The article store: one protocol (``base``), two backends (``sqlite``, ``postgres``) and
``open_store``, which picks the backend a DATABASE setting names."""

from __future__ import annotations

from .base import ORIGINS, SEARCH_WINDOW, ArticleStore, Feed, StoredArticle, Subscription
from .cards import Card
from .sqlite import SqliteArticleStore

__all__ = [
    "ORIGINS",
    "SEARCH_WINDOW",
    "ArticleStore",
    "Card",
    "Feed",
    "SqliteArticleStore",
    "StoredArticle",
    "Subscription",
    "open_store",
]


def open_store(database: str) -> ArticleStore:
    """The store a DATABASE setting names: a postgresql:// URL, or else a SQLite file path."""
    if database.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresArticleStore

        return PostgresArticleStore(database)
    return SqliteArticleStore(database)
