"""The attribution patterns of issue 9, each as a table of short examples written for these tests.

Every row is a paragraph sequence and the (opening words, speaker) of each quote it holds;
None is "unattributed", which is right wherever the text does not say who.
"""

from __future__ import annotations

import pytest

from tests.attribution.support import Row, quotes, speakers

# 1. Follow-on quotes keep their speaker: in the same paragraph, the next one, and across paragraphs.
FOLLOW_ON: list[tuple[tuple[str, ...], list[Row]]] = [
    (('"We will build the bridge," Petrenko said. "It opens in May."',),
     [("We will build", "Ivan Petrenko"), ("It opens in", "Ivan Petrenko")]),
    (('"The plan is ready," said Olena Hrytsenko, the city engineer.', '"Funding comes next year."'),
     [("The plan is", "Olena Hrytsenko"), ("Funding comes next", "Olena Hrytsenko")]),
    (("“The first part of the answer runs on.", "“The second part closes it,” Petrenko concluded."),
     [("The first part", "Ivan Petrenko"), ("The second part", "Ivan Petrenko")]),
    (("Сергей Канаев думает, что мало что изменится.", "«Мы хотим работать с парламентом»."),
     [("Мы хотим работать", "Сергей Канаев")]),
]

# 2. The person described, addressed or written to is never the speaker.
NOT_THE_OBJECT: list[tuple[tuple[str, ...], list[Row]]] = [
    (("The ministry has characterised Petrenko as the “architect” of the scheme.",), [("architect", None)]),
    (("Mark Hollis, a police spokesman, spoke about Petrenko on Monday.",
      '"He is the most wanted man in the region," he said.'),
     [("He is the", "Mark Hollis")]),
    (("Starmer wrote to Petrenko, the standards commissioner: “I regret the delay.”",),
     [("I regret the", "Keir Starmer")]),
    (("Путин обратился к Анвару: «Господин премьер-министр, рад вас видеть».",),
     [("Господин премьер-министр, рад", "Vladimir Putin")]),
]

# 3. An organisation in the speaker's job description is not the speaker; a long description keeps them.
JOB_DESCRIPTIONS: list[tuple[tuple[str, ...], list[Row]]] = [
    (("“Talks are stalled,” Lina Karam, a researcher at the think-tank Chatham House, told the AP.",),
     [("Talks are stalled", "Lina Karam")]),
    (('"Prices will fall," said Maria Lopez, who has covered energy markets for the regional business '
      "newspaper for more than twenty years.",),
     [("Prices will fall", "Maria Lopez")]),
]

# 4. Organisations referred to as "the bank", "it", «йдеться в повідомленні».
ORGANISATIONS: list[tuple[tuple[str, ...], list[Row]]] = [
    (("The central bank raised rates on Monday.", '"Inflation remains high," the bank said.'),
     [("Inflation remains high", "National Bank")]),
    (("The central bank raised rates on Monday.", 'It said the move was "needed to cool prices".'),
     [("needed to cool", "National Bank")]),
    (("Мінфін оприлюднив прогноз.", "«Ціни зростуть повільніше», — йдеться в повідомленні."),
     [("Ціни зростуть повільніше", "Мінфін")]),
    (('"Rates will stay," a spokesman said.',), [("Rates will stay", None)]),
]

# 5. Short quoted phrases inside a reporting clause belong to its subject.
REPORTED_PHRASES: list[tuple[tuple[str, ...], list[Row]]] = [
    (('Trump lashed out again, declaring that "our country is finished" if he loses.',),
     [("our country is", "Donald Trump")]),
    (('Starmer pledged only to "comply with the rules" from now on.',), [("comply with the", "Keir Starmer")]),
    (('Critics call it the so-called "peace plan".',), [("peace plan", None)]),
]

