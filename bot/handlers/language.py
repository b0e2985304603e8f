"""/language: the language the bot speaks in a chat, and picking it for each update."""

from __future__ import annotations

from telegram import Update

from ..context import BotContext
from ..i18n import FALLBACK, LANGUAGE_NAMES, _, current, supported, use
from .replies import may_configure, reply_html


async def choose_language(update: Update, context: BotContext) -> None:
    """Speak the chat's /language setting, else the reader's Telegram language, else English."""
    chat = update.effective_chat
    chosen = await context.news.language_of(chat.id) if chat else None
    user = update.effective_user
    use(chosen or supported(user.language_code if user else None) or FALLBACK)


def choices() -> str:
    return " · ".join(f"<code>{code}</code> {name}" for code, name in LANGUAGE_NAMES.items())


async def language(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message
    args = context.args or []
    chosen = await context.news.language_of(message.chat_id)
    if not args:
        if chosen:
            now = _("I speak {language} in this chat.").format(language=LANGUAGE_NAMES[chosen])
        else:
            now = _("I speak each reader's Telegram language in this chat (now {language}).").format(
                language=LANGUAGE_NAMES[current()]
            )
        usage = _("Change it with /language and a code, or /language auto:")
        await reply_html(message, f"{now}\n{usage}\n{choices()}")
        return
    wanted = "auto" if args[0].lower() == "auto" else supported(args[0])
    if wanted is None:
        await reply_html(message, _("I don't speak that language. Choose one of:") + "\n" + choices())
        return
    if not await may_configure(message, context, message.chat):
        return
    await context.news.set_language(message.chat_id, None if wanted == "auto" else wanted)
    if wanted == "auto":
        user = update.effective_user
        use(supported(user.language_code if user else None) or FALLBACK)
        await reply_html(message, _("Done: I speak each reader's Telegram language in this chat."))
        return
    use(wanted)
    await reply_html(message, _("Done: I speak {language} in this chat.").format(language=LANGUAGE_NAMES[wanted]))
