"""The locks in requirements/ satisfy pyproject.toml, and this environment was installed from them.

pyproject.toml holds the ranges a release may move within; requirements/*.lock hold
the one version of every package (direct and transitive) that `make site` and
`make test` install, so two fresh machines run the same code. `make lock` recompiles
them; these tests fail when someone widens or narrows a range and forgets to.
"""

from __future__ import annotations

import os
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def read_lock(name: str) -> dict[str, Version]:
    """Package -> version of the lock lines that apply to this interpreter and platform."""
    pins: dict[str, Version] = {}
    for raw in (ROOT / "requirements" / name).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        (spec,) = requirement.specifier
        assert spec.operator == "==", f"{name}: {line!r} is not an exact pin"
        pins[canonicalize_name(requirement.name)] = Version(spec.version)
    return pins


def _requirements(group: str | None) -> list[Requirement]:
    listed = PYPROJECT["dependencies"] if group is None else PYPROJECT["optional-dependencies"][group]
    return [Requirement(text) for text in listed]


def _applies(requirement: Requirement) -> bool:
    return requirement.marker is None or requirement.marker.evaluate({**default_environment(), "extra": ""})


@pytest.mark.parametrize(
    ("lock", "groups"),
    [("site.lock", [None]), ("test.lock", [None, "test"]), ("bench.lock", [None, "test", "bench"])],
)
def test_lock_satisfies_pyproject(lock: str, groups: list[str | None]) -> None:
    pins = read_lock(lock)
    problems = []
    for group in groups:
        for requirement in filter(_applies, _requirements(group)):
            name = canonicalize_name(requirement.name)
            if name not in pins:
                problems.append(f"{requirement} is not in {lock}")
            elif not requirement.specifier.contains(pins[name], prereleases=True):
                problems.append(f"{lock} pins {name}=={pins[name]}, outside pyproject's {requirement}")
    assert not problems, "run `make lock`:\n" + "\n".join(problems)


@pytest.mark.parametrize(("smaller", "larger"), [("site.lock", "test.lock"), ("test.lock", "bench.lock")])
def test_locks_agree(smaller: str, larger: str) -> None:
    small, large = read_lock(smaller), read_lock(larger)
    differ = {name: (small[name], large[name]) for name in small.keys() & large.keys() if small[name] != large[name]}
    assert not differ, f"{smaller} and {larger} pin different versions (run `make lock`): {differ}"
    assert small.keys() <= large.keys(), f"in {smaller} only: {sorted(small.keys() - large.keys())}"


@pytest.mark.skipif(os.environ.get("FACTCHECK_LOCKED", "1") == "0", reason="the drift job installs without the lock")
def test_this_environment_matches_the_lock() -> None:
    """A machine that already held packages must not run the tests on other versions than the lock's."""
    installed = {canonicalize_name(d.metadata["Name"]): Version(d.version) for d in metadata.distributions()}
    wrong = {
        name: f"installed {installed.get(name, 'nothing')}, locked {version}"
        for name, version in read_lock("test.lock").items()
        if installed.get(name) != version
    }
    assert not wrong, f"this environment drifted from requirements/test.lock (run `make test` to reinstall): {wrong}"
