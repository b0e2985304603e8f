"""Documents: text, Markdown, HTML and PDF become articles; the rest gets a clear reason."""

import pytest

from bot.links.documents import MAX_DOCUMENT_BYTES, DocumentError, document_article, kind_of
from summarizer import ArticleError
from tests.bot.pdfs import scanned_pdf, text_pdf

PARAGRAPHS = [
    "Engineers said on Monday that the harbour bridge would close for repairs next spring, after an "
    "inspection found corroded cables under the main span of the ninety-year-old crossing.",
    "Officials said the work would take several months and cost millions of pounds, and residents "
    "would be kept informed at public meetings every week while the ferries ran extra services.",
    "Critics said the plan came too late, but most people who spoke to reporters welcomed the "
    "decision and said the bridge had felt unsafe for years.",
]
TITLE = "Harbour bridge to close for repairs"
PLAIN = f"{TITLE}\n\n" + "\n\n".join(PARAGRAPHS)


def test_plain_text_with_a_byte_order_mark() -> None:
    article = document_article("story.txt", b"\xef\xbb\xbf" + PLAIN.encode())
    assert article.title == TITLE and "corroded cables" in article.lead


def test_markdown_loses_its_marks_and_gives_its_heading_as_title() -> None:
    markdown = f"# {TITLE}\n\n![photo](bridge.jpg)\n\n**{PARAGRAPHS[0]}**\n\n- {PARAGRAPHS[1]}\n\n"
    markdown += f"> [{PARAGRAPHS[2]}](https://example.com)\n"
    article = document_article("story.md", markdown.encode())
    text = " ".join([article.lead, *article.paragraphs])
    assert article.title == TITLE
    assert "**" not in text and "](" not in text and "photo" not in text and "unsafe for years" in text


def test_html_goes_through_the_link_path() -> None:
    html = f"<html><head><title>{TITLE}</title></head><body><nav>Home News Sport</nav><article>"
    html += f"<h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>"
    article = document_article("page.htm", html.encode())
    assert article.title == TITLE and "Home News Sport" not in " ".join(article.paragraphs)


def test_pdf_text_layer_in_paragraphs_with_its_title() -> None:
    article = document_article("report.pdf", text_pdf(PARAGRAPHS * 2, title=TITLE))
    assert article.title == TITLE
    assert "corroded cables under the main span" in article.lead
    assert any(p.startswith("Critics said") for p in article.paragraphs)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("scan.pdf", scanned_pdf(), "no text I can read"),
        ("locked.pdf", text_pdf(PARAGRAPHS, password="secret"), "password-protected"),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj <<", "not a PDF I can open"),
        ("slides.pptx", b"PK\x03\x04", "I can read a .txt, .md, .html or .pdf file"),
        ("notes.txt", "Überschrift".encode("latin-1") * 30, "not UTF-8"),
        ("huge.txt", b"a" * (MAX_DOCUMENT_BYTES + 1), "too large"),
    ],
)
def test_documents_that_cannot_be_read(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(DocumentError, match=reason):
        document_article(name, data)


def test_binary_data_named_txt_is_not_an_article() -> None:
    with pytest.raises(ArticleError, match="binary"):
        document_article("data.txt", bytes(range(128)) * 10)


def test_the_kind_comes_from_the_name_else_the_mime_type() -> None:
    assert kind_of("Report.PDF", None) == ".pdf"
    assert kind_of(None, "text/markdown; charset=utf-8") == ".md"
    assert kind_of("no-suffix", "application/zip") == ""
