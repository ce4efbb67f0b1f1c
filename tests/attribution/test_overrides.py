"""The desk corrects the machine: a sidecar's `quotes:` list, from YAML to the pages and exports."""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

from generator.diagnostics import Diagnostics, Location
from generator.model import AttributionMethod, QuoteOverride
from generator.pipeline import load_archive
from generator.site.generate import generate_site
from generator.siteconfig import site_info
from tests.attribution.support import quotes

ROOT = Path(__file__).resolve().parents[2]
SEED_000 = "000_ce914f400c901735"
WHERE = Location("content/articles/a.meta.yaml", 2, 12)


def override(quote: str, speaker: str | None = None, not_a_quote: bool = False) -> QuoteOverride:
    return QuoteOverride(quote, speaker, not_a_quote, WHERE)


def test_override_sets_clears_and_drops() -> None:
    paragraphs = ('"We are ready," Putin said.', '"It is late," said Olena Hrytsenko.', 'The "peace plan" waits.')
    fixes = (override("It is late", "putin"), override("We are ready"), override("peace plan", not_a_quote=True))
    assert quotes(*paragraphs, overrides=fixes) == [
        ("We are ready", None, "desk", "speech"),
        ("It is late", "Vladimir Putin", "desk", "speech"),
    ]


def copy_project(target: Path, sidecar_lines: str) -> Path:
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    sidecar = target / "content" / "articles" / f"{SEED_000}.meta.yaml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + sidecar_lines, encoding="utf-8")
    return target


def test_override_reaches_article_page_person_page_and_exports(tmp_path: Path) -> None:
    root = copy_project(tmp_path, "quotes:\n  - quote: never considered you\n    speaker: bush\n")
    diags = Diagnostics()
    archive = load_archive(root, diags)
    quote = next(q for q in archive.articles[SEED_000].quotes if q.text.startswith("never considered you"))
    assert (quote.speaker_id, quote.method) == ("bush", AttributionMethod.DESK)
    out = tmp_path / "docs"
    generate_site(archive, out, diags, site_info(root))
    article_page = html.unescape((out / "articles" / f"{SEED_000}.md").read_text(encoding="utf-8"))
    rows = [line for line in article_page.splitlines() if line.startswith("<tr><td")]
    row = next(line for line in rows if "never considered you" in line)
    assert 'href="../../people/bush/"' in row and "attributed by the desk" in row
    assert "never considered you" in (out / "people" / "bush.md").read_text(encoding="utf-8")
    assert "never considered you" not in (out / "people" / "putin.md").read_text(encoding="utf-8")
    exported = json.loads((out / "quotes.json").read_text(encoding="utf-8"))
    record = next(r for r in exported if r["text"].startswith("never considered you"))
    assert (record["speaker_id"], record["attributed_by"]) == ("bush", "desk")


def test_override_of_words_not_in_the_article_is_a_located_error(tmp_path: Path) -> None:
    root = copy_project(tmp_path, "quotes:\n  - quote: Perhaps Russia could be a friend\n    speaker: putin\n")
    diags = Diagnostics()
    load_archive(root, diags)
    problems = [d for d in diags if d.code == "quote-override-not-found"]
    assert len(problems) == 1
    sidecar_lines = (root / "content/articles" / f"{SEED_000}.meta.yaml").read_text(encoding="utf-8").splitlines()
    assert problems[0].location.path == f"content/articles/{SEED_000}.meta.yaml"
    assert sidecar_lines[problems[0].location.line - 1].strip() == "- quote: Perhaps Russia could be a friend"
    assert 'closest passage: "' in problems[0].message and "Perhaps Russia could be" in problems[0].message


def test_broken_override_entries_are_reported_where_written(tmp_path: Path) -> None:
    root = copy_project(tmp_path, "quotes:\n  - speaker: putin\n  - quote: NATO gave\n    who: putin\n")
    diags = Diagnostics()
    load_archive(root, diags)
    lines = (root / "content/articles" / f"{SEED_000}.meta.yaml").read_text(encoding="utf-8").splitlines()
    found = [(d.code, lines[d.location.line - 1].strip()) for d in diags if d.code == "bad-quote-override"]
    assert found == [("bad-quote-override", "- speaker: putin"), ("bad-quote-override", "- quote: NATO gave")]
