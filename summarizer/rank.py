"""Sentence ranking through sumy: every stock algorithm by name, plus the news ranker.

This is the only module that imports sumy. An article becomes sumy's document model (the title
as a heading, one sumy paragraph per article paragraph, our own tokenizer for words), any sumy
summarizer rates its sentences, and the ratings are kept for every sentence, so that a summary
of any length is a cut of one ranking.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
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

from .languages import language, snowball_stemmer, stop_words
from .lexicon import STOP_WORDS
from .models import Article, Ranking
from .tokenize import STOPS, Tokenizer, count_words

DEFAULT_ALGORITHM = "default"
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
    One per language, each with that language's stop words and stemmer."""

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


_CONTENT_STEMS = _ContentStems(STOP_WORDS, stem)


@cache
def content_stems(code: str) -> _ContentStems:
    """The content-word stems of a language: sumy's English stemmer, Snowball's for the others
    (words stay whole where Snowball has no stemmer: Ukrainian, Chinese, Japanese)."""
    if code == "en":
        return _CONTENT_STEMS
    lang = language(code)
    return _ContentStems(stop_words(lang), snowball_stemmer(lang))


@cache
def _tokenizer(code: str) -> Tokenizer:
    return Tokenizer(code)


class NewsSummarizer(AbstractSummarizer):  # type: ignore[misc]
    """A sumy summarizer for news, with two orders chosen by how much of the article is asked for.

    A *short* summary (at most a third of the article's sentences) is what a headline block
    is: the lead, centrality, title overlap and standalone-ness, then maximal marginal relevance
    so that the chosen sentences do not repeat each other. A *long* summary is a condensed
    article: centrality decides, the lead only breaks ties, and only fragments are held back.
    Within each order a longer summary adds sentences to a shorter one.
    """

    lead_weight = 2.0
    lead_size = 3.5
    lead_softness = 0.6
    """News puts the point in its first few sentences: a soft window over about four sentences
    (``1 / (1 + exp((index - lead_size) / lead_softness))``), weighted ``lead_weight`` in a
    short summary, within which centrality decides, and outside which centrality alone ranks."""
    long_lead_weight = 0.15
    """In a long summary the same window only breaks ties between equally central sentences."""
    long_length_power = -0.1
    """Centrality sums what a sentence shares with the others, so it grows with the sentence; in
    a long summary, where sentences are many and room is the cost, a rating is divided by the
    tenth root of the sentence's content words: of two sentences that say as much, the shorter."""
    long_share = 1 / 3
    """A summary of more than this share of the article's sentences is a long one."""
    title_weight = 0.3
    redundancy = 0.3
    """MMR trade-off: how much overlap with an already chosen sentence costs."""

    def __init__(self, stemmer: Callable[[str], str] = stem, language: str = "en") -> None:
        content = content_stems(language)
        super().__init__(stemmer if language == "en" else content.stem)
        self.stop_words: frozenset[str] = content.stop_words
        self._content = content
        self._analysed: _Analysis | None = None

    def __call__(self, document: ObjectDocumentModel, sentences_count: Any) -> tuple[Any, ...]:
        long = isinstance(sentences_count, int) and sentences_count >= self.long_from(len(document.sentences))
        ratings = self.rate_long(document) if long else self.rate_sentences(document)
        return self._get_best_sentences(document.sentences, sentences_count, ratings.__getitem__)

    def long_from(self, total: int) -> int:
        """The smallest summary length of ``total`` sentences that takes the long order."""
        return math.floor(total * self.long_share) + 1

    def rate_sentences(self, document: ObjectDocumentModel) -> dict[SumySentence, float]:
        """The short order: a rating per sentence, non-increasing along the MMR picks."""
        analysis = self._analyse(document)
        title = frozenset(self._words(w for h in document.headings for w in h.words))
        base = []
        for i, bag in enumerate(analysis.bags):
            overlap = len(title & bag) / len(title) if title and bag else 0.0
            news = self.lead_weight * self._lead(i) + self.title_weight * overlap
            standalone = analysis.fragment[i] * _soft_factor(analysis.texts[i], i)
            base.append((analysis.centrality[i] + news) * standalone if bag else 0.0)
        ratings: dict[SumySentence, float] = {}
        picks = self.long_from(len(base))  # no short summary is longer
        for i, value in _mmr_order(base, analysis.presence, self.redundancy, picks):
            ratings.setdefault(analysis.sentences[i], value)
        return ratings

    def rate_long(self, document: ObjectDocumentModel) -> dict[SumySentence, float]:
        """The long order: centrality with the lead as a tie-breaker, a little less for length,
        fragments held back at half strength (a long summary has room, and centrality already
        rates a fragment low)."""
        analysis = self._analyse(document)
        ratings: dict[SumySentence, float] = {}
        for i, sentence in enumerate(analysis.sentences):
            bag = analysis.bags[i]
            value = analysis.centrality[i] + self.long_lead_weight * self._lead(i)
            ratings[sentence] = (
                value * len(bag) ** self.long_length_power * math.sqrt(analysis.fragment[i]) if bag else 0.0
            )
        return ratings

    def _analyse(self, document: ObjectDocumentModel) -> _Analysis:
        """What both orders read, kept for the last document analysed."""
        if self._analysed is None or self._analysed.document is not document:
            self._analysed = _Analysis(document, [self._words(s.words) for s in document.sentences])
        return self._analysed

    def _lead(self, index: int) -> float:
        return 1.0 / (1.0 + math.exp(min(50.0, (index - self.lead_size) / self.lead_softness)))

    def _words(self, words: Iterable[str]) -> list[str]:
        if self._stemmer is self._content.stem and self.stop_words is self._content.stop_words:
            return list(filter(None, map(self._content.__getitem__, words)))
        stem_word = self._stemmer
        return [stem_word(lower) for w in words if len(w) > 1 and (lower := w.lower()) not in self.stop_words]


