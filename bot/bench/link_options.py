"""Which link-path rules to use: ``python -m bot.bench.link_options [PAGES_DIR ...] [--json]``.

The switches of :mod:`summarizer.extract` (``PUT_BACK_LEAD``, ``DROP_LINK_HEADINGS``,
``DROP_TITLE_REPEATS``, ``NOT_SHOWN``, ``DROP_CREDITED_CAPTIONS``, ``HEADLINE_WITHOUT_SITE``,
``DROP_REPEATED_BOXES``, and ``LINK_HEADING_WORDS`` 16 or 30) are set as candidates (all off,
all on, and all on but one), each candidate is run over the saved pages (read straight from disk
with their ``url``), and the candidate is chosen by 5-fold cross-validation: on each fold's
training pages the one that finds and keeps out most strings (the two shares summed) is chosen
and scored on the held-out pages. Prints the held-out shares of the chosen candidates and of all
switches off, and their margins with bootstrap 95% intervals over pages
(summarizer.evaluate.bootstrap_mean);
then the candidate chosen on all pages.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

import summarizer.extract as extract
from summarizer import ArticleError
from summarizer.evaluate import bootstrap_mean

SWITCHES: dict[str, tuple[object, object]] = {
    "PUT_BACK_LEAD": (False, True),
    "DROP_LINK_HEADINGS": (False, True),
    "DROP_TITLE_REPEATS": (False, True),
    "NOT_SHOWN": (None, "//template"),
    "DROP_CREDITED_CAPTIONS": (False, True),
    "HEADLINE_WITHOUT_SITE": (False, True),
    "DROP_REPEATED_BOXES": (False, True),
    "LINK_HEADING_WORDS": (16, 30),
}
"""Each switch's value when off and when on (a limit: its old and its new value)."""


def candidates() -> list[tuple[bool, ...]]:
    """All off, all on, and all on but one: each rule is judged beside the others."""
    n = len(SWITCHES)
    return [(False,) * n, (True,) * n, *(tuple(i != j for i in range(n)) for j in range(n))]


FOLDS = 5


def page_counts(folders: list[Path]) -> tuple[list[str], dict[tuple[bool, ...], np.ndarray], np.ndarray]:
    """Page names, each combination's ("with" found, "without" kept out) per page, and each
    page's numbers of "with" and "without" strings."""
    pages = []
    for folder in folders:
        expectations = json.loads((folder / "expectations.json").read_text(encoding="utf-8"))
        pages += [(folder / name, expected) for name, expected in sorted(expectations.items())]
    sizes = np.array([(len(e["with"]), len(e["without"])) for _, e in pages], dtype=float)
    counts = {}
    saved = {name: getattr(extract, name) for name in SWITCHES}
    try:
        for combination in candidates():
            for (name, values), on in zip(SWITCHES.items(), combination, strict=True):
                setattr(extract, name, values[on])
            counts[combination] = np.array([_counts(path, e) for path, e in pages], dtype=float)
    finally:
        for name, value in saved.items():
            setattr(extract, name, value)
    return [f"{p.parent.name}/{p.name}" for p, _ in pages], counts, sizes


def _counts(path: Path, expected: dict[str, list[str]]) -> tuple[int, int]:
    try:
        article = extract.extract_article(path.read_bytes(), expected.get("url"))  # type: ignore[arg-type]
        text = _norm(f"{article.title}\n{article.text}")
    except ArticleError:
        text = ""
    return sum(_norm(s) in text for s in expected["with"]), sum(_norm(s) not in text for s in expected["without"])


def _norm(text: str) -> str:
    return " ".join(text.split()).strip()


def _quality(counts: np.ndarray, sizes: np.ndarray) -> float:
    totals = counts.sum(axis=0) / np.maximum(1, sizes.sum(axis=0))
    return float(totals.sum())


def cross_validate(
    counts: dict[tuple[bool, ...], np.ndarray], sizes: np.ndarray, folds: int = FOLDS, seed: int = 22
) -> dict[str, object]:
    order = np.random.default_rng(seed).permutation(len(sizes))
    held = np.zeros_like(sizes)
    chosen = []
    for k in range(folds):
        test, train = order[k::folds], np.setdiff1d(order, order[k::folds])
        best = max(counts, key=lambda c: _quality(counts[c][train], sizes[train]))
        chosen.append(best)
        held[test] = counts[best][test]
    base = counts[candidates()[0]]
    result: dict[str, object] = {"chosen per fold": [_label(c) for c in chosen]}
    for column, key in enumerate(("with_found", "without_kept_out")):
        total = sizes[:, column].sum()
        # Per-page counts scaled so that their mean is the pooled share (or margin) in points.
        scale = 100 * len(sizes) / total
        result[key] = {
            "held-out [95%]": [round(x, 1) for x in bootstrap_mean(list(scale * held[:, column]))],
            "all off [95%]": [round(x, 1) for x in bootstrap_mean(list(scale * base[:, column]))],
            "margin [95%]": [round(x, 2) for x in bootstrap_mean(list(scale * (held[:, column] - base[:, column])))],
        }
    return result


def _label(combination: tuple[bool, ...]) -> str:
    return ", ".join(name for name, on in zip(SWITCHES, combination, strict=True) if on) or "all off"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.bench.link_options", description=__doc__)
    default = [Path("../shared/pages"), Path("../shared/pages-more")]
    parser.add_argument("folders", nargs="*", type=Path, default=default)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    folders = [f for f in args.folders if (f / "expectations.json").is_file()]
    _, counts, sizes = page_counts(folders)
    result = cross_validate(counts, sizes)
    result["chosen on all pages"] = _label(max(counts, key=lambda c: _quality(counts[c], sizes)))
    result["per combination"] = {
        _label(c): [round(100 * x, 1) for x in counts[c].sum(axis=0) / sizes.sum(axis=0)] for c in counts
    }
    print(json.dumps(result, indent=None if args.json else 2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
