"""An article's card: what a list of articles (an inline query's results) shows of it, kept
beside the article at ingest so that a search reads a few hundred bytes, not the whole article.

A card holds the article without its text (title, source, author, date, id), the best
``CARD_SENTENCES`` sentences in the ranking's order, the count of all sentences and the facts a
facts line shows: any summary up to that length is cut from it exactly as ``summarize`` cuts it
from the whole article and its ranking (``tests/bot/test_store_contract.py`` checks that).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from summarizer import Article, FactKind, KeyFact, Ranking, Summary, SummarySentence

from .base import pack, unpack

CARD_SENTENCES = 3
"""The longest summary a card can give, the default length (``Settings.default_summary_length``):
a longer one is cut from the whole article. Each more sentence costs about 0.035 of the text's
size in the store (a card of 3 is 0.19 of it, compressed; of 5, 0.26)."""
CARD_FACTS = 5
"""Facts a card keeps: as many as a facts line shows."""


class Card(BaseModel):
    model_config = ConfigDict(frozen=True)

    article: Article
    """The article without its text: no lead, paragraphs, sentences or captions."""
    facts: tuple[KeyFact, ...]
    best: tuple[SummarySentence, ...]
    """The best sentences, best first."""
    total_sentences: int
    algorithm: str
    longest: int
    """The longest summary ``best`` gives as ``summarize`` would (fewer than CARD_SENTENCES
    where a stored ranking's second order takes over, ``Ranking.long_from``)."""

    def summary(self, length: int) -> Summary | None:
        """The summary of ``length`` sentences, or None when the card cannot give it."""
        if not 0 < length <= self.longest:
            return None
        chosen = sorted(self.best[:length], key=lambda s: s.index)
        return Summary(
            article_id=self.article.id,
            algorithm=self.algorithm,
            sentences=tuple(chosen),
            total_sentences=self.total_sentences,
        )


def make_card(article: Article, ranking: Ranking, facts: Sequence[KeyFact]) -> Card:
    scores = ranking.scores
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:CARD_SENTENCES]
    longest = min(CARD_SENTENCES, ranking.long_from - 1) if ranking.long_scores else CARD_SENTENCES
    shown: list[KeyFact] = []
    for fact in facts:
        if fact.kind is not FactKind.QUOTE and all(f.text != fact.text for f in shown):
            shown.append(fact)
    return Card(
        article=article.model_copy(update={"lead": "", "paragraphs": (), "sentences": (), "captions": ()}),
        facts=tuple(shown[:CARD_FACTS]),
        best=tuple(SummarySentence(index=i, text=article.sentences[i].text, score=scores[i]) for i in order),
        total_sentences=len(article.sentences),
        algorithm=ranking.algorithm,
        longest=longest,
    )


def packed_card(article: Article, ranking: Ranking, facts: Sequence[KeyFact]) -> bytes:
    """An article's card as the stores keep it: JSON without its defaults, compressed."""
    return pack(make_card(article, ranking, facts).model_dump_json(exclude_defaults=True))


def card_from_row(row: Any) -> Card:
    """A card from a database row's ``card`` column (sqlite3.Row or a dict), kept compressed."""
    return Card.model_validate_json(unpack(row["card"]))
