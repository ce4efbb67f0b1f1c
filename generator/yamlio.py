"""YAML loading that keeps line numbers and refuses YAML's traps.

ruamel.yaml's round-trip loader records where every key and item was written,
so a problem found in a value is reported at its own line and column. PyYAML's
traps are closed here: duplicate keys are errors (not "last one wins"), and
YAML 1.2 semantics mean `NO`/`yes` stay strings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from generator.diagnostics import Diagnostics, Location

MAX_YAML_BYTES = 1_000_000


def _loader() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    return yaml


def load_yaml_text(text: str, path: str, diags: Diagnostics) -> Any | None:
    """Parse one YAML document; on failure record an error and return None."""
    try:
        return _loader().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        diags.error("yaml-syntax", f"YAML syntax error: {problem}", Location(path, line, col))
    except YAMLError as exc:
        diags.error("yaml-syntax", f"YAML error: {exc}", Location(path, 1, 1))
    return None


def load_yaml_file(file: Path, path: str, diags: Diagnostics) -> Any | None:
    try:
        data = file.read_bytes()
    except OSError as exc:
        diags.error("io", f"cannot read file: {exc.strerror}", Location(path, 1, 1))
        return None
    if len(data) > MAX_YAML_BYTES:
        diags.error("yaml-too-large", f"YAML file is larger than {MAX_YAML_BYTES} bytes", Location(path, 1, 1))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        diags.error("encoding", f"YAML file is not valid UTF-8 (byte {exc.start})", Location(path, 1, 1))
        return None
    return load_yaml_text(text, path, diags)


def key_location(node: Any, key: Any, path: str) -> Location:
    """Where `key` of a mapping was written (the key itself)."""
    if isinstance(node, CommentedMap):
        try:
            line, col = node.lc.key(key)
            return Location(path, line + 1, col + 1)
        except (KeyError, TypeError, AttributeError):
            pass
    return node_location(node, path)


def value_location(node: Any, key: Any, path: str) -> Location:
    """Where the value of `key` in a mapping starts."""
    if isinstance(node, CommentedMap):
        try:
            line, col = node.lc.value(key)
            return Location(path, line + 1, col + 1)
        except (KeyError, TypeError, AttributeError):
            pass
    return key_location(node, key, path)


def item_location(node: Any, index: int, path: str) -> Location:
    if isinstance(node, CommentedSeq):
        try:
            line, col = node.lc.item(index)
            return Location(path, line + 1, col + 1)
        except (KeyError, TypeError, AttributeError, IndexError):
            pass
    return node_location(node, path)


def node_location(node: Any, path: str) -> Location:
    lc = getattr(node, "lc", None)
    if lc is not None and getattr(lc, "line", None) is not None:
        return Location(path, lc.line + 1, (lc.col or 0) + 1)
    return Location(path, 1, 1)
