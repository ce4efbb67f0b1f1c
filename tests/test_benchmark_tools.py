"""The benchmark's synthetic archive is valid, and the site's size grows linearly with it.

The complexity tests count things (nav entries, pages), never seconds, so they
are as fast and as reliable as any unit test.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # benchmarks/ is not part of the installed package.
    sys.path.insert(0, str(ROOT))

from benchmarks.make_archive import FORMATS, PEOPLE, TAGS, ArchiveSummary, make_archive  # noqa: E402
from benchmarks.run import growth, nav_entries  # noqa: E402
from generator.build import generate  # noqa: E402
from generator.diagnostics import Diagnostics  # noqa: E402
from generator.normalise import normalise  # noqa: E402
from generator.pipeline import load_archive  # noqa: E402

pytestmark = pytest.mark.skipif(not (ROOT / "mkdocs.yml").is_file(), reason="needs the project's mkdocs.yml")


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _errors(diags: Diagnostics) -> list[str]:
    return [d.format() for d in diags.items if d.severity.value == "error"]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ArchiveSummary]:
    root = tmp_path_factory.mktemp("small")
    return root, make_archive(root, articles=12, verdicts=6, seed=7)


def test_small_archive_loads_without_errors(small: tuple[Path, ArchiveSummary]) -> None:
    root, summary = small
    diags = Diagnostics()
    archive = load_archive(root, diags)
    assert _errors(diags) == []
    assert sorted(archive.articles) == sorted(a.id for a in summary.articles)
    assert len(archive.verdicts) == 6
    assert len(archive.people) == PEOPLE
    assert set(summary.formats) == set(FORMATS)
    assert (root / "mkdocs.yml").is_file() and (root / "content" / "pages").is_dir()


def test_every_reader_format_is_detected(small: tuple[Path, ArchiveSummary]) -> None:
    root, _ = small
    archive = load_archive(root, Diagnostics())
    detected = {article.format for article in archive.articles.values()}
    assert len(detected) >= 4, detected  # wire, WordPress, Markdown, HTML (a post list is WordPress too)


def test_generated_quotes_are_found_in_their_articles(small: tuple[Path, ArchiveSummary]) -> None:
    root, summary = small
    archive = load_archive(root, Diagnostics())
    for made in summary.articles:
        text = normalise(archive.articles[made.id].text)
        for quote in made.quotes:
            assert normalise(quote.text) in text, (made.id, made.format, quote.text)
    assert sum(len(a.quotes) for a in archive.articles.values()) >= 4 * len(summary.articles) // 2
    ukrainian = [a for a in summary.articles if a.language == "uk"]
    assert ukrainian and any(a.quotes for a in ukrainian)


def test_verdicts_cite_quotes_verbatim(small: tuple[Path, ArchiveSummary]) -> None:
    root, _ = small
    archive = load_archive(root, Diagnostics())
    cited = 0
    for verdict in archive.verdicts.values():
        for citation in (*verdict.appearances, *verdict.evidence):
            if citation.article and citation.quote:
                assert normalise(citation.quote) in normalise(archive.articles[citation.article].text)
                cited += 1
        assert any(c.url for c in verdict.evidence) and verdict.tags
    assert cited == 2 * len(archive.verdicts)
    assert len(archive.citation_anchors) == cited


def test_same_seed_same_archive_other_seed_other_archive(tmp_path: Path) -> None:
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        make_archive(tmp_path / name, articles=8, verdicts=4, seed=seed)
    content = {name: _files(tmp_path / name / "content") for name in "abc"}
    assert content["a"] == content["b"]
    assert content["a"] != content["c"]


def test_refuses_to_write_over_existing_content(small: tuple[Path, ArchiveSummary]) -> None:
    with pytest.raises(FileExistsError):
        make_archive(small[0], articles=1, verdicts=0)


# --- complexity: counts, not seconds ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    roots: dict[int, Path] = {}
    for size in (10, 20, 40):
        root = tmp_path_factory.mktemp(f"gen{size}")
        make_archive(root, articles=size, verdicts=size // 2, seed=11)
        diags = Diagnostics()
        assert generate(root, diags) is not None, _errors(diags)
        roots[size] = root
    return roots


def _pages(root: Path, folder: str = "") -> int:
    return sum(1 for _ in (root / "build" / "docs" / folder).rglob("*.md"))


def _entity_pages(root: Path, folder: str) -> int:
    return sum(1 for p in (root / "build" / "docs" / folder).glob("*.md") if p.name != "index.md")


def test_nav_does_not_grow_with_the_archive(generated: dict[int, Path]) -> None:
    counts = {size: nav_entries(root) for size, root in generated.items()}
    assert counts[10] is not None and counts[10] > 0
    assert counts[10] == counts[20] == counts[40], counts


def test_one_page_per_article_and_per_verdict(generated: dict[int, Path]) -> None:
    for size, root in generated.items():
        assert _entity_pages(root, "articles") == size
        assert _entity_pages(root, "verdicts") == size // 2


def test_generated_pages_grow_linearly(generated: dict[int, Path]) -> None:
    pages = {size: _pages(root) for size, root in generated.items()}
    # Pages besides articles and verdicts (people, topics, months, listings) are bounded by
    # the registries, not by the number of articles: a sublinear term on top of a linear one.
    bounded = PEOPLE + len(TAGS) + 2 * 24 + 60
    for size, count in pages.items():
        assert size + size // 2 <= count <= size + size // 2 + bounded, pages
    per_article_first = (pages[20] - pages[10]) / 10
    per_article_second = (pages[40] - pages[20]) / 20
    assert 1.5 <= per_article_second <= per_article_first + 0.5, pages


def test_growth_flags_quadratic_time() -> None:
    linear = [
        {"ok": True, "articles": n, **dict.fromkeys(("load", "generate", "mkdocs", "total"), n / 100)}
        for n in (100, 1000)
    ]
    quadratic = [{**r, "mkdocs": r["articles"] ** 2 / 1e4} for r in linear]
    assert growth(linear)["total"]["per_article_ratio"] == pytest.approx(1.0)
    assert growth(quadratic)["mkdocs"]["per_article_ratio"] == pytest.approx(10.0)
    assert growth(quadratic)["mkdocs"]["exponent"] == pytest.approx(2.0)
