"""Word lists of the key-fact rules, beside the shared ones in :mod:`summarizer.lexicon`."""

from __future__ import annotations

from .. import lexicon as lx

_CONNECTORS = frozenset(
    [
        "of",
        "the",
        "de",
        "del",
        "della",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "al",
        "el",
        "bin",
        "ibn",
        "upon",  # "Newcastle upon Tyne", "Kingston upon Thames"
    ]
)


_PLACE_NOUNS = frozenset(
    [
        "town",
        "city",
        "village",
        "region",
        "province",
        "capital",
        "state",
        "country",
        "island",
        "district",
        "suburb",
        "area",
    ]
)


_COMPASS = frozenset(
    [
        "eastern",
        "western",
        "northern",
        "southern",
        "north",
        "south",
        "east",
        "west",
        "central",
        "upper",
        "lower",
        "greater",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
    ]
)


_FUNCTION_WORDS = (
    "(?:of|the|a|an|and|or|but|to|in|on|at|for|by|with|from|as|is|was|were|are|has|had|have|be|"
    "been|who|which|that|through|into|after|before|over|under|per|than|more|less|each|this|these|"
    "those|their|his|her|its|our|will|would|could|can|may|might|should|must|did|do|does|so|if|then|now|"
    "also|still|just|again|together|ago|rather|too|very|only|even|instead|alone|today|yesterday|tonight|last|next|every|"
    "earlier|later|when|while|where|between|among|during|since|until|because|although|though)"
)
_FUNCTION_WORD_SET = frozenset(_FUNCTION_WORDS[3:-1].split("|"))


_COUNT_WORD_SET = lx.NUMBER_WORDS - {"one", "half", "quarter", "third"}


_COUNT_WORDS = sorted(_COUNT_WORD_SET, key=len, reverse=True)


# Units a measured figure carries ("12ft", "9km", "24lbs", "12.5st"); "m" is read as million.
_MEASURES = "ft|feet|km|cm|mm|kg|lbs?|st|mph|mi|oz|yds?|ml|sq\\ ?ft|sq\\ ?m|mg|kph"


# Words between a count and what it counts ("two previous quarters", "five hit singles").
_QUALIFIERS = (
    "(?:previous|consecutive|successive|straight|further|more|other|new|former|separate|different|"
    "extra|additional|little|small|big|major|top|hit|young|old|key|senior|junior)"
)


_AREAS = lx.COUNTRIES | lx.REGIONS
"""Countries, regions and states: a story's backdrop, or the area a town is in."""


_PLACE_NAMES = _AREAS | lx.CITIES


_NOT_A_SURNAME = lx.ORG_WORDS | lx.PLACE_WORDS | lx.EVENT_WORDS | _COMPASS


_SOURCE_VERBS = frozenset(["told", "telling", "tells"])


_SOURCE_FRAMES = frozenset(
    f"{verb} {preposition}"
    for verb, prepositions in {
        "according": "to",
        "speaking": "to",
        "spoke": "to",
        "interview": "with",
        "statement": "to",
        "reported": "by in",
        "reports": "in",
        "quoted": "by in",
        "published": "by in",
        "wrote": "in",
        "writing": "in",
    }.items()
    for preposition in prepositions.split()
)


_NO_NAME_ALONE = lx.NON_NAMES | lx.TITLES
"""Words that, alone, leave nothing of a name once a name's leading words are taken off."""


_KNOWN_NAMES = lx.COUNTRIES | lx.CITIES | lx.ORG_WORDS | lx.GIVEN_NAMES | lx.REGIONS
"""Single words that are names even where the article also writes them in lower case."""


_PLACES_AND_GIVEN_NAMES = lx.CITIES | lx.COUNTRIES | lx.GIVEN_NAMES


_INSTITUTION_WORDS = lx.ORG_WORDS | lx.PLACE_WORDS


_BODIES_FOR = lx.word_set(
    """academy|agency|alliance|association|authority|board|bureau|campaign|center|centre|coalition|commission|
    committee|council|department|federation|foundation|fund|institute|ministry|movement|network|office|
    organisation|organization|school|society|trust"""
)
"""Bodies named for what they are for ("Office for National Statistics", "European Organization
for Nuclear Research"): "for" after one goes on with the name. Not "League" nor "Union": "the
Premier League for Arsenal" is two names.
"""


