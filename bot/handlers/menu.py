"""What a person sees of the bot before and around a chat: its description on the empty chat
screen, its short description on its profile, and the command menu for each kind of chat."""

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

DESCRIPTION = (
    "I turn news articles into short summaries and key facts: who, where, figures, dates and quotes.\n\n"
    "Paste or forward an article, or send a link, and I reply with its summary. Search the stored "
    "news with /search, list it with /latest, and add me to a group or channel for a daily digest "
    "of new articles."
)
SHORT_DESCRIPTION = "News articles in short: summaries and key facts, in chats, groups and daily digests."

_READ = [
    BotCommand("summarize", "Summarize an article: id, pasted text, link, or reply to a message"),
    BotCommand("facts", "Key facts of an article: /facts <id>"),
    BotCommand("article", "Full text of an article: /article <id> [page]"),
    BotCommand("latest", "The newest articles: /latest [n]"),
    BotCommand("search", "Search the articles: /search <words>"),
    BotCommand("help", "How to use the bot"),
]
_CONFIGURE = [
    BotCommand("length", "Summary length in this chat: /length <1-10>"),
    BotCommand("digest", "Daily digest: on, off, time HH:MM, tz Area/City, now, status, only/skip WORDS"),
    BotCommand("feed", "News feeds: add URL [now], list, remove N, import (an .opml file), export"),
    BotCommand("forget", "Delete this chat's settings, digest and pasted texts"),
]
PRIVATE_COMMANDS = [*_READ, *_CONFIGURE]
"""In a private chat a person configures their own chat (and, with @channel, a channel they run)."""
GROUP_COMMANDS = _READ
"""Members of a group read; changing the group's settings is for its admins."""
ADMIN_COMMANDS = [*_READ, *_CONFIGURE]

MENUS: list[tuple[BotCommandScope, list[BotCommand]]] = [
    (BotCommandScopeDefault(), PRIVATE_COMMANDS),
    (BotCommandScopeAllPrivateChats(), PRIVATE_COMMANDS),
    (BotCommandScopeAllGroupChats(), GROUP_COMMANDS),
    (BotCommandScopeAllChatAdministrators(), ADMIN_COMMANDS),
]


async def publish_menu(bot: Bot) -> None:
    """Set the bot's descriptions and its command menu for every scope, at each start."""
    await bot.set_my_description(DESCRIPTION)
    await bot.set_my_short_description(SHORT_DESCRIPTION)
    for scope, commands in MENUS:
        await bot.set_my_commands(commands, scope=scope)
