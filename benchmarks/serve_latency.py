"""Seconds from saving a verdict's summary to the new text being served by `factcheck serve`.

Starts `factcheck --root ROOT serve` on a free localhost port, waits until it serves the
verdict's page, writes a new summary into the verdict's file and polls the page until the
new text appears. Both waits are bounded; past them the result is "n/a" with the reason,
never an exception. The verdict file is restored and the server (its process group) ended.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO

POLL_SECONDS = 0.1
SUMMARY_LINE = re.compile(r"^summary:.*$", re.MULTILINE)


@dataclass(frozen=True)
class ServeLatency:
    seconds: float | None  # None: not measured (see note)
    note: str = ""
    url: str = ""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def verdict_page(site: Path, verdict_id: str) -> str | None:
    """The URL path of a verdict's page in a built site (it may sit under a language folder)."""
    pages = sorted(site.glob(f"**/verdicts/{verdict_id}/index.html"), key=lambda p: len(p.parts))
    if not pages:
        return None
    return "/" + pages[0].parent.relative_to(site).as_posix() + "/"


def pick_verdict(root: Path) -> tuple[Path, str] | None:
    """The first verdict file (by name) that has a one-line summary and a page in root/site."""
    for file in sorted((root / "content" / "verdicts").glob("*.y*ml")):
        path = verdict_page(root / "site", file.stem)
        if path and SUMMARY_LINE.search(file.read_text(encoding="utf-8")):
            return file, path
    return None


def with_summary(verdict_yaml: str, summary: str) -> str:
    return SUMMARY_LINE.sub(lambda _: f'summary: "{summary}"', verdict_yaml, count=1)


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, OSError, ValueError):
        return None


def _wait_for(url: str, text: str | None, timeout: float, server: subprocess.Popen[bytes]) -> float | None:
    """Seconds until `url` serves (and contains `text`); None on timeout or when the server exits."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        body = _get(url)
        if body is not None and (text is None or text in body):
            return time.perf_counter() - start
        if server.poll() is not None:
            return None
        time.sleep(POLL_SECONDS)
    return None


def measure_serve_latency(root: Path, start_timeout: float, edit_timeout: float) -> ServeLatency:
    picked = pick_verdict(root)
    if picked is None:
        return ServeLatency(None, "no verdict with a summary line and a built page")
    file, path = picked
    original = file.read_text(encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}{path}"
    command = [sys.executable, "-c", "from generator.cli import main; main()", "--root", str(root),
               "serve", "--dev-addr", f"127.0.0.1:{port}"]
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(command, cwd=root, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            return _edit_and_poll(file, original, url, server, log, start_timeout, edit_timeout)
        finally:
            file.write_text(original, encoding="utf-8")
            _stop(server)


def _edit_and_poll(file: Path, original: str, url: str, server: subprocess.Popen[bytes], log: IO[bytes],
                   start_timeout: float, edit_timeout: float) -> ServeLatency:
    if _wait_for(url, None, start_timeout, server) is None:
        return ServeLatency(None, f"serve did not serve {url} within {start_timeout:g} s{_log_tail(log)}", url)
    time.sleep(1.0)  # MkDocs' watcher settles; an edit in the same second as start-up can be missed
    marker = f"Benchmark edit {secrets.token_hex(6)}"  # letters and digits only: no escaping changes it
    file.write_text(with_summary(original, marker), encoding="utf-8")
    seconds = _wait_for(url, marker, edit_timeout, server)
    if seconds is None:
        state = "the page was still served, without the edit" if _get(url) is not None else "serve stopped answering"
        return ServeLatency(None, f"edit not visible within {edit_timeout:g} s ({state}){_log_tail(log)}", url)
    return ServeLatency(seconds, "", url)


def _log_tail(log: IO[bytes]) -> str:
    try:
        log.seek(0)
        lines = log.read().decode("utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    return f" (serve said: {lines[-1][-300:]})" if lines else ""


def _stop(server: subprocess.Popen[bytes]) -> None:
    """End the server and whatever it started: it leads its own session."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        if server.poll() is not None:
            return
        try:
            os.killpg(server.pid, sig)
            server.wait(timeout=wait)
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue
