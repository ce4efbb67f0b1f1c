"""YAML front matter for generated pages: an allow-list of keys, written with `yaml.safe_dump`.

Material prints several `page.meta` values as HTML without escaping (`title`
in the header, `description` and `author` in `<meta>`, a nav item's
`subtitle`, `icon` as a template path, `status` in a class), and MkDocs
switches templates on `template`. So a generated page may carry only the keys
listed here, and hand-written pages only their escaped title (generator/pages.py).
"""

from __future__ import annotations

from typing import Any

import yaml

# `jsonld`: a verdict's ClaimReview, printed by overrides/main.html through `tojson`.
ALLOWED_KEYS = frozenset({"jsonld"})
# Only hand-written pages carry a title in front matter, and only HTML-escaped text.
HAND_WRITTEN_KEYS = frozenset({"title"})


def front_matter(data: dict[str, Any]) -> str:
    if not data:
        return ""
    unsafe = data.keys() - ALLOWED_KEYS
    if unsafe:
        raise ValueError(f"front matter keys outside the allow-list: {sorted(unsafe)}")
    return _dump(data)


def hand_written_front_matter(escaped_title: str) -> str:
    """`title` only; the caller escaped it, since the theme prints it as HTML."""
    return _dump({"title": escaped_title})


def _dump(data: dict[str, Any]) -> str:
    # No folding: a folded line could start with `---` and end the block early.
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=2**16)
    return f"---\n{dumped}---\n\n"
