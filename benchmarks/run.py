"""The scale benchmark: build synthetic archives of several sizes and time each phase.

    python -m benchmarks.run [--sizes 200,1000,3000] [--out benchmarks/results.json] [--profile]

Each size is written by `benchmarks.make_archive` into a temporary folder and
built by a child process (`factcheck build`'s own code path, `generator.build.build`),
so every size starts cold and its peak memory is its own. The child wraps
`load_archive` and `generate_site` to split the build into phases:

    load     read and check content/ (generator.pipeline.load_archive)
    generate write the Markdown tree (generator.site.generate_site)
    mkdocs   `mkdocs build --strict` and the swaps into build/docs/ and site/ (the rest)

Time per article should stay flat as the archive grows; a ratio above 2
between the largest and the smallest size is flagged as super-linear.
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
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from benchmarks.make_archive import make_archive

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_SIZES = (200, 1000, 3000)
PHASES = ("load", "generate", "mkdocs", "total")
SUPERLINEAR = 2.0
WATCH_EXPONENT = 1.2  # Timing noise on a quiet 2-core machine stayed below this in repeated runs.
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
def run_size(articles: int, verdicts: int, seed: int, keep: Path | None, profile_to: Path | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        root = (keep / f"archive-{articles}") if keep else Path(tmp) / "project"
        made_at = time.perf_counter()
        summary = make_archive(root, articles, verdicts, seed)
        made_in = time.perf_counter() - made_at
        command = [sys.executable, "-m", "benchmarks.run", "--child", str(root)]
        if profile_to:
            command += ["--profile-to", str(profile_to)]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT), os.environ.get("PYTHONPATH")]))}
        done = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True, check=False)
        lines = done.stdout.strip().splitlines()
        if done.returncode != 0 or not lines:
            result: dict[str, Any] = {"ok": False, "first_errors": [done.stderr.strip()[-2000:]]}
        else:
            result = json.loads(lines[-1])
    result.update(articles=articles, verdicts=verdicts, files=summary.files, make_archive_s=made_in,
                  formats=dict(sorted(summary.formats.items())))
    return result


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


def print_report(results: list[dict[str, Any]], ratios: dict[str, dict[str, float]]) -> None:
    table = Table(title="factcheck scale benchmark (wall-clock seconds)")
    columns = ("articles", "verdicts", "md pages", "html pages", "nav", *PHASES, "cpu", "ms/article", "peak RSS MB")
    for column in (*columns, "errors"):
        table.add_column(column, justify="right")
    for r in results:
        if not r.get("ok"):
            table.add_row(str(r["articles"]), str(r["verdicts"]), *["–"] * (len(columns) - 2), "[red]failed[/red]")
            continue
        table.add_row(str(r["articles"]), str(r["verdicts"]), str(r["markdown_pages"]), str(r["html_pages"]),
                      str(r["nav_entries"]), *(f"{r[p]:.2f}" for p in (*PHASES, "cpu")),
                      f"{1000 * r['total'] / r['articles']:.1f}", f"{r['peak_rss_mb']:.0f}", str(r["errors"]))
    console.print(table)
    for r in results:
        for line in r.get("first_errors") or []:
            console.print(f"[red]{r['articles']}:[/red] {escape(line)}", highlight=False)
    for phase, g in ratios.items():
        flag = "[green]ok[/green]"
        if g["per_article_ratio"] > SUPERLINEAR:
            flag = "[red]SUPER-LINEAR[/red]"
        elif g["tail_exponent"] > WATCH_EXPONENT:
            flag = "[yellow]watch: faster than linear at the top[/yellow]"
        console.print(f"{phase:>8}: time per article x{g['per_article_ratio']:.2f} from the smallest to the largest "
                      f"size; growth exponent {g['exponent']:.2f}, between the two largest {g['tail_exponent']:.2f} "
                      f"(1 = linear, 2 = quadratic)  {flag}")


def print_profile(path: Path, top: int = 25) -> None:
    stats = pstats.Stats(str(path), stream=io.StringIO())
    by_module: dict[str, float] = {}
    for (file, _line, _func), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="article counts, comma-separated")
    parser.add_argument("--verdict-ratio", type=float, default=0.5, help="verdicts per article (default 0.5)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=PROJECT / "benchmarks" / "results.json")
    parser.add_argument("--keep", type=Path, help="keep each generated project under this folder")
    parser.add_argument("--profile", action="store_true", help="cProfile the largest size and print hotspots")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-to", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child.resolve(), args.profile_to)))
        return 0
    args.out = args.out.resolve()  # The children run in the project root.
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())
    results = []
    for size in sizes:
        console.print(f"building {size} articles…", highlight=False)
        results.append(run_size(size, int(size * args.verdict_ratio), args.seed, args.keep, None))
    ratios = growth(results)
    print_report(results, ratios)
    report = {"date": dt.date.today().isoformat(), "machine": _machine(), "seed": args.seed,
              "results": results, "growth": ratios}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    console.print(f"results written to {args.out}", highlight=False)
    if args.profile and sizes:
        # A separate run: the profiler's overhead must not distort the timings above.
        profile_to = Path(tempfile.gettempdir()) / f"factcheck-bench-{sizes[-1]}.pstats"
        console.print(f"profiling {sizes[-1]} articles…", highlight=False)
        run_size(sizes[-1], int(sizes[-1] * args.verdict_ratio), args.seed, None, profile_to)
        print_profile(profile_to)
    return 0 if all(r.get("ok") for r in results) else 1


def _machine() -> dict[str, Any]:
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()}


if __name__ == "__main__":
    sys.exit(main())
