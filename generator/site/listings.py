"""Listing pages: home, all verdicts, ratings, topics, outlets, people, articles, dates, quotes.

Listings that grow with the number of articles (quotes, articles by date) are
split per month, so no single page grows without bound: an index page links
the months and each month page lists its own articles and quotes.
"""

from __future__ import annotations

from generator.site.catalog import UNDATED, Month
from generator.site.context import SiteContext
from generator.site.contributor import render_inline_md
from generator.site.fragments import (
    article_md,
    fmt_date,
    outlet_md,
    page,
    person_md,
    plural,
    quotes_table,
    rating_badge,
    verdict_table,
)
from generator.site.markdown import escape_md, md_link, table
from generator.site.urls import PageKind, relative_md_link

HOME_LATEST = 20
ARTICLES_LATEST = 50
FEEDS_AND_DATA = (
    ("RSS", "feed.xml"),
    ("Atom", "atom.xml"),
    ("ClaimReview JSON", "claimreview.json"),
    ("verdicts CSV", "verdicts.csv"),
    ("verdicts JSON", "verdicts.json"),
    ("quotes CSV", "quotes.csv"),
    ("quotes JSON", "quotes.json"),
)


def _link(ctx: SiteContext, path: str, kind: PageKind, key: str, text_md: str) -> str:
    link = ctx.links.link(path, kind, key)
    return md_link(text_md, link) if link else text_md


def month_label(key: str) -> str:
    return "Undated" if key == UNDATED else key


def render_home(ctx: SiteContext, path: str) -> str:
    latest = ctx.catalog.verdicts[:HOME_LATEST]
    count = len(ctx.catalog.verdicts)
    data = " · ".join(
        md_link(label, relative_md_link(path, target)) for label, target in FEEDS_AND_DATA if target in ctx.static_paths
    )
    parts = [
        f"# {escape_md(ctx.site_name)}",
        f"{plural(count, 'verdict')} on claims, with every quote linked to the archived article it came from.",
        "## Latest verdicts\n\n" + verdict_table(ctx, latest, path),
        _link(ctx, path, "listing", "verdicts", "All verdicts")
        + " · "
        + _link(ctx, path, "listing", "ratings", "By rating")
        + " · "
        + _link(ctx, path, "listing", "topics", "By topic"),
        "## Subscribe and download\n\n" + data if data else "",
    ]
    return page(parts)


def render_verdicts(ctx: SiteContext, path: str) -> str:
    return page(["# All verdicts", "Newest first.", verdict_table(ctx, ctx.catalog.verdicts, path)])


def render_ratings_index(ctx: SiteContext, path: str) -> str:
    rows = []
    for rating in ctx.archive.ratings.ratings:
        count = len(ctx.catalog.by_rating.get(rating.key, []))
        rows.append(
            [
                rating_badge(ctx, rating.key, path),
                str(rating.value) if rating.value is not None else "not on the scale",
                render_inline_md(rating.description) or " ",
                str(count),
            ]
        )
    body = table(["Rating", "Value", "Meaning", "Verdicts"], rows) if rows else "No rating scale."
    return page(["# Verdicts by rating", "From worst to best on the scale.", body])


def render_rating(ctx: SiteContext, key: str, path: str) -> str:
    rating = ctx.archive.ratings.get(key)
    label = escape_md(rating.label if rating else key)
    verdicts = ctx.catalog.by_rating.get(key, [])
    description = render_inline_md(rating.description) if rating and rating.description else ""
    return page([f"# {label}", rating_badge(ctx, key), description, verdict_table(ctx, verdicts, path)])


def render_topics_index(ctx: SiteContext, path: str) -> str:
    rows = [
        [_link(ctx, path, "topic", slug, escape_md(topic.name)), str(len(topic.verdicts))]
        for slug, topic in ctx.catalog.topics.items()
    ]
    return page(["# Topics", table(["Topic", "Verdicts"], rows) if rows else "No topics yet."])


def render_topic(ctx: SiteContext, slug: str, path: str) -> str:
    topic = ctx.catalog.topics[slug]
    return page([f"# Topic: {escape_md(topic.name)}", verdict_table(ctx, topic.verdicts, path)])


