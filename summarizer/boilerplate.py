"""Boilerplate inside running text, found sentence by sentence whatever the line's length.

Sites and wires put their own voice into the article's lines: copyright and privacy notices,
newsletter sign-up blocks, wire contributor lines, live-blog greetings, "turn on JavaScript"
warnings. A wire story opens with a dateline ("LONDON (Reuters) -") and a live blog stamps each
post with its time. The phrases are data, one list per language, so that a language is added as
a list, not as code; a sentence matching any list is furniture, while a dateline or a time stamp
is cut off and its sentence kept.
"""

from __future__ import annotations

import functools
import re
import re._constants
import re._parser

from .tokenize import sentence_spans

SITE_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        r"(?<![Ã\w])©",
        r"^\W*copyright\b",
        r"\bcopyright (?:\(c\) |©\s*)?\d{4}\b",
        r"\ball rights reserved\b",
        r"\bmay not be (?:re)?published, broadcast",
        r"\bmay (?:not )?be reproduced, distributed\b",
        r"\bmay not be (?:reproduced|copied|republished|redistributed) without\b",
        r"(?:^|(?<=[.!?] ))\W*(?:image|media|video|audio) caption\s*,",
        r"(?:^|(?<=[.!?] ))\W*image source\s*,",
        r"(?:^|(?<=[.!?] ))\W*this (?:article|story|report|piece) (?:was|has been) (?:amended|updated|corrected)\b",
        r"\bhave you been affected by\b",
        r"\bdo you have a (?:news )?(?:story|tip)\b[^.!?]{0,40}[?]",
        r"\bgot a (?:news )?(?:story|tip)\b[^.!?]{0,40}[?]",
        r"\bget in touch (?:by|via|with us|at)\b",
        r"\be-?mail us (?:at|on|via)\b",
        r"\b(?:send|share)(?: us)? your (?:questions|views|stories|pictures|photos|tips)\b"
        r"[^.!?]{0,40}\b(?:newsdesk|form|e-?mail)\b",
        r"\b(?:reached|used) your (?:limit|quota|allowance) of free\b",
        r"\bfunded by readers like you\b",
        r"\bcontinues below (?:the |this )?advert(?:isement)?\b",
        r"\bcomments are (?:now )?closed\b",
        r"\b(?:republication|redistribution)\b[^.!?]{0,80}\b(?:expressly )?prohibited without\b",
        r"\bcontributed (?:reporting|to (?:this|the) (?:report|story|article))\b",
        r"\b(?:writers?|reporters?|correspondents?)\b[^.!?]{0,100}\bcontributed(?: from\b|\W*$)",
        r"\bwelcome (?:back )?to\b[^.!?]{0,40}\b(?:live|rolling) (?:coverage|blog|updates|page)\b",
        r"\b(?:our|this) live (?:coverage|blog|updates|page)\b[^.!?]{0,20}\b(?:has|is) (?:now )?(?:ended|over)\b",
        r"\bpausing (?:our|this|the) (?:live|rolling) (?:coverage|blog|updates)\b",
        r"\b(?:we['’]ll|we will|i['’]ll|i will) be bringing you\b",
        r"\bthat['’]s all from (?:us|me)\b",
        r"\bthanks? (?:you )?for (?:following (?:along|our|the live)|joining us)\b",
        r"(?:^|(?<=[.!?] ))\W*stay with us (?:for|as)\b",
        r"\bno longer being updated\b",
        r"\b(?:follow|watch)\b[^.!?]{0,40}\bon our live (?:stream|blog|page)\b",
        r"(?:^|(?<=[.!?] ))\W*refresh (?:for|the page|this page)\b",
        r"\bwe use your sign-?up\b",
        r"\bin ways you['’]ve consented\b",
        r"(?:^|(?<=[.!?] ))\W*invalid e-?mail\b",
        r"\bsomething went wrong,? please try again\b",
        r"\b(?:delivered|straight|direct)(?: to| into) your inbox\b",
        r"\bnewsletters? in your inbox\b",
        r"\badverts from us\b",
        r"^\W*more info\W*$",
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
        r"(?:^|(?<=[.!?] ))\W*privacy (?:notice|policy|statement)\s*:",
        r"\bprivacy policy and terms of (?:service|use) apply\b",
        r"\bwe(?: and our (?:partners|vendors))? (?:use|value) (?:cookies|your privacy)\b",
        r"\bprotected by recaptcha\b",
        r"\bwe will (?:only )?use your (?:e-?mail|data|details|information)\b",
        r"\byou (?:agree|consent) to (?:our|the|receive)\b",
        r"\bif you (?:enjoyed|liked) (?:reading )?this\b",
        r"\bsign up to get\b",
        r"\bconsider supporting (?:our|us)\b",
    ),
    "de": (
        r"\balle rechte vorbehalten\b",
        r"\bdatenschutzerklärung\b",
        r"\bklicken sie (?:auf|hier)\b",
        r"\bnewsletter (?:abonnieren|bestellen|anmelden)\b",
        r"\b(?:unseren|unserem|zum|für den) [\w-]*newsletter\b",
        r"\b(?:eingeloggt|angemeldet|registriert) sein,? um\b",
        r"\blust auf mehr\b",
        r"\bgefällt (?:dir|ihnen) unser\b",
    ),
    "fr": (
        r"\btous droits réservés\b",
        r"\bpolitique de confidentialité\b",
        r"\b(?:inscrivez-vous|abonnez-vous) à (?:notre|la)\b",
    ),
    "es": (
        r"\btodos los derechos reservados\b",
        r"\bpolítica de privacidad\b",
        r"\bsuscríbete a\b",
        r"\bhazte miembro\b",
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
        "rolling",
        "bringing you",
        "all from",
        "thanks for",
        "thank you for",
        "stay with us",
        "no longer being",
        "may be reproduced",
        "caption",
        "image source",
        "amended",
        "updated",
        "corrected",
        "affected by",
        "a story",
        "a tip",
        "a news",
        "get in touch",
        "newsdesk",
        "send your",
        "share your",
        "us your",
        "your limit",
        "your quota",
        "your allowance",
        "readers like you",
        "continues below",
        "comments are",
        "may not be reproduced",
        "prohibited without",
        "adverts",
        "more info",
        "live",
        "refresh",
        "sign-up",
        "signup",
        "consented",
        "invalid",
        "went wrong",
        "inbox",
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
        "if you",
        "supporting",
    ),
    "de": ("rechte", "datenschutz", "klicken", "newsletter", "sein", "lust auf", "gefällt"),
    "fr": ("droits", "confidentialité", "-vous"),
    "es": ("derechos", "privacidad", "suscríbete", "miembro"),
}
"""Words each phrase of its language holds: a text with none of them (found by plain substring
search, far faster than the phrases) is not the site's voice."""

