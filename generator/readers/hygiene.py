"""Text hygiene shared by every reader: clean runs, safe links, language guess.

Blocks hold plain text only. Whatever markup a source had is either turned
into Run flags (strong, em, href) or dropped; nothing from an article can
reach a page as live HTML, and a link is kept only when its scheme is one a
reader may safely follow.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from generator.model import Block, BlockKind, Run
from generator.weburl import is_web_url

# Invisible characters that only get in the way of matching quotes. ZWJ/ZWNJ
# are kept on purpose: Indic and Persian scripts and emoji need them.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad\u180e"), None)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"\s+")


def strip_invisible(text: str) -> str:
    return _CONTROLS.sub(" ", text.translate(_INVISIBLE))


def clean_inline(text: str) -> str:
    """One line of plain text: invisible characters gone, whitespace collapsed, ends trimmed."""
    return _SPACE.sub(" ", strip_invisible(text)).strip()


def safe_href(href: str | None) -> str | None:
    """The link target if it is an absolute http(s) or mailto URL, else None."""
    if not href:
        return None
    cleaned = "".join(ch for ch in strip_invisible(href) if not ch.isspace())
    return cleaned if is_web_url(cleaned) else None


def http_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL (an article's own address), else None."""
    safe = safe_href(url)
    return safe if safe and safe.lower().startswith(("http://", "https://")) else None


def tidy_runs(runs: Iterable[Run], *, preformatted: bool = False) -> tuple[Run, ...]:
    """Runs with whitespace collapsed across their boundaries and same-styled neighbours merged.

    Styled runs (strong, em, links) never start or end with a space.
    """
    out: list[Run] = []
    space_pending = False
    for run in runs:
        text = strip_invisible(run.text)
        ends_with_space = False
        if not preformatted:
            text = _SPACE.sub(" ", text)
            space_pending = space_pending or (text.startswith(" ") and bool(out))
            ends_with_space = text.endswith(" ")
            text = text.strip(" ")
        if not text:
            continue
        current = Run(text, strong=run.strong, em=run.em, href=safe_href(run.href))
        if space_pending:
            _add_space(out)
        _append(out, current)
        space_pending = ends_with_space
    return tuple(out)


def _add_space(out: list[Run]) -> None:
    # Spaces live in plain runs, so a styled run never starts or ends with one
    # (Markdown emphasis such as "** word**" would not render).
    last = out[-1]
    if not (last.strong or last.em or last.href):
        out[-1] = Run(last.text + " ")
    else:
        out.append(Run(" "))


def _append(out: list[Run], run: Run) -> None:
    if out and (out[-1].strong, out[-1].em, out[-1].href) == (run.strong, run.em, run.href):
        out[-1] = Run(out[-1].text + run.text, run.strong, run.em, run.href)
    else:
        out.append(run)


def make_block(kind: BlockKind, runs: Iterable[Run]) -> Block | None:
    """A block, or None when nothing but whitespace is left."""
    tidy = tidy_runs(runs, preformatted=kind == "pre")
    if not "".join(r.text for r in tidy).strip():
        return None
    return Block(kind, tidy)


def title_from_blocks(blocks: Iterable[Block], max_words: int = 10) -> str:
    """A stand-in title: the first words of the body."""
    for block in blocks:
        words = block.text.split()
        if words:
            head = " ".join(words[:max_words])
            return head + ("…" if len(words) > max_words else "")
    return ""


def _script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    if name.startswith("LATIN"):
        return "latin"
    return "other"


def guess_language(text: str) -> str | None:
    """'uk' or 'ru' for Cyrillic text, 'en' for Latin, None for other scripts or too little text.

    Only a guess for when nothing better is known: a sidecar `language`
    always wins. Russian is told apart by letters Ukrainian does not use.
    """
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    if len(letters) < 3:
        return None
    counts = {"cyrillic": 0, "latin": 0, "other": 0}
    for ch in letters:
        counts[_script_of(ch)] += 1
    if counts["cyrillic"] * 2 > len(letters):
        lowered = text.lower()
        russian = sum(lowered.count(ch) for ch in "ыэъё")
        ukrainian = sum(lowered.count(ch) for ch in "іїєґ")
        return "ru" if russian > ukrainian else "uk"
    if counts["latin"] * 2 > len(letters):
        return "en"
    return None
