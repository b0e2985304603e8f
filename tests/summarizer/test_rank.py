import subprocess
import sys
import textwrap

import pytest

from summarizer import ALGORITHMS, UnknownAlgorithm, parse_article, rank, summarize
from tests.conftest import ROOT


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_ranks_every_sentence(seed_text: str, algorithm: str) -> None:
    article = parse_article(seed_text)
    ranking = rank(article, algorithm)
    assert len(ranking.scores) == len(article.sentences)
    assert len(set(ranking.top(3))) == 3


def test_every_algorithm_runs_without_nltk_data_or_network() -> None:
    script = textwrap.dedent(
        """
        import socket, nltk.data
        def refuse(*args, **kwargs):
            raise LookupError("NLTK data was asked for")
        nltk.data.find = nltk.data.load = refuse
        socket.socket.connect = lambda *a, **k: (_ for _ in ()).throw(OSError("network"))
        from pathlib import Path
        from summarizer import ALGORITHMS, parse_article, summarize
        article = parse_article(Path("seeds/000_efe250892bda9878.txt").read_text())
        for name in ALGORITHMS:
            assert len(summarize(article, 3, algorithm=name).sentences) == 3, name
        print("ok", len(ALGORITHMS))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "NLTK_DATA": "/nonexistent"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"ok {len(ALGORITHMS)}"


def test_rank_once_cut_anywhere(seed_text: str) -> None:
    article = parse_article(seed_text)
    ranking = rank(article)
    previous: set[int] = set()
    for count in range(1, len(article.sentences) + 1):
        chosen = set(ranking.top(count))
        assert previous < chosen
        previous = chosen
        summary = summarize(article, count, ranking)
        assert [s.index for s in summary.sentences] == sorted(chosen)


def test_seed_summary_has_no_caption_credit_byline_or_boilerplate(seed_text: str) -> None:
    article = parse_article(seed_text)
    summary = summarize(article, 3)
    assert len(summary.sentences) == 3
    body = {s.text for s in article.sentences}
    for sentence in summary.sentences:
        assert sentence.text in body
        for junk in ("Photo Credit", "Human Chain", "Click Here", "Nawar Nemeh", "News Feed"):
            assert junk not in sentence.text
    assert [s.index for s in summary.sentences] == sorted(s.index for s in summary.sentences)


def test_summary_longer_than_article_and_one_sentence() -> None:
    article = parse_article("Only one sentence here.")
    assert [s.text for s in summarize(article, 5).sentences] == ["Only one sentence here."]


def test_unknown_algorithm() -> None:
    article = parse_article("A title\n\nSome text here. More text.")
    with pytest.raises(UnknownAlgorithm, match="choose one of"):
        rank(article, "bogus")


def test_huge_article_ranks(seed_text: str) -> None:
    body = "\n\n".join(
        f"Paragraph {i} says the council met on day {i} to vote on budget item {i}." for i in range(3000)
    )
    article = parse_article("Budget marathon\n\n" + body)
    assert len(article.sentences) == 3000
    assert len(summarize(article, 3).sentences) == 3
