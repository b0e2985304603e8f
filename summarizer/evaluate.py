"""Quality and speed benchmark: ``python -m summarizer.evaluate FILE.jsonl [--json]``.

For each source in the file it prints ROUGE-1/2/Lsum F1 (x100, stemming on) of Lead-k, every
sumy algorithm and the default ranker; key-fact grounding and recall; and milliseconds per
article for each stage of the default pipeline beside pysbd + stock sumy LexRank, timed in the
same run. k is 3 for cnn_dailymail and the number of reference lines otherwise. ``--halves``
reports the even and the odd lines apart too, the held-out check in small.

Needs the dev extras (rouge-score, pysbd). A missing data file is a clean skip, not an error.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from . import lexicon
from .facts import key_facts
from .models import Article
from .parse import parse_article
from .rank import ALGORITHMS, rank
from .tokenize import split_sentences, split_words

METHODS = ("lead", *ALGORITHMS)
HALVES = (("even", 0), ("odd", 1))
"""The file's lines 0, 2, 4... and 1, 3, 5...: a rule fitted to one half is checked on the other."""
T = TypeVar("T")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_CAPITALIZED = re.compile(r"\b[A-Z][\w'’-]*\w")
_STOP = {w.lower() for w in lexicon.NON_NAMES} | {"i", "i'm", "i've", "i'd", "i'll"}
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass
class Example:
    source: str
    article: Article
    reference: list[str]
    raw: str

    @property
    def k(self) -> int:
        return 3 if self.source == "cnn_dailymail" else max(1, len(self.reference))


