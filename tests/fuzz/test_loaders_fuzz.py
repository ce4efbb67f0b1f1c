"""Fuzzing the YAML loaders: verdicts, people/outlets/ratings, and the whole pipeline.

Property: a verdict file yields its verdict or an error naming it; a registry
entry that is not loaded is reported; nothing ever raises.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.diagnostics import Diagnostics

from .harness import (
    assert_verdict_or_error,
    errors_naming,
    load_registry_bytes,
    load_verdict_bytes,
    project_root,
    registry_size,
)
from .profiles import FUZZ_SETTINGS
from .samples import REGISTRY_SAMPLES, VERDICT, WIRE
from .strategies import JUNK_BYTES, VERDICT_SHAPES, YAML_VALUES, dump_yaml, mutated

VID = "sample-verdict"


def check_verdict(data: bytes) -> None:
    assert_verdict_or_error(load_verdict_bytes(data), VID)


def test_the_sample_verdict_loads() -> None:
    run = load_verdict_bytes(VERDICT.encode())
    assert VID in run.verdicts and not run.diags.errors, [d.format() for d in run.diags]


@FUZZ_SETTINGS
@given(data=st.binary(max_size=2048))
def test_verdict_random_bytes(data: bytes) -> None:
    check_verdict(data)


@FUZZ_SETTINGS
@given(cut=st.integers(min_value=0, max_value=len(VERDICT)))
def test_verdict_truncated(cut: int) -> None:
    check_verdict(VERDICT.encode()[:cut])


@FUZZ_SETTINGS
@given(data=st.just(VERDICT.encode()).flatmap(mutated))
def test_verdict_mutated(data: bytes) -> None:
    check_verdict(data)


@FUZZ_SETTINGS
@given(value=YAML_VALUES)
def test_verdict_random_yaml_shapes(value: object) -> None:
    check_verdict(dump_yaml(value).encode("utf-8"))


@FUZZ_SETTINGS
@given(value=VERDICT_SHAPES)
def test_verdict_shaped_mappings(value: dict) -> None:
    check_verdict(dump_yaml(value).encode("utf-8"))
    check_verdict(json.dumps(value, default=str).encode("utf-8"))


@FUZZ_SETTINGS
@given(position=st.integers(min_value=0, max_value=len(VERDICT)), junk=JUNK_BYTES)
def test_verdict_junk_bytes(position: int, junk: bytes) -> None:
    data = VERDICT.encode()
    check_verdict(data[:position] + junk + data[position:])


@pytest.mark.parametrize("data", [
    ("[" * 10_000 + "]" * 10_000).encode(),
    ("{a: " * 10_000 + "1" + "}" * 10_000).encode(),
    "".join(f"{'  ' * i}a:\n" for i in range(400)).encode(),
    ("claim: " + "x" * 1_100_000).encode(),
    ("claim: &a [" + ", ".join(["*a"] * 5) + "]").encode(),
    VERDICT.encode("utf-16"),
    VERDICT.encode("utf-8-sig"),
    b"\x00" * 1000,
    VERDICT.encode().replace(b"  ", b"\t"),
], ids=["deep-lists", "deep-maps", "deep-indent", "huge", "self-alias", "utf16", "utf8-bom", "nuls", "tabs"])
def test_verdict_hazards(data: bytes) -> None:
    check_verdict(data)


# ---------------------------------------------------------------- registries

KINDS = sorted(REGISTRY_SAMPLES)


def check_registry(kind: str, data: bytes) -> None:
    result, diags, path = load_registry_bytes(kind, data)
    # Entries that were given but not loaded must have been reported.
    try:
        from generator.yamlio import load_yaml_text

        parsed = load_yaml_text(data.decode("utf-8-sig"), path, Diagnostics())
    except UnicodeDecodeError:
        parsed = None
    given_entries = len(parsed) if isinstance(parsed, dict) else 0
    if registry_size(result) < given_entries:
        assert errors_naming(diags, path), f"{kind}: entries dropped silently: {[d.format() for d in diags]}"


@FUZZ_SETTINGS
@given(kind=st.sampled_from(KINDS), data=st.binary(max_size=1024))
def test_registry_random_bytes(kind: str, data: bytes) -> None:
    check_registry(kind, data)


@FUZZ_SETTINGS
@given(kind=st.sampled_from(KINDS), value=st.dictionaries(st.text(max_size=12), YAML_VALUES, max_size=6))
def test_registry_random_shapes(kind: str, value: dict) -> None:
    check_registry(kind, dump_yaml(value).encode("utf-8"))


@FUZZ_SETTINGS
@given(kind=st.sampled_from(KINDS), data=st.data())
def test_registry_mutated(kind: str, data: st.DataObject) -> None:
    check_registry(kind, data.draw(mutated(REGISTRY_SAMPLES[kind].encode())))


@FUZZ_SETTINGS
@given(kind=st.sampled_from(KINDS), fields=st.dictionaries(
    st.sampled_from(["name", "aliases", "role", "domains", "language", "label", "value", "description", "colour",
                     "extra"]), YAML_VALUES, max_size=5))
def test_registry_entry_shapes(kind: str, fields: dict) -> None:
    check_registry(kind, dump_yaml({"entry-id": fields}).encode("utf-8"))


# ---------------------------------------------------------------- the pipeline


@FUZZ_SETTINGS
@given(article=st.one_of(st.binary(max_size=1500), st.text(max_size=1500).map(lambda t: t.encode())),
       people=st.dictionaries(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True),
                              st.fixed_dictionaries({"name": st.text(min_size=1, max_size=30)},
                                                    optional={"aliases": st.lists(st.text(max_size=30), max_size=4)}),
                              max_size=3))
def test_pipeline_never_raises(article: bytes, people: dict) -> None:
    """Readers, quote extraction with speakers from people.yaml, verdicts and checks together."""
    from generator.pipeline import load_archive

    with project_root() as root:
        content = root / "content"
        (content / "people.yaml").write_text(dump_yaml(people) if people else "{}\n", encoding="utf-8")
        (content / "outlets.yaml").write_text("{}\n", encoding="utf-8")
        (content / "ratings.yaml").write_text(REGISTRY_SAMPLES["ratings"], encoding="utf-8")
        (content / "articles" / "sample.txt").write_bytes(article)
        (content / "articles" / "wire.txt").write_text(WIRE, encoding="utf-8")
        (content / "verdicts" / f"{VID}.yaml").write_text(VERDICT.replace("article: sample", "article: wire"))
        diags = Diagnostics()
        archive = load_archive(root, diags)
        assert "wire" in archive.articles