FURNITURE_OPENERS: dict[str, tuple[str, ...]] = {
    "en": (
        r"last (?:modified|updated)\b",
        r"categor(?:y|ies)\s*:",
        r"(?:posted|filed) (?:in|under)\b",
        r"tagged\s*:",
        r"if you (?:enjoyed|liked) (?:reading )?this\b",
        r"sign up to get\b",
        r"you (?:might|may) also (?:like|enjoy)\b",
        r"recommended (?:for you|stories|reading)\b",
        r"(?:more|related|popular|top) (?:stories|articles|posts|coverage)\b",
        r"photo credits?\b",
        r"(?:show )?key events(?: only)?$",
        r"pinned(?: post)?$",
        r"refresh for (?:the )?latest\b",
    ),
    "de": (
        r"lesen sie (?:auch|mehr|hier)\b",
        r"mehr (?:zum thema|zu diesem thema|themen|artikel|dazu|nachrichten)\b",
        r"weitere (?:themen|artikel|nachrichten|beiträge|meldungen|links)\b",
        r"schon gelesen\b",
        r"auch interessant\b",
        r"das könnte sie (?:auch )?interessieren\b",
        r"(?:zum )?weiterlesen\b",
        r"kategorien?\s*:",
        r"schlagw(?:ö|o)rter\b",
        r"stichw(?:ö|o)rter\b",
        r"quelle\s*:",
        r"(?:foto|fotos|bild|bilder)\s*:",
        r"(?:anzeige|werbung)$",
        r"(?:jetzt |artikel )?teilen$",
        r"letzte (?:änderung|aktualisierung)\b",
        r"zuletzt aktualisiert\b",
        r"veröffentlich(?:t am|ung)\b",
        r"lust auf mehr\b",
        r"gefällt (?:dir|ihnen) (?:unser|dieser|der)\b",
        r"(?:ähnliche|verwandte) (?:artikel|beiträge|themen)\b",
        r"(?:nächster|vorheriger) artikel\b",
        r"vorschau auf\b",
        r"zurück zur übersicht\b",
    ),
    "fr": (
        r"(?:à|a) lire (?:aussi|également)\b",
        r"lire (?:aussi|la suite)\b",
        r"voir aussi\b",
        r"sur le même sujet\b",
        r"dans la même rubrique\b",
        r"articles? similaires\b",
        r"cr(?:é|e)dits? photos?\b",
        r"publicité$",
        r"mis à jour le\b",
        r"publié le\b",
        r"mots-cl(?:é|e)s\b",
    ),
    "es": (
        r"lee (?:también|además)\b",
        r"(?:también )?(?:te|le) puede interesar\b",
        r"puede interesarte\b",
        r"mir[ae]\s*:",
        r"ver (?:también|más)\b",
        r"más (?:sobre|noticias)\b",
        r"noticias relacionadas\b",
        r"publicidad$",
        r"etiquetas\s*:",
        r"categorías?\s*:",
        r"suscríbete\b",
        r"hazte miembro\b",
        r"síguenos\b",
        r"última actualización\b",
    ),
}
"""How a short line of site furniture opens, per language (regular expressions, matched at the
line's start without regard to case): pointers to other stories, tags, credits, update notes."""