# 6. Ukrainian and Russian: inflected names, dash dialogue, split quotes, first person, bullets.
SLAVIC: list[tuple[tuple[str, ...], list[Row]]] = [
    (("За словами Зеленського, «переговори тривають».",), [("переговори тривають", "Volodymyr Zelensky")]),
    (("«Мы готовы к диалогу», — сказал Песков.",), [("Мы готовы к", "Dmitry Peskov")]),
    (("— Ми відкриємо школу у вересні, — пояснив директор Петро Мельник. — Ремонт уже триває.",),
     [("Ми відкриємо школу", "Петро Мельник"), ("Ремонт уже триває.", "Петро Мельник")]),
    (("Олена Коваль очолює відділ субсидій.", "– Борги не зникнуть самі, – каже вона."),
     [("Борги не зникнуть", "Олена Коваль")]),
    (("«Ми чекали довго, – говорить Ігор Черемський. – Але дочекалися»",),
     [("Ми чекали довго,", "Ігор Черемський")]),
    (("Я сказав: «Це неправда».",), [("Це неправда", None)]),
    (("Функції центру:", "— контроль за виконанням домовленостей;", "— обмін полоненими;"), []),
    (("— Коли почалася робота?", "— У вересні. Ми працюємо щодня."),
     [("Коли почалася робота?", None), ("У вересні. Ми", None)]),
]

# 7. Names in quotation marks are kind "name", never speech, and nobody's words.
NAMES: list[tuple[str, str]] = [
    ("Про це пише газета «Коммерсантъ».", "Коммерсантъ"),
    ("Путин говорил о компании «Роснефть» и её планах.", "Роснефть"),
    ('He wore a jacket with "PRESS" painted on the back.', "PRESS"),
    ("Депутати «Єдиної України» проголосували проти.", "Єдиної України"),
]


def _check(paragraphs: tuple[str, ...], expected: list[Row]) -> None:
    assert speakers(*paragraphs) == expected


@pytest.mark.parametrize(("paragraphs", "expected"), FOLLOW_ON)
def test_follow_on_quotes_keep_their_speaker(paragraphs: tuple[str, ...], expected: list[Row]) -> None:
    _check(paragraphs, expected)


@pytest.mark.parametrize(("paragraphs", "expected"), NOT_THE_OBJECT)
def test_the_person_described_or_addressed_is_not_the_speaker(paragraphs: tuple[str, ...], expected: list[Row]) -> None:
    _check(paragraphs, expected)


@pytest.mark.parametrize(("paragraphs", "expected"), JOB_DESCRIPTIONS)
def test_an_organisation_in_a_job_description_is_not_the_speaker(
    paragraphs: tuple[str, ...], expected: list[Row]
) -> None:
    _check(paragraphs, expected)


@pytest.mark.parametrize(("paragraphs", "expected"), ORGANISATIONS)
def test_organisations_by_kind_and_by_it(paragraphs: tuple[str, ...], expected: list[Row]) -> None:
    _check(paragraphs, expected)


@pytest.mark.parametrize(("paragraphs", "expected"), REPORTED_PHRASES)
def test_short_phrases_in_a_reporting_clause(paragraphs: tuple[str, ...], expected: list[Row]) -> None:
    _check(paragraphs, expected)


@pytest.mark.parametrize(("paragraphs", "expected"), SLAVIC)
def test_ukrainian_and_russian_dialogue_and_inflection(paragraphs: tuple[str, ...], expected: list[Row]) -> None:
    _check(paragraphs, expected)


@pytest.mark.parametrize(("paragraph", "name"), NAMES)
def test_names_in_quotation_marks_are_not_speech(paragraph: str, name: str) -> None:
    found = quotes(paragraph)
    assert [(row[0], row[1], row[3]) for row in found] == [(" ".join(name.split()[:3]), None, "name")]


@pytest.mark.parametrize(
    ("paragraphs", "method"),
    [
        (('"We are ready," Putin said.',), "registry name"),
        (('"We are ready," said Olena Hrytsenko.',), "name as printed"),
        (("Putin spoke first.", '"We are ready," he said.'), "pronoun"),
        (('"We are ready," Putin said.', '"And willing."'), "follow-on"),
        (("The central bank raised rates.", '"Inflation is high," the bank said.'), "organisation"),
        (('"We are ready," a spokesman said.',), "unattributed"),
    ],
)
def test_each_attribution_records_how_it_was_made(paragraphs: tuple[str, ...], method: str) -> None:
    assert quotes(*paragraphs)[-1][2] == method
