"""One place wires the application: handlers, jobs, the error handler and the store's lifecycle."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from summarizer import revision

from .context import BotContext, Services
from .digests import schedule_all
from .errors import on_error, update_summary
from .flood import TelegramRateLimiter
from .handlers import arrivals, article_language, articles, buttons, digest_commands, language
from .handlers.concurrency import ChatOrderedProcessor, SlowWork
from .handlers.inline import inline_query
from .handlers.menu import publish_menu
from .i18n import _, load_all
from .instant import post_new_items
from .limits import UserRateLimiter
from .links.feeds import poll_due
from .links.fetch import SafeFetcher
from .service import IngestReport, NewsService
from .settings import Settings
from .store import ArticleStore, open_store

log = logging.getLogger(__name__)

# Commands work in private chats, groups and (posted by an admin) in channels.
_MESSAGES = filters.UpdateType.MESSAGE | filters.UpdateType.CHANNEL_POST


def build_application(
    settings: Settings,
    store: ArticleStore | None = None,
    builder: ApplicationBuilder | None = None,  # type: ignore[type-arg]
) -> Application:  # type: ignore[type-arg]
    """The bot's Application, ready for run_polling()/run_webhook() or a test's own loop."""
    if settings.bot_token is None:
        raise ValueError("BOT_TOKEN is not set")
    store = store or open_store(settings.database)
    fetcher = SafeFetcher(
        max_bytes=settings.fetch_max_bytes,
        connect_timeout=settings.fetch_connect_timeout_seconds,
        total_timeout=settings.fetch_timeout_seconds,
        allowed_networks=settings.fetch_allowed_networks,
    )
    news = NewsService(
        store,
        settings.default_summary_length,
        settings.digest_time,
        settings.digest_timezone,
        fetcher,
        max_text_chars=settings.max_text_chars,
    )
    application = (
        (builder or Application.builder())
        .token(settings.bot_token.get_secret_value())
        .base_url(settings.bot_api_base_url)
        .base_file_url(settings.file_url)
        .concurrent_updates(ChatOrderedProcessor())
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .rate_limiter(TelegramRateLimiter(max_retries=3))
        .context_types(ContextTypes(context=BotContext, bot_data=Services))
        .post_init(_on_start)
        .post_shutdown(_on_stop)
        .build()
    )
    application.bot_data.news = news
    application.bot_data.settings = settings
    application.bot_data.limiter = UserRateLimiter(settings.rate_limit_burst, settings.rate_limit_per_minute)
    application.bot_data.slow_work = SlowWork(settings.slow_work_limit)
    _add_handlers(application)
    return application


def _add_handlers(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(TypeHandler(Update, _gate), group=-1)
    for name, callback in (
        ("start", articles.start),
        ("help", articles.start),
        ("latest", articles.latest),
        ("search", articles.search),
        ("summarize", articles.summarize),
        ("facts", articles.facts),
        ("article", articles.article),
        ("length", articles.length),
        ("digest", digest_commands.digest),
        ("forget", digest_commands.forget),
        ("feed", digest_commands.feed),
        ("language", language.language),
    ):
        application.add_handler(CommandHandler(name, callback, filters=_MESSAGES))
    application.add_handler(
        MessageHandler(
            _MESSAGES & filters.Regex(r"^/(summarize|facts|article)_([0-9a-f]{10})(?:@\w+)?$"), articles.shortcut
        )
    )
    application.add_handler(
        MessageHandler(
            _MESSAGES & filters.Document.ALL & filters.CaptionRegex(r"^/feed(?:@\w+)?\s+import\b"),
            digest_commands.feed_caption,
        )
    )
    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    application.add_handler(MessageHandler(private & filters.Document.ALL, arrivals.document))
    application.add_handler(
        MessageHandler(private & (filters.TEXT | filters.CAPTION) & ~filters.COMMAND, arrivals.private_text)
    )
    application.add_handler(MessageHandler(_MESSAGES & filters.COMMAND, arrivals.unknown_command))
    application.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE, arrivals.edited))
    application.add_handler(ChatMemberHandler(arrivals.added_to_group, ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_handler(CallbackQueryHandler(article_language.button, pattern=article_language.CALLBACK))
    application.add_handler(CallbackQueryHandler(buttons.button))
    application.add_handler(InlineQueryHandler(inline_query))
    application.add_error_handler(on_error)  # type: ignore[arg-type]


async def _gate(update: Update, context: BotContext) -> None:
    """Speak the reader's language; with ALLOWED_USERS set, private use is limited to those users."""
    log.debug("%s", update_summary(update))
    await language.choose_language(update, context)
    allowed = context.settings.allowed_users
    user = update.effective_user
    chat = update.effective_chat
    private = chat is None or chat.type == "private"
    if not allowed or not private or user is None or user.id in allowed:
        return
    if update.effective_message:
        await update.effective_message.reply_text(_("Sorry, this bot is private."))
    elif update.callback_query:
        await update.callback_query.answer(_("Sorry, this bot is private."))
    elif update.inline_query:
        await update.inline_query.answer([], cache_time=0)
    raise ApplicationHandlerStop


