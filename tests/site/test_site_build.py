"""The generated tree through the real `mkdocs build --strict`, then the HTML read back.

Checks what only the built site shows: one ClaimReview per verdict page that
says what the page says, links that work both ways down to the quote anchor,
and no script or event handler other than the theme's own.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from site_build import mkdocs_build
from site_golden import generate_sample
from site_sample import PAGES, SITE

from generator.diagnostics import Diagnostics
from generator.model import Archive
from generator.site import generate_site

pytestmark = pytest.mark.slow
BASE = "https://site.invalid/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("build")
    assert [d.format() for d in generate_sample(work / "docs")] == []
    site_dir, result = mkdocs_build(work / "docs", work)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site_dir


def soup(site: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site / url_path / "index.html").read_text(encoding="utf-8"), "lxml")


def resolve(site: Path, page: str, href: str) -> tuple[Path, str]:
    """The built file and fragment a link on the page at `page` (a URL path) leads to."""
    target = urlsplit(urljoin(BASE + page, href))
    path = unquote(target.path).lstrip("/")
    return site / path / "index.html" if not path or path.endswith("/") else site / path, target.fragment


def links(page_soup: BeautifulSoup, pattern: str) -> list[str]:
    return [a["href"] for a in page_soup.select("article a[href]") if re.search(pattern, a["href"])]


def has_id(file: Path, fragment: str) -> bool:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "lxml").find(id=fragment) is not None


def points_to(site: Path, page: str, href: str, url_path: str) -> bool:
    return resolve(site, page, href)[0] == site / url_path / "index.html"


def claim_in(headline: object) -> str:
    """The claim a verdict page's H1 quotes, without its "Claim" label, quotation marks and permalink."""
    text = headline.get_text().rstrip("¶")  # type: ignore[attr-defined]
    label = headline.select_one(".fc-kicker")  # type: ignore[attr-defined]
    assert label is not None and text.startswith(label.get_text() + " “") and text.endswith("”"), text
    return text[len(label.get_text()) + 2 : -1]


VERDICTS = ["verdicts/putin-2001-nato/", "verdicts/putin-russia-ally/", "verdicts/viral-post/"]


@pytest.mark.parametrize("page", VERDICTS)
def test_one_claim_review_saying_what_the_page_says(site: Path, page: str) -> None:
    html = soup(site, page)
    blocks = html.find_all("script", type="application/ld+json")
    assert len(blocks) == 1
    review = json.loads(blocks[0].string)
    assert review["@type"] == "ClaimReview"
    assert review["url"] == "https://factcheck.example.org/" + page
    headline = html.select_one("article h1")
    assert claim_in(headline) == review["claimReviewed"]
    assert html.select_one("article span.rating").get_text() == review["reviewRating"]["alternateName"]
    summary = html.find("h2", id="what-we-found").find_next_sibling("div", class_="fc-summary")
    assert summary.get_text().strip() == review["reviewBody"]


@pytest.mark.parametrize("page", VERDICTS)
def test_verdict_quotes_lead_to_anchors_and_articles_link_back(site: Path, page: str) -> None:
    quoted = links(soup(site, page), r"articles/[^/]+/#")
    assert quoted, "a verdict with quoted appearances or evidence links to anchors"
    for href in quoted:
        file, fragment = resolve(site, page, href)
        assert has_id(file, fragment), href
        article_page = file.parent.relative_to(site).as_posix() + "/"
        back = links(soup(site, article_page), "verdicts/")
        assert any(points_to(site, article_page, b, page) for b in back), f"{article_page} does not link {page}"


def test_person_quotes_lead_to_anchors_and_articles_link_back(site: Path) -> None:
    quoted = links(soup(site, "people/putin/"), r"articles/[^/]+/#q-")
    assert len(quoted) == 4
    for href in quoted:
        file, fragment = resolve(site, "people/putin/", href)
        assert has_id(file, fragment), href
        article_page = file.parent.relative_to(site).as_posix() + "/"
        back = links(soup(site, article_page), "people/")
        assert any(points_to(site, article_page, b, "people/putin/") for b in back)


def test_cyrillic_topic_page_is_reachable(site: Path) -> None:
    link = next(a for a in soup(site, VERDICTS[0]).select("article a[href]") if a.get_text() == "україна")
    file, _ = resolve(site, VERDICTS[0], link["href"])
    assert file == site / "topics" / "україна" / "index.html"
    assert file.is_file()


def _script_signature(script: object) -> tuple[str, str]:
    src = script.get("src")  # type: ignore[attr-defined]
    if src:
        return ("src", src.rsplit("/", 1)[-1])
    # Theme scripts differ between pages only in the relative path to the site root.
    text = re.sub(r'"(?:(?:\.\./)*\.\.?|/)"', '"."', script.string or "")  # type: ignore[attr-defined]
    text = re.sub(r'"(?:\.\./|\./|/)+(?=assets/)', '"', text)
    return (script.get("type") or "", text)  # type: ignore[attr-defined]


def test_no_script_or_handler_beyond_the_theme_and_json_ld(site: Path) -> None:
    theme = {_script_signature(s) for s in soup(site, "about/").find_all("script")}
    for file in sorted(site.rglob("*.html")):
        html = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        for script in html.find_all("script"):
            if script.get("type") == "application/ld+json":
                assert file.parent.parent.name == "verdicts", file
                continue
            assert _script_signature(script) in theme, (file, str(script)[:200])
        for element in html.find_all(True):
            assert not [a for a in element.attrs if a.lower().startswith("on")], (file, element.name)
            for attr in ("href", "src", "action"):
                assert not str(element.get(attr, "")).strip().lower().startswith(("javascript:", "data:")), file


def test_hostile_titles_stay_text(site: Path) -> None:
    html = soup(site, "articles/ukrmedia-7356/")
    assert html.title.string.startswith("<script>alert('title')</script> In 2001")
    assert html.select_one("article h1").find("script") is None
    assert not html.select("article script, article img, article b, article i")
    quoted = "# not a heading <b>not bold</b> & {{ config.site_name }} {% include 'x' %}"
    assert html.select_one("article blockquote").get_text().strip() == quoted
    viral = soup(site, "verdicts/viral-post/")
    claim = "Putin </script><script>alert(1)</script> said {{ config.site_name }} | NATO"
    assert viral.title.string == f"Claim “{claim}” - Fact-check archive"  # the page's H1 is MkDocs' title
    assert claim_in(viral.select_one("article h1")) == claim  # template syntax is not evaluated


def test_an_empty_archive_builds(tmp_path: Path) -> None:
    diags = Diagnostics()
    generate_site(Archive(pages=dict(PAGES)), tmp_path / "docs", diags, SITE)
    assert [d.format() for d in diags] == []
    _, result = mkdocs_build(tmp_path / "docs", tmp_path)
    assert result.returncode == 0, result.stderr
