"""Fuzzing the article readers through `read_articles`, one file per run.

Property: the file yields at least one well-formed article or an error naming
it; nothing raises. The extension is not trusted, so every input is also
tried under a name that suggests another format.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.diagnostics import Diagnostics
from tests.paths import REALWORLD
from tests.workcount import assert_linear

from .harness import assert_article_or_error, extract_all_quotes, project_root, read_article_bytes
from .profiles import FUZZ_SETTINGS
from .samples import ARTICLE_SAMPLES, HTML_PAGE, SIDECAR, WIRE, WP_POST
from .strategies import JSON_VALUES, WP_POSTS, dump_yaml, mutated

NAMES = st.sampled_from(["sample.txt", "sample.json", "sample.md", "sample.html", "sample"])
SAMPLE_BYTES = st.sampled_from(sorted(ARTICLE_SAMPLES)).map(lambda key: ARTICLE_SAMPLES[key].encode("utf-8"))


def check(data: bytes, name: str = "sample.txt") -> None:
    run = read_article_bytes(data, name)
    assert_article_or_error(run, "sample")
    extract_all_quotes(run)


@FUZZ_SETTINGS
@given(data=st.binary(max_size=4096), name=NAMES)
def test_random_bytes(data: bytes, name: str) -> None:
    check(data, name)


@FUZZ_SETTINGS
@given(data=SAMPLE_BYTES, cut=st.floats(min_value=0, max_value=1), name=NAMES)
def test_truncated_valid_files(data: bytes, cut: float, name: str) -> None:
    check(data[: int(len(data) * cut)], name)


@FUZZ_SETTINGS
@given(data=SAMPLE_BYTES.flatmap(mutated), name=NAMES)
def test_mutated_valid_files(data: bytes, name: str) -> None:
    check(data, name)


@FUZZ_SETTINGS
@given(value=JSON_VALUES)
def test_random_json_shapes(value: object) -> None:
    check(json.dumps(value).encode("utf-8"), "sample.json")


@FUZZ_SETTINGS
@given(posts=st.one_of(WP_POSTS, st.lists(WP_POSTS, max_size=4)))
def test_post_shaped_json(posts: object) -> None:
    check(json.dumps(posts).encode("utf-8"))


@FUZZ_SETTINGS
@given(text=st.text(max_size=2000))
def test_random_text_in_every_shape(text: str) -> None:
    for data in (
        text,
        "Title\n\n" + text,
        "---\ntitle: t\n---\n" + text,
        "<!doctype html><html><body><article>" + text + "</article></body></html>",
        json.dumps({"id": 1, "title": {"rendered": text}, "content": {"rendered": text}}),
    ):
        check(data.encode("utf-8"))


@FUZZ_SETTINGS
@given(front=JSON_VALUES)
def test_random_front_matter(front: object) -> None:
    check(("---\n" + dump_yaml(front) + "---\n\nBody text here.\n").encode("utf-8"))


@FUZZ_SETTINGS
@given(
    sidecar=st.one_of(
        st.binary(max_size=500),
        JSON_VALUES.map(lambda v: dump_yaml(v).encode("utf-8")),
        st.just(SIDECAR.encode()).flatmap(mutated),
    )
)
def test_random_sidecars(sidecar: bytes) -> None:
    run = read_article_bytes(WIRE.encode(), "sample.txt", sidecar=sidecar)
    # A broken sidecar is reported at the sidecar; the article itself is never lost.
    assert "sample" in run.articles or run.diags.errors, [d.format() for d in run.diags]


@FUZZ_SETTINGS
@given(files=st.lists(st.one_of(st.binary(max_size=600), SAMPLE_BYTES, SAMPLE_BYTES.flatmap(mutated)),
                      min_size=1, max_size=5))
def test_files_in_equal_articles_out_plus_errors(files: list[bytes]) -> None:
    """Several files in one folder: every file is accounted for, by an article or an error at it."""
    from generator.readers import read_articles

    with project_root() as root:
        folder = root / "content" / "articles"
        for index, data in enumerate(files):
            (folder / f"file{index}.txt").write_bytes(data)
        diags = Diagnostics()
        articles = read_articles(folder, root, {}, diags)
    with_articles = {a.location.path for a in articles.values()}
    with_errors = {d.location.path for d in diags.errors}
    for index in range(len(files)):
        path = f"content/articles/file{index}.txt"
        assert path in with_articles or path in with_errors, f"{path} dropped silently: {[d.format() for d in diags]}"


REALWORLD_FILES = sorted(p for p in REALWORLD.rglob("*") if p.is_file() and p.suffix in (".json", ".txt")) \
    if REALWORLD.is_dir() else []


@pytest.mark.fuzz_only
@pytest.mark.skipif(not REALWORLD_FILES, reason="the real-world samples are not on this machine")
@FUZZ_SETTINGS
@given(data=st.data())
def test_mutated_real_world_files(data: st.DataObject) -> None:
    """Real responses from public WordPress sites and news texts (read in place, never copied), corrupted."""
    file = data.draw(st.sampled_from(REALWORLD_FILES))
    check(data.draw(mutated(file.read_bytes())), "sample.txt")


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize("key", sorted(ARTICLE_SAMPLES))
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "utf-32"])
def test_byte_order_marks_read_like_utf8(key: str, encoding: str) -> None:
    text = ARTICLE_SAMPLES[key]
    plain = read_article_bytes(text.encode("utf-8"))
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    marked = read_article_bytes(data)
    assert plain.articles, [d.format() for d in plain.diags]
    assert [(a.title, a.text) for a in marked.articles.values()] == [(a.title, a.text) for a in plain.articles.values()]


@pytest.mark.parametrize("key", sorted(ARTICLE_SAMPLES))
@pytest.mark.parametrize("junk", [b"\x00", b"\xff\xfe\xfd", b"\xc3(", b"\xed\xa0\x80", b"\x00" * 100])
def test_nul_bytes_and_invalid_utf8(key: str, junk: bytes) -> None:
    data = ARTICLE_SAMPLES[key].encode("utf-8")
    middle = len(data) // 2
    check(data[:middle] + junk + data[middle:])
    check(data + junk)


# ---------------------------------------------------------------- deep and huge

DEPTH = 10_000


def _wp(content: str) -> bytes:
    return json.dumps({**WP_POST, "content": {"rendered": content}}).encode()


DEEP_INPUTS = {
    "json-lists": ("[" * DEPTH + "]" * DEPTH).encode(),
    "json-objects": ('{"a":' * DEPTH + "1" + "}" * DEPTH).encode(),
    "json-post-in-lists": ("[" * DEPTH + json.dumps(WP_POST) + "]" * DEPTH).encode(),
    "wp-nested-divs": _wp("<div>" * DEPTH + "deep text" + "</div>" * DEPTH),
    "wp-nested-inline": _wp("<p>" + "<b><i>" * DEPTH + "deep text" + "</i></b>" * DEPTH + "</p>"),
    "wp-nested-lists": _wp("<ul><li>" * DEPTH + "deep text" + "</li></ul>" * DEPTH),
    "wp-nested-quotes": _wp("<blockquote>" * DEPTH + "deep text" + "</blockquote>" * DEPTH),
    "html-nested-divs": (
        "<!doctype html><html><body>" + "<div>" * DEPTH + "<p>deep text</p>" + "</div>" * DEPTH + "</body></html>"
    ).encode(),
    "html-unclosed": ("<!doctype html><html><body><article>" + "<span><a href=x>" * DEPTH + "deep").encode(),
    "markdown-quotes": ("---\ntitle: t\n---\n" + "> " * DEPTH + "deep text\n").encode(),
    "markdown-emphasis": ("---\ntitle: t\n---\nword " + "**" * DEPTH + "deep" + "**" * DEPTH + "\n").encode(),
    "markdown-links": ("---\ntitle: t\n---\n" + "[" * DEPTH + "deep" + "](https://x.example)" * DEPTH).encode(),
    "markdown-front-matter": ("---\ntitle: " + "[" * DEPTH + "\n---\nbody\n").encode(),
    "wire-quotes": ("Title\n\n" + "«" * DEPTH + "deep" + "»" * DEPTH + "\n").encode(),
}


@pytest.mark.parametrize("name", sorted(DEEP_INPUTS))
def test_deep_nesting(name: str) -> None:
    check(DEEP_INPUTS[name])


MEGABYTE = 1_000_000
HUGE_LINES = {
    "wire": ("Title\n\n" + "word " * (MEGABYTE // 5) + "\n").encode(),
    "wire-title": ("x" * MEGABYTE + "\n\nBody.\n").encode(),
    "markdown": ("---\ntitle: t\n---\n" + "word " * (MEGABYTE // 5) + "\n").encode(),
    "html": (HTML_PAGE.replace("<p>The minister", "<p>" + "word " * (MEGABYTE // 5) + "The minister")).encode(),
    "json": _wp("<p>" + "word " * (MEGABYTE // 5) + "</p>"),
    "no-newline-at-all": ("Title " + "x" * MEGABYTE).encode(),
}


@pytest.mark.parametrize("name", sorted(HUGE_LINES))
def test_huge_lines(name: str) -> None:
    check(HUGE_LINES[name])


# Inputs that cost a backtracking regex or a naive loop quadratic work. Each is read at
# two sizes in one child process under callgrind, which counts instructions (the regex
# engine's included): four times the text may cost a few times the work, not sixteen.
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "markdown-open-links": lambda n: MD_HEAD + "[a](" * (n // 4),
    "markdown-stars": lambda n: MD_HEAD + "**a " * (n // 4),
    "markdown-underscores": lambda n: MD_HEAD + "_a_b " * (n // 5),
    "markdown-brackets": lambda n: MD_HEAD + "[a]" * (n // 3),
    "markdown-backslashes": lambda n: MD_HEAD + "\\" * n,
    "markdown-backticks": lambda n: MD_HEAD + "`a " * (n // 3),
    "wire-open-quotes": lambda n: WIRE.replace("The minister said", '"a ' * (n // 3)),
    "wire-guillemets": lambda n: WIRE.replace("The minister said", "«a " * (n // 3)),
    "wire-mixed-quotes": lambda n: WIRE.replace("The minister said", "„a “b ” «c " * (n // 11)),
    "wire-quote-labels": lambda n: WIRE + ("Quote from " + "a" * 79 + " ") * (n // 91) + "\n",
    "wire-boilerplate": lambda n: WIRE.replace("Three ports", "If you notice an error " + "x " * (n // 2)),
    "json-shortcodes": lambda n: _wp("[a " * (n // 3)).decode(),
    "json-paired-shortcodes": lambda n: _wp("[a]" * (n // 3) + "[/a]").decode(),
    "html-attributes": lambda n: HTML_PAGE.replace("<p>The", "<p " + "a=b " * (n // 4) + ">The"),
}
MD_HEAD = "---\ntitle: t\n---\n\n"
SMALL, LARGE = 2_000, 8_000


@pytest.mark.slow
def test_no_quadratic_blowup(tmp_path: Path) -> None:
    inputs = {}
    for name, make in PATHOLOGICAL.items():
        small, large = tmp_path / f"{name}-{SMALL}", tmp_path / f"{name}-{LARGE}"
        small.write_text(make(SMALL), encoding="utf-8")
        large.write_text(make(LARGE), encoding="utf-8")
        inputs[name] = (repr(str(small)), repr(str(large)))
    setup = "from pathlib import Path\nfrom tests.fuzz.harness import read_article_bytes, extract_all_quotes"
    statement = "extract_all_quotes(read_article_bytes(Path(text).read_bytes()))"
    assert_linear(setup, statement, inputs, LARGE // SMALL)
