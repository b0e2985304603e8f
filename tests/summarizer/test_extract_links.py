"""The link path's rules over trafilatura (summarizer.lead), on self-written pages: the lead it
leaves out is put back, related-story links, headline repeats are dropped, tables are kept."""

from __future__ import annotations

import pytest

import summarizer.extract as extract
from summarizer.extract import extract_article
from summarizer.lead import (
    shown_lead,
    with_lead,
    without_credited_captions,
    without_link_headings,
    without_repeated_boxes,
    without_title_repeats,
)

URL = "https://news.example.org/city/bridge"
BODY = [
    "The council voted on Tuesday to close the old harbour bridge for repairs from next spring, after"
    " inspectors found corrosion in the main cables.",
    "Work is expected to take eight months and cost about 40 million euros, the city's transport"
    " department said in a statement.",
    "Residents of the eastern districts will have to use the ferry or the ring road while the bridge"
    " is closed, adding up to twenty minutes to a trip.",
    "Opposition councillors said the repairs came too late, but most residents who spoke to reporters"
    " welcomed the decision.",
    "The department will hold weekly meetings to tell residents how the work is going and when lanes will reopen.",
]
LEAD = (
    "The city will close its harbour bridge for eight months so that engineers can replace the"
    " corroded cables that hold it up."
)


def page(before: str = "", middle: str = "", description: str = LEAD) -> str:
    first = "".join(f"<p>{p}</p>" for p in BODY[:2])
    rest = "".join(f"<p>{p}</p>" for p in BODY[2:])
    return f"""<html><head><title>Harbour bridge to close for repairs | Example Times</title>
<meta name="description" content="{description}"><link rel="canonical" href="{URL}"></head><body>
<header><nav><a href="/">Home</a> <a href="/city">City</a></nav></header>
<main><article><h1>Harbour bridge to close for repairs</h1>{before}
<div class="article-body">{first}{middle}{rest}</div></article></main>
<footer><p>Example Times, 1 Main Street</p></footer></body></html>"""


TEASER = f'<div class="teaser"><p>{LEAD}</p></div>'


@pytest.fixture
def switches(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def turn(on: bool) -> None:
        for name in ("PUT_BACK_LEAD", "DROP_LINK_HEADINGS", "DROP_TITLE_REPEATS"):
            monkeypatch.setattr(extract, name, on)

    return turn


def test_the_lead_trafilatura_leaves_out_is_put_back_first(switches) -> None:  # type: ignore[no-untyped-def]
    switches(False)
    assert LEAD not in extract_article(page(before=TEASER), URL).text  # why the rule is there
    switches(True)
    article = extract_article(page(before=TEASER), URL)
    assert article.lead == LEAD
    assert article.text.count("harbour bridge for eight months") == 1


def test_a_description_the_page_does_not_show_is_not_a_lead(switches) -> None:  # type: ignore[no-untyped-def]
    switches(True)
    article = extract_article(page(), URL)
    assert LEAD not in article.text
    assert article.lead == BODY[0]


def test_a_lead_the_body_has_is_not_repeated() -> None:
    body = f"{LEAD}\n\n{BODY[0]}"
    assert with_lead(body, LEAD) == body
    assert with_lead(BODY[0], None) == BODY[0]


def test_a_truncated_description_finds_the_whole_shown_lead() -> None:
    import lxml.html

    html = page(before=TEASER, description=LEAD[:70] + " …")
    assert shown_lead(lxml.html.fromstring(html)) == LEAD
    assert shown_lead(lxml.html.fromstring(page(before=TEASER, description="Bridge news, daily."))) is None


RELATED = '<p><a href="/city/ferry-fares">Ferry fares to rise in the new year</a></p>'
CITED = '<h3><a href="https://transport.example.com/report">Cable inspection report</a></h3>'
ANCHOR = '<h2><a href="#cost">What the repairs cost</a></h2>'
REPEAT = "<p>Harbour bridge to close for repairs | City | 2 December 2026</p>"


@pytest.mark.parametrize("url", [URL, "http://127.0.0.1:8000/saved.html"])  # the site from the canonical link
def test_related_story_links_and_headline_repeats_are_dropped(switches, url: str) -> None:  # type: ignore[no-untyped-def]
    html = page(middle=RELATED + CITED + ANCHOR + REPEAT)
    switches(False)
    before = extract_article(html, url).text
    assert "Ferry fares to rise" in before and "| City |" in before  # trafilatura keeps both
    switches(True)
    text = extract_article(html, url).text
    assert "Ferry fares to rise" not in text
    assert "| City |" not in text
    assert "Cable inspection report" in text  # a link to another site: the article cites it
    assert "What the repairs cost" in text  # an anchor on the page: a heading of the article
    assert all(p in text for p in BODY)


def test_a_sentence_that_is_a_link_stays() -> None:
    import lxml.html

    line = "Read how the bridge was built in 1931."
    tree = lxml.html.fromstring(f'<html><body><p><a href="/history">{line}</a></p></body></html>')
    assert without_link_headings(f"{BODY[0]}\n\n{line}", tree, URL) == f"{BODY[0]}\n\n{line}"
    assert without_link_headings(f"{BODY[0]}\n\nRead how", tree, URL) == f"{BODY[0]}\n\nRead how"


def test_headline_repeats_are_known_by_the_headline_part() -> None:
    title = "Harbour bridge to close for repairs - Example Times"
    body = "\n\n".join(["Example Times | Harbour bridge to close for repairs", BODY[0], "Harbour bridge history"])
    assert without_title_repeats(body, title) == f"{BODY[0]}\n\nHarbour bridge history"
    assert without_title_repeats(body, None) == body


TABLE = """<p>The transport department published the cost of each part of the work:</p>
<table><tr><th>Part of the work</th><th>Cost</th></tr>
<tr><td>Main cables replaced</td><td>26 million euros</td></tr>
<tr><td>Deck resurfaced</td><td>9 million euros</td></tr></table>"""


def test_a_table_in_the_article_is_kept() -> None:
    text = extract_article(page(middle=TABLE), URL).text
    assert "Main cables replaced" in text and "26 million euros" in text
    assert "Deck resurfaced" in text


TEMPLATE = (
    "<template><p>There are no step-by-step photos for this yet. Add the first ones now, {{name}}!</p>"
    "<p>{{#id}} Profile {{/id}}</p></template>"
)


def test_a_template_the_browser_never_shows_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "NOT_SHOWN", None)
    assert "step-by-step photos" in extract_article(page(middle=TEMPLATE), URL).text  # trafilatura reads it
    monkeypatch.undo()
    text = extract_article(page(middle=TEMPLATE), URL).text
    assert "step-by-step photos" not in text and "{{" not in text
    assert all(p in text for p in BODY)


