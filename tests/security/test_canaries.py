"""Canaries: with a protection switched off, the security tests must notice.

Each test removes one protection with monkeypatch (the template finalizer's
escaping for Markdown and HTML, the nh3 sanitiser, the CSV formula guard, the
YAML size limit, the output plan's path confinement, the content-derived
build date) and checks that the same
detector the real tests use now reports the damage. A security test whose
detector cannot see a removed protection would pass for the wrong reason.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from markupsafe import Markup

from generator.diagnostics import Diagnostics

from .corpus import VECTORS
from .detect import scan_csv, scan_site
from .project import Project, base_verdict, codes, describe, new_project

SCRIPT = next(v for v in VECTORS if v.id == "001")
FORMULA = next(v for v in VECTORS if v.id == "093")


def _replace_everywhere(monkeypatch: pytest.MonkeyPatch, module_prefix: str, name: str, new: Callable) -> int:
    """Replace a function in every module that imported it by name; how many modules had it."""
    count = 0
    for module_name, module in list(sys.modules.items()):
        if module_name.startswith(module_prefix) and callable(getattr(module, name, None)):
            monkeypatch.setattr(module, name, new)
            count += 1
    return count


def _hostile_project(tmp_path: Path) -> Project:
    project = new_project(tmp_path / "project")
    project.verdict("sky-claim", base_verdict(claim=f"Claim {SCRIPT.payload}", body=f"Body.\n\n{SCRIPT.payload}\n"))
    return project


def _unescaped(value: object) -> Markup:
    """escape_text with its escaping removed: every value is trusted as it is."""
    return Markup("" if value is None else str(value))


def test_without_markdown_escaping_the_corpus_goes_live(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.site  # noqa: F401 - loads every page module, so each imported copy is patched
    from generator.site import templating

    project = _hostile_project(tmp_path)
    ok, diags = project.build()
    assert ok, describe(diags)
    assert scan_site(project.site) == [], "the protected build is not clean to begin with"
    # The finalizer (templating._finalize) looks escape_text up at each call; views, article_body and
    # the page types hold their own imported copies.
    assert _replace_everywhere(monkeypatch, "generator.site", "escape_text", _unescaped) >= 3
    assert templating.escape_text is _unescaped
    ok, diags = project.build()
    assert ok, describe(diags)
    markers = {m for f in scan_site(project.site) for m in f.markers}
    assert SCRIPT.marker in markers, "escaping was switched off, yet the detector found nothing"


def test_without_nh3_a_verdict_body_goes_live(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import nh3

    project = _hostile_project(tmp_path)
    monkeypatch.setattr(nh3, "clean", lambda html, **_kw: html)
    ok, diags = project.build()
    assert ok, describe(diags)
    live = [f for f in scan_site(project.site) if f.file.startswith("verdicts/sky-claim/")]
    assert any(SCRIPT.marker in f.markers for f in live), "nh3 was switched off, yet the detector found nothing"


def test_without_the_formula_guard_csv_cells_are_flagged(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.site.pages import exports

    rows = [{"claim": FORMULA.payload}]
    assert scan_csv(exports.to_csv(["claim"], rows), "v.csv") == []
    monkeypatch.setattr(exports, "csv_cell", lambda value: "" if value is None else str(value))
    assert scan_csv(exports.to_csv(["claim"], rows), "v.csv"), "the formula guard was removed unnoticed"


def test_without_the_size_limit_a_huge_yaml_file_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import yamlio

    project = new_project(tmp_path / "project")
    project.write("verdicts/huge.yaml", "x: " + "y" * 1_100_000 + "\n")
    assert "yaml-too-large" in codes(project.check())
    monkeypatch.setattr(yamlio, "MAX_YAML_BYTES", 10**9)
    assert "yaml-too-large" not in codes(project.check())


def test_without_path_confinement_a_post_id_escapes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sandbox check of test_paths.py sees the write once both layers are switched off."""
    import generator.readers
    from generator.build import generate
    from generator.site import output

    mark = "CANARYPWNQ"
    project = new_project(tmp_path / "sandbox" / "a" / "b" / "c" / "project")
    climb = "../" * 9 + mark
    project.write("articles/wp.txt", f'[{{"id": "{climb}", "title": "T", "content": "<p>Body text.</p>"}}]')
    assert generate(project.root, Diagnostics()) is None
    assert not (tmp_path / f"{mark}.md").exists()
    monkeypatch.setattr(generator.readers, "ARTICLE_ID", re.compile(r".*", re.S))
    monkeypatch.setattr(output, "_is_safe_path", lambda _path: True)
    diags = Diagnostics()
    generate(project.root, diags)
    escaped = [p for p in tmp_path.rglob(f"*{mark}*") if not p.is_relative_to(project.root)]
    assert escaped, f"confinement was switched off, yet nothing was written outside: {describe(diags)}"


@contextlib.contextmanager
def _no_op(_archive: Any) -> Iterator[None]:
    yield


def test_without_the_content_date_the_sitemap_shows_the_clock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    import generator.build

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = new_project(tmp_path / "project")
    today = dt.datetime.now(dt.UTC).date().isoformat()
    ok, diags = project.build()
    assert ok, describe(diags)
    assert today not in (project.site / "sitemap.xml").read_text(encoding="utf-8")
    monkeypatch.setattr(generator.build, "_source_date_epoch", _no_op)
    ok, diags = project.build()
    assert ok, describe(diags)
    assert today in (project.site / "sitemap.xml").read_text(encoding="utf-8"), "the clock date went unnoticed"
