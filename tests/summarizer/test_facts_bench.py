"""The key-fact benchmark and the weights' refit run end to end on the small fixture file."""

import subprocess
import sys
from pathlib import Path

from summarizer.facts import KIND_PRIOR, WEIGHTS
from summarizer.facts.evaluate import FIGURE_MINIMA, bootstrap, folds
from summarizer.facts.select import FEATURES, FIGURE_MINIMUM, FROZEN, load_weights, save_weights
from summarizer.models import FactKind

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


def test_the_refit_holds_the_frozen_weights_and_prints_every_weight(tmp_path: Path) -> None:
    script = str(ROOT / "scripts" / "fit_fact_weights.py")
    done = _run(script, str(MINI))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["weight", "in", "use", "fit"]
    rows = {line[:24].strip(): line[24:].split() for line in lines[1:-1]}
    assert len(rows) == len(WEIGHTS) + len(KIND_PRIOR) + 1  # and the figures' minimum
    for name, value in FROZEN.items():
        assert rows[name] == [f"{WEIGHTS[name]:.2f}", f"{value:.2f}"], name
    assert rows["figure minimum"][1] in {str(m) for m in FIGURE_MINIMA}
    assert lines[-1].startswith("mean recall of the sources:")
    missing = _run(script, str(tmp_path / "absent.jsonl"))
    assert missing.returncode == 0 and missing.stdout.startswith("skipped:")


def test_the_weights_in_use_are_a_fit_that_holds_the_frozen_ones(tmp_path: Path) -> None:
    assert list(WEIGHTS) == list(FEATURES) and set(KIND_PRIOR) == set(FactKind)
    assert all(WEIGHTS[name] == value for name, value in FROZEN.items())
    path = tmp_path / "weights.json"
    save_weights(WEIGHTS, KIND_PRIOR, FIGURE_MINIMUM, path)
    assert load_weights(path) == (WEIGHTS, KIND_PRIOR, FIGURE_MINIMUM)


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


def test_the_fit_learns_what_marks_a_hit_and_holds_the_frozen_weights() -> None:
    from summarizer.evaluate import Example
    from summarizer.facts.candidate import _Candidate
    from summarizer.facts.evaluate import Case, fit
    from summarizer.parse import parse_article

    article = parse_article("Title\n\nAlice Smith met Bob Jones in Leeds.")
    title = FEATURES.index("title")
    cases = []
    for n in range(30):
        found = []
        for i in range(6):
            features = [0.0] * len(FEATURES)
            features[title] = float(i < 2 or (i == 2 and n % 5 == 0))  # mostly, not always, a hit
            found.append(_Candidate(FactKind.PERSON, f"Name{i}", 0, features=tuple(features)))
        hits = {id(c): {f"name{i}"} if i < 2 or (i == 3 and n % 7 == 0) else set() for i, c in enumerate(found)}
        cases.append(Case("s", Example("s", article, ["x"], ""), found, {"name0", "name1"}, hits))
    weights, prior, figures = fit(cases)
    assert weights["title"] > 1.0 and weights["mentions"] == 0.0  # a column of zeros stays at zero
    assert all(weights[name] == value for name, value in FROZEN.items()) and figures in FIGURE_MINIMA
