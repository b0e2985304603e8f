"""Everything that arrives expects an answer: split articles and forwarded batches become one
article; documents are read; edits, unknown commands and a new group are answered."""

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import build_application, running
from bot.localapi.client import android_split, telegram_split
from bot.localapi.server import LocalBotApi
from tests.bot.conftest import ALICE, BOB, GROUP, make_settings
from tests.bot.pdfs import scanned_pdf, text_pdf
from tests.bot.test_documents import PARAGRAPHS, PLAIN, TITLE
from tests.conftest import ROOT

LONG = (ROOT / "tests" / "fixtures" / "long-article.txt").read_text(encoding="utf-8")
LONG_TITLE = "All Black magic: New Zealand rugby"


@pytest.fixture
async def bot(api: LocalBotApi, database: Path) -> AsyncIterator[Any]:
    application = build_application(make_settings(api, database))
    async with running(application):
        yield application


async def user_titles(bot: Any) -> list[str]:
    stored = await bot.bot_data.news.store.articles_after(0, 1000)
    return [s.article.title for s in stored if s.origin == "user"]


async def replies(api: LocalBotApi, chat: int, count: int = 1, timeout: float = 15) -> list[dict[str, Any]]:
    return await api.wait_for(lambda: api.sent_to(chat) if len(api.sent_to(chat)) >= count else None, timeout)


@pytest.mark.parametrize("split", [telegram_split, android_split])
async def test_a_split_article_is_one_article(api: LocalBotApi, bot: Any, split: Any) -> None:
    parts = split(LONG)
    assert len(parts) == 3
    for part in parts:
        api.send(ALICE, part)
    [summary] = await replies(api, ALICE)
    assert LONG_TITLE in summary["text"]
    assert await user_titles(bot) == [LONG_TITLE]
    [whole] = [s for s in await bot.bot_data.news.store.articles_after(0, 1000) if s.origin == "user"]
    assert " ".join(whole.article.sentences[-1].text.split()) in " ".join(LONG.split()[-40:])


async def test_a_forwarded_batch_of_one_article_is_one_article(api: LocalBotApi, bot: Any) -> None:
    api.add_channel(-100900, "Rugby Weekly", "rugbyweekly")
    posts = [""]
    for paragraph in LONG.split("\n\n"):  # a channel that posts an article as short messages
        if len(posts[-1]) + len(paragraph) > 1500:
            posts.append("")
        posts[-1] = f"{posts[-1]}\n\n{paragraph}".strip()
    assert len(posts) >= 5 and max(len(p) for p in posts) < 2048
    for number, batch in enumerate(posts):
        origin = {
            "type": "channel",
            "chat": {"id": -100900, "type": "channel", "title": "Rugby Weekly"},
            "message_id": 40 + number,
            "date": 1_700_000_000 + number,
        }
        api.send(ALICE, batch, forward_from=origin)
    [summary] = await replies(api, ALICE)
    assert LONG_TITLE in summary["text"]
    assert await user_titles(bot) == [LONG_TITLE]


@pytest.mark.parametrize(
    ("name", "mime", "data"),
    [
        ("story.txt", "text/plain", PLAIN.encode()),
        ("story.md", None, f"# {TITLE}\n\n" + "\n\n".join(f"*{p}*" for p in PARAGRAPHS).encode().decode()),
        ("story.html", "text/html", f"<html><body><article><h1>{TITLE}</h1><p>{'</p><p>'.join(PARAGRAPHS)}</p>"),
        ("report.pdf", "application/pdf", text_pdf(PARAGRAPHS * 2, title=TITLE)),
    ],
)
async def test_documents_are_summarized(api: LocalBotApi, bot: Any, name: str, mime: str | None, data: Any) -> None:
    api.send_document(ALICE, data if isinstance(data, bytes) else data.encode(), name, mime)
    [summary] = await replies(api, ALICE)
    assert TITLE in summary["text"] and "corroded cables" in summary["text"]
    assert api.files.downloads, "the bot downloaded the file through getFile"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("scan.pdf", scanned_pdf(), "no text I can read"),
        ("locked.pdf", text_pdf(PARAGRAPHS, password="secret"), "password-protected"),
        ("slides.pptx", b"PK\x03\x04", "I can summarize a .txt, .md, .html or .pdf file (up to 10 MB)"),
        ("broken.pdf", b"%PDF-1.7 nothing else", "not a PDF I can open"),
    ],
)
async def test_documents_that_cannot_be_read_get_a_clear_reply(
    api: LocalBotApi, bot: Any, name: str, data: bytes, reason: str
) -> None:
    api.send_document(ALICE, data, name)
    [reply] = await replies(api, ALICE)
    assert reason in reply["text"]
    assert await user_titles(bot) == []


async def test_a_file_too_large_is_refused_without_downloading(api: LocalBotApi, bot: Any) -> None:
    api.send_document(ALICE, b"x" * 12_000_000, "huge.txt", "text/plain")
    [reply] = await replies(api, ALICE)
    assert "too large" in reply["text"] and "10 MB" in reply["text"]
    assert not api.calls_to("getFile")


async def test_an_edited_article_is_summarized_again(api: LocalBotApi, bot: Any) -> None:
    sent = api.send(ALICE, PLAIN)
    await replies(api, ALICE)
    api.edit(ALICE, sent["message"]["message_id"], PLAIN.replace("next spring", "in the autumn"))
    _, again = await replies(api, ALICE, 2)
    assert "in the autumn" in again["text"] or TITLE in again["text"]
    assert len(await user_titles(bot)) == 2
    api.edit(ALICE, sent["message"]["message_id"], PLAIN)
    *_, same = await replies(api, ALICE, 3)
    assert "already summarized" in same["text"]


async def test_an_edited_command_is_not_run_but_answered(api: LocalBotApi, bot: Any) -> None:
    sent = api.send(ALICE, "/latest 3")
    await replies(api, ALICE)
    api.edit(ALICE, sent["message"]["message_id"], "/latest 5")
    _, hint = await replies(api, ALICE, 2)
    assert "edited commands" in hint["text"]


async def test_an_unknown_command_gets_a_hint(api: LocalBotApi, bot: Any) -> None:
    [hint] = await api.reply_to(ALICE, "/foo")
    assert hint["text"] == "I don't know /foo. /help lists what I can do."
    api.send(BOB, "/foo", GROUP)  # in a group, a command for some other bot is not ours to answer
    [addressed] = await api.reply_to(BOB, "/foo@newsdigest_test_bot", GROUP)
    assert "I don't know /foo" in addressed["text"] and len(api.sent_to(GROUP)) == 1


async def test_added_to_a_group_the_bot_says_how_to_turn_the_digest_on(api: LocalBotApi, bot: Any) -> None:
    api.add_group(-100555, "Book club", admins=[ALICE])
    api.add_bot_to_group(-100555, ALICE)
    [greeting] = await replies(api, -100555)
    assert "/digest on" in greeting["text"] and "admin" in greeting["text"]


async def test_summarize_with_a_long_text_the_app_split_is_one_article(api: LocalBotApi, bot: Any) -> None:
    [summary] = await api.reply_to(ALICE, f"/summarize {LONG}")  # reply_to splits it as the app does
    assert LONG_TITLE in summary["text"]
    await asyncio.sleep(3.5)  # nothing else comes of the other parts
    assert len(api.sent_to(ALICE)) == 1
    assert await user_titles(bot) == [LONG_TITLE]
