"""The page of one archived article: where it came from, who fact-checked it, its text, its quotes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup
from pymdownx.slugs import slugify

from generator.diagnostics import Location
from generator.model import Article
from generator.site import views
from generator.site.article_body import render_article_body
from generator.site.markdown import one_line, single_line, truncate
from generator.site.output import PageKind
from generator.site.pagetype import Build, Page, PageType, link_or_text

_TOC_SLUGIFY = slugify(case="lower")  # as mkdocs.yml configures the toc extension


@dataclass(frozen=True)
class VerdictLink:
    """A verdict citing this article: its rating, its claim, and in what role it cites it."""

    badge: Markup
    verdict: Markup
    role: str


@dataclass(frozen=True)
class QuoteLine:
    """A quote of this article: its words linked to their anchor, who said them, the sentence around them."""

    text: Markup
    speaker: Markup
    context: str


@dataclass(frozen=True)
class RelatedLine:
    article: Markup
    outlet: Markup
    published: object
    language: Markup


def heading_id(text: str) -> str:
    """The id MkDocs' toc extension gives a Markdown heading with this text."""
    return _TOC_SLUGIFY(one_line(single_line(text)), "-")


def _title(page: Page, article: Article, anchors: Mapping[str, object]) -> str:
    text = article.title.strip() or article.id
    if heading_id(text) in anchors:
        # A title such as "Q-1" would get the id of quote anchor q-1 and capture its links.
        text = page.gettext("%(title)s (archived article)") % {"title": text}
    return text


def _role(page: Page, sections: set[str]) -> str:
    if sections == {"appearances"}:
        return page.gettext("cited as where the claim appeared")
    if sections == {"evidence"}:
        return page.gettext("cited as evidence")
    return page.gettext("cited as where the claim appeared and as evidence")


def _fact_checked_in(page: Page, article: Article) -> list[VerdictLink]:
    catalog = page.build.catalog
    refs = catalog.citing.get(article.id, [])
    links = []
    for verdict in catalog.citing_verdicts(article.id):
        sections = {ref.section for ref in refs if ref.verdict.id == verdict.id}
        links.append(
            VerdictLink(views.badge(page, verdict.rating), views.verdict(page, verdict), _role(page, sections))
        )
    return links


def _quotes(page: Page, article: Article) -> list[QuoteLine]:
    lines = []
    for quote in sorted(article.quotes, key=lambda q: q.number):
        href = page.link(PageKind.ARTICLE, article.id, quote.anchor)
        text = link_or_text(href, truncate(quote.text, views.QUOTE_LIMIT))
        lines.append(QuoteLine(text, views.speaker(page, quote), truncate(quote.context, views.CONTEXT_LIMIT)))
    return lines


def _related(page: Page, article: Article) -> list[RelatedLine]:
    archive = page.build.archive
    lines = []
    for other_id in page.build.catalog.related.get(article.id, []):
        other = archive.articles[other_id]
        lines.append(
            RelatedLine(
                views.article(page, other_id),
                views.outlet(page, other),
                other.published,
                views.language_attr(other.language, page),
            )
        )
    return lines


class ArticlePage(PageType):
    kind = PageKind.ARTICLE
    template = "article.md.j2"
    folder = "articles"

    def plan(self, build: Build) -> Iterable[tuple[str, str, Location | None]]:
        for key in sorted(build.archive.articles):
            yield key, f"{self.folder}/{key}.md", build.archive.articles[key].location

    def context(self, page: Page) -> dict[str, Any]:
        article = page.build.archive.articles[page.file.key]
        anchors = page.build.plan.anchors.get(article.id, {})
        language = views.language_attr(article.language, page)
        return {
            "article": article,
            "title": _title(page, article, anchors),
            "outlet": views.outlet(page, article),
            "original_url": views.external(article.url, article.url) if article.url else None,
            "attributions": list(article.attributions),
            "lang_attr": language,
            "fact_checked_in": _fact_checked_in(page, article),
            "body": render_article_body(article, anchors, language),
            "quotes": _quotes(page, article),
            "related": _related(page, article),
        }
