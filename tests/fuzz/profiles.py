"""Hypothesis profiles: "ci" (fast, the default) and "fuzz" (long campaigns, `make fuzz`).

The profile is applied per test through `FUZZ_SETTINGS` rather than loaded
globally, so other test modules keep Hypothesis' own defaults.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    "print_blob": True,
}
settings.register_profile("ci", max_examples=30, **_COMMON)
settings.register_profile("fuzz", max_examples=2000, **_COMMON)

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
FUZZ_SETTINGS = settings(settings.get_profile(PROFILE))
IS_FUZZ = PROFILE == "fuzz"
