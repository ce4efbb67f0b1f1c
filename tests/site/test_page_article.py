"""The article page type: anchored body as one HTML block, metadata, back-links, quotes, hostile text.

Pages are rendered through the page-type layer (`plan_site` + `ArticlePage`,
or `generate_site` for the whole tree) and then through Python-Markdown with
mkdocs.yml's extensions, and read back with an HTML parser: what a browser
would see is what is asserted, not the spelling of an escape.
"""

from __future__ import annotations

import dataclasses
import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import FrameType
from typing import Any

import markdown
import pytest
from markupsafe import Markup
from pymdownx.slugs import slugify as slugify_factory
from site_sample import SITE_URL, find_quote, loc, sample_archive

from generator.diagnostics import Diagnostics
from generator.model import Archive, Article, Block, Run
from generator.site import article_body
from generator.site.article_body import render_article_body
from generator.site.catalog import Catalog
from generator.site.generate import generate_site, plan_site
from generator.site.output import PageKind, SitePlan
from generator.site.pages.article import ArticlePage, heading_id
from generator.site.pagetype import Build, Page, SiteInfo

SITE = SiteInfo("Fact-check archive", SITE_URL, ("en", "uk"))
HOSTILE_ID = "hostile"

# --- helpers ---------------------------------------------------------------------------------------


def to_html(md_text: str) -> str:
    """Python-Markdown with the extensions and toc slugs of mkdocs.yml."""
    toc = {"slugify": slugify_factory(case="lower"), "permalink": True}
    return markdown.markdown(md_text, extensions=["tables", "toc", "admonition"], extension_configs={"toc": toc})


