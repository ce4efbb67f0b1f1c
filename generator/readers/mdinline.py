"""Inline Markdown (`**strong**`, `*em*`, links, code, escapes) to Runs, in linear time.

A backtracking regex such as `\\*(.+?)\\*` needs quadratic time on text full
of unmatched delimiters (`_a_b _a_b …`), which a pasted document can hold.
Here every closing delimiter is found by binary search in positions computed
once per paragraph, and a style never nests inside itself, so the work stays
close to linear and the recursion at most three deep.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from generator.model import Run

_SPECIAL = re.compile(r"[\\`*_\[<]")
_ESCAPABLE = frozenset("\\`*_[]()#+-.!>{}<~|")
_LINK_TARGET = re.compile(r"\((?P<href>(?:[^()\s]|\([^()\s]*\))+)(?:\s+\"[^\"\n]*\")?\)")
_AUTOLINK = re.compile(r"<(?P<url>(?:https?://|mailto:)[^<>\s]+)>")
# Valid closing delimiters: not after a space, not part of a longer run; `_` only at a word's end.
_CLOSERS = {
    "**": re.compile(r"(?<=\S)\*\*"),
    "__": re.compile(r"(?<=\S)__(?![\w])"),
    "*": re.compile(r"(?<=[^\s*])\*(?!\*)"),
    "_": re.compile(r"(?<=[^\s_])_(?![\w])"),
}


@dataclass(frozen=True)
class _Style:
    strong: bool = False
    em: bool = False
    href: str | None = None


def parse_inline(text: str) -> list[Run]:
    """Runs for one paragraph of inline Markdown; anything unrecognised stays literal text.

    Raw HTML is not markup here: `<b>` stays the three characters it is.
    """
    return _Scanner(text).parse(0, len(text), _Style())


@dataclass
class _Scanner:
    text: str
    closers: dict[str, list[int]] = field(init=False)
    opening_brackets: list[int] = field(init=False)
    closing_brackets: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.closers = {delim: [m.start() for m in pattern.finditer(self.text)] for delim, pattern in _CLOSERS.items()}
        self.opening_brackets = [i for i, ch in enumerate(self.text) if ch == "["]
        self.closing_brackets = [i for i, ch in enumerate(self.text) if ch == "]"]

    def parse(self, start: int, end: int, style: _Style) -> list[Run]:
        runs: list[Run] = []
        literal_from = position = start
        while position < end:
            special = _SPECIAL.search(self.text, position, end)
            if special is None:
                break
            position = special.start()
            found = self._token(position, end, style)
            if found is None:
                position = self._skip(position, end)
                continue
            inner, after = found
            if position > literal_from:
                runs.append(_run(self.text[literal_from:position], style))
            runs.extend(inner)
            literal_from = position = after
        if end > literal_from:
            runs.append(_run(self.text[literal_from:end], style))
        return runs

    def _token(self, at: int, end: int, style: _Style) -> tuple[list[Run], int] | None:
        ch = self.text[at]
        if ch == "\\":
            escaped = at + 1 < end and self.text[at + 1] in _ESCAPABLE
            return ([_run(self.text[at + 1], style)], at + 2) if escaped else None
        if ch == "`":
            close = self.text.find("`", at + 1, end)
            return ([_run(self.text[at + 1 : close], style)], close + 1) if close > at + 1 else None
        if ch in "*_":
            return self._emphasis(at, end, style)
        if ch == "[":
            return self._link(at, end, style)
        autolink = _AUTOLINK.match(self.text, at, end)
        if autolink is None or style.href:
            return None
        return [Run(autolink["url"], style.strong, style.em, autolink["url"])], autolink.end()

    def _emphasis(self, at: int, end: int, style: _Style) -> tuple[list[Run], int] | None:
        ch = self.text[at]
        double = self.text.startswith(ch * 2, at)
        delim = ch * 2 if double else ch
        if (double and style.strong) or (not double and style.em):
            return None  # a style never nests inside itself
        first = at + len(delim)
        if first >= end or self.text[first].isspace() or (ch == "_" and at > 0 and _is_word(self.text[at - 1])):
            return None
        close = self._next(self.closers[delim], first + 1, end - len(delim) + 1)
        if close is None:
            return None
        inner = replace(style, strong=True) if double else replace(style, em=True)
        return self.parse(first, close, inner), close + len(delim)

    def _link(self, at: int, end: int, style: _Style) -> tuple[list[Run], int] | None:
        if style.href:
            return None
        close = self._next(self.closing_brackets, at + 1, end)
        reopen = self._next(self.opening_brackets, at + 1, end)
        if close is None or close == at + 1 or (reopen is not None and reopen < close):
            return None
        target = _LINK_TARGET.match(self.text, close + 1, end)
        if target is None:
            return None
        # An unsafe target (javascript:, relative) is dropped later, leaving the label as plain text.
        return self.parse(at + 1, close, replace(style, href=target["href"])), target.end()

    def _skip(self, at: int, end: int) -> int:
        """Past an unmatched token; a run of `*` or `_` is skipped whole, so the second star of an
        unclosed `**` does not open an emphasis of its own."""
        ch = self.text[at]
        after = at + 1
        while ch in "*_" and after < end and self.text[after] == ch:
            after += 1
        return after

    @staticmethod
    def _next(positions: list[int], start: int, limit: int) -> int | None:
        index = bisect_left(positions, start)
        return positions[index] if index < len(positions) and positions[index] < limit else None


def _run(text: str, style: _Style) -> Run:
    return Run(text, style.strong, style.em, style.href)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
