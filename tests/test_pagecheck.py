"""Hand-written pages: raw HTML and script URLs are refused at their line and column."""

import pytest

from generator.diagnostics import Diagnostics
from generator.pagecheck import check_page


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# About\n\nPlain *Markdown* with a [link](https://example.org).\n", []),
        ("Use `<script>` literally in code.\n", []),
        # Without the fenced_code extension (not enabled) this is no fence: the script would be live.
        ("```html\n<script>alert(1)</script>\n```\n", ["page.md:2:1: error: raw HTML"]),
        ("Intro.\n\n    ```\n\n<script>alert(2)</script>\n", ["page.md:5:1: error: raw HTML"]),
        ("See [click](\njavascript:alert(4)).\n", ["page.md:2:1: error: link scheme 'javascript:'"]),
        ("---\ntitle: x\n---\n# T\n", ["page.md:1:1: error: pages take their title"]),
        ("[methodology](methodology.md#quote-rule)\n", []),
        ("Hello <script>alert(1)</script>\n", ["page.md:1:7: error: raw HTML"]),
        ("\n[x](javascript:alert(1))\n", ["page.md:2:5: error: link scheme 'javascript:'"]),
        ("[x](jav&#x09;ascript:alert(1))\n", ["page.md:1:22: error: link scheme 'javascript:'"]),
        ("![x]( data:text/html,evil)\n", ["page.md:1:7: error: link scheme 'data:'"]),
        ("[a][ref]\n\n[ref]: vbscript:msgbox\n", ["page.md:3:8: error: link scheme 'vbscript:'"]),
        ("[ref]: vbscript:msgbox\n", []),  # A definition nobody uses renders nothing.
        ("<javascript:alert(1)>\n", ["page.md:1:1: error: raw HTML"]),
        # attr_list is not enabled, so this stays visible text.
        ("# Title {: onclick=\"alert(1)\" }\n", []),
    ],
)
def test_page_check(text: str, expected: list[str]) -> None:
    diags = Diagnostics()
    check_page(text, "page.md", diags)
    got = [d.format() for d in diags]
    assert len(got) == len(expected), got
    for line, prefix in zip(got, expected, strict=True):
        assert line.startswith(prefix), line


# MkDocs reads `key: value` on a page's first line as metadata even without `---`; the
# theme prints some values raw and `template:` switches the page's template.
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("template: 404.html\n\n# T\n", "template"),
        ("title: `<img src=x onerror=alert(1)>`\n\n# T\n", "title"),  # inline code does not hide it
        ("description: x\n    continued\nauthor: y\n\n# T\n", "description"),
        ("   subtitle: x\n# T\n", "subtitle"),
        ("https://example.org is our site.\n", "https"),
    ],
)
def test_a_metadata_line_at_the_top_is_refused(text: str, key: str) -> None:
    diags = Diagnostics()
    check_page(text, "page.md", diags)
    assert [d.code for d in diags] == ["page-metadata"]
    assert diags.items[0].format().startswith(f"page.md:1:1: error: MkDocs would read '{key}:'")


