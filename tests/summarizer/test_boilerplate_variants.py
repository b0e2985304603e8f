# ruff: noqa: E501 (the test articles keep a paragraph a line, as pasted text does)
"""Boilerplate in many variants of each style never reaches a summary of 1 to 20 sentences.

Every line here is written for this test (none is a copy of a real page or of a data set's
article): the same short story is dressed in wire datelines of several agencies, cities, date
forms and dashes, in copyright, contributor, live-blog, consent and newsletter lines worded in
different ways, and in photo captions glued after a full stop; the story's own sentences must
all stay, the furniture must never show.
"""

import re

import pytest

from summarizer import parse_article, split_sentences, summarize
from summarizer.boilerplate import clean_line

TITLE = "Council approves new bridge over the river"
STORY = [
    "The city council voted on Tuesday to build a new bridge across the river, ending a decade of debate.",
    "The bridge will cost 84 million dollars and carry two lanes of traffic, a cycle path and a tram line.",
    "Work is due to start next spring and should take about three years, the council's planning chief said.",
    "Residents on the east bank have long complained that the only crossing is jammed every morning.",
    "Opponents argued the money would be better spent on repairing roads and schools across the city.",
    "The vote passed by 31 to 17 after a debate that lasted more than six hours.",
    "A public inquiry last year found the old crossing would need major repairs within a decade.",
    "The mayor said the bridge would bring the two halves of the city closer together.",
    "Shop owners near the planned landing hope the tram will bring more customers to the area.",
    "The council will now ask for bids from building firms, with a contract expected by the summer.",
]


def _article(*, dateline: str = "", lines: tuple[str, ...] = (), glued: str = "", after: int = 3) -> str:
    """The story with a dateline before its first sentence, furniture lines after its
    ``after``-th paragraph and ``glued`` text after the first paragraph's last sentence."""
    paragraphs = [" ".join(STORY[0:2]), *STORY[2:]]
    paragraphs[0] = dateline + paragraphs[0] + glued
    body = paragraphs[:after] + list(lines) + paragraphs[after:]
    return TITLE + "\n\n" + "\n\n".join(body) + "\n"


def _summaries(raw: str) -> list[str]:
    article = parse_article(raw)
    return [summarize(article, length).text for length in range(1, 21)]


def _sentences(raw: str) -> list[str]:
    return [s.text for s in parse_article(raw).sentences]


DATELINES = [
    "WASHINGTON (AP) — ",
    "WASHINGTON (AP) -- ",
    "LONDON (Reuters) - ",
    "LONDON, Dec 1 (Reuters) - ",
    "WASHINGTON, Dec. 1 (Reuters) - ",
    "NEW YORK, December 1 (Reuters) – ",
    "PARIS (AFP) – ",
    "Paris (AFP) - ",
    "NAIROBI, Kenya (AP) — ",
    "SAN JUAN, Puerto Rico (AP) — ",
    "BERLIN (dpa) - ",
    "Berlin (dpa) – ",
    "WASHINGTON, Dec. 1 (UPI) -- ",
    "WASHINGTON (UPI) — ",
    "LONDON (PA) - ",
    "SYDNEY, Dec 2 (Reuters) — ",
    "FRANKFURT/BERLIN, Dec 1 (Reuters) - ",
    "ST. LOUIS (AP) — ",
    "WINSTON-SALEM, N.C. (AP) — ",
    "MEXICO CITY (AP) — ",
    "GENEVA, 1 December (AFP) - ",
    "TOKYO, Dec 2 (Reuters) -",
    "Washington (CNN) — ",
    "KYIV, Ukraine (AP) —",
    "(CNN)",
    "(CNN) -- ",
    "(Reuters) - ",
    "NEW DELHI (PTI): ",
    "ANKARA (AA) - ",
    "MOSCOW, December 3. /TASS/. ",
    "MADRID, 3 Dic. (EFE).- ",
    "NEW YORK, Dec. 3, 2026 /PRNewswire/ -- ",
    "LONDON, Dec. 3, 2026 (GLOBE NEWSWIRE) -- ",
    "LOS ANGELES (KABC) -- ",
    "AUSTIN (KXAN) — ",
]


@pytest.mark.parametrize("dateline", DATELINES)
def test_wire_dateline_is_cut_and_its_sentence_kept(dateline: str) -> None:
    raw = _article(dateline=dateline if dateline.endswith(" ") else dateline + " ")
    first = _sentences(raw)[0]
    assert first == STORY[0], first
    tag = re.search(r"[(/][^()/]+[)/]", dateline)
    assert tag is not None
    assert not [s for s in _summaries(raw) if tag.group() in s]


