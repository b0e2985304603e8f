import httpx

from bot.app import build_application, running
from bot.localapi.server import LocalBotApi
from tests.bot.conftest import ALICE, free_port, make_settings


async def test_webhook_mode_with_secret_token(api: LocalBotApi, database) -> None:  # type: ignore[no-untyped-def]
    port = free_port()
    async with running(build_application(make_settings(api, database)), webhook_port=port, secret_token="s3cret-token"):
        [reply] = await api.reply_to(ALICE, "/latest 2")
        assert reply["text"].startswith("Latest 2 articles")
        answer = await api.inline_query(ALICE, "ghouta")
        assert len(answer["results"]) == 1
        assert not api.calls_to("getUpdates")[1:]  # no polling once the webhook is set
        async with httpx.AsyncClient() as client:
            forged = await client.post(f"http://127.0.0.1:{port}/telegram", json={"update_id": 999})
        assert forged.status_code == 403
