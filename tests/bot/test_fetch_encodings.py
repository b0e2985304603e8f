"""The size limit holds on decoded bytes for every content-encoding; bombs are refused quickly."""

import gzip
import time
from collections.abc import AsyncIterator

import pytest

from bot.bench.sites import STORY, HostileSite, deflate, gzip_bomb
from bot.links.fetch import SLICE, FetchError, Inflater, SafeFetcher, decoder_for

PAGE = STORY.format(title="Harbour bridge to close", day="Monday").encode()


@pytest.fixture
async def site() -> AsyncIterator[HostileSite]:
    async with HostileSite() as server:
        yield server


def fetcher(**overrides: object) -> SafeFetcher:
    return SafeFetcher(allowed_networks=["127.0.0.2/32"], **overrides)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("", PAGE),
        ("identity", PAGE),
        ("gzip", gzip.compress(PAGE)),
        ("x-gzip", gzip.compress(PAGE)),
        ("gzip", gzip.compress(PAGE[:300]) + gzip.compress(PAGE[300:])),
        ("deflate", deflate(PAGE)),
        ("deflate", deflate(PAGE, raw=True)),
        ("GZIP, identity", gzip.compress(PAGE)),
    ],
)
async def test_every_encoding_a_server_may_send_is_decoded(site: HostileSite, encoding: str, body: bytes) -> None:
    page = await fetcher().fetch(site.serve("page", body, encoding))
    assert page.body == PAGE


@pytest.mark.parametrize(
    ("encoding", "reason"),
    [
        ("gzip, gzip", r"compressed more than once \(gzip, gzip\)"),
        ("deflate, gzip", "compressed more than once"),
        ("br", r"a compression I can't read \(br\)"),
        ("zstd", "a compression I can't read"),
    ],
)
async def test_stacked_and_unknown_encodings_are_refused_before_reading(
    site: HostileSite, encoding: str, reason: str
) -> None:
    bomb = gzip_bomb(2 << 30, layers=2)
    assert len(bomb) < 10_000
    started = time.monotonic()
    with pytest.raises(FetchError, match=reason):
        await fetcher().fetch(site.serve("bomb", bomb, encoding))
    assert time.monotonic() - started < 5


async def test_one_gzip_layer_is_cut_at_the_limit_on_decoded_bytes(site: HostileSite) -> None:
    bomb = gzip_bomb(1 << 30)  # 1 GiB of zeros in about 1 MB
    with pytest.raises(FetchError, match="too large"):
        await fetcher(max_bytes=1_000_000).fetch(site.serve("bomb", bomb, "gzip"))


async def test_broken_compressed_data_is_a_clear_error(site: HostileSite) -> None:
    with pytest.raises(FetchError, match="compressed data is broken"):
        await fetcher().fetch(site.serve("broken", b"\x1f\x8b\x08\x00garbage" * 50, "gzip"))


def test_no_decoding_step_makes_more_than_a_slice() -> None:
    pieces = list(Inflater(gzip=True).decode(gzip_bomb(64 << 20)))
    assert max(len(p) for p in pieces) <= SLICE
    assert sum(len(p) for p in pieces) == 64 << 20
    assert type(decoder_for("")) is not Inflater
