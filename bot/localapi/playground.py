"""``python -m bot --local``: try the bot in a terminal, with no token and no internet.

It starts the local Bot API server on 127.0.0.1, runs the real bot against it (polling, its own
SQLite file) and lets you chat as a user: type messages and commands; ``@ words`` sends an
inline query; ``!1``, ``!2``... presses a button under the last message; ``!group TEXT`` posts
in a group where you are an admin; ``!quit`` leaves.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from ..app import build_application, running
from ..settings import Settings
from .html import visible_text
from .server import LocalBotApi

YOU = 4242
GROUP = -1004242
HELP = (
    "Type a command (/help, /latest, /search election, /summarize ID) or paste an article.\n"
    "  @ words  inline query   !N  press button N   !group TEXT  say it in a group   !quit  leave"
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


async def _chat(api: LocalBotApi) -> None:
    last: dict[str, Any] | None = None
    while True:
        line = await asyncio.to_thread(_read)
        if line is None or line.strip() == "!quit":
            return
        line = line.strip()
        if not line:
            continue
        try:
            last = await _act(api, line, last)
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
    """Send as you, then show every message the bot sends back within a moment."""
    before = len(api.sent_to(chat))
    api.send(YOU, text, chat)
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


def _read() -> str | None:
    try:
        return input("you> ")
    except EOFError:
        return None


def main(database: Path) -> int:
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(playground(database))
    print("bye", file=sys.stderr)
    return 0
