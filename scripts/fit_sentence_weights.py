"""Fit the news ranker's sentence weights on articles with reference summaries and ship them.

    .venv/bin/python scripts/fit_sentence_weights.py ../shared/eval/news-dev.jsonl \
        ../shared/eval/news-train-bbc.jsonl ../shared/eval/news-train-cnndm.jsonl

Fits both scorers (:func:`summarizer.fit.fit`) on every article of the files given and writes
them to ``summarizer/sentence_weights.json`` (or ``--out``), printing each weight. The cross-validation
benchmark (``python -m summarizer.evaluate --cv 5 FILE...``) fits the same way on the training
folds only, which is how a change to the features or the fit is judged. Absent files are
skipped; with none at all the script changes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from summarizer import evaluate, fit
from summarizer.features import FEATURES, WEIGHTS_FILE


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE, help="where to write the weights")
    args = parser.parse_args(argv)
    present = [p for p in args.files if p.is_file()]
    if not present:
        print("skipped: none of the files is there (the data lives in ../shared/eval/)")
        return 0
    examples = [example for path in present for example in evaluate.load(path)]
    model = fit.fit([fit.sample(e.article, e.reference, e.k) for e in examples])
    args.out.write_text(json.dumps(model.as_dict(), indent=1) + "\n", encoding="utf-8")
    print(f"fitted on {len(examples)} articles -> {args.out}")
    print(f"{'feature':<20} {'short':>8} {'long':>8}")
    for name, short, long in zip(FEATURES, model.short.weights, model.long.weights, strict=True):
        print(f"{name:<20} {short:8.4f} {long:8.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