CREDITED = "<p>The bridge seen from the eastern shore.</p><p>© Harbour Photo Agency</p>"


def test_a_caption_above_its_credit_line_is_not_article_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "DROP_CREDITED_CAPTIONS", False)
    assert "seen from the eastern shore" in extract_article(page(middle=CREDITED), URL).text
    monkeypatch.undo()
    text = extract_article(page(middle=CREDITED), URL).text
    assert "seen from the eastern shore" not in text and "Harbour Photo Agency" not in text
    assert all(p in text for p in BODY)


def test_a_sentence_above_a_source_line_is_kept_when_long() -> None:
    long = " ".join(BODY[1].split()[:14]) + "."
    assert without_credited_captions(f"{BODY[0]}\n\n{long}\n\nSource: city council") == (
        f"{BODY[0]}\n\n{long}\n\nSource: city council"
    )
    assert without_credited_captions("A short caption.\n\nFoto: Agentur") == "Foto: Agentur"


def test_the_site_is_known_from_a_shortlink_too() -> None:
    import lxml.html

    tree = lxml.html.fromstring(
        '<html><head><link rel="canonical" href="https://first-publisher.example.com/story">'
        '<link rel="shortlink" href="https://news.example.org/?p=3050"></head><body>'
        '<p><a href="https://news.example.org/city/ferry-fares">Ferry fares to rise in the new year</a></p>'
        "</body></html>"
    )
    body = f"{BODY[0]}\n\nFerry fares to rise in the new year"
    assert without_link_headings(body, tree, "http://127.0.0.1:8000/saved.html") == BODY[0]


INFO = (
    "The harbour bridge was opened in 1931 and carries about 30,000 cars a day between the old town"
    " and the eastern districts. It is owned by the city and was last repaired in 1998, when its deck was"
    " replaced."
)
BOX = f'<div class="panel"><h2>The harbour bridge</h2><div class="body"><p>{INFO}</p></div></div>'


def test_a_box_the_page_shows_twice_is_dropped() -> None:
    import lxml.html

    article = "".join(f"<p>{p}</p>" for p in BODY)
    html = f"<html><body><div>{BOX}<div>{article}</div></div><div class='narrow'>{BOX}</div></body></html>"
    body = "\n\n".join(["The harbour bridge", INFO, *BODY])
    assert without_repeated_boxes(body, lxml.html.fromstring(html)) == "\n\n".join(BODY)
    assert without_repeated_boxes(body, None) == body


def test_a_box_shown_once_or_an_article_shown_twice_stays() -> None:
    import lxml.html

    once = lxml.html.fromstring(f"<html><body>{BOX}<div><p>{BODY[0]}</p></div></body></html>")
    body = f"{INFO}\n\n{BODY[0]}"
    assert without_repeated_boxes(body, once) == body
    article = "".join(f"<p>{p}</p>" for p in BODY)
    twice = lxml.html.fromstring(f"<html><body><div>{article}</div><section>{article}</section></body></html>")
    body = "\n\n".join(BODY)
    assert without_repeated_boxes(body, twice) == body  # the whole article, not a box


def test_a_related_story_card_as_long_as_a_headline_is_dropped() -> None:
    import lxml.html

    card = (
        "City engineers finally finish the survey of every cable on the harbour bridge after three long"
        " winters of climbing, counting and measuring each strand"
    )
    tree = lxml.html.fromstring(f'<html><body><a href="/city/survey"><img src="a.jpg"><p>{card}</p></a></body></html>')
    body = f"{BODY[0]}\n\n{card}"
    assert without_link_headings(body, tree, URL) == body  # longer than a heading
    assert without_link_headings(body, tree, URL, extract.LINK_HEADING_WORDS) == BODY[0]
    sentence = card + "."  # a sentence that is a link stays, whatever its length
    linked = lxml.html.fromstring(f'<html><body><p><a href="/city/survey">{sentence}</a></p></body></html>')
    assert without_link_headings(f"{BODY[0]}\n\n{sentence}", linked, URL, 30) == f"{BODY[0]}\n\n{sentence}"
