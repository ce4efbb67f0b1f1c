"""Checks for hand-written pages (content/pages/*.md).

These pages are copied into the docs tree as Markdown, and Python-Markdown
passes raw HTML straight through, so a page may not contain raw HTML, link to a
non-web URL scheme, or set attributes through attribute lists.
"""

from __future__ import annotations

import re

from generator.diagnostics import Diagnostics, Location

_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_RAW_HTML = re.compile(r"<\s*[A-Za-z!?/]")
_LINK_TARGET = re.compile(r"\]\(\s*<?\s*([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+)")
_ATTR_LIST = re.compile(r"\{\s*:?[^}]*\bon[a-z]+\s*=", re.IGNORECASE)
_SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)\s*:")


def check_page(text: str, path: str, diags: Diagnostics) -> None:
    """Report raw HTML, unsafe link schemes and event-handler attribute lists."""
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        visible = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)
        _check_line(visible, Location(path, number, 1), diags)


def _check_line(line: str, where: Location, diags: Diagnostics) -> None:
    if match := _RAW_HTML.search(line):
        diags.error("page-raw-html", "raw HTML is not allowed in pages; write Markdown (or `code` for literal <)",
                    where.at(where.line, match.start() + 1))
    for match in _LINK_TARGET.finditer(line):
        target = _decode(match.group(1) or match.group(2) or "")
        scheme = _SCHEME.match(target)
        if scheme and scheme.group(1).lower() not in _SAFE_SCHEMES:
            column = match.start(1) if match.group(1) is not None else match.start(2)
            message = f"link scheme '{scheme.group(1)}:' is not allowed; use http(s) or a relative link"
            diags.error("unsafe-url", message, where.at(where.line, column + 1))
    if match := _ATTR_LIST.search(line):
        diags.error("page-event-handler", "attribute lists may not set event handlers (on...=)",
                    where.at(where.line, match.start() + 1))


def _decode(target: str) -> str:
    """Undo the tricks that hide a scheme: entities, percent-escapes and control characters."""
    import html
    from urllib.parse import unquote

    decoded = unquote(html.unescape(target))
    return re.sub(r"[\x00-\x20]", "", decoded)
