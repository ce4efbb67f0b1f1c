"""How many bytes a reader's browser downloads for a first search query, from a built site/.

Three search engines can be behind a built site, detected by the files they leave:

- **Pagefind** (`pagefind/pagefind-entry.json`, anywhere in site/): the query costs the
  entry JSON, `pagefind.js`, the WebAssembly of the page's language, that language's
  `.pf_meta`, its filter files (the filter UI loads them all on the first query), one
  index chunk and the fragments of the results shown (Pagefind's UI shows 5 at first).
  Which chunk and which fragments depend on the query, so this takes the **largest**
  chunk and the **largest** fragments of the language: an upper bound that holds for
  every query, without decoding Pagefind's (versioned) binary index. Over several
  languages, the most expensive one counts.
- **Material's lunr** (`search/search_index.json`): the whole index, downloaded before
  the first result.
- **Zensical** (`search.json` at the root): likewise the whole index.

Pagefind wins when more than one is present: a site moving to it may still carry the old index.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Engine = Literal["pagefind", "lunr", "zensical"]
RESULTS_SHOWN = 5  # Pagefind UI's default page of results; each result fetches one fragment.
LUNR_INDEX = Path("search/search_index.json")
ZENSICAL_INDEX = Path("search.json")
PAGEFIND_ENTRY = "pagefind-entry.json"
# Where Pagefind's bundle usually sits; anything else is found by a search of site/.
PAGEFIND_DIRS = (Path("pagefind"), Path("_pagefind"), Path("assets/pagefind"))


@dataclass(frozen=True)
class SearchCost:
    """Bytes of a first query, and which files (site/-relative) make them up."""

    engine: Engine
    bytes: int
    parts: dict[str, int] = field(default_factory=dict)
    language: str | None = None


def first_query_cost(site: Path) -> SearchCost | None:
    """The first-query download of the site built in `site`; None if it has no search index."""
    bundle = find_pagefind_bundle(site)
    if bundle is not None:
        return pagefind_cost(site, bundle)
    for engine, index in (("lunr", LUNR_INDEX), ("zensical", ZENSICAL_INDEX)):
        if (site / index).is_file():
            size = (site / index).stat().st_size
            return SearchCost(engine, size, {index.as_posix(): size})  # type: ignore[arg-type]
    return None


def find_pagefind_bundle(site: Path) -> Path | None:
    for folder in PAGEFIND_DIRS:
        if (site / folder / PAGEFIND_ENTRY).is_file():
            return site / folder
    found = sorted(site.rglob(PAGEFIND_ENTRY)) if site.is_dir() else []
    return found[0].parent if found else None


def pagefind_cost(site: Path, bundle: Path) -> SearchCost:
    entry = json.loads((bundle / PAGEFIND_ENTRY).read_text(encoding="utf-8"))
    costs = [_language_cost(site, bundle, code, info) for code, info in sorted(entry.get("languages", {}).items())]
    if not costs:  # An empty index still costs the entry and the script.
        return SearchCost("pagefind", 0, _sizes(site, [bundle / PAGEFIND_ENTRY, bundle / "pagefind.js"]))
    return max(costs, key=lambda cost: cost.bytes)


def _language_cost(site: Path, bundle: Path, code: str, info: dict[str, object]) -> SearchCost:
    meta_hash = str(info.get("hash", code))
    prefix = meta_hash.rsplit("_", 1)[0] + "_"  # "en_5da287e08f" -> files named "en_…"
    files = [bundle / PAGEFIND_ENTRY, bundle / "pagefind.js", bundle / f"wasm.{info.get('wasm', code)}.pagefind",
             bundle / f"pagefind.{meta_hash}.pf_meta", *sorted((bundle / "filter").glob(f"{prefix}*.pf_filter"))]
    chunks = _largest(bundle / "index", f"{prefix}*.pf_index", 1)
    fragments = _largest(bundle / "fragment", f"{prefix}*.pf_fragment", RESULTS_SHOWN)
    parts = _sizes(site, [*files, *chunks, *fragments])
    return SearchCost("pagefind", sum(parts.values()), parts, code)


def _largest(folder: Path, pattern: str, count: int) -> list[Path]:
    if not folder.is_dir():
        return []
    by_size = sorted(folder.glob(pattern), key=lambda p: (-p.stat().st_size, p.name))
    return by_size[:count]


def _sizes(site: Path, files: list[Path]) -> dict[str, int]:
    """Sizes of the files that exist, keyed by their path in site/ (a missing one costs nothing)."""
    return {f.relative_to(site).as_posix(): f.stat().st_size for f in files if f.is_file()}
