"""One run reports everything; loaded verdicts keep their locations; found quotes get anchors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.checks import ArticleText
from generator.diagnostics import Location
from generator.model import Anchor, Article, Block
from tests.workcount import assert_linear

from .kit import PEOPLE, VERDICT, VERDICT_PATH, edit, run_check, verdict_with, write_project

MANY_MISTAKES = """\
claim: yes
claimant: putin-v
claim_date: 2025-13-45
appearances:
  - article: 000_transcript
    quote: "But we feel left out of NATO."
  - article: 000_transcripts
    quote: "But we feel shut out of NATO."
  - article: 000_transcripts
    qoute: "Russia is European."
rating: mostly true
summary: ''
evidence:
  - url: javascript:alert(1)
  - article: 004_ukrmedia
    quote: "defined Ukraine's membership in NATO as a red line"
author: 2026
published: 2026-01-05
tags: [nato, Russia]
cliam: x
rating: false
"""

MANY_EXPECTED = [
    (1, 8, "yaml-bool-word"),
    (2, 11, "unknown-claimant"),
    (3, 13, "bad-date"),
    (5, 14, "unknown-article"),
    (8, 12, "quote-not-found"),
    (10, 5, "unknown-key"),
    (11, 9, "unknown-rating"),
    (12, 10, "empty-value"),
    (14, 10, "bad-url"),
    (16, 12, "quote-not-found"),
    (17, 9, "wrong-type"),
    (19, 14, "bad-tag"),
    (20, 1, "unknown-key"),
    (21, 1, "duplicate-key"),
]


def test_a_file_with_many_mistakes_reports_every_one_in_one_run(tmp_path: Path) -> None:
    broken_people = edit(PEOPLE, "  aliases: [Bush]", "  alias: [Bush]")
    write_project(tmp_path, {VERDICT_PATH: MANY_MISTAKES, "content/people.yaml": broken_people})
    _, diags = run_check(tmp_path)
    in_verdict = [(d.location.line, d.location.col, d.code) for d in diags.sorted() if d.location.path == VERDICT_PATH]
    assert in_verdict == MANY_EXPECTED
    people = [(d.location.line, d.code) for d in diags.sorted() if d.location.path == "content/people.yaml"]
    assert people == [(7, "unknown-key")]
    assert len(diags.errors) == len(MANY_EXPECTED) + 1


def test_a_quote_that_drops_the_sources_quote_marks_fails_and_says_so(tmp_path: Path) -> None:
    """Quote marks are unified, not removed: «red line» in the source needs marks in the quote too."""
    write_project(tmp_path, {VERDICT_PATH: MANY_MISTAKES})
    _, diags = run_check(tmp_path)
    [miss] = [d for d in diags if d.location.line == 16 and d.location.path == VERDICT_PATH]
    assert miss.message == (
        "quote not found in article '004_ukrmedia'; closest passage: "
        "\"defined Ukraine's membership in NATO as a «red line»;\"; "
        "the words match; capitalisation, punctuation or quote marks differ"
    )


def test_a_valid_verdict_keeps_every_location(tmp_path: Path) -> None:
    write_project(tmp_path, {})
    archive, diags = run_check(tmp_path)
    assert not list(diags)
    verdict = archive.verdicts["case-verdict"]
    assert verdict.claim_date == dt.date(2001, 6, 16)
    assert verdict.location == Location(VERDICT_PATH, 1, 1)
    assert verdict.field_locations["rating"] == Location(VERDICT_PATH, 7, 9)
    assert verdict.field_locations["evidence.1.url"] == Location(VERDICT_PATH, 13, 10)
    first = verdict.appearances[0]
    assert first.location == Location(VERDICT_PATH, 5, 5)
    assert first.quote_location == Location(VERDICT_PATH, 6, 12)
    assert verdict.evidence[1].url == "https://example.org/transcript"
    assert verdict.evidence[1].quote_location is None
    assert verdict.tags == ("nato", "russia")


def test_found_quotes_get_anchors_named_after_extracted_quotes_or_the_citation(tmp_path: Path) -> None:
    write_project(tmp_path, {})
    archive, _ = run_check(tmp_path)
    anchors = archive.citation_anchors
    # "But we feel left out of NATO." lies inside the article's extracted quote q-1.
    assert anchors[("case-verdict", "appearances", 0)] == Anchor("000_transcripts", "q-1", 1, 39, 68)
    block = archive.articles["000_transcripts"].blocks[3].text
    start = block.index("Perhaps")
    assert anchors[("case-verdict", "evidence", 0)] == Anchor(
        "000_transcripts", "c-case-verdict-e0", 3, start, start + len("Perhaps Russia could be an Ally.")
    )
    assert ("case-verdict", "evidence", 1) not in anchors  # a URL has no anchor


def test_a_quote_across_two_blocks_is_anchored_in_its_first_block(tmp_path: Path) -> None:
    quote = "quote: 'George Bush. Quote from Putin: \"Russia is European.'"
    write_project(tmp_path, verdict_with('quote: "Perhaps Russia could be an Ally."', quote))
    archive, diags = run_check(tmp_path)
    assert not list(diags)
    first_block = archive.articles["000_transcripts"].blocks[0].text
    anchor = archive.citation_anchors[("case-verdict", "evidence", 0)]
    assert (anchor.block, anchor.start, anchor.end) == (0, first_block.index("George Bush."), len(first_block))


def test_normalisation_matches_curly_quotes_apostrophes_dashes_and_spacing(tmp_path: Path) -> None:
    quote = (
        'quote: "Ukraine\'s accession to NATO \\"will create a field of   conflict'
        ' between Russia and the United States\\""'
    )
    verdict = edit(VERDICT, '  - url: https://example.org/transcript', '  - article: 004_ukrmedia\n    ' + quote)
    verdict = edit(verdict, "    title: The transcript\n", "")
    write_project(tmp_path, {VERDICT_PATH: verdict})
    archive, diags = run_check(tmp_path)
    assert not list(diags)
    anchor = archive.citation_anchors[("case-verdict", "evidence", 1)]
    text = archive.articles["004_ukrmedia"].blocks[anchor.block].text
    assert text[anchor.start : anchor.end] == (
        "Ukraine’s accession to NATO «will create a field of conflict between Russia and the United States»"
    )


def test_an_article_citation_without_a_quote_is_fine_and_has_no_anchor(tmp_path: Path) -> None:
    write_project(tmp_path, verdict_with('    quote: "Perhaps Russia could be an Ally."\n', ""))
    archive, diags = run_check(tmp_path)
    assert not list(diags)
    assert ("case-verdict", "evidence", 0) not in archive.citation_anchors


def _long_article(words: int) -> Article:
    tokens = [f"w{i % 5000}x{i % 7}" for i in range(words)]
    blocks = tuple(Block.plain("p", " ".join(tokens[i : i + 100])) for i in range(0, len(tokens), 100))
    return Article("long", Location("content/articles/long.txt"), "text", "Long", blocks, "0" * 64)


def test_closest_passage_on_a_long_article() -> None:
    article = _long_article(120_000)
    wanted = article.blocks[900].text.split()[20:60]
    wanted[10] = "changed"
    passage = ArticleText(article).closest(" ".join(wanted))
    assert passage is not None
    assert passage.differences == (
        f'the quote has "changed" where the article has "{article.blocks[900].text.split()[30]}"',
    )


@pytest.mark.slow
def test_closest_passage_work_is_linear_in_the_article() -> None:
    setup = (
        "from generator.checks import ArticleText\n"
        "from tests.check.test_check_run import _long_article\n"
        "def closest(words):\n"
        "    article = _long_article(words)\n"
        "    wanted = article.blocks[len(article.blocks) // 2].text.split()[20:60]\n"
        "    wanted[10] = 'changed'\n"
        "    ArticleText(article).closest(' '.join(wanted))\n"
    )
    assert_linear(setup, "closest(text)", {"long-article": ("1_500", "15_000")}, 10)
