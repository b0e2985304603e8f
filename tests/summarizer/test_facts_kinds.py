"""Names of the right kind and with the right ends: what the whole article says a name is
decides its kind, and a name keeps its hyphenated half and loses a glued rank or day."""

from summarizer import FactKind, key_facts, parse_article, rank
from summarizer.facts import candidates


def _kinds(text: str) -> dict[str, FactKind]:
    article = parse_article(text, title="Story")
    return {c.text: c.kind for c in candidates(article, rank(article)) if not c.members}


def test_a_person_the_article_calls_by_title_is_a_person_though_the_surname_is_a_body() -> None:
    kinds = _kinds(
        "Julia Church, the head of the charity, spoke at the event. Mrs Church said the fund was short of money."
    )
    assert kinds["Julia Church"] is FactKind.PERSON


def test_a_club_with_a_manager_is_a_body_though_first_named_after_at() -> None:
    kinds = _kinds(
        "Fans at Aston Villa were angry after the defeat. Villa's manager Tim Sherwood said the club would recover."
    )
    assert kinds["Aston Villa"] is FactKind.ORGANIZATION


def test_a_name_after_a_bodys_noun_is_a_body_though_it_speaks() -> None:
    kinds = _kinds(
        "Security firm Sophos said on Tuesday that the worm had spread. The carmaker Renault said sales fell."
        " It was written by the economist team Jim and Margaret Cuthbert."
    )
    assert kinds["Sophos"] is FactKind.ORGANIZATION and kinds["Renault"] is FactKind.ORGANIZATION
    assert kinds["Margaret Cuthbert"] is FactKind.PERSON and kinds.get("Jim") is not FactKind.ORGANIZATION


def test_a_club_a_match_report_gives_a_manager_is_a_body_though_its_first_word_is_a_given_name() -> None:
    kinds = _kinds(
        "Aston Villa beat Chelsea 3-1 in the league on Saturday. Villa's manager Unai Emery praised the crowd."
        " Crystal Palace fans sang throughout."
    )
    assert kinds["Aston Villa"] is FactKind.ORGANIZATION and kinds["Unai Emery"] is FactKind.PERSON
    assert kinds["Crystal Palace"] is FactKind.ORGANIZATION


def test_a_persons_fans_outside_a_match_report_leave_them_a_person() -> None:
    kinds = _kinds("Taylor Swift played to 70,000 people in London. Swift's fans queued for two days.")
    assert kinds["Taylor Swift"] is FactKind.PERSON


def test_a_company_with_shares_and_staff_is_a_body() -> None:
    kinds = _kinds("The worm hit machines at Symantec last year. Symantec's chief executive John Thompson said so.")
    assert kinds["Symantec"] is FactKind.ORGANIZATION


def test_a_hyphenated_given_name_stays_whole_and_an_adjective_suffix_goes() -> None:
    kinds = _kinds("South Korean midfielder Park Ji-hoon scored twice. A new Las Vegas-style casino opened in Macau.")
    assert "Park Ji-hoon" in kinds and "Park Ji" not in kinds
    assert "Las Vegas" in kinds and "Las Vegas-style" not in kinds


def test_a_given_names_syllable_in_ing_is_no_participle() -> None:
    kinds = _kinds(
        "Chief executive Lin Wei-ting spoke to investors. Li Ka-shing sold his stake."
        " The Oscar-winning director Ang Lee will attend, and Kremlin-backing groups protested."
    )
    assert "Lin Wei-ting" in kinds and "Lin Wei" not in kinds
    assert "Li Ka-shing" in kinds and "Li Ka" not in kinds
    assert "Oscar-winning" not in kinds and "Kremlin-backing" not in kinds


def test_a_rank_before_a_name_is_its_role_and_no_name_ends_in_one() -> None:
    kinds = _kinds("U.S. Army Spc Bowe Bergdahl was freed on Saturday. The CPL World Tour opens in Dallas.")
    assert "Army Spc" not in kinds and "U.S. Army Spc" not in kinds
    assert kinds["Bowe Bergdahl"] is FactKind.PERSON
    assert kinds["CPL World Tour"] is FactKind.ORGANIZATION


def test_a_plural_day_glued_on_by_a_lost_full_stop_ends_no_name() -> None:
    kinds = _kinds("The show moves to Channel 5 Wednesdays from next month, producers said in London.")
    assert "Channel 5 Wednesdays" not in kinds and "Channel 5" in kinds


def test_the_number_of_a_name_is_no_figure() -> None:
    article = parse_article(
        "Story\n\nHe wore the No 1 jersey on the Channel 5 show in 2010. Some 50 people and 300 fans came."
    )
    figures = [c.text for c in candidates(article, rank(article)) if c.kind is FactKind.FIGURE]
    assert "1 jersey" not in figures and "5 show" not in figures
    assert "Some 50 people" in figures and "300 fans" in figures


def test_a_name_of_person_shape_with_no_first_name_named_in_full_only_is_a_body() -> None:
    kinds = _kinds(
        "Deutsche Telekom cut its prices in Bonn on Monday, analysts at the firm Lena Komileva runs said. "
        "Prices of calls fell by a third, and rivals expected Deutsche Telekom to cut them again soon."
    )
    assert kinds["Deutsche Telekom"] is FactKind.ORGANIZATION
    assert kinds["Lena Komileva"] is FactKind.PERSON  # a first name gender-guesser knows


