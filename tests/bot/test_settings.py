import re

import pytest
from pydantic import ValidationError

from bot.settings import Settings
from tests.conftest import ROOT


def test_env_example_documents_every_setting() -> None:
    documented = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    assert documented == {name.upper() for name in Settings.model_fields}
    settings = Settings(_env_file=ROOT / ".env.example")  # type: ignore[call-arg]
    assert settings.bot_token is None and settings.webhook_secret is None


def test_lists_and_bad_values_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLOWED_USERS", "12, 34 56")
    monkeypatch.setenv("FETCH_ALLOWED_NETWORKS", "127.0.0.2/32,10.0.0.0/8")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.allowed_users == [12, 34, 56]
    assert settings.fetch_allowed_networks == ["127.0.0.2/32", "10.0.0.0/8"]
    for name, value, message in [
        ("DIGEST_TIMEZONE", "Mars/Olympus", "unknown time zone"),
        ("DIGEST_TIME", "25:00", "not a time of day"),
        ("FETCH_ALLOWED_NETWORKS", "not-a-network", "does not appear to be an IPv4 or IPv6 network"),
    ]:
        monkeypatch.setenv(name, value)
        with pytest.raises(ValidationError, match=message):
            Settings(_env_file=None)  # type: ignore[call-arg]
        monkeypatch.delenv(name)


def test_files_download_from_the_bot_apis_file_url() -> None:
    official = Settings(_env_file=None)  # type: ignore[call-arg]
    assert official.file_url == "https://api.telegram.org/file/bot"
    local = Settings(_env_file=None, bot_api_base_url="http://127.0.0.1:8081/bot/")  # type: ignore[call-arg]
    assert local.file_url == "http://127.0.0.1:8081/file/bot"
    chosen = Settings(_env_file=None, bot_api_file_url="https://files.example/file/bot")  # type: ignore[call-arg]
    assert chosen.file_url == "https://files.example/file/bot"
