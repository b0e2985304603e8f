import pytest

from summarizer import FactKind, key_facts, parse_article, rank
from summarizer.facts import candidates


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
        (
            "Election\n\nLabour unveiled its plans in Leeds, and its leader Ed Miliband said Labour would win. "
            "Spanish voters were not asked.",
            {"Labour": ORG, "Ed Miliband": PERSON},
        ),
        (
            "Musical\n\nThe Lord of the Rings musical opened in Toronto, and the Duke of Edinburgh came. "
            "The Lord of the Rings cost £11.5m, the Duke of Edinburgh said.",
            {"Duke of Edinburgh": PERSON, "Lord of the Rings": NOT_A_PERSON},
        ),
        (
            "Tennis\n\nRafael Nadal won the Barcelona Open and will play the French Open at Roland Garros, "
            "he told students at Duke University. Rafael Nadal won the French Open nine times, "
            "and Duke University invited him back.",
            {"Rafael Nadal": PERSON, "Barcelona Open": ORG, "French Open": ORG, "Duke University": ORG},
        ),
    ],
)
def test_what_a_name_is(text: str, expected: dict[str, FactKind | None]) -> None:
    """Companies, papers and bodies named after countries are organisations; titles of films,
    wars and teams are not people; a title inside the phrase starts a person's name; an
    adjective suffix ("-style") is not part of a place."""
    article, facts = _facts(text)
    for name, kind in expected.items():
        if kind is NOT_A_PERSON:
            assert PERSON not in [f.kind for f in facts if f.text.endswith(name)], (name, facts)
        else:  # alone, or in a list of its kind
            assert kind in [f.kind for f in facts if name in f.text], (name, facts)
    for fact in facts:
        assert fact.text in article.sentences[fact.sentence].text


