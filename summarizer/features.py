"""What the news ranker reads of each sentence: general features and the learned weights over them.

An article's sentences become content-word bags; from those come how central each sentence is
(sumy Reduction's similarity), where it stands, how much it shares with the title, how long it
is and whether it reads alone. ``SentenceModel`` weighs them: its weights are fitted by
``scripts/fit_sentence_weights.py`` and ship as ``sentence_weights.json`` beside this module.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import numpy as np

from .readability import OPENING_REFERENCE, fragment_factor, soft_factor
from .tokenize import count_words

FEATURES = (
    "lead",
    "first",
    "inverse_position",
    "relative_position",
    "centrality",
    "centroid",
    "title_overlap",
    "log_words",
    "fragment",
    "standalone",
    "opening_reference",
    "quote",
    "figure",
    "paragraph_first",
    "centrality_rank",
    "centroid_rank",
    "centrality_z",
    "length_z",
    "log_centrality",
    "log_fragment",
    "log_standalone",
    "early_centrality_rank",
    "early_centroid_rank",
    "early_title_overlap",
    "early_log_words",
    "early_centrality_z",
)
"""The features of a sentence, in the order of a feature row. The ``early_`` ones are a feature
times ``inverse_position``: how much it counts may fall with the sentence's place in the story."""
WEIGHTS_FILE = Path(__file__).with_name("sentence_weights.json")


class Analysis:
    """A document's sentences as content words: their bags, how central each sentence is, and
    how much each looks like a fragment."""

    def __init__(
        self, texts: list[str], words: list[list[str]], paragraph_first: list[bool], title: str, title_words: set[str]
    ) -> None:
        self.texts = texts
        self.title_text = title
        self.bags = [frozenset(w) for w in words]
        self.word_counts = [count_words(t) for t in texts]
        self.fragment = [fragment_factor(t, n) for t, n in zip(texts, self.word_counts, strict=True)]
        # Word counts per sentence where the pairwise centrality reads them; past that, the
        # matrix would grow with the square of the text, and the linear-time sum takes over.
        self._counts = _matrix(words) if len(words) <= _PAIRWISE_LIMIT else None
        self.centrality = _centrality(words, self._counts)
        self.centroid = _centroid(words, self._counts)
        self.paragraph_first = paragraph_first
        self.title = frozenset(title_words)

    def presence(self, rows: list[int]) -> np.ndarray:
        """Which words each of these sentences uses, one row each."""
        if self._counts is not None:
            return (self._counts[rows] > 0).astype(np.float32)
        return _matrix([self.bags[i] for i in rows])

    def duplicates(self) -> np.ndarray | None:
        """For each two sentences, whether one says again what the other says (as
        :func:`without_repeats` tells), read off the count matrix: a square boolean array; None
        without one."""
        if self._counts is None:
            return None
        rows = (self._counts > 0).astype(np.float32)
        sizes = rows.sum(axis=1)
        smaller = np.minimum(sizes[:, None], sizes[None, :]).astype(np.float64)
        used = sizes > 0
        return np.asarray((rows @ rows.T >= DUPLICATE * smaller) & used[:, None] & used[None, :])

    def features(self) -> np.ndarray:
        """One row of :data:`FEATURES` per sentence (built a column at a time: the same values)."""
        total = len(self.texts)
        if not total:
            return np.zeros((0, len(FEATURES)))
        texts, counts, title = self.texts, self.word_counts, self.title
        overlap = [len(title & bag) / len(title) if bag else 0.0 for bag in self.bags] if title else [0.0] * total
        opening = [OPENING_REFERENCE.match(text) is not None for text in texts]
        last = max(1, total - 1)
        columns = (
            _lead_windows(total),
            [1.0] + [0.0] * (total - 1),
            [1.0 / (i + 1) for i in range(total)],
            [i / last for i in range(total)],
            self.centrality,
            self.centroid,
            overlap,
            list(map(math.log1p, counts)),
            self.fragment,
            list(map(soft_factor, texts, range(total), counts, opening)),
            list(map(float, opening)),
            [float(any(map(text.__contains__, '"“”'))) for text in texts],
            [float(_has_digit(text)) for text in texts],
            list(map(float, self.paragraph_first)),
        )
        base = np.ascontiguousarray(np.array(columns, dtype=np.float64).T)
        centrality, centroid, words = base[:, 4], base[:, 5], base[:, 7]
        within = (_rank(centrality), _rank(centroid), _z(centrality), _z(words))
        logs = (np.log(centrality + 0.01), np.log(base[:, 8]), np.log(base[:, 9]))
        inverse = base[:, 2]
        early = (within[0] * inverse, within[1] * inverse, base[:, 6] * inverse, words * inverse, within[2] * inverse)
        return np.column_stack([base, *within, *logs, *early])


