"""The page of one verdict: claim, rating, quote tables, sources, log, JSON-LD."""

from __future__ import annotations

import datetime as dt

from generator.model import Anchor, Citation, Correction, Quote, Verdict
from generator.site.context import SiteContext
from generator.site.contributor import raw_html_block, render_block_html, render_inline_md
from generator.site.fragments import (
    article_md,
    claimant_md,
    fmt_date,
    outlet_md,
    page,
    rating_badge,
    speaker_md,
)
from generator.site.frontmatter import front_matter
from generator.site.jsonld import claim_review
from generator.site.markdown import escape_cell, escape_md, external_link, md_link, table, truncate
from generator.site.urls import slugify

BROKEN_BODY_LINK = "broken-body-link"
QUOTE_LIMIT = 400


def _who(ctx: SiteContext, verdict: Verdict, section: str, index: int, citation: Citation, path: str) -> str:
    """Whose words a cited passage is.

    Where the claim appeared: the claimant. Evidence inside an extracted quote: that quote's
    speaker. Any other passage is the article's own narration: its outlet (or author).
    """
    if section == "appearances":
        return claimant_md(ctx, verdict.claimant, path)
    anchor = ctx.archive.citation_anchors.get((verdict.id, section, index))
    quote = _containing_quote(ctx, anchor) if anchor else None
    if quote is not None:
        return speaker_md(ctx, quote, path)
    article = ctx.archive.articles.get(citation.article or "")
    if article is None:
        return "unknown"
    label = "narration, " if citation.quote else ""  # a whole article cited is simply the outlet's
    if article.outlet_id or article.outlet_name:
        return label + outlet_md(ctx, article, path)
    return label + (escape_md(article.author) if article.author else "Outlet unknown")


def _containing_quote(ctx: SiteContext, anchor: Anchor) -> Quote | None:
    """The extracted speech the whole cited passage lies in (its quotation marks may be cited too)."""
    article = ctx.archive.articles.get(anchor.article_id)
    for quote in article.quotes if article else ():
        inside = quote.start - 1 <= anchor.start and anchor.end <= quote.end + 1
        if quote.block == anchor.block and inside and quote.kind != "name":
            return quote
    return None


def _quote_cell(ctx: SiteContext, verdict: Verdict, section: str, index: int, citation: Citation, path: str) -> str:
    anchor = ctx.archive.citation_anchors.get((verdict.id, section, index))
    text = escape_cell(truncate(citation.quote, QUOTE_LIMIT)) if citation.quote else "(the article as a whole)"
    link = ctx.links.link(path, "article", citation.article or "", anchor.anchor if anchor else None)
    return md_link(text, link) if link else text


def quote_table(ctx: SiteContext, verdict: Verdict, section: str, path: str) -> str:
    """Article citations of one section: quote · who · where · when (+ note for evidence)."""
    citations = verdict.appearances if section == "appearances" else verdict.evidence
    rows = []
    for index, citation in enumerate(citations):
        if not citation.article:
            continue
        article = ctx.archive.articles.get(citation.article)
        row = [
            _quote_cell(ctx, verdict, section, index, citation, path),
            _who(ctx, verdict, section, index, citation, path),
            article_md(ctx, citation.article, path),
            fmt_date(article.published if article else None),
        ]
        if section == "evidence":
            row.append(render_inline_md(citation.note) if citation.note else " ")
        rows.append(row)
    if not rows:
        return ""
    header = ["Quote", "Who", "Where", "When"] + (["Note"] if section == "evidence" else [])
    return table(header, rows)


def _url_citations(citations: tuple[Citation, ...]) -> list[str]:
    items = []
    for citation in citations:
        if citation.article or not citation.url:
            continue
        item = f"- {external_link(citation.title or citation.url, citation.url)}"
        if citation.note:
            item += f": {render_inline_md(citation.note)}"
        items.append(item)
    return items


def _facts(ctx: SiteContext, verdict: Verdict, path: str) -> str:
    lines = [
        f"- **Claimant:** {claimant_md(ctx, verdict.claimant, path)}",
        f"- **Claim made:** {fmt_date(verdict.claim_date)}",
        f"- **Checked by:** {escape_md(verdict.author)}",
        f"- **Published:** {fmt_date(verdict.published)}",
    ]
    if verdict.updated:
        lines.append(f"- **Updated:** {fmt_date(max(c.date for c in verdict.updated))}")
    return "\n".join(lines)


def _body(ctx: SiteContext, verdict: Verdict, path: str) -> str:
    if not verdict.body.strip():
        return ""
    html, targets = render_block_html(verdict.body, path)
    for target in sorted(t for t in set(targets) if not ctx.is_link_target(t)):
        where = verdict.field_locations.get("body", verdict.location)
        ctx.diags.warning(BROKEN_BODY_LINK, f"the body links to '{target}', which is not a page of the site", where)
    return "## Explanation\n\n" + raw_html_block(html, "verdict-body")


def _sections(ctx: SiteContext, verdict: Verdict, path: str) -> list[str]:
    parts: list[str] = []
    appeared = quote_table(ctx, verdict, "appearances", path)
    elsewhere = _url_citations(verdict.appearances)
    if appeared or elsewhere:
        parts.append("## Where the claim appeared\n\n" + "\n\n".join(p for p in [appeared, "\n".join(elsewhere)] if p))
    evidence = quote_table(ctx, verdict, "evidence", path)
    if evidence:
        parts.append("## Evidence\n\n" + evidence)
    sources = _url_citations(verdict.evidence)
    if sources:
        parts.append("## Other sources\n\n" + "\n".join(sources))
    if verdict.updated:
        log = [f"- **{fmt_date(c.date)}:** {render_inline_md(c.note)}" for c in sorted(verdict.updated, key=_by_date)]
        parts.append("## Corrections and updates\n\n" + "\n".join(log))
    topics = [_topic_link(ctx, tag, path) for tag in verdict.tags]
    if topics:
        parts.append("## Topics\n\n" + " · ".join(topics))
    return parts


def _by_date(correction: Correction) -> tuple[dt.date, str]:
    return (correction.date, correction.note)


def _topic_link(ctx: SiteContext, tag: str, path: str) -> str:
    link = ctx.links.link(path, "topic", slugify(tag))
    return md_link(escape_md(tag), link) if link else escape_md(tag)


def render_verdict(ctx: SiteContext, verdict: Verdict, path: str) -> str:
    review = claim_review(ctx, verdict)
    parts = [
        f"# {escape_md(verdict.claim).strip() or escape_md(verdict.id)}",
        rating_badge(ctx, verdict.rating, path),
        _facts(ctx, verdict, path),
        "## What we found\n\n" + render_inline_md(verdict.summary),
        _body(ctx, verdict, path),
        *_sections(ctx, verdict, path),
    ]
    return page(parts, front_matter({"jsonld": review}))
