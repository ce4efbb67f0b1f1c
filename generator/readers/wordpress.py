"""WordPress REST API JSON: one post (`/wp-json/wp/v2/posts/<id>`) or a list of them.

`title`, `content` and `excerpt` are rendered HTML and go through the shared
HTML cleaning. Headless sites may omit `content`; the excerpt stands in with
a warning, since a verdict citing the article may quote words the excerpt
cut off.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from generator.diagnostics import Diagnostics, Location
from generator.limits import MAX_NUMBER_DIGITS
from generator.model import Article, Block
from generator.readers.base import Source
from generator.readers.htmlblocks import html_to_blocks, html_to_text
from generator.readers.hygiene import http_url, title_from_blocks
from generator.readers.meta import DateOutOfRange, is_language_code, parse_when

_JSON_START = re.compile(r"^\s*(\{|\[\s*[{\]])")
_POST_KEYS = ("title", "content", "excerpt")


class WordPressReader:
    name = "wordpress-json"

    def sniff(self, text: str) -> bool:
        # Any JSON object or list of objects is taken as meant for this reader, so a broken
        # one is reported as broken JSON instead of being read as a page of plain text.
        return bool(_JSON_START.match(text))

    def read(self, source: Source, diags: Diagnostics) -> list[Article]:
        try:
            data = json.loads(source.text, parse_int=_parse_int)
        except json.JSONDecodeError as exc:
            diags.error("bad-json", f"file looks like JSON but is not valid JSON: {exc.msg}",
                        source.at_line(exc.lineno, exc.colno))
            return []
        if _replace_lone_surrogates(data):
            escape = _LONE_SURROGATE.search(source.text)
            where = source.location if escape is None else _offset_location(source, escape.start())
            diags.warning("lone-surrogate", "the JSON holds a `\\ud800`-style escape that is half of a character "
                          "(a text cut in the middle of an emoji, usually); it is archived as U+FFFD", where)
        posts = _posts(data, source, diags)
        articles = []
        for article_id, post, where, label in posts:
            article = _post_article(source, article_id, post, _Context(where, label, self.name), diags)
            if article is not None:
                articles.append(article)
        return articles


@dataclass(frozen=True)
class _Context:
    """Where a post starts and how messages name it ("post 457" in a list)."""

    where: Location
    label: str
    format: str

    def say(self, message: str) -> str:
        return f"{self.label}: {message}" if self.label else message


def _posts(data: Any, source: Source, diags: Diagnostics) -> list[tuple[str, dict[str, Any], Location, str]]:
    """(article id, post, where it starts, label for messages) for each post in the file."""
    if isinstance(data, dict):
        if _is_post(data, source.location, "", diags):
            return [(source.stem, data, source.location, "")]
        return []
    if not isinstance(data, list):
        diags.error("not-a-post", "JSON is neither a WordPress post nor a list of posts", source.location)
        return []
    found = []
    search_from = 0
    for index, item in enumerate(data):
        label = f"item {index + 1}"
        post_id = item.get("id") if isinstance(item, dict) else None
        where, search_from = _find_post(source, post_id, search_from)
        if not _is_post(item, where, label, diags):
            continue
        if not isinstance(post_id, (int, str)) or isinstance(post_id, bool) or str(post_id).strip() == "":
            diags.error("missing-post-id", f"{label}: post in a list has no `id`, so it cannot get a stable "
                        "article id", where)
            continue
        found.append((f"{source.stem}-{post_id}", item, where, f"post {post_id}"))
    return found


def _is_post(item: Any, where: Location, label: str, diags: Diagnostics) -> bool:
    prefix = f"{label}: " if label else ""
    if not isinstance(item, dict):
        diags.error("not-a-post", f"{prefix}expected a WordPress post (a JSON object)", where)
        return False
    if not any(key in item for key in _POST_KEYS):
        detail = f" (WordPress error: {item['message']})" if isinstance(item.get("message"), str) else ""
        diags.error("not-a-post", f"{prefix}JSON object has no title, content or excerpt: not a WordPress "
                    f"post{detail}", where)
        return False
    return True


def _parse_int(digits: str) -> int | str:
    """A JSON number as an int; kept as its digits when longer than any real id (Python refuses
    to convert more than 4,300 digits at all), so the id check reports it."""
    return int(digits) if len(digits.lstrip("-")) <= MAX_NUMBER_DIGITS else digits


# A high-surrogate escape without a low one after it, or a low one without a high one before it.
_LONE_SURROGATE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
                             r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_lone_surrogates(data: Any) -> bool:
    """Replace, in place, lone surrogates (from `\\ud800` escapes) in every string of decoded JSON.

    Python's JSON decoder keeps them, and no text holding one can be written as UTF-8.
    Iterative, so a deeply nested file costs no recursion. True if any was replaced.
    """
    found = False
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        items: list[tuple[Any, Any]] = list(enumerate(node)) if isinstance(node, list) else []
        if isinstance(node, dict):
            for key in [k for k in node if _SURROGATE.search(k)]:
                node[_SURROGATE.sub("\ufffd", key)] = node.pop(key)
                found = True
            items = list(node.items())
        for key, value in items:
            if isinstance(value, str) and _SURROGATE.search(value):
                node[key] = _SURROGATE.sub("\ufffd", value)
                found = True
            elif isinstance(value, dict | list):
                stack.append(value)
    return found


def _offset_location(source: Source, offset: int) -> Location:
    line = source.text.count("\n", 0, offset) + 1
    return source.at_line(line, offset - source.text.rfind("\n", 0, offset))


def _find_post(source: Source, post_id: Any, start: int) -> tuple[Location, int]:
    """Where a post of a list starts, found by its `"id"` (WordPress writes it first)."""
    if post_id is None or isinstance(post_id, (dict, list)):
        return source.location, start
    match = re.compile(r'"id"\s*:\s*' + re.escape(json.dumps(post_id))).search(source.text, start)
    if match is None:
        return source.location, start
    line = source.text.count("\n", 0, match.start()) + 1
    col = match.start() - source.text.rfind("\n", 0, match.start())
    return source.at_line(line, col), match.end()


def _post_article(source: Source, article_id: str, post: dict[str, Any], ctx: _Context,
                  diags: Diagnostics) -> Article | None:
    blocks = _body(post, ctx, diags)
    if blocks is None:
        return None
    title = html_to_text(_rendered(post.get("title")))
    if not title:
        slug = post.get("slug") if isinstance(post.get("slug"), str) else ""
        title = title_from_blocks(blocks) or slug or article_id
        diags.warning("empty-title", ctx.say(f"post has an empty title; using {title!r}"), ctx.where)
    language = post.get("lang")
    return Article(
        id=article_id,
        location=ctx.where,
        format=ctx.format,
        title=title,
        blocks=blocks,
        sha256=source.sha256,
        url=http_url(post.get("link")) if isinstance(post.get("link"), str) else None,
        published=_when(post, "date", ctx, diags),
        modified=_when(post, "modified", ctx, diags),
        language=language if isinstance(language, str) and is_language_code(language) else None,
        author=_author(post),
        categories=_terms(post),
    )


def _rendered(field: Any) -> str:
    if isinstance(field, dict):
        field = field.get("rendered", field.get("raw"))
    return field if isinstance(field, str) else ""


def _body(post: dict[str, Any], ctx: _Context, diags: Diagnostics) -> tuple[Block, ...] | None:
    content = html_to_blocks(_rendered(post.get("content")))
    if content:
        return content
    excerpt = html_to_blocks(_rendered(post.get("excerpt")))
    why = "no `content` field" if "content" not in post else "no text in its content"
    if excerpt:
        diags.warning("no-content", ctx.say(f"post has {why}; using its excerpt, which may be cut short"),
                      ctx.where)
        return excerpt
    diags.error("no-body", ctx.say(f"post has {why} and no excerpt text: nothing to archive"), ctx.where)
    return None


def _when(post: dict[str, Any], key: str, ctx: _Context, diags: Diagnostics) -> dt.datetime | dt.date | None:
    """`<key>_gmt` as UTC when present, else the site-local `<key>`."""
    for field, utc in ((f"{key}_gmt", True), (key, False)):
        value = post.get(field)
        if not isinstance(value, str) or not value.strip() or value.startswith("0000"):
            continue
        try:
            when = parse_when(value)
        except ValueError as exc:
            why = str(exc) if isinstance(exc, DateOutOfRange) else f"is not a date: {value[:40]!r}"
            diags.warning("bad-date", ctx.say(f"`{field}` {why}; it is left out"), ctx.where)
            continue
        if utc and isinstance(when, dt.datetime) and when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        return when
    return None


def _author(post: dict[str, Any]) -> str | None:
    embedded = post.get("_embedded")
    authors = embedded.get("author") if isinstance(embedded, dict) else None
    candidates: list[Any] = []
    if isinstance(authors, list) and authors and isinstance(authors[0], dict):
        candidates.append(authors[0].get("name"))
    candidates.append(post.get("author_name"))
    meta = post.get("author_meta")
    if isinstance(meta, dict):
        candidates.append(meta.get("display_name"))
    for candidate in candidates:
        if isinstance(candidate, str) and html_to_text(candidate):
            return html_to_text(candidate)
    return None


def _terms(post: dict[str, Any]) -> tuple[str, ...]:
    """Category and tag names from `_embedded["wp:term"]` (a list per taxonomy)."""
    embedded = post.get("_embedded")
    groups = embedded.get("wp:term") if isinstance(embedded, dict) else None
    names: list[str] = []
    for group in groups if isinstance(groups, list) else []:
        for term in group if isinstance(group, list) else []:
            name = term.get("name") if isinstance(term, dict) else None
            text = html_to_text(name) if isinstance(name, str) else ""
            if text and text not in names:
                names.append(text)
    return tuple(names)
