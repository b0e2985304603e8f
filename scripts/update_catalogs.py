"""Bring every catalog in bot/locales up to date with the strings in bot/ (Babel extract + update).

    python scripts/update_catalogs.py          # add new strings (untranslated), drop removed ones
    python scripts/update_catalogs.py --check  # exit 1, naming them, when catalogs are out of date

New strings arrive with an empty translation; tests/bot/test_i18n.py fails until each is translated.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.i18n import DOMAIN, FALLBACK, LANGUAGES, po_path  # noqa: E402

KEYWORDS = {**DEFAULT_KEYWORDS, "plural": (2, 3)}
"""``_`` and ``N_`` mark strings; ``plural(count, "{n} article", "{n} articles")`` a counted phrase."""


def template() -> Catalog:
    """Every string the bot's code marks for translation, with where it is used."""
    catalog = Catalog(domain=DOMAIN, project="newsbot", fuzzy=False)
    found = extract_from_dir(str(ROOT / "bot"), method_map=[("**.py", "python")], keywords=KEYWORDS)
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(f"bot/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def updated(language: str, source: Catalog) -> str:
    """The language's .po text after merging ``source`` into what is translated already."""
    path = po_path(language)
    if path.exists():
        with path.open("rb") as existing:
            catalog = read_po(existing, locale=language, domain=DOMAIN)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project="newsbot", fuzzy=False)
    created = catalog.creation_date
    catalog.update(source, no_fuzzy_matching=True)
    catalog.creation_date = created  # a stable header: no merge conflict over a time stamp
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, ignore_obsolete=True, include_lineno=False)
    return out.getvalue().decode("utf-8")


def stale() -> list[str]:
    """The languages whose catalog differs from what an update would write."""
    source = template()
    return [language for language in LANGUAGES if language != FALLBACK and _differs(language, source)]


def _differs(language: str, source: Catalog) -> bool:
    path = po_path(language)
    return not path.exists() or _body(path.read_text("utf-8")) != _body(updated(language, source))


def _body(po: str) -> str:
    """A catalog without its header, whose dates change at every write."""
    return po.split("\n\n", 1)[-1]


def main() -> int:
    if "--check" in sys.argv:
        old = stale()
        for language in old:
            print(f"{po_path(language)} is out of date: run python scripts/update_catalogs.py")
        return 1 if old else 0
    source = template()
    for language in LANGUAGES:
        if language != FALLBACK:
            po_path(language).parent.mkdir(parents=True, exist_ok=True)
            po_path(language).write_text(updated(language, source), "utf-8")
    print(f"{len(source)} strings in {len(LANGUAGES) - 1} catalogs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
