"""The verdict page: a labelled claim, the verdict on the scale, what we found, the evidence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from markupsafe import Markup

from generator.diagnostics import Location
from generator.model import Anchor, Citation, Quote, Verdict
from generator.site import views
from generator.site.contributor import render_block_html
from generator.site.frontmatter import front_matter
from generator.site.jsonld import claim_review
from generator.site.markdown import truncate
from generator.site.output import PageKind
from generator.site.pagetype import Build, Page, PageType, link_or_text
from generator.site.templating import escape_text
from generator.site.urls import slugify

BROKEN_BODY_LINK = "broken-body-link"
Section = Literal["appearances", "evidence"]


@dataclass(frozen=True)
class CitationCard:
    """One archived passage cited by a verdict: its words, whose words they are, where, when."""

    quote: Markup
    who: Markup
    where: Markup
    when: object
    note: Markup
    language: Markup


@dataclass(frozen=True)
class ScaleStep:
    label: str
    css: str
    current: bool


def _containing_quote(page: Page, anchor: Anchor) -> Quote | None:
    """The extracted speech the whole cited passage lies in (its quotation marks may be cited too)."""
    article = page.build.archive.articles.get(anchor.article_id)
    for quote in article.quotes if article else ():
        inside = quote.start - 1 <= anchor.start and anchor.end <= quote.end + 1
        if quote.block == anchor.block and inside and quote.kind != "name":
            return quote
    return None


def _who(page: Page, verdict: Verdict, section: Section, index: int, citation: Citation) -> Markup:
    """Where the claim appeared: the claimant. Evidence inside a quote: its speaker. Else: narration."""
    if section == "appearances":
        return views.claimant(page, verdict.claimant)
    anchor = page.build.archive.citation_anchors.get((verdict.id, section, index))
    quote = _containing_quote(page, anchor) if anchor else None
    if quote is not None:
        return views.speaker(page, quote)
    article = page.build.archive.articles.get(citation.article or "")
    if article is None:
        return escape_text(page.gettext("unknown"))
    if article.outlet_id or article.outlet_name:
        source = views.outlet(page, article)
    else:
        source = escape_text(article.author or page.gettext("Outlet unknown"))
    if not citation.quote:  # a whole article cited is simply the outlet's
        return source
    return Markup("{} {}").format(page.gettext("narration by"), source)


def _card(page: Page, verdict: Verdict, section: Section, index: int, citation: Citation) -> CitationCard:
    anchor = page.build.archive.citation_anchors.get((verdict.id, section, index))
    words = truncate(citation.quote, views.QUOTE_LIMIT) if citation.quote else page.gettext("the article as a whole")
    href = page.link(PageKind.ARTICLE, citation.article or "", anchor.anchor if anchor else None)
    article = page.build.archive.articles.get(citation.article or "")
    note = Markup(render_block_html(citation.note, page.file.src_uri)[0]) if citation.note else Markup("")
    return CitationCard(
        quote=link_or_text(href, words),
        who=_who(page, verdict, section, index, citation),
        where=views.article(page, citation.article or ""),
        when=article.published if article else None,
        note=note,
        language=views.language_attr(article.language if article else None, page),
    )


def _cards(page: Page, verdict: Verdict, section: Section) -> list[CitationCard]:
    citations = verdict.appearances if section == "appearances" else verdict.evidence
    return [_card(page, verdict, section, i, c) for i, c in enumerate(citations) if c.article]


def _web_sources(citations: tuple[Citation, ...], page: Page) -> list[Markup]:
    items = []
    for citation in citations:
        if citation.article or not citation.url:
            continue
        item = views.external(citation.title or citation.url, citation.url)
        if citation.note:
            item += Markup(": ") + Markup(render_block_html(citation.note, page.file.src_uri)[0])
        items.append(item)
    return items


class VerdictPage(PageType):
    kind = PageKind.VERDICT
    template = "verdict.md.j2"
    folder = "verdicts"

    def plan(self, build: Build) -> Iterable[tuple[str, str, Location | None]]:
        for key in sorted(build.archive.verdicts):
            yield key, f"{self.folder}/{key}.md", build.archive.verdicts[key].location

    def _body(self, page: Page, verdict: Verdict) -> Markup:
        if not verdict.body.strip():
            return Markup("")
        html, targets = render_block_html(verdict.body, page.file.src_uri)
        plan = page.build.plan
        for target in sorted(t for t in set(targets) if t.casefold() not in plan.by_path):
            where = verdict.field_locations.get("body", verdict.location)
            message = f"the body links to '{target}', which is not a page of the site"
            page.build.diags.warning(BROKEN_BODY_LINK, message, where)
        return Markup(html)

    def context(self, page: Page) -> dict[str, Any]:
        verdict = page.build.archive.verdicts[page.file.key]
        rating = page.build.archive.ratings.get(verdict.rating)
        steps = [
            ScaleStep(r.label_in(page.language), views.rating_css_class(r.key), r.key == verdict.rating)
            for r in views.scale(page)
            if r.value is not None
        ]
        return {
            "verdict": verdict,
            "claimant": views.claimant(page, verdict.claimant),
            "badge": views.badge(page, verdict.rating),
            "rating_label": views.rating_label(page, verdict.rating),
            "rating_css": views.rating_css_class(verdict.rating),
            "rating_description": Markup(render_block_html(rating.description_in(page.language), page.file.src_uri)[0])
            if rating and rating.description
            else "",
            "on_scale": rating is not None and rating.value is not None,
            "steps": steps,
            "summary": Markup(render_block_html(verdict.summary, page.file.src_uri)[0]),
            "body": self._body(page, verdict),
            "appearances": _cards(page, verdict, "appearances"),
            "appeared_elsewhere": _web_sources(verdict.appearances, page),
            "evidence": _cards(page, verdict, "evidence"),
            "sources": _web_sources(verdict.evidence, page),
            "corrections": [
                (c.date, Markup(render_block_html(c.note, page.file.src_uri)[0]))
                for c in sorted(verdict.updated, key=lambda c: (c.date, c.note))
            ],
            "topics": [link_or_text(page.link(PageKind.TOPIC, slugify(tag)), tag) for tag in verdict.tags],
            "last_updated": max((c.date for c in verdict.updated), default=None),
            "front_matter": Markup(front_matter({"jsonld": claim_review(page, verdict)})),
        }
