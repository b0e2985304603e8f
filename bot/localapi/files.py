"""Files users send, as the Bot API serves them: getFile, then a download by the path it gave.

Strict like Telegram: getFile refuses unknown ids and files over 20 MB; a path works only once
getFile has issued it, only with the bot's token, and only until it expires (an hour).
"""

from __future__ import annotations

import itertools
import secrets
import time
from dataclasses import dataclass
from typing import Any

from aiohttp import web

GETFILE_MAX_BYTES = 20 * 1024 * 1024
"""The largest file the Bot API lets a bot download."""
PATH_SECONDS = 3600
"""How long a download path from getFile stays valid."""

JSON = dict[str, Any]


@dataclass(frozen=True)
class StoredFile:
    file_id: str
    unique_id: str
    data: bytes
    name: str | None
    mime_type: str | None


class FileStore:
    """The files users sent, by file id, and the download paths getFile handed out."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.files: dict[str, StoredFile] = {}
        self.downloads: list[str] = []
        self._paths: dict[str, tuple[str, float]] = {}
        self._numbers = itertools.count(1)

    def add(self, data: bytes, name: str | None, mime_type: str | None) -> JSON:
        """Keep a file a user sends; returns its Document object."""
        file_id, unique_id = f"BQAC{secrets.token_urlsafe(24)}", f"AgAD{secrets.token_urlsafe(8)}"
        stored = StoredFile(file_id, unique_id, data, name, mime_type)
        self.files[stored.file_id] = stored
        document: JSON = {"file_id": stored.file_id, "file_unique_id": stored.unique_id, "file_size": len(data)}
        if name:
            document["file_name"] = name
        if mime_type:
            document["mime_type"] = mime_type
        return document

    def get_file(self, file_id: Any) -> JSON:
        """The File object for ``file_id``, with a fresh download path; ValueError as Telegram words it."""
        stored = self.files.get(file_id) if isinstance(file_id, str) else None
        if stored is None:
            raise ValueError("invalid file_id")
        if len(stored.data) > GETFILE_MAX_BYTES:
            raise ValueError("file is too big")
        suffix = (stored.name or "").rpartition(".")[2].lower() if "." in (stored.name or "") else ""
        path = f"documents/file_{next(self._numbers)}{'.' + suffix if suffix.isalnum() else ''}"
        self._paths[path] = (file_id, time.monotonic() + PATH_SECONDS)
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.unique_id,
            "file_size": len(stored.data),
            "file_path": path,
        }

    async def download(self, request: web.Request) -> web.Response:
        """GET /file/bot<token>/<path>: the file's bytes, or Telegram's 401 / 404."""
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        path = request.match_info["path"]
        issued = self._paths.get(path)
        if issued is None or issued[1] < time.monotonic():
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        self.downloads.append(path)
        return web.Response(body=self.files[issued[0]].data, content_type="application/octet-stream")
