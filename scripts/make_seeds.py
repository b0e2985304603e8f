"""Rebuild the sample articles in seeds/ from the dev set (../shared/eval/news-dev.jsonl).

Each sample is a dev-set BBC article dressed the way news sites serve raw text: title line, lead,
a photo caption with its credit, body, and one site's byline and boilerplate lines. The dressing
varies by site so that parsing rules are exercised, not one layout. Run once; the output is
committed, and nothing at run time needs the dev set.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

IDS = [
    "bbc-entertainment-339",
    "bbc-entertainment-306",
    "bbc-entertainment-042",
    "bbc-entertainment-063",
    "bbc-tech-170",
    "bbc-tech-265",
    "bbc-tech-034",
    "bbc-tech-118",
    "bbc-business-334",
    "bbc-business-086",
    "bbc-business-217",
    "bbc-business-046",
    "bbc-sport-237",
    "bbc-sport-013",
    "bbc-sport-242",
    "bbc-sport-207",
    "bbc-politics-193",
    "bbc-politics-159",
    "bbc-politics-133",
    "bbc-politics-083",
]
SITES = [
    ("Daily Ledger", "Maria Okafor"),
    ("Metro Wire", "Tom Hedley"),
    ("The Northern Post", "Aisha Rahman"),
    ("CityBeat News", "Lukas Brandt"),
]
CREDITS = ["Reuters", "AFP/Getty Images", "PA Wire", "AP Photo/Kim Lee", "Jane Doe/EPA"]


def dress(index: int, row: dict[str, str]) -> str:
    site, author = SITES[index % len(SITES)]
    paragraphs = [p.strip() for p in row["text"].split("\n\n") if p.strip()]
    subject = _subject(row["title"], paragraphs[0])
    credit = CREDITS[index % len(CREDITS)]
    caption = [
        f"{subject} at a news conference earlier this year Photo Credit: {credit}",
        f"{subject} (Image: {credit})",
        f"Pictured: {subject} in a file picture",
        f"{subject} in an archive picture Photograph: {credit}",
    ][index % 4]
    top = [row["title"], ""]
    if index % 4 == 1:
        top += [f"By {author}", ""]
    if index % 4 == 2:
        top += [f"By {author} | {site}", "", row["title"], ""]
    body = [paragraphs[0], caption, ""]
    for number, paragraph in enumerate(paragraphs[1:], start=1):
        body += [paragraph, ""]
        if index % 4 == 3 and number == 2:
            body += ["Advertisement", ""]
    tails = [
        [
            f"Click Here for more reports by {author}",
            "Found mistakes in this report? - Click Here",
            f"{site} News Feed",
        ],
        ["Share this article", f"© 2005 {site}. All rights reserved."],
        [f"Read more: {_other_title(index)}", f"Follow {site} on Twitter", "Subscribe to our daily newsletter"],
        [f"Reporting by {author}; editing by Sam Cole", "Related articles", "12 comments", f"Copyright {site} 2005"],
    ]
    tail = "\n\n".join(tails[index % 4]).split("\n")
    return "\n".join(top + body + tail) + "\n"


def _subject(title: str, lead: str) -> str:
    names = re.findall(r"(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)", lead)
    return names[0] if names else title


OTHER_TITLES = ["Markets close higher", "Ministers face new questions", "Weekend sport round-up", "Gadget show opens"]


def _other_title(index: int) -> str:
    return OTHER_TITLES[index % 4]


def main() -> int:
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/news-dev.jsonl")
    rows = {r["id"]: r for r in map(json.loads, source.read_text().splitlines())}
    chosen = [rows[i] for i in IDS if i in rows]
    for index, row in enumerate(chosen, start=1):
        name = f"{index:03d}_{row['id']}.txt"
        Path("seeds", name).write_text(dress(index, row), encoding="utf-8")
    print(f"wrote {len(chosen)} seeds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
