from pathlib import Path

from bot.app import build_application, running
from bot.localapi.server import LocalBotApi
from tests.bot.conftest import ALICE, make_settings


async def test_empty_query_lists_latest_with_pagination(api: LocalBotApi, bot: object) -> None:
    first = await api.inline_query(ALICE, "")
    assert len(first["results"]) == 20
    assert first["next_offset"] == "20"
    second = await api.inline_query(ALICE, "", offset="20")
    assert len(second["results"]) == 1
    assert second.get("next_offset", "") == "", second
    ids = {r["id"] for r in first["results"]} | {r["id"] for r in second["results"]}
    assert len(ids) == 21


async def test_words_find_matching_articles(api: LocalBotApi, bot: object) -> None:
    answer = await api.inline_query(ALICE, "ghouta rebels")
    [result] = answer["results"]
    assert result["title"] == "Russia offers Syrian opposition fighters safe exit from Eastern Ghouta"
    assert result["description"].startswith("Russia recently offered")
    content = result["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert content["message_text"].startswith("<b>Russia offers")


async def test_hostile_queries_are_harmless(api: LocalBotApi, bot: object) -> None:
    for query in ['"*) OR NEAR(', "*" * 256, "title:ghouta AND body:*", "💥" * 60]:
        answer = await api.inline_query(ALICE, query)
        assert isinstance(answer["results"], list)
    assert all(call.error is None for call in api.calls_to("answerInlineQuery"))


async def test_a_default_longer_than_a_card_is_cut_from_the_whole_article(api: LocalBotApi, database: Path) -> None:
    """With summaries of 5 sentences by default (cards hold 3), each result is cut from the
    whole article: the same message a /summarize of 5 gives."""
    application = build_application(make_settings(api, database, default_summary_length=5))
    async with running(application):
        answer = await api.inline_query(ALICE, "ghouta rebels")
        [result] = answer["results"]
        text = result["input_message_content"]["message_text"]
        assert text.count("\n• ") == 5 and "5 of " in text
