"""Golden files: the whole generated tree of the sample archive (tests/site/site_sample.py).

After an intended change of the output, regenerate and review the diff:

    .venv/bin/python -m tests.site.regen
    # or: REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/site/test_site_golden.py
    git diff tests/site/golden
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from site_golden import GOLDEN_DIR, generate_sample, regenerate, tree

HERE = Path(__file__).parent


def test_generated_tree_matches_golden_files(tmp_path: Path) -> None:
    if os.environ.get("REGEN_GOLDEN"):
        regenerate()
    diags = generate_sample(tmp_path)
    assert [d.format() for d in diags] == []
    actual, expected = tree(tmp_path), tree(GOLDEN_DIR)
    assert sorted(actual) == sorted(expected), "files differ; see the module docstring to regenerate"
    for name in sorted(expected):
        if actual[name] != expected[name]:
            diff = difflib.unified_diff(
                expected[name].splitlines(), actual[name].splitlines(), f"golden/{name}", name, lineterm=""
            )
            pytest.fail("\n".join(list(diff)[:80]))


GENERATE = (
    "import sys; from pathlib import Path; from site_golden import generate_sample; generate_sample(Path(sys.argv[1]))"
)


def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=os.pathsep.join([str(HERE), str(HERE.parents[1])]))
        subprocess.run([sys.executable, "-c", GENERATE, str(tmp_path / seed)], check=True, env=env)
    assert tree(tmp_path / "1") == tree(tmp_path / "2")