@pytest.mark.parametrize(
    "dateline", ["WASHINGTON (CNN) -- ", "(CNN) -- ", "NAIROBI, Kenya (AP) — ", "LONDON, Dec 1 (Reuters) - "]
)
def test_wire_dateline_after_an_editors_note_in_the_same_line_is_cut(dateline: str) -> None:
    note = "Editor's note: Sam Reed covers city hall for the paper. The old bridge at dawn last week. "
    raw = _article(dateline=note + dateline)
    assert STORY[0] in _sentences(raw)
    assert not [s for s in _summaries(raw) if dateline.strip() in s]


def test_every_dateline_inside_a_long_line_is_cut() -> None:
    line = "He said so. LONDON (AP) -- The vote passed. " * 2000
    cleaned = clean_line(line)
    assert "(AP)" not in cleaned and cleaned.count("The vote passed.") == 2000


@pytest.mark.parametrize(
    "label",
    ["Published: March 3, 2026 ", "Veröffentlichung: 2. Februar 2026 ", "Veröffentlicht am 03.02.2026, 10:15 Uhr "],
)
def test_a_publication_date_glued_before_the_text_is_cut(label: str) -> None:
    raw = _article(dateline=label)
    assert _sentences(raw)[0] == STORY[0]


@pytest.mark.parametrize("dateline", ["WASHINGTON (AP) —", "LONDON (Reuters) -", "PARIS (AFP) –"])
def test_wire_dateline_glued_without_space(dateline: str) -> None:
    raw = _article(dateline=dateline)
    assert _sentences(raw)[0] == STORY[0]