@pytest.mark.parametrize(
    ("text", "shown", "not_shown"),
    [
        pytest.param(
            "Penalty row\n\nEverton defender Seamus Coleman handled the ball in the 16th minute. "
            "His mother Lucy watched from the stand as Coleman left the pitch. "
            "Seamus Coleman said he was pushed, and Lucy Coleman agreed.",
            {"Everton defender Seamus Coleman"},
            {"His mother Lucy", "His mother Lucy Coleman", "Seamus Coleman"},
            id="a person with the role and the team it belongs to",
        ),
        pytest.param(
            "Masters debut\n\nAmateur champion Bradley Neil missed the cut at Augusta National on Friday. "
            "He played at the Masters He admitted he needed a kick after rounds of 78 and 79. "
            "Laughing Neil said Augusta National was a dream, according to the Arizona DPS According to reports. "
            "Impressive: he was impressive on the first day and Sandy Lyle watched Bradley Neil Dressed in green. "
            "He was laughing, dressed for the part. Said Wales coach Scott Johnson: he will be back. "
            "Former TSA agent Charles Stone agreed.",
            {
                "Augusta National",
                "Masters",
                "Arizona DPS",
                "Amateur champion Bradley Neil",
                "Wales coach Scott Johnson",
            },
            {"Masters He", "Arizona DPS According", "Laughing Neil", "Impressive", "Bradley Neil Dressed", "Said Wales"}
            | {"Former TSA"},
            id="a page that lost a full stop, a caption label, a participle glued to a name",
        ),
        pytest.param(
            "Towing row\n\nBritt McHenry, a Washington D.C.-based reporter for ESPN, was suspended on Monday. "
            "Glamorous: McHenry is a sideline reporter, and I'm sorry, she said, and We've learned, ESPN said. "
            "Britt McHenry works for ESPN from Washington D.C. every day.",
            {"Washington D.C."},
            {"Glamorous", "I'm", "We've", "Washington D"},
            id="contractions, caption labels, dotted abbreviations",
        ),
        pytest.param(
            "Fraud trial\n\nMeat trader Grant Allen, 38, spent £30,000 on holidays, the court heard. "
            "Mother-of-two Kelly Parsons, 35, told the jury about the fraud. "
            "Grant Allen denied it and Kelly Parsons left the court, and Keith Allen, 27, of Columbus, Ohio, "
            "was charged.",
            {"Grant Allen, 38", "Mother-of-two Kelly Parsons, 35", "Keith Allen, 27, of Columbus, Ohio"},
            {"38", "35", "38, spent", "35, told", "Columbus"},
            id="a person with the age and the town the story gives, the age no figure of its own",
        ),
        pytest.param(
            "Trick shot\n\nBarcelona star Martin Montoya scored from 27 yards in training. "
            "Barcelona posted the video and Barcelona fans loved it, and so did Real Madrid. "
            "Schoolboy Frankie Franz copied Martin Montoya in Dagenham.",
            {"Barcelona star Martin Montoya"},
            {"Barcelona"},
            id="a name said in a person's fact gives its place up",
        ),
        pytest.param(
            "Barcelona Open\n\nRafael Nadal beat Spanish compatriot Nicolas Almagro 6-3 6-1 on Tuesday. "
            "Japanese pianist Chieko Hara watched, and Nicolas Almagro said Rafael Nadal was too strong.",
            {"Spanish compatriot Nicolas Almagro", "Japanese pianist Chieko Hara"},
            set(),
            id="a nationality before a role is part of it",
        ),
        pytest.param(
            "House fire\n\nTwo parrots called for help when a fire broke out in Boise, Idaho, on Monday. "
            "O2, Britain's biggest mobile operator, filmed it, and crews from Boise put the fire out.",
            {"Boise, Idaho"},
            {"Boise", "Idaho", "O2, Britain"},
            id="a town with its state, not with a possessive",
        ),
        pytest.param(
            "Deal\n\nSwiss drugmaker Novartis is buying Hexal. Novartis said Former Met Police chief "
            "John Stevens would join the board of Novartis.",
            {"Swiss drugmaker Novartis"},
            {"Novartis", "Former Met Police", "Swiss", "Swiss drugmaker"},
            id="an organisation with its nationality, not with a word of the sentence",
        ),
        pytest.param(
            "Royal visit\n\nThe Duchess of Cambridge visited a school in Leeds on Monday. Mayor of London "
            "Boris Johnson joined the Archbishop of Canterbury there. The Duchess of Cambridge left at noon.",
            {"Duchess of Cambridge", "Archbishop of Canterbury"},
            {"Cambridge", "Canterbury", "London Boris Johnson"},
            id="a title of a place names who holds it",
        ),
        pytest.param(
            "Super Bowl\n\nR&B star Alicia Keys will sing in Jacksonville, Kansas Gov. Sam Brownback said, "
            "and Tom McCabe MSP agreed. Alicia Keys met Tom McCabe, and Sam Brownback left.",
            {"star Alicia Keys", "Tom McCabe"},
            {"B star Alicia Keys", "Kansas Gov", "Tom McCabe MSP"},
            id="a title after a name is no part of it, nor half of R&B",
        ),
        pytest.param(
            "Rugby\n\nJason Robinson will miss the rest of the Six Nations, the 21st Century game's "
            "biggest event, which kicks off at 1430 GMT in Cardiff. Jason Robinson said so in Cardiff.",
            {"Six Nations"},
            {"Nations", "Century", "GMT"},
            id="a number inside a name, and no name after a number",
        ),
        pytest.param(
            "Oil deal\n\nFirefighters in Boise freed two parrots, and Venezuela signed a deal. "
            "The blaze in Boise, Idaho, was put out, and Venezuela, Argentina and Brazil will share the oil.",
            {"Boise, Idaho", "Venezuela, Argentina and Brazil"},
            {"Boise", "Venezuela", "Venezuela, Argentina"},
            id="a place shown where the story says where it is; a country is in no other",
        ),
        pytest.param(
            "Golf\n\nLindsey Vonn was back at Augusta Friday to watch Tiger Woods play. "
            "Woods carded a 69 at Augusta, and Vonn watched.",
            {"Augusta"},
            {"Augusta Friday"},
            id="a day glued on by a lost full stop is no part of a name",
        ),
    ],
)
def test_how_a_fact_is_shown(text: str, shown: set[str], not_shown: set[str]) -> None:
    _, facts = _facts(text)
    texts = {f.text for f in facts}
    assert shown <= texts, texts
    assert not texts & not_shown, texts


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


