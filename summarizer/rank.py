"""Sentence ranking through sumy: every stock algorithm by name, plus the news ranker.

This is the only module that imports sumy. An article becomes sumy's document model (the title
as a heading, one sumy paragraph per article paragraph, our own tokenizer for words), any sumy
summarizer rates its sentences, and the ratings are kept for every sentence, so that a summary
of any length is a cut of one ranking.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from functools import cache, lru_cache, partial
from typing import Any

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers._summarizer import AbstractSummarizer, SentenceInfo
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from .features import (
    FEATURES,
    Analysis,
    SentenceModel,
    mmr_order,
    readable_first,
    shipped_model,
    without_repeats,
)
from .languages import language, snowball_stemmer, stop_words
from .lexicon import STOP_WORDS
from .models import Article, Ranking
from .readability import unresolved_opening
from .tokenize import Tokenizer

DEFAULT_ALGORITHM = "default"
SHORT_ARTICLE = 8
"""An article of at most this many sentences is short: every summary of it holds its lead."""
_STEMMER = Stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Lower-cased Snowball stem, cached: news vocabularies repeat, the stemmer is slow."""
    return str(_STEMMER(word.lower()))


class _ContentStems(dict[str, str]):
    """Each word's stem if it is a content word, empty for a stop word or a single character:
    a dictionary filled as words are first asked for, so that a known word costs one lookup
    (mapped over a sentence's words, no Python call at all). Emptied when it grows past
    200,000 words, so that a long-running bot's junk words (codes, numbers) do not pile up.
    One per language, each with that language's stop words and stemmer (for the news ranker's
    English, :func:`content_words`, the "stemmer" keeps the lower-cased word as it is)."""

    limit = 200_000

    def __init__(self, stop_words: frozenset[str] = STOP_WORDS, stemmer: Callable[[str], str] = stem) -> None:
        super().__init__()
        self.stop_words = stop_words
        self.stem = stemmer

    def __missing__(self, word: str) -> str:
        if len(self) >= self.limit:
            self.clear()
        lower = word.lower()
        found = self[word] = "" if len(word) < 2 or lower in self.stop_words else self.stem(lower)
        return found


_CONTENT_STEMS = _ContentStems()


@cache
def content_stems(code: str) -> _ContentStems:
    """The content-word stems of a language: sumy's English stemmer, Snowball's for the others
    (words stay whole where Snowball has no stemmer: Ukrainian, Chinese, Japanese)."""
    if code == "en":
        return _CONTENT_STEMS
    lang = language(code)
    return _ContentStems(stop_words(lang), snowball_stemmer(lang))


UNSTEMMED = frozenset({"en"})
"""Languages whose sentences the news ranker compares by their content words as written
(lower-cased), not by stems. English, chosen by 5-fold cross-validation over dev + train with
the weights refitted each way: held-out margins of words over stems, paired over the articles,
BBC +1.63 [+1.20, +2.05] ROUGE-1, +2.28 [+1.72, +2.84] ROUGE-2, +1.70 [+1.25, +2.14] ROUGE-Lsum;
CNN/DM -0.22 [-0.52, +0.08], -0.16 [-0.43, +0.10], -0.22 [-0.51, +0.06], inside the interval.
Plural-only stemming does no better (CNN/DM -0.25 [-0.50, -0.00] against words as written).
The other languages keep their Snowball stems: on the 184 German web pages of the languages
benchmark (against their meta description) stems do a little better (3 sentences: ROUGE-1
28.9 against 28.3 with words as written), and the rest have too few articles to choose by."""


@cache
def content_words(code: str) -> _ContentStems:
    """What the news ranker compares sentences by: content words as written where the language
    is in :data:`UNSTEMMED`, its content stems otherwise."""
    if code not in UNSTEMMED:
        return content_stems(code)
    return _ContentStems(content_stems(code).stop_words, _as_written)


def _as_written(lower: str) -> str:
    return lower


@cache
def _tokenizer(code: str) -> Tokenizer:
    return Tokenizer(code)


