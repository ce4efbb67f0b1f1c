"""The page of one archived article: metadata, anchored body, quotes, back-links."""

from __future__ import annotations

from generator.model import Article
from generator.site.body import heading_id, render_body
from generator.site.context import SiteContext
from generator.site.fragments import (
    CONTEXT_LIMIT,
    article_md,
    fmt_date,
    outlet_md,
    page,
    rating_badge,
    speaker_md,
    verdict_md,
)
from generator.site.markdown import (
    escape_cell,
    escape_html,
    escape_md,
    external_link,
    md_link,
    single_line,
    table,
    truncate,
)

SECTION_NAMES = {"appearances": "where the claim appeared", "evidence": "evidence"}


def _metadata(ctx: SiteContext, article: Article, path: str) -> str:
    url = external_link(article.url, article.url) if article.url else "not recorded"
    lines = [
        f"- **Outlet:** {outlet_md(ctx, article, path)}",
        f"- **Original URL:** {url}",
        f"- **Published:** {fmt_date(article.published)}",
    ]
    if article.modified is not None:
        lines.append(f"- **Modified:** {fmt_date(article.modified)}")
    lines.append(f"- **Language:** {escape_md(article.language) if article.language else 'unknown'}")
    if article.author:
        lines.append(f"- **Author:** {escape_md(article.author)}")
    if article.retrieved is not None:
        lines.append(f"- **Retrieved:** {fmt_date(article.retrieved)}")
    lines.append(f"- **Content hash (SHA-256 of the file as collected):** {escape_md(article.sha256)}")
    return "\n".join(lines)


def _attributions(article: Article) -> str:
    if not article.attributions:
        return ""
    # Raw HTML, like the body: a `Source:` line is as long as the article makes it, and Markdown's
    # inline parsing of a long line of escaped punctuation is quadratic.
    items = "\n".join(f"<li>{escape_html(single_line(line))}</li>" for line in article.attributions)
    return f"**Attributions:**\n\n<ul>\n{items}\n</ul>"


def _fact_checked_in(ctx: SiteContext, article: Article, path: str) -> str:
    refs = ctx.catalog.citing.get(article.id, [])
    if not refs:
        return ""
    lines = []
    for verdict in ctx.catalog.citing_verdicts(article.id):
        roles = sorted({SECTION_NAMES[r.section] for r in refs if r.verdict.id == verdict.id})
        badge = rating_badge(ctx, verdict.rating, path)
        lines.append(f"- {badge} {verdict_md(ctx, verdict, path)} (cited as {' and '.join(roles)})")
    return "## Fact-checked in\n\n" + "\n".join(lines)


def _quote_table(ctx: SiteContext, article: Article, path: str) -> str:
    quotes = sorted(article.quotes, key=lambda q: q.number)
    if not quotes:
        return "## Quotes in this article\n\nNo quotations were found in this article."
    rows = []
    for quote in quotes:
        link = ctx.links.link(path, "article", article.id, quote.anchor)
        text = escape_cell(truncate(quote.text, 400))
        rows.append(
            [
                speaker_md(ctx, quote, path),
                md_link(text, link) if link else text,
                escape_cell(truncate(quote.context, CONTEXT_LIMIT)),
            ]
        )
    return "## Quotes in this article\n\n" + table(["Speaker", "Quote", "Context"], rows)


def _related(ctx: SiteContext, article: Article, path: str) -> str:
    related = ctx.catalog.related.get(article.id, [])
    if not related:
        return ""
    lines = []
    for other_id in related:
        other = ctx.archive.articles[other_id]
        lines.append(
            f"- {article_md(ctx, other_id, path)} ({outlet_md(ctx, other, path)}, {fmt_date(other.published)})"
        )
    return "## Related coverage\n\n" + "\n".join(lines)


def _title(article: Article, anchors: dict[str, tuple[int, int]]) -> str:
    text = article.title if article.title.strip() else article.id
    if heading_id(text) in anchors:
        # A title such as "Q-1" would get the id of quote anchor q-1 and capture its links.
        text += " (archived article)"
    return escape_md(text).strip()


def render_article(ctx: SiteContext, article: Article, path: str) -> str:
    anchors = ctx.links.anchors.get(article.id, {})
    body = render_body(article, anchors)
    parts = [
        f"# {_title(article, anchors)}",
        _metadata(ctx, article, path),
        _attributions(article),
        _fact_checked_in(ctx, article, path),
        "## Text\n\n" + (body or "This article has no text."),
        _quote_table(ctx, article, path),
        _related(ctx, article, path),
    ]
    return page(parts)
