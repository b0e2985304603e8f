"""The link path's headline (summarizer.headline), on self-written pages: the site's name, learned
from the page (og:site_name, the host's name), is cut from the title's ends, and the page's own
title is taken over a heading of the layout that trafilatura took for the headline."""

from __future__ import annotations

import lxml.html
import pytest

import summarizer.extract as extract
from summarizer.extract import extract_article
from summarizer.headline import page_headline, site_names, without_site_name
from tests.summarizer.test_extract_links import BODY

URL = "https://www.harbourpost.example/city/bridge-to-close"
PARAGRAPHS = "".join(f"<p>{text}</p>" for text in BODY[:3])


def page(title: str, head: str = "", headings: str = "<h1>Harbour bridge to close for repairs</h1>") -> str:
    return f"""<html><head><title>{title}</title>{head}</head><body>
<header><nav><a href="/">Home</a> <a href="/city">City</a></nav></header>
<main><article>{headings}<div class="article-body">{PARAGRAPHS}</div></article></main></body></html>"""


def tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(html)


@pytest.mark.parametrize(
    "title",
    [
        "Harbour bridge to close for repairs | The Harbour Post",
        "The Harbour Post - City - Harbour bridge to close for repairs",
        "Harbour bridge to close for repairs | Harbour Post | 02.12.2026",
        "Harbour bridge to close for repairs — harbourpost.example",
    ],
)
def test_the_site_name_learned_from_the_page_is_cut_from_the_headline(title: str) -> None:
    html = page(title, head='<meta property="og:site_name" content="The Harbour Post">', headings="")
    names = site_names(tree(html), None, URL)
    cut = without_site_name(title, names)
    assert cut.endswith("Harbour bridge to close for repairs")
    assert "Post" not in cut and "2026" not in cut
    assert "harbour post" not in cut.casefold()


def test_a_title_with_no_site_name_or_only_a_site_name_is_left_whole() -> None:
    names = site_names(None, "The Harbour Post", URL)
    title = "Bridge to close: what it means for you"
    assert without_site_name(title, names) == title
    assert without_site_name("The Harbour Post", names) == "The Harbour Post"
    # a part that is not the site's name stays, at either end
    assert without_site_name("Sport - Harbour rowers win the cup", names) == "Sport - Harbour rowers win the cup"


def test_a_site_name_as_long_as_a_headline_is_not_taken_for_one() -> None:
    headline = "Harbour bridge to close for repairs from next spring after inspection"
    names = site_names(None, headline, URL)
    assert without_site_name(f"Post - {headline}", names) == f"Post - {headline}"


def test_the_page_title_is_taken_over_a_layout_heading() -> None:
    html = page(
        "Harbour bridge to close for repairs - The Harbour Post",
        headings="<h1>Navigation</h1><h1>Press releases</h1><h1>Harbour bridge to close for repairs</h1>",
    )
    names = site_names(tree(html), "The Harbour Post", URL)
    assert page_headline("Press releases", tree(html), names) == "Harbour bridge to close for repairs"


def test_the_only_h1_stays_the_headline() -> None:
    html = page("Printers, labels, service | The Harbour Post", headings="<h1>Printing solutions from the experts</h1>")
    names = site_names(tree(html), "The Harbour Post", URL)
    headline = "Printing solutions from the experts"
    assert page_headline(headline, tree(html), names) == headline


def test_og_title_with_the_site_name_glued_to_it() -> None:
    head = (
        '<meta property="og:title" content="Harbour bridge to close for repairs | The Harbour Post">'
        '<meta property="og:site_name" content="The Harbour Post">'
    )
    html = page("Harbour bridge to close for repairs | The Harbour Post", head=head)
    names = site_names(tree(html), "The Harbour Post", URL)
    title = "Harbour bridge to close for repairs | The Harbour Post"
    assert page_headline(title, tree(html), names) == "Harbour bridge to close for repairs"


def test_the_link_path_cuts_the_site_name_when_the_switch_is_on(monkeypatch: pytest.MonkeyPatch) -> None:
    head = (
        '<meta property="og:title" content="Harbour bridge to close for repairs | The Harbour Post">'
        '<meta property="og:site_name" content="The Harbour Post">'
    )
    html = page("Harbour bridge to close for repairs | The Harbour Post", head=head)
    monkeypatch.setattr(extract, "HEADLINE_WITHOUT_SITE", False)
    assert extract_article(html, URL).title == "Harbour bridge to close for repairs | The Harbour Post"
    monkeypatch.setattr(extract, "HEADLINE_WITHOUT_SITE", True)
    assert extract_article(html, URL).title == "Harbour bridge to close for repairs"
