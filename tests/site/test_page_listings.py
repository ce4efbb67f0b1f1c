"""The listings through the page-type layer: where they are, what they count, where they link."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from html import unescape
from pathlib import Path

from page_check import SITE, broken_links, family_pages, generate, html_of, scan, ukrainian_catalog
from site_sample import loc, sample_archive

from generator.diagnostics import Diagnostics
from generator.model import Archive, Verdict
from generator.site.catalog import Catalog
from generator.site.generate import plan_site
from generator.site.output import PageKind, SitePlan
from generator.site.pages.listings import HomeListing
from generator.site.pagetype import Build, Page

LISTINGS = {
    "home": "index.md",
    "verdicts": "verdicts/index.md",
    "ratings": "ratings/index.md",
    "topics": "topics/index.md",
    "outlets": "outlets/index.md",
    "people": "people/index.md",
    "articles": "articles/index.md",
    "dates": "dates/index.md",
    "quotes": "quotes/index.md",
}


INLINE_BLOCK = re.compile(r"<p>(?:(?!</p>).)*<(table|thead|tbody|tr|ul|ol|li|dl|div|section)\b", re.S)


def with_verdicts(archive: Archive, count: int) -> Archive:
    """The sample with `count` more verdicts, copies of one, each published on its own day."""
    base = archive.verdicts["putin-russia-ally"]
    extra = {
        f"copy-{n}": dataclasses.replace(
            base, id=f"copy-{n}", location=loc(f"content/verdicts/copy-{n}.yaml"), published=dt.date(2024, 1, n + 1)
        )
        for n in range(count)
    }
    return dataclasses.replace(archive, verdicts={**archive.verdicts, **extra})


def only_verdicts(archive: Archive, keep: list[Verdict]) -> Archive:
    return dataclasses.replace(archive, verdicts={v.id: v for v in keep})


def rows(out: Path, page: str) -> list[list[str]]:
    """The visible text of each body row of the page's tables, cell by cell."""
    html = (out / page).read_text(encoding="utf-8")
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", html):
        if "<td" in row:
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
            found.append([scan_text(cell) for cell in cells])
    return found


