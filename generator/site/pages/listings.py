"""The listings the nav names: home, all verdicts, the rating scale, topics, outlets, people.

A listing is one page of kind LISTING whose key is its name; listings are
planned before every other page type, so an entity whose id is `index` cannot
take a listing's path. Listings that grow with the archive (articles, dates,
quotes) are in `pages/archive.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from markupsafe import Markup

from generator.diagnostics import Location
from generator.site import views
from generator.site.contributor import render_block_html
from generator.site.output import PageKind
from generator.site.pagetype import Build, Page, PageType, link_or_text

HOME_LATEST = 20


class Listing(PageType):
    """A single page at a fixed path; subclasses name it and say what it shows."""

    kind = PageKind.LISTING
    order = 10
    family_base = True
    name: ClassVar[str]
    path: ClassVar[str]

    def plan(self, build: Build) -> Iterable[tuple[str, str, Location | None]]:
        yield self.name, self.path, None


def listing_link(page: Page, name: str, text: str) -> Markup:
    return link_or_text(page.link(PageKind.LISTING, name), text)


def _downloads(page: Page) -> list[Markup]:
    """Feeds and exports the plan holds (a file not planned is not offered)."""
    offered = (
        (page.gettext("RSS"), "feed.xml"),
        (page.gettext("Atom"), "atom.xml"),
        (page.gettext("ClaimReview JSON"), "claimreview.json"),
        (page.gettext("verdicts CSV"), "verdicts.csv"),
        (page.gettext("verdicts JSON"), "verdicts.json"),
        (page.gettext("quotes CSV"), "quotes.csv"),
        (page.gettext("quotes JSON"), "quotes.json"),
    )
    return [link_or_text(href, label) for label, href in ((lb, page.link_file(path)) for lb, path in offered) if href]


class HomeListing(Listing):
    name = "home"
    path = "index.md"
    template = "listing_home.md.j2"

    def context(self, page: Page) -> dict[str, Any]:
        catalog = page.build.catalog
        return {
            "site_name": page.build.site.name,
            "count": len(catalog.verdicts),
            "latest": views.verdict_rows(page, catalog.verdicts[:HOME_LATEST]),
            "more": [
                listing_link(page, "verdicts", page.gettext("All verdicts")),
                listing_link(page, "ratings", page.gettext("By rating")),
                listing_link(page, "topics", page.gettext("By topic")),
            ],
            "downloads": _downloads(page),
        }


class VerdictsListing(Listing):
    name = "verdicts"
    path = "verdicts/index.md"
    template = "listing_verdicts.md.j2"

    def context(self, page: Page) -> dict[str, Any]:
        return {"rows": views.verdict_rows(page, page.build.catalog.verdicts)}


class RatingsListing(Listing):
    """The rating scale: each rating's badge, its place on the scale, what it means, how many verdicts."""

    name = "ratings"
    path = "ratings/index.md"
    template = "listing_ratings.md.j2"

    def context(self, page: Page) -> dict[str, Any]:
        rows = []
        for rating in views.scale(page):
            value = rating.value if rating.value is not None else page.gettext("not on the scale")
            meaning = Markup(render_block_html(rating.description_in(page.language), page.file.src_uri)[0])
            count = len(page.build.catalog.by_rating.get(rating.key, []))
            rows.append((views.badge(page, rating.key), value, meaning, count))
        return {"rows": rows}


class TopicsListing(Listing):
    name = "topics"
    path = "topics/index.md"
    template = "listing_topics.md.j2"

    def context(self, page: Page) -> dict[str, Any]:
        topics = page.build.catalog.topics
        rows = [(link_or_text(page.link(PageKind.TOPIC, slug), t.name), len(t.verdicts)) for slug, t in topics.items()]
        return {"rows": rows}


class OutletsListing(Listing):
    name = "outlets"
    path = "outlets/index.md"
    template = "listing_outlets.md.j2"

    def context(self, page: Page) -> dict[str, Any]:
        catalog = page.build.catalog
        rows = []
        for outlet in sorted(page.build.archive.outlets.values(), key=lambda o: (o.name.casefold(), o.id)):
            rows.append(
                (
                    link_or_text(page.link(PageKind.OUTLET, outlet.id), outlet.name.strip() or outlet.id),
                    len(catalog.articles_by_outlet.get(outlet.id, [])),
                    len(catalog.by_claimant.get(outlet.id, [])),
                    len(catalog.verdicts_citing_outlet.get(outlet.id, [])),
                )
            )
        unknown = sum(1 for a in catalog.articles if not a.outlet_id)
        return {"rows": rows, "unknown": unknown}


class PeopleListing(Listing):
    name = "people"
    path = "people/index.md"
    template = "listing_people.md.j2"

    def context(self, page: Page) -> dict[str, Any]:
        catalog = page.build.catalog
        rows = []
        for person in sorted(page.build.archive.people.values(), key=lambda p: (p.name.casefold(), p.id)):
            rows.append(
                (
                    link_or_text(page.link(PageKind.PERSON, person.id), person.name.strip() or person.id),
                    person.role or "",
                    len(catalog.quotes_by_speaker.get(person.id, [])),
                    len(catalog.by_claimant.get(person.id, [])),
                )
            )
        return {"rows": rows}