class _Analysis:
    """A document's sentences as content words: their bags, how central each sentence is, and
    how much each looks like a fragment."""

    def __init__(self, document: ObjectDocumentModel, words: list[list[str]]) -> None:
        self.document = document
        self.sentences = document.sentences
        self.texts = [str(s) for s in self.sentences]
        self.bags = [frozenset(w) for w in words]
        self.fragment = [fragment_factor(t) for t in self.texts]
        # Word counts per sentence where the pairwise centrality reads them; past that, the
        # matrix would grow with the square of the text, and the linear-time sum takes over.
        self._counts = _matrix(words) if len(words) <= _PAIRWISE_LIMIT else None
        self.centrality = _centrality(words, self._counts)

    def presence(self, rows: list[int]) -> np.ndarray:
        """Which words each of these sentences uses, one row each."""
        if self._counts is not None:
            return (self._counts[rows] > 0).astype(np.float32)
        return _matrix([self.bags[i] for i in rows])


_PAIRWISE_LIMIT = 400


def _centrality(words: list[list[str]], counts: np.ndarray | None) -> list[float]:
    """How much each sentence shares with the rest of the article, scaled to [0, 1].

    The similarity of two sentences is sumy Reduction's: pairs of equal words over the summed
    log lengths, summed over the other sentences. Without a count matrix (a very long text) the
    pairwise sum is replaced by a linear-time one through word frequencies.
    """
    logs = np.log(np.array([len(w) for w in words], dtype=np.float64) + 1)
    if counts is None:
        frequency = Counter(w for sentence in words for w in sentence)
        shared = np.array(
            [sum(n * (frequency[w] - n) for w, n in Counter(sentence).items()) for sentence in words], dtype=np.float64
        )
        raw = shared / np.maximum(2 * logs, 1e-9)
    else:
        pairs = (counts @ counts.T).astype(np.float64)
        np.fill_diagonal(pairs, 0)
        norm = logs[:, None] + logs[None, :]
        raw = (pairs / np.where(norm > 0, norm, 1)).sum(axis=1)
    top = float(raw.max(initial=0.0)) or 1.0
    return [float(r) / top for r in raw]


def _matrix(rows: Sequence[Iterable[str]]) -> np.ndarray:
    """A row of word counts per sentence, over the words these sentences use."""
    vocabulary: dict[str, int] = {}
    columns = [[vocabulary.setdefault(w, len(vocabulary)) for w in sentence] for sentence in rows]
    width = len(vocabulary)
    cells = np.array([row * width + column for row, used in enumerate(columns) for column in used], dtype=np.intp)
    return np.bincount(cells, minlength=len(rows) * width).reshape(len(rows), width).astype(np.float32)


DUPLICATE = 0.8
"""Two sentences sharing this much of the shorter one's words say the same thing."""


