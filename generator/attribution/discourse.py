"""People named in narration, for quotes whose own sentence names no one.

A paragraph that is all quote ("«…»" with no attribution) is, in news writing, the words of
the person the paragraph before was about ("Канаев думает, что …" / «…»), and "he said" refers
to the person last written about. `named_people` finds those people: registry mentions, and in
Ukrainian and Russian the names pymorphy3 tags as a first name or surname ("Андрей Столбунов",
"Столбунов"), each with whether it stands in the nominative (a subject, not "его", "Канаева").
Names are returned in the nominative, so "Столбунова" is reported as "Столбунов".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.attribution.morph import analyser, languages_for
from generator.model import Article
from generator.speakers import NOBODY, PeopleIndex, Speaker, is_possessive, speaker_after

_CAPITALISED = re.compile(r"(?<![\w-])[А-ЯЁЄІЇҐ][а-яёєіїґ'’ʼ-]+(?:\s+[А-ЯЁЄІЇҐ][а-яёєіїґ'’ʼ-]+){0,2}(?![\w-])")
_NAME_TAGS = ("Name", "Surn")
_LATIN_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}(?=[,.]|\s+[a-z])")
# Capitalised words that are no part of a person's name: institutions, places, sentence openers.
_NOT_NAMES = frozenset(re.findall(r"\S+", (
    "the a an in on at but and or so as if however meanwhile also when while after before during following "
    "regarding despite according this that these those it he she they we i you there here his her their our "
    "house ministry department party council committee court office government army police times news post "
    "mail street university institute union bank agency service assembly parliament congress senate "
    "commission foundation association company group republic kingdom states nations national federal clause "
    "international united royal state city county minister president secretary spokesman spokeswoman "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december"
)))


@dataclass(frozen=True)
class Named:
    start: int
    end: int
    speaker: Speaker
    nominative: bool


def named_people(
    text: str, index: PeopleIndex, known_surnames: dict[str, str], single_names: bool = False
) -> list[Named]:
    """People named in `text`, left to right; `known_surnames` (lemma → full name) grows as names are seen."""
    found = [
        Named(m.start, m.end, index.speaker(m.person_id), m.exact and not is_possessive(text, m.end))
        for m in index.mentions(text)
        if m.person_id not in index.organisations
    ]
    taken = [(n.start, n.end) for n in found]
    for match in _CAPITALISED.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        person = _printed_person(match.group().split(), known_surnames, single_names)
        if person is not None:
            found.append(Named(match.start(), match.end(), Speaker(None, person[0]), person[1]))
    found += _english_names(text, known_surnames, taken)
    return sorted(found, key=lambda n: n.start)


def _english_names(text: str, known_surnames: dict[str, str], taken: list[tuple[int, int]]) -> list[Named]:
    """Names as printed in English narration: "analyst Henning Melber questions", then "Melber speculates".

    Two or three capitalised words right before a lowercase word or a comma, with no word of an
    institution or place among them; a single capitalised word only as a surname seen before.
    """
    found = []
    for match in _LATIN_NAME.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken) or is_possessive(text, match.end()):
            continue
        words = match.group().split()
        if words[0].casefold() in _NOT_NAMES:
            words = words[1:]
        if len(words) >= 2 and not any(w.casefold() in _NOT_NAMES for w in words):
            full = " ".join(words)
            known_surnames.setdefault(words[-1].casefold(), full)
            found.append(Named(match.end() - len(full), match.end(), Speaker(None, full), True))
        elif len(words) == 1 and words[0].casefold() in known_surnames:
            full = known_surnames[words[0].casefold()]
            found.append(Named(match.end() - len(words[0]), match.end(), Speaker(None, full), True))
    return found


def _printed_person(words: list[str], known_surnames: dict[str, str], single_names: bool) -> tuple[str, bool] | None:
    """(nominative full name, written in the nominative) for "Андрей Столбунов"-like words, else None."""
    readings = [_name_reading(word) for word in words]
    if len(words) >= 2 and readings[0] is not None and readings[0][0] == "Name":
        # "Олег Ляшко": a first name, then a surname the dictionary may not know
        last = readings[-1][1] if readings[-1] is not None else words[-1].casefold()
        forms = [(r[1] if r is not None else w.casefold()) for r, w in zip(readings, words, strict=True)]
        full = " ".join(form.capitalize() for form in forms)
        known_surnames[last] = full
        return full, all(r is None or r[2] for r in readings)
    if len(words) == 1 and readings[0] is not None and readings[0][1] in known_surnames:
        return known_surnames[readings[0][1]], readings[0][2]
    if single_names and len(words) == 1 and readings[0] is not None:  # "8-річний Андрій із Дніпра"
        return readings[0][1].capitalize(), readings[0][2]
    return None


@lru_cache(maxsize=65536)
def _name_reading(word: str) -> tuple[str, str, bool] | None:
    """("Name" or "Surn", lemma, nominative?) of a Cyrillic word read as a personal name.

    A nominative reading wins over the others ("Петро" is also read as a vocative of "Петра").
    """
    readings = []
    for language in languages_for(word):
        for parse in analyser(language).parse(word):
            grammemes = parse.tag.grammemes
            kind = next((t for t in _NAME_TAGS if t in grammemes), None)
            if kind is not None and parse.score >= 0.05:
                nominative = "nomn" in grammemes or "Fixd" in grammemes
                readings.append((kind, word.casefold() if nominative else str(parse.normal_form), nominative))
    return max(readings, key=lambda r: r[2]) if readings else None


def attribution_speaker(said: str, index: PeopleIndex, known_surnames: dict[str, str]) -> Speaker | None:
    """Who an attribution clause ("сказав він", "каже начальник відділу Неллі Плахотнюк") names.

    A person named in it wins (registry first, then a printed name); "він"/"вона" gives
    `PRONOUN`; a description with no name ("наголосив радник Президента") gives NOBODY.
    """
    named = named_people(said, index, known_surnames)
    if named:
        return named[0].speaker
    found = speaker_after(said, index)
    return found if found is None or found.pronoun or found.known else NOBODY


# The writer in the first person ("I ask", "I suggest"): the article is an interview.
_FIRST_PERSON = re.compile(
    r"(?<!\w)I\s+(?:ask|asked|say|suggest|suggested|put\s+it|interviewed|sit|sat|press|pressed|wonder)(?!\w)"
)
_QUOTED = re.compile(r"[“\"«„][^”\"»“]*[”\"»“]")


def interviewee(article: Article, index: PeopleIndex) -> Speaker:
    """The person interviewed, when the writer narrates in the first person twice and the title names
    one person ("Tony Blair: Why …"); NOBODY otherwise. Their answers carry no attribution."""
    narration = _QUOTED.sub(" ", "\n".join(block.text for block in article.blocks))
    if len(_FIRST_PERSON.findall(narration)) < 2:
        return NOBODY
    named = {m.person_id for m in index.mentions(article.title) if not is_possessive(article.title, m.end)}
    if len(named) == 1:
        return index.speaker(named.pop())
    head = article.title.split(":")[0].strip()
    return Speaker(None, head) if ":" in article.title and 1 < len(head.split()) <= 3 else NOBODY
