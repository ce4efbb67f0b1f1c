"""The files that are not pages: stylesheet, RSS and Atom feeds, data exports (generator/site/pages/files.py)."""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from site_sample import SITE_URL, loc, sample_archive

from generator.diagnostics import Diagnostics
from generator.model import Archive, Rating, RatingScale, Verdict
from generator.site import generate_site
from generator.site.pages.exports import QUOTE_COLUMNS, VERDICT_COLUMNS
from generator.site.pages.files import text_colour
from generator.site.pagetype import SiteInfo

SITE = SiteInfo("Fact-check archive", SITE_URL, ("en", "uk"))
ATOM = {"a": "http://www.w3.org/2005/Atom"}
# Reported by the verdict and article pages, whose tests check them: these tests must not depend on them.
OTHER_FAMILIES = {"broken-body-link", "anchor-out-of-range"}
HOSTILE_CLAIM = "bell\x07 and <b>bold</b> </title><script>alert(1)</script> &amp; ]]> {{ x }}"
HOSTILE_SUMMARY = "Markup in a code span: `<img src=x onerror=alert(2)>` & `</description>`."


def generate(archive: Archive, out: Path) -> list[tuple[str, str]]:
    """The problems the files of this family report (other page families check their own)."""
    diags = Diagnostics()
    generate_site(archive, out, diags, SITE)
    return [(d.code, d.location.path) for d in diags if d.code not in OTHER_FAMILIES]


def with_verdict(archive: Archive, verdict: Verdict) -> Archive:
    return dataclasses.replace(archive, verdicts={**archive.verdicts, verdict.id: verdict})


def verdict(vid: str, **changes: object) -> Verdict:
    base = sample_archive().verdicts["putin-russia-ally"]
    return dataclasses.replace(base, id=vid, location=loc(f"content/verdicts/{vid}.yaml"), **changes)


