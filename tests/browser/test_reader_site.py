"""The bundled archive in Chromium, as a reader uses it (issue 10's browser tests).

A reader follows a verdict's quote to the highlighted passage of the article and
comes back; switches the UI language and stays on the same page; reads every
verdict and listing on a 390 px phone without sideways scrolling. axe-core finds
no violation on any page type, in either language, at either width, and a
screenshot of each is written to build/screenshots/ for review. No page makes a
request off the site. See tests/browser/reader_site.py for the build and the
watched browser contexts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serve
from tests.browser.reader_site import (
    LANGUAGES,
    SCREENSHOTS,
    WIDTHS,
    BundledSite,
    SiteOnlyWatch,
    Tab,
    build_bundled,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Where the quote anchor a link landed on is, and whether the highlight rule applied to its passage.
TARGET_STATE = """() => {
  const anchor = document.querySelector(':target');
  if (!anchor) return null;
  const rect = anchor.getBoundingClientRect();
  const passage = anchor.closest('p, li, blockquote, pre, h3, h4, h5');
  return {
    id: anchor.id,
    top: rect.top,
    header: document.querySelector('.md-header').getBoundingClientRect().bottom,
    viewport: window.innerHeight,
    marker: getComputedStyle(anchor, '::before').content,
    background: passage ? getComputedStyle(passage).backgroundColor : null,
  };
}"""

# The page's scroll width against its client width, and the first content element reaching past the right edge.
SIDEWAYS = """() => {
  const root = document.scrollingElement;
  let culprit = null;
  for (const el of document.querySelectorAll('.md-content *:not(thead *)')) {
    if (el.getBoundingClientRect().right > root.clientWidth + 1) {
      culprit = el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).replace(/ +/g, '.') : '');
      break;
    }
  }
  return {scroll: root.scrollWidth, client: root.clientWidth, culprit};
}"""


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BundledSite]:
    project = tmp_path_factory.mktemp("reader") / "project"
    # Serve first (the port is chosen on binding), then build for that address.
    with serve(project / "site") as served:
        build_bundled(project, served.base)
        yield BundledSite(served)


@pytest.fixture(scope="module")
def tabs(bundled_site: BundledSite) -> Iterator[dict[str, Tab]]:
    """One Chromium, one context (and one reused page) per width, each watched for requests off the site."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            found = {}
            for name, width in WIDTHS.items():
                context = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")
                watch = SiteOnlyWatch(bundled_site.served.base)
                watch.attach(context)
                found[name] = Tab(context.new_page(), watch, width)
            yield found
        finally:
            browser.close()


def assert_nothing_off_the_site(tabs: dict[str, Tab]) -> None:
    """No dialog, page error, console error or request off the site in any context so far."""
    findings = [finding for tab in tabs.values() for finding in tab.watch.findings()]
    assert not findings, "\n".join(findings)


@dataclass
class Tour:
    """What one visit of every page type, per width and language, found: axe violations and screenshots."""

    violations: list[str] = field(default_factory=list)
    screenshots: dict[Path, int] = field(default_factory=dict)  # file -> the viewport width it was taken at


