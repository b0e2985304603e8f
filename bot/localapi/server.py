"""A local Telegram Bot API server, as strict as Telegram, plus the user's side of the chat.

The server speaks the Bot API's HTTP + JSON at ``/bot<token>/<method>`` on 127.0.0.1 and
implements what this bot uses. It validates like Telegram (HTML entities, 4096 UTF-16 units,
64-byte callback data, inline result limits, per-chat flood limits) and answers errors in
Telegram's shape. Tests and the playground drive it from the user's side: send a message or a
command, post in a group or channel, send an inline query, press a button, and read back what
the bot sent and every API call it made. Faults (429, 500, slow answers, dropped connections,
a bot kicked from a chat) can be switched on per test.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import random
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import ClientSession, ClientTimeout, web

from .html import EntityError, utf16_len, visible_text

log = logging.getLogger(__name__)

JSON = dict[str, Any]
_JSON_PARAMS = {
    "reply_markup",
    "results",
    "commands",
    "entities",
    "allowed_updates",
    "reply_parameters",
    "link_preview_options",
    "scope",
    "button",
}
_INT_PARAMS = {"message_id", "offset", "limit", "timeout", "user_id", "cache_time", "max_connections"}


class ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(text: str) -> ApiError:
    return ApiError(400, f"Bad Request: {text}")


@dataclass
class Faults:
    """Failures to inject into a share of the calls to ``methods`` (all methods if empty)."""

    rate: float = 0.0
    kinds: tuple[str, ...] = ("429", "500", "drop")
    methods: frozenset[str] = frozenset()
    retry_after: int = 1
    slow_seconds: float = 0.0
    seed: int = 7
    injected: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)

    def pick(self, method: str) -> str | None:
        if self.rate <= 0 or (self.methods and method not in self.methods):
            return None
        if self._random.random() >= self.rate:
            return None
        kind = self._random.choice(self.kinds)
        self.injected.append((method, kind))
        return kind


@dataclass(frozen=True)
class FloodLimit:
    """A token bucket per chat: ``burst`` messages at once, refilled at ``per_second``."""

    burst: float
    per_second: float


# About Telegram's: a message a second in a private chat (with a small burst), 20 a minute in a
# group or channel.
PRIVATE_LIMIT = FloodLimit(burst=4, per_second=1.0)
GROUP_LIMIT = FloodLimit(burst=20, per_second=20 / 60)


@dataclass
class Chat:
    id: int
    type: str
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    admins: set[int] = field(default_factory=set)
    members: set[int] = field(default_factory=set)
    bot_status: str = "member"

    def to_json(self) -> JSON:
        data: JSON = {"id": self.id, "type": self.type}
        for key in ("title", "username", "first_name"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        return data


@dataclass
class User:
    id: int
    first_name: str
    username: str | None = None
    is_bot: bool = False

    def to_json(self) -> JSON:
        data: JSON = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        if self.username:
            data["username"] = self.username
        return data


@dataclass
class Call:
    method: str
    params: JSON
    error: str | None = None


_QUERY_EXPIRED = "query is too old and response timeout expired or query ID is invalid"


class LocalBotApi:
    """The server and the user side. ``async with LocalBotApi(token) as api`` starts it."""

    def __init__(
        self,
        token: str = "123456:LOCAL-TEST-TOKEN",
        *,
        private_limit: FloodLimit = PRIVATE_LIMIT,
        group_limit: FloodLimit = GROUP_LIMIT,
        bot_username: str = "newsdigest_test_bot",
    ) -> None:
        self.token = token
        self.bot = User(id=int(token.split(":")[0]), first_name="News Digest", username=bot_username, is_bot=True)
        self.chats: dict[int, Chat] = {}
        self.users: dict[int, User] = {}
        self.messages: dict[int, dict[int, JSON]] = defaultdict(dict)
        self.sent: list[JSON] = []
        self.calls: list[Call] = []
        self.commands: list[JSON] = []
        self.faults = Faults()
        self.held = 0
        """Requests being held by a "slow" fault right now, not yet processed."""
        self.limits = {"private": private_limit, "group": group_limit}
        self._buckets: dict[int, tuple[float, float]] = {}
        self._updates: deque[JSON] = deque()
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self._query_ids = itertools.count(1)
        self._new_update = asyncio.Event()
        self._changed = asyncio.Event()
        self._answers: dict[str, asyncio.Future[JSON]] = {}
        self._webhook: JSON | None = None
        self._webhook_task: asyncio.Task[None] | None = None
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """What the bot's ``base_url`` setting should be."""
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self, port: int = 0) -> LocalBotApi:
        app = web.Application(client_max_size=20 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
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
        params = await _params(request)
        call = Call(method, params)
        self.calls.append(call)
        fault = self.faults.pick(method)
        try:
            if fault == "drop":
                call.error = "dropped"
                assert request.transport is not None
                request.transport.close()
                return web.Response(status=500)
            if fault == "slow":
                self.held += 1
                try:
                    await asyncio.sleep(self.faults.slow_seconds)
                finally:
                    self.held -= 1
                if request.transport is None or request.transport.is_closing():
                    call.error = "client went away before the request was processed"
                    return web.Response(status=499)
            if fault == "429":
                raise ApiError(
                    429, f"Too Many Requests: retry after {self.faults.retry_after}", self.faults.retry_after
                )
            if fault == "500":
                raise ApiError(500, "Internal Server Error")
            handler = getattr(self, f"_api_{method.lower()}", None)
            if handler is None:
                raise ApiError(404, "Not Found")
            result = await handler(params)
        except ApiError as error:
            call.error = error.description
            return web.json_response(error.payload(), status=error.code)
        self._changed.set()
        return web.json_response({"ok": True, "result": result})

    # -- Bot API methods ---------------------------------------------------------------------

    async def _api_getme(self, _: JSON) -> JSON:
        return {
            **self.bot.to_json(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    async def _api_getupdates(self, params: JSON) -> list[JSON]:
        if self._webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        while self._updates and offset and self._updates[0]["update_id"] < offset:
            self._updates.popleft()
        allowed = params.get("allowed_updates")
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        while True:
            ready = [u for u in self._updates if _allowed(u, allowed)]
            if ready or time.monotonic() >= deadline:
                return ready[: int(params.get("limit") or 100)]
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), deadline - time.monotonic())

    async def _api_setwebhook(self, params: JSON) -> bool:
        url = params.get("url") or ""
        if not url:
            return await self._api_deletewebhook(params)
        if not url.startswith(("http://127.0.0.1", "http://localhost", "https://")):
            raise bad_request("bad webhook: HTTPS url must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not (1 <= len(secret) <= 256 and all(c.isalnum() or c in "_-" for c in secret)):
            raise bad_request("secret token contains unallowed characters")
        if params.get("drop_pending_updates") in (True, "true"):
            self._updates.clear()
        self._webhook = {"url": url, "secret_token": secret, "allowed_updates": params.get("allowed_updates")}
        if self._webhook_task is None or self._webhook_task.done():
            self._webhook_task = asyncio.create_task(self._deliver_webhooks())
        return True

    async def _api_deletewebhook(self, params: JSON) -> bool:
        self._webhook = None
        if params.get("drop_pending_updates") in (True, "true"):
            self._updates.clear()
        return True

    async def _api_getwebhookinfo(self, _: JSON) -> JSON:
        return {
            "url": (self._webhook or {}).get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    async def _api_sendmessage(self, params: JSON) -> JSON:
        chat = self._chat(params.get("chat_id"))
        self._may_post(chat)
        text = _checked_text(params.get("text"), params.get("parse_mode"))
        markup = _checked_markup(params.get("reply_markup"))
        self._flood(chat)
        message = self._message(chat, self.bot, text, markup)
        message["html"] = params.get("text")
        self.sent.append(message)
        return _public(message)

    async def _api_editmessagetext(self, params: JSON) -> JSON | bool:
        text = _checked_text(params.get("text"), params.get("parse_mode"))
        markup = _checked_markup(params.get("reply_markup"))
        if params.get("inline_message_id"):
            return True
        message = self._find_message(params)
        if message["text"] == text and message.get("reply_markup") == markup:
            raise bad_request(
                "message is not modified: specified new message content and reply markup are exactly "
                "the same as a current content and reply markup of the message"
            )
        message.update(text=text, html=params.get("text"), edit_date=int(time.time()))
        _set_markup(message, markup)
        return _public(message)

    async def _api_editmessagereplymarkup(self, params: JSON) -> JSON | bool:
        markup = _checked_markup(params.get("reply_markup"))
        if params.get("inline_message_id"):
            return True
        message = self._find_message(params)
        _set_markup(message, markup)
        return _public(message)

    async def _api_deletemessage(self, params: JSON) -> bool:
        message = self._find_message(params)
        message["deleted"] = True
        return True

    async def _api_answercallbackquery(self, params: JSON) -> bool:
        text = params.get("text") or ""
        if len(text) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        self._resolve(
            f"cb:{params.get('callback_query_id')}",
            params,
            _QUERY_EXPIRED,
        )
        return True

    async def _api_answerinlinequery(self, params: JSON) -> bool:
        results = params.get("results") or []
        if len(results) > 50:
            raise bad_request("RESULTS_TOO_MUCH")
        ids = [str(r.get("id", "")) for r in results]
        if any(not 1 <= len(i.encode()) <= 64 for i in ids):
            raise bad_request("RESULT_ID_INVALID")
        if len(set(ids)) != len(ids):
            raise bad_request("RESULT_ID_DUPLICATE")
        if len((params.get("next_offset") or "").encode()) > 64:
            raise bad_request("NEXT_OFFSET_INVALID")
        for result in results:
            content = result.get("input_message_content") or {}
            _checked_text(content.get("message_text"), content.get("parse_mode"))
            _checked_markup(result.get("reply_markup"))
            if not result.get("title"):
                raise bad_request("RESULT_TITLE_EMPTY")
        self._resolve(
            f"iq:{params.get('inline_query_id')}",
            params,
            _QUERY_EXPIRED,
        )
        return True

    async def _api_sendchataction(self, params: JSON) -> bool:
        chat = self._chat(params.get("chat_id"))
        self._may_post(chat)
        if params.get("action") not in {
            "typing",
            "upload_photo",
            "record_video",
            "upload_video",
            "record_voice",
            "upload_voice",
            "upload_document",
            "choose_sticker",
            "find_location",
            "record_video_note",
            "upload_video_note",
        }:
            raise bad_request("wrong parameter action in request")
        return True

    async def _api_setmycommands(self, params: JSON) -> bool:
        commands = params.get("commands") or []
        if len(commands) > 100:
            raise bad_request("BOT_COMMANDS_TOO_MUCH")
        for command in commands:
            name, description = command.get("command", ""), command.get("description", "")
            if not (1 <= len(name) <= 32 and all(c.islower() or c.isdigit() or c == "_" for c in name)):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands = commands
        return True

    async def _api_deletemycommands(self, _: JSON) -> bool:
        self.commands = []
        return True

    async def _api_getchat(self, params: JSON) -> JSON:
        chat = self._chat(params.get("chat_id"))
        return {
            **chat.to_json(),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    async def _api_getchatmember(self, params: JSON) -> JSON:
        chat = self._chat(params.get("chat_id"))
        user_id = int(params.get("user_id") or 0)
        return self._member(chat, user_id)

    async def _api_getchatadministrators(self, params: JSON) -> list[JSON]:
        chat = self._chat(params.get("chat_id"))
        return [self._member(chat, user_id) for user_id in sorted(chat.admins)]

    async def _api_close(self, _: JSON) -> bool:
        return True

    async def _api_logout(self, _: JSON) -> bool:
        return True

    # -- state helpers -----------------------------------------------------------------------

    def _chat(self, chat_id: Any) -> Chat:
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            found = [c for c in self.chats.values() if c.username and f"@{c.username}".lower() == chat_id.lower()]
            if found:
                return found[0]
            raise bad_request("chat not found")
        try:
            return self.chats[int(chat_id)]
        except (TypeError, ValueError, KeyError):
            raise bad_request("chat not found") from None

    def _may_post(self, chat: Chat) -> None:
        if chat.bot_status == "kicked":
            if chat.type == "private":
                raise ApiError(403, "Forbidden: bot was blocked by the user")
            raise ApiError(
                403, f"Forbidden: bot was kicked from the {'channel' if chat.type == 'channel' else 'group'} chat"
            )
        if chat.type == "channel" and chat.bot_status != "administrator":
            raise ApiError(403, "Forbidden: bot is not a member of the channel chat")

    def _member(self, chat: Chat, user_id: int) -> JSON:
        if user_id == self.bot.id:
            status, user = chat.bot_status, self.bot
        else:
            user = self.users.get(user_id) or User(user_id, f"User {user_id}")
            status = "administrator" if user_id in chat.admins else "member" if user_id in chat.members else "left"
            if chat.type == "private" and chat.id == user_id:
                status = "member"
        if status == "kicked":
            return {"status": "kicked", "user": user.to_json(), "until_date": 0}
        if status == "administrator":
            return {"status": "administrator", "user": user.to_json(), **_ADMIN_RIGHTS}
        return {"status": status, "user": user.to_json()}

    def _flood(self, chat: Chat) -> None:
        limit = self.limits["private" if chat.type == "private" else "group"]
        now = time.monotonic()
        tokens, last = self._buckets.get(chat.id, (limit.burst, now))
        tokens = min(limit.burst, tokens + (now - last) * limit.per_second)
        if tokens < 1:
            wait = max(1, int((1 - tokens) / limit.per_second + 0.999))
            raise ApiError(429, f"Too Many Requests: retry after {wait}", wait)
        self._buckets[chat.id] = (tokens - 1, now)

    def _message(self, chat: Chat, sender: User | None, text: str, markup: JSON | None = None) -> JSON:
        message: JSON = {
            "message_id": next(self._message_ids[chat.id]),
            "date": int(time.time()),
            "chat": chat.to_json(),
            "text": text,
        }
        if sender is not None:
            message["from"] = sender.to_json()
        else:
            message["sender_chat"] = chat.to_json()
        _set_markup(message, markup)
        self.messages[chat.id][message["message_id"]] = message
        return message

    def _find_message(self, params: JSON) -> JSON:
        chat = self._chat(params.get("chat_id"))
        message = self.messages[chat.id].get(int(params.get("message_id") or 0))
        if message is None or message.get("deleted"):
            raise bad_request("message to edit not found")
        return message

    def _resolve(self, key: str, params: JSON, missing: str) -> None:
        future = self._answers.get(key)
        if future is None:
            raise bad_request(missing)
        if future.done():
            raise bad_request(missing)
        future.set_result(params)

    def _push(self, update: JSON) -> JSON:
        update = {"update_id": next(self._update_ids), **update}
        self._updates.append(update)
        self._new_update.set()
        return update

    async def _deliver_webhooks(self) -> None:
        async with ClientSession(timeout=ClientTimeout(total=10)) as session:
            while self._webhook is not None:
                hook = self._webhook
                ready = [u for u in self._updates if _allowed(u, hook["allowed_updates"])]
                if not ready:
                    self._new_update.clear()
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._new_update.wait(), 0.5)
                    continue
                update = ready[0]
                headers = {"X-Telegram-Bot-Api-Secret-Token": hook["secret_token"]} if hook["secret_token"] else {}
                try:
                    async with session.post(hook["url"], json=update, headers=headers) as response:
                        delivered = response.status == 200
                except Exception as error:  # noqa: BLE001 - any failure means: retry later
                    log.debug("webhook delivery failed: %s", error)
                    delivered = False
                if delivered:
                    with contextlib.suppress(ValueError):
                        self._updates.remove(update)
                else:
                    await asyncio.sleep(0.2)

    # -- the user's side ---------------------------------------------------------------------

    def add_user(self, user_id: int, first_name: str = "Alice", username: str | None = None) -> User:
        user = User(user_id, first_name, username)
        self.users[user_id] = user
        self.chats.setdefault(user_id, Chat(user_id, "private", first_name=first_name, username=username))
        return user

    def add_group(self, chat_id: int, title: str, admins: Iterable[int] = (), members: Iterable[int] = ()) -> Chat:
        chat = Chat(chat_id, "supergroup", title=title, admins=set(admins), members=set(members) | set(admins))
        self.chats[chat_id] = chat
        return chat

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

    def send(self, user_id: int, text: str, chat_id: int | None = None, reply_to: int | None = None) -> JSON:
        """A user sends ``text`` in a chat (their private chat with the bot by default)."""
        user = self.users[user_id]
        chat = self.chats[chat_id if chat_id is not None else user_id]
        message = self._message(chat, user, text)
        entities = _command_entities(text)
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = _public(self.messages[chat.id][reply_to])
        return self._push({"message": _public(message)})

    def post_in_channel(self, chat_id: int, text: str) -> JSON:
        chat = self.chats[chat_id]
        message = self._message(chat, None, text)
        entities = _command_entities(text)
        if entities:
            message["entities"] = entities
        return self._push({"channel_post": _public(message)})

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
                    "message": _public(message),
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
        self, user_id: int, text: str, chat_id: int | None = None, count: int = 1, timeout: float = 10
    ) -> list[JSON]:
        """Send ``text`` and wait for ``count`` new bot messages in that chat."""
        chat = chat_id if chat_id is not None else user_id
        before = len(self.sent_to(chat))
        self.send(user_id, text, chat_id)
        return await self.wait_for(
            lambda: self.sent_to(chat)[before:] if len(self.sent_to(chat)) >= before + count else None, timeout
        )


_ADMIN_RIGHTS = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": True,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
    "can_post_messages": True,
    "can_edit_messages": True,
}


async def _params(request: web.Request) -> JSON:
    if request.content_type == "application/json":
        raw = await request.json()
        return dict(raw) if isinstance(raw, dict) else {}
    form = dict(await request.post()) if request.can_read_body else {}
    params: JSON = {**dict(request.query), **{k: v for k, v in form.items() if isinstance(v, str)}}
    for key, value in list(params.items()):
        if key in _JSON_PARAMS:
            try:
                params[key] = json.loads(value)
            except ValueError:
                raise ApiError(400, f"Bad Request: can't parse {key} JSON object") from None
        elif key in _INT_PARAMS and isinstance(value, str) and value.lstrip("-").isdigit():
            params[key] = int(value)
        elif value in ("true", "false"):
            params[key] = value == "true"
    return params


def _checked_text(text: Any, parse_mode: Any) -> str:
    if not isinstance(text, str) or not text.strip():
        raise bad_request("message text is empty")
    if parse_mode not in (None, "HTML"):
        raise bad_request(f"unsupported parse_mode {parse_mode!r} (this server checks HTML only)")
    if parse_mode == "HTML":
        try:
            text = visible_text(text)
        except EntityError as error:
            raise bad_request(str(error)) from None
    if not text.strip():
        raise bad_request("message text is empty")
    if utf16_len(text) > 4096:
        raise bad_request("message is too long")
    return text


def _checked_markup(markup: Any) -> JSON | None:
    if markup is None:
        return None
    rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
    if rows is None:
        return markup if isinstance(markup, dict) else None
    for row in rows:
        for button in row:
            if not button.get("text"):
                raise bad_request("BUTTON_TEXT_INVALID")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                raise bad_request("BUTTON_DATA_INVALID")
    return markup


def _set_markup(message: JSON, markup: JSON | None) -> None:
    if markup and markup.get("inline_keyboard"):
        message["reply_markup"] = markup
    else:
        message.pop("reply_markup", None)


def _public(message: JSON) -> JSON:
    return {k: v for k, v in message.items() if k not in ("html", "deleted")}


def _allowed(update: JSON, allowed: Any) -> bool:
    if not allowed:
        return True
    return any(key in update for key in allowed)


def _command_entities(text: str) -> list[JSON]:
    if not text.startswith("/"):
        return []
    word = text.split(maxsplit=1)[0]
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(word)}]
