"""Digests people subscribe to, end to end over real HTTP against the local Bot API server:
feeds and digests in any order, links that work everywhere, channels without chatter, forum
topics, filters, OPML, instant feeds and one story told once."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import build_application, running
from bot.digests import run_digest
from bot.instant import post_new_items
from bot.links.opml import read_opml
from bot.localapi.server import LocalBotApi
from tests.bot.conftest import ALICE, BOB, CHANNEL, GROUP, make_settings
from tests.bot.test_feeds import poll_now, web  # noqa: F401 - the local site with its feed
from tests.bot.test_opml_filters import BOMB
from tests.bot.webserver import HOST, WebServer
from tests.conftest import SEEDS

FORUM = -100400


def _fresh(name: str) -> str:
    """A seed story as a new article (the seeds are stored before the digests start): updated."""
    return "Update: " + (SEEDS / name).read_text(encoding="utf-8")


KEANU = _fresh("001_bbc-entertainment-339.txt")
BANGKOK = _fresh("002_bbc-entertainment-306.txt")
BERLIN = _fresh("003_bbc-entertainment-042.txt")


@pytest.fixture
async def app(api: LocalBotApi, database: Path, web: WebServer) -> AsyncIterator[object]:  # noqa: F811
    api.add_group(FORUM, "Readers' forum", admins=[ALICE], members=[BOB], forum=True)
    settings = make_settings(
        api, database, fetch_allowed_networks=[f"{HOST}/32"], feed_poll_minutes=1, channel_reply_seconds=0.3
    )
    async with running(build_application(settings)) as application:
        yield application


def news(application: object):  # type: ignore[no-untyped-def]
    return application.bot_data.news  # type: ignore[attr-defined]


def retold(text: str) -> str:
    """The same story as another outlet runs it: a new headline, paragraphs reordered, the site's lines."""
    title, *paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = "\n\n".join([*paragraphs[1:], paragraphs[0]])
    return f"Star honour for Matrix actor Reeves\n\nShare this article\n\n{body}\n\nFollow us for more news."


async def test_feed_articles_reach_the_digest_whether_feed_or_digest_came_first(
    api: LocalBotApi,
    app: object,
    web: WebServer,  # noqa: F811
) -> None:
    await news(app).add_text(BERLIN, origin="catalog")  # stored before any digest: not in the first
    [added] = await api.reply_to(ALICE, f"/feed add {web.url('/feed.xml')}", GROUP)
    assert "1 article stored for the next digest" in added["text"] and "/digest on" in added["text"]
    await api.reply_to(ALICE, "/digest on", GROUP)
    digest, status = await api.reply_to(ALICE, "/digest now", GROUP, count=2)
    assert "Harbour bridge reopens" in digest["text"] and "Berlin" not in digest["text"]
    assert "Posted 1 new article in" in status["text"]
    # The other order: a digest first, then a feed whose article the store already holds.
    await api.reply_to(ALICE, "/digest on @morningbrief")
    [channel_added] = await api.reply_to(ALICE, f"/feed add {web.url('/feed.xml')} @morningbrief")
    assert "Following Coastal Courier" in channel_added["text"]
    [posted] = await api.reply_to(ALICE, "/digest now @morningbrief")
    assert "Posted 1 new article in" in posted["text"]
    assert "Harbour bridge reopens" in api.sent_to(CHANNEL)[-1]["text"]


async def test_digest_links_work_for_channel_readers(api: LocalBotApi, app: object, web: WebServer) -> None:  # noqa: F811
    await api.reply_to(ALICE, "/digest on @morningbrief")
    await api.reply_to(ALICE, f"/feed add {web.url('/feed.xml')} @morningbrief")
    await api.reply_to(ALICE, "/digest now @morningbrief")
    html = api.sent_to(CHANNEL)[-1]["html"]
    assert f'<a href="{web.url("/story/0")}">Harbour bridge reopens</a>' in html
    [article_id] = re.findall(r'href="https://t\.me/newsdigest_test_bot\?start=s_([0-9a-f]{10})"', html)
    assert f'href="https://t.me/newsdigest_test_bot?start=f_{article_id}"' in html
    # A reader (not an admin) follows the links: the bot's private chat opens on that summary.
    [summary] = await api.reply_to(BOB, f"/start s_{article_id}")
    assert "Harbour bridge reopens" in summary["text"] and "reply_markup" in summary
    [facts] = await api.reply_to(BOB, f"/start f_{article_id}")
    assert "Harbour bridge reopens" in facts["text"]
    [unknown] = await api.reply_to(BOB, "/start s_0000000000")
    assert "There is no article" in unknown["text"]
    [hostile] = await api.reply_to(BOB, "/start s_<b>';--")
    assert "I turn news articles into short summaries" in hostile["text"]


