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
