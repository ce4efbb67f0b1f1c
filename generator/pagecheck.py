"""Checks for hand-written pages (content/pages/*.md).

These pages are copied into the docs tree as Markdown, and Python-Markdown
passes raw HTML straight through. A page may not contain raw HTML, link to a
non-web URL scheme, or carry front matter (Material prints some front-matter
values unescaped). The decision is made on what Python-Markdown actually
renders, so tricks that hide HTML from a line-based reading (a fence that does
not close, an indented fence, a link target on the next line) are still seen;
the source is then searched to report the problem at its line.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

import markdown
from bs4 import BeautifulSoup

from generator.diagnostics import Diagnostics, Location
from generator.weburl import WEB_SCHEMES

# The same extensions as mkdocs.yml, so the check sees what the site will render.
MARKDOWN_EXTENSIONS = ["toc", "tables", "admonition"]
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_ENTITY = re.compile(r"^&(#\d+|#[xX][0-9a-fA-F]+|\w+);$")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_TAG_LIKE = re.compile(r"<\s*/?[A-Za-z!?]")
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "srcset", "xlink:href")


def check_page(text: str, path: str, diags: Diagnostics) -> None:
    """Report front matter, raw HTML and unsafe link schemes, each once, at its line."""
    if text.startswith("---"):
        diags.error("page-front-matter", "pages take their title from the first '# heading'; remove the front matter",
                    Location(path, 1, 1))
        return
    renderer = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
    rendered = renderer.convert(text)
    raw_lines: dict[int, Location] = {}
    for chunk in map(str, renderer.htmlStash.rawHtmlBlocks):
        where = _locate(text, chunk.strip()[:40], path)
        if not _ENTITY.match(chunk.strip()):
            raw_lines.setdefault(where.line, where)  # One report per line: each inline tag is stashed alone.
    # Also anything that looks like a tag, even where Python-Markdown would escape it
    # today: its HTML recognition is not a contract, and the author meant markup.
    for where in _tag_like(text, path):
        raw_lines.setdefault(where.line, where)
    for line in sorted(raw_lines):
        diags.error("page-raw-html", "raw HTML is not allowed in pages; write Markdown (or `code` for a literal <)",
                    raw_lines[line])
    for element in BeautifulSoup(rendered, "lxml").find_all(True):
        for attribute in _URL_ATTRIBUTES:
            value = element.get(attribute)
            scheme = _unsafe_scheme(value) if isinstance(value, str) else None
            if scheme and value is not None:
                diags.error("unsafe-url", f"link scheme '{scheme}:' is not allowed; use http(s) or a relative link",
                            _locate(text, value, path))


def _tag_like(text: str, path: str) -> list[Location]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        visible = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)
        if match := _TAG_LIKE.search(visible):
            found.append(Location(path, number, match.start() + 1))
    return found


def _unsafe_scheme(target: str) -> str | None:
    """The scheme of a link target once entities, %-escapes and control characters are undone."""
    decoded = re.sub(r"[\x00-\x20]", "", unquote(html.unescape(target)))
    match = _SCHEME.match(decoded)
    if match and match.group(1).lower() not in WEB_SCHEMES:
        return match.group(1).lower()
    return None


def _locate(text: str, needle: str, path: str) -> Location:
    """Line and column of `needle` in the source; the first line when it cannot be found."""
    tail = needle.split(":", 1)[-1][:20]
    for candidate in (needle, needle.split("(")[0], needle[:12], tail):
        index = text.find(candidate) if candidate else -1
        if index >= 0:
            line = text.count("\n", 0, index) + 1
            col = index - (text.rfind("\n", 0, index) + 1) + 1
            return Location(path, line, col)
    return Location(path, 1, 1)
