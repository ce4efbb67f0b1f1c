"""`factcheck` as contributors and CI run it: exit codes, formats, and a failed
build that leaves the previous site exactly as it was."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_bundled_archive import copy_project

FACTCHECK = [sys.executable, "-c", "from generator.cli import main; main()"]
VERDICT = "content/verdicts/putin-ukraine-remarks-2001.yaml"


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*FACTCHECK, "--root", str(root), *args], capture_output=True, text=True, timeout=600)


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("cli"))
    result = run(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def test_check_passes_on_the_bundled_archive(built: Path) -> None:
    result = run(built, "check")
    assert result.returncode == 0
    assert "error" not in result.stdout


def test_failed_build_leaves_site_byte_identical(built: Path) -> None:
    before = tree_digest(built / "site")
    verdict = built / VERDICT
    original = verdict.read_text(encoding="utf-8")
    try:
        verdict.write_text(original.replace("rating: misleading", "rating: mostly-flase"), encoding="utf-8")
        result = run(built, "build")
    finally:
        verdict.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert f"{VERDICT}:" in result.stdout and "did you mean 'mostly-false'?" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert tree_digest(built / "site") == before


def test_check_reports_every_problem_and_github_annotations(built: Path) -> None:
    verdict = built / VERDICT
    original = verdict.read_text(encoding="utf-8")
    broken = original.replace("rating: misleading", "rating: wrong")
    broken = broken.replace("claim_date: 2025-12-25", "claim_date: soon")
    try:
        verdict.write_text(broken, encoding="utf-8")
        text = run(built, "check")
        github = run(built, "check", "--format", "github")
    finally:
        verdict.write_text(original, encoding="utf-8")
    assert text.returncode == github.returncode == 1
    assert {"[unknown-rating]", "[bad-date]"} <= {w for w in text.stdout.split() if w.startswith("[")}
    annotations = [line for line in github.stdout.splitlines() if line.startswith("::error file=")]
    assert len(annotations) == 2 and all(f"file={VERDICT}" in a for a in annotations)


def test_new_verdict_writes_a_template_once(built: Path) -> None:
    quote = "Perhaps Russia could be an Ally."
    first = run(built, "new", "verdict", "--article", "000_ce914f400c901735", "--quote", quote)
    assert first.returncode == 0, first.stdout + first.stderr
    written = sorted((built / "content/verdicts").glob("*.yaml"), key=lambda p: p.stat().st_mtime)[-1]
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/verdict.schema.json")
    assert quote in text
    again = run(built, "new", "verdict", "--article", "000_ce914f400c901735", "--quote", quote)
    assert again.returncode == 1 and "[file-exists]" in again.stdout
    written.unlink()


def test_new_verdict_for_an_unknown_article_suggests_one(built: Path) -> None:
    result = run(built, "new", "verdict", "--article", "000_ce914f400c901736")
    assert result.returncode == 1
    assert "did you mean '000_ce914f400c901735'?" in result.stdout


def test_mkdocs_warning_fails_the_build_at_the_page_source(built: Path) -> None:
    """A broken link only MkDocs can see: reported at the hand-written page, nothing replaced."""
    before_site, before_docs = tree_digest(built / "site"), tree_digest(built / "build/docs")
    page = built / "content/pages/about.md"
    original = page.read_text(encoding="utf-8")
    try:
        page.write_text(original + "\nSee [the archive](no-such-page.md).\n", encoding="utf-8")
        result = run(built, "build")
    finally:
        page.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert "content/pages/about.md:1:1: error: MkDocs: Doc file 'about.md' contains a link" in result.stdout
    assert tree_digest(built / "site") == before_site
    assert tree_digest(built / "build/docs") == before_docs
