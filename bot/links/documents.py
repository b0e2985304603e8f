"""A document someone sent -> :class:`Article`: plain text and Markdown, HTML, PDF.

HTML goes through the same trafilatura path as a link; PDF text comes from pypdf's text layer.
Anything else, a PDF that needs a password, and a PDF with no text layer (a scan) are
DocumentError, whose message is meant for the person who sent the file.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import PurePath
from statistics import median

from pypdf import PdfReader
from pypdf.errors import DependencyError, PdfReadError

from summarizer import Article, parse_article
from summarizer.extract import MIN_WORDS, extract_article
from summarizer.tokenize import count_words

from ..i18n import N_

MAX_DOCUMENT_BYTES = 10_000_000
"""The largest document read (Telegram lets bots download files up to 20 MB)."""
MAX_PDF_PAGES = 100
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
KINDS = N_("a .txt, .md, .html or .pdf file")
_BY_TYPE = {"text/plain": ".txt", "text/markdown": ".md", "text/html": ".html", "application/pdf": ".pdf"}

logging.getLogger("pypdf").setLevel(logging.ERROR)  # broken files warn on every page; the reply says enough


class DocumentError(ValueError):
    """A document that cannot be read as an article; the message says why, for the sender."""


TOO_LARGE = N_("that file is too large (over {size} MB)")
OTHER_KIND = N_("I can read {kinds}, not this kind of file")
TEMPLATES = (TOO_LARGE, OTHER_KIND)
"""The reasons with values in them, said in the reader's language by ``i18n.reason``."""


def document_article(name: str | None, data: bytes, mime_type: str | None = None) -> Article:
    """The article in a document, or DocumentError (or ArticleError) saying why there is none."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DocumentError(TOO_LARGE.format(size=MAX_DOCUMENT_BYTES // 1_000_000))
    suffix = kind_of(name, mime_type)
    if suffix in TEXT_SUFFIXES:
        text = _decoded(data)
        return _markdown_article(text) if suffix in (".md", ".markdown") else parse_article(text)
    if suffix in HTML_SUFFIXES:
        return extract_article(data)
    if suffix == ".pdf":
        return _pdf_article(data)
    raise DocumentError(OTHER_KIND.format(kinds=KINDS))


def readable(name: str | None, mime_type: str | None) -> bool:
    """Whether a file's name or MIME type is of a kind this module reads."""
    return kind_of(name, mime_type) in (*TEXT_SUFFIXES, *HTML_SUFFIXES, ".pdf")


def kind_of(name: str | None, mime_type: str | None) -> str:
    """The file's kind as a suffix: from its name, else from its MIME type ('' if neither says)."""
    suffix = PurePath(name or "").suffix.lower()
    return suffix or _BY_TYPE.get((mime_type or "").split(";")[0].strip().lower(), "")


def _decoded(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError(N_("that file is not UTF-8 text")) from None


_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_MARKS = re.compile(r"^\s{0,3}(?:>\s?|[-*+]\s+|\d+[.)]\s+)")


def _markdown_article(text: str) -> Article:
    """Markdown's marks taken off; its first heading is the title."""
    title, lines = None, []
    for line in text.splitlines():
        if line.strip().startswith("```") or re.fullmatch(r"\s*([-*_])(\s*\1){2,}\s*", line):
            continue
        heading = _MD_HEADING.match(line)
        line = heading.group(1) if heading else _MD_MARKS.sub("", line)
        line = _MD_EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line)))
        if heading and title is None:
            title = line
            continue
        lines.append(line)
    return parse_article("\n".join(lines), title=title)


def _pdf_article(data: bytes) -> Article:
    reader = _opened(data)
    try:
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES]]
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # pypdf: "broken PDF files might cause other exceptions" than its own
        raise DocumentError(N_("that PDF is damaged: I couldn't read its pages")) from None
    text = "\n\n".join(_paragraphs(page) for page in pages)
    if count_words(text) < MIN_WORDS:
        raise DocumentError(N_("that PDF has no text I can read (a scan? I can't read text in images)"))
    return parse_article(text, title=title.strip() if isinstance(title, str) and title.strip() else None)


def _opened(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
    except (PdfReadError, ValueError, KeyError, TypeError):
        raise DocumentError(N_("that file is not a PDF I can open (damaged?)")) from None
    if reader.is_encrypted:
        try:
            opened = bool(reader.decrypt(""))  # many PDFs are locked only against editing, not reading
        except (DependencyError, NotImplementedError, PdfReadError):
            opened = False
        if not opened:
            raise DocumentError(N_("that PDF is password-protected: send one that opens without a password"))
    return reader


_SENTENCE_END = (".", "!", "?", "…", '"', "”", "’", ":")


def _paragraphs(page: str) -> str:
    """A page's lines as paragraphs: a short line ending a sentence ends its paragraph, a hyphen
    at a line's end joins the word, any other line break is a space."""
    lines = [" ".join(line.split()) for line in page.splitlines()]
    widths = [len(line) for line in lines if line]
    if not widths:
        return ""
    full = 0.8 * median(widths)
    text = ""
    for line in lines:
        if not line:
            text += "\n\n"
        elif text.endswith("-") and text[-2:-1].isalpha():
            text = text[:-1] + line
        else:
            text += (" " if text and not text.endswith("\n") else "") + line
        if line and line.endswith(_SENTENCE_END) and len(line) < full:
            text += "\n\n"
    return re.sub(r"\n{3,}", "\n\n", text).strip()
