"""Kinds and boundaries of issue #23's remaining error classes, each by a general cue: a count's
word that is none of what it counts, parts of a phone number, a run glued across a full stop or
a possessive, a sentence's opening adverb, titles of works, clubs named like cities, places
named like companies, people described as someone."""

import pytest

from summarizer import FactKind, parse_article, rank
from summarizer.facts import candidates


def _found(text: str) -> dict[str, FactKind]:
    article = parse_article(text, title="Story")
    return {c.text: c.kind for c in candidates(article, rank(article)) if not c.members}


@pytest.mark.parametrize(
    ("text", "figure", "not_figure"),
    [
        ("Only four of the 12 whose backgrounds were known were Asian.", None, "12 whose"),
        ("US 400m and 200m legend Michael Johnson retired at 34.", "200m", "200m legend"),
        ("The 28-year-old world number one said she would quit.", "28-year-old", "28-year-old world"),
        ("Call police on 101 quoting incident 457, or ring 0800 0560154.", None, "0560154"),
        ("At 3km/h, it is closer to a leisurely jog.", "3km/h", "3km"),
        ("The group will target nine marginal Labour seats.", None, "nine marginal"),
    ],
)
def test_a_figure_keeps_only_what_it_counts(text: str, figure: str | None, not_figure: str) -> None:
    figures = {t for t, kind in _found(text).items() if kind is FactKind.FIGURE}
    assert not_figure not in figures, figures
    assert figure is None or figure in figures, figures


def test_a_figure_still_counts_a_noun_before_a_verb() -> None:
    figures = {t for t, kind in _found("Over 400,000 people continue to be trapped in the town.").items()}
    assert "Over 400,000 people" in figures, figures


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The duo kept Phoenix Nights creator Peter Kay at number two.", "Phoenix Nights", FactKind.ORGANIZATION),
        ('Bob Dylan never recorded "Für Elise" in his life.', "Für Elise", FactKind.ORGANIZATION),
        ("Police hunt the husband of a Cheltenham woman found dead.", "Cheltenham", FactKind.PLACE),
        ("The murder of Farkhunda, a young woman in Kabul, shocked many.", "Farkhunda", FactKind.PERSON),
        ("Car-maker Honda has a new robot.", "Honda", FactKind.ORGANIZATION),
        ("Unions say Fiat will close the Fiat Powertrain plant at Arese.", "Fiat Powertrain", FactKind.ORGANIZATION),
        ("The game has three cities: Los Santos, San Fierro and Las Venturas.", "Las Venturas", FactKind.PLACE),
        ("Meyer's constituency party, Clwyd North West, deselected him.", "Clwyd North West", FactKind.PLACE),
        ("Optimism is high, say researchers at BDO Stoy Hayward.", "BDO Stoy Hayward", FactKind.ORGANIZATION),
        ("Sideways and Closer took two Golden Globes each.", "Golden Globes", FactKind.ORGANIZATION),
        ("The Fourteenth Amendment declares that all are citizens.", "Fourteenth Amendment", FactKind.ORGANIZATION),
        ("The Large Hadron Collider (LHC) is ready for action.", "Large Hadron Collider", FactKind.ORGANIZATION),
        (
            "United lost 3-0 in the Champions League match and finished second in Group D behind Lyon.",
            "Lyon",
            FactKind.ORGANIZATION,
        ),
    ],
)
def test_a_name_has_the_kind_its_sentence_gives_it(text: str, name: str, kind: FactKind) -> None:
    found = _found(text)
    assert found.get(name) is kind, found


@pytest.mark.parametrize(
    ("text", "names", "not_names"),
    [
        ("Eventually Asimo could find work in homes.", {"Asimo"}, {"Eventually Asimo"}),
        ("The South Korean bank will own 22%.", set(), {"South Korean"}),
        ("Tory leader Michael Howard accused him of U-turns.", set(), {"U-turns"}),
        ("The show's producer David L. Wolper added a line.", {"David L. Wolper"}, {"David L"}),
        ("They play in Group E. Barcelona squad: Valdes, Puyol.", set(), {"Group E. Barcelona"}),
        (
            "The Los Angeles County District Attorney's Office filed charges.",
            {"Los Angeles County District Attorney's Office"},
            {"Office"},
        ),
        ("Japan's Finance Ministry released the figures.", {"Finance Ministry"}, {"Japan's Finance Ministry"}),
        ("It will earn $26m, according to analysts In-Stat/MDR.", {"In-Stat/MDR"}, {"In-Stat", "MDR"}),
        ("He questioned al Qaeda suspects there.", {"al Qaeda"}, {"Qaeda"}),
        ("The advice was drawn up at Number 10, the Tories say.", {"Number 10"}, {"Number"}),
    ],
)
def test_a_name_ends_where_it_ends(text: str, names: set[str], not_names: set[str]) -> None:
    found = _found(text)
    assert names <= set(found), found
    assert not not_names & set(found), found
