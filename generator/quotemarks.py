"""Pairing quotation marks in one block of text, tolerant of real-world breakage.

Split from `quotes.py`, which decides what a pair means (who said it, which
sentence holds it); this module only decides which marks pair up: outermost
quotations, mismatched and unclosed pairs kept as a best effort with the
problem noted for a `malformed-quote` warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_MARK = re.compile('["«»“”„‘’]')
DOUBLE_OPENERS = '«»“„"'
_PROPER_CLOSERS = {"«": "»", "»": "«", "“": "”", "„": "“”", '"': '"', "‘": "’"}
_OPEN_AFTER = set('([{/—–-"«»“”„‘’')
_CLOSE_BEFORE = set('.,;:!?)]}…—–-"«»“”„‘’')


@dataclass
class Span:
    """A top-level quotation: mark offsets; `close` None runs to the end of the block."""

    open: int
    close: int | None
    problem: str = ""
    markless: bool = False


@dataclass
class OpenMark:
    mark: str
    index: int
    children: list[Span] = field(default_factory=list)
    problem: str = ""


@dataclass
class Marks:
    spans: list[Span] = field(default_factory=list)
    stray: list[tuple[int, str]] = field(default_factory=list)


def scan_marks(text: str) -> Marks:
    """Pair the quotation marks of one block; only outermost quotations are returned."""
    result = Marks()
    stack: list[OpenMark] = []
    for match in _MARK.finditer(text):
        i, mark = match.start(), match.group()
        role = _role(text, i, mark, stack)
        if role == "open":
            stack.append(OpenMark(mark, i))
        elif role == "close":
            _close(stack, mark, i, result)
    _unwind(stack, result)
    result.spans.sort(key=lambda s: s.open)
    return result


def _role(text: str, i: int, mark: str, stack: list[OpenMark]) -> str:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = (before.isspace() or before in _OPEN_AFTER) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in _CLOSE_BEFORE)
    top = stack[-1].mark if stack else ""
    if mark == "«":
        return "close" if closes and not opens and top == "»" else "open"
    if mark == "„":
        return "open"
    if mark == "»":
        return "open" if opens and not closes else "close"
    if mark == "“":
        return "close" if closes and (top == "„" or (not opens and top in '"“')) else "open"
    if mark == "”":
        return "close"
    if mark == "‘":
        return "open" if opens else ""
    if mark == "’":
        single = next((e for e in reversed(stack) if e.mark == "‘"), None)
        return "close" if closes and single is not None and i - single.index <= 200 else ""
    if opens != closes:
        return "open" if opens else "close"
    return "close" if any(e.mark == '"' for e in stack) else ""


def _close(stack: list[OpenMark], mark: str, i: int, result: Marks) -> None:
    depth = next((d for d in range(len(stack) - 1, -1, -1) if mark in _PROPER_CLOSERS[stack[d].mark]), -1)
    problem = ""
    if depth < 0:
        if not stack or stack[-1].mark == "‘":
            if mark in "»”“":
                result.stray.append((i, f"closing {mark} without an opening mark"))
            return
        depth = len(stack) - 1
        problem = f"{stack[depth].mark} closed by {mark}"
    inner = [e for e in stack[depth + 1 :] if e.mark != "‘"]
    if inner:
        problem = problem or f"unclosed {inner[0].mark} inside a quotation"
    del stack[depth + 1 :]
    entry = stack.pop()
    span = Span(entry.index, i, problem or entry.problem)
    if stack:
        stack[-1].children.append(span)
        stack[-1].problem = stack[-1].problem or span.problem
    else:
        result.spans.append(span)


def _unwind(stack: list[OpenMark], result: Marks) -> None:
    """Openers left at the end of the block: keep their well-formed inner quotes, else run to the end."""
    while stack:
        entry = stack.pop()
        target = stack[-1].children if stack else result.spans
        if entry.mark == "‘":
            target.extend(entry.children)
        elif any(not child.problem for child in entry.children):
            target.extend(entry.children)
            result.stray.append((entry.index, f"{entry.mark} is never closed"))
        else:
            target.append(Span(entry.index, None, entry.problem))


_STRAIGHT_SINGLE = re.compile(r"(?<![\w'])'(?=[^\s'])(?P<words>[^'\n]{1,80}?)(?<=[^\s'])'(?![\w'])")
_HEADLINE_WORDS = 20


def headline_single_quotes(text: str) -> list[Span]:
    """Straight '…' pairs in a headline-like line (no double marks, up to 20 words): 'won't recover'.

    Elsewhere ' is an apostrophe far more often than a quotation mark, so it is never paired there.
    An apostrophe inside a word ("won't", "Harry's") neither opens nor closes.
    """
    if len(text.split()) > _HEADLINE_WORDS or any(mark in text for mark in '"«»“”„'):
        return []
    return [Span(m.start(), m.end() - 1) for m in _STRAIGHT_SINGLE.finditer(text)]
