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
    for secret in secrets:
        install_redaction(secret)
    logging.getLogger("httpx").setLevel(logging.WARNING)
