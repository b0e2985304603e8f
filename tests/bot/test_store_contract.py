"""One contract, every backend: what the article store promises holds on SQLite and PostgreSQL.

PostgreSQL is used when it answers at TEST_POSTGRES_DSN (default: the local server,
postgresql://postgres@127.0.0.1:5432/test); each test gets a schema of its own. Where it does
not answer, its half of these tests is skipped with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import psycopg
import pytest

from bot.store import ArticleStore, SqliteArticleStore, Subscription
from summarizer import Ranking, key_facts, parse_article, rank
from tests.conftest import SEED, SEEDS

PG_DSN = os.environ.get("TEST_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/test")


async def _postgres(schema: str) -> ArticleStore:
    from bot.store.postgres import PostgresArticleStore

    store = PostgresArticleStore(PG_DSN, schema=schema)
    try:
        await store.open()
    except psycopg.OperationalError as error:  # no server (a pool timeout is one too): skip, and say why
        await store.close()
        pytest.skip(f"PostgreSQL not reachable at {PG_DSN}: {error}")
    return store


async def _drop(schema: str) -> None:
    import psycopg

    async with await psycopg.AsyncConnection.connect(PG_DSN, autocommit=True) as db:
        await db.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgresql"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[ArticleStore]:
    if request.param == "sqlite":
        sqlite = SqliteArticleStore(tmp_path / "contract.sqlite3")
        await sqlite.open()
        yield sqlite
        await sqlite.close()
        return
    schema = f"contract_{uuid.uuid4().hex[:12]}"
    pg = await _postgres(schema)
    yield pg
    await pg.close()
    await _drop(schema)


def _parsed(path: Path = SEED, url: str | None = None):  # type: ignore[no-untyped-def]
    article = parse_article(path.read_text(), url=url)
    ranking = rank(article)
    return article, ranking, key_facts(article, ranking)


async def test_ingest_is_idempotent_by_content_and_url(store: ArticleStore) -> None:
    first, created = await store.add(*_parsed(url="https://news.example/a"))
    again, created_again = await store.add(*_parsed(url="https://news.example/a"))
    assert created and not created_again and again.seq == first.seq
    assert await store.count() == 1
    assert (await store.get(first.article.id)) == first
    assert (await store.get_by_url("https://news.example/a")) == first
    assert await store.get("0000000000") is None
    assert first.ranking.scores and first.facts


async def test_origin_decides_visibility_and_only_rises(store: ArticleStore) -> None:
    private, _ = await store.add(*_parsed(), origin="user")
    assert await store.latest(10) == [] and await store.search("ghouta", 10) == []
    assert (await store.get(private.article.id)) is not None
    public, _ = await store.add(*_parsed(), origin="catalog")
    assert public.origin == "catalog"
    lowered, _ = await store.add(*_parsed(), origin="user")
    assert lowered.origin == "catalog"
    assert [a.article.id for a in await store.search("ghouta rebel", 10)] == [public.article.id]


async def test_latest_and_search_with_paging_and_hostile_input(store: ArticleStore) -> None:
    for path in sorted(SEEDS.glob("*.txt"))[:8]:
        await store.add(*_parsed(path))
    latest = await store.latest(3)
    assert [a.seq for a in latest] == sorted((a.seq for a in latest), reverse=True)
    assert len(await store.latest(3, offset=6)) == 2
    assert (await store.search("keanu", 5))[0].article.title == "Keanu Reeves given Hollywood star"
    assert (await store.search("hollyw", 5))[0].article.title == "Keanu Reeves given Hollywood star"  # prefix
    for hostile in ['"*) OR NEAR(', "*" * 256, "title:x AND body:*", "' OR 1=1 --", "", "!!!", "😀" * 30]:
        assert isinstance(await store.search(hostile, 5), list)
    assert await store.count() == 8


async def test_chat_settings_and_subscriptions(store: ArticleStore) -> None:
    assert await store.summary_length(-1) is None
    await store.set_summary_length(-1, 4)
    await store.set_summary_length(-1, 5)
    assert await store.summary_length(-1) == 5
    assert await store.chat_language(-1) is None and await store.chat_language(-2) is None
    await store.set_chat_language(-1, "de")
    await store.set_chat_language(-2, "fa")  # a chat with a language and no length
    assert (await store.chat_language(-1), await store.chat_language(-2)) == ("de", "fa")
    assert await store.summary_length(-1) == 5 and await store.summary_length(-2) is None
    await store.set_chat_language(-1, None)
    assert await store.chat_language(-1) is None and await store.summary_length(-1) == 5
    subscription = Subscription(chat_id=-1, time="07:30", timezone="Europe/Berlin", chat_title="News")
    await store.save_subscription(subscription)
    await store.save_subscription(subscription.model_copy(update={"enabled": False, "paused_reason": "kicked"}))
    saved = await store.subscription(-1)
    assert saved is not None and saved.enabled is False and saved.paused_reason == "kicked" and saved.time == "07:30"
    assert [s.chat_id for s in await store.subscriptions()] == [-1]


async def test_delivery_journal_is_exactly_once(store: ArticleStore) -> None:
    await store.save_subscription(Subscription(chat_id=-5, last_seq=await store.newest_seq()))
    stored = [(await store.add(*_parsed(p)))[0] for p in sorted(SEEDS.glob("*.txt"))[:3]]
    assert await store.enqueue_digest(-5) == 3
    assert await store.enqueue_digest(-5) == 0  # the watermark moved past them
    pending = await store.pending_digest(-5, 10)
    assert [a.seq for a in pending] == [a.seq for a in stored]
    assert await store.chats_with_pending() == {-5}
    await store.mark_delivered(-5, [stored[0].article.id, stored[1].article.id], 42)
    assert [a.seq for a in await store.pending_digest(-5, 10)] == [stored[2].seq]
    await store.mark_delivered(-5, [stored[2].article.id], 43)
    assert await store.pending_digest(-5, 10) == []
    assert await store.chats_with_pending() == set()
    assert await store.delivered(-5) == [a.article.id for a in stored]
    assert await store.enqueue_digest(-999) == 0  # no subscription, no journal


async def test_journal_marks_a_message_in_flight(store: ArticleStore) -> None:
    await store.save_subscription(Subscription(chat_id=-6, last_seq=await store.newest_seq()))
    stored = [(await store.add(*_parsed(p)))[0] for p in sorted(SEEDS.glob("*.txt"))[:2]]
    await store.enqueue_digest(-6)
    ids = [a.article.id for a in stored]
    await store.mark_sending(-6, ids[:1])
    assert await store.in_doubt(-6) == {ids[0]}
    assert [a.article.id for a in await store.pending_digest(-6, 10)] == ids  # still to post
    await store.mark_pending(-6, ids[:1])  # refused for sure: pending again, not in doubt
    assert await store.in_doubt(-6) == set()
    await store.mark_sending(-6, ids)
    await store.mark_delivered(-6, ids, 7)
    assert await store.in_doubt(-6) == set() and await store.chats_with_pending() == set()


async def test_search_drops_stop_words_and_ranks_titles_first(store: ArticleStore) -> None:
    for path in sorted(SEEDS.glob("*.txt"))[:8]:
        await store.add(*_parsed(path))
    assert await store.search("the", 5) == [] and await store.search("of the", 5) == []
    assert [a.article.id for a in await store.search("the keanu", 5)] == [
        a.article.id for a in await store.search("keanu", 5)
    ]
    found = await store.search("star", 10)
    in_title = ["star" in a.article.title.lower() for a in found]
    assert in_title == sorted(in_title, reverse=True)  # title matches before the others
    titled = [a.seq for a in found if "star" in a.article.title.lower()]
    assert titled == sorted(titled, reverse=True)  # each group newest first
    assert await store.search("hollywoo", 5) == []  # 8 letters: a word as typed, not a start


async def test_feed_articles_reach_only_following_chats(store: ArticleStore) -> None:
    for chat in (-1, -2):
        await store.save_subscription(Subscription(chat_id=chat, last_seq=0))
    feed = await store.follow_feed(-1, "https://news.example/rss")
    assert (await store.follow_feed(-1, "https://news.example/rss")).id == feed.id
    item, _ = await store.add(*_parsed(), origin="feed")
    await store.record_item(feed.id, "guid-1", item.seq, None)
    await store.record_item(feed.id, "guid-2", None, "not an article")
    assert await store.seen_items(feed.id, ["guid-1", "guid-2", "guid-3"]) == {"guid-1", "guid-2"}
    assert await store.enqueue_digest(-1) == 1
    assert await store.enqueue_digest(-2) == 0
    assert [f.url for f in await store.feeds_of(-1)] == ["https://news.example/rss"]
    assert [f.id for f in await store.due_feeds(now=10**10)] == [feed.id]
    await store.save_feed(feed.model_copy(update={"failures": 2, "last_error": "500", "next_check": 10**11}))
    assert await store.due_feeds(now=10**10) == []
    assert (await store.feeds_of(-1))[0].last_error == "500"
    await store.unfollow_feed(-1, feed.id)
    assert await store.feeds_of(-1) == []


async def test_forget_chat_removes_its_data_only(store: ArticleStore) -> None:
    await store.add(*_parsed())
    await store.set_summary_length(-7, 2)
    await store.save_subscription(Subscription(chat_id=-7))
    await store.follow_feed(-7, "https://news.example/rss")
    await store.forget_chat(-7)
    assert await store.summary_length(-7) is None and await store.subscription(-7) is None
    assert await store.feeds_of(-7) == [] and await store.count() == 1


async def test_forget_chat_deletes_the_texts_only_it_pasted(store: ArticleStore) -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    own, _ = await store.add(*_parsed(paths[1]), origin="user")
    shared, _ = await store.add(*_parsed(paths[2]), origin="user")
    public, _ = await store.add(*_parsed(paths[3]))
    for chat, article in [(-7, own), (-7, shared), (-8, shared), (-7, public), (-7, own)]:
        await store.record_paste(chat, article.seq)
    assert await store.forget_chat(-7) == 1
    assert await store.get(own.article.id) is None
    assert await store.get(shared.article.id) is not None and await store.get(public.article.id) is not None
    assert await store.forget_chat(-7) == 0
    assert await store.forget_chat(-8) == 1
    assert await store.count() == 1


async def test_a_digest_queues_at_most_its_limit_and_leaves_the_rest_new(store: ArticleStore) -> None:
    await store.save_subscription(Subscription(chat_id=-5, last_seq=await store.newest_seq()))
    stored = [(await store.add(*_parsed(p)))[0] for p in sorted(SEEDS.glob("*.txt"))[:5]]
    assert await store.enqueue_digest(-5, 2) == 2
    assert await store.enqueue_digest(-5, 2) == 0  # two already pending: no room
    assert [a.seq for a in await store.pending_digest(-5, 10)] == [a.seq for a in stored[:2]]
    await store.mark_delivered(-5, [a.article.id for a in stored[:2]], 1)
    assert await store.enqueue_digest(-5, 2) == 2
    await store.mark_delivered(-5, [a.article.id for a in stored[2:4]], 2)
    assert await store.enqueue_digest(-5, 2) == 1
    assert [a.seq for a in await store.pending_digest(-5, 10)] == [stored[4].seq]
    assert await store.enqueue_digest(-5, 2) == 0


async def test_reopening_keeps_everything(store: ArticleStore, tmp_path: Path) -> None:
    await store.add(*_parsed())
    await store.close()
    await store.open()  # migrations are idempotent
    assert await store.count() == 1
    assert await store.try_lead()


async def test_every_article_in_order_and_derived_data_refreshed(store: ArticleStore) -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    first, _ = await store.add(*_parsed(paths[1]), origin="user")
    second, _ = await store.add(*_parsed(paths[2]))
    assert [s.seq for s in await store.articles_after(0, 10)] == [first.seq, second.seq]
    assert [s.seq for s in await store.articles_after(first.seq, 10)] == [second.seq]
    assert await store.articles_after(second.seq, 10) == []
    stale = Ranking(algorithm="default", scores=tuple(reversed(first.ranking.scores)))
    await store.refresh(first.article.id, stale, first.facts[:1])
    again = await store.get(first.article.id)
    assert again is not None
    assert again.ranking == stale and again.facts == first.facts[:1]
    assert again.article == first.article and again.seq == first.seq and again.origin == "user"


async def test_settings_are_kept_and_replaced(store: ArticleStore) -> None:
    assert await store.setting("summarizer_revision") is None
    await store.save_setting("summarizer_revision", "one")
    await store.save_setting("summarizer_revision", "two")
    await store.save_setting("other", "<b>&'\"")
    assert await store.setting("summarizer_revision") == "two"
    assert await store.setting("other") == "<b>&'\""


async def test_an_article_read_again_replaces_the_stored_one_in_place(store: ArticleStore) -> None:
    await store.save_subscription(Subscription(chat_id=-7, last_seq=await store.newest_seq()))
    first, _ = await store.add(*_parsed())
    assert await store.enqueue_digest(-7) == 1
    await store.mark_delivered(-7, [first.article.id], 11)
    again = first.article.model_copy(update={"title": "Zebra crossings everywhere", "language": "de"})
    stale = Ranking(algorithm="default", scores=tuple(reversed(first.ranking.scores)))
    await store.replace_article(again, stale, first.facts[:2])
    stored = await store.get(first.article.id)
    assert stored is not None and stored.article == again and stored.ranking == stale
    assert (stored.seq, stored.origin, stored.facts) == (first.seq, first.origin, first.facts[:2])
    assert await store.count() == 1 and await store.delivered(-7) == [first.article.id]
    assert [s.seq for s in await store.search("zebra crossings", 5)] == [first.seq]  # the index follows
    await store.replace_article(again.model_copy(update={"title": "Quokkas"}), stale, ())
    assert await store.search("zebra", 5) == []  # the old entry left the index
    assert [s.article.title for s in await store.search("quokkas", 5)] == ["Quokkas"]


async def test_cards_give_the_summaries_the_whole_article_gives(store: ArticleStore) -> None:
    """A card (what an inline result reads) cuts every summary it can exactly as the whole
    article and its ranking do, shows the same facts line, and search and the newest list give
    the same articles as cards as whole."""
    from bot.present import formatting as fmt
    from bot.service import summary_of
    from bot.store.cards import CARD_SENTENCES

    for path in sorted(SEEDS.glob("*.txt"))[:6]:
        await store.add(*_parsed(path))
    word = "said"
    assert [c.article.id for c in await store.search_cards(word, 10)] == [
        s.article.id for s in await store.search(word, 10)
    ]
    cards = await store.latest_cards(10)
    wholes = await store.latest(10)
    assert [c.article.id for c in cards] == [s.article.id for s in wholes] and cards
    for card, stored in zip(cards, wholes, strict=True):
        for length in range(1, CARD_SENTENCES + 1):
            summary = card.summary(length)
            assert summary == summary_of(stored, length)
            assert fmt.render_summary(card, summary) == fmt.render_summary(stored, summary)
        assert card.summary(CARD_SENTENCES + 1) is None
    refreshed = wholes[0]
    scores = tuple(reversed(refreshed.ranking.scores))
    await store.refresh(refreshed.article.id, refreshed.ranking.model_copy(update={"scores": scores}), ())
    card = (await store.latest_cards(1))[0]
    again = await store.get(refreshed.article.id)
    assert again is not None and card.summary(3) == summary_of(again, 3) and card.facts == ()
