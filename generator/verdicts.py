"""Loading verdict files (content/verdicts/<id>.yaml) into `model.Verdict`.

Each file is validated against `schema.VerdictModel`; every problem is
recorded at its own line and column. A file with mistakes confined to parts
that can be left out (an unknown key, one bad tag or source) is still returned
without those parts, so the cross-reference checks run on the rest in the same
run: the errors are recorded, so no site is built from it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator.diagnostics import Diagnostics, Location, display_path
from generator.model import Citation, Correction, Verdict
from generator.schema import (
    ID_PATTERN,
    CitationModel,
    VerdictModel,
    report_validation_errors,
    slugify,
)
from generator.yamlio import item_location, load_mapping_file, value_location

VERDICT_SUFFIXES = (".yaml", ".yml")
_LIST_FIELDS = ("appearances", "evidence", "updated", "tags")
# Valid values standing in for failed required fields, so the rest can be validated; never shown.
_STAND_INS: dict[str, Any] = {
    "claim": "-", "claimant": "-", "rating": "-", "summary": "-", "author": "-",
    "claim_date": dt.date(2000, 1, 1), "published": dt.date(2000, 1, 1),
    "appearances": [{"url": "https://stand-in.invalid/"}], "evidence": [{"url": "https://stand-in.invalid/"}],
}


def load_verdicts(verdicts_dir: Path, root: Path, diags: Diagnostics) -> dict[str, Verdict]:
    """Every verdict file in `verdicts_dir`, in file-name order, keyed by id (the file stem)."""
    if not verdicts_dir.is_dir():
        where = Location(display_path(verdicts_dir, root), 1, 1)
        diags.error("missing-file", "the verdicts folder does not exist", where)
        return {}
    verdicts: dict[str, Verdict] = {}
    seen: dict[str, str] = {}
    for file in sorted(verdicts_dir.iterdir()):
        path = display_path(file, root)
        if file.name.startswith("."):
            continue
        if not file.is_file() or file.suffix not in VERDICT_SUFFIXES:
            what = "folder" if file.is_dir() else "file"
            message = f"this {what} is not a verdict (only .yaml files are read from the verdicts folder); ignored"
            diags.warning("stray-file", message, Location(path, 1, 1))
            continue
        if file.stem in seen:
            message = f"verdict id '{file.stem}' is already used by {seen[file.stem]}; rename one of the files"
            diags.error("duplicate-id", message, Location(path, 1, 1))
            continue
        seen[file.stem] = path
        verdict = load_verdict_file(file, path, diags)
        if verdict is not None:
            verdicts[verdict.id] = verdict
    return verdicts


def load_verdict_file(file: Path, path: str, diags: Diagnostics) -> Verdict | None:
    """One verdict; None when it cannot be used at all (the reasons are recorded).

    A verdict with errors in some fields is still returned, without those
    fields (they are absent from `field_locations`), so that the cross-reference
    checks report the rest of the file in the same run.
    """
    verdict_id = file.stem
    id_ok = re.fullmatch(ID_PATTERN, verdict_id) is not None
    if not id_ok:
        suggestion = (slugify(verdict_id) or "a-verdict") + file.suffix
        message = (
            f"the file name '{file.name}' cannot be a verdict id (it becomes the page address): "
            f"use lowercase letters, digits and hyphens, e.g. '{suggestion}'"
        )
        diags.error("bad-id", message, Location(path, 1, 1))
    data = load_mapping_file(file, path, diags, allow_aliases=False)
    if data is None:
        return None
    validated = _validate(data, path, diags)
    if validated is None or not id_ok:
        return None
    return _to_verdict(verdict_id, path, data, *validated)


@dataclass
class _Repair:
    """What was left out of a verdict with errors: whole fields, and list items by original index."""

    failed: set[str] = field(default_factory=set)
    kept: dict[str, list[int]] = field(default_factory=dict)


def _validate(data: Any, path: str, diags: Diagnostics) -> tuple[VerdictModel, _Repair] | None:
    try:
        return VerdictModel.model_validate(data), _Repair()
    except ValidationError as exc:
        report_validation_errors(exc, VerdictModel, data, path, diags)
        errors = [(tuple(err["loc"]), err["type"]) for err in exc.errors()]
    salvaged = _salvage(data, errors)
    if salvaged is None:
        return None
    try:
        return VerdictModel.model_validate(salvaged[0]), salvaged[1]
    except ValidationError:
        return None


def _salvage(data: dict[Any, Any], errors: list[tuple[tuple[Any, ...], str]]) -> tuple[dict[Any, Any], _Repair] | None:
    """The data with failed parts left out, and stand-ins (never used) for failed required fields."""
    repair = _Repair()
    drop_items: dict[str, set[int]] = {}
    drop_nested: dict[tuple[str, int], set[Any]] = {}
    unknown: set[Any] = set()
    for loc, kind in errors:
        if kind == "extra_forbidden" and len(loc) == 1:
            unknown.add(loc[0])
        elif kind == "extra_forbidden" and len(loc) == 3 and loc[0] in _LIST_FIELDS:
            drop_nested.setdefault((loc[0], loc[1]), set()).add(loc[2])
        elif len(loc) >= 2 and loc[0] in _LIST_FIELDS and isinstance(loc[1], int):
            drop_items.setdefault(loc[0], set()).add(loc[1])
        elif loc and loc[0] in VerdictModel.model_fields:
            repair.failed.add(loc[0])
        else:
            return None
    repaired = {key: value for key, value in data.items() if key not in unknown and key not in repair.failed}
    for name in _LIST_FIELDS:
        items = repaired.get(name)
        if isinstance(items, list):
            repair.kept[name] = [i for i in range(len(items)) if i not in drop_items.get(name, set())]
            repaired[name] = [_without(items[i], drop_nested.get((name, i), set())) for i in repair.kept[name]]
            if not repaired[name] and name in _STAND_INS:
                repair.failed.add(name)
    for name in repair.failed & _STAND_INS.keys():
        repaired[name] = _STAND_INS[name]
    return repaired, repair


def _without(item: Any, keys: set[Any]) -> Any:
    if not keys or not isinstance(item, dict):
        return item
    return {key: value for key, value in item.items() if key not in keys}


def _to_verdict(verdict_id: str, path: str, data: Any, model: VerdictModel, repair: _Repair) -> Verdict:
    failed = repair.failed
    locations = {
        key: value_location(data, key, path) for key in data if key in VerdictModel.model_fields and key not in failed
    }
    kept = {name: indices for name, indices in repair.kept.items() if name not in failed}
    appearances = () if "appearances" in failed else _citations(data, "appearances", model.appearances, kept, path,
                                                                  locations)
    evidence = () if "evidence" in failed else _citations(data, "evidence", model.evidence, kept, path, locations)
    updated = tuple(
        Correction(date=entry.date, note=entry.note, location=item_location(data["updated"], index, path))
        for entry, index in zip(model.updated, _original(kept, "updated", len(model.updated)), strict=True)
    )
    for new, index in enumerate(_original(kept, "tags", len(model.tags))):
        locations[f"tags.{new}"] = item_location(data["tags"], index, path)
    text = {name: "" if name in failed else getattr(model, name).strip()
            for name in ("claim", "claimant", "rating", "summary", "author")}
    claim_date = model.published if "claim_date" in failed else model.claim_date
    published = claim_date if "published" in failed else model.published
    return Verdict(
        id=verdict_id, location=Location(path, 1, 1), claim_date=claim_date, published=published,
        appearances=appearances, evidence=evidence, body=model.body or "", updated=updated,
        tags=tuple(model.tags), field_locations=locations, **text,
    )


def _original(kept: dict[str, list[int]], name: str, count: int) -> Iterable[int]:
    return kept.get(name, range(count))


def _citations(
    data: Any, name: str, models: list[CitationModel], kept: dict[str, list[int]], path: str,
    locations: dict[str, Location],
) -> tuple[Citation, ...]:
    """Citations with their locations; `locations` gains `<name>.<index>.<key>` entries."""
    result = []
    for new, index in enumerate(_original(kept, name, len(models))):
        item = data[name][index]
        for key in ("article", "quote", "url", "title", "note"):
            if key in item:
                locations[f"{name}.{new}.{key}"] = value_location(item, key, path)
        cited = models[new]
        result.append(
            Citation(
                location=item_location(data[name], index, path),
                article=cited.article.strip() if cited.article else None,
                quote=cited.quote,
                quote_location=value_location(item, "quote", path) if cited.quote else None,
                url=cited.url,
                title=cited.title,
                note=cited.note,
            )
        )
    return tuple(result)

