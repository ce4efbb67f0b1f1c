"""The committed JSON Schema matches the model, and editors can read it (draft-07)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.schema import SCHEMA_PATH, VerdictModel, export_json_schema, render_json_schema

ROOT = Path(__file__).resolve().parents[2]


def test_committed_schema_is_not_stale() -> None:
    committed = (ROOT / SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == render_json_schema(), "run: python -m generator.schema > schema/verdict.schema.json"


def test_module_prints_the_schema() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator.schema"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout == render_json_schema()
    assert done.stdout.endswith("}\n")


def _walk(node: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def test_schema_is_draft_07() -> None:
    schema = export_json_schema()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    keys = {key for key, _ in _walk(schema)}
    assert not keys & {"$defs", "prefixItems", "unevaluatedProperties", "dependentRequired", "$dynamicRef"}
    refs = [value for key, value in _walk(schema) if key == "$ref"]
    assert refs
    assert all(ref.startswith("#/definitions/") and ref.split("/")[-1] in schema["definitions"] for ref in refs)


def test_every_field_has_a_description() -> None:
    schema = export_json_schema()
    objects = [schema, *schema["definitions"].values()]
    for obj in objects:
        assert obj.get("description"), obj.get("title")
        assert obj["additionalProperties"] is False
        for name, prop in obj["properties"].items():
            assert prop.get("description"), name


def test_schema_lists_the_model_fields_and_required_ones() -> None:
    schema = export_json_schema()
    assert set(schema["properties"]) == set(VerdictModel.model_fields)
    assert set(schema["required"]) == {
        "claim", "claimant", "claim_date", "appearances", "rating", "summary", "evidence", "author", "published"
    }
    assert schema["properties"]["appearances"]["minItems"] == 1
    assert schema["properties"]["claim_date"]["format"] == "date"


def _bundled_verdicts() -> list[tuple[str, Any]]:
    import yaml

    folder = ROOT / "content" / "verdicts"
    return [(f.name, yaml.safe_load(f.read_text(encoding="utf-8"))) for f in sorted(folder.glob("*.yaml"))]


def _json_ready(value: Any) -> Any:
    """YAML dates as the strings an editor's YAML server hands to the schema."""
    return json.loads(json.dumps(value, default=str))


def test_editors_accept_the_bundled_verdicts_and_flag_broken_ones() -> None:
    """What an editor does with the schema: a draft-07 validator over the bundled verdicts."""
    from jsonschema import Draft7Validator, FormatChecker

    schema = json.loads((ROOT / SCHEMA_PATH).read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    validator = Draft7Validator(schema, format_checker=FormatChecker())
    verdicts = _bundled_verdicts()
    assert verdicts
    for name, data in verdicts:
        errors = [e.message for e in validator.iter_errors(_json_ready(data))]
        assert not errors, f"{name}: the schema rejects a verdict the checker accepts: {errors}"
    name, data = verdicts[0]
    broken = {**_json_ready(data), "appearances": [], "claim_date": "2025-13-45", "ratng": "false"}
    paths = {tuple(e.path) or (e.validator,) for e in validator.iter_errors(broken)}
    assert {("appearances",), ("claim_date",), ("additionalProperties",)} <= paths, paths
