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


def _copies(tmp_path: Path, times: int) -> Path:
    """The mini file's articles several times over, as one file (each copy a distinct article)."""
    lines = [json.loads(line) for line in MINI.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [
        dict(row, id=f"{row.get('id', 'x')}-{n}", text=f"{row['text']}\n\nCopy {n} ends here.")
        for n in range(times)
        for row in lines
    ]
    path = tmp_path / "copies.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_cross_validation_reports_margins_intervals_and_checks_per_source(tmp_path: Path) -> None:
    from summarizer.crossval import RIVALS, folds

    data = _copies(tmp_path, 3)
    done = _run("--cv", "3", "--json", "--no-speed", str(data), str(tmp_path / "absent.jsonl"))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["folds"] == 3 and set(report["sources"]) == set(RIVALS)
    for source, row in report["sources"].items():
        assert row["rival"] == RIVALS[source] and row["articles"] == 3
        for metric in ("rouge1", "rouge2", "rougeLsum"):
            cell = row[metric]
            low, high = cell["interval"]
            assert low <= cell["margin"] <= high and len(cell["per_fold"]) == 3
            # Folds of equal size: the mean of the fold margins is the margin of the means.
            assert abs(cell["margin"] - (cell["default"] - cell[row["rival"]])) <= 0.02
        checks = report["checks"][source]
        assert checks["summaries"] == 3 and checks["shrinking"] == 0 and checks["repeats"] == 0
    examples = load(data)
    assignment = folds(examples, 3)
    for source in RIVALS:
        assert sorted(f for e, f in zip(examples, assignment, strict=True) if e.source == source) == [0, 1, 2]
    table = _run("--cv", "3", "--no-speed", str(data))
    assert "3-fold cross-validation" in table.stdout and "hold a sentence twice" in table.stdout
    assert _run("--cv", "3", str(tmp_path / "absent.jsonl")).stdout.startswith("skipped:")


def test_the_sentence_weights_refit_writes_a_model_the_ranker_reads(tmp_path: Path) -> None:
    from summarizer import parse_article, rank
    from summarizer.features import SentenceModel

    out = tmp_path / "weights.json"
    script = str(ROOT / "scripts" / "fit_sentence_weights.py")
    done = subprocess.run(
        [sys.executable, script, str(_copies(tmp_path, 2)), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    model = SentenceModel.from_dict(json.loads(out.read_text(encoding="utf-8")))
    assert any(model.short.weights) and any(model.long.weights)
    article = parse_article((ROOT / "seeds" / "000_efe250892bda9878.txt").read_text(encoding="utf-8"))
    assert len(rank(article, model=model).top(3)) == 3
    missing = subprocess.run([sys.executable, script, str(tmp_path / "absent.jsonl")], capture_output=True, text=True)
    assert missing.returncode == 0 and missing.stdout.startswith("skipped:")
