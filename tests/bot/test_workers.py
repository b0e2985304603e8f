"""Scale-out: two bot workers in webhook mode behind a load balancer, one PostgreSQL, the local
Bot API server delivering updates to both. Every command is answered once; every digest item
is posted once; when the leader dies mid-digest, the other worker finishes it, posting the one
message that was on its way again, marked."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import ClientSession, web

from bot.localapi.server import Faults, LocalBotApi
from tests.bot.conftest import ALICE, BOB, GROUP, free_port
from tests.bot.test_crash import ARTICLES, _posted, assert_once_and_one_marked_repeat, ingest_new_articles
from tests.bot.test_store_contract import PG_DSN
from tests.conftest import ROOT


class Balancer:
    """Round-robin HTTP load balancer on 127.0.0.1 that skips a worker that does not answer."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.routed: list[int] = []
        self.sticky: int | None = None
        self.port = free_port()
        self._turn = 0

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        headers = {k: v for k, v in request.headers.items() if k.lower().startswith(("x-telegram", "content-type"))}
        order = [self.sticky] if self.sticky is not None else self.ports[self._turn :] + self.ports[: self._turn]
        self._turn = (self._turn + 1) % len(self.ports)
        async with ClientSession() as session:
            for port in order:
                try:
                    async with session.post(f"http://127.0.0.1:{port}/telegram", data=body, headers=headers) as answer:
                        self.routed.append(port)
                        return web.Response(status=answer.status, body=await answer.read())
                except OSError:
                    continue
        return web.Response(status=502)


async def _schema() -> str:
    import psycopg

    schema = f"workers_{uuid.uuid4().hex[:10]}"
    try:
        async with await psycopg.AsyncConnection.connect(PG_DSN, autocommit=True) as db:
            await db.execute(f'CREATE SCHEMA "{schema}"')
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL not reachable at {PG_DSN}: {error}")
    return schema


async def _listening(port: int, timeout: float = 60) -> None:
    """Wait until a worker's webhook server accepts connections: under load it can open its port
    well after its start-up calls to Telegram, and the balancer would route past it."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            if asyncio.get_running_loop().time() > deadline:
                raise
            await asyncio.sleep(0.1)
            continue
        writer.close()
        await writer.wait_closed()
        return


@pytest.fixture
async def cluster(api: LocalBotApi, tmp_path: Path) -> AsyncIterator[dict]:  # type: ignore[type-arg]
    schema = await _schema()
    database = f"{PG_DSN}?options=-csearch_path%3D{schema}"
    ports = [free_port(), free_port()]
    balancer = Balancer(ports)
    app = web.Application()
    app.router.add_post("/telegram", balancer.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", balancer.port).start()
    base = {
        **os.environ,
        "BOT_TOKEN": api.token,
        "BOT_API_BASE_URL": api.base_url,
        "DATABASE": database,
        "WEBHOOK_URL": f"http://127.0.0.1:{balancer.port}/telegram",
        "WEBHOOK_LISTEN": "127.0.0.1",
        "WEBHOOK_SECRET": "cluster-secret",
        "LOG_LEVEL": "WARNING",
        "DIGEST_MAX_ARTICLES": "50",
    }
    workers: dict[int, asyncio.subprocess.Process] = {}

    async def start(port: int) -> None:
        log = (tmp_path / f"worker-{port}.log").open("ab")
        workers[port] = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "--webhook",
            cwd=ROOT,
            env={**base, "WEBHOOK_PORT": str(port)},
            stdout=log,
            stderr=log,
        )
        calls = len(api.calls_to("setMyCommands"))
        await api.wait_for(lambda: len(api.calls_to("setMyCommands")) > calls, timeout=60)
        await _listening(port)
        await asyncio.sleep(0.5)

    await start(ports[0])  # the first worker up leads the digests
    await start(ports[1])
    try:
        yield {"ports": ports, "balancer": balancer, "workers": workers, "env": base}
    finally:
        for process in workers.values():
            if process.returncode is None:
                process.kill()
                await process.wait()
        await runner.cleanup()
        import psycopg

        async with await psycopg.AsyncConnection.connect(PG_DSN, autocommit=True) as db:
            await db.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


async def test_every_command_answered_once_by_either_worker(api: LocalBotApi, cluster: dict) -> None:  # type: ignore[type-arg]
    balancer: Balancer = cluster["balancer"]
    for number in range(6):
        user = ALICE if number % 2 else BOB
        [reply] = await api.reply_to(user, f"/latest {number + 1}", timeout=20)
        assert reply["text"].startswith(f"Latest {number + 1} articles" if number else "The latest article")
    await asyncio.sleep(1)
    replies = Counter(m["text"].splitlines()[0] for chat in (ALICE, BOB) for m in api.sent_to(chat))
    assert all(count == 1 for count in replies.values()), replies
    assert set(balancer.routed) == set(cluster["ports"])  # both workers served updates


async def test_leader_killed_mid_digest_the_other_finishes_it(
    api: LocalBotApi,
    cluster: dict,
    tmp_path: Path,  # type: ignore[type-arg]
) -> None:
    leader, follower = cluster["ports"]
    balancer: Balancer = cluster["balancer"]
    await api.reply_to(ALICE, "/digest on", GROUP, timeout=20)
    await ingest_new_articles(tmp_path / "new", cluster["env"])
    api.faults = Faults(rate=1.0, kinds=("slow",), methods=frozenset({"sendMessage"}), slow_seconds=0.5)
    balancer.sticky = leader
    api.send(ALICE, "/digest now", GROUP)
    try:
        await api.wait_for(lambda: len(_posted(api)) >= 10 and api.held, timeout=60)
    except TimeoutError:
        logs = "".join(p.read_text()[-2500:] for p in tmp_path.glob("worker-*.log"))
        raise AssertionError(f"{len(_posted(api))} posted, routed {balancer.routed[-3:]}:\n{logs}") from None
    cluster["workers"][leader].kill()
    await cluster["workers"][leader].wait()
    api.faults = Faults()
    balancer.sticky = None
    try:
        await api.wait_for(lambda: len(_posted(api)) >= ARTICLES, timeout=60)
    except TimeoutError:
        logs = "".join(p.read_text()[-1500:] for p in tmp_path.glob("worker-*.log"))
        raise AssertionError(f"{len(_posted(api))} posted\n{logs}") from None
    await asyncio.sleep(2)
    assert_once_and_one_marked_repeat(api)
    [status] = await api.reply_to(ALICE, "/digest now", GROUP, timeout=20)
    assert "Nothing new" in status["text"]
    assert balancer.routed[-1] == follower