class Parsed(HTMLParser):
    """Every start tag with its decoded attributes, and the decoded text, as a browser reads them."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.chunks: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return "".join(self.chunks)

    def hrefs(self) -> list[str]:
        return [attrs["href"] for tag, attrs in self.tags if tag == "a" and "href" in attrs]

    def ids(self) -> list[str]:
        return [attrs["id"] for _, attrs in self.tags if "id" in attrs]

    def count(self, name: str) -> int:
        return sum(1 for tag, _ in self.tags if tag == name)


def hostile_article() -> Article:
    """Markup, Markdown, template syntax and script URLs in every field an article page shows."""
    blocks = (
        Block("h2", (Run("<script>alert('h')</script> **not bold** Q-1"),)),
        Block(
            "p",
            (
                Run("He said "),
                Run("[click](javascript:alert(1)) <img src=x onerror=alert(2)>", em=True),
                Run(" then "),
                Run("this link", href="javascript:alert(3)"),
                Run(" and "),
                Run("that link", href='https://ok.example/a"onmouseover="alert(4)'),
                Run(" *not em* _nor this_ `code` {{ config.site_name }}."),
            ),
        ),
        Block.plain("p", "Он сказал: «<script>alert(5)</script> [q](javascript:alert(6))» и ушёл."),
        Block.plain("li", "- not a nested list"),
        Block.plain("pre", "<i>pre</i>\n\n</code></pre><script>alert(7)</script>"),
    )
    words = "<script>alert(5)</script> [q](javascript:alert(6))"
    quote = find_quote(HOSTILE_ID, blocks, 1, 2, words, None)
    quote = dataclasses.replace(quote, speaker_name="<b>Speaker</b> [s](javascript:alert(8))")
    return Article(
        id=HOSTILE_ID,
        location=loc(f"content/articles/{HOSTILE_ID}.html"),
        format="html",
        title="<script>alert('title')</script> [x](javascript:alert(9)) *em* | # not a heading",
        blocks=blocks,
        sha256="<d>" + "d" * 61,
        url="javascript:alert(10)",
        outlet_name="<img src=x onerror=alert(11)> **Outlet** [o](javascript:alert(12))",
        language="ru",
        author="<script>alert(13)</script> _Author_",
        attributions=("[credit](javascript:alert(14)) <b>photo</b>",),
        quotes=(quote,),
    )


def archive_with(*articles: Article) -> Archive:
    archive = sample_archive()
    return dataclasses.replace(archive, articles={**archive.articles, **{a.id: a for a in articles}})


def planned(archive: Archive) -> Build:
    diags = Diagnostics()
    build = Build(archive, Catalog(archive), SitePlan(diags), SITE, diags)
    plan_site(build)
    return build


def render(build: Build, article_id: str, language: str = "en") -> str:
    record = build.plan.get(PageKind.ARTICLE, article_id)
    assert record is not None
    text = ArticlePage().render(Page(build, record, language))
    assert isinstance(text, str)
    return text


def body_of(page_html: str) -> str:
    found = re.search(r'<div class="fc-article-body"[^>]*>.*?\n</div>', page_html, re.S)
    assert found, page_html
    return found.group(0)


# --- the body ------------------------------------------------------------------------------------


def _article(*blocks: Block, language: str | None = None) -> Article:
    return Article("a", loc("content/articles/a.txt"), "text", "T", blocks, "0" * 64, language=language)


def test_anchor_sits_at_its_offset_inside_emphasis() -> None:
    article = _article(Block("p", (Run("He said "), Run("we will win", em=True), Run("."))))
    body = render_article_body(article, {"q-1": (0, 11)})  # "He said we " | "will win"
    assert body == (
        '<div class="fc-article-body">\n'
        '<p>He said <em>we <span id="q-1" class="quote-anchor"></span>will win</em>&#46;</p>\n'
        "</div>"
    )


def test_anchors_at_run_boundaries_and_the_end_of_the_text() -> None:
    article = _article(Block("p", (Run("ab"), Run("cd", strong=True))), Block.plain("p", "xy"))
    body = render_article_body(article, {"q-1": (0, 2), "q-2": (0, 4), "q-3": (1, 0)})
    # At a boundary the anchor opens the next run; at the end of the text it closes the last one.
    assert (
        '<p>ab<strong><span id="q-1" class="quote-anchor"></span>cd<span id="q-2" class="quote-anchor"></span></strong>'
        in body
    )
    assert '<p><span id="q-3" class="quote-anchor"></span>xy</p>' in body


def test_every_anchor_precedes_exactly_its_offset() -> None:
    """The text before each anchor, as a browser reads it, is the block's text up to the quote's start."""
    archive = archive_with(hostile_article())
    build = planned(archive)
    for article in archive.articles.values():
        anchors = build.plan.anchors.get(article.id, {})
        assert anchors, article.id
        body = render_article_body(article, anchors)
        lines = body.split("\n")
        for anchor, (block, offset) in anchors.items():
            line = next(line for line in lines if f'id="{anchor}"' in line)
            before = Parsed(line.split(f'<span id="{anchor}"')[0]).text
            assert before == article.blocks[block].text[:offset], (article.id, anchor)


def test_every_kind_of_block() -> None:
    article = _article(
        Block.plain("h2", "Head"),
        Block.plain("h3", "Sub"),
        Block.plain("h4", "Subsub"),
        Block.plain("li", "one"),
        Block.plain("li", "two"),
        Block.plain("p", "   "),
        Block.plain("li", "three"),
        Block.plain("blockquote", "> quoted"),
        Block.plain("pre", "a  <i>\n\n  b"),
        Block.plain("p", "    indented is not code"),
    )
    body = render_article_body(article, {"q-1": (8, 0)})
    assert body.split("\n")[1:-1] == [
        "<h3>Head</h3>",
        "<h4>Sub</h4>",
        "<h5>Subsub</h5>",
        "<ul>",
        "<li>one</li>",
        "<li>two</li>",
        "<li>three</li>",  # a blank paragraph between items does not split the list
        "</ul>",
        "<blockquote><p>&gt; quoted</p></blockquote>",
        '<pre><code><span id="q-1" class="quote-anchor"></span>a  &lt;i&gt;',
        "",
        "  b</code></pre>",
        "<p>    indented is not code</p>",
    ]
    # Python-Markdown passes the block through untouched: the pre keeps its blank line, nothing becomes code.
    assert body in to_html(body)


def test_links_only_to_web_urls_and_never_followed() -> None:
    runs = (Run("bad", href="javascript:alert(1)"), Run(" good", href="https://ok.example/?a=1&b=<2>"))
    body = render_article_body(_article(Block("p", runs)), {})
    parsed = Parsed(body)
    assert [(t, a) for t, a in parsed.tags if t == "a"] == [
        ("a", {"href": "https://ok.example/?a=1&b=%3C2%3E", "rel": "nofollow noopener"})
    ]
    assert parsed.text.strip() == "bad good"


def test_a_body_heading_cannot_take_a_quote_anchor_id() -> None:
    """Body headings are HTML: the toc gives them no id, so a heading "Q-1" leaves the anchor's id alone."""
    article = _article(Block.plain("h2", "Q-1"), Block.plain("p", "He said it."))
    page = to_html("## Text\n\n" + render_article_body(article, {"q-1": (1, 3)}))
    assert Parsed(page).ids() == ["text", "q-1"]


