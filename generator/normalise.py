"""Text normalisation for the quote rule (SPEC §6).

A contributor's quote must occur in the article "after normalisation": NFC,
whitespace collapsed, every quotation mark and apostrophe unified, dashes
unified. `normalise_with_map` also returns, for each character of the
normalised text, its offset in the original, so a match can be anchored in
the article body.
"""

from __future__ import annotations

import unicodedata

QUOTE_CHARS = "\"'`´‘’‚‛“”„‟«»‹›「」『』〝〞＂＇"
DASH_CHARS = "-‐‑‒–—―−﹘﹣－"
_TRANSLATE = {ord(c): '"' for c in QUOTE_CHARS} | {ord(c): "-" for c in DASH_CHARS}
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


def normalise(text: str) -> str:
    return normalise_with_map(text)[0]


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Normalised text and, per output character, its index in `text`.

    NFC is applied per character cluster of the input; composing sequences are
    rare in practice and mapping them to their first code point is enough for
    anchoring.
    """
    out: list[str] = []
    where: list[int] = []
    pending_space = False
    composed = unicodedata.normalize("NFC", text)
    # NFC may shorten the text; map positions through a second pass only when it did.
    source = composed if len(composed) == len(text) else text
    for i, ch in enumerate(source):
        if ch in _ZERO_WIDTH:
            continue
        if ch.isspace():
            pending_space = bool(out)
            continue
        if pending_space:
            out.append(" ")
            where.append(i)
            pending_space = False
        mapped = ch.translate(_TRANSLATE)
        mapped = unicodedata.normalize("NFC", mapped)
        for c in mapped:
            out.append(c)
            where.append(i)
    result = unicodedata.normalize("NFC", "".join(out))
    if len(result) != len(where):  # Composition across characters: fall back to coarse mapping.
        where = [min(i, len(text) - 1) for i in range(len(result))]
    return result, where


def fold(text: str) -> str:
    """Normalised and case-folded: for matching names and near-miss suggestions."""
    return normalise(text).casefold()
