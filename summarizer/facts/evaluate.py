"""Key-fact benchmark: ``python -m summarizer.facts.evaluate [FILE.jsonl ...] [--folds 5]``.

Recall is the share of a reference summary's figures and proper names (those the article has)
that the ten facts hold, as :mod:`summarizer.evaluate` counts it. It is printed per source with a
bootstrap 95% interval, for the weights in use and for weights chosen by k-fold cross-validation:
each fold's weights are fitted (:func:`fit`) on the other folds and scored on it, so every article
is scored once, held out. Then the ceiling: the recall of all candidates, and the share of wanted
items the ten miss that no candidate holds or that a candidate not chosen holds. The hand-made
gold set (``gold/train.jsonl``, train articles only) gives kind precision, boundary precision and
gold recall, and so does a second batch labelled before the rules were tuned on it
(``gold/heldout.jsonl``, the held-out figure), apart and with the first; the speed is the median
milliseconds of :func:`summarizer.key_facts` per article of the first file. Needs the dev extras
(rouge-score is not used here, but :mod:`summarizer.evaluate` loads the files).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..evaluate import Example, bootstrap_mean, fact_items, load, wanted_items
from ..models import Article, FactKind
from ..parse import parse_article
from ..rank import rank
from . import KIND_PRIOR, WEIGHTS, candidates, key_facts
from .candidate import _Candidate
from .select import FEATURES, FIGURE_MINIMUM, FROZEN, _select, score

FILES = (
    Path("../shared/eval/news-dev.jsonl"),
    Path("../shared/eval/news-train-bbc.jsonl"),
    Path("../shared/eval/news-train-cnndm.jsonl"),
)
GOLD = Path(__file__).parent / "gold" / "train.jsonl"
FIGURE_MINIMA = (0, 1, 2)
"""The figures' minimum among the ten is chosen among these with the weights, fold by fold."""
HELDOUT = Path(__file__).parent / "gold" / "heldout.jsonl"
"""A second gold batch of train articles, labelled before the rules it judges were changed for
it: the held-out figure (``GOLD`` was seen while building them)."""


@dataclass
class Case:
    """An article's candidates, computed once, and the reference items recall counts."""

    source: str
    example: Example
    found: list[_Candidate]
    wanted: set[str]
    hits: dict[int, set[str]]
    """The wanted items each candidate's text holds, by the candidate's ``id``."""


def prepare(examples: list[Example]) -> list[Case]:
    cases = []
    for example in examples:
        wanted = wanted_items(example)
        if wanted:
            found = candidates(example.article, rank(example.article))
            hits = {id(c): fact_items(c.shown or c.text) & wanted for c in found}
            cases.append(Case(example.source, example, found, wanted, hits))
    return cases


def recall(case: Case, weights: dict[str, float], prior: dict[FactKind, float], figures: int = FIGURE_MINIMUM) -> float:
    score(case.found, weights, prior)
    chosen = _select(case.found, 10, case.example.article, figures)
    covered: set[str] = set().union(*(case.hits[id(c)] for c in chosen)) if chosen else set()
    return len(covered) / len(case.wanted)


def mean_recall(
    cases: list[Case], weights: dict[str, float], prior: dict[FactKind, float], figures: int = FIGURE_MINIMUM
) -> float:
    """The mean of the sources' mean recalls: each source weighs the same, whatever its size."""
    by_source: dict[str, list[float]] = defaultdict(list)
    for case in cases:
        by_source[case.source].append(recall(case, weights, prior, figures))
    return statistics.fmean(statistics.fmean(v) for v in by_source.values())


