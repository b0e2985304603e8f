"""Benchmark of one story once: false merges, true merges and the cost per new article.

    python -m bot.bench.evaluate_stories ../shared/eval/news-dev.jsonl ../shared/eval/news-train-*.jsonl

False merges: every article of the files is indexed, then each is asked for its match; an
article matched to another one (a different story: the files hold no duplicates) is a false
merge, over all pairs at once. The same is asked of the articles with boilerplate added, as
sites add the same lines to different stories. True merges: each article is asked again as a
variant an editor or another outlet makes of it (boilerplate added, title changed, 10-30% of
its sentences dropped or reworded, paragraphs reordered); matching its own original is a true
merge. Cost: the time to sign, match and index one new article with STORED articles indexed.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from summarizer import split_sentences
from summarizer.evaluate import bootstrap_mean
from summarizer.similar import SAME_STORY, StoryIndex, signature

STORED = 100_000
FALSE_MERGE_LIMIT = 0.001
GRID = [round(0.30 + 0.01 * step, 2) for step in range(31)]
"""Thresholds the cross-validation may choose from (estimated Jaccard similarity)."""
REWRITE = False
BOILERPLATE = (
    "Share this article on Facebook, Twitter and WhatsApp.",
    "Sign up for our morning newsletter to get the day's top stories in your inbox.",
    "Follow us on Twitter and Instagram for the latest updates.",
    "Copyright 2024 The Associated Press. All rights reserved. This material may not be published,"
    " broadcast, rewritten or redistributed.",
    "Reporting by our correspondents; editing by the news desk.",
    "Read more: the stories you may have missed this week.",
    "Advertisement",
    "Click here to subscribe to our YouTube channel for more videos.",
    "Have you got a story? Email the newsdesk or call us today.",
    "We use cookies to improve your experience on our site.",
)


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    text: str


def load(paths: Sequence[Path]) -> list[Story]:
    """Every article of the JSON-lines files."""
    stories = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            stories.append(Story(row["id"], row.get("title") or "", row["text"]))
    return stories


def with_boilerplate(story: Story, rng: random.Random) -> Story:
    """The story with one to three site lines before and after it."""
    before = rng.sample(BOILERPLATE, rng.randint(1, 3))
    after = rng.sample(BOILERPLATE, rng.randint(1, 3))
    return Story(story.id, story.title, "\n\n".join([*before, story.text, *after]))


def variant(story: Story, rng: random.Random) -> Story:
    """Another telling of the story: boilerplate, new title, 10-30% of the sentences dropped or
    reworded (see _reworded), paragraphs reordered."""
    paragraphs = [split_sentences(p) for p in story.text.split("\n\n") if p.strip()]
    if len(paragraphs) == 1:
        sentences = paragraphs[0]
        paragraphs = [sentences[i : i + 4] for i in range(0, len(sentences), 4)]
    vocabulary = story.text.split()
    changed = rng.uniform(0.10, 0.30)
    kept = []
    for paragraph in paragraphs:
        out = []
        for sentence in paragraph:
            if rng.random() >= changed:
                out.append(sentence)
            elif rng.random() < 0.5:
                out.append(_reworded(sentence, vocabulary, rng))
        if out:
            kept.append(" ".join(out))
    rng.shuffle(kept)
    return with_boilerplate(Story(story.id, f"Update: {story.title[::-1]}", "\n\n".join(kept)), rng)


def _reworded(sentence: str, vocabulary: list[str], rng: random.Random) -> str:
    """One word in five replaced (by another word of the article), as an editor rewords; with
    REWRITE, every third word, so that none of the sentence's shingles survive."""
    words = sentence.split()
    if REWRITE:
        start = rng.randrange(3)
        return " ".join(rng.choice(vocabulary) if i % 3 == start else w for i, w in enumerate(words))
    return " ".join(rng.choice(vocabulary) if rng.random() < 0.2 else w for w in words)


def false_merges(stories: Sequence[Story], prepare: Callable[[Story], Story]) -> tuple[int, int]:
    """Articles matched to a different article, and how many articles were signed."""
    index = StoryIndex()
    signed = [(s.id, sig) for s in stories if (sig := signature(prepare(s).text)) is not None]
    index.add_all(signed)
    merged = 0
    for key, sig in signed:
        merged += any(other != key for other in index.matches(sig))
    return merged, len(signed)


def true_merges(stories: Sequence[Story], rng: random.Random) -> tuple[int, int]:
    """Variants matched to their own original, and how many variants were asked."""
    index = StoryIndex()
    index.add_all((s.id, sig) for s in stories if (sig := signature(s.text)) is not None)
    hits = asked = 0
    for story in stories:
        if story.id not in index:
            continue
        sig = signature(variant(story, rng).text)
        asked += 1
        hits += sig is not None and index.match(sig) == story.id
    return hits, asked


