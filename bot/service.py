"""NewsService: what the bot can do, in domain terms. Handlers call it; it returns models."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from summarizer import (
    LANGUAGES,
    Article,
    ArticleError,
    KeyFact,
    Ranking,
    Summary,
    key_facts,
    parse_article,
    rank,
    revision,
    summarize,
)
from summarizer.extract import extract_article

from .i18n import N_
from .links.documents import document_article
from .links.fetch import SafeFetcher
from .schedule import parse_clock, parse_zone
from .store import ArticleStore, Card, Feed, StoredArticle, Subscription
from .store.filters import encode_terms, parse_terms
from .stories import StoryDesk

MAX_SUMMARY_LENGTH = 20
SUMMARIZER_REVISION = "summarizer_revision"
"""The store's setting naming the summarizer revision its rankings and key facts come from."""


MIN_TEXT_CHARS = 200
MIN_SENTENCES = 2
"""Pasted text shorter than this, or with fewer sentences, is not an article to summarize."""


TOO_LONG = N_("the text is too long ({length} characters; the limit is {limit})")
"""Said by the summarizer's parser too, in the same words: one template translates both."""


class TooShort(ArticleError):
    """Text someone pasted that is below the minimum an article needs."""


@dataclass(frozen=True)
class Forgotten:
    """What /forget deleted for a chat."""

    summary_length: bool
    digest: bool
    feeds: int
    deliveries: int
    pasted: int
    language: bool = False

    @property
    def anything(self) -> bool:
        return self.summary_length or self.language or self.digest or bool(self.feeds or self.deliveries or self.pasted)


class NoSuchArticle(LookupError):
    def __init__(self, article_id: str) -> None:
        super().__init__(article_id)
        self.article_id = article_id


@dataclass
class IngestReport:
    added: int = 0
    unchanged: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)


