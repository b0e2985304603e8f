"""Photo captions glued into running text by flattened pages (news datasets, text copied in one
piece): found, cut out and handed back, the text before them given back its full stop."""

from __future__ import annotations

import re

from .lexicon import CLAUSE_OPENERS, FUNCTION_WORDS, MONTHS, SPEECH_VERBS, WEEKDAYS

TERMINAL = (".", "!", "?", '"', "'", "”", "’", "…", ")", ":", ";")
"""Marks a sentence or a line may end with."""

# Flattened pages (news datasets, text copied in one piece) glue photo captions into the running
# text: the sentence before loses its full stop and the caption opens with a short label and a
# colon ("... three male students Lengthy prison sentence: Altice accepted the deal ..."). The
# label starts right after a word, with no punctuation between; who speaks after a colon is no
# caption ("told Sky News: 'We ...'", "Brendan Rodgers said: ..."), nor is a title ("GTA: San
# Andreas") or a list ("Sunday April 25: Hull City (A)").
# The pattern opens with the space it looks behind, so that it is searched from space to space.
_GLUED_LABEL = re.compile(
    r" (?:(?<=[a-z0-9%)] )|(?<=[.!?] )|(?<=[.!?]['’\"”] ))(?P<scroll>Scroll down for video )?"
    r"(?P<label>[A-Z][\w'’&/-]*(?: [\w'’&/-]+){0,5}): (?=[A-Za-z0-9])"
)
_PICTURE_WORDS = frozenset(
    {"Pictured", "Picture", "Photo", "Photograph", "Image", "Above", "Below", "Inset", "Top", "Left", "Right"}
)
"""A caption's own labels: what follows them is the caption even in lower case ("Pictured: the
flooded high street"); after any other label, a lower-case word goes on the sentence."""
_STOP_LABEL_WORDS = 3
"""A label after a full stop is short ("Tributes:", "Family values:"); a longer run is a sentence."""
_NOT_A_LABEL = frozenset(
    {"remember", "note", "update", "updated", "warning", "correction", "clarification", "disclosure", "answer"}
    | {"question", "q", "a", "result", "verdict", "editor's", "editor’s", "watch", "listen", "read", "see"}
    | {"more", "related", "breaking", "exclusive", "analysis", "opinion", "comment"}
)
"""Words that open a sentence's own colon, not a photo caption's label ("Remember: ...")."""
_ENGLISH_MARKERS = frozenset({"the", "of", "and", "to", "is", "that", "with", "for", "his", "her", "has", "were"})
"""Words frequent in English and rare elsewhere: captions are unglued from English text only (in
German every noun is capitalized, so a noun before a colon looks like a label)."""
_GLUED_BOILERPLATE = re.compile(r"(?<=\S) Scroll down for video(?= [A-Z‘'\"“])")
_BEFORE_NO_LABEL = SPEECH_VERBS | FUNCTION_WORDS
"""A name after these is who is spoken to or of, not a caption's label: "told Sky News: ..."."""
_DAYS_AND_MONTHS = frozenset(w.capitalize() for w in WEEKDAYS | MONTHS)
_SENTENCE_OPENERS = CLAUSE_OPENERS | {"the", "a", "an", "in", "on", "at", "as"}
"""Words that, capitalized right after a word of a caption, open the sentence that follows it."""
_CAPTION_MAX_CHARS = 600
"""A caption's text is a sentence or two: one that runs on longer ends at a word within this."""
_CAPTION_END = re.compile(
    r"[.!?…]['’\"”)]*(?=\s+[A-Z‘'\"“]|\s*$)"
    rf"|(?<=[a-z0-9,)]) (?=(?:{'|'.join(sorted(w.capitalize() for w in _SENTENCE_OPENERS))})\b)"
)


def unglue_captions(line: str) -> tuple[str, list[str]]:
    """The line without the captions glued into it, and those captions. The text before a
    caption gets back the full stop it lost."""
    if ": " not in line or not _english(line):
        return _without_glued_boilerplate(line), []
    pieces: list[str] = []
    captions: list[str] = []
    kept = 0
    label = _glued_label(line, 0)
    while label is not None:
        cut, begin, text = label
        following = _glued_label(line, text)
        end = _caption_end(line, text)
        if following is not None:
            end = min(end, following[0])
        before = line[kept:cut].rstrip()
        if before:
            pieces.append(before if before.endswith(TERMINAL) else before + ".")
        captions.append(line[begin:end].strip(" ."))
        kept = end
        label = following
    pieces.append(line[kept:])
    return _without_glued_boilerplate(" ".join(p.strip() for p in pieces if p.strip())), captions


def _caption_end(line: str, text: int) -> int:
    """Where a caption whose text starts at ``text`` ends: at its sentence's end, or where the
    sentence after it opens, or at a word within ``_CAPTION_MAX_CHARS``."""
    limit = text + _CAPTION_MAX_CHARS
    found = _CAPTION_END.search(line, text, limit)
    if found:
        return found.end()
    if len(line) <= limit:
        return len(line)
    return line.rfind(" ", text, limit) + 1 or limit


def _glued_label(line: str, position: int) -> tuple[int, int, int] | None:
    """The next caption glued into ``line`` at or after ``position``: where the text before it
    ends, where the caption begins and where its text (after the label) begins."""
    while (found := _GLUED_LABEL.search(line, position)) is not None:
        position = found.start() + 1
        words = found.group("label").split()
        if line[found.end()].islower() and found.group("label") not in _PICTURE_WORDS:
            continue
        before = line[max(0, found.start() - 40) : found.start()].rsplit(" ", 1)[-1]
        if before.lower() in _BEFORE_NO_LABEL or words[0] in _DAYS_AND_MONTHS:
            continue
        if any(w.lower() in SPEECH_VERBS for w in words) or _titled(words):
            continue
        if not any(w[0].islower() for w in line[found.end() : found.end() + 200].split(maxsplit=5)[:5]):
            continue  # a name or a title goes on after the colon: "Thinking Skills: Think About It"
        if before.endswith(TERMINAL):
            if len(words) > _STOP_LABEL_WORDS or words[0].lower() in _NOT_A_LABEL | _SENTENCE_OPENERS:
                continue
        elif len(words) == 1 and before[:1].isupper():
            continue  # the end of a name: "He told Sky News: The decision ..."
        begin = found.start("label")
        cut = found.start() if found.group("scroll") else begin
        while len(words) > 1 and words[1][0].isupper() and before[:1].isupper():
            before = words.pop(0)  # the end of a name, not the label: "Westfield Miranda Cue the crowds:"
            begin += len(before) + 1
            cut = begin
        return cut, begin, found.end()
    return None


def _english(line: str) -> bool:
    """Text with English's frequent words: two or more, and one word in twelve or more."""
    words = line.lower().split()
    markers = sum(map(_ENGLISH_MARKERS.__contains__, words))
    return markers >= 2 and 12 * markers >= len(words)


def _titled(words: list[str]) -> bool:
    """A title or an acronym, not a caption's label: "Need for Speed: Underground", "CSI: Miami"."""
    if len(words) == 1:
        return words[0].isupper() and len(words[0]) <= 4
    inner = [w for w in words[1:] if w.lower() not in FUNCTION_WORDS]
    return all(w[0].isupper() for w in inner) and not all(w.isupper() for w in words)


def _without_glued_boilerplate(line: str) -> str:
    if "Scroll down" not in line:
        return line
    return _GLUED_BOILERPLATE.sub(lambda m: "" if line[m.start() - 1] in TERMINAL else ".", line)
