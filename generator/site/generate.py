"""generate_site: plan every output, place every anchor, then render each page from its template.

Planning first (Pelican's model) means a template only links to files that will
exist, collisions are reported once with the file that caused them, and nothing
is rendered for a page that cannot be written.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from generator.diagnostics import Diagnostics, Location
from generator.model import Archive, Block
from generator.site.catalog import Catalog
from generator.site.output import OutputFile, PageKind, SitePlan
from generator.site.pages import PAGE_TYPES
from generator.site.pagetype import Build, Page, PageType, SiteInfo

ANCHOR_OUT_OF_RANGE = "anchor-out-of-range"
PAGE_RENDER_FAILED = "page-render-failed"
WRITE_FAILED = "write-failed"


def plan_site(build: Build) -> list[tuple[PageType, OutputFile]]:
    """Every output of every page type, claimed in the one plan; then the anchors articles carry."""
    planned = []
    for page_type in PAGE_TYPES:
        for key, src_uri, source in page_type.plan(build):
            record = build.plan.add(page_type.kind, key, src_uri, source)
            if record is not None:
                planned.append((page_type, record))
    _plan_anchors(build)
    return planned


def generated_roots() -> frozenset[str]:
    """The first path segment of everything the plan writes besides hand-written pages.

    Taken from a real plan of an empty archive (listings and files) plus the folder of
    every kind of entity page, so `check` refuses a page name that one of them would
    shadow, whatever the page types come to write.
    """
    quiet = Diagnostics()
    site = SiteInfo("", "https://x.invalid/", ("en",))
    build = Build(Archive(), Catalog(Archive()), SitePlan(quiet), site, quiet)
    paths = [record.src_uri for _type, record in plan_site(build) if record.kind is not PageKind.PAGE]
    # An empty archive plans no entity page: their folders come from the page types themselves.
    paths += [f"{page_type.folder}/key.md" for page_type in PAGE_TYPES if page_type.folder]
    return frozenset(path.split("/")[0] for path in paths)


def _plan_anchors(build: Build) -> None:
    """Record where each anchor will sit on its article page; positions outside the text are dropped."""
    archive, plan = build.archive, build.plan
    for aid in sorted(archive.articles):
        article = archive.articles[aid]
        if plan.get_article(aid) is None:
            continue
        for quote in sorted(article.quotes, key=lambda q: q.number):
            if _in_text(article.blocks, quote.block, quote.start):
                plan.add_anchor(aid, quote.anchor, quote.block, quote.start)
            else:
                message = f"quote {quote.anchor} lies outside the article text"
                build.diags.warning(ANCHOR_OUT_OF_RANGE, message, article.location)
    for (vid, section, index), anchor in sorted(archive.citation_anchors.items()):
        verdict = archive.verdicts.get(vid)
        cited = archive.articles.get(anchor.article_id)
        if verdict is None or cited is None or plan.get_article(anchor.article_id) is None:
            continue
        citations = verdict.appearances if section == "appearances" else verdict.evidence
        citation = citations[index] if 0 <= index < len(citations) else None
        where = (citation.quote_location or citation.location) if citation else verdict.location
        placed = _in_text(cited.blocks, anchor.block, anchor.start) and plan.add_anchor(
            anchor.article_id, anchor.anchor, anchor.block, anchor.start
        )
        if not placed:
            message = f"cannot place anchor {anchor.anchor!r} in article '{anchor.article_id}'"
            build.diags.warning(ANCHOR_OUT_OF_RANGE, message, where)


def _in_text(blocks: tuple[Block, ...], block: int, offset: int) -> bool:
    return 0 <= block < len(blocks) and 0 <= offset <= len(blocks[block].text)


def generate_site(
    archive: Archive,
    out_dir: Path,
    diags: Diagnostics,
    site: SiteInfo,
    language: str = "",
    others: Mapping[str, Path] | None = None,
) -> None:
    """Write `language`'s docs tree (the source language's by default) into out_dir, and each of
    `others` (language -> folder).

    The plan is made once: every language has the same pages at the same paths. A problem
    found while rendering is reported once, however many languages meet it.
    """
    build = Build(archive, Catalog(archive), SitePlan(diags), site, diags)
    planned = plan_site(build)
    _render_all(build, planned, language or site.languages[0], out_dir, diags)
    for language, folder in sorted((others or {}).items()):
        seen = {d.format() for d in diags}
        quiet = Diagnostics()
        _render_all(Build(archive, build.catalog, build.plan, site, quiet), planned, language, folder, quiet)
        diags.extend(problem for problem in quiet if problem.format() not in seen)


def _render_all(
    build: Build, planned: list[tuple[PageType, OutputFile]], language: str, out_dir: Path, diags: Diagnostics
) -> None:
    for page_type, record in planned:
        try:
            text = page_type.render(Page(build, record, language))
        except Exception as exc:  # a bug must not hide every other page's problems
            message = f"cannot render {record.src_uri}: {type(exc).__name__}"
            diags.error(PAGE_RENDER_FAILED, message, record.source or Location(record.src_uri))
            continue
        _write(out_dir, record, text, diags)


def _write(out_dir: Path, record: OutputFile, text: str | bytes, diags: Diagnostics) -> None:
    target = out_dir / record.src_uri
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        where = record.source or Location(record.src_uri)
        diags.error(WRITE_FAILED, f"cannot write {record.src_uri!r}: {exc.strerror}", where)
