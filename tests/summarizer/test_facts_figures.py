"""Figures read as people write them: shares, sums with their scale, pay rates, race times."""

import pytest

from summarizer import FactKind, key_facts, parse_article, rank
from summarizer.facts import candidates


def _figures(text: str) -> list[str]:
    article = parse_article(text, title="Figures")
    return [c.text for c in candidates(article, rank(article)) if c.kind is FactKind.FIGURE]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Sales rose 62% last year, the firm said.", "62%"),
        ("Profits fell by 5.5%, the bank said.", "5.5%"),
        ("Turnout was 62 % in the city.", "62 %"),
        ("The firm paid $40 million for the site.", "$40 million"),
        ("The club lost £2 billion over the decade.", "£2 billion"),
        ("Staff are paid £9.15 an hour at the depot.", "£9.15 an hour"),
        ("The bill came to $3m, officials said.", "$3m"),
        ("The World Bank offered US$300m in loans.", "US$300m"),
        ("Its profit rose to HK$6.3bn last year.", "HK$6.3bn"),
        ("About four in ten homes were damaged, officials said.", "About four in ten homes"),
        ("Officials said nine in 10 pupils passed.", "nine in 10 pupils"),
    ],
)
def test_a_share_or_a_sum_is_one_figure_as_written(text: str, figure: str) -> None:
    assert figure in _figures(text)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Kipchoge won the marathon in 2:17:03 on Sunday.", "2:17:03"),
        ("She ran the mile in 4:12.56 to win.", "4:12.56"),
        ("He finished in 2 hours 17 minutes 3 seconds in Berlin.", "2 hours 17 minutes 3 seconds"),
        ("The climb took 3 hours and 12 minutes in all.", "3 hours and 12 minutes"),
    ],
)
def test_a_race_time_is_one_figure(text: str, figure: str) -> None:
    figures = _figures(text)
    assert figure in figures
    assert not any(f != figure and f in figure for f in figures), figures


def test_a_race_time_leaves_room_for_the_prize_money() -> None:
    article = parse_article(
        "Marathon won\n\nEliud Kipchoge won the Berlin Marathon in 2 hours 17 minutes 3 seconds on Sunday. "
        "He took home $50,000 in prize money, organisers said."
    )
    texts = [f.text for f in key_facts(article, rank(article))]
    assert "2 hours 17 minutes 3 seconds" in texts and "$50,000" in texts, texts
    assert "17 minutes" not in texts


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Soderling won 6-3 6-7 (2-7) 7-6 (7-5) in Milan on Sunday.", "6-3 6-7 (2-7) 7-6 (7-5)"),
        ("He said five central defenders are away.", "five central defenders"),
        ("Officials shut 26 big power stations in the north.", "26 big power stations"),
        ("The 44-year-old took charge last summer.", "44-year-old"),
        ("The 27-year-old believes it is common.", "27-year-old"),
        ("The 21-year-old singer won the award.", "21-year-old singer"),
    ],
)
def test_a_figure_ends_where_what_it_counts_ends(text: str, figure: str) -> None:
    assert figure in _figures(text)


def test_a_height_in_feet_and_inches_is_one_figure() -> None:
    assert any(f.startswith("5ft 9ins") for f in _figures("He is described as being 5ft 9ins tall, slim."))
