"""read_articles over a folder: walking, ids, duplicates, empty and undecodable files."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from readers_support import Project, problems

from generator.diagnostics import Diagnostics
from generator.readers import READERS, read_articles, read_file

WIRE = "A title\n\nA paragraph.\n"
POST = '{"id": 1, "title": {"rendered": "A post"}, "content": {"rendered": "<p>Body</p>"}}'


def test_registry_order_is_json_html_markdown_then_wire_text() -> None:
    assert [r.name for r in READERS] == ["wordpress-json", "html-page", "markdown", "wire-text"]


def test_format_comes_from_content_not_extension(project: Project) -> None:
    project.write("looks-like-json.json", WIRE)
    project.write("is-json.txt", POST)
    project.write("page.md", "<html><head><title>Hi</title></head><body><p>Hello</p></body></html>")
    articles, diags = project.read()
    assert {i: a.format for i, a in articles.items()} == {
        "is-json": "wordpress-json",
        "looks-like-json": "wire-text",
        "page": "html-page",
    }
    assert len(diags) == 0


def test_files_are_read_in_sorted_order_skipping_hidden_readme_and_sidecars(project: Project) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt", "README.md", "Readme.txt", ".hidden.txt", ".git/x.txt", "b.txt~"):
        project.write(name, WIRE)
    project.write("a.meta.yaml", "title: Sidecar title\n")
    project.write("sub/c.meta.yml", "title: Short suffix\n")
    articles, diags = project.read()
    assert list(articles) == ["a", "b", "c"]
    assert (articles["a"].title, articles["c"].title) == ("Sidecar title", "Short suffix")
    # A hidden file is not read, but never silently: it may be an article saved by mistake.
    assert [(d.code, d.location.path.rsplit("/", 1)[-1]) for d in diags] == [("hidden-file", ".hidden.txt")]


def test_id_is_the_name_without_its_last_extension(project: Project) -> None:
    project.write("2024-03-05_bridge.txt", WIRE)
    project.write("no-extension", WIRE)
    assert list(project.read()[0]) == ["2024-03-05_bridge", "no-extension"]


def test_unsafe_ids_are_errors(project: Project) -> None:
    for name in ("with space.txt", "dotted.name.txt", "-leading-dash.txt", "ünïcode.txt"):
        project.write(name, WIRE)
    articles, diags = project.read()
    assert articles == {}
    assert [d.code for d in diags] == ["bad-article-id"] * 4
    assert "article id `dotted.name` (from the file name)" in diags.sorted()[1].message


def test_same_id_in_two_formats_is_reported_at_both_files(project: Project) -> None:
    project.write("story.txt", WIRE)
    project.write("story.json", POST)
    articles, diags = project.read()
    assert list(articles) == ["story"]
    assert articles["story"].format == "wordpress-json"  # the first in sorted order is kept
    assert problems(diags) == [
        ("error", "duplicate-id", "content/articles/story.json:1:1"),
        ("error", "duplicate-id", "content/articles/story.txt:1:1"),
    ]


def test_ids_differing_only_in_case_are_duplicates(project: Project) -> None:
    project.write("Story.txt", WIRE)
    project.write("sub/story.txt", WIRE)
    diags = project.read()[1]
    assert [(d.code, d.location.path) for d in diags.sorted()] == [
        ("duplicate-id", "content/articles/Story.txt"),
        ("duplicate-id", "content/articles/sub/story.txt"),
    ]


def test_post_ids_can_collide_with_file_names(project: Project) -> None:
    project.write("feed.json", "[" + POST + "]")
    project.write("feed-1.txt", WIRE)
    assert [d.code for d in project.read()[1]] == ["duplicate-id", "duplicate-id"]


def test_empty_and_whitespace_files_are_errors(project: Project) -> None:
    project.write("empty.txt", b"")
    project.write("blank.txt", b" \r\n\t\n")
    project.write("bom-only.txt", codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"))
    articles, diags = project.read()
    assert articles == {}
    assert problems(diags) == [
        ("error", "empty-article", "content/articles/blank.txt:1:1"),
        ("error", "empty-article", "content/articles/bom-only.txt:1:1"),
        ("error", "empty-article", "content/articles/empty.txt:1:1"),
    ]


def test_undecodable_file_is_reported_and_others_still_read(project: Project) -> None:
    project.write("bad.txt", b"Title\nUne r\xe9union \xe9tait pr\xe9vue.\n")
    project.write("good.txt", WIRE)
    articles, diags = project.read()
    assert list(articles) == ["good"]
    assert problems(diags) == [("error", "encoding", "content/articles/bad.txt:2:6")]


def test_sha256_is_of_the_bytes_as_collected(project: Project) -> None:
    raw = "Заголовок\r\n\r\nТекст статті.\r\n".encode("cp1251")
    project.write("legacy.txt", raw)
    article = project.read()[0]["legacy"]
    assert article.sha256 == hashlib.sha256(raw).hexdigest()
    assert (article.title, article.text, article.language) == ("Заголовок", "Текст статті.", "uk")


def test_missing_articles_folder_is_a_warning(tmp_path: Path) -> None:
    diags = Diagnostics()
    assert read_articles(tmp_path / "nope", tmp_path, {}, diags) == {}
    assert problems(diags) == [("warning", "no-articles", "nope")]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(lambda t: t.encode("utf-8")),
        st.sampled_from(
            ["{", "[", "---\n", "<html>", "<body>", '{"title":', "[{}]", "---\na: [\n---\n", "[null]"]
        ).flatmap(lambda head: st.text(max_size=200).map(lambda tail: (head + tail).encode("utf-8"))),
    )
)
def test_no_input_makes_a_reader_raise(tmp_path: Path, data: bytes) -> None:
    file = tmp_path / "fuzz.txt"
    file.write_bytes(data)
    diags = Diagnostics()
    articles = read_file(file, tmp_path, diags)
    assert articles or diags.errors, "a file must give an article or an error"
    assert not [d for d in diags if d.code == "reader-failed"]
    for article in articles:
        assert article.blocks or article.title


def test_a_title_without_body_is_kept_with_a_warning(project: Project) -> None:
    project.write("title-only.txt", "Just a headline\n\n\n")
    project.write("front-only.md", "---\ntitle: A primary source still to transcribe\n---\n")
    articles, diags = project.read()
    assert [(a.id, a.title, a.blocks) for a in articles.values()] == [
        ("front-only", "A primary source still to transcribe", ()),
        ("title-only", "Just a headline", ()),
    ]
    assert problems(diags) == [
        ("warning", "empty-body", "content/articles/front-only.md:1:1"),
        ("warning", "empty-body", "content/articles/title-only.txt:1:1"),
    ]
