"""The Bot API methods the server implements, each as Telegram answers it, and webhook delivery."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from aiohttp import ClientSession, ClientTimeout

from .faults import ApiError, bad_request
from .state import ChatState
from .validate import JSON, checked_markup, checked_text, is_allowed, public, set_markup

log = logging.getLogger(__name__)

DELETE_SECONDS = 48 * 3600
"""How old a message may be and still be deleted by a bot."""
QUERY_EXPIRED = "query is too old and response timeout expired or query ID is invalid"


class BotApiRoutes(ChatState):
    """``_api_<method>`` for every Bot API method this bot uses."""

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
            ready = [u for u in self._updates if is_allowed(u, allowed)]
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
        text = checked_text(params.get("text"), params.get("parse_mode"))
        markup = checked_markup(params.get("reply_markup"))
        thread = self._thread(chat, params)
        self._flood(chat)
        message = self._message(chat, self.bot, text, markup, thread)
        message["html"] = params.get("text")
        self.sent.append(message)
        return public(message)

    async def _api_editmessagetext(self, params: JSON) -> JSON | bool:
        text = checked_text(params.get("text"), params.get("parse_mode"))
        markup = checked_markup(params.get("reply_markup"))
        if params.get("inline_message_id"):
            return True
        message = self._find_message(params)
        if message["text"] == text and message.get("reply_markup") == markup:
            raise bad_request(
                "message is not modified: specified new message content and reply markup are exactly "
                "the same as a current content and reply markup of the message"
            )
        message.update(text=text, html=params.get("text"), edit_date=int(time.time()))
        set_markup(message, markup)
        return public(message)

    async def _api_editmessagereplymarkup(self, params: JSON) -> JSON | bool:
        markup = checked_markup(params.get("reply_markup"))
        if params.get("inline_message_id"):
            return True
        message = self._find_message(params)
        set_markup(message, markup)
        return public(message)

    async def _api_deletemessage(self, params: JSON) -> bool:
        """As Telegram allows: within 48 hours; the bot's own messages anywhere but in channels,
        where it must be an admin (who posts and deletes), as in groups for others' messages."""
        chat = self._chat(params.get("chat_id"))
        message = self.messages[chat.id].get(int(params.get("message_id") or 0))
        if message is None or message.get("deleted"):
            raise bad_request("message to delete not found")
        own = message.get("from", {}).get("id") == self.bot.id
        admin = chat.bot_status == "administrator"
        allowed = admin if chat.type == "channel" or not own else chat.bot_status != "kicked"
        if not allowed or time.time() - message["date"] > DELETE_SECONDS:
            raise bad_request("message can't be deleted")
        message["deleted"] = True
        return True

    async def _api_answercallbackquery(self, params: JSON) -> bool:
        text = params.get("text") or ""
        if len(text) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        self._resolve(
            f"cb:{params.get('callback_query_id')}",
            params,
            QUERY_EXPIRED,
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
            checked_text(content.get("message_text"), content.get("parse_mode"))
            checked_markup(result.get("reply_markup"))
            if not result.get("title"):
                raise bad_request("RESULT_TITLE_EMPTY")
        self._resolve(
            f"iq:{params.get('inline_query_id')}",
            params,
            QUERY_EXPIRED,
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
        key = self._scope_key(params)
        self.scoped_commands[key] = commands
        if key == "default":
            self.commands = commands
        return True

    async def _api_getmycommands(self, params: JSON) -> list[JSON]:
        return self.scoped_commands.get(self._scope_key(params), [])

    async def _api_deletemycommands(self, params: JSON) -> bool:
        key = self._scope_key(params)
        self.scoped_commands.pop(key, None)
        if key == "default":
            self.commands = []
        return True

    async def _api_setmydescription(self, params: JSON) -> bool:
        self.descriptions[self._language(params)] = _checked_description(params.get("description"), 512)
        return True

    async def _api_getmydescription(self, params: JSON) -> JSON:
        return {"description": self.descriptions.get(self._language(params), "")}

    async def _api_setmyshortdescription(self, params: JSON) -> bool:
        self.short_descriptions[self._language(params)] = _checked_description(params.get("short_description"), 120)
        return True

    async def _api_getmyshortdescription(self, params: JSON) -> JSON:
        return {"short_description": self.short_descriptions.get(self._language(params), "")}

    def _scope_key(self, params: JSON) -> str:
        """Where a command list applies, as Telegram tells scopes apart: its type, its chat (and
        member) for the per-chat scopes, and its language."""
        scope = params.get("scope") or {"type": "default"}
        kind = scope.get("type") if isinstance(scope, dict) else None
        if kind in ("default", "all_private_chats", "all_group_chats", "all_chat_administrators"):
            key = str(kind)
        elif kind in ("chat", "chat_administrators", "chat_member"):
            chat = self._chat(scope.get("chat_id"))
            key = f"{kind}:{chat.id}"
            if kind == "chat_member":
                if not scope.get("user_id"):
                    raise bad_request("user_id is required for the chat_member scope")
                key += f":{scope['user_id']}"
        else:
            raise bad_request("wrong parameter scope: unsupported scope type")
        language = self._language(params)
        return f"{key}/{language}" if language else key

    @staticmethod
    def _language(params: JSON) -> str:
        language = params.get("language_code") or ""
        if language and not (len(language) == 2 and language.isascii() and language.isalpha()):
            raise bad_request("invalid language code specified")
        return str(language)

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

    async def _api_getfile(self, params: JSON) -> JSON:
        try:
            return self.files.get_file(params.get("file_id"))
        except ValueError as error:
            raise bad_request(str(error)) from None

    async def _api_close(self, _: JSON) -> bool:
        return True

    async def _api_logout(self, _: JSON) -> bool:
        return True

    async def _deliver_webhooks(self) -> None:
        async with ClientSession(timeout=ClientTimeout(total=10)) as session:
            while self._webhook is not None:
                hook = self._webhook
                ready = [u for u in self._updates if is_allowed(u, hook["allowed_updates"])]
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


def _checked_description(text: object, limit: int) -> str:
    """A bot description as Telegram takes it: a string of at most ``limit`` characters ("" clears)."""
    if text is None:
        return ""
    if not isinstance(text, str) or len(text) > limit:
        raise bad_request("BOT_DESCRIPTION_INVALID" if limit > 120 else "BOT_ABOUT_INVALID")
    return text
