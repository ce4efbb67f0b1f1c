"""Run the real `mkdocs build --strict` on a generated docs tree."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MKDOCS_YML = ROOT / "mkdocs.yml"


def _replace_once(pattern: str, replacement: str, text: str) -> str:
    new, count = re.subn(pattern, lambda _m: replacement, text, count=1, flags=re.MULTILINE)
    assert count == 1, f"mkdocs.yml has no line matching {pattern!r}; update tests/site/site_build.py"
    return new


def build_config_text(docs_dir: Path, site_dir: Path) -> str:
    """The project's mkdocs.yml, building docs_dir into site_dir, usable from another folder.

    `custom_dir` is made absolute because MkDocs resolves it from the folder of
    the config file, and the copy lives elsewhere.
    """
    text = MKDOCS_YML.read_text(encoding="utf-8")
    text = _replace_once(r"^docs_dir:.*$", f"docs_dir: '{docs_dir.resolve()}'", text)
    text = _replace_once(r"^site_dir:.*$", f"site_dir: '{site_dir.resolve()}'", text)
    return _replace_once(r"^  custom_dir:.*$", f"  custom_dir: '{ROOT / 'overrides'}'", text)


def mkdocs_build(docs_dir: Path, work_dir: Path) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """Build with --strict; returns the site folder and the finished process (check its returncode)."""
    site_dir = work_dir / "site"
    config = work_dir / "mkdocs.yml"
    config.write_text(build_config_text(docs_dir, site_dir), encoding="utf-8")
    mkdocs = Path(sys.executable).with_name("mkdocs")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "-f", str(config)], capture_output=True, text=True, env=env, timeout=300
    )
    return site_dir, result
