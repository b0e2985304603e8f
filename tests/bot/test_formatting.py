import pytest

from bot.localapi.html import visible_text
from bot.present.formatting import (
    MESSAGE_LIMIT,
    DigestItem,
    render_digest,
    render_facts,
    render_summary,
    split_message,
    utf16_len,
)
from bot.service import summary_of
from tests.builders import stored_article


@pytest.mark.parametrize(
    "text",
    [
        "short",
        "\n\n".join(["paragraph " * 300] * 5),
        "😀 " * 5000,
        "<b>" + "word " * 2000 + "</b>",
        "&amp; " * 3000,
        "x" * 10_000,
        "Sentence one. " * 800,
    ],
)
def test_split_message_pieces_are_valid_and_within_the_limit(text: str) -> None:
    pieces = split_message(text)
    assert pieces
    for piece in pieces:
        assert utf16_len(piece) <= MESSAGE_LIMIT
        visible_text(piece)  # raises if the HTML is broken
    joined = "".join(visible_text(p) for p in pieces)
    assert joined.replace(" ", "").replace("\n", "") == visible_text(text).replace(" ", "").replace("\n", "")


def test_summary_and_facts_escape_article_text(seed_text: str) -> None:
    hostile = "Tags <b>& co</b>\n\n" + "A <i>sentence</i> with & and < signs, repeated here. " * 6
    stored = stored_article(hostile)
    html = render_summary(stored, summary_of(stored, 3))
    assert "&lt;i&gt;sentence&lt;/i&gt;" in html
    visible_text(html)
    visible_text(render_facts(stored_article(seed_text)))


def test_digest_packs_articles_into_messages_without_splitting_them(seed_text: str) -> None:
    stored = stored_article(seed_text)
    items = [DigestItem(stored.model_copy(update={"seq": i}), summary_of(stored, 10)) for i in range(12)]
    messages = render_digest(items, "newsdigest_test_bot")
    assert len(messages) > 1
    assert sum(len(ids) for _, ids in messages) == 12
    for text, ids in messages:
        assert utf16_len(text) <= MESSAGE_LIMIT
        assert text.count("https://t.me/newsdigest_test_bot?start=s_") == len(ids)
        visible_text(text)
