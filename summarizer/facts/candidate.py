"""A candidate fact: what it says, where it stands, what its score is made of."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, overload

from ..models import FactKind

_ENTITY_KINDS = (FactKind.PERSON, FactKind.ORGANIZATION, FactKind.PLACE)


_POSSESSIVE = re.compile(r"['’]s?$")


_AGE = re.compile(r"\s*,\s*\d{1,3}\s*,")


_SAYS = re.compile(
    r"\b(said|says|told|added|explained|insisted|claimed|warned|admitted|revealed|tweeted|"
    r"wrote|announced|according to)\b",
    re.IGNORECASE,
)


_DIGIT = re.compile(r"\d")


_T = TypeVar("_T")


class _Cached(Generic[_T]):
    """``functools.cached_property`` without the lock Python 3.11 takes on every first read: a
    candidate is only ever read by the thread that made it, and dozens are made an article."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self._compute = compute
        self._name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _Cached[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> _T | _Cached[_T]:
        if instance is None:
            return self
        value = instance.__dict__[self._name] = self._compute(instance)
        return value


@dataclass(eq=False)
class _Candidate:
    kind: FactKind
    text: str
    sentence: int
    context: str = ""
    score: float = 0.0
    mentions: int = 1
    later: list[int] = field(default_factory=list)
    """The other sentences that name it, each once: where else a summary may name it."""
    span: tuple[int, int] | None = None
    """Where a figure or date stands in its sentence: its context, the clause around it, is
    cut only for the facts chosen."""
    aliases: set[str] = field(default_factory=set)
    unnamed: bool = False
    """A group the story names only by nationality ("British tourist"): it ranks below the names
    near it, a place the story happens in ("Muhamadiya") above "Syrian troops" in the lead."""
    source: bool = False
    """An outlet the story only cites for its news ("told CNN", "KBOI reported"): its backdrop."""
    cited: int = -1
    """The sentence the fact is shown from, when not its first mention's: where the story says
    most about a person ("Rhodri Giggs, 37, revealed ..." after a bare "Rhodri Giggs")."""
    members: tuple[_Candidate, ...] = ()
    """The entities a list names ("Tesco, Asda and Sainsbury’s"): one fact in place of them."""
    owner: _Candidate | None = None
    """The full name a short form was folded into ("Bashar Al-Assad" for "Assad")."""
    features: tuple[float, ...] = ()
    """What its score is made of, in the order of :data:`WEIGHTS`."""
    shown: str = ""
    """The fact as shown: the name with the role in front of it ("Ukrainian forward Andriy
    Yarmolenko"), verbatim; ``text`` is the bare name used to match mentions."""

    def __post_init__(self) -> None:
        if self.cited < 0:
            self.cited = self.sentence

    @_Cached
    def calendar_day(self) -> bool:
        """A date with a number in it ("May 1", "2007"): it ranks and counts as a figure does."""
        return self.kind is FactKind.DATE and _DIGIT.search(self.text) is not None

    def named_again(self, sentence: int, count: int = 1) -> None:
        """Another mention, in ``sentence`` (``count`` 0: a mention the count leaves out)."""
        self.mentions += count
        if sentence != self.sentence and sentence not in self.later:
            self.later.append(sentence)

    def fold_into(self, owner: _Candidate) -> None:
        """This short form ("Assad", "IPCC") is a mention of ``owner``: its mentions count there."""
        owner.mentions += self.mentions
        owner.later.extend(s for s in (self.sentence, *self.later) if s != owner.sentence and s not in owner.later)
        owner.aliases.add(self.text.casefold())
        self.owner = owner

    @_Cached
    def initial(self) -> str:
        """The first letter of the fact as shown, in lower case: two spellings of one name share it
        (asked only once the fact's ``shown`` is final, when facts are chosen)."""
        return (self.shown or self.text)[:1].casefold()

    @_Cached
    def key(self) -> str:
        """The bare text in lower case."""
        return self.text.casefold()

    @_Cached
    def folded(self) -> str:
        """Words only, in lower case, "Saint" as "St": how two spellings of one fact compare."""
        words = _FOLDED_WORD.findall(self.text.casefold().replace("-", ""))
        return " ".join("st" if w == "saint" else w for w in words)

    @_Cached
    def spelling(self) -> str:
        """The fact without spaces or a plural's "s": "TimeWarner", "Time Warner"; "Baftas"."""
        return self.folded.replace(" ", "").removesuffix("s")


_FOLDED_WORD = re.compile(r"\w+(?:[.,]\d+)*")


_WORD_SPAN = re.compile(r"\S+")
