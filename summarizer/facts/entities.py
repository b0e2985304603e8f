"""Entities: the names of an article, each once with its mentions, short forms folded into full ones."""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..models import Article, FactKind, Sentence
from .candidate import _Candidate
from .described import _described, _within
from .evidence import reclassify
from .kinds import _classify
from .lists import _lists, _owner
from .names import _LABEL, _clean_name, _CommonWords, _is_entity, _last_word, _without_common_ends
from .runs import _phrases, _quoted_titles
from .words import (
    _CONNECTORS,
    _INSTITUTION_WORDS,
    _NO_NAME_ALONE,
    _NOT_A_SURNAME,
    _PLACE_NAMES,
    _SOURCE_FRAMES,
    _SOURCE_VERBS,
)


def _entities(article: Article) -> list[_Candidate]:
    found: dict[str, _Candidate] = {}
    # each sentence's mentions, where each starts and ends and whose it is, for the lists
    named: list[list[tuple[int, int, _Candidate]]] = [[] for _ in article.sentences]
    acronyms: dict[str, _Candidate] = {}
    matches = [list(_phrases(sentence.text)) for sentence in article.sentences]
    capitalized_inside = {word for found_in in matches for at, phrase in found_in if at > 1 for word in phrase.split()}
    common = _CommonWords(article)
    once = _Once(article.text)
    cleaned: dict[tuple[str, bool, str], tuple[str, str, int]] = {}
    for sentence, sentence_matches in zip(article.sentences, matches, strict=True):
        titles = _quoted_titles(sentence.text) if sentence_matches else []
        for at, phrase in sentence_matches:
            if titles and any(begin <= at < end for begin, end in titles):
                continue  # no name is made of a quoted title's words: "Make Way for Ducklings"
            if " " not in phrase and phrase.lower() in _NO_NAME_ALONE:
                continue  # "The", "But", "President": nothing is left of the name
            # A name read again the way it was read before is cleaned the same way: what cleaning
            # reads is the phrase, the word before it and whether it opens the sentence.
            seen = (phrase, at <= 1, _last_word(sentence.text, at))
            if seen in cleaned:
                name, role, offset = cleaned[seen]
                start = at + offset
            else:
                name, role, start = _clean_name(sentence.text, at, phrase)
                name, start = _without_common_ends(name, start, common)
                cleaned[seen] = (name, role, start - at)
            key = name.casefold()
            if key in found:  # named again: its first mention decided what it is, and it is
                known = found[key]  # shown from the mention that says most about it
                known.named_again(sentence.index)
                named[sentence.index].append((start, start + len(name), known))
                shown = _described(known.kind, sentence.text, start, name)
                if len(shown.split()) > len(known.shown.split()):
                    known.shown, known.cited = shown, sentence.index
                    known.context = "" if role and role in shown else role
                _spelled_out(known, sentence, start, acronyms)
                continue
            if not name or not _is_entity(name, start, capitalized_inside, common, sentence.text):
                continue
            end = start + len(name)
            label = " " not in name or name.isupper()
            if label and _LABEL.match(sentence.text, end) and once(name):
                continue  # a caption's label glued into the text: "Glamorous:", "EXPERT VERDICT:"
            kind = _classify(name, role, sentence.text, start, end, common)
            if kind is FactKind.ORGANIZATION and _within(sentence.text, end):
                kind = FactKind.PLACE  # "Boise, Idaho"
            shown = _described(kind, sentence.text, start, name)
            context = "" if role and role in shown else role
            found[key] = _Candidate(kind, name, sentence.index, context=context, aliases={key}, shown=shown)
            named[sentence.index].append((start, end, found[key]))
            _spelled_out(found[key], sentence, start, acronyms)
    for key, full in acronyms.items():  # "IPCC" after "Independent Police Complaints Commission (IPCC)"
        short = found.get(key)
        if short is not None and short is not full:
            short.fold_into(full)
            del found[key]
    for short, full in _initials(found):  # "TSA" and "Transportation Security Administration"
        # shown spelled out, unless the story knows it by its letters ("TSA" 15 times, spelled out once)
        kept, folded = (short, full) if short.mentions >= 3 * full.mentions else (full, short)
        folded.fold_into(kept)
        kept.sentence = min(kept.sentence, folded.sentence)
        del found[folded.text.casefold()]
    reclassify(article, found)
    _unglue(found, named)
    entities = _merge_short_forms(list(found.values()))
    _mark_sources(article, named)
    return entities + _lists(article, named)


