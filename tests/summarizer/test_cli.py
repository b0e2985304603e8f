import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEED
from tests.summarizer.samples import sample_text


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args], cwd=ROOT, input=stdin, capture_output=True, timeout=60
    )


def test_cli_prints_title_summary_and_facts() -> None:
    done = _run(str(SEED), "--sentences", "2")
    out = done.stdout.decode()
    assert done.returncode == 0
    assert out.splitlines()[0] == "Russia offers Syrian opposition fighters safe exit from Eastern Ghouta"
    assert out.count("\n- ") == 2
    assert "Key facts:" in out and "over 400,000 people" in out


def test_cli_json_and_algorithm() -> None:
    done = _run(str(SEED), "--json", "--algorithm", "lexrank")
    payload = json.loads(done.stdout)
    assert payload["summary"]["algorithm"] == "lexrank"
    assert payload["article"]["author"] == "Nawar Nemeh"
    assert len(payload["summary"]["sentences"]) == 3


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["missing.txt"], None, "No such file"),
        (["-"], b"", "no text"),
        (["-"], b"   \n  ", "no text"),
        (["-"], bytes(range(256)) * 4, "not UTF-8"),
        (["-"], b"\x00\x01\x02 text", "binary"),
    ],
)
def test_cli_errors_are_one_line(args: list[str], stdin: bytes | None, message: str) -> None:
    done = _run(*args, stdin=stdin)
    err = done.stderr.decode()
    assert done.returncode == 1
    assert message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_cli_megabyte_input_is_refused_cleanly() -> None:
    done = _run("-", stdin=b"word " * 210_000)
    assert done.returncode == 1
    assert "too long" in done.stderr.decode()


def test_cli_finds_or_takes_the_language() -> None:
    found = json.loads(_run("-", "--json", stdin=sample_text("uk").encode()).stdout)
    assert found["article"]["language"] == "uk"
    given = json.loads(_run("-", "--json", "--language", "ru", stdin=sample_text("uk").encode()).stdout)
    assert given["article"]["language"] == "ru"
    refused = _run("-", "--language", "xx", stdin=sample_text("uk").encode())
    assert refused.returncode == 1 and "I summarize" in refused.stderr.decode()
