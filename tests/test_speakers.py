"""PeopleIndex matching and the speech-verb attribution helpers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.diagnostics import Location
from generator.model import Person
from generator.speakers import (
    NOBODY,
    PRONOUN,
    PeopleIndex,
    Speaker,
    speaker_after,
    speaker_before,
    speech_subjects,
)

HERE = Location("content/people.yaml", 1, 1)
PEOPLE = {
    "putin": Person(
        "putin",
        "Vladimir Putin",
        HERE,
        ("Putin", "Vladimir Putin", "Путін", "путін", "the head of the kremlin", "Kremlin leader Vladimir Putin"),
    ),
    "bush": Person("bush", "George W. Bush", HERE, ("Bush", "George W Bush", "George W. Bush", "Буш")),
    "zelensky": Person("zelensky", "Volodymyr Zelensky", HERE, ("Zelensky", "Зеленський", "Володимир Зеленський")),
    "obrien": Person("obrien", "Robert O'Brien", HERE, ("O'Brien",)),
}


@pytest.fixture(scope="module")
def index() -> PeopleIndex:
    return PeopleIndex(PEOPLE)


def spans(index: PeopleIndex, text: str) -> list[tuple[str, str]]:
    return [(pid, text[start:end]) for pid, start, end in index.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin met Bush.", [("putin", "Putin"), ("bush", "Bush")]),
        ("PUTIN and putin", [("putin", "PUTIN"), ("putin", "putin")]),
        ("Bush flew over Bushehr and the bushes", [("bush", "Bush")]),
        ("Kremlin leader Vladimir Putin spoke", [("putin", "Kremlin leader Vladimir Putin")]),
        ("George W Bush, George W. Bush", [("bush", "George W Bush"), ("bush", "George W. Bush")]),
        ("George  W.\nBush", [("bush", "George  W.\nBush")]),
        ("the head of the Kremlin called", [("putin", "the head of the Kremlin")]),
        ("Робert O’Brien and O'Brien", [("obrien", "O’Brien"), ("obrien", "O'Brien")]),
    ],
)
def test_find_english(index: PeopleIndex, text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(index, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Путін, Путіна, путіну, Путіним", ["Путін", "Путіна", "путіну", "Путіним"]),
        ("словами Зеленського і Зеленському", ["Зеленського", "Зеленському"]),
        ("Володимира Зеленського", ["Володимира Зеленського"]),
        ("Путінізмами", []),  # more than four letters past the stem is another word
        ("Буш і Буша", ["Буш"]),  # three-letter names match only as written
    ],
)
def test_find_ukrainian_inflection(index: PeopleIndex, text: str, expected: list[str]) -> None:
    assert [written for _, written in spans(index, text)] == expected


def test_mentions_flag_inflected_forms(index: PeopleIndex) -> None:
    assert [m.exact for m in index.mentions("Путін і Путіна")] == [True, False]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Putin", "putin"),
        ("putin", "putin"),
        ("Vladimir  Putin", "putin"),
        ("George W Bush", "bush"),
        ("President Putin", "putin"),
        ("Путіна", "putin"),
        ("bush", "bush"),
        ("Mayor Smith", None),
        ("Putin's spokesman Dmitry Peskov", None),
        ("Putin and Bush", None),
        ("", None),
    ],
)
def test_resolve(index: PeopleIndex, name: str, expected: str | None) -> None:
    assert index.resolve(name) == expected


def test_alias_shared_by_two_people_is_ambiguous() -> None:
    twins = {
        "a": Person("a", "Anna Smith", HERE, ("Smith",)),
        "b": Person("b", "Bob Smith", HERE, ("Smith",)),
    }
    index = PeopleIndex(twins)
    assert index.resolve("Smith") is None
    assert "smith" in index.ambiguous
    assert spans(index, "Smith and Anna Smith") == [("a", "Anna Smith")]


def test_empty_registry_finds_nothing() -> None:
    index = PeopleIndex({})
    assert index.find("Putin said") == []
    assert index.resolve("Putin") is None


def test_large_registry_is_one_pattern() -> None:
    people = {
        f"p{i}": Person(f"p{i}", f"Person{i} Surname{i}", HERE, (f"Surname{i}", f"Прізвище{i}")) for i in range(1000)
    }
    index = PeopleIndex(people)
    text = "Surname999 met Person17 Surname17 and Прізвище5. " * 2000
    found = index.find(text)
    assert len(found) == 6000
    assert found[:3] == [("p999", 0, 10), ("p17", 15, 33), ("p5", 38, 47)]


@given(st.text(alphabet=st.sampled_from(list("Putin Bush Путіна'’.- W\n")), max_size=200))
@settings(max_examples=300)
def test_find_offsets_are_ordered_and_in_range(text: str) -> None:
    found = PeopleIndex(PEOPLE).find(text)
    ends = 0
    for pid, start, end in found:
        assert pid in PEOPLE
        assert ends <= start < end <= len(text)
        ends = end


MAYOR = Speaker(None, "Mayor Smith")


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        ("Putin also said during the conversation that he had ", "putin"),
        ("у 2001 Putin told George W. Bush that Ukraine's accession to NATO ", "putin"),
        ("In 2008, Putin sought to convince Bush that Ukraine was an ", "putin"),
        ("the head of the kremlin called Ukraine an ", "putin"),
        ("already in 2008 Putin has openly defined it as a ", "putin"),
        ("Як заявив Путін, ", "putin"),
        ("За словами Путіна, ", "putin"),
        ("Путін заявив, що ", "putin"),
        ("Bush said: ", "bush"),
        ("According to Bush, Ukraine was ", "bush"),
    ],
)
def test_speaker_before_registry(index: PeopleIndex, window: str, expected: str) -> None:
    found = speaker_before(window, index)
    assert found is not None
    assert found.person_id == expected


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        ("Mayor Smith said that ", MAYOR),
        ("The city's leader, Mayor Smith, said ", MAYOR),
        ("Kate Jones, a teacher in Leeds, told reporters ", Speaker(None, "Kate Jones")),
        ("An official told the paper that ", NOBODY),
        ("A spokesman for Putin said ", NOBODY),
        ("речник Путіна заявив, що ", NOBODY),
        ("He also predicted a ", PRONOUN),
        ("she said it was ", PRONOUN),
        ("Officials said the plan was ", NOBODY),
        ("Analysts refute Russia's claims of ", None),
        ("the draft of the ", None),
        ("Putin's critics called it a ", NOBODY),
    ],
)
def test_speaker_before_other_cases(index: PeopleIndex, window: str, expected: Speaker | None) -> None:
    assert speaker_before(window, index) == expected


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        (" Mayor Smith said.", MAYOR),
        (" said Mayor Smith, who runs the city.", MAYOR),
        (", – зазначив Путін.", Speaker("putin", "Vladimir Putin")),
        (" — сказав він.", PRONOUN),
        (" he told reporters.", PRONOUN),
        (", - йдеться в повідомленні.", NOBODY),
        (" the spokesman said.", NOBODY),
        (" and then the meeting ended.", None),
    ],
)
def test_speaker_after(index: PeopleIndex, window: str, expected: Speaker | None) -> None:
    assert speaker_after(window, index) == expected


def test_speech_subjects_lists_named_speakers(index: PeopleIndex) -> None:
    found = speech_subjects("Putin said no. Then Mayor Smith told us. An aide added more.", index)
    assert [s for _, s in found] == [Speaker("putin", "Vladimir Putin"), MAYOR]


@given(st.lists(st.text(max_size=130), min_size=1, max_size=5), st.text(max_size=200))
@settings(max_examples=300)
def test_any_alias_compiles_and_matches_safely(aliases: list[str], text: str) -> None:
    index = PeopleIndex({"x": Person("x", "X", HERE, tuple(aliases))})
    for pid, start, end in index.find(text + " " + " ".join(aliases)):
        assert pid == "x"
        assert 0 <= start < end
    index.resolve(text)
