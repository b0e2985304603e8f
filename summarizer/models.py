"""The library's boundary: parsed articles, their rankings, summaries and key facts."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

_set = object.__setattr__


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Caption(_Frozen):
    """A photo caption, kept apart from the body, with its credit when the page gives one."""

    text: str
    credit: str | None = None


class Sentence(_Frozen):
    """One sentence of the article body; ``index`` is its position in the article."""

    index: int
    paragraph: int
    text: str

    @classmethod
    def trusted(cls, index: int, paragraph: int, text: str) -> Sentence:
        """A sentence built unvalidated from values known to be right: what ``model_construct``
        builds (the same fields, all of them set), without its walk over the fields' aliases and
        defaults, which costs twice the object (an article has a sentence every 20 words)."""
        sentence = cls.__new__(cls)
        _set(sentence, "__dict__", {"index": index, "paragraph": paragraph, "text": text})
        _set(sentence, "__pydantic_fields_set__", {"index", "paragraph", "text"})
        _set(sentence, "__pydantic_extra__", None)
        _set(sentence, "__pydantic_private__", None)
        return sentence


class Article(_Frozen):
    """A parsed article. ``id`` is derived from its content, so the same text has the same id."""

    id: str
    title: str
    lead: str = ""
    paragraphs: tuple[str, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    author: str | None = None
    source: str | None = None
    captions: tuple[Caption, ...] = ()
    url: str | None = None
    published: datetime | None = None
    language: str = "en"
    """ISO 639-1 code of the language the article is written in (found from its text, or given)."""

    @property
    def text(self) -> str:
        """The body as plain text: the lead, then each paragraph, separated by blank lines."""
        return "\n\n".join(p for p in (self.lead, *self.paragraphs) if p)


class Ranking(_Frozen):
    """A score for every sentence of an article: rank once, cut a summary of any length.

    Every ranker of this revision gives one order, so a longer summary holds every shorter one.
    ``long_scores`` (a second order for summaries of ``long_from`` sentences or more) is what
    rankings stored by earlier revisions carry; they are cut as they were until re-ranked.
    """

    algorithm: str
    scores: tuple[float, ...]
    long_scores: tuple[float, ...] = ()
    long_from: int = 0

    def scores_for(self, count: int) -> tuple[float, ...]:
        """The scores a summary of ``count`` sentences is cut from."""
        if self.long_scores and count >= self.long_from:
            return self.long_scores
        return self.scores

    def order(self, count: int) -> list[int]:
        """Every sentence index, best first in the order a summary of ``count`` is cut from (ties
        by position)."""
        scores = self.scores_for(count)
        return sorted(range(len(scores)), key=lambda i: (-scores[i], i))

    def top(self, count: int) -> list[int]:
        """Indices of the ``count`` best sentences, in article order."""
        return sorted(self.order(count)[: max(0, count)])


class SummarySentence(_Frozen):
    index: int
    text: str
    score: float


class Summary(_Frozen):
    """The chosen sentences of one article, in article order, with their scores."""

    article_id: str
    algorithm: str
    sentences: tuple[SummarySentence, ...] = ()
    total_sentences: int = 0

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


class FactKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    FIGURE = "figure"
    DATE = "date"
    QUOTE = "quote"


class KeyFact(_Frozen):
    """One fact, verbatim in the sentence it comes from (``sentence`` is that sentence's index)."""

    kind: FactKind
    text: str
    sentence: int
    context: str = Field(default="", description="What a figure counts, or who said a quote.")
