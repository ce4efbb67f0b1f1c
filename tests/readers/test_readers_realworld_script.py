"""`python -m generator.readers.realworld FOLDER` reports per file and never raises."""

from __future__ import annotations

from pathlib import Path

import pytest
from readers_support import FIXTURES

from generator.readers.realworld import describe_file, main
from tests.paths import REALWORLD


def test_describes_each_fixture(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(FIXTURES)]) == 0
    out = capsys.readouterr().out
    assert "wp-posts.json: wordpress-json, 4 article(s)" in out
    assert "wire-report.txt: wire-text, 1 article(s)" in out
    assert "saved-page.html: html-page, 1 article(s)" in out
    assert "primary-document.md: markdown, 1 article(s)" in out
    assert "error: [no-body] post 905" in out
    assert out.rstrip().endswith("4 file(s) read")


def test_describes_a_file_that_yields_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty.json").write_text("[]", encoding="utf-8")
    assert describe_file(tmp_path / "empty.json", tmp_path) == [
        "empty.json: wordpress-json, 0 article(s)",
        "  error: [no-article] read as wordpress-json, but it holds no article text (empty.json:1:1)",
    ]


def test_usage_error_for_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "missing")]) == 2
    assert "usage:" in capsys.readouterr().err


@pytest.mark.skipif(not REALWORLD.is_dir(), reason="real-world samples not available")
def test_every_realworld_file_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(REALWORLD)]) == 0
    out = capsys.readouterr().out
    assert "reader-failed" not in out
    assert "thip-media-posts-index-100.json: wordpress-json, 100 article(s)" in out
    assert "animalpolitico-elsabueso-1254944.json: wordpress-json, 0 article(s)" in out
    assert "[no-body]" in out
