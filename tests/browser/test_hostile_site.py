"""Every page of a site built from the injection corpus, loaded in Chromium: nothing from content runs.

The static scan (tests/security/detect.py) reads the HTML; this test lets a real
browser run it, Material's JavaScript included (search results, the header's
title, navigation). A corpus payload that ran would show as a dialog (`alert`),
a page error, a console error, or a request off the served site (the payloads
load from `evil.example`). Handlers that need a pointer or focus from a person
(`onmouseover`) cannot fire here; the static scan is what refuses those.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Served, chromium_context, serve

pytestmark = pytest.mark.browser

# Queries typed into Material's search box: the corpus markers and the words around them,
# so the results list renders hostile titles and snippets.
SEARCH_QUERIES = ("XSS", "Meta", "Page", "script", "alert")


@pytest.mark.slow
def test_no_page_of_the_hostile_site_runs_content(hostile_site: Served) -> None:
    pages = sorted(hostile_site.root.rglob("*.html"))
    assert len(pages) > 300, f"only {len(pages)} pages: the hostile site is not the whole corpus"
    with chromium_context(hostile_site.base) as (context, watch):
        tab = context.new_page()
        for page in pages:
            watch.current = page.relative_to(hostile_site.root).as_posix()
            tab.goto(hostile_site.url(page), wait_until="load")
        watch.current = "search"
        tab.goto(hostile_site.base, wait_until="load")
        for query in SEARCH_QUERIES:
            tab.fill("input.md-search__input", query)
            tab.wait_for_selector(".md-search-result__item", timeout=20_000)
    findings = watch.findings()
    assert not findings, f"{len(findings)} things ran from content:\n" + "\n".join(findings[:40])


def test_the_watch_sees_a_dialog_an_error_and_a_request_off_the_site(tmp_path: Path) -> None:
    """A canary: a page that does each forbidden thing must be caught, or the test above proves nothing."""
    (tmp_path / "index.html").write_text(
        "<!doctype html><title>canary</title><p>canary</p>"
        "<script>alert('CANARYQ')</script>"
        "<img src='https://evil.example/CANARYQ.png'>"
        "<script>throw new Error('CANARYQ')</script>",
        encoding="utf-8",
    )
    with serve(tmp_path) as served, chromium_context(served.base) as (context, watch):
        tab = context.new_page()
        watch.current = "index.html"
        tab.goto(served.base, wait_until="load")
    assert any("CANARYQ" in d for d in watch.dialogs), watch.findings()
    assert any("CANARYQ" in e for e in watch.page_errors), watch.findings()
    assert any("evil.example" in r for r in watch.foreign_requests), watch.findings()