class NewsService:
    def __init__(
        self,
        store: ArticleStore,
        default_length: int = 3,
        digest_time: str = "08:00",
        digest_timezone: str = "UTC",
        fetcher: SafeFetcher | None = None,
        max_text_chars: int = 100_000,
    ) -> None:
        self.store = store
        self.max_text_chars = max_text_chars
        """The one size limit of every source: pasted text, links, feed items, documents, files."""
        self.fetcher = fetcher or SafeFetcher()
        self.default_length = default_length
        self.digest_time = digest_time
        self.digest_timezone = digest_timezone
        self.stories = StoryDesk(store)

    async def open(self) -> None:
        """Open the store. An empty store holds nothing an older summarizer made: it is marked
        as this revision's, so articles ingested before the bot first starts are not read again."""
        await self.store.open()
        if await self.store.setting(SUMMARIZER_REVISION) is None and await self.store.count() == 0:
            await self.store.save_setting(SUMMARIZER_REVISION, revision())

    # -- articles ----------------------------------------------------------------------------

    async def add_text(
        self,
        raw: str,
        *,
        title: str | None = None,
        url: str | None = None,
        origin: str = "user",
        chat_id: int | None = None,
    ) -> tuple[StoredArticle, bool]:
        """Parse, rank and store raw article text (ArticleError if it is not an article).
        What people paste is theirs (origin "user"): summarized for them, listed for nobody,
        at least MIN_TEXT_CHARS in MIN_SENTENCES (TooShort), and deleted by the chat's /forget."""
        self._within_size(raw)
        if origin == "user" and len(raw.strip()) < MIN_TEXT_CHARS:
            raise TooShort(f"fewer than {MIN_TEXT_CHARS} characters")
        article = await asyncio.to_thread(parse_article, raw, title=title, url=url)
        if origin == "user" and len(article.sentences) < MIN_SENTENCES:
            raise TooShort(f"fewer than {MIN_SENTENCES} sentences")
        return await self._pasted(await self.add_article(article, origin), origin, chat_id)

    async def add_link(self, url: str, origin: str = "user", chat_id: int | None = None) -> tuple[StoredArticle, bool]:
        """Fetch a page safely, extract its article and store it; the same URL or the same
        content gives the stored article back. FetchError or ArticleError say why not."""
        existing = await self.store.get_by_url(url)
        if existing is not None:
            return await self._pasted(await self._known(existing, origin), origin, chat_id)
        page = await self.fetcher.fetch(url)
        article = await asyncio.to_thread(extract_article, page.body, page.url)
        return await self._pasted(await self.add_article(article, origin), origin, chat_id)

    async def _pasted(
        self, added: tuple[StoredArticle, bool], origin: str, chat_id: int | None
    ) -> tuple[StoredArticle, bool]:
        """Remember which chat brought a person's article, so that chat's /forget deletes it."""
        if origin == "user" and chat_id is not None:
            await self.store.record_paste(chat_id, added[0].seq)
        return added

    async def add_document(
        self, name: str | None, data: bytes, mime_type: str | None = None, chat_id: int | None = None
    ) -> tuple[StoredArticle, bool]:
        """Read a document someone sent (DocumentError or ArticleError say why not) and store it
        as theirs, like pasted text (the chat's /forget deletes it)."""
        article = await asyncio.to_thread(document_article, name, data, mime_type)
        return await self._pasted(await self.add_article(article, "user"), "user", chat_id)

    async def add_article(self, article: Article, origin: str = "catalog") -> tuple[StoredArticle, bool]:
        """Every source ends here: the size limit holds for all of them alike."""
        self._within_size(article.text)
        existing = await self.store.get(article.id)
        if existing is not None:
            return await self._known(existing, origin)
        ranking, facts = await asyncio.to_thread(_rank_and_facts, article)
        stored, created = await self.store.add(article, ranking, facts, origin)
        if created:
            stored = await self.stories.place(stored)
        return stored, created

    def _within_size(self, text: str) -> None:
        if len(text) > self.max_text_chars:
            raise ArticleError(TOO_LONG.format(length=f"{len(text):,}", limit=f"{self.max_text_chars:,}"))

    async def _known(self, existing: StoredArticle, origin: str) -> tuple[StoredArticle, bool]:
        """An article already stored: not ranked again, only made as public as this arrival."""
        return await self.store.add(existing.article, existing.ranking, existing.facts, origin)

    async def article(self, article_id: str) -> StoredArticle:
        stored = await self.store.get(article_id)
        if stored is None:
            raise NoSuchArticle(article_id)
        return stored

    async def set_article_language(self, article_id: str, code: str) -> StoredArticle:
        """Correct a stored article's language: its text is read again as ``code`` says (sentences,
        stop words, key facts), ranked again and stored in its place, keeping its id, its story and
        every chat's digest state. NoSuchArticle, or ArticleError for a language not served or a
        text that is no article in that language."""
        stored = await self.article(article_id)
        if stored.article.language == code:
            return stored
        if code not in LANGUAGES:
            raise ArticleError(f"{code!r} is not a language I read")
        article = await asyncio.to_thread(read_again, stored.article, code)
        ranking, facts = await asyncio.to_thread(_rank_and_facts, article)
        await self.store.replace_article(article, ranking, facts)
        return await self.article(article_id)

    async def latest(self, count: int, offset: int = 0) -> list[StoredArticle]:
        return await self.store.latest(count, offset)

    async def search(self, query: str, count: int, offset: int = 0) -> list[StoredArticle]:
        return await self.store.search(query, count, offset)

    async def latest_cards(self, count: int, offset: int = 0) -> list[Card]:
        return await self.store.latest_cards(count, offset)

    async def search_cards(self, query: str, count: int, offset: int = 0) -> list[Card]:
        return await self.store.search_cards(query, count, offset)

    async def length_for(self, chat_id: int) -> int:
        return await self.store.summary_length(chat_id) or self.default_length

    async def set_length(self, chat_id: int, length: int) -> None:
        await self.store.set_summary_length(chat_id, length)

    async def language_of(self, chat_id: int) -> str | None:
        """The language set for the chat with /language, or None: each reader's own."""
        return await self.store.chat_language(chat_id)

    async def set_language(self, chat_id: int, language: str | None) -> None:
        await self.store.set_chat_language(chat_id, language)

    async def reindex(
        self, progress: object | None = None, page: int = 200, keep_going: Callable[[], bool] = lambda: True
    ) -> tuple[int, int]:
        """Rank every stored article again and find its key facts again, with the summarizer
        this bot runs now; store what changed. Returns (articles seen, articles changed).
        Stopped early (``keep_going`` turned false), it leaves the store marked outdated."""
        seen = changed = 0
        seq = 0
        while batch := await self.store.articles_after(seq, page):
            for stored in batch:
                if not keep_going():
                    return seen, changed
                ranking, facts = await asyncio.to_thread(_rank_and_facts, stored.article)
                if ranking != stored.ranking or tuple(facts) != stored.facts:
                    await self.store.refresh(stored.article.id, ranking, facts)
                    changed += 1
                seen += 1
                if progress is not None:
                    progress.update(1)  # type: ignore[attr-defined]
            seq = batch[-1].seq
        await self.store.save_setting(SUMMARIZER_REVISION, revision())
        return seen, changed

    async def reindex_if_outdated(self, keep_going: Callable[[], bool] = lambda: True) -> tuple[int, int] | None:
        """Reindex when the store's rankings and key facts come from another summarizer
        revision (after an upgrade); None when they are already this one's."""
        if await self.store.setting(SUMMARIZER_REVISION) == revision():
            return None
        return await self.reindex(keep_going=keep_going)

    # -- bulk ingest -------------------------------------------------------------------------

    async def ingest_paths(
        self, paths: list[Path], report: IngestReport | None = None, progress: object | None = None
    ) -> IngestReport:
        """Ingest raw article files, folders of them and JSONL files; count what happened."""
        report = report or IngestReport()
        for label, raw, title in iter_sources(paths, report):
            try:
                _, created = await self.add_text(raw, title=title, origin="catalog")
            except ArticleError as error:
                report.rejected.append((label, str(error)))
            else:
                if created:
                    report.added += 1
                else:
                    report.unchanged += 1
            if progress is not None:
                progress.update(1)  # type: ignore[attr-defined]
        return report

    # -- digests -----------------------------------------------------------------------------

    async def subscribe(self, chat_id: int, chat_title: str | None, thread_id: int | None = None) -> Subscription:
        """Turn a chat's digest on, posted in ``thread_id``'s forum topic if given; a new one
        starts from the articles stored from now on (and what the chat's feeds brought)."""
        current = await self.store.subscription(chat_id)
        if current is None:
            current = Subscription(
                chat_id=chat_id,
                time=self.digest_time,
                timezone=self.digest_timezone,
                last_seq=await self.store.newest_seq(),
            )
        updated = current.model_copy(
            update={"enabled": True, "paused_reason": None, "chat_title": chat_title, "thread_id": thread_id}
        )
        await self.store.save_subscription(updated)
        return updated

    async def subscription(self, chat_id: int) -> Subscription | None:
        """The chat's digest, or None when it has none."""
        return await self.store.subscription(chat_id)

    async def forget_chat(self, chat_id: int) -> Forgotten:
        """Delete the chat's settings, digest, feeds, delivery history and the texts it pasted
        that no other chat pasted too; say what there was."""
        length = await self.store.summary_length(chat_id)
        language = await self.store.chat_language(chat_id)
        digest = await self.store.subscription(chat_id)
        feeds = await self.store.feeds_of(chat_id)
        deliveries = await self.store.delivered(chat_id)
        pasted = await self.store.forget_chat(chat_id)
        return Forgotten(
            length is not None, digest is not None, len(feeds), len(deliveries), pasted, language is not None
        )

    async def feeds_of(self, chat_id: int) -> list[Feed]:
        return await self.store.feeds_of(chat_id)

    async def unfollow_feed(self, chat_id: int, feed_id: int) -> None:
        await self.store.unfollow_feed(chat_id, feed_id)

    async def unsubscribe(self, chat_id: int) -> Subscription | None:
        return await self._update(chat_id, enabled=False)

    async def set_digest_time(self, chat_id: int, text: str) -> Subscription | None:
        clock = parse_clock(text)
        return await self._update(chat_id, time=f"{clock:%H:%M}")

    async def set_digest_zone(self, chat_id: int, text: str) -> Subscription | None:
        return await self._update(chat_id, timezone=parse_zone(text).key)

    async def set_filter(self, chat_id: int, kind: str, text: str) -> Subscription | None:
        """Set a digest's ``only`` or ``skip`` words ("off" clears them); FilterError if there
        are no words in ``text``."""
        terms = None if text.strip().lower() == "off" else encode_terms(parse_terms(text))
        return await self._update(chat_id, **{f"{kind}_terms": terms})

    async def pause(self, chat_id: int, reason: str) -> Subscription | None:
        return await self._update(chat_id, enabled=False, paused_reason=reason)

    async def _update(self, chat_id: int, **changes: object) -> Subscription | None:
        current = await self.store.subscription(chat_id)
        if current is None:
            return None
        updated = current.model_copy(update=changes)
        await self.store.save_subscription(updated)
        return updated


