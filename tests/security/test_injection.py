"""The whole corpus through every entry point, then nothing live anywhere in site/.

One hostile archive is built once for the module (see `hostile.py` for where
each vector is placed): WordPress title/content/excerpt/author/terms, wire
text and its quotes, Markdown and HTML articles, sidecars, every verdict
field, people, outlets and ratings. Every HTML page, feed, JSON export,
JSON-LD block, CSV export and the search index is then scanned.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics

from .corpus import URL_VECTORS, markers_in
from .detect import Finding, content_files, css_is_dangerous, report, scan_file
from .hostile import VECTORS, write_hostile
from .project import Project, base_verdict, describe, new_project


@dataclass
class HostileSite:
    project: Project
    built: bool
    diags: Diagnostics
    accepted_urls: list[str]
    rejected_urls: dict[str, list[str]]
    findings: dict[str, list[Finding]] = field(default_factory=dict)

    @property
    def site(self) -> Path:
        return self.project.site

    def scan(self) -> dict[str, list[Finding]]:
        """Findings per file, computed once for all the tests of the module."""
        if not self.findings:
            for file in content_files(self.site):
                rel = file.relative_to(self.site).as_posix()
                self.findings[rel] = scan_file(file, rel)
        return self.findings


def _probe_urls(root: Path) -> tuple[list[str], dict[str, list[str]]]:
    """Which tricky-but-http(s) URLs the checker accepts as evidence (each in a project of its own)."""
    accepted: list[str] = []
    rejected: dict[str, list[str]] = {}
    for index, url in enumerate(URL_VECTORS):
        project = new_project(root / f"probe-{index}")
        evidence = [{"url": url, "title": "Tricky address"}]
        project.verdict("sky-claim", base_verdict(evidence=evidence))
        errors = project.check().errors
        if errors:
            rejected[url] = [d.format() for d in errors]
        else:
            accepted.append(url)
    return accepted, rejected


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileSite:
    root = tmp_path_factory.mktemp("hostile")
    accepted, rejected = _probe_urls(root)
    project = new_project(root / "project")
    write_hostile(project, accepted)
    ok, diags = project.build()
    return HostileSite(project, ok, diags, accepted, rejected)


def _scan(hostile: HostileSite, suffixes: tuple[str, ...]) -> list[Finding]:
    if not hostile.built:
        pytest.fail(f"the hostile archive did not build:\n{describe(hostile.diags)}")
    found: list[Finding] = []
    for rel, findings in hostile.scan().items():
        if rel.removesuffix(".gz").endswith(suffixes):
            found.extend(findings)
    return found


def test_the_hostile_archive_passes_the_check(hostile: HostileSite) -> None:
    assert not hostile.diags.errors, describe(hostile.diags)


def test_the_hostile_archive_builds(hostile: HostileSite) -> None:
    assert hostile.built, describe(hostile.diags)


def test_rejected_urls_are_reported_at_the_verdict(hostile: HostileSite) -> None:
    for url, errors in hostile.rejected_urls.items():
        assert any("content/verdicts/sky-claim.yaml" in e and "[bad-url]" in e for e in errors), (url, errors)


def test_every_vector_reached_the_site_from_every_entry_point(hostile: HostileSite) -> None:
    """Not vacuous: the corpus really went through each reader and page writer."""
    if not hostile.built:
        pytest.fail("the hostile archive did not build")
    pages = {
        path: (hostile.site / path / "index.html")
        for path in (
            "articles/wire-hostile",
            "articles/md-hostile",
            "articles/html-hostile",
            "articles/wp-hostile-999",
            "people/person-0",
            "outlets/outlet-1",
            "ratings/misleading",
        )
    }
    for path, file in pages.items():
        assert file.is_file(), f"{path} was not built"
        assert markers_in(file.read_text(encoding="utf-8")), f"no corpus marker reached {path}"
    # Readers drop a dangerous element with its text (a <script>, an <iframe>), so an
    # archived post may lack its marker; a verdict page shows every field, so it may not.
    missing = []
    for vector in VECTORS:
        verdict = hostile.site / "verdicts" / f"v{vector.id}" / "index.html"
        if not verdict.is_file() or vector.marker not in verdict.read_text(encoding="utf-8"):
            missing.append(vector.marker)
    assert not missing, f"markers missing from their verdict pages: {missing}"
    posts = [hostile.site / "articles" / f"wp-hostile-{int(v.id)}" / "index.html" for v in VECTORS]
    assert all(p.is_file() for p in posts), "a WordPress post of the corpus was not archived"
    verdict_pages = "".join(p.read_text(encoding="utf-8") for p in (hostile.site / "verdicts").glob("v*/index.html"))
    for url in hostile.accepted_urls:
        assert markers_in(url)[0] in verdict_pages, f"accepted evidence URL not on its page: {url}"


def test_no_live_markup_in_html_pages(hostile: HostileSite) -> None:
    found = _scan(hostile, (".html",))
    assert not found, "live markup in HTML pages:\n" + report(found)


def test_no_live_markup_in_feeds(hostile: HostileSite) -> None:
    """RSS <description> and Atom html content are rendered as HTML by feed readers."""
    found = _scan(hostile, (".xml",))
    assert not found, "live markup in feeds or sitemap:\n" + report(found)


def test_json_exports_and_search_index_are_inert(hostile: HostileSite) -> None:
    found = _scan(hostile, (".json",))
    assert not found, "script URLs or live markup in JSON files:\n" + report(found)


def test_csv_exports_guard_formulas(hostile: HostileSite) -> None:
    csvs = [f for f in content_files(hostile.site) if f.suffix == ".csv"]
    assert csvs, "no CSV export was written"
    exported = "".join(f.read_text(encoding="utf-8") for f in csvs)
    formulas = [v.marker for v in VECTORS if v.category == "csv"]
    assert all(m in exported for m in formulas), "the formula vectors did not reach the CSV exports"
    found = _scan(hostile, (".csv",))
    assert not found, "spreadsheet formulas from the corpus in CSV exports:\n" + report(found)


def test_json_ld_blocks_parse_and_cannot_end_their_script(hostile: HostileSite) -> None:
    if not hostile.built:
        pytest.fail("the hostile archive did not build")
    import lxml.html

    checked = 0
    for vector in VECTORS:
        page = (hostile.site / "verdicts" / f"v{vector.id}" / "index.html").read_text(encoding="utf-8")
        blocks = lxml.html.document_fromstring(page).xpath('//script[@type="application/ld+json"]')
        assert len(blocks) == 1, f"v{vector.id}: {len(blocks)} JSON-LD blocks"
        body = blocks[0].text or ""
        assert "</script" not in body.lower() and "<!--" not in body
        data = json.loads(body)
        assert vector.marker in json.dumps(data), f"v{vector.id}: the claim is missing from its ClaimReview"
        checked += 1
    assert checked == len(VECTORS)


def test_titles_carry_no_markup(hostile: HostileSite) -> None:
    found = [f for f in _scan(hostile, (".html",)) if f.rule == "markup-in-title"]
    assert not found, report(found)


def test_templates_are_not_evaluated(hostile: HostileSite) -> None:
    found = [f for f in _scan(hostile, (".html", ".xml", ".json")) if f.rule == "template-evaluated"]
    assert not found, report(found)


def test_generated_stylesheet_is_inert(hostile: HostileSite) -> None:
    """The stylesheet the generator writes from ratings.yaml (colours, rating keys) sits under assets/."""
    if not hostile.built:
        pytest.fail("the hostile archive did not build")
    sheets = [p for p in (hostile.site / "assets").glob("*.css")]
    assert sheets, "no generated stylesheet"
    for sheet in sheets:
        css = sheet.read_text(encoding="utf-8")
        assert not css_is_dangerous(css) and not markers_in(css) and "<" not in css, sheet.name
