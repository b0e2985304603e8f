"""What the local Bot API server remembers: chats, users, messages, the calls it got and the
updates waiting for the bot, with the helpers that read and change them."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from .faults import GROUP_LIMIT, OVERALL_LIMIT, PRIVATE_LIMIT, ApiError, Faults, FloodLimit, WindowLimit, bad_request
from .files import FileStore
from .validate import JSON, set_markup


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
    is_forum: bool = False
    topics: dict[int, str] = field(default_factory=dict)
    """A forum's open topics by thread id (the General topic is not one: it has no thread id)."""

    def to_json(self) -> JSON:
        data: JSON = {"id": self.id, "type": self.type}
        for key in ("title", "username", "first_name", "is_forum"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        return data


@dataclass
class User:
    id: int
    first_name: str
    username: str | None = None
    is_bot: bool = False
    language_code: str | None = None
    """The IETF tag of the user's Telegram language ("ru", "pt-br"), as updates carry it."""

    def to_json(self) -> JSON:
        data: JSON = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        if self.username:
            data["username"] = self.username
        if self.language_code:
            data["language_code"] = self.language_code
        return data


@dataclass
class Call:
    method: str
    params: JSON
    error: str | None = None
    at: float = field(default_factory=time.monotonic)


ADMIN_RIGHTS = {
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


class ChatState:
    """The server's memory: chats, users, messages, pending updates and answers, flood buckets."""

    def __init__(
        self,
        token: str = "123456:LOCAL-TEST-TOKEN",
        *,
        private_limit: FloodLimit = PRIVATE_LIMIT,
        group_limit: WindowLimit = GROUP_LIMIT,
        overall_limit: WindowLimit = OVERALL_LIMIT,
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
        """The default scope's command menu (``scoped_commands["default"]``)."""
        self.scoped_commands: dict[str, list[JSON]] = {}
        self.descriptions: dict[str, str] = {}
        self.short_descriptions: dict[str, str] = {}
        """The bot's description and short description, by language code ("" for all)."""
        self.faults = Faults()
        self.held = 0
        """Requests being held by a "slow" fault right now, not yet carried out (they will be)."""
        self.private_limit = private_limit
        self.windows = {"group": group_limit, "overall": overall_limit}
        self._buckets: dict[int, tuple[float, float]] = {}
        self._sends: dict[int | str, deque[float]] = defaultdict(deque)
        self._updates: deque[JSON] = deque()
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self._query_ids = itertools.count(1)
        self._new_update = asyncio.Event()
        self._changed = asyncio.Event()
        self._answers: dict[str, asyncio.Future[JSON]] = {}
        self._webhook: JSON | None = None
        self._webhook_task: asyncio.Task[None] | None = None
        self.files = FileStore(token)

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
            return {"status": "administrator", "user": user.to_json(), **ADMIN_RIGHTS}
        return {"status": status, "user": user.to_json()}

    def _flood(self, chat: Chat) -> None:
        """Refuse a message over a flood limit with 429, as Telegram does."""
        now = time.monotonic()
        waits = [self._window_wait("overall", "overall", now)]
        if chat.type == "private":
            waits.append(self._bucket_wait(chat.id, now))
        else:
            waits.append(self._window_wait(chat.id, "group", now))
        wait = max(waits)
        if wait > 0:
            raise ApiError(
                429, f"Too Many Requests: retry after {max(1, int(wait + 0.999))}", max(1, int(wait + 0.999))
            )
        self._sends["overall"].append(now)
        if chat.type != "private":
            self._sends[chat.id].append(now)
        else:
            tokens, _ = self._buckets[chat.id]
            self._buckets[chat.id] = (tokens - 1, now)

    def _window_wait(self, key: int | str, kind: str, now: float) -> float:
        limit, sends = self.windows[kind], self._sends[key]
        while sends and sends[0] <= now - limit.seconds:
            sends.popleft()
        return 0.0 if len(sends) < limit.count else sends[0] + limit.seconds - now

    def _bucket_wait(self, chat_id: int, now: float) -> float:
        limit = self.private_limit
        tokens, last = self._buckets.get(chat_id, (limit.burst, now))
        tokens = min(limit.burst, tokens + (now - last) * limit.per_second)
        self._buckets[chat_id] = (tokens, now)
        return 0.0 if tokens >= 1 else (1 - tokens) / limit.per_second

    def _thread(self, chat: Chat, params: JSON) -> int | None:
        """The forum topic a message is sent to, checked like Telegram: an open topic of a forum
        or none (the chat itself, a forum's General topic). Thread 1 (General) is refused too."""
        thread = params.get("message_thread_id")
        if thread in (None, ""):
            return None
        try:
            number = int(thread)
        except (TypeError, ValueError):
            raise bad_request("message thread not found") from None
        if not chat.is_forum or number not in chat.topics:
            raise bad_request("message thread not found")
        return number

    def _message(
        self, chat: Chat, sender: User | None, text: str, markup: JSON | None = None, thread: int | None = None
    ) -> JSON:
        message: JSON = {
            "message_id": next(self._message_ids[chat.id]),
            "date": int(time.time()),
            "chat": chat.to_json(),
            "text": text,
        }
        if thread is not None:
            message.update(message_thread_id=thread, is_topic_message=True)
        if sender is not None:
            message["from"] = sender.to_json()
        else:
            message["sender_chat"] = chat.to_json()
        set_markup(message, markup)
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
