"""A summary of any length is a cut of one order: "Longer" never takes a sentence away, no
summary holds a sentence twice or opens with a reference to what it left out, and a short
article keeps its lead."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer import Article, parse_article, rank, summarize
from summarizer.crossval import has_repeat
from summarizer.readability import unresolved_opening
from tests.conftest import ROOT, SEEDS

DEV = ROOT.parent / "shared" / "eval" / "news-dev.jsonl"


def _assert_nested(article: Article) -> None:
    """Every length from 1 to 20 holds the one before; none holds a sentence twice while the
    article has sentences enough that repeat none other."""
    ranking = rank(article)
    texts = [s.text for s in article.sentences]
    repeating = sum(any(has_repeat([t, u]) for j, u in enumerate(texts) if j != i) for i, t in enumerate(texts))
    previous: set[int] = set()
    for length in range(1, 21):
        summary = summarize(article, length, ranking)
        chosen = [s.index for s in summary.sentences]
        assert chosen == sorted(chosen) and len(chosen) == min(length, len(texts))
        assert previous <= set(chosen), (length, previous - set(chosen))
        assert length > len(texts) - repeating or not has_repeat([s.text for s in summary.sentences]), length
        previous = set(chosen)


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_every_seed_grows_by_adding_sentences(seed: str) -> None:
    _assert_nested(parse_article((SEEDS / seed).read_text(encoding="utf-8")))


@pytest.mark.skipif(not DEV.is_file(), reason="the dev set lives in ../shared/eval/")
def test_every_dev_article_grows_by_adding_sentences() -> None:
    for line in DEV.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        _assert_nested(parse_article(row["text"], title=row.get("title")))


_SENTENCE = st.sampled_from(
    [
        "The council approved the harbour budget on Monday.",
        "The harbour budget was approved by the council on Monday.",
        "He said the vote was close.",
        "But the opposition walked out of the chamber.",
        "Mr Clarke, the treasurer, called it a fair plan for the port.",
        "Fishermen welcomed the new money for the quay.",
        "Tourism rose by 4.5% last year, figures show.",
        "Critics say the plan ignores flooding on the coast road.",
        "The mayor, Anna Clarke, will sign the budget on Friday.",
        "It was the third budget vote this year.",
        "Work on the quay starts in spring and ends in 2027.",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=30))
def test_any_article_grows_by_adding_sentences(sentences: list[str]) -> None:
    article = parse_article("Harbour budget\n\n" + " ".join(sentences))
    _assert_nested(article)


def test_a_sentence_that_points_back_never_opens_a_summary() -> None:
    text = " ".join(
        [
            "The council approved the harbour budget on Monday after a long debate.",
            "Fishermen welcomed the new money for the quay, which has been crumbling for years.",
            "He said the harbour budget vote was close and the harbour needed the money now.",
            "But the harbour budget leaves the coast road without money for flood defences.",
            "Mr Morrow will succeed the harbour master when the harbour budget is spent.",
            "Tourism at the harbour rose by 4.5% last year, council figures show.",
        ]
    )
    article = parse_article("Harbour budget\n\n" + text)
    texts = [s.text for s in article.sentences]
    assert [unresolved_opening(texts, article.title, i) for i in range(len(texts))] == [
        False,
        False,
        True,
        True,
        True,
        False,
    ]
    ranking = rank(article)
    for length in range(1, len(texts) + 1):
        first = summarize(article, length, ranking).sentences[0].index
        assert not unresolved_opening(texts, article.title, first)


_HARBOUR_BODY = [
    "The harbour council approved the budget for the quay on Monday after a long debate.",
    "Fishermen welcomed the harbour money for the quay, which has been crumbling for years.",
    "The mayor will sign the harbour budget on Friday at the town hall.",
    "Work on the harbour quay starts in spring and ends in 2027, the council said.",
    "Tourism at the harbour rose by 4.5% last year, council figures show.",
    "The port authority asked the council for a second dredger for the harbour next year.",
    "Shops on the harbour front expect more trade once the quay reopens.",
    "The coast road by the harbour closed twice last winter after high tides.",
    "Critics say the harbour plan ignores flooding on the coast road.",
]


def test_a_long_article_that_opens_with_a_pronoun_puts_that_sentence_last() -> None:
    opening = "She has run the harbour for twenty years and now the harbour budget is hers to spend."
    article = parse_article("Harbour budget\n\n" + " ".join([opening, *_HARBOUR_BODY]))
    texts = [s.text for s in article.sentences]
    assert len(texts) > 8 and unresolved_opening(texts, article.title, 0)
    ranking = rank(article)
    for length in range(1, len(texts)):
        summary = summarize(article, length, ranking)
        assert not unresolved_opening(texts, article.title, summary.sentences[0].index), length
    assert 0 in ranking.top(len(texts))


def test_a_short_article_that_opens_with_a_pronoun_keeps_it() -> None:
    opening = "She has run the harbour for twenty years and now the harbour budget is hers to spend."
    article = parse_article("Harbour budget\n\n" + " ".join([opening, *_HARBOUR_BODY[:5]]))
    ranking = rank(article)
    assert all(0 in ranking.top(length) for length in range(1, 7))


def test_mr_x_is_resolved_once_the_full_name_came_before() -> None:
    texts = ["Pat Morrow was named harbour master.", "Mr Morrow starts in May."]
    assert not unresolved_opening(texts, "", 1)
    assert unresolved_opening(texts, "", 0) is False and unresolved_opening(["Mr Morrow starts."], "", 0)


@pytest.mark.parametrize("count", [4, 6, 8])
def test_a_short_article_keeps_its_lead_at_every_length(count: int) -> None:
    lead = "A storm closed the harbour on Tuesday, the port authority said."
    body = [
        f"The harbour budget for repairs to quay number {n} was debated by the harbour council."
        for n in range(1, count)
    ]
    article = parse_article("Harbour storm\n\n" + " ".join([lead, *body]))
    assert len(article.sentences) == count
    ranking = rank(article)
    for length in range(1, count + 1):
        assert 0 in ranking.top(length)


def test_the_same_sentence_twice_in_an_article_is_summarized_once() -> None:
    said = "The council approved the harbour budget of 4.5m on Monday after a long debate."
    others = [
        "Fishermen welcomed the new money for the quay.",
        "Critics say the plan ignores flooding on the coast road.",
        "The mayor will sign the budget on Friday at the town hall.",
        "Work on the quay starts in spring and ends in 2027.",
        "Tourism rose last year, figures show, and hotels are full.",
        "The port authority asked for a second dredger next year.",
        "Shops on the front expect more trade once the quay reopens.",
        "The coast road closed twice last winter after high tides.",
        "The budget includes money for a new lifeboat station.",
    ]
    article = parse_article("Harbour budget\n\n" + " ".join([said, *others[:4], said, *others[4:]]))
    ranking = rank(article)
    for length in range(1, len(article.sentences)):
        texts = [s.text for s in summarize(article, length, ranking).sentences]
        assert texts.count(said) <= 1, length
