"""Titles written like names. A work's title (a song, a book, a film, a show, a game) makes no
fact, nor do its words, and the names around it stay facts. A person's title (Rev., King) ends
a role, not a name that only a generation's mark follows ("Martin Luther King III")."""

from summarizer import FactKind
from summarizer.facts.runs import _NAME, _quoted_titles, _title_run
from tests.summarizer.test_facts_kinds import _kinds


def _titles(text: str) -> list[str]:
    """The runs of capitalized words that are titles, then the quoted titles."""
    runs = [m.group() for m in _NAME.finditer(text) if _title_run(m.group())]
    return runs + [text[begin:end] for begin, end in _quoted_titles(text)]


def test_a_run_with_a_pronoun_or_an_article_capitalized_inside_is_a_title() -> None:
    text = (
        "Father of two Richard McLuckie dreamt up board games including Love It Or Hate It and "
        "Who Put The Marmite In The Fridge over long evenings."
    )
    assert _titles(text) == ["Love It Or Hate It", "Who Put The Marmite In The Fridge"]
    kinds = _kinds(text + " Mr McLuckie said the games now sell at WH Smith.")
    assert kinds.get("Richard McLuckie") is FactKind.PERSON
    assert not {"Love", "Hate", "Put The Marmite In The Fridge"} & set(kinds)


def test_a_quoted_title_in_title_case_is_a_title() -> None:
    text = 'It was like a scene out of "Make Way for Ducklings" on a rainy street in Washington on Tuesday.'
    assert _titles(text) == ["Make Way for Ducklings"]
    kinds = _kinds(text + " Police in Washington closed the street for the ducks.")
    assert "Make Way" not in kinds
    assert kinds.get("Washington") is FactKind.PLACE
    assert _titles('Bob Dylan wrote "It Ain\'t Me, Babe" for Joan Baez.') == ["It Ain't Me", "It Ain't Me, Babe"]


def test_a_possessive_before_a_title_is_its_owners_name() -> None:
    text = "Mr Prescott said Public Enemy's Fight The Power was loud, as was Mel Gibson's The Passion of the Christ."
    assert _titles(text) == ["Fight The Power"]
    kinds = _kinds("Lord Falconer told BBC News's Meet The Press show on Sunday that the bill would pass.")
    assert "Meet The Press" not in kinds
    assert kinds.get("Falconer") is FactKind.PERSON


def test_names_that_only_look_like_titles_are_kept() -> None:
    # An initial after a first name, letters in capitals, a roman numeral that ends the run, a
    # full stop lost before "The", and a body whose name holds a preposition are no titles.
    assert _titles("Charles A Blixt, executive vice-president of RJ Reynolds Tobacco, said so.") == []
    assert _titles("King Juan Carlos I of Spain became the latest royal to step down.") == []
    assert _titles("The US Secret Service and A US Embassy spokesman spoke of World War I veterans.") == []
    assert _titles("Stevens played at the Crucible Theatre The warning came later.") == []
    assert _titles("Reporters Without Borders and Transport For London issued statements.") == []
    kinds = _kinds(
        "Reporters Without Borders said the journalist was held in Tehran. Police in Tehran declined to comment."
    )
    assert "Reporters Without Borders" in kinds


def test_a_quote_in_sentence_case_is_no_title() -> None:
    assert _titles('"We will win this fight," said Barack Obama in Chicago.') == []
    assert _titles('"Obama is wrong about Iran," Mr Netanyahu told reporters in Jerusalem.') == []


def test_a_generation_after_a_surname_that_is_also_a_title_stays_in_the_name() -> None:
    kinds = _kinds(
        "Civil rights leaders Martin Luther King III and Al Sharpton led 15,000 marchers to Jena on Thursday. "
        "The Rev. Jesse Jackson joined them. King said the case was unjust."
    )
    assert kinds.get("Martin Luther King III") is FactKind.PERSON
    assert "III" not in kinds
    assert kinds.get("Jesse Jackson") is FactKind.PERSON
    assert "Rev" not in kinds


def test_a_title_or_a_first_name_before_a_place_or_a_body_names_the_place_or_the_body() -> None:
    kinds = _kinds(
        "The injured were flown to Princess Alexandra Hospital on Monday. Ferries to Prince Edward Island "
        "were cancelled, and flights from John F. Kennedy International Airport were delayed. "
        "Dr Jeremy Philpott of the UK Patent Office said the rules were clear."
    )
    assert kinds.get("Princess Alexandra Hospital") is FactKind.ORGANIZATION
    assert kinds.get("Prince Edward Island") is FactKind.PLACE
    assert kinds.get("John F. Kennedy International Airport") is FactKind.PLACE
    assert kinds.get("Jeremy Philpott") is FactKind.PERSON


def test_a_side_a_paper_or_a_firm_named_for_its_home_is_a_body() -> None:
    kinds = _kinds(
        "The San Francisco Giants beat the Chicago Cubs, and the Los Angeles Lakers lost on Sunday. "
        "Scotland Yard said the Washington Post had the letter. Paris Hilton flew to Washington DC, "
        "then to Mexico City and on to San Francisco Bay."
    )
    for body in ("San Francisco Giants", "Chicago Cubs", "Los Angeles Lakers", "Scotland Yard", "Washington Post"):
        assert kinds.get(body) is FactKind.ORGANIZATION, body
    assert kinds.get("Paris Hilton") is FactKind.PERSON
    for place in ("Washington DC", "Mexico City", "San Francisco Bay"):
        assert kinds.get(place) is FactKind.PLACE, place


def test_a_firms_or_a_houses_last_word_makes_a_body_not_a_person() -> None:
    kinds = _kinds(
        "The White House said SBC Communications and France Telecom would talk. Clarence House declined "
        "to comment, and Beverly Hills police closed the road. Systems were down across the city."
    )
    for body in ("White House", "SBC Communications", "France Telecom", "Clarence House"):
        assert kinds.get(body) is FactKind.ORGANIZATION, body
    assert kinds.get("Beverly Hills") is FactKind.PLACE
    assert "Systems" not in kinds


def test_names_the_title_rules_leave_alone() -> None:
    # A surname that is also a place's or a body's word, a roman numeral, a label's letter, a
    # surname that is a pronoun elsewhere, a firm's partner, a country's rivals, a code with stops.
    kinds = _kinds(
        "Former President Gerald Ford died on Tuesday, and Mrs Grace Park said so at the National World War I "
        "Museum. Italian Serie A Champions Juventus won. Its partner, Nissan, will cut jobs, and its regional "
        "rivals Iran said no. He flew to Washington D.C. on Monday, then to the Ministry of Sound club."
    )
    assert kinds.get("Gerald Ford") is FactKind.PERSON
    assert kinds.get("Grace Park") is FactKind.PERSON
    assert "National World War I Museum" in kinds
    assert any("Juventus" in name for name in kinds)
    assert kinds.get("Nissan") is FactKind.ORGANIZATION
    assert kinds.get("Iran") is FactKind.PLACE
    assert kinds.get("Washington D.C.") is FactKind.PLACE
    assert kinds.get("Ministry of Sound") is FactKind.ORGANIZATION


def test_a_quoted_title_keeps_its_curly_apostrophes_and_a_quoted_sentence_is_none() -> None:
    assert _titles("“It Ain’t Me, Babe” was a hit.") == ["It Ain’t Me", "It Ain’t Me, Babe"]
    assert _titles('"Don’t Look Back in Anger" was played.') == ["Don’t Look Back in Anger"]
    assert _titles('"We are with Ukraine," Mr Macron said.') == []
