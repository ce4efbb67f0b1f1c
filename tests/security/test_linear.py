"""Super-linear inputs: work counted on a 1x and a 10x input must grow about 10x, never 100x.

Work is counted, never timed (tests/security/steps.py): regex steps as a backtracking
engine walks the pattern, and Python-Markdown's inline work (text copied per match,
characters walked by link parsing). Each case is a long run of one kind of punctuation,
the shape that made a pattern or a parser go quadratic; a benign text of the same
size is the baseline the size limits were chosen against.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from generator.diagnostics import Location
from generator.limits import MAX_BODY_PARAGRAPH_CHARS
from generator.model import Article, Block
from generator.quotes import _SENTENCE_END
from generator.site.article_body import render_article_body
from generator.site.contributor import render_block_html, render_inline_md, render_plain_text
from tests.security.project import base_verdict, codes, describe, new_project
from tests.security.steps import BudgetExceeded, markdown_work, regex_steps

GROWTH = 13  # allowed growth of work from 1x to 10x input (linear: 10, plus constant terms)

# The sentence pattern as it was: each run of n marks was tried from each of its n positions.
QUADRATIC_SENTENCE_END = re.compile(r"[.!?…]+[\"”»’)\]]*(?=\s+[\"“«„(\[]?[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐ0-9])")

SENTENCE_RUNS = {
    "dots": ".",
    "bangs": "!",
    "questions": "?",
    "ellipses": "…",
    "mixed": ".!?…",
    "dot-space": ". ",
    "closers": '."»)',
    "spaces-after-dot": ".     ",
}


def _steps(pattern: re.Pattern[str], unit: str, times: int, budget: int) -> int:
    text = "He said it. " + unit * times + " and went on."
    return regex_steps(pattern, text, budget=budget)[0]


def _grows_linearly(pattern: re.Pattern[str], unit: str, base: int = 60) -> bool:
    small = _steps(pattern, unit, base, budget=10_000_000)
    try:
        large = _steps(pattern, unit, base * 10, budget=small * GROWTH)
    except BudgetExceeded:
        return False
    return large <= small * GROWTH


@pytest.mark.parametrize("unit", SENTENCE_RUNS.values(), ids=SENTENCE_RUNS.keys())
def test_sentence_pattern_is_linear_on_runs_of_punctuation(unit: str) -> None:
    assert _grows_linearly(_SENTENCE_END, unit)


@pytest.mark.parametrize("unit", [".", ".!?…"])
def test_the_step_counter_sees_the_old_quadratic_pattern(unit: str) -> None:
    assert not _grows_linearly(QUADRATIC_SENTENCE_END, unit, base=12)


@pytest.mark.parametrize("text", ["End. Next", "Wait... What?! «Yes.» (No.) 1. 2.", "a.b. C", ".\n\nA", "…»  «Б"])
def test_the_step_counter_finds_what_re_finds(text: str) -> None:
    for pattern in (_SENTENCE_END, QUADRATIC_SENTENCE_END):
        assert regex_steps(pattern, text)[1] == [m.span() for m in pattern.finditer(text)]


# --- article bodies through Python-Markdown (what MkDocs does with the generated page) ----------

ESCAPED_PUNCTUATION = list(":~=^&<>\\`*_{}[]()#+-.!|")
KINDS = ["p", "li", "blockquote", "h2"]


def _article(kind: str, text: str) -> Article:
    return Article("a", Location("content/articles/a.txt"), "text", "T", (Block.plain(kind, text),), "0" * 64)


def _page_work(kind: str, text: str) -> int:
    # The article page puts the body, one raw HTML block, under its own heading.
    page = "## Text\n\n" + render_article_body(_article(kind, text), {}) + "\n"
    with markdown_work() as work:
        markdown.Markdown(extensions=["toc", "tables", "admonition"]).convert(page)
    return work.total


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("char", ESCAPED_PUNCTUATION)
def test_article_text_renders_in_linear_work(kind: str, char: str) -> None:
    small, large = _page_work(kind, char * 500), _page_work(kind, char * 5_000)
    assert large <= small * GROWTH + 1_000, (small, large)


def test_hostile_article_text_costs_no_more_than_prose_of_the_same_size() -> None:
    prose = _page_work("p", "Words of an ordinary sentence. " * 600)
    colons = _page_work("p", ":" * len("Words of an ordinary sentence. " * 600))
    assert colons <= prose * 2 + 1_000, (prose, colons)


# --- contributor Markdown: verdict summaries, bodies, notes -------------------------------------

BRACKET_RUNS = {
    "opening": "[",
    "images": "![",
    "closing": "]",
    "unclosed-links": "[a](",
    "quoted-destinations": '[a]("',
    "bad-titles": '[a](u "t" x)',
    "nested": "[[",
    "references": "[a][",
}


def _contributor_work(text: str) -> int:
    with markdown_work() as work:
        render_block_html(text, "verdicts/v.md")
        render_inline_md(text)
        render_plain_text(text)
    return work.scanned


@pytest.mark.parametrize("unit", BRACKET_RUNS.values(), ids=BRACKET_RUNS.keys())
def test_link_parsing_of_contributor_markdown_is_linear(unit: str) -> None:
    times = 200 // len(unit)
    small, large = _contributor_work(unit * times), _contributor_work(unit * times * 10)
    assert large <= small * GROWTH + 100, (small, large)


def test_nested_brackets_around_a_real_link_still_render() -> None:
    html, _ = render_block_html("See [the [full] report](https://example.org/r) and [[x]].", "verdicts/v.md")
    assert '<a href="https://example.org/r" rel="nofollow noopener">the [full] report</a>' in html
    assert "[[x]]" in html


# --- limits, reported at the line --------------------------------------------------------------

@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"summary": "[" * 2_001}, "summary"),
        ({"claim": "x" * 501}, "claim"),
        ({"author": "x" * 201}, "author"),
        ({"body": ("word " * 1_001 + "\n\n") * 2}, "body"),
        ({"body": ("word " * 900 + "\n\n") * 12}, "body"),
        ({"evidence": [{"url": "https://e.org/", "title": "t", "note": "n" * 2_001}]}, "note"),
        ({"tags": ["a" * 81]}, "tags"),
    ],
)
def test_verdict_text_over_its_limit_is_located(changes: dict, key: str, tmp_path: Path) -> None:
    project = new_project(tmp_path)
    project.verdict("sky-claim", base_verdict(**changes))
    diags = project.check()
    assert codes(diags) & {"too-long", "bad-tag"}, describe(diags)
    assert all(d.location.path.endswith("sky-claim.yaml") and d.location.col > 1 for d in diags.errors)


def test_a_body_paragraph_limit_keeps_long_bodies_possible(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    paragraph = "word " * (MAX_BODY_PARAGRAPH_CHARS // 5 - 1)
    project.verdict("sky-claim", base_verdict(body="\n\n".join([paragraph] * 9)))
    diags = project.check()
    assert not diags.errors, describe(diags)


def test_an_article_over_the_text_limit_is_refused_at_its_file(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    project.write("articles/huge.txt", "A title\n\n" + ("Text of the article. " * 50 + "\n\n") * 2_000)
    diags = project.check()
    assert [(d.code, d.location.path) for d in diags.errors] == [("too-large", "content/articles/huge.txt")]


def _article_page_work(tmp_path: Path, run: str) -> int:
    """Python-Markdown's inline work on a whole generated article page with `run` in every field."""
    from generator.build import generate
    from generator.diagnostics import Diagnostics

    project = new_project(tmp_path)
    project.write("articles/w.txt", f"Title {run[:900]}\n\nPara one {run}.\nSource: {run}\n"
                  f'Quote from {run[:60]}: "{run}"\nBackground: {run}\n\n- item {run}\n')
    project.write("articles/w.meta.yaml", f"author: \"A {run[:150]}\"\n")
    diags = Diagnostics()
    assert generate(project.root, diags) is not None, describe(diags)
    page = (project.docs / "articles" / "w.md").read_text(encoding="utf-8")
    with markdown_work() as work:
        markdown.Markdown(extensions=["toc", "tables", "admonition"]).convert(page)
    return work.total


