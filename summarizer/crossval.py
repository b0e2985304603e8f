"""k-fold cross-validation of the news ranker: ``python -m summarizer.evaluate --cv 5 FILE...``.

Articles are dealt into k folds by source (each source spread evenly over the folds). For each
fold the sentence weights are fitted on the other folds (``summarizer.fit``) and the held-out
fold is summarized with them; so every article is summarized once, by weights that never saw
it. Per source it reports the mean held-out-fold margin of the default ranker over each rival
on ROUGE-1/2/Lsum F1 (x100), with a paired bootstrap 95% interval over the articles, and what a
reader would trip on: summaries holding a sentence twice, summaries that open with an unresolved
reference, short articles whose lead a 3-sentence summary drops, and longer summaries that take
a sentence away (every length from 1 to 20).
"""

from __future__ import annotations

import random
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import fit
from .evaluate import Example, choose
from .features import DUPLICATE
from .models import Article
from .rank import DEFAULT_ALGORITHM, SHORT_ARTICLE, content_bag, rank
from .readability import unresolved_opening

METRICS = ("rouge1", "rouge2", "rougeLsum")
RIVALS = {"cnn_dailymail": "lead", "bbc_news_summary": "reduction"}
"""The rival each source's row is measured against: Lead-3, and the best sumy algorithm on BBC."""
LONGEST = 20
BOOTSTRAP = 2000


