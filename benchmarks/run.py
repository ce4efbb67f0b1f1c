"""The scale benchmark: our build and its peers on the same synthetic archives, in one run.

    python -m benchmarks.run [--sizes 1000,10000] [--out benchmarks/results.json] [--chart benchmarks/chart.png]
                             [--peers mkdocs,hugo,zensical | --no-peers] [--no-serve] [--quick] [--profile]

For each size, `benchmarks.make_archive` writes one archive into a temporary folder, and
on that same archive, each in a child process of its own (its time and peak memory are
its own):

    our build         `factcheck build`'s code path (generator.build.build), timed by phase:
                      load (generator.pipeline.load_archive), generate (generator.site.generate_site),
                      mkdocs (the rest: `mkdocs build --strict` and the swaps into build/docs and site/)
    rebuild           the same build again with nothing changed
    peers             MkDocs with its default all-pages nav, Hugo and Zensical rendering the
                      Markdown our build wrote (benchmarks.peers)
    serve             seconds until a verdict edit shows in `factcheck serve` (benchmarks.serve_latency)

plus the bytes a reader downloads for a first search query (benchmarks.search_cost).
Time per article should stay flat as the archive grows; a ratio above 2 between the
largest and the smallest size is flagged as super-linear.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import math
import os
import platform
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from benchmarks.make_archive import make_archive
from benchmarks.peers import PEERS, Peer, run_measured, run_peer
from benchmarks.report import PHASES, print_comparison, print_phases, write_chart
from benchmarks.search_cost import first_query_cost
from benchmarks.serve_latency import measure_serve_latency

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_SIZES = (1000, 10000)
console = Console(width=None if sys.stdout.isatty() else 160)


# --- the child: one build, timed by phase ------------------------------------------------------------------------
def _timed(phase: str, timings: dict[str, float], func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            timings[phase] += time.perf_counter() - start

    return wrapper


def measure(root: Path, profile_to: Path | None = None) -> dict[str, Any]:
    """Build the project at `root` once and return phase timings, page counts and memory."""
    from generator import build, site
    from generator.diagnostics import Diagnostics

    timings = {"load": 0.0, "generate": 0.0}
    build.load_archive = _timed("load", timings, build.load_archive)
    # build.py imports generate_site late from generator.site; patch both places in case that changes.
    site.generate_site = _timed("generate", timings, site.generate_site)
    if hasattr(build, "generate_site"):
        build.generate_site = site.generate_site
    diags = Diagnostics()
    profiler = cProfile.Profile() if profile_to else None
    start, cpu_start = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    ok = build.build(root, diags)
    if profiler:
        profiler.disable()
        profiler.dump_stats(str(profile_to))
    total = time.perf_counter() - start
    errors = [d.format() for d in diags.items if d.severity.value == "error"]
    return {
        "ok": ok and timings["generate"] > 0,
        "load": timings["load"],
        "generate": timings["generate"],
        "mkdocs": total - timings["load"] - timings["generate"],
        "total": total,
        "cpu": time.process_time() - cpu_start,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "markdown_pages": _count(root / "build" / "docs", "*.md"),
        "html_pages": _count(root / "site", "*.html"),
        "site_mb": _size_mb(root / "site"),
        "nav_entries": nav_entries(root),
        "errors": len(errors),
        "warnings": len(diags.items) - len(errors),
        "first_errors": errors[:10] or ([] if timings["generate"] > 0 else ["generate_site was never called"]),
    }


def _count(folder: Path, pattern: str) -> int:
    return sum(1 for _ in folder.rglob(pattern)) if folder.is_dir() else 0


def _size_mb(folder: Path) -> float:
    if not folder.is_dir():
        return 0.0
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def nav_entries(root: Path) -> int | None:
    """Entries in the navigation MkDocs builds for the generated docs (None if it cannot be read).

    With no `nav:` MkDocs lists every page, so this is the number that must not
    grow with the archive (SPEC §7).
    """
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation

    docs = root / "build" / "docs"
    if not docs.is_dir():
        return None
    try:
        config = load_config(str(root / "mkdocs.yml"), docs_dir=str(docs))
        navigation = get_navigation(get_files(config), config)
    except Exception:  # A broken config is the build's to report; here it only means "unknown".
        return None
    return _count_items(navigation.items)


def _count_items(items: list[Any]) -> int:
    return sum(1 + _count_items(getattr(item, "children", None) or []) for item in items)


# --- the parent: make archives, run children, report ------------------------------------------------------------
@dataclass(frozen=True)
class Options:
    seed: int = 1
    verdict_ratio: float = 0.5
    peers: tuple[Peer, ...] = PEERS
    serve: bool = True
    timeout: float = 3600.0  # one build, ours or a peer's
    serve_start_timeout: float = 900.0
    serve_edit_timeout: float = 120.0
    keep: Path | None = None


def _child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT), os.environ.get("PYTHONPATH")]))}


def build_in_child(root: Path, timeout: float, profile_to: Path | None = None) -> dict[str, Any]:
    """`measure` in a fresh Python; its time, CPU and peak RSS as `run_measured` saw them."""
    command = [sys.executable, "-m", "benchmarks.run", "--child", str(root)]
    if profile_to:
        command += ["--profile-to", str(profile_to)]
    run = run_measured(command, PROJECT, timeout, _child_env())
    lines = run.stdout.strip().splitlines()
    if not run.ok or not lines:
        return {"ok": False, "seconds": run.seconds,
                "first_errors": [*filter(None, [run.note]), *run.stderr.strip().splitlines()[-20:]]}
    result: dict[str, Any] = json.loads(lines[-1])
    result.update(seconds=run.seconds, cpu_seconds=run.cpu_seconds, peak_rss_mb=run.peak_rss_mb)
    return result


def run_size(articles: int, options: Options, profile_to: Path | None = None) -> dict[str, Any]:
    """Make one archive; build it, rebuild it unchanged, let each peer render its Markdown, time an edit."""
    verdicts = int(articles * options.verdict_ratio)
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        root = (options.keep / f"archive-{articles}") if options.keep else Path(tmp) / "project"
        made_at = time.perf_counter()
        summary = make_archive(root, articles, verdicts, options.seed)
        made_in = time.perf_counter() - made_at
        console.print(f"{articles:,} articles: our build…", highlight=False)
        result = build_in_child(root, options.timeout, profile_to)
        result.update(articles=articles, verdicts=verdicts, files=summary.files, make_archive_s=made_in,
                      formats=dict(sorted(summary.formats.items())))
        if profile_to or not result.get("ok"):
            return result
        result["search"] = _search(root / "site")
        console.print(f"{articles:,} articles: rebuild with nothing changed…", highlight=False)
        result["rebuild"] = build_in_child(root, options.timeout)
        result["peers"] = {}
        for peer in options.peers:
            console.print(f"{articles:,} articles: {peer}…", highlight=False)
            result["peers"][peer] = run_peer(peer, root, options.timeout)
        if options.serve:  # last: it edits content/ and regenerates build/docs
            console.print(f"{articles:,} articles: serve, one verdict edit…", highlight=False)
            result["serve"] = _serve(root, options)
    return result


def _serve(root: Path, options: Options) -> dict[str, Any]:
    try:
        latency = measure_serve_latency(root, options.serve_start_timeout, options.serve_edit_timeout)
    except Exception as exc:  # Serve failing is a result ("n/a"), not the end of the run.
        return {"seconds": None, "note": f"{type(exc).__name__}: {exc}", "url": ""}
    return {"seconds": latency.seconds, "note": latency.note, "url": latency.url}


def _search(site: Path) -> dict[str, Any] | None:
    cost = first_query_cost(site)
    return None if cost is None else {"engine": cost.engine, "bytes": cost.bytes, "parts": cost.parts,
                                      "language": cost.language}


def growth(results: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Per phase: time per article, largest over smallest size, and fitted growth exponents.

    `exponent` fits t ~ n^k through the smallest and largest sizes; `tail_exponent`
    through the two largest only, where fixed start-up costs no longer hide a
    term that grows faster than the archive.
    """
    ok = [r for r in results if r.get("ok")]
    if len(ok) < 2:
        return {}
    small, before, large = ok[0], ok[-2], ok[-1]
    out: dict[str, dict[str, float]] = {}
    for phase in PHASES:
        if min(small[phase], before[phase], large[phase]) <= 0:
            continue
        per_small, per_large = small[phase] / small["articles"], large[phase] / large["articles"]
        out[phase] = {"per_article_ratio": per_large / per_small,
                      "exponent": _exponent(small, large, phase), "tail_exponent": _exponent(before, large, phase)}
    return out


