"""The article store's interface: the ``ArticleStore`` protocol, the models it stores and the
helpers every backend shares (parsed articles with their rankings and key facts, chat settings,
digest subscriptions and the digest delivery journal)."""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, ConfigDict, TypeAdapter

from summarizer import Article, KeyFact, Ranking

if TYPE_CHECKING:
    from .cards import Card

FACTS = TypeAdapter(list[KeyFact])


class StoredArticle(BaseModel):
    """An article as stored: ranked once at ingest, its facts extracted once."""

    model_config = ConfigDict(frozen=True)

    seq: int
    article: Article
    ranking: Ranking
    facts: tuple[KeyFact, ...]
    added_at: datetime
    origin: str = "catalog"
    story_seq: int | None = None
    """The first stored article that told this story (its own seq when it was the first)."""


ORIGINS = ("user", "feed", "catalog")
"""Who may see an article, least public first: an article reached several ways takes the most
public of them."""


class Feed(BaseModel):
    """A news feed some chats follow, with what the last poll learned."""

    id: int
    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    checked_at: str | None = None
    next_check: float = 0.0
    failures: int = 0
    last_error: str | None = None
    mode: str = "digest"
    """How a chat gets this feed's articles: in its digest, or each one "now" as it arrives."""
    thread_id: int | None = None


class Subscription(BaseModel):
    """A chat's digest: when, in which time zone, and how far it has got (``last_seq``)."""

    chat_id: int
    enabled: bool = True
    time: str = "08:00"
    timezone: str = "UTC"
    last_seq: int = 0
    chat_title: str | None = None
    paused_reason: str | None = None
    thread_id: int | None = None
    """The forum topic the digest is posted in (None: the chat itself, or a forum's General topic)."""
    only_terms: str | None = None
    skip_terms: str | None = None
    """Digest filters as typed back (see ``bot.store.filters``): only articles matching one of
    ``only_terms``, none matching one of ``skip_terms``."""


class ArticleStore(Protocol):
    async def open(self) -> None: ...
    async def close(self) -> None: ...
    async def add(
        self, article: Article, ranking: Ranking, facts: Sequence[KeyFact], origin: str = "catalog"
    ) -> tuple[StoredArticle, bool]: ...
    async def get(self, article_id: str) -> StoredArticle | None: ...
    async def get_by_url(self, url: str) -> StoredArticle | None: ...
    async def latest(self, limit: int, offset: int = 0) -> list[StoredArticle]: ...
    async def search(self, query: str, limit: int, offset: int = 0) -> list[StoredArticle]: ...
    async def latest_cards(self, limit: int, offset: int = 0) -> list[Card]: ...
    async def search_cards(self, query: str, limit: int, offset: int = 0) -> list[Card]: ...
    async def count(self) -> int: ...
    async def articles_after(self, seq: int, limit: int) -> list[StoredArticle]: ...
    async def refresh(self, article_id: str, ranking: Ranking, facts: Sequence[KeyFact]) -> None: ...
    async def replace_article(self, article: Article, ranking: Ranking, facts: Sequence[KeyFact]) -> None: ...
    async def setting(self, key: str) -> str | None: ...
    async def save_setting(self, key: str, value: str) -> None: ...
    async def summary_length(self, chat_id: int) -> int | None: ...
    async def set_summary_length(self, chat_id: int, length: int) -> None: ...
    async def chat_language(self, chat_id: int) -> str | None: ...
    async def set_chat_language(self, chat_id: int, language: str | None) -> None: ...
    async def subscription(self, chat_id: int) -> Subscription | None: ...
    async def save_subscription(self, subscription: Subscription) -> None: ...
    async def subscriptions(self) -> list[Subscription]: ...
    async def newest_seq(self) -> int: ...
    async def enqueue_digest(self, chat_id: int, limit: int | None = None) -> int: ...
    async def pending_digest(self, chat_id: int, limit: int) -> list[StoredArticle]: ...
    async def mark_delivered(self, chat_id: int, article_ids: Sequence[str], message_id: int) -> None: ...
    async def mark_sending(self, chat_id: int, article_ids: Sequence[str]) -> None: ...
    async def mark_pending(self, chat_id: int, article_ids: Sequence[str]) -> None: ...
    async def in_doubt(self, chat_id: int) -> set[str]: ...
    async def delivered(self, chat_id: int) -> list[str]: ...
    async def chats_with_pending(self) -> set[int]: ...
    async def record_paste(self, chat_id: int, seq: int) -> None: ...
    async def forget_chat(self, chat_id: int) -> int: ...
    async def follow_feed(self, chat_id: int, url: str, mode: str = "digest", thread_id: int | None = None) -> Feed: ...
    async def instant_targets(self, feed_id: int) -> list[tuple[int, int | None]]: ...
    async def queue_filtered(self, chat_id: int, seqs: Sequence[int]) -> list[int]: ...
    async def save_story(self, seq: int, signature: bytes | None, story_seq: int) -> None: ...
    async def story_signatures(self, after_seq: int, limit: int) -> list[tuple[int, int, bytes]]: ...
    async def sent_stories(self, chat_id: int, story_seqs: Sequence[int]) -> dict[int, int]: ...
    async def feeds_of(self, chat_id: int) -> list[Feed]: ...
    async def unfollow_feed(self, chat_id: int, feed_id: int) -> None: ...
    async def due_feeds(self, now: float) -> list[Feed]: ...
    async def save_feed(self, feed: Feed) -> None: ...
    async def seen_items(self, feed_id: int, keys: Sequence[str]) -> set[str]: ...
    async def record_item(self, feed_id: int, key: str, article_seq: int | None, error: str | None) -> None: ...
    async def try_lead(self) -> bool: ...
    def digest_lock(self, chat_id: int) -> AbstractAsyncContextManager[None]: ...


