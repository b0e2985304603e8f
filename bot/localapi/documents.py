"""Documents the bot sends, as the Bot API takes them: sendDocument with a multipart upload
(a file field, or ``attach://`` naming one). Strict like Telegram: a non-empty file of at most
50 MB, a caption of at most 1024 characters after its entities are parsed. The files people send
and getFile's downloads live in ``files.py``."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .faults import ApiError, bad_request
from .html import utf16_len
from .routes import BotApiRoutes
from .validate import JSON, checked_text, public

UPLOAD_MAX_BYTES = 50 * 1024 * 1024
CAPTION_LIMIT = 1024


class DocumentRoutes(BotApiRoutes):
    """sendDocument, and what a test reads back of the documents the bot sent."""

    async def _api_senddocument(self, params: JSON) -> JSON:
        chat = self._chat(params.get("chat_id"))
        self._may_post(chat)
        upload = params.get("document")
        if isinstance(upload, str) and upload.startswith("attach://"):
            upload = params.get(upload.removeprefix("attach://"))
        if not isinstance(upload, web.FileField):
            raise bad_request("there is no document in the request")
        data = upload.file.read()
        if not data:
            raise bad_request("file must be non-empty")
        if len(data) > UPLOAD_MAX_BYTES:
            raise ApiError(413, "Request Entity Too Large")
        caption = _checked_caption(params.get("caption"), params.get("parse_mode"))
        thread = self._thread(chat, params)
        self._flood(chat)
        message = self._message(chat, self.bot, "", thread=thread)
        del message["text"]
        message["document"] = self.files.add(data, upload.filename, upload.content_type)
        if caption:
            message["caption"] = caption
        self.sent.append(message)
        return public(message)

    def document_of(self, message: JSON) -> bytes:
        """The bytes of a document in a message (what a user would download)."""
        return self.files.files[message["document"]["file_id"]].data


def _checked_caption(caption: Any, parse_mode: Any) -> str:
    if caption in (None, ""):
        return ""
    text = checked_text(caption, parse_mode)
    if utf16_len(text) > CAPTION_LIMIT:
        raise bad_request("message caption is too long")
    return text
