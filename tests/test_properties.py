"""Property tests over hostile text: nothing raises unhandled, every summary sentence and fact
comes from the input, and every outgoing message is one the strict Bot API server accepts.

CI runs a moderate number of examples; ``HYPOTHESIS_PROFILE=thorough make test`` runs 10,000
per property.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.localapi.html import visible_text
from bot.present.formatting import (
    MESSAGE_LIMIT,
    DigestItem,
    render_article_page,
    render_digest,
    render_facts,
    render_summary,
    split_message,
    utf16_len,
)
from bot.service import summary_of
from bot.store import StoredArticle
from summarizer import ArticleError, split_sentences, summarize
from tests.builders import stored_article

settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

_FRAGMENTS = [
    "<b>",
    "</i>",
    "<script>alert(1)</script>",
    "&amp;",
    "&",
    "<",
    ">",
    '"',
    "“quoted”",
    "\u200b",
    "\u200f",
    "\u202e",
    "مرحبا بالعالم.",
    "שלום עולם.",
    "😀",
    "👨‍👩‍👧",
    "Mr.",
    "U.S.",
    "10.9bn",
    "2,277th",
    "said.The",
    "\n",
    "\n\n",
    "...",
    "?!",
    "Click here",
    "© 2024",
    "Photo Credit: X/Y",
    "   ",
    "\t",
    "A" * 300,
    "Über",
    "日本語の文章。",
    "Привет, мир.",
    "e.g.",
    "a.m.",
    "(",
    ")",
    "*",
    "#",
    "_",
    "`",
]
article_text = st.lists(
    st.one_of(
        st.sampled_from(_FRAGMENTS),
        st.text(min_size=1, max_size=40),
        st.text(alphabet=st.characters(categories=["Lu", "Ll", "Nd", "Zs", "Po"]), min_size=5, max_size=200),
    ),
    min_size=1,
    max_size=60,
).map(" ".join)


def _stored(raw: str) -> StoredArticle | None:
    try:
        return stored_article(raw)
    except ArticleError:
        return None


def _acceptable(message: str) -> None:
    shown = visible_text(message)  # raises where Telegram would answer "can't parse entities"
    assert shown.strip()
    assert utf16_len(shown) <= MESSAGE_LIMIT and utf16_len(message) <= MESSAGE_LIMIT


@given(article_text)
def test_tokenizer_returns_verbatim_slices(text: str) -> None:
    for sentence in split_sentences(text):
        assert sentence and sentence in text and sentence == sentence.strip()


@given(article_text, st.integers(min_value=1, max_value=12))
def test_summaries_only_contain_input_sentences(text: str, length: int) -> None:
    stored = _stored(text)
    if stored is None:
        return
    article = stored.article
    summary = summarize(article, length, stored.ranking)
    assert 1 <= len(summary.sentences) <= length
    for sentence in summary.sentences:
        assert article.sentences[sentence.index].text == sentence.text
        assert sentence.text in text.replace("\r\n", "\n") or sentence.text in article.text
    for fact in stored.facts:
        assert fact.text in article.sentences[fact.sentence].text


@given(article_text, st.integers(min_value=1, max_value=20))
def test_every_message_is_valid_for_telegram(text: str, length: int) -> None:
    stored = _stored(text)
    if stored is None:
        return
    summary = summary_of(stored, length)
    for message in split_message(render_summary(stored, summary)):
        _acceptable(message)
    for message in split_message(render_facts(stored)):
        _acceptable(message)
    page, _ = render_article_page(stored, 0)
    for message in split_message(page):
        _acceptable(message)
    for message, _ in render_digest([DigestItem(stored, summary, (stored,))] * 3, "newsdigest_test_bot"):
        _acceptable(message)


@given(st.text(max_size=6000))
def test_split_message_keeps_any_escaped_text_valid(text: str) -> None:
    from bot.present.formatting import escape

    for piece in split_message(escape(text)):
        _acceptable(piece)