def article_scores(stories: Sequence[Story], rng: random.Random) -> tuple[list[float], list[float]]:
    """Per article, whatever the threshold: its best similarity to another article (0 when none
    is an LSH candidate), and its variant's similarity to it (0 when another article scores higher)."""
    index = StoryIndex()
    signed = {s.id: sig for s in stories if (sig := signature(s.text)) is not None}
    index.add_all(signed.items())
    other_best, own = [], []
    for story in stories:
        if story.id not in signed:
            continue
        other_best.append(max((score for score, key in index.scored(signed[story.id]) if key != story.id), default=0))
        retold = signature(variant(story, rng).text)
        ranked = index.scored(retold) if retold is not None else []
        mine = next((score for score, key in ranked if key == story.id), 0.0)
        rival = max((score for score, key in ranked if key != story.id), default=0.0)
        own.append(mine if mine >= rival else 0.0)
    return other_best, own


def cross_validate(other_best: list[float], own: list[float], folds: int, seed: int) -> CrossValidation:
    """The threshold chosen on the other folds (the lowest that keeps false merges within
    FALSE_MERGE_LIMIT), judged on the held-out fold; bootstrap 95% intervals over the held-out articles."""
    order = list(range(len(own)))
    random.Random(seed).shuffle(order)
    chosen, held = [], []
    for fold in range(folds):
        test = set(order[fold::folds])
        train = [i for i in order if i not in test]
        limit = [t for t in GRID if statistics.fmean(other_best[i] >= t for i in train) <= FALSE_MERGE_LIMIT]
        threshold = limit[0] if limit else GRID[-1]
        chosen.append(threshold)
        held += [(other_best[i] >= threshold, own[i] >= threshold) for i in sorted(test)]
    return CrossValidation(chosen, _interval([f for f, _ in held], seed), _interval([t for _, t in held], seed))


@dataclass(frozen=True)
class CrossValidation:
    thresholds: list[float]
    false_merges: tuple[float, float, float]
    true_merges: tuple[float, float, float]
    """Held-out rate with its bootstrap 95% interval (low, high)."""


def _interval(hits: list[bool], seed: int, rounds: int = 1000) -> tuple[float, float, float]:
    return bootstrap_mean(hits, rounds, seed)


def cost(stories: Sequence[Story], rng: random.Random, stored: int) -> Cost:
    """What signing, matching and indexing one new article costs with ``stored`` indexed."""
    sentences = [x for s in stories for x in split_sentences(s.text)]
    index = StoryIndex()
    started = time.perf_counter()
    for key in range(stored):
        sig = signature(" ".join(rng.sample(sentences, 20)))
        assert sig is not None
        index.add(key, sig)
    build = time.perf_counter() - started
    cpu, wall = [], []
    for number, story in enumerate(stories[:1000]):
        text = variant(story, rng).text
        started, started_cpu = time.perf_counter(), time.thread_time()
        sig = signature(text)
        if sig is not None:
            index.match(sig)
            index.add(("new", number), sig)
        cpu.append((time.thread_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Cost(_spread(cpu), _spread(wall), build, peak)


@dataclass(frozen=True)
class Cost:
    cpu: tuple[float, float, float]
    """Mean, median and 95th percentile, CPU milliseconds of this thread (other load does not count)."""
    wall: tuple[float, float, float]
    build_seconds: float
    peak_mb: float


def _spread(times: list[float]) -> tuple[float, float, float]:
    ordered = sorted(times)
    return statistics.fmean(ordered), statistics.median(ordered), ordered[int(len(ordered) * 0.95)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--stored", type=int, default=STORED)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--rewrite", action="store_true", help="reworded sentences lose every third word")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    global REWRITE
    REWRITE = args.rewrite
    stories = load(args.files)
    rng = random.Random(args.seed)
    merged, signed = false_merges(stories, lambda s: s)
    print(f"articles {len(stories)}, signed {signed}, pairs {signed * (signed - 1) // 2}")
    print(f"false merges, as published: {merged} ({100 * merged / signed:.3f}% of articles)")
    merged, signed = false_merges(stories, lambda s: with_boilerplate(s, rng))
    print(f"false merges, boilerplate added: {merged} ({100 * merged / signed:.3f}% of articles)")
    hits, asked = true_merges(stories, rng)
    print(f"true merges of variants: {hits}/{asked} ({100 * hits / asked:.2f}%)")
    checked = cross_validate(*article_scores(stories, rng), args.folds, args.seed)
    print(f"{args.folds}-fold thresholds (chosen on the other folds): {checked.thresholds}; SAME_STORY is {SAME_STORY}")
    for name, (rate, low, high) in (("false", checked.false_merges), ("true", checked.true_merges)):
        print(f"held-out {name} merges: {100 * rate:.2f}% (95% interval {100 * low:.2f}-{100 * high:.2f}%)")
    spent = cost(stories, rng, args.stored)
    for name, (mean, median, p95) in (("CPU", spent.cpu), ("wall", spent.wall)):
        print(
            f"cost per new article with {args.stored} stored, {name} time:"
            f" mean {mean:.2f} ms, median {median:.2f} ms, p95 {p95:.2f} ms"
        )
    print(f"indexing the stored ones took {spent.build_seconds:.0f} s; peak memory {spent.peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