def fit(
    cases: list[Case], l2: float = 1.0, steps: int = 25, frozen: dict[str, float] | None = None
) -> tuple[dict[str, float], dict[FactKind, float], int]:
    """Weights, kinds' priors and the figures' minimum for ``cases``: a logistic regression (Newton's
    method, a light L2 penalty) of whether a candidate holds a wanted item on its features, one
    intercept per kind, the :data:`FROZEN` weights (or ``frozen``) held as an offset; then the minimum of
    :data:`FIGURE_MINIMA` whose recall on ``cases`` is highest. Lists are left out: a list ranks
    as its best name."""
    frozen = FROZEN if frozen is None else frozen
    kinds = list(FactKind)
    names = [*FEATURES, *kinds]
    free = [i for i, name in enumerate(names) if name not in frozen]
    held = np.array([0.0 if isinstance(n, FactKind) else frozen.get(n, 0.0) for n in names])
    rows, hits = [], []
    for case in cases:
        for c in case.found:
            if not c.members:
                rows.append([*c.features, *(float(c.kind is k) for k in kinds)])
                hits.append(float(bool(case.hits[id(c)])))
    x, y = np.array(rows, dtype=np.float64).reshape(-1, len(names)), np.array(hits)
    offset, x_free = x @ held, x[:, free]
    w = np.zeros(len(free))
    penalty = l2 * np.eye(len(free))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x_free @ w + offset)))
        gradient = x_free.T @ (p - y) + penalty @ w
        hessian = (x_free * (p * (1 - p))[:, None]).T @ x_free + penalty
        w -= np.linalg.solve(hessian, gradient)
    values = held.copy()
    values[free] = w
    weights = {name: float(values[i]) for i, name in enumerate(FEATURES)}
    prior = {kind: float(values[len(FEATURES) + i]) for i, kind in enumerate(kinds)}
    figures = max(FIGURE_MINIMA, key=lambda m: mean_recall(cases, weights, prior, m))
    return weights, prior, figures


def folds(cases: list[Case], k: int) -> list[list[Case]]:
    """``k`` folds, the cases of each source dealt out in turn (one count across sources), so
    every fold holds its share of each."""
    parts: list[list[Case]] = [[] for _ in range(k)]
    by_source: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        by_source[case.source].append(case)
    dealt = 0
    for source_cases in by_source.values():
        for case in source_cases:
            parts[dealt % k].append(case)
            dealt += 1
    return parts


def bootstrap(values: list[float], draws: int = 2000, seed: int = 0) -> tuple[float, float, float]:
    """The mean and a bootstrap 95% interval, in percent."""
    mean, low, high = bootstrap_mean(values, draws, seed)
    return 100 * mean, 100 * low, 100 * high


def cross_validate(cases: list[Case], k: int) -> dict[str, dict[str, list[float]]]:
    """Held-out recall of each article: with the weights in use, and with its fold's fit."""
    result: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    parts = folds(cases, k)
    for i, held in enumerate(parts):
        train = [c for j, part in enumerate(parts) if j != i for c in part]
        weights, prior, figures = fit(train) if train else (WEIGHTS, KIND_PRIOR, FIGURE_MINIMUM)
        for case in held:
            result[case.source]["in use"].append(recall(case, WEIGHTS, KIND_PRIOR))
            result[case.source]["cross-validated"].append(recall(case, weights, prior, figures))
    return result


def ceiling(cases: list[Case]) -> dict[str, dict[str, float]]:
    """Per source, in percent: the recall of all candidates (what no choice of ten can pass), and
    where the wanted items the ten miss (weights in use) went: no candidate holds them, or one
    does and was not chosen."""
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for case in cases:
        every = set().union(*case.hits.values()) if case.hits else set()
        score(case.found, WEIGHTS, KIND_PRIOR)
        chosen = set().union(set(), *(case.hits[id(c)] for c in _select(case.found, 10, case.example.article)))
        row = counts[case.source]
        row["n"] += 1
        row["candidates"] += len(every) / len(case.wanted)
        row["no candidate"] += len(case.wanted - every) / len(case.wanted)
        row["not chosen"] += len(every - chosen) / len(case.wanted)
    return {
        source: {k: round(100 * v / row["n"], 1) for k, v in row.items() if k != "n"} for source, row in counts.items()
    }


def gold_articles(files: list[Path], ids: set[str]) -> dict[str, Article]:
    """The articles of ``files`` whose ids are in ``ids``, parsed as the benchmark parses them."""
    found = {}
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            if row.get("id") in ids:
                found[row["id"]] = parse_article(row["text"], title=row.get("title"))
    return found


