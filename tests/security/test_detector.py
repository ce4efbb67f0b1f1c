"""Canaries: the detector flags every live vector and nothing that is properly escaped.

Without these, a detector that never finds anything would make every
injection test pass; here each live payload, pasted unescaped into a page,
must be flagged with its own marker in the finding.
"""

from __future__ import annotations

import html

import pytest

from .corpus import BAD_URLS, MARKER_RE, VECTORS, Vector
from .detect import scan_csv, scan_html, scan_json, scan_xml, url_is_dangerous

PAGE = "<!doctype html><html><head><title>{title}</title>{head}</head><body><main>{body}</main>{tail}</body></html>"
THEME_HEAD = (
    '<script>__md_scope=new URL(".",location),__md_hash=e=>0</script>'
    '<script type="application/ld+json">{"@type": "ClaimReview", "claimReviewed": "\\u003cscript\\u003e"}</script>'
)
THEME_TAIL = (
    '<form class="md-search__form" name="search"><input type="text" name="query"></form>'
    '<script id="__config" type="application/json">{"base": ".."}</script>'
    '<script src="../assets/javascripts/bundle.79ae519e.min.js"></script>'
)


def page(body: str, title: str = "Page", head: str = THEME_HEAD, tail: str = THEME_TAIL) -> str:
    return PAGE.format(title=title, head=head, body=body, tail=tail)


def test_a_theme_page_with_every_payload_escaped_is_clean() -> None:
    body = "".join(f"<p>{html.escape(v.payload)}</p>" for v in VECTORS)
    title = html.escape(" ".join(v.payload for v in VECTORS[:20]))
    assert scan_html(page(body, title), "clean.html") == []


@pytest.mark.parametrize("vector", [v for v in VECTORS if v.live_raw], ids=lambda v: v.marker)
def test_every_live_vector_pasted_raw_is_flagged_with_its_marker(vector: Vector) -> None:
    found = scan_html(page(f"<p>{vector.payload}</p>"), "raw.html")
    assert any(vector.marker in f.markers for f in found), found


@pytest.mark.parametrize("vector", [v for v in VECTORS if v.evaluated], ids=lambda v: v.marker)
def test_an_evaluated_template_is_flagged(vector: Vector) -> None:
    assert vector.evaluated is not None
    assert scan_html(page(f"<p>{html.escape(vector.evaluated)}</p>"), "eval.html")


def test_markup_in_title_and_breaking_json_ld_are_flagged() -> None:
    assert scan_html(page("<p>x</p>", title="<b>XSS014Q</b>"), "t.html")
    broken = '<script type="application/ld+json">{"a": "<!--<script>XSS015Q"}</script>'
    assert any("json-ld" in f.rule for f in scan_html(page("", head=broken), "j.html"))
    not_json = '<script type="application/ld+json">{"a": </script>'
    assert any("not-json" in f.rule for f in scan_html(page("", head=not_json), "j.html"))
    bad_url = '<script type="application/ld+json">{"url": "javascript:alert(1)"}</script>'
    assert scan_html(page("", head=bad_url), "j.html")


def test_a_foreign_inline_script_and_a_foreign_form_are_flagged() -> None:
    assert scan_html(page("<script>var x = 1</script>"), "s.html")
    assert scan_html(page('<script src="https://cdn.example/x.js"></script>'), "s.html")
    assert scan_html(page('<form class="other"><input></form>'), "f.html")


@pytest.mark.parametrize("url", BAD_URLS)
def test_every_bad_url_is_recognised(url: str) -> None:
    assert url_is_dangerous(html.unescape(url))


def test_safe_urls_are_not_flagged() -> None:
    for url in ("https://example.org/javascript:x", "mailto:a@example.org", "../verdicts/x/", "#q-1", "http://x"):
        assert not url_is_dangerous(url)


def test_feed_items_are_read_as_html() -> None:
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>x</title>'
        b"<description>&lt;script&gt;alert('XSS001Q')&lt;/script&gt;</description>"
        b"<link>javascript:alert('XSS031Q')</link></item></channel></rss>"
    )
    found = scan_xml(rss, "feed.xml")
    assert {m for f in found for m in f.markers} == {"XSS001Q", "XSS031Q"}
    cdata = (
        b"<rss><channel><item><description><![CDATA[<img src=x onerror=alert('XSS021Q')>]]></description>"
        b"</item></channel></rss>"
    )
    assert scan_xml(cdata, "feed.xml")
    atom = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">'
        b"&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;</content>"
        b'<summary type="text">&lt;script&gt;plain text&lt;/script&gt;</summary></entry></feed>'
    )
    assert {f.rule for f in scan_xml(atom, "atom.xml")} == {"script-url in href"}
    assert scan_xml(b"<rss><unclosed></rss>", "bad.xml")


def test_json_exports_and_search_index_are_checked() -> None:
    assert scan_json('{"verdicts": [{"url": "javascript:alert(1)"}]}', "data.json")
    assert scan_json("{not json", "data.json")
    index = '{"docs": [{"location": "x/", "title": "t", "text": "<img src=x onerror=alert(1)>"}]}'
    assert scan_json(index, "search/search_index.json")
    safe = '{"docs": [{"location": "x/", "title": "t", "text": "&lt;script&gt;"}], "claim": "<script>"}'
    assert scan_json(safe, "search/search_index.json") == []


def test_csv_formulas_from_the_corpus_are_flagged() -> None:
    assert scan_csv('id,claim\nx,"=HYPERLINK(""https://evil.example/XSS093Q"",""x"")"\n', "v.csv")
    assert scan_csv("id,claim\nx,'=HYPERLINK(XSS093Q)\ny,-2\n", "v.csv") == []


def test_markers_are_unique_and_traceable() -> None:
    markers = [v.marker for v in VECTORS]
    assert len(markers) == len(set(markers)) >= 60
    for vector in VECTORS:
        assert MARKER_RE.findall(vector.payload), vector
        assert set(MARKER_RE.findall(vector.payload)) == {vector.marker}
