"""What the generator needs from mkdocs.yml: the site's name, URL and languages.

mkdocs.yml is the one place a maintainer sets them (MkDocs and Material read the
same keys), so the generated pages, feeds and JSON-LD can never disagree with
the built site. Its Python tags (`!!python/object/apply` for the slug function)
are skipped, never evaluated.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.site.pagetype import SiteInfo

DEFAULT_SITE_URL = "https://factcheck.example.org/"
DEFAULT_SITE_NAME = "Fact-check archive"
SOURCE_LANGUAGE = "en"


class _TagIgnoringLoader(yaml.SafeLoader):
    """A safe loader that reads every unknown tag (`!!python/…`, `!ENV`) as null."""


def _ignore(loader: yaml.SafeLoader, _suffix: str, _node: yaml.Node) -> None:
    return None


_TagIgnoringLoader.add_multi_constructor("!", _ignore)
_TagIgnoringLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore)


def read_mkdocs_config(root: Path) -> dict[str, Any]:
    try:
        data = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TagIgnoringLoader)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _languages(config: dict[str, Any]) -> tuple[str, ...]:
    """The source language first, then every other `extra.alternate` language, in order."""
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    alternates = extra.get("alternate") if isinstance(extra, dict) else None
    found = [SOURCE_LANGUAGE]
    for entry in alternates if isinstance(alternates, list) else []:
        code = entry.get("lang") if isinstance(entry, dict) else None
        if isinstance(code, str) and code not in found:
            found.append(code)
    return tuple(found)


def site_info(root: Path) -> SiteInfo:
    config = read_mkdocs_config(root)
    url, name = config.get("site_url"), config.get("site_name")
    url = url if isinstance(url, str) and url else DEFAULT_SITE_URL
    name = name if isinstance(name, str) and name else DEFAULT_SITE_NAME
    return SiteInfo(name=name, url=url if url.endswith("/") else url + "/", languages=_languages(config))
