"""mkdocs.yml and the theme overrides: small nav, strict validation, safe templates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from site_build import MKDOCS_YML, ROOT
from site_golden import generate_sample

from generator.diagnostics import Diagnostics
from generator.model import Archive
from generator.site.catalog import Catalog
from generator.site.generate import plan_site
from generator.site.output import PageKind, SitePlan
from generator.site.pages.handwritten import NAV_PAGES
from generator.site.pagetype import Build, SiteInfo


def listing_paths() -> list[str]:
    """The listing pages the plan writes, in planning order (the order the nav shows them)."""
    diags = Diagnostics()
    build = Build(Archive(), Catalog(Archive()), SitePlan(diags), SiteInfo("", "https://x.invalid/", ("en",)), diags)
    return [record.src_uri for _type, record in plan_site(build) if record.kind is PageKind.LISTING]


def nav_targets(nav: list[Any]) -> list[str]:
    targets: list[str] = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        targets += nav_targets(value) if isinstance(value, list) else [value]
    return targets


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Any:
    docs = tmp_path_factory.mktemp("docs")
    return load_config(str(MKDOCS_YML), docs_dir=str(docs))


def test_nav_names_listings_and_hand_written_pages_only(config: Any) -> None:
    targets = nav_targets(config["nav"])
    listings = listing_paths()
    # Every listing and hand-written page once, home first; the order within is the nav's own.
    assert sorted(targets) == sorted(listings + list(NAV_PAGES)) and len(set(targets)) == len(targets)
    assert targets[0] == "index.md"
    assert len(targets) <= 15
    assert all(t.count("/") == 0 or t.endswith("/index.md") for t in targets)


def test_every_nav_target_is_generated(tmp_path: Path, config: Any) -> None:
    generate_sample(tmp_path)
    assert [t for t in nav_targets(config["nav"]) if not (tmp_path / t).is_file()] == []


def test_strict_link_validation_is_configured(config: Any) -> None:
    links = config["validation"]["links"]
    assert (links["not_found"], links["anchors"], links["unrecognized_links"]) == (30, 30, 30)  # logging.WARNING
    assert config["validation"]["nav"]["not_found"] == 30


def test_site_settings_the_generator_relies_on() -> None:
    raw = MKDOCS_YML.read_text(encoding="utf-8")
    assert "\ndocs_dir: build/docs\n" in raw
    assert "\nuse_directory_urls: true\n" in raw  # JSON-LD and feed URLs are directory URLs
    assert "  - assets/factcheck.css\n" in raw


def test_only_the_search_plugin(config: Any) -> None:
    assert sorted(config["plugins"].keys()) == ["material/search"]
    assert config["theme"].dirs[0] == str(ROOT / "overrides")


def test_theme_override_escapes_the_title_and_embeds_json_ld_safely() -> None:
    template = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert "{{ page.title | striptags | e }}" in template
    assert "{{ page.meta.jsonld | tojson }}" in template
    assert "{% if page and page.meta and page.meta.jsonld %}" in template
    assert "{{ page.meta.description | e }}" in template and "{{ page.meta.author | e }}" in template
