"""Telegram HTML for articles, summaries, facts and digests. Pure: models in, strings out.

Every article or user string goes through :func:`escape`. :func:`split_message` cuts text into
messages Telegram accepts: at most 4096 UTF-16 code units each (Telegram counts UTF-16, so an
emoji counts twice), cut between paragraphs, lines or sentences, each piece valid HTML alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

from telegram.helpers import create_deep_linked_url

from summarizer import LANGUAGES, Article, FactKind, KeyFact, Summary, split_sentences
from summarizer.languages.hooks import names_by_capitals

from .. import i18n, schedule
from ..i18n import N_, _, day, language_name
from ..links import documents, fetch, opml
from ..service import TOO_LONG
from ..store import StoredArticle, filters
from .plural import plural

MESSAGE_LIMIT = 4096
PAGE_CHARS = 3000
INLINE_DESCRIPTION = 200
UNSUPPORTED = N_("this text looks like {language}, which I cannot summarize yet; I summarize: {languages}")
"""``summarizer.languages.UNSUPPORTED``, marked for the catalogs: its language is named in the reader's."""
REASON_TEMPLATES = (
    UNSUPPORTED,
    *fetch.TEMPLATES,
    *documents.TEMPLATES,
    *opml.TEMPLATES,
    *schedule.TEMPLATES,
    *filters.TEMPLATES,
    TOO_LONG,
)

_KIND_LABELS = {
    FactKind.PERSON: N_("👤 People"),
    FactKind.ORGANIZATION: N_("🏢 Organisations"),
    FactKind.PLACE: N_("📍 Places"),
    FactKind.DATE: N_("📅 When"),
}


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def reason(text: str) -> str:
    """Why a link, a feed or a file failed, in the current language (see ``i18n.reason``)."""
    return i18n.reason(text, REASON_TEMPLATES, {"language": i18n.named_language})


def user_text(text: str, limit: int = 80) -> str:
    """A string someone typed or a page holds, shortened to ``limit`` characters and escaped,
    for quoting it in a reply."""
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return escape(short)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class Shown(Protocol):
    """What a summary's message is made of: a stored article, or its card (``store.Card``)."""

    @property
    def article(self) -> Article: ...
    @property
    def facts(self) -> tuple[KeyFact, ...]: ...


def byline(stored: Shown) -> str:
    article = stored.article
    parts = [p for p in (article.source, article.author and _("by {author}").format(author=article.author)) if p]
    if article.published:
        parts.append(day(article.published))
    return " · ".join(parts)


def render_summary(stored: Shown, summary: Summary) -> str:
    lines = [f"<b>{escape(stored.article.title)}</b>"]
    if byline(stored):
        lines.append(f"<i>{escape(byline(stored))}</i>")
    lines.append("")
    lines.extend(f"• {escape(s.text)}" for s in summary.sentences)
    lines.append("")
    if stored.facts:
        lines.append(f"🔎 {facts_line(stored.facts)}")
    lines.append(
        f"<code>{stored.article.id}</code> · "
        + plural(
            summary.total_sentences, "{shown} of {n} sentence", "{shown} of {n} sentences", shown=len(summary.sentences)
        )
    )
    return "\n".join(lines)


def render_facts(stored: StoredArticle) -> str:
    facts = stored.facts
    code = stored.article.language
    with_names = code not in LANGUAGES or names_by_capitals(LANGUAGES[code])
    lines = [_("<b>Key facts</b> · {title}").format(title=escape(stored.article.title)), ""]
    if not facts:
        lines.append(
            _("No names, places, figures or dates stood out in this article.")
            if with_names
            else _("No figures, dates or quotes stood out in this article.")
        )
    for kind, label in _KIND_LABELS.items():
        names = _unique(f.text for f in facts if f.kind is kind)
        if names:
            lines.append(f"{_(label)}: {escape(' · '.join(names))}")  # a name may be a list with commas
    figures = [f for f in facts if f.kind is FactKind.FIGURE]
    if figures:
        lines.append(_("🔢 Figures:"))
        lines.extend(f"  • {_highlight(f)}" for f in figures)
    quotes = [f for f in facts if f.kind is FactKind.QUOTE]
    if quotes:
        lines.append(_("💬 Quotes:"))
        lines.extend(f"  • {escape(q.text)} — {escape(q.context)}" for q in quotes)
    if not with_names:  # German nouns all have capitals; Arabic, Persian, Hindi, Chinese, Japanese none
        lines += ["", _("<i>In this language I find figures, dates and quotes, not names.</i>")]
    lines += ["", f"<code>{stored.article.id}</code> · {escape(language_name(code))}"]
    return "\n".join(lines)


