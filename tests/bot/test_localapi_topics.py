"""The local Bot API server is strict like Telegram about forum topics, deleting messages and
documents, so the bot's use of them is checked for real."""

from __future__ import annotations

import time

import httpx
import pytest

from bot.localapi.server import LocalBotApi
from tests.bot.conftest import ALICE, CHANNEL, GROUP
from tests.bot.test_localapi import _call

FORUM = -100400


@pytest.fixture
def forum(api: LocalBotApi) -> int:
    api.add_group(FORUM, "Forum", admins=[ALICE], forum=True)
    return api.add_topic(FORUM, "News")


def _error(response: httpx.Response) -> str:
    body = response.json()
    assert response.status_code >= 400 and body["ok"] is False
    return str(body["description"])


async def test_messages_go_to_open_topics_only(api: LocalBotApi, forum: int) -> None:
    sent = (await _call(api, "sendMessage", chat_id=str(FORUM), text="hi", message_thread_id=str(forum))).json()
    assert sent["result"]["message_thread_id"] == forum and sent["result"]["is_topic_message"] is True
    general = (await _call(api, "sendMessage", chat_id=str(FORUM), text="hi")).json()["result"]
    assert "message_thread_id" not in general
    for thread, chat in (("1", FORUM), ("999", FORUM), (str(forum), GROUP), ("x", FORUM)):
        response = await _call(api, "sendMessage", chat_id=str(chat), text="hi", message_thread_id=thread)
        assert _error(response) == "Bad Request: message thread not found"
    api.delete_topic(FORUM, forum)
    gone = await _call(api, "sendMessage", chat_id=str(FORUM), text="hi", message_thread_id=str(forum))
    assert _error(gone) == "Bad Request: message thread not found"
    chat = (await _call(api, "getChat", chat_id=str(FORUM))).json()["result"]
    assert chat["is_forum"] is True
    assert api.send(ALICE, "in General", FORUM)["message"].get("message_thread_id") is None


async def test_delete_message_follows_telegrams_rules(api: LocalBotApi) -> None:
    own = (await _call(api, "sendMessage", chat_id=str(GROUP), text="mine")).json()["result"]
    theirs = api.send(ALICE, "theirs", GROUP)["message"]
    assert (await _call(api, "deleteMessage", chat_id=str(GROUP), message_id=str(own["message_id"]))).json()["ok"]
    again = await _call(api, "deleteMessage", chat_id=str(GROUP), message_id=str(own["message_id"]))
    assert _error(again) == "Bad Request: message to delete not found"
    refused = await _call(api, "deleteMessage", chat_id=str(GROUP), message_id=str(theirs["message_id"]))
    assert _error(refused) == "Bad Request: message can't be deleted"  # not an admin of the group
    post = api.post_in_channel(CHANNEL, "/digest on")["channel_post"]
    assert (await _call(api, "deleteMessage", chat_id=str(CHANNEL), message_id=str(post["message_id"]))).json()["ok"]
    old = (await _call(api, "sendMessage", chat_id=str(ALICE), text="old")).json()["result"]
    api.messages[ALICE][old["message_id"]]["date"] = int(time.time()) - 49 * 3600
    too_old = await _call(api, "deleteMessage", chat_id=str(ALICE), message_id=str(old["message_id"]))
    assert _error(too_old) == "Bad Request: message can't be deleted"
    api.chats[CHANNEL].bot_status = "member"
    post = api.post_in_channel(CHANNEL, "hello")["channel_post"]
    no_rights = await _call(api, "deleteMessage", chat_id=str(CHANNEL), message_id=str(post["message_id"]))
    assert _error(no_rights) == "Bad Request: message can't be deleted"


async def _upload(api: LocalBotApi, data: bytes, **params: str) -> httpx.Response:
    async with httpx.AsyncClient() as client:
        return await client.post(
            f"{api.base_url}{api.token}/sendDocument",
            data={"chat_id": str(ALICE), **params},
            files={"document": ("feeds.opml", data, "text/x-opml")},
        )


async def test_documents_are_uploaded_and_downloaded_strictly(api: LocalBotApi) -> None:
    sent = (await _upload(api, b"<opml/>", caption="<b>two</b> feeds", parse_mode="HTML")).json()["result"]
    assert sent["document"]["file_name"] == "feeds.opml" and sent["caption"] == "two feeds"
    assert api.document_of(sent) == b"<opml/>"
    assert _error(await _upload(api, b"")) == "Bad Request: file must be non-empty"
    assert _error(await _upload(api, b"x", caption="c" * 1025)) == "Bad Request: message caption is too long"
    missing = await _call(api, "sendDocument", chat_id=str(ALICE), document="attach://nothing")
    assert _error(missing) == "Bad Request: there is no document in the request"
    document = api.send_document(ALICE, b"<opml/>", "mine.opml", caption="/feed import")["message"]
    assert document["caption_entities"][0]["type"] == "bot_command"
    assert _error(await _call(api, "getFile", file_id="nope")) == "Bad Request: invalid file_id"
    file = (await _call(api, "getFile", file_id=document["document"]["file_id"])).json()["result"]
    assert file["file_path"].endswith(".opml")
    async with httpx.AsyncClient() as client:
        assert (await client.get(f"{api.file_url}{api.token}/{file['file_path']}")).content == b"<opml/>"
        assert (await client.get(f"{api.file_url}1:bad/{file['file_path']}")).status_code == 401
        assert (await client.get(f"{api.file_url}{api.token}/documents/file_99.opml")).status_code == 404
