"""The benchmark's outputs: the comparison table, the phase table with growth ratios, the chart.

Pure functions of the results `run.py` collects (one dict per archive size), so each can be
tested on made-up numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

PHASES = ("load", "generate", "mkdocs", "total")
SUPERLINEAR = 2.0
WATCH_EXPONENT = 1.2  # Timing noise on a quiet 2-core machine stayed below this in repeated runs.
OURS = "factcheck build"
PEER_LABELS = {"mkdocs": "MkDocs, default nav", "hugo": "Hugo, trivial layout", "zensical": "Zensical"}
COMPARISON_COLUMNS = ("articles", "build", "full build s", "CPU s", "no-change rebuild s", "peak RSS MB", "HTML pages",
                      "first-query search KB", "verdict edit visible s")
NONE = "–"  # not applicable, or not asked for


def _seconds(value: Any) -> str:
    return f"{value:.1f}" if isinstance(value, (int, float)) else NONE


def _search(search: dict[str, Any] | None) -> str:
    if not search:
        return NONE
    return f"{search['bytes'] / 1000:,.0f} ({search['engine']})"


def _serve(serve: dict[str, Any] | None) -> str:
    if serve is None:
        return NONE  # skipped
    return _seconds(serve["seconds"]) if serve.get("seconds") is not None else "n/a"


def comparison_rows(result: dict[str, Any]) -> list[list[str]]:
    """One row for our build and one per peer that ran, for one archive size."""
    size = f"{result['articles']:,}"
    if result.get("ok"):
        rebuild = result.get("rebuild") or {}
        ours = [size, OURS, _seconds(result.get("seconds", result["total"])), _seconds(result.get("cpu_seconds")),
                _seconds(rebuild.get("seconds")) if rebuild.get("ok") else ("failed" if rebuild else NONE),
                f"{result['peak_rss_mb']:,.0f}", f"{result['html_pages']:,}", _search(result.get("search")),
                _serve(result.get("serve"))]
    else:
        ours = [size, OURS, "failed", *[NONE] * (len(COMPARISON_COLUMNS) - 3)]
    rows = [ours]
    for peer, run in (result.get("peers") or {}).items():
        label = PEER_LABELS.get(peer, peer)
        if not run.get("ok"):
            rows.append([size, label, "failed", *[NONE] * (len(COMPARISON_COLUMNS) - 3)])
            continue
        rows.append([size, label, _seconds(run["seconds"]), _seconds(run.get("cpu_seconds")), NONE,
                     f"{run['peak_rss_mb']:,.0f}",
                     f"{run['pages']:,}", _search(run.get("search")), NONE])
    return rows


def problems(result: dict[str, Any]) -> list[str]:
    """Why something in this size's row failed or was not measured, one line each."""
    size = f"{result['articles']:,}"
    lines = [f"{size} {OURS}: {e}" for e in result.get("first_errors") or []]
    rebuild = result.get("rebuild") or {}
    lines += [f"{size} rebuild: {e}" for e in rebuild.get("first_errors") or []] if not rebuild.get("ok", True) else []
    serve = result.get("serve")
    if serve and serve.get("seconds") is None:
        lines.append(f"{size} serve: {serve.get('note') or 'not measured'}")
    for peer, run in (result.get("peers") or {}).items():
        if not run.get("ok"):
            lines.append(f"{size} {PEER_LABELS.get(peer, peer)}: {run.get('error', 'failed')}")
    return lines


def print_comparison(console: Console, results: list[dict[str, Any]]) -> None:
    table = Table(title="our build beside its peers on the same generated Markdown (wall-clock seconds)")
    for index, column in enumerate(COMPARISON_COLUMNS):
        table.add_column(column, justify="left" if index == 1 else "right")
    for result in results:
        for row in comparison_rows(result):
            table.add_row(*row)
        table.add_section()
    console.print(table)
    for result in results:
        for line in problems(result):
            console.print(f"[red]{escape(line[:1500])}[/red]", highlight=False)


def print_phases(console: Console, results: list[dict[str, Any]], ratios: dict[str, dict[str, float]]) -> None:
    table = Table(title="factcheck build by phase (wall-clock seconds)")
    columns = ("articles", "verdicts", "md pages", "html pages", "nav", *PHASES, "cpu", "ms/article", "peak RSS MB")
    for column in (*columns, "errors"):
        table.add_column(column, justify="right")
    for r in results:
        if not r.get("ok"):
            table.add_row(str(r["articles"]), str(r["verdicts"]), *[NONE] * (len(columns) - 2), "[red]failed[/red]")
            continue
        table.add_row(str(r["articles"]), str(r["verdicts"]), str(r["markdown_pages"]), str(r["html_pages"]),
                      str(r["nav_entries"]), *(f"{r[p]:.2f}" for p in (*PHASES, "cpu")),
                      f"{1000 * r['total'] / r['articles']:.1f}", f"{r['peak_rss_mb']:.0f}", str(r["errors"]))
    console.print(table)
    for phase, g in ratios.items():
        flag = "[green]ok[/green]"
        if g["per_article_ratio"] > SUPERLINEAR:
            flag = "[red]SUPER-LINEAR[/red]"
        elif g["tail_exponent"] > WATCH_EXPONENT:
            flag = "[yellow]watch: faster than linear at the top[/yellow]"
        console.print(f"{phase:>8}: time per article x{g['per_article_ratio']:.2f} from the smallest to the largest "
                      f"size; growth exponent {g['exponent']:.2f}, between the two largest {g['tail_exponent']:.2f} "
                      f"(1 = linear, 2 = quadratic)  {flag}")


def chart_series(results: list[dict[str, Any]]) -> dict[str, list[tuple[int, float]]]:
    """Build seconds by archive size, per builder; failed builds are left out."""
    series: dict[str, list[tuple[int, float]]] = {}
    for r in results:
        if r.get("ok"):
            series.setdefault(OURS, []).append((r["articles"], r.get("seconds", r["total"])))
        rebuild = r.get("rebuild") or {}
        if rebuild.get("ok"):
            series.setdefault(f"{OURS}, nothing changed", []).append((r["articles"], rebuild["seconds"]))
        for peer, run in (r.get("peers") or {}).items():
            if run.get("ok"):
                series.setdefault(PEER_LABELS.get(peer, peer), []).append((r["articles"], run["seconds"]))
    return {label: sorted(points) for label, points in series.items()}


def write_chart(results: list[dict[str, Any]], path: Path, subtitle: str = "") -> bool:
    """A PNG of build time against archive size; False when there is nothing to draw."""
    series = chart_series(results)
    if not series:
        return False
    import matplotlib

    matplotlib.use("Agg")  # no display: files only
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(8, 5), dpi=100)
    for label, points in series.items():
        style = "--" if "nothing changed" in label else "-"
        axes.plot([n for n, _ in points], [s for _, s in points], style, marker="o", label=label)
    sizes = sorted({n for points in series.values() for n, _ in points})
    if len(sizes) > 1 and sizes[-1] / sizes[0] >= 5:
        axes.set_xscale("log")
        axes.set_yscale("log")
    else:  # a single size, or a narrow range: from zero, so the gaps between builders read true
        axes.set_xlim(0, sizes[-1] * 1.1)
        axes.set_ylim(bottom=0)
    axes.set_xlabel("articles in the archive (verdicts: half as many)")
    axes.set_ylabel("build time, seconds (wall clock)")
    axes.set_title("Build time against archive size" + (f"\n{subtitle}" if subtitle else ""), fontsize=10)
    axes.grid(True, which="both", alpha=0.3)
    axes.legend(fontsize=8)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
    return True
