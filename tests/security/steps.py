"""Counting work instead of timing it: regex steps and Python-Markdown's inline work.

`regex_steps` runs a pattern with a small backtracking interpreter of Python's own
parse of it (`re._parser`), counting one step per node tried, the way `re`'s engine
walks it. Tests compare the steps on a 1x and a 10x input: a linear pattern grows
10x, a quadratic one 100x. A budget stops a runaway count early, so a test of a
quadratic pattern fails fast instead of running for minutes.

`MarkdownWork` counts what Python-Markdown's inline processing costs: every match
copies the block's whole text (so the sum of those lengths is the quadratic term),
and link parsing scans for matching brackets and parentheses character by character.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from re import _constants as C
from re import _parser
from typing import Any

Cont = Callable[[int], bool]


class BudgetExceeded(Exception):
    """More steps than the test allows: the pattern is not linear on this input."""


_CATEGORIES: dict[Any, Callable[[str], bool]] = {
    C.CATEGORY_DIGIT: str.isdecimal,
    C.CATEGORY_NOT_DIGIT: lambda ch: not ch.isdecimal(),
    C.CATEGORY_SPACE: str.isspace,
    C.CATEGORY_NOT_SPACE: lambda ch: not ch.isspace(),
    C.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_",
    C.CATEGORY_NOT_WORD: lambda ch: not (ch.isalnum() or ch == "_"),
}


def _in_class(items: list[tuple[Any, Any]], ch: str) -> bool:
    negate, found = False, False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            found = found or ord(ch) == av
        elif op is C.RANGE:
            found = found or av[0] <= ord(ch) <= av[1]
        elif op is C.CATEGORY:
            found = found or _CATEGORIES[av](ch)
        else:
            raise NotImplementedError(op)
    return found != negate


@dataclass
class _Matcher:
    text: str
    budget: int
    steps: int = 0

    def step(self) -> None:
        self.steps += 1
        if self.steps > self.budget:
            raise BudgetExceeded(self.steps)

    def seq(self, items: list[Any], i: int, pos: int, k: Cont) -> bool:
        self.step()
        if i == len(items):
            return k(pos)
        op, av = items[i]

        def rest(p: int) -> bool:
            return self.seq(items, i + 1, p, k)

        n = len(self.text)
        if op is C.LITERAL:
            return pos < n and ord(self.text[pos]) == av and rest(pos + 1)
        if op is C.NOT_LITERAL:
            return pos < n and ord(self.text[pos]) != av and rest(pos + 1)
        if op is C.ANY:
            return pos < n and self.text[pos] != "\n" and rest(pos + 1)
        if op is C.IN:
            return pos < n and _in_class(av, self.text[pos]) and rest(pos + 1)
        if op is C.SUBPATTERN:
            return self.seq(list(av[3]), 0, pos, rest)
        if op is C.BRANCH:
            # A loop, not any(): a generator frame per level would put deep backtracking on the C stack.
            for alternative in av[1]:  # noqa: SIM110
                if self.seq(list(alternative), 0, pos, rest):
                    return True
            return False
        if op in (C.ASSERT, C.ASSERT_NOT):
            return self._assert(op is C.ASSERT, av, pos) and rest(pos)
        if op is C.ATOMIC_GROUP:
            end = self._first_end(list(av), pos)
            return end is not None and rest(end)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            return self._repeat(op, av, pos, rest)
        if op is C.AT:
            return self._at(av, pos) and rest(pos)
        raise NotImplementedError(op)

    def _assert(self, positive: bool, av: Any, pos: int) -> bool:
        direction, pattern = av
        if direction == 1:
            found = self._first_end(list(pattern), pos) is not None
        else:
            width = pattern.getwidth()[0]
            found = pos >= width and self.seq(list(pattern), 0, pos - width, lambda q: q == pos)
        return found == positive

    def _first_end(self, items: list[Any], pos: int) -> int | None:
        ends: list[int] = []
        self.seq(items, 0, pos, lambda q: bool(ends.append(q)) or True)
        return ends[0] if ends else None

    def _repeat(self, op: Any, av: Any, pos: int, rest: Cont) -> bool:
        low, high, body = av[0], av[1], list(av[2])
        high = sys.maxsize if high is C.MAXREPEAT else high
        if op is C.POSSESSIVE_REPEAT:
            count = 0
            while count < high:
                end = self._first_end(body, pos)
                if end is None or end == pos:
                    break
                pos, count = end, count + 1
            return count >= low and rest(pos)

        def again(count: int, p: int) -> bool:
            self.step()
            more = count < high
            if op is C.MIN_REPEAT and count >= low and rest(p):
                return True
            if more and self.seq(body, 0, p, lambda q: q != p and again(count + 1, q)):
                return True
            return op is C.MAX_REPEAT and count >= low and rest(p)

        return again(0, pos)

    def _at(self, av: Any, pos: int) -> bool:
        n = len(self.text)
        if av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
            return pos == 0
        if av is C.AT_END:
            return pos == n or (pos == n - 1 and self.text[pos] == "\n")
        if av is C.AT_END_STRING:
            return pos == n
        raise NotImplementedError(av)


def regex_steps(pattern: re.Pattern[str], text: str, budget: int = 10_000_000) -> tuple[int, list[tuple[int, int]]]:
    """(steps, match spans) of `pattern.finditer(text)`, counted as a backtracking engine walks it."""
    items = list(_parser.parse(pattern.pattern, pattern.flags & ~re.UNICODE))
    matcher = _Matcher(text, budget)
    spans: list[tuple[int, int]] = []
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 200_000))
    try:
        start = 0
        while start <= len(text):
            end = matcher._first_end(items, start)
            if end is None:
                start += 1
                continue
            spans.append((start, end))
            start = end if end > start else start + 1
    finally:
        sys.setrecursionlimit(limit)
    return matcher.steps, spans


@dataclass
class MarkdownWork:
    """Characters Python-Markdown's inline processing handled, by kind of work."""

    copied: int = 0  # the block text each inline match copies
    scanned: int = 0  # characters link parsing walked over looking for `]` or `)`
    calls: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.copied + self.scanned


