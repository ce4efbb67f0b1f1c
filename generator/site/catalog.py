"""Derived indexes over an Archive: who cites what, who said what, what is related.

Computed once, before any page is rendered, so every page reads the same
sorted lists: output order never depends on dict insertion or hash seeds.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from generator.model import Anchor, Archive, Article, Citation, Quote, Verdict
from generator.normalise import fold
from generator.site.urls import slugify

RELATED_LIMIT = 8
# Neighbours considered per shared key: keeps related coverage linear when one
# speaker is quoted in thousands of articles (nearest in time wins).
RELATED_WINDOW = 10
RELATED_WEIGHTS = {"verdict": 3, "quote": 2, "speaker": 1}
MIN_SHARED_QUOTE = 20
UNDATED = "undated"
T = TypeVar("T")


def date_key(value: dt.date | dt.datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def month_of(value: dt.date | dt.datetime | None) -> str:
    return f"{value.year:04d}-{value.month:02d}" if value is not None else UNDATED


def newest_first_verdicts(verdicts: list[Verdict]) -> list[Verdict]:
    by_id = sorted(verdicts, key=lambda v: v.id)
    return sorted(by_id, key=lambda v: v.published, reverse=True)


def newest_first_articles(articles: list[Article]) -> list[Article]:
    by_id = sorted(articles, key=lambda a: a.id)
    return sorted(by_id, key=lambda a: date_key(a.published), reverse=True)


@dataclass(frozen=True)
class CitationRef:
    verdict: Verdict
    section: str
    index: int
    citation: Citation


@dataclass
class Topic:
    slug: str
    name: str
    verdicts: list[Verdict] = field(default_factory=list)


@dataclass
class Month:
    key: str
    articles: list[Article] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


class Catalog:
    """Read-only views of one archive, each in its display order."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.verdicts = newest_first_verdicts(list(archive.verdicts.values()))
        self.articles = newest_first_articles(list(archive.articles.values()))
        self.quotes = [q for a in self.articles for q in sorted(a.quotes, key=lambda q: q.number)]
        self.by_rating = _group(self.verdicts, lambda v: [v.rating])
        self.by_claimant = _group(self.verdicts, lambda v: [v.claimant])
        self.quotes_by_speaker = _group(self.quotes, lambda q: [q.speaker_id] if q.speaker_id else [])
        self.articles_by_outlet = _group(self.articles, lambda a: [a.outlet_id] if a.outlet_id else [])
        self.topics = self._topics()
        self.citing = self._citing()
        self.verdicts_citing_outlet = self._verdicts_citing_outlet()
        self.months = self._months()
        self.related = self._related()

    def _topics(self) -> dict[str, Topic]:
        topics: dict[str, Topic] = {}
        # Tags that differ only in case or punctuation share one page, named by the first spelling.
        for tag in sorted({t for v in self.verdicts for t in v.tags}):
            slug = slugify(tag)
            topics.setdefault(slug, Topic(slug, tag))
        for verdict in self.verdicts:
            for slug in dict.fromkeys(slugify(t) for t in verdict.tags):
                topics[slug].verdicts.append(verdict)
        return dict(sorted(topics.items()))

    def _citing(self) -> dict[str, list[CitationRef]]:
        citing: dict[str, list[CitationRef]] = defaultdict(list)
        for verdict in self.verdicts:
            for section, citations in (("appearances", verdict.appearances), ("evidence", verdict.evidence)):
                for index, citation in enumerate(citations):
                    if citation.article:
                        citing[citation.article].append(CitationRef(verdict, section, index, citation))
        return dict(citing)

    def citing_verdicts(self, article_id: str) -> list[Verdict]:
        return list({ref.verdict.id: ref.verdict for ref in self.citing.get(article_id, [])}.values())

    def _verdicts_citing_outlet(self) -> dict[str, list[Verdict]]:
        result: dict[str, dict[str, Verdict]] = defaultdict(dict)
        for article_id, refs in self.citing.items():
            article = self.archive.articles.get(article_id)
            if article is None or article.outlet_id is None:
                continue
            for ref in refs:
                result[article.outlet_id][ref.verdict.id] = ref.verdict
        return {key: newest_first_verdicts(list(found.values())) for key, found in result.items()}

    def _months(self) -> dict[str, Month]:
        months: dict[str, Month] = {}
        for article in self.articles:
            month = months.setdefault(month_of(article.published), Month(month_of(article.published)))
            month.articles.append(article)
            month.quotes.extend(sorted(article.quotes, key=lambda q: q.number))
        for verdict in self.verdicts:
            months.setdefault(month_of(verdict.published), Month(month_of(verdict.published))).verdicts.append(verdict)
        # Newest month first, undated last.
        return dict(sorted(months.items(), key=lambda kv: (kv[0] != UNDATED, kv[0]), reverse=True))

    def _related(self) -> dict[str, list[str]]:
        keyed: dict[tuple[str, str], list[Article]] = defaultdict(list)
        for article in reversed(self.articles):  # oldest first: neighbours are close in time
            for key in _relation_keys(article, self.citing_verdicts(article.id)):
                keyed[key].append(article)
        scores: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for (kind, _), members in keyed.items():
            for i, article in enumerate(members):
                for other in members[max(0, i - RELATED_WINDOW) : i + RELATED_WINDOW + 1]:
                    if other.id != article.id:
                        scores[article.id][other.id] += RELATED_WEIGHTS[kind]
        order = {a.id: n for n, a in enumerate(self.articles)}
        return {
            article_id: sorted(found, key=lambda other: (-found[other], order[other]))[:RELATED_LIMIT]
            for article_id, found in scores.items()
        }

    def overlapping_quote(self, anchor: Anchor) -> Quote | None:
        """The extracted quote a cited passage falls in, if any: it names the speaker."""
        article = self.archive.articles.get(anchor.article_id)
        if article is None:
            return None
        for quote in sorted(article.quotes, key=lambda q: q.number):
            if quote.anchor == anchor.anchor:
                return quote
        for quote in sorted(article.quotes, key=lambda q: q.number):
            if quote.block == anchor.block and quote.start < anchor.end and anchor.start < quote.end:
                return quote
        return None


def _relation_keys(article: Article, verdicts: list[Verdict]) -> set[tuple[str, str]]:
    keys = {("speaker", q.speaker_id) for q in article.quotes if q.speaker_id}
    keys |= {("quote", fold(q.text)) for q in article.quotes if len(q.text) >= MIN_SHARED_QUOTE}
    keys |= {("verdict", v.id) for v in verdicts}
    return keys


def _group(items: list[T], keys_of: Callable[[T], list[str]]) -> dict[str, list[T]]:
    grouped: dict[str, list[T]] = defaultdict(list)
    for item in items:
        for key in keys_of(item):
            grouped[key].append(item)
    return dict(grouped)
