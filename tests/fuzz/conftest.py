"""Registers the Hypothesis profiles ("ci" by default, "fuzz" with HYPOTHESIS_PROFILE=fuzz)."""

from __future__ import annotations

import pytest

from . import profiles


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "fuzz_only: a long campaign, run only with HYPOTHESIS_PROFILE=fuzz")


def pytest_report_header() -> str:
    return f"fuzz: hypothesis profile {profiles.PROFILE!r}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Long campaigns (marked fuzz_only) run only under `make fuzz`.
    if profiles.IS_FUZZ:
        return
    skip = pytest.mark.skip(reason="long campaign: run with HYPOTHESIS_PROFILE=fuzz (make fuzz)")
    for item in items:
        if "fuzz_only" in item.keywords:
            item.add_marker(skip)