def test_a_count_says_what_it_counts() -> None:
    _, facts = _facts("Comeback\n\nRafael Nadal won nine of the last 11 games after two previous defeats in Madrid.")
    figures = {f.text for f in facts if f.kind is FactKind.FIGURE}
    assert figures == {"11 games", "two previous defeats"}, figures


def test_calendar_dates_read_whole() -> None:
    _, facts = _facts(
        "Hearing\n\nThe hearing was held in June 2005 in Leeds, and again at 10.38am on Monday. "
        "Judge Sandra Davis opened it on June 20, 2005, in Leeds."
    )
    dates = {f.text for f in facts if f.kind is FactKind.DATE}
    assert "June 20" not in dates and "38am" not in dates, dates


def test_a_person_is_shown_where_the_story_says_most_about_them() -> None:
    article, facts = _facts(
        "Banned\n\nRhodri Giggs was banned from driving at Manchester Magistrates Court. "
        "The court heard about a Mercedes without insurance. "
        "Rhodri Giggs, 37, said he is now unemployed. "
        "Liverpool captain Steven Gerrard sent a message to Steven Gerrard fans."
    )
    people = {f.text: f for f in facts if f.kind is FactKind.PERSON}
    assert set(people) >= {"Rhodri Giggs, 37", "Liverpool captain Steven Gerrard"}, people
    giggs = people["Rhodri Giggs, 37"]
    assert giggs.sentence == 2 and giggs.text in article.sentences[giggs.sentence].text


def test_people_and_bodies_named_by_nationality() -> None:
    _, facts = _facts(
        "Robbery\n\nA British tourist was robbed in Jaipur on Monday, and Indian police arrested a driver. "
        "The Brazilian collided with Ukrainian forward Andriy Yarmolenko in a Swiss mountain resort. "
        "The British tourist flew home."
    )
    kinds = {f.text: f.kind for f in facts}
    assert kinds.get("British tourist") is FactKind.PERSON, kinds
    assert kinds.get("Indian police") is FactKind.ORGANIZATION, kinds
    assert kinds.get("Swiss mountain resort") is FactKind.PLACE, kinds
    assert "Ukrainian forward Andriy Yarmolenko" in kinds, kinds
    assert not {"Brazilian collided", "Ukrainian forward", "Brazilian"} & set(kinds), kinds


def test_one_thing_is_one_fact() -> None:
    _, facts = _facts(
        "Transfer race\n\nParis Saint-Germain and Time Warner bid for the club in Charleston, South Carolina, "
        "and Kelly Parsons, 35, sold 500 tickets. "
        "Paris St-Germain said TimeWarner would lose, and fans in Charlston and North Carolina bought 2,500 tickets. "
        "The 35-year-old said the 18-year-old victim was an 18-year-old student."
    )
    texts = [f.text for f in facts]
    assert len(texts) == len(set(texts)), texts
    for one, other in [
        ("Paris Saint-Germain", "Paris St-Germain"),
        ("Time Warner", "TimeWarner"),
        ("Charleston, South Carolina", "Charlston"),
        ("18-year-old victim", "18-year-old"),
        ("Kelly Parsons, 35", "35-year-old"),
    ]:
        assert one in texts or other in texts, (one, texts)
        assert not (one in texts and other in texts), (one, other, texts)
    assert {"500 tickets", "2,500 tickets"} <= set(texts), texts


def test_a_rate_says_per_what() -> None:
    _, facts = _facts(
        "Living wage\n\nCitizens UK wants £9.15 an hour in London, and workers in Leeds get £7.85 per hour. "
        "The scheme costs £11billion a year, Citizens UK said."
    )
    figures = {f.text for f in facts if f.kind is FactKind.FIGURE}
    assert {"£9.15 an hour", "£7.85 per hour", "£11billion a year"} <= figures, figures


def test_a_figure_ends_before_a_word_that_counts_nothing() -> None:
    _, facts = _facts(
        "Fraud\n\nGrant Allen was ordered to pay £500,000 today in Leeds, and took about $200m between 1996 and 2002. "
        "Divorced men spend £17,800 rather than £15,700 in Leeds."
    )
    figures = {f.text for f in facts if f.kind is FactKind.FIGURE}
    assert not {"£500,000 today", "about $200m between", "£17,800 rather"} & figures, figures
    assert {"£500,000", "about $200m"} <= figures, figures


