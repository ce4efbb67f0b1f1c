"""`factcheck serve`: live preview that regenerates pages when content/ changes.

MkDocs watches content/ and, before each rebuild, this module's hook writes the
Markdown tree again. The hook is a convenience for previews only: `factcheck
build` never needs it, so plain MkDocs and Zensical render the same tree.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostics

ROOT_ENV = "FACTCHECK_ROOT"
FINGERPRINT_FILE = Path("build/.content-fingerprint")


def content_fingerprint(root: Path) -> str:
    """Names, sizes and mtimes of content/: cheap, and enough to see an edit."""
    digest = hashlib.sha256()
    for file in sorted((root / "content").rglob("*")):
        if file.is_file():
            stat = file.stat()
            digest.update(f"{file}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def on_pre_build(config: Any) -> None:
    """MkDocs hook. Regenerating rewrites build/docs/, which MkDocs also watches, so
    only a change in content/ triggers it; otherwise every rebuild would cause another."""
    from generator.build import generate

    root = Path(os.environ.get(ROOT_ENV, "."))
    # MkDocs reloads hook modules with each config, so the last fingerprint lives in a file.
    stamp = root / FINGERPRINT_FILE
    fingerprint = content_fingerprint(root)
    if stamp.is_file() and stamp.read_text() == fingerprint and (root / "build/docs").is_dir():
        return
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(fingerprint)
    diags = Diagnostics()
    generate(root, diags)
    diags.print(sys.stderr)


def serve(root: Path, dev_addr: str) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    os.environ[ROOT_ENV] = str(root)
    (root / FINGERPRINT_FILE).unlink(missing_ok=True)
    mkdocs_serve(
        str(root / "mkdocs.yml"),
        livereload=True,
        watch=[str(root / "content")],
        dev_addr=dev_addr,
        hooks=[__file__],
    )
    return 0
