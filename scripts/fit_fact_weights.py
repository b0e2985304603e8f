"""Refit the key facts' weights on JSONL files of articles with reference summaries.

    .venv/bin/python scripts/fit_fact_weights.py [FILE.jsonl ...] [--write]

A candidate fact is a hit when its text, as shown, holds a figure or a proper name of the
article's reference summary (the items the benchmark's recall counts). A logistic regression of
hits on the candidates' features (:func:`summarizer.facts.features`) with one intercept per kind,
the frozen weights held (:func:`summarizer.facts.evaluate.fit`, as each fold of the benchmark's
cross-validation fits), gives the weights and the kinds' priors; the figures' minimum among the
ten is the one whose recall on the files is highest. By default the files are dev and both train
files. It prints the fit beside the weights in use and the mean of the sources' recalls of both;
``--write`` writes the fit to ``summarizer/facts/fact_weights.json``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from summarizer import evaluate
from summarizer.facts import KIND_PRIOR, WEIGHTS
from summarizer.facts import evaluate as bench
from summarizer.facts.select import FIGURE_MINIMUM, save_weights


def main(argv: list[str]) -> int:
    write = "--write" in argv
    paths = [Path(a) for a in argv if a != "--write"] or list(bench.FILES)
    present = [p for p in paths if p.is_file()]
    if not present:
        print("skipped: no data file found")
        return 0
    cases = bench.prepare([e for p in present for e in evaluate.load(p)])
    weights, prior, figures = bench.fit(cases)
    print(f"{'weight':<24}{'in use':>8}{'fit':>8}")
    for name, value in WEIGHTS.items():
        print(f"{name:<24}{value:>8.2f}{weights[name]:>8.2f}")
    for kind, value in KIND_PRIOR.items():
        print(f"{'kind: ' + kind:<24}{value:>8.2f}{prior[kind]:>8.2f}")
    print(f"{'figure minimum':<24}{FIGURE_MINIMUM:>8}{figures:>8}")
    before = bench.mean_recall(cases, WEIGHTS, KIND_PRIOR)
    after = bench.mean_recall(cases, weights, prior, figures)
    if write:
        save_weights(weights, prior, figures)
    print(f"mean recall of the sources: {100 * before:.2f}% -> {100 * after:.2f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
