"""Reproducible builds: the same content gives the same bytes, wherever and whenever it is built.

The archive's own content (plus a few hostile extras) is copied into two
project roots with different paths, file creation orders and modification
times, and each is built by the installed `factcheck build` in its own
process with a different PYTHONHASHSEED. The two site/ trees must be
identical, and no file may carry today's date unless the content does.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import shutil
from pathlib import Path

import pytest

from .corpus import VECTORS
from .hostile import verdict_for
from .project import MAIN, Project, diff_trees, new_project, to_yaml, tree_snapshot


def _content_files() -> dict[str, bytes]:
    """The archive's content plus extras, by path relative to content/."""
    source = MAIN / "content"
    files = {p.relative_to(source).as_posix(): p.read_bytes() for p in sorted(source.rglob("*")) if p.is_file()}
    for index, vector in enumerate(VECTORS[:12]):
        data = verdict_for(vector, index)
        data["appearances"] = [{"url": "https://example.org/appearance", "title": f"Where {vector.payload}"}]
        data["evidence"] = [{"url": "https://example.org/evidence", "title": "Evidence"}]
        data["rating"] = "misleading"
        data["claimant"] = "putin" if index % 2 else f"Claimant {vector.payload}"
        data["tags"] = ["reproducible", f"topic-{index % 3}"]
        files[f"verdicts/repro-{vector.id}.yaml"] = to_yaml(data).encode()
    return files


def _materialise(root: Path, files: dict[str, bytes], reverse: bool, mtime: float) -> Project:
    project = new_project(root, base=False)
    shutil.rmtree(project.content)
    for rel in sorted(files, reverse=reverse):
        target = project.content / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[rel])
        os.utime(target, (mtime, mtime))
    return project


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Project]:
    files = _content_files()
    first = _materialise(tmp_path_factory.mktemp("repro-a") / "p", files, reverse=False, mtime=1_000_000_000)
    second = _materialise(tmp_path_factory.mktemp("repro-b") / "some" / "deeper" / "other-name", files,
                          reverse=True, mtime=1_700_000_000)
    for project, seed in ((first, "1"), (second, "4242")):
        done = project.run_cli("build", env={"PYTHONHASHSEED": seed}, unset=("SOURCE_DATE_EPOCH",), timeout=600)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return first, second


def test_two_builds_are_byte_identical(two_builds: tuple[Project, Project]) -> None:
    first, second = two_builds
    differences = diff_trees(tree_snapshot(first.site), tree_snapshot(second.site))
    assert not differences, "site/ differs between two builds of the same content:\n" + "\n".join(differences[:40])


def test_generated_markdown_is_identical(two_builds: tuple[Project, Project]) -> None:
    first, second = two_builds
    differences = diff_trees(tree_snapshot(first.docs), tree_snapshot(second.docs))
    assert not differences, "build/docs/ differs:\n" + "\n".join(differences[:40])


def test_no_absolute_path_of_the_build_leaks(two_builds: tuple[Project, Project]) -> None:
    for project in two_builds:
        needle = str(project.root).encode()
        leaked = [rel for rel, data in tree_snapshot(project.site).items() if needle in data]
        assert not leaked, f"the build folder's path is written into {leaked[:10]}"


def _date_forms(day: dt.date) -> list[str]:
    return [day.isoformat(), day.strftime("%d %b %Y"), day.strftime("%b %d, %Y"), day.strftime("%B %d, %Y"),
            day.strftime("%a, %d %b %Y"), f"{day.strftime('%B')} {day.day}, {day.year}", day.strftime("%Y%m%d")]


def test_dates_come_from_the_content_not_the_clock(two_builds: tuple[Project, Project]) -> None:
    first, _ = two_builds
    content = b"".join(tree_snapshot(first.content).values()).decode("utf-8", "replace")
    today = dt.date.today()
    days = [d for d in (today, today - dt.timedelta(days=1)) if d.isoformat() not in content]
    forms = [form for day in days for form in _date_forms(day)]
    stamped = []
    for rel, data in tree_snapshot(first.site).items():
        if rel.endswith(".gz"):
            header_time = int.from_bytes(data[4:8], "little")
            if header_time and abs(header_time - dt.datetime.now().timestamp()) < 3600:
                stamped.append(f"{rel}: gzip header time is the build time")
            data = gzip.decompress(data)
        text = data.decode("utf-8", "replace")
        stamped += [f"{rel}: {form!r}" for form in forms if form in text]
    assert not stamped, "today's date in the output although the content does not have it:\n" + "\n".join(stamped)


def test_sitemap_dates_follow_the_content(two_builds: tuple[Project, Project]) -> None:
    first, _ = two_builds
    sitemap = (first.site / "sitemap.xml").read_text(encoding="utf-8")
    dates = set(re.findall(r"<lastmod>([0-9-]+)</lastmod>", sitemap))
    content = b"".join(tree_snapshot(first.content).values()).decode("utf-8", "replace")
    assert dates, "no <lastmod> in the sitemap"
    assert all(d in content for d in dates), f"sitemap dates not in the content: {sorted(dates)}"
