"""Canaries for the fuzz harness: a silent drop and an escaping exception are both caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.model import Article

from .harness import assert_article_or_error, read_article_bytes
from .samples import WIRE


def test_a_silently_dropped_file_fails_the_property(monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.readers

    assert_article_or_error(read_article_bytes(WIRE.encode()), "sample")
    monkeypatch.setattr(generator.readers, "read_file", lambda *_args, **_kw: [])
    with pytest.raises(AssertionError, match="dropped silently"):
        assert_article_or_error(read_article_bytes(WIRE.encode()), "sample")


def test_a_reader_crash_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.readers.wire import WireTextReader

    def explode(_self: object, _source: object, _diags: Diagnostics) -> list[Article]:
        raise ValueError("boom")

    monkeypatch.setattr(WireTextReader, "read", explode)
    run = read_article_bytes(WIRE.encode())
    # The protection for users: the crash became an error at the file, not a traceback …
    assert [(d.code, d.location.path) for d in run.diags.errors] == [("reader-failed", run.path)]
    # … and the fuzz property still calls it what it is: a reader that crashed.
    with pytest.raises(AssertionError, match="a reader crashed"):
        assert_article_or_error(run, "sample")


def test_without_the_reader_guard_the_crash_escapes(monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.readers
    from generator.readers.wire import WireTextReader

    def explode(_self: object, _source: object, _diags: Diagnostics) -> list[Article]:
        raise ValueError("boom")

    def unguarded(file: Path, _root: Path, diags: Diagnostics, outlets: dict | None = None) -> list[Article]:
        source = generator.readers._load_source(file, file.name, diags, outlets or {})
        return generator.readers.reader_for(source.text).read(source, diags)

    monkeypatch.setattr(WireTextReader, "read", explode)
    monkeypatch.setattr(generator.readers, "read_file", unguarded)
    with pytest.raises(ValueError, match="boom"):
        read_article_bytes(WIRE.encode())
