"""``python -m bot``: run the bot (polling). ``--local``: the terminal playground, no token.
``python -m bot ingest PATH...``: bulk ingest. ``python -m bot reindex``: rank stored articles again."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from pydantic import ValidationError

from .settings import Settings

if TYPE_CHECKING:
    from tqdm import tqdm

    from .service import NewsService

NO_TOKEN = (
    "BOT_TOKEN is not set.\n"
    "Get a token from @BotFather in Telegram (https://t.me/BotFather, /newbot), then put\n"
    "BOT_TOKEN=123456:ABC... in a .env file here (see .env.example) or in the environment."
)


def main(argv: list[str] | None = None) -> int:
    args = _arguments().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as error:
        print(f"Bad setting: {error}", file=sys.stderr)
        return 2
    if args.command == "ingest":
        return asyncio.run(_ingest(settings, args.paths))
    if args.command == "reindex":
        return asyncio.run(_reindex(settings))
    if args.local:
        from .localapi.playground import main as playground

        return playground(Path(args.database or "data/playground.sqlite3"))
    if settings.bot_token is None:
        print(NO_TOKEN, file=sys.stderr)
        return 2
    webhook = args.webhook or settings.webhook_url is not None
    if webhook and (settings.webhook_url is None or settings.webhook_secret is None):
        print(NO_WEBHOOK, file=sys.stderr)
        return 2
    return _run(settings, webhook)


NO_WEBHOOK = (
    "Webhook mode needs WEBHOOK_URL (the public HTTPS address Telegram posts to, for example\n"
    "https://bot.example.com/telegram) and WEBHOOK_SECRET (any 1-256 letters, digits, _ or -,\n"
    "the same for every worker). See .env.example."
)


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    parser.add_argument(
        "--local",
        action="store_true",
        help="no token needed: run against a local Bot API server and chat in this terminal",
    )
    parser.add_argument("--database", help="with --local: the SQLite file to use")
    parser.add_argument(
        "--webhook",
        action="store_true",
        help="receive updates by webhook (WEBHOOK_URL, WEBHOOK_SECRET) instead of polling",
    )
    commands = parser.add_subparsers(dest="command")
    ingest = commands.add_parser("ingest", help="add raw article files, folders or JSONL files to the store")
    ingest.add_argument("paths", nargs="+", type=Path)
    commands.add_parser(
        "reindex", help="rank every stored article and find its key facts again, after the summarizer changed"
    )
    return parser


def _run(settings: Settings, webhook: bool) -> int:
    from urllib.parse import urlsplit

    from telegram import Update

    from .app import build_application
    from .errors import configure_logging

    secrets = [s.get_secret_value() for s in (settings.bot_token, settings.webhook_secret) if s]
    configure_logging(settings.log_level, *secrets)
    application = build_application(settings)
    try:
        if webhook:
            assert settings.webhook_url and settings.webhook_secret
            application.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url,
                secret_token=settings.webhook_secret.get_secret_value(),
                allowed_updates=Update.ALL_TYPES,
            )
        else:
            application.run_polling(allowed_updates=Update.ALL_TYPES)
    except Exception:  # noqa: BLE001 - logged (token redacted) instead of a raw traceback
        logging.getLogger("bot").exception("the bot stopped on an error")
        return 1
    return 0


@asynccontextmanager
async def _offline_news(settings: Settings) -> AsyncIterator[NewsService]:
    """The news service over the configured store, for a command that runs without Telegram."""
    from .service import NewsService
    from .store import open_store

    store = open_store(settings.database)
    news = NewsService(store, settings.default_summary_length, max_text_chars=settings.max_text_chars)
    await news.open()
    try:
        yield news
    finally:
        await store.close()


def _progress_bar(total: int) -> tqdm[NoReturn]:
    from tqdm import tqdm

    return tqdm(total=total, unit="article", disable=not sys.stderr.isatty())


async def _ingest(settings: Settings, paths: list[Path]) -> int:
    from .service import IngestReport, count_sources

    report = IngestReport()
    async with _offline_news(settings) as news:
        with _progress_bar(count_sources(paths)) as bar:
            await news.ingest_paths(paths, report, bar)
    print(f"added {report.added}, unchanged {report.unchanged}, rejected {len(report.rejected)}")
    for label, reason in report.rejected:
        print(f"  rejected {label}: {reason}")
    return 0 if not report.rejected else 1


async def _reindex(settings: Settings) -> int:
    async with _offline_news(settings) as news:
        with _progress_bar(await news.store.count()) as bar:
            seen, changed = await news.reindex(bar)
    print(f"reindexed {seen} articles: {changed} with a new ranking or new key facts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
