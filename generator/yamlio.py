"""YAML loading that keeps line numbers and refuses YAML's traps.

libyaml's parser (through PyYAML, 50x faster than a pure-Python one) turns the
text into events; the values are built here, with YAML 1.2 core-schema typing,
so that every trap becomes a diagnostic at its own line and column while the
rest of the file is still read: duplicate keys are recorded (the first value is
kept), aliases are refused unless a caller allows them (none does: an alias can
multiply a long text, and content never needs one) and then counted and bounded,
nesting depth is bounded without recursion, and a second document, tabs in
indentation and tags get messages of their own.

YAML 1.2 core schema: `NO`, `yes`, `on` stay strings. An unquoted word that
YAML 1.1 tools read as a boolean comes back as `BoolLikeText` (a `str`), so the
schema can reject it in fields that expect text.

Mappings and sequences come back as ruamel `CommentedMap`/`CommentedSeq` with
line/column data, read with `key_location`, `value_location`, `item_location`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from yaml import events

from generator.contentfs import read_content_bytes
from generator.diagnostics import Diagnostics, Location

MAX_YAML_BYTES = 1_000_000
MAX_ALIASES = 100
MAX_NODES = 100_000  # values, counting each alias as the values it stands for
MAX_DEPTH = 100

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
YAML11_BOOL_WORDS = frozenset(
    {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"}
    | {"true", "True", "TRUE", "false", "False", "FALSE"}
)
# libyaml's problem text -> (what to say instead or None, a hint on the usual cause).
_SYNTAX_HINTS = {
    "mapping values are not allowed": ("unexpected ': '", "a value that contains ': ' must be put in quotes"),
    "did not find expected key": ("unexpected text", "this line's indentation does not match the lines above it"),
    "did not find expected '-' indicator": ("unexpected text", "a list item must start with '- '"),
    "could not find expected ':'": (None, "a key must be followed by ': '"),
    "found unexpected end of stream": ("the file ends inside this value", "a quoted value is not closed"),
    "did not find expected ',' or ']'": ("this [ list ] is not closed", "add the closing ']'"),
    "did not find expected ',' or '}'": ("this { mapping } is not closed", "add the closing '}'"),
    "found character that cannot start any token": (None, "a value starting with @ or ` must be put in quotes"),
}


class BoolLikeText(str):
    """An unquoted `yes`/`no`/`on`/`off`…: text in YAML 1.2, a boolean in YAML 1.1."""


class NumberText(str):
    """An unquoted whole number too long for Python to convert (over 4,300 digits): kept as its
    digits, so checks can say "a number" instead of failing on it or calling it text."""


class _Refused(Exception):
    """The document cannot be used; the reason is already recorded."""


_NO_KEY = object()


@dataclass
class _Open:
    """A mapping or sequence being built, and the key waiting for its value."""

    value: CommentedMap | CommentedSeq
    anchor: str | None
    nodes_before: int
    key: Any = _NO_KEY
    key_mark: Any = None
    skip_value: bool = False


@dataclass
class _Builder:
    """Builds one document's values from parser events, recording every problem."""

    path: str
    diags: Diagnostics
    allow_aliases: bool
    stack: list[_Open] = field(default_factory=list)
    anchors: dict[str, tuple[Any, int]] = field(default_factory=dict)
    aliases: list[tuple[str, Location]] = field(default_factory=list)
    nodes: int = 0
    documents: int = 0
    root: Any = None
    refused: bool = False

    def feed(self, event: events.Event) -> None:
        if isinstance(event, events.DocumentStartEvent):
            self.documents += 1
            if self.documents == 2:
                message = "the file holds more than one YAML document (a second one starts here); keep one per file"
                self.diags.error("yaml-multiple-documents", message, self._at(event.start_mark))
        elif self.documents != 1:
            return
        elif isinstance(event, events.ScalarEvent):
            self._spend(1, event.start_mark)
            self._add(self._scalar(event), event.start_mark, event.anchor, 1)
        elif isinstance(event, events.CollectionStartEvent):
            self._open(event)
        elif isinstance(event, events.CollectionEndEvent):
            done = self.stack.pop()
            size = self.nodes - done.nodes_before
            self._add(done.value, _Mark(done.value), done.anchor, size)
        elif isinstance(event, events.AliasEvent):
            self._alias(event)

    def _at(self, mark: Any) -> Location:
        return Location(self.path, mark.line + 1, mark.column + 1)

    def _spend(self, count: int, mark: Any) -> None:
        self.nodes += count
        if self.nodes <= MAX_NODES:
            return
        if not self.aliases:
            message = f"the file holds more than {MAX_NODES:,} values; split it"
            self.diags.error("yaml-too-large", message, self._at(mark))
        elif self.allow_aliases:  # otherwise the alias itself is reported
            message = f"the YAML expands to more than {MAX_NODES:,} values through aliases; the file is refused"
            self.diags.error("yaml-alias", message, self._at(mark))
        raise _Refused

    def _open(self, event: events.CollectionStartEvent) -> None:
        is_map = isinstance(event, events.MappingStartEvent)
        self._check_tag(event.tag, "map" if is_map else "seq", event.start_mark)
        if len(self.stack) >= MAX_DEPTH:
            message = f"YAML syntax error: values are nested more than {MAX_DEPTH} levels deep"
            self.diags.error("yaml-syntax", message, self._at(event.start_mark))
            raise _Refused
        self._spend(1, event.start_mark)
        value = CommentedMap() if is_map else CommentedSeq()
        mark = event.start_mark
        value._yaml_set_line_col(mark.line if mark else 0, mark.column if mark else 0)
        if event.anchor is not None:
            self.anchors.pop(event.anchor, None)  # a reused name refers to the newest value
        self.stack.append(_Open(value, event.anchor, self.nodes - 1))

    def _alias(self, event: events.AliasEvent) -> None:
        where = self._at(event.start_mark)
        self.aliases.append((event.anchor or "", where))
        if len(self.aliases) > MAX_ALIASES:
            self.diags.error("yaml-alias", f"more than {MAX_ALIASES} YAML aliases; the file is refused", where)
            raise _Refused
        if any(open_.anchor == event.anchor for open_ in self.stack):
            self.diags.error("yaml-alias", "a YAML alias refers to a value that contains it", where)
            raise _Refused
        if not self.allow_aliases:
            # Refused before it is expanded: the alias stands for nothing, so a few aliases
            # of one long value cannot multiply it (the error is reported once, at the end).
            self._add(None, event.start_mark, None, 1)
            return
        if event.anchor not in self.anchors:
            self.diags.error("yaml-alias", f"YAML alias '*{event.anchor}' has no '&{event.anchor}' before it", where)
            self._add(None, event.start_mark, None, 1)
            return
        value, size = self.anchors[event.anchor]
        self._spend(size, event.start_mark)
        self._add(value, event.start_mark, None, size)

    def _add(self, value: Any, mark: Any, anchor: str | None, size: int) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, size)
        if not self.stack:
            self.root = value
            return
        parent = self.stack[-1]
        if isinstance(parent.value, CommentedSeq):
            parent.value.append(value)
            parent.value._yaml_set_idx_line_col(len(parent.value) - 1, [mark.line, mark.column])
        elif parent.key is _NO_KEY:
            self._take_key(parent, value, mark)
        else:
            key, key_mark, skip = parent.key, parent.key_mark, parent.skip_value
            parent.key, parent.skip_value = _NO_KEY, False
            if not skip:
                parent.value[key] = value
                parent.value._yaml_set_kv_line_col(key, [key_mark.line, key_mark.column, mark.line, mark.column])

    def _take_key(self, parent: _Open, key: Any, mark: Any) -> None:
        parent.key, parent.key_mark, parent.skip_value = key, mark, True
        if isinstance(key, dict | list):
            self.diags.error("yaml-complex-key", "a key must be a single word or text", self._at(mark))
        elif key == "<<":
            self.diags.error("yaml-merge-key", "YAML merge keys (<<) are not supported", self._at(mark))
        elif key in parent.value:
            first_line = parent.value.lc.key(key)[0] + 1
            message = f"duplicate key '{key}' (first written at line {first_line}); the second one is ignored"
            self.diags.error("duplicate-key", message, self._at(mark))
        else:
            parent.skip_value = False

    def _check_tag(self, tag: str | None, expected: str, mark: Any) -> bool:
        if tag is None or tag in ("!", _TAG + expected):
            return True
        shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
        self.diags.error("yaml-tag", f"YAML tag '{shown}' is not supported; remove it", self._at(mark))
        return False

    def _scalar(self, event: events.ScalarEvent) -> Any:
        text: str = event.value or ""
        tag = event.tag
        if tag is not None and tag != "!":
            kind = tag[len(_TAG) :] if tag.startswith(_TAG) else ""
            if kind in _SCALARS:
                return _convert(kind, text)
            self._check_tag(tag, "str", event.start_mark)
            return text
        if not event.implicit[0]:  # quoted
            return text
        implicit = next((name for name, pattern in _CORE_SCHEMA if pattern.fullmatch(text)), None)
        if implicit is not None:
            return _convert(implicit, text)
        return BoolLikeText(text) if text in YAML11_BOOL_WORDS else text


