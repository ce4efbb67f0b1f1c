"""What every page renderer reads: the archive, its indexes, the link index."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from generator.diagnostics import Diagnostics
from generator.model import Archive
from generator.site.catalog import Catalog
from generator.site.urls import LinkIndex, PageKind, absolute_url

DEFAULT_SITE_URL = "https://factcheck.example.org/"
DEFAULT_SITE_NAME = "Fact-check archive"


@dataclass
class SiteContext:
    archive: Archive
    catalog: Catalog
    links: LinkIndex
    diags: Diagnostics
    site_url: str = DEFAULT_SITE_URL
    site_name: str = DEFAULT_SITE_NAME
    # Docs files that are not pages (feeds, exports, stylesheet): valid link targets too.
    static_paths: set[str] = field(default_factory=set)

    @cached_property
    def _page_paths(self) -> frozenset[str]:
        # The link index is complete before any page renders, so one set serves every page.
        return frozenset(self.links.pages.values())

    def is_link_target(self, docs_path: str) -> bool:
        """True when a docs path is a page or a static file of the site."""
        return docs_path in self._page_paths or docs_path in self.static_paths

    def url(self, docs_path: str) -> str:
        """Absolute URL of a docs file on the published site."""
        return absolute_url(self.site_url, docs_path)

    def page_url(self, kind: PageKind, key: str) -> str | None:
        path = self.links.path(kind, key)
        return self.url(path) if path else None
