"""Where every generated page lives, and links between them.

The link index is filled before any page is rendered (Pelican's model), so a
renderer links only to pages that will exist: a page that could not be
planned (unsafe id, output collision) is simply absent and links to it
degrade to plain text instead of breaking the strict MkDocs build.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from hashlib import sha256
from typing import Literal
from urllib.parse import quote

from generator.limits import MAX_TAG_CHARS
from generator.site.markdown import is_safe_anchor, quote_path

# Every kind of page the site has: a typo in a kind is a type error (mypy), not a missing link.
PageKind = Literal[
    "verdict", "article", "person", "outlet", "rating", "topic", "month", "quotes-month", "listing", "page"
]
EntityKind = Literal["verdict", "article", "person", "outlet", "rating", "topic", "month", "quotes-month"]
PageKey = tuple[PageKind, str]

# Directory per kind of entity page; listings use kind "listing".
KIND_DIRS: dict[EntityKind, str] = {
    "verdict": "verdicts",
    "article": "articles",
    "person": "people",
    "outlet": "outlets",
    "rating": "ratings",
    "topic": "topics",
    "month": "dates",
    "quotes-month": "quotes",
}


MAX_SLUG_CHARS = MAX_TAG_CHARS  # the longest tag a verdict may have, so tags are never cut


def slugify(text: str) -> str:
    """Lower-case slug that keeps letters of any script (Cyrillic tags stay readable).

    A valid tag (lowercase letters, digits, single hyphens, at most 80 characters) is its own
    slug, except a reserved name, which gets a form with `_`: no tag can have that, so two
    tags never share a page. (`tag-<hash>` was a tag of its own, and merged with `index`.)
    """
    norm = unicodedata.normalize("NFC", text).casefold()
    slug = re.sub(r"[^\w]+", "-", norm).strip("-_")
    if not slug or slug in {"index", "."} or len(slug) > MAX_SLUG_CHARS:
        # An empty, reserved or over-long slug still needs a stable, distinct file name.
        digest = sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        slug = f"{slug[:60].strip('-_.') or 'tag'}_{digest}"
    return slug


def is_safe_segment(segment: str) -> bool:
    """A single file-name component that cannot escape its folder or be hidden from MkDocs."""
    if not segment or segment in {".", ".."} or segment.startswith("."):
        return False
    if len(segment) > 150:
        return False
    return not any(ch in segment for ch in "/\\\x00") and all(ord(ch) >= 0x20 and ord(ch) != 0x7F for ch in segment)


def url_of(docs_path: str) -> str:
    """The site URL path (directory URLs) of a docs file: verdicts/x.md -> verdicts/x/."""
    if docs_path == "index.md":
        return ""
    if docs_path.endswith("/index.md"):
        return docs_path[: -len("index.md")]
    if docs_path.endswith(".md"):
        return docs_path[: -len(".md")] + "/"
    return docs_path


def absolute_url(site_url: str, docs_path: str) -> str:
    return site_url.rstrip("/") + "/" + quote(url_of(docs_path), safe="/-._~")


@lru_cache(maxsize=200_000)
def _relative_from_dir(from_dir: str, to_path: str) -> str:
    # Pages live in a handful of folders, so the same (folder, target) pair recurs across thousands of pages.
    return quote_path(posixpath.relpath(to_path, from_dir or "."))


def relative_md_link(from_path: str, to_path: str, anchor: str | None = None) -> str:
    """A link between two docs files as written in Markdown (MkDocs resolves and checks it)."""
    target = "" if from_path == to_path else _relative_from_dir(posixpath.dirname(from_path), to_path)
    return target + (f"#{anchor}" if anchor else "")


def relative_site_url(from_path: str, to_path: str) -> str:
    """A link between two docs files as the browser needs it (for raw HTML MkDocs leaves alone)."""
    base = url_of(from_path)
    target = url_of(to_path)
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if target.endswith("/") or not target:
        rel = rel.rstrip("/") + "/"
    return "./" if rel == "./" else quote_path(rel)


@dataclass
class LinkIndex:
    """Planned pages by (kind, key), and the anchors each article page will carry."""

    pages: dict[PageKey, str] = field(default_factory=dict)
    anchors: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)

    def path(self, kind: PageKind, key: str) -> str | None:
        return self.pages.get((kind, key))

    def link(self, from_path: str, kind: PageKind, key: str, anchor: str | None = None) -> str | None:
        """Relative Markdown link to a planned page (and anchor, only if it will exist)."""
        target = self.pages.get((kind, key))
        if target is None:
            return None
        if anchor is not None and not (kind == "article" and self.has_anchor(key, anchor)):
            anchor = None
        return relative_md_link(from_path, target, anchor)

    def has_anchor(self, article_id: str, anchor: str) -> bool:
        return is_safe_anchor(anchor) and anchor in self.anchors.get(article_id, {})

    def add_anchor(self, article_id: str, anchor: str, block: int, offset: int) -> bool:
        """Record an anchor position; the first position recorded for an id wins."""
        if not is_safe_anchor(anchor):
            return False
        self.anchors.setdefault(article_id, {}).setdefault(anchor, (block, offset))
        return True


def entity_path(kind: EntityKind, key: str) -> str:
    return f"{KIND_DIRS[kind]}/{key}.md"
