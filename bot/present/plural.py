"""Counted nouns in replies: "1 sentence", "3 sentences", never "article(s)", in every language."""

from __future__ import annotations

from ..i18n import ngettext, number


def plural(count: int, singular: str, many: str, **fields: object) -> str:
    """The phrase for ``count`` in the form the current language wants, with ``{n}`` (and ``fields``) filled in.

    ``singular`` and ``many`` are the English forms ("{n} article", "{n} articles"); the catalogs
    hold each language's forms for its own plural rules (Russian has three, Arabic six)."""
    return ngettext(singular, many, count).format(n=number(count), **fields)
