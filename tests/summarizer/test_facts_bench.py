"""The key-fact benchmark and the weight search run end to end on the small fixture file."""

import subprocess
import sys
from pathlib import Path

from summarizer.facts import KIND_PRIOR, WEIGHTS
from summarizer.facts.evaluate import FROZEN, bootstrap, folds

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "eval-mini.jsonl"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_the_benchmark_prints_held_out_recall_per_source_with_an_interval() -> None:
    done = _run("-m", "summarizer.facts.evaluate", str(MINI), "--folds", "2", "--no-speed")
    assert done.returncode == 0, done.stderr
    rows = [line.split() for line in done.stdout.splitlines() if line.startswith("  ")]
    assert {row[0] for row in rows} == {"bbc_news_summary", "cnn_dailymail"}
    assert {" ".join(row[1:-4]) for row in rows} == {"in use", "cross-validated"}


def test_the_search_moves_no_frozen_weight_and_prints_every_weight() -> None:
    done = _run(str(ROOT / "scripts" / "fit_fact_weights.py"), "--search", str(MINI))
    assert done.returncode == 0, done.stderr
    rows = {line[:24].strip(): line[24:].split() for line in done.stdout.splitlines()[1:-1]}
    assert len(rows) == len(WEIGHTS) + len(KIND_PRIOR)
    for key in FROZEN:
        name = f"kind: {key.value}" if hasattr(key, "value") else str(key)
        in_use, found = rows[name]
        assert in_use == found
    assert done.stdout.splitlines()[-1].startswith("mean recall of the sources:")


def test_folds_deal_each_source_out_evenly_and_the_interval_holds_the_mean() -> None:
    class Case:
        def __init__(self, source: str) -> None:
            self.source = source

    cases = [Case("a") for _ in range(10)] + [Case("b") for _ in range(5)]
    parts = folds(cases, 5)  # type: ignore[arg-type]
    assert [sum(c.source == "a" for c in p) for p in parts] == [2] * 5
    assert [sum(c.source == "b" for c in p) for p in parts] == [1] * 5
    mean, low, high = bootstrap([0.0, 1.0, 1.0, 0.5])
    assert low <= mean <= high and mean == 62.5
