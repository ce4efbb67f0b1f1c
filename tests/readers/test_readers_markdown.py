"""Markdown with YAML front matter."""

from __future__ import annotations

import datetime as dt

import pytest
from readers_support import Project, make_outlet, problems

from generator.model import Run
from generator.readers.hygiene import tidy_runs
from generator.readers.mdinline import parse_inline
from generator.readers.mdtext import markdown_to_blocks
from tests.workcount import assert_linear


def test_front_matter_gives_the_metadata(project: Project) -> None:
    project.copy_fixture("primary-document.md", "statement.txt")
    articles, diags = project.read()
    article = articles["statement"]
    assert article.format == "markdown"
    assert article.title == "Statement of the Ministry of Transport, 4 March 2024"
    assert article.url == "https://ministry.example.gov/statements/2024-03-04"
    assert article.published == dt.date(2024, 3, 4)
    assert article.retrieved == dt.date(2024, 3, 10)
    assert (article.language, article.author) == ("en", "Press office")
    assert len(diags) == 0


def test_body_blocks_and_inline_markup(project: Project) -> None:
    project.copy_fixture("primary-document.md")
    blocks = project.read()[0]["primary-document"].blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (
            "p",
            "The ministry confirms that the bridge will open to traffic in May 2024, as set out in the "
            "construction schedule.",
        ),
        ("h2", "Key dates"),
        ("li", "Phase one: completed"),
        ("li", "Phase two: in progress, see https://ministry.example.gov/phase-two"),
        ("li", "Phase three: planned"),
        ("blockquote", "We remain on schedule. The budget is unchanged."),
        (
            "p",
            "Raw markup such as <script>alert(1)</script> and <b>bold</b> stays text, and so does a bad link or "
            "a relative one.",
        ),
        ("pre", "table  spacing   kept"),
    ]
    assert blocks[0].runs[1:4] == (
        Run("confirms", strong=True),
        Run(" that the bridge will open to traffic in "),
        Run("May 2024", em=True),
    )
    assert blocks[0].runs[5] == Run("construction schedule", href="https://ministry.example.gov/schedule")
    assert [r.href for r in blocks[6].runs] == [None]  # raw HTML and unsafe links are only text


def test_heading_becomes_the_title_when_front_matter_has_none(project: Project) -> None:
    project.write("note.md", "---\nlanguage: uk\n---\n\n# Заява   прес-служби\n\nТекст заяви.\n")
    article = project.read()[0]["note"]
    assert article.title == "Заява прес-служби"
    assert [b.text for b in article.blocks] == ["Текст заяви."]


def test_a_different_heading_is_kept_in_the_body(project: Project) -> None:
    project.write("note.md", "---\ntitle: Official title\n---\n# Another heading\n\nText.\n")
    article = project.read()[0]["note"]
    assert article.title == "Official title"
    assert [(b.kind, b.text) for b in article.blocks] == [("h2", "Another heading"), ("p", "Text.")]


def test_no_title_anywhere_is_a_warning(project: Project) -> None:
    project.write("untitled.md", "---\n---\nSome words of the body.\n")
    articles, diags = project.read()
    assert articles["untitled"].title == "Some words of the body."
    assert problems(diags) == [("warning", "empty-title", "content/articles/untitled.md:1:1")]


def test_front_matter_errors_are_reported_at_their_line(project: Project) -> None:
    project.write("bad.md", "---\ntitle: Fine\ntitel: Typo\npublished: [2024]\nurl: ftp://x.org/a\n---\nBody.\n")
    articles, diags = project.read()
    assert problems(diags) == [
        ("error", "unknown-key", "content/articles/bad.md:3:1"),
        ("error", "wrong-type", "content/articles/bad.md:4:12"),
        ("error", "bad-url", "content/articles/bad.md:5:6"),
    ]
    assert "did you mean 'title'?" in diags.errors[0].message
    assert articles["bad"].title == "Fine"
    assert articles["bad"].url is None


