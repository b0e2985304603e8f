"""Quotes: quoted words of four or more, with who said them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..models import Article, FactKind
from .candidate import _SAYS, _Candidate

# Quoted words in double quotes, or in single ones as British papers write them; inside single
# quotes an apostrophe before a letter is one ("'I don't know,' he said"). Two patterns, not one
# with two branches: each alone is found at the speed of a plain character search. Both look at
# most 400 characters past an opening quote, so text of unclosed quotes costs one pass.
_DOUBLE_QUOTE = re.compile(r"[\"“](?P<said>[^\"“”]{12,400}?)[\"”]")


_SINGLE_QUOTE = re.compile(
    r"['‘](?<![\w'’‘]['‘])(?=[^\n]{1,400}?['’](?![\w'’]))"
    r"(?P<said>[^'‘’\n]*(?:['’]\w[^'‘’\n]*)*)(?<=[\w.,!?…])['’](?![\w'’])"
)


def _quotes(article: Article, entities: list[_Candidate]) -> Iterable[_Candidate]:
    """Quotes of four words or more with who said them: at most :data:`MAX_QUOTES_PER_SENTENCE`
    of a sentence and :data:`MAX_QUOTES` of an article, so no text makes the search for speakers
    long (one fact of the ten is a quote)."""
    people = sorted((e for e in entities if e.kind is FactKind.PERSON), key=lambda e: e.sentence)
    searched = 0
    for sentence in article.sentences:
        text = sentence.text
        quoted = [m for m in _quoted(text) if len(m.group("said").split()) >= 4][:MAX_QUOTES_PER_SENTENCE]
        if not quoted:
            continue
        verbs = [m.span() for m in _SAYS.finditer(text)]
        folded = text.casefold()
        for match in quoted:
            if searched >= MAX_QUOTES:
                return
            span = match.span()
            if not any(end <= span[0] or start >= span[1] for start, end in verbs):
                continue
            searched += 1  # searched for a speaker, found or not: the cap holds for any text
            speaker = _speaker(text, folded, span, sentence.index, people)
            if speaker:
                yield _Candidate(FactKind.QUOTE, match.group(), sentence.index, context=speaker)


MAX_QUOTES_PER_SENTENCE = 5
MAX_QUOTES = 40


def _quoted(text: str) -> list[re.Match[str]]:
    """The quotes in ``text``, left to right, none inside another."""
    found = [*_DOUBLE_QUOTE.finditer(text)] if '"' in text or "“" in text else []
    if "'" in text or "‘" in text:
        found = sorted([*found, *_SINGLE_QUOTE.finditer(text)], key=lambda m: m.start())
    kept: list[re.Match[str]] = []
    for match in found:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return kept


def _speaker(text: str, folded: str, span: tuple[int, int], index: int, people: list[_Candidate]) -> str:
    """Who said the quote at ``span`` (``folded`` is the text in lower case): a person named
    beside it, else the last one named before."""
    outside = [(0, span[0]), (span[1], len(text))]
    for person in people:
        for alias in sorted(person.aliases, key=len, reverse=True):
            for begin, end in outside:
                at = folded.find(alias, begin, end)
                if at >= 0:
                    return text[at : at + len(alias)]
    earlier = [p for p in people if p.sentence < index]
    return earlier[-1].text if earlier else ""
