"""Data exports: ClaimReview records, verdicts and quotes as JSON and CSV.

CSV cells that a spreadsheet would evaluate as a formula (leading `=`, `+`,
`-`, `@`, tab or carriage return) get a leading apostrophe (OWASP's advice
against CSV injection); the JSON exports keep the text exactly.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.model import Citation, Quote, Verdict
from generator.site.context import SiteContext
from generator.site.fragments import claimant_kind, claimant_name, rating_label
from generator.site.jsonld import claim_review
from generator.site.markdown import safe_external_url

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def to_csv(header: list[str], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in header])
    return buffer.getvalue()


def _citation(ctx: SiteContext, verdict: Verdict, section: str, index: int, citation: Citation) -> dict[str, Any]:
    # Only web URLs leave the site: a consumer may well turn `url` into a link.
    url = citation.url if safe_external_url(citation.url) else None
    record: dict[str, Any] = {"article": citation.article, "quote": citation.quote, "url": url}
    record |= {"title": citation.title, "note": citation.note, "archived_url": None}
    if citation.article and (page_url := ctx.page_url("article", citation.article)):
        anchor = ctx.archive.citation_anchors.get((verdict.id, section, index))
        exists = anchor is not None and ctx.links.has_anchor(citation.article, anchor.anchor)
        record["archived_url"] = page_url + (f"#{anchor.anchor}" if exists and anchor else "")
    return record


def verdict_record(ctx: SiteContext, verdict: Verdict) -> dict[str, Any]:
    rating = ctx.archive.ratings.get(verdict.rating)
    return {
        "id": verdict.id,
        "url": ctx.page_url("verdict", verdict.id),
        "claim": verdict.claim,
        "claimant": verdict.claimant,
        "claimant_name": claimant_name(ctx, verdict.claimant),
        "claimant_type": claimant_kind(ctx, verdict.claimant),
        "claim_date": verdict.claim_date.isoformat(),
        "rating": verdict.rating,
        "rating_label": rating_label(ctx, verdict.rating),
        "rating_value": rating.value if rating else None,
        "summary": verdict.summary,
        "author": verdict.author,
        "published": verdict.published.isoformat(),
        "updated": [{"date": c.date.isoformat(), "note": c.note} for c in verdict.updated],
        "tags": list(verdict.tags),
        "appearances": [_citation(ctx, verdict, "appearances", i, c) for i, c in enumerate(verdict.appearances)],
        "evidence": [_citation(ctx, verdict, "evidence", i, c) for i, c in enumerate(verdict.evidence)],
    }


def quote_record(ctx: SiteContext, quote: Quote) -> dict[str, Any]:
    article = ctx.archive.articles.get(quote.article_id)
    page_url = ctx.page_url("article", quote.article_id)
    anchored = page_url and ctx.links.has_anchor(quote.article_id, quote.anchor)
    return {
        "article": quote.article_id,
        "number": quote.number,
        "url": f"{page_url}#{quote.anchor}" if anchored else page_url,
        "text": quote.text,
        "speaker_id": quote.speaker_id,
        "speaker_name": quote.speaker_name,
        "kind": quote.kind,
        "attributed_by": quote.attribution.value,
        "context": quote.context,
        "article_title": article.title if article else None,
        "article_published": article.published.isoformat() if article and article.published else None,
        "outlet": article.outlet_id if article else None,
    }


VERDICT_COLUMNS = [
    "id", "url", "claim", "claimant", "claimant_name", "claim_date", "rating", "rating_label",
    "summary", "author", "published", "last_updated", "tags", "appearance_articles", "evidence_articles",
]  # fmt: skip
QUOTE_COLUMNS = [
    "article", "number", "url", "speaker_id", "speaker_name", "kind", "attributed_by", "text", "context",
    "article_title", "article_published", "outlet",
]  # fmt: skip


def _verdict_row(record: dict[str, Any]) -> dict[str, Any]:
    def articles(section: str) -> str:
        return ";".join(c["article"] for c in record[section] if c["article"])

    row = dict(record)
    row["last_updated"] = max((u["date"] for u in record["updated"]), default="")
    row["tags"] = ";".join(record["tags"])
    row["appearance_articles"] = articles("appearances")
    row["evidence_articles"] = articles("evidence")
    return row


def exports(ctx: SiteContext) -> dict[str, str]:
    """File name -> content for every data export."""
    verdicts = sorted(ctx.archive.verdicts.values(), key=lambda v: v.id)
    verdicts = [v for v in verdicts if ctx.links.path("verdict", v.id)]
    records = [verdict_record(ctx, v) for v in verdicts]
    quotes = sorted(ctx.catalog.quotes, key=lambda q: (q.article_id, q.number))
    quote_records = [quote_record(ctx, q) for q in quotes]
    return {
        "claimreview.json": to_json([claim_review(ctx, v) for v in verdicts]),
        "verdicts.json": to_json(records),
        "verdicts.csv": to_csv(VERDICT_COLUMNS, [_verdict_row(r) for r in records]),
        "quotes.json": to_json(quote_records),
        "quotes.csv": to_csv(QUOTE_COLUMNS, quote_records),
    }
