"""Link-path benchmark: ``python -m bot.bench.evaluate_links [PAGES_DIR ...] [--json] [--no-cv]``.

Serves saved news pages from a local HTTP server on 127.0.0.1 and sends each through the bot's
whole link path (safe fetcher, trafilatura, the article parser, the summarizer). Against the
folder's ``expectations.json`` it prints the share of "with" strings found in the extracted
article, the share of "without" strings kept out, and any "without" string that reaches a
summary of 1 to 5 sentences. Defaults to ../shared/pages and ../shared/pages-more, skipping
a folder that is absent; then cross-validates a rival line model (bot/bench/link_lines.py) over all
their pages: the held-out-fold shares of the fitted model and of keeping every line, with
bootstrap 95% intervals over pages.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import functools
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from aiohttp import web

from summarizer import ArticleError, parse_article, summarize
from summarizer.extract import extract_article

from ..links.fetch import FetchError, SafeFetcher
from .link_lines import FEATURES, LineModel, Page, features, fit, read_page

SUMMARY_LENGTHS = range(1, 6)


@dataclass
class LinkReport:
    found: int = 0
    wanted: int = 0
    kept_out: int = 0
    unwanted: int = 0
    summary_leaks: list[tuple[str, str]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "with_found": round(100 * self.found / max(1, self.wanted), 2),
            "without_kept_out": round(100 * self.kept_out / max(1, self.unwanted), 2),
            "with": f"{self.found}/{self.wanted}",
            "without": f"{self.kept_out}/{self.unwanted}",
            "summary_leaks": self.summary_leaks,
            "failures": self.failures,
        }


async def evaluate(folder: Path) -> LinkReport:
    expectations = json.loads((folder / "expectations.json").read_text(encoding="utf-8"))
    app = web.Application()
    app.router.add_static("/", folder)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    fetcher = SafeFetcher(allowed_networks=["127.0.0.1/32"])
    report = LinkReport()
    try:
        for name, expected in sorted(expectations.items()):
            text, summaries = await _through_link_path(fetcher, f"http://127.0.0.1:{port}/{name}", name, report)
            for wanted in expected["with"]:
                report.wanted += 1
                report.found += _norm(wanted) in text
            for unwanted in expected["without"]:
                report.unwanted += 1
                report.kept_out += _norm(unwanted) not in text
                if text and _norm(unwanted) in summaries:
                    report.summary_leaks.append((name, unwanted))
    finally:
        await runner.cleanup()
    return report


async def _through_link_path(fetcher: SafeFetcher, url: str, name: str, report: LinkReport) -> tuple[str, str]:
    try:
        page = await fetcher.fetch(url)
        article = await asyncio.to_thread(extract_article, page.body, page.url)
    except (FetchError, ArticleError) as error:
        report.failures.append((name, str(error)))
        return "", ""
    text = _norm(f"{article.title}\n{article.text}")
    summaries = " ".join(_norm(summarize(article, n).text) for n in SUMMARY_LENGTHS)
    return text, summaries


def _norm(text: str) -> str:
    """As trafilatura's evaluation matches: whitespace runs folded, both ends stripped."""
    return " ".join(text.split()).strip()


# Cross-validation of the line model: pages read once, folds fitted and scored in memory.

THRESHOLDS = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3)
FOLDS = 5


@dataclass(frozen=True, eq=False)
class SavedPage:
    name: str
    page: Page
    wanted: tuple[str, ...]
    unwanted: tuple[str, ...]
    table: np.ndarray


def read_pages(folders: list[Path]) -> list[SavedPage]:
    """Every saved page of ``folders`` read by trafilatura (straight from disk, the bytes the
    benchmark's server sends), with its expectations."""
    pages = []
    for folder in folders:
        expectations = json.loads((folder / "expectations.json").read_text(encoding="utf-8"))
        for name, expected in sorted(expectations.items()):
            page = read_page((folder / name).read_bytes(), expected.get("url"))
            table = features(page) if page.lines else np.zeros((0, len(FEATURES)))
            pages.append(
                SavedPage(f"{folder.name}/{name}", page, tuple(expected["with"]), tuple(expected["without"]), table)
            )
    return pages


UNLABELED_WEIGHT = 0.2
"""A line holding no expected string counts this much, labelled by trafilatura's own verdict
(in its text or left out): most lines it keeps are article text, most it leaves out are not."""


