"""The local Bot API server rejects what Telegram rejects, so the bot's output is checked for real."""

import json

import httpx
import pytest

from bot.localapi.html import EntityError, utf16_len, visible_text
from bot.localapi.server import LocalBotApi
from tests.bot.conftest import ALICE, GROUP


async def _call(api: LocalBotApi, method: str, **params: object) -> httpx.Response:
    data = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
    async with httpx.AsyncClient() as client:
        return await client.post(f"{api.base_url}{api.token}/{method}", data=data)


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("a < b", "Can't parse entities"),
        ("<b>bold", "can't find end tag"),
        ("<script>x</script>", 'unsupported start tag "script"'),
        ("fish &chips", "unsupported entity"),
        ("&nbsp;", "unsupported entity"),
        ("   ", "message text is empty"),
        ("x" * 4097, "message is too long"),
        ("😀" * 2049, "message is too long"),  # 4098 UTF-16 units
    ],
)
async def test_send_message_rejects_what_telegram_rejects(api: LocalBotApi, text: str, description: str) -> None:
    response = await _call(api, "sendMessage", chat_id=str(ALICE), text=text, parse_mode="HTML")
    body = response.json()
    assert response.status_code == 400 and body["ok"] is False and body["error_code"] == 400
    assert description in body["description"]


async def test_send_message_accepts_valid_html_at_the_limit(api: LocalBotApi) -> None:
    text = "<b>a &amp; b</b> &lt;ok&gt; &#128512;" + "x" * (4096 - 13)
    assert utf16_len(visible_text(text)) == 4096  # the emoji counts twice
    response = await _call(api, "sendMessage", chat_id=str(ALICE), text=text, parse_mode="HTML")
    assert response.json()["ok"] is True


async def test_callback_data_over_64_bytes_is_rejected(api: LocalBotApi) -> None:
    markup = {"inline_keyboard": [[{"text": "x", "callback_data": "y" * 65}]]}
    response = await _call(api, "sendMessage", chat_id=str(ALICE), text="hi", reply_markup=markup)
    assert response.json()["description"] == "Bad Request: BUTTON_DATA_INVALID"


async def test_unknown_method_and_bad_token(api: LocalBotApi) -> None:
    response = await _call(api, "sendTelepathy", chat_id=str(ALICE))
    assert response.status_code == 404 and response.json() == {
        "ok": False,
        "error_code": 404,
        "description": "Not Found",
    }
    async with httpx.AsyncClient() as client:
        response = await client.post(f"{api.base_url}1:wrong/getMe")
    assert response.status_code == 401


async def test_flood_limit_answers_429_with_retry_after(api: LocalBotApi) -> None:
    codes = []
    for number in range(25):
        response = await _call(api, "sendMessage", chat_id=str(GROUP), text=f"message {number}")
        codes.append(response.status_code)
    assert codes[:20] == [200] * 20
    assert 429 in codes[20:]
    body = response.json()
    assert body["parameters"]["retry_after"] >= 1


async def test_inline_answer_limits(api: LocalBotApi) -> None:
    api.add_user(ALICE, "Alice")
    results = [
        {"type": "article", "id": str(i), "title": "t", "input_message_content": {"message_text": "m"}}
        for i in range(51)
    ]
    response = await _call(api, "answerInlineQuery", inline_query_id="1", results=results)
    assert response.json()["description"] == "Bad Request: RESULTS_TOO_MUCH"
    response = await _call(api, "answerInlineQuery", inline_query_id="1", results=results[:2], next_offset="9" * 65)
    assert response.json()["description"] == "Bad Request: NEXT_OFFSET_INVALID"
    duplicate = [results[0], results[0]]
    response = await _call(api, "answerInlineQuery", inline_query_id="1", results=duplicate)
    assert response.json()["description"] == "Bad Request: RESULT_ID_DUPLICATE"


async def test_get_updates_conflicts_with_a_webhook(api: LocalBotApi) -> None:
    assert (await _call(api, "setWebhook", url="http://127.0.0.1:9/hook")).json()["ok"]
    response = await _call(api, "getUpdates")
    assert response.status_code == 409
    await _call(api, "deleteWebhook")
    assert (await _call(api, "getUpdates", timeout="0")).json() == {"ok": True, "result": []}


async def test_faults_are_injected_on_the_chosen_share(api: LocalBotApi) -> None:
    from bot.localapi.server import Faults

    api.faults = Faults(rate=0.5, kinds=("500",), methods=frozenset({"sendMessage"}))
    codes = [(await _call(api, "sendMessage", chat_id=str(ALICE), text="x")).status_code for _ in range(4)]
    codes += [(await _call(api, "getMe")).status_code]
    assert 500 in codes[:4] and codes[-1] == 200
    assert all(kind == "500" for _, kind in api.faults.injected)


async def test_a_drop_counts_only_when_a_carried_out_answer_is_lost(api: LocalBotApi) -> None:
    from bot.localapi.server import Faults

    api.kick_bot(GROUP)
    api.faults = Faults(rate=1.0, kinds=("drop",), methods=frozenset({"sendMessage"}))
    refused = await _call(api, "sendMessage", chat_id=str(GROUP), text="x")
    assert refused.status_code == 403 and api.faults.injected == []  # refused: answered, nothing lost
    with pytest.raises(httpx.RemoteProtocolError):
        await _call(api, "sendMessage", chat_id=str(ALICE), text="x")
    assert api.faults.injected == [("sendMessage", "drop")] and api.sent_to(ALICE)[-1]["text"] == "x"


def test_visible_text_decodes_entities() -> None:
    assert visible_text('<a href="https://x.org">x</a> &quot;q&quot; &#x41;') == 'x "q" A'
    with pytest.raises(EntityError):
        visible_text("<b><i>x</b></i>")
