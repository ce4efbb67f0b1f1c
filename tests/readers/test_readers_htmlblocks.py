"""HTML to Blocks: what is kept, what is dropped, and that no markup survives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Block, Run
from generator.readers.htmlblocks import html_to_blocks, html_to_text, strip_shortcodes
from tests.workcount import assert_linear


def kinds_and_texts(html: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in html_to_blocks(html)]


def test_structure_is_kept_as_block_kinds() -> None:
    html = (
        "<h1>Top</h1><h2>Two</h2><h3>Three</h3><h5>Five</h5><p>Para</p>"
        "<ol><li>one</li><li><p>two</p></li></ol><blockquote><p>q1</p><p>q2</p></blockquote><pre>a  b\n c</pre>"
    )
    assert kinds_and_texts(html) == [
        ("h2", "Top"),
        ("h2", "Two"),
        ("h3", "Three"),
        ("h4", "Five"),
        ("p", "Para"),
        ("li", "one"),
        ("li", "two"),
        ("blockquote", "q1"),
        ("blockquote", "q2"),
        ("pre", "a  b\n c"),
    ]


def test_inline_emphasis_and_links_become_runs() -> None:
    (block,) = html_to_blocks('<p>A <strong>bold</strong> and <i>italic</i> <a href="https://e.org/x">link</a>.</p>')
    assert block.runs == (
        Run("A "),
        Run("bold", strong=True),
        Run(" and "),
        Run("italic", em=True),
        Run(" "),
        Run("link", href="https://e.org/x"),
        Run("."),
    )


def test_unsafe_and_relative_links_become_plain_text() -> None:
    html = '<p><a href="javascript:alert(1)">one</a> <a href="/local">two</a> <a href="mailto:a@e.org">three</a></p>'
    (block,) = html_to_blocks(html)
    assert block.runs == (Run("one two "), Run("three", href="mailto:a@e.org"))


def test_embeds_scripts_and_forms_are_dropped_with_their_content() -> None:
    html = (
        "<p>Kept.</p><script>steal()</script><style>p{}</style><iframe>frame</iframe><object>obj</object>"
        "<embed src=x><form><label>Name</label><input></form><noscript>Enable JS</noscript>"
        "<svg><text>vector</text></svg><p>Also kept.</p>"
    )
    assert kinds_and_texts(html) == [("p", "Kept."), ("p", "Also kept.")]


def test_gutenberg_comments_and_hidden_elements_are_dropped() -> None:
    html = '<!-- wp:paragraph --><p>Text</p><!-- /wp:paragraph --><div style="display: none">pin it</div>'
    assert kinds_and_texts(html) == [("p", "Text")]


def test_entities_are_decoded() -> None:
    assert html_to_text("Tom &amp; Jerry &#8220;say&#8221; caf&eacute;&nbsp;&hellip; &lt;b&gt;") == (
        "Tom & Jerry “say” café … <b>"
    )


def test_shortcodes_embeds_and_captions_go_other_shortcodes_are_unwrapped() -> None:
    html = (
        '[caption id="a1" width="300"]<img src="x.jpg"> Photo credit[/caption]'
        "[embed]https://video.example.com/v/1[/embed]"
        '[vc_column_text css="x"]Body from a page builder[/vc_column_text] [button url="https://e.org"]'
        " [sic] and […] stay"
    )
    assert strip_shortcodes(html).strip() == "Body from a page builder  [sic] and […] stay"


def test_br_splits_a_paragraph_and_q_gets_quotation_marks() -> None:
    assert kinds_and_texts("<p>Claim: X<br>Fact: <q>not X</q></p>") == [("p", "Claim: X"), ("p", "Fact: “not X”")]


def test_broken_markup_still_yields_text() -> None:
    assert kinds_and_texts("<p>unclosed <b>bold <i>both</p><p>next") == [("p", "unclosed bold both"), ("p", "next")]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<b>",
                "</b>",
                "<script>",
                "</script>",
                "<a href='javascript:x'>",
                "<a href='https://e.org'>",
                "</a>",
                "<iframe>",
                "<!--",
                "-->",
                "[caption]",
                "[/caption]",
                "&amp;",
                "&lt;script&gt;",
                "text",
                " ",
                "\u200b",
                "<li>",
                "<blockquote>",
                "<br>",
                "<style>",
                "Ї",
            ]
        ),
        max_size=30,
    )
)
def test_any_markup_gives_plain_text_blocks_with_safe_links(parts: list[str]) -> None:
    for block in html_to_blocks("".join(parts)):
        assert isinstance(block, Block) and block.text.strip() == block.text
        for run in block.runs:
            assert run.href in (None, "https://e.org")
            assert "\u200b" not in run.text
            assert "<script>" not in run.text or "&lt;script&gt;" in "".join(parts)


@pytest.mark.slow
def test_shortcode_stripping_work_is_linear_on_pathological_input() -> None:
    sizes = {
        "open-close": ('"[a]" * 600 + "[/a]"', '"[a]" * 6_000 + "[/a]"'),
        "unclosed": ('"[a " * 600', '"[a " * 6_000'),
        "long-name": ('"[a " + "b" * 2_000 + "]"', '"[a " + "b" * 20_000 + "]"'),
        "captions": ('"[caption]" * 200', '"[caption]" * 2_000'),
    }
    assert_linear("from generator.readers.htmlblocks import strip_shortcodes", "strip_shortcodes(text)", sizes, 10)