def gold_scores(files: list[Path], *paths: Path) -> dict[str, float]:
    """Kind precision, boundary precision and recall of the hand-labelled facts, for the facts
    the system shows now: a fact is matched to its label by its text; one never labelled is
    counted apart (a label is a judgement of a text, not of whatever the system shows). The gold
    facts recall counts are those of the first labelled list judged right (``first_list``) and the
    obvious facts the labeller found missing; facts labelled later, as the lists changed, count
    for precision only."""
    texts = [path.read_text(encoding="utf-8") for path in paths or (GOLD,)]
    rows = [json.loads(line) for text in texts for line in text.splitlines() if line.strip()]
    articles = gold_articles(files, {row["id"] for row in rows})
    kind_ok = boundary_ok = labelled = unlabelled = found = wanted = 0
    for row in rows:
        article = articles.get(row["id"])
        if article is None:
            continue
        shown = key_facts(article, rank(article))
        labels = {label["text"]: label for label in row["facts"]}
        for fact in shown:
            label = labels.get(fact.text)
            if label is None:
                unlabelled += 1
                continue
            labelled += 1
            boundary_ok += label["boundary_ok"]
            right = label["kind"] if label["kind_ok"] else label.get("right_kind")
            kind_ok += fact.kind.value == right
        gold = [
            label["text"] for label in row["facts"] if label["first_list"] and label["kind_ok"] and label["boundary_ok"]
        ]
        gold += row["missing"]
        wanted += len(gold)
        found += sum(any(item in fact.text for fact in shown) for item in gold)
    return {
        "articles": len(rows),
        "facts labelled": labelled,
        "unlabelled": unlabelled,
        "kind precision %": round(100 * kind_ok / max(1, labelled), 1),
        "boundary precision %": round(100 * boundary_ok / max(1, labelled), 1),
        "gold recall %": round(100 * found / max(1, wanted), 1),
    }


def speed(examples: list[Example], repeats: int = 3) -> float:
    """Median over articles of the fastest of ``repeats`` runs of key facts, in milliseconds."""
    best: list[float] = []
    for example in examples:
        ranking = rank(example.article)
        runs = []
        for _ in range(repeats):
            start = time.perf_counter()
            key_facts(example.article, ranking)
            runs.append((time.perf_counter() - start) * 1000)
        best.append(min(runs))
    return round(statistics.median(best), 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m summarizer.facts.evaluate", description=__doc__)
    parser.add_argument("files", type=Path, nargs="*", default=list(FILES))
    parser.add_argument("--folds", type=int, default=5, help="k of the cross-validation; 1 scores the weights in use")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args(argv)
    present = [f for f in args.files if f.is_file()]
    if not present:
        print("skipped: no data file is there (the eval sets live in ../shared/eval/)")
        return 0
    examples = [e for f in present for e in load(f)]
    cases = prepare(examples)
    print(f"recall of reference figures and names, {args.folds}-fold held out, mean [95% bootstrap interval]")
    for source, by in sorted(cross_validate(cases, args.folds).items()):
        for label, values in by.items():
            mean, low, high = bootstrap(values)
            print(f"  {source:<18} {label:<16} {mean:5.1f}% [{low:.1f}, {high:.1f}]  n={len(values)}")
    for source, row in sorted(ceiling(cases).items()):
        print(
            f"ceiling {source}: all candidates hold {row['candidates']}%; the ten (weights in use) miss "
            f"{row['no candidate']}% no candidate holds and {row['not chosen']}% a candidate not chosen holds"
        )
    train = [f for f in FILES[1:] if f.is_file()]
    sets = {"gold set (train articles)": (GOLD,), "held-out gold batch": (HELDOUT,), "whole gold set": (GOLD, HELDOUT)}
    for name, paths in sets.items():
        if train and all(path.is_file() for path in paths):
            print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in gold_scores(train, *paths).items()))
    if not args.no_speed:
        print(f"key facts ms per article (median): {speed(load(present[0]))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
