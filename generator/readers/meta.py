"""Article metadata written by hand: `<id>.meta.yaml` sidecars and Markdown front matter.

Both use the same keys. Values are checked one by one and a bad value is
reported at its own line and column, then ignored, so the reader's own
metadata stands in for it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.attribution.overrides import parse_overrides
from generator.diagnostics import Diagnostics, Location, did_you_mean
from generator.limits import date_out_of_range
from generator.model import Article
from generator.readers.hygiene import clean_inline
from generator.yamlio import key_location, node_location, value_location

META_KEYS = ("title", "url", "outlet", "published", "modified", "language", "author", "retrieved", "quotes")
_FIELDS = {"quotes": "quote_overrides"}  # sidecar key -> Article field, where they differ
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class Meta:
    """Checked metadata values by key (only the keys that were given and valid)."""

    values: dict[str, Any] = field(default_factory=dict)
    locations: dict[str, Location] = field(default_factory=dict)


class _Invalid(ValueError):
    """A value of the right kind that still cannot be used (e.g. a non-http URL)."""


def parse_meta(data: Any, path: str, diags: Diagnostics, what: str = "sidecar") -> Meta:
    """Check a loaded YAML mapping of article metadata."""
    if data is None:
        return Meta()
    if not isinstance(data, dict):
        diags.error("wrong-type", f"{what} must be a mapping of keys such as `title:`, not a "
                    f"{_type_name(data)}", node_location(data, path))
        return Meta()
    meta = Meta()
    for key, value in data.items():
        if key not in META_KEYS:
            diags.error("unknown-key", f"unknown key `{key}` in {what}{did_you_mean(str(key), META_KEYS)}; "
                        f"allowed: {', '.join(META_KEYS)}", key_location(data, key, path))
            continue
        where = value_location(data, key, path)
        if key == "quotes":  # the desk's corrections of quote speakers (generator/attribution/overrides.py)
            meta.values[key], meta.locations[key] = parse_overrides(value, data, path, diags), where
            continue
        checked = _check_value(key, value, where, diags)
        if checked is not None:
            meta.values[key] = checked
            meta.locations[key] = where
    return meta


def _check_value(key: str, value: Any, where: Location, diags: Diagnostics) -> Any | None:
    expected, check = _CHECKS[key]
    try:
        return check(value)
    except _Invalid as exc:
        diags.error(f"bad-{key}" if key in ("url", "language") else "bad-value", f"`{key}`: {exc}", where)
    except (TypeError, ValueError):
        diags.error("wrong-type", f"`{key}` must be {expected}, not {_describe(value)}", where)
    return None


def _type_name(value: Any) -> str:
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if value is None:
        return "empty value"
    return type(value).__name__.replace("Scalar", "").replace("Commented", "").lower()


def _describe(value: Any) -> str:
    if isinstance(value, (dict, list)) or value is None:
        return f"a {_type_name(value)}"
    return f"{_type_name(value)} {str(value)[:40]!r}"


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError
    cleaned = clean_inline(value)
    if not cleaned:
        raise _Invalid("must not be empty")
    return cleaned


def _url(value: Any) -> str:
    text = _text(value)
    if not re.match(r"^https?://[^\s/]+", text, re.IGNORECASE):
        raise _Invalid(f"{text!r} is not an http(s) URL")
    return text


def is_language_code(text: str) -> bool:
    return bool(_LANGUAGE.fullmatch(text))


def _language(value: Any) -> str:
    text = _text(value)
    if not is_language_code(text):
        raise _Invalid(f"{text!r} is not a language code such as `en` or `uk`")
    return text


def _when(value: Any) -> dt.datetime | dt.date:
    if isinstance(value, dt.date):
        reason = date_out_of_range(value.date() if isinstance(value, dt.datetime) else value)
        if reason:
            raise _Invalid(reason)
        if isinstance(value, dt.datetime):
            return dt.datetime.fromisoformat(value.isoformat())  # drops ruamel's TimeStamp subclass
        return value
    text = _text(value)
    try:
        return parse_when(text)
    except DateOutOfRange as exc:
        raise _Invalid(str(exc)) from None
    except ValueError:
        raise _Invalid(f"{text!r} is not a date (YYYY-MM-DD) or date and time (ISO 8601)") from None


def _day(value: Any) -> dt.date:
    when = _when(value)
    return when.date() if isinstance(when, dt.datetime) else when


class DateOutOfRange(ValueError):
    """A real date the build cannot use (see generator/limits.py)."""


def parse_when(text: str) -> dt.datetime | dt.date:
    """An ISO 8601 date or date-time, as WordPress, HTML meta tags and people write them.

    Raises ValueError for anything else, DateOutOfRange for a date outside the supported range."""
    text = text.strip()
    when: dt.datetime | dt.date
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        when = dt.date.fromisoformat(text)
    else:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    reason = date_out_of_range(when.date() if isinstance(when, dt.datetime) else when)
    if reason:
        raise DateOutOfRange(reason)
    return when


_CHECKS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "title": ("a string", _text),
    "url": ("a string (an http or https URL)", _url),
    "outlet": ("a string (an id from outlets.yaml)", _text),
    "published": ("a date or date-time", _when),
    "modified": ("a date or date-time", _when),
    "language": ("a string (a language code)", _language),
    "author": ("a string", _text),
    "retrieved": ("a date", _day),
}


def apply_meta(article: Article, meta: Meta) -> Article:
    """The article with every given value overriding the reader's (except `outlet`, resolved later)."""
    changes = {_FIELDS.get(key, key): value for key, value in meta.values.items() if key != "outlet"}
    return dataclasses.replace(article, **changes) if changes else article
