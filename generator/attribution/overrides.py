"""Editors correcting the machine: a sidecar's `quotes:` list.

    quotes:
      - quote: Perhaps Russia could be an Ally   # the quote, or its opening words, as printed
        speaker: putin                           # a person id, a name as printed, or null to clear
      - quote: peace plan
        not_a_quote: true                        # a name or a term: out of the quote table

Each entry is checked where it is written (`path:line:col`). `apply_overrides` applies them to
the extracted quotes (speaker shown as "attributed by the desk"); an entry whose words are not
in the article is reported by `generator.checks` with the closest passage.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from generator.diagnostics import Diagnostics
from generator.model import AttributionMethod, Quote, QuoteOverride
from generator.normalise import normalise
from generator.speakers import PeopleIndex
from generator.yamlio import node_location, value_location

_KEYS = ("quote", "speaker", "not_a_quote")


def parse_overrides(value: Any, data: Any, path: str, diags: Diagnostics) -> tuple[QuoteOverride, ...]:
    """The valid entries of a `quotes:` list; each problem reported at its entry."""
    if not isinstance(value, list):
        where = value_location(data, "quotes", path)
        diags.error("wrong-type", "`quotes` must be a list of `- quote: …` entries", where)
        return ()
    found = []
    for entry in value:
        override = _parse_entry(entry, path, diags)
        if override is not None:
            found.append(override)
    return tuple(found)


def _parse_entry(entry: Any, path: str, diags: Diagnostics) -> QuoteOverride | None:
    where = node_location(entry, path)
    if not isinstance(entry, dict) or not isinstance(entry.get("quote"), str) or not entry["quote"].strip():
        diags.error("bad-quote-override", "each `quotes` entry needs `quote:` (the quote's words as printed)", where)
        return None
    unknown = [str(k) for k in entry if k not in _KEYS]
    if unknown:
        diags.error("bad-quote-override", f"unknown key `{unknown[0]}` in a `quotes` entry; allowed: "
                    f"{', '.join(_KEYS)}", where)
        return None
    speaker = entry.get("speaker")
    not_a_quote = entry.get("not_a_quote", False)
    if (speaker is not None and not isinstance(speaker, str)) or not isinstance(not_a_quote, bool):
        diags.error("bad-quote-override", "`speaker` must be a name or id (or empty to clear it) and "
                    "`not_a_quote` true or false", where)
        return None
    if "speaker" not in entry and not not_a_quote:
        diags.error("bad-quote-override", "a `quotes` entry must set `speaker:` (empty clears it) or "
                    "`not_a_quote: true`", where)
        return None
    text = " ".join(entry["quote"].split())
    return QuoteOverride(text, (speaker or "").strip() or None, not_a_quote, value_location(entry, "quote", path))


def matches(override: QuoteOverride, quote: Quote) -> bool:
    """Whether an override names this quote: its words open, or lie inside, the quote (or the reverse)."""
    wanted, text = normalise(override.quote).casefold(), normalise(quote.text).casefold()
    return bool(wanted) and (wanted in text or (len(text) >= 3 and text in wanted))


def apply_overrides(quotes: tuple[Quote, ...], overrides: tuple[QuoteOverride, ...], people: PeopleIndex) -> tuple[
    Quote, ...
]:
    """The quotes with the desk's corrections: speaker set or cleared, non-quotes dropped (and renumbered)."""
    if not overrides:
        return quotes
    kept: list[Quote] = []
    for quote in quotes:
        override = next((o for o in overrides if matches(o, quote)), None)
        if override is None:
            kept.append(quote)
        elif not override.not_a_quote:
            kept.append(_with_speaker(quote, override, people))
    return tuple(dataclasses.replace(q, number=n) for n, q in enumerate(kept, start=1))


def _with_speaker(quote: Quote, override: QuoteOverride, people: PeopleIndex) -> Quote:
    name = override.speaker
    person_id = people.resolve(name) if name else None
    if person_id is not None and person_id not in people.people:
        person_id = None  # an organisation: shown by name
    speaker_name = people.name_of(person_id) if person_id else name
    return dataclasses.replace(quote, speaker_id=person_id, speaker_name=speaker_name, kind="speech",
                               method=AttributionMethod.DESK)