def test_quotes_in_single_quotes() -> None:
    """British papers quote in single quotes, with apostrophes inside the quoted words."""
    _, facts = _facts(
        "Coach praises his side\n\n"
        "Everton manager Roberto Martinez praised his players after the 1-1 draw at Swansea on Saturday. "
        "Martinez told BT Sport: ‘We didn’t deserve to lose and the players gave everything today.’ "
        "The club's fans were less sure of it."
    )
    quotes = [f for f in facts if f.kind is FactKind.QUOTE]
    assert [q.text for q in quotes] == ["‘We didn’t deserve to lose and the players gave everything today.’"]
    assert quotes[0].context == "Martinez"


def test_a_result_is_a_headline_figure() -> None:
    """A match result is what a sports story is about, as a sum is a business story's."""
    _, facts = _facts(
        "Holland beat Spain\n\n"
        "Holland beat Spain at the Amsterdam Arena on Tuesday night. "
        "Stefan de Vrij scored after 15 minutes and Davy Klaassen added a second in the 2-0 win. "
        "Spain had won their previous 12 games."
    )
    figures = [f.text for f in facts if f.kind is FactKind.FIGURE]
    assert figures.index("2-0 win") < figures.index("15 minutes")


def test_a_count_in_words_ranks_below_a_count_in_figures() -> None:
    """News spells out small counts ("seven party leaders"): a count in words is a lesser
    figure than the same count in digits."""

    def figure(count: str):  # type: ignore[no-untyped-def]
        article = parse_article(
            "Leaders clash on television\n\n"
            f"The debate between {count} party leaders was watched by Sarah Jones in Leeds. "
            "It ran for two hours."
        )
        return next(c for c in candidates(article, rank(article)) if c.text.startswith(count))

    words, digits = figure("seven"), figure("7")
    assert words.features != digits.features
    assert words.score < digits.score


