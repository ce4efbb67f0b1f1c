"""Reading content files without following links out of the project.

A pull request can carry a symbolic link (`content/articles/x.txt ->
/etc/passwd`); following it would publish a file of the build machine on the
public site. Every content reader goes through `read_content_bytes`.
"""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostics, Location


def linked_part(file: Path, display: str) -> Path | None:
    """The file itself or a folder of it, inside the project, that is a symbolic link."""
    depth = len(Path(display).parts) if not Path(display).is_absolute() else 1
    for part in [file, *file.parents][:depth]:
        if part.is_symlink():
            return part
    return None


def read_content_bytes(file: Path, display: str, diags: Diagnostics) -> bytes | None:
    """The file's bytes, or None with an error when it is a link or cannot be read."""
    where = Location(display, 1, 1)
    if (link := linked_part(file, display)) is not None:
        diags.error("symlink", f"'{link.name}' is a symbolic link; commit the file itself, links are never followed",
                    where)
        return None
    try:
        return file.read_bytes()
    except OSError as exc:
        diags.error("io", f"cannot read file: {exc.strerror or exc}", where)
        return None


def name_is_utf8(file: Path, display: str, diags: Diagnostics) -> bool:
    """True for a file name that is valid UTF-8; else an error (the path printed with `\\x..` escapes).

    Python holds the bytes of such a name as lone surrogates, which no output can encode:
    the file would crash a printer or fail the build at MkDocs' first write of its page.
    """
    try:
        file.name.encode("utf-8")
    except UnicodeEncodeError:
        diags.error("encoding", "the file name is not valid UTF-8; rename the file", Location(display, 1, 1))
        return False
    return True