@dataclass
class Totals:
    rouge: dict[str, dict[str, list[float]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    grounding: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    naive_recall: list[float] = field(default_factory=list)


def bootstrap_mean(values: Sequence[float], draws: int = 2000, seed: int = 0) -> tuple[float, float, float]:
    """The mean of ``values`` and a percentile bootstrap 95% interval of it: (mean, low, high)."""
    rng = random.Random(seed)
    means = sorted(statistics.fmean(rng.choices(values, k=len(values))) for _ in range(draws))
    return statistics.fmean(values), means[int(0.025 * draws)], means[int(0.975 * draws) - 1]


def load(path: Path) -> list[Example]:
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        article = parse_article(row["text"], title=row.get("title"))
        reference = [r for r in row["summary"].split("\n") if r.strip()]
        examples.append(Example(row["source"], article, reference, row["text"]))
    return examples


def evaluate(examples: list[Example], methods: Iterable[str] = METHODS, progress: bool = False) -> dict[str, Any]:
    from rouge_score import rouge_scorer  # dev extra: imported only when the benchmark runs

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    totals: dict[str, Totals] = defaultdict(Totals)
    for example in _progress(examples, progress, "rouge"):
        total = totals[example.source]
        target = "\n".join(example.reference)
        for method in methods:
            chosen = choose(example, method)
            scores = scorer.score(target, "\n".join(chosen))
            for name, value in scores.items():
                total.rouge[method][name].append(value.fmeasure * 100)
        grounding, recall, naive = _fact_scores(example)
        total.grounding.append(grounding)
        if recall is not None and naive is not None:
            total.recall.append(recall)
            total.naive_recall.append(naive)
    return {
        "sources": {
            source: {m: {n: round(statistics.fmean(v), 2) for n, v in by.items()} for m, by in t.rouge.items()}
            for source, t in sorted(totals.items())
        },
        "facts": {
            source: {
                "grounding": round(100 * statistics.fmean(t.grounding), 2),
                "recall": round(100 * statistics.fmean(t.recall), 2) if t.recall else None,
                "naive_recall": round(100 * statistics.fmean(t.naive_recall), 2) if t.naive_recall else None,
            }
            for source, t in sorted(totals.items())
        },
    }


def choose(example: Example, method: str) -> list[str]:
    sentences = example.article.sentences
    if method == "lead":
        return [s.text for s in sentences[: example.k]]
    ranking = rank(example.article, method)
    return [sentences[i].text for i in ranking.top(example.k)]


def _fact_scores(example: Example) -> tuple[float, float | None, float | None]:
    """Grounding: share of facts verbatim in their cited sentence. Recall: share of the
    reference's figures and proper names, among those the article has, that appear in the text
    of some key fact; the same recall for the naive baseline (numbers and capitalized phrases by
    lead-weighted frequency, top 10)."""
    article = example.article
    facts = key_facts(article, rank(article))
    grounded = sum(1 for f in facts if f.text in article.sentences[f.sentence].text)
    grounding = grounded / len(facts) if facts else 1.0
    wanted = wanted_items(example)
    if not wanted:
        return grounding, None, None
    covered = set().union(*(fact_items(f.text) for f in facts)) if facts else set()
    naive = set().union(set(), *(fact_items(t) for t in naive_facts(article)))
    return grounding, len(wanted & covered) / len(wanted), len(wanted & naive) / len(wanted)


def wanted_items(example: Example) -> set[str]:
    """What the recall counts: the reference's figures and proper names the article also has."""
    return _reference_items(example.reference) & _article_items(example.article)


def _reference_items(lines: list[str]) -> set[str]:
    items: set[str] = set()
    for line in lines:
        items.update(_normalize_number(n) for n in _NUMBER.findall(line))
        items.update(_word(w) for w in _CAPITALIZED.findall(line) if w.lower() not in _STOP)
    return items


def _article_items(article: Article) -> set[str]:
    """The article's figures and proper names: numbers, and words it capitalizes inside a
    sentence and never writes in lower case."""
    numbers = {_normalize_number(n) for n in _NUMBER.findall(article.text)}
    capitalized: set[str] = set()
    lower: set[str] = set()
    for sentence in article.sentences:
        for position, word in enumerate(split_words(sentence.text)):
            if word[:1].isupper() and position > 0:
                capitalized.add(_word(word))
            elif word[:1].islower():
                lower.add(_word(word))
    return numbers | (capitalized - lower)


def naive_facts(article: Article, count: int = 10) -> list[str]:
    """The baseline the issue names: numbers and capitalized phrases, by lead-weighted frequency."""
    weights: dict[str, float] = defaultdict(float)
    for sentence in article.sentences:
        weight = 1.0 / (1 + sentence.index)
        for phrase in _NAIVE_PHRASE.findall(sentence.text):
            if phrase.lower() not in _STOP:
                weights[phrase] += weight
    return sorted(weights, key=lambda p: -weights[p])[:count]


_NAIVE_PHRASE = re.compile(r"\d[\d,.]*\d|\d|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def _word(word: str) -> str:
    return _POSSESSIVE.sub("", word.casefold())


def fact_items(text: str) -> set[str]:
    """The words and figures of a fact's text, written as :func:`wanted_items` writes them."""
    words = {_word(w) for w in split_words(text)}
    return words | {_normalize_number(n) for n in _NUMBER.findall(text)}


def _normalize_number(number: str) -> str:
    return number.replace(",", "")


# -- speed -----------------------------------------------------------------------------------


def measure_speed(examples: list[Example], progress: bool = False, repeats: int = 3) -> dict[str, float]:
    """Median milliseconds per article, each stage of the default pipeline and the baseline.

    Each pass times every article through our stages, then every article through the
    baseline (one after the other, so neither evicts the other's caches); a stage's time for
    an article is its fastest of ``repeats`` passes, with the garbage collector paused, as
    ``timeit`` does: that keeps the noise of a shared machine, and collections of the whole
    benchmark's data, out of both sides alike."""
    stages: dict[str, list[list[float]]] = defaultdict(list)
    baseline = _baseline()
    for _ in _progress(list(range(repeats)), progress, "speed"):
        gc.collect()
        gc.disable()
        try:
            _speed_pass(examples, baseline, stages)
        finally:
            gc.enable()
    result = {name: round(statistics.median(map(min, zip(*passes, strict=True))), 3) for name, passes in stages.items()}
    result["speedup_vs_baseline"] = round(result["baseline_pysbd_lexrank"] / result["pipeline"], 1)
    return result


def _speed_pass(
    examples: list[Example], baseline: Callable[[str], object], stages: dict[str, list[list[float]]]
) -> None:
    """One timed pass: every article through our stages, then every article through the baseline."""
    times: dict[str, list[float]] = defaultdict(list)
    for example in examples:
        title = example.article.title if example.source != "cnn_dailymail" else None
        article, parse_ms = _timed(partial(parse_article, example.raw, title=title))
        _, tokenize_ms = _timed(partial(_tokenize, article.text))
        ranking, rank_ms = _timed(partial(rank, article))
        _, facts_ms = _timed(partial(key_facts, article, ranking))
        times["parse"].append(parse_ms)
        times["tokenize"].append(tokenize_ms)
        times["tokenize_per_100_words"].append(100 * tokenize_ms / max(1, len(article.text.split())))
        times["rank"].append(rank_ms)
        times["facts"].append(facts_ms)
        times["pipeline"].append(parse_ms + rank_ms + facts_ms)
    for example in examples:
        times["baseline_pysbd_lexrank"].append(_timed(partial(baseline, example.raw))[1])
    for name, values in times.items():
        stages[name].append(values)


def _baseline() -> Callable[[str], object]:
    """pysbd sentences, stock sumy LexRank with its English stemmer and stop words."""
    import pysbd
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    from .tokenize import Tokenizer

    segmenter = pysbd.Segmenter(language="en", clean=False)
    tokenizer = Tokenizer()
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def run(text: str) -> object:
        sentences = [SumySentence(s, tokenizer) for s in segmenter.segment(text)]
        return summarizer(ObjectDocumentModel([Paragraph(sentences)]), 3)

    return run


def _tokenize(text: str) -> list[tuple[str, ...]]:
    return [split_words(s) for s in split_sentences(text)]


def _timed(work: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = work()
    return result, (time.perf_counter() - start) * 1000


def _progress(items: list[T], enabled: bool, label: str) -> Iterable[T]:
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=label, file=sys.stderr, leave=False)


# -- output ----------------------------------------------------------------------------------


def render(report: dict[str, Any]) -> str:
    lines = []
    for source, methods in report["sources"].items():
        lines.append(f"{source}   ROUGE F1 x100: R1 / R2 / RLsum")
        for method, scores in sorted(methods.items(), key=lambda kv: -kv[1]["rouge1"]):
            r1, r2, rl = scores["rouge1"], scores["rouge2"], scores["rougeLsum"]
            lines.append(f"  {method:<10} {r1:6.2f} / {r2:6.2f} / {rl:6.2f}")
        facts = report["facts"][source]
        lines.append(
            f"  key facts: grounding {facts['grounding']}%, recall {facts['recall']}%"
            f" (naive baseline {facts['naive_recall']}%)"
        )
        lines.append("")
    speed = report.get("ms_per_article")
    if speed:
        lines.append("ms per article (median): " + ", ".join(f"{k} {v}" for k, v in speed.items()))
    for half, part in report.get("halves", {}).items():
        lines += ["", f"== {half} lines only ==", render(part)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m summarizer.evaluate", description=__doc__)
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--methods", default=",".join(METHODS), help="comma-separated methods")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles of each file")
    parser.add_argument("--no-speed", action="store_true", help="skip the timing pass")
    parser.add_argument(
        "--halves", action="store_true", help="also report the even and the odd lines apart (two held-out checks)"
    )
    parser.add_argument(
        "--cv", type=int, default=0, metavar="K", help="k-fold cross-validation of the ranker over all the files"
    )
    args = parser.parse_args(argv)
    present = [path for path in args.files if path.is_file()]
    if not present or (not args.cv and len(args.files) > 1):
        if len(args.files) > 1 and not args.cv:
            parser.error("several files need --cv K")
        print(f"skipped: {', '.join(map(str, args.files))} not there (the dev set lives in ../shared/eval/)")
        return 0
    examples = [e for path in present for e in (load(path)[: args.limit] if args.limit else load(path))]
    progress = sys.stderr.isatty()
    if args.cv:
        return _cross_validate(examples, args.cv, args.json, not args.no_speed, progress)
    methods = [m for m in args.methods.split(",") if m]
    report = evaluate(examples, methods, progress)
    if args.halves:
        report["halves"] = {half: evaluate(examples[start::2], methods, progress) for half, start in HALVES}
    if not args.no_speed:
        report["ms_per_article"] = measure_speed(examples, progress)
    print(json.dumps(report, indent=2) if args.json else render(report))
    return 0


SPEED_SAMPLE = 200
"""Articles the cross-validation run times (every tenth or so, all sources)."""


def _cross_validate(examples: list[Example], k: int, as_json: bool, speed: bool, progress: bool) -> int:
    from . import crossval

    report = crossval.cross_validate(examples, k)
    if speed:
        step = max(1, len(examples) // SPEED_SAMPLE)
        report["ms_per_article"] = measure_speed(examples[::step], progress)
    text = crossval.render(report)
    if "ms_per_article" in report:
        text += "\nms per article (median): " + ", ".join(f"{k} {v}" for k, v in report["ms_per_article"].items())
    print(json.dumps(report, indent=2) if as_json else text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
