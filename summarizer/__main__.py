"""``python -m summarizer FILE|-``: the title, a summary and the key facts of one article."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import ALGORITHMS, DEFAULT_ALGORITHM, ArticleError, key_facts, parse_article, rank, summarize


def main(argv: list[str] | None = None) -> int:
    args = _arguments().parse_args(argv)
    try:
        raw = _read(args.file)
        article = parse_article(raw, language=args.language)
    except (OSError, ArticleError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    ranking = rank(article, args.algorithm)
    summary = summarize(article, args.sentences, ranking)
    facts = key_facts(article, ranking)
    if args.json:
        payload = {
            "article": article.model_dump(mode="json", exclude={"sentences"}),
            "summary": summary.model_dump(mode="json"),
            "facts": [f.model_dump(mode="json") for f in facts],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    print(article.title)
    print()
    for sentence in summary.sentences:
        print(f"- {sentence.text}")
    if facts:
        print()
        print("Key facts:")
        for fact in facts:
            detail = f" ({fact.context})" if fact.context else ""
            print(f"  {fact.kind.value:<12} {fact.text}{detail}")
    return 0


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m summarizer", description=__doc__)
    parser.add_argument("file", help="a raw article text file, or - for standard input")
    parser.add_argument("-n", "--sentences", type=_positive, default=3, help="summary length")
    parser.add_argument("-a", "--algorithm", choices=ALGORITHMS, default=DEFAULT_ALGORITHM)
    parser.add_argument("-l", "--language", help="the article's language (ISO 639-1); found from the text if not given")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _read(name: str) -> str:
    data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ArticleError("this is not UTF-8 text (binary data?)") from None


if __name__ == "__main__":
    sys.exit(main())
