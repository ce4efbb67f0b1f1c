"""Data exports: ClaimReview records, verdicts and quotes as JSON and CSV.

Each export is one planned file rendered by Python, not a template. Records
name pages by their absolute URL on the site of the build's language, and only
pages the plan holds are named. CSV cells that a spreadsheet would evaluate as
a formula (leading `=`, `+`, `-`, `@`, tab or carriage return) get a leading
apostrophe (OWASP's advice against CSV injection); the JSON exports keep the
text exactly.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from generator.model import Citation, Quote, Verdict
from generator.site.jsonld import claim_review
from generator.site.markdown import safe_external_url
from generator.site.output import PageKind
from generator.site.pages.files import FileType
from generator.site.pagetype import Page
from generator.site.views import claimant_kind, claimant_name, rating_label

CLAIMREVIEW_PATH = "claimreview.json"
VERDICTS_JSON_PATH = "verdicts.json"
VERDICTS_CSV_PATH = "verdicts.csv"
QUOTES_JSON_PATH = "quotes.json"
QUOTES_CSV_PATH = "quotes.csv"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

VERDICT_COLUMNS = [
    "id", "url", "claim", "claimant", "claimant_name", "claim_date", "rating", "rating_label",
    "summary", "author", "published", "last_updated", "tags", "appearance_articles", "evidence_articles",
]  # fmt: skip
QUOTE_COLUMNS = [
    "article", "number", "url", "speaker_id", "speaker_name", "kind", "attributed_by", "text", "context",
    "article_title", "article_published", "outlet",
]  # fmt: skip


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


def _page_url(page: Page, kind: PageKind, key: str) -> str | None:
    target = page.build.plan.get(kind, key)
    return page.absolute(target) if target else None


def _citation(page: Page, verdict: Verdict, section: str, index: int, citation: Citation) -> dict[str, Any]:
    # Only web URLs leave the site: a consumer may well turn `url` into a link.
    url = citation.url if safe_external_url(citation.url) else None
    record: dict[str, Any] = {"article": citation.article, "quote": citation.quote, "url": url}
    record |= {"title": citation.title, "note": citation.note, "archived_url": None}
    if citation.article and (article_url := _page_url(page, PageKind.ARTICLE, citation.article)):
        anchor = page.build.archive.citation_anchors.get((verdict.id, section, index))
        exists = anchor is not None and page.build.plan.has_anchor(citation.article, anchor.anchor)
        record["archived_url"] = article_url + (f"#{anchor.anchor}" if exists and anchor else "")
    return record


def verdict_record(page: Page, verdict: Verdict) -> dict[str, Any]:
    rating = page.build.archive.ratings.get(verdict.rating)
    return {
        "id": verdict.id,
        "url": _page_url(page, PageKind.VERDICT, verdict.id),
        "claim": verdict.claim,
        "claimant": verdict.claimant,
        "claimant_name": claimant_name(page, verdict.claimant),
        "claimant_type": claimant_kind(page, verdict.claimant),
        "claim_date": verdict.claim_date.isoformat(),
        "rating": verdict.rating,
        "rating_label": rating_label(page, verdict.rating),
        "rating_value": rating.value if rating else None,
        "summary": verdict.summary,
        "author": verdict.author,
        "published": verdict.published.isoformat(),
        "updated": [{"date": c.date.isoformat(), "note": c.note} for c in verdict.updated],
        "tags": list(verdict.tags),
        "appearances": [_citation(page, verdict, "appearances", i, c) for i, c in enumerate(verdict.appearances)],
        "evidence": [_citation(page, verdict, "evidence", i, c) for i, c in enumerate(verdict.evidence)],
    }


def quote_record(page: Page, quote: Quote) -> dict[str, Any]:
    article = page.build.archive.articles.get(quote.article_id)
    article_url = _page_url(page, PageKind.ARTICLE, quote.article_id)
    anchored = article_url and page.build.plan.has_anchor(quote.article_id, quote.anchor)
    return {
        "article": quote.article_id,
        "number": quote.number,
        "url": f"{article_url}#{quote.anchor}" if anchored else article_url,
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


def _verdict_row(record: dict[str, Any]) -> dict[str, Any]:
    def articles(section: str) -> str:
        return ";".join(c["article"] for c in record[section] if c["article"])

    row = dict(record)
    row["last_updated"] = max((u["date"] for u in record["updated"]), default="")
    row["tags"] = ";".join(record["tags"])
    row["appearance_articles"] = articles("appearances")
    row["evidence_articles"] = articles("evidence")
    return row


def _published_verdicts(page: Page) -> list[Verdict]:
    """Verdicts that have a page, by id: an export never names a page that was not written."""
    plan, verdicts = page.build.plan, page.build.archive.verdicts
    return [verdicts[key] for key in sorted(verdicts) if plan.get(PageKind.VERDICT, key) is not None]


def _quotes(page: Page) -> list[Quote]:
    return sorted(page.build.catalog.quotes, key=lambda q: (q.article_id, q.number))


def claimreview_json(page: Page) -> str:
    reviews = []
    for verdict in _published_verdicts(page):
        verdict_file = page.build.plan.get(PageKind.VERDICT, verdict.id)
        if verdict_file is not None:  # the JSON-LD's `url` is the verdict page's, as on the page itself
            reviews.append(claim_review(Page(page.build, verdict_file, page.language), verdict))
    return to_json(reviews)


def verdicts_json(page: Page) -> str:
    return to_json([verdict_record(page, v) for v in _published_verdicts(page)])


def verdicts_csv(page: Page) -> str:
    rows = [_verdict_row(verdict_record(page, v)) for v in _published_verdicts(page)]
    return to_csv(VERDICT_COLUMNS, rows)


def quotes_json(page: Page) -> str:
    return to_json([quote_record(page, q) for q in _quotes(page)])


def quotes_csv(page: Page) -> str:
    return to_csv(QUOTE_COLUMNS, [quote_record(page, q) for q in _quotes(page)])


EXPORTS: dict[str, Callable[[Page], str]] = {
    CLAIMREVIEW_PATH: claimreview_json,
    VERDICTS_JSON_PATH: verdicts_json,
    VERDICTS_CSV_PATH: verdicts_csv,
    QUOTES_JSON_PATH: quotes_json,
    QUOTES_CSV_PATH: quotes_csv,
}


class DataExports(FileType):
    """The five exports at the site root; each file's key is its path."""

    paths = tuple(EXPORTS)

    def render(self, page: Page) -> str:
        return EXPORTS[page.file.key](page)