def test_lower_case_words_collected_once_when_looking_gets_long(
    seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past its budget of look-ups the article's lower-case words are collected in one pass,
    with the same answers, so no text can make the questions cost more than that pass."""
    from summarizer.facts import names

    _, expected = _facts(seed_text)
    monkeypatch.setattr(names, "_LOOK_UPS", 3)
    _, facts_found = _facts(seed_text)
    assert facts_found == expected


def test_a_list_of_names_is_one_fact() -> None:
    """Names a sentence lists, of one kind, are one fact that takes the place of its names;
    two names joined by ", and" join two clauses, no list; a person described after the name
    keeps the description rather than join a list."""
    _, facts = _facts(
        "Supermarkets pay less tax\n\n"
        "Tesco, Asda and Sainsbury’s posted combined profits of £3.9bn last year, campaigners said. "
        "Tesco and Asda said the report was wrong, and Sainsbury’s declined to comment. "
        "Grant Allen, 38, spent £30,000 on holidays with Gaynor Godwin. "
        "Grant Allen and Gaynor Godwin were in court on Monday. "
        "Asda met Citizens UK, and Tesco left."
    )
    texts = [f.text for f in facts]
    assert "Tesco, Asda and Sainsbury" in texts, texts
    assert not {"Tesco", "Asda", "Sainsbury", "Tesco and Asda", "Citizens UK, and Tesco"} & set(texts), texts
    assert "Grant Allen, 38" in texts and "Grant Allen and Gaynor Godwin" not in texts, texts
    assert "£3.9bn" in texts, texts  # "last year" is no unit of the sum
    listed = next(f for f in facts if f.text == "Tesco, Asda and Sainsbury")
    assert listed.kind is FactKind.ORGANIZATION


def test_an_acronym_is_the_name_it_stands_for() -> None:
    _, facts = _facts(
        "Inquiry opened\n\n"
        "The Independent Police Complaints Commission (IPCC) will investigate the claims, it said on Friday. "
        "The IPCC said the inquiry would report by June, and the IPCC would publish it. "
        "The noose was found at about 2 a.m. Wednesday."
    )
    texts = [f.text for f in facts]
    assert "Independent Police Complaints Commission (IPCC)" in texts, texts
    assert "IPCC" not in texts, texts
    assert "2 a.m." in texts, texts


def test_an_acronym_spelled_out_without_brackets_is_one_fact() -> None:
    """Shown spelled out, unless the story calls it by its letters far more often."""
    _, facts = _facts(
        "Boy taken into care\n\n"
        "The Department of Human Services took the boy into care in Michigan on Monday. "
        "DHS said the family could appeal. "
        "A TSA agent was fired in Denver, the Transportation Security Administration said. "
        "The TSA said the agent had been warned. The TSA will review its rules, and the TSA will report. "
        "TSA officers were told on Friday."
    )
    texts = [f.text for f in facts]
    assert "Department of Human Services" in texts and "DHS" not in texts, texts
    assert "TSA" in texts and "Transportation Security Administration" not in texts, texts


def test_a_number_inside_a_name_belongs_to_it() -> None:
    _, facts = _facts(
        "Commissioner speaks\n\n"
        "Lord Stevens told Channel 4 News he had done nothing wrong. "
        "The band, called Matthew 24 Now, played in Cottonwood. "
        "The kite flew in Chongqing on Friday 13 March."
    )
    texts = [f.text for f in facts]
    assert {"Channel 4 News", "Matthew 24 Now", "Chongqing"} <= set(texts), texts
    assert not [t for t in texts if "13" in t and t != "Friday" and "March" not in t], texts


def test_an_outlet_that_only_reports_the_news_ranks_last() -> None:
    _, facts = _facts(
        "Zoo keeper hurt\n\n"
        "A keeper at Cleveland Metroparks Zoo was hurt by a tiger, KBOI reported. "
        "The keeper was taken to MetroHealth Medical Center, a spokesman told KBOI."
    )
    texts = [f.text for f in facts]
    assert texts[-1] == "KBOI", texts


def test_a_figure_given_again_ranks_as_often_named() -> None:
    _, facts = _facts(
        "Pay rise\n\n"
        "Some 40,000 firms already pay the wage to 5.2million workers. "
        "Campaigners want it raised to £9.15 an hour. "
        "Ministers said £9.15 was too high, and £9.15 would cost jobs."
    )
    figures = [f.text for f in facts if f.kind is FactKind.FIGURE]
    assert figures[0] == "£9.15 an hour" and "£9.15" not in figures, figures


def test_a_list_of_short_forms_gives_way_to_the_full_names() -> None:
    _, facts = _facts(
        "Wedding in Venice\n\n"
        "George Clooney married Amal Alamuddin in Venice. "
        "Guests saw George and Amal at the Belmond Hotel Cipriani."
    )
    texts = [f.text for f in facts]
    assert "George Clooney" in texts and "George and Amal" not in texts, texts


def test_a_name_glued_to_a_person_by_a_lost_full_stop_is_two_mentions() -> None:
    _, facts = _facts(
        "Vonn at Augusta\n\n"
        "Lindsey Vonn watched Tiger Woods at Augusta National in the Masters. "
        "She cheered as he finished the second round of the Masters Vonn looked stressed at times. "
        "Eugenie Bouchard lost at the Family Circle Cup. "
        "Davis won at the Family Circle Cup Bouchard has struggled recently."
    )
    texts = [f.text for f in facts]
    assert not {"Masters Vonn", "Family Circle Cup Bouchard"} & set(texts), texts
    assert {"Lindsey Vonn", "Eugenie Bouchard", "Family Circle Cup"} <= set(texts), texts


def test_a_name_without_its_middle_word_is_the_same_name() -> None:
    _, facts = _facts(
        "Father jailed\n\n"
        "Joshua Quincy Burns was jailed for three years on Monday. "
        "Joshua Burns had denied the charges, and Joshua Burns will appeal. "
        "Did Burns know? Residents of the Hebrew Care Home said the Hebrew Home was quiet."
    )
    texts = [f.text for f in facts]
    assert "Joshua Quincy Burns" in texts and "Joshua Burns" not in texts, texts
    assert "Hebrew Care Home" in texts and "Hebrew Home" not in texts, texts
    assert "Did Burns" not in texts, texts


def test_dates_a_sentence_lists_are_one_fact() -> None:
    _, facts = _facts(
        "Youth Cup final\n\nChelsea won the FA Youth Cup in 2010, 2012 and 2014, and meet Manchester City on Monday. "
        "Lord Stevens was deputy commissioner from 1998 to 2000, and the inquiry began in 1998."
    )
    texts = [f.text for f in facts]
    assert "2010, 2012 and 2014" in texts and not {"2010", "2012", "2014"} & set(texts), texts
    assert "1998 to 2000" in texts and not {"1998", "2000"} & set(texts), texts


def test_a_participle_after_a_figure_qualifies_its_noun_or_is_no_unit() -> None:
    _, facts = _facts(
        "Pictures go viral\n\n"
        "Over 100 photoshopped pictures were posted in Paris, and 26 per cent compared with last year. "
        "The council received £11,724,929 from the fund."
    )
    figures = [f.text for f in facts if f.kind is FactKind.FIGURE]
    assert "Over 100 photoshopped pictures" in figures and "26 per cent" in figures, figures


def test_odds_are_a_figure() -> None:
    _, facts = _facts(
        "Royal baby bets\n\n"
        "Bookmakers cut the odds on the name Sam from 66/1 to 20/1 after the race at Aintree. "
        "Sam Waley-Cohen helped the couple rekindle their romance in 2007, friends said. "
        "Ladbrokes and William Hill took bets from punters in London, Leeds, Bristol and Cardiff. "
        "Coral, Paddy Power and Betfair said Alice was still the favourite with Kate Middleton's fans."
    )
    texts = [f.text for f in facts]
    assert "66/1 to 20/1" in texts and "2007" in texts, texts


def test_a_country_the_story_keeps_naming_is_no_backdrop() -> None:
    """Named once deep in the story, a country is its backdrop; named again and again, it is
    one of its facts."""
    text = (
        "Bombers intercepted\n\n"
        "RAF Typhoons were scrambled from RAF Lossiemouth to intercept two Russian bombers. "
        "The jets shadowed the bombers over the North Sea, the Royal Navy said. "
        "HMS Argyll tracked the aircraft as they flew on. "
        "Officials said the flights were a test of the UK. "
    )
    often = text + "The UK said the UK would protest. The UK has done so before."
    assert "UK" not in [f.text for f in _facts(text)[1]][:5]
    assert "UK" in [f.text for f in _facts(often)[1]][:5]


def test_a_word_no_list_knows_named_once_ranks_below_a_sure_name() -> None:
    _, facts = _facts(
        "Fined\n\nThe club said Yellow was fined by the Football Association after the pitch invasion in Leeds."
    )
    texts = [f.text for f in facts]
    assert texts.index("Football Association") < texts.index("Leeds") < texts.index("Yellow"), texts


def test_a_fact_named_only_in_sentences_ranked_low_ranks_down() -> None:
    """How far below the well-ranked sentences (the best nine, or the best third of a longer
    article) a fact's best sentence ranks: none in a short article, by its best mention."""
    from summarizer.facts.select import FEATURES, WELL_RANKED, depths
    from summarizer.models import Ranking

    def ranking(count: int) -> Ranking:  # the lead ranks best, the last sentence worst
        return Ranking(algorithm="default", scores=tuple(float(count - i) for i in range(count)))

    assert depths(ranking(12), 12) == [0.0] * WELL_RANKED + [1 / 12, 2 / 12, 3 / 12]
    assert depths(ranking(30), 30)[:10] == [0.0] * 10 and depths(ranking(30), 30)[10] == 1 / 30
    assert depths(ranking(WELL_RANKED), WELL_RANKED) == [0.0] * WELL_RANKED
    sentences = [f"Item {i} was sold by the shop for {i + 2} dollars in the market." for i in range(12)]
    text = "Sale\n\n" + " ".join(["Maria Lopez opened the market.", *sentences, "Maria Lopez and Tom Reed closed it."])
    article = parse_article(text)
    found = {c.text: c for c in candidates(article, ranking(len(article.sentences)))}
    place = FEATURES.index("rank place")
    assert found["Maria Lopez"].features[place] == 0.0  # named again in the best sentence
    assert found["Tom Reed"].features[place] == (14 - WELL_RANKED) / 14  # named only in the worst
    assert found["Tom Reed"].later == [] and found["Maria Lopez"].later == [13]
