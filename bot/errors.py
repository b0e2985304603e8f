"""One error handler: log first, with context and never the token, then tell the user."""

from __future__ import annotations

import logging
import re

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


class RedactToken(logging.Filter):
    """Replaces the bot token, wherever it appears in a log record, with a placeholder."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._pattern = re.compile(re.escape(token)) if token else None

    def filter(self, record: logging.LogRecord) -> bool:
        if self._pattern is None:
            return True
        message = record.getMessage()
        if self._pattern.search(message) or (record.exc_info and record.exc_info[1] is not None):
            record.msg = self._pattern.sub("<token>", message)
            record.args = None
            if record.exc_info and record.exc_info[1] is not None:
                import traceback

                text = "".join(traceback.format_exception(*record.exc_info))
                record.msg = f"{record.msg}\n{self._pattern.sub('<token>', text)}"
                record.exc_info = None
                record.exc_text = None
        return True


def configure_logging(level: str, token: str) -> None:
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=level.upper())
    redact = RedactToken(token)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)
    logging.getLogger("httpx").setLevel(logging.WARNING)
