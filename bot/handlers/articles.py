"""Article commands in any chat (/summarize, /facts, /article, /latest, /search, /length,
/help) and articles pasted, forwarded or linked in a private chat."""

from __future__ import annotations

import re

from telegram import Message, Update
from telegram.constants import ChatType

from summarizer import ArticleError

from ..context import BotContext
from ..i18n import N_, _, number
from ..links.fetch import FetchError
from ..present import formatting as fmt
from ..present.keyboards import back_keyboard
from ..present.plural import plural
from ..service import MIN_SENTENCES, MIN_TEXT_CHARS, TooShort
from . import article_language
from .concurrency import BUSY, Busy, typing
from .numbers import parse_number
from .parts import take_part
from .replies import ARTICLE_ID, command_text, may_configure, reply_html, send_summary, slow_down, stored_or_reply

DEEP_LINK = re.compile(r"^([sf])_([0-9a-f]{10})$")
"""A /start payload from a digest's links: s_<id> for the summary, f_<id> for the key facts."""
LINK = re.compile(r"\b[a-z][a-z0-9+.-]{1,15}://\S+", re.IGNORECASE)
"""Any scheme, so file://, ftp:// and the like are answered as links (that cannot be opened)."""


LIST_SIZE = 5


MAX_LIST = 20


MAX_LENGTH = 10


MAX_PAGE = 100_000


TOO_SHORT = N_(
    "That is too short to summarize. Paste or forward a whole article (at least {chars} "
    "characters in {sentences} or more sentences), or send a link to it. /help lists the commands."
)


HELP = N_("""<b>I turn news articles into short summaries and key facts.</b>

<b>In any chat</b>
/summarize &lt;id&gt; · a stored article
/summarize &lt;text or link&gt; · a pasted article or a web page (or reply /summarize to one)
/facts &lt;id&gt; · who, where, figures, dates, quotes
/article &lt;id&gt; · the full text, page by page
/article &lt;id&gt; lang &lt;code&gt; · correct an article's language
/latest [n] · the newest articles
/search &lt;words&gt; · find articles
/length &lt;n&gt; · sentences per summary in this chat
/language &lt;code&gt; · the language I speak in this chat

<b>Digests</b> (group and channel admins)
/digest on · post new articles' summaries here every day
/digest time 08:30 · /digest tz Europe/London · /digest now · /digest status · /digest off
/digest only brexit "interest rates" · /digest skip football · /digest only off: filters
In a forum, send /digest on in the topic the digest should go to.
/feed add https://site/rss · /feed list · /feed remove N: feeds whose new articles join the digest
/feed add https://site/rss now: each new article posted as it arrives
/feed import (as the caption of an .opml file) · /feed export: feeds in and out of feed readers
In a private chat: /digest on @yourchannel to set up a channel you run.

<b>Anywhere</b>: type @{bot} and some words to share a summary in any chat.

In this private chat you can also just paste or forward an article's text, or send a link.""")


async def start(update: Update, context: BotContext) -> None:
    """/start and /help; /start s_<id> or f_<id> (a digest's deep link) opens that summary or its facts."""
    message = update.effective_message
    assert message
    deep = DEEP_LINK.match(context.args[0]) if context.args else None
    if deep and deep.group(1) == "s":
        await show_summary(message, context, deep.group(2))
        return
    if deep:
        await show_facts(message, context, deep.group(2))
        return
    name = context.bot.username or "bot"
    await reply_html(message, _(HELP).replace("{bot}", fmt.escape(name)))