def _exponent(a: dict[str, Any], b: dict[str, Any], phase: str) -> float:
    return math.log(b[phase] / a[phase]) / math.log(b["articles"] / a["articles"])


def print_profile(path: Path, top: int = 25) -> None:
    stats = pstats.Stats(str(path), stream=io.StringIO())
    by_module: dict[str, float] = {}
    for (file, _line, _func), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]  # untyped in typeshed
        by_module[_module_of(file)] = by_module.get(_module_of(file), 0.0) + tottime
    table = Table(title=f"own time by module (cProfile, {path.name})")
    table.add_column("module")
    table.add_column("seconds", justify="right")
    for module, seconds in sorted(by_module.items(), key=lambda kv: -kv[1])[:top]:
        table.add_row(module, f"{seconds:.2f}")
    console.print(table)
    for key in ("tottime", "cumulative"):
        buffer = io.StringIO()
        pstats.Stats(str(path), stream=buffer).sort_stats(key).print_stats(top)
        console.print(buffer.getvalue(), markup=False, highlight=False)


def _module_of(file: str) -> str:
    """`site-packages/mkdocs/structure/nav.py` -> `mkdocs.structure.nav`; builtins stay as they are."""
    if file == "~":
        return "(built-in functions)"
    if not file.endswith(".py"):
        return file
    path = Path(file).with_suffix("")
    parts = path.parts
    if "site-packages" in parts:
        return ".".join(parts[parts.index("site-packages") + 1:])
    if path.is_relative_to(PROJECT):
        return ".".join(path.relative_to(PROJECT).parts)
    return ".".join(parts[-2:])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="article counts, comma-separated")
    parser.add_argument("--verdict-ratio", type=float, default=0.5, help="verdicts per article (default 0.5)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=PROJECT / "benchmarks" / "results.json")
    parser.add_argument("--chart", type=Path, default=PROJECT / "benchmarks" / "chart.png",
                        help="PNG of build time against archive size (default benchmarks/chart.png)")
    parser.add_argument("--no-chart", action="store_true", help="write no chart")
    parser.add_argument("--replot", type=Path, nargs="+", metavar="RESULTS_JSON",
                        help="build nothing: print the tables and write the chart of earlier --out files, merged")
    parser.add_argument("--peers", default=",".join(PEERS),
                        help=f"peers to run, comma-separated, from {','.join(PEERS)} (default all)")
    parser.add_argument("--no-peers", action="store_true", help="run no peer (same as --peers '')")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve latency measurement")
    parser.add_argument("--quick", action="store_true", help="--no-peers --no-serve")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds any one build may take")
    parser.add_argument("--serve-timeout", type=float, default=120.0,
                        help="seconds an edit may take to show in `factcheck serve` before it is n/a")
    parser.add_argument("--keep", type=Path, help="keep each generated project under this folder")
    parser.add_argument("--profile", action="store_true", help="cProfile the largest size and print hotspots")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-to", type=Path, help=argparse.SUPPRESS)
    return parser


def _options(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Options:
    peers = [] if args.no_peers or args.quick else [p.strip() for p in args.peers.split(",") if p.strip()]
    unknown = sorted(set(peers) - set(PEERS))
    if unknown:
        parser.error(f"unknown peer(s) {', '.join(unknown)}; choose from {', '.join(PEERS)}")
    return Options(seed=args.seed, verdict_ratio=args.verdict_ratio, keep=args.keep.resolve() if args.keep else None,
                   peers=tuple(p for p in PEERS if p in peers), serve=not (args.no_serve or args.quick),
                   timeout=args.timeout, serve_start_timeout=args.timeout, serve_edit_timeout=args.serve_timeout)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child.resolve(), args.profile_to)))
        return 0
    if args.replot:
        _print_and_plot(merge_reports([json.loads(f.read_text(encoding="utf-8")) for f in args.replot]),
                        None if args.no_chart else args.chart)
        return 0
    options = _options(args, parser)
    out = args.out.resolve()  # The children run in the project root.
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    results = [run_size(size, options) for size in sizes]
    report = {"date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "machine": _machine(),
              "commit": _commit(), "seed": args.seed, "peers": list(options.peers), "serve": options.serve,
              "results": results, "growth": growth(results)}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    _print_and_plot(report, None if args.no_chart else args.chart)
    console.print(f"results written to {out}", highlight=False)
    if args.profile and sizes:
        # A separate run: the profiler's overhead must not distort the timings above.
        profile_to = Path(tempfile.gettempdir()) / f"factcheck-bench-{sizes[-1]}.pstats"
        console.print(f"profiling {sizes[-1]} articles…", highlight=False)
        run_size(sizes[-1], options, profile_to)
        print_profile(profile_to)
    return 0 if all(r.get("ok") and (r.get("rebuild") or {}).get("ok", True) for r in results) else 1


def merge_reports(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """Several runs as one, by archive size (a later file's size replaces an earlier one's)."""
    by_size = {r["articles"]: r for report in reports for r in report["results"]}
    results = [by_size[size] for size in sorted(by_size)]
    return {**reports[-1], "results": results, "growth": growth(results)}


def _print_and_plot(report: dict[str, Any], chart: Path | None) -> None:
    results = report["results"]
    print_phases(console, results, report.get("growth") or growth(results))
    print_comparison(console, results)
    if chart is not None:
        machine = report.get("machine") or {}
        subtitle = f"{report.get('date', '?')}, commit {report.get('commit') or '?'}, {machine.get('cpus', '?')} CPUs"
        if write_chart(results, chart.resolve(), subtitle):
            console.print(f"chart written to {chart}", highlight=False)


def _commit() -> str | None:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        return None
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=PROJECT,
                           capture_output=True, text=True, check=False).stdout.strip()
    return done.stdout.strip() + ("+changes" if dirty else "")


def _machine() -> dict[str, Any]:
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()}


if __name__ == "__main__":
    sys.exit(main())
