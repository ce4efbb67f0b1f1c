"""YAML front matter for generated pages.

Only ever written with `yaml.safe_dump`. Material prints `page.meta.title`,
`description` and `author` without escaping, so generated pages never set
them: the page title comes from the escaped H1 instead.
"""

from __future__ import annotations

from typing import Any

import yaml

FORBIDDEN_KEYS = frozenset({"title", "description", "author", "template"})


def front_matter(data: dict[str, Any]) -> str:
    if not data:
        return ""
    unsafe = FORBIDDEN_KEYS & data.keys()
    if unsafe:
        raise ValueError(f"front matter keys printed raw by the theme: {sorted(unsafe)}")
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=120)
    return f"---\n{dumped}---\n\n"
