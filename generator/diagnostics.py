"""Problem records and their printing.

Every stage appends to one `Diagnostics` collection instead of raising, so a
single run reports every problem (MkDocs strict mode's model: collect all,
decide once at the end).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TextIO


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """Where something was written: 1-based line and column; 0 means unknown."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{max(self.col, 1)}"

    def at(self, line: int, col: int = 1) -> Location:
        return Location(self.path, line, col)


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    code: str
    message: str
    location: Location

    def format(self) -> str:
        loc = self.location
        # Always print line:col so editors and CI annotations can parse every line.
        path, message = printable(loc.path), printable(self.message)
        return f"{path}:{max(loc.line, 1)}:{max(loc.col, 1)}: {self.severity.value}: {message} [{self.code}]"

    def format_github(self) -> str:
        loc = self.location
        kind = "error" if self.severity is Severity.ERROR else "warning"
        msg = _github_escape(printable(f"{self.message} [{self.code}]"))
        path = _github_escape_prop(printable(loc.path))
        return f"::{kind} file={path},line={max(loc.line, 1)},col={max(loc.col, 1)},title={self.code}::{msg}"


# Characters that could start a new output line (a forged `::warning` workflow command), move
# the cursor, reorder text (bidi controls), or cannot be encoded at all (lone surrogates, which
# is how Python holds the bytes of a file name that is not UTF-8).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of an undecodable file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` on one line, encodable as UTF-8: control, bidi and surrogate characters as `\\x..`/`\\u....`."""
    return _UNPRINTABLE.sub(_escape_char, text)


def _github_escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_escape_prop(text: str) -> str:
    return _github_escape(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class Diagnostics:
    """An ordered collection of problems found during one run."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, code: str, message: str, location: Location) -> None:
        self.items.append(Diagnostic(Severity.ERROR, code, message, location))

    def warning(self, code: str, message: str, location: Location) -> None:
        self.items.append(Diagnostic(Severity.WARNING, code, message, location))

    def extend(self, other: Iterable[Diagnostic]) -> None:
        self.items.extend(other)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    def has_errors(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))

    def sorted(self) -> list[Diagnostic]:
        # Stable order by file then position keeps output reproducible across runs.
        return sorted(self.items, key=lambda d: (d.location.path, d.location.line, d.location.col, d.code, d.message))

    def print(self, stream: TextIO, fmt: str = "text") -> None:
        for diag in self.sorted():
            if fmt == "github":
                stream.write(diag.format_github() + "\n")
            elif fmt == "json":
                # JSON escapes control characters itself; lone surrogates cannot be written as UTF-8.
                stream.write(json.dumps(_as_dict(diag), ensure_ascii=False).encode("utf-8", "backslashreplace")
                             .decode("utf-8") + "\n")
            else:
                stream.write(diag.format() + "\n")

    def summary(self) -> str:
        n_err, n_warn = len(self.errors), len(self.warnings)
        files = len({d.location.path for d in self.items})
        if not self.items:
            return "no problems found"
        return f"{n_err} error(s), {n_warn} warning(s) in {files} file(s)"


def _as_dict(diag: Diagnostic) -> dict[str, object]:
    loc = diag.location
    return {
        "path": loc.path,
        "line": loc.line,
        "col": loc.col,
        "severity": diag.severity.value,
        "code": diag.code,
        "message": diag.message,
    }


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean 'x'?)' suffix, or '' when nothing is close."""
    matches = difflib.get_close_matches(str(word), sorted(set(choices)), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as a user would type it: relative to root (or cwd) when inside it."""
    base = root or Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
