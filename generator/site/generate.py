"""generate_site: plan every output path and link target, then render, then write.

Planning first (Pelican's model) means a renderer only links to pages that
will exist, collisions are reported once with the file that caused them, and
nothing is rendered for a page that cannot be written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostics, Location
from generator.model import Archive, Block
from generator.pages import hand_written_page
from generator.site import feeds, listings
from generator.site.article_page import render_article
from generator.site.assets import STYLESHEET_PATH, stylesheet
from generator.site.catalog import Catalog
from generator.site.context import DEFAULT_SITE_NAME, DEFAULT_SITE_URL, SiteContext
from generator.site.exports import exports
from generator.site.people_page import render_outlet, render_person
from generator.site.urls import KIND_DIRS, EntityKind, LinkIndex, PageKind, entity_path
from generator.site.verdict_page import render_verdict
from generator.site.writer import SiteWriter

ANCHOR_OUT_OF_RANGE = "anchor-out-of-range"
MISSING_PAGE = "missing-page"
PAGE_RENDER_FAILED = "page-render-failed"
PAGES_DIR = "content/pages"
# Hand-written pages the nav in mkdocs.yml names; a stub stands in for a missing one.
NAV_PAGES = {
    "about.md": "About",
    "methodology.md": "Methodology",
    "rating-scale.md": "Rating scale",
    "corrections.md": "Corrections",
    "submit.md": "Submit a claim",
}
LISTINGS: dict[str, tuple[str, Callable[[SiteContext, str], str]]] = {
    "home": ("index.md", listings.render_home),
    "verdicts": ("verdicts/index.md", listings.render_verdicts),
    "ratings": ("ratings/index.md", listings.render_ratings_index),
    "topics": ("topics/index.md", listings.render_topics_index),
    "outlets": ("outlets/index.md", listings.render_outlets_index),
    "people": ("people/index.md", listings.render_people_index),
    "articles": ("articles/index.md", listings.render_articles_index),
    "dates": ("dates/index.md", listings.render_dates_index),
    "quotes": ("quotes/index.md", listings.render_quotes_index),
}


@dataclass(frozen=True)
class PlannedFile:
    path: str
    render: Callable[[], str]
    source: Location | None = None


class _Planner:
    def __init__(self, ctx: SiteContext, writer: SiteWriter) -> None:
        self.ctx = ctx
        self.writer = writer
        self.files: list[PlannedFile] = []

    def page(
        self, kind: PageKind, key: str, path: str, render: Callable[[str], str], source: Location | None
    ) -> None:
        if self.writer.reserve(path, source):
            self.ctx.links.pages[(kind, key)] = path
            self.files.append(PlannedFile(path, lambda: render(path), source))

    def static(self, path: str, render: Callable[[], str]) -> None:
        if self.writer.reserve(path):
            self.ctx.static_paths.add(path)
            self.files.append(PlannedFile(path, render))


def _plan_entities(planner: _Planner) -> None:
    ctx, archive = planner.ctx, planner.ctx.archive
    entities: list[tuple[EntityKind, Mapping[str, Any], Callable[..., str]]] = [
        ("verdict", archive.verdicts, render_verdict),
        ("article", archive.articles, render_article),
        ("person", archive.people, render_person),
        ("outlet", archive.outlets, render_outlet),
    ]
    for kind, items, render in entities:
        for key in sorted(items):
            item = items[key]
            planner.page(kind, key, entity_path(kind, key), partial(render, ctx, item), item.location)
    for rating in archive.ratings.ratings:
        render_rating = partial(listings.render_rating, ctx, rating.key)
        planner.page("rating", rating.key, entity_path("rating", rating.key), render_rating, rating.location)
    for slug, topic in ctx.catalog.topics.items():
        source = topic.verdicts[0].location if topic.verdicts else None
        planner.page("topic", slug, entity_path("topic", slug), partial(listings.render_topic, ctx, slug), source)
    for key, month in ctx.catalog.months.items():
        planner.page("month", key, entity_path("month", key), partial(listings.render_month, ctx, key), None)
        if month.quotes:
            render_quotes = partial(listings.render_quotes_month, ctx, key)
            planner.page("quotes-month", key, entity_path("quotes-month", key), render_quotes, None)


def _plan_static(planner: _Planner) -> None:
    ctx = planner.ctx
    planner.static(STYLESHEET_PATH, lambda: stylesheet(ctx.archive.ratings, ctx.diags))
    planner.static("feed.xml", lambda: feeds.rss_feed(ctx))
    planner.static("atom.xml", lambda: feeds.atom_feed(ctx))
    # Exports are rendered together (they share records); each file is reserved on its own.
    cache: dict[str, str] = {}

    def export(name: str) -> str:
        if not cache:
            cache.update(exports(ctx))
        return cache[name]

    for name in ("claimreview.json", "verdicts.json", "verdicts.csv", "quotes.json", "quotes.csv"):
        planner.static(name, partial(export, name))


def _plan_hand_written(planner: _Planner) -> None:
    planned: set[str] = set()
    for name in sorted(planner.ctx.archive.pages):
        path = name if name.endswith(".md") else f"{name}.md"
        text = planner.ctx.archive.pages[name]
        render = partial(_hand_written, text, path.removesuffix(".md"))
        # `about` and `about.md` both claim about.md: the writer reports the second.
        planner.page("page", path, path, render, Location(f"{PAGES_DIR}/{path}"))
        planned.add(path)
    for path, title in NAV_PAGES.items():
        if path in planned:
            continue
        planner.ctx.diags.warning(
            MISSING_PAGE,
            f"the site navigation links to '{path}' but {PAGES_DIR}/{path} does not exist; a placeholder is used",
            Location(f"{PAGES_DIR}/{path}"),
        )
        stub = f"# {title}\n\nThis page has not been written yet.\n"
        planner.page("page", path, path, partial(_hand_written, stub, path.removesuffix(".md")), None)


def _hand_written(text: str, name: str, _path: str) -> str:
    """A hand-written page behind the generator's own front matter (generator/pages.py)."""
    return hand_written_page(text, name)


