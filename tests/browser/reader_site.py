"""The bundled archive as a reader gets it: built once, served on 127.0.0.1, one Chromium, one context per width.

The project's own content/ is built (both UI languages) into a temporary copy of the
project, as `make site` does. Each context is watched like the hostile site's
(tests/browser/conftest.py), but with no allowed host at all: the bundled site must
make no request off the site (no web fonts, no analytics).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.build import build
from generator.diagnostics import Diagnostics
from tests.browser.conftest import Served, Watch

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"
WIDTHS = {"wide": 1366, "phone": 390}
LANGUAGES = {"en": "", "uk": "uk/"}  # the UI language and its folder in the built site
MONTH = re.compile(r"^\d{4}-\d{2}$")


class SiteOnlyWatch(Watch):
    """A Watch with an empty allow-list: every request that leaves the served site is a finding.

    One known miss is kept apart: Material's language switch fetches `sitemap.xml` relative to
    every `<link rel="alternate">`, and overrides/main.html gives each page per-page hreflang
    alternates (what search engines want), so `<page>/sitemap.xml` 404s on every page. It is
    recorded in `sitemap_misses` (and reported), not counted as a finding.
    """

    sitemap_misses: list[str]

    def __init__(self, base: str) -> None:
        super().__init__(base)
        self.sitemap_misses = []

    def _console(self, message: Any) -> None:
        source = (message.location or {}).get("url", "")
        if message.type == "error" and "404" in message.text and source.endswith("/sitemap.xml"):
            self.sitemap_misses.append(source)
            return
        super()._console(message)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.base):
            route.continue_()
            return
        self.foreign_requests.append(f"{self.current}: request off the site: {url}")
        route.abort()


@dataclass(frozen=True)
class BundledSite:
    served: Served

    def url(self, language: str, path: str) -> str:
        """The absolute URL of a site path ('' for home, 'verdicts/x/') in a UI language."""
        return self.served.base + LANGUAGES[language] + path

    def children(self, folder: str) -> list[str]:
        """The site paths of the pages one level under a folder (e.g. every verdict), sorted."""
        found = sorted(p.parent.name for p in (self.served.root / folder).glob("*/index.html"))
        return [f"{folder}/{name}/" for name in found]

    def richest_child(self, folder: str, pattern: re.Pattern[str] | None = None) -> str:
        """The largest page under a folder: the one with the most for axe to check and a reviewer to see."""
        paths = [p for p in self.children(folder) if pattern is None or pattern.match(p.split("/")[1])]
        assert paths, f"the bundled site has no page under {folder}/"
        return max(paths, key=lambda path: ((self.served.root / path / "index.html").stat().st_size, path))

    def page_types(self) -> dict[str, str]:
        """One site path per page type, named for the screenshots and the failure messages."""
        return {
            "home": "",
            "verdicts-listing": "verdicts/",
            "verdict": self.richest_child("verdicts"),
            "article": self.richest_child("articles"),
            "person": self.richest_child("people"),
            "outlet": self.richest_child("outlets"),
            "rating": self.richest_child("ratings"),
            "topic": self.richest_child("topics"),
            "dates-listing": "dates/",
            "month": self.richest_child("dates", MONTH),
            "quotes-listing": "quotes/",
            "quotes-month": self.richest_child("quotes", MONTH),
            "ratings-listing": "ratings/",
            "hand-written": "about/",
        }

    def listings(self) -> list[str]:
        """Every listing page: home, each index, and each month of the date and quote listings."""
        indexes = ["verdicts/", "ratings/", "topics/", "outlets/", "people/", "articles/", "dates/", "quotes/"]
        months = [p for folder in ("dates", "quotes") for p in self.children(folder)]
        return ["", *indexes, *months]


def copy_project(target: Path) -> Path:
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def build_bundled(target: Path, site_url: str) -> Path:
    """Build the project's content/ (both languages) in a copy of the project; returns the site folder.

    The copy's `site_url` is where the test serves it, as on the real host: the absolute
    URLs the pages carry (canonical, hreflang alternates, which Material's language switch
    fetches sitemaps from) then point at the served site, not at a host the test cannot reach.
    """
    root = copy_project(target)
    config = root / "mkdocs.yml"
    text, count = re.subn(r"^site_url:.*$", f"site_url: {site_url}", config.read_text(encoding="utf-8"), flags=re.M)
    assert count == 1, "mkdocs.yml has no site_url line; update tests/browser/reader_site.py"
    config.write_text(text, encoding="utf-8")
    diags = Diagnostics()
    assert build(root, diags), "\n".join(d.format() for d in diags)
    assert not diags.errors, [d.format() for d in diags.errors]
    return root / "site"


@dataclass
class Tab:
    """One watched page in a context of one width, reused for every visit at that width."""

    page: Any
    watch: SiteOnlyWatch
    width: int

    def visit(self, url: str) -> None:
        self.watch.current = url
        response = self.page.goto(url)
        assert response is not None and response.ok, f"{url}: {response and response.status}"
