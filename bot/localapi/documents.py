"""Documents both ways, as the Bot API handles them: a bot sends one with sendDocument (a
multipart upload), a user sends one and the bot reads it with getFile and a download from
``/file/bot<token>/<path>``. Strict like Telegram: an upload must be a non-empty file of at most
50 MB with a caption of at most 1024 characters; getFile refuses unknown ids and files over 20 MB;
a download path works only with the bot's token and only once getFile has issued it."""

from __future__ import annotations

import itertools
import secrets
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from .faults import ApiError, bad_request
from .html import utf16_len
from .routes import BotApiRoutes
from .validate import JSON, checked_text, public

UPLOAD_MAX_BYTES = 50 * 1024 * 1024
DOWNLOAD_MAX_BYTES = 20 * 1024 * 1024
CAPTION_LIMIT = 1024


@dataclass
class Files:
    """The files the server holds by file id, and the download paths it handed out."""

    data: dict[str, tuple[bytes, str | None]] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)
    numbers: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def add(self, data: bytes, name: str | None, mime_type: str | None) -> JSON:
        """Keep a file; its Document object."""
        file_id = f"BQAC{secrets.token_urlsafe(24)}"
        self.data[file_id] = (data, name)
        document: JSON = {"file_id": file_id, "file_unique_id": f"AgAD{secrets.token_urlsafe(8)}"}
        document["file_size"] = len(data)
        if name:
            document["file_name"] = name
        if mime_type:
            document["mime_type"] = mime_type
        return document


class DocumentRoutes(BotApiRoutes):
    """sendDocument, getFile and file downloads, with the user's side of sending a document."""

    files: Files

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

    async def _api_getfile(self, params: JSON) -> JSON:
        file_id = params.get("file_id")
        if not isinstance(file_id, str) or file_id not in self.files.data:
            raise bad_request("invalid file_id")
        data, name = self.files.data[file_id]
        if len(data) > DOWNLOAD_MAX_BYTES:
            raise bad_request("file is too big")
        suffix = name.rpartition(".")[2] if name and "." in name else ""
        path = f"documents/file_{next(self.files.numbers)}{'.' + suffix if suffix.isalnum() else ''}"
        self.files.paths[path] = file_id
        return {"file_id": file_id, "file_unique_id": file_id[-8:], "file_size": len(data), "file_path": path}

    async def _download(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        file_id = self.files.paths.get(request.match_info["path"])
        if file_id is None:
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        return web.Response(body=self.files.data[file_id][0], content_type="application/octet-stream")

    def document_of(self, message: JSON) -> bytes:
        """The bytes of a document the bot sent (for tests reading what a user would download)."""
        return self.files.data[message["document"]["file_id"]][0]

    def send_document(
        self,
        user_id: int,
        data: bytes,
        name: str,
        chat_id: int | None = None,
        caption: str | None = None,
        mime_type: str = "application/octet-stream",
    ) -> JSON:
        """A user sends a file, with a caption (a command in it is a bot_command entity)."""
        user = self.users[user_id]
        chat = self.chats[chat_id if chat_id is not None else user_id]
        message = self._message(chat, user, "")
        del message["text"]
        message["document"] = self.files.add(data, name, mime_type)
        if caption:
            message["caption"] = caption
            if caption.startswith("/"):
                word = caption.split(maxsplit=1)[0]
                message["caption_entities"] = [{"type": "bot_command", "offset": 0, "length": utf16_len(word)}]
        return self._push({"message": public(message)})


def _checked_caption(caption: Any, parse_mode: Any) -> str:
    if caption in (None, ""):
        return ""
    text = checked_text(caption, parse_mode)
    if utf16_len(text) > CAPTION_LIMIT:
        raise bad_request("message caption is too long")
    return text
