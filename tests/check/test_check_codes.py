"""Every diagnostic code the checker can emit is documented in CONTRIBUTING.md."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Every module of the generator: a code emitted anywhere reaches contributors.
MODULES = sorted(p.relative_to(ROOT / "generator").with_suffix("").as_posix()
                 for p in (ROOT / "generator").rglob("*.py"))
_CODE = re.compile(r"^[a-z]+(-[a-z0-9]+)*$")
# Functions and tables in schema.py that translate pydantic's own error types into codes.
_TRANSLATIONS = {"_GENERIC_MESSAGES", "_describe"}


def _first_string(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and _CODE.match(node.value):
        return node.value
    return None


def emitted_codes(source: str) -> set[str]:
    """Codes passed to diags.error/warning or PydanticCustomError, or produced by the translations."""
    codes: set[str] = set()
    tree = ast.parse(source)
    # Codes kept in module constants (OUTPUT_COLLISION = "output-collision") and passed by name.
    constants = {
        t.id: code
        for node in tree.body if isinstance(node, ast.Assign)
        for t in node.targets if isinstance(t, ast.Name) and (code := _first_string(node.value))
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            first = node.args[0]
            code = _first_string(first) or (constants.get(first.id) if isinstance(first, ast.Name) else None)
            if name in {"error", "warning", "PydanticCustomError"} and code:
                codes.add(code)
        named = getattr(node, "name", None) or next(
            (t.id for t in getattr(node, "targets", []) if isinstance(t, ast.Name)), None
        )
        if named in _TRANSLATIONS:
            for inner in ast.walk(node):
                if isinstance(inner, ast.Tuple) and len(inner.elts) >= 2 and (code := _first_string(inner.elts[0])):
                    codes.add(code)
    return codes


def documented_codes() -> set[str]:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("## Error codes", 1)[1]
    return set(re.findall(r"^- `([a-z0-9-]+)`", section, flags=re.MULTILINE))


def test_every_emitted_code_is_documented() -> None:
    emitted: set[str] = set()
    for module in MODULES:
        emitted |= emitted_codes((ROOT / "generator" / f"{module}.py").read_text(encoding="utf-8"))
    assert len(emitted) >= 40
    assert sorted(emitted - documented_codes()) == []


def test_the_collector_sees_codes_in_every_form() -> None:
    source = '''
diags.error("a-code", "m", where)
diags.warning(
    "b-code", "m", where)
raise PydanticCustomError("c-code", "m")
_GENERIC_MESSAGES = {"x": ("d-code", "text")}
def _describe():
    return "e-code", "text", where
CODE_F = "f-code"
diags.warning(CODE_F, "m", where)
'''
    assert emitted_codes(source) == {"a-code", "b-code", "c-code", "d-code", "e-code", "f-code"}
