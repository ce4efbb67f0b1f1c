"""Silent loss and forged output: what was lost or faked must be refused or said, at the file.

Each test builds its own input: a damaged UTF-8 file, leftovers of a killed build, a file
name that forges a CI annotation, markup in an RSS title, a bad `lang`, colliding topics.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.readers.base import Source
from generator.readers.htmlpage import HtmlPageReader
from generator.site.urls import slugify
from generator.textio import decode_article
from tests.security.project import Project, base_verdict, codes, describe, new_project

# Every letter here, as UTF-8 bytes read as Windows-1251, is a Cyrillic letter or common
# punctuation, so the old guess took one bad byte as proof of cp1251 and archived mojibake.
UKRAINIAN = (
    "Україна — наша країна. Соняхи на полях і в лісах, а люди раді миру і спокою.\n"
    "Вони ходили по дорозі, а в полі маки. Мова наша — солов’їна, мовила Оля.\n"
) * 10


# --- encodings -------------------------------------------------------------------------------

@pytest.mark.parametrize("bad", [b"\xff", b"\xd0", b"\xe0", b"\xc0\xaf"])
def test_utf8_with_one_bad_byte_is_refused_where_the_byte_is(bad: bytes) -> None:
    data = UKRAINIAN.encode("utf-8")
    cut = data.index("дорозі".encode()) + 4  # inside a word of line 2
    diags = Diagnostics()
    decoded = decode_article(data[:cut] + bad + data[cut:], "content/articles/uk.txt", diags)
    assert decoded is None, "read as " + (decoded.encoding if decoded else "")
    assert [(d.code, d.location.line) for d in diags.errors] == [("encoding", 2)]


@pytest.mark.parametrize("text", [UKRAINIAN, "Росія і Україна: переговори тривають. Ще раз: «ні». " * 30])
def test_windows_1251_text_is_still_read(text: str) -> None:
    diags = Diagnostics()
    decoded = decode_article(text.encode("cp1251"), "content/articles/uk.txt", diags)
    assert decoded is not None and decoded.encoding == "cp1251" and decoded.text == text, describe(diags)


# --- leftovers of interrupted builds ---------------------------------------------------------

def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _leftovers(project: Project) -> tuple[list[Path], Path]:
    """Staging folders as a killed build leaves them (old and new naming), and one of a running build."""
    (project.root / "build").mkdir(exist_ok=True)
    dead = _dead_pid()
    stale = [
        project.root / "build" / ".docs-new-k2j3h4",
        project.root / "build" / f".docs-new-{dead}-abc",
        project.root / ".site-new-q9w8e7",
        project.root / f".site-new-{dead}-xyz",
    ]
    for folder in stale:
        (folder / "verdicts").mkdir(parents=True)
        (folder / "verdicts" / "half.md").write_text("half-written", encoding="utf-8")
    running = project.root / f".site-new-{os.getppid()}-live"  # the process that started this test
    running.mkdir()
    return stale, running


@pytest.mark.slow  # a full MkDocs build
def test_the_next_build_removes_what_a_killed_build_left(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    stale, running = _leftovers(project)
    ok, diags = project.build()
    assert ok, describe(diags)
    assert [p for p in stale if p.exists()] == []
    assert running.is_dir()  # a build still running keeps its folder
    left = sorted(p.name for p in [*project.root.iterdir(), *(project.root / "build").iterdir()]
                  if "-new-" in p.name)
    assert left == [running.name]


def test_generate_alone_removes_stale_docs_folders(tmp_path: Path) -> None:
    from generator.build import generate

    project = new_project(tmp_path)
    stale, _running = _leftovers(project)
    generate(project.root, Diagnostics())
    assert [p for p in stale if p.parent.name == "build" and p.exists()] == []


# --- forged annotations ----------------------------------------------------------------------

FORGED = "x\n::warning file=README.md,line=1::all good\r::error::pwned"


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_file_name_cannot_start_an_output_line(fmt: str, tmp_path: Path) -> None:
    project = new_project(tmp_path)
    project.write(f"articles/{FORGED}.txt", "A title\n\nText of the article.\n")
    project.write(f"verdicts/{FORGED}.yaml", "claim: x\n")
    done = project.run_cli("check", "--format", fmt)
    lines = done.stdout.splitlines()
    assert done.returncode == 1 and len(lines) >= 2, done.stdout
    for line in lines:
        if fmt == "text":
            assert line.startswith("content/") and "\r" not in line, lines
        else:
            assert line.startswith(("::error file=content/", "::warning file=content/")), lines


# --- feeds -----------------------------------------------------------------------------------

def test_rss_item_titles_are_text_for_readers_that_render_html(tmp_path: Path) -> None:
    from generator.build import generate

    project = new_project(tmp_path)
    project.verdict("sky-claim", base_verdict(claim="<img src=x onerror=alert(1)> & <b>bold</b>"))
    diags = Diagnostics()
    assert generate(project.root, diags) is not None, describe(diags)
    channel = ET.parse(project.docs / "feed.xml").getroot().find("channel")
    assert channel is not None
    titles = [item.findtext("title") for item in channel.iter("item")]
    assert titles == ["&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"]


# --- saved HTML pages ------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "expected"), [('en"', None), ("en-GB", "en"), ("uk_UA", "uk"), ("e", None),
                                                ("en\" onload=\"x", None), ("1en", None), ("UK", "uk")])
def test_saved_html_lang_is_validated_like_a_sidecar_language(lang: str, expected: str | None) -> None:
    page = (f"<!DOCTYPE html><html lang='{lang}'><head><title>T</title></head>"
            "<body><h1>T</h1><p>Some text of the page.</p></body></html>")
    source = Source(file=Path("p.html"), path="content/articles/p.html", stem="p", text=page, sha256="0" * 64,
                    outlets={})
    [article] = HtmlPageReader().read(source, Diagnostics())
    assert article.language == expected


# --- topics ----------------------------------------------------------------------------------

def test_a_tag_shaped_like_the_reserved_form_gets_its_own_topic(tmp_path: Path) -> None:
    from generator.build import generate

    old_form = "tag-" + hashlib.sha1(b"index").hexdigest()[:8]  # what `index` became before
    assert slugify("index") != slugify(old_form)
    project = new_project(tmp_path)
    project.verdict("sky-claim", base_verdict(tags=["index"]))
    project.verdict("other-claim", base_verdict(tags=[old_form], claim="Another claim entirely"))
    diags = Diagnostics()
    assert generate(project.root, diags) is not None, describe(diags)
    topics = sorted(p.name for p in (project.docs / "topics").iterdir() if p.name != "index.md")
    assert len(topics) == 2, topics
    pages = [(project.docs / "topics" / name).read_text(encoding="utf-8") for name in topics]
    assert all(page.count("verdicts/") >= 1 for page in pages)
    assert sum("Another claim entirely" in page for page in pages) == 1


def test_a_long_tag_is_refused_instead_of_cut(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    project.verdict("sky-claim", base_verdict(tags=["a" * 79 + "-x", "a" * 79 + "-y"]))
    assert "bad-tag" in codes(project.check())
