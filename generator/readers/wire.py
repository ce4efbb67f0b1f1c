"""Wire-style plain text (Ukrainska Pravda / European Pravda English and similar).

Layout: the first non-empty line is the title; every other non-empty line is
a paragraph of its own. Labelled lines (`Source:`, `Details:`, `Quote from
NAME:` …) keep their label as a strong run so the block text stays exactly
what the source says; `- ` lines are list items. Publisher boilerplate is
removed from the body and remembered as a hint to the outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.attribution.dialogue import is_dash_speech
from generator.diagnostics import Diagnostics
from generator.model import Article, Block, Run
from generator.readers.base import Source
from generator.readers.hygiene import clean_inline, make_block

LABEL = re.compile(
    r"^(Source|Sources|Details|More details|Background|Quote|Quote from [^:\"“«]{1,80}|Update|Updated)"
    r"\s*:(?=\s|$)(.*)$",
    re.IGNORECASE,
)
BYLINE = re.compile(r"^By\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})$")
AGENCIES = {"reuters": "Reuters", "ap": "Associated Press", "afp": "AFP"}
DATELINE = re.compile(r"^(?:[A-ZА-ЯЁЄІЇҐ][\w .'’-]{0,40},\s+[\w .]{0,20}\s*)?\((?P<agency>Reuters|AP|AFP)\)\s+[-—–]\s")
# A short line without closing punctuation between paragraphs is a section heading; Wikinews
# markup `=== Heading ===` is one too. Up to 10 words, 80 characters.
HEADING = re.compile(
    r"=+\s*(.{1,80}?)\s*=+|(?=.{1,80}$)((?:[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐ0-9«“\"‘'(]\S*)(?:\s+\S+){0,9}(?<![.!?:;,…]))"
)
# Not "—"/"–": Ukrainian and Russian texts open lines of direct speech with a dash.
BULLET = re.compile(r"^[-•*]\s+(.*)$")


@dataclass(frozen=True)
class Boilerplate:
    """A publisher line to remove; `publisher` names who prints it (a hint to the outlet)."""

    pattern: re.Pattern[str]
    publisher: str | None = None


# Matched at the end of a line: in saved pages the boilerplate is sometimes glued to the last sentence.
BOILERPLATE: tuple[Boilerplate, ...] = (
    Boilerplate(re.compile(r"Support Ukrainska Pravda on Patreon!?$", re.I), "Ukrainska Pravda"),
    Boilerplate(re.compile(r"Support European Pravda on Patreon!?$", re.I), "European Pravda"),
    Boilerplate(re.compile(r"Підтримайте (Українську|Європейську|Економічну) правду на Patreon!?$", re.I),
                "Ukrainska Pravda"),
    Boilerplate(re.compile(r"If you (?:notice|find|see) an error,? .{0,80}Ctrl\s*\+\s*Enter.{0,60}$", re.I)),
    Boilerplate(re.compile(r"^Subscribe to (?:our|the|us on) .{1,80}$", re.I)),
    Boilerplate(re.compile(r"^Follow (?:us|our \w+) on (?:Telegram|Facebook|X|Twitter|Instagram).{0,60}$", re.I)),
)


class WireTextReader:
    name = "wire-text"

    def sniff(self, text: str) -> bool:
        return True  # the fallback: anything that is not a more specific format

    def read(self, source: Source, diags: Diagnostics) -> list[Article]:
        lines, publisher = strip_boilerplate(source.text.split("\n"))
        title_index = next((i for i, line in enumerate(lines) if clean_inline(line)), None)
        if title_index is None:
            return []
        body = [clean_inline(line) for line in lines[title_index + 1 :]]
        author = byline(body)
        blocks, attributions = lines_to_blocks([line for line in body if not BYLINE.match(line)])
        return [
            Article(
                id=source.stem,
                location=source.location,
                format=self.name,
                title=clean_inline(lines[title_index]),
                blocks=blocks,
                sha256=source.sha256,
                attributions=attributions,
                outlet_name=publisher or dateline_agency(blocks),
                author=author,
            )
        ]


def strip_boilerplate(lines: list[str]) -> tuple[list[str], str | None]:
    """Lines with publisher boilerplate cut out, and the publisher it named (if any)."""
    kept: list[str] = []
    publisher: str | None = None
    for line in lines:
        text = line.rstrip()
        for item in BOILERPLATE:
            match = item.pattern.search(text.strip())
            if match:
                publisher = publisher or item.publisher
                text = text.strip()[: match.start()].rstrip()
        kept.append(text)
    return kept, publisher


def byline(lines: list[str]) -> str | None:
    """The author of a `By Jane Doe` line among the first lines of the body."""
    for line in lines[:4]:
        match = BYLINE.match(line)
        if match:
            return match.group(1)
    return None


def dateline_agency(blocks: tuple[Block, ...]) -> str | None:
    """The news agency of a wire dateline opening the body: `KYIV, March 7 (Reuters) -` or `(AP) —`."""
    match = DATELINE.match(blocks[0].text) if blocks else None
    return AGENCIES[match.group("agency").casefold()] if match else None


def lines_to_blocks(lines: list[str]) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    blocks: list[Block] = []
    attributions: list[str] = []
    texts = [t for t in (clean_inline(line) for line in lines) if t]
    for k, text in enumerate(texts):
        heading = HEADING.fullmatch(text)
        if heading is not None and k + 1 < len(texts) and not is_dash_speech(text) and not LABEL.match(text):
            blocks.append(Block.plain("h2", heading.group(1) or heading.group(2)))
            continue
        block = _line_block(text)
        if block is None:
            continue
        blocks.append(block)
        label = LABEL.match(text)
        if label and label.group(1).lower() in ("source", "sources") and label.group(2).strip():
            attributions.append(label.group(2).strip())
    return tuple(blocks), tuple(attributions)


def _line_block(text: str) -> Block | None:
    bullet = BULLET.match(text)
    if bullet and not is_dash_speech(text):  # "- Текст, - сказав він." is dialogue, not a list item
        return make_block("li", _labelled_runs(bullet.group(1)))
    return make_block("p", _labelled_runs(text))


def _labelled_runs(text: str) -> tuple[Run, ...]:
    label = LABEL.match(text)
    if not label:
        return (Run(text),)
    cut = label.end(1)
    colon = text.index(":", cut) + 1
    return (Run(text[:colon], strong=True), Run(text[colon:]))
