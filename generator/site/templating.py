"""Pages are Jinja2 templates that escape by construction, in every UI language.

The environment autoescapes, and its finalizer escapes every value a template
prints for Markdown as well as HTML (`escape_text`): a value can land in a
heading, a paragraph or an HTML block, and it renders as the same literal text
in each. Fragments that are already safe (sanitised HTML, an escaped link)
are `Markup`, the one marker type, and pass through unchanged; nothing is safe
by naming convention.

UI strings live in gettext catalogs (`generator/locales/<lang>/LC_MESSAGES/
messages.po`), compiled in memory with Babel; dates and numbers are formatted
by Babel for the page's language, and plural forms follow the catalog
(Ukrainian has three).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

LOCALES = Path(__file__).resolve().parents[1] / "locales"
TEMPLATES = Path(__file__).resolve().parent / "templates"
SOURCE_LANGUAGE = "en"

# Characters with a meaning in HTML or in (extended) Markdown, as numeric references: the
# same text renders literally in a heading, a paragraph, a table cell or an HTML block.
_ESCAPED = "&<>\"'\\`*_{}[]()#+-.!|:~=^$"
_TABLE: dict[int, str | None] = {ord(ch): f"&#{ord(ch)};" for ch in _ESCAPED}
_TABLE |= {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;"}
_TABLE |= {c: None for c in range(0x20) if chr(c) not in "\t\n\r"} | {0x7F: None}
_TABLE |= {ord(ch): " " for ch in "\n\r\x0b\x0c\x85\u2028\u2029"}


# `N_` is the conventional name that `make messages` extracts.
def N_(message: str) -> str:
    """Marks a UI string for the catalog where it is defined; it is translated where it is shown."""
    return message


def escape_text(value: object) -> Markup:
    """Any value as one line of literal text, safe in Markdown and in HTML (text or attribute)."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    return Markup(str(value).translate(_TABLE))


def _finalize(value: object) -> object:
    # Runs on every {{ … }} before autoescaping: Markdown-and-HTML escaping for all of them.
    return escape_text(value)


@cache
def translations(language: str) -> NullTranslations:
    """The compiled catalog of a UI language (the source language needs none)."""
    if language == SOURCE_LANGUAGE:
        return NullTranslations()
    po_file = LOCALES / language / "LC_MESSAGES" / "messages.po"
    with po_file.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def available_languages() -> list[str]:
    found = sorted(p.name for p in LOCALES.iterdir() if (p / "LC_MESSAGES" / "messages.po").is_file())
    return [SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE)]


def _date_formatters(language: str) -> tuple[Callable[..., str], Callable[..., str]]:
    """`date` (the day only) and `datetime` (with the time, where the content recorded one)."""
    locale = Locale.parse(language)
    unknown = translations(language).gettext("unknown")

    def day(value: dt.date | dt.datetime | None, style: str = "long") -> str:
        if value is None:
            return unknown
        return format_date(value.date() if isinstance(value, dt.datetime) else value, format=style, locale=locale)

    def moment(value: dt.date | dt.datetime | None) -> str:
        if not isinstance(value, dt.datetime):
            return day(value)
        return format_datetime(value, format="long" if value.tzinfo else "medium", locale=locale)

    return day, moment


@cache
def environment(language: str) -> Environment:
    """The template environment of one UI language (cached: templates compile once per build)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    env.filters["date"], env.filters["datetime"] = _date_formatters(language)
    env.filters["text"] = escape_text
    env.globals["lang"] = language
    return env


def render(language: str, template: str, **context: Any) -> str:
    return environment(language).get_template(template).render(**context)
