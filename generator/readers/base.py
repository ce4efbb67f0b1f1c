"""What every article reader receives and must provide."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from generator.diagnostics import Diagnostics, Location
from generator.model import Article, Outlet


@dataclass(frozen=True)
class Source:
    """One article file, decoded. `path` is as the user would type it; `stem` is the article id.

    `outlets` lets a reader check an outlet named inside the file (Markdown
    front matter) at the line where it is written.
    """

    file: Path
    path: str
    stem: str
    text: str
    sha256: str
    outlets: dict[str, Outlet] = field(default_factory=dict, compare=False, hash=False)

    @property
    def location(self) -> Location:
        return Location(self.path, 1, 1)

    def at_line(self, line: int, col: int = 1) -> Location:
        return Location(self.path, line, col)


class Reader(Protocol):
    """A source format. `sniff` looks at the content only: file extensions are not trusted.

    `read` returns the articles the file holds. `outlet_id` is set only when
    the file itself names a known outlet (front matter); a reader that
    recognises the publisher from the text (boilerplate, site name) instead
    puts that name in `outlet_name` as a hint for outlet resolution.
    """

    name: str

    def sniff(self, text: str) -> bool: ...

    def read(self, source: Source, diags: Diagnostics) -> list[Article]: ...
