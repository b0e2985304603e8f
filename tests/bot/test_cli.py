import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SEED


def _bot(
    *args: str, env: dict[str, str] | None = None, cwd: Path = ROOT, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "BOT_TOKEN"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=environment,
        input=input,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_no_token_is_a_clear_message_not_a_traceback(tmp_path: Path) -> None:
    done = _bot(env={"PYTHONPATH": str(ROOT)}, cwd=tmp_path)
    assert done.returncode == 2
    assert "BOT_TOKEN is not set" in done.stderr and "@BotFather" in done.stderr
    assert "Traceback" not in done.stderr


def test_bulk_ingest_counts_added_unchanged_and_rejected(tmp_path: Path) -> None:
    database = tmp_path / "store.sqlite3"
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED.read_text())
    (folder / "empty.txt").write_text("   ")
    (folder / "binary.bin").write_bytes(bytes(range(256)))
    rows = [
        {"title": "Harbour bridge reopens", "text": "The bridge reopened on Monday. Traffic returned."},
        {"text": "The council met on Tuesday. It approved the budget."},
        {"nope": 1},
    ]
    (tmp_path / "more.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n")
    env = {"DATABASE": str(database)}
    first = _bot("ingest", str(folder), str(tmp_path / "more.jsonl"), env=env)
    assert first.stdout.splitlines()[0] == "added 3, unchanged 0, rejected 4", first.stdout + first.stderr
    assert "empty.txt: there is no text to summarize" in first.stdout
    assert "binary.bin: not UTF-8 text" in first.stdout
    assert "more.jsonl:3: not a JSON object with a text field" in first.stdout
    again = _bot("ingest", str(folder / "seed.txt"), env=env)
    assert again.returncode == 0
    assert again.stdout.splitlines()[0] == "added 0, unchanged 1, rejected 0"


def test_playground_chats_in_the_terminal_with_no_token(tmp_path: Path) -> None:
    script = "/latest 1\n@ghouta\n/summarize_03cd48adda\n!3\n!quit\n"
    done = _bot("--local", "--database", str(tmp_path / "pg.sqlite3"), input=script)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "The latest article" in out
    assert "1. Russia offers Syrian opposition fighters" in out
    assert "03cd48adda · 3 of 10 sentences" in out
    assert "📍 Places: Eastern Ghouta" in out


def test_reindex_brings_articles_ranked_by_an_older_summarizer_up_to_date(tmp_path: Path) -> None:
    import asyncio

    from bot.service import SUMMARIZER_REVISION
    from bot.store import SqliteArticleStore
    from summarizer import Ranking, revision

    database = tmp_path / "store.sqlite3"
    env = {"DATABASE": str(database)}
    assert _bot("ingest", str(SEED), env=env).returncode == 0

    async def age_it() -> str:
        """Store a ranking in another order and no facts, as an older summarizer might have."""
        store = SqliteArticleStore(database)
        await store.open()
        [stored] = await store.articles_after(0, 10)
        older = Ranking(algorithm="default", scores=tuple(reversed(stored.ranking.scores)))
        await store.refresh(stored.article.id, older, ())
        await store.close()
        return stored.article.id

    async def read(article_id: str):  # type: ignore[no-untyped-def]
        store = SqliteArticleStore(database)
        await store.open()
        stored = await store.get(article_id)
        await store.close()
        return stored

    async def revision_of_store() -> str | None:
        store = SqliteArticleStore(database)
        await store.open()
        stored_revision = await store.setting(SUMMARIZER_REVISION)
        await store.close()
        return stored_revision

    # An empty store is this summarizer's: what a bulk ingest fills it with is not read again.
    assert asyncio.run(revision_of_store()) == revision()
    article_id = asyncio.run(age_it())
    done = _bot("reindex", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "reindexed 1 articles: 1 with a new ranking or new key facts"
    stored = asyncio.run(read(article_id))
    assert stored.ranking.scores != tuple(reversed(stored.ranking.scores)) and stored.facts
    assert _bot("reindex", env=env).stdout.strip() == "reindexed 1 articles: 0 with a new ranking or new key facts"


def test_playground_takes_a_pasted_article_as_one_message_and_sends_files(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    pasted = "\n".join(line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip())
    script = f"{pasted}\n!file {story}\n!file {tmp_path / 'missing.pdf'}\n!quit\n"
    done = _bot("--local", "--database", str(tmp_path / "pg.sqlite3"), input=script)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.count("Russia offers Syrian opposition fighters") == 2, out  # the paste, then the file
    assert "Paste or forward a whole article" not in out and "can't summarize" not in out
    assert "(can't read" in out
