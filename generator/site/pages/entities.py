"""Pages of people, outlets, ratings and topics: what they said and how their claims were rated."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from generator.diagnostics import Location
from generator.site import views
from generator.site.contributor import render_block_html
from generator.site.output import PageKind
from generator.site.pages.archive import article_rows
from generator.site.pagetype import Build, Page, PageType
from generator.site.templating import escape_text


def _joined(values: Iterable[str]) -> Markup:
    return Markup(", ").join(escape_text(value) for value in values)


class PersonPage(PageType):
    """A person of people.yaml: the ratings of their claims, the verdicts on them, their quotes."""

    kind = PageKind.PERSON
    template = "person.md.j2"
    folder = "people"

    def plan(self, build: Build) -> Iterable[tuple[str, str, Location | None]]:
        for key in sorted(build.archive.people):
            yield key, f"{self.folder}/{key}.md", build.archive.people[key].location

    def context(self, page: Page) -> dict[str, Any]:
        person = page.build.archive.people[page.file.key]
        verdicts = page.build.catalog.by_claimant.get(person.id, [])
        quotes = page.build.catalog.quotes_by_speaker.get(person.id, [])
        facts: list[tuple[str, object]] = []
        if person.role:
            facts.append((page.gettext("Role"), person.role))
        aliases = [a for a in person.aliases if a != person.name]
        if aliases:
            facts.append((page.gettext("Also known as"), _joined(aliases)))
        return {
            "name": person.name.strip() or person.id,
            "facts": facts,
            "tally": views.tally(page, verdicts),
            "verdict_count": len(verdicts),
            "verdicts": views.verdict_rows(page, verdicts),
            "quote_count": len(quotes),
            "quotes": views.quote_rows(page, quotes),
        }


class OutletPage(PageType):
    """An outlet of outlets.yaml: its claims rated, the verdicts citing it, its archived articles."""

    kind = PageKind.OUTLET
    template = "outlet.md.j2"
    folder = "outlets"

    def plan(self, build: Build) -> Iterable[tuple[str, str, Location | None]]:
        for key in sorted(build.archive.outlets):
            yield key, f"{self.folder}/{key}.md", build.archive.outlets[key].location

    def context(self, page: Page) -> dict[str, Any]:
        outlet = page.build.archive.outlets[page.file.key]
        catalog = page.build.catalog
        claims = catalog.by_claimant.get(outlet.id, [])
        citing = catalog.verdicts_citing_outlet.get(outlet.id, [])
        articles = catalog.articles_by_outlet.get(outlet.id, [])
        facts: list[tuple[str, object]] = []
        if outlet.domains:
            facts.append((page.gettext("Domains"), _joined(outlet.domains)))
        if outlet.language:
            facts.append((page.gettext("Language"), outlet.language))
        return {
            "name": outlet.name.strip() or outlet.id,
            "facts": facts,
            "tally": views.tally(page, claims),
            "claim_count": len(claims),
            "claims": views.verdict_rows(page, claims),
            "citing_count": len(citing),
            "citing": views.verdict_rows(page, citing),
            "article_count": len(articles),
            "articles": article_rows(page, articles),
        }


class RatingPage(PageType):
    """One rating of the scale (`ratings/<key>.md`): its badge, what it means, the verdicts given it."""

    kind = PageKind.RATING
    template = "rating.md.j2"
    folder = "ratings"

    def plan(self, build: Build) -> Iterable[tuple[str, str, Location | None]]:
        for rating in build.archive.ratings.ratings:
            yield rating.key, f"{self.folder}/{rating.key}.md", rating.location

    def context(self, page: Page) -> dict[str, Any]:
        key = page.file.key
        rating = page.build.archive.ratings.get(key)
        verdicts = page.build.catalog.by_rating.get(key, [])
        description = rating.description_in(page.language) if rating else ""
        return {
            "label": views.rating_label(page, key),
            "badge": views.badge(page, key, linked=False),
            "meaning": Markup(render_block_html(description, page.file.src_uri)[0]) if description else None,
            "count": len(verdicts),
            "rows": views.verdict_rows(page, verdicts),
        }


class TopicPage(PageType):
    """The verdicts tagged with one topic (`topics/<slug>.md`; tags that slugify alike share it)."""

    kind = PageKind.TOPIC
    template = "topic.md.j2"
    folder = "topics"

    def plan(self, build: Build) -> Iterable[tuple[str, str, Location | None]]:
        for slug, topic in build.catalog.topics.items():
            source = topic.verdicts[0].location if topic.verdicts else None
            yield slug, f"{self.folder}/{slug}.md", source

    def context(self, page: Page) -> dict[str, Any]:
        topic = page.build.catalog.topics[page.file.key]
        return {
            "name": topic.name,
            "tally": views.tally(page, topic.verdicts),
            "count": len(topic.verdicts),
            "rows": views.verdict_rows(page, topic.verdicts),
        }
