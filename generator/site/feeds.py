"""RSS 2.0 and Atom feeds of the latest verdicts.

Built with ElementTree, which escapes every text and attribute; characters
XML 1.0 cannot carry at all are dropped first. Dates come from the content
(published and correction dates), never from the clock, so the feeds are
byte-identical between builds of the same content.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from email.utils import format_datetime

from generator.model import Verdict
from generator.site.context import SiteContext
from generator.site.contributor import render_plain_text
from generator.site.fragments import claimant_name, rating_label
from generator.site.markdown import one_line

FEED_LIMIT = 50
ATOM_NS = "http://www.w3.org/2005/Atom"
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
EPOCH = dt.date(1970, 1, 1)


def _text(value: str) -> str:
    return _XML_INVALID.sub("", one_line(value))


def last_change(verdict: Verdict) -> dt.date:
    return max([verdict.published, *(c.date for c in verdict.updated)])


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _rfc822(day: dt.date) -> str:
    return format_datetime(_midnight(day), usegmt=True)


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


def _entries(ctx: SiteContext) -> list[tuple[Verdict, str]]:
    return [(v, url) for v in ctx.catalog.verdicts[:FEED_LIMIT] if (url := ctx.page_url("verdict", v.id))]


def _summary(ctx: SiteContext, verdict: Verdict) -> str:
    return f"{rating_label(ctx, verdict.rating)}: {render_plain_text(verdict.summary)}"


def rss_feed(ctx: SiteContext) -> str:
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": ATOM_NS})
    channel = _add(root, "channel")
    _add(channel, "title", ctx.site_name)
    _add(channel, "link", ctx.site_url)
    _add(channel, "description", f"Latest verdicts of {ctx.site_name}")
    _add(channel, "atom:link", href=ctx.url("feed.xml"), rel="self", type="application/rss+xml")
    entries = _entries(ctx)
    newest = max((last_change(v) for v, _ in entries), default=EPOCH)
    _add(channel, "lastBuildDate", _rfc822(newest))
    for verdict, url in entries:
        item = _add(channel, "item")
        # Many readers render an RSS <title> as HTML too (RSS 2.0 leaves it open): escape it for HTML first.
        _add(item, "title", html.escape(verdict.claim, quote=False))
        _add(item, "link", url)
        _add(item, "guid", url, isPermaLink="true")
        _add(item, "pubDate", _rfc822(verdict.published))
        # RSS readers render <description> as HTML: the plain text is HTML-escaped before XML-escaping.
        _add(item, "description", html.escape(_summary(ctx, verdict), quote=False))
        for tag in verdict.tags:
            _add(item, "category", tag)
    return _serialise(root)


def atom_feed(ctx: SiteContext) -> str:
    root = ET.Element("feed", {"xmlns": ATOM_NS})
    _add(root, "title", ctx.site_name)
    _add(root, "id", ctx.site_url)
    _add(root, "link", href=ctx.site_url, rel="alternate", type="text/html")
    _add(root, "link", href=ctx.url("atom.xml"), rel="self", type="application/atom+xml")
    entries = _entries(ctx)
    _add(root, "updated", _rfc3339(max((last_change(v) for v, _ in entries), default=EPOCH)))
    for verdict, url in entries:
        entry = _add(root, "entry")
        _add(entry, "title", verdict.claim)
        _add(entry, "id", url)
        _add(entry, "link", href=url, rel="alternate", type="text/html")
        _add(entry, "published", _rfc3339(verdict.published))
        _add(entry, "updated", _rfc3339(last_change(verdict)))
        _add(_add(entry, "author"), "name", verdict.author)
        summary = f"{_summary(ctx, verdict)} (claim by {claimant_name(ctx, verdict.claimant)})"
        _add(entry, "summary", summary, type="text")
        for tag in verdict.tags:
            _add(entry, "category", term=_text(tag))
    return _serialise(root)
