"""Which strings the link path gets wrong: ``python -m bot.bench.link_misses [PAGES_DIR ...]``.

For each saved page (read straight from disk with its ``url``, as :mod:`bot.bench.link_options`
reads them) prints every "without" string the extracted article holds (``leak``, marked
``headline`` when the headline holds it) and every "with" string it lacks (``miss``): the list
to read before choosing the next rule. Defaults to ../shared/pages-more and ../shared/pages.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from summarizer import ArticleError
from summarizer.extract import extract_article


def misses(folder: Path) -> list[tuple[str, str, str]]:
    """(kind, page, string) for every leak and miss of ``folder``'s pages."""
    expectations = json.loads((folder / "expectations.json").read_text(encoding="utf-8"))
    found = []
    for name, expected in sorted(expectations.items()):
        try:
            article = extract_article((folder / name).read_bytes(), expected.get("url"))
            title, text = _norm(article.title or ""), _norm(f"{article.title}\n{article.text}")
        except ArticleError:
            title, text = "", ""
        for unwanted in expected["without"]:
            if _norm(unwanted) in text:
                found.append(("leak headline" if _norm(unwanted) in title else "leak", name, unwanted))
        found += [("miss", name, wanted) for wanted in expected["with"] if _norm(wanted) not in text]
    return found


def _norm(text: str) -> str:
    return " ".join(text.split()).strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.bench.link_misses", description=__doc__)
    default = [Path("../shared/pages-more"), Path("../shared/pages")]
    parser.add_argument("folders", nargs="*", type=Path, default=default)
    args = parser.parse_args(argv)
    for folder in (f for f in args.folders if (f / "expectations.json").is_file()):
        for kind, name, text in misses(folder):
            print(f"{folder.name}\t{kind}\t{name}\t{text[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
