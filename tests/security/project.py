"""Throw-away project roots: the real mkdocs.yml and overrides, content written by the test.

YAML is written by hand with every string as a JSON double-quoted scalar
(valid YAML, ASCII only), so hostile text reaches the loader exactly as given,
whatever characters it holds.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostics

MAIN = Path(__file__).resolve().parents[2]
FACTCHECK = Path(sys.executable).parent / "factcheck"


def yaml_scalar(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=True)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | int):
        return str(value)
    if value is None:
        return "null"
    raise TypeError(value)


def to_yaml(value: Any, indent: int = 0) -> str:
    """Block-style YAML for dicts, lists and scalars."""
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return pad + "{}\n"
        out = []
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                out.append(f"{pad}{yaml_scalar(str(key))}:\n{to_yaml(item, indent + 2)}")
            else:
                out.append(f"{pad}{yaml_scalar(str(key))}: {_inline(item)}\n")
        return "".join(out)
    if isinstance(value, list):
        out = []
        for item in value:
            if isinstance(item, dict) and item:
                body = to_yaml(item, indent + 2)
                out.append(f"{pad}- {body[indent + 2 :]}")
            else:
                out.append(f"{pad}- {_inline(item)}\n")
        return "".join(out)
    return pad + yaml_scalar(value) + "\n"


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return yaml_scalar(value)


def wp_json(data: Any) -> str:
    """JSON as the WordPress REST API writes it: `<`, `>`, `&` as \\u escapes and `/` as `\\/`."""
    text = json.dumps(data, ensure_ascii=True, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("/", "\\/")


BASE_RATINGS: dict[str, dict[str, Any]] = {
    "false": {"label": "False", "value": 1, "description": "Wrong.", "colour": "#b71c1c"},
    "misleading": {"label": "Misleading", "value": 3, "description": "Out of context.", "colour": "#ef6c00"},
    "true": {"label": "True", "value": 6, "description": "Right.", "colour": "#2e7d32"},
    "unproven": {"label": "Unproven", "description": "Not shown either way.", "colour": "#616161"},
}
NAV_PAGES = {
    "about": "About",
    "methodology": "Methodology",
    "rating-scale": "Rating scale",
    "corrections": "Corrections",
    "submit": "Submit a claim",
}
BASE_ARTICLE = (
    "Officials describe the weather in the capital\n\n"
    "The city council met on Monday to discuss the weather.\n"
    'Quote from Jane Speaker: "The sky is green today, and it will stay green."\n'
    "Source: Wire News\n"
)


def base_verdict(vid: str = "sky-claim", **changes: Any) -> dict[str, Any]:
    verdict: dict[str, Any] = {
        "claim": "The sky is green today",
        "claimant": "speaker",
        "claim_date": dt.date(2026, 3, 1),
        "appearances": [{"article": "base-wire", "quote": "The sky is green today"}],
        "rating": "false",
        "summary": "The sky was blue.",
        "evidence": [{"url": "https://example.org/weather", "title": "Weather report", "note": "Blue sky."}],
        "author": "Desk",
        "published": dt.date(2026, 3, 2),
        "tags": ["weather"],
    }
    verdict.update(changes)
    return verdict


@dataclass
class Project:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def docs(self) -> Path:
        return self.root / "build" / "docs"

    def write(self, rel: str, data: str | bytes) -> Path:
        target = self.content / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8", newline="\n")
        return target

    def write_yaml(self, rel: str, data: Any) -> Path:
        return self.write(rel, to_yaml(data))

    def verdict(self, vid: str, data: dict[str, Any]) -> Path:
        return self.write_yaml(f"verdicts/{vid}.yaml", data)

    def check(self) -> Diagnostics:
        from generator.pipeline import load_archive

        diags = Diagnostics()
        load_archive(self.root, diags)
        return diags

    def build(self) -> tuple[bool, Diagnostics]:
        from generator.build import build

        diags = Diagnostics()
        ok = build(self.root, diags)
        return ok, diags

    def run_cli(
        self, *args: str, env: dict[str, str] | None = None, unset: tuple[str, ...] = (), timeout: float = 300
    ) -> subprocess.CompletedProcess:
        full_env = {k: v for k, v in {**os.environ, **(env or {})}.items() if k not in unset}
        return subprocess.run(
            [str(FACTCHECK), "--root", str(self.root), *args],
            capture_output=True,
            text=True,
            env=full_env,
            timeout=timeout,
            cwd=self.root,
        )


def new_project(root: Path, *, base: bool = True) -> Project:
    """A project with the real site config; `base` adds a small valid archive."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(MAIN / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(MAIN / "overrides", root / "overrides")
    project = Project(root)
    for folder in ("articles", "verdicts", "pages"):
        (project.content / folder).mkdir(parents=True, exist_ok=True)
    if base:
        write_base(project)
    return project


def write_base(project: Project) -> None:
    project.write_yaml("ratings.yaml", BASE_RATINGS)
    project.write_yaml("outlets.yaml", {"wire-news": {"name": "Wire News", "domains": ["wire.example"]}})
    project.write_yaml("people.yaml", {"speaker": {"name": "Jane Speaker", "aliases": ["Speaker"]}})
    project.write("articles/base-wire.txt", BASE_ARTICLE)
    project.write_yaml(
        "articles/base-wire.meta.yaml",
        {"outlet": "wire-news", "url": "https://wire.example/a/1", "published": dt.date(2026, 2, 28)},
    )
    project.verdict("sky-claim", base_verdict())
    for name, title in NAV_PAGES.items():
        project.write(f"pages/{name}.md", f"# {title}\n\nA page about {title.lower()}.\n")


def tree_snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by relative path, with its bytes."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def all_paths(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def diff_trees(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    only_a = sorted(set(a) - set(b))
    only_b = sorted(set(b) - set(a))
    changed = sorted(k for k in set(a) & set(b) if a[k] != b[k])
    return (
        [f"only in first: {k}" for k in only_a]
        + [f"only in second: {k}" for k in only_b]
        + [f"differs: {k}" for k in changed]
    )


def codes(diags: Diagnostics, errors_only: bool = True) -> set[str]:
    items: Iterable = diags.errors if errors_only else diags
    return {d.code for d in items}


def describe(diags: Diagnostics) -> str:
    return "\n".join(d.format() for d in diags.sorted()[:80])