def render_outlets_index(ctx: SiteContext, path: str) -> str:
    rows = []
    for outlet in sorted(ctx.archive.outlets.values(), key=lambda o: (o.name.casefold(), o.id)):
        rows.append(
            [
                _link(ctx, path, "outlet", outlet.id, escape_md(outlet.name)),
                str(len(ctx.catalog.articles_by_outlet.get(outlet.id, []))),
                str(len(ctx.catalog.by_claimant.get(outlet.id, []))),
                str(len(ctx.catalog.verdicts_citing_outlet.get(outlet.id, []))),
            ]
        )
    unknown = sum(1 for a in ctx.catalog.articles if not a.outlet_id)
    parts = [
        "# Outlets",
        table(["Outlet", "Archived articles", "Verdicts on its claims", "Verdicts citing it"], rows)
        if rows
        else "No outlets yet.",
        f"Outlet unknown: {plural(unknown, 'archived article')}." if unknown else "",
    ]
    return page(parts)


def render_people_index(ctx: SiteContext, path: str) -> str:
    rows = []
    for person in sorted(ctx.archive.people.values(), key=lambda p: (p.name.casefold(), p.id)):
        rows.append(
            [
                person_md(ctx, person.id, person.name, path),
                escape_md(person.role) if person.role else " ",
                str(len(ctx.catalog.quotes_by_speaker.get(person.id, []))),
                str(len(ctx.catalog.by_claimant.get(person.id, []))),
            ]
        )
    body = table(["Person", "Role", "Quotes", "Verdicts on their claims"], rows) if rows else "No people yet."
    return page(["# People", body])


def _articles_table(ctx: SiteContext, month: Month | None, path: str, limit: int | None = None) -> str:
    articles = month.articles if month else ctx.catalog.articles
    rows = [
        [article_md(ctx, a.id, path), outlet_md(ctx, a, path), fmt_date(a.published), str(len(a.quotes))]
        for a in articles[:limit]
    ]
    return table(["Article", "Outlet", "Published", "Quotes"], rows) if rows else "No archived articles."


def _months_table(ctx: SiteContext, path: str) -> str:
    rows = []
    for key, month in ctx.catalog.months.items():
        rows.append(
            [
                _link(ctx, path, "month", key, month_label(key)),
                str(len(month.verdicts)),
                str(len(month.articles)),
                _link(ctx, path, "quotes-month", key, str(len(month.quotes))) if month.quotes else "0",
            ]
        )
    return table(["Month", "Verdicts published", "Articles published", "Quotes"], rows) if rows else "Nothing yet."


def render_articles_index(ctx: SiteContext, path: str) -> str:
    total = len(ctx.catalog.articles)
    parts = [
        "# Archived articles",
        f"{plural(total, 'article')}, saved as they were published. Every month is listed under "
        + _link(ctx, path, "listing", "dates", "By date")
        + ".",
        f"## Latest {min(total, ARTICLES_LATEST)}\n\n" + _articles_table(ctx, None, path, ARTICLES_LATEST),
    ]
    return page(parts)


def render_dates_index(ctx: SiteContext, path: str) -> str:
    return page(
        ["# By date", "Verdicts by the date they were published, articles by theirs.", _months_table(ctx, path)]
    )


def render_month(ctx: SiteContext, key: str, path: str) -> str:
    month = ctx.catalog.months[key]
    count = plural(len(month.quotes), "quote")
    quotes = _link(ctx, path, "quotes-month", key, count) if month.quotes else "No quotes"
    parts = [
        f"# {month_label(key)}",
        f"## Verdicts ({len(month.verdicts)})\n\n" + verdict_table(ctx, month.verdicts, path),
        f"## Articles ({len(month.articles)})\n\n" + _articles_table(ctx, month, path),
        f"{quotes} in these articles.",
    ]
    return page(parts)


def render_quotes_index(ctx: SiteContext, path: str) -> str:
    speakers = sorted(ctx.catalog.quotes_by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    rows = [[person_md(ctx, pid, pid, path), str(len(quotes))] for pid, quotes in speakers]
    unattributed = sum(1 for q in ctx.catalog.quotes if not q.speaker_id)
    found = plural(len(ctx.catalog.quotes), "quotation")
    parts = [
        "# Quotes",
        f"{found} found in {plural(len(ctx.catalog.articles), 'archived article')}, "
        "listed by the month their article was published.",
        "## By month\n\n" + _months_table(ctx, path),
        "## By speaker\n\n" + (table(["Speaker", "Quotes"], rows) if rows else "No attributed quotes."),
        f"No identified speaker: {plural(unattributed, 'quote')}." if unattributed else "",
    ]
    return page(parts)


def render_quotes_month(ctx: SiteContext, key: str, path: str) -> str:
    month = ctx.catalog.months[key]
    return page([f"# Quotes: {month_label(key)}", quotes_table(ctx, month.quotes, path)])
