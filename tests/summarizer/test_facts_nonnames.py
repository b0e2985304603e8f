"""Words written like names that name no one, and calendar names: an abstract noun ending in
"-ism" or "-phobia", a people called by its own noun ("the Turks"), a holiday ("the New Year")
or a range of months ("April-July"), which is when, not a body; a plural of letters ("MPs",
"TVs"), which is many things; and one-word names whose sentence says whose they are ("his wife,
Ahlam")."""

from summarizer import FactKind
from tests.summarizer.test_facts_kinds import _kinds


def test_an_abstract_noun_by_its_ending_is_no_name() -> None:
    kinds = _kinds(
        'The Labour MP accused the minister of "playing an Antisemitism card" before the vote. '
        "Critics said Thatcherism still shaped the party's policy on housing."
    )
    assert "Antisemitism" not in kinds
    assert "Thatcherism" not in kinds


def test_a_people_called_by_its_own_noun_is_no_name() -> None:
    kinds = _kinds(
        "Rovers were well beaten by the Turks in Istanbul on Tuesday. "
        "The Kurds in the north of the country held a march, and Serbs voted on Sunday."
    )
    assert "Turks" not in kinds
    assert "Kurds" not in kinds
    assert "Serbs" not in kinds


def test_a_holiday_is_a_date_not_a_body() -> None:
    kinds = _kinds(
        "The minister will decide on the plan in the New Year, his aides said. "
        "The shop will close over Christmas and reopen on Boxing Day."
    )
    assert kinds.get("New Year") is FactKind.DATE
    assert kinds.get("Boxing Day") is FactKind.DATE


def test_a_name_that_only_looks_like_an_ending_is_kept() -> None:
    kinds = _kinds("Romania beat Turkey 2-0 in Bucharest. Dennis Prism said the team played well.")
    assert "Romania" in kinds
    assert "Dennis Prism" in kinds


def test_a_possessive_after_a_quoted_name_is_no_closing_quote() -> None:
    kinds = _kinds(
        'The coach said it had been a hard week. "Pierre Dumont\'s been with France, and six are with England."'
    )
    assert kinds.get("Pierre Dumont") is FactKind.PERSON


def test_a_one_word_name_after_said_that_ends_the_sentence_is_a_person() -> None:
    kinds = _kinds('The band met online in 2003. "The Zorbix Project is more of an experiment," said Vrendo.')
    assert kinds.get("Vrendo") is FactKind.PERSON


def test_a_name_followed_by_herself_is_a_person_without_a_known_first_name() -> None:
    kinds = _kinds(
        "The show went on air last week. Zelby Quorran, meanwhile, continues to outdo herself with each new video."
    )
    assert kinds.get("Zelby Quorran") is FactKind.PERSON


def test_a_person_loses_the_body_of_glued_to_the_name() -> None:
    kinds = _kinds(
        "The injury was not serious, said Dr. Marcus Feldane of the Orrin Valley Hospital. "
        "Peter Quanby of Rovers scored twice in the second half."
    )
    assert kinds.get("Marcus Feldane") is FactKind.PERSON
    assert kinds.get("Peter Quanby") is FactKind.PERSON
    assert not any(" of " in name for name in kinds if "Feldane" in name or "Quanby" in name)


def test_a_range_of_months_is_when_not_a_place() -> None:
    kinds = _kinds(
        "The value of trade in April-July rose to $186m from $64m in the same period in 2003, officials in Delhi said."
    )
    assert "April-July" not in kinds


def test_a_name_someone_is_called_after_a_comma_is_a_person() -> None:
    kinds = _kinds(
        "Senior student Isaac Garza asked his best friend, Kristelle, to the prom in Laredo. "
        "The fighters took his wife, Ahlam, and their children. "
        "She was going through a split from her husband, Nickelback front man Chad Kroeger."
    )
    assert kinds.get("Kristelle") is FactKind.PERSON
    assert kinds.get("Ahlam") is FactKind.PERSON
    assert kinds.get("Nickelback") is not FactKind.PERSON


def test_a_plural_of_letters_is_many_things_not_a_name() -> None:
    kinds = _kinds("Sales of TVs and DVDs rose, and MPs asked why ATMs in Leeds were empty. IBM said it would help.")
    assert not {"TVs", "DVDs", "MPs", "ATMs"} & set(kinds)
    assert kinds.get("IBM") is FactKind.ORGANIZATION
