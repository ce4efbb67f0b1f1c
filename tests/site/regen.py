"""Regenerate the site generator's golden files: `.venv/bin/python -m tests.site.regen`."""

from __future__ import annotations

import sys
from pathlib import Path

# The test helpers import each other as top-level modules, as pytest imports them.
sys.path.insert(0, str(Path(__file__).parent))

from site_golden import regenerate

if __name__ == "__main__":
    print(f"golden files written to {regenerate()}")
