"""YAML loading: YAML 1.2 values, locations, and the traps turned into diagnostics."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics, Location
from generator.schema import describe_type
from generator.yamlio import (
    MAX_YAML_BYTES,
    BoolLikeText,
    load_mapping_file,
    load_yaml_file,
    load_yaml_text,
    locate,
)


def _load(text: str, **options: bool) -> tuple[object, list[str]]:
    diags = Diagnostics()
    data = load_yaml_text(text, "f.yaml", diags, **options)
    return data, [d.format() for d in diags]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a: NO", "NO"),
        ("a: yes", "yes"),
        ("a: off", "off"),
        ("a: true", True),
        ("a: 2001", 2001),
        ("a: 0o17", 15),
        ("a: 1.5", 1.5),
        ("a: ~", None),
        ("a: 2025-12-25", dt.date(2025, 12, 25)),
        ("a: 2025-13-45", "2025-13-45"),
        ("a: '2025-12-25'", "2025-12-25"),
        ("a: 12:30", "12:30"),
    ],
)
def test_yaml_12_values(text: str, value: object) -> None:
    data, problems = _load(text)
    assert problems == []
    assert data == {"a": value}
    assert type(data["a"]) is type(value) or isinstance(data["a"], BoolLikeText)  # type: ignore[index]


def test_unquoted_yes_no_words_are_marked_but_quoted_ones_are_not() -> None:
    data, _ = _load("a: no\nb: 'no'\nc: \"yes\"\nd: nope\n")
    assert isinstance(data["a"], BoolLikeText)  # type: ignore[index]
    assert not any(isinstance(data[k], BoolLikeText) for k in "bcd")  # type: ignore[index]
    assert describe_type(data["a"]) == "'no' (read as yes/no by many YAML tools)"  # type: ignore[index]


def test_duplicate_keys_keep_the_first_value_and_the_rest_of_the_file() -> None:
    data, problems = _load("a: 1\nb: 2\na: 3\nc: 4\n")
    assert data == {"a": 1, "b": 2, "c": 4}
    assert problems == ["f.yaml:3:1: error: duplicate key 'a' (first written at line 1); the second one is ignored "
                        "[duplicate-key]"]


def test_locate_follows_keys_and_items() -> None:
    data, _ = _load("top:\n  - x: 1\n    y:\n  - z\n")
    assert locate(data, ("top", 0, "x"), "f") == Location("f", 2, 8)
    assert locate(data, ("top", 0, "x"), "f", at_key=True) == Location("f", 2, 5)
    assert locate(data, ("top", 1), "f") == Location("f", 4, 5)
    assert locate(data, ("top", 0, "y"), "f") == Location("f", 3, 5)  # empty value: at its key
    assert locate(data, ("top", 9), "f") == Location("f", 2, 3)  # stops at the deepest that exists
    assert locate(data, (), "f") == Location("f", 1, 1)


def test_aliases_are_allowed_in_moderation_where_permitted() -> None:
    data, problems = _load("a: &x [1, 2]\nb: *x\n", allow_aliases=True)
    assert problems == []
    assert data == {"a": [1, 2], "b": [1, 2]}


def test_more_than_a_hundred_aliases_are_refused() -> None:
    text = "a: &x 1\nb: [" + ", ".join(["*x"] * 101) + "]\n"
    data, problems = _load(text, allow_aliases=True)
    assert data is None
    assert problems == ["f.yaml:2:405: error: more than 100 YAML aliases; the file is refused [yaml-alias]"]


def test_a_self_referencing_alias_is_refused() -> None:
    data, problems = _load("a: &x [*x]\n", allow_aliases=True)
    assert data is None
    assert problems == ["f.yaml:1:8: error: a YAML alias refers to a value that contains it [yaml-alias]"]


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    data, problems = _load("[" * 5000)
    assert data is None
    assert problems == ["f.yaml:1:101: error: YAML syntax error: values are nested more than 100 levels deep "
                        "[yaml-syntax]"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a: " + "[" * 101 + "]" * 101 + "\n", "1:104"),
        ("a:\n  - " + "{b: " * 101 + "}" * 101 + "\n", "2:405"),
        ("a: '" + "[" * 200 + "'\nb: " + "[" * 101, "2:104"),  # quoted brackets are text, not nesting
        ("# " + "[" * 200 + "\nb: " + "[" * 101, "2:104"),  # nor are brackets in a comment
    ],
)
def test_nesting_depth_is_measured_by_the_project(text: str, where: str) -> None:
    _, problems = _load(text)
    assert problems == [f"f.yaml:{where}: error: YAML syntax error: values are nested more than 100 levels deep "
                        "[yaml-syntax]"]


def test_a_hundred_levels_are_still_fine() -> None:
    data, problems = _load("[" * 100 + "]" * 100)
    assert problems == [] and data is not None


def test_canary_without_the_depth_scan_the_library_words_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """The deep-nesting test can fail: without the project's own scan the YAML library answers first."""
    import generator.yamlio

    monkeypatch.setattr(generator.yamlio, "_flow_depth_overflow", lambda _text: None)
    _, problems = _load("[" * 5000)
    assert problems != ["f.yaml:1:101: error: YAML syntax error: values are nested more than 100 levels deep "
                        "[yaml-syntax]"]


