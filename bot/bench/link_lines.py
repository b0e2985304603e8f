"""A rival to trafilatura's choice of lines, for the link benchmark: a small logistic model
over general features of each candidate line (its length, how it ends, where it stands, whether
trafilatura's default and precise passes keep it, whether it is a link's text, a list item or a
table row, whether it reads as the site's voice). Candidates are trafilatura's lines and the
page's blocks it left out, put where they stand. ``python -m bot.bench.evaluate_links`` fits it fold
by fold and scores it on the held-out pages against trafilatura's own lines; it is not in the
link path, as it does not beat them there.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
import numpy as np
import trafilatura

from summarizer import ArticleError
from summarizer.boilerplate import is_site_sentence
from summarizer.extract import MIN_WORDS, extract_article

_BASE = (
    "bias",
    "log_words",
    "terminal",
    "colon",
    "question",
    "share_after",
    "after_last_long",
    "precise",
    "capitalized",
    "digits",
    "site_voice",
    "list_item",
    "table_row",
    "link_text",
    "neighbours_words",
    "left_out",
    "left_out_inside",
)
FEATURES = _BASE + tuple(f"{name} if left out" for name in _BASE[1:15])
"""Each general feature twice: once for every line, once more for lines trafilatura left out,
so that the model weighs a line it would add apart from a line it would drop."""
_LONG_LINE_WORDS = 20
_TERMINAL = (".", "!", "?", '"', "”", "“", "»", "«", ")", "…", "'")
_NAVIGATION = re.compile(r"[|»›>•·]|\s[/–-]\s")


@dataclass(frozen=True)
class Page:
    """A page's candidate lines: trafilatura's (``default``) and the page's blocks it left out
    (``inside`` those between two of its lines), the lines its precise pass keeps, its links'
    texts (see :func:`link_key`); a page too short for lines has the link path's ``text``."""

    lines: tuple[str, ...]
    default: frozenset[str]
    inside: frozenset[str]
    precise: frozenset[str]
    links: frozenset[str]
    title: str
    text: str


def read_page(html: bytes, url: str | None) -> Page:
    """The page's candidate lines, or, for a page with too little text, the link path's article."""
    found = _lines(html, url, favor_precision=False)
    tree = _tree(html)
    if sum(len(line.split()) for line in found) < MIN_WORDS or tree is None:
        try:
            article = extract_article(html, url)
            text = f"{article.title}\n{article.text}"
        except ArticleError:
            text = ""
        return Page((), frozenset(), frozenset(), frozenset(), frozenset(), "", text)
    lines, inside = merge_blocks(found, _blocks(tree))
    metadata = trafilatura.extract_metadata(html)
    return Page(
        tuple(lines),
        frozenset(found),
        frozenset(inside),
        frozenset(_lines(html, url, favor_precision=True)),
        _link_texts(tree),
        (metadata.title if metadata is not None else None) or "",
        "",
    )


def _lines(html: bytes, url: str | None, favor_precision: bool) -> list[str]:
    text = trafilatura.extract(
        html, url=url, include_comments=False, include_tables=True, favor_precision=favor_precision
    )
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@dataclass(frozen=True)
class LineModel:
    """Weights per feature, and the probability of being article text a kept line needs."""

    weights: tuple[float, ...]
    threshold: float

    def select(self, lines: list[str], table: np.ndarray) -> list[str]:
        """The lines whose rows of ``features`` the model takes for article text."""
        scores = table @ np.array(self.weights)
        cut = math.log(self.threshold / (1 - self.threshold))
        return [line for line, score in zip(lines, scores, strict=True) if score >= cut]


def features(page: Page) -> np.ndarray:
    """One row of features per line of the page."""
    lines = list(page.lines)
    words = [len(line.split()) for line in lines]
    total = max(1, sum(words))
    after = np.cumsum(words[::-1])[::-1] - np.array(words)
    last_long = max((i for i, n in enumerate(words) if n >= _LONG_LINE_WORDS), default=-1)
    rows = [_line_features(line, n, page) for line, n in zip(lines, words, strict=True)]
    table = np.zeros((len(lines), len(FEATURES)))
    table[:, : len(_BASE)] = rows
    table[:, FEATURES.index("share_after")] = after / total
    table[:, FEATURES.index("after_last_long")] = np.arange(len(lines)) > last_long
    logs = np.pad(table[:, FEATURES.index("log_words")], 2, mode="constant")
    table[:, FEATURES.index("neighbours_words")] = (logs[:-4] + logs[1:-3] + logs[3:-1] + logs[4:]) / 4
    table[:, len(_BASE) :] = table[:, 1:15] * table[:, [FEATURES.index("left_out")]]
    return table


