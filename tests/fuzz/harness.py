"""Running one file through a reader or loader and checking the one promise.

The promise (SPEC §9): every file either yields what it holds or an error
diagnostic naming it; never an uncaught exception, never a file silently
dropped. Each helper works in its own temporary project root.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostics, Location
from generator.model import Article, Outlet, Verdict

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
OUTLETS = {
    "news-example": Outlet(
        "news-example", "News Example", Location("content/outlets.yaml", 1, 1), domains=("news.example",)
    )
}


@contextmanager
def project_root() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        root = Path(tmp)
        (root / "content" / "articles").mkdir(parents=True)
        (root / "content" / "verdicts").mkdir(parents=True)
        yield root


def errors_naming(diags: Diagnostics, path: str) -> list[str]:
    return [d.format() for d in diags.errors if d.location.path == path]


@dataclass(frozen=True)
class ArticleRun:
    path: str
    articles: dict[str, Article]
    diags: Diagnostics


def read_article_bytes(data: bytes, name: str = "sample.txt", sidecar: bytes | None = None) -> ArticleRun:
    """`read_articles` on a folder holding one file (and optionally its sidecar)."""
    from generator.readers import read_articles

    with project_root() as root:
        folder = root / "content" / "articles"
        (folder / name).write_bytes(data)
        if sidecar is not None:
            (folder / (name.rsplit(".", 1)[0] + ".meta.yaml")).write_bytes(sidecar)
        diags = Diagnostics()
        articles = read_articles(folder, root, OUTLETS, diags)
        return ArticleRun(f"content/articles/{name}", articles, diags)


def assert_article_or_error(run: ArticleRun, stem: str) -> None:
    """At least one article from the file, or an error at the file; articles are well-formed."""
    mine = {i: a for i, a in run.articles.items() if i == stem or i.startswith(stem + "-")}
    crashed = [d.format() for d in run.diags.errors if d.code == "reader-failed"]
    # The guard turns a reader's crash into an error for users; for the fuzzer it is a bug found.
    assert not crashed, f"{run.path}: a reader crashed (the guard caught it): {crashed}"
    assert mine or errors_naming(run.diags, run.path), (
        f"{run.path} was dropped silently: no article and no error naming it; "
        f"diagnostics: {[d.format() for d in run.diags]}"
    )
    for article in mine.values():
        assert isinstance(article.title, str) and article.title.strip(), f"empty title in {article.id}"
        texts = [article.title, *(run.text for block in article.blocks for run in block.runs)]
        for text in texts:
            assert not CONTROL.search(text), f"control character kept in {article.id}: {text[:80]!r}"
        assert article.location.path == run.path


def extract_all_quotes(run: ArticleRun) -> None:
    """The next pipeline step on whatever came out: quote extraction must not crash either."""
    from generator import quotes
    from generator.speakers import PeopleIndex

    people = PeopleIndex({})
    for article in run.articles.values():
        diags = Diagnostics()
        found = quotes.extract_quotes(article, people, diags)
        for quote in found:
            # block -1 is the title (a quote in a headline); any other index is a body block
            block = article.title if quote.block == -1 else article.blocks[quote.block].text
            assert 0 <= quote.start <= quote.end <= len(block)


@dataclass(frozen=True)
class VerdictRun:
    path: str
    verdicts: dict[str, Verdict]
    diags: Diagnostics


def load_verdict_bytes(data: bytes, name: str = "sample-verdict.yaml") -> VerdictRun:
    from generator.verdicts import load_verdicts

    with project_root() as root:
        folder = root / "content" / "verdicts"
        (folder / name).write_bytes(data)
        diags = Diagnostics()
        verdicts = load_verdicts(folder, root, diags)
        return VerdictRun(f"content/verdicts/{name}", verdicts, diags)


def assert_verdict_or_error(run: VerdictRun, vid: str) -> None:
    assert vid in run.verdicts or errors_naming(run.diags, run.path), (
        f"{run.path} was dropped silently; diagnostics: {[d.format() for d in run.diags]}"
    )


def registry_loaders() -> dict[str, Callable[[Path, Path, Diagnostics], Any]]:
    from generator import registry

    return {"people": registry.load_people, "outlets": registry.load_outlets, "ratings": registry.load_ratings}


def load_registry_bytes(kind: str, data: bytes) -> tuple[Any, Diagnostics, str]:
    with project_root() as root:
        file = root / "content" / f"{kind}.yaml"
        file.write_bytes(data)
        diags = Diagnostics()
        result = registry_loaders()[kind](file, root, diags)
        return result, diags, f"content/{kind}.yaml"


def registry_size(result: Any) -> int:
    ratings = getattr(result, "ratings", None)
    return len(ratings) if ratings is not None else len(result)