class NewsSummarizer(AbstractSummarizer):  # type: ignore[misc]
    """A sumy summarizer for news: one order of the sentences, which every summary length cuts.

    The first picks are a headline block: a fitted scorer over the lead, centrality, title
    overlap and standalone-ness, with maximal marginal relevance so that they do not repeat each
    other. A second fitted scorer extends them into a condensed article, centrality weighing
    more. A longer summary therefore always holds a shorter one, and no sentence comes before
    another one that says it already (repeats go last).
    """

    def __init__(self, *, model: SentenceModel | None = None, language: str = "en") -> None:
        content = content_words(language)
        super().__init__(content.stem)
        self.stop_words: frozenset[str] = content.stop_words
        self._content = content
        self.model = model
        self._analysed: tuple[ObjectDocumentModel, Analysis] | None = None

    def __call__(self, document: ObjectDocumentModel, sentences_count: Any) -> tuple[Any, ...]:
        return self._get_best_sentences(document.sentences, sentences_count, self.rate_sentences(document).__getitem__)

    def rate_sentences(self, document: ObjectDocumentModel) -> dict[SumySentence, float]:
        """A rating per sentence, falling along the order: from 1 for the first to 1/n (sumy's
        interface; two sentences of one text are one key, and keep the better rating)."""
        order = self.order(document)
        sentences = document.sentences
        ratings: dict[SumySentence, float] = {}
        for position, i in enumerate(order):
            ratings.setdefault(sentences[i], (len(order) - position) / len(order))
        return ratings

    def order(self, document: ObjectDocumentModel) -> list[int]:
        """Every sentence index, best first."""
        analysis = self.analyse(document)
        return news_order(analysis, analysis.features(), self.model or shipped_model())

    def analyse(self, document: ObjectDocumentModel) -> Analysis:
        """What the scorers read, kept for the last document analysed."""
        if self._analysed is None or self._analysed[0] is not document:
            sentences = document.sentences
            firsts = {id(p.sentences[0]) for p in document.paragraphs if p.sentences}
            analysis = Analysis(
                [str(s) for s in sentences],
                [self._words(s.words) for s in sentences],
                [id(s) in firsts for s in sentences],
                " ".join(map(str, document.headings)),
                set(self._words(w for h in document.headings for w in h.words)),
            )
            self._analysed = (document, analysis)
        return self._analysed[1]

    def _words(self, words: Iterable[str]) -> list[str]:
        if self._stemmer is self._content.stem and self.stop_words is self._content.stop_words:
            return list(filter(None, map(self._content.__getitem__, words)))
        stem_word = self._stemmer
        return [stem_word(lower) for w in words if len(w) > 1 and (lower := w.lower()) not in self.stop_words]


def _sumy_algorithms() -> dict[str, Callable[[str], AbstractSummarizer]]:
    def with_stop_words(cls: type) -> Callable[[str], AbstractSummarizer]:
        def make(code: str) -> AbstractSummarizer:
            content = content_stems(code)
            summarizer = cls(content.stem)
            summarizer.stop_words = content.stop_words
            return summarizer

        return make

    return {
        "lexrank": with_stop_words(LexRankSummarizer),
        "textrank": with_stop_words(TextRankSummarizer),
        "lsa": with_stop_words(LsaSummarizer),
        "luhn": with_stop_words(LuhnSummarizer),
        "kl": with_stop_words(KLSummarizer),
        "sumbasic": with_stop_words(SumBasicSummarizer),
        "reduction": with_stop_words(ReductionSummarizer),
        "edmundson": _edmundson,
        DEFAULT_ALGORITHM: _news,
    }


def _news(code: str) -> AbstractSummarizer:
    return NewsSummarizer(language=code)


def _edmundson(code: str) -> AbstractSummarizer:
    content = content_stems(code)
    summarizer = EdmundsonSummarizer(content.stem)
    summarizer.null_words = content.stop_words
    return summarizer


_FACTORIES = _sumy_algorithms()
ALGORITHMS: tuple[str, ...] = tuple(_FACTORIES)
"""Every algorithm a ranking can be asked for, by name."""


