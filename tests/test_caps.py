"""Adversarial text of every shape completes with every cap held: capitalised runs (a "name"
thousands of words long), quotes that never close, no punctuation at all, one endless line,
thousands of tiny sentences. Checks completion and the caps, never time."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.service import NewsService
from bot.store import SqliteArticleStore
from summarizer import MAX_FACTS, Article, ArticleError, key_facts, parse_article, rank, summarize
from summarizer.parse import MAX_SENTENCES
from summarizer.tokenize import MAX_SENTENCE_CHARS

WORDS = ["Alpha", "Beta", "Gamma", "Delta", "Minister", "Bank", "London", "Said", "The", "Of"]


def _capitalised(words: int) -> str:
    picker = random.Random(words)
    return " ".join(picker.choice(WORDS) for _ in range(words))


def _quotes(words: int) -> str:
    picker = random.Random(words)
    return " ".join(
        picker.choice(['"Alpha', "“Beta", "Gamma”", "'Delta", "said", "«Bank»", "„x"]) for _ in range(words)
    )


ADVERSARIAL = {
    "capitalised run": _capitalised(15_000),
    "unclosed quotes": _quotes(15_000),
    "no punctuation": " ".join(f"word{n % 97}" for n in range(15_000)),
    "one long line": "x" * 90_000,
    "tiny sentences": "Ab. " * 20_000,
    "title then capitals": "Headline here\n\n" + _capitalised(12_000) + ". " + _capitalised(3_000),
}


def _check(article: Article) -> None:
    assert 0 < len(article.sentences) <= MAX_SENTENCES
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in article.sentences)
    ranking = rank(article)
    assert len(ranking.scores) == len(article.sentences)
    facts = key_facts(article, ranking)
    assert len(facts) <= MAX_FACTS
    assert all(f.text in article.sentences[f.sentence].text for f in facts)
    assert len(summarize(article, 20, ranking).sentences) <= 20


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_text_completes_within_caps(name: str) -> None:
    try:
        article = parse_article(ADVERSARIAL[name])
    except ArticleError as error:
        assert "too many sentences" in str(error) or "too long" in str(error)
        return
    _check(article)


@given(
    st.lists(
        st.sampled_from([*WORDS, "“", "”", '"', "'", ".", "!", "?", "\n", "\n\n", "—", "3.5", "Mr.", "U.S."]),
        min_size=1,
        max_size=3_000,
    ),
    st.sampled_from([" ", "", "  "]),
)
def test_random_hostile_mixtures_complete_within_caps(pieces: list[str], glue: str) -> None:
    try:
        article = parse_article(glue.join(pieces))
    except ArticleError:
        return
    _check(article)


def test_tiny_sentences_over_the_cap_get_a_clear_refusal() -> None:
    with pytest.raises(ArticleError, match="too many sentences"):
        parse_article("Ab cd. " * (MAX_SENTENCES + 10))


async def test_one_size_limit_for_every_source(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Pasted text and articles from any other source (links, feeds, documents) alike."""
    store = SqliteArticleStore(tmp_path / "caps.sqlite3")
    news = NewsService(store, max_text_chars=5_000)
    await news.open()
    try:
        body = "The council met on Monday to agree a plan for the harbour. " * 100
        with pytest.raises(ArticleError, match="too long"):
            await news.add_text(body, title="Harbour plan")
        article = parse_article(body, title="Harbour plan", url="https://example.org/harbour")
        for origin in ("feed", "catalog", "user"):
            with pytest.raises(ArticleError, match="too long"):
                await news.add_article(article, origin)
        assert await store.count() == 0
        stored, created = await news.add_text(body[:4_000], title="Harbour plan")
        assert created and stored.article.title == "Harbour plan"
    finally:
        await store.close()
