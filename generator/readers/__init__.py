"""Article readers: content/articles/* (any of four formats) to `Article` records.

The format is sniffed from each file's content, never its extension (the
seeds are both `.txt`: one wire text, one WordPress JSON). `READERS` is the
explicit registry, tried in order; the last one accepts anything.

An article's id is its file name without the last extension (for a file
holding a list of WordPress posts, `<stem>-<post id>`). Ids become URLs, so
they must be safe slugs and unique ignoring case. Every file yields at least
one article or a problem naming it; nothing is dropped silently.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import Path

from generator.contentfs import name_is_utf8, read_content_bytes
from generator.diagnostics import Diagnostics, Location, did_you_mean, display_path
from generator.limits import (
    MAX_ARTICLE_BYTES,
    MAX_ARTICLE_TEXT_CHARS,
    MAX_ARTICLE_TITLE_CHARS,
    MAX_ID_CHARS,
)
from generator.model import Article, Outlet
from generator.readers.base import Reader, Source
from generator.readers.htmlpage import HtmlPageReader
from generator.readers.hygiene import guess_language
from generator.readers.mdtext import MarkdownReader
from generator.readers.meta import Meta, apply_meta, parse_meta
from generator.readers.outlets import pick_outlet, resolve_outlet
from generator.readers.wire import WireTextReader
from generator.readers.wordpress import WordPressReader
from generator.textio import decode_article
from generator.yamlio import load_yaml_file

__all__ = ["READERS", "Reader", "Source", "read_articles", "read_file", "reader_for"]

READERS: tuple[Reader, ...] = (WordPressReader(), HtmlPageReader(), MarkdownReader(), WireTextReader())
ARTICLE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")


def read_articles(articles_dir: Path, root: Path, outlets: dict[str, Outlet], diags: Diagnostics) -> dict[str, Article]:
    """Every article under `articles_dir`, by id, in file order, with metadata and outlet resolved."""
    if not articles_dir.is_dir():
        diags.warning("no-articles", "articles folder not found", Location(display_path(articles_dir, root)))
        return {}
    files, sidecar_files = _walk(articles_dir)
    # An article's bad name is reported as its id; a sidecar's would only be an orphan warning.
    sidecar_files = [f for f in sidecar_files if name_is_utf8(f, display_path(f, root), diags)]
    _report_hidden(articles_dir, root, diags)
    sidecars = _Sidecars(sidecar_files, root, outlets, diags)
    articles: dict[str, Article] = {}
    first_by_key: dict[str, Article] = {}
    for file in files:
        for article in read_file(file, root, diags, outlets):
            if not _valid_id(article, file, diags) or _is_duplicate(article, first_by_key, diags):
                continue
            first_by_key[article.id.casefold()] = article
            completed = _complete(article, file, sidecars, outlets)
            if _within_limits(completed, diags):  # after the sidecar, which may set the title
                articles[article.id] = completed
    _report_orphans(sidecars, files, articles, diags)
    return articles


def reader_for(text: str) -> Reader:
    return next(reader for reader in READERS if reader.sniff(text))


def read_file(file: Path, root: Path, diags: Diagnostics, outlets: dict[str, Outlet] | None = None) -> list[Article]:
    """The articles one file holds, as its reader made them (no sidecar, outlet unresolved)."""
    path = display_path(file, root)
    source = _load_source(file, path, diags, outlets or {})
    if source is None:
        return []
    reader = reader_for(source.text)
    errors_before = len(diags.errors)
    try:
        articles = reader.read(source, diags)
    except RecursionError:
        diags.error("too-deep", f"file is nested too deeply to read as {reader.name}", source.location)
        return []
    except Exception as exc:  # One odd file must not stop the run or show a traceback; report it instead.
        # The exception's own text can hold any bytes of the file; its type is enough for a bug report.
        diags.error("reader-failed", f"the {reader.name} reader failed on this file ({type(exc).__name__}); "
                    "please report this as a bug, with the file", source.location)
        return []
    if not articles and len(diags.errors) == errors_before:
        diags.error("no-article", f"read as {reader.name}, but it holds no article text", source.location)
    for article in articles:
        if not article.blocks:
            diags.warning("empty-body", f"article `{article.id}` has a title but no body text", article.location)
    return articles


def _load_source(file: Path, path: str, diags: Diagnostics, outlets: dict[str, Outlet]) -> Source | None:
    where = Location(path, 1, 1)
    data = read_content_bytes(file, path, diags)
    if data is None:
        return None
    if len(data) > MAX_ARTICLE_BYTES:
        diags.error("too-large", f"file is larger than {MAX_ARTICLE_BYTES // 1_000_000} MB", where)
        return None
    if not data.strip():
        diags.error("empty-article", "file is empty", where)
        return None
    decoded = decode_article(data, path, diags)
    if decoded is None:
        return None
    if not decoded.text.strip():
        diags.error("empty-article", "file holds nothing but whitespace", where)
        return None
    sha256 = hashlib.sha256(data).hexdigest()
    return Source(file=file, path=path, stem=file.stem, text=decoded.text, sha256=sha256, outlets=outlets)


# Files that tools leave in folders; anything else hidden may be an article saved by mistake.
_TOOL_FILES = {".gitkeep", ".gitignore", ".gitattributes", ".DS_Store"}


def _report_hidden(articles_dir: Path, root: Path, diags: Diagnostics) -> None:
    """Hidden files are not read, but never silently: the contributor may have meant an article."""
    for file in sorted(articles_dir.rglob(".*")):
        if file.is_file() and file.name not in _TOOL_FILES:
            diags.warning("hidden-file", f"'{file.name}' is hidden (its name starts with a dot) and is not read; "
                          "rename it if it is an article", Location(display_path(file, root), 1, 1))


def _walk(articles_dir: Path) -> tuple[list[Path], list[Path]]:
    """(article files, sidecar files), sorted; hidden files and folders, READMEs and `~` backups are skipped."""
    articles: list[Path] = []
    sidecars: list[Path] = []
    for file in sorted(articles_dir.rglob("*")):
        relative = file.relative_to(articles_dir)
        if any(part.startswith(".") for part in relative.parts) or not file.is_file():
            continue
        if file.name.lower().endswith(SIDECAR_SUFFIXES):
            sidecars.append(file)
        elif not file.name.upper().startswith("README") and not file.name.endswith("~"):  # editor backups
            articles.append(file)
    return articles, sidecars


def _valid_id(article: Article, file: Path, diags: Diagnostics) -> bool:
    origin = "file name" if article.id == file.stem else "file name and post id"
    if len(article.id) > MAX_ID_CHARS:
        diags.error("bad-article-id", f"article id `{article.id[:40]}…` (from the {origin}) is {len(article.id):,} "
                    f"characters long; ids become file names and URLs, so the limit is {MAX_ID_CHARS}",
                    article.location)
        return False
    if ARTICLE_ID.fullmatch(article.id):
        return True
    diags.error("bad-article-id", f"article id `{article.id}` (from the {origin}) cannot be used in URLs: use "
                "only letters, digits, `-` and `_`, starting with a letter or digit, and rename the file",
                article.location)
    return False


def _within_limits(article: Article, diags: Diagnostics) -> bool:
    """Refuse text no real article has, so rendering it never costs more than a real one."""
    for what, size, limit in (("text", len(article.text), MAX_ARTICLE_TEXT_CHARS),
                              ("title", len(article.title), MAX_ARTICLE_TITLE_CHARS),
                              ("author", len(article.author or ""), MAX_ARTICLE_TITLE_CHARS)):
        if size > limit:
            diags.error("too-large", f"article `{article.id[:40]}` has {size:,} characters of {what}; the limit is "
                        f"{limit:,}", article.location)
            return False
    return True


def _is_duplicate(article: Article, first_by_key: dict[str, Article], diags: Diagnostics) -> bool:
    first = first_by_key.get(article.id.casefold())
    if first is None:
        return False
    rule = "article ids must be unique, ignoring case, because they become URLs"
    diags.error("duplicate-id", f"article id `{first.id}` is also used by {article.location}; {rule}",
                first.location)
    diags.error("duplicate-id", f"article id `{article.id}` is also used by {first.location}; {rule}; "
                "this one is ignored", article.location)
    return True


@dataclasses.dataclass
class _Sidecars:
    """Sidecar files by the id they describe; each is parsed (and reported on) once."""

    files: list[Path]
    root: Path
    outlets: dict[str, Outlet]
    diags: Diagnostics
    parsed: dict[Path, tuple[Meta, Outlet | None]] = dataclasses.field(default_factory=dict)
    # (folder, stem) -> file, first in sorted order: a scan of every sidecar per article
    # made reading quadratic (the benchmark: 20k articles took minutes in this lookup).
    by_stem: dict[tuple[Path, str], Path] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        for file in reversed(self.files):
            self.by_stem[(file.parent, self.stem(file))] = file

    def stem(self, file: Path) -> str:
        return file.name[: file.name.lower().rindex(".meta.")]

    def find(self, folder: Path, article_id: str) -> Path | None:
        return self.by_stem.get((folder, article_id))

    def load(self, file: Path) -> tuple[Meta, Outlet | None]:
        if file not in self.parsed:
            path = display_path(file, self.root)
            meta = parse_meta(load_yaml_file(file, path, self.diags), path, self.diags)
            outlet_id = meta.values.get("outlet")
            outlet = pick_outlet(outlet_id, meta.locations["outlet"], self.outlets, self.diags) if outlet_id else None
            self.parsed[file] = (meta, outlet)
        return self.parsed[file]


def _complete(article: Article, file: Path, sidecars: _Sidecars, outlets: dict[str, Outlet]) -> Article:
    """Sidecar overrides (file-wide `<stem>.meta.yaml`, then per post `<id>.meta.yaml`), outlet, language."""
    chosen: Outlet | None = None
    for article_id in dict.fromkeys((file.stem, article.id)):
        sidecar = sidecars.find(file.parent, article_id)
        if sidecar is not None:
            meta, outlet = sidecars.load(sidecar)
            article = apply_meta(article, meta)
            chosen = outlet or chosen
    article = resolve_outlet(article, chosen, outlets)
    if article.language is None:
        article = dataclasses.replace(article, language=guess_language(article.title + "\n" + article.text))
    return article


def _report_orphans(sidecars: _Sidecars, files: list[Path], articles: dict[str, Article], diags: Diagnostics) -> None:
    known = {(f.parent, f.stem) for f in files}
    ids = {a.id for a in articles.values()} | {f.stem for f in files}
    for sidecar in sidecars.files:
        stem = sidecars.stem(sidecar)
        if (sidecar.parent, stem) in known or _describes_post(sidecar, stem, known, articles):
            continue
        diags.warning("orphan-sidecar", f"sidecar for `{stem}`, but there is no such article{did_you_mean(stem, ids)}",
                      Location(display_path(sidecar, sidecars.root), 1, 1))


def _describes_post(sidecar: Path, stem: str, known: set[tuple[Path, str]], articles: dict[str, Article]) -> bool:
    """A per-post sidecar (`<file stem>-<post id>`) next to the file holding that post.

    Looks up each `-`-prefix of the stem instead of scanning every file, which made this
    check quadratic (sidecars × files) on a 20k-article archive."""
    prefixes = (stem[:i] for i, ch in enumerate(stem) if ch == "-")
    return stem in articles and any((sidecar.parent, prefix) in known for prefix in prefixes)