def folds(examples: Sequence[Example], k: int, seed: int = 0) -> list[int]:
    """A fold number for each example: each source's articles shuffled and dealt round."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, example in enumerate(examples):
        by_source[example.source].append(i)
    assignment = [0] * len(examples)
    shuffler = random.Random(seed)
    for source in sorted(by_source):
        indices = by_source[source]
        shuffler.shuffle(indices)
        for position, i in enumerate(indices):
            assignment[i] = position % k
    return assignment


@dataclass
class Checks:
    """Counts of what a reader would trip on in the default summaries."""

    summaries: int = 0
    repeats: int = 0
    unresolved: int = 0
    unresolved_lead: int = 0
    short_articles: int = 0
    short_lead_kept: int = 0
    short_lead_dropped: int = 0
    shrinking: int = 0
    unresolved_examples: list[str] = field(default_factory=list)

    def add(self, article: Article, top: list[list[int]], length: int) -> None:
        chosen = top[length - 1]
        texts = [article.sentences[i].text for i in chosen]
        self.summaries += 1
        self.repeats += has_repeat(texts)
        if chosen and unresolved_opening([s.text for s in article.sentences], article.title, chosen[0]):
            self.unresolved += 1
            self.unresolved_lead += chosen[0] == 0
            if len(self.unresolved_examples) < 5:
                self.unresolved_examples.append(texts[0][:90])
        if 3 < len(article.sentences) <= SHORT_ARTICLE:
            self.short_articles += 1
            self.short_lead_kept += 0 in top[2]
            self.short_lead_dropped += (0 in top[0] or 0 in top[1]) and 0 not in top[2]
        self.shrinking += any(not set(a) <= set(b) for a, b in zip(top, top[1:], strict=False))


def cross_validate(examples: Sequence[Example], k: int = 5, seed: int = 0, **fit_options: Any) -> dict[str, Any]:
    """The held-out report: margins per source and metric, and the checks."""
    from rouge_score import rouge_scorer  # dev extra

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    assignment = folds(examples, k, seed)
    samples = [fit.sample(e.article, e.reference, e.k) for e in examples]
    scores: dict[str, dict[str, dict[str, list[float]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    fold_of: dict[str, list[int]] = defaultdict(list)
    checks: dict[str, Checks] = defaultdict(Checks)
    for fold in range(k):
        model = fit.fit([s for s, f in zip(samples, assignment, strict=True) if f != fold], **fit_options)
        for example, f in zip(examples, assignment, strict=True):
            if f != fold:
                continue
            ranking = rank(example.article, model=model)
            top = [ranking.top(n) for n in range(1, max(LONGEST, example.k) + 1)]
            checks[example.source].add(example.article, top, example.k)
            target = "\n".join(example.reference)
            rival = RIVALS.get(example.source, "lead")
            picks = {DEFAULT_ALGORITHM: _texts(example.article, top[example.k - 1]), rival: choose(example, rival)}
            for method, chosen in picks.items():
                for name, value in scorer.score(target, "\n".join(chosen)).items():
                    scores[example.source][method][name].append(value.fmeasure * 100)
            fold_of[example.source].append(fold)
    return {
        "folds": k,
        "sources": {
            source: _margins(by_method, RIVALS.get(source, "lead"), fold_of[source], seed)
            for source, by_method in sorted(scores.items())
        },
        "checks": {source: vars(c) for source, c in sorted(checks.items())},
    }


def _texts(article: Article, chosen: Iterable[int]) -> list[str]:
    return [article.sentences[i].text for i in chosen]


def _margins(by_method: dict[str, dict[str, list[float]]], rival: str, fold_of: list[int], seed: int) -> dict[str, Any]:
    """Mean held-out-fold margin of the default over the rival, and its paired bootstrap interval."""
    rng = np.random.default_rng(seed)
    report: dict[str, Any] = {"rival": rival, "articles": len(fold_of)}
    for metric in METRICS:
        ours = np.array(by_method[DEFAULT_ALGORITHM][metric])
        theirs = np.array(by_method[rival][metric])
        margin = ours - theirs
        per_fold = [float(margin[np.array(fold_of) == f].mean()) for f in sorted(set(fold_of))]
        resampled = margin[rng.integers(0, len(margin), size=(BOOTSTRAP, len(margin)))].mean(axis=1)
        low, high = np.percentile(resampled, [2.5, 97.5])
        report[metric] = {
            "default": round(float(ours.mean()), 2),
            rival: round(float(theirs.mean()), 2),
            "margin": round(statistics.fmean(per_fold), 2),
            "interval": [round(float(low), 2), round(float(high), 2)],
            "per_fold": [round(m, 2) for m in per_fold],
        }
    return report


def has_repeat(texts: Sequence[str]) -> bool:
    """Whether two of these sentences are one: the same text, or the ranker's test of a sentence
    said again (80% of the shorter one's content words)."""
    seen = {" ".join(t.casefold().split()) for t in texts}
    if len(seen) < len(texts):
        return True
    bags = [content_bag(t) for t in texts]
    return any(
        len(a & b) >= DUPLICATE * min(len(a), len(b)) for i, a in enumerate(bags) for b in bags[i + 1 :] if a and b
    )


def render(report: dict[str, Any]) -> str:
    """The report as a table."""
    lines = [f"{report['folds']}-fold cross-validation: default minus rival, ROUGE F1 x100, held-out folds"]
    for source, row in report["sources"].items():
        lines.append(f"{source} ({row['articles']} articles) vs {row['rival']}")
        for metric in METRICS:
            cell = row[metric]
            low, high = cell["interval"]
            lines.append(
                f"  {metric:<9} default {cell['default']:6.2f}  {row['rival']} {cell[row['rival']]:6.2f}"
                f"  margin {cell['margin']:+.2f}  95% [{low:+.2f}, {high:+.2f}]"
                f"  folds {' '.join(f'{m:+.2f}' for m in cell['per_fold'])}"
            )
    lines.append("checks on the default summaries (held-out weights):")
    for source, c in report["checks"].items():
        lines.append(
            f"  {source}: {c['repeats']} of {c['summaries']} hold a sentence twice;"
            f" {c['unresolved']} ({100 * c['unresolved'] / max(1, c['summaries']):.1f}%) open unresolved"
            f" ({c['unresolved_lead']} of them with the article's own first sentence);"
            f" short articles (4-{SHORT_ARTICLE} sentences) keep the lead at 3: "
            f"{c['short_lead_kept']} of {c['short_articles']} (dropped after 1-2: {c['short_lead_dropped']});"
            f" longer summaries that drop a sentence (1..{LONGEST}): {c['shrinking']}"
        )
        lines.extend(f"    unresolved: {text}" for text in c["unresolved_examples"])
    return "\n".join(lines)
