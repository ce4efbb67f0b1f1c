"""Escaping: input and expected output side by side, then what Python-Markdown makes of it."""

from __future__ import annotations

import html as html_lib

import markdown
import pytest
from pymdownx.slugs import slugify as slugify_factory

from generator.diagnostics import Location
from generator.model import Article, Block, Run
from generator.site.body import heading_id, render_body
from generator.site.contributor import render_block_html, render_inline_md
from generator.site.markdown import escape_cell, escape_md, external_link, safe_external_url
from generator.site.urls import relative_site_url, slugify


def to_html(md_text: str) -> str:
    """Python-Markdown with the extensions and toc slugs of mkdocs.yml."""
    toc = {"slugify": slugify_factory(case="lower")}
    return markdown.markdown(md_text, extensions=["tables", "toc", "admonition"], extension_configs={"toc": toc})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
        ("a | b", "a \\| b"),
        ("*not em* _nor this_", "\\*not em\\* \\_nor this\\_"),
        ("[x](javascript:alert(1))", "\\[x\\]\\(javascript&#58;alert\\(1\\)\\)"),
        ("# heading", "\\# heading"),
        ("1. item", "1\\. item"),
        ("line\nbreak", "line break"),
        ("&amp; stays literal", "&amp;amp; stays literal"),
        ("{{ config.site_name }}", "\\{\\{ config\\.site\\_name \\}\\}"),
        ("~~x~~ ==y== ^z^", "&#126;&#126;x&#126;&#126; &#61;&#61;y&#61;&#61; &#94;z&#94;"),
        ("ctrl\x02wzxhzdk:0\x03", "ctrlwzxhzdk&#58;0"),
        ("Путін: «так»", "Путін&#58; «так»"),
    ],
)
def test_escape_md(text: str, expected: str) -> None:
    assert escape_md(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "a | b *c* _d_ `e` [f](g) ![h](i) <j> &k; \\l",
        "- not a list",
        "> not a quote",
        "    not code",
        "!!! note not an admonition",
        "{#id .cls onclick=alert(1)}",
        "<http://autolink.example>",
        "Путін: «Україна — не держава»",
    ],
)
def test_escaped_text_renders_as_itself(text: str) -> None:
    # Text that starts a line is stripped by its callers (indentation would make a code block).
    html = to_html(escape_md(text).strip())
    assert html.startswith("<p>") and html.endswith("</p>")
    inner = html[len("<p>") : -len("</p>")]
    assert html_lib.unescape(inner).strip() == text.strip()
    assert "<" not in inner.replace("&lt;", "")


