"""Build an article from paragraphs and read its quote table, for the attribution tests."""

from __future__ import annotations

from collections.abc import Mapping

from generator.diagnostics import Diagnostics, Location
from generator.model import Article, Block, Person, QuoteOverride
from generator.quotes import extract_quotes
from generator.speakers import Organisation, PeopleIndex

HERE = Location("content/people.yaml", 1, 1)
PEOPLE = {
    "putin": Person("putin", "Vladimir Putin", HERE, ("Putin", "Путін", "Путин", "Владимир Путин")),
    "petrenko": Person("petrenko", "Ivan Petrenko", HERE, ("Petrenko",)),
    "starmer": Person("starmer", "Keir Starmer", HERE, ("Starmer", "Keir Starmer")),
    "trump": Person("trump", "Donald Trump", HERE, ("Trump", "Donald Trump")),
    "zelensky": Person("zelensky", "Volodymyr Zelensky", HERE, ("Зеленський", "Володимир Зеленський")),
    "peskov": Person("peskov", "Dmitry Peskov", HERE, ("Песков", "Дмитрий Песков")),
    "anwar": Person("anwar", "Anwar Ibrahim", HERE, ("Anwar", "Анвар")),
}
ORGANISATIONS = {
    "nbank": Organisation("nbank", "National Bank", ("National Bank", "the central bank"), "bank"),
    "minfin": Organisation("minfin", "Мінфін", ("Мінфін", "Міністерство фінансів"), "ministry"),
}
INDEX = PeopleIndex(PEOPLE, ORGANISATIONS)

Row = tuple[str, str | None]


def article(*paragraphs: str, title: str = "A report", overrides: tuple[QuoteOverride, ...] = ()) -> Article:
    blocks = tuple(Block.plain("p", text) for text in paragraphs)
    return Article("a", Location("content/articles/a.txt", 1, 1), "wire-text", title, blocks, "0" * 64,
                   quote_overrides=overrides)


QuoteRow = tuple[str, str | None, str, str]


def quotes(*paragraphs: str, people: Mapping[str, Person] | None = None, **kwargs: object) -> list[QuoteRow]:
    """(opening words, speaker name or None, how found, kind) of every quote, in order."""
    index = INDEX if people is None else PeopleIndex(people, ORGANISATIONS)
    found = extract_quotes(article(*paragraphs, **kwargs), index, Diagnostics())  # type: ignore[arg-type]
    return [(" ".join(q.text.split()[:3]), q.speaker_name, q.attribution.value, q.kind) for q in found]


def speakers(*paragraphs: str) -> list[Row]:
    """(opening words, speaker name or None) of every quote."""
    return [(row[0], row[1]) for row in quotes(*paragraphs)]
