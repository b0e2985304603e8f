"""The per-language benchmark's data and readers: every public article loads, is read in its own
language, and summarizes to its own sentences with grounded key facts; saved web pages become rows
with their description as the reference; and what the data showed (German abbreviations inside a
sentence, Chinese editor credits) stays fixed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer import identify, key_facts, parse_article, rank, split_sentences, summarize
from summarizer.evaluate_languages import DEFAULT_FILE, ScriptTokenizer, evaluate, load, load_pages

ROWS = load(DEFAULT_FILE)
PROVENANCE = ("repo", "path", "commit", "reference")


def test_every_benchmark_row_names_where_it_was_read() -> None:
    lines = [json.loads(line) for line in DEFAULT_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) == len(ROWS) >= 14
    for line in lines:
        assert all(line.get(key) for key in PROVENANCE), line.get("path")
        assert len(line["commit"]) == 40
        assert line["summary"] not in line["text"]  # the reference was taken out of the text


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.language}-{i}" for i, r in enumerate(ROWS)])
def test_each_public_article_is_read_and_summarized_from_its_own_text(row) -> None:
    article = parse_article(row.text, title=row.headline)
    assert article.language == row.language == identify(f"{row.title}\n{row.text}")
    ranking = rank(article)
    for count in (1, 3):
        summary = summarize(article, count, ranking)
        assert summary.sentences
        assert all(sentence.text in " ".join(row.text.split()) for sentence in summary.sentences)
    for fact in key_facts(article, ranking):
        assert fact.text in article.sentences[fact.sentence].text or fact.text in article.title


def test_the_benchmark_reports_every_language_of_the_file() -> None:
    pytest.importorskip("rouge_score")
    report = evaluate(ROWS)
    assert set(report) == {row.language for row in ROWS}
    for figures in report.values():
        assert figures["grounding"] == figures["verbatim"] == figures["outside"] == 100.0
        assert figures["langid"] == 100.0
        assert figures["ms"] > 0 and figures["identify_ms"] > 0
        assert figures["rouge1_margins"] == {}  # 1-3 articles a language: no margin is reported


def test_a_margin_over_lead_comes_with_its_paired_interval() -> None:
    pytest.importorskip("rouge_score")
    chinese = [row for row in ROWS if row.language == "zh"]
    (figures,) = evaluate(chinese * 3).values()  # 9 rows: enough to report
    mean, low, high = figures["rouge1_margins"]["default-3 - lead-3"]
    assert low <= mean <= high


def test_the_tokenizer_keeps_every_script() -> None:
    tokens = ScriptTokenizer().tokenize("Москва, 3 мая; 北京市 und Köln")
    assert tokens == ["москва", "3", "мая", "北", "京", "市", "und", "köln"]


PAGE = """<html lang="de"><head><meta charset="utf-8"><title>Neue Brücke in Köln</title>
<meta name="description" content="Die Stadt Köln baut bis 2030 eine neue Brücke über den Rhein, die
Radfahrern und Fußgängern vorbehalten ist."></head><body><article><h1>Neue Brücke in Köln</h1>
<p>Die Stadt Köln baut bis 2030 eine neue Brücke über den Rhein, die Radfahrern und Fußgängern
vorbehalten ist.</p>
<p>Der Stadtrat hat den Bau am Dienstag mit großer Mehrheit beschlossen. Die Kosten liegen nach
Angaben der Verwaltung bei rund 80 Millionen Euro, von denen das Land die Hälfte trägt.</p>
<p>Die Brücke soll die Innenstadt mit dem rechtsrheinischen Stadtteil Deutz verbinden. Bisher
müssen Radfahrer die stark befahrene Deutzer Brücke nutzen, auf der es immer wieder Unfälle gibt.</p>
<p>Mit dem Bau soll im kommenden Frühjahr begonnen werden. Die Verwaltung rechnet mit einer
Bauzeit von vier Jahren und will die Anwohner regelmäßig über den Fortschritt informieren.</p>
</article><footer>Lesen Sie auch: Der Dom bekommt ein neues Dach</footer></body></html>"""


def test_a_saved_page_becomes_a_row_without_its_description_paragraph(tmp_path: Path) -> None:
    (tmp_path / "koeln.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "expectations.json").write_text(
        json.dumps({"koeln.html": {"url": "https://example.de/bruecke", "with": [], "without": ["Der Dom"]}})
    )
    (row,) = load_pages((tmp_path,))
    assert (row.language, row.declared, row.outside) == ("de", True, ("Der Dom",))
    assert row.summary.startswith("Die Stadt Köln baut bis 2030") and row.summary.endswith("vorbehalten ist.")
    assert row.summary not in row.text and "Der Stadtrat hat den Bau" in row.text
    assert row.source == f"pages:{tmp_path.name}"


def test_pages_without_their_folder_are_no_rows(tmp_path: Path) -> None:
    assert load_pages((tmp_path / "absent",)) == []


def test_german_abbreviations_inside_a_sentence_do_not_end_it() -> None:
    text = (
        "Waschmaschine u. Trockner sind vorhanden. Auskunft gibt die Leitstelle unter Tel. 02382 59743. "
        "Der Wert (Anm. d. Red.) stimmt. In der sog. Rescue-Studie steht es, inkl. Tabellen. Das ist alles."
    )
    assert split_sentences(text, "de") == [
        "Waschmaschine u. Trockner sind vorhanden.",
        "Auskunft gibt die Leitstelle unter Tel. 02382 59743.",
        "Der Wert (Anm. d. Red.) stimmt.",
        "In der sog. Rescue-Studie steht es, inkl. Tabellen.",
        "Das ist alles.",
    ]


def test_a_chinese_editor_credit_is_not_article_text() -> None:
    body = (
        "新华社北京11月17日电，记者17日从国家卫生健康委获悉，相关部门持续优化短缺药品实时监测预警与分级应对体系。"
        "国家医保局密切监测短缺药品清单药品价格和配送情况，国家药监局加快短缺药品审评审批进度。\n\n"
        "工业和信息化部提前应对秋冬季流感疫情，组织生产企业增产扩能，商务部指导药品流通企业加大药品供应力度。\n\n"
        "（编辑：严玉洁 王辉）\n\n【责任编辑：严玉洁】"
    )
    article = parse_article(body, title="短缺药品供应保障")
    assert article.language == "zh"
    assert not any("编辑" in sentence.text for sentence in article.sentences)
    assert "广告业" in parse_article(body + "\n\n广告业今年收入增长。", title="短缺药品").text  # a word, not a label
