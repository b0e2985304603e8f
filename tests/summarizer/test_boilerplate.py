# ruff: noqa: E501 (the test articles keep a paragraph a line, as pasted text does)
"""Boilerplate in styles the parser meets in the wild never reaches a summary of 1 to 20 sentences.

Every article here is written for this test (none is a copy of a real page): wire copy, a live
blog, a newsletter sign-up block, long copyright and privacy lines, photo captions glued after a
full stop.
"""

import pytest

from summarizer import parse_article, summarize
from summarizer.boilerplate import clean_line, is_furniture, is_site_sentence, is_timestamp

WIRE = """Storm floods three coastal towns

By Mara Lind, Associated Press

PORTVILLE, Maine (AP) — Heavy rain flooded three coastal towns on Tuesday, forcing hundreds of residents from their homes. The river rose four feet in six hours, the highest level since records began in 1921.

Emergency crews used boats to reach people trapped on upper floors, the fire chief said. No deaths were reported, but two people were treated for hypothermia.

The governor declared a state of emergency for the county and asked for federal help with the clean-up.

Forecasters expect the rain to ease on Wednesday, though a second storm could arrive at the weekend.

Associated Press writers Tom Reyes in Boston and Ann Kole in New York contributed to this report.

Copyright 2026 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without the written permission of the publisher, in any form or medium.
"""

REUTERS = """Chip maker to build plant in the north

LONDON, March 3 (Reuters) - A chip maker said on Monday it would build a factory in northern England, creating 900 jobs over five years. The company will spend 1.2 billion pounds on the site.

The plant will make power chips for electric cars and wind turbines, its chief executive told reporters.

Shares in the company rose 4% in early trading after the announcement, before falling back later in the day.

Reporting by Jo Vance; Editing by Sam Reed
"""

LIVE = """Election night: results as they come in

Welcome to our live coverage of election night, where we will bring you every result as it is declared.

Please turn on JavaScript to see the live results map and the latest seat count.

10:42 BST

The first result of the night has been declared in the north-east, where turnout fell by six points.

10:58 BST

11:05 BST Counting has been halted in two seats after a fire alarm went off at the leisure centre.

2 hours ago

The opposition leader said her party had run its best campaign in a generation and thanked volunteers.

Updated 11:31 BST

The governing party has held its safest seat, but with a much smaller majority than last time.

Polling experts said the swing was larger than any survey had suggested during the campaign.
"""

NEWSLETTER = """Bakery wins national bread prize

A family bakery in a small market town has won the national prize for the best sourdough loaf. The judges praised its crust and its open crumb.

The bakery has been run by the same family for four generations and still uses a wood-fired oven.

Sign up for our free Food & Drink newsletter to get the best recipes and restaurant news in your inbox every Friday. Enter your email address. By signing up you agree to our Terms of Use and acknowledge that you have read our Privacy Notice. You can unsubscribe at any time.

Thank you for signing up! We will only use your email address to send you the newsletter you asked for.

The owner said she would spend the prize money on a second oven and training for two apprentices.

Her son, who now bakes most mornings, said the recipe had not changed since his great-grandfather's day.
"""

CAPTIONS = """Pensioner swims the Channel at 71

A 71-year-old grandmother has become the oldest woman to swim the English Channel, after 17 hours in the water. She set off from Dover at dawn on Saturday. Proud moment: Her grandchildren waved flags on the beach at Calais as she walked out of the sea. She said the cold had been the hardest part. Tough going: The swimmer, pictured left with her coach, battled strong tides for the final three miles. Her coach said she had trained for two years in a lake near her home. Family support: Her daughter and two grandsons followed in a small boat throughout the night. She raised more than £20,000 for a hospice that cared for her husband. Remember: the previous record had stood for eleven years. She plans to rest for a month before deciding on her next challenge.
"""

FURNITURE = (
    "(AP)",
    "(Reuters)",
    "PORTVILLE",
    "LONDON, March",
    "contributed to this report",
    "Copyright",
    "All rights reserved",
    "may not be published",
    "Welcome to our live coverage",
    "JavaScript",
    "BST",
    "hours ago",
    "newsletter",
    "email address",
    "Privacy Notice",
    "unsubscribe",
    "Thank you for signing up",
    "Proud moment",
    "waved flags",
    "Tough going",
    "pictured left",
    "Family support",
    "small boat",
    "Editing by",
)


