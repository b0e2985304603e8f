"""Counted nouns in replies: "1 sentence", "3 sentences", never "article(s)"."""

from __future__ import annotations


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``count`` with the noun in the form English wants for it ("1 article", "2 articles")."""
    noun = singular if count == 1 else many or f"{singular}s"
    return f"{count:,} {noun}"
