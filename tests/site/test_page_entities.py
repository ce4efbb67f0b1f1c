"""Person, outlet, rating, topic and month pages through the page-type layer."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from page_check import broken_links, family_pages, generate, live_markup, scan, ukrainian_catalog
from site_sample import find_quote, loc, sample_archive

from generator.model import Archive, Block, Outlet, Person, Verdict

EVIL_NAME = "<img src=x onerror=alert(1)>"
EVIL_ROLE = "<script>alert(2)</script> **bold** [x](javascript:alert(3)) | cell"
EVIL_ALIAS = "</td></tr></table><b>x</b> {{ 7*7 }}"
EVIL_OUTLET = "</table><script>alert(4)</script>"
EVIL_DOMAIN = 'evil.example"><svg onload=alert(5)>'
EVIL_TAGS = ("<b>tag</b>", "javascript:alert(6)", "# heading", "[link](http://evil.example)")
EVIL_TITLE = "<svg/onload=alert(7)> `code` _em_"


def verdict(vid: str, **changes: object) -> Verdict:
    base = sample_archive().verdicts["putin-russia-ally"]
    return dataclasses.replace(base, id=vid, location=loc(f"content/verdicts/{vid}.yaml"), **changes)


def with_verdicts(archive: Archive, *verdicts: Verdict) -> Archive:
    return dataclasses.replace(archive, verdicts={**archive.verdicts, **{v.id: v for v in verdicts}})


def hostile_archive() -> Archive:
    """The sample plus a person, an outlet, tags and an article whose every name is an attack."""
    archive = sample_archive()
    person = Person("evil", EVIL_NAME, loc("content/people.yaml", 20), (EVIL_ALIAS,), EVIL_ROLE)
    outlet = Outlet("evil-outlet", EVIL_OUTLET, loc("content/outlets.yaml", 20), (EVIL_DOMAIN,), "<i>uk</i>")
    blocks = (Block.plain("p", 'He said: "every word here is hostile".'),)
    article = dataclasses.replace(
        archive.articles["note-uk"],
        id="evil-article",
        title=EVIL_TITLE,
        blocks=blocks,
        outlet_id="evil-outlet",
        published=None,
        quotes=(find_quote("evil-article", blocks, 1, 0, "every word here is hostile", "evil"),),
    )
    archive = with_verdicts(
        archive,
        verdict("evil-claim", claimant="evil", tags=EVIL_TAGS, rating="false"),
        verdict("outlet-claim", claimant="evil-outlet", tags=EVIL_TAGS[:1]),
    )
    return dataclasses.replace(
        archive,
        people={**archive.people, "evil": person},
        outlets={**archive.outlets, "evil-outlet": outlet},
        articles={**archive.articles, "evil-article": article},
    )


def read(out: Path, page: str) -> str:
    return (out / page).read_text(encoding="utf-8")


def test_person_page_tally_has_its_denominator(tmp_path: Path) -> None:
    archive = with_verdicts(sample_archive(), verdict("second", rating="false"), verdict("third", rating="false"))
    generate(archive, tmp_path)
    tally = re.findall(r"<li>(.*?)</li>", read(tmp_path, "people/putin.md").split('<ul class="fc-tally">')[1])
    assert [re.sub(r"<[^>]+>", "", item) for item in tally[:2]] == [
        "2 of 3 rated claims: False",
        "1 of 3 rated claims: Unproven",
    ]
    assert "1 of 1 rated claim: Misleading" in scan(tmp_path, "outlets/ukrmedia-news.md").visible


def test_person_page_facts_verdicts_and_quotes_without_a_speaker_column(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    page = scan(tmp_path, "people/putin.md")
    assert "RolePresident of Russia" in page.visible
    assert "Also known asPutin, Путін" in page.visible
    assert "Verdicts on their claims (1)" in page.visible and "Quotes (4)" in page.visible
    quotes = read(tmp_path, "people/putin.md").split('<table class="fc-table fc-quotes">')[1]
    assert "Speaker" not in quotes and quotes.count("<tr><td") == 4
    smith = scan(tmp_path, "people/smith.md").visible
    assert "No claims rated yet." in smith and "No verdicts yet." in smith and "No quotes." in smith


def test_outlet_page_counts_its_claims_the_verdicts_citing_it_and_its_articles(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    pravda = scan(tmp_path, "outlets/european-pravda.md").visible
    assert "Verdicts on its claims (0)" in pravda
    assert "Verdicts citing its articles (2)" in pravda
    assert "Archived articles (1)" in pravda
    assert "Domainseurointegration.com.ua" in pravda and "Languageen" in pravda


def test_each_rating_of_the_scale_has_a_page_with_its_verdicts(tmp_path: Path) -> None:
    archive = with_verdicts(sample_archive(), verdict("second", rating="false"))
    generate(archive, tmp_path)
    assert sorted(p.name for p in (tmp_path / "ratings").iterdir()) == sorted(
        [f"{r.key}.md" for r in archive.ratings.ratings] + ["index.md"]
    )
    false = read(tmp_path, "ratings/false.md")
    assert false.startswith("# False\n")
    assert '<p class="fc-rating"><span class="rating rating-false">False</span></p>' in false
    assert "\n2 verdicts with this rating.\n" in false
    assert "\n0 verdicts with this rating.\n" in read(tmp_path, "ratings/true.md")
    assert "\n1 verdict with this rating.\n" in read(tmp_path, "ratings/misleading.md")


def test_tags_that_differ_in_case_share_a_topic_page(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    topic = read(tmp_path, "topics/nato.md")
    assert topic.startswith("# Topic: NATO\n")
    hrefs = scan(tmp_path, "topics/nato.md").hrefs
    assert "../../verdicts/putin-2001-nato/" in hrefs and "../../verdicts/putin-russia-ally/" in hrefs
    assert sorted(p.name for p in (tmp_path / "topics").iterdir()) == ["index.md", "nato.md", "russia.md", "україна.md"]
    assert "1 of 2 rated claims: Misleading" in scan(tmp_path, "topics/nato.md").visible


def test_month_pages_split_by_date_and_quote_pages_only_where_there_are_quotes(tmp_path: Path) -> None:
    generate(hostile_archive(), tmp_path)
    assert sorted(p.name for p in (tmp_path / "dates").iterdir()) == [
        "2025-11.md",
        "2025-12.md",
        "2026-01.md",
        "index.md",
        "undated.md",
    ]
    assert sorted(p.name for p in (tmp_path / "quotes").iterdir()) == [
        "2025-11.md",
        "2025-12.md",
        "index.md",
        "undated.md",
    ]
    assert read(tmp_path, "dates/undated.md").startswith("# Undated\n")
    assert "No quotes in these articles." in scan(tmp_path, "dates/2026-01.md").visible
    assert "3 quotes in these articles." in scan(tmp_path, "dates/2025-12.md").visible
    assert read(tmp_path, "quotes/2025-11.md").startswith("# Quotes: November 2025\n")
    linked = (tmp_path / "articles/note-uk.md").is_file()  # the quote links to its anchor once articles are pages
    assert scan(tmp_path, "quotes/2025-11.md").hrefs.count("../../articles/note-uk/#q-1") == int(linked)


def test_every_relative_link_on_an_entity_page_reaches_a_generated_file(tmp_path: Path) -> None:
    assert [d.format() for d in generate(hostile_archive(), tmp_path)] == []
    pages = family_pages(tmp_path)
    # 9 listings, 4 people, 3 outlets, 7 ratings, 7 topics, 4 months and undated, 3 quote months
    assert len(pages) == 37
    assert broken_links(tmp_path, pages) == []
    assert (
        "../../topics/%D1%83%D0%BA%D1%80%D0%B0%D1%97%D0%BD%D0%B0/"
        in scan(tmp_path, "verdicts/putin-2001-nato.md").hrefs
    )


def test_hostile_names_roles_tags_and_outlet_names_stay_text(tmp_path: Path) -> None:
    generate(hostile_archive(), tmp_path)
    pages = family_pages(tmp_path)
    assert live_markup(tmp_path, pages) == []
    person = scan(tmp_path, "people/evil.md").visible
    assert EVIL_NAME in person and EVIL_ROLE in person and EVIL_ALIAS in person
    outlet = scan(tmp_path, "outlets/evil-outlet.md").visible
    assert EVIL_OUTLET in outlet and EVIL_DOMAIN in outlet and "<i>uk</i>" in outlet
    topics = scan(tmp_path, "topics/index.md").visible
    assert all(tag in topics for tag in EVIL_TAGS)
    for listing in ("people/index.md", "outlets/index.md", "quotes/undated.md", "dates/undated.md"):
        assert scan(tmp_path, listing).visible.count("<") >= 1, listing
    assert EVIL_TITLE in scan(tmp_path, "outlets/evil-outlet.md").visible


def test_hostile_markup_would_be_caught(tmp_path: Path) -> None:
    generate(hostile_archive(), tmp_path)
    page = tmp_path / "people/evil.md"
    assert live_markup(tmp_path, ["people/evil.md"]) == []
    page.write_text(read(tmp_path, "people/evil.md") + "\n" + EVIL_NAME + "\n", encoding="utf-8")
    assert live_markup(tmp_path, ["people/evil.md"]) == [
        ("people/evil.md", "<img>"),
        ("people/evil.md", "img src"),
        ("people/evil.md", "img onerror"),
    ]


def test_an_entity_named_index_does_not_replace_the_listing(tmp_path: Path) -> None:
    archive = sample_archive()
    index = Person("index", "Index Person", loc("content/people.yaml", 30))
    diags = generate(dataclasses.replace(archive, people={**archive.people, "index": index}), tmp_path)
    assert [(d.code, d.location.path, d.location.line) for d in diags] == [
        ("output-collision", "content/people.yaml", 30)
    ]
    assert read(tmp_path, "people/index.md").startswith("# People\n")
    assert "Index Person" in scan(tmp_path, "people/index.md").visible  # listed, not linked
    assert "index.md" not in scan(tmp_path, "people/index.md").hrefs


def test_entity_pages_render_in_ukrainian(tmp_path: Path) -> None:
    one = sample_archive()
    three = with_verdicts(one, verdict("second", rating="false"), verdict("third", rating="false"))
    five = with_verdicts(three, verdict("fourth", rating="false"), verdict("fifth", rating="true"))
    with ukrainian_catalog(tmp_path / "locales"):
        for name, sample in (("1", one), ("3", three), ("5", five), ("evil", hostile_archive())):
            assert [d.code for d in generate(sample, tmp_path / name, "uk")] == []
    tallies = {n: scan(tmp_path / n, "people/putin.md").visible for n in ("1", "3", "5")}
    assert "1 з 1 оціненої заяви: Unproven" in tallies["1"]
    assert "2 з 3 оцінених заяв (2-4):" in tallies["3"]
    assert "3 з 5 оцінених заяв (5+):" in tallies["5"]
    assert "## Оцінки їхніх заяв" in read(tmp_path / "1", "people/putin.md")
    quotes = read(tmp_path / "1", "people/putin.md")
    # lang sits on the passage, not the labelled cell (the cell's label is in the page's language).
    assert quotes.count('<td data-label="Quote"><span lang="en">') == 3  # English passages on a Ukrainian page
    assert quotes.count('<td data-label="Quote"><span>') == 1  # the Ukrainian one needs no lang
    assert read(tmp_path / "evil", "dates/undated.md").startswith("# Без дати\n")
    assert read(tmp_path / "1", "dates/2025-12.md").startswith("# грудень 2025\n")
    assert live_markup(tmp_path / "evil", family_pages(tmp_path / "evil")) == []
    assert broken_links(tmp_path / "evil", family_pages(tmp_path / "evil")) == []
