"""Score quote extraction and speaker attribution against the gold set (issue 9).

    python -m tests.attribution.score [STEM ...]

Each `tests/attribution/gold/<stem>.yaml` (format: /work/notes/GOLD_FORMAT.md, summarised in
tests/attribution/README.md) names an article of `../shared/realworld/txt/<stem>.txt` (the
env var FACTCHECK_REALWORLD overrides the folder). The article is read by the project's own
reader, its quotes extracted with the registry of `content/people.yaml` plus the gold file's
`people` and `organisations`, and engine quotes are matched to gold quotes by the normalised
opening words, in document order. Printed per article and per language:

- recall: gold speech and scare quotes the engine found;
- speaker accuracy: found speech/scare quotes whose speaker is the gold speaker (null == null);
- wrong-name rate: found quotes where the engine named someone who is not the gold speaker
  (naming anyone where the gold says nobody counts);
- names leaked: gold `name` entries (a title, a company) the engine reports as speech.

Speakers are equal when their names fold to the same surname: the last word, case-folded and,
in Ukrainian and Russian, lemmatised (pymorphy3), so "Путіна" and "Путін" agree.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from generator.attribution.morph import lemma
from generator.diagnostics import Diagnostics, Location
from generator.model import Person, Quote
from generator.quotes import extract_quotes
from generator.readers import read_file
from generator.registry import load_people
from generator.speakers import Organisation, PeopleIndex

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).resolve().parent / "gold"
SCORED_KINDS = ("speech", "scare")
LANGUAGES = ("en", "uk", "ru")
_STRIP = "\"'`´‘’‚‛“”„‟«»‹›-‐‑‒–—―−﹘﹣－ .,…:;()[]*"


def realworld_dir() -> Path:
    return Path(os.environ.get("FACTCHECK_REALWORLD") or ROOT / ".." / "shared" / "realworld")


@dataclass(frozen=True)
class GoldQuote:
    start: str
    speaker: str | None
    kind: str


@dataclass(frozen=True)
class Gold:
    stem: str
    language: str
    people: dict[str, Person]
    organisations: dict[str, Organisation]
    quotes: tuple[GoldQuote, ...]


@dataclass
class Tally:
    """Counts for one article or one language; the rates are derived."""

    gold: int = 0
    found: int = 0
    right: int = 0
    wrong_name: int = 0
    names: int = 0
    names_leaked: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.found += other.found
        self.right += other.right
        self.wrong_name += other.wrong_name
        self.names += other.names
        self.names_leaked += other.names_leaked

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def accuracy(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def wrong_rate(self) -> float:
        return self.wrong_name / self.found if self.found else 0.0

    def line(self, label: str) -> str:
        return (
            f"{label:<48} recall {self.found:>3}/{self.gold:<3} {self.recall:6.1%}  "
            f"speaker {self.right:>3}/{self.found:<3} {self.accuracy:6.1%}  "
            f"wrong-name {self.wrong_name:>2} {self.wrong_rate:5.1%}  names-leaked {self.names_leaked}/{self.names}"
        )


def load_gold(file: Path) -> Gold:
    data: Any = YAML(typ="safe").load(file.read_text(encoding="utf-8"))
    where = Location(file.name, 1, 1)
    people = {
        pid: Person(pid, str(entry["name"]), where, tuple(str(a) for a in entry.get("aliases") or ()))
        for pid, entry in (data.get("people") or {}).items()
    }
    organisations = {
        oid: Organisation(oid, str(entry["name"]), tuple(str(a) for a in entry.get("aliases") or ()),
                          str(entry.get("kind") or "organisation"))
        for oid, entry in (data.get("organisations") or {}).items()
    }
    quotes = tuple(
        GoldQuote(str(q["start"]), None if q.get("speaker") in (None, "") else str(q["speaker"]), str(q["kind"]))
        for q in data.get("quotes") or ()
    )
    return Gold(str(data.get("article") or file.stem), str(data["language"]), people, organisations, quotes)


@lru_cache(maxsize=1)
def registry_people() -> dict[str, Person]:
    return load_people(ROOT / "content" / "people.yaml", ROOT, Diagnostics())


def engine_quotes(gold: Gold, folder: Path) -> tuple[tuple[Quote, ...], PeopleIndex]:
    article = read_file(folder / "txt" / f"{gold.stem}.txt", folder, Diagnostics())[0]
    index = PeopleIndex({**registry_people(), **gold.people}, gold.organisations)
    return extract_quotes(article, index, Diagnostics()), index


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("’", "'").replace("ʼ", "'")
    return " ".join(text.casefold().strip(_STRIP).split())


def _matches(quote: Quote, start: str) -> bool:
    text = norm(quote.text)
    return bool(start) and (text.startswith(start) or (len(text) >= 8 and start.startswith(text)))


def match_quotes(quotes: tuple[Quote, ...], gold: Iterable[GoldQuote]) -> list[tuple[GoldQuote, Quote | None]]:
    """Each gold quote with the engine quote that opens with its words: in order, else anywhere unused."""
    pairs: list[tuple[GoldQuote, Quote | None]] = []
    used: set[int] = set()
    cursor = 0
    for item in gold:
        start = norm(item.start)
        order = [*range(cursor, len(quotes)), *range(cursor)]
        k = next((k for k in order if k not in used and _matches(quotes[k], start)), None)
        if k is not None:
            used.add(k)
            cursor = k + 1
        pairs.append((item, quotes[k] if k is not None else None))
    return pairs


def surname(name: str, language: str) -> str:
    words = norm(name).replace(".", " ").split()
    if not words:
        return ""
    return lemma(words[-1], language) if language in ("uk", "ru") else words[-1]


def same_speaker(engine: str | None, gold: str | None, language: str) -> bool:
    if engine is None or gold is None:
        return engine is None and gold is None
    if norm(engine) == norm(gold) or surname(engine, language) == surname(gold, language):
        return True
    # A partial name as printed ("Lin" for Lin Jian, "Dar" for Dar Yasin) names the right person.
    engine_words = {surname(w, language) for w in norm(engine).split()}
    gold_words = {surname(w, language) for w in norm(gold).split()}
    return len(engine_words) == 1 and engine_words <= gold_words


def engine_speaker(quote: Quote, index: PeopleIndex) -> str | None:
    if quote.speaker_id:
        return index.name_of(quote.speaker_id)
    return quote.speaker_name


def score(gold: Gold, folder: Path) -> Tally:
    quotes, index = engine_quotes(gold, folder)
    tally = Tally()
    for item, quote in match_quotes(quotes, gold.quotes):
        if item.kind == "name":
            tally.names += 1
            tally.names_leaked += quote is not None and quote.kind == "speech"
            continue
        tally.gold += 1
        if quote is None:
            tally.misses.append(f"    missed: {item.start!r}")
            continue
        tally.found += 1
        said = engine_speaker(quote, index)
        if same_speaker(said, item.speaker, gold.language):
            tally.right += 1
            continue
        tally.wrong_name += said is not None
        tally.misses.append(f"    {item.start[:40]!r}: engine {said!r} ({quote.method.value}), gold {item.speaker!r}")
    return tally


def gold_files(stems: Iterable[str] = ()) -> list[Path]:
    wanted = set(stems)
    return sorted(f for f in GOLD.glob("*.yaml") if not wanted or f.stem in wanted)


def score_all(stems: Iterable[str] = (), verbose: bool = False) -> Mapping[str, Tally]:
    """Print the table; return the tally per language (and "all")."""
    folder = realworld_dir()
    totals = {language: Tally() for language in (*LANGUAGES, "all")}
    for file in gold_files(stems):
        gold = load_gold(file)
        tally = score(gold, folder)
        print(tally.line(f"{gold.language} {gold.stem}"))
        if verbose:
            print("\n".join(tally.misses))
        totals[gold.language].add(tally)
        totals["all"].add(tally)
    print()
    for language, tally in totals.items():
        print(tally.line(f"TOTAL {language}"))
    return totals


def main(argv: list[str]) -> int:
    if not (realworld_dir() / "txt").is_dir():
        print(f"no real-world articles at {realworld_dir()}: set FACTCHECK_REALWORLD", file=sys.stderr)
        return 2
    verbose = "-v" in argv
    score_all([a for a in argv if a != "-v"], verbose=verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
