"""The writer: every output path once, never outside the output folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics, Location
from generator.site.writer import OUTPUT_COLLISION, UNSAFE_OUTPUT_PATH, SiteWriter


def codes(diags: Diagnostics) -> list[str]:
    return [d.code for d in diags]


def test_writes_a_page(tmp_path: Path) -> None:
    diags = Diagnostics()
    assert SiteWriter(tmp_path, diags).write("verdicts/a.md", "# A\n")
    assert (tmp_path / "verdicts/a.md").read_text(encoding="utf-8") == "# A\n"
    assert not diags.items


def test_second_write_to_one_path_is_refused(tmp_path: Path) -> None:
    diags = Diagnostics()
    writer = SiteWriter(tmp_path, diags)
    assert writer.write("index.md", "first\n")
    assert not writer.write("index.md", "second\n", Location("content/pages/index.md"))
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "first\n"
    assert codes(diags) == [OUTPUT_COLLISION]
    assert diags.items[0].location.path == "content/pages/index.md"


def test_paths_differing_only_in_case_collide(tmp_path: Path) -> None:
    diags = Diagnostics()
    writer = SiteWriter(tmp_path, diags)
    assert writer.reserve("verdicts/Foo.md", Location("content/verdicts/Foo.yaml"))
    assert not writer.reserve("verdicts/foo.md", Location("content/verdicts/foo.yaml"))
    assert codes(diags) == [OUTPUT_COLLISION]
    assert "content/verdicts/Foo.yaml" in diags.items[0].message


@pytest.mark.parametrize(
    "path",
    ["../escape.md", "verdicts/../../x.md", "/etc/passwd", "a\\b.md", "", "verdicts/.hidden.md", "a//b.md", "x\x00.md"],
)
def test_unsafe_paths_are_refused(tmp_path: Path, path: str) -> None:
    diags = Diagnostics()
    assert not SiteWriter(tmp_path / "out", diags).write(path, "x")
    assert codes(diags) == [UNSAFE_OUTPUT_PATH]
    assert not (tmp_path / "escape.md").exists()


def test_symlinked_folder_cannot_lead_outside(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "link").symlink_to(tmp_path)
    diags = Diagnostics()
    assert not SiteWriter(out, diags).write("link/x.md", "x")
    assert codes(diags) == [UNSAFE_OUTPUT_PATH]