def _rank_and_facts(article: Article) -> tuple[Ranking, list[KeyFact]]:
    ranking = rank(article)
    return ranking, key_facts(article, ranking)


def read_again(article: Article, code: str) -> Article:
    """The article's stored text parsed again as language ``code``, under its old id and captions."""
    again = parse_article(
        article.text,
        title=article.title,
        url=article.url,
        source=article.source,
        author=article.author,
        published=article.published,
        language=code,
    )
    return again.model_copy(update={"id": article.id, "captions": article.captions})


def summary_of(stored: StoredArticle, length: int) -> Summary:
    """A summary cut from the ranking made at ingest: changing the length never re-ranks."""
    length = max(1, min(length, MAX_SUMMARY_LENGTH))
    return summarize(stored.article, length, stored.ranking)


def iter_sources(paths: list[Path], report: IngestReport) -> Iterator[tuple[str, str, str | None]]:
    """(label, raw text, title or None) for every article in files, folders and JSONL files."""
    for path in paths:
        if path.is_dir():
            yield from iter_sources(sorted(p for p in path.rglob("*") if p.is_file()), report)
        elif not path.is_file():
            report.rejected.append((str(path), "no such file"))
        elif path.suffix == ".jsonl":
            yield from _jsonl(path, report)
        else:
            try:
                yield str(path), path.read_text(encoding="utf-8"), None
            except UnicodeDecodeError:
                report.rejected.append((str(path), "not UTF-8 text"))


def _jsonl(path: Path, report: IngestReport) -> Iterator[tuple[str, str, str | None]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            label = f"{path}:{number}"
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text, title = row["text"], row.get("title")
            except (ValueError, KeyError, TypeError):
                report.rejected.append((label, "not a JSON object with a text field"))
                continue
            if not isinstance(text, str) or not (title is None or isinstance(title, str)):
                report.rejected.append((label, "text and title must be strings"))
                continue
            yield label, text, title


def count_sources(paths: list[Path]) -> int:
    """How many articles ``iter_sources`` will yield, for a progress bar's total."""
    return sum(1 for _ in iter_sources(paths, IngestReport()))
