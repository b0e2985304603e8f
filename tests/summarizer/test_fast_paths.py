"""The fast paths of parsing and ranking give what the plain ones give, value for value."""

from __future__ import annotations

import random

import numpy as np
from py3langid.langid import visit_counts

from summarizer.features import LinearScorer, _lead_windows, lead_window
from summarizer.languages import language
from summarizer.languages.detect import BLOCK, WINDOW, _identifier
from summarizer.lines import line_kind
from summarizer.models import Sentence
from summarizer.parse import _normalize_space
from summarizer.readability import OPENING_REFERENCE, soft_factor
from summarizer.tokenize import _OPENERS, _next_word, count_words


def test_a_trusted_sentence_is_what_model_construct_builds() -> None:
    fast = Sentence.trusted(3, 1, "The mayor said so.")
    plain = Sentence.model_construct(index=3, paragraph=1, text="The mayor said so.")
    assert fast == plain
    assert fast.model_fields_set == plain.model_fields_set
    assert fast.model_dump() == plain.model_dump() and repr(fast) == repr(plain)
    assert fast.__pydantic_extra__ is None and fast.__pydantic_private__ is None


def _next_word_by_characters(text: str, pos: int, end: int) -> str:
    while pos < end and (text[pos].isspace() or text[pos] in _OPENERS):
        pos += 1
    stop = pos
    while stop < end and text[stop].isalnum():
        stop += 1
    return text[pos:stop]


def test_the_next_word_is_the_character_walks() -> None:
    rng = random.Random(7)
    alphabet = list(" \t\n\u00a0\u2028\"'“‘«„「『([¿¡_-.,aZé9٣²\u0301漢")
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        pos = rng.randrange(0, len(text) + 1)
        end = rng.randrange(pos, len(text) + 1)
        assert _next_word(text, pos, end) == _next_word_by_characters(text, pos, end)


def test_soft_factor_takes_the_opening_it_is_told() -> None:
    for text in ("He said it was over.", "The mayor said it was over.", 'But "it was over.'):
        opening = OPENING_REFERENCE.match(text) is not None
        for index in (0, 2):
            assert soft_factor(text, index, count_words(text), opening) == soft_factor(text, index)


def test_lead_windows_are_lead_window() -> None:
    assert _lead_windows(60) == [lead_window(i) for i in range(60)]
    assert _lead_windows(3) == [lead_window(i) for i in range(3)]


def test_a_scorer_keeps_its_arrays_and_its_ratings() -> None:
    scorer = LinearScorer((0.5, 1.0), (2.0, 0.5), (1.5, -1.0))
    rows = np.array([[1.0, 2.0], [0.0, 3.0]])
    expected = (rows - np.array(scorer.mean)) / np.array(scorer.scale) @ np.array(scorer.weights)
    assert scorer(rows).tobytes() == expected.tobytes() == scorer(rows).tobytes()


def test_credit_and_teaser_lines_still_found_behind_their_quick_tests() -> None:
    english = language("en")
    assert line_kind("Boats rest in the bay at Las Croabas. By U.S. CUSTOMS AND BORDER", "", english) == "caption"
    assert line_kind("Boats rest in the bay at Las Croabas. By U.S. Customs and Border", "", english) != "caption"
    assert line_kind("The council met again to talk about the bridge [...]", "", english) == "boilerplate"
    assert line_kind("The council met again to talk about the bridge (more...)", "", english) == "boilerplate"


def test_the_blocked_walk_visits_what_the_byte_walk_visits() -> None:
    identifier = _identifier()
    text = "Der Bürgermeister sagte am Montag, 3. Oktober: «Wir bauen die Brücke.» 市长说。".encode()
    for size in range(0, 3 * BLOCK + WINDOW + 2):
        sample = text[:size]
        walked = visit_counts(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, sample) or {}
        assert list(identifier.visits(sample).items()) == list(walked.items())


def test_spaces_normalized_as_split_and_join_do() -> None:
    rng = random.Random(11)
    alphabet = list(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2028\u3000ab.")
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 9))) for _ in range(20_000)]
    texts += [f"a{chr(code)}b" for code in range(128)]
    for text in texts:
        assert _normalize_space(text) == " ".join(text.split())
