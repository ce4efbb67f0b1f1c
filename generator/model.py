"""The content model: what readers and loaders produce and page writers consume.

Every record is frozen and carries the `Location` it came from, so a problem
found late (a broken reference while writing pages) is still reported at the
line where it was written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Literal

from generator.diagnostics import Location

BlockKind = Literal["p", "h2", "h3", "h4", "li", "blockquote", "pre"]
# speech: words someone said or wrote; scare: the writer's own emphasis; name: a title or company in marks.
QuoteKind = Literal["speech", "scare", "name"]


class AttributionMethod(Enum):
    """How a quote's speaker was found, shown beside it on pages and in the exports."""

    NONE = "unattributed"
    REGISTRY = "registry name"
    PRINTED = "name as printed"
    PRONOUN = "pronoun"
    FOLLOW_ON = "follow-on"
    ORGANISATION = "organisation"
    DESK = "desk"


@dataclass(frozen=True)
class Run:
    """A stretch of inline text with one formatting; `href` makes it a link."""

    text: str
    strong: bool = False
    em: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Block:
    """One block of an article body. `text` is the plain text of all runs."""

    kind: BlockKind
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @staticmethod
    def plain(kind: BlockKind, text: str) -> Block:
        return Block(kind, (Run(text),))


@dataclass(frozen=True)
class Quote:
    """A quotation found in an article.

    `block`, `start`, `end` locate it in `Article.blocks[block].text` (the quoted
    words, without the quotation marks); block -1 is the title, which has no anchor.
    `number` is 1-based within the article and gives the stable anchor `q-<number>`.
    """

    article_id: str
    number: int
    text: str
    speaker_id: str | None
    speaker_name: str | None
    context: str
    block: int
    start: int
    end: int
    kind: QuoteKind = "speech"
    method: AttributionMethod = AttributionMethod.NONE

    @property
    def anchor(self) -> str:
        return f"q-{self.number}"

    @property
    def attribution(self) -> AttributionMethod:
        """How the speaker was found; a speaker recorded without a method was named in the text."""
        if self.method is not AttributionMethod.NONE or not (self.speaker_id or self.speaker_name):
            return self.method
        return AttributionMethod.REGISTRY if self.speaker_id else AttributionMethod.PRINTED


@dataclass(frozen=True)
class QuoteOverride:
    """A sidecar's correction of one quote: its speaker (None clears it), or not a quote at all."""

    quote: str
    speaker: str | None
    not_a_quote: bool
    location: Location


@dataclass(frozen=True)
class Article:
    id: str
    location: Location
    format: str
    title: str
    blocks: tuple[Block, ...]
    sha256: str
    url: str | None = None
    outlet_id: str | None = None
    outlet_name: str | None = None
    published: dt.datetime | dt.date | None = None
    modified: dt.datetime | dt.date | None = None
    language: str | None = None
    author: str | None = None
    retrieved: dt.date | None = None
    attributions: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quote_overrides: tuple[QuoteOverride, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    location: Location
    aliases: tuple[str, ...] = ()
    role: str | None = None


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    location: Location
    domains: tuple[str, ...] = ()
    language: str | None = None


@dataclass(frozen=True)
class Rating:
    key: str
    label: str
    location: Location
    value: int | None = None
    description: str = ""
    colour: str = "#777777"
    # (language, label, description) for UI languages other than the source one.
    translations: tuple[tuple[str, str, str], ...] = ()

    def label_in(self, language: str) -> str:
        return next((label for lang, label, _ in self.translations if lang == language and label), self.label)

    def description_in(self, language: str) -> str:
        found = (text for lang, _, text in self.translations if lang == language and text)
        return next(found, self.description)


@dataclass(frozen=True)
class RatingScale:
    ratings: tuple[Rating, ...]

    def get(self, key: str) -> Rating | None:
        return next((r for r in self.ratings if r.key == key), None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.ratings)

    @property
    def worst(self) -> int:
        return min((r.value for r in self.ratings if r.value is not None), default=1)

    @property
    def best(self) -> int:
        return max((r.value for r in self.ratings if r.value is not None), default=1)


@dataclass(frozen=True)
class Citation:
    """An appearance of the claim or a piece of evidence in a verdict.

    Either `article` (+ optional `quote`) or `url` (+ `title`) is set.
    `quote_location` points at the quote's value in the verdict YAML.
    """

    location: Location
    article: str | None = None
    quote: str | None = None
    quote_location: Location | None = None
    url: str | None = None
    title: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Correction:
    date: dt.date
    note: str
    location: Location


@dataclass(frozen=True)
class Verdict:
    id: str
    location: Location
    claim: str
    claimant: str
    claim_date: dt.date
    appearances: tuple[Citation, ...]
    rating: str
    summary: str
    evidence: tuple[Citation, ...]
    author: str
    published: dt.date
    body: str = ""
    updated: tuple[Correction, ...] = ()
    tags: tuple[str, ...] = ()
    field_locations: dict[str, Location] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Anchor:
    """Where a verdict's cited quote sits in an article: block and offsets."""

    article_id: str
    anchor: str
    block: int
    start: int
    end: int


@dataclass
class Archive:
    """Everything read from content/, resolved before anything is written."""

    articles: dict[str, Article] = field(default_factory=dict)
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    outlets: dict[str, Outlet] = field(default_factory=dict)
    ratings: RatingScale = field(default_factory=lambda: RatingScale(()))
    pages: dict[str, str] = field(default_factory=dict)
    # (verdict id, "appearances"|"evidence", index) -> where the cited quote sits.
    citation_anchors: dict[tuple[str, str, int], Anchor] = field(default_factory=dict)