async def latest(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message
    count = parse_number(context.args[0], 1, MAX_LIST) if context.args else LIST_SIZE
    if count is None:
        await message.reply_text(_("Use /latest or /latest N with N from 1 to {max}.").format(max=MAX_LIST))
        return
    items = await context.news.latest(count)
    if not items:
        await message.reply_text(_("No articles yet. Paste one in a private chat with me to add it."))
        return
    heading = plural(len(items), "<b>The latest article</b>", "<b>Latest {n} articles</b>")
    await reply_html(message, fmt.render_list(items, heading))


async def search(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message
    query = command_text(message)
    if not query.strip():
        await message.reply_text(_("Tell me what to look for, for example: /search election"))
        return
    if await slow_down(message, context):
        return
    items = await context.news.search(query, MAX_LIST // 2)
    if not items:
        await reply_html(
            message, _("Nothing matches <i>{query}</i>. Try fewer or other words.").format(query=fmt.user_text(query))
        )
        return
    heading = plural(
        len(items),
        "<b>{n} article found for</b> <i>{query}</i>",
        "<b>{n} articles found for</b> <i>{query}</i>",
        query=fmt.user_text(query),
    )
    await reply_html(message, fmt.render_list(items, heading))


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
            _(
                "Send /summarize with an article id (see /latest), with the article's text after it, "
                "or as a reply to a message that holds an article."
            )
        )
        return
    if argument and message.chat.type == ChatType.PRIVATE:
        await take_part(message, context, argument, answer_text)  # the app may have split a long paste
        return
    await summarize_text(message, context, text)


def link_in(text: str) -> str | None:
    """The link a message is about: it is a link, or a link with a few words around it."""
    links = LINK.findall(text)
    if not links:
        return None
    rest = LINK.sub("", text)
    return links[0].rstrip(").,;!?»”'\"") if len(rest.strip()) < MIN_TEXT_CHARS else None


async def summarize_link(message: Message, context: BotContext, url: str) -> None:
    if await slow_down(message, context):
        return
    try:
        async with context.bot_data.slow_work.slot(), typing(message.chat):
            stored, _added = await context.news.add_link(url, chat_id=message.chat_id)
    except Busy:
        await message.reply_text(_(BUSY))
        return
    except FetchError as error:
        await message.reply_text(
            _("I couldn't use that link: {error}.").format(error=fmt.escape(fmt.reason(str(error))))
        )
        return
    except ArticleError as error:
        await message.reply_text(
            _("That page doesn't look like an article: {error}.").format(error=fmt.escape(fmt.reason(str(error))))
        )
        return
    await send_summary(message, context, stored)


async def summarize_text(message: Message, context: BotContext, text: str, edited: bool = False) -> None:
    """Summarize pasted text (or the link it is about); ``edited``: say so if it was already stored."""
    link = link_in(text)
    if link:
        await summarize_link(message, context, link)
        return
    if len(text) > context.settings.max_text_chars:
        await message.reply_text(
            _(
                "That text is too long for me ({length} characters; the limit is {limit}). Send one article at a time."
            ).format(length=number(len(text)), limit=number(context.settings.max_text_chars))
        )
        return
    if await slow_down(message, context):
        return
    try:
        async with context.bot_data.slow_work.slot(), typing(message.chat):
            stored, created = await context.news.add_text(text, chat_id=message.chat_id)
    except Busy:
        await message.reply_text(_(BUSY))
        return
    except TooShort:
        await message.reply_text(too_short())
        return
    except ArticleError as error:
        await message.reply_text(_("I can't summarize that: {error}.").format(error=fmt.escape(fmt.reason(str(error)))))
        return
    if edited and not created:
        await message.reply_text(_("I already summarized this text, just as it reads now."))
        return
    await send_summary(message, context, stored)


async def show_summary(message: Message, context: BotContext, article_id: str) -> None:
    stored = await stored_or_reply(message, context, article_id)
    if stored is None:
        return
    await send_summary(message, context, stored)


async def facts(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message
    if not context.args or not ARTICLE_ID.match(context.args[0]):
        await message.reply_text(_("Use /facts ID, with an id from /latest or /search."))
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
        await message.reply_text(_("Use /article ID, with an id from /latest or /search."))
        return
    if len(context.args) > 1 and context.args[1].lower() in ("lang", "language"):
        code = context.args[2] if len(context.args) > 2 else None
        await article_language.command(message, context, context.args[0], code)
        return
    page = parse_number(context.args[1], 1, MAX_PAGE) if len(context.args) > 1 else 1
    if page is None:
        await message.reply_text(_("Use /article ID or /article ID PAGE, with a page number like 2."))
        return
    await show_article(message, context, context.args[0], page - 1)


async def show_article(message: Message, context: BotContext, article_id: str, page: int = 0) -> None:
    stored = await stored_or_reply(message, context, article_id)
    if stored is None:
        return
    length = await context.news.length_for(message.chat_id)
    text, pages = fmt.render_article_page(stored, page)
    if page >= pages:
        last = f"/article {stored.article.id} {pages}"
        await message.reply_text(
            plural(
                pages,
                "That article has {n} page; {last} shows the last one.",
                "That article has {n} pages; {last} shows the last one.",
                last=last,
            )
        )
        return
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
        await message.reply_text(
            plural(
                current,
                "Summaries here have {n} sentence. Change it with /length N (1-{max}).",
                "Summaries here have {n} sentences. Change it with /length N (1-{max}).",
                max=MAX_LENGTH,
            )
        )
        return
    chosen = parse_number(context.args[0], 1, MAX_LENGTH)
    if chosen is None:
        await message.reply_text(_("Use /length N with N from 1 to {max}.").format(max=MAX_LENGTH))
        return
    if not await may_configure(message, context, message.chat):
        return
    await context.news.set_length(message.chat_id, chosen)
    await message.reply_text(
        plural(
            chosen,
            "Done: summaries in this chat now have {n} sentence.",
            "Done: summaries in this chat now have {n} sentences.",
        )
    )


def is_article(text: str) -> bool:
    """Whether a private message may hold an article: long enough, or a link."""
    return len(text.strip()) >= MIN_TEXT_CHARS or link_in(text) is not None


async def answer_text(message: Message, context: BotContext, text: str) -> None:
    """Text pasted or forwarded into a private chat (its parts joined): summarized if it is an article."""
    if not is_article(text):
        await message.reply_text(too_short())
        return
    await summarize_text(message, context, text)


def too_short() -> str:
    return _(TOO_SHORT).format(chars=MIN_TEXT_CHARS, sentences=MIN_SENTENCES)