@pytest.mark.parametrize(
    "text",
    [
        "# About\n\ntitle: not metadata once a heading comes first\n",
        "\ntitle: a blank first line ends MkDocs' metadata block\n",
        "# Title: with a colon\n",
    ],
)
def test_lines_mkdocs_does_not_read_as_metadata_pass(text: str) -> None:
    diags = Diagnostics()
    check_page(text, "page.md", diags)
    assert not diags.items, [d.format() for d in diags]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Escaped backticks open no code span for Python-Markdown: the `<b` is in the text.
        ("Text \\`<b onmouseover=alert(1)\\` more.\n", ["page.md:1:8: error: raw HTML"]),
        # A code span may run over lines of a paragraph; its `<` is code.
        ("Code `a\n<b>x</b>` here.\n", []),
        # Unequal backtick runs pair the way Python-Markdown pairs them (``` with the first `):
        # a pattern pairing `<i>`'s own backticks would call it code.
        ("A ``` run then `<i>` code.\n", ["page.md:1:17: error: raw HTML"]),
        # An indented code block is code too.
        ("Intro.\n\n    <script>alert(1)</script>\n", []),
        # A `<` inside a link target is not in code.
        ("[x](<img src=x onerror=alert(1)>)\n", ["page.md:1:5: error: raw HTML"]),
    ],
)
def test_tags_are_judged_by_what_python_markdown_renders_as_code(text: str, expected: list[str]) -> None:
    diags = Diagnostics()
    check_page(text, "page.md", diags)
    got = [d.format() for d in diags]
    assert len(got) == len(expected), got
    for line, prefix in zip(got, expected, strict=True):
        assert line.startswith(prefix), line


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Intro.\n\nSee " + "[" * 2_000 + "\n", "page.md:3:5:"),
        ("[a](" * 1_500 + "\n", "page.md:1:4:"),
        ("".join("`" * n + "a" for n in range(1, 120)) + "\n", "page.md:1:1:"),
        ("<a" * 2_000 + "\n", "page.md:1:1:"),
    ],
)
def test_markdown_that_would_rescan_too_much_is_refused_where_it_starts(text: str, where: str) -> None:
    diags = Diagnostics()
    check_page(text, "page.md", diags)
    assert [d.code for d in diags] == ["page-too-complex"]
    assert diags.items[0].format().startswith(where), diags.items[0].format()


@pytest.mark.parametrize(
    "text",
    ["".join("    " * depth + "- item\n" for depth in range(300)), "*" * 3_000 + "a" + "*" * 3_000 + "\n"],
)
def test_nesting_too_deep_to_render_is_a_located_error_not_a_crash(text: str) -> None:
    diags = Diagnostics()
    check_page(text, "page.md", diags)
    assert [d.format()[:42] for d in diags] == ["page.md:1:1: error: the page nests lists, "]


@pytest.mark.slow
def test_page_check_work_grows_linearly() -> None:
    """Instructions (callgrind), not seconds: each shape at 10x the size costs at most ~10x.

    Runs of backticks were cubic in the old inline-code pattern; runs of `[` make
    Python-Markdown walk to the paragraph's end from each one. Accepted shapes
    (links, code spans) and refused ones (beyond the rescan budget) both count.
    """
    from tests.workcount import assert_linear

    setup = "from generator.diagnostics import Diagnostics\nfrom generator.pagecheck import check_page"
    statement = "check_page(text, 'p.md', Diagnostics())"
    sizes = {
        "backtick-run": ("'`' * 200", "'`' * 2000"),
        "bracket-run": ("'[' * 200", "'[' * 2000"),
        "backtick-runs-of-every-length": (
            "''.join('`' * (n % 40 + 1) + 'a' for n in range(20))",
            "''.join('`' * (n % 40 + 1) + 'a' for n in range(200))",
        ),
        "links": ("'[a](https://e.org/) ' * 10", "'[a](https://e.org/) ' * 100"),
        "code-with-tags": ("'`<b>` ' * 30", "'`<b>` ' * 300"),
    }
    assert_linear(setup, statement, sizes, factor=10)


def test_the_rescan_estimate_bounds_python_markdowns_link_scans() -> None:
    """The budget is only as good as the estimate: on bracket-heavy texts (seeded, so the same every
    run) Python-Markdown's link parsing walks at most a few times what `rescan_cost` counts."""
    import random

    from generator.pagecheck import render_page
    from generator.pagecost import rescan_cost
    from tests.security.steps import markdown_work

    alphabets = ["[[[]]((()``\"' a\n!<>\\", "[[[]](a \n", "[a](b \"x) '", "``` ` `` a\n[", "[]()()\"\"a \n\n"]
    rng = random.Random(8)
    worst = 0.0
    for _ in range(40):
        alphabet = rng.choice(alphabets)
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(200, 1200)))
        with markdown_work() as work:
            render_page(text)
        worst = max(worst, work.scanned / (rescan_cost(text).total + len(text)))
    assert worst <= 6, f"Python-Markdown scanned {worst:.1f}x the estimate"
