"""Escaping: input and expected output side by side, then what Python-Markdown makes of it.

Pages print every value through the template finalizer (`templating.escape_text`);
contributor Markdown goes through `contributor` (nh3) and the inline renderer
(`markdown.escape_md`); article bodies through `article_body`.
"""

from __future__ import annotations

import html as html_lib

import markdown
import pytest
from markupsafe import Markup
from pymdownx.slugs import slugify as slugify_factory

from generator.diagnostics import Location
from generator.model import Article, Block, Run
from generator.site import views
from generator.site.article_body import render_article_body
from generator.site.contributor import render_block_html, render_inline_md
from generator.site.markdown import escape_md, safe_external_url
from generator.site.pages.article import heading_id
from generator.site.templating import environment, escape_text
from generator.site.urls import relative_site_url, slugify


def to_html(md_text: str) -> str:
    """Python-Markdown with the extensions and toc slugs of mkdocs.yml."""
    toc = {"slugify": slugify_factory(case="lower")}
    return markdown.markdown(md_text, extensions=["tables", "toc", "admonition"], extension_configs={"toc": toc})


HOSTILE_TEXT = [
    "<script>alert(1)</script>",
    "a | b *c* _d_ `e` [f](g) ![h](i) <j> &k; \\l",
    "- not a list",
    "> not a quote",
    "    not code",
    "!!! note not an admonition",
    "{#id .cls onclick=alert(1)}",
    "<http://autolink.example>",
    "Путін: «Україна — не держава»",
    "~~x~~ ==y== ^z^ $x$",
    "{{ config.site_name }}",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>", "&lt;script&gt;"),
        ("a | b", "a &#124; b"),
        ("*em* _x_", "&#42;em&#42; &#95;x&#95;"),
        ('say "hi" it\'s', "say &quot;hi&quot; it&#39;s"),
        ("line\nbreak", "line break"),
        ("&amp; stays literal", "&amp;amp; stays literal"),
        ("ctrl\x02wzxhzdk:0\x03", "ctrlwzxhzdk&#58;0"),
        ("Путін", "Путін"),
        (None, ""),
    ],
)
def test_escape_text(text: str | None, expected: str) -> None:
    assert escape_text(text) == expected


def test_markup_passes_the_finalizer_unchanged_and_anything_else_is_escaped() -> None:
    template = environment("en").from_string("{{ safe }}|{{ unsafe }}|{{ number }}")
    out = template.render(safe=Markup("<em>ok</em>"), unsafe="<em>no</em> *x*", number=3)
    assert out == "<em>ok</em>|&lt;em&gt;no&lt;/em&gt; &#42;x&#42;|3"


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_finalized_text_renders_as_itself_in_markdown_and_in_html_blocks(text: str) -> None:
    escaped = environment("en").from_string("{{ value }}").render(value=text)
    assert escaped == escape_text(text)
    paragraph = to_html(escaped.strip())
    assert paragraph.startswith("<p>") and paragraph.endswith("</p>")
    inner = paragraph[len("<p>") : -len("</p>")]
    assert html_lib.unescape(inner).strip() == text.strip()
    assert "<" not in inner.replace("&lt;", "")
    block = to_html(f'<div class="x">\n{escaped}\n</div>')
    assert html_lib.unescape(block.removeprefix('<div class="x">').removesuffix("</div>")).strip() == text.strip()


def test_escaped_text_keeps_one_table_cell() -> None:
    cell = escape_text("left | right\nnext line")
    html = to_html(f'<table class="fc-table">\n<tr><td data-label="a">{cell}</td></tr>\n</table>')
    assert html_lib.unescape(html).count("<td") == 1
    assert "left | right next line" in html_lib.unescape(html)
    md_table = to_html(f"| a |\n|---|\n| {cell} |")
    assert "<td>left &#124; right next line</td>" in md_table or "<td>left | right next line</td>" in md_table


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
def test_escaped_markdown_renders_as_itself(text: str) -> None:
    # escape_md still guards the contributor's inline Markdown (render_inline_md); callers strip it.
    html = to_html(escape_md(text).strip())
    assert html.startswith("<p>") and html.endswith("</p>")
    inner = html[len("<p>") : -len("</p>")]
    assert html_lib.unescape(inner).strip() == text.strip()
    assert "<" not in inner.replace("&lt;", "")


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
    assert views.external("click <me>", "javascript:alert(1)") == "click &lt;me&gt;"
    link = views.external("doc", "https://x.example/(1)")
    assert link == '<a href="https&#58;//x&#46;example/%281%29" rel="nofollow noopener">doc</a>'
    assert 'href="https://x.example/%281%29"' in to_html(f"<p>{link}</p>").replace("&#58;", ":").replace("&#46;", ".")


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
    body = render_article_body(article, {"q-1": (0, 11)})  # "He said we " | "will win"
    inner = '<em>we <span id="q-1" class="quote-anchor"></span>will win</em>'.join(["<p>He said ", "&#46;</p>"])
    assert body == f'<div class="fc-article-body">\n{inner}\n</div>'


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
    body = render_article_body(article, {"q-1": (4, 0)})
    assert body == "\n".join(
        [
            '<div class="fc-article-body">',
            "<h3>&lt;b&gt;Head&lt;/b&gt;</h3>",
            "<ul>",
            "<li>&#45; one</li>",
            "<li>two</li>",
            "</ul>",
            "<blockquote><p>&gt; q</p></blockquote>",
            '<pre><code><span id="q-1" class="quote-anchor"></span>&lt;i&gt;\n\nx</code></pre>',
            '<p>bad<a href="https&#58;//ok&#46;example/" rel="nofollow noopener"> good</a></p>',
            "<p>    indented is not code</p>",
            "</div>",
        ]
    )
    html = to_html(body)
    assert "<b>" not in html and "<i>" not in html and "javascript" not in html
    assert "<code>" in html and "indented is not code</p>" in html and html.count("<pre>") == 1


@pytest.mark.parametrize(
    "text", ["Key messages", "Q-1", "<b>Head</b> & co", "Путін: «так»", "a  b\nc", "&amp; x", "C-v-a0"]
)
def test_heading_id_is_the_id_toc_assigns(text: str) -> None:
    html = to_html("# " + escape_text(text).strip())
    assert html.startswith(f'<h1 id="{heading_id(text)}">'), html


def test_a_heading_in_a_body_cannot_take_a_quote_anchor_id() -> None:
    article = _article(Block.plain("h2", "Q-1"), Block.plain("p", "He said it."))
    html = to_html(render_article_body(article, {"q-1": (1, 3)}))
    assert html.count('id="q-1"') == 1 and "<h3>Q&#45;1</h3>" in html
