"""Stop words and stemmers per language, from packages that ship them: sumy's stop-word lists,
then stopwords-iso; Snowball's stemmers (PyStemmer's compiled ones where installed)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

import snowballstemmer
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


@cache
def snowball_stemmer(language: Language) -> Callable[[str], str]:
    """The language's Snowball stemmer over lower-cased words, cached (news repeats its words);
    where Snowball has none (Ukrainian, Chinese, Japanese) words stay whole."""
    if language.snowball is None:
        return str
    snowball = snowballstemmer.stemmer(language.snowball)

    @lru_cache(maxsize=200_000)
    def stem(word: str) -> str:
        return str(snowball.stemWord(word.lower()))

    return stem
