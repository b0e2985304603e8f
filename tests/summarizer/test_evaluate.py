"""The quality benchmark, run as the README runs it, on a two-article file in the dev set's format."""

import json
import subprocess
import sys
from pathlib import Path

from rouge_score import rouge_scorer

from summarizer.evaluate import HALVES, METHODS, load, measure_speed
from tests.conftest import ROOT

MINI = ROOT / "tests" / "fixtures" / "eval-mini.jsonl"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "summarizer.evaluate", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_json_report_has_every_method_fact_metric_and_stage() -> None:
    done = _run(str(MINI), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert set(report["sources"]) == {"bbc_news_summary", "cnn_dailymail"}
    for methods in report["sources"].values():
        assert set(methods) == set(METHODS)
        for scores in methods.values():
            assert set(scores) == {"rouge1", "rouge2", "rougeLsum"}
            assert all(0 <= value <= 100 for value in scores.values())
    # Lead-k is the first k sentences of our own splitter, scored by rouge-score with stemming.
    [bbc] = [e for e in load(MINI) if e.source == "bbc_news_summary"]
    lead = "\n".join(s.text for s in bbc.article.sentences[: bbc.k])
    expected = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True).score("\n".join(bbc.reference), lead)
    assert report["sources"]["bbc_news_summary"]["lead"]["rouge1"] == round(expected["rouge1"].fmeasure * 100, 2)
    for facts in report["facts"].values():
        assert facts["grounding"] == 100.0
        assert 0 <= facts["recall"] <= 100
    speed = report["ms_per_article"]
    for stage in ("parse", "tokenize", "rank", "facts", "pipeline", "baseline_pysbd_lexrank", "speedup_vs_baseline"):
        assert speed[stage] > 0, stage


def test_table_output_and_a_missing_file_is_a_clean_skip(tmp_path: Path) -> None:
    done = _run(str(MINI), "--no-speed", "--methods", "lead,default")
    assert done.returncode == 0, done.stderr
    assert "cnn_dailymail   ROUGE F1 x100" in done.stdout
    assert "key facts: grounding 100.0%" in done.stdout
    missing = _run(str(tmp_path / "absent.jsonl"))
    assert missing.returncode == 0
    assert missing.stdout.startswith("skipped:")


def test_speed_is_the_fastest_of_the_passes_for_each_article() -> None:
    speed = measure_speed(load(MINI), repeats=2)
    assert speed["pipeline"] >= max(speed["parse"], speed["rank"], speed["facts"])
    assert speed["speedup_vs_baseline"] == round(speed["baseline_pysbd_lexrank"] / speed["pipeline"], 1)


def test_halves_are_reported_apart() -> None:
    done = _run(str(MINI), "--json", "--no-speed", "--methods", "lead", "--halves")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    examples = load(MINI)
    for half, start in HALVES:
        sources = {e.source for e in examples[start::2]}
        assert set(report["halves"][half]["sources"]) == sources
    table = _run(str(MINI), "--no-speed", "--methods", "lead", "--halves")
    assert "== even lines only ==" in table.stdout and "== odd lines only ==" in table.stdout


def test_the_fact_weights_refit_prints_each_weight_in_use_beside_its_fit(tmp_path: Path) -> None:
    from summarizer.facts import KIND_PRIOR, WEIGHTS

    script = str(ROOT / "scripts" / "fit_fact_weights.py")
    done = subprocess.run([sys.executable, script, str(MINI)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["weight", "in", "use", "all", "even", "odd"]
    rows = {line[:24].strip(): line[24:].split() for line in lines[1:]}
    assert len(rows) == len(WEIGHTS) + len(KIND_PRIOR) - 1  # the person is the kinds' baseline
    for name, weight in WEIGHTS.items():
        in_use, *fitted = rows[name]
        assert float(in_use) == round(weight, 2) and len(fitted) == 3
    assert rows["mentions"][1:] == [f"{WEIGHTS['mentions']:.2f}"] * 3  # the fit is scaled to the mentions' weight
    missing = subprocess.run([sys.executable, script, str(tmp_path / "absent.jsonl")], capture_output=True, text=True)
    assert missing.returncode == 0 and missing.stdout.startswith("skipped:")
