"""Checks for hand-written pages (content/pages/*.md), on what Python-Markdown will see.

The generator writes each page into the docs tree behind front matter of its
own (generator/pages.py), so MkDocs never reads metadata from the page; this
check refuses, at their line:

- front matter (`---`) and MultiMarkdown metadata (`key: value` on the first
  line, which MkDocs reads as metadata even without `---`): the author meant
  metadata, and the theme prints several of those values unescaped;
- pages whose Markdown would make Python-Markdown's scans super-linear
  (`generator.pagecost`), before anything renders them, and pages nested so
  deeply that rendering them runs out of stack;
- raw HTML, as Python-Markdown recognises it (its HTML stash), and anything
  that looks like a tag outside what Python-Markdown renders as code: each
  such `<` is replaced by a marker character and the page rendered again, so
  code spans are exactly Python-Markdown's, not a pattern's guess;
- link, image and other URL attributes whose scheme, once entities,
  %-escapes and control characters are undone, is not a web scheme.

Every scan here is linear in the page (the pattern it replaces was cubic on a
run of backticks).
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import unquote

import markdown
from bs4 import BeautifulSoup
from mkdocs.utils.meta import META_RE

from generator.diagnostics import Diagnostics, Location
from generator.pagecost import PAGE_RESCAN_BUDGET, rescan_cost
from generator.weburl import WEB_SCHEMES

# The same extensions as mkdocs.yml, so the check sees what the site will render.
MARKDOWN_EXTENSIONS = ["toc", "tables", "admonition"]
# A page is rendered here with this much less stack than Python allows, so a page that
# renders in the check also renders inside MkDocs, which calls Markdown from deeper.
STACK_HEADROOM = 250
# Reports of one kind per page: a page of a thousand tags needs fixing, not a thousand lines.
MAX_REPORTS = 20
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_ENTITY = re.compile(r"^&(#\d+|#[xX][0-9a-fA-F]+|\w+);$")
_TAG_LIKE = re.compile(r"<\s*/?[A-Za-z!?]")
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "srcset", "xlink:href")
# Marker characters for `<`: Unicode's last private-use plane, never special to Markdown.
_MARKER_BASE = 0xF0000
_CODE_ELEMENTS = frozenset({"code", "pre"})

PAGE_FRONT_MATTER = "page-front-matter"
PAGE_METADATA = "page-metadata"
PAGE_TOO_COMPLEX = "page-too-complex"
PAGE_RAW_HTML = "page-raw-html"
UNSAFE_URL = "unsafe-url"


def check_page(text: str, path: str, diags: Diagnostics) -> None:
    """Report metadata, super-linear Markdown, raw HTML and unsafe link schemes, each at its line."""
    if text.startswith("---"):
        diags.error(PAGE_FRONT_MATTER, "pages take their title from the first '# heading'; remove the front matter",
                    Location(path, 1, 1))
        return
    _check_metadata(text, path, diags)
    cost = rescan_cost(text)
    if cost.total > PAGE_RESCAN_BUDGET:
        where = _position(text, cost.worst_offset, path)
        diags.error(PAGE_TOO_COMPLEX,
                    f"Markdown would rescan this page {cost.total:,} characters' worth (limit "
                    f"{PAGE_RESCAN_BUDGET:,}), most from the unmatched or deeply nested {cost.worst_kind} here; "
                    "close it, or escape it with a backslash", where)
        return
    try:
        _check_rendered(text, path, diags)
    except RecursionError:
        diags.error(PAGE_TOO_COMPLEX, "the page nests lists, quotes or emphasis too deeply to render; flatten it",
                    Location(path, 1, 1))


def _check_metadata(text: str, path: str, diags: Diagnostics) -> None:
    """MkDocs reads `key: value` lines at the very top as metadata: MkDocs' own pattern decides."""
    first_line = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    if match := META_RE.match(first_line):
        key = match.group("key")
        diags.error(PAGE_METADATA,
                    f"MkDocs would read '{key}:' on the first line as page metadata, which pages may not set; "
                    "start the page with a '# heading' (or put the line after it)", Location(path, 1, 1))


