"""Contributor Markdown (verdict bodies, notes) made safe for the generated pages.

A verdict body is rendered with Python-Markdown, sanitised with nh3 and
embedded as a raw HTML block, which Python-Markdown passes through untouched.
Because MkDocs does not rewrite links inside raw HTML, relative links to other
docs files are rewritten here to the URLs the built site will have.

Short notes go into table cells and list items, where a raw HTML block cannot
stand; they are rendered and sanitised the same way and then turned back into
inline Markdown with every text node escaped again.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import markdown
import nh3

from generator.site.markdown import (
    SAFE_SCHEMES,
    escape_html,
    escape_md,
    is_safe_anchor,
    md_link,
    quote_path,
    safe_external_url,
)
from generator.site.mdguard import defuse_brackets
from generator.site.urls import relative_site_url

BLOCK_TAGS = frozenset(
    {"p", "a", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "h2", "h3", "h4", "br"}
    | {"table", "thead", "tbody", "tr", "th", "td"}
)
_INLINE_MARKUP = {"em": "em", "strong": "strong", "code": "code", "b": "strong", "i": "em"}
_BREAKS = frozenset({"p", "li", "br", "blockquote", "h2", "h3", "h4", "pre", "tr", "td", "th", "ul", "ol"})


def _to_html(text: str) -> str:
    # Python-Markdown uses STX/ETX as placeholder markers; they must not come from input.
    cleaned = "".join(ch for ch in text if ch not in "\x02\x03\x00")
    return markdown.markdown(defuse_brackets(cleaned), extensions=["tables", "sane_lists"], output_format="html")


def _is_relative(href: str) -> bool:
    """A path relative to the page; also once unquoted, so `javascript%3A…` is not one."""
    for form in (href, unquote(href)):
        parts = urlsplit(form.strip())
        if parts.scheme or parts.netloc or form.strip().startswith(("/", "\\")) or ":" in parts.path.split("/")[0]:
            return False
    return True


@dataclass
class _LinkRewriter:
    """nh3 attribute filter: external links must be http(s)/mailto; relative ones follow the page."""

    page_path: str
    targets: list[str] = field(default_factory=list)

    def __call__(self, tag: str, attr: str, value: str) -> str | None:
        if tag != "a" or attr != "href":
            return value
        parts = urlsplit(value.strip())
        if parts.scheme:
            return value if parts.scheme.lower() in SAFE_SCHEMES else None
        if not _is_relative(value.strip()):
            return None
        if not parts.path:
            return value.strip()  # a fragment on the same page
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.page_path), unquote(parts.path)))
        if target.startswith("../") or target == "..":
            return None
        self.targets.append(target)
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        return relative_site_url(self.page_path, target) + fragment


def render_block_html(text: str, page_path: str) -> tuple[str, list[str]]:
    """Sanitised HTML for contributor Markdown, and the docs paths its relative links point to."""
    rewriter = _LinkRewriter(page_path)
    cleaned = nh3.clean(
        _to_html(text),
        tags=set(BLOCK_TAGS),
        attributes={"a": {"href", "title"}, "th": {"align"}, "td": {"align"}},
        attribute_filter=rewriter,
        url_schemes=set(SAFE_SCHEMES),
        link_rel="nofollow noopener",
    )
    return cleaned.strip(), rewriter.targets


def render_plain_text(text: str) -> str:
    """What a reader sees of contributor Markdown, as one line of plain text (for JSON-LD and feeds)."""
    visible = nh3.clean(_to_html(text), tags=set(), attributes={}, link_rel=None)
    return " ".join(html.unescape(visible).split())


def raw_html_block(content: str, css_class: str) -> str:
    """A raw HTML block Python-Markdown passes through: own lines, blank lines around."""
    return f'<div class="{escape_html(css_class)}">\n{content}\n</div>'


class _InlineMarkdown(HTMLParser):
    """Sanitised HTML back to one line of inline Markdown, every text node escaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.buffers: list[list[str]] = [[]]
        self.hrefs: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href"))
            self.buffers.append([])
        elif tag in _INLINE_MARKUP:
            self.buffers[-1].append(f"<{_INLINE_MARKUP[tag]}>")
        elif tag in _BREAKS:
            self.buffers[-1].append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.hrefs:
            text = "".join(self.buffers.pop()).strip()
            self.buffers[-1].append(_inline_link(text, self.hrefs.pop()))
        elif tag in _INLINE_MARKUP:
            self.buffers[-1].append(f"</{_INLINE_MARKUP[tag]}>")
        elif tag in _BREAKS:
            self.buffers[-1].append(" ")

    def handle_data(self, data: str) -> None:
        self.buffers[-1].append(escape_md(data))

    def result(self) -> str:
        while len(self.buffers) > 1:  # unclosed <a>: keep its text, drop the link
            text = "".join(self.buffers.pop())
            self.buffers[-1].append(text)
        return " ".join("".join(self.buffers[0]).split())


def _inline_link(text_md: str, href: str | None) -> str:
    if not href:
        return text_md
    safe = safe_external_url(href)
    if safe:
        return md_link(text_md, safe)
    if _is_relative(href):
        # Left to MkDocs, which resolves it from the page and fails the strict build if it is broken.
        parts = urlsplit(href)
        fragment = f"#{parts.fragment}" if parts.fragment and is_safe_anchor(parts.fragment) else ""
        return md_link(text_md, quote_path(unquote(parts.path)) + fragment)
    return text_md


def render_inline_md(text: str) -> str:
    """Contributor Markdown as one line of safe inline Markdown (for table cells and list items)."""
    cleaned = nh3.clean(
        _to_html(text),
        tags=set(_INLINE_MARKUP) | set(_BREAKS) | {"a"},
        attributes={"a": {"href"}},
        url_schemes=set(SAFE_SCHEMES),
        link_rel=None,
    )
    parser = _InlineMarkdown()
    parser.feed(cleaned)
    parser.close()
    return parser.result()
