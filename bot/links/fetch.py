"""Fetching a link someone sent, safely.

Only http and https. The host is resolved and every address it resolves to is checked: loopback,
private, link-local, carrier-grade NAT, multicast, reserved and unspecified addresses (IPv4 and
IPv6, IPv4-mapped IPv6 included) are refused. The connection then goes to the address that was
checked, never through a second DNS lookup that could be rebound; TLS still verifies the real
host name. Every redirect hop is checked the same way, five at most. Connect and total time are
limited, and only the content types asked for are read. The body is limited while it streams, on
its decoded bytes: gzip and deflate are inflated here a slice at a time, never more than the limit,
giving the event loop (and so the time limit) a turn after each slice; stacked or unknown
content-encodings are refused, so a few kilobytes can never grow into gigabytes.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import zlib
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass

import httpx

from ..i18n import N_

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
    "application/feed+json",
    *HTML_TYPES,
)
USER_AGENT = "NewsDigestBot/1.0 (Telegram summary bot; fetches one page per link people send)"

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]


class FetchError(Exception):
    """A link that could not be fetched; the message is meant for the person who sent it."""


REDIRECTS = N_("that link redirects more than {count} times")
STATUS = N_("the site answered with an error ({status})")
NOT_A_PAGE = N_("that link is not a web page (it is {type})")
TOO_LARGE = N_("that page is too large (over {size} MB)")
LAYERED = N_("that page is compressed more than once ({codings}), which I don't open")
UNKNOWN_CODING = N_("that page uses a compression I can't read ({coding})")
TEMPLATES = (REDIRECTS, STATUS, NOT_A_PAGE, TOO_LARGE, LAYERED, UNKNOWN_CODING)
"""The reasons with values in them, raised in English and said in the reader's language (``i18n.reason``)."""


