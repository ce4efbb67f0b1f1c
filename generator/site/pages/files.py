"""Outputs that are not pages: the stylesheet and the RSS and Atom feeds.

Each is a `PageKind.FILE` page type whose `render` returns the file's text (no
template); its key is its path, so `page.link(PageKind.FILE, RSS_PATH)` links
to it. The feeds are built with ElementTree, which escapes every text and
attribute; characters XML 1.0 cannot carry at all are dropped first. Their
dates come from the content (published and correction dates), never from the
clock, so they are byte-identical between builds of the same content.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from email.utils import format_datetime
from pathlib import Path
from typing import Any, ClassVar

from generator.diagnostics import Location
from generator.model import RatingScale, Verdict
from generator.site.contributor import render_plain_text
from generator.site.markdown import one_line
from generator.site.output import PageKind
from generator.site.pagetype import Build, Page, PageType
from generator.site.views import claimant_name, rating_css_class, rating_label

STYLESHEET_PATH = "assets/factcheck.css"
RSS_PATH = "feed.xml"
ATOM_PATH = "atom.xml"
# The layout rules, kept as CSS so CSS tools can read them; the rating colours are appended per build.
BASE_STYLESHEET = Path(__file__).resolve().parents[1] / "templates" / "factcheck.css"
DEFAULT_COLOUR = "#777777"
BAD_RATING_COLOUR = "bad-rating-colour"
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")

FEED_LIMIT = 50
ATOM_NS = "http://www.w3.org/2005/Atom"
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
EPOCH = dt.date(1970, 1, 1)


class FileType(PageType):
    """A family of files at fixed paths, each rendered by Python: `paths` lists them."""

    kind = PageKind.FILE
    template = ""
    order = 20
    family_base = True
    paths: ClassVar[tuple[str, ...]]

    def plan(self, build: Build) -> Iterable[tuple[str, str, Location | None]]:
        for path in self.paths:
            yield path, path, None

    def context(self, page: Page) -> dict[str, Any]:
        return {}


# ---------------------------------------------------------------- stylesheet


def _expand(colour: str) -> str:
    digits = colour[1:]
    return "".join(ch * 2 for ch in digits) if len(digits) == 3 else digits


def text_colour(colour: str) -> str:
    """Black or white, whichever reads better on the colour (WCAG relative luminance; either way ≥ 4.5:1)."""
    digits = _expand(colour)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if luminance > 0.179 else "#ffffff"


def rating_rules(ratings: RatingScale, page: Page) -> str:
    """One rule per rating, setting the colours its badge, meter step and verdict block use."""
    rules = []
    for rating in ratings.ratings:
        colour = rating.colour
        if not _HEX.match(colour):
            message = f"colour {colour!r} of rating '{rating.key}' is not #rgb or #rrggbb; using {DEFAULT_COLOUR}"
            page.build.diags.warning(BAD_RATING_COLOUR, message, rating.location)
            colour = DEFAULT_COLOUR
        rules.append(
            f".{rating_css_class(rating.key)} {{\n"
            f"  --fc-rating-colour: {colour.lower()};\n  --fc-rating-text: {text_colour(colour)};\n}}\n"
        )
    return "".join(rules)


class Stylesheet(FileType):
    """assets/factcheck.css (listed in mkdocs.yml `extra_css`): layout, then the rating colours."""

    paths = (STYLESHEET_PATH,)

    def render(self, page: Page) -> str:
        base = BASE_STYLESHEET.read_text(encoding="utf-8")
        return (
            base
            + "\n/* Rating colours, from content/ratings.yaml */\n"
            + rating_rules(page.build.archive.ratings, page)
        )


# ---------------------------------------------------------------- feeds


def _text(value: str) -> str:
    return _XML_INVALID.sub("", one_line(value))


def last_change(verdict: Verdict) -> dt.date:
    return max([verdict.published, *(c.date for c in verdict.updated)])


def _rfc822(day: dt.date) -> str:
    return format_datetime(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC), usegmt=True)


def _rfc3339(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = _text(text)
    return element


def _serialise(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _entries(page: Page) -> list[tuple[Verdict, str]]:
    """The newest verdicts that have a page, with the page's absolute URL."""
    entries = []
    for verdict in page.build.catalog.verdicts[:FEED_LIMIT]:
        target = page.build.plan.get(PageKind.VERDICT, verdict.id)
        if target is not None:
            entries.append((verdict, page.absolute(target)))
    return entries


def _summary(page: Page, verdict: Verdict) -> str:
    values = {"rating": rating_label(page, verdict.rating), "summary": render_plain_text(verdict.summary)}
    return page.gettext("%(rating)s: %(summary)s") % values


def _newest(entries: list[tuple[Verdict, str]]) -> dt.date:
    return max((last_change(v) for v, _ in entries), default=EPOCH)


def rss_feed(page: Page) -> str:
    site = page.build.site
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": ATOM_NS})
    channel = _add(root, "channel")
    _add(channel, "title", site.name)
    _add(channel, "link", site.language_root(page.language))
    _add(channel, "description", page.gettext("Latest verdicts of %(site)s") % {"site": site.name})
    _add(channel, "language", page.language)
    _add(channel, "atom:link", href=page.absolute(), rel="self", type="application/rss+xml")
    entries = _entries(page)
    _add(channel, "lastBuildDate", _rfc822(_newest(entries)))
    for verdict, url in entries:
        item = _add(channel, "item")
        # Many RSS readers render an item title as HTML: it is HTML-escaped, then XML-escaped, so it shows as text.
        _add(item, "title", html.escape(verdict.claim, quote=False))
        _add(item, "link", url)
        _add(item, "guid", url, isPermaLink="true")
        _add(item, "pubDate", _rfc822(verdict.published))
        # RSS readers render <description> as HTML: the plain text is HTML-escaped before XML-escaping.
        _add(item, "description", html.escape(_summary(page, verdict), quote=False))
        for tag in verdict.tags:
            _add(item, "category", tag)
    return _serialise(root)


def atom_feed(page: Page) -> str:
    site = page.build.site
    home = site.language_root(page.language)
    root = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": page.language})
    _add(root, "title", site.name)
    _add(root, "id", home)
    _add(root, "link", href=home, rel="alternate", type="text/html")
    _add(root, "link", href=page.absolute(), rel="self", type="application/atom+xml")
    entries = _entries(page)
    _add(root, "updated", _rfc3339(_newest(entries)))
    for verdict, url in entries:
        entry = _add(root, "entry")
        _add(entry, "title", verdict.claim, type="text")
        _add(entry, "id", url)
        _add(entry, "link", href=url, rel="alternate", type="text/html")
        _add(entry, "published", _rfc3339(verdict.published))
        _add(entry, "updated", _rfc3339(last_change(verdict)))
        _add(_add(entry, "author"), "name", verdict.author)
        values = {"summary": _summary(page, verdict), "claimant": claimant_name(page, verdict.claimant)}
        _add(entry, "summary", page.gettext("%(summary)s (claim by %(claimant)s)") % values, type="text")
        for tag in verdict.tags:
            _add(entry, "category", term=_text(tag))
    return _serialise(root)


class Feeds(FileType):
    """feed.xml (RSS 2.0) and atom.xml: the latest verdicts."""

    paths = (RSS_PATH, ATOM_PATH)

    def render(self, page: Page) -> str:
        return rss_feed(page) if page.file.key == RSS_PATH else atom_feed(page)