def test_lang_on_the_body_only_when_it_differs_from_the_page() -> None:
    build = planned(sample_archive())
    english, ukrainian = render(build, "note-uk", "en"), render(build, "note-uk", "uk")
    assert body_of(english).startswith('<div class="fc-article-body" lang="uk">')
    assert body_of(ukrainian).startswith('<div class="fc-article-body">')
    quote_cell = re.search(r'<td data-label="[^"]*"><span lang="uk"><a href="[^"]*">Україна — не держава</a>', english)
    assert quote_cell, "the quote (not its labelled cell, whose label is UI text) carries the article's language"
    assert 'lang="uk"' not in body_of(render(build, "ep-2001-transcripts", "en"))


def test_no_text_and_no_quotes_are_said() -> None:
    empty = dataclasses.replace(sample_archive().articles["note-uk"], id="empty", blocks=(), quotes=())
    build = planned(archive_with(empty))
    page = render(build, "empty")
    assert "fc-article-body" not in page
    assert "This article has no text." in page
    assert "No quotations were found in this article." in page


# --- work done: linear in the article --------------------------------------------------------------


def _lines_executed(article: Article, anchors: dict[str, tuple[int, int]]) -> int:
    """Python lines run inside article_body for one render: the work that is not one C call per string."""
    counted = [0]
    module_file = article_body.__file__

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            counted[0] += 1
        return local

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename == module_file else None

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        render_article_body(article, anchors)
    finally:
        sys.settrace(previous)
    return counted[0]


