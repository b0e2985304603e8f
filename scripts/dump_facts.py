"""Print the key facts of every article of a JSONL file, one JSON line each: a move of the
facts code must leave this output unchanged.

    .venv/bin/python scripts/dump_facts.py ../shared/eval/news-dev.jsonl > /tmp/facts-before.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from summarizer import key_facts, parse_article, rank


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else Path("../shared/eval/news-dev.jsonl")
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        article = parse_article(row["text"], title=row.get("title"))
        facts = key_facts(article, rank(article))
        shown = [[f.kind.value, f.text, f.sentence, f.context] for f in facts]
        print(json.dumps({"id": row["id"], "facts": shown}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