def test_front_matter_yaml_syntax_error_at_its_line(project: Project) -> None:
    project.write("syntax.md", "---\ntitle: Fine\nauthor: [unclosed\n---\nBody.\n")
    diags = project.read()[1]
    assert [(d.code, d.location.line) for d in diags] == [("yaml-syntax", 3)]


def test_unclosed_front_matter(project: Project) -> None:
    project.write("open.md", "---\ntitle: Never closed\nBody.\n")
    articles, diags = project.read()
    assert (articles, problems(diags)) == ({}, [("error", "front-matter", "content/articles/open.md:1:1")])


def test_front_matter_outlet(project: Project) -> None:
    project.write("known.md", "---\ntitle: A\noutlet: ministry\n---\nBody.\n")
    project.write("unknown.md", "---\ntitle: B\noutlet: minstry-typo\n---\nBody.\n")
    outlets = {"ministry": make_outlet("ministry", "Ministry of Transport")}
    articles, diags = project.read(outlets)
    assert articles["known"].outlet_id == "ministry"
    assert articles["unknown"].outlet_id is None
    assert problems(diags) == [("error", "unknown-outlet", "content/articles/unknown.md:3:9")]
    assert "did you mean 'ministry'?" in diags.errors[0].message


@pytest.mark.parametrize(
    ("markdown", "runs"),
    [
        (
            "**bold *both* bold**",
            (Run("bold", strong=True), Run(" "), Run("both", strong=True, em=True), Run(" "), Run("bold", strong=True)),
        ),
        ("snake_case_name and _em_", (Run("snake_case_name and "), Run("em", em=True))),
        (r"\*not em\* and `**code**`", (Run("*not em* and **code**"),)),
        ("[**bold link**](https://e.org) after", (Run("bold link", strong=True, href="https://e.org"), Run(" after"))),
        ("**unclosed and *em*", (Run("**unclosed and "), Run("em", em=True))),
        ("a * b * c", (Run("a * b * c"),)),
        ("[a [b](https://e.org/x_(y))", (Run("[a "), Run("b", href="https://e.org/x_(y)"))),
        ("<b>raw</b> <https://e.org/x>", (Run("<b>raw</b> "), Run("https://e.org/x", href="https://e.org/x"))),
    ],
)
def test_inline_markdown(markdown: str, runs: tuple[Run, ...]) -> None:
    assert tidy_runs(parse_inline(markdown)) == runs


UNMATCHED_UNITS = ["_a_b ", "**a ", "[a](", "[", "<https://a", "\\a"]


@pytest.mark.parametrize("unit", UNMATCHED_UNITS)
def test_inline_markdown_keeps_unmatched_delimiters_literal(unit: str) -> None:
    text = unit * (6_000 // len(unit))
    runs = parse_inline(text)
    assert "".join(r.text for r in runs) == text  # nothing in these pairs up: all literal


@pytest.mark.slow
def test_inline_markdown_work_is_linear_on_unmatched_delimiters() -> None:
    sizes = {
        unit: (f"{unit!r} * {2_000 // len(unit)}", f"{unit!r} * {20_000 // len(unit)}") for unit in UNMATCHED_UNITS
    }
    sizes["heading-spaces"] = ('"# a" + " " * 2_000 + "b"', '"# a" + " " * 20_000 + "b"')
    setup = (
        "from generator.readers.mdinline import parse_inline\n"
        "from generator.readers.mdtext import markdown_to_blocks"
    )
    assert_linear(setup, "parse_inline(text) if not text.startswith('# ') else markdown_to_blocks(text)", sizes, 10)


def test_headings_with_long_runs_of_spaces() -> None:
    title, blocks = markdown_to_blocks("# a" + " " * 50_000 + "b\n\n## Closed ##\n\n# C#")
    assert title is not None and title.text == "a b"
    assert [(b.kind, b.text) for b in blocks] == [("h2", "Closed"), ("h2", "C#")]
