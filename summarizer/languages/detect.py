"""Which language a text is in: py3langid's model, shipped inside its wheel, read offline."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier

SAMPLE_BYTES = 300
"""The opening bytes (UTF-8) read, a few lines (a letter of Arabic or Cyrillic is two bytes, of
Devanagari or Han three). The walk's time grows with them: 300 take about two thirds of 600's.
On the 2,510 English articles of ../shared/eval, the 14 benchmark articles and the 272 saved web
pages the languages benchmark reads, 300 bytes give 600's language for every text but one, a
German page that opens with an English contact line, which they read as German (its
``<html lang>``); 400 bytes refuse one English page as another language."""
REFUSE_CONFIDENCE = 0.9
"""A text is taken to be in a language we do not serve only when the model is this sure of it;
below that, the best served language is the answer (names and figures can mislead the model)."""
GUESS_CONFIDENCE = 0.2
"""Below this the model is guessing (a few words, mostly names: "NASA launches Artemis II"); text in
Latin letters is then read as English, as the summarizer read everything before it knew others."""
ALIASES = {"ms": "id"}
"""Languages the model tells apart that read the same for us: Malay text is summarized as Indonesian."""
WINDOW = 6
"""py3langid's model walks its byte n-grams with an automaton whose state, after any 6 bytes, is the
same whatever state it was in before them (its n-grams are 6 bytes at most; tests prove it of the
installed model): the state after each byte is found from the 6 bytes ending there alone, for all
bytes at once."""
BLOCK = 6
"""The bytes walked one after another from a state found from its window (see ``visits``)."""
RESET = 0
"""A byte (NUL) that takes the automaton from any state back to its start, and no n-gram has:
padding the text with WINDOW - 1 of them gives its first bytes their windows too."""


@dataclass(frozen=True)
class Guess:
    """The model's answer: the best served language and, when it is surer of another, that one."""

    served: str
    confidence: float
    other: str | None = None


class _Identifier(LanguageIdentifier):
    """py3langid's identifier, counting the n-grams of a text with numpy: the same counts, in the
    same order, as its byte-by-byte walk (so the same scores, to the bit), in a fraction of the time."""

    __slots__ = ("_moves", "_rows", "_outputs", "_labels", "_columns", "_masks", "_bits", "_float32")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._moves = np.frombuffer(self.tk_nextmove, dtype=np.dtype(self.tk_nextmove.typecode))
        self._rows = np.asarray(self._rowbase, dtype=np.intp)
        self._outputs = np.asarray(self.tk_output, dtype=np.intp)
        first: dict[str, int] = {}
        for column, code in enumerate(self.nb_classes):
            first.setdefault(code, column)
        self._labels = [(column, ALIASES.get(code, code)) for code, column in first.items()]
        self._columns = np.array([column for column, _ in self._labels], dtype=np.intp)
        self._masks: dict[frozenset[str], np.ndarray] = {}
        # The table is float16, which NumPy widens element by element in software before a
        # product: a text's rows are widened through a lookup of every float16 bit pattern's
        # float32 value instead (exact, so the same float32 rows, the same product, to the bit).
        self._bits = self.nb_ptc.view(np.uint16) if self.nb_ptc.dtype == np.float16 else None
        self._float32 = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16).view(np.float16).astype(np.float32)

    def best(self, text: bytes, served: frozenset[str]) -> tuple[str, float, str, float]:
        """The likeliest language and its probability, then the likeliest served one and its (or
        "en" and 0.0): what the head of ``rank`` gives, without ranking every language."""
        scores = self._decide(text)[self._columns]  # a label's first column holds its merged score
        codes = [code for _, code in self._labels]
        best = int(scores.argmax())  # the first of equal ones, as ``rank`` keeps them
        served_mask = self._served(served)
        if not served_mask.any():
            return codes[best], float(scores[best]), "en", 0.0
        found = int(np.where(served_mask, scores, -np.inf).argmax())
        return codes[best], float(scores[best]), codes[found], float(scores[found])

    def _served(self, served: frozenset[str]) -> np.ndarray:
        """Which labels are served, one flag each in the order of ``_labels`` (kept per set)."""
        mask = self._masks.get(served)
        if mask is None:
            mask = self._masks[served] = np.array([code in served for _, code in self._labels], dtype=bool)
        return mask

    def _raw_score(self, text: bytes) -> Any:
        visits = self.visits(text)
        if not visits:
            return super()._raw_score(text)
        if self._bits is None:
            return self._sparse_score(visits, self.nb_ptc)
        idx = np.fromiter(visits.keys(), dtype=np.intp, count=len(visits))
        counts = np.fromiter(visits.values(), dtype=np.float32, count=len(visits))
        return np.log1p(counts) @ self._float32.take(self._bits.take(idx, axis=0)) + self.nb_pc

    def visits(self, text: bytes) -> Counter[int]:
        """Each n-gram feature of the text and its count, in the order the text first has them.

        The text is walked in blocks of ``BLOCK`` bytes, all blocks at once: the state at a block's
        first byte is found from the WINDOW bytes ending there, and each later byte of the block
        moves on from the state before it, as the automaton does. Every state is then the walk's
        own, from fewer reads of the model (a large table, so each read is a slow one) than
        finding every state from its window."""
        size = len(text)
        blocks = -(-size // BLOCK)
        padded = np.frombuffer(
            bytes([RESET]) * (WINDOW - 1) + text + bytes(blocks * BLOCK - size), dtype=np.uint8
        ).astype(np.intp)
        moves, rows = self._moves, self._rows
        state = moves[rows[0] + padded[0 : blocks * BLOCK : BLOCK]]
        for back in range(1, WINDOW):
            state = moves[rows[state] + padded[back : back + blocks * BLOCK : BLOCK]]
        states = np.empty((BLOCK, blocks), dtype=moves.dtype)
        states[0] = state
        following = padded[WINDOW - 1 :].reshape(blocks, BLOCK).T
        for offset in range(1, BLOCK):
            state = states[offset] = moves[rows[state] + following[offset]]
        features = self._outputs[states.T.ravel()[:size]]
        return Counter(features[features >= 0].tolist())


@cache
def _identifier() -> _Identifier:
    identifier = _Identifier.from_model_file(MODEL_FILE, norm_probs=True)
    assert isinstance(identifier, _Identifier)
    return identifier


def guess_language(text: str, served: frozenset[str]) -> Guess:
    """The best of the ``served`` languages for ``text``, with the unserved one it rather looks like."""
    sample = text[:SAMPLE_BYTES].encode("utf-8")[:SAMPLE_BYTES]  # py3langid drops a cut-off last letter
    best_code, best_p, served_code, served_p = _identifier().best(sample, served)
    other = best_code if best_code not in served and best_p >= REFUSE_CONFIDENCE else None
    if served_p < GUESS_CONFIDENCE and other is None and _mostly_ascii_letters(text[:SAMPLE_BYTES]):
        served_code = "en"
    return Guess(served=served_code, confidence=served_p, other=other)


def _mostly_ascii_letters(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) > len(letters) / 2