WIRE_AGENCIES = (
    "AP|Reuters|AFP|UPI|CNN|dpa|DPA|Bloomberg|PA|Xinhua|EFE|ANSA|Kyodo|Yonhap|PTI|IANS|ANI|TASS|AAP|CP|KNA|APA|SDA|"
    "Belga|ANP|NTB|Anadolu|AA|WAFA|IRNA|Bernama|Antara|NAN|Interfax|PRNewswire|GLOBE NEWSWIRE|Business Wire|"
    "BUSINESS WIRE|ACCESSWIRE|[KW][A-Z]{2,3}(?:-TV)?"
)
_FURNITURE = re.compile("|".join(f"(?:{p})" for phrases in FURNITURE_OPENERS.values() for p in phrases), re.IGNORECASE)
_CUES = tuple(cue for cues in SITE_CUES.values() for cue in cues)
_SITE_SOURCES = tuple(p for phrases in SITE_PHRASES.values() for p in phrases)
_PLACE = r"[A-ZÀ-Þ][\w'’.-]*(?:[ ,/]+[A-ZÀ-Þ][\w'’.-]*){0,5}"
# "Dec. 1", "December 1", "1 December", "3 Dic.", "Dec. 3, 2026"
_WIRE_DAY = r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}\.?)(?:,? \d{4})?"
_AGENCY = rf"\((?:{WIRE_AGENCIES})\)"
"""A wire's name in brackets: "(AP)", "(Reuters)", a station's "(KXAN)"."""
_WIRE_DATELINE = re.compile(
    rf"^(?:{_PLACE},?\s+(?:{_WIRE_DAY}\.?,?\s+)?)?(?:{_AGENCY}|/(?:{WIRE_AGENCIES})/)"
    r"(?:\.?\s*(?:[—–-]{1,2}|:)\s*(?=\S)|\.?\s*(?=[A-Z\"“]))"
)
"""A wire dateline: "CITY (AP) —", "LONDON, March 3 (Reuters) -", "(CNN)The", "NEW DELHI (PTI):",
"MOSCOW, December 3. /TASS/.", "CITY, Dec. 3, 2026 /PRNewswire/ --", a station's "(KABC) --" (a
paper's own "CITY —" stays: it is the paper's text, and a capitalized word before a dash is too
often the sentence's subject)."""
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


_LABEL_DATE = (
    r"(?:\d{1,2}\.?\s*[A-Za-zÀ-ÿ]+\.?,?\s+\d{4}|[A-Za-zÀ-ÿ]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,4}[./-]\d{1,2}[./-]\d{2,4})"
    r"(?:,?\s*(?:um\s+|at\s+|à\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:Uhr|h|[ap]\.?m\.?))?)?"
)
_DATED_LABEL = re.compile(
    r"^(?:published|updated|posted|last updated|veröffentlicht(?: am)?|veröffentlichung|aktualisiert(?: am)?|"
    r"publié le|mis à jour le|publicado(?: el)?|actualizado(?: el)?)\s*:?\s*"
    rf"{_LABEL_DATE}\s*[|·•–—-]?\s+(?=\S)",
    re.IGNORECASE,
)
"""A page's publication label and date glued before the text of its line ("Veröffentlichung: 2.
Februar 2022 ...", "Published: March 3, 2026 ..."): cut, the text kept (a line of the label alone
is a dateline)."""


