"""Generate the Markdown tree and build the site, replacing `site/` only on success.

Both outputs are built in fresh sibling folders and swapped in with renames at
the very end, so a failed check, generation or strict MkDocs build leaves the
previous `build/docs/` and `site/` exactly as they were, and a deleted article
or verdict can never leave a stale page behind.
"""

from __future__ import annotations

import datetime as dt
import glob
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from generator.diagnostics import Diagnostics, Location
from generator.languages import DOCS_DIR, docs_dir, localise
from generator.model import Archive
from generator.pipeline import load_archive
from generator.site.pagetype import SiteInfo

SITE_DIR = Path("site")


def generate(root: Path, diags: Diagnostics, strict: bool = False) -> Archive | None:
    """Check content/ and write the Markdown trees (build/docs/, build/docs-<lang>/); None on errors."""
    site = _site(root)
    with ExitStack() as stack:
        docs = {lang: stack.enter_context(_staged(root / docs_dir(lang, site))) for lang in site.languages}
        archive = _generate_into(root, docs, site, diags, strict)
        if archive is not None:
            for lang, fresh in docs.items():
                _swap_in(fresh, root / docs_dir(lang, site))
    return archive


def build(root: Path, diags: Diagnostics, strict: bool = False) -> bool:
    """check → generate → `mkdocs build --strict` per language → replace the docs trees and site/.

    Every tree is swapped in only after every MkDocs build succeeded, so a failure at any
    step leaves the previous Markdown and site exactly as they were. The source language
    is built at the site root, each other language into `site/<lang>/`.
    """
    site = _site(root)
    with ExitStack() as stack:
        docs = {lang: stack.enter_context(_staged(root / docs_dir(lang, site))) for lang in site.languages}
        sites = {lang: stack.enter_context(_staged(root / _site_dir(lang, site))) for lang in site.languages}
        archive = _generate_into(root, docs, site, diags, strict)
        if archive is None:
            return False
        with _source_date_epoch(archive):
            for lang in site.languages:
                if not _mkdocs_build(root, docs[lang], sites[lang], archive, diags, lang):
                    return False
        source = site.languages[0]
        for lang in site.languages[1:]:
            sites[lang].rename(sites[source] / lang)
        for lang, fresh in docs.items():
            _swap_in(fresh, root / docs_dir(lang, site))
        _swap_in(sites[source], root / SITE_DIR)
    return True


def _site_dir(language: str, site: SiteInfo) -> Path:
    """Where a language's MkDocs build is staged: beside site/, moved into site/<lang>/ when done."""
    return SITE_DIR if language == site.languages[0] else SITE_DIR.with_name(f"site-{language}")


def _site(root: Path) -> SiteInfo:
    from generator.siteconfig import site_info  # Imported late: checking alone never needs the site layer.

    return site_info(root)


def _generate_into(
    root: Path, docs: dict[str, Path], site: SiteInfo, diags: Diagnostics, strict: bool
) -> Archive | None:
    archive = load_archive(root, diags)
    if diags.has_errors(strict):
        return None
    from generator.site import generate_site  # Imported late: checking alone never needs the site layer.

    source = site.languages[0]
    generate_site(archive, docs[source], diags, site, others={lang: docs[lang] for lang in site.languages[1:]})
    return None if diags.has_errors(strict) else archive


@contextmanager
def _staged(target: Path) -> Iterator[Path]:
    """A fresh sibling folder of `target` to build into; removed unless it was swapped in.

    Its name carries the builder's process id, so a later build can tell the folders of a
    build that was killed (SIGKILL runs no `finally`) from those of one still running."""
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-{os.getpid()}-", dir=target.parent))
    try:
        yield fresh
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


_STAGED_NAME = re.compile(r"\.(?P<target>.+)-new-(?:(?P<pid>\d+)-)?[^/]*")


def remove_stale(target: Path) -> list[Path]:
    """Remove the staging folders that interrupted builds left beside `target`; the ones removed."""
    removed = []
    for leftover in sorted(target.parent.glob(f".{glob.escape(target.name)}-new-*")):
        match = _STAGED_NAME.fullmatch(leftover.name)
        if match is None or leftover.is_symlink() or not leftover.is_dir():
            continue
        pid = int(match["pid"]) if match["pid"] else None
        if pid is not None and pid != os.getpid() and _running(pid):
            continue  # another build (make serve, say) is still using it
        shutil.rmtree(leftover, ignore_errors=True)
        removed.append(leftover)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # it exists (another user's), or cannot be asked about: leave its folder alone
    return True


def _swap_in(fresh: Path, target: Path) -> None:
    """Replace `target` by `fresh` with two renames; the old tree is removed last."""
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def _source_date_epoch(archive: Archive) -> Iterator[None]:
    """Pin MkDocs' sitemap and gzip dates to the content, not the clock, unless the caller set one."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(content_epoch(archive))
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def content_epoch(archive: Archive) -> int:
    """The latest date written in the content: verdicts' published and updated dates."""
    dates = [dt.date(2000, 1, 1)]
    for verdict in archive.verdicts.values():
        dates.append(verdict.published)
        dates.extend(c.date for c in verdict.updated)
    latest = max(dates)
    return int(dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.UTC).timestamp())


_DOC_FILE = re.compile(r"Doc file '([^']+)'")


def source_of(doc_path: str, archive: Archive) -> Location:
    """The content file a generated page comes from, so MkDocs' warnings point at what to fix."""
    folder, _, name = doc_path.rpartition("/")
    stem = name.removesuffix(".md")
    if folder == "verdicts" and stem in archive.verdicts:
        return archive.verdicts[stem].location
    if folder == "articles" and stem in archive.articles:
        return archive.articles[stem].location
    if not folder and stem in archive.pages:
        return Location(f"content/pages/{stem}.md", 1, 1)
    return Location(f"{DOCS_DIR.as_posix()}/{doc_path}", 1, 1)


class _DiagnosticsHandler(logging.Handler):
    """Turns MkDocs' warnings into diagnostics located at the content they come from."""

    def __init__(self, diags: Diagnostics, archive: Archive) -> None:
        super().__init__(logging.WARNING)
        self.diags, self.archive = diags, archive

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        match = _DOC_FILE.search(message)
        where = source_of(match.group(1), self.archive) if match else Location("mkdocs.yml", 1, 1)
        self.diags.error("mkdocs", f"MkDocs: {message}", where)


def _mkdocs_build(
    root: Path, docs: Path, site_dir: Path, archive: Archive, diags: Diagnostics, language: str
) -> bool:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    handler = _DiagnosticsHandler(diags, archive)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    before = len(diags.errors)
    try:
        config = load_config(str(root / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site_dir), strict=True)
        localise(config, language, _site(root))
        mkdocs_build(config)
    except MkDocsException as exc:
        if len(diags.errors) == before:
            diags.error("mkdocs", f"MkDocs build failed: {exc}", Location("mkdocs.yml", 1, 1))
    except (OSError, ValueError) as exc:
        diags.error("mkdocs", f"MkDocs build failed: {exc}", Location("mkdocs.yml", 1, 1))
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
    return len(diags.errors) == before