# (furniture, a piece of it no summary may hold)
LINES = [
    (
        "Copyright 2026 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "Associated Press",
    ),
    (
        "Copyright 2026 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.",
        "redistributed",
    ),
    ("© 2026 Cable News Network. All Rights Reserved.", "Cable News"),
    (
        "© Copyright 2026 Thomson Reuters. All rights reserved. Republication or redistribution of this content is expressly prohibited without the prior written consent of the publisher, which will not be unreasonably withheld.",
        "Thomson Reuters",
    ),
    (
        "Copyright © 2026 Agence France-Presse. All rights reserved. No part of this material may be reproduced, distributed or transmitted in any form or by any means without prior written permission.",
        "France-Presse",
    ),
    (
        "Copyright 2026 United Press International, Inc. (UPI). Any reproduction, republication, redistribution and/or modification of any UPI content is expressly prohibited without UPI's prior written consent.",
        "UPI",
    ),
    (
        "(c) 2026 The Daily Courier Group Ltd. Registered in England and Wales, company number 01234567, all rights reserved.",
        "Daily Courier",
    ),
    (
        "Associated Press writers Tom Reyes in Boston and Ann Kole in New York contributed to this report.",
        "contributed",
    ),
    ("Associated Press writer Lena Hart contributed from Chicago.", "Lena Hart"),
    ("AP reporters Ben Ortiz in Madrid and Kim Park in Seoul contributed.", "Ben Ortiz"),
    (
        "Welcome to our live coverage of the council vote, where we will bring you every development as it happens.",
        "live coverage",
    ),
    ("Welcome to the Guardian's live blog of the council meeting.", "live blog"),
    ("Hello and welcome to our live updates on the bridge vote.", "live updates"),
    ("Good morning and welcome to our rolling coverage of the council vote.", "rolling coverage"),
    ("Welcome back to our live coverage of the bridge debate.", "live coverage"),
    ("We'll be bringing you the latest updates throughout the day.", "bringing you the latest"),
    ("That's all from us for today, thanks for following along.", "following along"),
    ("We're pausing our live coverage for now but will be back tomorrow.", "pausing our live"),
    ("Thanks for joining us.", "joining us"),
    ("Pinned post", "Pinned"),
    ("Stay with us for the latest.", "Stay with us"),
    ("You can follow all the action from the chamber on our live stream.", "live stream"),
    ("This live blog is no longer being updated.", "no longer being updated"),
    ("Our live coverage has now ended.", "coverage has now ended"),
    ("Please turn on JavaScript to view the interactive map.", "JavaScript"),
    ("Please enable JavaScript in your browser to see this content.", "JavaScript"),
    ("Updated 14:32 GMT", "14:32"),
    ("Updated at 9.41am BST", "9.41am"),
    ("Last updated: 2 December 2026, 14:32 GMT", "14:32"),
    ("9.41am", "9.41am"),
    ("14:32 BST", "14:32"),
    ("2 min ago", "min ago"),
    ("12 mins ago", "mins ago"),
    ("Key events", "Key events"),
    ("Show key events only", "key events"),
    ("Refresh for latest", "Refresh"),
    ("Refresh the page for the latest updates.", "Refresh"),
    ("Sign up for our morning briefing and get the day's top stories in your inbox.", "morning briefing"),
    ("Sign up to our free Politics newsletter for the best analysis every weekday.", "newsletter"),
    ("Sign up for the First Edition email, our free daily newsletter.", "First Edition"),
    (
        "We use your sign-up to provide content in ways you've consented to and to improve our understanding of you. This may include adverts from us and 3rd parties based on our understanding. You can unsubscribe at any time. More info",
        "sign-up",
    ),
    (
        "We use your sign-up to provide content in ways you’ve consented to and improve our understanding of you.",
        "consented",
    ),
    ("We use cookies to personalise content and ads and to analyse our traffic.", "cookies"),
    (
        "We and our partners use cookies and similar technologies to store and access information on your device.",
        "cookies",
    ),
    ("By clicking Accept, you agree to the storing of cookies on your device to enhance site navigation.", "cookies"),
    ("This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.", "reCAPTCHA"),
    ("Invalid email. Something went wrong, please try again later.", "Invalid email"),
    ("Thanks for subscribing! Look out for your first newsletter in your inbox soon.", "subscribing"),
    ("Our privacy notice explains more about how we use your data and your rights.", "privacy notice"),
    (
        "Privacy Notice: Newsletters may contain information about charities, online ads and content paid for by others.",
        "charities",
    ),
    ("We use reCAPTCHA to guard this form, and the Google Privacy Policy and Terms of Service apply.", "reCAPTCHA"),
    (
        "All content is copyright of the publisher and may not be reproduced without written consent, photos and video included.",
        "written consent",
    ),
    ("Image source, Getty Images", "Image source"),
    ("Image caption, The bridge would link the east and west banks of the river", "Image caption"),
    ("Media caption, The mayor explains the plans", "Media caption"),
    ("This article was amended on 3 December 2026 to correct the cost of the bridge.", "amended"),
    ("This story has been updated with comment from the mayor.", "has been updated"),
    ("Have you been affected by the issues in this story? Email us at news@example.com.", "affected by"),
    ("Do you have a story to tell? Get in touch by emailing tips@example.com.", "story to tell"),
    ("Got a news tip? Contact our team on 0800 123 456.", "news tip"),
    ("Send your questions to our newsdesk using the form below.", "form below"),
    ("You have reached your limit of free articles this month.", "free articles"),
    (
        "Our journalism is funded by readers like you, so please think about giving what you can today.",
        "readers like you",
    ),
    ("Story continues below advertisement", "continues below"),
    ("Comments are closed for this article.", "Comments are closed"),
    ("Get the best of our journalism delivered to your inbox every morning.", "inbox"),
]


@pytest.mark.parametrize("line,marker", LINES, ids=[f"line{i}" for i in range(len(LINES))])
def test_furniture_line_never_in_a_summary(line: str, marker: str) -> None:
    raw = _article(lines=(line,))
    assert not [s for s in _summaries(raw) if marker in s]
    assert set(STORY) <= set(_sentences(raw)) or [s for s in _sentences(raw) if s not in STORY] == []


GLUED = [(line, marker) for line, marker in LINES if line.endswith(".") and not line.startswith("Updated")]
"""Lines that end like a sentence, as furniture glued to a paragraph does (a time stamp or a
"Key events" button stands on a line of its own)."""


@pytest.mark.parametrize("line,marker", GLUED, ids=[f"glued{i}" for i in range(len(GLUED))])
def test_furniture_glued_after_a_paragraph_never_in_a_summary(line: str, marker: str) -> None:
    ending = line if line.endswith((".", "!", "?")) else line + "."
    raw = _article(lines=(STORY[4] + " " + ending,), after=4)
    assert not [s for s in _summaries(raw) if marker in s]


LIVE_POSTS = [
    "9.41am BST",
    "9.41am GMT",
    "14:32 BST",
    "14.32 CET",
    "10:05 EDT",
    "3 min ago",
    "1h ago",
    "45 minutes ago",
    "Tue 2 Dec 2026 14.32 GMT",
    "2 Dec 2026 09.41",
]