_DIGIT = re.compile(r"\d")


def _has_digit(text: str) -> bool:
    """Whether any character of ``text`` is a digit (``str.isdigit``: superscripts too)."""
    return _DIGIT.search(text) is not None or (not text.isascii() and any(map(str.isdigit, text)))


def _rank(values: np.ndarray) -> np.ndarray:
    """1 for the article's highest value, 0 for its lowest (ties by position)."""
    places = np.argsort(np.argsort(-values, kind="stable"), kind="stable")
    return np.asarray(1 - places / max(1, len(values) - 1), dtype=np.float64)


def _z(values: np.ndarray) -> np.ndarray:
    """How many of the article's standard deviations a value lies from its mean (``values.std()``
    spelled out, the same sums in the same order: NumPy's own takes longer on a few numbers)."""
    if not len(values):
        return np.asarray(values, dtype=np.float64)
    deviations = values - values.sum() / len(values)
    spread = math.sqrt(float((deviations * deviations).sum()) / len(values))
    return np.asarray(deviations / (spread or 1.0), dtype=np.float64)


_LEAD_WINDOWS: list[float] = []


def _lead_windows(total: int) -> list[float]:
    """``lead_window`` of the first ``total`` positions, each worked out once per process."""
    while len(_LEAD_WINDOWS) < total:
        _LEAD_WINDOWS.append(lead_window(len(_LEAD_WINDOWS)))
    return _LEAD_WINDOWS[:total]


def lead_window(index: int, size: float = 3.5, softness: float = 0.6) -> float:
    """News puts the point in its first few sentences: a soft window over about four."""
    return 1.0 / (1.0 + math.exp(min(50.0, (index - size) / softness)))


