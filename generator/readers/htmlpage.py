"""A saved HTML page: the article body and the metadata the page declares.

The body is the page's `<article>` (the longest, when a page lists teasers
too), else `<main>` or the element marked as the article body, else the
element holding the most paragraph text. Metadata comes from Open Graph and
`article:` meta tags, JSON-LD, `<title>`/`<h1>` and `<html lang>`.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Any

from bs4 import BeautifulSoup, Tag

from generator.diagnostics import Diagnostics
from generator.model import Article, Block
from generator.normalise import fold
from generator.readers.base import Source
from generator.readers.htmlblocks import element_to_blocks, parse_html, remove_dropped
from generator.readers.hygiene import clean_inline, http_url, title_from_blocks
from generator.readers.meta import is_language_code, parse_when

_PAGE_START = re.compile(r"^\s*(<!doctype\s+html|<html[\s>])", re.IGNORECASE)
_BODY_TAG = re.compile(r"<(body|article)[\s>]", re.IGNORECASE)
_ARTICLE_TYPES = {"Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
                  "ClaimReview"}


class HtmlPageReader:
    name = "html-page"

    def sniff(self, text: str) -> bool:
        if _PAGE_START.match(text):
            return True
        # Other formats may mention tags in their text; a page starts with markup.
        return text.lstrip().startswith("<") and bool(_BODY_TAG.search(text))

    def read(self, source: Source, diags: Diagnostics) -> list[Article]:
        soup = parse_html(source.text)
        meta = _page_meta(soup)
        remove_dropped(soup)
        body = _main_element(soup)
        blocks = element_to_blocks(body) if body is not None else ()
        title = meta.get("title") or _first_h1(body) or meta.get("page_title", "")
        blocks = _without_title(blocks, title)
        if not blocks:
            return []
        if not title:
            title = title_from_blocks(blocks)
            diags.warning("empty-title", f"page has no title, og:title or h1; using {title!r}", source.location)
        return [Article(
            id=source.stem, location=source.location, format=self.name, title=title, blocks=blocks,
            sha256=source.sha256, url=meta.get("url"), published=_date(meta.get("published")),
            modified=_date(meta.get("modified")), language=meta.get("language"), author=meta.get("author"),
            outlet_name=meta.get("site_name"),
        )]


def _first_h1(body: Tag | None) -> str:
    h1 = body.find("h1") if body is not None else None
    return clean_inline(h1.get_text(" ")) if isinstance(h1, Tag) else ""


def _without_title(blocks: tuple[Block, ...], title: str) -> tuple[Block, ...]:
    """The body without a leading heading that only repeats the title."""
    if blocks and title and blocks[0].kind.startswith("h") and fold(blocks[0].text) == fold(title):
        return blocks[1:]
    return blocks


def _date(value: str | None) -> dt.datetime | dt.date | None:
    if not value:
        return None
    try:
        return parse_when(value)
    except ValueError:
        return None


def _meta_content(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name}) or soup.find(
            "meta", attrs={"itemprop": name})
        content = tag.get("content") if isinstance(tag, Tag) else None
        if isinstance(content, str) and clean_inline(content):
            return clean_inline(content)
    return None


def _page_meta(soup: BeautifulSoup) -> dict[str, str]:
    linked = _json_ld(soup)
    found: dict[str, str | None] = {
        "title": _meta_content(soup, "og:title", "twitter:title") or linked.get("headline"),
        "page_title": clean_inline(soup.title.get_text()) if soup.title else None,
        "url": _page_url(soup),
        "published": _meta_content(soup, "article:published_time", "datePublished", "date", "pubdate")
        or linked.get("datePublished"),
        "modified": _meta_content(soup, "article:modified_time", "og:updated_time", "dateModified")
        or linked.get("dateModified"),
        "author": _author(soup) or linked.get("author"),
        "site_name": _meta_content(soup, "og:site_name", "application-name"),
        "language": _language(soup),
    }
    if not found["published"]:
        time = soup.find("time", attrs={"datetime": True})
        found["published"] = str(time["datetime"]) if isinstance(time, Tag) else None
    return {key: value for key, value in found.items() if value}


def _page_url(soup: BeautifulSoup) -> str | None:
    canonical = soup.find("link", attrs={"rel": "canonical"})
    candidates = [_meta_content(soup, "og:url"), canonical.get("href") if isinstance(canonical, Tag) else None]
    for candidate in candidates:
        url = http_url(candidate if isinstance(candidate, str) else None)
        if url:
            return url
    return None


def _author(soup: BeautifulSoup) -> str | None:
    for name in ("author", "article:author", "byl", "parsely-author"):
        value = _meta_content(soup, name)
        if value and not value.lower().startswith(("http://", "https://")):
            return re.sub(r"^by\s+", "", value, flags=re.IGNORECASE)
    return None


def _language(soup: BeautifulSoup) -> str | None:
    html = soup.find("html")
    lang = html.get("lang") if isinstance(html, Tag) else None
    if not isinstance(lang, str):
        return None
    # `en-GB`, `uk_UA` -> the primary subtag; then the same rule as a sidecar's `language` (`en"` is not one).
    primary = lang.strip().replace("_", "-").split("-")[0].lower()
    return primary if is_language_code(primary) else None


def _json_ld(soup: BeautifulSoup) -> dict[str, str]:
    """headline, dates and author name from JSON-LD: an article object, else the WebPage."""
    fallback: dict[str, str] = {}
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.get_text())
        except (json.JSONDecodeError, RecursionError):
            continue
        for item in _ld_items(data):
            kinds = item.get("@type")
            kinds = {k for k in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(k, str)}
            if kinds & _ARTICLE_TYPES:
                return _ld_fields(item)
            if "WebPage" in kinds and not fallback:
                fallback = _ld_fields(item)
    return fallback


def _ld_items(data: Any) -> list[dict[str, Any]]:
    items = data if isinstance(data, list) else [data]
    found: list[dict[str, Any]] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        graph = item.get("@graph")
        if isinstance(graph, list):
            found.extend(g for g in graph if isinstance(g, dict))
        else:
            found.append(item)
    return found


def _ld_fields(item: dict[str, Any]) -> dict[str, str]:
    author = item.get("author")
    author = author[0] if isinstance(author, list) and author else author
    fields = {
        "headline": item.get("headline"),
        "datePublished": item.get("datePublished"),
        "dateModified": item.get("dateModified"),
        "author": author.get("name") if isinstance(author, dict) else author,
    }
    # JSON-LD strings are plain text, but plugins often leave HTML entities in them.
    return {key: clean_inline(html.unescape(value)) for key, value in fields.items()
            if isinstance(value, str) and value.strip()}


def _main_element(soup: BeautifulSoup) -> Tag | None:
    articles = [a for a in soup.find_all("article") if isinstance(a, Tag)]
    if articles:
        return max(articles, key=lambda a: len(a.get_text()))
    for selector in ("main", "[itemprop=articleBody]", "[role=main]"):
        found = soup.select_one(selector)
        if found is not None:
            return found
    return _densest_container(soup) or soup.body or soup


def _densest_container(soup: BeautifulSoup) -> Tag | None:
    """The element whose own paragraphs hold the most text."""
    best: tuple[int, Tag] | None = None
    for container in soup.find_all(["div", "section", "td"]):
        score = sum(len(p.get_text()) for p in container.find_all("p", recursive=False))
        if score and (best is None or score > best[0]):
            best = (score, container)
    return best[1] if best else None
