"""A site built from the injection corpus, served on 127.0.0.1, and a Chromium that records what runs.

One site for the whole session: the hostile archive of tests/security (every
corpus vector in every text field), the hand-written page tricks, and the
metadata/title pages built with `check`'s metadata rule off (so only the
generator keeps page metadata away from the theme). Pages `check` refuses are
removed first, as a maintainer would have to. The site is served by a
`http.server` thread; Debian's Chromium (`make browsers`) is driven by
Playwright, and a `Watch` records every dialog, page error, console error and
request that is not to the served site.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from generator.siteconfig import site_info
from tests.security.hostile import write_hostile
from tests.security.hostile_pages import metadata_pages, metadata_rule_off, title_pages
from tests.security.project import Project, describe, new_project
from tests.security.test_pages import PAGE_TRICKS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Requests allowed off the site, all aborted (there is no network): the corpus' benign host,
# whose http(s) images a page may show. The payloads load from `evil.example`; any host not
# listed here is a finding (no fonts: mkdocs.yml sets `theme.font: false`).
# The site's own published host (site_url) is the site too: Material's language switch fetches
# the sitemap beside each `hreflang` link, which are absolute URLs on that host.
SITE_HOST = urlsplit(site_info(Path(__file__).resolve().parents[2]).url).hostname or ""
EXPECTED_HOSTS = frozenset({"example.org", SITE_HOST})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: run `make browsers` (Debian's chromium package)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # The browser leaving a page mid-download breaks the pipe; that is not a finding.


@dataclass
class Served:
    root: Path
    base: str  # http://127.0.0.1:<port>/

    def url(self, path: Path) -> str:
        rel = path.relative_to(self.root).as_posix()
        return self.base + rel.removesuffix("index.html")


@contextmanager
def serve(root: Path) -> Iterator[Served]:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(root, f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Watch:
    """What the browser saw that content must never cause, by kind."""

    base: str
    dialogs: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    current: str = ""

    def findings(self) -> list[str]:
        return [*self.dialogs, *self.page_errors, *self.console_errors, *self.foreign_requests]

    def attach(self, context: Any) -> None:
        context.route("**/*", self._route)
        context.on("page", self._watch_page)

    def _watch_page(self, page: Any) -> None:
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.page_errors.append(f"{self.current}: page error: {error}"))
        page.on("console", self._console)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{self.current}: {dialog.type} dialog: {dialog.message!r}")
        dialog.dismiss()

    def _console(self, message: Any) -> None:
        # Aborted font requests log "Failed to load resource"; those are the theme's, not content's.
        if message.type == "error" and "net::ERR_FAILED" not in message.text:
            self.console_errors.append(f"{self.current}: console error: {message.text}")

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.base):
            route.continue_()
            return
        host = url.split("/")[2] if url.count("/") >= 2 else url
        if host not in EXPECTED_HOSTS:
            self.foreign_requests.append(f"{self.current}: request off the site: {url}")
        route.abort()


@contextmanager
def chromium_context(base: str) -> Iterator[tuple[Any, Watch]]:
    """One browser context whose every page is watched; requests leave only for the served site."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(service_workers="block")
            watch = Watch(base)
            watch.attach(context)
            yield context, watch
        finally:
            browser.close()


def build_hostile_site(root: Path) -> tuple[Project, set[str]]:
    """The corpus in every field, plus hostile pages; returns the project and the pages `check` refused."""
    project = new_project(root)
    write_hostile(project)
    pages = {**PAGE_TRICKS, **metadata_pages(), **title_pages()}
    for name, text in pages.items():
        project.write(f"pages/{name}.md", text)
    with metadata_rule_off():
        refused = {Path(d.location.path).stem for d in project.check().errors if "/pages/" in d.location.path}
        for name in refused:
            (project.content / "pages" / f"{name}.md").unlink()
        ok, diags = project.build()
    if not ok:
        pytest.fail(f"the hostile site did not build:\n{describe(diags)}")
    return project, refused


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    project, _refused = build_hostile_site(tmp_path_factory.mktemp("browser") / "project")
    with serve(project.site) as served:
        yield served
