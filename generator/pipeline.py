"""The whole pipeline, Pelican-style: read everything, resolve everything, then write.

`load_archive` gathers content/ into one resolved `Archive` (readers → quotes →
verdicts → cross-reference checks); nothing is written until it has finished,
so a broken reference anywhere stops the build before any output changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator import checks, quotes, readers, registry, verdicts
from generator.contentfs import name_is_utf8
from generator.diagnostics import Diagnostics, Location, did_you_mean, display_path
from generator.model import Archive
from generator.pages import load_page
from generator.speakers import PeopleIndex


@dataclass(frozen=True)
class ContentPaths:
    """Where each kind of content lives under a project root (SPEC §2)."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def articles(self) -> Path:
        return self.content / "articles"

    @property
    def verdicts(self) -> Path:
        return self.content / "verdicts"

    @property
    def pages(self) -> Path:
        return self.content / "pages"

    @property
    def people(self) -> Path:
        return self.content / "people.yaml"

    @property
    def outlets(self) -> Path:
        return self.content / "outlets.yaml"

    @property
    def ratings(self) -> Path:
        return self.content / "ratings.yaml"


def load_archive(root: Path, diags: Diagnostics) -> Archive:
    """Read and cross-check all of content/; every problem goes to `diags`."""
    paths = ContentPaths(root)
    if not paths.content.is_dir():
        diags.error("no-content", "no content/ folder here; run from the project root", Location("content", 1, 1))
        return Archive()
    archive = Archive(
        people=registry.load_people(paths.people, root, diags),
        outlets=registry.load_outlets(paths.outlets, root, diags),
        ratings=registry.load_ratings(paths.ratings, root, diags),
    )
    archive.articles = _read_articles_with_quotes(paths, archive, diags)
    archive.verdicts = verdicts.load_verdicts(paths.verdicts, root, diags)
    archive.pages = load_pages(paths.pages, root, diags)
    checks.check_archive(archive, diags)
    return archive


def _read_articles_with_quotes(paths: ContentPaths, archive: Archive, diags: Diagnostics) -> dict:
    found = readers.read_articles(paths.articles, paths.root, archive.outlets, diags)
    people = PeopleIndex(archive.people)
    return {
        article_id: dataclasses.replace(article, quotes=quotes.extract_quotes(article, people, diags))
        for article_id, article in sorted(found.items())
    }


def load_pages(pages_dir: Path, root: Path, diags: Diagnostics) -> dict[str, str]:
    """Hand-written Markdown pages by name (generator/pages.py reads, names and checks each)."""
    pages: dict[str, str] = {}
    if not pages_dir.is_dir():
        return pages
    for file in sorted(pages_dir.iterdir()):
        if file.name.startswith(".") or not file.is_file():
            continue
        where = Location(display_path(file, root), 1, 1)
        if not name_is_utf8(file, where.path, diags):
            continue
        if file.suffix != ".md":
            diags.warning("page-not-markdown", "only .md files in content/pages/ become pages; ignored", where)
            continue
        if (page := load_page(file, where, diags)) is not None:
            pages[page[0]] = page[1]
    return pages


def write_verdict_template(
    root: Path, article_id: str, quote: str | None, today: dt.date, diags: Diagnostics
) -> Path | None:
    """`factcheck new verdict`: find the article, then let the scaffold write the template."""
    from generator import scaffold

    paths = ContentPaths(root)
    quiet = Diagnostics()  # Problems elsewhere in content/ are `check`'s business, not this command's.
    outlets = registry.load_outlets(paths.outlets, root, quiet)
    found = readers.read_articles(paths.articles, root, outlets, quiet)
    article = found.get(article_id)
    if article is None:
        hint = did_you_mean(article_id, found)
        where = Location("content/articles", 1, 1)
        diags.error("unknown-article", f"no article '{article_id}' in content/articles/{hint}", where)
        return None
    return scaffold.new_verdict(paths.verdicts, article, quote, today, diags)