@pytest.mark.parametrize("char", [":", "*", "["])
def test_a_whole_article_page_renders_in_linear_work(char: str, tmp_path: Path) -> None:
    small = _article_page_work(tmp_path / "small", char * 1_000)
    large = _article_page_work(tmp_path / "large", char * 10_000)
    assert large <= small * GROWTH, (small, large)


def test_a_sidecar_title_over_the_limit_is_refused(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    project.write("articles/base-wire.meta.yaml", "outlet: wire-news\ntitle: \"" + ":" * 1_001 + "\"\n")
    diags = project.check()
    assert ("too-large", "content/articles/base-wire.txt") in {(d.code, d.location.path) for d in diags.errors}


@pytest.mark.parametrize(
    ("registry", "text"),
    [
        ("ratings.yaml", '"false": {"label": "False", "value": 1, "description": "' + "[" * 2_001 + '"}\n'),
        ("ratings.yaml", '"false": {"label": "' + "x" * 201 + '", "value": 1}\n'),
        ("people.yaml", '"speaker": {"name": "Jane Speaker", "aliases": ["' + "[" * 201 + '"]}\n'),
        ("people.yaml", '"speaker": {"name": "Jane Speaker", "role": "' + ":" * 501 + '"}\n'),
        ("outlets.yaml", '"wire-news": {"name": "' + "*" * 201 + '"}\n'),
    ],
)
def test_registry_text_over_its_limit_is_located(registry: str, text: str, tmp_path: Path) -> None:
    project = new_project(tmp_path)
    project.write(registry, text)
    diags = project.check()
    assert [(d.code, d.location.path) for d in diags.errors if d.code == "too-long"] == [
        ("too-long", f"content/{registry}")
    ], describe(diags)
