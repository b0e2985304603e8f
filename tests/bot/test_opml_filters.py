"""OPML files read safely and written for feed readers; digest filters built like search input."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest

from bot.links.opml import MAX_OPML_BYTES, MAX_OPML_FEEDS, OpmlError, OpmlFeed, read_opml, write_opml
from bot.store.filters import (
    FilterError,
    decode_terms,
    encode_terms,
    fts5_all_words,
    lexeme_terms,
    parse_terms,
    show_terms,
    ts_all_words,
)

READER_EXPORT = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="News" title="News">
      <outline type="rss" text="World" title="World news" xmlUrl="https://example.org/world.rss" htmlUrl="https://example.org/"/>
      <outline type="rss" text="Tech" xmlUrl=" http://example.net/atom.xml "/>
    </outline>
    <outline type="rss" text="Again" xmlUrl="https://example.org/world.rss"/>
    <outline type="rss" text="Local file" xmlUrl="file:///etc/passwd"/>
    <outline text="A folder with no feed"/>
  </body>
</opml>"""

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<opml version="2.0"><head><title>&lol4;</title></head><body/></opml>"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<opml version="2.0"><head><title>&xxe;</title></head><body/></opml>"""


def test_feeds_are_read_from_nested_folders_once_each_with_refusals() -> None:
    read = read_opml(READER_EXPORT)
    assert read.feeds == [
        OpmlFeed("https://example.org/world.rss", "World news"),
        OpmlFeed("http://example.net/atom.xml", "Tech"),
    ]
    assert read.refused == [("file:///etc/passwd", "not an http or https link")]


@pytest.mark.parametrize("hostile", [BOMB, EXTERNAL])
def test_an_entity_bomb_or_external_entity_is_refused(hostile: bytes) -> None:
    with pytest.raises(OpmlError, match="entities"):
        read_opml(hostile)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "well-formed"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "well-formed"),
        (b"<rss><channel/></rss>", "not OPML"),
        (b"<opml><head/></opml>", "not OPML"),
        (b"<opml><body>" + b" " * MAX_OPML_BYTES + b"</body></opml>", "larger"),
    ],
)
def test_what_is_not_opml_gets_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(OpmlError, match=reason):
        read_opml(data)


def test_a_file_with_too_many_feeds_keeps_the_first_and_refuses_the_rest() -> None:
    outlines = "".join(f'<outline xmlUrl="https://example.org/{i}.xml"/>' for i in range(MAX_OPML_FEEDS + 3))
    read = read_opml(f"<opml><body>{outlines}</body></opml>".encode())
    assert len(read.feeds) == MAX_OPML_FEEDS
    assert [reason for _, reason in read.refused] == [f"more than {MAX_OPML_FEEDS} feeds in one file"] * 3


def test_an_export_is_opml_2_that_reads_back_the_same() -> None:
    feeds = [OpmlFeed("https://example.org/a.xml?x=1&y=2", 'Tom & "Jerry" <news>'), OpmlFeed("https://b.example/rss")]
    data = write_opml("Feeds of <Chat>", feeds, datetime(2026, 12, 2, 9, 30, tzinfo=UTC))
    root = ET.fromstring(data)
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.findtext("head/title") == "Feeds of <Chat>"
    assert root.findtext("head/dateCreated") == "Wed, 02 Dec 2026 09:30:00 +0000"
    outlines = root.findall("body/outline")
    assert all(o.get("type") == "rss" and o.get("text") for o in outlines)
    assert read_opml(data).feeds == [feeds[0], OpmlFeed("https://b.example/rss", "https://b.example/rss")]


def test_filter_terms_are_words_and_quoted_phrases_lower_cased_once_each() -> None:
    terms = parse_terms('Brexit "Interest  rates" brexit, "bank of England"')
    assert terms == (("brexit",), ("interest", "rates"), ("bank", "of", "england"))
    assert show_terms(terms) == 'brexit "interest rates" "bank of england"'
    assert decode_terms(encode_terms(terms)) == terms
    assert decode_terms(None) == () and encode_terms(()) is None


def test_hostile_filter_input_is_only_words() -> None:
    terms = parse_terms("NEAR(a b) title:x* AND -y '; DROP articles; -- \" unclosed:* phrase")
    words = {w for t in terms for w in t}
    assert words == {"near", "a", "b", "title", "x", "and", "y", "drop", "articles", "unclosed", "phrase"}
    lexemes = lexeme_terms(terms)
    assert fts5_all_words(lexemes).count('"') == 2 * sum(map(len, lexemes))
    assert ":" not in ts_all_words(lexemes) and "*" not in fts5_all_words(lexemes)


def test_the_index_queries_match_any_term_with_all_its_lexemes() -> None:
    terms = lexeme_terms((("brexit",), ("interest", "rates"), ("bank", "of", "england"), ("the", "of")))
    assert terms == (("brexit",), ("interest", "rate"), ("bank", "england"))
    assert fts5_all_words(terms) == '("brexit") OR ("interest" AND "rate") OR ("bank" AND "england")'
    assert ts_all_words(terms) == "('brexit') | ('interest' & 'rate') | ('bank' & 'england')"


@pytest.mark.parametrize("typed", ["", "   ", '"" !!! ***', "_ _"])
def test_a_filter_with_no_words_is_refused(typed: str) -> None:
    with pytest.raises(FilterError, match="words"):
        parse_terms(typed)


def test_a_filter_is_bounded() -> None:
    with pytest.raises(FilterError, match="at most"):
        parse_terms(" ".join(f"w{i}" for i in range(11)))
    assert parse_terms('"' + " ".join(["long"] * 3 + [f"w{i}" for i in range(9)]) + '"')[0][:3] == ("long",) * 3
    assert len(parse_terms("x" * 500)[0][0]) == 40
