"""Fixtures for the reader tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The helpers module sits next to the tests; make it importable whatever pytest's import mode.
sys.path.insert(0, str(Path(__file__).parent))

from readers_support import Project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    (tmp_path / "content" / "articles").mkdir(parents=True)
    return Project(tmp_path)
