"""Slugs, safe path segments and site URLs of docs files.

What a page links to is planned in `generator.site.output.SitePlan`; these are
the path rules it and the contributor-Markdown renderer share.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from hashlib import sha256

from generator.limits import MAX_TAG_CHARS
from generator.site.markdown import quote_path

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


def relative_site_url(from_path: str, to_path: str) -> str:
    """A link between two docs files as the browser needs it (for raw HTML MkDocs leaves alone)."""
    base = url_of(from_path)
    target = url_of(to_path)
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if target.endswith("/") or not target:
        rel = rel.rstrip("/") + "/"
    return "./" if rel == "./" else quote_path(rel)
