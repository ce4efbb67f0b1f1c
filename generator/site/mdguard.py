"""Keeping Python-Markdown's link parsing linear on contributor Markdown.

Python-Markdown parses `[text](url)` by walking from each `[` to its matching
`]`, and from the `(` after it to the matching `)`, character by character. An
unmatched `[` walks to the end of the paragraph, so a run of n of them costs n²
(2,000 `[` in a verdict summary took a second). `defuse_brackets` runs once over
the text, in linear time, and backslash-escapes every bracket that cannot make a
link anyway, so every walk that is left ends at its own closing bracket:

- a `[` with no matching `]`, and a pair nested deeper than `MAX_DEPTH`;
- a `(` right after `]` with no matching `)`, or whose parentheses hold
  quotation marks in any other shape than a link title (`(url "title")`),
  since inside quotes Python-Markdown stops counting parentheses.

Code spans are left alone (a backslash would show there), found the way
Python-Markdown finds them: a run of backticks closed by the next run of the
same length in the same paragraph. An escaped bracket renders as the bracket.
"""

from __future__ import annotations

import re

MAX_DEPTH = 2  # `[a [b] c](url)` is as deep as link text gets in practice
_PARAGRAPH_BREAK = re.compile(r"(\n[ \t]*\n)")
_BACKTICKS = re.compile(r"`+")
_LINK_TITLE = re.compile(r"\(\s*[^\s\"'()]*\s+(\"[^\"]*\"|'[^']*')\s*\)")


def defuse_brackets(text: str) -> str:
    """`text` with the brackets that would make link parsing super-linear backslash-escaped."""
    parts = _PARAGRAPH_BREAK.split(text)
    return "".join(part if index % 2 else _defuse_paragraph(part) for index, part in enumerate(parts))


def _code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each code span: a backtick run up to the next run of the same length."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text) if not _escaped(text, m.start())]
    next_same: list[int | None] = [None] * len(runs)
    last_of_length: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        next_same[index] = last_of_length.get(length)
        last_of_length[length] = index
    spans, index = [], 0
    while index < len(runs):
        closer = next_same[index]
        if closer is None:
            index += 1
            continue
        spans.append((runs[index][0], runs[closer][1]))
        index = closer + 1
    return spans


def _escaped(text: str, pos: int) -> bool:
    """Whether an odd number of backslashes precedes `pos` (each run is walked once: runs follow it)."""
    start = pos
    while start and text[start - 1] == "\\":
        start -= 1
    return (pos - start) % 2 == 1


def _structure(text: str) -> tuple[list[int], dict[int, int], dict[int, int]]:
    """Positions of live brackets and parentheses (outside code, unescaped), and the pairs of each kind."""
    live: list[int] = []
    in_code = iter(_code_spans(text))
    span = next(in_code, None)
    pos = 0
    while pos < len(text):
        if span is not None and pos >= span[0]:
            pos, span = span[1], next(in_code, None)
            continue
        ch = text[pos]
        if ch == "\\":
            pos += 2
            continue
        if ch in "[]()":
            live.append(pos)
        pos += 1
    return live, _pairs(text, live, "[", "]"), _pairs(text, live, "(", ")")


def _pairs(text: str, live: list[int], opener: str, closer: str) -> dict[int, int]:
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for pos in live:
        if text[pos] == opener:
            stack.append(pos)
        elif text[pos] == closer and stack:
            pairs[stack.pop()] = pos
    return pairs


def _defuse_paragraph(text: str) -> str:
    live, brackets, parens = _structure(text)
    escape: set[int] = set()
    depth: list[int] = []  # closing positions of the open brackets that are kept
    for pos in live:
        ch = text[pos]
        while depth and depth[-1] < pos:
            depth.pop()
        if ch == "[":
            close = brackets.get(pos)
            if close is None or len(depth) >= MAX_DEPTH:
                escape.add(pos)
                if close is not None:
                    escape.add(close)
            else:
                depth.append(close)
        elif ch == "(" and pos and text[pos - 1] == "]" and pos - 1 not in escape:
            close = parens.get(pos)
            if close is None or not _plain_destination(text[pos : close + 1]):
                escape.add(pos)
    if not escape:
        return text
    return "".join("\\" + ch if i in escape else ch for i, ch in enumerate(text))


def _plain_destination(group: str) -> bool:
    """`(url)` or `(url "title")`: parentheses Python-Markdown's link parser leaves at the `)`."""
    return not any(q in group for q in "\"'") or bool(_LINK_TITLE.fullmatch(group))
