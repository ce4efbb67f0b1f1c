"""Where the tests find the project and the shared inputs beside it.

`../shared` relative to the project root (the checkout's sibling, as laid out for
developers and CI); FACTCHECK_SHARED overrides it. Never an absolute path of one machine.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FACTCHECK_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
REALWORLD = Path(os.environ.get("FACTCHECK_REALWORLD", SHARED / "realworld"))
