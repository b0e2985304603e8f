"""``python -m bot --local``: try the bot in a terminal, with no token and no internet.

It starts the local Bot API server on 127.0.0.1, runs the real bot against it (polling, its own
SQLite file) and lets you chat as a user: type messages and commands; ``@ words`` sends an
inline query; ``!1``, ``!2``... presses a button under the last message; ``!group TEXT`` posts
in a group where you are an admin; ``!file PATH`` sends a document; ``!quit`` leaves. A paste of
many lines is one message, split like Telegram's apps split a text over 4096 characters.
"""

from __future__ import annotations

import asyncio
import contextlib
import mimetypes
import sys
import threading
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from ..app import build_application, running
from ..settings import Settings
from .client import telegram_split
from .html import visible_text
from .server import LocalBotApi

YOU = 4242
GROUP = -1004242
HELP = (
    "Type a command (/help, /latest, /search election, /summarize ID) or paste an article.\n"
    "  @ words  inline query   !N  press button N   !group TEXT  say it in a group\n"
    "  !file PATH  send a document   !quit  leave   (a multi-line paste is one message)"
)


async def playground(database: Path) -> None:
    async with LocalBotApi() as api:
        api.add_user(YOU, "You", "you")
        api.add_group(GROUP, "Playground group", admins=[YOU])
        settings = Settings(
            bot_token=SecretStr(api.token), bot_api_base_url=api.base_url, database=str(database), log_level="WARNING"
        )
        async with running(build_application(settings)):
            print(f"Local Bot API on {api.base_url[:-4]} · store {database}\n{HELP}\n")
            await _chat(api)


PASTE_SECONDS = 0.05
"""Lines that come within this of each other are one paste, so one message, as in an app."""


class _Typed:
    """Standard input, read line by line on a thread, handed to the event loop a message at a
    time: lines that arrive together are one paste, except that a command (/), an inline query
    (@) or an action (!) always starts a message of its own."""

    def __init__(self) -> None:
        self.lines: asyncio.Queue[str | None] = asyncio.Queue()
        self._pending: list[str | None] = []
        loop = asyncio.get_running_loop()
        threading.Thread(target=self._read, args=(loop,), daemon=True).start()

    def _read(self, loop: asyncio.AbstractEventLoop) -> None:
        for line in sys.stdin:
            loop.call_soon_threadsafe(self.lines.put_nowait, line.rstrip("\n"))
        loop.call_soon_threadsafe(self.lines.put_nowait, None)

    async def message(self) -> str | None:
        """The next message; None at the end of input."""
        if not self._pending:
            print("you> ", end="", flush=True)
        first = self._pending.pop() if self._pending else await self.lines.get()
        if first is None:
            return None
        lines = [first]
        while True:
            try:
                line = await asyncio.wait_for(self.lines.get(), PASTE_SECONDS)
            except TimeoutError:
                return "\n".join(lines)
            if line is None or line.startswith(("/", "@", "!")):
                self._pending.append(line)
                return "\n".join(lines)
            lines.append(line)


async def _chat(api: LocalBotApi) -> None:
    last: dict[str, Any] | None = None
    typed = _Typed()
    while True:
        text = await typed.message()
        if text is None or text.strip() == "!quit":
            return
        text = text.strip()
        if not text:
            continue
        try:
            last = await _act(api, text, last)
        except TimeoutError:
            print("  (no answer from the bot)")


async def _act(api: LocalBotApi, line: str, last: dict[str, Any] | None) -> dict[str, Any] | None:
    if line.startswith("@"):
        answer = await api.inline_query(YOU, line[1:].strip())
        for number, result in enumerate(answer["results"][:10], start=1):
            print(f"  {number}. {result['title']}\n     {result.get('description', '')}")
        return last
    if line.startswith("!group "):
        return await _say(api, line[7:], GROUP) or last
    if line.startswith("!file "):
        return await _send_file(api, Path(line[6:].strip()).expanduser()) or last
    if line[:1] == "!" and line[1:].isdigit() and last:
        buttons = [b for row in last.get("reply_markup", {}).get("inline_keyboard", []) for b in row]
        index = int(line[1:]) - 1
        if not 0 <= index < len(buttons):
            print("  (no such button)")
            return last
        chat = last["chat"]["id"]
        before = api.messages[chat][last["message_id"]]["text"]
        await api.press(YOU, chat, last["message_id"], buttons[index]["callback_data"])
        await api.wait_for(lambda: api.messages[chat][last["message_id"]]["text"] != before, 5)
        edited = api.messages[chat][last["message_id"]]
        _show([edited])
        return edited
    return await _say(api, line, YOU) or last


async def _say(api: LocalBotApi, text: str, chat: int) -> dict[str, Any] | None:
    """Send as you (in parts, if the app would split it), then show what the bot sends back."""
    before = len(api.sent_to(chat))
    for part in telegram_split(text):
        api.send(YOU, part, chat)
    return await _replies(api, chat, before)


async def _send_file(api: LocalBotApi, path: Path) -> dict[str, Any] | None:
    try:
        data = path.read_bytes()
    except OSError as error:
        print(f"  (can't read {path}: {error.strerror})")
        return None
    before = len(api.sent_to(YOU))
    api.send_document(YOU, data, path.name, mimetypes.guess_type(path.name)[0])
    return await _replies(api, YOU, before)


async def _replies(api: LocalBotApi, chat: int, before: int) -> dict[str, Any] | None:
    """Show every message the bot sends to ``chat`` after the first ``before``, within a moment."""
    await api.wait_for(lambda: len(api.sent_to(chat)) > before, 15)
    await asyncio.sleep(0.5)
    replies = api.sent_to(chat)[before:]
    _show(replies)
    return replies[-1] if replies else None


def _show(messages: list[dict[str, Any]]) -> None:
    for message in messages:
        text = visible_text(message["html"]) if message.get("html") else message["text"]
        print("\n".join(f"  │ {row}" for row in text.splitlines()))
        buttons = [b["text"] for row in message.get("reply_markup", {}).get("inline_keyboard", []) for b in row]
        if buttons:
            print("  " + "  ".join(f"[!{n}] {label}" for n, label in enumerate(buttons, start=1)))
        print()


def main(database: Path) -> int:
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(playground(database))
    print("bye", file=sys.stderr)
    return 0
