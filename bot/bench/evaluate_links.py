"""Link-path benchmark: ``python -m bot.bench.evaluate_links [PAGES_DIR] [--json]``.

Serves saved news pages from a local HTTP server on 127.0.0.1 and sends each through the bot's
whole link path (safe fetcher, trafilatura, the article parser, the summarizer). Against the
folder's ``expectations.json`` it prints the share of "with" strings found in the extracted
article, the share of "without" strings kept out, and any "without" string that reaches a
summary of 1 to 5 sentences. Defaults to ../shared/pages; skips cleanly if that is absent.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web

from summarizer import ArticleError, summarize
from summarizer.extract import extract_article

from ..links.fetch import FetchError, SafeFetcher

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.bench.evaluate_links", description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=Path("../shared/pages"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not (args.folder / "expectations.json").is_file():
        print(f"skipped: no expectations.json in {args.folder}")
        return 0
    result = asyncio.run(evaluate(args.folder)).as_dict()
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(f"with strings found:      {result['with_found']}% ({result['with']})")
    print(f"without strings kept out: {result['without_kept_out']}% ({result['without']})")
    print(f"without strings in a summary of 1-5 sentences: {len(result['summary_leaks'])}")  # type: ignore[arg-type]
    for name, text in result["summary_leaks"]:  # type: ignore[attr-defined]
        print(f"  {name}: {text}")
    for name, reason in result["failures"]:  # type: ignore[attr-defined]
        print(f"  not extracted: {name}: {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
