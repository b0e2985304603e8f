"""Local web sites that behave badly, for the traffic benchmark and the tests: slow pages that
answer only when released, and compressed bodies that inflate far beyond their size."""

from __future__ import annotations

import asyncio
import functools
import gzip
import zlib

from aiohttp import web

STORY = """<html><head><title>{title}</title></head><body><nav>Home News Sport</nav><article>
<h1>{title}</h1><p>Engineers said on {day} that the harbour bridge would close for repairs next
spring, after an inspection found corroded cables under the main span.</p><p>Officials said the work
would take several months and cost millions of pounds, and residents would be kept informed at public
meetings every week.</p><p>Critics said the plan came too late, but most people who spoke to reporters
welcomed the decision and said the bridge had felt unsafe for years.</p></article></body></html>"""

_ZERO_MEMBER_BYTES = 64 << 20


def gzip_bomb(decoded_bytes: int, layers: int = 1) -> bytes:
    """Gzip of ``decoded_bytes`` zero bytes (as members of 64 MiB), gzipped again ``layers - 1``
    times: a few kilobytes that inflate to gigabytes."""
    body = _zeros(min(decoded_bytes, _ZERO_MEMBER_BYTES)) * max(1, decoded_bytes // _ZERO_MEMBER_BYTES)
    for _ in range(layers - 1):
        body = gzip.compress(body, compresslevel=9)
    return body


@functools.cache
def _zeros(size: int) -> bytes:
    return gzip.compress(bytes(size), compresslevel=9)


def deflate(data: bytes, raw: bool = False) -> bytes:
    """``data`` as Content-Encoding deflate: zlib-wrapped, or raw as some servers send it."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


class HostileSite:
    """``async with HostileSite(host) as site``: /slow/N holds until ``release()`` (or its time
    runs out), then serves a story; /coded/NAME serves a registered body with its encoding."""

    def __init__(self, host: str = "127.0.0.2", hold_seconds: float = 60.0) -> None:
        self.host = host
        self.hold_seconds = hold_seconds
        self.port = 0
        self.bodies: dict[str, tuple[bytes, str, str]] = {}
        self.waiting = 0
        self._released = asyncio.Event()
        self._runner: web.AppRunner | None = None

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def serve(self, name: str, body: bytes, encoding: str, content_type: str = "text/html") -> str:
        """Serve ``body`` as it is, labelled with Content-Encoding ``encoding``; returns its URL."""
        self.bodies[name] = (body, encoding, content_type)
        return self.url(f"/coded/{name}")

    def release(self) -> None:
        self._released.set()

    async def __aenter__(self) -> HostileSite:
        app = web.Application()
        app.router.add_get("/slow/{n}", self._slow)
        app.router.add_get("/coded/{name}", self._coded)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def __aexit__(self, *_: object) -> None:
        self.release()
        assert self._runner
        await self._runner.cleanup()

    async def _slow(self, request: web.Request) -> web.Response:
        self.waiting += 1
        try:
            await asyncio.wait_for(self._released.wait(), self.hold_seconds)
        except TimeoutError:
            pass
        finally:
            self.waiting -= 1
        number = request.match_info["n"]
        title = f"Harbour bridge to close, part {number}"
        return web.Response(text=STORY.format(title=title, day=f"day {number}"), content_type="text/html")

    async def _coded(self, request: web.Request) -> web.Response:
        body, encoding, content_type = self.bodies[request.match_info["name"]]
        headers = {"Content-Type": content_type, **({"Content-Encoding": encoding} if encoding else {})}
        return web.Response(body=body, headers=headers)
