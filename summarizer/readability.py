"""Whether a sentence reads alone: what the ranker's features and its summary order ask of one
sentence's text (a pronoun pointing back, a quote cut mid-way, a caption cue, a missing full stop)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .tokenize import STOPS, count_words

_DANGLING = re.compile(
    r"^[\"'“‘]?(he|she|they|him|his|her|hers|their|them|these|those|but|and|or|however|also|meanwhile|"
    r"yet|moreover|furthermore|nevertheless|instead|still|besides|likewise|similarly)\b",
    re.IGNORECASE,
)
_HONORIFIC = re.compile(r"^[\"'“‘]?(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+([A-Z][\w'’-]+)")


def unresolved_opening(texts: Sequence[str], title: str, index: int) -> bool:
    """Whether sentence ``index`` opens with a pronoun or connective that points back, or with
    "Mr X" whose surname the title and the sentences before it never gave with a first name."""
    text = texts[index]
    if _DANGLING.match(text):
        return True
    honorific = _HONORIFIC.match(text)
    if not honorific:
        return False
    before = " ".join([title, *texts[:index]])
    return not re.search(rf"\b[A-Z][\w'’-]+\s+(?:[A-Z]\.\s+)?{re.escape(honorific.group(1))}\b", before)


OPENING_REFERENCE = re.compile(
    r"^[\"'“‘]?(he|she|it|they|this|that|these|those|his|her|its|their|him|them|but|and|or|so|"
    r"also|however|meanwhile|still|yet|then|there|here|such|both|instead|though|although)\b",
    re.IGNORECASE,
)
_CAPTION_CUE = re.compile(  # matched against the lower-cased text
    r"\b(pictured|picture[sd]?|photo(graph)?ed|scroll down|click here|read more|video)\b"
    r"|\((?:[a-z]+ ){0,2}(left|right|above|below|centre|center|inset|top|bottom|middle)\)"
)


def soft_factor(text: str, index: int, words: int | None = None, opening: bool | None = None) -> float:
    """Below 1 for sentences a reader would find hard to take alone: dangling references,
    quotes cut mid-way, very short or very long sentences (fragments: ``fragment_factor``);
    ``words`` is the text's :func:`count_words` and ``opening`` whether it matches
    ``OPENING_REFERENCE``, when known."""
    words = count_words(text) if words is None else words
    factor = 1.0
    if 6 <= words < 10:
        factor *= 0.75
    elif words > 55:
        factor *= 0.8
    if index > 0 and (OPENING_REFERENCE.match(text) is not None if opening is None else opening):
        factor *= 0.8
    if text[0].islower() or text.count('"') % 2 or text.count("“") != text.count("”"):
        factor *= 0.7
    return factor


# Every match of _CAPTION_CUE holds one of these: a cheap test before the slow pattern.
_CUE_WORDS = ("pictur", "photo", "scroll", "click", "read more", "video", ")")


_CLOSING = "\"'”’“»」』)）"
_ENDS = tuple(STOPS)
"""What a sentence ends with in any served language ("。", "؟", "।" too), after its closing quotes."""


def fragment_factor(text: str, words: int | None = None) -> float:
    """Below 1 for what is not a sentence of the story: a few words, a caption or boilerplate
    cue, a subheading or label without end punctuation (``words``: its :func:`count_words`)."""
    words = count_words(text) if words is None else words
    factor = 0.3 if words < 6 else 1.0
    lower = text.lower()
    if any(map(lower.__contains__, _CUE_WORDS)) and _CAPTION_CUE.search(lower):
        factor *= 0.6
    if not text.rstrip(_CLOSING).endswith(_ENDS):
        factor *= 0.7 if words > 12 else 0.1  # a subheading or a label, not a sentence
    return factor