def test_a_file_with_aliases_is_refused_whole() -> None:
    data, problems = _load("a: &x long text\nb: *x\n")
    assert data is None
    assert problems == ["f.yaml:2:4: error: YAML alias '*x' is not allowed in this file; write the value out "
                        "[yaml-alias]"]


def test_unsupported_tags_are_reported() -> None:
    _, problems = _load("a: !!binary aGk=\nb: !!set {x}\n")
    assert problems == [
        "f.yaml:1:4: error: YAML tag '!!binary' is not supported; remove it [yaml-tag]",
        "f.yaml:2:4: error: YAML tag '!!set' is not supported; remove it [yaml-tag]",
    ]


def test_merge_and_complex_keys_are_reported() -> None:
    _, problems = _load("<<: {a: 1}\n? [x]\n: 1\n")
    assert problems == [
        "f.yaml:1:1: error: YAML merge keys (<<) are not supported [yaml-merge-key]",
        "f.yaml:2:3: error: a key must be a single word or text [yaml-complex-key]",
    ]


def test_byte_order_mark_and_crlf_are_fine(tmp_path: Path) -> None:
    file = tmp_path / "x.yaml"
    file.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: 2\r\n")
    diags = Diagnostics()
    assert load_yaml_file(file, "x.yaml", diags) == {"a": 1, "b": 2}
    assert not list(diags)


def test_unreadable_and_oversized_files(tmp_path: Path) -> None:
    diags = Diagnostics()
    assert load_yaml_file(tmp_path / "missing.yaml", "missing.yaml", diags) is None
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * MAX_YAML_BYTES)
    assert load_yaml_file(big, "big.yaml", diags) is None
    assert [d.code for d in diags] == ["io", "yaml-too-large"]


def test_mapping_files_may_be_allowed_empty(tmp_path: Path) -> None:
    file = tmp_path / "people.yaml"
    file.write_text("# nobody yet\n", encoding="utf-8")
    diags = Diagnostics()
    assert load_mapping_file(file, "people.yaml", diags, empty_ok=True) == {}
    assert load_mapping_file(file, "people.yaml", diags) is None
    assert [d.code for d in diags] == ["empty-file"]


def test_a_huge_number_of_values_is_refused_quickly() -> None:
    data, problems = _load("a:\n" + "  - item\n" * 100_001)
    assert data is None
    # the mapping, the key and the list count too: the 100,001st value is the item on line 99,999
    assert problems == ["f.yaml:99999:5: error: the file holds more than 100,000 values; split it [yaml-too-large]"]


def test_the_pure_python_parser_gives_the_same_values(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without libyaml (PyYAML built without it) loading still works, only slower."""
    import yaml

    from generator import yamlio

    text = "a: NO\nb: [1, 2025-12-25, true, ~]\nc: &x {d: 'e'}\nf: *x\na: 2\n"
    fast, fast_problems = _load(text, allow_aliases=True)
    monkeypatch.setattr(yamlio, "_LOADER", yaml.SafeLoader)
    slow, slow_problems = _load(text, allow_aliases=True)
    assert slow == fast == {"a": "NO", "b": [1, dt.date(2025, 12, 25), True, None], "c": {"d": "e"}, "f": {"d": "e"}}
    assert slow_problems == fast_problems and len(fast_problems) == 1
