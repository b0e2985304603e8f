"""Dump every output a speed change must leave unchanged, one JSON line per article: language,
sentences, ranking scores, summaries of 1-20 sentences and key facts, for the eval JSONL files
and the saved web pages (read through ``extract_article``, the link path).

    .venv/bin/python scripts/dump_outputs.py > /tmp/before.jsonl   # old code
    .venv/bin/python scripts/dump_outputs.py > /tmp/after.jsonl    # new code
    diff /tmp/before.jsonl /tmp/after.jsonl && echo identical
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from summarizer import Article, ArticleError, key_facts, parse_article, rank, summarize
from summarizer.extract import extract_article

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def _record(name: str, article: Article) -> dict[str, object]:
    ranking = rank(article)
    facts = key_facts(article, ranking)
    return {
        "id": name,
        "language": article.language,
        "sentences": [s.text for s in article.sentences],
        "scores": [repr(s) for s in ranking.scores],
        "summaries": [[s.index for s in summarize(article, n, ranking).sentences] for n in range(1, 21)],
        "facts": [[f.kind.value, f.text, f.sentence, f.context] for f in facts],
    }


def main(argv: list[str]) -> int:
    shared = Path(argv[0]) if argv else SHARED
    for path in sorted((shared / "eval").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                title = row.get("title") if row.get("source") != "cnn_dailymail" else None
                print(json.dumps(_record(row["id"], parse_article(row["text"], title=title)), ensure_ascii=False))
    for folder in ("pages", "pages-more"):
        for page in sorted((shared / folder).glob("*.html")):
            try:
                article = extract_article(page.read_bytes())
            except ArticleError as error:
                print(json.dumps({"id": page.name, "error": str(error)}))
                continue
            print(json.dumps(_record(page.name, article), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