def generated_roots() -> frozenset[str]:
    """The first path segment of everything the plan writes besides hand-written pages.

    Taken from a real plan (of an empty archive: listings and static files) plus
    the folder of every kind of entity, so `check` refuses a page name that one
    of them would shadow, whatever the planner comes to write.
    """
    ctx = SiteContext(Archive(), Catalog(Archive()), LinkIndex(), Diagnostics(), DEFAULT_SITE_URL, DEFAULT_SITE_NAME)
    plan_site(ctx, SiteWriter(Path("plan"), Diagnostics()))
    paths = [path for (kind, _key), path in ctx.links.pages.items() if kind != "page"]
    paths += [*ctx.static_paths, *(entity_path(kind, "key") for kind in KIND_DIRS)]
    return frozenset(path.split("/")[0] for path in paths)


def _plan_anchors(ctx: SiteContext) -> None:
    """Record where each anchor will sit on its article page; positions outside the text are dropped."""
    for aid in sorted(ctx.archive.articles):
        article = ctx.archive.articles[aid]
        if ctx.links.path("article", aid) is None:
            continue
        for quote in sorted(article.quotes, key=lambda q: q.number):
            if _in_text(article.blocks, quote.block, quote.start):
                ctx.links.add_anchor(aid, quote.anchor, quote.block, quote.start)
            else:
                message = f"quote {quote.anchor} lies outside the article text"
                ctx.diags.warning(ANCHOR_OUT_OF_RANGE, message, article.location)
    for (vid, section, index), anchor in sorted(ctx.archive.citation_anchors.items()):
        verdict = ctx.archive.verdicts.get(vid)
        cited = ctx.archive.articles.get(anchor.article_id)
        if verdict is None or cited is None or ctx.links.path("article", anchor.article_id) is None:
            continue
        citations = verdict.appearances if section == "appearances" else verdict.evidence
        citation = citations[index] if 0 <= index < len(citations) else None
        where = (citation.quote_location or citation.location) if citation else verdict.location
        placed = _in_text(cited.blocks, anchor.block, anchor.start) and ctx.links.add_anchor(
            anchor.article_id, anchor.anchor, anchor.block, anchor.start
        )
        if not placed:
            message = f"cannot place anchor {anchor.anchor!r} in article '{anchor.article_id}'"
            ctx.diags.warning(ANCHOR_OUT_OF_RANGE, message, where)


def _in_text(blocks: tuple[Block, ...], block: int, offset: int) -> bool:
    return 0 <= block < len(blocks) and 0 <= offset <= len(blocks[block].text)


def plan_site(ctx: SiteContext, writer: SiteWriter) -> list[PlannedFile]:
    planner = _Planner(ctx, writer)
    # Order decides who keeps a contested path: listings, then generated files, then hand-written pages.
    for key, (path, render) in LISTINGS.items():
        planner.page("listing", key, path, partial(render, ctx), None)
    _plan_static(planner)
    _plan_entities(planner)
    _plan_hand_written(planner)
    _plan_anchors(ctx)
    return planner.files


def generate_site(
    archive: Archive,
    out_dir: Path,
    diags: Diagnostics,
    site_url: str = DEFAULT_SITE_URL,
    site_name: str = DEFAULT_SITE_NAME,
) -> None:
    """Write the docs tree for MkDocs (pages, stylesheet, feeds, exports) into out_dir."""
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    ctx = SiteContext(archive, Catalog(archive), LinkIndex(), diags, site_url, site_name)
    writer = SiteWriter(out_dir, diags)
    for planned in plan_site(ctx, writer):
        try:
            text = planned.render()
        except Exception as exc:  # a bug must not hide every other page's problems
            diags.error(
                PAGE_RENDER_FAILED,
                f"cannot render {planned.path}: {type(exc).__name__}: {exc}",
                planned.source or Location(planned.path),
            )
            continue
        writer.write(planned.path, text, planned.source)
