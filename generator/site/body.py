"""An article body (Blocks of Runs) for the article page, with point anchors at quote starts.

Paragraphs, list items and quotations are written as raw HTML blocks, every
character of text HTML-escaped: Python-Markdown stores a raw block whole,
while in Markdown each escaped character is one inline match that copies the
whole paragraph (200 KB of `:` rendered 100 times slower than prose).
Headings stay Markdown so the table of contents lists them; a heading longer
than any real one is written as bold text instead. Formatting comes only from
the Run flags, as inline tags; anchors are empty `<span id=…>` elements
inserted at their offsets, so a point never mis-nests with emphasis or links.
"""

from __future__ import annotations

from collections.abc import Callable

from pymdownx.slugs import slugify

from generator.model import Article, Block, Run
from generator.site.markdown import (
    escape_html,
    escape_md,
    md_link,
    one_line,
    point_anchor,
    safe_external_url,
    single_line,
)

Point = tuple[int, str]
_HEADING_LEVEL = {"h2": "###", "h3": "####", "h4": "#####"}  # under the page's own "## Text"
_MAX_HEADING_CHARS = 300  # longer "headings" are captured paragraphs; Markdown would parse them inline
_TOC_SLUGIFY = slugify(case="lower")


def _format_run(run: Run, inner: str) -> str:
    if not inner.strip():
        return inner
    if run.em:
        inner = f"<em>{inner}</em>"
    if run.strong:
        inner = f"<strong>{inner}</strong>"
    href = safe_external_url(run.href)
    return md_link(inner, href) if href else inner


def _format_run_html(run: Run, inner: str) -> str:
    if not inner.strip():
        return inner
    if run.em:
        inner = f"<em>{inner}</em>"
    if run.strong:
        inner = f"<strong>{inner}</strong>"
    href = safe_external_url(run.href)
    return f'<a href="{escape_html(href)}">{inner}</a>' if href else inner


def _escape_text_html(text: str) -> str:
    return escape_html(single_line(text))


def _html_line(block: Block, points: list[Point]) -> str:
    return render_runs(block.runs, points, _escape_text_html, formatted=True, wrap=_format_run_html).strip()


def render_runs(
    runs: tuple[Run, ...],
    points: list[Point],
    escape: Callable[[str], str],
    formatted: bool,
    wrap: Callable[[Run, str], str] = _format_run,
) -> str:
    """Runs with an anchor element inserted before the character at each point's offset."""
    out: list[str] = []
    remaining = sorted(points)
    pos = 0
    for index, run in enumerate(runs):
        end = pos + len(run.text)
        is_last = index == len(runs) - 1
        pieces: list[str] = []
        cursor = 0
        while remaining and (remaining[0][0] < end or (is_last and remaining[0][0] <= end)):
            offset, anchor = remaining.pop(0)
            cut = max(offset - pos, 0)
            pieces += [escape(run.text[cursor:cut]), point_anchor(anchor)]
            cursor = cut
        pieces.append(escape(run.text[cursor:]))
        inner = "".join(pieces)
        out.append(wrap(run, inner) if formatted else inner)
        pos = end
    out += [point_anchor(anchor) for _, anchor in remaining]
    return "".join(out)


def _pre(block: Block, points: list[Point]) -> str:
    # A raw HTML block keeps line breaks and lets anchors sit inside preformatted text.
    return f"<pre><code>{render_runs(block.runs, points, escape_html, formatted=False)}</code></pre>"


def heading_id(text: str) -> str:
    """The id MkDocs' toc extension will give a heading with this text (mkdocs.yml: slugify, case lower)."""
    return _TOC_SLUGIFY(one_line(single_line(text)), "-")


def render_block(block: Block, points: list[Point], taken_ids: frozenset[str] = frozenset()) -> str:
    """One block: a Markdown heading, or a raw HTML block (a list item is `<li>`; render_body wraps the list)."""
    if block.kind == "pre":
        return _pre(block, points)
    if block.kind in _HEADING_LEVEL:
        # An id repeating a quote anchor's would take the anchor's links: keep the text, not the heading.
        if len(block.text) <= _MAX_HEADING_CHARS and heading_id(block.text) not in taken_ids:
            line = render_runs(block.runs, points, escape_md, formatted=True).strip()
            return f"{_HEADING_LEVEL[block.kind]} {line}"
        return f"<p><strong>{_html_line(block, points)}</strong></p>"
    if block.kind == "li":
        return f"<li>{_html_line(block, points)}</li>"
    if block.kind == "blockquote":
        return f"<blockquote><p>{_html_line(block, points)}</p></blockquote>"
    return f"<p>{_html_line(block, points)}</p>"


def render_body(article: Article, anchors: dict[str, tuple[int, int]]) -> str:
    """The body as Markdown; `anchors` maps anchor id -> (block index, offset)."""
    points: dict[int, list[Point]] = {}
    for anchor, (block_index, offset) in sorted(anchors.items(), key=lambda kv: (kv[1], kv[0])):
        points.setdefault(block_index, []).append((offset, anchor))
    chunks: list[list[str]] = []
    previous_kind = ""
    taken = frozenset(anchors)
    for index, block in enumerate(article.blocks):
        block_points = points.get(index, [])
        if not block.text.strip() and not block_points:
            continue
        rendered = render_block(block, block_points, taken)
        # Consecutive list items form one list; everything else is its own block.
        if block.kind == "li" and previous_kind == "li" and chunks:
            chunks[-1].append(rendered)
        else:
            chunks.append(["<ul>", rendered] if block.kind == "li" else [rendered])
        previous_kind = block.kind
    return "\n\n".join("\n".join([*chunk, "</ul>"] if chunk[0] == "<ul>" else chunk) for chunk in chunks)
