"""Command, message and button handlers. Each reads its arguments, calls NewsService, formats
and replies; none sees SQL or sumy."""

from __future__ import annotations

import logging
import re

from telegram import (
    BotCommand,
    Chat,
    ChatFullInfo,
    ChatMember,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.constants import ChatAction, ChatType
from telegram.error import BadRequest, Forbidden, TelegramError

from summarizer import ArticleError

from . import feeds
from . import formatting as fmt
from .context import BotContext
from .digests import describe, run_digest, schedule_digest, unschedule_digest
from .fetch import FetchError
from .schedule import BadSchedule
from .service import MAX_SUMMARY_LENGTH, NoSuchArticle, summary_of
from .store import StoredArticle

log = logging.getLogger(__name__)

AnyChat = Chat | ChatFullInfo
"""A chat as an update carries it, or as getChat describes a channel named by @username."""
ARTICLE_ID = re.compile(r"^[0-9a-fA-F]{10}$")
LINK = re.compile(r"https?://\S+", re.IGNORECASE)
MIN_ARTICLE_CHARS = 200
LIST_SIZE = 5
MAX_LIST = 20

COMMANDS = [
    BotCommand("summarize", "Summarize an article: id, pasted text, or reply to a message"),
    BotCommand("facts", "Key facts of an article: /facts <id>"),
    BotCommand("article", "Full text of an article: /article <id>"),
    BotCommand("latest", "The newest articles: /latest [n]"),
    BotCommand("search", "Search the articles: /search <words>"),
    BotCommand("length", "Summary length in this chat: /length <1-10>"),
    BotCommand("digest", "Daily digest: on, off, time HH:MM, tz Area/City, now, status"),
    BotCommand("feed", "News feeds for the digest: add URL, list, remove N"),
    BotCommand("forget", "Delete this chat's settings and digest"),
    BotCommand("help", "How to use the bot"),
]

HELP = """<b>I turn news articles into short summaries and key facts.</b>

<b>In any chat</b>
/summarize &lt;id&gt; · a stored article
/summarize &lt;text or link&gt; · a pasted article or a web page (or reply /summarize to one)
/facts &lt;id&gt; · who, where, figures, dates, quotes
/article &lt;id&gt; · the full text, page by page
/latest [n] · the newest articles
/search &lt;words&gt; · find articles
/length &lt;n&gt; · sentences per summary in this chat

<b>Digests</b> (group and channel admins)
/digest on · post new articles' summaries here every day
/digest time 08:30 · /digest tz Europe/London · /digest now · /digest status · /digest off
/feed add https://site/rss · /feed list · /feed remove N: feeds whose new articles join the digest
In a private chat: /digest on @yourchannel to set up a channel you run.

<b>Anywhere</b>: type @{bot} and some words to share a summary in any chat.

In this private chat you can also just paste or forward an article's text, or send a link."""


# -- helpers ---------------------------------------------------------------------------------


def summary_keyboard(article_id: str, length: int, total: int) -> InlineKeyboardMarkup:
    row = []
    if length > 1:
        row.append(InlineKeyboardButton("➖ Shorter", callback_data=f"s:{article_id}:{length - 1}"))
    if length < min(total, MAX_SUMMARY_LENGTH):
        row.append(InlineKeyboardButton("➕ Longer", callback_data=f"s:{article_id}:{length + 1}"))
    return InlineKeyboardMarkup(
        [
            row,
            [
                InlineKeyboardButton("🔎 Key facts", callback_data=f"f:{article_id}:{length}"),
                InlineKeyboardButton("📄 Full text", callback_data=f"a:{article_id}:0:{length}"),
            ],
        ]
    )


def back_keyboard(article_id: str, length: int, page: int | None = None, pages: int = 1) -> InlineKeyboardMarkup:
    rows = []
    if page is not None and pages > 1:
        nav = []
        if page > 0:
            nav.append(InlineKeyboardButton("◀️", callback_data=f"a:{article_id}:{page - 1}:{length}"))
        if page < pages - 1:
            nav.append(InlineKeyboardButton("▶️", callback_data=f"a:{article_id}:{page + 1}:{length}"))
        rows.append(nav)
    rows.append([InlineKeyboardButton("📝 Summary", callback_data=f"s:{article_id}:{length}")])
    if page is None:
        rows[-1].append(InlineKeyboardButton("📄 Full text", callback_data=f"a:{article_id}:0:{length}"))
    else:
        rows[-1].append(InlineKeyboardButton("🔎 Key facts", callback_data=f"f:{article_id}:{length}"))
    return InlineKeyboardMarkup(rows)


async def reply_html(message: Message, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Reply with one or more messages; buttons go under the last one."""
    pieces = fmt.split_message(text)
    for number, piece in enumerate(pieces):
        last = number == len(pieces) - 1
        await message.reply_text(piece, reply_markup=markup if last else None, do_quote=False)


async def send_summary(message: Message, context: BotContext, stored: StoredArticle) -> None:
    length = await context.news.length_for(message.chat_id)
    summary = summary_of(stored, length)
    markup = summary_keyboard(stored.article.id, len(summary.sentences), summary.total_sentences)
    await reply_html(message, fmt.render_summary(stored, summary), markup)


def command_text(message: Message) -> str:
    """The text after the command word, with its line breaks kept (args would lose them)."""
    text = message.text or ""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 and parts[0].startswith("/") else ""


# -- commands --------------------------------------------------------------------------------


async def start(update: Update, context: BotContext) -> None:
    assert update.effective_message
    name = context.bot.username or "bot"
    await reply_html(update.effective_message, HELP.replace("{bot}", fmt.escape(name)))


async def latest(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message
    count = LIST_SIZE
    if context.args:
        if not context.args[0].isdigit() or not 1 <= int(context.args[0]) <= MAX_LIST:
            await message.reply_text(f"Use /latest or /latest N with N from 1 to {MAX_LIST}.")
            return
        count = int(context.args[0])
    items = await context.news.latest(count)
    if not items:
        await message.reply_text("No articles yet. Paste one in a private chat with me to add it.")
        return
    await reply_html(message, fmt.render_list(items, f"<b>Latest {len(items)} articles</b>"))


async def search(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message
    query = command_text(message)
    if not query.strip():
        await message.reply_text("Tell me what to look for, for example: /search election")
        return
    if await slow_down(message, context):
        return
    items = await context.news.search(query, MAX_LIST // 2)
    if not items:
        await reply_html(message, f"Nothing matches <i>{fmt.escape(query[:100])}</i>. Try fewer or other words.")
        return
    await reply_html(message, fmt.render_list(items, f"<b>{len(items)} found for</b> <i>{fmt.escape(query[:100])}</i>"))


async def summarize(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message
    argument = command_text(message)
    if ARTICLE_ID.match(argument):
        await show_summary(message, context, argument)
        return
    text = (
        argument
        or (message.reply_to_message and (message.reply_to_message.text or message.reply_to_message.caption))
        or ""
    )
    if not text:
        await message.reply_text(
            "Send /summarize with an article id (see /latest), with the article's text after it, "
            "or as a reply to a message that holds an article."
        )
        return
    await summarize_text(message, context, text)


async def slow_down(message: Message, context: BotContext) -> bool:
    """True (after telling the user) when they must wait before another expensive action."""
    wait = context.too_fast(message.from_user.id if message.from_user else None)
    if wait:
        await message.reply_text(f"You're going fast: please wait {max(1, round(wait))} s and try again.")
    return bool(wait)


def link_in(text: str) -> str | None:
    """The link a message is about: it is a link, or a link with a few words around it."""
    links = LINK.findall(text)
    if not links:
        return None
    rest = LINK.sub("", text)
    return links[0].rstrip(").,;!?»”'\"") if len(rest.strip()) < MIN_ARTICLE_CHARS else None


async def summarize_link(message: Message, context: BotContext, url: str) -> None:
    if await slow_down(message, context):
        return
    await message.chat.send_action(ChatAction.TYPING)
    try:
        stored, _ = await context.news.add_link(url)
    except FetchError as error:
        await message.reply_text(f"I couldn't use that link: {fmt.escape(str(error))}.")
        return
    except ArticleError as error:
        await message.reply_text(f"That page doesn't look like an article: {fmt.escape(str(error))}.")
        return
    await send_summary(message, context, stored)


async def summarize_text(message: Message, context: BotContext, text: str) -> None:
    link = link_in(text)
    if link:
        await summarize_link(message, context, link)
        return
    if len(text) > context.settings.max_text_chars:
        await message.reply_text(
            f"That text is too long for me ({len(text):,} characters; the limit is "
            f"{context.settings.max_text_chars:,}). Send one article at a time."
        )
        return
    if await slow_down(message, context):
        return
    await message.chat.send_action(ChatAction.TYPING)
    try:
        stored, _ = await context.news.add_text(text)
    except ArticleError as error:
        await message.reply_text(f"I can't summarize that: {error}.")
        return
    await send_summary(message, context, stored)


async def show_summary(message: Message, context: BotContext, article_id: str) -> None:
    stored = await stored_or_reply(message, context, article_id)
    if stored is None:
        return
    await send_summary(message, context, stored)


async def stored_or_reply(message: Message, context: BotContext, article_id: str) -> StoredArticle | None:
    """The stored article, or None after telling the person there is no such article."""
    try:
        return await context.news.article(article_id)
    except NoSuchArticle:
        await reply_html(
            message, f"There is no article <code>{fmt.escape(article_id[:40])}</code>. /latest lists the newest ones."
        )
        return None


async def facts(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message
    if not context.args or not ARTICLE_ID.match(context.args[0]):
        await message.reply_text("Use /facts ID, with an id from /latest or /search.")
        return
    await show_facts(message, context, context.args[0])


async def show_facts(message: Message, context: BotContext, article_id: str) -> None:
    stored = await stored_or_reply(message, context, article_id)
    if stored is None:
        return
    length = await context.news.length_for(message.chat_id)
    await reply_html(message, fmt.render_facts(stored), back_keyboard(stored.article.id, length))


async def article(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message
    if not context.args or not ARTICLE_ID.match(context.args[0]):
        await message.reply_text("Use /article ID, with an id from /latest or /search.")
        return
    page = int(context.args[1]) - 1 if len(context.args) > 1 and context.args[1].isdigit() else 0
    await show_article(message, context, context.args[0], page)


async def show_article(message: Message, context: BotContext, article_id: str, page: int = 0) -> None:
    stored = await stored_or_reply(message, context, article_id)
    if stored is None:
        return
    length = await context.news.length_for(message.chat_id)
    text, pages = fmt.render_article_page(stored, page)
    await reply_html(message, text, back_keyboard(stored.article.id, length, max(0, min(page, pages - 1)), pages))


async def shortcut(update: Update, context: BotContext) -> None:
    """/summarize_<id>, /facts_<id>, /article_<id>: the clickable forms in lists and digests."""
    message = update.effective_message
    assert message and message.text and context.matches
    match = context.matches[0]
    action, article_id = match.group(1), match.group(2)
    if action == "summarize":
        await show_summary(message, context, article_id)
    elif action == "facts":
        await show_facts(message, context, article_id)
    else:
        await show_article(message, context, article_id)


async def length(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message
    if not context.args:
        current = await context.news.length_for(message.chat_id)
        await message.reply_text(f"Summaries here have {current} sentences. Change it with /length N (1-10).")
        return
    if not context.args[0].isdigit() or not 1 <= int(context.args[0]) <= 10:
        await message.reply_text("Use /length N with N from 1 to 10.")
        return
    if not await may_configure(message, context, message.chat):
        return
    await context.news.set_length(message.chat_id, int(context.args[0]))
    await message.reply_text(f"Done: summaries in this chat now have {context.args[0]} sentences.")


async def private_text(update: Update, context: BotContext) -> None:
    """Text pasted or forwarded into a private chat: summarize it if it is an article."""
    message = update.effective_message
    assert message
    text = message.text or message.caption or ""
    if len(text) < MIN_ARTICLE_CHARS and not link_in(text):
        await message.reply_text(
            "Paste or forward a whole article (a few sentences at least), or send a link, and I'll "
            "summarize it. /help lists the commands."
        )
        return
    await summarize_text(message, context, text)


# -- digests ---------------------------------------------------------------------------------


async def target_and_action(
    message: Message, context: BotContext, read_only: str
) -> tuple[AnyChat, str, list[str]] | None:
    """What a /digest or /feed command is about: this chat, or the @channel named last; its
    action (``read_only`` when none is given) and the action's arguments. None, after a reply
    saying why, when the person may not change that chat."""
    args = list(context.args or [])
    target: AnyChat = message.chat
    if args and args[-1].startswith("@"):
        channel = await resolve_channel(message, context, args.pop())
        if channel is None:
            return None
        target = channel
    action = args[0].lower() if args else read_only
    if action != read_only and not await may_configure(message, context, target):
        return None
    return target, action, args[1:]


async def digest(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message
    request = await target_and_action(message, context, "status")
    if request is None:
        return
    target, action, rest = request
    try:
        reply = await digest_action(context, target, action, rest)
    except BadSchedule as error:
        reply = fmt.escape(str(error))
    await reply_html(message, reply)


async def digest_action(context: BotContext, chat: AnyChat, action: str, rest: list[str]) -> str:
    news = context.news
    title = chat.title or chat.username or chat.full_name or str(chat.id)
    where = "here" if chat.type != ChatType.CHANNEL else f"to {fmt.escape(title)}"
    if action == "on":
        started = await news.subscribe(chat.id, title)
        schedule_digest(context.application, started)
        return f"✅ Digest on: new articles will be posted {where} daily. {describe(started)}"
    if action == "off":
        unschedule_digest(context.application, chat.id)
        await news.unsubscribe(chat.id)
        return f"Digest off {where}. /digest on turns it back on."
    if action in ("time", "tz") and rest:
        change = news.set_digest_time if action == "time" else news.set_digest_zone
        changed = await change(chat.id, rest[0])
        if changed is None:
            return "There is no digest yet: send /digest on first."
        if changed.enabled:
            schedule_digest(context.application, changed)
        return f"Digest updated. {describe(changed)}"
    if action == "now":
        if await news.store.subscription(chat.id) is None:
            await news.subscribe(chat.id, title)
        result = await run_digest(context.application, chat.id)
        return result.describe()
    if action == "status":
        current = await news.store.subscription(chat.id)
        return describe(current) if current else "No digest here. An admin can send /digest on."
    return "Use /digest on, off, time HH:MM, tz Area/City, now or status."


async def forget(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message
    if not await may_configure(message, context, message.chat):
        return
    unschedule_digest(context.application, message.chat_id)
    await context.news.store.forget_chat(message.chat_id)
    await message.reply_text("Done: this chat's settings, digest and delivery history are deleted.")


async def feed(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message
    request = await target_and_action(message, context, "list")
    if request is None:
        return
    target, action, rest = request
    news, settings = context.news, context.settings
    if action == "list":
        await reply_html(message, feeds.describe(await news.store.feeds_of(target.id)))
    elif action == "add" and len(rest) == 1:
        await message.chat.send_action(ChatAction.TYPING)
        try:
            report = await feeds.follow(
                news, target.id, rest[0], settings.feed_poll_minutes * 60, settings.feed_max_items
            )
        except feeds.FeedError as error:
            await message.reply_text(f"I can't follow that feed: {fmt.escape(str(error))}.")
            return
        subscribed = await news.store.subscription(target.id)
        hint = "" if subscribed and subscribed.enabled else " Turn the digest on with /digest on to receive them."
        await reply_html(
            message,
            f"✅ Following <b>{fmt.escape(report.feed.title or rest[0])}</b>: "
            f"{len(report.new_articles)} article(s) stored for the next digest.{hint}",
        )
    elif action == "remove" and len(rest) == 1 and rest[0].isdigit():
        followed = await news.store.feeds_of(target.id)
        number = int(rest[0])
        if not 1 <= number <= len(followed):
            await message.reply_text(f"There is no feed {number} here; /feed list shows the numbers.")
            return
        await news.store.unfollow_feed(target.id, followed[number - 1].id)
        await reply_html(message, f"Stopped following {fmt.escape(followed[number - 1].url)}.")
    else:
        await message.reply_text("Use /feed add URL, /feed list or /feed remove N.")


async def resolve_channel(message: Message, context: BotContext, name: str) -> AnyChat | None:
    try:
        chat = await context.bot.get_chat(name)
    except TelegramError:
        await message.reply_text(f"I can't find {name}. Add me to the channel as an admin first.")
        return None
    if chat.type != ChatType.CHANNEL:
        await message.reply_text(f"{name} is not a channel. Send /digest in the group itself.")
        return None
    return chat


async def may_configure(message: Message, context: BotContext, chat: AnyChat) -> bool:
    """Private chats configure themselves; in groups and channels only admins may, checked with
    Telegram at the time of the request."""
    if chat.type == ChatType.PRIVATE and chat.id == message.chat_id:
        return True
    if message.chat.type == ChatType.CHANNEL and chat.id == message.chat_id:
        return True  # only a channel's admins can post in it
    user = message.from_user
    if user is None:
        await message.reply_text("Send this as yourself, not anonymously, so I can check you are an admin.")
        return False
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except Forbidden:
        await message.reply_text("I am not a member there. Add me as an admin first.")
        return False
    except BadRequest:
        await message.reply_text("I can't check your rights there. Make me an admin first.")
        return False
    if member.status not in (ChatMember.ADMINISTRATOR, ChatMember.OWNER):
        await message.reply_text("Only admins of that chat can change its settings.")
        return False
    return True


# -- buttons ---------------------------------------------------------------------------------

CALLBACK = re.compile(r"^([sfa]):([0-9a-f]{10}):(\d{1,3})(?::(\d{1,2}))?$")


async def button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query
    match = CALLBACK.match(query.data or "")
    if not match:
        await query.answer("This button is out of date.")
        return
    kind, article_id, number = match.group(1), match.group(2), int(match.group(3))
    try:
        stored = await context.news.article(article_id)
    except NoSuchArticle:
        await query.answer("That article is no longer stored.", show_alert=True)
        return
    if kind == "s":
        summary = summary_of(stored, number)
        text = fmt.render_summary(stored, summary)
        markup = summary_keyboard(article_id, len(summary.sentences), summary.total_sentences)
    elif kind == "f":
        text, markup = fmt.render_facts(stored), back_keyboard(article_id, number)
    else:
        length = int(match.group(4) or context.settings.default_summary_length)
        text, pages = fmt.render_article_page(stored, number)
        markup = back_keyboard(article_id, length, min(number, pages - 1), pages)
    await query.answer()
    try:
        await query.edit_message_text(fmt.split_message(text)[0], reply_markup=markup)
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise
