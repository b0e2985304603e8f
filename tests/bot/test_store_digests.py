"""The store's contract for subscribed digests, on every backend: feeds and digests in any order,
filters through the full-text index, instant feeds and stories told once."""

from __future__ import annotations

from pathlib import Path

from bot.store import ArticleStore, Subscription
from bot.store.filters import encode_terms, parse_terms
from summarizer.similar import signature
from tests.bot.test_store_contract import _parsed, store  # noqa: F401 - the backends' fixture
from tests.conftest import SEEDS

PATHS = sorted(SEEDS.glob("*.txt"))


def _seed(name: str) -> Path:
    return next(p for p in PATHS if name in p.name)


async def _subscribe(store: ArticleStore, chat: int, **filters: str) -> None:  # noqa: F811
    """A new subscription as the service makes one: it starts after the newest article."""
    terms = {k: encode_terms(parse_terms(v)) for k, v in filters.items()}
    await store.save_subscription(Subscription(chat_id=chat, last_seq=await store.newest_seq(), **terms))


async def test_a_feed_followed_before_the_digest_brings_its_articles(store: ArticleStore) -> None:  # noqa: F811
    await store.add(*_parsed(PATHS[0]))  # catalogue, before the digest: not in it
    feed = await store.follow_feed(-1, "https://news.example/rss")
    item, _ = await store.add(*_parsed(PATHS[1]), origin="feed")
    await store.record_item(feed.id, "guid-1", item.seq, None)
    await _subscribe(store, -1)
    assert await store.enqueue_digest(-1) == 1
    assert [a.seq for a in await store.pending_digest(-1, 10)] == [item.seq]
    assert await store.enqueue_digest(-1) == 0


async def test_a_feed_followed_after_the_digest_brings_articles_stored_before(store: ArticleStore) -> None:  # noqa: F811
    other = await store.follow_feed(-2, "https://news.example/rss")
    known, _ = await store.add(*_parsed(PATHS[1]), origin="feed")
    await store.record_item(other.id, "guid-1", known.seq, None)  # another chat's feed brought it first
    await _subscribe(store, -1)
    feed = await store.follow_feed(-1, "https://wire.example/rss")
    await store.record_item(feed.id, "wire-1", known.seq, None)
    fresh, _ = await store.add(*_parsed(PATHS[2]), origin="feed")
    await store.record_item(feed.id, "wire-2", fresh.seq, None)
    assert await store.enqueue_digest(-1) == 2
    assert {a.seq for a in await store.pending_digest(-1, 10)} == {known.seq, fresh.seq}


async def test_filters_match_stemmed_words_and_phrases_in_title_and_text(store: ArticleStore) -> None:  # noqa: F811
    await _subscribe(store, -1, only_terms='KEANU "bangkok film"')
    await _subscribe(store, -2, skip_terms="festivals")
    await _subscribe(store, -3, only_terms="festival", skip_terms='"Bangkok film"')
    await _subscribe(store, -4, only_terms='"festival film"')  # words out of order: no phrase
    for name in ("339", "306", "042"):
        await store.add(*_parsed(_seed(name)))
    titles = {}
    for chat in (-1, -2, -3, -4):
        await store.enqueue_digest(chat)
        titles[chat] = [a.article.title for a in await store.pending_digest(chat, 10)]
    assert titles[-1] == ["Keanu Reeves given Hollywood star", "Bangkok film festival battles on"]
    assert titles[-2] == ["Keanu Reeves given Hollywood star"]  # "festivals" stems to "festival"
    assert titles[-3] == ["Berlin honours S Korean director"]
    assert titles[-4] == []


async def test_hostile_filter_terms_are_plain_words(store: ArticleStore) -> None:  # noqa: F811
    await _subscribe(store, -1, only_terms='NEAR(keanu) OR "*" title:x\' --')
    await store.add(*_parsed(_seed("339")))
    await store.enqueue_digest(-1)
    assert [a.article.title for a in await store.pending_digest(-1, 10)] == ["Keanu Reeves given Hollywood star"]


async def test_instant_feeds_queue_each_article_once_through_the_filters(store: ArticleStore) -> None:  # noqa: F811
    feed = await store.follow_feed(-1, "https://news.example/rss", mode="now", thread_id=7)
    await store.follow_feed(-2, "https://news.example/rss")
    await _subscribe(store, -1, skip_terms="keanu")
    assert await store.instant_targets(feed.id) == [(-1, 7)]
    assert [(f.mode, f.thread_id) for f in await store.feeds_of(-1)] == [("now", 7)]
    keanu, _ = await store.add(*_parsed(_seed("339")), origin="feed")
    bangkok, _ = await store.add(*_parsed(_seed("306")), origin="feed")
    assert await store.queue_filtered(-1, [keanu.seq, bangkok.seq]) == [bangkok.seq]
    assert await store.queue_filtered(-1, [keanu.seq, bangkok.seq]) == []
    assert await store.queue_filtered(-9, [keanu.seq]) == [keanu.seq]  # no subscription: no filter
    await store.follow_feed(-1, "https://news.example/rss")  # back to the digest
    assert await store.instant_targets(feed.id) == []


async def test_stories_and_signatures_are_kept(store: ArticleStore) -> None:  # noqa: F811
    first, _ = await store.add(*_parsed(PATHS[1]))
    second, _ = await store.add(*_parsed(PATHS[2]))
    story = signature(first.article.text)
    assert story is not None
    await store.save_story(first.seq, story, first.seq)
    await store.save_story(second.seq, None, first.seq)
    assert await store.story_signatures(0, 10) == [(first.seq, first.seq, story)]
    assert await store.story_signatures(first.seq, 10) == []
    again = await store.get(second.article.id)
    assert again is not None and again.story_seq == first.seq
    await _subscribe(store, -1)
    assert await store.sent_stories(-1, [first.seq]) == {}
    await store.queue_filtered(-1, [first.seq])
    await store.mark_delivered(-1, [first.article.id], 55)
    assert await store.sent_stories(-1, [first.seq, 999]) == {first.seq: 55}
