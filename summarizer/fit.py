"""Fitting the news ranker's sentence weights on articles with reference summaries.

Each sentence's target is how much of it the reference holds: the mean of its ROUGE-1 and
ROUGE-2 precision against the whole reference (rouge-score's tokens, stemming on; on held-out
folds this beats F1 and recall targets, which favour long sentences). The weights are a
ridge regression of the targets on the standardized features, within each article (both sides
centred per article: a ranking compares sentences of one article only), each article weighing
alike (its sums over sentences are means: on held-out folds this beats weighing each sentence
alike, which lets long stories set the weights). Articles whose summary
is a headline block (at most three sentences, or a third of theirs) fit the short scorer; the
others, condensed articles, fit the long one.

Needs the dev extra rouge-score; ``scripts/fit_sentence_weights.py`` and the cross-validation
benchmark call it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

import numpy as np

from .features import FEATURES, LinearScorer, SentenceModel
from .models import Article
from .rank import sentence_features

T = TypeVar("T")
RIDGE = 100.0
"""The ridge penalty, in units of one article's worth of standardized squared features (an
article's sums are divided by its sentence count, so that a 50-sentence story weighs no more
than a 10-sentence one)."""


@dataclass(frozen=True)
class Sample:
    """One article's feature rows, each sentence's target and the summary length asked for."""

    features: np.ndarray
    targets: np.ndarray
    length: int


def sample(article: Article, reference: Sequence[str], length: int) -> Sample:
    """The article's features and each sentence's share of the reference."""
    lines = [_tokens(line) for line in reference]
    words = Counter(w for line in lines for w in line)
    bigrams = Counter(b for line in lines for b in _bigrams(line))
    targets = [_precision(_tokens(s.text), words, bigrams) for s in article.sentences]
    return Sample(sentence_features(article), np.array(targets, dtype=np.float64), length)


def fit(
    samples: Sequence[Sample], short_share: float = 1 / 3, short_cap: int = 3, redundancy: float = 0.3
) -> SentenceModel:
    """Both scorers of a model fitted on ``samples``; a kind of summary with no sample of its
    own is fitted on all of them."""
    usable = [s for s in samples if len(s.targets) > 1]
    short = [s for s in usable if s.length <= max(short_cap, len(s.targets) * short_share)]
    long = [s for s in usable if s.length > max(short_cap, len(s.targets) * short_share)]
    return SentenceModel(_ridge(short or usable), _ridge(long or usable), short_share, short_cap, redundancy)


def _zero() -> LinearScorer:
    width = len(FEATURES)
    return LinearScorer((0.0,) * width, (1.0,) * width, (0.0,) * width)


def _ridge(samples: Sequence[Sample]) -> LinearScorer:
    if not samples:
        return _zero()
    stacked = np.vstack([s.features for s in samples])
    mean = stacked.mean(axis=0)
    scale = stacked.std(axis=0)
    scale[scale == 0] = 1.0
    width = stacked.shape[1]
    gram = np.zeros((width, width))
    moment = np.zeros(width)
    for s in samples:  # each article weighs alike, however many sentences it has
        x = (s.features - mean) / scale
        x -= x.mean(axis=0)
        y = s.targets - s.targets.mean()
        gram += x.T @ x / len(y)
        moment += x.T @ y / len(y)
    weights = np.linalg.solve(gram + RIDGE * np.eye(width), moment)
    return LinearScorer(tuple(map(float, mean)), tuple(map(float, scale)), tuple(map(float, weights)))


def _precision(sentence: list[str], words: Counter[str], bigrams: Counter[tuple[str, str]]) -> float:
    """The mean of a sentence's ROUGE-1 and ROUGE-2 precision against the reference's counts."""
    return (_held(Counter(sentence), words) + _held(Counter(_bigrams(sentence)), bigrams)) / 2


def _held(candidate: Counter[T], reference: Counter[T]) -> float:
    return sum((candidate & reference).values()) / max(1, sum(candidate.values()))


def _bigrams(words: Sequence[str]) -> list[tuple[str, str]]:
    return list(zip(words, words[1:], strict=False))


def _tokens(text: str) -> list[str]:
    return list(_tokenizer().tokenize(text))


@cache
def _tokenizer() -> Any:
    from rouge_score.tokenizers import DefaultTokenizer  # dev extra: only fitting needs it

    return DefaultTokenizer(use_stemmer=True)