def test_a_city_with_fans_and_a_legend_is_the_club() -> None:
    kinds = _kinds("Liverpool legend Phil Thompson urged Steve Gerrard to stay, and Liverpool fans agreed.")
    assert kinds["Liverpool"] is FactKind.ORGANIZATION


def test_planets_are_places_and_a_nationality_before_a_ministry_is_no_role() -> None:
    kinds = _kinds("Probes found water on Mars and Jupiter, the Saudi Justice Ministry official said in Riyadh.")
    assert kinds["Mars"] is FactKind.PLACE
    ministry = [kind for name, kind in kinds.items() if name.endswith("Ministry")]
    assert ministry == [FactKind.ORGANIZATION], kinds


def test_people_named_by_origin_are_no_name_and_a_town_west_of_a_city_is_a_place() -> None:
    kinds = _kinds(
        "Asians were stopped more often, UK Muslims said. A tornado touched down 6 miles west of Wichita "
        "near Goddard on Sunday, and police in LA were told."
    )
    assert "Asians" not in kinds and "UK Muslims" not in kinds
    assert kinds["Wichita"] is FactKind.PLACE and kinds["LA"] is FactKind.PLACE


def test_a_people_in_the_plural_or_a_verb_is_no_role_of_the_name_after_it() -> None:
    article = parse_article(
        "Cricket\n\nTo most Australians Richie Benaud was cricket. The Frenchman believes Arsenal need a striker."
    )
    shown = [c.shown for c in candidates(article, rank(article))]
    assert "Richie Benaud" in shown and "Arsenal" in shown, shown


def test_a_body_named_for_what_it_is_for_keeps_its_for() -> None:
    kinds = _kinds(
        "Scientists at the European Organization for Nuclear Research met in Geneva. "
        "The Office for National Statistics said prices rose. Rooney scored in the Premier League for Everton."
    )
    assert "European Organization for Nuclear Research" in kinds
    assert "European Organization" not in kinds and "Nuclear Research" not in kinds
    assert "Office for National Statistics" in kinds
    assert "Premier League for Everton" not in kinds and "Everton" in kinds


def test_an_elided_article_joins_the_word_after_it_to_the_name() -> None:
    kinds = _kinds("Lionel Messi won the Ballon d'Or again in Zurich. Fans in Côte d’Ivoire cheered the players.")
    assert "Ballon d'Or" in kinds and "Ballon" not in kinds
    assert "Côte d’Ivoire" in kinds


def test_a_city_a_match_report_plays_against_is_the_club() -> None:
    kinds = _kinds(
        "Manchester United lost 3-0 away at Fenerbahce in the Champions League. "
        "His goal came in the final against Chelsea. The team flew home to Manchester."
    )
    assert kinds["Fenerbahce"] is FactKind.ORGANIZATION
    assert kinds["Chelsea"] is FactKind.ORGANIZATION


def test_a_place_played_against_outside_a_match_report_or_a_country_stays_a_place() -> None:
    kinds = _kinds("Officials in Texas said the state would fight back after the court ruled against Houston.")
    assert kinds["Houston"] is FactKind.PLACE
    kinds = _kinds("The manager said the 2-1 win against France in the final was the best match of his life.")
    assert kinds["France"] is FactKind.PLACE


def test_a_town_upon_its_river_is_one_place() -> None:
    kinds = _kinds("The King spoke from Newcastle upon Tyne on Monday. Kingston upon Thames council agreed.")
    assert kinds["Newcastle upon Tyne"] is FactKind.PLACE
    assert "Tyne" not in kinds and "Newcastle" not in kinds


def test_an_abbreviated_saint_or_fort_and_a_role_after_ex_stay_whole() -> None:
    kinds = _kinds(
        "A tornado touched down 70 miles from St. Louis on Monday, and police in Ft. Worth were called."
        " Tony Blair met ex-Home Secretary David Blunkett in Sheffield."
    )
    assert "St. Louis" in kinds and "St" not in kinds and "Louis" not in kinds
    assert "Ft. Worth" in kinds
    assert kinds["David Blunkett"] is FactKind.PERSON and "Secretary David Blunkett" not in kinds


def test_a_family_named_with_its_members_is_people() -> None:
    kinds = _kinds("The Kardashian sisters posed for the cover. The Gallagher brothers played in Manchester.")
    assert kinds["Kardashian"] is FactKind.PERSON and kinds["Gallagher"] is FactKind.PERSON


def test_a_role_after_ex_is_shown_with_its_office() -> None:
    article = parse_article("Leaked papers say ex-Foreign Secretary Robin Cook opposed the plan.", title="Story")
    assert "Foreign Secretary Robin Cook" in [f.text for f in key_facts(article, rank(article))]


def test_a_city_or_a_country_is_its_side_before_a_plural_verb_or_after_a_sides_noun() -> None:
    kinds = _kinds(
        "Newcastle have joined the race to sign the striker from former club Southampton. "
        "Doctors in Britain are now taking legal advice, and India and Pakistan have agreed to talk."
    )
    assert kinds.get("Newcastle") is FactKind.ORGANIZATION
    assert kinds.get("Southampton") is FactKind.ORGANIZATION
    assert kinds.get("Britain") is FactKind.PLACE
    assert kinds.get("Pakistan") is not FactKind.ORGANIZATION