def facts_line(facts: Sequence[KeyFact], count: int = 5) -> str:
    """One short line of the most important facts, for digests."""
    picked = _unique(f.text for f in facts if f.kind is not FactKind.QUOTE)[:count]
    return " · ".join(escape(p) for p in picked)


@dataclass(frozen=True)
class DigestItem:
    """One story in a digest: the article that tells it, its summary, and the other articles
    (other sources) that told the same story."""

    stored: StoredArticle
    summary: Summary
    also: tuple[StoredArticle, ...] = ()

    @property
    def article_ids(self) -> list[str]:
        return [self.stored.article.id, *(a.article.id for a in self.also)]


def deep_link(bot_username: str, action: str, article_id: str) -> str:
    """A t.me link that opens the bot's private chat on an article (``/start s_<id>`` or ``f_<id>``),
    so it works for channel readers and group members alike."""
    return create_deep_linked_url(bot_username, f"{action}_{article_id}")


def linked_title(stored: StoredArticle) -> str:
    """The article's title, linked to its source page when the store knows it."""
    title = escape(stored.article.title)
    url = stored.article.url
    return f'<a href="{html.escape(url, quote=True)}">{title}</a>' if url else title


def source_name(stored: StoredArticle) -> str:
    """What a reader calls the article's source: its outlet, else its site, else its title."""
    if stored.article.source:
        return stored.article.source
    host = urlsplit(stored.article.url or "").hostname or ""
    return host.removeprefix("www.") or stored.article.title[:40]


def render_digest_item(item: DigestItem, bot_username: str) -> str:
    stored = item.stored
    lines = [f"<b>{linked_title(stored)}</b>", escape(item.summary.text)]
    line = facts_line(stored.facts)
    if line:
        lines.append(_("<i>Key facts:</i> {facts}").format(facts=line))
    if item.also:
        lines.append(_("<i>also:</i> {sources}").format(sources=" · ".join(_source_link(other) for other in item.also)))
    summary_url = html.escape(deep_link(bot_username, "s", stored.article.id), quote=True)
    facts_url = html.escape(deep_link(bot_username, "f", stored.article.id), quote=True)
    lines.append(f'<a href="{summary_url}">{_("📝 Summary")}</a> · <a href="{facts_url}">{_("🔎 Key facts")}</a>')
    return "\n".join(lines)


def _source_link(stored: StoredArticle) -> str:
    name = escape(source_name(stored))
    url = stored.article.url
    return f'<a href="{html.escape(url, quote=True)}">{name}</a>' if url else name


AGAIN_NOTE = N_("↻ <i>Posted again: the first try was cut off and may have reached this chat.</i>")
"""Heads a digest message posted a second time because the first try may have landed."""


def render_digest(
    items: Sequence[DigestItem], bot_username: str, in_doubt: Collection[str] = ()
) -> list[tuple[str, list[str]]]:
    """Digest messages, each with the ids of the articles it carries (a story's other sources
    with it); an item is never split across two messages unless it alone is longer than one.
    A message carrying an article ``in_doubt`` (its first try may have landed) is headed by
    AGAIN_NOTE; every message leaves room for it."""
    again = _(AGAIN_NOTE)
    limit = MESSAGE_LIMIT - utf16_len(again) - 2
    header = _("📰 <b>News digest</b> · {count}").format(
        count=plural(len(items), "{n} new article", "{n} new articles")
    )
    messages: list[tuple[str, list[str]]] = []
    current, ids = header, list[str]()
    for item in items:
        block = render_digest_item(item, bot_username)
        candidate = f"{current}\n\n{block}"
        if utf16_len(candidate) <= limit:
            current, ids = candidate, [*ids, *item.article_ids]
            continue
        if ids:
            messages.append((current, ids))
        pieces = split_message(block, limit)
        messages.extend((piece, []) for piece in pieces[:-1])
        current, ids = pieces[-1], item.article_ids
    if ids:
        messages.append((current, ids))
    return [(f"{again}\n\n{text}" if set(ids) & set(in_doubt) else text, ids) for text, ids in messages]


def render_list(items: Sequence[StoredArticle], heading: str) -> str:
    lines = [heading, ""]
    for number, stored in enumerate(items, start=1):
        lines.append(f"{number}. <b>{escape(stored.article.title)}</b>")
        lines.append(f"    /summarize_{stored.article.id} · /facts_{stored.article.id}")
    return "\n".join(lines)


