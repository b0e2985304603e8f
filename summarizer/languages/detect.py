"""Which language a text is in: py3langid's model, shipped inside its wheel, read offline."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SAMPLE_BYTES = 600
"""The opening bytes (UTF-8) read, about a paragraph: py3langid walks its model byte by byte (about
0.6 ms for these here; a letter of Arabic or Cyrillic is two bytes, of Devanagari or Han three).
400, 600 and 1,000 bytes all identify the 2,510 English articles of ../shared/eval, the 15 samples
and the 8 benchmark articles alike, every one right."""
REFUSE_CONFIDENCE = 0.9
"""A text is taken to be in a language we do not serve only when the model is this sure of it;
below that, the best served language is the answer (names and figures can mislead the model)."""
GUESS_CONFIDENCE = 0.2
"""Below this the model is guessing (a few words, mostly names: "NASA launches Artemis II"); text in
Latin letters is then read as English, as the summarizer read everything before it knew others."""
ALIASES = {"ms": "id"}
"""Languages the model tells apart that read the same for us: Malay text is summarized as Indonesian."""


@dataclass(frozen=True)
class Guess:
    """The model's answer: the best served language and, when it is surer of another, that one."""

    served: str
    confidence: float
    other: str | None = None


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def guess_language(text: str, served: frozenset[str]) -> Guess:
    """The best of the ``served`` languages for ``text``, with the unserved one it rather looks like."""
    sample = text[:SAMPLE_BYTES].encode("utf-8")[:SAMPLE_BYTES]  # py3langid drops a cut-off last letter
    ranked = [(ALIASES.get(code, code), float(p)) for code, p in _identifier().rank(sample)]
    best_code, best_p = ranked[0]
    served_code, served_p = next(((c, p) for c, p in ranked if c in served), ("en", 0.0))
    other = best_code if best_code not in served and best_p >= REFUSE_CONFIDENCE else None
    if served_p < GUESS_CONFIDENCE and other is None and _mostly_ascii_letters(text[:SAMPLE_BYTES]):
        served_code = "en"
    return Guess(served=served_code, confidence=served_p, other=other)


def _mostly_ascii_letters(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) > len(letters) / 2