@pytest.fixture(scope="module")
def tour(bundled_site: BundledSite, tabs: dict[str, Tab]) -> Tour:
    """Visit each page type once per width and language: run axe-core, then take a full-page screenshot."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = Tour()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width_name, tab in tabs.items():
        for language in LANGUAGES:
            for page_type, path in bundled_site.page_types().items():
                url = bundled_site.url(language, path)
                tab.visit(url)
                for violation in axe.run(tab.page).response["violations"]:
                    targets = [node["target"] for node in violation["nodes"]]
                    found.violations.append(f"{url} at {tab.width} px: {violation['id']} on {targets}")
                shot = SCREENSHOTS / f"{page_type}-{language}-{width_name}.png"
                tab.page.screenshot(path=str(shot), full_page=True)
                found.screenshots[shot] = tab.width
    return found


def test_a_quote_link_lands_on_the_highlighted_quote_and_its_article_links_back(
    bundled_site: BundledSite, tabs: dict[str, Tab]
) -> None:
    page = tabs["wide"].page
    tabs["wide"].visit(bundled_site.url("en", ""))
    # Home -> the first verdict whose evidence quotes an article passage (a #q-N anchor).
    home_verdicts = page.locator('.fc-verdicts a[href^="verdicts/"]')
    quote_link = None
    for index in range(home_verdicts.count()):
        home_verdicts.nth(index).click()
        page.wait_for_load_state()
        candidates = page.locator('#evidence + .fc-cards blockquote a[href*="#q-"]')
        if candidates.count():
            quote_link = candidates.first
            break
        page.go_back()
    assert quote_link is not None, "no verdict on the home page cites a quote (#q-N) in its evidence"
    verdict_url = page.url
    anchor = quote_link.get_attribute("href").split("#")[1]

    quote_link.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url and page.url.endswith(f"#{anchor}"), page.url
    # The browser scrolls to the fragment after loading; wait for the anchor to come into view.
    page.wait_for_function(f"() => {{ const t = ({TARGET_STATE})(); return t && t.top > 0 && t.top < t.viewport; }}")
    target = page.evaluate(TARGET_STATE)
    assert target["id"] == anchor
    in_view = target["header"] <= target["top"] < target["viewport"]
    assert in_view, f"the quote is not in view below the header: {target}"
    assert target["marker"] != "none", "the :target marker (::before) did not apply"
    assert target["background"] not in (None, "rgba(0, 0, 0, 0)", "transparent"), "the passage is not highlighted"

    back = page.locator(".fc-fact-checked-in a").filter(has_not=page.locator(".rating"))
    hrefs = [back.nth(i).evaluate("a => a.href") for i in range(back.count())]
    assert verdict_url in hrefs, f"'Fact-checked in' does not link to {verdict_url}: {hrefs}"
    back.nth(hrefs.index(verdict_url)).click()
    page.wait_for_load_state()
    assert page.url == verdict_url
    assert_nothing_off_the_site(tabs)


def switch_language(tab: Tab, language: str) -> None:
    """Open the header's language selector and follow the link to `language`."""
    selector = tab.page.locator(f'.md-select:has(a[hreflang="{language}"])')
    selector.locator("button").hover()
    selector.locator(f'a[hreflang="{language}"]').click()
    tab.page.wait_for_load_state()


def test_the_language_switch_keeps_the_page(bundled_site: BundledSite, tabs: dict[str, Tab]) -> None:
    tab = tabs["wide"]
    verdict = bundled_site.page_types()["verdict"]
    tab.visit(bundled_site.url("en", verdict))
    switch_language(tab, "uk")
    assert tab.page.url == bundled_site.url("uk", verdict)
    assert tab.page.locator("html").get_attribute("lang") == "uk"
    switch_language(tab, "en")
    assert tab.page.url == bundled_site.url("en", verdict)
    assert tab.page.locator("html").get_attribute("lang") == "en"
    assert_nothing_off_the_site(tabs)


def test_no_verdict_or_listing_page_scrolls_sideways_on_a_phone(
    bundled_site: BundledSite, tabs: dict[str, Tab]
) -> None:
    tab = tabs["phone"]
    paths = [*bundled_site.listings(), *bundled_site.children("verdicts"), *bundled_site.page_types().values()]
    wide = []
    for language in LANGUAGES:
        for path in dict.fromkeys(paths):
            tab.visit(bundled_site.url(language, path))
            seen = tab.page.evaluate(SIDEWAYS)
            if seen["scroll"] > seen["client"]:
                wide.append(f"/{LANGUAGES[language]}{path}: {seen}")
    assert not wide, "pages wider than a 390 px phone:\n" + "\n".join(wide)
    assert_nothing_off_the_site(tabs)


def test_axe_finds_no_violation_on_any_page_type(tour: Tour, tabs: dict[str, Tab]) -> None:
    assert not tour.violations, "\n".join(tour.violations)
    assert_nothing_off_the_site(tabs)


def test_a_screenshot_of_each_page_type_per_width_and_language(bundled_site: BundledSite, tour: Tour) -> None:
    expected = len(bundled_site.page_types()) * len(LANGUAGES) * len(WIDTHS)
    assert len(tour.screenshots) == expected
    for shot, width in tour.screenshots.items():
        with Image.open(shot) as image:
            assert image.format == "PNG" and image.width == width, (shot, image.format, image.size)