def line_labels(pages: list[SavedPage]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels (1 article text) and weights of every candidate line: a line holding a
    "with" string is article text, one holding a "without" string is not."""
    labels, weights = [], []
    for saved in pages:
        for line in saved.page.lines:
            text = _norm(line)
            good = any(_norm(s) in text for s in saved.wanted)
            bad = any(_norm(s) in text for s in saved.unwanted)
            known = good != bad
            labels.append(float(good) if known else float(line in saved.page.default))
            weights.append(1.0 if known else UNLABELED_WEIGHT)
    rows = np.concatenate([saved.table for saved in pages])
    return rows, np.array(labels), np.array(weights)


def page_counts(saved: SavedPage, model: LineModel | None) -> tuple[int, int]:
    """ "with" strings found and "without" strings kept out on one page; no model keeps trafilatura's lines."""
    lines = list(saved.page.lines)
    if model is None:
        return _counts(saved, tuple(line for line in lines if line in saved.page.default))
    kept = tuple(model.select(lines, saved.table)) if lines else ()
    return _counts(saved, kept)


@functools.lru_cache(maxsize=20_000)
def _counts(saved: SavedPage, kept: tuple[str, ...]) -> tuple[int, int]:
    text = _norm(saved.page.text)
    if saved.page.lines:
        try:
            article = parse_article("\n\n".join(kept), title=saved.page.title or None)
            text = _norm(f"{article.title}\n{article.text}")
        except ArticleError:
            text = ""
    return sum(_norm(s) in text for s in saved.wanted), sum(_norm(s) not in text for s in saved.unwanted)


def fit_model(pages: list[SavedPage]) -> LineModel:
    """The line model fitted on ``pages``, its threshold the one that finds and keeps out most
    strings on them (the two shares summed)."""
    rows, labels, weights = line_labels(pages)
    fitted = fit(rows, labels, weights, THRESHOLDS[0])
    wanted = sum(len(p.wanted) for p in pages)
    unwanted = sum(len(p.unwanted) for p in pages)

    def quality(model: LineModel) -> float:
        found, kept = np.sum([page_counts(p, model) for p in pages], axis=0)
        return float(found / wanted + kept / unwanted)

    return max((dataclasses.replace(fitted, threshold=t) for t in THRESHOLDS), key=quality)


def cross_validate(pages: list[SavedPage], folds: int = FOLDS, seed: int = 22) -> dict[str, object]:
    """Held-out-fold shares of the fitted line model and of keeping every line, with bootstrap
    95% intervals over pages."""
    order = np.random.default_rng(seed).permutation(len(pages))
    held: dict[str, list[tuple[int, int]]] = {"model": [], "trafilatura": []}
    sizes = [(len(p.wanted), len(p.unwanted)) for p in (pages[i] for i in order)]
    for k in range(folds):
        test = [pages[i] for i in order[k::folds]]
        train = [pages[i] for j, i in enumerate(order) if j % folds != k]
        model = fit_model(train)
        for saved in test:
            held["model"].append(page_counts(saved, model))
            held["trafilatura"].append(page_counts(saved, None))
    ordered = np.array([sizes[j] for k in range(folds) for j in range(k, len(pages), folds)], dtype=float)
    samples = np.random.default_rng(seed).integers(0, len(ordered), size=(2000, len(ordered)))
    shares = {name: _shares(np.array(counts, dtype=float), ordered, samples) for name, counts in held.items()}
    shares["margin"] = (shares["model"][0] - shares["trafilatura"][0], shares["model"][1] - shares["trafilatura"][1])
    return {name: _interval(*pair) for name, pair in shares.items()}


def _shares(counts: np.ndarray, sizes: np.ndarray, samples: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pooled shares and their bootstrap replicates (pages drawn with replacement)."""
    point = counts.sum(axis=0) / np.maximum(1, sizes.sum(axis=0))
    return point, counts[samples].sum(axis=1) / np.maximum(1, sizes[samples].sum(axis=1))


def _interval(point: np.ndarray, replicates: np.ndarray) -> dict[str, list[float]]:
    low, high = np.percentile(replicates, [2.5, 97.5], axis=0)
    return {
        "with_found": [round(100 * point[0], 1), round(100 * low[0], 1), round(100 * high[0], 1)],
        "without_kept_out": [round(100 * point[1], 1), round(100 * low[1], 1), round(100 * high[1], 1)],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.bench.evaluate_links", description=__doc__)
    default = [Path("../shared/pages"), Path("../shared/pages-more")]
    parser.add_argument("folders", nargs="*", type=Path, default=default)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    args = parser.parse_args(argv)
    folders = [f for f in args.folders if (f / "expectations.json").is_file()]
    for missing in set(args.folders) - set(folders):
        print(f"skipped: no expectations.json in {missing}")
    results: dict[str, object] = {str(f): asyncio.run(evaluate(f)).as_dict() for f in folders}
    if folders and not args.no_cv:
        results["cross-validation"] = cross_validate(read_pages(folders))
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return 0
    for name, result in results.items():
        _print(name, result)  # type: ignore[arg-type]
    return 0


def _print(name: str, result: dict[str, object]) -> None:
    print(f"== {name}")
    if name == "cross-validation":
        print(f"  {FOLDS}-fold held-out shares, % [bootstrap 95% interval over pages]")
        for rival, shares in result.items():
            for key, (point, low, high) in shares.items():  # type: ignore[attr-defined]
                print(f"  {rival:12} {key:17} {point:+.1f} [{low:+.1f}, {high:+.1f}]")
        return
    print(f"  with strings found:      {result['with_found']}% ({result['with']})")
    print(f"  without strings kept out: {result['without_kept_out']}% ({result['without']})")
    print(f"  without strings in a summary of 1-5 sentences: {len(result['summary_leaks'])}")  # type: ignore[arg-type]
    for page, text in result["summary_leaks"]:  # type: ignore[attr-defined]
        print(f"    {page}: {text}")
    for page, reason in result["failures"]:  # type: ignore[attr-defined]
        print(f"    not extracted: {page}: {reason}")


if __name__ == "__main__":
    sys.exit(main())
