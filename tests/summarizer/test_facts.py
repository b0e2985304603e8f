import pytest

from summarizer import FactKind, key_facts, parse_article, rank


def _facts(text: str):  # type: ignore[no-untyped-def]
    article = parse_article(text)
    return article, key_facts(article, rank(article))


def test_seed_facts_are_the_ones_that_matter(seed_text: str) -> None:
    article, facts = _facts(seed_text)
    texts = {f.text for f in facts}
    for name in (
        "Russia",
        "Eastern Ghouta",
        "Damascus",
        "Muhamadiya",
        "SANA",
        "United Nations",
        "President Bashar Al-Assad",
    ):
        assert name in texts, name
    figures = {f.text: f for f in facts if f.kind is FactKind.FIGURE}
    assert "over 400,000 people" in figures
    assert "trapped" in figures["over 400,000 people"].context
    assert "80 people" in figures
    assert "Monday" in figures["80 people"].context
    kinds = {f.text: f.kind for f in facts}
    assert kinds["President Bashar Al-Assad"] is FactKind.PERSON
    assert kinds["SANA"] is FactKind.ORGANIZATION
    assert kinds["Damascus"] is FactKind.PLACE
    assert len(facts) <= 10


def test_every_fact_is_verbatim_in_its_sentence(seed_text: str) -> None:
    for path_text in (seed_text,):
        article, facts = _facts(path_text)
        for fact in facts:
            sentence = article.sentences[fact.sentence].text
            assert fact.text in sentence
            if fact.kind is not FactKind.QUOTE:
                assert fact.context in sentence


def test_quotes_dates_and_people() -> None:
    article, facts = _facts(
        "Mayor announces budget\n\n"
        "Mayor Jane Holloway announced a £4.5m budget for parks on Tuesday. "
        '"This is the biggest investment in green space for a generation," Holloway told reporters. '
        "The city council will vote on 12 March. Over 2,000 residents signed a petition."
    )
    by_kind = {}
    for fact in facts:
        by_kind.setdefault(fact.kind, []).append(fact)
    assert [f.text for f in by_kind[FactKind.PERSON]] == ["Mayor Jane Holloway"]
    assert any(f.text == "£4.5m budget" for f in by_kind[FactKind.FIGURE])
    assert any(f.text.startswith("Over 2,000 residents") for f in by_kind[FactKind.FIGURE])
    quote = by_kind[FactKind.QUOTE][0]
    assert quote.text.startswith('"This is the biggest investment')
    assert quote.context == "Holloway"
    assert {f.text for f in by_kind[FactKind.DATE]} >= {"Tuesday"}


def test_no_facts_in_plain_text() -> None:
    _, facts = _facts("nothing here has names or numbers, it is all lower case text.")
    assert facts == []


ORG, PERSON, PLACE = FactKind.ORGANIZATION, FactKind.PERSON, FactKind.PLACE
NOT_A_PERSON = None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rates held\n\nThe Bank of England held rates on Thursday, Guardian Australia reported. "
            "Analysts at Sky Sports and Cricket Australia were not asked. "
            "Guardian Australia said the Bank of England would meet again in March.",
            {"Bank of England": ORG, "Guardian Australia": ORG, "Sky Sports": ORG, "Cricket Australia": ORG},
        ),
        (
            "Film nominated\n\nFrench film A Very Long Engagement has received 12 nominations, Warner Bros said. "
            "The World War I drama was backed by Warner Bros, and critic Nawar Nemeh called it bold. "
            "Nawar Nemeh said the film would travel well.",
            {
                "Very Long Engagement": NOT_A_PERSON,
                "World War I": NOT_A_PERSON,
                "Warner Bros": ORG,
                "Nawar Nemeh": PERSON,
            },
        ),
        (
            "Trade talks\n\nUS President George W Bush met officials in Brussels on Monday. "
            "Critics called the plan a Las Vegas-style gamble, the Evening Standard reported. "
            "George W Bush said the talks in Brussels went well, and England Under-21 coach Stuart Pearce agreed.",
            {"George W Bush": PERSON, "Las Vegas": PLACE, "Evening Standard": ORG, "England Under-21": NOT_A_PERSON},
        ),
    ],
)
def test_what_a_name_is(text: str, expected: dict[str, FactKind | None]) -> None:
    """Companies, papers and bodies named after countries are organisations; titles of films,
    wars and teams are not people; a title inside the phrase starts a person's name; an
    adjective suffix ("-style") is not part of a place."""
    article, facts = _facts(text)
    for name, kind in expected.items():
        found = [f.kind for f in facts if f.text.endswith(name)]
        if kind is NOT_A_PERSON:
            assert PERSON not in found, (name, facts)
        else:
            assert kind in found, (name, facts)
    for fact in facts:
        assert fact.text in article.sentences[fact.sentence].text


