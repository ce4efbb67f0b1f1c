"""One build per UI language: what each language's MkDocs config and pages get."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostics, Location
from generator.languages import docs_dir, localise, root_path
from generator.model import Rating
from generator.registry import load_ratings
from generator.site.pagetype import SiteInfo

SITE = SiteInfo("Archive", "https://fc.example/", ("en", "uk"))


def _config() -> dict[str, Any]:
    return {
        "site_url": "https://fc.example/",
        "theme": {"language": "en"},
        "nav": [{"Home": "index.md"}, {"Verdicts": "verdicts/index.md"}],
        "extra": {"alternate": [{"name": "English", "link": "./", "lang": "en"},
                                {"name": "Українська", "link": "uk/", "lang": "uk"}]},
    }


def test_each_language_has_its_root_and_docs_folder() -> None:
    assert (root_path("en", SITE), root_path("uk", SITE)) == ("", "uk/")
    assert (docs_dir("en", SITE), docs_dir("uk", SITE)) == (Path("build/docs"), Path("build/docs-uk"))
    assert SITE.language_root("uk") == "https://fc.example/uk/"


def test_the_ukrainian_build_gets_its_language_url_nav_and_switch() -> None:
    config = _config()
    localise(config, "uk", SITE)
    assert config["site_url"] == "https://fc.example/uk/"
    assert config["theme"]["language"] == "uk"
    assert config["nav"] == [{"Головна": "index.md"}, {"Вердикти": "verdicts/index.md"}]
    links = {alt["lang"]: (alt["link"], alt["url"]) for alt in config["extra"]["alternate"]}
    assert links == {"en": ("../", "https://fc.example/"), "uk": ("", "https://fc.example/uk/")}


def test_the_source_build_links_down_to_the_other_language() -> None:
    config = _config()
    localise(config, "en", SITE)
    links = {alt["lang"]: alt["link"] for alt in config["extra"]["alternate"]}
    assert links == {"en": "", "uk": "uk/"}
    assert config["nav"][0] == {"Home": "index.md"}


def test_rating_labels_per_language_fall_back_to_the_source() -> None:
    rating = Rating("false", "False", Location("r.yaml"), 1, "Wrong.", translations=(("uk", "Неправда", ""),))
    assert rating.label_in("uk") == "Неправда" and rating.label_in("de") == "False"
    assert rating.description_in("uk") == "Wrong."  # no Ukrainian description: the source one


def test_rating_translations_are_checked(tmp_path: Path) -> None:
    file = tmp_path / "ratings.yaml"
    file.write_text('"false":\n  label: "False"\n  value: 1\n  translations:\n    "u k": {label: x}\n', "utf-8")
    diags = Diagnostics()
    load_ratings(file, tmp_path, diags)
    assert [d.location.line for d in diags.errors] == [5], [d.format() for d in diags]
