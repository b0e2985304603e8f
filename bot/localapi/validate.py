"""Requests read and checked as Telegram does: parameters, HTML text, reply markup; and the
message and update shapes the server answers with."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from .faults import ApiError, bad_request
from .html import EntityError, utf16_len, visible_text

JSON = dict[str, Any]
JSON_PARAMS = {
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
INT_PARAMS = {"message_id", "offset", "limit", "timeout", "user_id", "cache_time", "max_connections"}


async def read_params(request: web.Request) -> JSON:
    if request.content_type == "application/json":
        raw = await request.json()
        return dict(raw) if isinstance(raw, dict) else {}
    form = dict(await request.post()) if request.can_read_body else {}
    params: JSON = {**dict(request.query), **{k: v for k, v in form.items() if isinstance(v, str | web.FileField)}}
    for key, value in list(params.items()):
        if key in JSON_PARAMS:
            try:
                params[key] = json.loads(value)
            except ValueError:
                raise ApiError(400, f"Bad Request: can't parse {key} JSON object") from None
        elif key in INT_PARAMS and isinstance(value, str) and value.lstrip("-").isdigit():
            params[key] = int(value)
        elif value in ("true", "false"):
            params[key] = value == "true"
    return params


def checked_text(text: Any, parse_mode: Any) -> str:
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


def checked_markup(markup: Any) -> JSON | None:
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


def set_markup(message: JSON, markup: JSON | None) -> None:
    if markup and markup.get("inline_keyboard"):
        message["reply_markup"] = markup
    else:
        message.pop("reply_markup", None)


def public(message: JSON) -> JSON:
    return {k: v for k, v in message.items() if k not in ("html", "deleted")}


def is_allowed(update: JSON, allowed: Any) -> bool:
    if not allowed:
        return True
    return any(key in update for key in allowed)


def command_entities(text: str) -> list[JSON]:
    if not text.startswith("/"):
        return []
    word = text.split(maxsplit=1)[0]
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(word)}]
