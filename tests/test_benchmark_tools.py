"""The benchmark's synthetic archive is valid, and the site's size grows linearly with it.

The complexity tests count things (nav entries, pages), never seconds, so they
are as fast and as reliable as any unit test.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # benchmarks/ is not part of the installed package.
    sys.path.insert(0, str(ROOT))

from benchmarks import peers  # noqa: E402
from benchmarks.make_archive import FORMATS, PEOPLE, TAGS, ArchiveSummary, make_archive  # noqa: E402
from benchmarks.peers import FULL_NAV_CONFIG, prepare_peer, run_measured, run_peer, write_hugo_project  # noqa: E402
from benchmarks.report import COMPARISON_COLUMNS, chart_series, comparison_rows, problems, write_chart  # noqa: E402
from benchmarks.run import growth, merge_reports, nav_entries  # noqa: E402
from benchmarks.search_cost import RESULTS_SHOWN, SearchCost, first_query_cost  # noqa: E402
from benchmarks.serve_latency import pick_verdict, verdict_page, with_summary  # noqa: E402
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


# --- the harness: first-query search bytes, the table, the peers' projects, the chart --------------------------
def _write(path: Path, size: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    return path


def _pagefind_bundle(site: Path, language: str, chunk_sizes: list[int], fragment_sizes: list[int]) -> int:
    """A fake Pagefind bundle for one language; returns what its first query should cost."""
    bundle = site / "pagefind"
    entry = bundle / "pagefind-entry.json"
    languages = json.loads(entry.read_text())["languages"] if entry.is_file() else {}
    languages[language] = {"hash": f"{language}_abc123", "wasm": language, "page_count": len(fragment_sizes)}
    bundle.mkdir(parents=True, exist_ok=True)
    entry.write_text(json.dumps({"version": "1.5.2", "languages": languages}))
    fixed = [_write(bundle / "pagefind.js", 4000), _write(bundle / f"wasm.{language}.pagefind", 7000),
             _write(bundle / f"pagefind.{language}_abc123.pf_meta", 300),
             _write(bundle / "filter" / f"{language}_f1.pf_filter", 50)]
    for i, size in enumerate(chunk_sizes):
        _write(bundle / "index" / f"{language}_c{i}.pf_index", size)
    for i, size in enumerate(fragment_sizes):
        _write(bundle / "fragment" / f"{language}_p{i}.pf_fragment", size)
    shown = sorted(fragment_sizes, reverse=True)[:RESULTS_SHOWN]
    return entry.stat().st_size + sum(f.stat().st_size for f in fixed) + max(chunk_sizes) + sum(shown)


def test_pagefind_first_query_is_entry_wasm_meta_largest_chunk_and_shown_fragments(tmp_path: Path) -> None:
    expected = _pagefind_bundle(tmp_path, "en", [900, 2500, 1200], [10, 70, 20, 60, 30, 50, 40])
    _write(tmp_path / "pagefind" / "pagefind-ui.js", 99_000)  # loaded with the page, not by the query
    _write(tmp_path / "pagefind" / "wasm.unknown.pagefind", 99_000)  # another language's
    cost = first_query_cost(tmp_path)
    assert cost is not None and cost.engine == "pagefind" and cost.language == "en"
    assert cost.bytes == expected == sum(cost.parts.values())
    assert "pagefind/index/en_c1.pf_index" in cost.parts and "pagefind/index/en_c0.pf_index" not in cost.parts
    assert sum(1 for part in cost.parts if part.startswith("pagefind/fragment/")) == RESULTS_SHOWN


def test_pagefind_cost_is_the_dearest_language_and_wins_over_an_old_lunr_index(tmp_path: Path) -> None:
    _write(tmp_path / "search" / "search_index.json", 10)
    _pagefind_bundle(tmp_path, "en", [1000], [100])
    dearer = _pagefind_bundle(tmp_path, "uk", [3000], [100, 200])
    cost = first_query_cost(tmp_path)
    assert cost is not None and (cost.engine, cost.language, cost.bytes) == ("pagefind", "uk", dearer)
    assert not any(part.startswith("pagefind/index/en_") for part in cost.parts)


def test_lunr_and_zensical_first_query_is_the_whole_index(tmp_path: Path) -> None:
    assert first_query_cost(tmp_path) is None
    _write(tmp_path / "search.json", 321)
    assert first_query_cost(tmp_path) == SearchCost("zensical", 321, {"search.json": 321})
    _write(tmp_path / "search" / "search_index.json", 1234)
    assert first_query_cost(tmp_path) == SearchCost("lunr", 1234, {"search/search_index.json": 1234})


def _size_result(**changes: Any) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ok": True, "articles": 300, "verdicts": 150, "load": 3.0, "generate": 2.0, "mkdocs": 10.0, "total": 15.0,
        "seconds": 16.25, "cpu_seconds": 15.5, "peak_rss_mb": 81.6, "html_pages": 612,
        "search": {"engine": "lunr", "bytes": 1_834_000},
        "rebuild": {"ok": True, "seconds": 14.96}, "serve": {"seconds": 11.64, "note": ""},
        "peers": {"mkdocs": {"ok": True, "seconds": 30.0, "cpu_seconds": 29.0, "peak_rss_mb": 120.4, "pages": 612,
                             "search": None},
                  "hugo": {"ok": False, "error": "exit status 255"}}}
    return {**result, **changes}


def test_comparison_rows_one_per_builder_with_failures_marked() -> None:
    ours, mkdocs, hugo = comparison_rows(_size_result())
    assert ours == ["300", "factcheck build", "16.2", "15.5", "15.0", "82", "612", "1,834 (lunr)", "11.6"]
    assert mkdocs == ["300", "MkDocs, default nav", "30.0", "29.0", "–", "120", "612", "–", "–"]
    assert hugo[:3] == ["300", "Hugo, trivial layout", "failed"]
    assert all(len(row) == len(COMPARISON_COLUMNS) for row in (ours, mkdocs, hugo))
    assert any("exit status 255" in line for line in problems(_size_result()))


def test_comparison_rows_say_skipped_failed_and_not_measured_apart() -> None:
    [skipped] = comparison_rows(_size_result(serve=None, peers={}))
    assert skipped[-1] == "–"
    timed_out = _size_result(serve={"seconds": None, "note": "edit not visible within 120 s"})
    assert comparison_rows(timed_out)[0][-1] == "n/a"
    assert any("edit not visible" in line for line in problems(timed_out))
    [failed] = comparison_rows(_size_result(ok=False, peers={}, first_errors=["boom"]))
    assert failed[2] == "failed" and failed[3:] == ["–"] * 6


def _docs_project(root: Path) -> Path:
    """A project root with the real mkdocs.yml and a 3-file generated docs tree."""
    (root / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "overrides").mkdir()  # the theme's custom_dir must exist
    docs = root / "build" / "docs"
    (docs / "verdicts").mkdir(parents=True)
    (docs / "index.md").write_text("# Fact\\-check archive\n\nSee [a verdict](verdicts/v1.md).\n")
    (docs / "verdicts" / "index.md").write_text("# All verdicts\n\n| Claim |\n|---|\n| one |\n")
    (docs / "verdicts" / "v1.md").write_text("---\njsonld:\n  '@type': ClaimReview\n---\n# Claim one\n\nBody.\n")
    return docs


def test_full_nav_config_drops_only_the_nav(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    _docs_project(tmp_path)
    command, site = prepare_peer("mkdocs", tmp_path)
    config_file = tmp_path / FULL_NAV_CONFIG
    text = config_file.read_text(encoding="utf-8")
    assert not any(line.startswith(("nav:", "not_in_nav:")) for line in text.splitlines())
    assert "\nvalidation:\n  nav:\n" in text and "!!python/object/apply:pymdownx.slugs.slugify" in text
    assert str(config_file) in command and site == tmp_path / ".bench" / "mkdocs-site"
    config = load_config(str(config_file))
    assert config["nav"] is None and config["not_in_nav"] is None
    assert Path(config["site_dir"]) == site and Path(config["docs_dir"]) == tmp_path / "build" / "docs"


def test_zensical_config_sits_in_a_folder_that_holds_the_docs(tmp_path: Path) -> None:
    docs = _docs_project(tmp_path)
    command, site = prepare_peer("zensical", tmp_path)
    config = Path(command[command.index("--config-file") + 1])
    assert command[1:3] == ["build", "--clean"] and config.parent == tmp_path
    assert docs.is_relative_to(config.parent) and site.is_relative_to(tmp_path / ".bench")


def test_hugo_project_renders_the_same_markdown_bodies(tmp_path: Path) -> None:
    docs = _docs_project(tmp_path)
    project = tmp_path / "hugo"
    assert write_hugo_project(docs, project) == 3
    content = project / "content"
    pages = sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md"))
    assert pages == ["_index.md", "verdicts/_index.md", "verdicts/v1.md"]  # index.md would make a leaf bundle
    home = (content / "_index.md").read_text()
    assert home == '---\ntitle: "Fact-check archive"\n---\n' + (docs / "index.md").read_text()
    verdict = (content / "verdicts" / "v1.md").read_text()
    assert verdict == '---\ntitle: "Claim one"\n---\n# Claim one\n\nBody.\n'  # our front matter means nothing to Hugo
    assert "unsafe = true" in (project / "hugo.toml").read_text()
    assert {p.name for p in (project / "layouts" / "_default").iterdir()} == {"baseof.html", "single.html",
                                                                              "list.html"}


def test_a_peer_that_cannot_run_is_a_failed_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _docs_project(tmp_path)
    monkeypatch.setattr(peers, "_hugo_binary", lambda: str(tmp_path / "no-such-hugo"))
    result = run_peer("hugo", tmp_path, timeout=60)
    assert result["ok"] is False and "no-such-hugo" in str(result["error"])
    monkeypatch.setattr(peers, "write_hugo_project", lambda *_: 1 / 0)
    assert run_peer("hugo", tmp_path, timeout=60) == {"ok": False, "error": "ZeroDivisionError: division by zero"}


def test_run_measured_reports_the_childs_own_peak_memory_and_exit_status(tmp_path: Path) -> None:
    ballast = bytearray(150 * 1024 * 1024)  # this process is big, whatever ran before this test
    ballast[::4096] = b"x" * len(ballast[::4096])
    grab = "b = bytearray(200 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); print('done')"
    run = run_measured([sys.executable, "-c", grab], tmp_path, timeout=120)
    assert run.ok and run.stdout.strip() == "done" and run.peak_rss_mb >= 200
    small = run_measured([sys.executable, "-c", "pass"], tmp_path, timeout=120)
    # The child's own peak: not the previous child's, nor this test process's (Linux would carry
    # the forking process's RSS into a directly forked child's ru_maxrss).
    assert small.peak_rss_mb < 100
    failed = run_measured([sys.executable, "-c", "raise SystemExit(3)"], tmp_path, timeout=120)
    assert not failed.ok and failed.note == "exit status 3"
    missing = run_measured([str(tmp_path / "no-such-tool")], tmp_path, timeout=120)
    assert not missing.ok and "no-such-tool" in missing.stderr
    del ballast


def test_run_measured_kills_a_build_that_overruns(tmp_path: Path) -> None:
    run = run_measured([sys.executable, "-c", "import time; time.sleep(600)"], tmp_path, timeout=0.5)
    assert not run.ok and run.note.startswith("timed out")


def test_serve_edit_rewrites_only_the_summary_and_finds_the_page_under_a_language(tmp_path: Path) -> None:
    verdict = 'claim: "x"\nsummary: "Old text."\nbody: |\n  summary: not this one\n'
    assert with_summary(verdict, "Benchmark edit 1a2b") == (
        'claim: "x"\nsummary: "Benchmark edit 1a2b"\nbody: |\n  summary: not this one\n')
    _write(tmp_path / "site" / "uk" / "verdicts" / "v1" / "index.html", 10)
    _write(tmp_path / "site" / "verdicts" / "v1" / "index.html", 10)
    assert verdict_page(tmp_path / "site", "v1") == "/verdicts/v1/"
    assert verdict_page(tmp_path / "site", "v2") is None
    (tmp_path / "content" / "verdicts").mkdir(parents=True)
    (tmp_path / "content" / "verdicts" / "v0.yaml").write_text(verdict)  # no page: skipped
    (tmp_path / "content" / "verdicts" / "v1.yaml").write_text(verdict)
    assert pick_verdict(tmp_path) == (tmp_path / "content" / "verdicts" / "v1.yaml", "/verdicts/v1/")


def test_chart_draws_each_builder_that_succeeded(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    results = [_size_result(articles=n, seconds=n / 20, rebuild={"ok": True, "seconds": n / 100}) for n in (300, 3000)]
    series = chart_series(results)
    assert series["factcheck build"] == [(300, 15.0), (3000, 150.0)]
    assert series["factcheck build, nothing changed"] == [(300, 3.0), (3000, 30.0)]
    assert "Hugo, trivial layout" not in series and len(series["MkDocs, default nav"]) == 2
    chart = tmp_path / "out" / "chart.png"
    assert write_chart(results, chart, "fake numbers")
    assert chart.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") and chart.stat().st_size > 5000
    assert not write_chart([_size_result(ok=False, rebuild=None, peers={})], tmp_path / "none.png")
    assert not (tmp_path / "none.png").exists()


def test_replot_merges_runs_by_size() -> None:
    first = {"date": "a", "results": [_size_result(articles=1000), _size_result(articles=10000, ok=False)]}
    hand_run = {"date": "b", "results": [_size_result(articles=50000), _size_result(articles=10000)]}
    merged = merge_reports([first, hand_run])
    assert [r["articles"] for r in merged["results"]] == [1000, 10000, 50000]
    assert merged["results"][1]["ok"] and merged["date"] == "b"