@dataclass(frozen=True)
class Page:
    url: str
    status: int
    content_type: str
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    def text(self) -> str:
        charset = "utf-8"
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip('"')
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class SafeFetcher:
    def __init__(
        self,
        *,
        max_bytes: int = 5_000_000,
        connect_timeout: float = 5.0,
        total_timeout: float = 15.0,
        max_redirects: int = 5,
        allowed_networks: Sequence[str] = (),
        resolver: Resolver = system_resolver,
    ) -> None:
        self.max_bytes = max_bytes
        self.connect_timeout = connect_timeout
        self.total_timeout = total_timeout
        self.max_redirects = max_redirects
        self.allowed = [ipaddress.ip_network(n, strict=False) for n in allowed_networks]
        self.resolver = resolver

    async def fetch(
        self, url: str, *, accept: Sequence[str] = HTML_TYPES, headers: dict[str, str] | None = None
    ) -> Page:
        """GET ``url`` safely (see the module docstring); FetchError with a clear reason if not."""
        try:
            async with asyncio.timeout(self.total_timeout):
                return await self._fetch(url, accept, headers or {})
        except TimeoutError:
            raise FetchError(N_("the site took too long to answer")) from None

    async def _fetch(self, url: str, accept: Sequence[str], headers: dict[str, str]) -> Page:
        timeout = httpx.Timeout(self.total_timeout, connect=self.connect_timeout)
        async with httpx.AsyncClient(timeout=timeout, follow_redirects=False) as client:
            current = _parse(url)
            for _ in range(self.max_redirects + 1):
                response = await self._get(client, current, headers)
                try:
                    if response.is_redirect and response.headers.get("location"):
                        current = _parse(str(current.join(response.headers["location"])))
                        continue
                    return await self._read(current, response, accept)
                finally:
                    await response.aclose()
        raise FetchError(REDIRECTS.format(count=self.max_redirects))

    async def _get(self, client: httpx.AsyncClient, url: httpx.URL, headers: dict[str, str]) -> httpx.Response:
        address = await self._checked_address(url)
        host = f"[{address}]" if address.version == 6 else str(address)
        pinned = url.copy_with(host=host)
        request = client.build_request(
            "GET",
            pinned,
            headers={
                "Host": _host_header(url),
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
                "Accept-Encoding": "gzip, deflate",
                **headers,
            },
            extensions={"sni_hostname": url.host},
        )
        try:
            return await client.send(request, stream=True)
        except httpx.TimeoutException:
            raise FetchError(N_("the site took too long to answer")) from None
        except httpx.HTTPError:
            raise FetchError(N_("I couldn't connect to that site")) from None

    async def _checked_address(self, url: httpx.URL) -> Address:
        host = url.host
        port = url.port or (443 if url.scheme == "https" else 80)
        try:
            addresses = [ipaddress.ip_address(host)]
        except ValueError:
            try:
                addresses = [ipaddress.ip_address(a.split("%")[0]) for a in await self.resolver(host, port)]
            except (OSError, ValueError):
                raise FetchError(N_("I couldn't find that site")) from None
        if not addresses:
            raise FetchError(N_("I couldn't find that site"))
        for address in addresses:
            if not self.is_allowed(address):
                raise FetchError(N_("I can't open that address: it is not on the public internet"))
        return addresses[0]

    def is_allowed(self, address: Address) -> bool:
        """Public unicast addresses only, unless an allowlisted network (tests) says otherwise."""
        candidates: list[Address] = [address]
        if isinstance(address, ipaddress.IPv6Address):
            embedded = address.ipv4_mapped or address.sixtofour or (address.teredo[1] if address.teredo else None)
            if embedded is not None:
                candidates.append(embedded)
        if any(a in network for a in candidates for network in self.allowed):
            return all(any(a in n for n in self.allowed) or _public(a) for a in candidates)
        return all(_public(a) for a in candidates)

    async def _read(self, url: httpx.URL, response: httpx.Response, accept: Sequence[str]) -> Page:
        etag, modified = response.headers.get("etag"), response.headers.get("last-modified")
        if response.status_code == 304:
            return Page(str(url), 304, "", b"", etag, modified)
        if response.status_code >= 400:
            raise FetchError(STATUS.format(status=response.status_code))
        content_type = response.headers.get("content-type", "text/html")
        if content_type.split(";")[0].strip().lower() not in accept:
            raise FetchError(NOT_A_PAGE.format(type=content_type.split(";")[0]))
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(TOO_LARGE.format(size=self.max_bytes // 1_000_000))
        body = await self._body(response)
        return Page(str(url), response.status_code, content_type, bytes(body), etag, modified)

    async def _body(self, response: httpx.Response) -> bytes:
        """The decoded body, refused as soon as it grows past ``max_bytes``."""
        too_large = FetchError(TOO_LARGE.format(size=self.max_bytes // 1_000_000))
        decoder = decoder_for(response.headers.get("content-encoding", ""))
        body = bytearray()
        try:
            async for raw in response.aiter_raw():
                for piece in decoder.decode(raw):
                    body += piece
                    if len(body) > self.max_bytes:
                        raise too_large
                    await asyncio.sleep(0)
        except httpx.HTTPError:
            raise FetchError(N_("the connection broke while reading the page")) from None
        return bytes(body)


SLICE = 64 * 1024
"""Decoded bytes made at a time: the most a compressed body can grow before the limit is checked."""


class Decoder:
    """Content-encoding ``identity``: the bytes as they came."""

    def decode(self, raw: bytes) -> Iterator[bytes]:
        """The decoded bytes of ``raw``, in slices of at most SLICE bytes."""
        for start in range(0, len(raw), SLICE):
            yield raw[start : start + SLICE]


class Inflater(Decoder):
    """gzip (members one after another) or deflate (zlib-wrapped, or raw as some servers send it),
    inflated with a cap on each step's output so no step makes more than SLICE bytes."""

    def __init__(self, gzip: bool) -> None:
        self.gzip = gzip
        self._inflate = zlib.decompressobj(zlib.MAX_WBITS | 16 if gzip else zlib.MAX_WBITS)
        self._started = False
        self._finished = False

    def decode(self, raw: bytes) -> Iterator[bytes]:
        data = raw
        while not self._finished:
            piece = self._step(data)
            data = self._inflate.unconsumed_tail
            if self._inflate.eof:
                data = self._next_member(self._inflate.unused_data)
            if piece:
                yield piece
            if not data and len(piece) < SLICE:
                return

    def _step(self, data: bytes) -> bytes:
        try:
            piece = self._inflate.decompress(data, SLICE)
        except zlib.error:
            if self.gzip or self._started:
                raise FetchError(N_("the page's compressed data is broken")) from None
            self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
            self._started = True
            return self._step(data)
        self._started = True
        return piece

    def _next_member(self, rest: bytes) -> bytes:
        """What follows a finished stream: another gzip member, or trailing bytes to drop."""
        if self.gzip and rest.startswith(b"\x1f\x8b"):
            self._inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
            return rest
        self._finished = True
        return b""


def decoder_for(content_encoding: str) -> Decoder:
    """The decoder for a Content-Encoding header; FetchError for stacked or unknown encodings."""
    layers = [e.strip().lower() for e in content_encoding.split(",") if e.strip().lower() not in ("", "identity")]
    if len(layers) > 1:
        raise FetchError(LAYERED.format(codings=", ".join(layers)))
    if not layers:
        return Decoder()
    if layers[0] in ("gzip", "x-gzip"):
        return Inflater(gzip=True)
    if layers[0] == "deflate":
        return Inflater(gzip=False)
    raise FetchError(UNKNOWN_CODING.format(coding=layers[0][:20]))


def _parse(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError):
        raise FetchError(N_("that is not a link I can open")) from None
    if parsed.scheme not in ("http", "https"):
        raise FetchError(N_("I can only open http and https links"))
    if not parsed.host:
        raise FetchError(N_("that link has no site in it"))
    return parsed


def _host_header(url: httpx.URL) -> str:
    host = f"[{url.host}]" if ":" in url.host else url.host
    return f"{host}:{url.port}" if url.port else host


def _public(address: Address) -> bool:
    return address.is_global and not (
        address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or address.is_loopback
        or address.is_link_local
        or address.is_private
    )
