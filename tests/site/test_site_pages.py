"""Page content and diagnostics for archives that go wrong in one way each."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import html
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from site_sample import PAGES, SITE, loc, sample_archive

from generator.diagnostics import Diagnostics
from generator.model import Anchor, Archive, Citation, Rating, RatingScale, Verdict
from generator.site import generate_site


def generate(archive: Archive, out: Path) -> list[tuple[str, str]]:
    diags = Diagnostics()
    generate_site(archive, out, diags, SITE)
    return [(d.code, d.location.path) for d in diags]


def with_verdict(archive: Archive, verdict: Verdict) -> Archive:
    return dataclasses.replace(archive, verdicts={**archive.verdicts, verdict.id: verdict})


def verdict(vid: str, **changes: object) -> Verdict:
    base = sample_archive().verdicts["putin-russia-ally"]
    return dataclasses.replace(base, id=vid, location=loc(f"content/verdicts/{vid}.yaml"), **changes)


def read(out: Path, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


def shown(out: Path, path: str) -> str:
    """A page with character references decoded: the text and URLs as a browser reads them."""
    return html.unescape(read(out, path))


def test_a_verdict_named_index_does_not_replace_the_listing(tmp_path: Path) -> None:
    problems = generate(with_verdict(sample_archive(), verdict("index")), tmp_path)
    assert problems == [("output-collision", "content/verdicts/index.yaml")]
    assert read(tmp_path, "verdicts/index.md").startswith("# All verdicts")


def test_an_unsafe_id_writes_nothing_and_is_not_linked(tmp_path: Path) -> None:
    problems = generate(with_verdict(sample_archive(), verdict("../escape", claim="Escaped claim")), tmp_path / "out")
    assert problems == [("unsafe-output-path", "content/verdicts/../escape.yaml")]
    assert not (tmp_path / "escape.md").exists()
    listing = read(tmp_path / "out", "verdicts/index.md")
    assert '<td data-label="Claim">Escaped claim</td>' in listing  # plain text, no link to a page that does not exist


def test_tags_that_differ_in_case_share_a_topic_page(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    topic = shown(tmp_path, "topics/nato.md")
    assert topic.startswith("# Topic: NATO\n")
    assert 'href="../../verdicts/putin-2001-nato/"' in topic and 'href="../../verdicts/putin-russia-ally/"' in topic
    assert sorted(p.name for p in (tmp_path / "topics").iterdir()) == ["index.md", "nato.md", "russia.md", "україна.md"]


def test_missing_hand_written_pages_get_a_placeholder_and_a_warning(tmp_path: Path) -> None:
    archive = dataclasses.replace(sample_archive(), pages={"about": PAGES["about"]})
    problems = generate(archive, tmp_path)
    assert sorted(problems) == [
        ("missing-page", f"content/pages/{name}.md")
        for name in ("corrections", "methodology", "rating-scale", "submit")
    ]
    assert read(tmp_path, "submit.md").startswith("---\ntitle: Submit a claim\n---\n\n# Submit a claim\n")
    assert read(tmp_path, "about.md").endswith("\n---\n\n" + PAGES["about"])


def test_a_hand_written_page_cannot_replace_a_generated_one(tmp_path: Path) -> None:
    archive = dataclasses.replace(sample_archive(), pages={**PAGES, "index": "# Mine\n"})
    assert generate(archive, tmp_path) == [("output-collision", "content/pages/index.md")]
    assert shown(tmp_path, "index.md").startswith("# Fact-check archive\n")


def test_two_names_for_one_hand_written_page_collide(tmp_path: Path) -> None:
    archive = dataclasses.replace(sample_archive(), pages={**PAGES, "about.md": "# Other\n"})
    assert generate(archive, tmp_path) == [("output-collision", "content/pages/about.md")]
    assert read(tmp_path, "about.md").endswith("\n---\n\n" + PAGES["about"])


def test_an_anchor_outside_the_text_is_reported_and_the_link_drops_the_fragment(tmp_path: Path) -> None:
    archive = sample_archive()
    key = ("putin-2001-nato", "evidence", 0)
    archive.citation_anchors[key] = Anchor("ep-2001-transcripts", "c-putin-2001-nato-e0", 99, 0, 5)
    assert generate(archive, tmp_path) == [("anchor-out-of-range", "content/verdicts/putin-2001-nato.yaml")]
    page = shown(tmp_path, "verdicts/putin-2001-nato.md")
    assert '<a href="../../articles/ep-2001-transcripts/">In 2008 Putin said Ukraine</a>' in page
    assert "#c-putin-2001-nato-e0" not in page


def test_person_page_tally_has_its_denominator(tmp_path: Path) -> None:
    archive = with_verdict(sample_archive(), verdict("second", rating="false"))
    archive = with_verdict(archive, verdict("third", rating="false"))
    generate(archive, tmp_path)
    page = shown(tmp_path, "people/putin.md")
    false, unproven = (
        '<a href="../../ratings/{0}/"><span class="rating rating-{0}">{1}</span></a>'.format(*r)
        for r in [("false", "False"), ("unproven", "Unproven")]
    )
    assert f"<li>2 of 3 rated claims: {false}</li>" in page
    assert f"<li>1 of 3 rated claims: {unproven}</li>" in page


def test_who_is_the_claimant_the_speaker_or_the_outlets_narration(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    nato = shown(tmp_path, "verdicts/putin-2001-nato.md")
    appeared, evidence = nato.split("## Where the claim appeared")[1].split("## Evidence")
    # Where the claim appeared: the claimant (an outlet here), not the person quoted in the passage.
    assert '<a href="../../articles/ukrmedia-7356/#q-1">will create a field of conflict</a>' in appeared
    assert '<dt>Whose words</dt><dd><a href="../../outlets/ukrmedia-news/">ukrmedia.news</a></dd>' in appeared
    # Evidence outside any extracted quote is the outlet's own narration.
    assert (
        '<dt>Whose words</dt><dd>narration by <a href="../../outlets/european-pravda/">European Pravda</a></dd>'
        in evidence
    )
    assert "<dt>Outlet</dt><dd>Outlet unknown</dd>" in shown(tmp_path, "articles/note-uk.md")


def test_broken_relative_link_in_a_body_is_reported(tmp_path: Path) -> None:
    archive = with_verdict(sample_archive(), verdict("linker", body="See [that](no-such-verdict.md)."))
    assert generate(archive, tmp_path) == [("broken-body-link", "content/verdicts/linker.yaml")]


def test_bad_rating_colour_falls_back(tmp_path: Path) -> None:
    scale = RatingScale((Rating("false", "False", loc("content/ratings.yaml", 3), 1, "", "red;}body{x:y"),))
    archive = dataclasses.replace(sample_archive(), ratings=scale)
    assert ("bad-rating-colour", "content/ratings.yaml") in generate(archive, tmp_path)
    css = read(tmp_path, "assets/factcheck.css")
    assert "body{" not in css and ".rating-false {\n  --fc-rating-colour: #777777;" in css


def test_generated_front_matter_never_sets_what_the_theme_prints_raw(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    for page in sorted(tmp_path.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            # Hand-written pages carry only the title the generator derived and escaped.
            keys = {"title"} if page.parent == tmp_path and page.name != "index.md" else {"jsonld"}
            assert set(yaml.safe_load(text[4 : text.index("\n---\n", 4)])) == keys, page


def test_csv_cells_cannot_start_a_formula_but_json_keeps_the_text(tmp_path: Path) -> None:
    claim = '=HYPERLINK("https://evil.example","x")'
    generate(with_verdict(sample_archive(), verdict("formula", claim=claim, author="@desk")), tmp_path)
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(read(tmp_path, "verdicts.csv")))}
    assert (rows["formula"]["claim"], rows["formula"]["author"]) == ("'" + claim, "'@desk")
    records = {r["id"]: r for r in json.loads(read(tmp_path, "verdicts.json"))}
    assert records["formula"]["claim"] == claim


def test_feeds_are_well_formed_and_dated_from_content(tmp_path: Path) -> None:
    generate(with_verdict(sample_archive(), verdict("ctrl", claim="bell\x07 and <b>")), tmp_path)
    rss = ET.fromstring(read(tmp_path, "feed.xml").encode("utf-8"))
    assert rss.findtext("channel/lastBuildDate") == "Mon, 12 Jan 2026 00:00:00 GMT"
    # The title is plain text (escaped once, for XML; see test_page_files), the bell dropped: still well-formed.
    # HTML-escaped inside the XML: readers that render titles as HTML show the text.
    assert "bell and &lt;b&gt;" in [item.findtext("title") for item in rss.iter("item")]
    atom = ET.fromstring(read(tmp_path, "atom.xml").encode("utf-8"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert atom.findtext("a:updated", namespaces=ns) == "2026-01-12T00:00:00Z"
    assert len(atom.findall("a:entry", ns)) == 4


def test_quote_export_links_each_quote_to_its_anchor(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    quotes = json.loads(read(tmp_path, "quotes.json"))
    assert [q["url"] for q in quotes][:2] == [
        "https://factcheck.example.org/articles/ep-2001-transcripts/#q-1",
        "https://factcheck.example.org/articles/ep-2001-transcripts/#q-2",
    ]


def test_url_only_appearance_and_whole_article_evidence(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    viral = shown(tmp_path, "verdicts/viral-post.md").split("## Where the claim appeared")[1].split("## ")[0]
    assert '<li><a href="https://social.example/post/1" rel="nofollow noopener">A viral post</a></li>' in viral
    ally = shown(tmp_path, "verdicts/putin-russia-ally.md")
    assert (
        '<blockquote lang="uk"><p><a href="../../articles/note-uk/">the article as a whole</a></p></blockquote>' in ally
    )


def test_citation_of_a_missing_article_is_plain_text(tmp_path: Path) -> None:
    ghost = verdict("ghost", appearances=(Citation(loc("content/verdicts/ghost.yaml", 5), "no-such-article", "x"),))
    assert generate(with_verdict(sample_archive(), ghost), tmp_path) == []
    page = shown(tmp_path, "verdicts/ghost.md").split("## Where the claim appeared")[1].split("## ")[0]
    assert "<blockquote><p>x</p></blockquote>" in page
    assert "<dt>Where</dt><dd>no-such-article</dd>" in page and "<dt>When</dt><dd>unknown</dd>" in page


def test_month_pages_split_quotes_by_article_date(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    assert sorted(p.name for p in (tmp_path / "quotes").iterdir()) == ["2025-11.md", "2025-12.md", "index.md"]
    assert shown(tmp_path, "quotes/2025-11.md").count('href="../../articles/note-uk/#q-1"') == 1


def test_dates_use_the_content_not_the_clock(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    today = dt.date.today().isoformat()
    assert all(today not in p.read_text(encoding="utf-8") for p in tmp_path.rglob("*") if p.is_file())


def test_a_title_that_would_take_a_quote_anchor_id_is_told_apart(tmp_path: Path) -> None:
    archive = sample_archive()
    article = archive.articles["note-uk"]
    archive.articles["note-uk"] = dataclasses.replace(article, title="Q-1")
    generate(archive, tmp_path)
    assert shown(tmp_path, "articles/note-uk.md").startswith("# Q-1 (archived article)\n")
