"""A small web server on 127.0.0.2 for link and feed tests: pages, redirects, failures, a feed."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from aiohttp import web

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HOST = "127.0.0.2"

STORY = """<html><head><title>{title}</title></head><body><nav>Home News Sport Weather</nav><article>
<h1>{title}</h1><p>{lead}</p>{body}</article>
<aside>Related: Ten things to do this weekend</aside></body></html>"""
BODIES = (
    """<p>Officials said the work would take several months and cost millions of pounds, and
residents would be kept informed at public meetings every week.</p><p>Critics said the plan came too
late, but most people who spoke to reporters welcomed the decision.</p>""",
    """<p>The council expects evening visitors to double once the change is made, with extra staff
hired from the spring.</p><p>Students had petitioned for the move for three years, arguing that the
old timetable left them nowhere quiet to study after lectures.</p>""",
    """<p>Forecasters warned that strong winds could bring down trees across the region overnight,
and drivers were told to avoid exposed roads.</p><p>Schools in two valleys said they would open late
on Thursday while crews cleared the debris.</p>""",
)
"""A different body for each story (by its number), as different stories have."""


class WebServer:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.items: list[tuple[str, str, str]] = []  # (guid, title, lead)
        self.feed_broken = False
        self.port = 0
        self._runner: web.AppRunner | None = None

    def url(self, path: str) -> str:
        return f"http://{HOST}:{self.port}{path}"

    async def __aenter__(self) -> WebServer:
        app = web.Application(middlewares=[self._count])
        routes = {
            "/article": self._article,
            "/short": self._short,
            "/pdf": self._pdf,
            "/missing": self._missing,
            "/big": self._big,
            "/slow": self._slow,
            "/redirect": self._redirect,
            "/loop": self._loop,
            "/feed.xml": self._feed,
            "/story/{n}": self._story,
        }
        for path, handler in routes.items():
            app.router.add_get(path, handler)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, HOST, 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def __aexit__(self, *_: object) -> None:
        assert self._runner
        await self._runner.cleanup()

    @web.middleware
    async def _count(self, request: web.Request, handler):  # type: ignore[no-untyped-def]
        self.hits[request.path] += 1
        return await handler(request)

    async def _article(self, _: web.Request) -> web.Response:
        return web.Response(text=(FIXTURES / "article.html").read_text(), content_type="text/html")

    async def _short(self, _: web.Request) -> web.Response:
        return web.Response(text="<html><body><p>Page not ready.</p></body></html>", content_type="text/html")

    async def _pdf(self, _: web.Request) -> web.Response:
        return web.Response(body=b"%PDF-1.4 ...", content_type="application/pdf")

    async def _missing(self, _: web.Request) -> web.Response:
        return web.Response(status=404, text="not here")

    async def _big(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        chunk = b"<p>" + b"x" * 65_000 + b"</p>"
        try:
            for _ in range(120):  # about 8 MB, no Content-Length: the limit must hold while streaming
                await response.write(chunk)
        except ConnectionError:
            pass
        return response

    async def _slow(self, _: web.Request) -> web.Response:
        await asyncio.sleep(5)
        return web.Response(text="<p>late</p>", content_type="text/html")

    async def _redirect(self, request: web.Request) -> web.Response:
        raise web.HTTPFound(request.query["to"])

    async def _loop(self, _: web.Request) -> web.Response:
        raise web.HTTPFound("/loop")

    async def _story(self, request: web.Request) -> web.Response:
        number = int(request.match_info["n"])
        _, title, lead = self.items[number]
        body = BODIES[number % len(BODIES)]
        return web.Response(text=STORY.format(title=title, lead=lead, body=body), content_type="text/html")

    async def _feed(self, request: web.Request) -> web.Response:
        if self.feed_broken:
            return web.Response(status=500, text="upstream exploded")
        etag = f'"v{len(self.items)}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        entries = "".join(
            f"<item><title>{title}</title><link>{self.url(f'/story/{n}')}</link><guid>{guid}</guid>"
            f"<pubDate>{format_datetime(datetime(2024, 5, 1, tzinfo=UTC))}</pubDate></item>"
            for n, (guid, title, _) in reversed(list(enumerate(self.items)))
        )
        body = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Coastal Courier</title>
<link>{self.url("/")}</link><description>Local news</description>{entries}</channel></rss>"""
        return web.Response(text=body, content_type="application/rss+xml", headers={"ETag": etag})