@pytest.mark.parametrize(
    "raw", [WIRE, REUTERS, LIVE, NEWSLETTER, CAPTIONS], ids=["ap", "reuters", "live", "news", "caps"]
)
def test_no_boilerplate_in_any_summary(raw: str) -> None:
    article = parse_article(raw)
    for length in range(1, 21):
        text = summarize(article, length).text
        assert not [junk for junk in FURNITURE if junk in text], (length, text)


def test_wire_dateline_is_cut_and_its_sentence_kept() -> None:
    ap, reuters = parse_article(WIRE), parse_article(REUTERS)
    assert ap.sentences[0].text.startswith("Heavy rain flooded three coastal towns on Tuesday")
    assert reuters.sentences[0].text.startswith("A chip maker said on Monday")
    assert ap.source == "The Associated Press"


def test_live_posts_keep_their_text_without_stamps() -> None:
    texts = [s.text for s in parse_article(LIVE).sentences]
    assert "Counting has been halted in two seats after a fire alarm went off at the leisure centre." in texts
    assert len(texts) == 5


def test_captions_after_a_full_stop_are_captions() -> None:
    article = parse_article(CAPTIONS)
    captions = [c.text for c in article.captions]
    assert captions[0].startswith("Proud moment: Her grandchildren") and len(captions) == 3
    assert "She said the cold had been the hardest part." in [s.text for s in article.sentences]
    assert "Remember: the previous record had stood for eleven years." in [s.text for s in article.sentences]


@pytest.mark.parametrize(
    "line",
    ["10:42 BST", "2 hours ago", "Updated 11:31 BST", "14.05 GMT 3 March", "9:15am", "March 3, 2026 at 10:15"],
)
def test_time_stamps(line: str) -> None:
    assert is_timestamp(line)


@pytest.mark.parametrize("line", ["10 Downing Street", "At 10:42 the police arrived.", "The 9:15 train was late"])
def test_not_time_stamps(line: str) -> None:
    assert not is_timestamp(line)


@pytest.mark.parametrize(
    "sentence",
    [
        "The band lost a copyright case over the song in 2019.",
        "The company updated its privacy policy after the fine.",
        "Readers of the parish newsletter raised £400 for the roof.",
        "She said she would sign up for the army reserve next year.",
    ],
)
def test_news_about_such_things_is_news(sentence: str) -> None:
    assert not is_site_sentence(sentence) and clean_line(sentence) == sentence


def test_a_line_without_furniture_is_unchanged() -> None:
    line = "WASHINGTONIANS voted on Tuesday. Turnout was high."
    assert clean_line(line) == line


@pytest.mark.parametrize(
    "line",
    [
        "Lesen Sie auch: Neue Radwege",
        "Weitere Themen",
        "À lire aussi",
        "LE PUEDE INTERESAR: Otra nota",
        "- Related stories",
    ],
)
def test_furniture_lines_in_each_language(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Published 12/01/2026 Category: Local news",
        "bridge.html - Created 03-10-2004 2:20pm - Last modified: 03-10-2004 2:20pm",
        "Stand: 02.12.2026 | Kategorien: Stadt",
    ],
)
def test_a_metadata_line_runs_its_labels_after_a_date(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Weitergehende Pläne",
        "Lire le rapport complet",
        "Más de 300 heridos",
        "Related costs",
        "Am 02.12.2026 stimmte der Rat über die Brücke ab",
        "On 12/01/2026 the council voted: bridge closes",
    ],
)
def test_headings_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_german_text_keeps_its_colons_and_loses_its_furniture() -> None:
    raw = """Stadt plant neue Radwege

Die Stadt baut bis zum Sommer zwölf Kilometer Radwege: Der Rat hat am Dienstag die Pläne beschlossen.

Die Arbeiten beginnen im März und kosten vier Millionen Euro, sagte die Bürgermeisterin.

Schon gelesen?

Mehr zum Thema

Melden Sie sich für unseren Newsletter an. Alle Rechte vorbehalten.
"""
    sentences = [s.text for s in parse_article(raw).sentences]
    assert sentences == [
        "Die Stadt baut bis zum Sommer zwölf Kilometer Radwege: Der Rat hat am Dienstag die Pläne beschlossen.",
        "Die Arbeiten beginnen im März und kosten vier Millionen Euro, sagte die Bürgermeisterin.",
    ]
