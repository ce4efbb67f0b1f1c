"""Small safe fragments every page type shows: names linked to their pages, badges, dates.

Each returns `Markup` built with `Markup.format`, which escapes every argument,
or plain values the template escapes itself: no string here is trusted because
of its name. Links point only at files the plan holds (`Page.link`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from hashlib import sha1
from typing import Literal

from markupsafe import Markup

from generator.model import Article, AttributionMethod, Quote, Rating, Verdict
from generator.site.markdown import safe_external_url, truncate
from generator.site.output import PageKind
from generator.site.pagetype import Page, link_or_text
from generator.site.templating import N_, escape_text

QUOTE_LIMIT = 400
CONTEXT_LIMIT = 240
ClaimantKind = Literal["person", "outlet", "text"]


def rating_css_class(key: str) -> str:
    """A CSS class for a rating key: ASCII only, so a stylesheet selector can always name it."""
    slug = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")
    if slug != key.lower():
        slug = f"{slug or 'r'}-{sha1(key.encode('utf-8')).hexdigest()[:6]}"
    return f"rating-{slug}"


def rating_label(page: Page, key: str) -> str:
    rating = page.build.archive.ratings.get(key)
    return rating.label_in(page.language) if rating else key


def badge(page: Page, key: str, linked: bool = True) -> Markup:
    """The rating as a coloured label with its text (never colour alone), linked to its page."""
    span = Markup('<span class="rating {}">{}</span>').format(rating_css_class(key), rating_label(page, key))
    href = page.link(PageKind.RATING, key) if linked else None
    return Markup('<a href="{}">{}</a>').format(escape_text(href), span) if href else span


def claimant_kind(page: Page, claimant: str) -> ClaimantKind:
    if claimant in page.build.archive.people:
        return "person"
    if claimant in page.build.archive.outlets:
        return "outlet"
    return "text"


def claimant_name(page: Page, claimant: str) -> str:
    kind = claimant_kind(page, claimant)
    if kind == "person":
        return page.build.archive.people[claimant].name
    if kind == "outlet":
        return page.build.archive.outlets[claimant].name
    return claimant


def claimant(page: Page, key: str) -> Markup:
    kind = claimant_kind(page, key)
    href = page.link(PageKind(kind), key) if kind != "text" else None
    return link_or_text(href, claimant_name(page, key))


def person(page: Page, person_id: str | None, fallback: str | None) -> Markup:
    found = page.build.archive.people.get(person_id) if person_id else None
    if found is None:
        return escape_text(fallback) if fallback else escape_text(page.gettext("unattributed"))
    return link_or_text(page.link(PageKind.PERSON, found.id), found.name)


def outlet(page: Page, article: Article) -> Markup:
    outlets = page.build.archive.outlets
    if article.outlet_id and article.outlet_id in outlets:
        found = outlets[article.outlet_id]
        return link_or_text(page.link(PageKind.OUTLET, found.id), found.name)
    if article.outlet_name:
        return escape_text(article.outlet_name)
    return escape_text(page.gettext("Outlet unknown"))


def article(page: Page, article_id: str, anchor: str | None = None) -> Markup:
    found = page.build.archive.articles.get(article_id)
    title = found.title if found and found.title.strip() else article_id
    return link_or_text(page.link(PageKind.ARTICLE, article_id, anchor), title)


def verdict(page: Page, item: Verdict) -> Markup:
    return link_or_text(page.link(PageKind.VERDICT, item.id), item.claim)


def external(text: str, url: str | None) -> Markup:
    safe = safe_external_url(url)
    if safe is None:
        return escape_text(text)
    return Markup('<a href="{}" rel="nofollow noopener">{}</a>').format(escape_text(safe), escape_text(text))


def language_attr(language: str | None, page: Page) -> Markup:
    """` lang="…"` when a passage's language differs from the page's (WCAG 3.1.2)."""
    if not language or language.split("-")[0].lower() == page.language:
        return Markup("")
    return Markup(' lang="{}"').format(escape_text(language))


_METHODS = {
    AttributionMethod.REGISTRY: (N_("registry name"), N_("named in the text; matched to the people registry")),
    AttributionMethod.PRINTED: (
        N_("name as printed"),
        N_("named in the text; not in the people registry, shown as printed"),
    ),
    AttributionMethod.PRONOUN: (
        N_("pronoun"),
        N_("the text says he/she or a description; resolved to the person named before"),
    ),
    AttributionMethod.FOLLOW_ON: (N_("follow-on"), N_("carries on the words of the speaker named before")),
    AttributionMethod.ORGANISATION: (N_("organisation"), N_("the words of an organisation")),
    AttributionMethod.DESK: (N_("desk"), N_("attributed by the desk")),
}


def speaker(page: Page, quote: Quote) -> Markup:
    """Who said a quote, and how that was found (a small marker whose title explains it)."""
    if quote.kind == "name":
        title = page.gettext("a title or name in quotation marks, not speech")
        return Markup('<span class="quote-kind" title="{}">{}</span>').format(title, page.gettext("name, not speech"))
    who = person(page, quote.speaker_id, quote.speaker_name)
    if quote.kind == "scare" and not (quote.speaker_id or quote.speaker_name):
        title = page.gettext("a phrase in quotation marks credited to no one")
        return who + Markup(' <span class="quote-kind" title="{}">({})</span>').format(title, page.gettext("phrase"))
    method = quote.attribution
    if method is AttributionMethod.NONE:
        return who
    css = "attribution-" + method.name.lower().replace("_", "-")
    label, explanation = _METHODS[method]
    marker = Markup(' <span class="attribution {}" title="{}">({})</span>')
    return who + marker.format(css, page.gettext(explanation), page.gettext(label))


@dataclass(frozen=True)
class QuoteRow:
    """A quote in a table or card list: its words (linked to their anchor), speaker, article, date."""

    text: Markup
    speaker: Markup
    article: Markup
    date: object
    language: Markup


def quote_rows(page: Page, quotes: list[Quote]) -> list[QuoteRow]:
    rows = []
    for quote in quotes:
        found = page.build.archive.articles.get(quote.article_id)
        href = page.link(PageKind.ARTICLE, quote.article_id, quote.anchor)
        rows.append(
            QuoteRow(
                text=link_or_text(href, truncate(quote.text, QUOTE_LIMIT)),
                speaker=speaker(page, quote),
                article=article(page, quote.article_id),
                date=found.published if found else None,
                language=language_attr(found.language if found else None, page),
            )
        )
    return rows


@dataclass(frozen=True)
class VerdictRow:
    claim: Markup
    rating: Markup
    claimant: Markup
    published: object


def verdict_rows(page: Page, verdicts: list[Verdict]) -> list[VerdictRow]:
    return [
        VerdictRow(verdict(page, v), badge(page, v.rating), claimant(page, v.claimant), v.published) for v in verdicts
    ]


@dataclass(frozen=True)
class TallyRow:
    count: int
    rating: Markup


def tally(page: Page, verdicts: list[Verdict]) -> list[TallyRow]:
    """Rating counts in scale order; the template states the denominator."""
    order = {key: n for n, key in enumerate(page.build.archive.ratings.keys)}
    counts: dict[str, int] = {}
    for item in verdicts:
        counts[item.rating] = counts.get(item.rating, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
    return [TallyRow(count, badge(page, key)) for key, count in ordered]


def scale(page: Page) -> list[Rating]:
    return list(page.build.archive.ratings.ratings)
