"""Refit the key facts' weights on a JSONL file of articles with reference summaries.

    .venv/bin/python scripts/fit_fact_weights.py ../shared/eval/news-dev.jsonl

A candidate fact is a hit when its text, as shown, holds a figure or a proper name of the
article's reference summary (the items the benchmark's recall counts). A logistic regression of
hits on the candidates' features (:func:`summarizer.facts.features`) and kinds, with an
intercept for each source, gives log-odds; they are printed scaled so that the weight of the
mentions is the one in use, beside the weights in use, for the whole file and for each half of
it (lines 0, 2, 4... and 1, 3, 5...). Lists are left out: a list ranks as its best name. The
script prints; it changes nothing.

    .venv/bin/python scripts/fit_fact_weights.py --search [FILE.jsonl ...]

instead searches the weights that raise the benchmark's recall itself (the mean of the sources'
recalls; :func:`summarizer.facts.evaluate.search`, as each fold of the cross-validation does) on
the files given, by default dev and both train files, and prints them beside the weights in use.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from summarizer import evaluate
from summarizer.facts import KIND_PRIOR, WEIGHTS, candidates
from summarizer.models import FactKind
from summarizer.rank import rank

KINDS = [kind for kind in FactKind if kind is not FactKind.PERSON]  # the person is the baseline
FEATURES = list(WEIGHTS)


def rows(examples: list[evaluate.Example]) -> tuple[np.ndarray, np.ndarray]:
    sources = sorted({e.source for e in examples})
    x, y = [], []
    for example in examples:
        wanted = evaluate.wanted_items(example)
        if not wanted:
            continue
        for candidate in candidates(example.article, rank(example.article)):
            if candidate.members:
                continue
            row = [float(value) for value in candidate.features]
            row += [float(candidate.kind is kind) for kind in KINDS]
            row += [float(example.source == source) for source in sources]  # one intercept each
            x.append(row)
            y.append(float(bool(evaluate.fact_items(candidate.shown or candidate.text) & wanted)))
    return np.array(x), np.array(y)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 30) -> np.ndarray:
    """Logistic regression by Newton's method, a light L2 penalty keeping rare features finite."""
    w = np.zeros(x.shape[1])
    penalty = l2 * np.eye(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        w -= np.linalg.solve(hessian, gradient)
    return w


def search_all(paths: list[Path]) -> int:
    """Print the weights a coordinate search of recall chooses on all of ``paths``."""
    from summarizer.facts import evaluate as bench

    present = [p for p in paths if p.is_file()] or [p for p in bench.FILES if p.is_file()]
    if not present:
        print("skipped: no data file found")
        return 0
    cases = bench.prepare([e for p in present for e in evaluate.load(p)])
    weights, prior = bench.search(cases)
    print(f"{'weight':<24}{'in use':>8}{'search':>8}")
    for name, value in WEIGHTS.items():
        print(f"{name:<24}{value:>8.2f}{weights[name]:>8.2f}")
    for kind, value in KIND_PRIOR.items():
        print(f"{'kind: ' + kind:<24}{value:>8.2f}{prior[kind]:>8.2f}")
    before = bench.mean_recall(cases, WEIGHTS, KIND_PRIOR)
    print(f"mean recall of the sources: {100 * before:.2f}% -> {100 * bench.mean_recall(cases, weights, prior):.2f}%")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--search"]:
        return search_all([Path(a) for a in argv[1:]])
    path = Path(argv[0]) if argv else Path("../shared/eval/news-dev.jsonl")
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    examples = evaluate.load(path)
    halves = {"all": examples, **{name: examples[start::2] for name, start in evaluate.HALVES}}
    fitted = {}
    for name, part in halves.items():
        w = fit(*rows(part))
        fitted[name] = w * WEIGHTS["mentions"] / w[FEATURES.index("mentions")]
    names = FEATURES + [f"kind: {kind}" for kind in KINDS]
    current = [WEIGHTS[n] for n in FEATURES] + [KIND_PRIOR[kind] for kind in KINDS]
    print(f"{'weight':<24}{'in use':>8}" + "".join(f"{name:>8}" for name in halves))
    for i, (name, value) in enumerate(zip(names, current, strict=True)):
        print(f"{name:<24}{value:>8.2f}" + "".join(f"{fitted[h][i]:>8.2f}" for h in halves))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
