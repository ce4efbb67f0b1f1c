"""Plain-text hygiene: whitespace, invisible characters, safe links, language guess."""

from __future__ import annotations

import pytest

from generator.model import Run
from generator.readers.hygiene import clean_inline, guess_language, safe_href, tidy_runs, title_from_blocks
from generator.readers.wire import lines_to_blocks


def test_clean_inline_collapses_whitespace_and_strips_invisible_characters() -> None:
    assert clean_inline("  Пу\u200bтін\u00a0 сказав\t\n«так»\ufeff ") == "Путін сказав «так»"


def test_clean_inline_keeps_joiners_that_scripts_need() -> None:
    assert clean_inline("क्\u200dष") == "क्\u200dष"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("HTTP://Example.org", "HTTP://Example.org"),
        ("mailto:desk@example.org", "mailto:desk@example.org"),
        ("javascript:alert(1)", None),
        (" JaVaScRiPt:alert(1)", None),
        ("java\u200bscript:alert(1)", None),
        ("data:text/html;base64,PHNjcmlwdD4=", None),
        ("/relative/path", None),
        ("//example.org/protocol-relative", None),
        ("https:///no-host", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_href_keeps_only_absolute_http_and_mailto(href: str | None, expected: str | None) -> None:
    assert safe_href(href) == expected


def test_tidy_runs_keeps_spaces_out_of_styled_runs() -> None:
    runs = tidy_runs([Run("  The "), Run(" big ", strong=True), Run(" "), Run("dog ", em=True), Run("ran.")])
    assert runs == (Run("The "), Run("big", strong=True), Run(" "), Run("dog", em=True), Run(" ran."))


def test_tidy_runs_merges_neighbours_of_the_same_style_and_drops_unsafe_links() -> None:
    runs = tidy_runs([Run("a "), Run("link", href="javascript:x()"), Run(" b"), Run("c", href="https://e.org")])
    assert runs == (Run("a link b"), Run("c", href="https://e.org"))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Міністр заявив, що їхні війська відступили.", "uk"),
        ("Министр заявил, что войска отступили. Это ещё не всё.", "ru"),
        ("The minister said the troops had withdrawn.", "en"),
        ("तथ्य जाँच: क्या यह दावा सही है?", None),
        ("12 34", None),
    ],
)
def test_guess_language(text: str, language: str | None) -> None:
    assert guess_language(text) == language


def test_title_from_blocks_takes_the_first_words() -> None:
    blocks, _ = lines_to_blocks(["", "one two three four five six seven eight nine ten eleven"])
    assert title_from_blocks(blocks) == "one two three four five six seven eight nine ten…"
    assert title_from_blocks(blocks, max_words=20) == "one two three four five six seven eight nine ten eleven"
