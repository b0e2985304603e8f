"""The local Bot API's files are as strict as Telegram's: getFile, then a download by its path."""

import aiohttp

from bot.localapi.files import GETFILE_MAX_BYTES
from bot.localapi.server import LocalBotApi
from tests.bot.conftest import ALICE


async def _call(api: LocalBotApi, method: str, **params: object) -> tuple[int, dict]:  # type: ignore[type-arg]
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{api.base_url}{api.token}/{method}", json=params) as r,
    ):
        return r.status, await r.json()


async def _download(api: LocalBotApi, path: str, token: str | None = None) -> tuple[int, bytes]:
    async with aiohttp.ClientSession() as session, session.get(f"{api.file_url}{token or api.token}/{path}") as r:
        return r.status, await r.read()


async def test_get_file_then_download_by_its_path(api: LocalBotApi) -> None:
    update = api.send_document(ALICE, b"hello world", "note.txt", "text/plain")
    document = update["message"]["document"]
    assert document["file_name"] == "note.txt" and document["file_size"] == 11
    status, answer = await _call(api, "getFile", file_id=document["file_id"])
    assert status == 200 and answer["result"]["file_path"].endswith(".txt")
    assert await _download(api, answer["result"]["file_path"]) == (200, b"hello world")


async def test_get_file_refuses_unknown_ids_and_files_over_20_mb(api: LocalBotApi) -> None:
    assert await _call(api, "getFile", file_id="nope") == (
        400,
        {"ok": False, "error_code": 400, "description": "Bad Request: invalid file_id"},
    )
    big = api.send_document(ALICE, b"x" * (GETFILE_MAX_BYTES + 1), "big.pdf")["message"]["document"]
    status, answer = await _call(api, "getFile", file_id=big["file_id"])
    assert status == 400 and answer["description"] == "Bad Request: file is too big"


async def test_downloads_need_a_path_from_get_file_and_the_bots_token(api: LocalBotApi) -> None:
    document = api.send_document(ALICE, b"secret", "a.txt")["message"]["document"]
    assert (await _download(api, "documents/file_1.txt"))[0] == 404
    _, answer = await _call(api, "getFile", file_id=document["file_id"])
    assert (await _download(api, answer["result"]["file_path"], token="1:wrong"))[0] == 401
