"""`make attribution` as a test: the gold set's figures per language (issue 9).

Skipped when ../shared/realworld (or $FACTCHECK_REALWORLD) is absent. Two levels:

- FLOORS: what the engine reaches today, per language; a change that loses ground fails here.
- TARGETS: the issue's "done when" (recall ≥ 98 %, speaker accuracy ≥ 95 %, wrong names ≤ 2 %).
  Marked xfail (not strict) until every language meets them, so the suite says how far off it is
  without hiding it: the test's output lists each shortfall.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Mapping

import pytest

from tests.attribution.score import LANGUAGES, Tally, gold_files, realworld_dir, score_all

pytestmark = pytest.mark.skipif(not (realworld_dir() / "txt").is_dir(), reason="../shared/realworld is absent")

TARGETS = {"recall": 0.98, "accuracy": 0.95, "wrong_rate": 0.02}
# (recall, speaker accuracy, wrong-name rate) measured by `make attribution`, rounded towards passing.
FLOORS = {"en": (0.98, 0.72, 0.11), "uk": (0.98, 0.91, 0.05), "ru": (0.98, 0.92, 0.04)}


@pytest.fixture(scope="module")
def totals() -> Mapping[str, Tally]:
    if not gold_files():
        pytest.skip("no gold files")
    with contextlib.redirect_stdout(io.StringIO()):
        return score_all()


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_language_loses_ground(totals: Mapping[str, Tally], language: str) -> None:
    tally = totals[language]
    recall, accuracy, wrong = FLOORS[language]
    assert tally.gold > 0
    assert tally.recall >= recall, tally.line(language)
    assert tally.accuracy >= accuracy, tally.line(language)
    assert tally.wrong_rate <= wrong, tally.line(language)


@pytest.mark.xfail(reason="issue 9 targets not yet met in every language (see README)", strict=False)
@pytest.mark.parametrize("language", LANGUAGES)
def test_issue_targets(totals: Mapping[str, Tally], language: str) -> None:
    tally = totals[language]
    shortfalls = [
        f"{name} {getattr(tally, name):.1%} (target {target:.0%})"
        for name, target in TARGETS.items()
        if (getattr(tally, name) > target if name == "wrong_rate" else getattr(tally, name) < target)
    ]
    assert not shortfalls, f"{language}: " + "; ".join(shortfalls)
