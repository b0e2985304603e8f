"""The hand-labelled gold set: train articles only, enough of them, every label well formed."""

import json
from pathlib import Path

from summarizer.facts.evaluate import FILES, GOLD, HELDOUT, gold_scores

DEV_IDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "ids-dev.txt"
KINDS = {"person", "organization", "place", "figure", "date", "quote"}


def _rows(path: Path = GOLD) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_gold_set_holds_at_least_sixty_train_articles_and_no_dev_one() -> None:
    rows = _rows()
    ids = [str(row["id"]) for row in rows]
    assert len(set(ids)) == len(ids) >= 60
    if DEV_IDS.is_file():
        assert not set(ids) & set(DEV_IDS.read_text(encoding="utf-8").split())


def test_the_held_out_batch_holds_thirty_other_train_articles() -> None:
    ids = [str(row["id"]) for row in _rows(HELDOUT)]
    assert len(set(ids)) == len(ids) >= 30
    assert not set(ids) & {str(row["id"]) for row in _rows()}
    if DEV_IDS.is_file():
        assert not set(ids) & set(DEV_IDS.read_text(encoding="utf-8").split())


def test_every_label_says_kind_and_boundary() -> None:
    for row in _rows() + _rows(HELDOUT):
        facts = row["facts"]
        assert isinstance(facts, list) and facts and isinstance(row["missing"], list)
        for label in facts:
            assert label["kind"] in KINDS and isinstance(label["kind_ok"], bool)
            assert isinstance(label["boundary_ok"], bool) and isinstance(label["first_list"], bool)
            assert label.get("right_kind") in KINDS | {None}
            assert label.get("right_kind") is None or not label["kind_ok"]


def test_the_gold_scores_are_shares_of_the_labelled_facts() -> None:
    present = [f for f in FILES if (Path(__file__).resolve().parents[2] / f).is_file()]
    if not present:
        return  # the train files live in ../shared/eval
    root = Path(__file__).resolve().parents[2]
    scores = gold_scores([root / f for f in present])
    assert scores["articles"] == len(_rows())
    for key in ("kind precision %", "boundary precision %", "gold recall %"):
        assert 0 <= scores[key] <= 100
    both = gold_scores([root / f for f in present], GOLD, HELDOUT)
    assert both["articles"] == len(_rows()) + len(_rows(HELDOUT))
