"""One MkDocs build per UI language, from the one mkdocs.yml.

The source language is built at the site root, every other language of
`extra.alternate` at `<lang>/` with the same paths, so a page's other-language
version is always `<that language's root><the page's URL>`. Each build gets the
theme's language, its own `site_url`, the nav titles from its catalog, and
`extra.alternate` links relative to its own root (the language switch and the
`hreflang` links in overrides/ add the page's URL to them).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from generator.site.pagetype import SiteInfo
from generator.site.templating import N_, translations

DOCS_DIR = Path("build/docs")
# Titles of the nav in mkdocs.yml, so `make messages` puts them in the catalog
# (tests/test_catalogs.py checks this list against mkdocs.yml).
NAV_TITLES = (
    N_("Home"), N_("Verdicts"), N_("By rating"), N_("Topics"), N_("Outlets"), N_("People"), N_("Articles"),
    N_("By date"), N_("Quotes"), N_("About"), N_("Methodology"), N_("Rating scale"), N_("Corrections"),
    N_("Submit a claim"),
)  # fmt: skip


def docs_dir(language: str, site: SiteInfo) -> Path:
    """build/docs for the source language, build/docs-<lang> for the others (outside MkDocs' docs_dir)."""
    return DOCS_DIR if language == site.languages[0] else DOCS_DIR.with_name(f"docs-{language}")


def root_path(language: str, site: SiteInfo) -> str:
    """A language's root relative to the site root: '' for the source language, '<lang>/' otherwise."""
    return "" if language == site.languages[0] else f"{language}/"


def _translated_nav(nav: Any, language: str) -> Any:
    gettext = translations(language).gettext
    if isinstance(nav, list):
        return [_translated_nav(item, language) for item in nav]
    if isinstance(nav, dict):
        return {gettext(title): _translated_nav(value, language) for title, value in nav.items()}
    return nav


def localise(config: Any, language: str, site: SiteInfo) -> None:
    """Turn the loaded source-language MkDocs config into the config of `language`'s build."""
    config["site_url"] = site.language_root(language)
    config["theme"]["language"] = language
    # Only Material's language: MkDocs' own `locale` would look for MkDocs-theme catalogs Material lacks.
    if config.get("nav"):
        config["nav"] = _translated_nav(config["nav"], language)
    here = root_path(language, site) or "."
    alternates = []
    for entry in config["extra"].get("alternate") or []:
        other = entry.get("lang", site.languages[0])
        relative = posixpath.relpath(root_path(other, site) or ".", here).rstrip("/") + "/"
        alternates.append({**entry, "link": "" if relative == "./" else relative, "url": site.language_root(other)})
    config["extra"]["alternate"] = alternates
