"""Invalid values are refused at their file, and a refused build changes nothing.

A project is built once; then each bad value is written into it and the build
must fail with the expected code at the expected file, leaving site/ and
build/docs/ byte for byte as they were and no half-built folder behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .corpus import BAD_URLS, VECTORS
from .project import Project, base_verdict, codes, describe, new_project, to_yaml, tree_snapshot


@dataclass(frozen=True)
class BadValue:
    name: str
    file: str  # relative to content/
    text: Callable[[Project], str]
    code: str


def _verdict(**changes: object) -> Callable[[Project], str]:
    return lambda _p: to_yaml(base_verdict(**changes))


def _edited(rel: str, transform: Callable[[str], str]) -> Callable[[Project], str]:
    return lambda project: transform((project.content / rel).read_text(encoding="utf-8"))


def _cases() -> Iterator[BadValue]:
    for index, url in enumerate(BAD_URLS):
        yield BadValue(f"evidence-url-{index}", "verdicts/bad.yaml",
                       _verdict(evidence=[{"url": url, "title": "Bad"}]), "bad-url")
        yield BadValue(f"appearance-url-{index}", "verdicts/bad.yaml",
                       _verdict(appearances=[{"url": url, "title": "Bad"}]), "bad-url")
        yield BadValue(f"sidecar-url-{index}", "articles/base-wire.meta.yaml",
                       lambda _p, url=url: to_yaml({"url": url}), "bad-url")
        yield BadValue(f"front-matter-url-{index}", "articles/md-bad.md",
                       lambda _p, url=url: f"---\n{to_yaml({'title': 'Md', 'url': url})}---\n\nBody text.\n", "bad-url")
    yield BadValue("rating-colour-css", "ratings.yaml",
                   _edited("ratings.yaml", lambda t: t.replace('"#b71c1c"',
                                                               '"#fff;background:url(javascript:alert(1))"')),
                   "bad-colour")
    yield BadValue("outlet-domain-markup", "outlets.yaml",
                   _edited("outlets.yaml", lambda t: t.replace('"wire.example"', '"wire.example/<script>"')),
                   "bad-domain")
    yield BadValue("person-id-markup", "people.yaml",
                   _edited("people.yaml", lambda t: t + '"<script>alert(1)</script>":\n  "name": "X"\n'), "bad-id")
    yield BadValue("outlet-id-traversal", "outlets.yaml",
                   _edited("outlets.yaml", lambda t: t + '"../../evil":\n  "name": "X"\n'), "bad-id")
    yield BadValue("rating-key-traversal", "ratings.yaml",
                   _edited("ratings.yaml", lambda t: t + '"../x":\n  "label": "X"\n  "value": 9\n'), "bad-id")
    for tag in ("<script>", "../../etc", "..", "/abs", "a/b", "..\\x", "Nato"):
        yield BadValue(f"tag-{tag}", "verdicts/bad.yaml", _verdict(tags=[tag]), "bad-tag")
    yield BadValue("verdict-python-tag", "verdicts/bad.yaml",
                   lambda _p: to_yaml(base_verdict()) + 'x: !!python/object/apply:os.system ["true"]\n', "yaml-tag")
    yield BadValue("claim-date-not-a-date", "verdicts/bad.yaml", _verdict(claim_date="<script>"), "bad-date")
    yield BadValue("verdict-javascript-in-rating", "verdicts/bad.yaml",
                   _verdict(rating="javascript:alert(1)"), "unknown-rating")


CASES = {case.name: case for case in _cases()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = new_project(tmp_path_factory.mktemp("rejections") / "project")
    project.write("articles/md-bad.md", "---\ntitle: Md\n---\n\nBody text.\n")
    ok, diags = project.build()
    assert ok, describe(diags)
    return project


def _leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in [*root.iterdir(), *(root / "build").iterdir()] if p.name.startswith("."))


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_value_is_refused_and_nothing_is_written(name: str, built: Project) -> None:
    case = CASES[name]
    target = built.content / case.file
    original = target.read_bytes() if target.exists() else None
    site, docs = tree_snapshot(built.site), tree_snapshot(built.docs)
    try:
        target.write_text(case.text(built), encoding="utf-8")
        ok, diags = built.build()
    finally:
        if original is None:
            target.unlink()
        else:
            target.write_bytes(original)
    assert not ok, f"{name}: the build accepted it"
    at_file = {d.code for d in diags.errors if d.location.path == f"content/{case.file}"}
    assert case.code in at_file, f"{name}: expected [{case.code}] at content/{case.file}:\n{describe(diags)}"
    assert "internal-error" not in codes(diags)
    assert tree_snapshot(built.site) == site, f"{name}: site/ changed although the build failed"
    assert tree_snapshot(built.docs) == docs, f"{name}: build/docs/ changed although the build failed"
    assert _leftovers(built.root) == [], f"{name}: temporary folders left behind"


def test_a_failing_mkdocs_step_keeps_the_previous_site(built: Project) -> None:
    """Checked content that strict MkDocs then refuses: a page linking to a page that does not exist."""
    site = tree_snapshot(built.site)
    bad = built.write("pages/broken.md", "# Broken\n\nSee [the missing page](no-such-page.md).\n")
    try:
        ok, diags = built.build()
    finally:
        bad.unlink()
    assert not ok, "a link to a missing page passed the strict build"
    assert "mkdocs" in codes(diags), describe(diags)
    assert tree_snapshot(built.site) == site
    assert _leftovers(built.root) == []


def test_the_corpus_has_bad_urls_for_every_trick() -> None:
    assert len(BAD_URLS) >= 8 and len(VECTORS) >= 60