@pytest.mark.parametrize("stamp", LIVE_POSTS)
def test_live_blog_stamps_and_chrome(stamp: str) -> None:
    body = [
        "Key events",
        "Show key events only",
        "Please turn on JavaScript in your browser to get the best experience.",
    ]
    for sentence in STORY:
        body += [stamp, sentence]
    raw = TITLE + "\n\n" + "\n\n".join(body) + "\n"
    token = stamp.split()[-1] if "ago" not in stamp else "ago"
    assert not [s for s in _summaries(raw) if token in s or "key events" in s.lower() or "JavaScript" in s]
    assert set(STORY) <= set(_sentences(raw))


@pytest.mark.parametrize("stamp", ["9.41am: ", "14:32 BST: ", "14:32 ", "10.05 GMT – "])
def test_stamp_that_opens_a_post_is_cut(stamp: str) -> None:
    body = [stamp + s for s in STORY]
    raw = TITLE + "\n\n" + "\n\n".join(body) + "\n"
    assert _sentences(raw) == STORY


CAPTIONS = [
    " Photo: Jane Doe/Getty Images",
    " Photograph: Jane Doe/Reuters",
    " Picture: PA Wire",
    " Photo: AP Photo/Evan Vucci",
    " Image: Shutterstock",
    " (Image: Getty)",
    " Credit: Alamy",
    " Pictured: The mayor at the vote on Tuesday",
    " Pictured: the mayor with residents on the east bank",
    " Above: an artist's impression of the finished crossing",
]


@pytest.mark.parametrize("caption", CAPTIONS)
def test_caption_glued_after_a_full_stop(caption: str) -> None:
    raw = _article(glued=caption)
    marker = caption.split(":")[-1].strip(" )")
    assert not [s for s in _summaries(raw) if marker in s]
    assert STORY[1] in _sentences(raw)


@pytest.mark.parametrize("caption", [c for c in CAPTIONS if not c.startswith(" (")])
def test_caption_glued_before_the_next_sentence(caption: str) -> None:
    raw = _article(lines=(STORY[4] + caption + " " + STORY[5],), after=4)
    raw = raw.replace("\n\n" + STORY[4] + "\n\n", "\n\n", 1).replace("\n\n" + STORY[5] + "\n\n", "\n\n", 1)
    marker = caption.split(":")[-1].strip(" )")
    assert not [s for s in _summaries(raw) if marker in s]


SPLITS = [
    ("Tickets cost $3.00. Myer have teamed up with the charity for the day.", 2),
    ("Shares closed at 4.25. Analysts had expected a fall.", 2),
    ("The rate rose to 3.5%. Banks said they would follow.", 2),
    ("He was paid £1.2m. The club declined to comment.", 2),
    ("Army Spc. John Smith was injured in the blast.", 1),
    ("The project was worth Rs. 500 crore, officials said.", 1),
    ("Sales rose in the U.S. The company said Europe was flat.", 2),
    ("Sgt. Maria Lopez said the patrol came under fire.", 1),
    ("Gov. Ann Lee signed the bill on Friday.", 1),
    ("Sen. Tom Hart and Rep. Lisa Moore voted against it.", 1),
    ("Lt. Col. Mark Reed commands the battalion.", 1),
    ("The prime minister spoke outside No. 10 on Monday.", 1),
    ("The letter was signed by J. R. Smith and A. B. Jones.", 1),
    ("Lt. Gen. Paul Ward and Maj. Gen. Ruth Kim met in Kabul.", 1),
    ("Capt. Lee and Cpl. Diaz were both decorated.", 1),
    ("Dr. Emma Stone and Prof. Ian Wu led the study.", 1),
    ("The U.S. Army said St. Louis would host the event.", 1),
    ("Supt. Dave Cole of the Met Police said officers were called at 9pm.", 1),
    ("Rev. Martin Hale led the service, and Msgr. Paul Ames read a prayer.", 1),
    ("Gen. Mark Milley said the review was finished. It will be published next week.", 2),
    ("The bill passed the Senate, said Sen. Ann Lee. It now goes to the House.", 2),
    ("He works for Acme Inc. The company makes brakes.", 2),
]


@pytest.mark.parametrize("text,count", SPLITS)
def test_sentence_splitting(text: str, count: int) -> None:
    assert len(split_sentences(text)) == count, split_sentences(text)
