"""Hypothesis strategies for hostile inputs: JSON and YAML shapes, corrupted bytes."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from hypothesis import strategies as st
from ruamel.yaml import YAML

# Strings that mean something to YAML, HTML, Markdown or the quote finder.
TRICKY_TEXT = st.sampled_from(
    [
        "",
        " ",
        "yes",
        "No",
        "on",
        "~",
        "null",
        "-",
        "---",
        "...",
        "&a",
        "*a",
        "!!python/object/apply:os.system",
        "<<",
        "? ",
        ": ",
        "#",
        "%YAML 1.1",
        "@",
        "`",
        "|",
        ">",
        "\t",
        "\x00",
        "\ufeff",
        "\u2028",
        "\ud7ff",
        "<script>alert(1)</script>",
        "javascript:alert(1)",
        "«",
        "»",
        "“",
        "”",
        "„",
        '"',
        "'",
        "[",
        "]",
        "{",
        "}",
        "0x1F",
        "1e400",
        "-0",
        ".inf",
        ".nan",
        "2026-13-45",
        "2026-02-29",
        "00:00",
        "Quote from X:",
        "Source:",
        "a" * 300,
        "\u202e",
        "ʼ",
        "../../etc/passwd",
        "C:\\x",
        "index",
        "CON",
        "NUL",
    ]
)
TEXT = st.one_of(st.text(max_size=60), TRICKY_TEXT)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    TEXT,
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(TEXT, children, max_size=5),
    max_leaves=40,
)
YAML_SCALARS = st.one_of(SCALARS, st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
YAML_VALUES = st.recursive(
    YAML_SCALARS,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.one_of(TEXT, st.integers()), children, max_size=5)
    ),
    max_leaves=40,
)

WP_KEYS = (
    "id",
    "title",
    "content",
    "excerpt",
    "link",
    "date",
    "date_gmt",
    "modified",
    "modified_gmt",
    "slug",
    "lang",
    "author_name",
    "_embedded",
    "author_meta",
)
RENDERED = st.one_of(JSON_VALUES, st.builds(lambda v: {"rendered": v}, st.one_of(TEXT, JSON_VALUES)))
WP_POSTS = st.fixed_dictionaries({}, optional={key: RENDERED for key in WP_KEYS})

VERDICT_KEYS = (
    "claim",
    "claimant",
    "claim_date",
    "appearances",
    "rating",
    "summary",
    "body",
    "evidence",
    "author",
    "published",
    "updated",
    "tags",
)
CITATIONS = st.lists(
    st.fixed_dictionaries(
        {}, optional={k: st.one_of(TEXT, YAML_VALUES) for k in ("article", "quote", "url", "title", "note", "date")}
    ),
    max_size=3,
)
VERDICT_SHAPES = st.fixed_dictionaries({}, optional={key: st.one_of(YAML_VALUES, CITATIONS) for key in VERDICT_KEYS})
JUNK_BYTES = st.sampled_from(
    [
        b"\x00",
        b"\xff",
        b"\xfe",
        b"\xc3",
        b"\xed\xa0\x80",
        b"\xef\xbb\xbf",
        b"\r",
        b"\x1b[31m",
        b"\xf4\x90\x80\x80",
        b"\xc0\xaf",
        b"\xe2\x80\xa8",
        b"\t",
        b"\x85",
        b"\x0c",
        b"\x7f",
    ]
)


def dump_yaml(value: Any) -> str:
    """YAML for any generated value (the safe dumper writes anchors for shared objects, too)."""
    stream = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.dump(value, stream)
    return stream.getvalue()


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with a few bytes replaced, inserted or deleted, or cut short."""
    out = bytearray(data)
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        if not out:
            break
        position = draw(st.integers(min_value=0, max_value=len(out) - 1))
        action = draw(st.sampled_from(["replace", "insert", "delete", "junk"]))
        if action == "replace":
            out[position] = draw(st.integers(min_value=0, max_value=255))
        elif action == "insert":
            out[position:position] = draw(st.binary(min_size=1, max_size=4))
        elif action == "delete":
            del out[position : position + draw(st.integers(min_value=1, max_value=20))]
        else:
            out[position:position] = draw(JUNK_BYTES)
    return bytes(out)
