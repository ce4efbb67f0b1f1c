"""How much rescanning a hand-written page would cost Python-Markdown, counted in linear time.

Python-Markdown is linear on ordinary text, but a few of its scans restart at
every occurrence of a character and walk forward until a partner is found:

- link text: from each `[` to its matching `]` (to the end of the paragraph
  when there is none), once per link processor;
- link targets: from a `(` right after `]` to its matching `)`; inside quotes
  it stops counting parentheses, so a target holding a quote may walk to the end;
- code spans: from each run of backticks to the next run of the same length;
- raw HTML: the standard library's HTML parser, run over the whole page, walks
  from each `<` that starts a tag or declaration to the next `>` (a comment:
  to the next `-->`).

A run of 8,000 `[` takes half a minute. `rescan_cost` adds up the length of
every such walk (an upper bound: each character counts as a possible start)
with one pass over the page, so `check` can refuse a page whose Markdown would
be super-linear before anything renders it, and say where the cost comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Far above any real page (every link's text and target walked once is about the page's
# length) and far below what makes rendering slow: 500,000 characters walked is well
# under a second.
PAGE_RESCAN_BUDGET = 500_000
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_INTERESTING = re.compile(r"\\.|`+|[\[\]()\"']", re.S)
_TAG_START = re.compile(r"<!--|<[A-Za-z/!?]|-->|>")


@dataclass(frozen=True)
class RescanCost:
    """Characters Python-Markdown's scans would walk, and the offset of the costliest start."""

    total: int
    worst_offset: int
    worst_kind: str


class _Tally:
    def __init__(self) -> None:
        self.total = 0
        self.worst = (0, 0, "")

    def add(self, start: int, end: int, kind: str) -> None:
        cost = max(end - start, 0)
        self.total += cost
        if cost > self.worst[0]:
            self.worst = (cost, start, kind)


def rescan_cost(text: str) -> RescanCost:
    """The total walk length of `text`'s bracket, parenthesis, backtick and tag scans."""
    tally = _Tally()
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        _paragraph(text, start, brk.start(), tally)
        start = brk.end()
    _paragraph(text, start, len(text), tally)
    _tags(text, tally)
    return RescanCost(tally.total, tally.worst[1], tally.worst[2])


def _paragraph(text: str, start: int, end: int, tally: _Tally) -> None:
    """Inline text never crosses a blank line, so each walk ends at the paragraph's end at worst."""
    brackets: list[int] = []
    parens: list[tuple[int, int, bool]] = []  # (offset, quotes seen before it, follows `]`)
    quotes = 0
    runs: list[tuple[int, int]] = []
    after_bracket = -1  # offset just past the last `]`, so a `(` there opens a link target
    for match in _INTERESTING.finditer(text, start, end):
        token, pos = match.group(), match.start()
        if token[0] == "\\":
            continue  # An escaped character starts no scan.
        if token[0] == "`":
            runs.append((pos, len(token)))
        elif token == "[":
            brackets.append(pos)
        elif token == "]":
            after_bracket = pos + 1
            if brackets:
                tally.add(brackets.pop(), pos, "'['")
        elif token == "(":
            parens.append((pos, quotes, pos == after_bracket))
        elif token == ")":
            if parens:
                opened, quotes_before, is_target = parens.pop()
                if is_target:
                    tally.add(opened, pos if quotes == quotes_before else end, "'(' of a link")
        else:
            quotes += 1
    for opened in brackets:
        tally.add(opened, end, "'['")
    for opened, _quotes, is_target in parens:
        if is_target:
            tally.add(opened, end, "'(' of a link")
    _backtick_runs(runs, end, tally)


def _backtick_runs(runs: list[tuple[int, int]], end: int, tally: _Tally) -> None:
    """Each run may open a code span and walks to the next run of its length (or the end)."""
    next_of_length: dict[int, int] = {}
    for pos, length in reversed(runs):
        tally.add(pos, next_of_length.get(length, end), "'`'")
        next_of_length[length] = pos


def _tags(text: str, tally: _Tally) -> None:
    """Each `<` that may start a tag is parsed up to the next `>`, a comment up to the next `-->`."""
    next_close = next_comment_close = len(text)
    for match in reversed(list(_TAG_START.finditer(text))):
        token = match.group()
        if token == "-->":
            next_close = next_comment_close = match.start()
        elif token == ">":
            next_close = match.start()
        elif token == "<!--":
            tally.add(match.start(), next_comment_close, "'<!--'")
        else:
            tally.add(match.start(), next_close, "'<'")
