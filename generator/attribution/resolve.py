"""Attribution clauses that name no one directly: descriptions, organisations, split quotes.

`clause_speaker` reads the clause after (or around) a quote and returns a `Speaker`, None when
the clause does not attribute, or one of two markers the caller resolves against the text so far:

- `DESCRIBED`: a definite description stands for someone already written about ("— подчеркнул
  президент", "наголосив радник Президента", "the president said"); resolved like "he".
- `LAST_ORGANISATION`: the words are an organisation's ("йдеться в повідомленні", "it said",
  "the statement said", "зазначили у прокуратурі" when the prosecutor's office is not registered).

"a spokesman said" (indefinite: someone new and unnamed) stays NOBODY: abstain rather than guess.
"""

from __future__ import annotations

import re

from generator.attribution.discourse import named_people
from generator.attribution.morph import analyser, languages_for
from generator.attribution.verbs import VERB
from generator.model import AttributionMethod
from generator.speakers import IT, NOBODY, PRONOUN, PeopleIndex, Speaker, speaker_after, subject_position

DESCRIBED = Speaker(pronoun=True, method=AttributionMethod.FOLLOW_ON)
LAST_ORGANISATION = IT

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TITLES_EN = _words(
    "president minister premier chancellor mayor governor senator spokesman spokeswoman spokesperson chairman "
    "chairwoman chair secretary ambassador official commissioner leader prosecutor judge lawyer expert"
)
_ORGANISATION_WORDS = _words(
    "statement report release ministry department agency company bank alliance government office council "
    "committee commission party organisation organization court police army military embassy"
)
_DOCUMENT_UK_RU = re.compile(
    r"(?:йдеться|говориться|говорится|сказано|зазначається|отмечается|повідомляється|сообщается)"
    r"\s+(?:[ув]\s+)?(?:\w+\s+){0,2}?(?:повідомленн\w*|заяв\w*|сообщени\w*|заявлени\w*|релiз\w*|реліз\w*|"
    r"документ\w*|пресрелiз\w*|прес-реліз\w*|пресс-релиз\w*|листі|письме|відповіді|ответе)",
    re.IGNORECASE,
)
_AT_ORGANISATION = re.compile(r"\s*(?:[ув]|во)\s+(\w+)", re.IGNORECASE)
_UNNAMED = _words("вони ми я ти ви воно они мы ты вы оно")
_LOWER_START = re.compile(r"\s*([a-zа-яёєіїґ][\w'’-]*)")


def clause_speaker(said: str, index: PeopleIndex, surnames: dict[str, str]) -> Speaker | None:
    """The speaker an attribution clause names (see the module docstring for the markers)."""
    if _DOCUMENT_UK_RU.search(said):
        return LAST_ORGANISATION
    verb = VERB.search(said)
    if not _CYRILLIC.search(said):  # English names as printed are read by `speaker_after` itself
        found = speaker_after(said, index)
        return _unnamed(said, verb, index) if found == NOBODY and verb is not None else found
    named = [
        n for n in named_people(said, index, surnames, single_names=True)
        if subject_position(said, n.start) and n.nominative
    ]
    # "лидер Радикальной партии Олег Ляшко": a full name in the nominative is the subject
    named.sort(key=lambda n: (not n.nominative, " " not in (n.speaker.name or " "), n.start))
    if named and (verb is not None or len(named) == 1):
        return named[0].speaker
    found = speaker_after(said, index)
    if found is None or found.pronoun or found.known:
        return _described_noun(found) if found is not None and found.name else found
    return _unnamed(said, verb, index) if verb is not None else NOBODY


def _unnamed(said: str, verb: re.Match[str], index: PeopleIndex) -> Speaker:
    """After a speech verb with no name: an organisation ("у прокуратурі"), a description, or nobody."""
    at = _AT_ORGANISATION.match(said, verb.end())
    if at is not None:
        return index.organisation_of_kind(at.group(1)) or LAST_ORGANISATION
    before = said[: verb.start()].split()
    after = _LOWER_START.match(said, verb.end())
    if before and before[-1].casefold() == "it":
        return LAST_ORGANISATION
    article = next((k for k in (2, 3, 4) if len(before) >= k and before[-k].casefold() == "the"), None)
    if article is not None:  # "the ministry said", "the government spokesman said"
        noun = before[-1].casefold()
        if noun in _ORGANISATION_WORDS:
            return index.organisation_of_kind(noun) or LAST_ORGANISATION
        return DESCRIBED if noun in _TITLES_EN else NOBODY
    if after is not None and _CYRILLIC.search(after.group(1)) and after.group(1).casefold() not in _UNNAMED:
        return DESCRIBED  # "— подчеркнул президент": Russian and Ukrainian have no articles
    return NOBODY


def _described_noun(found: Speaker) -> Speaker:
    """A printed "name" that is one Cyrillic common noun ("Президент", "Активістка") is a description."""
    name = found.name or ""
    if found.person_id is not None or len(name.split()) != 1 or not _CYRILLIC.search(name):
        return found
    return DESCRIBED if common_noun(name) else found


def common_noun(word: str) -> bool:
    """Whether pymorphy3 reads `word` as a known common noun (not a name, surname, place or organisation)."""
    for language in languages_for(word):
        parses = analyser(language).parse(word.casefold())
        if parses and parses[0].tag.POS == "NOUN" and parses[0].is_known:
            grammemes = parses[0].tag.grammemes
            return not {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"} & set(grammemes)
    return False


__all__ = ["DESCRIBED", "LAST_ORGANISATION", "PRONOUN", "clause_speaker", "common_noun"]