def test_table_cell_keeps_the_pipe_inside_one_cell() -> None:
    cell = escape_cell("left | right\nnext line")
    assert cell == "left \\| right next line"
    html = to_html(f"| a |\n|---|\n| {cell} |")
    assert "<td>left | right next line</td>" in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a b(c)", "https://example.org/a%20b%28c%29"),
        ("http://example.org/?q=1&r=2", "http://example.org/?q=1&r=2"),
        ("mailto:desk@example.org", "mailto:desk@example.org"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        (" \tjavascript:alert(1)", None),
        ("java\nscript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//evil.example/x", None),
        ("https:///no-host", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_external_url(url: str | None, expected: str | None) -> None:
    assert safe_external_url(url) == expected


def test_external_link_with_unsafe_url_is_plain_text() -> None:
    assert external_link("click <me>", "javascript:alert(1)") == "click &lt;me&gt;"
    assert external_link("doc", "https://x.example/(1)") == "[doc](https://x.example/%281%29)"


def test_contributor_block_is_sanitised() -> None:
    source = "**ok** <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n[x](javascript:alert(3)) [y](https://e.example/)"
    html, targets = render_block_html(source, "verdicts/v.md")
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html
    assert "<strong>ok</strong>" in html
    assert '<a href="https://e.example/" rel="nofollow noopener">y</a>' in html
    assert targets == []


def test_contributor_relative_links_follow_the_built_site() -> None:
    html, targets = render_block_html("[a](other.md) [b](../articles/x.md#q-2) [c](#top)", "verdicts/v.md")
    assert 'href="../other/"' in html
    assert 'href="../../articles/x/#q-2"' in html
    assert 'href="#top"' in html
    assert targets == ["verdicts/other.md", "articles/x.md"]


@pytest.mark.parametrize(
    "href", ["javascript%3Aalert(1)", "JAVASCRIPT%3aalert(1)", "data%3Atext/html,x", "%2F%2Fevil.example"]
)
def test_percent_encoded_schemes_are_not_relative_links(href: str) -> None:
    assert render_inline_md(f"[click]({href})") == "click"
    html, targets = render_block_html(f"[click]({href})", "verdicts/v.md")
    assert "href" not in html and targets == []


def test_contributor_inline_is_one_safe_line() -> None:
    note = "A *b* | c\n\n<script>x</script>[d](javascript:y) [e](https://e.example/)"
    assert render_inline_md(note) == "A <em>b</em> \\| c d [e](https://e.example/)"


def test_relative_site_url() -> None:
    assert relative_site_url("verdicts/a.md", "verdicts/b.md") == "../b/"
    assert relative_site_url("verdicts/a.md", "index.md") == "../../"
    assert relative_site_url("index.md", "verdicts/index.md") == "verdicts/"
    assert relative_site_url("verdicts/a.md", "feed.xml") == "../../feed.xml"


@pytest.mark.parametrize(
    ("tag", "slug"),
    [("NATO", "nato"), ("Україна", "україна"), ("war & peace", "war-peace"), ("../etc", "etc"), ("/", None)],
)
def test_slugify(tag: str, slug: str | None) -> None:
    result = slugify(tag)
    assert "/" not in result and ".." not in result
    if slug is not None:
        assert result == slug
    else:
        assert result.startswith("tag_")  # `_`: no valid tag has one, so no tag can take this page


def _article(*blocks: Block) -> Article:
    return Article("a", Location("content/articles/a.txt"), "text", "T", blocks, "0" * 64)


def test_body_anchor_sits_at_its_offset_inside_emphasis() -> None:
    article = _article(Block("p", (Run("He said "), Run("we will win", em=True), Run("."))))
    body = render_body(article, {"q-1": (0, 11)})  # "He said we " | "will win"
    assert body == '<em>we <span id="q-1" class="quote-anchor"></span>will win</em>'.join(["<p>He said ", ".</p>"])


def test_body_escapes_every_kind_of_block() -> None:
    article = _article(
        Block.plain("h2", "<b>Head</b>"),
        Block.plain("li", "- one"),
        Block.plain("li", "two"),
        Block.plain("blockquote", "> q"),
        Block.plain("pre", "<i>\n\nx"),
        Block("p", (Run("bad", href="javascript:alert(1)"), Run(" good", href="https://ok.example/"))),
        Block.plain("p", "    indented is not code"),
    )
    assert render_body(article, {"q-1": (4, 0)}) == "\n\n".join(
        [
            "### &lt;b&gt;Head&lt;/b&gt;",
            "<ul>\n<li>- one</li>\n<li>two</li>\n</ul>",
            "<blockquote><p>&gt; q</p></blockquote>",
            '<pre><code><span id="q-1" class="quote-anchor"></span>&lt;i&gt;\n\nx</code></pre>',
            '<p>bad<a href="https://ok.example/"> good</a></p>',
            "<p>indented is not code</p>",
        ]
    )
    html = to_html(render_body(article, {"q-1": (4, 0)}))
    assert "<b>" not in html and "<i>" not in html and "javascript" not in html
    assert '<h3 id="head">' in html
    assert "<p>indented is not code</p>" in html


@pytest.mark.parametrize(
    "text", ["Key messages", "Q-1", "<b>Head</b> & co", "Путін: «так»", "a  b\nc", "&amp; x", "C-v-a0"]
)
def test_heading_id_is_the_id_toc_assigns(text: str) -> None:
    html = to_html("### " + escape_md(text).strip())
    assert html.startswith(f'<h3 id="{heading_id(text)}">'), html


def test_a_heading_that_would_take_a_quote_anchor_id_is_not_a_heading() -> None:
    article = _article(Block.plain("h2", "Q-1"), Block.plain("p", "He said it."))
    body = render_body(article, {"q-1": (1, 3)})
    assert body.startswith("<p><strong>Q-1</strong></p>\n\n")
    assert to_html(body).count('id="q-1"') == 1
