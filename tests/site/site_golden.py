"""Golden output of the sample archive: generate, compare, regenerate."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from site_sample import SITE, sample_archive

from generator.diagnostics import Diagnostics
from generator.site import generate_site

GOLDEN_DIR = Path(__file__).parent / "golden"


def generate_sample(out_dir: Path) -> Diagnostics:
    diags = Diagnostics()
    generate_site(sample_archive(), out_dir, diags, SITE)
    return diags


def tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*")) if p.is_file()
    }


def regenerate() -> Path:
    """Rewrite tests/site/golden from the current generator; review the diff before committing."""
    with tempfile.TemporaryDirectory() as tmp:
        diags = generate_sample(Path(tmp))
        if diags.items:
            raise SystemExit("\n".join(d.format() for d in diags))
        shutil.rmtree(GOLDEN_DIR, ignore_errors=True)
        shutil.copytree(tmp, GOLDEN_DIR)
    return GOLDEN_DIR