def link_key(text: str) -> str:
    """A line or a link's text as the two are compared: list marks, spaces and end marks away."""
    return " ".join(text.removeprefix("- ").split()).strip(" .:;,!?|»›").casefold()


def _line_features(line: str, words: int, page: Page) -> list[float]:
    tokens = line.split()
    letters = [t for t in tokens if t[:1].isalpha()]
    return [
        1.0,
        math.log1p(words),
        float(line.endswith(_TERMINAL)),
        float(line.endswith(":")),
        float(line.endswith("?")),
        0.0,
        0.0,
        float(line in page.precise),
        sum(t[0].isupper() for t in letters) / max(1, len(letters)),
        sum(c.isdigit() for c in line) / max(1, len(line)),
        float(is_site_sentence(line) or (words <= 12 and _NAVIGATION.search(line) is not None)),
        float(line.startswith(("- ", "• ", "* "))),
        float(" | " in line or line.startswith("| ")),
        float(link_key(line) in page.links),
        0.0,
        float(line not in page.default),
        float(line in page.inside),
    ]


def fit(rows: np.ndarray, labels: np.ndarray, weight: np.ndarray, threshold: float, ridge: float = 1.0) -> LineModel:
    """Weighted logistic regression by Newton's method, with a light ridge penalty (not on the
    bias)."""
    penalty = np.full(rows.shape[1], ridge)
    penalty[0] = 0.0
    w = np.zeros(rows.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-(rows @ w)))
        gradient = rows.T @ (weight * (p - labels)) + penalty * w
        hessian = (rows * (weight * p * (1 - p))[:, None]).T @ rows + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return LineModel(tuple(round(float(x), 4) for x in w), threshold)


def _tree(html: str | bytes) -> lxml.html.HtmlElement | None:
    """The page's tree without scripts, styles and comments."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    lxml.etree.strip_elements(tree, *_HIDDEN, lxml.etree.Comment, with_tail=False)
    return tree


_HIDDEN = ("script", "style", "noscript", "template", "svg", "head")
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "div"})
_BLOCKS |= {"figcaption", "td", "th"}


def _blocks(tree: lxml.html.HtmlElement) -> list[str]:
    """The text of every block of the page that holds no other block, in page order."""
    texts = []
    for element in tree.iter(*_BLOCKS):
        if any(inner.tag in _BLOCKS for inner in element.iterdescendants()):
            continue
        text = " ".join(element.text_content().split())
        if text:
            texts.append(text)
    return texts


def merge_blocks(found: list[str], blocks: list[str]) -> tuple[list[str], set[str]]:
    """trafilatura's lines with the page's blocks it left out put where they stand in the page,
    and those left-out blocks that stand between two of its lines."""
    text = "\n".join(" ".join(line.split()) for line in found)
    starts = list(itertools.accumulate((len(" ".join(line.split())) + 1 for line in found), initial=0))
    after: dict[int, list[str]] = {}
    position, first, seen = -1, None, set(found)
    for block in blocks:
        at = text.find(block)
        if at >= 0:
            position = bisect.bisect_right(starts, at) - 1
            first = position if first is None else first
        elif block not in seen:
            seen.add(block)
            after.setdefault(position, []).append(block)
    merged = after.get(-1, [])
    inside = set()
    for i, line in enumerate(found):
        merged.append(line)
        for block in after.get(i, []):
            merged.append(block)
            if first is not None and first <= i < position:
                inside.add(block)
    return merged, inside


def _link_texts(tree: lxml.html.HtmlElement) -> frozenset[str]:
    """The texts of the page's links of two words or more, as :func:`link_key` gives them."""
    texts = (link_key(a.text_content()) for a in tree.iter("a"))
    return frozenset(text for text in texts if " " in text)
