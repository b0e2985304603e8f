"""What a person sees of the bot before and around a chat: its description on the empty chat
screen, its short description on its profile, and the command menu for each kind of chat, in
each language the bot speaks."""

from __future__ import annotations

from telegram import (
    Bot,
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeDefault,
)

from ..i18n import FALLBACK, LANGUAGES, N_, _, speaking

DESCRIPTION = N_(
    "I turn news articles into short summaries and key facts: who, where, figures, dates and quotes.\n\n"
    "Paste or forward an article, or send a link, and I reply with its summary. Search the stored "
    "news with /search, list it with /latest, and add me to a group or channel for a daily digest "
    "of new articles."
)
SHORT_DESCRIPTION = N_("News articles in short: summaries and key facts, in chats, groups and daily digests.")

_READ = [
    ("summarize", N_("Summarize an article: id, pasted text, link, or reply to a message")),
    ("facts", N_("Key facts of an article: /facts <id>")),
    ("article", N_("Full text of an article: /article <id> [page]")),
    ("latest", N_("The newest articles: /latest [n]")),
    ("search", N_("Search the articles: /search <words>")),
    ("help", N_("How to use the bot")),
]
_CONFIGURE = [
    ("length", N_("Summary length in this chat: /length <1-10>")),
    ("language", N_("The bot's language in this chat: /language <code>, or auto")),
    ("digest", N_("Daily digest: on, off, time HH:MM, tz Area/City, now, status, only/skip WORDS")),
    ("feed", N_("News feeds: add URL [now], list, remove N, import (an .opml file), export")),
    ("forget", N_("Delete this chat's settings, digest and pasted texts")),
]
PRIVATE_COMMANDS = [*_READ, *_CONFIGURE]
"""In a private chat a person configures their own chat (and, with @channel, a channel they run)."""
GROUP_COMMANDS = _READ
"""Members of a group read; changing the group's settings is for its admins."""
ADMIN_COMMANDS = [*_READ, *_CONFIGURE]

MENUS: list[tuple[BotCommandScope, list[tuple[str, str]]]] = [
    (BotCommandScopeDefault(), PRIVATE_COMMANDS),
    (BotCommandScopeAllPrivateChats(), PRIVATE_COMMANDS),
    (BotCommandScopeAllGroupChats(), GROUP_COMMANDS),
    (BotCommandScopeAllChatAdministrators(), ADMIN_COMMANDS),
]


def commands(menu: list[tuple[str, str]]) -> list[BotCommand]:
    """A menu's commands with their descriptions in the current language."""
    return [BotCommand(name, _(description)) for name, description in menu]


async def publish_menu(bot: Bot) -> None:
    """Set the bot's descriptions and its command menu for every scope and language, at each start:
    English for everyone, then each served language for the people whose Telegram uses it."""
    for language in LANGUAGES:
        code = None if language == FALLBACK else language
        with speaking(language):
            await bot.set_my_description(_(DESCRIPTION), language_code=code)
            await bot.set_my_short_description(_(SHORT_DESCRIPTION), language_code=code)
            for scope, menu in MENUS:
                await bot.set_my_commands(commands(menu), scope=scope, language_code=code)
