"""The numpy walk of py3langid's automaton counts what py3langid's own walk counts, and the
guess read off its scores is the one read off py3langid's ranking."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from summarizer.languages import SERVED
from summarizer.languages.detect import ALIASES, RESET, SAMPLE_BYTES, WINDOW, _identifier

EVAL = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "news-dev.jsonl"


def _moves() -> tuple[np.ndarray, np.ndarray]:
    identifier = _identifier()
    moves = np.frombuffer(identifier.tk_nextmove, dtype=np.dtype(identifier.tk_nextmove.typecode))
    return moves.astype(np.int64), np.asarray(identifier._rowbase, dtype=np.int64)


def test_any_window_of_bytes_leads_to_one_state_whatever_the_state_before() -> None:
    """Pairs of states walked over the same bytes: after WINDOW bytes every pair is one state."""
    moves, rows = _moves()
    count = len(rows)
    first, second = np.arange(count, dtype=np.int64), np.zeros(count, dtype=np.int64)
    for _ in range(WINDOW):
        keys = []
        for byte in range(256):
            a, b = moves[rows[first] + byte], moves[rows[second] + byte]
            apart = a != b
            keys.append(np.unique(a[apart] * count + b[apart]))
        pairs = np.unique(np.concatenate(keys))
        first, second = pairs // count, pairs % count
    assert first.size == 0


def test_the_reset_byte_returns_every_state_to_the_start_which_counts_nothing() -> None:
    moves, rows = _moves()
    assert (moves[rows + RESET] == 0).all()
    assert _identifier().tk_output[0] < 0


def _texts() -> list[bytes]:
    rows = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [row["text"][:SAMPLE_BYTES].encode()[:SAMPLE_BYTES] for row in rows]
    rng = random.Random(0)
    for _ in range(300):
        texts.append(bytes(rng.randrange(256) for _ in range(rng.choice([0, 1, 5, 6, 7, 40, 600]))))
        text = rng.choice(rows)["text"]
        start = rng.randrange(len(text))
        texts.append(text[start : start + rng.randrange(1, 700)].encode())
    return texts


def test_scores_and_guesses_are_py3langids_to_the_bit() -> None:
    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    fast = _identifier()
    for text in _texts():
        assert fast._decide(text).tobytes() == reference._decide(text).tobytes()
        ranked = [(ALIASES.get(code, code), p) for code, p in reference.rank(text)]
        served = next(((c, p) for c, p in ranked if c in SERVED), ("en", 0.0))
        assert fast.best(text, SERVED) == (*ranked[0], *served)
