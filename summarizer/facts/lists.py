"""Lists: runs of names or dates a sentence gives as one ("Tesco, Asda and Sainsbury’s")."""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Article
from .candidate import _Candidate


def _lists(article: Article, named: list[list[tuple[int, int, _Candidate]]]) -> list[_Candidate]:
    """Names of one kind a sentence lists ("Tesco, Asda and Sainsbury’s", "Princes William and
    Harry"): one fact, which leaves room among the ten for more of the story; a name split at
    its "and" ("US Food and Drug Administration") is whole again. No list is made of a person
    the story describes after the name ("Grant Allen, 38"): the list would drop the age."""
    lists: list[_Candidate] = []
    for sentence, mentions in zip(article.sentences, named, strict=True):
        for run in _listed(sentence.text, mentions):
            members = tuple(_owner(c) for _, _, c in run)
            short = any(c.owner for _, _, c in run)
            if not short and len(set(map(id, members))) == len(run) and _listable(members):
                span = sentence.text[run[0][0] : run[-1][1]]
                lists.append(
                    _Candidate(members[0].kind, span, sentence.index, aliases={span.casefold()}, members=members)
                )
    return lists


def _listed(
    text: str, mentions: list[tuple[int, int, _Candidate]], ranges: bool = False
) -> Iterable[list[tuple[int, int, _Candidate]]]:
    """The runs of two or more mentions that ``text`` lists, left to right; with ``ranges``, two
    that span a range are one too ("1800-2000", "1998 to 2000")."""
    run = mentions[:1]
    for mention in [*mentions[1:], None]:
        gap = text[run[-1][1] : mention[0]] if mention else ""
        if mention and len(run) < _LIST_MAX and (gap in _LIST_GAPS or (ranges and len(run) == 1 and gap in _RANGES)):
            run.append(mention)
            continue
        while len(run) > 1 and not _ends_list(text, run, ranges):
            run.pop()
        if len(run) > 1:
            yield run
        run = [mention] if mention else []


_LIST_ENDS = frozenset([" and ", " & "])


_LIST_GAPS = _LIST_ENDS | {", "} | {f",{gap}" for gap in _LIST_ENDS}


_LIST_MAX = 6


_RANGES = frozenset(["-", "–", " - ", " – ", " to "])


def _ends_list(text: str, run: list[tuple[int, int, _Candidate]], ranges: bool = False) -> bool:
    """Whether the names end a list: at its "and" ("Paris, France" is no list); after a comma
    only a list of three or more ("Tom McCabe, and Sam Brownback left" joins two clauses)."""
    gap = text[run[-2][1] : run[-1][0]]
    if ranges and len(run) == 2 and gap in _RANGES:
        return True
    return gap in _LIST_ENDS or (len(run) > 2 and gap[:1] == "," and gap[1:] in _LIST_ENDS)


def _listable(members: tuple[_Candidate, ...]) -> bool:
    if len({m.kind for m in members}) > 1:
        return False
    return not any(m.shown.startswith(m.text) and m.shown != m.text for m in members)


def _owner(candidate: _Candidate) -> _Candidate:
    return candidate.owner or candidate