def article_pages(stored: StoredArticle) -> list[str]:
    """The full text in pages of about PAGE_CHARS characters, cut between sentences."""
    pages: list[str] = []
    current = ""
    for paragraph in (stored.article.lead, *stored.article.paragraphs):
        for piece in _pieces(paragraph, PAGE_CHARS):
            joined = f"{current}\n\n{piece}" if current else piece
            if len(joined) > PAGE_CHARS and current:
                pages.append(current)
                joined = piece
            current = joined
    if current:
        pages.append(current)
    return pages or [""]


def render_article_page(stored: StoredArticle, page: int) -> tuple[str, int]:
    pages = article_pages(stored)
    page = max(0, min(page, len(pages) - 1))
    head = f"<b>{escape(stored.article.title)}</b>"
    if byline(stored):
        head += f"\n<i>{escape(byline(stored))}</i>"
    footer = f"<code>{stored.article.id}</code> · " + _("page {page} of {pages}").format(
        page=page + 1, pages=len(pages)
    )
    body = escape(pages[page])
    return (f"{head}\n\n{body}\n\n{footer}" if page == 0 else f"{body}\n\n{footer}"), len(pages)


def inline_description(summary: Summary) -> str:
    text = summary.sentences[0].text if summary.sentences else ""
    return text if len(text) <= INLINE_DESCRIPTION else text[: INLINE_DESCRIPTION - 1] + "…"


def _highlight(fact: KeyFact) -> str:
    context = fact.context or fact.text
    at = context.find(fact.text)
    if at < 0:
        return f"<b>{escape(fact.text)}</b>"
    before, after = context[:at], context[at + len(fact.text) :]
    return f"{escape(before)}<b>{escape(fact.text)}</b>{escape(after)}"


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# -- splitting -------------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)([a-z\-]+)[^>]*>")


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` UTF-16 units, between paragraphs, then
    lines, then sentences, then words; tags open at a cut are closed and reopened."""
    text = text.strip()
    if utf16_len(text) <= limit:
        return [text] if text else []
    if "<" in text:
        limit -= 100  # room to close and reopen the tags a cut leaves open
    pieces: list[str] = []
    current = ""
    for unit in _units(text, limit):
        joined = f"{current}{unit}"
        if utf16_len(joined.strip()) > limit and current.strip():
            pieces.append(current.strip())
            joined = unit
        current = joined
    if current.strip():
        pieces.append(current.strip())
    return _rebalance_tags(pieces)


def _units(text: str, limit: int) -> Iterable[str]:
    """Pieces of ``text`` (separators kept) no longer than ``limit`` each, coarsest first."""
    for paragraph in re.split(r"(?<=\n\n)", text):
        if utf16_len(paragraph) <= limit:
            yield paragraph
            continue
        for line in re.split(r"(?<=\n)", paragraph):
            yield from _pieces(line, limit, keep_space=True)


def _pieces(text: str, limit: int, keep_space: bool = False) -> Iterable[str]:
    if utf16_len(text) <= limit:
        yield text
        return
    sentences = split_sentences(text, max_chars=None) or [text]  # HTML: never cut inside an entity
    for sentence in sentences:
        if utf16_len(sentence) < limit:
            yield sentence + (" " if keep_space else "")
            continue
        word_piece = ""
        for word in re.split(r"(?<= )", sentence):
            while utf16_len(word) >= limit:
                cut = _safe_cut(word, limit // 2)
                yield word[:cut]
                word = word[cut:]
            if utf16_len(word_piece + word) >= limit:
                yield word_piece
                word_piece = ""
            word_piece += word
        if word_piece:
            yield word_piece + (" " if keep_space else "")


def _safe_cut(word: str, at: int) -> int:
    """A cut at or before ``at`` that does not fall inside an HTML tag or entity."""
    opener = max(word.rfind("&", 0, at), word.rfind("<", 0, at))
    if opener > 0 and not any(c in word[opener:at] for c in ";>"):
        return opener
    return at


def _rebalance_tags(pieces: list[str]) -> list[str]:
    out: list[str] = []
    carried: list[str] = []
    for piece in pieces:
        opened = "".join(carried)
        stack = list(carried)
        for match in _TAG.finditer(piece):
            if match.group(1):
                if stack:
                    stack.pop()
            else:
                stack.append(match.group())
        closing = "".join(f"</{_TAG.match(t).group(2)}>" for t in reversed(stack))  # type: ignore[union-attr]
        out.append(f"{opened}{piece}{closing}")
        carried = stack
    return out