_RANKS = frozenset(
    ["spc", "pfc", "pvt", "pte", "cpl", "sgt", "ssgt", "lt", "col", "maj", "capt", "gen", "adm", "cmdr", "cdr", "brig"]
)
"""Military ranks as news abbreviates them before a name ("Army Spc. Bowe Bergdahl")."""
_NOT_LAST = (
    frozenset(["of", "the", "for", "on", "de", "al", "el", "mp", "mep", "msp", "gov", "sen", "rep"])
    | lx.WEEKDAYS
    | {f"{day}s" for day in lx.WEEKDAYS}
    | _RANKS
)
"""Words that end no name: a connector, a title or rank after it ("Tom McCabe MSP", "Army Spc"),
a day glued on by a lost full stop ("at Augusta Friday", "Channel 5 Wednesdays")."""
_ADJECTIVE_ENDINGS = frozenset(
    ["style", "led", "born", "run", "made", "era", "type", "like", "bound", "wide", "free", "bred", "owned", "based"]
)
"""Words after a hyphen that make a name an adjective ("Labour-led", "Chelsea-bound")."""

_MEASURE_LETTERS = lx.word_set(
    """gdp|gnp|cpi|gmt|bst|est|ceo|cfo|coo|mw|kw|gw|kwh|mph|kph|dvd|dvds|cd|cds|pc|pcs|tv|hiv|sms|mms|
    gprs|vat|ipo|ipos|dna|am|pm|ok|faq|url|et|pt|ct|pst|pdt|edt|cst|cdt|utc"""
)
"""Capital letters that stand for a measure, a format or a job, not a body: "GDP", "MW", "CEO"."""

_SKY = lx.word_set("Earth|Mars|Venus|Mercury|Jupiter|Saturn|Uranus|Neptune|Pluto|Moon|Milky Way|Andromeda")
"""Planets and galaxies: places, whatever their last word."""


_HOLIDAYS = lx.word_set(
    """New Year|New Year's Day|New Year's Eve|Christmas|Christmas Day|Christmas Eve|Boxing Day|
    Easter|Easter Sunday|Easter Monday|Good Friday|Whitsun|Halloween|Bonfire Night|Thanksgiving|
    Labor Day|Labour Day|Memorial Day|Veterans Day|Presidents' Day|Valentine's Day|
    St Patrick's Day|Mother's Day|Father's Day|Remembrance Sunday|Armistice Day|May Day|
    Ramadan|Eid|Eid al-Fitr|Eid al-Adha|Diwali|Hanukkah|Passover|Yom Kippur|Rosh Hashanah|
    Chinese New Year|Lunar New Year|Hogmanay"""
)
"""Days and seasons of the calendar that are named like names: "in the New Year" is when, no body."""


_PEOPLE_NOUNS = lx.word_set(
    "Turk|Kurd|Serb|Croat|Bosniak|Slovak|Slovene|Pole|Jew|Sikh|Maori|Pashtun|Tamil|Uzbek|Kazakh"
)
"""Peoples named by a noun of their own, not the demonym's adjective: "the Turks", "Kurds"."""


_ABSTRACT_ENDINGS = ("ism", "isms", "phobia", "phobias")
"""Endings of abstract nouns: one word ending so ("Islamophobia", "Thatcherism") names no one."""


_TITLE_WORDS = lx.word_set(
    "it|its|it's|me|my|you|your|you're|we|we're|us|they|them|their|him|his|her|i'm|i've|i'll"
    "|what|what'd|who|this|these|those|is|are|was|were|be|been|am|ain't|don't|can't|won't|didn't|does|did"
    "|or|nor|but|if|like|than|not|a|an|the"
)
"""Words that join no name but do join the title of a work: pronouns, verbs of being and doing,
conjunctions and articles, capitalized inside a run ("Love It Or Hate It", "Who Put The Marmite
In The Fridge"). Not the words that are also names or their parts: the surnames He and So
("Vice Premier He Lifeng"), "Our Lady", a roman "I" ("World War I Museum"); "An" is an article
only before a vowel (:func:`.runs._title_run`)."""
_TITLE_PREPOSITIONS = lx.word_set("with|without|in|on|at|for|from|into|to")
"""Words that join a quoted title ("Make Way for Ducklings", "Married With Children"), and the
names of bodies too, capitalized or not ("Reporters Without Borders", "Transport For London")."""