FEED_BACKLOG = 10
"""A chat that starts following a feed other chats follow gets this many of the newest articles
their polls stored (the feed lists them now), not only the ones after it followed."""

ONLY_PASTED_HERE = (
    "SELECT p.article_seq FROM pastes p JOIN articles a ON a.seq = p.article_seq"
    " WHERE p.chat_id = %s AND a.origin = 'user'"
    " AND NOT EXISTS (SELECT 1 FROM pastes o WHERE o.article_seq = p.article_seq AND o.chat_id != %s)"
)
"""The seqs of the people's articles (origin "user") one chat pasted and no other chat did."""


def queue_and_watermark(new: list[int], room: int, newest: int) -> tuple[list[int], int]:
    """Of the new articles' seqs (oldest first, at most ``room`` + 1 of them; ``room`` < 0: no
    limit), the ones a digest queues now and the watermark after them: past every article when
    all fit, else at the last one queued, so the rest stay new for the next digest."""
    if room < 0 or len(new) <= room:
        return new, newest
    queued = new[:room]
    return queued, queued[-1] if queued else -1


SEARCH_WINDOW = 1050
"""Search reaches this many results deep at most (an inline query pages up to 1,000)."""
SEARCH_DEPTH = 200
"""Search orders the newest this-many matches (more when a page reaches deeper): a common
word costs no more than a rare one however large the store grows."""

# PostgreSQL's English stop words (its tsearch_data/english.stop). Both backends drop them from
# a query, so that a query finds the same articles on either ("the" alone finds nothing).
_STOP_LIST = """i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom this
    that these those am is are was were be been being have has had having do does did doing a an
    the and but if or because as until while of at by for with about against between into through
    during before after above below to from up down in out on off over under again further then
    once here there when where why how all any both each few more most other some such no nor not
    only own same so than too very s t can will just don should now"""
STOP_WORDS = frozenset(_STOP_LIST.split())
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_QUERY_WORDS = 8
PREFIX_LENGTHS = range(3, 7)
"""A last word of 3 to 6 letters also matches longer words (``hollyw`` finds Hollywood): what
someone typing has not finished. Longer ones are taken as typed (stemming still finds their
other forms); a prefix of such a length is an index of its own in SQLite (``prefix``)."""


def query_words(text: str) -> list[str]:
    """The words of a search, lower-cased, stop words dropped; only letters and digits get
    through, so no query syntax can be injected into either backend."""
    words = [w.lower() for w in _WORD.findall(text[:1000])]
    return [w for w in words if w not in STOP_WORDS][:MAX_QUERY_WORDS]


def is_prefix(words: list[str]) -> bool:
    """Whether the last word of a search is matched as a prefix too."""
    return bool(words) and len(words[-1]) in PREFIX_LENGTHS


def ranked_page(title_hits: list[int], hits: list[int], limit: int, offset: int) -> list[int]:
    """One order for both backends: of the newest SEARCH_DEPTH matches (``hits``, newest first),
    those with the words in the title first, then the others, each newest first."""
    first = set(title_hits)
    return (title_hits + [seq for seq in hits if seq not in first])[offset : offset + limit]


def pack(json: str) -> bytes:
    """JSON as the stores keep it, compressed (SQLite rows from before are plain text)."""
    return zlib.compress(json.encode(), 6)


def unpack(value: str | bytes) -> str | bytes:
    return zlib.decompress(value) if isinstance(value, bytes) else value


def stored_from_row(row: Any) -> StoredArticle:
    """A stored article from a database row (sqlite3.Row or a dict)."""
    return StoredArticle(
        seq=row["seq"],
        article=Article.model_validate_json(unpack(row["article"])),
        ranking=Ranking.model_validate_json(unpack(row["ranking"])),
        facts=tuple(FACTS.validate_json(unpack(row["facts"]))),
        added_at=row["added_at"] if isinstance(row["added_at"], datetime) else datetime.fromisoformat(row["added_at"]),
        origin=row["origin"],
        story_seq=row["story_seq"],
    )
