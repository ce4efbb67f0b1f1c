"""The only way generated files reach the disk.

Two pages claiming one output path would silently overwrite each other (a
verdict whose id is `index` replacing the listing, two tags that slugify
alike), so every path is reserved once and a second claim is an error. Paths
are compared case-folded because the site is also built on case-insensitive
file systems. A path that could leave the output folder is refused outright.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.diagnostics import Diagnostics, Location
from generator.site.urls import is_safe_segment

OUTPUT_COLLISION = "output-collision"
UNSAFE_OUTPUT_PATH = "unsafe-output-path"
WRITE_FAILED = "write-failed"


@dataclass
class SiteWriter:
    out_dir: Path
    diags: Diagnostics
    reserved: dict[str, tuple[str, Location | None]] = field(default_factory=dict)
    written: set[str] = field(default_factory=set)

    def _where(self, rel_path: str, source: Location | None) -> Location:
        return source or Location(rel_path)

    def is_safe(self, rel_path: str) -> bool:
        pure = PurePosixPath(rel_path)
        if not rel_path or pure.is_absolute() or "\\" in rel_path or ":" in pure.parts[0]:
            return False
        if not all(is_safe_segment(part) for part in rel_path.split("/")):
            return False
        root = self.out_dir.resolve()
        return (root / rel_path).resolve().is_relative_to(root)

    def reserve(self, rel_path: str, source: Location | None = None) -> bool:
        """Claim an output path; False (with an error recorded) if unsafe or already claimed."""
        if not self.is_safe(rel_path):
            self.diags.error(
                UNSAFE_OUTPUT_PATH,
                f"refusing to write {rel_path!r}: not a plain path inside the output folder",
                self._where(rel_path, source),
            )
            return False
        key = rel_path.casefold()
        if key in self.reserved:
            first, first_source = self.reserved[key]
            by = f" (already written for {first_source.path})" if first_source else ""
            self.diags.error(
                OUTPUT_COLLISION,
                f"two pages would be written to {rel_path!r}{by}; '{first}' and '{rel_path}' are the same file name",
                self._where(rel_path, source),
            )
            return False
        self.reserved[key] = (rel_path, source)
        return True

    def write(self, rel_path: str, text: str, source: Location | None = None) -> bool:
        """Write a reserved (or not yet claimed) path exactly once."""
        key = rel_path.casefold()
        owner = self.reserved.get(key)
        if key in self.written or (owner is not None and owner[0] != rel_path):
            self.diags.error(OUTPUT_COLLISION, f"{rel_path!r} was already written", self._where(rel_path, source))
            return False
        if owner is None and not self.reserve(rel_path, source):
            return False
        target = self.out_dir / rel_path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        except OSError as exc:
            self.diags.error(WRITE_FAILED, f"cannot write {rel_path!r}: {exc.strerror}", self._where(rel_path, source))
            return False
        self.written.add(key)
        return True
