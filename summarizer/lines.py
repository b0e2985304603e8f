"""What each line of raw article text is: article text, a heading, a photo caption (alone or glued
after the text), a dateline, a byline or site boilerplate, by general rules over the line alone."""

from __future__ import annotations

import re

from .boilerplate import is_furniture, is_site_sentence, is_timestamp
from .captions import TERMINAL
from .languages import Language
from .tokenize import STOPS, count_words, sentence_spans

_SHORT_LINE_WORDS = 16

# Lines that are site furniture wherever they stand...
BOILERPLATE = re.compile(
    r"""(
      \bclick\ here\b | \bsubscribe\ (to|for|now|today)\b | \bnewsletter\b | \bfollow\ (us|@)\b
    | \blike\ us\ on\b | © | \(c\)\ \d{4} | \bcopyright\b | \ball\ rights\ reserved\b
    | \bfound\ (a\ )?mistakes?\b | \breport\ (an?\ )?(error|typo)\b | \bnews\ ?feed\b
    | ^advertisement$ | ^sponsored\b | \bleave\ a\ (comment|reply)\b | \bscroll\ down\b
    | \bdownload\ (our|the)\ app\b | \bprivacy\ policy\b | \bterms\ of\ (use|service)\b
    | ^https?://\S+$ | \bsupport\ (our|independent)\ journalism\b | \bsend\ us\ your\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# ...site voice addressing the reader, unmistakable even in a longer line...
_SITE_VOICE = re.compile(
    r"""(
      \bplease\ subscribe\b | \balready\ a\ subscriber\b | \b(annual|monthly|digital)\ subscription\b
    | \b(first-time|new)\ subscribers\b | \bto\ (view|read|continue\ reading)\ the\ (full|rest|whole)\b
    | \blog\ ?in\ for\ (immediate\ )?access\b | \bletters?\ to\ the\ editor\b | ^our\ standards\b
    | \bour\ advertisers\b | \bwe\ may\ (receive|earn)\ (a\ )?(compensation|commission)\b
    | \baffiliate\ links?\b | \bsign\ up\ (for|to)\ our\b | \bsubscribe\ to\ our\b
    | \bshare\ this\ (article|story)\b | \bwhat\ you\ think\ about\ this\ (article|story)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_SITE_VOICE_CUES = (
    "subscri",
    "to view",
    "to read",
    "to continue",
    "access",
    "to the editor",
    "our standards",
    "our advertisers",
    "we may",
    "affiliate link",
    "sign up",
    "share this",
    "what you think",
)
"""Words each phrase of ``_SITE_VOICE`` has: a line with none of them (found by plain substring
search, far faster than the pattern) is not the site's voice."""
_SITE_VOICE_WORDS = 60
_FOOTNOTE_WORDS = 25
# ...and lines that are furniture only when they do not end like a sentence.
_UNTERMINATED_BOILERPLATE = re.compile(
    r"""(
      \bread\ (more|also|next|the\ full)\b | ^(see\ also|related|more\ on|more\ from)\b
    | \bsubscribe\b | \bsign\ up\b | \bshare\ (this|on|via)\b | ^share\b
    | \bon\ (twitter|facebook|instagram|telegram)\b | \bcomments?\b | \bcookies?\b
    | \bmost\ (read|popular)\b | ^(watch|listen|video|gallery|trending|tags?|topics?|filed\ under)\b
    | \b(whats?app|e-?mail)\ (us|this)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
CREDIT = re.compile(
    r"""\s*[(\[]?\s*(?P<marker>photo\ credit|photograph|photo|picture|image|credit|source\ image|pic)
        \s*(?:credit)?\s*[:/]\s*(?P<credit>[^)\]]+?)[)\]]?\s*$
      | \s*[(\[]\s*(?P<agency>[^()\[\]]*\b(?:getty\ images|ap\ photo|reuters|afp|epa|shutterstock
        |alamy|pa\ (?:wire|media)|associated\ press)[^()\[\]]*)[)\]]\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
CAPTION_START = re.compile(r"^(pictured|above|below|left|right|top|inset|main picture)\s*:", re.I)
_DATELINE = re.compile(r"^(published|updated|posted|last updated)\s*:?\s*(?P<date>.{4,60})$", re.I)
_LINE_ENDS = (*TERMINAL, *STOPS, "“", "»", "」", "』")
"""What a line of text ends with in any served language ("。", "؟", "।" too)."""
SENTENCE_STOPS = tuple(STOPS.replace("…", ""))


def line_kind(line: str, title_key: str, lang: Language) -> str:
    """The line's kind: "repeat" (of the title), "caption", "captioned" (text, then a caption),
    "boilerplate", "dateline", "byline", "heading" or "text"."""
    if title_key and line.casefold().rstrip(".…") == title_key:
        return "repeat"
    words = count_words(line)
    unterminated = not line.endswith(SENTENCE_STOPS)
    if unterminated and CREDIT.search(line[-_TAIL:]):
        return "captioned" if credit_tail(line) else "caption" if len(line) <= 400 else "text"
    if CAPTION_START.match(line):
        return "caption"
    tail = line[-_TAIL:]  # the two patterns below end at the end of the line
    if _ASCII_LOWER.search(tail, len(tail) - 6) is None and _ALL_CAPS_CREDIT.search(tail):
        return "caption"  # (its last six characters are never lower-case letters)
    if tail.rstrip().endswith(("]", ")")) and _TEASER.search(tail):
        return "boilerplate"  # an excerpt of another story, cut off with "[…]"
    if words <= _SITE_VOICE_WORDS and _is_site_voice(line):
        return "boilerplate"
    if words <= _FOOTNOTE_WORDS and line.startswith(("*", "†")) and not line.startswith("**"):
        return "boilerplate"  # a footnote or disclaimer under the article
    if is_timestamp(line):
        return "dateline"
    if words <= _SHORT_LINE_WORDS:
        if _DATELINE.match(line):
            return "dateline"
        if _BYLINE_ONLY.match(line):
            return "byline"
        if BOILERPLATE.search(line) or is_site_sentence(line) or is_furniture(line) or lang.is_boilerplate(line):
            return "boilerplate"
        if not line.endswith(_LINE_ENDS):
            return "boilerplate" if _UNTERMINATED_BOILERPLATE.search(line) else "heading"
    return "text"


def credit_tail(line: str) -> tuple[str, str] | None:
    """Article text and the photo caption glued after it ("... she said. Photo: X/Getty Images",
    or a caption run without its full stop: "... she said. The mayor on Tuesday Photo: X"), or
    None when the line is a caption only. The text is two sentences or more."""
    tail = len(line) - _TAIL if len(line) > _TAIL else 0
    found = CREDIT.search(line, tail)
    if found is None:
        return None
    before = line[: found.start()].rstrip()
    spans = sentence_spans(before)
    if before.endswith(SENTENCE_STOPS) and len(spans) >= 2:
        return before, line[found.start() :].strip()
    if len(spans) >= 3 and line[spans[-2][1] - 1] in SENTENCE_STOPS:
        return line[: spans[-2][1]], line[spans[-1][0] :]
    return None


def _is_site_voice(line: str) -> bool:
    folded = line.casefold()
    return any(map(folded.__contains__, _SITE_VOICE_CUES)) and _SITE_VOICE.search(line) is not None


_TAIL = 300
# A caption that ends with its credit in capitals: "... in Las Croabas. By U.S. CUSTOMS AND BORDER".
_ALL_CAPS_CREDIT = re.compile(r"[.!?]\s+(?:By|Photo:|Credit:)\s+(?=[^a-z]{6,}$)[A-Z][A-Z0-9 .,'&/-]+$")
_ASCII_LOWER = re.compile("[a-z]")
_TEASER = re.compile(r"(?:\[\s*(?:…|\.\.\.)\s*\]|\((?:more|continued)\s*(?:…|\.\.\.)?\))\s*$", re.IGNORECASE)
_BYLINE_ONLY = re.compile(r"^(?:by|written by|words by|reporting by)\s+[A-Z]", re.I)
