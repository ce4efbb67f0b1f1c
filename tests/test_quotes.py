"""Quote extraction and speaker attribution, on the seeds and on news-shaped text of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diagnostics import Diagnostics, Location
from generator.model import Article, Block, BlockKind, Person, Quote
from generator.quotes import CODE_MALFORMED, extract_quotes
from generator.speakers import PeopleIndex

SEEDS = Path(__file__).resolve().parents[1] / "content" / "articles"  # the bundled seeds
HERE = Location("content/people.yaml", 1, 1)
WHERE = Location("content/articles/a.txt")
PEOPLE = PeopleIndex(
    {
        "putin": Person(
            "putin",
            "Vladimir Putin",
            HERE,
            ("Putin", "Vladimir Putin", "Путін", "путін", "the head of the kremlin", "Kremlin leader Vladimir Putin"),
        ),
        "bush": Person("bush", "George W. Bush", HERE, ("Bush", "George W Bush", "George W. Bush", "Буш")),
    }
)


def article(*blocks: Block | str) -> Article:
    body = tuple(Block.plain("p", b) if isinstance(b, str) else b for b in blocks)
    return Article("a", WHERE, "text", "Title", body, "0" * 64)


def extract(*blocks: Block | str) -> tuple[tuple[Quote, ...], Diagnostics]:
    diags = Diagnostics()
    return extract_quotes(article(*blocks), PEOPLE, diags), diags


def who(quotes: tuple[Quote, ...]) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker_id, q.speaker_name) for q in quotes]


def assert_located(art: Article, quotes: tuple[Quote, ...]) -> None:
    assert [q.number for q in quotes] == list(range(1, len(quotes) + 1))
    for q in quotes:
        assert art.blocks[q.block].text[q.start : q.end] == q.text


def seed_000() -> Article:
    """Wire text as the reader lays it out: title line dropped, each line a block, `- ` bullets as li."""
    lines = (SEEDS / "000_ce914f400c901735.txt").read_text(encoding="utf-8").splitlines()
    body = [line for line in lines[1:] if line.strip() and "Patreon" not in line]
    blocks = [Block.plain("li", line[2:]) if line.startswith("- ") else Block.plain("p", line) for line in body]
    return article(*blocks)


def seed_004() -> Article:
    post = json.loads((SEEDS / "004_1918c29956d7607e.txt").read_text(encoding="utf-8"))
    soup = BeautifulSoup(post["content"]["rendered"], "html.parser")
    blocks = []
    for element in soup.find_all(["h2", "h3", "p"]):
        kind: BlockKind = "li" if element.find_parent("li") else element.name
        blocks.append(Block.plain(kind, element.get_text()))
    return article(*blocks)


def test_seed_000_wire_quotes_and_background_bullets() -> None:
    art, diags = seed_000(), Diagnostics()
    quotes = extract_quotes(art, PEOPLE, diags)
    assert_located(art, quotes)
    assert [(q.text[:30], q.speaker_id) for q in quotes] == [
        ("You have made an important sta", "putin"),
        ("NATO gave a negative answer wi", "putin"),
        ("never considered you [the Unit", "putin"),
        ("artificial country", "putin"),
        ("long-term confrontation", "putin"),
        ("peace plan", None),
    ]
    first = quotes[0]
    assert first.text.endswith("But we feel left out of NATO.")
    assert first.speaker_name == "Vladimir Putin"
    assert quotes[2].text == "never considered you [the United States] a threat"
    assert quotes[2].context.startswith("Putin also said during the conversation")
    assert quotes[2].context.endswith("even during the Cold War.")
    assert quotes[5].speaker_name != "Vladimir Putin"  # a scare quote in Bloomberg's report, not Putin's words
    assert list(diags) == []


def test_seed_004_guillemets_and_broken_pair() -> None:
    art, diags = seed_004(), Diagnostics()
    quotes = extract_quotes(art, PEOPLE, diags)
    assert_located(art, quotes)
    assert [(q.text, q.speaker_id) for q in quotes] == [
        ("will create a field of conflict between Russia and the United States", "putin"),
        ("artificially created state", "putin"),  # "the head of the kremlin" is an alias
        ("red line", "putin"),
        ('The »split" of Ukraine', "putin"),  # "he also predicted …" refers back to Putin
        ("sudden threats", None),
    ]
    assert quotes[4].speaker_name is None
    assert [(d.code, d.severity.value, d.location) for d in diags] == [(CODE_MALFORMED, "warning", WHERE)]
    assert "split" in diags.items[0].message


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ('"We will reopen the bridge by spring," Mayor Smith said on Tuesday.', [(None, "Mayor Smith")]),
        ('"The deal is off," said Putin.', [("putin", "Vladimir Putin")]),
        ('Bush said: "We are not at war with Russia. We never were."', [("bush", "George W. Bush")]),
        ("Bush said that «the door stays open».", [("bush", "George W. Bush")]),
        ('Putin told Bush that Ukraine would be "a problem".', [("putin", "Vladimir Putin")]),
        ('According to Bush, the talks were "frank".', [("bush", "George W. Bush")]),
        ('"Not now," the spokesman said.', [(None, None)]),
        ('An official told reporters that "nothing was agreed".', [(None, None)]),
        ('The so-called "peace plan" was leaked to the press.', [(None, None)]),
        ("«Ми не підемо на поступки», – зазначив Путін.", [("putin", "Vladimir Putin")]),
        ("За словами Путіна, «переговори тривають».", [("putin", "Vladimir Putin")]),
        ("«Рішення ухвалено», - йдеться в повідомленні.", [(None, None)]),
    ],
)
def test_attribution_shapes(paragraph: str, expected: list[tuple[str | None, str | None]]) -> None:
    quotes, diags = extract(paragraph)
    assert [(q.speaker_id, q.speaker_name) for q in quotes] == expected
    assert list(diags) == []


def test_second_quote_of_a_paragraph_keeps_its_speaker() -> None:
    quotes, _ = extract('"The first part is easy," Mayor Smith said in an interview. "The rest is hard. Very hard."')
    assert who(quotes) == [
        ("The first part is easy", None, "Mayor Smith"),
        ("The rest is hard. Very hard.", None, "Mayor Smith"),
    ]
    assert quotes[1].context == '"The rest is hard. Very hard."'


def test_quote_after_someone_else_is_named_is_not_inherited() -> None:
    quotes, _ = extract('"Yes," Mayor Smith said. Then Putin arrived. "Welcome to the city."')
    assert [q.speaker_name for q in quotes] == ["Mayor Smith", None]


def test_pronoun_refers_to_the_person_named_before() -> None:
    quotes, _ = extract("Putin met the press in Moscow.", '"We are ready," he said.', "«Все вирішено», — сказав він.")
    assert [q.speaker_id for q in quotes] == ["putin", "putin"]


def test_pronoun_with_nobody_named_before_is_unattributed() -> None:
    quotes, _ = extract("The meeting ended late.", '"We are ready," he said.')
    assert who(quotes) == [("We are ready", None, None)]


def test_multi_paragraph_quote_continues_without_warning() -> None:
    quotes, diags = extract('Bush said: "This is the first paragraph.', '"And this is the second one."')
    assert who(quotes) == [
        ("This is the first paragraph", "bush", "George W. Bush"),
        ("And this is the second one.", "bush", "George W. Bush"),
    ]
    assert list(diags) == []


def test_unclosed_quote_runs_to_the_end_of_the_block_with_a_warning() -> None:
    quotes, diags = extract('Putin spoke about "the end of history.', "Nothing else was said.")
    assert who(quotes) == [("the end of history", "putin", "Vladimir Putin")]
    assert [d.code for d in diags] == [CODE_MALFORMED]
    assert "never closed" in diags.items[0].message


def test_unclosed_opener_around_good_quotes_keeps_the_good_quotes() -> None:
    quotes, diags = extract('He wrote "notes and then "the answer" and "another".')
    assert [q.text for q in quotes] == ["the answer", "another"]
    assert [d.code for d in diags] == [CODE_MALFORMED]


@pytest.mark.parametrize(
    ("paragraph", "texts"),
    [
        ('It was “a mistake" then.', ["a mistake"]),
        ("It was “a mistake“ then.", ["a mistake"]),
        ("This is wrong” here.", []),
    ],
)
def test_malformed_marks_warn_and_give_a_best_effort_quote(paragraph: str, texts: list[str]) -> None:
    quotes, diags = extract(paragraph)
    assert [q.text for q in quotes] == texts
    assert [d.code for d in diags] == [CODE_MALFORMED]


def test_nested_quotes_belong_to_the_outer_quote() -> None:
    quotes, _ = extract("Putin said: «They called it „a mistake“ back then».")
    assert who(quotes) == [("They called it „a mistake“ back then", "putin", "Vladimir Putin")]


@pytest.mark.parametrize(
    ("paragraph", "texts"),
    [
        ("Harris’ team and Trump’s camp don't agree.", []),
        ("Who is the ‘change candidate’?", ["change candidate"]),
        ("Er sagte »genug« und ging.", ["genug"]),
        ("„Ja“, sagte er.", ["Ja"]),
        ('He is 6\'2" tall and "fit".', ["fit"]),
        ('Empty "" marks.', []),
    ],
)
def test_which_marks_quote(paragraph: str, texts: list[str]) -> None:
    quotes, _ = extract(paragraph)
    assert [q.text for q in quotes] == texts


def test_context_is_the_sentence_holding_the_quote() -> None:
    quotes, _ = extract('It rained. Sen. Jones met George W. Bush, who called it "fine". Then they left.')
    assert quotes[0].context == 'Sen. Jones met George W. Bush, who called it "fine".'


def test_wire_labels() -> None:
    quotes, _ = extract(
        'Quote from Mayor Smith: "Roads reopen on Monday."',
        "Details: Putin said the talks would continue.",
        'Quote: "We are open to dialogue."',
        "Quote from Bush:",
        '"We will see."',
        "Quote: no marks at all here.",
    )
    assert who(quotes) == [
        ("Roads reopen on Monday.", None, "Mayor Smith"),
        ("We are open to dialogue.", "putin", "Vladimir Putin"),
        ("We will see.", "bush", "George W. Bush"),
        ("no marks at all here.", "bush", "George W. Bush"),
    ]


def test_bare_quote_label_with_no_attribution_before_is_unattributed() -> None:
    quotes, _ = extract('Quote: "Who said this?"')
    assert who(quotes) == [("Who said this?", None, None)]


def test_blockquotes_are_whole_quotes() -> None:
    quotes, _ = extract(
        "Putin said:",
        Block.plain("blockquote", "We never considered Ukraine a threat."),
        "The archive holds more.",
        Block.plain("blockquote", "“Freedom is on the march.” — George W. Bush (speech, 2005)"),
        Block.plain("blockquote", "An anonymous saying."),
    )
    assert who(quotes) == [
        ("We never considered Ukraine a threat.", "putin", "Vladimir Putin"),
        ("Freedom is on the march.", "bush", "George W. Bush"),
        ("An anonymous saying.", None, None),
    ]


def test_code_blocks_are_skipped_and_numbering_runs_across_blocks() -> None:
    art = article(
        Block.plain("h2", 'A "headline" quote'),
        Block.plain("pre", 'print("not a quote")'),
        Block.plain("li", 'Bush said "one" and "two".'),
    )
    quotes = extract_quotes(art, PEOPLE, Diagnostics())
    assert [(q.anchor, q.block, q.text) for q in quotes] == [
        ("q-1", 0, "headline"),
        ("q-2", 2, "one"),
        ("q-3", 2, "two"),
    ]
    assert_located(art, quotes)


def test_warnings_are_capped_per_article() -> None:
    _, diags = extract(*["Broken” mark."] * 30)
    assert len(diags) == 11
    assert "20 more" in diags.items[-1].message


def test_a_200_kb_block_is_handled_in_one_pass() -> None:
    sentence = '"We will win," Putin said. Bush called it "a «bold» claim" and left. '
    text = sentence * (200_000 // len(sentence)) + '«dangling " marks ” at the end'
    art = article(text)
    quotes = extract_quotes(art, PEOPLE, Diagnostics())
    pairs = 200_000 // len(sentence)
    assert len(quotes) == 2 * pairs + 1
    assert [q.speaker_id for q in quotes[:4]] == ["putin", "bush", "putin", "bush"]
    assert_located(art, quotes)


@pytest.mark.slow
def test_many_marks_in_one_block() -> None:
    art = article('"a" ' * 50_000 + "« " * 20_000)
    quotes = extract_quotes(art, PEOPLE, Diagnostics())
    assert len(quotes) == 50_000
    assert_located(art, quotes)


_ALPHABET = [*"ab .,:;!?\n—-–'’‘\"“”„«»", "Putin ", "Bush ", "he said ", "Quote: ", "Quote from X: ", "Путіна "]
_KINDS: list[BlockKind] = ["p", "li", "h2", "blockquote", "pre"]


@given(
    st.lists(
        st.tuples(st.sampled_from(_KINDS), st.lists(st.sampled_from(_ALPHABET), max_size=60).map("".join)),
        min_size=1,
        max_size=4,
    )
)
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_gives_located_quotes(blocks: list[tuple[BlockKind, str]]) -> None:
    art = article(*(Block.plain(kind, text) for kind, text in blocks))
    diags = Diagnostics()
    quotes = extract_quotes(art, PEOPLE, diags)
    assert_located(art, quotes)
    for q in quotes:
        assert 0 <= q.block < len(art.blocks)
        assert 0 <= q.start < q.end <= len(art.blocks[q.block].text)
        assert q.article_id == "a"
        assert q.speaker_id in (None, "putin", "bush")
        assert isinstance(q.context, str)
    assert all(d.code == CODE_MALFORMED for d in diags)