async def test_channel_readers_never_see_setup_chatter(api: LocalBotApi, app: object) -> None:
    command = api.post_in_channel(CHANNEL, "/digest on")["channel_post"]
    [reply] = await api.wait_for(lambda: api.sent_to(CHANNEL) or None)
    assert "Digest on" in reply["text"]
    await api.wait_for(lambda: not api.sent_to(CHANNEL))
    assert api.messages[CHANNEL][command["message_id"]]["deleted"]
    deletions = api.calls_to("deleteMessage")
    assert len(deletions) == 2 and not any(c.error for c in deletions)
    api.post_in_channel(CHANNEL, "/digest only harbour")
    await api.wait_for(lambda: api.sent_to(CHANNEL) or None)
    await api.wait_for(lambda: not api.sent_to(CHANNEL))
    [status] = await api.reply_to(ALICE, "/digest status @morningbrief")  # configured from private: kept
    assert "Digest is on" in status["text"] and "harbour" in status["text"]


async def test_a_forum_topic_gets_the_digest_and_a_deleted_topic_pauses_it(api: LocalBotApi, app: object) -> None:
    topic = api.add_topic(FORUM, "Morning news")
    [on] = await api.reply_to(ALICE, "/digest on", FORUM, thread=topic)
    assert on["message_thread_id"] == topic and on["is_topic_message"]
    assert "in this topic" in on["text"]
    await news(app).add_text(KEANU, origin="catalog")
    digest, status = await api.reply_to(ALICE, "/digest now", FORUM, count=2, thread=topic)
    assert digest["message_thread_id"] == topic and status["message_thread_id"] == topic
    assert digest["text"].startswith("📰 News digest · 1 new article")
    [general] = await api.reply_to(ALICE, "/digest status", FORUM)  # the General topic
    assert "message_thread_id" not in general and "forum topic" in general["text"]
    api.delete_topic(FORUM, topic)
    await news(app).add_text(BANGKOK, origin="catalog")
    result = await run_digest(app, FORUM)  # type: ignore[arg-type]
    assert (
        result.paused and [c.error for c in api.calls_to("sendMessage")][-1] == "Bad Request: message thread not found"
    )
    [paused] = await api.reply_to(ALICE, "/digest status", FORUM)
    assert "paused" in paused["text"] and "topic it posted in was deleted" in paused["text"]
    assert await news(app).store.pending_digest(FORUM, 10)  # nothing lost
    [again] = await api.reply_to(ALICE, "/digest on", FORUM)  # back on, in General this time
    assert "message_thread_id" not in again
    digest, _ = await api.reply_to(ALICE, "/digest now", FORUM, count=2)
    assert "message_thread_id" not in digest and "Bangkok" in digest["text"]


async def test_filters_choose_the_digest_articles(api: LocalBotApi, app: object) -> None:
    await api.reply_to(ALICE, "/digest on", GROUP)
    [only] = await api.reply_to(ALICE, '/digest only KEANU "Bangkok film"', GROUP)
    assert 'Only articles about: keanu "bangkok film"' in only["text"]
    [skip] = await api.reply_to(ALICE, "/digest skip festivals", GROUP)
    assert "Skipping articles about: festivals" in skip["text"]
    [denied] = await api.reply_to(BOB, "/digest only cats", GROUP)
    assert "Only admins" in denied["text"]
    [empty] = await api.reply_to(ALICE, '/digest only "" *** !!!', GROUP)
    assert "give words" in empty["text"]
    for text in (KEANU, BANGKOK, BERLIN):
        await news(app).add_text(text, origin="catalog")
    digest, _ = await api.reply_to(ALICE, "/digest now", GROUP, count=2)
    assert "Keanu Reeves" in digest["text"] and "Bangkok" not in digest["text"] and "Berlin" not in digest["text"]
    await api.reply_to(ALICE, "/digest only off", GROUP)
    [cleared] = await api.reply_to(ALICE, "/digest skip off", GROUP)
    assert "Only articles" not in cleared["text"] and "Skipping" not in cleared["text"]


