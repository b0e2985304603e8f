"""One story once: signatures, the LSH index and its decisions on real articles."""

from __future__ import annotations

import random

import pytest

from summarizer.similar import SIGNATURE_BYTES, StoryIndex, shingles, signature, similarity
from tests.conftest import SEEDS

ARTICLES = [{"id": path.stem, "text": path.read_text(encoding="utf-8")} for path in sorted(SEEDS.glob("*.txt"))]


def _retold(text: str, seed: int) -> str:
    """The same story as another outlet runs it: paragraphs reordered, a sentence in ten dropped,
    the site's lines added."""
    rng = random.Random(seed)
    sentences = [s for s in text.replace("\n\n", " ").split(". ") if rng.random() > 0.1]
    chunks = [". ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    rng.shuffle(chunks)
    return "Share this article.\n\n" + "\n\n".join(chunks) + "\n\nFollow us for more news."


def test_a_signature_is_fixed_size_bytes_and_stable() -> None:
    text = ARTICLES[0]["text"]
    first, second = signature(text), signature(text)
    assert isinstance(first, bytes) and len(first) == SIGNATURE_BYTES
    assert first == second
    assert similarity(first, second) == 1.0


def test_too_short_text_has_no_signature() -> None:
    assert signature("Breaking news tonight.") is None
    assert signature("") is None


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("The Cat sat, on THE mat!") == shingles("the cat sat on the mat")


def test_a_retold_story_matches_its_original_and_others_stay_apart() -> None:
    index = StoryIndex()
    for row in ARTICLES:
        sig = signature(row["text"])
        assert sig is not None
        index.add(row["id"], sig)
    for seed, row in enumerate(ARTICLES):
        retold = signature(_retold(row["text"], seed))
        assert retold is not None
        assert index.match(retold) == row["id"]
        own = signature(row["text"])
        assert own is not None
        assert index.matches(own) == [row["id"]]


def test_an_index_rebuilt_from_stored_signatures_decides_the_same() -> None:
    stored = [(row["id"], signature(row["text"])) for row in ARTICLES]
    first, rebuilt = StoryIndex(), StoryIndex()
    first.add_all((k, s) for k, s in stored if s)
    rebuilt.add_all((k, bytes(bytearray(s))) for k, s in stored if s)
    probe = signature(_retold(ARTICLES[1]["text"], 7))
    assert probe is not None
    assert first.match(probe) == rebuilt.match(probe) == ARTICLES[1]["id"]
    assert len(rebuilt) == len(ARTICLES) and ARTICLES[0]["id"] in rebuilt


def test_a_damaged_signature_is_refused() -> None:
    with pytest.raises(ValueError, match="bytes"):
        StoryIndex().add("x", b"\x00" * 7)


def test_a_removed_article_is_no_longer_matched() -> None:
    index = StoryIndex()
    story = signature(ARTICLES[0]["text"])
    assert story is not None
    index.add("a", story)
    index.remove("a")
    index.remove("never there")
    assert index.match(story) is None and len(index) == 0
