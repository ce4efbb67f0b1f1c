"""One record per generated file, and the one registry of them (MkDocs' `File`, Pelican's writer).

Every output — page, feed, export, stylesheet, image — is planned as an
`OutputFile` before anything renders: its kind and key (what it shows), where
it comes from in `content/`, its path in the docs tree and its URL on the site.
`SitePlan` is the only place paths are claimed: a second claim on a path
(case-folded, for case-insensitive file systems) or a path that could leave
the output folder is an error at the source that asked for it, and a page
links only to files the plan holds, so no rendered link can dangle.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import PurePosixPath
from urllib.parse import quote

from generator.diagnostics import Diagnostics, Location
from generator.site.markdown import is_safe_anchor
from generator.site.urls import is_safe_segment

OUTPUT_COLLISION = "output-collision"
UNSAFE_OUTPUT_PATH = "unsafe-output-path"


class PageKind(StrEnum):
    """What an output shows; a typo in a kind is an AttributeError at import, not a missing link."""

    VERDICT = "verdict"
    ARTICLE = "article"
    PERSON = "person"
    OUTLET = "outlet"
    RATING = "rating"
    TOPIC = "topic"
    MONTH = "month"
    QUOTES_MONTH = "quotes-month"
    LISTING = "listing"
    PAGE = "page"
    FILE = "file"  # feeds, exports, stylesheet, images: not Markdown pages


@dataclass(frozen=True)
class OutputFile:
    """A file of the docs tree: `src_uri` as MkDocs reads it, `url` as the built site serves it."""

    kind: PageKind
    key: str
    src_uri: str
    source: Location | None = None

    @property
    def is_page(self) -> bool:
        return self.src_uri.endswith(".md")

    @property
    def url(self) -> str:
        """The site URL path (directory URLs): verdicts/x.md -> verdicts/x/, index.md -> ''."""
        path = self.src_uri
        if not self.is_page:
            return path
        if path == "index.md":
            return ""
        if path.endswith("/index.md"):
            return path[: -len("index.md")]
        return path[: -len(".md")] + "/"

    @property
    def dest_uri(self) -> str:
        return self.url + "index.html" if self.is_page and (not self.url or self.url.endswith("/")) else self.url

    def url_relative_to(self, other: OutputFile) -> str:
        """This file's URL as a link written on page `other` (quoted, never read as a scheme)."""
        base = other.url if other.url.endswith("/") or not other.url else posixpath.dirname(other.url) + "/"
        target = self.url
        relative = posixpath.relpath(target or ".", base.rstrip("/") or ".")
        if target.endswith("/") or not target:
            relative = relative.rstrip("/") + "/"
        relative = "./" if relative in ("./", "") else relative
        return quote(relative, safe="/-._~!$&*+,;=")


@dataclass
class SitePlan:
    """Every output of one build, by (kind, key) and by path; the anchors each article page carries."""

    diags: Diagnostics
    by_key: dict[tuple[PageKind, str], OutputFile] = field(default_factory=dict)
    by_path: dict[str, OutputFile] = field(default_factory=dict)
    anchors: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)

    def add(self, kind: PageKind, key: str, src_uri: str, source: Location | None = None) -> OutputFile | None:
        """Claim `src_uri` for (kind, key); None, with an error at `source`, if unsafe or taken."""
        where = source or Location(src_uri)
        if not _is_safe_path(src_uri):
            message = f"refusing to write {src_uri!r}: not a plain path inside the output folder"
            self.diags.error(UNSAFE_OUTPUT_PATH, message, where)
            return None
        owner = self.by_path.get(src_uri.casefold())
        if owner is not None:
            by = f" (already written for {owner.source.path})" if owner.source else ""
            message = f"two pages would be written to {src_uri!r}{by}; '{owner.src_uri}' and '{src_uri}' are one file"
            self.diags.error(OUTPUT_COLLISION, message, where)
            return None
        record = OutputFile(kind, key, src_uri, source)
        self.by_path[src_uri.casefold()] = record
        self.by_key.setdefault((kind, key), record)
        return record

    def get(self, kind: PageKind, key: str) -> OutputFile | None:
        return self.by_key.get((kind, key))

    def get_article(self, article_id: str) -> OutputFile | None:
        return self.by_key.get((PageKind.ARTICLE, article_id))

    def files(self) -> list[OutputFile]:
        return sorted(self.by_path.values(), key=lambda f: f.src_uri)

    def link(self, on: OutputFile, kind: PageKind, key: str, anchor: str | None = None) -> str | None:
        """A relative URL from page `on` to a planned file (and an anchor only if it will exist)."""
        target = self.by_key.get((kind, key))
        if target is None:
            return None
        url = "" if target is on else target.url_relative_to(on)
        if anchor is not None and kind is PageKind.ARTICLE and self.has_anchor(key, anchor):
            return f"{url}#{anchor}"
        return url or "./"

    def has_anchor(self, article_id: str, anchor: str) -> bool:
        return is_safe_anchor(anchor) and anchor in self.anchors.get(article_id, {})

    def add_anchor(self, article_id: str, anchor: str, block: int, offset: int) -> bool:
        """Record an anchor position; the first position recorded for an id wins."""
        if not is_safe_anchor(anchor):
            return False
        self.anchors.setdefault(article_id, {}).setdefault(anchor, (block, offset))
        return True


def _is_safe_path(src_uri: str) -> bool:
    pure = PurePosixPath(src_uri)
    if not src_uri or pure.is_absolute() or "\\" in src_uri or ":" in pure.parts[0]:
        return False
    return all(is_safe_segment(part) for part in src_uri.split("/"))
