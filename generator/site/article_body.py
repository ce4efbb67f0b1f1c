"""An article body (Blocks of Runs) as one raw HTML block, with point anchors at quote starts.

The body is emitted as a single `<div class="fc-article-body">` that
Python-Markdown passes through without inline parsing (issue 11: inline
processing of escaped paragraphs was most of the build). Every stretch of text
goes through `escape_text`, so nothing in an article becomes markup; formatting
comes only from the Run flags (`<em>`, `<strong>`, and links to http(s)/mailto
URLs only). Anchors are empty `<span id=…>` elements inserted at their offsets:
a point never mis-nests with emphasis or links the way a wrapping element would.

Headings inside the body are HTML headings: the toc extension never sees them,
so they get no id and cannot take a quote anchor's id (the old Markdown body had
to demote such headings). The work is linear in the size of the article: each
character is escaped once, and pieces are collected in lists and joined once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from markupsafe import Markup

from generator.model import Article, Block, Run
from generator.site.markdown import is_safe_anchor, safe_external_url
from generator.site.templating import escape_text

Point = tuple[int, str]  # (offset in the block's text, anchor id)
# The page puts the body under its own "## …" heading, so article headings start one level lower.
_TAG = {"p": "p", "li": "li", "h2": "h3", "h3": "h4", "h4": "h5"}
_EMPTY = Markup("")


def _anchor(anchor: str) -> Markup:
    return Markup('<span id="{}" class="quote-anchor"></span>').format(anchor)


def _escape_pre(text: str) -> Markup:
    # escape_text turns line breaks into spaces (one line of Markdown); preformatted text keeps them.
    return Markup("\n").join(escape_text(line) for line in text.split("\n"))


def _format_run(run: Run, inner: Markup) -> Markup:
    if not run.text.strip():
        return inner
    if run.em:
        inner = Markup("<em>{}</em>").format(inner)
    if run.strong:
        inner = Markup("<strong>{}</strong>").format(inner)
    href = safe_external_url(run.href)
    if href is None:
        return inner
    return Markup('<a href="{}" rel="nofollow noopener">{}</a>').format(escape_text(href), inner)


def render_runs(runs: Sequence[Run], points: Sequence[Point], formatted: bool = True) -> Markup:
    """Runs as inline HTML with an anchor before the character at each point's offset.

    `points` must be sorted by offset. A point at a run boundary opens the next
    run (so it lands inside that run's emphasis or link); a point at the very
    end of the text follows the last run.
    """
    escape = escape_text if formatted else _escape_pre
    out: list[Markup] = []
    next_point, pos, last = 0, 0, len(runs) - 1
    for index, run in enumerate(runs):
        end = pos + len(run.text)
        pieces: list[Markup] = []
        cursor = 0
        while next_point < len(points) and (
            points[next_point][0] < end or (index == last and points[next_point][0] <= end)
        ):
            offset, anchor = points[next_point]
            cut = max(offset - pos, cursor)
            pieces += [escape(run.text[cursor:cut]), _anchor(anchor)]
            cursor, next_point = cut, next_point + 1
        pieces.append(escape(run.text[cursor:]))
        inner = _EMPTY.join(pieces)
        out.append(_format_run(run, inner) if formatted else inner)
        pos = end
    out += [_anchor(anchor) for _, anchor in points[next_point:]]
    return _EMPTY.join(out)


def render_block(block: Block, points: Sequence[Point]) -> Markup:
    """One block as one line of HTML (a list item without its list)."""
    if block.kind == "pre":
        return Markup("<pre><code>{}</code></pre>").format(render_runs(block.runs, points, formatted=False))
    inner = render_runs(block.runs, points)
    if block.kind == "blockquote":
        return Markup("<blockquote><p>{}</p></blockquote>").format(inner)
    return Markup("<{0}>{1}</{0}>").format(Markup(_TAG.get(block.kind, "p")), inner)


def _points_by_block(anchors: Mapping[str, tuple[int, int]]) -> dict[int, list[Point]]:
    points: dict[int, list[Point]] = {}
    for anchor, (block, offset) in sorted(anchors.items(), key=lambda kv: (kv[1], kv[0])):
        if is_safe_anchor(anchor):
            points.setdefault(block, []).append((offset, anchor))
    return points


def _lines(article: Article, anchors: Mapping[str, tuple[int, int]]) -> Iterator[Markup]:
    """Each shown block as a line; consecutive list items inside one <ul>."""
    points = _points_by_block(anchors)
    in_list = False
    for index, block in enumerate(article.blocks):
        block_points = points.get(index, [])
        if not block_points and not block.text.strip():
            continue
        if block.kind == "li" and not in_list:
            yield Markup("<ul>")
        elif block.kind != "li" and in_list:
            yield Markup("</ul>")
        in_list = block.kind == "li"
        yield render_block(block, block_points)
    if in_list:
        yield Markup("</ul>")


def render_article_body(article: Article, anchors: Mapping[str, tuple[int, int]], lang: Markup = _EMPTY) -> Markup:
    """The body as one raw HTML block, or empty Markup when the article has no text.

    `anchors` maps anchor id -> (block index, offset); `lang` is the ` lang="…"`
    attribute (views.language_attr) when the article's language is not the page's.
    """
    lines = list(_lines(article, anchors))
    if not lines:
        return _EMPTY
    opening = Markup('<div class="fc-article-body"{}>').format(lang)
    return Markup("\n").join([opening, *lines, Markup("</div>")])