class _Once:
    """Whether a word stands in the text only once: asked of labels ("Glamorous:"), at most
    :data:`_LABEL_CHECKS` times an article, each a pass over the text; past that, no word is."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._left = _LABEL_CHECKS

    def __call__(self, word: str) -> bool:
        self._left -= 1
        return self._left >= 0 and self._text.count(word) == 1


_LABEL_CHECKS = 50


def _unglue(found: dict[str, _Candidate], named: list[list[tuple[int, int, _Candidate]]]) -> None:
    """A place, an event or a body glued to a person the story names in full, where a page lost
    a full stop ("Masters Vonn" beside Lindsey Vonn, "Family Circle Cup Bouchard", "Sheffield
    Ali Carter"): no name, but a mention of each."""
    surnames: dict[str, _Candidate] = {}
    for person in found.values():
        words = person.text.split()
        if person.kind is FactKind.PERSON and len(words) > 1:
            for cut in range(1, len(words)):
                surnames.setdefault(" ".join(words[cut:]).casefold(), person)
    for key, glued in list(found.items()):
        words = glued.text.split()
        if glued.mentions > 1 or len(words) < 2 or words[-1].lower() in _NOT_A_SURNAME:
            continue  # "Manchester Cathedral", "Sheffield Central"
        for cut in range(1, len(words)):
            found_person = surnames.get(" ".join(words[cut:]).casefold())
            before = " ".join(words[:cut])
            if found_person is None or found_person is glued or not _names_a_setting(before, found):
                continue
            found_person.named_again(glued.sentence)
            setting = found.get(before.casefold())
            if setting is not None:
                setting.named_again(glued.sentence)
            else:
                kind = FactKind.PLACE if before.casefold() in _PLACE_NAMES else FactKind.ORGANIZATION
                setting = _Candidate(kind, before, glued.sentence, aliases={before.casefold()}, shown=before)
                found[before.casefold()] = setting
            del found[key]
            for mentions in named:
                mentions[:] = [m for m in mentions if m[2] is not glued]
            break


def _names_a_setting(words: str, found: dict[str, _Candidate]) -> bool:
    """Whether the words name a place, an event or a body, by the word lists or as the story
    names it elsewhere: "Masters", "Family Circle Cup", "Sheffield", "Court of Appeal"."""
    lower = words.casefold()
    known = found.get(lower) if " " in lower else None  # one word's kind is a guess
    if known is not None and known.kind is not FactKind.PERSON:
        return True
    tokens = lower.split()
    return lower in _PLACE_NAMES or tokens[-1] in lx.EVENT_WORDS or not _INSTITUTION_WORDS.isdisjoint(tokens)


def _mark_sources(article: Article, named: list[list[tuple[int, int, _Candidate]]]) -> None:
    """A body the story only quotes as where its news came from ("told CNN", "according to the
    Salt Lake Tribune", "KBOI reported"): the outlet, not one of the story's facts."""
    sourced: dict[int, bool] = {}
    bodies: dict[int, _Candidate] = {}
    for sentence, mentions in zip(article.sentences, named, strict=True):
        text = sentence.text
        for start, end, candidate in mentions:
            body = _owner(candidate)
            if body.kind is not FactKind.ORGANIZATION or sourced.get(id(body)) is False:
                continue
            bodies[id(body)] = body
            sourced[id(body)] = _cited_before(text, start) or _SOURCED_AFTER.match(text, end) is not None
    for key, only_sourced in sourced.items():
        bodies[key].source = only_sourced


def _cited_before(text: str, start: int) -> bool:
    """Whether the words before ``start`` cite what follows as a source: "told (the)", "according to"."""
    words = text[max(0, start - 30) : start].lower().split()[-3:]
    if words and words[-1] == "the":
        words.pop()
    return bool(words) and (words[-1] in _SOURCE_VERBS or " ".join(words[-2:]) in _SOURCE_FRAMES)


_SOURCED_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:reported|reports|reporter|understands|has\s+(?:learned|learnt|obtained))\b"
)


