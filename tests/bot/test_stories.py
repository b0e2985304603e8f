"""One story once, in the service: decided when an article is stored, kept in the store, and
found by another desk (a restart, another worker) from the store's signatures."""

from __future__ import annotations

from pathlib import Path

from bot.service import NewsService
from bot.store import SqliteArticleStore
from bot.stories import StoryDesk
from tests.conftest import SEEDS

KEANU = (SEEDS / "001_bbc-entertainment-339.txt").read_text(encoding="utf-8")
BANGKOK = (SEEDS / "002_bbc-entertainment-306.txt").read_text(encoding="utf-8")


def _retold(text: str) -> str:
    title, *paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "\n\n".join(["Reeves honoured on the Walk of Fame", *reversed(paragraphs), "Share this article"])


async def test_stories_are_decided_once_and_found_across_desks(tmp_path: Path) -> None:
    store = SqliteArticleStore(tmp_path / "stories.sqlite3")
    news = NewsService(store)
    await news.open()
    first, _ = await news.add_text(KEANU, origin="catalog")
    other, _ = await news.add_text(BANGKOK, origin="catalog")
    assert first.story_seq == first.seq and other.story_seq == other.seq
    again, created = await news.add_text(KEANU, origin="catalog")
    assert not created and again.story_seq == first.seq
    another = NewsService(store)  # a second worker on the same store, with an empty index
    copy, _ = await another.add_text(_retold(KEANU), origin="feed")
    assert copy.story_seq == first.seq
    assert (await store.get(copy.article.id)).story_seq == first.seq  # type: ignore[union-attr]
    await store.close()


async def test_the_window_keeps_only_the_newest_signatures(tmp_path: Path) -> None:
    store = SqliteArticleStore(tmp_path / "window.sqlite3")
    news = NewsService(store)
    news.stories = StoryDesk(store, window=1)
    await news.open()
    first, _ = await news.add_text(KEANU, origin="catalog")
    await news.add_text(BANGKOK, origin="catalog")
    late, _ = await news.add_text(_retold(KEANU), origin="catalog")
    assert late.story_seq == late.seq  # the first article left the one-article window
    assert first.seq not in news.stories._index  # noqa: SLF001
    await store.close()
