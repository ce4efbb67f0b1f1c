"""`factcheck new verdict`: the template is safe YAML, checked, and valid once filled in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.scaffold import new_verdict, render_template, verdict_slug, yaml_string
from generator.yamlio import load_yaml_text

from .kit import run_check, transcripts_article, write_project

TODAY = dt.date(2026, 2, 3)


def _fill(text: str) -> str:
    """What a contributor does: replace every TODO line."""
    filled = {
        '"TODO: the claim, in one sentence"': "Putin said Russia felt left out of NATO",
        '"TODO: person id, outlet id or name"': "putin",
        '"TODO: a rating"': "mostly-true",
        '"TODO: what we found"': "The transcript records it.",
        "TODO: the explanation, in Markdown.": "The transcript, as reported, says so.",
        '"https://example.org/TODO"': "https://example.org/transcript",
        '"TODO: the title of the source"': "The transcript",
        '"TODO: what this source shows"': "Putin's words.",
        '"TODO: your name or desk"': "Archive desk",
    }
    for old, new in filled.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def test_template_passes_the_checker_once_filled_in(tmp_path: Path) -> None:
    write_project(tmp_path, {"content/verdicts/case-verdict.yaml": None})
    diags = Diagnostics()
    quote = "we feel left out of NATO"
    written = new_verdict(tmp_path / "content/verdicts", transcripts_article(), quote, TODAY, diags)
    assert written is not None and not list(diags)
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/verdict.schema.json\n")
    assert "published: 2026-02-03" in text
    written.write_text(_fill(text), encoding="utf-8")
    archive, diags = run_check(tmp_path)
    assert [d.format() for d in diags] == []
    verdict = archive.verdicts[written.stem]
    assert verdict.appearances[0].article == "000_transcripts"
    assert (verdict.id, "appearances", 0) in archive.citation_anchors


def test_unfilled_template_is_reported_field_by_field(tmp_path: Path) -> None:
    write_project(tmp_path, {"content/verdicts/case-verdict.yaml": None})
    written = new_verdict(tmp_path / "content/verdicts", transcripts_article(), None, TODAY, Diagnostics())
    assert written is not None
    _, diags = run_check(tmp_path)
    assert {d.code for d in diags} == {"placeholder"}
    names = [d.message.split(" ")[0] for d in diags.sorted()]
    assert names == ["claim", "claimant", "quote", "rating", "summary", "body", "url", "title", "note", "author"]


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    article = transcripts_article()
    diags = Diagnostics()
    first = new_verdict(tmp_path, article, None, TODAY, diags)
    assert first is not None
    first.write_text("mine\n", encoding="utf-8")
    assert new_verdict(tmp_path, article, None, TODAY, diags) is None
    assert first.read_text(encoding="utf-8") == "mine\n"
    assert [d.code for d in diags] == ["file-exists"]


def test_quote_is_checked_against_the_article_first(tmp_path: Path) -> None:
    diags = Diagnostics()
    assert new_verdict(tmp_path, transcripts_article(), "we feel shut out of NATO", TODAY, diags) is None
    assert list(tmp_path.iterdir()) == []
    assert [d.format() for d in diags] == [
        "content/articles/000_transcripts.txt:1:1: error: the --quote text is not in article '000_transcripts'; "
        'closest passage: "we feel left out of NATO."; the quote has "shut" where the article has "left"; '
        "copy the words exactly [quote-not-found]"
    ]


@pytest.mark.parametrize(
    "value",
    ['he said "no": #1', "line one\nline two", "tab\there", "«Ukraine» — ’s", "\u2028", "*a &b !c", "", "yes"],
)
def test_values_are_written_as_safe_yaml_strings(value: str) -> None:
    diags = Diagnostics()
    assert load_yaml_text(f"key: {yaml_string(value)}\n", "t.yaml", diags) == {"key": value}
    assert not list(diags)


def test_a_hostile_quote_cannot_change_the_templates_structure() -> None:
    quote = 'x"\nrating: "true"\nclaim: injected\n#'
    text = render_template(transcripts_article(), quote, TODAY)
    diags = Diagnostics()
    data = load_yaml_text(text, "t.yaml", diags)
    assert not list(diags)
    assert data["appearances"][0]["quote"] == quote  # type: ignore[index]
    assert data["rating"] == "TODO: a rating"  # type: ignore[index]


def test_slug_comes_from_the_title_and_stays_short() -> None:
    article = transcripts_article()
    assert verdict_slug(article) == "transcripts"
    long = type(article)(**{**article.__dict__, "title": "Putin asked the US " * 10})
    assert len(verdict_slug(long)) <= 60 and not verdict_slug(long).endswith("-")