def test_a_person_is_shown_with_role_and_the_team_it_belongs_to() -> None:
    _, facts = _facts(
        "Penalty row\n\nEverton defender Seamus Coleman handled the ball in the 16th minute. "
        "His mother Lucy watched from the stand as Coleman left the pitch. "
        "Seamus Coleman said he was pushed, and Lucy Coleman agreed."
    )
    shown = {f.text for f in facts if f.kind is FactKind.PERSON}
    assert "Everton defender Seamus Coleman" in shown, shown
    assert not any(text.startswith("His") for text in shown), shown


def test_pages_that_lost_a_full_stop_do_not_glue_names_together() -> None:
    """A run-on sentence ("at the Masters The Scot admitted", a caption's "Impressive:") and a
    participle glued to a name give the names alone, and a caption's label is no fact."""
    _, facts = _facts(
        "Masters debut\n\nAmateur champion Bradley Neil missed the cut at Augusta National on Friday. "
        "He played at the Masters He admitted he needed a kick after rounds of 78 and 79. "
        "Laughing Neil said Augusta National was a dream, according to the Arizona DPS According to reports. "
        "Impressive: he was impressive on the first day and Sandy Lyle watched Bradley Neil Dressed in green. "
        "He was laughing, dressed for the part."
    )
    shown = {f.text for f in facts}
    for glued in ("Masters He", "Arizona DPS According", "Laughing Neil", "Impressive"):
        assert glued not in shown, shown
    assert not any(text.endswith("Dressed") for text in shown), shown
    assert {"Augusta National", "Masters", "Arizona DPS"} <= shown, shown
    assert "Amateur champion Bradley Neil" in shown, shown


def test_a_person_is_shown_with_the_age_the_story_gives() -> None:
    _, facts = _facts(
        "Fraud trial\n\nMeat trader Grant Allen, 38, spent £30,000 on holidays, the court heard. "
        "Mother-of-two Kelly Parsons, 35, told the jury about the fraud. "
        "Grant Allen denied it and Kelly Parsons left the court."
    )
    shown = {f.text for f in facts}
    assert "Grant Allen, 38" in shown and "Mother-of-two Kelly Parsons, 35" in shown, shown
    assert not any(t.startswith(("38", "35")) for t in shown), shown  # the age is no figure of its own


def test_scores_ranges_and_measures_are_figures() -> None:
    _, facts = _facts(
        "Open\n\nRafael Nadal beat Nicolas Almagro 6-3, 6-1 in Barcelona on Tuesday. "
        "The boy fell between 10 to 12ft into the pit, and the lamb weighed 24lbs. "
        "Nadal said the crowd of more than 8,000 people, in Barcelona, was loud, and the 29-year-old said so."
    )
    figures = {f.text for f in facts if f.kind is FactKind.FIGURE}
    assert "29-year-old said" not in figures, figures
    assert "6-3, 6-1" in figures, figures
    assert {"10 to 12ft", "24lbs"} & figures, figures
    assert not any(t.endswith(",") for t in figures), figures


def test_a_name_said_in_a_persons_fact_gives_its_place_up() -> None:
    """ "Barcelona star Martin Montoya" names Barcelona: a bare "Barcelona" would repeat it."""
    _, facts = _facts(
        "Trick shot\n\nBarcelona star Martin Montoya scored from 27 yards in training. "
        "Barcelona posted the video and Barcelona fans loved it, and so did Real Madrid. "
        "Schoolboy Frankie Franz copied Martin Montoya in Dagenham."
    )
    shown = [f.text for f in facts]
    assert "Barcelona star Martin Montoya" in shown and "Barcelona" not in shown, shown


def test_calendar_dates_read_whole() -> None:
    _, facts = _facts(
        "Hearing\n\nThe hearing was held in June 2005 in Leeds, and again at 10.38am on Monday. "
        "Judge Sandra Davis opened it on June 20, 2005, in Leeds."
    )
    dates = {f.text for f in facts if f.kind is FactKind.DATE}
    assert "June 20" not in dates and "38am" not in dates, dates


def test_contractions_caption_labels_and_dotted_abbreviations() -> None:
    _, facts = _facts(
        "Towing row\n\nBritt McHenry, a Washington D.C.-based reporter for ESPN, was suspended on Monday. "
        "Glamorous: McHenry is a sideline reporter, and I'm sorry, she said, and We've learned, ESPN said. "
        "Britt McHenry works for ESPN in Washington D.C. and Arlington."
    )
    shown = {f.text for f in facts}
    assert not shown & {"Glamorous", "I'm", "We've", "Washington D"}, shown
    assert "Washington D.C." in shown, shown


def test_a_nationality_before_a_role_is_part_of_it() -> None:
    _, facts = _facts(
        "Barcelona Open\n\nRafael Nadal beat Spanish compatriot Nicolas Almagro 6-3 6-1 on Tuesday. "
        "Japanese pianist Chieko Hara watched, and Nicolas Almagro said Rafael Nadal was too strong."
    )
    shown = {f.text for f in facts if f.kind is FactKind.PERSON}
    assert {"Spanish compatriot Nicolas Almagro", "Japanese pianist Chieko Hara"} <= shown, shown
