"""Lemmas of Ukrainian and Russian words through pymorphy3, for inflected names.

The analysers take about half a second and tens of megabytes each, so they are made once per
process, on first use; lemmas are cached per word, so a name seen in every article is analysed
once. Only words of Cyrillic script go to an analyser; anything else is its own lemma.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import pymorphy3

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")


@lru_cache(maxsize=2)
def analyser(language: str) -> Any:
    return pymorphy3.MorphAnalyzer(lang=language)


def languages_for(word: str, language: str | None = None) -> tuple[str, ...]:
    """The analysers to try for `word`: its script decides when it can; otherwise both."""
    if not _CYRILLIC.search(word):
        return ()
    if _UKRAINIAN_ONLY.search(word):
        return ("uk",)
    if _RUSSIAN_ONLY.search(word):
        return ("ru",)
    return (language,) if language in ("uk", "ru") else ("uk", "ru")


@lru_cache(maxsize=65536)
def lemmas(word: str) -> frozenset[str]:
    """Every normal form pymorphy3 offers for `word` in Ukrainian or Russian, case-folded."""
    folded = word.casefold()
    found = {folded}
    for language in languages_for(word):
        found.update(p.normal_form.casefold() for p in analyser(language).parse(folded))
    return frozenset(found)


@lru_cache(maxsize=65536)
def lemma(word: str, language: str | None = None) -> str:
    """The most likely normal form: a surname or first name reading first, else the best parse."""
    folded = word.casefold()
    for lang in languages_for(word, language):
        parses = analyser(lang).parse(folded)
        named = [p for p in parses if {"Surn", "Name", "Patr"} & set(str(p.tag).replace(" ", ",").split(","))]
        best = named or parses
        if best:
            return str(best[0].normal_form).casefold()
    return folded


@lru_cache(maxsize=65536)
def plausible_name(word: str) -> bool:
    """Whether a capitalised Cyrillic word can stand for a speaker: the dictionary reads it as a name,
    surname or organisation, as a noun for a person ("Активістка", resolved later), or does not know
    it; an adjective, a thing or a place is not ("Сумська", "Харків"). Other scripts: always."""
    for language in languages_for(word):
        parses = analyser(language).parse(word.casefold())
        if any({"Name", "Surn", "Patr", "Orgn", "Abbr"} & set(p.tag.grammemes) for p in parses if p.score >= 0.05):
            return True
        if parses and parses[0].is_known:  # a person described ("Президент", "Активістка") may be resolved later
            return parses[0].tag.POS == "NOUN" and "anim" in parses[0].tag.grammemes and "Geox" not in parses[0].tag
    return True


@lru_cache(maxsize=65536)
def nominative(word: str) -> bool:
    """Whether `word` can be a nominative (a subject): "Путін" yes, "Путіна" no; non-Cyrillic: yes."""
    langs = languages_for(word)
    if not langs:
        return True
    for language in langs:
        for parse in analyser(language).parse(word.casefold()):
            tag = str(parse.tag)
            if "nomn" in tag or "Fixd" in tag or "UNKN" in tag or parse.tag.case is None:
                return True
    return False
