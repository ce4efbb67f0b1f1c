"""The suite's own rules: no test reads a clock or sets a Hypothesis deadline.

A test that asserts on seconds fails on a busy machine for no defect; timing lives
in `make bench`, and complexity tests count work (tests/workcount.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
CLOCKS = re.compile(r"\btime\.(?:time|monotonic|perf_counter|process_time)(?:_ns)?\s*\(|\bdeadline\s*=\s*(?!None\b)")


def _test_sources() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.py") if p.name != "test_honesty.py")


@pytest.mark.parametrize("source", _test_sources(), ids=lambda p: str(p.relative_to(TESTS)))
def test_no_clock_in_tests(source: Path) -> None:
    found = [
        f"{source.relative_to(TESTS)}:{number}: {line.strip()}"
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1)
        if CLOCKS.search(line)
    ]
    assert not found, "a test reads a clock or sets a deadline:\n" + "\n".join(found)


def test_the_rule_sees_a_clock() -> None:
    assert CLOCKS.search("started = time.monotonic()")
    assert CLOCKS.search("@settings(deadline=200)")
    assert not CLOCKS.search("@settings(deadline=None)")