class UnknownAlgorithm(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(f"unknown algorithm {name!r}; choose one of: {', '.join(ALGORITHMS)}")


def build_document(article: Article) -> ObjectDocumentModel:
    """sumy's document model of an article: its title as a heading, its sentences as they are."""
    paragraphs: dict[int, list[SumySentence]] = {}
    tokenizer = _tokenizer(article.language)
    for sentence in article.sentences:
        paragraphs.setdefault(sentence.paragraph, []).append(SumySentence(sentence.text, tokenizer))
    heading = SumySentence(article.title, tokenizer, is_heading=True)
    blocks = [Paragraph(sentences) for _, sentences in sorted(paragraphs.items())]
    if blocks:
        blocks[0] = Paragraph([heading, *blocks[0]._sentences])
    return ObjectDocumentModel(blocks)


def rank(article: Article, algorithm: str = DEFAULT_ALGORITHM, model: SentenceModel | None = None) -> Ranking:
    """Score every sentence of ``article`` with one sumy summarizer (the news ranker with
    ``model``'s weights when given, the shipped ones otherwise)."""
    factory = _FACTORIES.get(algorithm)
    if factory is None:
        raise UnknownAlgorithm(algorithm)
    code = article.language
    summarizer = NewsSummarizer(model=model, language=code) if algorithm == DEFAULT_ALGORITHM else factory(code)
    document = build_document(article)
    count = len(document.sentences)
    if isinstance(summarizer, NewsSummarizer):
        # By position, not through sumy's dictionary of ratings, where two equal texts are one key.
        order = summarizer.order(document) if count else []
        scores = [0.0] * count
        for position, index in enumerate(order):
            scores[index] = (count - position) / count
        return Ranking(algorithm=algorithm, scores=tuple(scores))
    if isinstance(summarizer, EdmundsonSummarizer):
        summarizer.bonus_words = [w for h in document.headings for w in h.words] or ["news"]
        summarizer.stigma_words = ["pictured", "click", "subscribe"]
    captured: list[SentenceInfo] = []

    def keep_all(infos: list[SentenceInfo]) -> list[SentenceInfo]:
        captured.extend(infos)
        return infos

    if count:
        summarizer(document, keep_all)
    return Ranking(algorithm=algorithm, scores=_scores_by_position(captured, count))


def news_order(analysis: Analysis, features: np.ndarray, model: SentenceModel) -> list[int]:
    """Every sentence index, best first: the short scorer's picks, then the long one's."""
    short, long = model.short(features), model.long(features)
    empty = [i for i, bag in enumerate(analysis.bags) if not bag]
    if empty:  # no content words: nothing to say
        short[empty], long[empty] = short.min() - 1, long.min() - 1
    first = mmr_order(short.tolist(), analysis.presence, model.redundancy, model.short_picks(len(features)))
    short_article = len(features) <= SHORT_ARTICLE
    if short_article and analysis.bags[0]:  # a short article's summary keeps its lead
        first = [0, *(i for i in first if i != 0)]
    chosen = set(first)
    longs = long.tolist()
    rest = sorted((i for i in range(len(features)) if i not in chosen), key=longs.__getitem__, reverse=True)
    texts, title = analysis.texts, analysis.title_text
    readable = partial(unresolved_opening, texts, title)
    repeats = without_repeats(first + rest, analysis.bags, duplicates=analysis.duplicates())
    return readable_first(repeats, readable, keep_lead=short_article)


def content_bag(text: str, language: str = "en") -> frozenset[str]:
    """The content words the news ranker compares sentences by (:func:`content_words`)."""
    return frozenset(filter(None, map(content_words(language).__getitem__, _tokenizer(language).to_words(text))))


def sentence_features(article: Article) -> np.ndarray:
    """The news ranker's feature rows for the sentences of ``article`` (what its weights are fitted on)."""
    document = build_document(article)
    summarizer = NewsSummarizer(language=article.language)
    return summarizer.analyse(document).features() if document.sentences else np.zeros((0, len(FEATURES)))


def _scores_by_position(infos: list[SentenceInfo], count: int) -> tuple[float, ...]:
    """sumy hands the infos over best first; turn them into a score per sentence position.

    Raw ratings are kept where they order the sentences; ties keep sumy's own order.
    """
    scores = [0.0] * count
    previous = math.inf
    for rank_number, info in enumerate(infos):
        value = float(info.rating) if info.rating is not None else -float(rank_number)
        if math.isnan(value):
            value = -float(rank_number)
        value = min(value, previous)
        if value == previous:
            value = math.nextafter(previous, -math.inf)
        scores[info.order] = value
        previous = value
    return tuple(scores)
