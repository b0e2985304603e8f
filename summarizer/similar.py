"""One story, told by several sources: near-duplicate articles found with MinHash LSH.

An article's story signature is a datasketch MinHash of its body's word shingles (lower-cased
words, runs of ``SHINGLE_WORDS``), so shared wire copy matches however the page around it, the
title or the order of its paragraphs changed. ``StoryIndex`` keeps the signatures of stored
articles in a ``MinHashLSH`` and answers which stored article a new one repeats: LSH finds the
candidates, the estimated Jaccard similarity decides. Signatures are bytes, so a store keeps
them and an index is rebuilt from them after a restart.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

SHINGLE_WORDS = 5
NUM_PERM = 256
SEED = 1
SCHEME = "affine32"
SAME_STORY = 0.4
"""Estimated Jaccard similarity of shingle sets from which two articles tell one story."""
LSH_BANDS = (42, 3)
"""Bands and rows of the LSH index (126 of the NUM_PERM values): a pair at SAME_STORY shares a
band with probability 0.94, at 0.5 with 0.996; unrelated articles (Jaccard near 0.01) almost never."""
MIN_SHINGLES = 12
"""A text shorter than this (a few words) has no signature: too little to tell a story by."""
SIGNATURE_BYTES = NUM_PERM * 4
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)


def shingles(text: str) -> set[bytes]:
    """The text's shingles: every run of SHINGLE_WORDS lower-cased words, as UTF-8 bytes."""
    words = _WORD.findall(text.lower())
    runs = zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)
    return {" ".join(run).encode() for run in runs}


def signature(text: str) -> bytes | None:
    """The story signature of an article body (NUM_PERM 32-bit minima), or None if too short."""
    parts = shingles(text)
    if len(parts) < MIN_SHINGLES:
        return None
    minhash = _TEMPLATE.copy()
    minhash.update_batch(parts)
    return np.asarray(minhash.hashvalues, dtype="<u4").tobytes()


def similarity(first: bytes, second: bytes) -> float:
    """The estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.count_nonzero(_values(first) == _values(second))) / NUM_PERM


class StoryIndex:
    """Signatures of stored articles, searchable for the one a new article repeats."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=LSH_BANDS)
        self._values: dict[Hashable, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._values

    def add(self, key: Hashable, story: bytes) -> None:
        """Index a stored article's signature under its key (a key already there is kept)."""
        if key in self._values:
            return
        values = _values(story)
        self._values[key] = values
        self._lsh.insert(key, _lean(values), check_duplication=False)

    def remove(self, key: Hashable) -> None:
        """Forget an indexed article (one that left the window of recent ones)."""
        if self._values.pop(key, None) is not None:
            self._lsh.remove(key)

    def add_all(self, signatures: Iterable[tuple[Hashable, bytes]]) -> None:
        """Index many stored signatures, as after a restart."""
        for key, story in signatures:
            self.add(key, story)

    def scored(self, story: bytes) -> list[tuple[float, Hashable]]:
        """(estimated Jaccard similarity, key) of every LSH candidate for this signature, most alike first."""
        values = _values(story)
        found = [
            (np.count_nonzero(self._values[key] == values) / NUM_PERM, key) for key in self._lsh.query(_lean(values))
        ]
        return sorted(found, key=lambda pair: (-pair[0], str(pair[1])))

    def matches(self, story: bytes) -> list[Hashable]:
        """Keys of the indexed articles that tell the same story as this signature, most alike first."""
        return [key for score, key in self.scored(story) if score >= SAME_STORY]

    def match(self, story: bytes) -> Hashable | None:
        """The key of the indexed article most like this signature, if it tells the same story."""
        found = self.matches(story)
        return found[0] if found else None


def _values(story: bytes) -> np.ndarray:
    if len(story) != SIGNATURE_BYTES:
        raise ValueError(f"a story signature has {SIGNATURE_BYTES} bytes, not {len(story)}")
    return np.frombuffer(story, dtype="<u4").astype(np.uint32)


def _lean(values: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)
