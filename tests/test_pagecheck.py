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