def _mmr_order(
    base: Sequence[float],
    presence: Callable[[list[int]], np.ndarray],
    redundancy: float,
    picks: int,
    pool: int = 40,
) -> list[tuple[int, float]]:
    """Greedy maximal marginal relevance: ``picks`` sentences from the ``pool`` most salient;
    the rest follow by salience. Each entry is (sentence index, non-increasing rating).

    The overlap of two sentences is their shared words over the smaller one's word count."""
    by_salience = sorted(range(len(base)), key=lambda i: (-base[i], i))
    candidates = by_salience[:pool]
    rows = presence(candidates)
    sizes = rows.sum(axis=1)
    smaller = np.minimum(sizes[:, None], sizes[None, :])
    overlap = np.divide(rows @ rows.T, smaller, out=np.zeros_like(smaller), where=smaller > 0)
    marginal = np.array([base[i] for i in candidates])
    salience = marginal.copy()
    order: list[tuple[int, float]] = []
    ceiling = math.inf
    for _ in range(min(picks, len(candidates))):
        best = int(marginal.argmax())
        ceiling = min(ceiling, float(marginal[best]))
        order.append((candidates[best], ceiling))
        marginal = np.minimum(marginal, salience * (1 - redundancy * overlap[best]))
        marginal[overlap[best] >= DUPLICATE] = 0.0  # says again what is already said
        marginal[best] = -np.inf
    chosen = {i for i, _ in order}
    order.extend((i, min(ceiling, base[i])) for i in by_salience if i not in chosen)
    return order


_OPENING_REFERENCE = re.compile(
    r"^[\"'“‘]?(he|she|it|they|this|that|these|those|his|her|its|their|him|them|but|and|or|so|"
    r"also|however|meanwhile|still|yet|then|there|here|such|both|instead|though|although)\b",
    re.IGNORECASE,
)
_CAPTION_CUE = re.compile(  # matched against the lower-cased text
    r"\b(pictured|picture[sd]?|photo(graph)?ed|scroll down|click here|read more|video)\b"
    r"|\((?:[a-z]+ ){0,2}(left|right|above|below|centre|center|inset|top|bottom|middle)\)"
)


def _soft_factor(text: str, index: int) -> float:
    """Below 1 for sentences a reader would find hard to take alone: dangling references,
    quotes cut mid-way, very short or very long sentences (fragments: ``fragment_factor``)."""
    words = count_words(text)
    factor = 1.0
    if 6 <= words < 10:
        factor *= 0.75
    elif words > 55:
        factor *= 0.8
    if index > 0 and _OPENING_REFERENCE.match(text):
        factor *= 0.8
    if text[0].islower() or text.count('"') % 2 or text.count("“") != text.count("”"):
        factor *= 0.7
    return factor


# Every match of _CAPTION_CUE holds one of these: a cheap test before the slow pattern.
_CUE_WORDS = ("pictur", "photo", "scroll", "click", "read more", "video", ")")


_CLOSING = "\"'”’“»」』)）"
_ENDS = tuple(STOPS)


def fragment_factor(text: str) -> float:
    """Below 1 for what is not a sentence of the story: a few words, a caption or boilerplate
    cue, a subheading or label without end punctuation."""
    words = count_words(text)
    factor = 0.3 if words < 6 else 1.0
    lower = text.lower()
    if any(cue in lower for cue in _CUE_WORDS) and _CAPTION_CUE.search(lower):
        factor *= 0.6
    if not text.rstrip(_CLOSING).endswith(_ENDS):
        factor *= 0.7 if words > 12 else 0.1  # a subheading or a label, not a sentence
    return factor


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


def rank(article: Article, algorithm: str = DEFAULT_ALGORITHM) -> Ranking:
    """Score every sentence of ``article`` with one sumy summarizer."""
    factory = _FACTORIES.get(algorithm)
    if factory is None:
        raise UnknownAlgorithm(algorithm)
    summarizer = factory(article.language)
    document = build_document(article)
    if isinstance(summarizer, EdmundsonSummarizer):
        summarizer.bonus_words = [w for h in document.headings for w in h.words] or ["news"]
        summarizer.stigma_words = ["pictured", "click", "subscribe"]
    captured: list[SentenceInfo] = []

    def keep_all(infos: list[SentenceInfo]) -> list[SentenceInfo]:
        captured.extend(infos)
        return infos

    count = len(document.sentences)
    if count:
        summarizer(document, keep_all)
    scores = _scores_by_position(captured, count)
    if isinstance(summarizer, NewsSummarizer) and count:
        long = summarizer.rate_long(document)
        long_scores = tuple(long[s] for s in document.sentences)
        return Ranking(
            algorithm=algorithm, scores=scores, long_scores=long_scores, long_from=summarizer.long_from(count)
        )
    return Ranking(algorithm=algorithm, scores=scores)


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