def _initials(found: dict[str, _Candidate]) -> list[tuple[_Candidate, _Candidate]]:
    """Acronyms the story also spells out, though never in brackets, with the names they stand
    for: "TSA" and "Transportation Security Administration", "DHS" and "Department of Human
    Services", "U.S." and "United States"."""
    spelled: dict[str, _Candidate] = {}
    for candidate in found.values():
        words = candidate.text.split()
        if len(words) > 1:
            capitals = "".join(w[0] for w in words if w[0].isupper())
            if len(capitals) == len(words) - sum(w in _CONNECTORS for w in words):
                spelled.setdefault(capitals.casefold(), candidate)
    pairs = []
    for short in found.values():
        letters = short.text.replace(".", "")
        if letters.isupper() and letters.casefold() in spelled:
            pairs.append((short, spelled[letters.casefold()]))
    return pairs


def _spelled_out(candidate: _Candidate, sentence: Sentence, start: int, acronyms: dict[str, _Candidate]) -> None:
    """A name with its acronym after it ("Independent Police Complaints Commission (IPCC)"): the
    acronym is a short form of the name, and the fact shows both."""
    name = candidate.text
    found = _ACRONYM.match(sentence.text, start + len(name)) if " " in name else None
    if not found or found.group(1)[0] != name[0] or found.group(1).casefold() in acronyms:
        return
    acronyms[found.group(1).casefold()] = candidate
    if candidate.kind is FactKind.PERSON:
        candidate.kind = FactKind.ORGANIZATION  # no one is known by initials in brackets: "Large Hadron Collider (LHC)"
    if candidate.shown == name:
        candidate.shown, candidate.cited = sentence.text[start : found.end()], sentence.index


_ACRONYM = re.compile(r" \(([A-Z][A-Za-z]?[A-Z][A-Za-z]{0,5})\)")


def _merge_short_forms(candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Assad" after "Bashar Al-Assad" is the same person, and "Joshua Burns" is "Joshua Quincy
    Burns", "Hebrew Home" the "Hebrew Care Home": fold its mentions into the full name."""
    by_word: dict[str, _Candidate] = {}  # each word of a longer name, to the first name it is in
    by_ends: dict[tuple[str, str], list[_Candidate]] = {}  # the names longer than two words, by their ends
    for candidate in candidates:
        if " " in candidate.text:
            for token in re.split(r"[\s-]", candidate.text):
                by_word.setdefault(token.casefold(), candidate)
            words = candidate.text.casefold().split()
            if len(words) > 2:
                by_ends.setdefault((words[0], words[-1]), []).append(candidate)
    kept: list[_Candidate] = []
    for candidate in candidates:
        key = candidate.text.casefold()
        if " " not in key:
            owner = by_word.get(key)
        else:
            words = key.split()
            longer = by_ends.get((words[0], words[-1]), [])[:_LONGER_FORMS]
            owner = next((c for c in longer if _shortens(key, c.text.casefold())), None)
        if owner is not None and not candidate.members:
            candidate.fold_into(owner)
            continue
        kept.append(candidate)
    return kept


_LONGER_FORMS = 20
"""Longer names with the same first and last word a name is checked against: a bound whatever the text."""


def _shortens(short: str, name: str) -> bool:
    """Whether ``short`` is ``name`` without some of its middle words."""
    words, whole = short.split(), name.split()
    if len(words) >= len(whole) or words[0] != whole[0] or words[-1] != whole[-1]:
        return False
    rest = iter(whole)
    return all(word in rest for word in words)
