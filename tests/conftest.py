"""Settings every test shares: Hypothesis never times a test.

A per-example deadline fails a correct test on a busy machine ("DeadlineExceeded",
then "Flaky"), so the default profile has none; `@settings(...)` in a test module
inherits it. Complexity is checked by counting work (tests/workcount.py), never seconds.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "project",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile("project")
