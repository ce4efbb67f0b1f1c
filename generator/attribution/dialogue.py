"""Dash dialogue, the way Ukrainian and Russian reporting quotes people.

    – Таку статистику ми отримаємо, – розповів заступник мера Іван Петренко. – Але вже знаємо…
    — Коли почалося? (a question in an interview: no attribution of its own)

A paragraph that opens with a dash (-, – or —) and then a capital letter is direct speech;
one that opens with a lowercase letter or ends with ";" is a list bullet. Within the paragraph
", – verb …" (after , . ! ? or …) ends the words and starts the attribution; ". – " after the
attribution starts the words again. A dash inside the words without that punctuation before it
("Зарплата - чотири тисячі") is part of the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.attribution.verbs import VERB

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_SENTENCE_STOP = re.compile(r"(?<!\s[A-ZА-ЯЁЄІЇҐ])[.!?…](?=\s|$)")  # not the point of an initial ("Л. Чурсинов")
_OPENING = re.compile(r"[-–—]\s*(?=[(«„\"A-ZА-ЯЁЄІЇҐ0-9])")
# Words end at ", –" (or . ! ? …) when the attribution after the dash starts with a lowercase word.
_WORDS_END = re.compile(r"(?<=[,.!?…])\s+[-–—]\s+(?=[a-zа-яёєіїґ])")
# The attribution ends at ". –" / ": –" / ", –" when the words go on.
_WORDS_AGAIN = re.compile(r"(?<=[.:,])\s+[-–—]\s+(?=\S)")
_INNER = re.compile(r"(?<=[,.!?…])\s+[-–—]\s+(?P<said>[a-zа-яёєіїґ][^\n]{1,200}?[.:,])\s+[-–—]\s+(?=\S)")


@dataclass(frozen=True)
class DashLine:
    """The parts of one dash-dialogue paragraph: words (start, end) and the attribution between them."""

    words: tuple[tuple[int, int], ...]
    attribution: str
    question: bool


def is_dash_speech(text: str) -> bool:
    """A paragraph of direct speech: dash, then a capital (or «, a bracket); Cyrillic; not a bullet."""
    stripped = text.strip()
    return bool(_CYRILLIC.search(stripped)) and bool(_OPENING.match(stripped)) and not stripped.endswith(";")


def split_dash_line(text: str) -> DashLine | None:
    """Words and attribution of a dash-dialogue paragraph, or None when it is not one."""
    if not is_dash_speech(text):
        return None
    lead = len(text) - len(text.lstrip())
    start = lead + 1
    while start < len(text) and text[start].isspace():
        start += 1
    end_words = next((m for m in _WORDS_END.finditer(text, start) if _attributes(text, m.end())), None)
    if end_words is None:
        return DashLine(((start, len(text.rstrip())),), "", text.rstrip().endswith("?"))
    first = (start, end_words.start())
    again = _WORDS_AGAIN.search(text, end_words.end())
    asked = text[: end_words.start()].rstrip().endswith("?")  # "- Чи обов'язково …? - поцікавилися ми у X."
    if again is None:  # the attribution is one sentence; what follows is the writer's again
        stop = _SENTENCE_STOP.search(text, end_words.end())
        return DashLine((first,), text[end_words.end() : stop.end() if stop else len(text)], asked)
    return DashLine((first, (again.end(), len(text.rstrip()))), text[end_words.end() : again.start()], asked)


def _attributes(text: str, at: int) -> bool:
    """Whether the words after a dash attribute ("сказав він"): a speech verb among the first six."""
    verb = VERB.search(text, at, at + 80)
    return verb is not None and len(text[at : verb.start()].split()) <= 5


def inner_attribution(quoted: str) -> str | None:
    """The attribution inside a split quotation «… – говорить X. – …», if there is one."""
    match = _INNER.search(quoted)
    return match.group("said") if match else None


def is_list_item(text: str) -> bool:
    """A dash-led bullet: `— контроль за виконанням;` (lowercase, or ending in ";")."""
    stripped = text.strip()
    return stripped[:1] in "-–—•" and not is_dash_speech(stripped)
