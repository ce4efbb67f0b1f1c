"""Pieces of Markdown shared by several pages: badges, names, dates, tables."""

from __future__ import annotations

import datetime as dt
import re
from hashlib import sha1
from typing import Literal

from generator.model import Article, AttributionMethod, Quote, Verdict
from generator.site.context import SiteContext
from generator.site.markdown import escape_cell, escape_md, md_link, table, truncate

CONTEXT_LIMIT = 240


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def fmt_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return "unknown"
    if isinstance(value, dt.datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
        offset = value.strftime("%z")
        if not offset:
            return text
        return f"{text} UTC" if offset == "+0000" else f"{text} UTC{offset[:3]}:{offset[3:]}"
    return value.isoformat()


def rating_css_class(key: str) -> str:
    """A CSS class for a rating key: ASCII only, so a stylesheet selector can always name it."""
    slug = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")
    if slug != key.lower():
        slug = f"{slug or 'r'}-{sha1(key.encode('utf-8')).hexdigest()[:6]}"
    return f"rating-{slug}"


def rating_label(ctx: SiteContext, key: str) -> str:
    rating = ctx.archive.ratings.get(key)
    return rating.label if rating else key


def rating_badge(ctx: SiteContext, key: str, from_path: str | None = None) -> str:
    """The badge as inline HTML, linked to the rating's page when given a page.

    The label is escaped for Markdown, not just HTML: text inside an inline tag
    is still Markdown (a `|` would split a table cell).
    """
    badge = f'<span class="rating {rating_css_class(key)}">{escape_md(rating_label(ctx, key))}</span>'
    link = ctx.links.link(from_path, "rating", key) if from_path else None
    return md_link(badge, link) if link else badge


def claimant_kind(ctx: SiteContext, claimant: str) -> Literal["person", "outlet", "text"]:
    if claimant in ctx.archive.people:
        return "person"
    if claimant in ctx.archive.outlets:
        return "outlet"
    return "text"


def claimant_name(ctx: SiteContext, claimant: str) -> str:
    kind = claimant_kind(ctx, claimant)
    if kind == "person":
        return ctx.archive.people[claimant].name
    if kind == "outlet":
        return ctx.archive.outlets[claimant].name
    return claimant


def claimant_md(ctx: SiteContext, claimant: str, from_path: str) -> str:
    kind = claimant_kind(ctx, claimant)
    name = escape_md(claimant_name(ctx, claimant))
    link = ctx.links.link(from_path, kind, claimant) if kind != "text" else None
    return md_link(name, link) if link else name


def person_md(ctx: SiteContext, person_id: str | None, fallback: str | None, from_path: str) -> str:
    person = ctx.archive.people.get(person_id) if person_id else None
    if person is None:
        return escape_md(fallback) if fallback else "unattributed"
    link = ctx.links.link(from_path, "person", person.id)
    return md_link(escape_md(person.name), link) if link else escape_md(person.name)


def outlet_md(ctx: SiteContext, article: Article, from_path: str) -> str:
    if article.outlet_id and article.outlet_id in ctx.archive.outlets:
        outlet = ctx.archive.outlets[article.outlet_id]
        link = ctx.links.link(from_path, "outlet", outlet.id)
        return md_link(escape_md(outlet.name), link) if link else escape_md(outlet.name)
    if article.outlet_name:
        return escape_md(article.outlet_name)
    return "Outlet unknown"


def article_md(ctx: SiteContext, article_id: str, from_path: str, anchor: str | None = None) -> str:
    article = ctx.archive.articles.get(article_id)
    title = escape_md(article.title if article and article.title.strip() else article_id)
    link = ctx.links.link(from_path, "article", article_id, anchor)
    return md_link(title, link) if link else title


def verdict_md(ctx: SiteContext, verdict: Verdict, from_path: str) -> str:
    link = ctx.links.link(from_path, "verdict", verdict.id)
    claim = escape_md(verdict.claim)
    return md_link(claim, link) if link else claim


def verdict_table(ctx: SiteContext, verdicts: list[Verdict], from_path: str) -> str:
    if not verdicts:
        return "No verdicts yet."
    rows = [
        [
            verdict_md(ctx, v, from_path),
            rating_badge(ctx, v.rating),
            claimant_md(ctx, v.claimant, from_path),
            fmt_date(v.published),
        ]
        for v in verdicts
    ]
    return table(["Claim", "Rating", "Claimant", "Published"], rows)


_METHOD_TITLES = {
    AttributionMethod.REGISTRY: "named in the text; matched to the people registry",
    AttributionMethod.PRINTED: "named in the text; not in the people registry, shown as printed",
    AttributionMethod.PRONOUN: "the text says he/she or a description; resolved to the person named before",
    AttributionMethod.FOLLOW_ON: "carries on the words of the speaker named before",
    AttributionMethod.ORGANISATION: "the words of an organisation",
    AttributionMethod.DESK: "attributed by the desk",
}


def attribution_marker(method: AttributionMethod) -> str:
    """A small label saying how a speaker was found, with the explanation as its title (a tooltip)."""
    if method is AttributionMethod.NONE:
        return ""
    css = "attribution-" + method.name.lower().replace("_", "-")
    return f' <span class="attribution {css}" title="{_METHOD_TITLES[method]}">({method.value})</span>'


def speaker_md(ctx: SiteContext, quote: Quote, from_path: str) -> str:
    """Who said a quote, and how that was found; a name in quotation marks is labelled as such."""
    if quote.kind == "name":
        return '<span class="quote-kind" title="a title or name in quotation marks, not speech">name, not speech</span>'
    who = person_md(ctx, quote.speaker_id, quote.speaker_name, from_path)
    if quote.kind == "scare" and not (quote.speaker_id or quote.speaker_name):
        return who + ' <span class="quote-kind" title="a phrase in quotation marks credited to no one">(phrase)</span>'
    return who + attribution_marker(quote.attribution)


def quote_link(ctx: SiteContext, quote: Quote, from_path: str) -> str:
    text = escape_cell(truncate(quote.text, 400))
    link = ctx.links.link(from_path, "article", quote.article_id, quote.anchor)
    return md_link(text, link) if link else text


def quotes_table(ctx: SiteContext, quotes: list[Quote], from_path: str, with_speaker: bool = True) -> str:
    """Quotes from many articles: quote (to its anchor) · [speaker] · article · date."""
    if not quotes:
        return "No quotes."
    rows = []
    for quote in quotes:
        article = ctx.archive.articles.get(quote.article_id)
        row = [quote_link(ctx, quote, from_path)]
        if with_speaker:
            row.append(speaker_md(ctx, quote, from_path))
        row += [article_md(ctx, quote.article_id, from_path), fmt_date(article.published if article else None)]
        rows.append(row)
    header = ["Quote", "Speaker", "Article", "Date"] if with_speaker else ["Quote", "Article", "Date"]
    return table(header, rows)


def tally(ctx: SiteContext, verdicts: list[Verdict]) -> str:
    """Rating counts with their denominator: '2 of 3 rated claims: False'."""
    if not verdicts:
        return "No claims rated yet."
    total = len(verdicts)
    order = {key: n for n, key in enumerate(ctx.archive.ratings.keys)}
    counts: dict[str, int] = {}
    for verdict in verdicts:
        counts[verdict.rating] = counts.get(verdict.rating, 0) + 1
    lines = [
        f"- {count} of {plural(total, 'rated claim')}: {rating_badge(ctx, key)}"
        for key, count in sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
    ]
    return "\n".join(lines)


def page(body_parts: list[str], front_matter: str = "") -> str:
    """Join sections with blank lines; raw HTML blocks need them around."""
    text = "\n\n".join(part.strip("\n") for part in body_parts if part.strip())
    return front_matter + text + "\n"
