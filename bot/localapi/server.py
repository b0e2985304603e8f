"""A local Telegram Bot API server, as strict as Telegram, plus the user's side of the chat.

The server speaks the Bot API's HTTP + JSON at ``/bot<token>/<method>`` on 127.0.0.1 and
implements what this bot uses. It validates like Telegram (HTML entities, 4096 UTF-16 units,
64-byte callback data, inline result limits, per-chat flood limits) and answers errors in
Telegram's shape. Tests and the playground drive it from the user's side: send a message or a
command, post in a group or channel, send an inline query, press a button, and read back what
the bot sent and every API call it made; send a document (getFile and the download work like
Telegram's), edit a message, forward a batch, add the bot to a group. Faults (429, 500, slow
answers, answers lost on a dropped connection, a bot kicked from a chat) can be switched on per
test; like Telegram, it carries out a request that arrived whether or not the client is still
there for the answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Iterable
from typing import Any

from aiohttp import web

from .client import MESSAGE_LIMIT, telegram_split
from .documents import DocumentRoutes
from .faults import ApiError, Faults, FloodLimit
from .html import utf16_len
from .state import Call, Chat, User
from .validate import JSON, command_entities, public, read_params

__all__ = ["ApiError", "Call", "Chat", "Faults", "FloodLimit", "LocalBotApi", "User"]


class LocalBotApi(DocumentRoutes):
    """The server and the user side. ``async with LocalBotApi(token) as api`` starts it."""

    _runner: web.AppRunner | None = None
    port = 0
    """The port it listens on, once started."""

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """What the bot's ``base_url`` setting should be."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def file_url(self) -> str:
        """Where the bot downloads files from (its ``base_file_url``)."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    async def start(self, port: int = 0) -> LocalBotApi:
        app = web.Application(client_max_size=20 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self.files.download)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        if self._webhook_task:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task
        if self._runner:
            await self._runner.cleanup()

    async def __aenter__(self) -> LocalBotApi:
        return await self.start()

    async def __aexit__(self, *_: object) -> None:
        await self.stop()

    # -- HTTP --------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        params = await read_params(request)
        call = Call(method, params)
        self.calls.append(call)
        fault = self.faults.pick(method)
        if fault == "slow":
            self.held += 1
            try:
                await asyncio.sleep(self.faults.slow_seconds)
            finally:
                self.held -= 1
        try:
            if fault == "429":
                raise ApiError(
                    429, f"Too Many Requests: retry after {self.faults.retry_after}", self.faults.retry_after
                )
            if fault == "500":
                raise ApiError(500, "Internal Server Error")
            result = await self._call(method, params)
        except ApiError as error:
            call.error = error.description
            if fault == "drop":  # refused, not carried out: its answer is given, not lost
                self.faults.void(method, fault)
            return web.json_response(error.payload(), status=error.code)
        finally:
            self._changed.set()
        # Like Telegram, a request that arrived is carried out even if its answer never gets
        # back: the client went away while it was held ("slow"), or the connection drops now.
        if fault == "drop" or request.transport is None or request.transport.is_closing():
            call.error = "carried out, but the answer was lost"
            if request.transport is not None:
                request.transport.close()
        return web.json_response({"ok": True, "result": result})

    async def _call(self, method: str, params: JSON) -> Any:
        handler = getattr(self, f"_api_{method.lower()}", None)
        if handler is None:
            raise ApiError(404, "Not Found")
        return await handler(params)

    # -- the user's side ---------------------------------------------------------------------

    def add_user(
        self, user_id: int, first_name: str = "Alice", username: str | None = None, language_code: str | None = None
    ) -> User:
        user = User(user_id, first_name, username, language_code=language_code)
        self.users[user_id] = user
        self.chats.setdefault(user_id, Chat(user_id, "private", first_name=first_name, username=username))
        return user

    def add_group(
        self,
        chat_id: int,
        title: str,
        admins: Iterable[int] = (),
        members: Iterable[int] = (),
        forum: bool = False,
    ) -> Chat:
        chat = Chat(
            chat_id, "supergroup", title=title, admins=set(admins), members=set(members) | set(admins), is_forum=forum
        )
        self.chats[chat_id] = chat
        if forum:
            next(self._message_ids[chat_id])  # 1 is the General topic's: no topic gets it
        return chat

    def add_topic(self, chat_id: int, name: str) -> int:
        """Open a topic in a forum; its thread id is the id of the service message that opened it."""
        chat = self.chats[chat_id]
        assert chat.is_forum, "topics live in forum supergroups"
        thread = next(self._message_ids[chat_id])
        chat.topics[thread] = name
        return thread

    def delete_topic(self, chat_id: int, thread: int) -> None:
        """Delete a forum topic with its messages, as an admin does in the app."""
        del self.chats[chat_id].topics[thread]
        for message in self.messages[chat_id].values():
            if message.get("message_thread_id") == thread:
                message["deleted"] = True

    def add_channel(
        self, chat_id: int, title: str, username: str, admins: Iterable[int] = (), bot_is_admin: bool = True
    ) -> Chat:
        chat = Chat(
            chat_id,
            "channel",
            title=title,
            username=username,
            admins=set(admins),
            bot_status="administrator" if bot_is_admin else "member",
        )
        self.chats[chat_id] = chat
        return chat

    def kick_bot(self, chat_id: int) -> None:
        self.chats[chat_id].bot_status = "kicked"

    def send(
        self,
        user_id: int,
        text: str,
        chat_id: int | None = None,
        reply_to: int | None = None,
        forward_from: JSON | None = None,
        thread: int | None = None,
    ) -> JSON:
        """A user sends ``text`` in a chat (their private chat with the bot by default), in a
        forum topic if ``thread`` is given; with ``forward_from`` (a MessageOrigin) it is a
        forward. Like Telegram's apps, refuses a text longer than one message: split it first."""
        if not text.strip() or utf16_len(text) > MESSAGE_LIMIT:
            raise ValueError(f"a message holds 1 to {MESSAGE_LIMIT} UTF-16 units; split longer texts")
        user = self.users[user_id]
        chat = self.chats[chat_id if chat_id is not None else user_id]
        assert thread is None or thread in chat.topics, "no such open topic"
        message = self._message(chat, user, text, thread=thread)
        entities = command_entities(text)
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = public(self.messages[chat.id][reply_to])
        if forward_from is not None:
            message["forward_origin"] = forward_from
        return self._push({"message": public(message)})

    def send_document(
        self,
        user_id: int,
        data: bytes,
        name: str | None,
        mime_type: str | None = None,
        caption: str | None = None,
        chat_id: int | None = None,
    ) -> JSON:
        """A user sends a file (in their private chat with the bot by default); a command that
        opens the caption is a bot_command entity, as Telegram marks it."""
        chat = self.chats[chat_id if chat_id is not None else user_id]
        message = self._message(chat, self.users[user_id], "")
        del message["text"]
        message["document"] = self.files.add(data, name, mime_type)
        if caption:
            message["caption"] = caption
            entities = command_entities(caption)
            if entities:
                message["caption_entities"] = entities
        return self._push({"message": public(message)})

    def edit(self, user_id: int, message_id: int, text: str, chat_id: int | None = None) -> JSON:
        """A user edits a message they sent: the bot gets an edited_message update."""
        message = self.messages[chat_id if chat_id is not None else user_id][message_id]
        assert message.get("from", {}).get("id") == user_id, "users edit only their own messages"
        message.update(text=text, edit_date=int(time.time()))
        return self._push({"edited_message": public(message)})

    def add_bot_to_group(self, chat_id: int, by_user: int) -> JSON:
        """An admin adds the bot to a group: the bot gets a my_chat_member update."""
        chat = self.chats[chat_id]
        chat.bot_status = "member"
        return self._push(
            {
                "my_chat_member": {
                    "chat": chat.to_json(),
                    "from": self.users[by_user].to_json(),
                    "date": int(time.time()),
                    "old_chat_member": {"status": "left", "user": self.bot.to_json()},
                    "new_chat_member": {"status": "member", "user": self.bot.to_json()},
                }
            }
        )

    def post_in_channel(self, chat_id: int, text: str) -> JSON:
        chat = self.chats[chat_id]
        message = self._message(chat, None, text)
        entities = command_entities(text)
        if entities:
            message["entities"] = entities
        return self._push({"channel_post": public(message)})

    async def inline_query(self, user_id: int, query: str, offset: str = "", timeout: float = 10) -> JSON:
        """Send an inline query and wait for the bot's answerInlineQuery parameters."""
        query_id = str(next(self._query_ids))
        future: asyncio.Future[JSON] = asyncio.get_running_loop().create_future()
        self._answers[f"iq:{query_id}"] = future
        self._push(
            {
                "inline_query": {
                    "id": query_id,
                    "from": self.users[user_id].to_json(),
                    "query": query,
                    "offset": offset,
                    "chat_type": "sender",
                }
            }
        )
        return await asyncio.wait_for(future, timeout)

    async def press(self, user_id: int, chat_id: int, message_id: int, data: str, timeout: float = 10) -> JSON:
        """Press an inline button under a message; waits for answerCallbackQuery."""
        query_id = f"cb{next(self._query_ids)}"
        future: asyncio.Future[JSON] = asyncio.get_running_loop().create_future()
        self._answers[f"cb:{query_id}"] = future
        message = self.messages[chat_id][message_id]
        self._push(
            {
                "callback_query": {
                    "id": query_id,
                    "from": self.users[user_id].to_json(),
                    "message": public(message),
                    "chat_instance": str(chat_id),
                    "data": data,
                }
            }
        )
        return await asyncio.wait_for(future, timeout)

    def sent_to(self, chat_id: int) -> list[JSON]:
        """Messages the bot sent to a chat, as they are now (after edits), oldest first."""
        return [m for m in self.sent if m["chat"]["id"] == chat_id and not m.get("deleted")]

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(self, condition: Callable[[], Any], timeout: float = 10) -> Any:
        """Wait until ``condition()`` is truthy (checked after every API call), and return it."""
        deadline = time.monotonic() + timeout
        while True:
            value = condition()
            if value:
                return value
            if time.monotonic() >= deadline:
                raise TimeoutError("the bot did not do what was expected in time")
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(0.2, deadline - time.monotonic()))

    async def reply_to(
        self,
        user_id: int,
        text: str,
        chat_id: int | None = None,
        count: int = 1,
        timeout: float = 10,
        thread: int | None = None,
    ) -> list[JSON]:
        """Send ``text`` (in parts, as Telegram's desktop app splits a text over one message) and
        wait for ``count`` new bot messages in that chat."""
        chat = chat_id if chat_id is not None else user_id
        before = len(self.sent_to(chat))
        for part in telegram_split(text):
            self.send(user_id, part, chat_id, thread=thread)
        return await self.wait_for(
            lambda: self.sent_to(chat)[before:] if len(self.sent_to(chat)) >= before + count else None, timeout
        )