async def _on_start(application: Application) -> None:  # type: ignore[type-arg]
    news: NewsService = application.bot_data.news
    settings: Settings = application.bot_data.settings
    load_all()
    await news.open()
    report = await news.ingest_paths([settings.seeds_dir], IngestReport())
    log.info("seeds: %d added, %d already stored, %d rejected", report.added, report.unchanged, len(report.rejected))
    await publish_menu(application.bot)
    # What start-up built lives as long as the bot: kept out of the collector's full passes,
    # which would otherwise walk it all again and stall a request now and then.
    gc.collect()
    gc.freeze()
    if await news.store.try_lead():
        await _lead(application)
    if application.job_queue:
        application.job_queue.run_repeating(_keep_leadership, interval=LEADERSHIP_SECONDS, first=LEADERSHIP_SECONDS)


LEADERSHIP_SECONDS = 5
"""How often a worker checks that it still leads, or tries to take over from a dead leader."""


async def _lead(application: Application) -> None:  # type: ignore[type-arg]
    """Become the worker that runs the scheduled digests and polls the feeds."""
    application.bot_data.leading = True
    await schedule_all(application)
    if application.job_queue:
        application.job_queue.run_once(_bring_up_to_date, when=0, name="reindex")
        minutes = application.bot_data.settings.feed_poll_minutes
        application.job_queue.run_repeating(_poll_feeds, interval=minutes * 60, first=10, name="feeds")
    log.info("this worker leads the digests and feeds")


async def _bring_up_to_date(context: BotContext) -> None:
    """After an upgrade of the summarizer, rank the stored articles and find their key facts
    again in the background; a stop or a lost lead ends it, and the next leader starts over."""

    def keep_going() -> bool:
        return context.application.running and context.bot_data.leading

    try:
        done = await context.news.reindex_if_outdated(keep_going)
    except Exception:  # the stored rankings keep serving; the next start tries again
        log.exception("bringing stored articles up to date failed")
        return
    if done is not None:
        log.info("summarizer revision %s: %d stored articles read again, %d changed", revision(), *done)


async def _keep_leadership(context: BotContext) -> None:
    leads = await context.news.store.try_lead()
    if leads and not context.bot_data.leading:
        await _lead(context.application)
    elif leads:
        # Schedules other workers changed, and digests a dead worker left half-posted.
        await schedule_all(context.application, catch_up=True)
    elif context.bot_data.leading:
        context.bot_data.leading = False
        for job in context.job_queue.jobs() if context.job_queue else ():
            if job.name and (job.name.startswith("digest:") or job.name == "feeds"):
                job.schedule_removal()
        log.warning("this worker lost the lead of digests and feeds")


async def _poll_feeds(context: BotContext) -> None:
    settings = context.settings
    if await context.news.store.try_lead():
        reports = await poll_due(context.news, settings.feed_poll_minutes * 60, settings.feed_max_items)
        await post_new_items(context.application, reports)


async def _on_stop(application: Application) -> None:  # type: ignore[type-arg]
    await application.bot_data.news.store.close()


@asynccontextmanager
async def running(
    application: Application,  # type: ignore[type-arg]
    *,
    webhook_port: int | None = None,
    secret_token: str | None = None,
    poll_timeout: int = 1,
) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """Run the bot inside the caller's event loop (tests, the playground): polling, or a webhook
    on 127.0.0.1:``webhook_port``; stopped and shut down on exit like run_polling() does."""
    await application.initialize()
    if application.post_init:
        await application.post_init(application)
    updater = application.updater
    assert updater is not None
    if webhook_port is None:
        await updater.start_polling(poll_interval=0.0, timeout=poll_timeout, allowed_updates=Update.ALL_TYPES)
    else:
        await updater.start_webhook(
            listen="127.0.0.1",
            port=webhook_port,
            url_path="telegram",
            webhook_url=f"http://127.0.0.1:{webhook_port}/telegram",
            secret_token=secret_token,
            allowed_updates=Update.ALL_TYPES,
        )
    await application.start()
    try:
        yield application
    finally:
        if updater.running:
            await updater.stop()
        if application.running:
            await application.stop()
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)
