"""Whether a quoted stretch is speech, the writer's scare quotes, or a name in quotation marks.

Names: newspapers, parties, companies, devices and slogans are put in quotation marks in
Ukrainian and Russian («Роснефть», «Единой России», газета “Ъ”) and often in English ("PRESS"
painted on a jacket, the newspaper "The Sun"). They are short, start with a capital (or are a
capitalised abbreviation), end without a full stop, and either every word is capitalised or
they stand after a noun that introduces a name ("компанії", "the newspaper"). Speech is anything
attributed or sentence-like; scare quotes are the rest: a short unattributed phrase.
"""

from __future__ import annotations

import re

from generator.model import QuoteKind

_MAX_NAME_WORDS = 4
_SMALL_WORDS = frozenset(re.findall(r"\S+", "of the and for in on at to a an de la du von van і й та и для з"))
_SENTENCE_MARK = re.compile(r"[.?…,;:]\s*$|[.?!…]\s+\S")
# A noun right before the marks that introduces a name: «компанія «Укрпротез»», "the newspaper".
_NAME_NOUN = re.compile(
    r"(?:newspaper|paper|magazine|company|firm|party|group|show|series|programme|program|book|film|ship|"
    r"газет\w*|журнал\w*|компані\w*|парті\w*|партии|партия|групп?\w*|фірм\w*|фирм\w*|видавництв\w*|"
    r"об'єднанн\w*|об’єднанн\w*|організаці\w*|организаци\w*|товариств\w*|общест\w*|агентств\w*|"
    r"комплекс\w*|заповідник\w*|центр\w*|проект\w*|проєкт\w*|програм\w*|систем\w*|фонд\w*|"
    r"ТОВ|ПАТ|ПрАТ|ООО|ОАО|ЗАО|КП|ДП|ТРК|телеканал\w*|канал\w*|радіо|радио|служб\w*|движени\w*|рух\w*)"
    r"\s*$",
    re.IGNORECASE,
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def quote_kind(quoted: str, before: str, attributed: bool) -> QuoteKind:
    """The kind of the quotation `quoted`, given the text `before` its opening mark in the sentence."""
    if looks_like_name(quoted, before):
        return "name"
    if attributed:
        return "speech"
    words = quoted.split()
    return "scare" if len(words) <= _MAX_NAME_WORDS and not _SENTENCE_MARK.search(quoted) else "speech"


def looks_like_name(quoted: str, before: str) -> bool:
    words = quoted.strip().split()
    if not words or len(words) > _MAX_NAME_WORDS or _SENTENCE_MARK.search(quoted.strip()):
        return False
    first = words[0].lstrip("(«“\"'‘")
    if not first[:1].isupper() and not first[:1].isdigit():
        return False
    if _NAME_NOUN.search(before.rstrip()):
        return True
    if len(words) == 1 and len(first) >= 2 and first.rstrip("!").isupper():
        return True  # an abbreviation or a word in capitals: «ЕР», "PRESS"
    capitalised = all(w[:1].isupper() or w[:1].isdigit() or w.casefold() in _SMALL_WORDS for w in words)
    # In Ukrainian and Russian a capitalised short phrase in «» is a name; English needs every word capitalised.
    return capitalised and (len(words) > 1 or bool(_CYRILLIC.search(quoted)))
