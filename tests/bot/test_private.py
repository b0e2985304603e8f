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


async def _seed_id(api: LocalBotApi) -> str:
    [reply] = await api.reply_to(ALICE, "/search ghouta")
    return reply["text"].split("/summarize_")[1][:10]


async def test_search_summarize_facts_article(api: LocalBotApi, bot: object) -> None:
    article_id = await _seed_id(api)
    [summary] = await api.reply_to(ALICE, f"/summarize {article_id}")
    assert summary["text"].count("• ") == 3
    assert f"{article_id} · 3 of 10 sentences" in summary["text"]
    [facts] = await api.reply_to(ALICE, f"/facts_{article_id}")
    assert "Eastern Ghouta" in facts["text"] and "over 400,000 people" in facts["text"]
    [page] = await api.reply_to(ALICE, f"/article {article_id}")
    assert "page 1 of 1" in page["text"] and "While rebels have indicated" in page["text"]
    assert "Click Here" not in page["text"]


async def test_buttons_edit_the_message_in_place(api: LocalBotApi, bot: object) -> None:
    article_id = await _seed_id(api)
    [summary] = await api.reply_to(ALICE, f"/summarize {article_id}")
    message_id = summary["message_id"]
    await api.press(ALICE, ALICE, message_id, f"s:{article_id}:4")
    edited = await api.wait_for(lambda: api.messages[ALICE][message_id]["text"].count("• ") == 4)
    assert edited
    await api.press(ALICE, ALICE, message_id, f"f:{article_id}:4")
    await api.wait_for(lambda: "Key facts" in api.messages[ALICE][message_id]["text"])
    await api.press(ALICE, ALICE, message_id, f"a:{article_id}:0:4")
    await api.wait_for(lambda: "page 1 of 1" in api.messages[ALICE][message_id]["text"])
    answer = await api.press(ALICE, ALICE, message_id, "s:zzzzzzzzzz:1")
    assert answer.get("text") == "This button is out of date."
    for call in api.calls_to("editMessageText"):
        assert call.error is None
        assert call.params["parse_mode"] == "HTML"


async def test_length_is_per_chat_and_validated(api: LocalBotApi, bot: object) -> None:
    [bad] = await api.reply_to(ALICE, "/length 99")
    assert "1 to 10" in bad["text"]
    [ok] = await api.reply_to(ALICE, "/length 2")
    assert "2 sentences" in ok["text"]
    article_id = await _seed_id(api)
    [summary] = await api.reply_to(ALICE, f"/summarize {article_id}")
    assert summary["text"].count("• ") == 2


async def test_unknown_ids_empty_queries_and_wrong_arguments(api: LocalBotApi, bot: object) -> None:
    for command, expected in [
        ("/summarize 0123456789", "There is no article"),
        ("/facts nope", "Use /facts ID"),
        ("/article", "Use /article ID"),
        ("/search", "Tell me what to look for"),
        ("/search zzqqxx", "Nothing matches"),
        ("/latest lots", "Use /latest"),
        ("/summarize", "Send /summarize with"),
        ("/digest sometimes", "Use /digest on"),
        ("/digest time 25:99", "not a time of day"),
        ("short text", "Paste or forward a whole article"),
    ]:
        [reply] = await api.reply_to(ALICE, command)
        assert expected in reply["text"], (command, reply["text"])


async def test_hostile_text_is_escaped_and_bad_input_answered(api: LocalBotApi, bot: object) -> None:
    hostile = "Markup <b>attack</b> & <script>alert(1)</script>\n\n" + " ".join(
        f'Sentence {i} has <tags> & ampersands and "quotes" in it.' for i in range(20)
    )
    [reply] = await api.reply_to(ALICE, hostile)
    assert "<tags>" in reply["text"]  # shown as text, because it was escaped
    [binary] = await api.reply_to(ALICE, "\x00\x01\x02" * 100)
    assert "binary" in binary["text"]
    assert all(c.error is None for c in api.calls_to("sendMessage"))


async def test_reply_with_summarize_uses_the_replied_message(api: LocalBotApi, bot: object) -> None:
    before = len(api.sent_to(ALICE))
    original = api.send(ALICE, SEED.read_text())
    await api.wait_for(lambda: len(api.sent_to(ALICE)) > before)
    api.send(ALICE, "/summarize", reply_to=original["message"]["message_id"])
    replies = await api.wait_for(lambda: api.sent_to(ALICE)[before + 1 :] or None)
    assert replies[0]["text"].startswith("Russia offers Syrian")


async def test_exact_request_for_a_summary(api: LocalBotApi, bot: object) -> None:
    article_id = await _seed_id(api)
    before = len(api.calls_to("sendMessage"))
    await api.reply_to(ALICE, f"/summarize {article_id}")
    [call] = api.calls_to("sendMessage")[before:]
    params = call.params
    assert params["chat_id"] == str(ALICE)
    assert params["parse_mode"] == "HTML"
    assert params["link_preview_options"] == {"is_disabled": True}
    assert params["text"] == (
        "<b>Russia offers Syrian opposition fighters safe exit from Eastern Ghouta</b>\n"
        "<i>JerusalemOnline · by Nawar Nemeh</i>\n\n"
        "• Russia recently offered safe passage for Syrian opposition fighters in Eastern Ghouta.\n"
        "• If accepted, the offer would mean the fall of the last rebel-held area near Damascus.\n"
        "• The Russian military has offered safe passage for fighters who agree to surrender their positions in "
        "Eastern Ghouta, saying that they would be allowed to leave with their families, personal belongings and "
        "one weapon through a secure corridor where Russian and Syrian troops have made significant gains in the "
        "past few days.\n\n"
        "🔎 Eastern Ghouta · Russia · Damascus · President Bashar Al-Assad · Syrian Foreign Ministry\n"
        f"<code>{article_id}</code> · 3 of 10 sentences"
    )
    assert params["reply_markup"] == {
        "inline_keyboard": [
            [
                {"text": "➖ Shorter", "callback_data": f"s:{article_id}:2"},
                {"text": "➕ Longer", "callback_data": f"s:{article_id}:4"},
            ],
            [
                {"text": "🔎 Key facts", "callback_data": f"f:{article_id}:3"},
                {"text": "📄 Full text", "callback_data": f"a:{article_id}:0:3"},
            ],
            [{"text": "Language: English ✎", "callback_data": f"l:{article_id}:3"}],
        ]
    }


async def test_commands_in_a_group(api: LocalBotApi, bot: object) -> None:
    from tests.bot.conftest import BOB, GROUP

    [listing] = await api.reply_to(BOB, "/latest@newsdigest_test_bot 2", GROUP)
    assert listing["text"].startswith("Latest 2 articles")
    [found] = await api.reply_to(BOB, "/search keanu reeves", GROUP)
    article_id = found["text"].split("/summarize_")[1][:10]
    [summary] = await api.reply_to(BOB, f"/summarize_{article_id}@newsdigest_test_bot", GROUP)
    assert summary["text"].startswith("<b>") is False and summary["text"].startswith(
        "Keanu Reeves given Hollywood star"
    )
    [denied] = await api.reply_to(BOB, "/length 5", GROUP)
    assert "Only admins" in denied["text"]
    [allowed] = await api.reply_to(ALICE, "/length 5", GROUP)
    assert "5 sentences" in allowed["text"]
