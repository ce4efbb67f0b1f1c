"""What grows with the archive, split by month: articles, dates and quotes listings and month pages.

No page here lists the whole archive: the articles listing shows the latest
ones, and every article, verdict and quote is on the page of the month it was
published (undated ones on `undated`), linked from the dates and quotes
listings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date
from markupsafe import Markup

from generator.diagnostics import Location
from generator.model import Article
from generator.site import views
from generator.site.catalog import UNDATED, Month
from generator.site.output import PageKind
from generator.site.pages.listings import Listing, listing_link
from generator.site.pagetype import Build, Page, PageType, link_or_text

ARTICLES_LATEST = 50


@dataclass(frozen=True)
class ArticleRow:
    article: Markup
    outlet: Markup
    published: object
    quotes: int
    language: Markup


def article_rows(page: Page, articles: list[Article]) -> list[ArticleRow]:
    return [
        ArticleRow(
            article=views.article(page, item.id),
            outlet=views.outlet(page, item),
            published=item.published,
            quotes=len(item.quotes),
            language=views.language_attr(item.language, page),
        )
        for item in articles
    ]


def month_label(page: Page, key: str) -> str:
    """'December 2025' in the page language; the month key stays the URL."""
    if key == UNDATED:
        return page.gettext("Undated")
    year, month = (int(part) for part in key.split("-"))
    return format_date(dt.date(year, month, 1), "LLLL y", locale=page.language)


@dataclass(frozen=True)
class MonthRow:
    month: Markup
    verdicts: int
    articles: int
    quotes: Markup


def month_rows(page: Page) -> list[MonthRow]:
    rows = []
    for key, month in page.build.catalog.months.items():
        quotes_href = page.link(PageKind.QUOTES_MONTH, key) if month.quotes else None
        rows.append(
            MonthRow(
                month=link_or_text(page.link(PageKind.MONTH, key), month_label(page, key)),
                verdicts=len(month.verdicts),
                articles=len(month.articles),
                quotes=link_or_text(quotes_href, len(month.quotes)),
            )
        )
    return rows


class ArticlesListing(Listing):
    name = "articles"
    path = "articles/index.md"
    template = "listing_articles.md.j2"

    def context(self, page: Page) -> dict[str, Any]:
        articles = page.build.catalog.articles
        return {
            "total": len(articles),
            "shown": min(len(articles), ARTICLES_LATEST),
            "by_date": listing_link(page, "dates", page.gettext("By date")),
            "rows": article_rows(page, articles[:ARTICLES_LATEST]),
        }


class DatesListing(Listing):
    name = "dates"
    path = "dates/index.md"
    template = "listing_dates.md.j2"

    def context(self, page: Page) -> dict[str, Any]:
        return {"months": month_rows(page)}


class QuotesListing(Listing):
    name = "quotes"
    path = "quotes/index.md"
    template = "listing_quotes.md.j2"

    def context(self, page: Page) -> dict[str, Any]:
        catalog = page.build.catalog
        speakers = sorted(catalog.quotes_by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        return {
            "quote_count": len(catalog.quotes),
            "article_count": len(catalog.articles),
            "months": month_rows(page),
            "speakers": [(views.person(page, pid, pid), len(quotes)) for pid, quotes in speakers],
            "unattributed": sum(1 for q in catalog.quotes if not q.speaker_id),
        }


class MonthPage(PageType):
    """Everything published in one month: its verdicts and its articles (`dates/<YYYY-MM|undated>.md`)."""

    kind = PageKind.MONTH
    template = "month.md.j2"
    folder = "dates"

    def plan(self, build: Build) -> Iterable[tuple[str, str, Location | None]]:
        for key in build.catalog.months:
            yield key, f"{self.folder}/{key}.md", None

    def context(self, page: Page) -> dict[str, Any]:
        month: Month = page.build.catalog.months[page.file.key]
        quotes = len(month.quotes)
        label = page.ngettext("%(num)s quote", "%(num)s quotes", quotes) % {"num": quotes}
        return {
            "label": month_label(page, month.key),
            "verdicts": views.verdict_rows(page, month.verdicts),
            "articles": article_rows(page, month.articles),
            "quotes": link_or_text(page.link(PageKind.QUOTES_MONTH, month.key), label) if quotes else None,
        }


class QuotesMonthPage(PageType):
    """The quotes of the articles published in one month (`quotes/<month>.md`, only months with quotes)."""

    kind = PageKind.QUOTES_MONTH
    template = "quotes_month.md.j2"
    folder = "quotes"

    def plan(self, build: Build) -> Iterable[tuple[str, str, Location | None]]:
        for key, month in build.catalog.months.items():
            if month.quotes:
                yield key, f"{self.folder}/{key}.md", None

    def context(self, page: Page) -> dict[str, Any]:
        month = page.build.catalog.months[page.file.key]
        return {"label": month_label(page, month.key), "rows": views.quote_rows(page, month.quotes)}
