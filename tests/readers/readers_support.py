"""Helpers shared by the reader tests (imported by name; conftest puts this folder on sys.path)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostics, Location
from generator.model import Article, Outlet
from generator.readers import read_articles

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass
class Project:
    root: Path

    @property
    def articles_dir(self) -> Path:
        return self.root / "content" / "articles"

    def write(self, name: str, data: str | bytes) -> Path:
        file = self.articles_dir / name
        file.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            file.write_bytes(data)
        else:
            file.write_text(data, encoding="utf-8", newline="")
        return file

    def copy_fixture(self, fixture: str, name: str | None = None) -> Path:
        return self.write(name or fixture, (FIXTURES / fixture).read_bytes())

    def read(self, outlets: dict[str, Outlet] | None = None) -> tuple[dict[str, Article], Diagnostics]:
        diags = Diagnostics()
        articles = read_articles(self.articles_dir, self.root, outlets or {}, diags)
        return articles, diags


def make_outlet(outlet_id: str, name: str, *domains: str) -> Outlet:
    return Outlet(outlet_id, name, Location("content/outlets.yaml", 1, 1), domains=tuple(domains))


def problems(diags: Diagnostics) -> list[tuple[str, str, str]]:
    """(severity, code, location) of every problem, in reporting order."""
    return [(d.severity.value, d.code, str(d.location)) for d in diags.sorted()]


def codes(diags: Diagnostics) -> list[str]:
    return [d.code for d in diags.sorted()]