def _check_rendered(text: str, path: str, diags: Diagnostics) -> None:
    with _stack_headroom():
        renderer = _renderer()
        rendered = renderer.convert(text)
        raw_blocks = list(map(str, renderer.htmlStash.rawHtmlBlocks))
        tags_outside_code = _tags_outside_code(text)
    raw_lines: dict[int, Location] = {}
    for chunk in raw_blocks:
        if not _ENTITY.match(chunk.strip()) and len(raw_lines) < MAX_REPORTS:
            where = _locate(text, chunk.strip()[:40], path)
            raw_lines.setdefault(where.line, where)  # One report per line: each inline tag is stashed alone.
    # Also anything that looks like a tag, even where Python-Markdown would escape it
    # today: its HTML recognition is not a contract, and the author meant markup.
    for offset in tags_outside_code[:MAX_REPORTS]:
        where = _position(text, offset, path)
        raw_lines.setdefault(where.line, where)
    for line in sorted(raw_lines):
        diags.error(PAGE_RAW_HTML, "raw HTML is not allowed in pages; write Markdown (or `code` for a literal <)",
                    raw_lines[line])
    _check_urls(text, rendered, path, diags)


def _check_urls(text: str, rendered: str, path: str, diags: Diagnostics) -> None:
    reported = 0
    for element in BeautifulSoup(rendered, "lxml").find_all(True):
        for attribute in _URL_ATTRIBUTES:
            value = element.get(attribute)
            if not isinstance(value, str):
                continue
            scheme = _unsafe_scheme(value)
            if scheme and reported < MAX_REPORTS:
                reported += 1
                diags.error(UNSAFE_URL, f"link scheme '{scheme}:' is not allowed; use http(s) or a relative link",
                            _locate(text, value, path))


def _renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)


def render_page(text: str) -> str:
    """The page's HTML as Python-Markdown renders it with the site's extensions."""
    return _renderer().convert(text)


@contextmanager
def _stack_headroom() -> Iterator[None]:
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit - STACK_HEADROOM, 100))
    try:
        yield
    finally:
        sys.setrecursionlimit(limit)


def _tags_outside_code(text: str) -> list[int]:
    """Offsets of the tag-like `<` that Python-Markdown does not render inside code.

    Each candidate `<` becomes a distinct private-use character (same length, so
    nothing else moves), the page is rendered, and the markers found outside
    `<code>`/`<pre>` name the offsets. Markers are drawn from characters the page
    does not use itself.
    """
    candidates = [m.start() for m in _TAG_LIKE.finditer(text)]
    if not candidates:
        return []
    used = set(text)
    markers: dict[str, int] = {}
    code = _MARKER_BASE
    for offset in candidates:
        while chr(code) in used:
            code += 1
        markers[chr(code)] = offset
        code += 1
    marked = list(text)
    for marker, offset in markers.items():
        marked[offset] = marker
    soup = BeautifulSoup(_renderer().convert("".join(marked)), "lxml")
    outside: list[int] = []
    for node in soup.find_all(string=True):  # text and comments
        if not any(parent.name in _CODE_ELEMENTS for parent in node.parents):
            outside.extend(markers[ch] for ch in str(node) if ch in markers)
    for element in soup.find_all(True):  # a link target or title is outside code too
        if element.name not in _CODE_ELEMENTS and not any(p.name in _CODE_ELEMENTS for p in element.parents):
            values = " ".join(str(v) for v in element.attrs.values())
            outside.extend(markers[ch] for ch in values if ch in markers)
    return sorted(set(outside))


def _unsafe_scheme(target: str) -> str | None:
    """The scheme of a link target once entities, %-escapes and control characters are undone."""
    decoded = re.sub(r"[\x00-\x20]", "", unquote(html.unescape(target)))
    match = _SCHEME.match(decoded)
    if match and match.group(1).lower() not in WEB_SCHEMES:
        return match.group(1).lower()
    return None


def _position(text: str, index: int, path: str) -> Location:
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return Location(path, line, col)


def _locate(text: str, needle: str, path: str) -> Location:
    """Line and column of `needle` in the source; the first line when it cannot be found."""
    tail = needle.split(":", 1)[-1][:20]
    for candidate in (needle, needle.split("(")[0], needle[:12], tail):
        index = text.find(candidate) if candidate else -1
        if index >= 0:
            return _position(text, index, path)
    return Location(path, 1, 1)
