"""One error handler: log first, with context and never the token, then tell the user."""

from __future__ import annotations

import logging
import re
import traceback

from telegram import Update
from telegram.error import TelegramError

from .context import BotContext

log = logging.getLogger(__name__)

SORRY = "Sorry, something went wrong on my side. Please try again in a moment."


async def on_error(update: object, context: BotContext) -> None:
    chat = update.effective_chat if isinstance(update, Update) else None
    user = update.effective_user if isinstance(update, Update) else None
    log.error(
        "error handling update %s (chat %s, user %s)",
        update.update_id if isinstance(update, Update) else "-",
        chat.id if chat else "-",
        user.id if user else "-",
        exc_info=context.error,
    )
    if chat is None or chat.type == "channel":
        return
    try:
        await context.bot.send_message(chat.id, SORRY)
    except TelegramError:
        log.warning("could not tell chat %s about the error", chat.id)


def install_redaction(secret: str) -> None:
    """Redact ``secret`` from every log record from now on, wherever it is handled.

    Done where records are made (the record factory), so no handler, formatter or test capture
    can see the secret: not in the message, its arguments, or an exception's traceback (httpx
    puts request URLs, which hold the token, in its exception messages).
    """
    if not secret:
        return
    pattern = re.compile(re.escape(secret))
    previous = logging.getLogRecordFactory()

    def redacted(*args: object, **kwargs: object) -> logging.LogRecord:
        record = previous(*args, **kwargs)  # type: ignore[arg-type]
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            trace = "".join(traceback.format_exception(*record.exc_info))
            record.exc_text = pattern.sub("<token>", trace.rstrip("\n"))
            record.exc_info = None
        record.msg, record.args = pattern.sub("<token>", message), None
        return record

    logging.setLogRecordFactory(redacted)


def configure_logging(level: str, *secrets: str) -> None:
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=level.upper())
    install_privacy()
    for secret in secrets:
        install_redaction(secret)
    logging.getLogger("httpx").setLevel(logging.WARNING)


def install_privacy() -> None:
    """From now on, PTB's DEBUG lines show sizes where they would print whole updates, request
    parameters and answers (pasted texts, names, user ids); the bot logs each update's kind, ids
    and size itself (``update_summary``). Installed before the redaction, which reads the result."""
    previous = logging.getLogRecordFactory()

    def private(*args: object, **kwargs: object) -> logging.LogRecord:
        record = previous(*args, **kwargs)  # type: ignore[arg-type]
        if record.levelno <= logging.DEBUG and record.name.startswith("telegram") and record.args:
            values = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(_sized(value) for value in values)
        return record

    logging.setLogRecordFactory(private)


def _sized(value: object) -> object:
    """A log argument that may hold what people wrote, as its size; short scalars as they are."""
    if isinstance(value, Update):
        return f"update {value.update_id}"
    if isinstance(value, dict | list | tuple | set):
        return f"<{len(value)} items>"
    if isinstance(value, str | bytes) and len(value) > 100:
        return f"<{len(value)} characters>"
    if isinstance(value, str | bytes | int | float | bool) or value is None:
        return value
    return f"<{type(value).__name__}>"


def update_summary(update: Update) -> str:
    """What the DEBUG log says of an update: its kind, ids and size, never its text or names."""
    kind = next((name for name in _UPDATE_KINDS if getattr(update, name, None) is not None), "other")
    chat = update.effective_chat
    message = update.effective_message
    text = (message.text or message.caption or "") if message else ""
    if update.inline_query:
        text = update.inline_query.query
    if update.callback_query:
        text = update.callback_query.data or ""
    where = f"chat {chat.id}" if chat else "no chat"
    return f"update {update.update_id}: {kind}, {where}, {len(text)} characters"


_UPDATE_KINDS = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "callback_query",
    "inline_query",
    "chosen_inline_result",
    "my_chat_member",
    "chat_member",
)
