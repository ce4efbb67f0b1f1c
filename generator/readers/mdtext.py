"""Markdown with YAML front matter: hand-entered sources and primary documents.

Only the Markdown an archivist needs is understood: `#` headings,
paragraphs, `-`/`*`/`1.` lists, `>` blockquotes, fenced code, `**strong**`,
`*em*`, `[text](http…)` links and `<http…>` autolinks. Raw HTML is kept as
the literal text it is, never interpreted, so a pasted `<script>` is shown,
not run.
"""

from __future__ import annotations

import dataclasses
import re

from generator.diagnostics import Diagnostics
from generator.model import Article, Block, BlockKind, Run
from generator.normalise import fold
from generator.readers.base import Source
from generator.readers.hygiene import make_block, title_from_blocks
from generator.readers.mdinline import parse_inline
from generator.readers.meta import Meta, apply_meta, parse_meta
from generator.readers.outlets import pick_outlet
from generator.yamlio import load_yaml_text

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*)$")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t])#+$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_HEADING_KINDS: dict[int, BlockKind] = {1: "h2", 2: "h2", 3: "h3"}


class MarkdownReader:
    name = "markdown"

    def sniff(self, text: str) -> bool:
        return text.split("\n", 1)[0].strip() == "---"

    def read(self, source: Source, diags: Diagnostics) -> list[Article]:
        split = split_front_matter(source.text)
        if split is None:
            diags.error("front-matter", "front matter opened with `---` on line 1 is never closed "
                        "(add a `---` line after it)", source.location)
            return []
        front, body = split
        # The leading newline stands for the opening `---`, so YAML line numbers are the file's.
        data = load_yaml_text("\n" + front, source.path, diags)
        meta = parse_meta(data, source.path, diags, "front matter")
        heading, blocks = _title_heading(*markdown_to_blocks(body), meta)
        title = meta.values.get("title") or heading or ""
        if not title:
            title = title_from_blocks(blocks) or source.stem
            if data is not None or not front.strip():  # a broken front matter is already reported
                diags.warning("empty-title", f"no `title` in front matter and no `# heading`; using {title!r}",
                              source.location)
        article = Article(id=source.stem, location=source.location, format=self.name, title=title,
                          blocks=blocks, sha256=source.sha256)
        article = apply_meta(article, meta)
        return [_with_outlet(article, meta, source, diags)]


def _with_outlet(article: Article, meta: Meta, source: Source, diags: Diagnostics) -> Article:
    outlet_id = meta.values.get("outlet")
    if outlet_id is None:
        return article
    outlet = pick_outlet(outlet_id, meta.locations["outlet"], source.outlets, diags)
    if outlet is None:
        return article
    return dataclasses.replace(article, outlet_id=outlet.id, outlet_name=outlet.name)


def split_front_matter(text: str) -> tuple[str, str] | None:
    """(YAML text, Markdown body), or None when the front matter is not closed."""
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :])
    return None


def _title_heading(
    heading: Block | None, blocks: tuple[Block, ...], meta: Meta
) -> tuple[str | None, tuple[Block, ...]]:
    """A leading `# heading` is the title when none is given, dropped when it repeats it, else kept."""
    if heading is None:
        return None, blocks
    given = meta.values.get("title")
    if given is None or fold(given) == fold(heading.text):
        return heading.text, blocks
    return None, (heading, *blocks)


def markdown_to_blocks(text: str) -> tuple[Block | None, tuple[Block, ...]]:
    """(the leading level-1 heading if there is one, the other blocks)."""
    parser = _BlockParser()
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        index = parser.line(lines, index)
    parser.flush()
    return parser.title, tuple(parser.blocks)


@dataclasses.dataclass
class _BlockParser:
    blocks: list[Block] = dataclasses.field(default_factory=list)
    lines: list[str] = dataclasses.field(default_factory=list)
    kind: BlockKind = "p"
    title: Block | None = None

    def flush(self, next_kind: BlockKind = "p") -> None:
        if self.lines:
            block = make_block(self.kind, parse_inline(" ".join(self.lines)))
            if block is not None:
                self.blocks.append(block)
        self.lines = []
        self.kind = next_kind

    def line(self, lines: list[str], index: int) -> int:
        """Consume the line at `index` (or a whole fenced block); return the next index."""
        line = lines[index]
        if _FENCE.match(line):
            return self._fenced(lines, index)
        heading, item, quote = _HEADING.match(line), _ITEM.match(line), _QUOTE.match(line)
        if not line.strip() or _RULE.match(line):
            self.flush()
        elif heading:
            self.flush()
            # Optional closing hashes ("## Title ##") are cut without a backtracking regex.
            text = heading.group(2).rstrip()
            self._heading(len(heading.group(1)), _CLOSING_HASHES.sub("", text) if text.endswith("#") else text)
        elif quote:
            if self.kind != "blockquote" or not quote.group(1).strip():
                self.flush("blockquote")
            if quote.group(1).strip():
                self.lines.append(quote.group(1))
        elif item:
            self.flush("li")
            self.lines.append(item.group(1))
        else:
            self.lines.append(line)  # a paragraph line, or a lazy continuation of an item or quote
        return index + 1

    def _heading(self, level: int, text: str) -> None:
        block = make_block(_HEADING_KINDS.get(level, "h4"), parse_inline(text))
        if block is not None and level == 1 and not self.blocks and self.title is None:
            self.title = block
        elif block is not None:
            self.blocks.append(block)

    def _fenced(self, lines: list[str], index: int) -> int:
        self.flush()
        fence = _FENCE.match(lines[index])
        marker = fence.group(1) if fence else "```"
        end = index + 1
        while end < len(lines) and not lines[end].strip().startswith(marker):
            end += 1
        block = make_block("pre", (Run("\n".join(lines[index + 1 : end])),))
        if block is not None:
            self.blocks.append(block)
        return end + 1