@contextmanager
def markdown_work() -> Iterator[MarkdownWork]:
    """Count Python-Markdown's inline work inside the `with` block."""
    from markdown import inlinepatterns, treeprocessors

    work = MarkdownWork()
    apply_name = "_InlineProcessor__applyPattern"
    apply_pattern = getattr(treeprocessors.InlineProcessor, apply_name)
    get_text = inlinepatterns.LinkInlineProcessor.getText
    get_link = inlinepatterns.LinkInlineProcessor.getLink

    def counted_apply(self: Any, pattern: Any, data: str, *args: Any, **kwargs: Any) -> Any:
        work.copied += len(data)
        return apply_pattern(self, pattern, data, *args, **kwargs)

    def counted_text(self: Any, data: str, index: int) -> Any:
        result = get_text(self, data, index)
        work.scanned += result[1] - index
        return result

    def counted_link(self: Any, data: str, index: int) -> Any:
        result = get_link(self, data, index)
        work.scanned += max(result[2] - index, 0)
        return result

    setattr(treeprocessors.InlineProcessor, apply_name, counted_apply)
    inlinepatterns.LinkInlineProcessor.getText = counted_text  # type: ignore[method-assign]
    inlinepatterns.LinkInlineProcessor.getLink = counted_link  # type: ignore[method-assign]
    try:
        yield work
    finally:
        setattr(treeprocessors.InlineProcessor, apply_name, apply_pattern)
        inlinepatterns.LinkInlineProcessor.getText = get_text  # type: ignore[method-assign]
        inlinepatterns.LinkInlineProcessor.getLink = get_link  # type: ignore[method-assign]