def scan_text(fragment: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", fragment))


def test_every_listing_is_planned_at_its_path_as_a_listing() -> None:
    archive = sample_archive()
    build = Build(archive, Catalog(archive), SitePlan(Diagnostics()), SITE, Diagnostics())
    plan_site(build)
    planned = {f.key: f.src_uri for f in build.plan.files() if f.kind is PageKind.LISTING}
    assert planned == LISTINGS


def test_every_relative_link_on_a_listing_reaches_a_generated_file(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    pages = [p for p in family_pages(tmp_path) if p.endswith("index.md")]
    assert sorted(pages) == sorted(LISTINGS.values())
    hrefs = [href for page in pages for href in scan(tmp_path, page).hrefs]
    assert len(hrefs) > 40  # the check below has links to check
    assert broken_links(tmp_path, pages) == []


def test_a_link_that_leads_nowhere_is_caught(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    page = tmp_path / "topics/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace('href="nato/"', 'href="nato-gone/"'), encoding="utf-8")
    assert broken_links(tmp_path, ["topics/index.md"]) == [("topics/index.md", "nato-gone/")]


def test_home_counts_verdicts_with_plural_forms_and_links_the_listings(tmp_path: Path) -> None:
    archive = sample_archive()
    generate(only_verdicts(archive, [archive.verdicts["viral-post"]]), tmp_path / "one")
    assert "\n1 verdict on claims, with every quote" in (tmp_path / "one/index.md").read_text(encoding="utf-8")
    generate(archive, tmp_path / "three")
    home = scan(tmp_path / "three", "index.md")
    assert "3 verdicts on claims, with every quote" in home.visible
    assert {"verdicts/", "ratings/", "topics/"} <= set(home.hrefs)
    assert len(rows(tmp_path / "three", "index.md")) == 3


def test_home_shows_the_latest_twenty_newest_first(tmp_path: Path) -> None:
    generate(with_verdicts(sample_archive(), 30), tmp_path)
    latest = rows(tmp_path, "index.md")
    assert len(latest) == 20
    assert "33 verdicts on claims" in scan(tmp_path, "index.md").visible
    assert latest[0][0].startswith("In 2001 Putin told Bush")  # published 2026-01-10, the newest
    assert len(rows(tmp_path, "verdicts/index.md")) == 33


def _home(plan_files: list[str]) -> str:
    archive = sample_archive()
    diags = Diagnostics()
    build = Build(archive, Catalog(archive), SitePlan(diags), SITE, diags)
    home = build.plan.add(PageKind.LISTING, "home", "index.md")
    for name in plan_files:
        build.plan.add(PageKind.FILE, name, name)
    assert home is not None
    return str(HomeListing().render(Page(build, home, "en")))


def test_home_offers_the_feeds_and_exports_the_plan_holds_and_no_others() -> None:
    offered = _home(["feed.xml", "verdicts.csv"])
    assert "## Subscribe and download" in offered
    assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', offered) == [
        ("feed&#46;xml", "RSS"),
        ("verdicts&#46;csv", "verdicts CSV"),
    ]
    assert "Subscribe and download" not in _home([])


def test_rating_scale_listing_shows_each_badge_meaning_and_count(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    table = rows(tmp_path, "ratings/index.md")
    assert table == [
        ["False", "1", "Rated false.", "1"],
        ["Mostly false", "2", "Rated mostly false.", "0"],
        ["Misleading", "3", "Rated misleading.", "1"],
        ["Half true", "4", "Rated half true.", "0"],
        ["Mostly true", "5", "Rated mostly true.", "0"],
        ["True", "6", "Rated true.", "0"],
        ["Unproven", "not on the scale", "Rated unproven.", "1"],
    ]
    html = (tmp_path / "ratings/index.md").read_text(encoding="utf-8")
    assert '<a href="false/"><span class="rating rating-false">False</span></a>' in html
    assert "<p>Rated <em>misleading</em>.</p>" in html  # the description is contributor Markdown


def test_outlets_people_and_topics_listings_count_what_each_has(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    assert rows(tmp_path, "outlets/index.md") == [["European Pravda", "1", "0", "2"], ["ukrmedia.news", "1", "1", "1"]]
    outlets = scan(tmp_path, "outlets/index.md").visible
    assert "Outlet unknown: 1 archived article." in outlets
    assert rows(tmp_path, "people/index.md") == [
        ["George W. Bush", "President of the USA", "0", "0"],
        ["Jane *Smith* <i>", "Analyst | expert", "0", "0"],
        ["Vladimir Putin", "President of Russia", "4", "1"],
    ]
    assert rows(tmp_path, "topics/index.md") == [["NATO", "2"], ["Russia", "2"], ["україна", "1"]]


def test_dates_and_quotes_listings_link_each_month_and_its_quotes(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    months = [["January 2026", "2", "0", "0"], ["December 2025", "0", "2", "3"], ["November 2025", "1", "1", "1"]]
    assert rows(tmp_path, "dates/index.md") == months
    assert rows(tmp_path, "quotes/index.md") == [*months, ["Vladimir Putin", "4"]]
    dates = scan(tmp_path, "dates/index.md").hrefs
    assert dates == ["2026-01/", "2025-12/", "../quotes/2025-12/", "2025-11/", "../quotes/2025-11/"]
    quotes = scan(tmp_path, "quotes/index.md").visible
    assert "4 quotations found in 3 archived articles, listed by the month their article was published." in quotes


def test_articles_listing_shows_the_latest_fifty_and_counts_all(tmp_path: Path) -> None:
    archive = sample_archive()
    note = archive.articles["note-uk"]
    many = {
        f"a-{n}": dataclasses.replace(note, id=f"a-{n}", published=dt.date(2020, 1, 1) + dt.timedelta(n), quotes=())
        for n in range(60)
    }
    generate(dataclasses.replace(archive, articles={**archive.articles, **many}), tmp_path)
    listing = scan(tmp_path, "articles/index.md").visible
    assert "63 articles, saved as they were published." in listing
    assert "Latest 50" in listing
    assert len(rows(tmp_path, "articles/index.md")) == 50
    assert "../dates/" in scan(tmp_path, "articles/index.md").hrefs


def test_listings_render_in_ukrainian_with_three_plural_forms(tmp_path: Path) -> None:
    archive = sample_archive()
    one = only_verdicts(archive, [archive.verdicts["viral-post"]])
    with ukrainian_catalog(tmp_path / "locales"):
        samples = {"1": one, "3": archive, "5": with_verdicts(archive, 2), "33": with_verdicts(archive, 30)}
        for name, sample in samples.items():
            assert [d.code for d in generate(sample, tmp_path / name, "uk")] == []
        homes = {n: (tmp_path / n / "index.md").read_text(encoding="utf-8") for n in ("1", "3", "5", "33")}
    assert "\n1 вердикт\n" in homes["1"]
    assert "\n3 вердикти\n" in homes["3"]
    assert "\n5 вердиктів\n" in homes["5"]
    assert "\n33 вердикти\n" in homes["33"]
    assert "## Останні вердикти" in homes["3"]
    dates = rows(tmp_path / "3", "dates/index.md")
    assert [row[0] for row in dates] == ["січень 2026", "грудень 2025", "листопад 2025"]
    assert "10 січня 2026" in scan(tmp_path / "3", "verdicts/index.md").visible
    assert broken_links(tmp_path / "3", family_pages(tmp_path / "3")) == []


def test_tables_and_lists_reach_the_reader_as_raw_html_blocks(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    pages = family_pages(tmp_path)
    for page in pages:
        html = html_of(tmp_path, page)
        assert not INLINE_BLOCK.search(html), page  # a block tag read as inline text would land in a <p>
        assert "&amp;#" not in html, page  # nothing escaped twice
    assert sum(html_of(tmp_path, page).count("<table") for page in pages) > 20
