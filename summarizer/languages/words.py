"""Stop words per language, from lists that ship inside packages: sumy's own, then stopwords-iso."""

from __future__ import annotations

from functools import cache

import stopwordsiso
from sumy.utils import get_stop_words

from ..lexicon import STOP_WORDS
from .model import Language


@cache
def stop_words(language: Language) -> frozenset[str]:
    """sumy's bundled list where sumy has one for the language, else the stopwords-iso list."""
    if language.code == "en":
        return STOP_WORDS
    try:
        return frozenset(w.lower() for w in get_stop_words(language.name))
    except LookupError:
        return frozenset(w.lower() for w in stopwordsiso.stopwords(language.code))