@dataclass(frozen=True)
class LinearScorer:
    """A sentence's rating: its standardized features times fitted weights."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]

    def __call__(self, features: np.ndarray) -> np.ndarray:
        if not len(features):
            return np.zeros(0)
        mean, scale, weights = self._arrays
        return np.asarray((features - mean) / scale @ weights, dtype=np.float64)

    @cached_property
    def _arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The mean, scale and weights as arrays, made once."""
        return np.array(self.mean), np.array(self.scale), np.array(self.weights)

    def as_dict(self) -> dict[str, Any]:
        return {"mean": list(self.mean), "scale": list(self.scale), "weights": list(self.weights)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearScorer:
        return cls(tuple(data["mean"]), tuple(data["scale"]), tuple(data["weights"]))


@dataclass(frozen=True)
class SentenceModel:
    """Two fitted scorers: ``short`` picks a headline block, ``long`` extends it into a condensed
    article; ``short_share`` of the article's sentences (at least one) come from the short one."""

    short: LinearScorer
    long: LinearScorer
    short_share: float = 1 / 3
    short_cap: int = 3
    redundancy: float = 0.3

    def short_picks(self, total: int) -> int:
        """How many sentences of ``total`` the short scorer picks before the long one extends them:
        ``short_share`` of them, at least one and at most ``short_cap``."""
        return min(total, max(1, min(self.short_cap, math.floor(total * self.short_share))))

    def as_dict(self) -> dict[str, Any]:
        return {
            "features": list(FEATURES),
            "short_share": self.short_share,
            "short_cap": self.short_cap,
            "redundancy": self.redundancy,
            "short": self.short.as_dict(),
            "long": self.long.as_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SentenceModel:
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"{WEIGHTS_FILE.name} is for other features: refit with scripts/fit_sentence_weights.py")
        return cls(
            LinearScorer.from_dict(data["short"]),
            LinearScorer.from_dict(data["long"]),
            float(data["short_share"]),
            int(data["short_cap"]),
            float(data["redundancy"]),
        )


@cache
def shipped_model() -> SentenceModel:
    """The weights that ship with the library."""
    return SentenceModel.from_dict(json.loads(WEIGHTS_FILE.read_text(encoding="utf-8")))


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
    return list((raw / top).tolist())


def _centroid(words: list[list[str]], counts: np.ndarray | None = None) -> list[float]:
    """The cosine of each sentence's word set with the article's word frequencies (from the
    count matrix when there is one: its sums are whole numbers, exact in float32)."""
    if counts is not None:
        used = counts > 0
        totals = counts.sum(axis=0)
        shared = (used.astype(np.float32) @ totals).tolist()
        sizes = used.sum(axis=1).tolist()
        norm = math.sqrt(float((totals.astype(np.float64) ** 2).sum())) or 1.0
        return [shared[i] / (norm * math.sqrt(size)) if size else 0.0 for i, size in enumerate(sizes)]
    frequency = Counter(w for sentence in words for w in sentence)
    norm = math.sqrt(sum(n * n for n in frequency.values())) or 1.0
    result = []
    for sentence in words:
        bag = set(sentence)
        result.append(sum(frequency[w] for w in bag) / (norm * math.sqrt(len(bag))) if bag else 0.0)
    return result


def _matrix(rows: Sequence[Sequence[str] | frozenset[str]]) -> np.ndarray:
    """A row of word counts per sentence, over the words these sentences use."""
    vocabulary: dict[str, int] = {}
    columns = [[vocabulary.setdefault(w, len(vocabulary)) for w in sentence] for sentence in rows]
    width = len(vocabulary)
    cells = np.array([row * width + column for row, used in enumerate(columns) for column in used], dtype=np.intp)
    return np.bincount(cells, minlength=len(rows) * width).reshape(len(rows), width).astype(np.float32)


DUPLICATE = 0.8
"""Two sentences sharing this much of the shorter one's words say the same thing."""


def mmr_order(
    base: Sequence[float], presence: Callable[[list[int]], np.ndarray], redundancy: float, picks: int, pool: int = 40
) -> list[int]:
    """Greedy maximal marginal relevance: ``picks`` sentence indices from the ``pool`` most
    salient, none saying again what an earlier pick says. The overlap of two sentences is their
    shared words over the smaller one's word count."""
    by_salience = sorted(range(len(base)), key=base.__getitem__, reverse=True)  # ties by position: stable
    candidates = by_salience[:pool]
    overlap = _overlap(presence(candidates))
    salience = np.array([base[i] for i in candidates], dtype=np.float64)
    salience += 1e-9 - salience.min(initial=0.0)  # ratings may be negative: MMR scales positive ones
    marginal = salience.copy()
    order: list[int] = []
    for _ in range(min(picks, len(candidates))):
        best = int(marginal.argmax())
        if marginal[best] == -np.inf:
            break
        order.append(candidates[best])
        marginal = np.minimum(marginal, salience * (1 - redundancy * overlap[best]))
        marginal[overlap[best] >= DUPLICATE] = -np.inf  # says again what is already said
        marginal[best] = -np.inf
    return order


def without_repeats(
    order: list[int], bags: Sequence[frozenset[str]], window: int = 60, duplicates: np.ndarray | None = None
) -> list[int]:
    """``order`` with each sentence that says again what an earlier one says moved to the end.

    With ``duplicates`` (:meth:`Analysis.duplicates`) every sentence of the order is checked,
    however long the summary (a 40% cut of a 250-sentence article is 100 sentences); without
    one (a text too long for the matrix), bags are compared over the first ``window`` sentences
    kept only, as that costs the square of the count."""
    if duplicates is not None:
        said = np.zeros(len(duplicates), dtype=bool)  # what a kept sentence already says
        kept: list[int] = []
        repeats: list[int] = []
        for i in order:
            if said[i]:
                repeats.append(i)
            else:
                kept.append(i)
                said |= duplicates[i]
        return kept + repeats
    kept = []
    repeats = []
    for position, i in enumerate(order):
        if len(kept) >= window:
            return kept + order[position:] + repeats
        bag = bags[i]
        if bag and any(len(bag & bags[j]) >= DUPLICATE * min(len(bag), len(bags[j])) for j in kept if bags[j]):
            repeats.append(i)
        else:
            kept.append(i)
    return kept + repeats


def readable_first(order: list[int], unresolved: Callable[[int], bool], keep_lead: bool = True) -> list[int]:
    """``order`` with each sentence that cannot open a summary (:func:`unresolved_opening`) held
    back until a sentence before it in the article is in: no cut then opens with one. The
    article's own first sentence has none before it: with ``keep_lead`` (a short article) it
    stays where it is, otherwise an unresolved one goes last."""
    result: list[int] = []
    held: list[int] = []
    first = len(order)
    lowest = 1 if keep_lead else 0
    for i in order:
        if lowest <= i < first and unresolved(i):
            held.append(i)
            continue
        result.append(i)
        first = min(first, i)
        if held:
            result.extend(h for h in held if h > first)
            held = [h for h in held if h < first]
    return result + held


def _overlap(rows: np.ndarray) -> np.ndarray:
    sizes = rows.sum(axis=1)
    smaller = np.minimum(sizes[:, None], sizes[None, :])
    return np.divide(rows @ rows.T, smaller, out=np.zeros_like(smaller), where=smaller > 0)
