"""Inputs that crashed the tools: each must give a located error (or a clean replacement), never a traceback.

Rule (SECURITY.md): whatever the build needs, `check` validates first, at the source line,
and no Python exception text reaches a user; the diagnostics printer survives any string.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diagnostics import Diagnostics, Location
from tests.security.project import Project, base_verdict, codes, describe, new_project

STRICT_UTF8 = {"PYTHONIOENCODING": "utf-8:strict", "PYTHONUTF8": "1"}
HUGE = "1" + "0" * 5000  # beyond Python's 4,300-digit limit for int <-> str
LARGE = "1" + "0" * 4000  # within it, but no real id or scale value


def _strict_stream() -> tuple[io.BytesIO, io.TextIOWrapper]:
    raw = io.BytesIO()
    return raw, io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="\n")


def _assert_no_crash(project: Project, *args: str) -> str:
    """Run the CLI with strict UTF-8 output; its stdout, after checking nothing crashed."""
    done = project.run_cli(*args, env=STRICT_UTF8)
    everything = done.stdout + done.stderr
    assert "Traceback" not in everything and "internal-error" not in everything, everything[-3000:]
    assert "reader-failed" not in everything, everything[-3000:]
    return done.stdout


# --- lone surrogates in WordPress JSON ---------------------------------------------------------

SURROGATE_FIELDS = {
    "title": '"title": {"rendered": "Headline \\ud800 here"}',
    "content": '"content": {"rendered": "<p>Body text \\udfff with a broken emoji.</p>"}',
    "author": '"_embedded": {"author": [{"name": "Jane \\udbff Writer"}]}',
    "link": '"link": "https://news.example/\\ud800/story"',
    "id-string": None,
}


def _post_with(field: str) -> str:
    extra = SURROGATE_FIELDS[field]
    post_id = '"\\ud800"' if field == "id-string" else "7"
    parts = [f'"id": {post_id}', '"title": {"rendered": "A title"}',
             '"content": {"rendered": "<p>Some body text for the article.</p>"}']
    if extra:
        key = extra.split(":", 1)[0]
        parts = [p for p in parts if not p.startswith(key)] + [extra]
    return "[{" + ", ".join(parts) + "}]"


@pytest.mark.parametrize("field", sorted(SURROGATE_FIELDS))
def test_lone_surrogate_in_a_wordpress_post_is_reported_or_replaced(field: str, tmp_path: Path) -> None:
    project = new_project(tmp_path)
    project.write("articles/wp.json", _post_with(field))
    diags = project.check()
    assert "reader-failed" not in codes(diags), describe(diags)
    for diag in diags:
        assert diag.location.path == "content/articles/wp.json" or "wp.json" not in diag.message
    if field == "id-string":
        assert "bad-article-id" in codes(diags), describe(diags)
    else:
        assert codes(diags) == set(), describe(diags)
        assert "lone-surrogate" in codes(diags, errors_only=False)
    _raw, stream = _strict_stream()
    for fmt in ("text", "github", "json"):
        diags.print(stream, fmt)  # raised UnicodeEncodeError before
    stream.flush()


@pytest.mark.slow  # a full MkDocs build
def test_a_post_with_lone_surrogates_everywhere_checks_and_builds(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    post = {"id": 9, "title": {"rendered": "T \ud800"}, "content": {"rendered": "<p>Body \udc00 text.</p>"},
            "link": "https://news.example/\ud800", "_embedded": {"author": [{"name": "A \udfff"}]}}
    project.write("articles/wp.json", json.dumps([post]))  # json.dumps writes them as \ud800 escapes
    _assert_no_crash(project, "check")
    ok, diags = project.build()
    assert ok, describe(diags)
    page = (project.site / "articles" / "wp-9" / "index.html").read_text(encoding="utf-8")
    assert "Body \ufffd text." in html.unescape(page)  # the body's punctuation is written as character references


# --- the printer -------------------------------------------------------------------------------

BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
ANY_TEXT = st.text(st.characters(codec=None, categories=None), max_size=40)


@settings(deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(path=ANY_TEXT, message=ANY_TEXT)
def test_the_printer_survives_any_string(path: str, message: str) -> None:
    diags = Diagnostics()
    diags.error("io", message, Location(path, 3, 4))
    diags.warning("io", message, Location(path))
    for fmt in ("text", "github", "json"):
        raw, stream = _strict_stream()
        diags.print(stream, fmt)
        stream.flush()
        lines = raw.getvalue().decode("utf-8").split("\n")
        assert lines[-1] == "" and len(lines) == 3, lines  # one line per problem, whatever the text holds
        for line in lines[:2]:
            if fmt == "github":
                assert line.startswith(("::error file=", "::warning file="))
            elif fmt == "json":
                assert json.loads(line)["code"] == "io"
            else:
                assert not line.startswith("::") or path.startswith("::")
                assert not any(unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or ch in BIDI for ch in line)


# --- file names that are not UTF-8 -------------------------------------------------------------

BAD = os.fsdecode(b"caf\xe9-\xff")  # Latin-1 bytes: what a Windows archive tool leaves behind


def _bad_names(project: Project, where: str) -> None:
    if where == "article":
        project.write(f"articles/{BAD}.txt", "A title\n\nSome text of the article.\n")
    elif where == "sidecar":
        project.write(f"articles/{BAD}.meta.yaml", "language: en\n")
    elif where == "verdict":
        project.verdict(BAD, base_verdict())
    else:
        project.write(f"pages/{BAD}.md", "# A page\n\nText.\n")


@pytest.mark.parametrize("where", ["article", "sidecar", "verdict", "page"])
def test_a_file_name_that_is_not_utf8_is_a_located_error(where: str, tmp_path: Path) -> None:
    project = new_project(tmp_path)
    _bad_names(project, where)
    out = _assert_no_crash(project, "check")
    errors = [line for line in out.splitlines() if ": error: " in line]
    assert errors and all("caf\\xe9-\\xff" in line and line.startswith("content/") for line in errors), out


@pytest.mark.slow  # a full MkDocs build
def test_a_page_name_that_is_not_utf8_never_reaches_mkdocs(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    _bad_names(project, "page")
    ok, diags = project.build()
    assert not ok
    assert {d.location.path for d in diags.errors} == {f"content/pages/{BAD}.md"}, describe(diags)


# --- numbers beyond Python's int limit ---------------------------------------------------------

@pytest.mark.parametrize("value", [HUGE, LARGE, "-3", "0"])
def test_a_rating_value_out_of_range_is_located(value: str, tmp_path: Path) -> None:
    project = new_project(tmp_path)
    ratings = (project.content / "ratings.yaml").read_text(encoding="utf-8")
    project.write("ratings.yaml", ratings.replace('"value": 3', f'"value": {value}', 1))
    diags = project.check()
    located = [d for d in diags.errors if d.location.path == "content/ratings.yaml" and d.location.line > 1]
    assert located, describe(diags)
    assert "whole number from 1 to 100" in located[0].message  # not "got text": the user wrote a number
    assert "internal-error" not in codes(diags)


def test_an_unquoted_huge_number_is_not_taken_for_text(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    project.write("verdicts/sky-claim.yaml", (project.content / "verdicts" / "sky-claim.yaml").read_text(
        encoding="utf-8").replace('"claim": "The sky is green today"', f'"claim": {HUGE}'))
    diags = project.check()
    assert [(d.code, d.location.line) for d in diags.errors] == [("wrong-type", 1)], describe(diags)
    assert "a number of 5,001 digits" in diags.errors[0].message


@pytest.mark.parametrize("post_id", [HUGE, LARGE])
def test_a_huge_post_id_is_refused_at_check(post_id: str, tmp_path: Path) -> None:
    project = new_project(tmp_path)
    project.write("articles/wp.json", '[{"id": ' + post_id + ', "title": {"rendered": "T"}, '
                  '"content": {"rendered": "<p>Body text.</p>"}}]')
    diags = project.check()
    assert [d.code for d in diags.errors] == ["bad-article-id"], describe(diags)
    assert diags.errors[0].location.path == "content/articles/wp.json"
    assert len(diags.errors[0].message) < 400


# --- dates the build cannot use ----------------------------------------------------------------

@pytest.mark.parametrize("day", [dt.date(2107, 1, 1), dt.date(9999, 12, 31), dt.date(999, 1, 1)])
def test_verdict_dates_outside_the_supported_range_are_located(day: dt.date, tmp_path: Path) -> None:
    project = new_project(tmp_path)
    project.verdict("sky-claim", base_verdict(published=day, updated=[{"date": day, "note": "Fixed."}]))
    diags = project.check()
    bad = sorted((d.location.line, d.code) for d in diags.errors)
    assert [code for _, code in bad] == ["bad-date", "bad-date"], describe(diags)
    assert all(line > 1 for line, _ in bad)


@pytest.mark.parametrize("key", ["published", "modified", "retrieved"])
def test_sidecar_dates_outside_the_supported_range_are_located(key: str, tmp_path: Path) -> None:
    project = new_project(tmp_path)
    project.write("articles/base-wire.meta.yaml", f"outlet: wire-news\n{key}: 2150-01-01\n")
    diags = project.check()
    assert [(d.code, d.location.line) for d in diags.errors] == [("bad-value", 2)], describe(diags)


def test_a_wordpress_date_outside_the_range_is_left_out_with_a_warning(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    project.write("articles/wp.json", '{"id": 1, "date_gmt": "2200-01-01T00:00:00", "title": {"rendered": "T"}, '
                  '"content": {"rendered": "<p>Body text.</p>"}}')
    diags = project.check()
    assert not diags.errors and "bad-date" in codes(diags, errors_only=False), describe(diags)


@pytest.mark.slow  # a full MkDocs build
def test_the_earliest_and_latest_supported_dates_build(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    project.verdict("sky-claim", base_verdict(claim_date=dt.date(1000, 1, 1), published=dt.date(1000, 1, 2),
                                              updated=[{"date": dt.date(2100, 12, 31), "note": "Fixed."}]))
    project.write("articles/base-wire.meta.yaml", "outlet: wire-news\npublished: 1000-01-01\n"
                  "retrieved: 1000-01-01\nmodified: 2100-12-31T23:59:59-12:00\n")
    ok, diags = project.build()
    assert ok, describe(diags)


# --- our own bugs ------------------------------------------------------------------------------

def test_a_reader_bug_is_reported_without_the_exception_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.readers.wordpress import WordPressReader

    def broken(*_args: object) -> list:
        raise ValueError("Python's words \ud800 with the file's bytes")

    monkeypatch.setattr(WordPressReader, "read", broken)
    project = new_project(tmp_path)
    project.write("articles/wp.json", '{"id": 1, "title": {"rendered": "T"}}')
    diags = project.check()
    [failed] = [d for d in diags.errors if d.code == "reader-failed"]
    assert failed.location.path == "content/articles/wp.json" and "Python's words" not in failed.message


def test_an_internal_error_is_reported_without_the_exception_text(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from generator import pipeline
    from generator.cli import cli

    def broken(*_args: object) -> None:
        raise KeyError("Python's words \ud800")

    monkeypatch.setattr(pipeline, "load_archive", broken)
    project = new_project(tmp_path)
    result = CliRunner().invoke(cli, ["--root", str(project.root), "check"])
    assert result.exit_code == 1 and "internal-error" in result.output
    assert "Python's words" not in result.output and "Traceback" not in result.output