def read(out: Path, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


class _Tags(HTMLParser):
    """The elements a feed reader would create when it renders a text as HTML."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def _hostile_site(tmp_path: Path) -> Path:
    hostile = verdict("hostile", claim=HOSTILE_CLAIM, summary=HOSTILE_SUMMARY, tags=("<i>tag</i>",))
    assert generate(with_verdict(sample_archive(), hostile), tmp_path) == []
    return tmp_path


# ---------------------------------------------------------------- feeds


def test_rss_titles_are_plain_text_and_descriptions_carry_no_markup(tmp_path: Path) -> None:
    rss = ET.fromstring(read(_hostile_site(tmp_path), "feed.xml").encode("utf-8"))
    items = {item.findtext("link"): item for item in rss.iter("item")}
    hostile = items[f"{SITE_URL}verdicts/hostile/"]
    title = hostile.find("title")
    assert title is not None and list(title) == []  # no child elements: the claim did not become XML
    # Plain text, escaped once for XML: a reader shows the claim's own characters, not "&lt;b&gt;".
    # HTML-escaped inside the XML: a reader that renders titles as HTML shows the text, runs nothing.
    assert title.text == html.escape(HOSTILE_CLAIM.replace("\x07", ""), quote=False)
    for item in items.values():  # readers render <description> as HTML: none of it may become an element
        assert _Tags(item.findtext("description") or "").tags == [], item.findtext("link")
    assert "<img src=x onerror=alert(2)>" in html.unescape(hostile.findtext("description") or "")  # kept as text
    assert [c.text for c in hostile.iter("category")] == ["<i>tag</i>"]


def test_feeds_are_dated_from_the_content_and_link_planned_pages(tmp_path: Path) -> None:
    out = _hostile_site(tmp_path)
    rss = ET.fromstring(read(out, "feed.xml").encode("utf-8"))
    # The newest change in the sample is the correction of 2026-01-12 (not today's date).
    assert rss.findtext("channel/lastBuildDate") == "Mon, 12 Jan 2026 00:00:00 GMT"
    assert rss.findtext("channel/description") == "Latest verdicts of Fact-check archive"
    pages = {f"{SITE_URL}verdicts/{p.stem}/" for p in (out / "verdicts").glob("*.md") if p.stem != "index"}
    assert {item.findtext("link") for item in rss.iter("item")} == pages
    atom = ET.fromstring(read(out, "atom.xml").encode("utf-8"))
    assert atom.findtext("a:updated", namespaces=ATOM) == "2026-01-12T00:00:00Z"
    entries = atom.findall("a:entry", ATOM)
    assert {e.findtext("a:id", namespaces=ATOM) for e in entries} == pages
    for entry in entries:  # Atom says what its text is: plain text, which readers never parse as HTML
        texts = [entry.find(f"a:{tag}", ATOM) for tag in ("title", "summary")]
        assert [text.get("type") if text is not None else None for text in texts] == ["text", "text"]
    self_links = [link.get("href") for link in atom.findall("a:link", ATOM) if link.get("rel") == "self"]
    assert self_links == [f"{SITE_URL}atom.xml"]


def test_feeds_are_identical_between_builds(tmp_path: Path) -> None:
    first, second = _hostile_site(tmp_path / "one"), _hostile_site(tmp_path / "two")
    for name in ("feed.xml", "atom.xml", "claimreview.json", "verdicts.csv", "quotes.csv"):
        assert read(first, name) == read(second, name), name


# ---------------------------------------------------------------- exports


def test_exports_parse_and_name_every_page_by_its_url(tmp_path: Path) -> None:
    out = _hostile_site(tmp_path)
    reviews = json.loads(read(out, "claimreview.json"))
    assert sorted(r["url"] for r in reviews) == sorted(
        f"{SITE_URL}verdicts/{vid}/" for vid in ("hostile", "putin-2001-nato", "putin-russia-ally", "viral-post")
    )
    assert {r["claimReviewed"] for r in reviews} >= {HOSTILE_CLAIM.replace("\x07", "")}
    records = {r["id"]: r for r in json.loads(read(out, "verdicts.json"))}
    nato = records["putin-2001-nato"]
    assert nato["evidence"][0]["archived_url"] == f"{SITE_URL}articles/ep-2001-transcripts/#c-putin-2001-nato-e0"
    assert nato["evidence"][2]["url"] is None  # a javascript: URL never leaves the site
    assert (nato["rating_value"], nato["claimant_type"]) == (3, "outlet")
    verdict_rows = list(csv.DictReader(io.StringIO(read(out, "verdicts.csv"))))
    assert list(verdict_rows[0]) == VERDICT_COLUMNS
    assert {row["id"] for row in verdict_rows} == set(records)
    quotes = json.loads(read(out, "quotes.json"))
    assert [q["url"] for q in quotes][:2] == [
        f"{SITE_URL}articles/ep-2001-transcripts/#q-1",
        f"{SITE_URL}articles/ep-2001-transcripts/#q-2",
    ]
    quote_rows = list(csv.DictReader(io.StringIO(read(out, "quotes.csv"))))
    assert list(quote_rows[0]) == QUOTE_COLUMNS
    assert [(r["kind"], r["attributed_by"]) for r in quote_rows] == [(q["kind"], q["attributed_by"]) for q in quotes]
    assert quote_rows[0]["attributed_by"] == "registry name"


def test_csv_cells_cannot_start_a_formula_but_json_keeps_the_text(tmp_path: Path) -> None:
    claim = '=HYPERLINK("https://evil.example","x")'
    generate(
        with_verdict(sample_archive(), verdict("formula", claim=claim, author="@desk", tags=("+1", "-x"))), tmp_path
    )
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(read(tmp_path, "verdicts.csv")))}
    assert (rows["formula"]["claim"], rows["formula"]["author"]) == ("'" + claim, "'@desk")
    assert rows["formula"]["tags"] == "'+1;-x"
    records = {r["id"]: r for r in json.loads(read(tmp_path, "verdicts.json"))}
    assert (records["formula"]["claim"], records["formula"]["tags"]) == (claim, ["+1", "-x"])


def test_an_export_never_names_a_page_that_was_not_written(tmp_path: Path) -> None:
    problems = generate(with_verdict(sample_archive(), verdict("../escape")), tmp_path / "out")
    assert problems == [("unsafe-output-path", "content/verdicts/../escape.yaml")]
    for name in ("verdicts.json", "claimreview.json"):
        assert "escape" not in read(tmp_path / "out", name), name
    assert "escape" not in read(tmp_path / "out", "feed.xml")


# ---------------------------------------------------------------- stylesheet

RULE = re.compile(
    r"^\.(rating-[a-z0-9-]+) \{\n  --fc-rating-colour: (#[0-9a-f]{3,6});\n  --fc-rating-text: (#[0-9a-f]{6});\n\}$",
    re.M,
)


def test_stylesheet_has_one_colour_rule_per_rating(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    css = read(tmp_path, "assets/factcheck.css")
    rules = RULE.findall(css)
    expected = [(f"rating-{r.key}", r.colour, text_colour(r.colour)) for r in sample_archive().ratings.ratings]
    assert rules == expected
    assert ("rating-false", "#b71c1c", "#ffffff") in rules and ("rating-misleading", "#f9a825", "#000000") in rules


def test_a_bad_rating_colour_is_refused_with_a_warning(tmp_path: Path) -> None:
    bad = Rating("false", "False", loc("content/ratings.yaml", 3), 1, "", "red;}body{x:y")
    good = Rating("true", "True", loc("content/ratings.yaml", 9), 2, "", "#1B5E20")
    archive = dataclasses.replace(sample_archive(), ratings=RatingScale((bad, good)), verdicts={})
    assert generate(archive, tmp_path) == [("bad-rating-colour", "content/ratings.yaml")]
    css = read(tmp_path, "assets/factcheck.css")
    assert "red;" not in css and "body{" not in css
    assert RULE.findall(css) == [("rating-false", "#777777", "#000000"), ("rating-true", "#1b5e20", "#ffffff")]


def test_stylesheet_styles_the_classes_the_templates_use(tmp_path: Path) -> None:
    generate(sample_archive(), tmp_path)
    css = read(tmp_path, "assets/factcheck.css")
    selectors = set(re.findall(r"\.([a-z][a-z0-9_-]*)", re.sub(r"/\*.*?\*/", "", css, flags=re.S)))
    wanted = {
        "fc-kicker", "fc-claim-meta", "fc-verdict", "fc-verdict__label", "fc-verdict__rating", "fc-meter",
        "fc-meter__step", "is-current", "fc-cards", "fc-card", "fc-facts", "fc-table", "quote-anchor",
        "attribution", "quote-kind", "rating",
    }  # fmt: skip
    assert wanted <= selectors, wanted - selectors
    phone = css[css.index("@media screen and (max-width: 600px)") :]
    assert "td::before {\n    content: attr(data-label);" in phone  # each cell names its column on phones


def _contrast(one: str, two: str) -> float:
    def luminance(colour: str) -> float:
        digits = colour[1:] if len(colour) == 7 else "".join(ch * 2 for ch in colour[1:])
        channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@given(st.from_regex(r"\A#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})\Z"))
def test_badge_text_contrasts_at_least_4_5_to_1_with_any_rating_colour(colour: str) -> None:
    assert _contrast(text_colour(colour), colour) >= 4.5