def is_timestamp(line: str) -> bool:
    """A line that is only a time stamp (a live post's or an update's)."""
    return len(line) <= 60 and _TIMESTAMP.match(line) is not None


_NUMERIC_DATE = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?:,?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?"
    r"\s*(?:[-–—|·•,;]\s*)?(?=\S)",
    re.IGNORECASE,
)
"""A date in figures, with its time ("04/21/2022", "03-10-2004 2:20pm -"): a page's metadata line
runs its labels after it ("News date : 04/21/2022 Category : Press Releases")."""


def is_furniture(line: str) -> bool:
    """A short line that points elsewhere, tags, credits or dates the page, in any listed language:
    the furniture opens the line, or follows a date in figures ("... 2:20pm - Last modified: ...")."""
    if _FURNITURE.match(line.lstrip("-–—•*·» ")) is not None:
        return True
    return any(_FURNITURE.match(line, date.end()) for date in _NUMERIC_DATE.finditer(line))


def is_site_sentence(text: str) -> bool:
    """A sentence in the site's or the wire's voice."""
    pattern = _possible(text)
    return pattern is not None and pattern.search(text) is not None


def _possible(text: str) -> re.Pattern[str] | None:
    """One pattern of the phrases that may match in ``text``: those whose fixed words it holds;
    None when it holds no cue or no phrase's words. A part of the text (a sentence of a line) can
    match only these too."""
    folded = text.casefold()
    if not any(map(folded.__contains__, _CUES)):
        return None
    possible = tuple(i for i, words in enumerate(_SITE_WORDS) if words in folded)
    return _site_pattern(possible) if possible else None


def _fixed_words(pattern: str) -> str:
    """The longest run of plain characters every match of ``pattern`` holds, case-folded ("" when
    it has none): a substring test for it rules the pattern out far faster than the pattern."""
    best, run = "", ""
    for op, argument in re._parser.parse(pattern, re.IGNORECASE):
        if op is re._constants.LITERAL:
            run += chr(argument)
        else:
            best, run = max(best, run, key=len), ""
    return max(best, run, key=len).casefold()


_SITE_WORDS = tuple(_fixed_words(p) for p in _SITE_SOURCES)


@functools.lru_cache(maxsize=1024)
def _site_pattern(phrases: tuple[int, ...]) -> re.Pattern[str]:
    return re.compile("|".join(_SITE_SOURCES[i] for i in phrases), re.IGNORECASE)


def _without_inner_datelines(line: str) -> str:
    """The line without a wire dateline that opens a sentence inside it, as a flattened page glues
    an editor's note or a caption before the story: "... before trial. MIAMI, Florida (CNN) -- The
    ninth floor ..."."""
    pieces, kept = [], 0
    for tag in _AGENCY_TAG.finditer(line, 1):
        opening = _SENTENCE_END.search(line, max(kept, tag.start() - _PLACE_CHARS), tag.start())
        if opening is None:
            continue
        place = line[opening.end() : tag.start()].rstrip()
        if not place or _DATELINE_PLACE.fullmatch(place):
            pieces.append(line[kept : opening.end()])
            kept = tag.end()
    return "".join(pieces) + line[kept:] if pieces else line


_AGENCY_TAG = re.compile(rf"{_AGENCY}\s*[—–-]{{1,2}}\s*(?=[A-Z\"“‘'])")
_SENTENCE_END = re.compile(r"[.!?][\"”’')]?\s+(?=[A-Z(]|$)(?!.*[.!?][\"”’')]?\s+(?:[A-Z(]|$))")
"""The last sentence end before a dateline inside a line (none after it)."""
_DATELINE_PLACE = re.compile(rf"{_PLACE}(?:,?\s+{_WIRE_DAY})?")
_PLACE_CHARS = 80
"""How far before the agency's tag its place and the sentence end before it are looked for."""


def clean_line(line: str) -> str:
    """The line without its wire dateline or time stamp and without its site sentences; empty
    when nothing of the article is left."""
    if line[:1].isupper() or line[:1].isdigit() or line[:1] in "(/":
        line = _STAMPED.sub("", _WIRE_DATELINE.sub("", line, count=1), count=1)
        line = _DATED_LABEL.sub("", line, count=1)
    if "(" in line:
        line = _without_inner_datelines(line)
    pattern = _possible(line)
    if pattern is None or pattern.search(line) is None:
        return line
    kept = [line[start:end] for start, end in sentence_spans(line) if pattern.search(line[start:end]) is None]
    return " ".join(kept)
