"""Settings every test shares: Hypothesis never times a test.

A per-example deadline fails a correct test on a busy machine ("DeadlineExceeded",
then "Flaky"), so the default profile has none; `@settings(...)` in a test module
inherits it. Complexity is checked by counting work (tests/workcount.py), never seconds.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "project",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile("project")


# Modules whose tests build whole sites (or run under valgrind): `make test` runs them,
# `make test-fast` (-m "not slow and not browser") leaves them out to stay under a minute.
SITE_BUILDING_MODULES = frozenset({
    "tests/security/test_injection.py", "tests/security/test_reproducible.py", "tests/security/test_pages.py",
    "tests/security/test_paths.py", "tests/security/test_canaries.py", "tests/security/test_rejections.py",
    "tests/security/test_linear.py", "tests/security/test_crashes.py", "tests/security/test_silent_loss.py",
    "tests/test_cli.py", "tests/test_bundled_archive.py", "tests/test_benchmark_tools.py",
    "tests/attribution/test_gold_scores.py", "tests/attribution/test_overrides.py",
})  # fmt: skip


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = config.rootpath
    for item in items:
        if item.path.relative_to(root).as_posix() in SITE_BUILDING_MODULES:
            item.add_marker(pytest.mark.slow)