async def test_opml_import_and_export(api: LocalBotApi, app: object, web: WebServer) -> None:  # noqa: F811
    opml = f"""<?xml version="1.0"?><opml version="1.0"><head><title>Mine</title></head><body>
<outline text="Local"><outline type="rss" text="Courier" xmlUrl="{web.url("/feed.xml")}"/></outline>
<outline type="rss" text="Gone" xmlUrl="{web.url("/missing")}"/>
<outline type="rss" text="Disk" xmlUrl="file:///etc/passwd"/></body></opml>""".encode()
    before = len(api.sent_to(GROUP))
    api.send_document(ALICE, opml, "feeds.opml", caption="/feed import", chat_id=GROUP)
    [report] = await api.wait_for(lambda: api.sent_to(GROUP)[before:] or None, timeout=20)
    assert "1 added, 0 already followed, 2 refused" in report["text"]
    assert "file:///etc/passwd: not an http or https link" in report["text"]
    file_message = api.send_document(ALICE, opml, "again.opml", chat_id=GROUP)["message"]
    before = len(api.sent_to(GROUP))
    api.send(ALICE, "/feed import", GROUP, reply_to=file_message["message_id"])
    [again] = await api.wait_for(lambda: api.sent_to(GROUP)[before:] or None, timeout=20)
    assert "0 added, 1 already followed" in again["text"]
    [exported] = await api.reply_to(ALICE, "/feed export", GROUP)
    assert exported["document"]["file_name"] == "feeds.opml" and exported["caption"].startswith("1 feed. ")
    back = read_opml(api.document_of(exported))
    assert [(f.url, f.title) for f in back.feeds] == [(web.url("/feed.xml"), "Coastal Courier")]
    before = len(api.sent_to(GROUP))
    api.send_document(ALICE, BOMB, "bomb.opml", caption="/feed import", chat_id=GROUP)
    [refused] = await api.wait_for(lambda: api.sent_to(GROUP)[before:] or None)
    assert "entity bomb" in refused["text"]
    api.send_document(BOB, opml, "feeds.opml", caption="/feed import", chat_id=GROUP)
    [denied] = await api.wait_for(lambda: api.sent_to(GROUP)[before + 1 :] or None)
    assert "Only admins" in denied["text"]
    [none] = await api.reply_to(ALICE, "/feed import", GROUP)
    assert "caption of an .opml file" in none["text"]


async def test_instant_feed_posts_each_article_as_it_arrives(api: LocalBotApi, app: object, web: WebServer) -> None:  # noqa: F811
    topic = api.add_topic(FORUM, "Live")
    replies = await api.reply_to(ALICE, f"/feed add {web.url('/feed.xml')} now", FORUM, count=2, thread=topic)
    [added] = [m for m in replies if "Following" in m["text"]]
    [posted] = [m for m in replies if "Following" not in m["text"]]
    assert "posted as it arrives (1 now)" in added["text"]
    assert posted["message_thread_id"] == topic and "Harbour bridge reopens" in posted["text"]
    assert f'<a href="{web.url("/story/0")}">' in posted["html"] and "News digest" not in posted["text"]
    [listed] = await api.reply_to(ALICE, "/feed list", FORUM, thread=topic)
    assert "posted as it arrives" in listed["text"]
    web.items.append(("g2", "Library extends opening hours", "The central library will open until 10pm on weekdays."))
    before = len(api.sent_to(FORUM))
    await post_new_items(app, await poll_now(app))  # type: ignore[arg-type]
    [second] = api.sent_to(FORUM)[before:]
    assert "Library extends opening hours" in second["text"] and second["message_thread_id"] == topic
    await api.reply_to(ALICE, "/digest on", FORUM)
    [nothing] = await api.reply_to(ALICE, "/digest now", FORUM)
    assert "Nothing new" in nothing["text"]  # what was posted at once is not posted again


async def test_one_story_from_several_sources_is_one_item(api: LocalBotApi, app: object, database: Path) -> None:
    await api.reply_to(ALICE, "/digest on", GROUP)
    first, _ = await news(app).add_text(KEANU, origin="catalog", url="https://bbc.example/keanu")
    copy, _ = await news(app).add_text(retold(KEANU), origin="catalog", url="https://www.wire.example/reeves-star")
    other, _ = await news(app).add_text(BANGKOK, origin="catalog")
    assert copy.story_seq == first.story_seq and other.story_seq != first.story_seq
    digest, status = await api.reply_to(ALICE, "/digest now", GROUP, count=2)
    assert digest["text"].startswith("📰 News digest · 2 new articles") and "Posted 3 new articles in" in status["text"]
    assert '<i>also:</i> <a href="https://www.wire.example/reeves-star">' in digest["html"]
    assert digest["text"].count("Keanu") >= 1 and "Star honour" not in digest["text"]
    # The decision is in the store: a fresh desk (a restart, another worker) tells the same story once.
    news(app).stories.__init__(news(app).store)
    late, _ = await news(app).add_text(retold(KEANU).replace("Follow us", "Read more"), origin="catalog")
    assert late.story_seq == first.story_seq
    [nothing] = await api.reply_to(ALICE, "/digest now", GROUP)
    assert "Nothing new" in nothing["text"]
    assert late.article.id in await news(app).store.delivered(GROUP)
