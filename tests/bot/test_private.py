from bot.localapi.server import LocalBotApi
from tests.bot.conftest import ALICE
from tests.conftest import SEED


async def test_start_and_commands_registered(api: LocalBotApi, bot: object) -> None:
    [reply] = await api.reply_to(ALICE, "/start")
    assert "summaries and key facts" in reply["text"]
    assert {c["command"] for c in api.commands} >= {"summarize", "facts", "latest", "search", "digest"}


async def test_latest_lists_seed_articles(api: LocalBotApi, bot: object) -> None:
    [reply] = await api.reply_to(ALICE, "/latest 3")
    assert reply["text"].startswith("Latest 3 articles")
    assert reply["text"].count("/summarize_") == 3


async def test_pasted_article_is_summarized_with_buttons(api: LocalBotApi, bot: object) -> None:
    [reply] = await api.reply_to(ALICE, SEED.read_text())
    assert reply["text"].startswith("Russia offers Syrian opposition fighters safe exit from Eastern Ghouta")
    assert "Click Here" not in reply["text"]
    buttons = [b["callback_data"] for row in reply["reply_markup"]["inline_keyboard"] for b in row]
    assert any(b.startswith("s:") for b in buttons) and any(b.startswith("f:") for b in buttons)
    actions = api.calls_to("sendChatAction")
    assert actions and actions[-1].params["action"] == "typing"
