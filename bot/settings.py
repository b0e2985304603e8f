"""Settings from the environment and ``.env``; ``.env.example`` documents every one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr | None = Field(default=None, description="from @BotFather")
    bot_api_base_url: str = "https://api.telegram.org/bot"
    """Where the Bot API lives: Telegram's, or a self-hosted telegram-bot-api server."""
    bot_api_file_url: str | None = None
    """Where files people send are downloaded from; by default the Bot API's, with /file before /bot."""
    database: str = "data/newsbot.sqlite3"
    seeds_dir: Path = ROOT / "seeds"
    default_summary_length: int = Field(default=3, ge=1, le=20)
    digest_time: str = "08:00"
    digest_timezone: str = "UTC"
    digest_max_articles: int = Field(default=10, ge=1, le=50)
    channel_reply_seconds: float = Field(default=15.0, ge=0)
    """A /digest or /feed command posted in a channel, and the bot's reply, are deleted this
    much later: the channel's readers never see setup chatter."""
    log_level: str = "INFO"
    allowed_users: Annotated[list[int], NoDecode] = Field(default_factory=list)
    """If set, only these Telegram user ids may use the bot in private chats."""
    max_text_chars: int = Field(default=100_000, ge=1_000, le=300_000)
    """The one size limit of every source (pasted text, links, feed items, documents, files);
    the summarizer also refuses more than 3,000 sentences and cuts sentences at 1,200 characters."""
    fetch_max_bytes: int = Field(default=5_000_000, ge=10_000)
    fetch_timeout_seconds: float = Field(default=15.0, gt=0)
    fetch_connect_timeout_seconds: float = Field(default=5.0, gt=0)
    fetch_allowed_networks: Annotated[list[str], NoDecode] = Field(default_factory=list)
    """For tests and local servers only: networks links may point to despite being private."""
    feed_poll_minutes: float = Field(default=15.0, gt=0)
    feed_max_items: int = Field(default=10, ge=1, le=100)
    webhook_url: str | None = None
    """Public HTTPS URL Telegram posts updates to; set it (or pass --webhook) for webhook mode."""
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = None
    """Shared by every worker behind the load balancer; Telegram sends it with each update."""
    slow_work_limit: int = Field(default=32, ge=1)
    """Fetches, documents and new texts worked on at once; beyond it people are asked to retry."""
    rate_limit_burst: int = Field(default=10, ge=1)
    rate_limit_per_minute: float = Field(default=20.0, gt=0)
    """Per user: summarizing new text, searching and inline queries, beyond the burst."""

    @property
    def file_url(self) -> str:
        """The Bot API's file download URL (PTB's ``base_file_url``)."""
        if self.bot_api_file_url:
            return self.bot_api_file_url
        base = self.bot_api_base_url.rstrip("/")
        return f"{base.removesuffix('/bot')}/file/bot"

    @field_validator("bot_token", "webhook_secret", "webhook_url", "bot_api_file_url", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("digest_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder ("Europe"), a long name
            raise ValueError(f"unknown time zone {value!r}, use Area/City like Europe/London") from None
        return value

    @field_validator("digest_time")
    @classmethod
    def _clock_time(cls, value: str) -> str:
        from .schedule import parse_clock

        parse_clock(value)
        return value

    @field_validator("fetch_allowed_networks", mode="before")
    @classmethod
    def _network_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [v for v in value.replace(",", " ").split() if v]
        return value

    @field_validator("fetch_allowed_networks")
    @classmethod
    def _valid_networks(cls, value: list[str]) -> list[str]:
        import ipaddress

        for network in value:
            ipaddress.ip_network(network, strict=False)
        return value

    @field_validator("allowed_users", mode="before")
    @classmethod
    def _id_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [int(v) for v in value.replace(",", " ").split()]
        if isinstance(value, int):
            return [value]
        return value
