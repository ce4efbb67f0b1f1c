"""A small valid project for the checker tests, and a runner that mirrors the pipeline.

Articles are built by hand (blocks, not files), so these tests do not depend on
the readers. Each test writes the valid project, changes one thing, and runs
registries -> verdicts -> cross-reference checks.
"""

from __future__ import annotations

from pathlib import Path

from generator.checks import check_archive
from generator.diagnostics import Diagnostics, Location
from generator.model import Archive, Article, Block, Quote
from generator.registry import load_outlets, load_people, load_ratings
from generator.verdicts import load_verdicts

VERDICT_PATH = "content/verdicts/case-verdict.yaml"

PEOPLE = """\
putin:
  name: Vladimir Putin
  aliases: [Putin, the head of the kremlin]
  role: President of Russia
bush:
  name: George W. Bush
  aliases: [Bush]
"""

OUTLETS = """\
ukrmedia-news:
  name: ukrmedia.news
  domains: [ukrmedia.news]
  language: en
european-pravda:
  name: European Pravda
  domains: [eurointegration.com.ua]
  language: en
"""

RATINGS = """\
"false":
  label: "False"
  value: 1
  colour: "#b71c1c"
mostly-false:
  label: Mostly false
  value: 2
misleading:
  label: Misleading
  value: 3
half-true:
  label: Half true
  value: 4
mostly-true:
  label: Mostly true
  value: 5
"true":
  label: "True"
  value: 6
unproven:
  label: Unproven
  description: Neither confirmed nor refuted.
"""

# Line numbers matter: the broken-input table points at them.
VERDICT = """\
claim: Putin asked in 2001 whether Russia could join NATO
claimant: putin
claim_date: 2001-06-16
appearances:
  - article: 000_transcripts
    quote: "But we feel left out of NATO."
rating: mostly-true
summary: The released transcript records the question.
evidence:
  - article: 000_transcripts
    quote: "Perhaps Russia could be an Ally."
    note: Putin's words in the 2001 conversation.
  - url: https://example.org/transcript
    title: The transcript
author: Archive desk
published: 2026-01-05
tags: [nato, russia]
"""


def transcripts_article() -> Article:
    blocks = (
        Block.plain("p", "The United States has released transcripts of talks between Vladimir Putin and George Bush."),
        Block.plain("p", 'Quote from Putin: "Russia is European. But we feel left out of NATO."'),
        Block.plain("li", 'In a separate conversation in 2008, Putin sought to convince Bush that Ukraine was an '
                          '"artificial country".'),
        Block.plain("p", 'Quote from Putin: "Now all these conditions have been met. '
                         'Perhaps Russia could be an Ally."'),
    )
    said = "Russia is European. But we feel left out of NATO."
    start = blocks[1].text.index(said)
    quote = Quote("000_transcripts", 1, said, "putin", "Vladimir Putin", blocks[1].text, 1, start, start + len(said))
    return Article("000_transcripts", Location("content/articles/000_transcripts.txt"), "wire", "Transcripts",
                   blocks, "0" * 64, quotes=(quote,))


def ukrmedia_article() -> Article:
    blocks = (
        Block.plain("h2", "In 2001, he asked the US to admit Russia to NATO"),
        Block.plain("li", "in 2001 Putin told George W. Bush that Ukraine’s accession to NATO «will create a field of "
                          "conflict between Russia and the United States»;"),
        Block.plain("li", "already in 2008 Putin has openly defined Ukraine's membership in NATO as a «red line»;"),
    )
    return Article("004_ukrmedia", Location("content/articles/004_ukrmedia.txt"), "wordpress", "Putin and NATO",
                   blocks, "1" * 64, outlet_id="ukrmedia-news")


def articles() -> dict[str, Article]:
    return {a.id: a for a in (transcripts_article(), ukrmedia_article())}


def write_project(root: Path, files: dict[str, str | bytes | None]) -> None:
    """The valid project with `files` replacing (text), adding, or removing (None) files."""
    contents: dict[str, str | bytes | None] = {
        "content/people.yaml": PEOPLE,
        "content/outlets.yaml": OUTLETS,
        "content/ratings.yaml": RATINGS,
        VERDICT_PATH: VERDICT,
    }
    contents.update(files)
    (root / "content" / "verdicts").mkdir(parents=True, exist_ok=True)
    for name, body in contents.items():
        if body is None:
            continue
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            target.write_bytes(body)
        else:
            target.write_text(body, encoding="utf-8")


def run_check(root: Path) -> tuple[Archive, Diagnostics]:
    """What `factcheck check` runs, in the pipeline's order, with hand-built articles."""
    diags = Diagnostics()
    content = root / "content"
    archive = Archive(
        people=load_people(content / "people.yaml", root, diags),
        outlets=load_outlets(content / "outlets.yaml", root, diags),
        ratings=load_ratings(content / "ratings.yaml", root, diags),
    )
    archive.articles = articles()
    archive.verdicts = load_verdicts(content / "verdicts", root, diags)
    check_archive(archive, diags)
    return archive, diags


def edit(text: str, old: str, new: str) -> str:
    """`text` with the one occurrence of `old` replaced (fails loudly if it is not there once)."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def verdict_with(old: str, new: str) -> dict[str, str | bytes | None]:
    return {VERDICT_PATH: edit(VERDICT, old, new)}
