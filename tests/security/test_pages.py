"""Hand-written pages (content/pages/*.md): refused at their line, or inert once built.

Pages are maintainer-written Markdown copied into the docs tree, where
Python-Markdown passes raw HTML through; `generator.pagecheck` refuses raw
HTML, non-web link schemes and event-handler attribute lists line by line.
Every corpus vector and a set of page-specific tricks (a fence that is not a
fence, an escaped backtick, a link target on the next line, attribute lists
that set `href`, YAML escapes in front matter that the theme prints raw) is
put in a page of its own: each page is either refused with a diagnostic
naming it, or builds into a site with nothing live in it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .corpus import VECTORS
from .detect import report, scan_html
from .hostile_pages import metadata_pages, metadata_rule_off, title_pages
from .project import Project, describe, new_project

PAGE_TRICKS: dict[str, str] = {
    "fence-that-is-not": "Intro.\n\n``` x ```\n\n<script>alert('XSSP01Q')</script>\n",
    "escaped-backticks": "Text \\`<img src=x onerror=alert('XSSP02Q')>\\` more.\n",
    "reference-on-next-line": "See [click][p3].\n\n[p3]:\njavascript:alert('XSSP03Q')\n",
    "inline-link-next-line": "See [click](\njavascript:alert('XSSP04Q')).\n",
    "front-matter-description": "---\ndescription: \"\\x22\\x3e\\x3cscript\\x3ealert('XSSP05Q')\\x3c/script\\x3e\"\n"
    "---\n\n# Trick page\n\nText.\n",
    "front-matter-author": "---\nauthor: \"\\x22\\x3e\\x3cimg src=x onerror=alert('XSSP06Q')\\x3e\"\n---\n\n# Trick\n",
    "unclosed-tilde-fence": "Intro.\n\n~~~\n\n<script>alert('XSSP07Q')</script>\n",
    "indented-fence": "Intro.\n\n    ```\n\n<script>alert('XSSP08Q')</script>\n",
    "attr-list-href": "[docs](https://example.org/){: href=\"javascript:alert('XSSP09Q')\" }\n",
    "attr-list-image-src": "![x](https://example.org/x.png){: src=\"javascript:alert('XSSP10Q')\" }\n",
    "attr-list-style": "Text XSSP11Q\n{: style=\"background:url(javascript:alert('XSSP11Q'))\" }\n",
    "front-matter-template": "---\ntemplate: 404.html\n---\n\n# XSSP12Q\n",
    "percent-encoded-scheme": "[click](javascript%3Aalert('XSSP13Q'))\n",
}


def _pages() -> dict[str, str]:
    pages = {f"v{v.id}": f"# Page {v.id}\n\nText {v.marker}.\n\n{v.payload}\n" for v in VECTORS}
    pages.update(PAGE_TRICKS)
    return pages


@pytest.fixture(scope="module")
def page_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, set[str], bool, str]:
    """(project, names of the refused pages, whether the rest built, the build's diagnostics)."""
    project = new_project(tmp_path_factory.mktemp("pages") / "project")
    for name, text in _pages().items():
        project.write(f"pages/{name}.md", text)
    refused = {Path(d.location.path).stem for d in project.check().errors}
    for name in refused:
        (project.content / "pages" / f"{name}.md").unlink()
    ok, diags = project.build()
    return project, refused, ok, describe(diags)


def test_the_page_check_refuses_plain_raw_html(page_project: tuple[Project, set[str], bool, str]) -> None:
    """A canary: the check must at least stop the obvious vectors, or this file tests nothing."""
    _, refused, _, _ = page_project
    for vid in ("001", "021", "031", "051", "061"):
        assert f"v{vid}" in refused


def test_accepted_pages_build(page_project: tuple[Project, set[str], bool, str]) -> None:
    _, _, ok, diagnostics = page_project
    assert ok, diagnostics


@pytest.mark.parametrize("name", sorted(_pages()))
def test_each_page_is_refused_or_inert(name: str, page_project: tuple[Project, set[str], bool, str]) -> None:
    project, refused, ok, diagnostics = page_project
    if name in refused:
        return
    assert ok, diagnostics
    built = project.site / name / "index.html"
    assert built.is_file(), f"page {name} was accepted but not built"
    found = scan_html(built.read_text(encoding="utf-8"), f"{name}/index.html")
    assert not found, f"content/pages/{name}.md passed the page check but is live:\n{report(found)}"


def test_every_top_level_name_of_the_built_site_is_reserved_or_a_page(
    page_project: tuple[Project, set[str], bool, str],
) -> None:
    """The reserved page names (from the generator's plan, plus MkDocs' own output) cover a real build."""
    from generator.pages import reserved_page_names

    project, _refused, ok, diagnostics = page_project
    assert ok, diagnostics
    pages = {p.stem for p in (project.content / "pages").glob("*.md")}
    for entry in project.site.iterdir():
        stem = entry.name.split(".")[0]
        assert stem in pages or stem in reserved_page_names(), f"site/{entry.name} is not a reserved page name"


# Names that are not slugs, and slugs the site already publishes (a generated listing, a
# generated folder, MkDocs' own files): each is refused at the page, never at mkdocs.yml.
BAD_NAMES = {
    "sitemap.xml": "page-name",
    "feed.xml": "page-name",
    "About": "page-name",
    "a b": "page-name",
    "-x": "page-name",
    "x" * 65: "page-name",
    "verdicts": "page-name-reserved",
    "index": "page-name-reserved",
    "404": "page-name-reserved",
    "search": "page-name-reserved",
    "assets": "page-name-reserved",
    "topics": "page-name-reserved",
    "quotes": "page-name-reserved",
    "feed": "page-name-reserved",
}


def test_page_names_the_site_cannot_publish_are_refused_at_the_page(tmp_path: Path) -> None:
    project = new_project(tmp_path / "project")
    for name in BAD_NAMES:
        project.write(f"pages/{name}.md", f"# Page {name[:10]}\n\nText.\n")
    found = {(d.location.path, d.location.line, d.code) for d in project.check().errors}
    expected = {(f"content/pages/{name}.md", 1, code) for name, code in BAD_NAMES.items()}
    assert found == expected


def test_a_page_over_the_size_limit_is_refused_at_the_page(tmp_path: Path) -> None:
    from generator.pages import PAGE_MAX_BYTES

    project = new_project(tmp_path / "project")
    project.write("pages/long.md", "# Long\n\n" + "word " * (PAGE_MAX_BYTES // 5))
    assert [(d.location.path, d.code) for d in project.check().errors] == [("content/pages/long.md", "page-too-large")]


def test_metadata_lines_are_refused_at_the_page(tmp_path: Path) -> None:
    project = new_project(tmp_path / "project")
    pages = metadata_pages()
    for name, text in pages.items():
        project.write(f"pages/{name}.md", text)
    found = {(Path(d.location.path).stem, d.location.line, d.code) for d in project.check().errors}
    assert {(name, 1, "page-metadata") for name in pages} <= found


@pytest.fixture(scope="module")
def mechanism_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, set[str], bool, str]:
    """Metadata and title pages built with the metadata rule off: only the generator stands in the way."""
    project = new_project(tmp_path_factory.mktemp("page-mechanism") / "project")
    for name, text in {**metadata_pages(), **title_pages()}.items():
        project.write(f"pages/{name}.md", text)
    with metadata_rule_off():
        refused = {Path(d.location.path).stem for d in project.check().errors}
        for name in refused:
            (project.content / "pages" / f"{name}.md").unlink()
        ok, diags = project.build()
    return project, refused, ok, describe(diags)


def test_no_metadata_from_a_page_reaches_mkdocs(mechanism_project: tuple[Project, set[str], bool, str]) -> None:
    from mkdocs.utils.meta import get_data

    project, refused, ok, diagnostics = mechanism_project
    assert ok, diagnostics
    assert not refused & set(metadata_pages()), "the metadata pages must reach the generator"
    for name in metadata_pages():
        _, meta = get_data((project.docs / f"{name}.md").read_text(encoding="utf-8"))
        assert set(meta) == {"title"} and meta["title"].startswith("Meta "), (name, meta)
        built = (project.site / name / "index.html").read_text(encoding="utf-8")
        assert 'http-equiv="refresh"' not in built, f"{name}: the page switched to another template"
        found = scan_html(built, f"{name}/index.html")
        assert not found, report(found)


def test_titles_are_derived_and_escaped(mechanism_project: tuple[Project, set[str], bool, str]) -> None:
    from mkdocs.utils.meta import get_data

    project, refused, ok, diagnostics = mechanism_project
    assert ok, diagnostics
    checked = 0
    for name in title_pages():
        if name in refused:
            continue
        _, meta = get_data((project.docs / f"{name}.md").read_text(encoding="utf-8"))
        assert "<" not in meta["title"] and ">" not in meta["title"], (name, meta)
        built = (project.site / name / "index.html").read_text(encoding="utf-8")
        found = scan_html(built, f"{name}/index.html")
        assert not found, report(found)
        checked += 1
    assert checked >= 20, "too few title pages passed the check to test anything"
    _, meta = get_data((project.docs / "no-heading.md").read_text(encoding="utf-8"))
    assert meta == {"title": "No heading"}
    _, meta = get_data((project.docs / "heading-later.md").read_text(encoding="utf-8"))
    assert meta == {"title": "Later &lt;b&gt; XSSM03Q"}
