"""Work counted in machine instructions, not seconds: complexity tests that a busy machine cannot fail.

`count_work(setup, cases)` runs one child Python under valgrind's callgrind and
returns, for each case, the instructions its statement executed — the regex
engine's backtracking in C included, which no Python-level counter sees. The
count is the same on every run of the same binary and input (hash seed pinned),
whatever else the machine is doing, so a test can assert "ten times the input
costs at most fifteen times the work" with no clock anywhere.

How the sections are cut: callgrind dumps its counters each time the process
enters `os_getppid` (`--dump-before`), so the child calls `os.getppid()` between
statements and each dump holds exactly the work in between. Each case (or a smaller
one like it) runs once unmeasured first, so imports, regex compilation and caches are not counted.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MARK = "os_getppid"

CHILD = """
import os, sys
sys.path.insert(0, {root!r})
{setup}
_cases = {cases!r}
for _code in {warm!r}:
    exec(_code)          # warm-up, not measured
for _code in _cases:
    os.getppid()
    exec(_code)
os.getppid()
"""


def have_callgrind() -> bool:
    return shutil.which("valgrind") is not None


def count_work(setup: str, cases: list[str], warm: list[str] | None = None) -> list[int]:
    """Instructions executed by each statement in `cases` (after `setup` ran), in one child process.

    `warm` (every case by default) runs first, unmeasured, so one-time costs are not counted.
    """
    if not have_callgrind():
        pytest.skip("valgrind is missing: run `make tools` (apt-get install -y valgrind)")
    with tempfile.TemporaryDirectory(prefix="workcount-") as tmp:
        script = Path(tmp) / "child.py"
        child = CHILD.format(root=str(ROOT), setup=setup, cases=cases, warm=cases if warm is None else warm)
        script.write_text(child, encoding="utf-8")
        out = Path(tmp) / "callgrind.out"
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--dump-before={MARK}", f"--callgrind-out-file={out}",
             sys.executable, str(script)],
            capture_output=True, text=True, env=env, cwd=ROOT, check=False,
        )
        if done.returncode != 0:
            raise AssertionError(f"the measured child failed:\n{done.stderr[-3000:]}")
        # Dump 1 is start-up and warm-up; dumps 2..n+1 are the cases, in order.
        counts = [_summary(out.with_name(f"{out.name}.{n}")) for n in range(2, len(cases) + 2)]
    return counts


def _summary(dump: Path) -> int:
    for line in dump.read_text(encoding="utf-8").splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1])
    raise AssertionError(f"no summary line in {dump.name}")


def growth(setup: str, statement: str, small: str, large: str) -> tuple[int, int]:
    """Work of `statement` with `{text}` bound to the expressions `small` and `large`."""
    cases = [f"text = {small}\n{statement}", f"text = {large}\n{statement}"]
    first, second = count_work(setup, cases)
    return first, second


def assert_linear(
    setup: str, statement: str, sizes: dict[str, tuple[str, str]], factor: int, slack: float = 2.0
) -> None:
    """Each named input, built by its two expressions (`factor` times apart), costs at most
    `factor * slack` times more work at the larger size: linear, with room for constant terms.

    `statement` reads the input as `text`. All inputs run in one child process.
    """
    names = sorted(sizes)
    cases = [f"text = {sizes[name][which]}\n{statement}" for name in names for which in (0, 1)]
    counts = count_work(setup, cases, warm=cases[::2])  # warmed on the small inputs only
    report = []
    for n, name in enumerate(names):
        small, large = counts[2 * n], counts[2 * n + 1]
        ratio = large / max(small, 1)
        if ratio > factor * slack:
            report.append(f"{name}: {small:,} -> {large:,} instructions (x{ratio:.1f} for x{factor} the input)")
    assert not report, "super-linear work:\n" + "\n".join(report)
