"""schema.org ClaimReview records, built from the same fields the verdict page shows.

Only types and properties of the schema.org vocabulary are used, each on a
type its domain admits (tests/site/test_jsonld_vocabulary.py checks this
against the vendored vocabulary). The record goes into the page's front
matter and the theme prints it with Jinja's `tojson`, which escapes `<`, `>`
and `&`, so no text in it can close the script element.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.model import Citation, Verdict
from generator.site.contributor import render_plain_text
from generator.site.markdown import one_line, safe_external_url
from generator.site.output import PageKind
from generator.site.pagetype import Page
from generator.site.views import claimant_kind, claimant_name, rating_label

JsonObject = dict[str, Any]


def _iso(value: dt.date | dt.datetime) -> str:
    return value.isoformat()


def _text(value: str) -> str:
    return "".join(ch for ch in one_line(value) if ord(ch) >= 0x20)


def rating_node(page: Page, key: str) -> JsonObject:
    node: JsonObject = {"@type": "Rating", "alternateName": _text(rating_label(page, key))}
    rating = page.build.archive.ratings.get(key)
    # A rating off the numeric scale (unproven) has a name but no value; a value
    # without bounds would be meaningless, so the bounds go with the value.
    if rating is not None and rating.value is not None:
        node["ratingValue"] = rating.value
        node["bestRating"] = page.build.archive.ratings.best
        node["worstRating"] = page.build.archive.ratings.worst
    return node


def claimant_node(page: Page, claimant: str) -> JsonObject:
    # Free-text claimants are most often individuals not (yet) in people.yaml.
    kind = "Organization" if claimant_kind(page, claimant) == "outlet" else "Person"
    return {"@type": kind, "name": _text(claimant_name(page, claimant))}


def appearance_node(page: Page, citation: Citation) -> JsonObject | None:
    if citation.article:
        return _article_node(page, citation.article)
    url = safe_external_url(citation.url)
    if url is None:
        return None
    node: JsonObject = {"@type": "CreativeWork", "url": url}
    if citation.title:
        node["name"] = _text(citation.title)
    return node


def _article_node(page: Page, article_id: str) -> JsonObject | None:
    article = page.build.archive.articles.get(article_id)
    target = page.build.plan.get(PageKind.ARTICLE, article_id)
    archived = page.absolute(target) if target else None
    if article is None or archived is None:
        return None
    original = safe_external_url(article.url)
    node: JsonObject = {"@type": "CreativeWork", "url": original or archived, "headline": _text(article.title)}
    if original:
        node["archivedAt"] = archived
    if article.published is not None:
        node["datePublished"] = _iso(article.published)
    outlet = page.build.archive.outlets.get(article.outlet_id) if article.outlet_id else None
    if outlet is not None:
        node["publisher"] = {"@type": "Organization", "name": _text(outlet.name)}
    return node


def claim_review(page: Page, verdict: Verdict) -> JsonObject:
    """One ClaimReview for a verdict; `url` is its page on this site."""
    appearances = [node for c in verdict.appearances if (node := appearance_node(page, c)) is not None]
    claim: JsonObject = {
        "@type": "Claim",
        "author": claimant_node(page, verdict.claimant),
        "datePublished": _iso(verdict.claim_date),
    }
    if appearances:
        claim["appearance"] = appearances
    review: JsonObject = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": page.absolute(),
        "claimReviewed": _text(verdict.claim),
        "reviewBody": _text(render_plain_text(verdict.summary)),
        "datePublished": _iso(verdict.published),
        "author": {"@type": "Organization", "name": _text(verdict.author)},
        "publisher": {"@type": "Organization", "name": _text(page.build.site.name), "url": page.build.site.url},
        "reviewRating": rating_node(page, verdict.rating),
        "itemReviewed": claim,
    }
    if verdict.updated:
        review["dateModified"] = _iso(max(c.date for c in verdict.updated))
    if verdict.tags:
        review["keywords"] = ", ".join(_text(t) for t in verdict.tags)
    return review
