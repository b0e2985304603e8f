"""Key facts stay linear on hostile text: long capitalized runs, no punctuation, quotes on
every line, labels, lists. The bounds are counted (candidates, speaker searches, name length),
never timed."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer import key_facts, parse_article, rank
from summarizer.facts import candidates, entities, quotes
from summarizer.facts.runs import MAX_NAME_WORDS
from summarizer.parse import MAX_CHARS

WORDS = 50_000


def _names() -> Iterator[str]:
    for i in itertools.count():
        yield f"{'ABCDEFGHKLMNPRSTW'[i % 17]}{'aeiou'[i % 5]}{i % 89}"


def _run_on(n: int) -> str:
    return " ".join(itertools.islice(_names(), n))


def _quoted(n: int) -> str:
    names = _names()
    return " ".join(f'"{next(names)} {next(names)} one two three" said {next(names)}' for _ in range(n // 7))


def _labels(n: int) -> str:
    return " ".join(f"{name}:" for name in itertools.islice(_names(), n))


def _lists(n: int) -> str:
    names = _names()
    return " ".join(f"{next(names)} {next(names)}, {next(names)} and {next(names)} met" for _ in range(n // 6))


class _Counted:
    """A function wrapped to count its calls."""

    def __init__(self, function: Callable[..., object]) -> None:
        self.function, self.calls = function, 0

    def __call__(self, *args: object) -> object:
        self.calls += 1
        return self.function(*args)


@pytest.mark.parametrize("build", [_run_on, _quoted, _labels, _lists])
def test_fifty_thousand_hostile_words_cost_work_bounded_by_their_number(
    build: Callable[[int], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Hostile\n\n" + build(WORDS)
    assert len(text.split()) >= WORDS * 0.99 and len(text) <= MAX_CHARS
    speaker = _Counted(quotes._speaker)
    shortens = _Counted(entities._shortens)
    monkeypatch.setattr(quotes, "_speaker", speaker)
    monkeypatch.setattr(entities, "_shortens", shortens)
    article = parse_article(text)
    ranking = rank(article)
    found = candidates(article, ranking)
    assert len(found) <= 2 * WORDS
    assert all(len(c.text.split()) <= MAX_NAME_WORDS for c in found if c.kind.value in ("person", "place"))
    assert speaker.calls <= quotes.MAX_QUOTES
    assert shortens.calls <= entities._LONGER_FORMS * len(found)
    facts = key_facts(article, ranking)
    assert len(facts) <= 10
    for fact in facts:
        assert fact.text in article.sentences[fact.sentence].text


_PIECES = st.sampled_from(
    ['"', "'", "“", "”", ":", ",", " and ", " said ", " of the ", "Mr", "Smith", "Jones", "London", "BBC", "The"]
)


@given(st.lists(st.one_of(_PIECES, st.from_regex(r"[A-Z][a-z]{1,6}", fullmatch=True)), min_size=1, max_size=400))
def test_no_name_outgrows_its_cap_and_every_fact_is_verbatim(pieces: list[str]) -> None:
    text = "Title\n\n" + " ".join(pieces) + "."
    try:
        article = parse_article(text)
    except ValueError:
        return  # too little text to be an article
    found = candidates(article, rank(article))
    assert sum(c.kind.value == "quote" for c in found) <= quotes.MAX_QUOTES
    for candidate in found:
        if candidate.kind.value in ("person", "organization", "place") and not candidate.members:
            assert len(candidate.text.split()) <= MAX_NAME_WORDS, candidate.text
    for fact in key_facts(article, rank(article)):
        assert fact.text in article.sentences[fact.sentence].text


def test_evidence_names_begin_at_word_starts() -> None:
    """Tried at every capital inside a long word, the evidence patterns were quadratic (40 words
    of 1,531 capitals: 22 s of key facts); a name begins a word."""
    from summarizer.facts.evidence import _BODY, _TEAM, _WHO_SAID

    assert _WHO_SAID.search("eBay said") is None
    assert _WHO_SAID.search("Nawar Nemeh said").group(1) == "Nawar Nemeh"  # type: ignore[union-attr]
    assert _TEAM.search("xChelsea fans") is None
    assert _BODY.search("aTesco Plc") is None
    text = "Pasted: " + ("W" * 1531 + " ") * 40
    assert not [
        m for p in (_BODY, _TEAM, _WHO_SAID) for m in p.finditer(text) if m.start() and text[m.start() - 1] != " "
    ]


def test_described_names_answer_as_the_whole_search() -> None:
    """The names described before a comma are searched for only when a name asked about ends
    the word before one: the answers are those of the whole search, for names found, names not
    there, a word too long to take and a text of more commas than are compared."""
    from summarizer.facts.evidence import (
        _AFTER_COMMA,
        _DESCRIBED_AS_A_BODY,
        _DESCRIBED_AS_ONE,
        _MAX_TAILS,
        _DescribedNames,
    )

    texts = [
        "Farkhunda, a young woman, met Sahra Ali, a Somali refugee. Highfield, who left, saw Tesco, which fell.",
        "Nothing here is described, nor is Paris.",
        "W" * 200 + ", who left. Then " + "Q" * 90 + ", a woman, came.",
        "Ann Lee, who spoke. " + "Bob, a man, ran. " * (_MAX_TAILS + 5),
    ]
    for text in texts:
        for pattern, comma in ((_DESCRIBED_AS_ONE, _AFTER_COMMA[0]), (_DESCRIBED_AS_A_BODY, _AFTER_COMMA[1])):
            whole = {m.group(1).casefold() for m in pattern.finditer(text)}
            names = _DescribedNames(text, pattern, comma)
            asked = whole | {"paris", "woman", "lee", "ali", "young woman", "w" * 200, "q" * 90, "nobody"}
            assert {key for key in asked if key in names} == whole


def test_readings_are_read_only_when_asked() -> None:
    """Reclassifying reads a whole-text pattern only for the kinds of names that ask for it: an
    article of people only never searches for teams or bodies."""
    from summarizer.facts.evidence import _Readings

    read = _Readings("Liverpool fans cheered. Villa's manager said so.")
    assert "teams" not in vars(read) and "bodies" not in vars(read)
    assert "liverpool" in read.teams and "villa" in read.bodies
    assert "fans" not in _Readings("Paris is calm.").teams


def test_speakers_answer_as_the_whole_search() -> None:
    """Who is said to speak ("said Juthamas Siriwan, governor", "Nawar Nemeh said") is searched
    for only when a name asked about ends a word before a comma or a said-verb."""
    from summarizer.facts.evidence import _SAID_BY, _WHO_SAID, _Readings

    text = "Nawar Nemeh said it was over, said Juthamas Siriwan, governor of the bank. Paris is calm."
    whole = {m.group(1).casefold() for pattern in (_SAID_BY, _WHO_SAID) for m in pattern.finditer(text)}
    assert whole == {"nawar nemeh", "juthamas siriwan"}
    speakers = _Readings(text).speakers
    for key in [*whole, "paris", "nemeh", "siriwan", "governor", "bank"]:
        assert any(key in names for names in speakers) == (key in whole)
