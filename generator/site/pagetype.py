"""A page family end to end: its kind, its URL scheme, what it plans, how it renders.

Pelican's "one generator class owns a page family": each `PageType` subclass
plans its outputs into the one `SitePlan` (so every link target is known before
anything renders) and renders each of them from a template. Adding a page type
is one class here (in `generator/site/pages/`) plus one template.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from markupsafe import Markup

from generator.diagnostics import Diagnostics, Location
from generator.model import Archive
from generator.site.catalog import Catalog
from generator.site.output import OutputFile, PageKind, SitePlan
from generator.site.templating import render, translations


@dataclass(frozen=True)
class SiteInfo:
    """What every page needs to know about the site: from mkdocs.yml, never hard-coded."""

    name: str
    url: str  # absolute, ending in "/": the root of the source-language site
    languages: tuple[str, ...]  # the first is the source language, served at the root

    def language_root(self, language: str) -> str:
        return self.url if language == self.languages[0] else f"{self.url}{language}/"


@dataclass
class Build:
    """One build: the archive, its derived indexes, the plan, and where problems go."""

    archive: Archive
    catalog: Catalog
    plan: SitePlan
    site: SiteInfo
    diags: Diagnostics


@dataclass(frozen=True)
class Page:
    """One output being rendered in one language: links are relative to it."""

    build: Build
    file: OutputFile
    language: str

    def link(self, kind: PageKind, key: str, anchor: str | None = None) -> str | None:
        return self.build.plan.link(self.file, kind, key, anchor)

    def link_file(self, src_uri: str) -> str | None:
        target = self.build.plan.by_path.get(src_uri.casefold())
        return target.url_relative_to(self.file) if target else None

    def absolute(self, file: OutputFile | None = None) -> str:
        return self.build.site.language_root(self.language) + (file or self.file).url

    def gettext(self, message: str) -> str:
        return translations(self.language).gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return translations(self.language).ngettext(singular, plural, count)


class PageType(ABC):
    """A page family. Subclasses set `kind` and `template` and implement `plan` and `context`."""

    kind: ClassVar[PageKind]
    template: ClassVar[str]
    # Planning order decides who keeps a contested path: listings 10, files 20, entity pages 30,
    # hand-written pages 40. A class that only shares code with a family says `family_base = True`.
    order: ClassVar[int] = 30
    # The docs folder an entity family's pages live in (`verdicts` → verdicts/<key>.md); empty for
    # families at fixed paths. `check` reserves these names for hand-written pages.
    folder: ClassVar[str] = ""

    @abstractmethod
    def plan(self, build: Build) -> Iterable[tuple[str, str, Location | None]]:
        """(key, docs path, content source) of every page of this family."""

    @abstractmethod
    def context(self, page: Page) -> dict[str, Any]:
        """What the template shows for one page (values are escaped by the template)."""

    def render(self, page: Page) -> str | bytes:
        return render(page.language, self.template, page=page, **self.context(page))


def link_or_text(href: str | None, text: object, css: str | None = None) -> Markup:
    """An <a> to a planned page, or the bare text when the page does not exist."""
    from generator.site.templating import escape_text

    label = escape_text(text)
    if href is None:
        return label
    klass = Markup(' class="{}"').format(css) if css else Markup("")
    return Markup('<a href="{}"{}>{}</a>').format(escape_text(href), klass, label)
