"""Run the readers over a folder of real-world inputs and say what each file yields.

    python -m generator.readers.realworld ../shared/realworld

For each file: the format sniffed, the number of articles, their titles (and
language, outlet hint, block count) and the problems found. Exit status 0
unless the folder is missing: problems in the inputs are what this reports.
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.readers import read_file, reader_for
from generator.readers.hygiene import guess_language

MAX_TITLES = 12


def describe_file(file: Path, root: Path) -> list[str]:
    diags = Diagnostics()
    articles = read_file(file, root, diags)
    fmt = articles[0].format if articles else _sniffed(file)
    lines = [f"{file.relative_to(root).as_posix()}: {fmt}, {len(articles)} article(s)"]
    for article in articles[:MAX_TITLES]:
        language = article.language or f"{guess_language(article.title + ' ' + article.text)}?"
        extras = f"{len(article.blocks)} blocks, lang {language}"
        if article.outlet_name:
            extras += f", publisher {article.outlet_name!r}"
        lines.append(f"  - {article.id}: {article.title[:90]!r} ({extras})")
    if len(articles) > MAX_TITLES:
        lines.append(f"  … and {len(articles) - MAX_TITLES} more")
    for diag in diags.sorted():
        lines.append(f"  {diag.severity.value}: [{diag.code}] {diag.message} ({diag.location})")
    return lines


def _sniffed(file: Path) -> str:
    try:
        return reader_for(file.read_bytes().decode("utf-8", errors="replace")).name
    except OSError:
        return "unreadable"


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python -m generator.readers.realworld FOLDER", file=sys.stderr)
        return 2
    root = Path(argv[0])
    files = sorted(f for f in root.rglob("*") if f.is_file() and not f.name.upper().startswith("README"))
    for file in files:
        print("\n".join(describe_file(file, root)))
    print(f"{len(files)} file(s) read")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