@dataclass(frozen=True)
class _Mark:
    """The start of a finished mapping or sequence, read back from its recorded position."""

    value: Any

    @property
    def line(self) -> int:
        return int(self.value.lc.line)

    @property
    def column(self) -> int:
        return int(self.value.lc.col)


def _flow_depth_overflow(text: str) -> int | None:
    """The offset of the first `[`/`{` nested deeper than MAX_DEPTH, found in one linear pass.

    The YAML libraries have depth limits of their own whose wording and column differ
    from release to release, and libyaml scans a flow collection ahead of the events
    the builder sees; so the depth is measured here, before any library reads the
    text. Quoted text and comments are skipped; a bracket counts as an opener only
    where a value can start. Block nesting needs an indent per level and is bounded
    by the builder as the events arrive.
    """
    depth, quote, i, n = 0, "", 0, len(text)
    previous = "\n"  # the last significant character before `i`
    while i < n:
        ch = text[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                if quote == "'" and text.startswith("''", i):
                    i += 1
                else:
                    quote = ""
            i += 1
            continue
        if ch == "#" and (i == 0 or text[i - 1] in " \t\n"):
            newline = text.find("\n", i)
            i = n if newline < 0 else newline
            continue
        if ch in "'\"" and previous in "\n:-[{,?":
            quote = ch
        elif ch in "[{" and previous in "\n:-[{,?":
            depth += 1
            if depth > MAX_DEPTH:
                return i
        elif ch in "]}" and depth:
            depth -= 1
        if ch not in " \t\r":
            previous = ch
        i += 1
    return None


def load_yaml_text(text: str, path: str, diags: Diagnostics, *, allow_aliases: bool = False) -> Any | None:
    """Parse one YAML document; record every problem and return what is usable (or None)."""
    too_deep = _flow_depth_overflow(text)
    if too_deep is not None:
        message = f"YAML syntax error: values are nested more than {MAX_DEPTH} levels deep"
        diags.error("yaml-syntax", message, _offset_location(text, too_deep, path))
        return None
    builder = _Builder(path, diags, allow_aliases)
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            builder.feed(event)
    except _Refused:
        builder.root, builder.refused = None, True
    except yaml.MarkedYAMLError as exc:
        _report_syntax(exc, text, path, diags)
        return None
    except yaml.reader.ReaderError as exc:
        char = exc.character if isinstance(exc.character, int) else 0
        message = f"YAML cannot contain the control character U+{char:04X}; remove it"
        diags.error("yaml-syntax", message, _offset_location(text, exc.position, path))
        return None
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        diags.error("yaml-syntax", f"YAML error: {exc}", Location(path, 1, 1))
        return None
    if builder.aliases and not allow_aliases:
        name, where = builder.aliases[0]
        others = len(builder.aliases) - 1
        uses = " (and others)" if builder.refused else f" (and {others} more)" if others else ""
        diags.error("yaml-alias", f"YAML alias '*{name}'{uses} is not allowed in this file; write the value out", where)
        return None  # refused whole: its aliases stand for nothing, so nothing else in it can be trusted
    return builder.root


def _report_syntax(exc: yaml.MarkedYAMLError, text: str, path: str, diags: Diagnostics) -> None:
    mark = exc.problem_mark or exc.context_mark
    at_end = exc.problem_mark is not None and exc.problem_mark.index >= len(text.rstrip())
    if at_end and exc.context_mark is not None:  # "not closed": the opening is what needs fixing
        mark = exc.context_mark
    where = _offset_location(text, 0, path) if mark is None else Location(path, mark.line + 1, mark.column + 1)
    tab = _indentation_tab(text, exc.problem_mark.line + 1 if exc.problem_mark else where.line)
    if tab is not None:
        diags.error("yaml-tab", "a tab is used for indentation; YAML indents with spaces only", Location(path, *tab))
        return
    problem = exc.problem or exc.context or "invalid YAML"
    said, hint = next((v for p, v in _SYNTAX_HINTS.items() if problem.startswith(p)), (None, ""))
    message = f"YAML syntax error: {said or problem}" + (f" ({hint})" if hint else "")
    ctx = exc.context_mark
    if ctx is not None and mark is not None and mark is exc.problem_mark and ctx.line != mark.line:
        message += f"; the structure started at line {ctx.line + 1}"
    diags.error("yaml-syntax", message, where)


def _indentation_tab(text: str, up_to_line: int) -> tuple[int, int] | None:
    """The first tab inside the leading whitespace of a line, on or before `up_to_line`."""
    for number, line in enumerate(text.splitlines()[:up_to_line], start=1):
        indent = re.match(r"[ \t]*", line).group(0)  # type: ignore[union-attr]
        if "\t" in indent and line.strip():
            return number, indent.index("\t") + 1
    return None


def _offset_location(text: str, offset: int, path: str) -> Location:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Location(path, line, col)


def _int(text: str) -> int:
    sign, digits = (-1, text[1:]) if text.startswith("-") else (1, text.lstrip("+"))
    for prefix, base in (("0x", 16), ("0o", 8)):
        if digits.startswith(prefix):
            return sign * int(digits[2:], base)
    return sign * int(digits, 10)


def _float(text: str) -> float:
    lowered = text.lower()
    if lowered.endswith(".nan"):
        return math.nan
    if lowered.endswith(".inf"):
        return -math.inf if lowered.startswith("-") else math.inf
    return float(lowered)


def _timestamp(text: str) -> dt.date | dt.datetime:
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    value = re.sub(r"[ \t]+", " ", text.strip()).replace("t", "T").replace(" ", "T", 1).replace(" ", "")
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    return dt.datetime.fromisoformat(value)


_SCALARS: dict[str, Callable[[str], Any]] = {
    "null": lambda _text: None,
    "bool": lambda text: text.lower() == "true",
    "int": _int,
    "float": _float,
    "timestamp": _timestamp,
}
# YAML 1.2 core schema, plus timestamps (which ruamel and most YAML tools keep reading as dates).
_CORE_SCHEMA = (
    ("null", re.compile(r"~|null|Null|NULL|")),
    ("bool", re.compile(r"true|True|TRUE|false|False|FALSE")),
    ("int", re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")),
    ("float", re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")),
    ("timestamp", re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
                             r"([Tt ][ \t]*[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?"
                             r"([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?")),
)


def _convert(kind: str, text: str) -> Any:
    try:
        return _SCALARS[kind](text)
    except (ValueError, OverflowError):  # 2025-13-45 looks like a date but is not one: keep the text
        return NumberText(text) if kind == "int" else text


def load_yaml_file(file: Path, path: str, diags: Diagnostics, *, allow_aliases: bool = False) -> Any | None:
    """Read and parse a YAML file; None (with an error recorded) when it cannot be used."""
    data = read_content_bytes(file, path, diags)
    if data is None:
        return None
    if len(data) > MAX_YAML_BYTES:
        message = f"YAML file is {len(data):,} bytes; the limit is {MAX_YAML_BYTES:,} bytes"
        diags.error("yaml-too-large", message, Location(path, 1, 1))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x}); save it with UTF-8 encoding"
        diags.error("encoding", message, Location(path, line, col))
        return None
    return load_yaml_text(text, path, diags, allow_aliases=allow_aliases)


