import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer import Tokenizer, split_sentences, split_words
from summarizer.tokenize import _word_before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith met Dr. Jones at 10 a.m. on Jan. 5 in the U.S. capital. They talked.",
            ["Mr. Smith met Dr. Jones at 10 a.m. on Jan. 5 in the U.S. capital.", "They talked."],
        ),
        ("He lives in the U.S. He likes it.", ["He lives in the U.S.", "He likes it."]),
        ("Profits rose to 10.9bn. It was the 2,277th star.", ["Profits rose to 10.9bn.", "It was the 2,277th star."]),
        ("George W. Bush spoke. Then he left.", ["George W. Bush spoke.", "Then he left."]),
        ('"It is over," he said. "We won." She smiled.', ['"It is over," he said.', '"We won."', "She smiled."]),
        ("The team said.The coach agreed.", ["The team said.", "The coach agreed."]),
        ("Why? Nobody knows! Really...", ["Why?", "Nobody knows!", "Really..."]),
        ("Apple Inc. said sales grew. Shares rose.", ["Apple Inc. said sales grew.", "Shares rose."]),
        ("'Why now?' he asked.", ["'Why now?' he asked."]),
        ("First paragraph without stop\n\nSecond one.", ["First paragraph without stop", "Second one."]),
        # A full stop after a decimal figure ends the sentence; the figure's own point does not.
        ("Tickets cost $3.00. Myer have teamed up.", ["Tickets cost $3.00.", "Myer have teamed up."]),
        ("It grew 2.5%. Sales were 1.5m. Myer said.", ["It grew 2.5%.", "Sales were 1.5m.", "Myer said."]),
        # A rank before a name never ends a sentence.
        (
            "Army Spc. Jones and Pfc. Lee met Staff Sgt. Bales. Gov. Brown and Pte. Smith spoke.",
            ["Army Spc. Jones and Pfc. Lee met Staff Sgt. Bales.", "Gov. Brown and Pte. Smith spoke."],
        ),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_sentences_are_verbatim_slices() -> None:
    text = "  One here.   Two there!\n\nThree?  "
    assert all(s in text for s in split_sentences(text))


def test_words_keep_figures_and_contractions_whole() -> None:
    assert split_words("The firm's 10.9bn deal, its 2,277th, didn't fail.") == (
        "The",
        "firm's",
        "10.9bn",
        "deal",
        "its",
        "2,277th",
        "didn't",
        "fail",
    )


def test_non_english_and_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("Привет. Как дела? Хорошо.") == ["Привет.", "Как дела?", "Хорошо."]
    assert split_sentences("今日は晴れです。明日は雨です。") == ["今日は晴れです。", "明日は雨です。"]


def test_sumy_accepts_the_tokenizer() -> None:
    from sumy.parsers.plaintext import PlaintextParser

    parser = PlaintextParser.from_string("First sentence here. Second one there.", Tokenizer())
    assert [str(s) for s in parser.document.sentences] == ["First sentence here.", "Second one there."]


def test_every_blank_line_ends_a_sentence_even_after_one_character() -> None:
    assert split_sentences("A\n\nNext paragraph here.\n \n  B  \n\n\nEnd.") == [
        "A",
        "Next paragraph here.",
        "B",
        "End.",
    ]


# What the word before a full stop was, as a pattern: the last run without a space, quote or
# bracket in the 40 characters before it. _word_before finds the same without trying every start.
_WORD_BEFORE = re.compile(r"([^\s\"'“‘(\[]*)$")


@given(st.text(alphabet="ab.x \n\t\u2003\"'“‘([", max_size=60), st.integers(0, 60))
def test_the_word_before_a_stop_is_the_last_run_without_space_or_quote(text: str, end: int) -> None:
    end = min(end, len(text))
    found = _WORD_BEFORE.search(text, max(0, end - 40), end)
    assert _word_before(text, end) == (found.group(1) if found else "")
