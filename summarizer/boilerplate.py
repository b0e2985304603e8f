"""Boilerplate inside running text, found sentence by sentence whatever the line's length.

Sites and wires put their own voice into the article's lines: copyright and privacy notices,
newsletter sign-up blocks, wire contributor lines, live-blog greetings, "turn on JavaScript"
warnings. A wire story opens with a dateline ("LONDON (Reuters) -") and a live blog stamps each
post with its time. The phrases are data, one list per language, so that a language is added as
a list, not as code; a sentence matching any list is furniture, while a dateline or a time stamp
is cut off and its sentence kept.
"""

from __future__ import annotations

import re

from .tokenize import sentence_spans

SITE_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        r"(?<![Ã\w])©",
        r"^\W*copyright\b",
        r"\bcopyright (?:\(c\) |©\s*)?\d{4}\b",
        r"\ball rights reserved\b",
        r"\bmay not be (?:re)?published, broadcast",
        r"\bcontributed (?:reporting|to (?:this|the) (?:report|story|article))\b",
        r"\bwelcome to (?:our|the) live (?:coverage|blog|updates|page)\b",
        r"\b(?:follow|refresh) (?:our|this page for) live\b",
        r"\bthis (?:live )?blog is (?:now )?closed\b",
        r"\b(?:turn on|enable|activate|switch on) (?:your )?javascript\b",
        r"\bjavascript (?:is )?(?:disabled|required|turned off)\b",
        r"\byour browser does(?: not|n['’]t) support\b",
        r"\bsign up (?:for|to) (?:our|the|my)\b[^.!?]{0,60}\b(?:newsletters?|e-?mails?|alerts?|briefings?|digest)\b",
        r"\bsubscribe to (?:our|the)\b[^.!?]{0,40}\b(?:newsletters?|e-?mails?|alerts?|briefings?|digest)\b",
        r"\b(?:get|receive) our\b[^.!?]{0,40}\bnewsletters?\b",
        r"\bnewsletter sign-?up\b",
        r"\b(?:enter|submit|add) your e-?mail(?: address)?\b",
        r"\bby (?:signing up|subscribing|registering)\b",
        r"\bunsubscribe (?:at any time|from)\b",
        r"\bthanks? (?:you )?for (?:signing up|subscribing|registering)\b",
        r"\b(?:our|see the|read the) privacy (?:notice|policy|statement)\b",
        r"\bwe (?:use|value) (?:cookies|your privacy)\b",
        r"\bprotected by recaptcha\b",
        r"\bwe will (?:only )?use your (?:e-?mail|data|details|information)\b",
        r"\byou (?:agree|consent) to (?:our|the|receive)\b",
    ),
}
"""Sentences in the site's or the wire's voice, per language (regular expressions, matched
without regard to case)."""
SITE_CUES: dict[str, tuple[str, ...]] = {
    "en": (
        "©",
        "copyright",
        "rights reserved",
        "may not be",
        "contributed",
        "live",
        "javascript",
        "browser",
        "sign up",
        "subscri",
        "newsletter",
        "mail",
        "signing up",
        "registering",
        "privacy",
        "cookies",
        "recaptcha",
        "you agree",
        "you consent",
    ),
}
"""Words each phrase of its language holds: a text with none of them (found by plain substring
search, far faster than the phrases) is not the site's voice."""

WIRE_AGENCIES = (
    "AP|Reuters|AFP|UPI|CNN|dpa|DPA|Bloomberg|PA|Xinhua|EFE|ANSA|Kyodo|Yonhap|PTI|IANS|ANI|TASS|AAP|CP|KNA|APA|SDA|"
    "Belga|ANP|NTB|Anadolu|WAFA|IRNA|Bernama|Antara|NAN|Interfax"
)
_CUES = tuple(cue for cues in SITE_CUES.values() for cue in cues)
_SITE = re.compile("|".join(p for phrases in SITE_PHRASES.values() for p in phrases), re.IGNORECASE)
_PLACE = r"[A-ZÀ-Þ][\w'’.-]*(?:[ ,/]+[A-ZÀ-Þ][\w'’.-]*){0,5}"
_WIRE_DATELINE = re.compile(
    rf"^(?:{_PLACE},?\s+(?:[A-Z][a-z]{{2,8}}\.? \d{{1,2}},?\s+)?)?\((?:{WIRE_AGENCIES})\)\s*[—–-]{{1,2}}\s*(?=\S)"
)
"""A wire dateline: "CITY (AP) —", "LONDON, March 3 (Reuters) -" (a paper's own "CITY —" stays: it
is the paper's text, and a capitalized word before a dash is too often the sentence's subject)."""
_ZONE = r"(?:BST|GMT|UTC|CET|CEST|EST|EDT|ET|CT|CST|CDT|PT|PST|PDT|MT|IST|AEST|AEDT|JST|HKT|SGT|MEZ|MESZ|Uhr)"
_CLOCK = rf"\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*{_ZONE})?|\d{{1,2}}\s*[ap]\.?m\.?(?:\s*{_ZONE})?"
_AGO = r"\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\s+ago|just now|moments? ago"
_DAY = r"(?:\w+,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\.?|[A-Za-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?"
_TIMESTAMP = re.compile(
    rf"^(?:(?:updated|posted|published|last updated)\s*:?\s*)?"
    rf"(?:(?:{_CLOCK}|{_AGO})(?:\s*(?:,|on|\||-)?\s*{_DAY})?|{_DAY}(?:\s*(?:,|at|\||-)?\s*(?:{_CLOCK})))\.?$",
    re.IGNORECASE,
)
"""A live blog's time stamp on a line of its own: "10:42 BST", "2 hours ago", "14.05 GMT 3 March"."""
_STAMPED = re.compile(
    rf"^(?:\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?\s*)?{_ZONE}|\d{{1,2}}[:.]\d{{2}}\s*[ap]\.?m\.?|\d{{1,2}}[:.]\d{{2}})"
    r"\s*(?:[:–—-]\s+|\s(?=[A-Z]))(?=[A-Z\"“‘'])"
)
"""A time stamp that opens a live post's text: "10:42 BST Police said ...", "9.05am: Police ..."."""


def is_timestamp(line: str) -> bool:
    """A line that is only a time stamp (a live post's or an update's)."""
    return len(line) <= 60 and _TIMESTAMP.match(line) is not None


def is_site_sentence(text: str) -> bool:
    """A sentence in the site's or the wire's voice."""
    return _has_cue(text) and _SITE.search(text) is not None


def _has_cue(text: str) -> bool:
    folded = text.casefold()
    return any(cue in folded for cue in _CUES)


def clean_line(line: str) -> str:
    """The line without its wire dateline or time stamp and without its site sentences; empty
    when nothing of the article is left."""
    if line[:1].isupper() or line[:1].isdigit():
        line = _STAMPED.sub("", _WIRE_DATELINE.sub("", line, count=1), count=1)
    if not is_site_sentence(line):
        return line
    kept = [line[start:end] for start, end in sentence_spans(line) if not is_site_sentence(line[start:end])]
    return " ".join(kept)
