"""Time :func:`summarizer.key_facts` alone, as ``python -m summarizer.facts.evaluate`` times it
(the articles of one file, parsed and ranked beforehand, the fastest of a few runs each, the
median over articles), for this tree's code and, in the same process, for a copy of another
tree's ``summarizer`` package: the two are timed in turn, article by article, so a busy host
slows both alike.

    cp -r /work/main/summarizer /tmp/ab/summarizer_main
    .venv/bin/python scripts/time_facts.py --against /tmp/ab/summarizer_main --rounds 5
"""

from __future__ import annotations

import argparse
import importlib
import json
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def prepared(package: ModuleType, rows: list[dict[str, Any]]) -> list[tuple[Any, Any]]:
    """Each row's article and ranking, by ``package``'s own parse and rank."""
    out = []
    for row in rows:
        article = package.parse_article(row["text"], title=row.get("title"))
        out.append((article, package.rank(article)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path, nargs="?", default=Path("../shared/eval/news-dev.jsonl"))
    parser.add_argument("--against", type=Path, help="a copy of another tree's summarizer package, renamed")
    parser.add_argument("--rounds", type=int, default=3, help="medians measured, each over all articles")
    parser.add_argument("--repeats", type=int, default=3, help="runs per article, the fastest kept")
    parser.add_argument("--cpu", action="store_true", help="the process's CPU time, not the wall clock")
    args = parser.parse_args(argv)
    rows = load(args.file)
    packages = {"this tree": importlib.import_module("summarizer")}
    if args.against:
        sys.path.insert(0, str(args.against.parent))
        packages[args.against.name] = importlib.import_module(args.against.name)
    inputs = {name: prepared(package, rows) for name, package in packages.items()}
    for name, package in packages.items():  # a first pass warms imports and caches alike
        for article, ranking in inputs[name]:
            package.key_facts(article, ranking)
    clock = time.process_time if args.cpu else time.perf_counter
    medians: dict[str, list[float]] = {name: [] for name in packages}
    ratios: list[float] = []
    for round_ in range(args.rounds):
        best: dict[str, list[float]] = {name: [] for name in packages}
        order = list(packages) if round_ % 2 == 0 else list(reversed(packages))
        for i in range(len(rows)):
            for name in order:
                key_facts, (article, ranking) = packages[name].key_facts, inputs[name][i]
                runs = []
                for _ in range(args.repeats):
                    start = clock()
                    key_facts(article, ranking)
                    runs.append((clock() - start) * 1000)
                best[name].append(min(runs))
        for name in packages:
            medians[name].append(statistics.median(best[name]))
        if len(packages) == 2:
            a, b = best.values()
            ratios.append(statistics.median(x / y for x, y in zip(a, b, strict=True)))
        print(f"round {round_ + 1}: " + ", ".join(f"{n} {m[-1]:.3f} ms" for n, m in medians.items()), flush=True)
    for name, values in medians.items():
        print(f"{name}: median of rounds {statistics.median(values):.3f} ms ({', '.join(f'{v:.3f}' for v in values)})")
    if ratios:
        print(f"median per-article ratio this tree / other, by round: {', '.join(f'{r:.3f}' for r in ratios)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
