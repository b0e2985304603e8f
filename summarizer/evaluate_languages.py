"""Per-language benchmark: ``python -m summarizer.evaluate_languages [FILE.jsonl] [--json]``.

For each language in the file (default: ``tests/data/languages/benchmark.jsonl``, public news with
the publisher's own summary, see its README) and in the shared saved web pages (``../shared/pages``
and ``pages-more``: each page extracted as the bot extracts it, its own meta description the
reference, see ``load_pages``; ``--no-pages`` leaves them out) it prints ROUGE-1/2/L F1 (x100)
against the reference of Lead-1, Lead-3 and the default ranker's 1- and 3-sentence summaries, with
a tokenizer that keeps every script (rouge-score's default drops all but a-z and 0-9; Han and kana
are scored character by character); key-fact grounding; whether every summary sentence is verbatim
in the input and holds none of a page's annotated non-article strings; language identification
accuracy and its milliseconds per article; milliseconds per article for parse, rank, summary and
key facts, beside English's of the same kind.

Needs the dev extra rouge-score. A missing data file is a clean skip, not an error.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import key_facts, parse_article, rank, summarize
from .languages import UnsupportedLanguage, identify
from .models import Article
from .tokenize import split_sentences, split_words

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "tests" / "data" / "languages" / "benchmark.jsonl"
SENTENCES_FILE = DEFAULT_FILE.with_name("sentences.jsonl")
"""Sentence-splitting gold cases per language (pySBD's golden rules), read beside the benchmark."""
PAGES_FOLDERS = (ROOT.parent / "shared" / "pages", ROOT.parent / "shared" / "pages-more")
"""Saved web pages with ``expectations.json`` (``without``: navigation and other text that is not the
article's); read where they are, never copied here."""
MIN_REFERENCE_WORDS = 10
"""A page's description shorter than this is a slogan or a byline, not a summary of the article."""
ENGLISH_FILE = ROOT.parent / "shared" / "eval" / "news-dev.jsonl"
"""English for comparison: the shared dev set's CNN/DailyMail articles, whose references are the
publisher's own highlights as the benchmark's are (read where it is, never copied here)."""
WEB = "·web"
"""Suffix of the rows read from saved web pages: their references (meta descriptions) are of another
kind than a file's, so they are reported apart, and compared for speed with English web pages."""
METHODS = ("lead-1", "lead-3", "default-1", "default-3")
REPEATS = 5
"""Each article is timed this many times, the garbage collector paused, and its fastest run kept, as
``summarizer.evaluate`` and ``timeit`` do: the noise of a shared machine stays out of every language alike."""
_HAN_OR_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


class ScriptTokenizer:
    """rouge-score's tokenizer interface over our word splitter: lower-cased words of any script,
    Han and kana one character each (as multilingual ROUGE scores Chinese and Japanese)."""

    def tokenize(self, text: str) -> list[str]:
        tokens: list[str] = []
        for word in re.findall(r"\S+", text.lower()):
            if _HAN_OR_KANA.search(word):
                tokens.extend(c for c in word if c.isalnum())
            else:
                tokens.extend(split_words(word))
        return tokens


@dataclass
class Row:
    language: str
    title: str
    text: str
    summary: str
    source: str = "file"
    outside: tuple[str, ...] = ()
    """Strings the page's annotation says are not the article's (no summary may hold one)."""
    declared: bool = True
    """Whether ``language`` is the publisher's label (a file's, a page's ``<html lang>``) rather than
    our own identification, which language identification is then not scored against."""

    @cached_property
    def headline(self) -> str:
        """The title, or for a text without one its opening sentence (as the parser would take it)
        given explicitly, so that the parser does not take the first paragraph for a title."""
        if self.title:
            return self.title
        opening = split_sentences(self.text.split("\n")[0], identify(self.text))[0]
        return " ".join(opening.split()[:14])


@dataclass
class Totals:
    rouge: dict[str, dict[str, list[float]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    grounded: list[float] = field(default_factory=list)
    verbatim: list[bool] = field(default_factory=list)
    identified: list[bool] = field(default_factory=list)
    outside: list[bool] = field(default_factory=list)
    identify_ms: list[float] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    ms: list[float] = field(default_factory=list)
    ms_per_kchar: list[float] = field(default_factory=list)


def load(path: Path, source: str | None = None) -> list[Row]:
    """The rows of a file: language (English where the file has none), title, text, summary;
    with ``source``, only the rows from that source."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            if source is None or data.get("source") == source:
                language = data.get("language", "en")
                rows.append(Row(language, data.get("title") or "", data["text"], data["summary"]))
    return rows


def load_pages(folders: tuple[Path, ...] = PAGES_FOLDERS) -> list[Row]:
    """Saved web pages as benchmark rows: the page extracted as the bot extracts a link (trafilatura,
    then the parser), its own meta description (``og:description`` or ``description``, as trafilatura
    reads it) the reference, as XL-Sum takes a BBC article's introduction. A paragraph that is the
    description word for word is taken out of the text, as XL-Sum takes the introduction out. Pages
    without a description of ``MIN_REFERENCE_WORDS`` words, or that are no article in a served
    language, are left out. The language is the page's ``<html lang>`` when it names a served one."""
    import trafilatura

    from .extract import _declared_language, extract_article
    from .parse import ArticleError
    from .tokenize import count_words

    rows = []
    for folder in folders:
        index = folder / "expectations.json"
        if not index.exists():
            continue
        for name, expected in sorted(json.loads(index.read_text(encoding="utf-8")).items()):
            html = (folder / name).read_bytes()
            metadata = trafilatura.extract_metadata(html)
            description = " ".join((getattr(metadata, "description", None) or "").split())
            if count_words(description) < MIN_REFERENCE_WORDS:
                continue
            try:
                article = extract_article(html, expected.get("url"))
            except ArticleError:
                continue
            if description == " ".join(article.title.split()):
                continue
            paragraphs = [p for p in article.text.split("\n\n") if " ".join(p.split()) != description]
            declared = _declared_language(html)
            rows.append(
                Row(
                    declared or article.language,
                    article.title,
                    "\n\n".join(paragraphs),
                    description,
                    source=f"pages:{folder.name}",
                    outside=tuple(expected.get("without", ())),
                    declared=declared is not None,
                )
            )
    return rows


def evaluate(rows: list[Row]) -> dict[str, Any]:
    """Every figure of the benchmark, per language."""
    from rouge_score import rouge_scorer  # dev extra: imported only when the benchmark runs

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], tokenizer=ScriptTokenizer())
    totals: dict[str, Totals] = defaultdict(Totals)
    for row in rows:
        total = totals[row.language + (WEB if row.source.startswith("pages") else "")]
        total.sources.add(row.source)
        if row.declared:
            total.identified.append(_identified(row))
        total.identify_ms.append(_timed_identify(row))
        article = parse_article(row.text, title=row.headline)
        spaced = " ".join(row.text.split())  # the parser folds runs of spaces, as a page shows them
        for method, chosen in _summaries(article).items():
            for name, value in scorer.score(row.summary, " ".join(chosen)).items():
                total.rouge[method][name].append(value.fmeasure * 100)
            total.verbatim.append(all(" ".join(sentence.split()) in spaced for sentence in chosen))
            total.outside.append(not any(bad in sentence for bad in row.outside for sentence in chosen))
        total.grounded.append(_grounding(article))
        elapsed = _timed(row)
        total.ms.append(elapsed)
        total.ms_per_kchar.append(elapsed / max(1, len(row.text)) * 1000)
    return {language: _report(t) for language, t in sorted(totals.items())}


def _identified(row: Row) -> bool:
    try:
        return identify(f"{row.title}\n{row.text}".strip()) == row.language
    except UnsupportedLanguage:
        return False


def _summaries(article: Article) -> dict[str, list[str]]:
    ranking = rank(article)
    lead = [s.text for s in article.sentences]
    return {
        "lead-1": lead[:1],
        "lead-3": lead[:3],
        "default-1": [s.text for s in summarize(article, 1, ranking).sentences],
        "default-3": [s.text for s in summarize(article, 3, ranking).sentences],
    }


def _grounding(article: Article) -> float:
    """Share of key facts found verbatim in the sentence they cite (1.0 when there are none)."""
    facts = key_facts(article)
    if not facts:
        return 1.0
    found = [f.text in article.sentences[f.sentence].text or f.text in article.title for f in facts]
    return sum(found) / len(found)


def _timed(row: Row) -> float:
    """Milliseconds of the whole pipeline, fastest of ``REPEATS``: language, parse, rank, summary, facts."""
    runs = []
    gc.collect()
    gc.disable()
    try:
        for _ in range(REPEATS):
            start = time.perf_counter()
            article = parse_article(row.text, title=row.headline)
            ranking = rank(article)
            summarize(article, 3, ranking)
            key_facts(article, ranking)
            runs.append((time.perf_counter() - start) * 1000)
    finally:
        gc.enable()
    return min(runs)


def _timed_identify(row: Row) -> float:
    """Milliseconds language identification takes on the article's text, fastest of ``REPEATS``."""
    runs = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        with contextlib.suppress(UnsupportedLanguage):
            identify(row.text)
        runs.append((time.perf_counter() - start) * 1000)
    return min(runs)


MARGIN_MIN_ARTICLES = 8
"""Below this many articles a language's margin over Lead is not reported (its interval says nothing)."""


def _margins(total: Totals) -> dict[str, list[float]]:
    """ROUGE-1 of the default summary minus Lead's, 1 and 3 sentences: the mean and its paired
    bootstrap 95% interval (``summarizer.evaluate.bootstrap_mean``), for enough articles."""
    from .evaluate import bootstrap_mean

    if len(total.ms) < MARGIN_MIN_ARTICLES:
        return {}
    rouge1 = {method: total.rouge[method]["rouge1"] for method in METHODS}
    margins = {}
    for n in (1, 3):
        paired = zip(rouge1[f"default-{n}"], rouge1[f"lead-{n}"], strict=True)
        margins[f"default-{n} - lead-{n}"] = [round(v, 2) for v in bootstrap_mean([d - b for d, b in paired])]
    return margins


def _report(total: Totals) -> dict[str, Any]:
    return {
        "rouge1_margins": _margins(total),
        "articles": len(total.ms),
        "rouge": {m: {n: round(statistics.fmean(v), 2) for n, v in by.items()} for m, by in total.rouge.items()},
        "grounding": round(100 * statistics.fmean(total.grounded), 1),
        "verbatim": round(100 * statistics.fmean(total.verbatim), 1),
        "outside": round(100 * statistics.fmean(total.outside), 1),
        "langid": round(100 * statistics.fmean(total.identified), 1) if total.identified else None,
        "langid_n": len(total.identified),
        "identify_ms": round(statistics.median(total.identify_ms), 3),
        "sources": sorted(total.sources),
        "ms": round(statistics.median(total.ms), 2),
        "ms_per_kchar": round(statistics.median(total.ms_per_kchar), 2),
    }


def splitting(path: Path) -> dict[str, dict[str, float]]:
    """Per language: the share of gold cases split exactly right, and of gold sentences found whole."""
    cases: dict[str, list[tuple[bool, float]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            got, gold = split_sentences(data["text"], data["language"]), data["sentences"]
            cases[data["language"]].append((got == gold, sum(s in got for s in gold) / len(gold)))
    return {
        language: {
            "cases": len(found),
            "exact": round(100 * statistics.fmean(exact for exact, _ in found), 1),
            "sentences": round(100 * statistics.fmean(share for _, share in found), 1),
        }
        for language, found in sorted(cases.items())
    }


def print_table(report: dict[str, Any]) -> None:
    """One line per language: R1/R2/RL of each method, then grounding, verbatim, no text from outside
    the article, langid (accuracy, and ms per article), speed and its ratio to English's (of its kind)."""
    head = " ".join(f"{m:>17}" for m in METHODS)
    print(f"{'lang':<8}{'n':>4} {head}  ground verb. out. langid id-ms     ms ms/kch  x en")
    for language, figures in report.items():
        cells = " ".join("{rouge1:5.1f}/{rouge2:5.1f}/{rougeL:5.1f}".format(**figures["rouge"][m]) for m in METHODS)
        english = report.get("en" + WEB if language.endswith(WEB) else "en", {}).get("ms_per_kchar")
        ratio = f"{figures['ms_per_kchar'] / english:5.2f}" if english else "    -"
        langid = f"{figures['langid']:6.1f}" if figures["langid"] is not None else "     -"
        print(
            f"{language:<8}{figures['articles']:>4} {cells}  {figures['grounding']:6.1f} {figures['verbatim']:5.1f}"
            f" {figures['outside']:4.0f} {langid} {figures['identify_ms']:5.2f} {figures['ms']:6.1f}"
            f" {figures['ms_per_kchar']:6.2f} {ratio}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--english", type=Path, default=ENGLISH_FILE, help="English rows to compare speed with")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-pages", action="store_true", help="leave out the shared saved web pages")
    args = parser.parse_args(argv)
    if not args.file.exists():
        print(f"skipped: no benchmark file at {args.file}")
        return 0
    rows = load(args.file)
    if args.english.exists():
        rows += load(args.english, source="cnn_dailymail")
    if not args.no_pages:
        rows += load_pages()
    report = evaluate(rows)
    split = splitting(SENTENCES_FILE) if SENTENCES_FILE.exists() else {}
    if args.json:
        print(json.dumps({"summaries": report, "splitting": split}, ensure_ascii=False, indent=2))
    else:
        print("ROUGE-1/2/L F1 x100 against the publisher's summary; ms: whole pipeline per article (fastest of")
        print("5 runs, median over articles), ms/kch: per 1,000 characters, x en: that against English's")
        print(f"(rows ending {WEB}: saved web pages against their meta description, English of that kind)")
        print_table(report)
        print("\nROUGE-1 margin over Lead, paired bootstrap 95% (languages with 8 articles or more):")
        for language, figures in report.items():
            for name, (mean, low, high) in figures["rouge1_margins"].items():
                print(f"  {language:<8} {name}: {mean:+.1f} [{low:+.1f}, {high:+.1f}]")
        print("\nsentence splitting against pySBD's golden rules: cases split exactly / gold sentences found")
        for language, figures in split.items():
            print(f"  {language}  {figures['cases']:>2} cases  {figures['exact']:5.1f}%  {figures['sentences']:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
