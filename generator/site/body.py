"""An article body (Blocks of Runs) as Markdown, with point anchors at quote starts.

Every character of text is escaped; formatting comes only from the Run flags
and is written as inline tags (`<em>`, `<strong>`), which unlike `*` markers
render the same whatever whitespace surrounds them. Anchors are empty
`<span id=…>` elements inserted at their offsets: a point never mis-nests
with emphasis or links the way a wrapping element would.
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


def render_runs(runs: tuple[Run, ...], points: list[Point], escape: Callable[[str], str], formatted: bool) -> str:
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
        out.append(_format_run(run, inner) if formatted else inner)
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
    if block.kind == "pre":
        return _pre(block, points)
    line = render_runs(block.runs, points, escape_md, formatted=True).strip()
    if block.kind in _HEADING_LEVEL:
        if heading_id(block.text) in taken_ids:
            # Its id would repeat a quote anchor's and take the anchor's links: keep the text, not the heading.
            return f"<strong>{line}</strong>"
        return f"{_HEADING_LEVEL[block.kind]} {line}"
    if block.kind == "li":
        return f"- {line}"
    if block.kind == "blockquote":
        return f"> {line}"
    return line


def render_body(article: Article, anchors: dict[str, tuple[int, int]]) -> str:
    """The body as Markdown; `anchors` maps anchor id -> (block index, offset)."""
    points: dict[int, list[Point]] = {}
    for anchor, (block, offset) in sorted(anchors.items(), key=lambda kv: (kv[1], kv[0])):
        points.setdefault(block, []).append((offset, anchor))
    chunks: list[str] = []
    previous_kind = ""
    taken = frozenset(anchors)
    for index, block in enumerate(article.blocks):
        block_points = points.get(index, [])
        if not block.text.strip() and not block_points:
            continue
        rendered = render_block(block, block_points, taken)
        # Consecutive list items form one list; everything else is its own block.
        if block.kind == "li" and previous_kind == "li" and chunks:
            chunks[-1] += "\n" + rendered
        else:
            chunks.append(rendered)
        previous_kind = block.kind
    return "\n\n".join(chunks)