def _long_paragraph(size: int) -> Article:
    return _article(Block("p", (Run("a<b> *c* " * (size // 9)), Run("x", em=True))))


def _many_blocks(count: int) -> tuple[Article, dict[str, tuple[int, int]]]:
    kinds = ("p", "li", "li", "h3", "blockquote", "pre")
    blocks = tuple(
        Block(kinds[n % len(kinds)], (Run(f"block {n} "), Run("emphasis", em=True), Run(" end"))) for n in range(count)
    )
    anchors = {f"q-{n}": (n, 3) for n in range(count)}
    return _article(*blocks), anchors


def test_python_work_grows_with_blocks_not_characters() -> None:
    """A 1 MB paragraph runs the same Python lines as a 100 KB one (no per-character loop); 10x blocks, 10x lines."""
    short, long = _long_paragraph(100_000), _long_paragraph(1_000_000)
    assert _lines_executed(long, {"q-1": (0, 500_000)}) == _lines_executed(short, {"q-1": (0, 50_000)})
    assert _lines_executed(*_many_blocks(2_000)) / _lines_executed(*_many_blocks(200)) <= 10.1


def _html_built_per_output_char(
    monkeypatch: pytest.MonkeyPatch, article: Article, anchors: dict[str, tuple[int, int]]
) -> float:
    """Characters of every HTML string the renderer builds, per character of output.

    Constant when the work is linear; re-copying a growing result (`body += line`) makes it grow with the input.
    """
    built = [0]

    class CountingMarkup(Markup):
        def __new__(cls, base: Any = "", encoding: str | None = None, errors: str = "strict") -> CountingMarkup:
            made = super().__new__(cls, base, encoding, errors)
            built[0] += len(made)
            return made

    with monkeypatch.context() as patch:
        patch.setattr(article_body, "Markup", CountingMarkup)
        patch.setattr(article_body, "_EMPTY", CountingMarkup(""))
        output = render_article_body(article, anchors)
    assert built[0] >= len(output) > 0
    return built[0] / len(output)


def test_html_built_is_linear_in_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _many_blocks(200), _many_blocks(2_000)
    small_cost = _html_built_per_output_char(monkeypatch, *small)
    assert _html_built_per_output_char(monkeypatch, *large) <= 1.01 * small_cost
    short, long = _long_paragraph(100_000), _long_paragraph(1_000_000)
    short_cost = _html_built_per_output_char(monkeypatch, short, {})
    assert _html_built_per_output_char(monkeypatch, long, {}) <= 1.01 * short_cost


def test_each_character_is_escaped_once(monkeypatch: pytest.MonkeyPatch) -> None:
    escaped = [0]
    real = article_body.escape_text

    def counting(value: object) -> Any:
        escaped[0] += len(str(value))
        return real(value)

    monkeypatch.setattr(article_body, "escape_text", counting)
    article, anchors = _many_blocks(2_000)
    render_article_body(article, anchors)
    assert escaped[0] == sum(len(block.text) for block in article.blocks)


# --- the page --------------------------------------------------------------------------------------


def test_quote_table_links_each_quote_to_its_anchor_on_the_page() -> None:
    build = planned(archive_with(hostile_article()))
    for article_id in ("ep-2001-transcripts", "ukrmedia-7356", "note-uk", HOSTILE_ID):
        page = Parsed(to_html(render(build, article_id)))
        table = [a["href"] for t, a in page.tags if t == "a" and a.get("href", "").startswith("#q-")]
        quotes = sorted(build.archive.articles[article_id].quotes, key=lambda q: q.number)
        assert table == [f"#{q.anchor}" for q in quotes], article_id
        assert all(page.ids().count(q.anchor) == 1 for q in quotes), article_id


def test_back_links_to_each_citing_verdict_with_its_rating_and_role() -> None:
    build = planned(sample_archive())
    cited_twice = Parsed(to_html(render(build, "note-uk")))
    hrefs = cited_twice.hrefs()
    assert "../../verdicts/putin-russia-ally/" in hrefs and "../../verdicts/viral-post/" in hrefs
    assert "../../ratings/unproven/" in hrefs and "../../ratings/false/" in hrefs
    assert cited_twice.text.count("(cited as evidence)") == 2
    appeared = render(build, "ukrmedia-7356")
    item = next(line for line in appeared.splitlines() if "verdicts/putin" in line)
    assert "Misleading" in item and "(cited as where the claim appeared)" in item
    assert "Fact-checked in" not in render(planned(archive_with(hostile_article())), HOSTILE_ID)


def test_metadata_and_related_coverage() -> None:
    build = planned(sample_archive())
    page = Parsed(to_html(render(build, "ukrmedia-7356")))
    for shown in ("ukrmedia.news", "December 25, 2025", "December 26, 2025", "Newsroom", "b" * 64):
        assert shown in page.text
    assert "https://ukrmedia.news/en/main-news/in-2001/" in page.hrefs()
    assert "../../outlets/ukrmedia-news/" in page.hrefs()
    assert "../ep-2001-transcripts/" in page.hrefs() and "../note-uk/" in page.hrefs()
    assert ("span", {"lang": "uk"}) in page.tags  # the Ukrainian related title


@pytest.mark.parametrize("language", ["en", "uk"])
def test_hostile_text_in_every_field_is_inert(language: str) -> None:
    article = hostile_article()
    page_md = render(planned(archive_with(article)), HOSTILE_ID, language)
    page = Parsed(to_html(page_md))
    assert {tag for tag, _ in page.tags} <= {
        "h1", "h2", "h3", "a", "dl", "dt", "dd", "code", "ul", "li", "p", "strong", "em", "div", "span", "blockquote",
        "pre", "table", "thead", "tbody", "tr", "th", "td",
    }  # fmt: skip
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    for href in page.hrefs():
        assert href.startswith(("#", "../", "https://")), href
    assert page.count("em") == 1 and page.count("strong") == 1  # the one em run; "Attributions:"
    assert page.count("a") == 3 + 1 + 1  # three headerlinks, the safe body link, the quote's anchor link
    for literal in (
        article.title,
        article.outlet_name,
        article.author,
        article.attributions[0],
        article.quotes[0].text,
        "[click](javascript:alert(1)) <img src=x onerror=alert(2)>",
        " *not em* _nor this_ `code` {{ config.site_name }}.",
        "<i>pre</i>\n\n</code></pre><script>alert(7)</script>",
    ):
        assert literal in page.text, literal
    assert page.tags[0] == ("h1", {"id": heading_id(article.title)})


def test_a_title_that_would_take_a_quote_anchor_id_is_told_apart() -> None:
    archive = sample_archive()
    archive.articles["note-uk"] = dataclasses.replace(archive.articles["note-uk"], title="Q-1")
    page_md = render(planned(archive), "note-uk")
    assert page_md.startswith("# Q&#45;1 &#40;archived article&#41;\n")
    assert Parsed(to_html(page_md)).ids().count("q-1") == 1


@pytest.mark.parametrize("title", ["Q-1", "<b>Head</b> & co", "Путін: «так»", "a  b\nc", "&amp; x", "# x ##", "x_y*z*"])
def test_heading_id_is_the_id_toc_gives_the_escaped_title(title: str) -> None:
    article = dataclasses.replace(sample_archive().articles["note-uk"], id="t", title=title, quotes=())
    h1 = render(planned(archive_with(article)), "t").split("\n", 1)[0]
    assert to_html(h1).startswith(f'<h1 id="{html.escape(heading_id(title))}">')


@pytest.mark.parametrize("language", ["en", "uk"])
def test_generate_site_writes_every_article_page(tmp_path: Path, language: str) -> None:
    archive = archive_with(hostile_article())
    diags = Diagnostics()
    generate_site(archive, tmp_path, diags, SITE, language)
    assert not [d for d in diags if d.location.path.startswith("content/articles/")]
    for article_id in archive.articles:
        page = (tmp_path / "articles" / f"{article_id}.md").read_text(encoding="utf-8")
        assert "<script" not in page and "javascript:" not in page