def _recorded(path: str, lookup: Callable[[], tuple[int, int]]) -> Location | None:
    try:
        line, col = lookup()
    except (KeyError, TypeError, AttributeError, IndexError):
        return None
    return Location(path, line + 1, col + 1)


def key_location(node: Any, key: Any, path: str) -> Location:
    """Where `key` of a mapping was written (the key itself)."""
    found = _recorded(path, lambda: node.lc.key(key)) if isinstance(node, CommentedMap) else None
    return found or node_location(node, path)


def value_location(node: Any, key: Any, path: str) -> Location:
    """Where the value of `key` in a mapping starts."""
    found = _recorded(path, lambda: node.lc.value(key)) if isinstance(node, CommentedMap) else None
    return found or key_location(node, key, path)


def item_location(node: Any, index: int, path: str) -> Location:
    found = _recorded(path, lambda: node.lc.item(index)) if isinstance(node, CommentedSeq) else None
    return found or node_location(node, path)


def node_location(node: Any, path: str) -> Location:
    lc = getattr(node, "lc", None)
    if lc is not None and getattr(lc, "line", None) is not None:
        return Location(path, lc.line + 1, (lc.col or 0) + 1)
    return Location(path, 1, 1)


def locate(data: Any, loc: tuple[Any, ...], path: str, *, at_key: bool = False) -> Location:
    """The location of a value reached by following `loc` (keys and indices) from `data`.

    With `at_key`, the last step's key is located instead of its value. A step
    that does not exist stops the walk at the deepest value that does.
    """
    here, where = data, node_location(data, path)
    for depth, step in enumerate(loc):
        last = depth == len(loc) - 1
        if isinstance(here, dict):
            if step not in here:
                return where
            empty = here[step] is None  # an empty value has no position of its own: point at its key
            where = key_location(here, step, path) if last and (at_key or empty) else value_location(here, step, path)
        elif isinstance(here, list) and isinstance(step, int) and 0 <= step < len(here):
            where = item_location(here, step, path)
        else:
            return where
        here = here[step]
    return where


def load_mapping_file(
    file: Path, path: str, diags: Diagnostics, *, allow_aliases: bool = False, empty_ok: bool = False
) -> CommentedMap | None:
    """A YAML file whose document must be a mapping (`key: value` lines)."""
    errors_before = len(diags.errors)
    data = load_yaml_file(file, path, diags, allow_aliases=allow_aliases)
    if isinstance(data, CommentedMap):
        return data
    if data is None:
        if len(diags.errors) == errors_before and empty_ok:
            return CommentedMap()
        if len(diags.errors) == errors_before:
            diags.error("empty-file", "the file is empty; it should hold `key: value` lines", Location(path, 1, 1))
        return None
    kind = "a list" if isinstance(data, list) else "a single value"
    where = node_location(data, path)
    diags.error("not-a-mapping", f"expected a mapping of `key: value` lines at the top of the file, got {kind}", where)
    return None
