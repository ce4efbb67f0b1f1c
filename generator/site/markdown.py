"""Escaping for text that goes into generated Markdown.

Everything from an article or a contributor passes through here before it is
written into a page, so none of it can become live HTML or Markdown syntax:

- `&`, `<`, `>` become entities (no tags, no entity tricks);
- the punctuation Python-Markdown (with `tables`) accepts a backslash escape
  for is backslash-escaped;
- punctuation only extensions care about (`:` `~` `=` `^`: definition lists,
  emoji, strike-through, mark, superscript) becomes a numeric character
  reference, because a backslash before it would be printed literally by
  plain Python-Markdown;
- newlines collapse to spaces (no setext headings, no lazy continuation),
  and C0 control characters are dropped: Python-Markdown uses STX/ETX as its
  own placeholder markers, so they must never reach it.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from generator.weburl import WEB_SCHEMES, is_web_url

_BACKSLASH_ESCAPED = frozenset("\\`*_{}[]()#+-.!|")
_ENTITY_ESCAPED = {"&": "&amp;", "<": "&lt;", ">": "&gt;", ":": "&#58;", "~": "&#126;", "=": "&#61;", "^": "&#94;"}
_NEWLINES = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")
SAFE_SCHEMES = WEB_SCHEMES  # Re-exported for the contributor-Markdown cleaner.
# Characters that end or confuse a Markdown link destination, or that MkDocs would unquote.
_URL_SAFE = "/:?#@!$&'*+,;=-._~%"
_ANCHOR_RE = re.compile(r"^[^\s\"'<>&#%?/\\`()\[\]{}]{1,200}$")


# One translation table: the escaping runs over every character of every article.
_DROPPED = [c for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c"] + [0x7F]
_MD_TABLE: dict[int, str | None] = {c: None for c in _DROPPED}
_MD_TABLE |= {ord(ch): " " for ch in _NEWLINES}
_MD_TABLE |= {ord(ch): "\\" + ch for ch in _BACKSLASH_ESCAPED}
_MD_TABLE |= {ord(ch): entity for ch, entity in _ENTITY_ESCAPED.items()}
_CONTROL_TABLE: dict[int, str | None] = {c: None for c in _DROPPED}
_LINE_TABLE: dict[int, str | None] = _CONTROL_TABLE | {ord(ch): " " for ch in _NEWLINES}


def strip_controls(text: str) -> str:
    return text.translate(_CONTROL_TABLE)


def single_line(text: str) -> str:
    """The text escape_md renders: newlines as spaces, control characters gone."""
    return text.translate(_LINE_TABLE)


def escape_md(text: str) -> str:
    """Inline Markdown that renders exactly as `text`, on one line."""
    return text.translate(_MD_TABLE)




def escape_html(text: str) -> str:
    """Text for HTML element content or a quoted attribute value."""
    return html.escape(strip_controls(text), quote=True)


def one_line(text: str) -> str:
    """Collapse all whitespace runs (newlines included) to single spaces."""
    return " ".join(text.split())


def truncate(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary when one is near."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def safe_external_url(url: str | None) -> str | None:
    """`url` if it is an http(s)/mailto URL, percent-escaped for a Markdown link; else None."""
    if not url:
        return None
    cleaned = "".join(ch for ch in strip_controls(url.strip()) if ch not in _NEWLINES)
    return quote(cleaned, safe=_URL_SAFE) if is_web_url(cleaned) else None


def quote_path(path: str) -> str:
    """A relative URL path, escaped for a Markdown link destination.

    `:` is escaped too, so no relative path can ever read as a scheme
    (`javascript%3A…` unquoted by a reader stays a harmless path).
    """
    return quote(path, safe="/-._~!$&*+,;=")


def is_safe_anchor(anchor: str) -> bool:
    """An id we can use verbatim in an HTML attribute and a URL fragment."""
    return bool(_ANCHOR_RE.match(anchor))


def md_link(text_md: str, url: str) -> str:
    """A Markdown link; `text_md` must already be escaped, `url` already safe."""
    return f"[{text_md}]({url})"
