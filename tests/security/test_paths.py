"""Output paths: nothing from the content can write outside site/ and build/docs/.

File names, WordPress post ids, verdict ids and registry keys that try to
climb out of the output folder, hide, collide or overflow a file name are
each either refused with a diagnostic or written inside the output folder.
The project sits a few folders deep in a sandbox, and the whole sandbox is
compared before and after, so a write anywhere outside the output shows up.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.diagnostics import Diagnostics
from generator.yamlio import load_yaml_text

from .project import Project, all_paths, base_verdict, codes, describe, new_project, to_yaml, tree_snapshot

MARK = "PATHPWNQ"


def _wp(post_ids: list[object]) -> str:
    posts = [{"id": pid, "title": {"rendered": f"Post {i}"}, "content": {"rendered": f"<p>Text {i} {MARK}</p>"}}
             for i, pid in enumerate(post_ids)]
    return json.dumps(posts)


def _sandbox(tmp_path: Path) -> tuple[Path, Project]:
    outer = tmp_path / "sandbox"
    project = new_project(outer / "a" / "b" / "c" / "project")
    return outer, project


def _new_outside(outer: Path, project: Project, before: set[str]) -> list[str]:
    """Paths created in the sandbox anywhere but site/ and build/ (content/ included: a build never writes there)."""
    inside = [project.root / name for name in ("site", "build")]
    created = all_paths(outer) - before
    return sorted(p for p in created if not any((outer / p).is_relative_to(folder) for folder in inside))


def _build_and_check_confinement(tmp_path: Path, setup: Callable[[Project, Path], None]) -> tuple[bool, str, set[str]]:
    outer, project = _sandbox(tmp_path)
    setup(project, outer)
    before = all_paths(outer)
    ok, diags = project.build()
    outside = _new_outside(outer, project, before)
    assert not outside, f"written outside the output folders: {outside}"
    assert "internal-error" not in codes(diags), describe(diags)
    for stray in (Path("/tmp") / MARK, outer / MARK, tmp_path / MARK):
        assert not stray.exists(), f"{stray} was written"
    site = project.site.resolve()
    assert all((project.site / p).resolve().is_relative_to(site) for p in all_paths(project.site))
    return ok, describe(diags), codes(diags)


HOSTILE_ARTICLE_NAMES = [
    "..something.txt", ".hidden.txt", "a..b.txt", "x.y.z.txt", "-lead.txt", "_lead.txt", "index.txt",
    "CON.txt", "aux.txt", "nul.txt", "x" * 240 + ".txt", "аrticle.txt", "ａrticle.txt", "art\u200bicle.txt",
    "new\nline.txt", "trailing\n.txt", "tab\tname.txt", "sp ace.txt", "semi;colon.txt", "q?uery.txt", "h#ash.txt",
    "back\\slash.txt", "per%2e%2e.txt", "colon:name.txt", "star*.txt", "quote\".txt",
]


@pytest.mark.parametrize("name", HOSTILE_ARTICLE_NAMES, ids=lambda n: repr(n)[:40])
def test_article_file_names(name: str, tmp_path: Path) -> None:
    def setup(project: Project, _outer: Path) -> None:
        project.write(f"articles/{name}", f"A title {MARK}\n\nSome text for the article body.\n")

    ok, diagnostics, found = _build_and_check_confinement(tmp_path, setup)
    if not ok:
        assert found, "the build failed without an error"
    hidden = name.startswith(".")
    assert ok or hidden or found & {"bad-article-id", "duplicate-id", "output-collision", "unsafe-output-path"}, (
        diagnostics)


HOSTILE_POST_IDS: list[object] = [
    "../../../../../../../../tmp/" + MARK, "../../" + MARK, "..", ".", "a/b", "a\\b", "/abs/" + MARK,
    "5\n", "x" * 300, "index", "%2e%2e%2f" + MARK, "\u2025", "C:\\" + MARK, 1e400, -1, 10**40, "", " ", None,
]


@pytest.mark.parametrize("post_id", HOSTILE_POST_IDS, ids=lambda p: repr(p)[:40])
def test_wordpress_post_ids(post_id: object, tmp_path: Path) -> None:
    def setup(project: Project, _outer: Path) -> None:
        project.write("articles/wp.txt", _wp([post_id, 7]))

    ok, diagnostics, found = _build_and_check_confinement(tmp_path, setup)
    assert ok or found, diagnostics


HOSTILE_VERDICT_NAMES = ["a.b.yaml", "..yaml", "...yaml", "index.yaml", "x" * 240 + ".yaml", "trailing\n.yaml",
                         "Upper.yaml", "verdict\u2215slash.yaml", "feed.yaml", "sp ace.yaml"]


@pytest.mark.parametrize("name", HOSTILE_VERDICT_NAMES, ids=lambda n: repr(n)[:40])
def test_verdict_file_names(name: str, tmp_path: Path) -> None:
    def setup(project: Project, _outer: Path) -> None:
        project.write(f"verdicts/{name}", to_yaml(base_verdict(claim=f"Claim {MARK}")))

    ok, diagnostics, found = _build_and_check_confinement(tmp_path, setup)
    assert ok or found, diagnostics


REGISTRY_KEYS = ["index", "x" * 200, "trailing\n", "a.b", "-x"]


@pytest.mark.parametrize("key", REGISTRY_KEYS, ids=lambda k: repr(k)[:30])
@pytest.mark.parametrize("registry", ["people", "outlets"])
def test_registry_keys(registry: str, key: str, tmp_path: Path) -> None:
    def setup(project: Project, _outer: Path) -> None:
        data = {key: {"name": f"Name {MARK}"}}
        project.write(f"{registry}.yaml", (project.content / f"{registry}.yaml").read_text() + to_yaml(data))

    ok, diagnostics, found = _build_and_check_confinement(tmp_path, setup)
    assert ok or found, diagnostics


@pytest.mark.parametrize("key", ["trailing\n", "nato\n"])
def test_ids_with_a_trailing_newline_are_refused(key: str, tmp_path: Path) -> None:
    """`re.match(r"^…$")` lets one trailing newline through; an id must not carry it into paths."""
    project = new_project(tmp_path / "project")
    people = (project.content / "people.yaml").read_text()
    project.write("people.yaml", people + to_yaml({key: {"name": "Someone"}}))
    project.verdict("sky-claim", base_verdict(tags=["weather", key]))
    diags = project.check()
    refused = {(d.location.path, d.code) for d in diags.errors}
    assert ("content/people.yaml", "bad-id") in refused, describe(diags)
    assert ("content/verdicts/sky-claim.yaml", "bad-tag") in refused, describe(diags)


# ---------------------------------------------------------------- collisions

COLLISIONS: dict[str, dict[str, str]] = {
    "same-stem-two-formats": {"articles/twin.txt": "Title\n\nBody.\n",
                              "articles/twin.json": json.dumps({"title": "T", "content": "<p>Body.</p>"})},
    "names-differing-in-case": {"articles/Case.txt": "Title\n\nBody.\n", "articles/case.txt": "Title\n\nBody 2.\n"},
    "post-id-meets-file-name": {"articles/wp.txt": _wp([5]), "articles/wp-5.txt": "Title\n\nBody.\n"},
    "subfolder-same-stem": {"articles/sub/base-wire.txt": "Title\n\nBody.\n"},
    "verdict-yaml-and-yml": {"verdicts/sky-claim.yml": to_yaml(base_verdict())},
    "two-posts-same-id": {"articles/wp.txt": _wp([5, 5])},
}


@pytest.mark.parametrize("name", sorted(COLLISIONS))
def test_colliding_ids_are_errors(name: str, tmp_path: Path) -> None:
    project = new_project(tmp_path / "project")
    for rel, text in COLLISIONS[name].items():
        project.write(rel, text)
    diags = project.check()
    assert "duplicate-id" in codes(diags), f"{name}: no duplicate-id error\n{describe(diags)}"


def test_tags_that_slugify_alike_do_not_overwrite_each_other(tmp_path: Path) -> None:
    project = new_project(tmp_path / "project")
    project.verdict("second", base_verdict(tags=["nato-2"], claim="Second claim"))
    project.verdict("third", base_verdict(tags=["nato2"], claim="Third claim"))
    ok, diags = project.build()
    assert ok, describe(diags)
    assert (project.site / "topics" / "nato-2" / "index.html").is_file()
    assert (project.site / "topics" / "nato2" / "index.html").is_file()


# ---------------------------------------------------------------- stale pages and symlinks


def test_deleted_content_leaves_no_stale_page(tmp_path: Path) -> None:
    project = new_project(tmp_path / "project")
    project.verdict("doomed", base_verdict(claim="A claim that will be withdrawn", tags=["doomed-topic"]))
    project.write("articles/lonely.txt", "A lonely article\n\nNobody cites it.\n")
    ok, diags = project.build()
    assert ok, describe(diags)
    pages = ("verdicts/doomed/index.html", "articles/lonely/index.html", "topics/doomed-topic/index.html")
    for page in pages:
        assert (project.site / page).is_file(), page
    (project.content / "verdicts" / "doomed.yaml").unlink()
    (project.content / "articles" / "lonely.txt").unlink()
    ok, diags = project.build()
    assert ok, describe(diags)
    for page in pages:
        assert not (project.site / page).exists(), f"stale page left behind: {page}"
    for folder in (project.site, project.docs):
        text = "".join(v.decode("utf-8", "replace") for v in tree_snapshot(folder).values())
        assert "A claim that will be withdrawn" not in text and "A lonely article" not in text


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
@pytest.mark.parametrize("where", ["articles/leak.txt", "pages/leak.md", "verdicts/leak.yaml", "people.yaml"])
def test_symlinks_cannot_publish_files_from_outside_the_project(where: str, tmp_path: Path) -> None:
    """A pull request can add a symlink; the archive must not publish what it points at."""
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret title\n\nSECRET-TOKEN-7f3a9 from outside the project.\n")
    project = new_project(tmp_path / "project")
    link = project.content / where
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.exists():
        link.unlink()
    link.symlink_to(secret)
    _ok, diags = project.build()
    leaked = [rel for rel, data in {**tree_snapshot(project.site), **tree_snapshot(project.docs)}.items()
              if b"SECRET-TOKEN-7f3a9" in data]
    messages = describe(diags)
    assert not leaked, f"content/{where} -> {secret} was published in {leaked[:5]}"
    assert "SECRET-TOKEN-7f3a9" not in messages, f"the secret appears in a diagnostic: {messages}"


def test_new_verdict_from_a_hostile_article_stays_in_the_verdicts_folder(tmp_path: Path) -> None:
    """`factcheck new verdict`: the file name comes from an untrusted title, the quote goes into YAML."""
    outer, project = _sandbox(tmp_path)
    line = "Minister: \"yes\" # not a comment, {a: b} & *alias <script>alert('XSS001Q')</script> ../../"
    project.write("articles/evil.txt", f"../../../{MARK} ..\\\\x <b>title</b>: yes\n\n{line}\n")
    before = all_paths(outer)
    result = CliRunner().invoke(cli, ["--root", str(project.root), "new", "verdict", "--article", "evil",
                                      "--quote", line])
    assert result.exit_code == 0, result.output
    created = sorted(all_paths(outer) - before)
    assert len(created) == 1 and created[0].startswith("a/b/c/project/content/verdicts/"), created
    written = outer / created[0]
    diags = Diagnostics()
    data = load_yaml_text(written.read_text(encoding="utf-8"), "template", diags)
    assert not diags.errors, describe(diags)
    assert data["appearances"][0] == {"article": "evil", "quote": line}
