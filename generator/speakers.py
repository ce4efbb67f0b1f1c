"""Who is speaking: attribution of a quote to a speaker named near it.

The people index (`generator.attribution.index`) finds registry names in text. The helpers
here look for a speech verb ("said", "told", "заявив", "за словами" …; the tables are in
`generator.attribution.verbs`) and the name next to it. They return None when the text holds
no attribution, `NOBODY` when it attributes the words to someone unnamed ("an official said"),
and `PRONOUN` for "he said" / "сказав він", which the caller resolves from earlier text. A
speaker who is not in the registry is kept by name only ("Mayor Smith"), never matched to a
person.
"""

from __future__ import annotations

import re

from generator.attribution.index import (
    IT,
    NOBODY,
    ORG_PREFIX,
    PRONOUN,
    Mention,
    Organisation,
    PeopleIndex,
    Speaker,
    is_possessive,
)
from generator.attribution.morph import nominative, plausible_name
from generator.attribution.verbs import VERB as _VERB

_POSSESSIVE = re.compile(r"['’ʼ]s?(?!\w)")
_OF_THE = re.compile(r"(?<=[a-z])\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}$")
_INSTITUTIONS = frozenset(re.findall(r"\S+", (
    "mail times post news herald guardian telegraph express journal gazette council committee commission "
    "ministry department government parliament congress senate assembly court clause party states kingdom "
    "union nations republic agency office bank police army navy company corporation university institute"
)))
_TITLES = frozenset(re.findall(r"\S+", (
    "president minister prime foreign defence defense secretary chancellor general chief spokesman "
    "spokeswoman spokesperson vice deputy senior ambassador governor mayor senator"
)))

__all__ = [
    "IT", "NOBODY", "ORG_PREFIX", "PRONOUN", "Mention", "Organisation", "PeopleIndex", "Speaker", "is_possessive",
    "mentioned_people", "speaker_after", "speaker_before", "speech_subjects", "subject_position",
]  # fmt: skip

_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐ"
_NAME_TOKEN = rf"[{_UPPER}][\w'’\-]*\.?"
_NAME_AT_END = re.compile(rf"(?:{_NAME_TOKEN}\s+){{0,4}}{_NAME_TOKEN}$")
_NAME_AT_START = re.compile(rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,4}}")
_NAME_RUN = re.compile(rf"(?<!\w){_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,4}}")
_FIRST_WORD = re.compile(r"\s*(\w+)")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_GAP_WORDS = _words(
    "also has have had then later again openly publicly reportedly repeatedly once further previously earlier "
    "sought tried wanted to would will did not never recently subsequently allegedly was is personally directly "
    "explicitly even first himself herself often frequently meanwhile however і також тоді вже раніше неодноразово "
    "відкрито публічно нібито ще знову не особисто прямо навіть зокрема тоді также уже ранее еще снова "
    "лично прямо даже также"
)
_HE_SHE = _words("he she він вона он она")
_UNNAMED_PRONOUNS = _words("they we i you it who вони ми я ти ви воно они мы ты вы оно")
# A verb after these is coordinated with, or a noun of, an earlier clause: no subject of its own here.
_NO_SUBJECT = _words(
    "and or but that which whom whose the a an his her its their these those this such my our your of as "
    "to will would can could may might must should shall "
    "і й та а але що який яка які котрий и но что который которая которые"
)
_LEADING_STOPWORDS = _words(
    "the a an in on at but and or so as then this that these those it its however meanwhile also when while after "
    "before asked if although though yet still later earlier now here there according regarding despite "
    "following during amid "
    "monday tuesday wednesday thursday "
    "friday saturday sunday він вона вони це і й а але та як коли у в на за також тоді ще потім он она они это "
    "и но как когда также тогда потом"
)
_PREPOSITIONS = _words(
    "in of at from for with by to on about near into over у в з із від до на про для біля по с о к об"
)
_APPOSITION = re.compile(r"\s*(?:a|an|the)\s", re.IGNORECASE)
_GROUP_WORDS = _words(
    "officials analysts experts critics sources observers residents police authorities others some many both "
    "reports people researchers scientists witnesses voters he she they we i you it "
    "я ми ти ви він вона вони воно мы вы он она они оно"
)


def speaker_before(window: str, index: PeopleIndex) -> Speaker | None:
    """The speaker named in the text before a quote (the quote's sentence up to its opening mark).

    Speech verbs are tried from the one nearest the quote backwards ("Putin told
    Bush that …", "X said: …", "за словами X, …"); failing that, a window naming
    exactly one person gives that person; a sentence opening with "he"/"she" gives
    `PRONOUN`.
    """
    mentions = index.mentions(window)
    unnamed = None
    for verb in reversed(list(_VERB.finditer(window))):
        if verb.group("source"):
            after = _name_after(window, verb.end(), index, mentions)
            if after is not None:
                return after[0]
            continue
        subject = _subject_before(window, verb.start(), index, mentions)
        if subject == NOBODY and not _people_word_before(window, verb.start()):
            # "EU states will meet", "the right to respond": a verb (or a noun like one) whose subject is
            # no person; a speech verb further back may still name the speaker ("Kallas said …").
            # "doctors told", "an official said" stop here: someone unnamed spoke.
            unnamed = subject
            continue
        if subject is not None:
            return subject
        after = _name_after(window, verb.end(), index, mentions)
        # "said Putin: «…»": a name after the verb only counts right before the quote.
        if after is not None and not window[after[1] :].strip(" \t\n,:;—–-"):
            return after[0]
    if unnamed is not None:
        return unnamed
    # "Putin: «…»" names the speaker with a colon; a person merely mentioned in the sentence does not.
    single = _single_person(window, mentions, index) if window.rstrip().endswith((":", "—", "–")) else None
    if single is not None:
        return single
    first = _FIRST_WORD.match(window)
    # "She: «…»" refers back; "She had been “hustling”" is narration about her, not her words.
    colon = window.rstrip().endswith(":")
    return PRONOUN if colon and first and first.group(1).casefold() in _HE_SHE else None


_PERSON_SUFFIXES = ("ers", "ors", "ists", "ians", "man", "men", "woman", "women", "person", "people", "official",
                    "officials", "police", "source", "sources", "he", "she", "they", "we", "i", "you")


def _people_word_before(text: str, verb_start: int) -> bool:
    """Whether the word before a verb (past adverbs) can name people: "doctors", "a spokesman", "they"."""
    words = re.findall(r"[^\W\d_]+", text[max(0, verb_start - 60) : verb_start])
    words = [w for w in words if w.casefold() not in _GAP_WORDS]
    return bool(words) and (words[-1].casefold().endswith(_PERSON_SUFFIXES) or words[-1].casefold() in _GROUP_WORDS)


def speaker_after(window: str, index: PeopleIndex) -> Speaker | None:
    """The speaker named right after a quote: "…," Mayor X said / said X / — сказав X."""
    lead = len(window) - len(window.lstrip(" \t\n,.;:!?—–-"))
    verb = _VERB.search(window, lead)
    if verb is None or len(window[lead : verb.start()].split()) > 12:
        return None
    mentions = index.mentions(window)
    if verb.start() > lead and not verb.group("source"):
        subject = _subject_before(window, verb.start(), index, mentions)
        if subject is not None:
            return subject
    after = _name_after(window, verb.end(), index, mentions) or _apposed_name_after(window, verb.end())
    return after[0] if after is not None else NOBODY


def speech_subjects(text: str, index: PeopleIndex) -> list[tuple[int, Speaker]]:
    """(offset, speaker) of every named subject of a speech verb in `text`."""
    mentions = index.mentions(text)
    found = []
    for verb in _VERB.finditer(text):
        if verb.group("source"):
            after = _name_after(text, verb.end(), index, mentions)
            speaker = after[0] if after else None
        else:
            speaker = _subject_before(text, verb.start(), index, mentions)
        if speaker is not None and speaker.known:
            found.append((verb.start(), speaker))
    return found


def mentioned_people(text: str, index: PeopleIndex) -> list[tuple[int, Speaker]]:
    """(offset, speaker) of every registry person named in `text` as a possible subject.

    Not a possessive ("Putin's spokesman"), an inflected (oblique) form, or the object of a
    preposition or of "told/asked" ("met with Starmer", "told Bush"): those are not who speaks next.
    """
    return [
        (m.start, index.speaker(m.person_id))
        for m in index.mentions(text)
        if m.exact and not is_possessive(text, m.end) and subject_position(text, m.start)
    ]


_OBJECT_MARKERS = _words(
    "told asked tells asks urged met thanked called named accused criticised criticized praised than "
    "about with against to for by from of at into on over under"
)


def subject_position(text: str, start: int) -> bool:
    """Whether a name at `start` can be a subject: not right after a preposition or "told"."""
    before = _WORD_AT_END.search(text, max(0, start - 30), _rstrip_at(text, start))
    return before is None or before.group(1).casefold() not in _OBJECT_MARKERS


def _single_person(window: str, mentions: list[Mention], index: PeopleIndex) -> Speaker | None:
    ids = {m.person_id for m in mentions if not is_possessive(window, m.end)}
    return index.speaker(ids.pop()) if len(ids) == 1 else None


def _rstrip_at(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


_WORD_AT_END = re.compile(r"(\w+)$")


def _subject_before(text: str, verb_start: int, index: PeopleIndex, mentions: list[Mention]) -> Speaker | None:
    """The subject of the verb starting at `verb_start`, past adverbs and auxiliaries ("Putin has openly defined")."""
    pos = verb_start
    for _ in range(3):
        word = _WORD_AT_END.search(text, max(0, pos - 40), _rstrip_at(text, pos))
        if word is None or word.group(1).casefold() not in _GAP_WORDS:
            break
        pos = word.start(1)
    end = _rstrip_at(text, pos)
    adverbial = _TIME_OR_PLACE.search(text, max(0, end - 80), end)
    if adverbial is not None and adverbial.start() > 0:  # "The Indian army in a statement said", "… on Sunday said"
        end = _rstrip_at(text, adverbial.start())
    if _PASSIVE.match(text, verb_start) and _PASSIVE_AUX.search(text, max(0, verb_start - 12), verb_start):
        return None  # "Doria is said to have…": reported about, not speaking
    before = _WORD_AT_END.search(text, max(0, end - 20), end)
    coordinated = before is not None and before.group(1).casefold() in ("and", "but")
    if (end > 0 and text[end - 1] == "," and _participle(text, verb_start)) or coordinated:
        # "…, declaring that", "… and pledged to": the verb shares the subject the sentence opened with
        return _opening_subject(text, verb_start, index, mentions)
    if end > 0 and text[end - 1] == ",":
        return _comma_subject(text, end - 1, index, mentions)
    if before is not None and before.group(1).casefold() == "who":  # "said Tester, who also says he is …"
        comma = _rstrip_at(text, before.start())
        return _comma_subject(text, comma - 1, index, mentions) if comma and text[comma - 1] == "," else None
    named = _named_subject(text, end, index, mentions)
    return named if named is not None else _word_subject(text, end)


_PASSIVE = re.compile(r"\w+\s+to\s", re.IGNORECASE)
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_TIME_OR_PLACE = re.compile(
    rf"(?:\s+(?:on\s+(?:{_WEEKDAYS})|in\s+an?\s+(?:statement|news\s+briefing|briefing|interview|post|letter)"
    rf"(?:\s+(?:in|on)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?|(?:yesterday|today|earlier|later)))+$"
)
_PASSIVE_AUX = re.compile(r"(?<!\w)(?:is|was|are|were|be|been|being)\s+$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?]\s")
_OPENERS = _words("but and still so yet meanwhile however then")


def _participle(text: str, verb_start: int) -> bool:
    words = text[verb_start : verb_start + 30].split()
    return bool(words) and words[0].casefold().endswith("ing")


def _opening_subject(text: str, verb_start: int, index: PeopleIndex, mentions: list[Mention]) -> Speaker | None:
    """The person a sentence opens with ("Trump, meanwhile, rejects …"), if the verb is in that sentence."""
    if _SENTENCE_BREAK.search(text, 0, verb_start):
        return None
    pos = len(text) - len(text.lstrip())
    first = _FIRST_WORD.match(text, pos)
    if first is not None and first.group(1).casefold() in _OPENERS:
        pos = len(text) - len(text[first.end() :].lstrip(" ,"))
    elif first is not None and first.group(1).casefold() in _PREPOSITIONS:  # "On Monday, Sir Keir dodged …"
        comma = text.find(",", pos, min(verb_start, pos + 40))
        pos = len(text) - len(text[comma + 1 :].lstrip()) if comma > 0 else pos
    for mention in mentions:
        if mention.start == pos and mention.end <= verb_start and mention.exact:
            return None if is_possessive(text, mention.end) else index.speaker(mention.person_id)
    name = _NAME_AT_START.match(text, pos)
    if name is None or not re.match(r",|\s+[a-z]", text[name.end() :]):
        return None
    cleaned = _clean_name(name.group().split())
    return Speaker(None, cleaned) if cleaned and len(cleaned.split()) <= 3 else None


def _comma_subject(text: str, comma: int, index: PeopleIndex, mentions: list[Mention]) -> Speaker | None:
    """ "Jens Stoltenberg, said", "Usman Wadatau, a community leader in Gidan, told": the name before the verb.

    The subject is the first comma-separated part that ends in a name: in "Richard Weir, 60, from
    Tynemouth, North Tyneside, said" the later parts describe him (a place is not the speaker).
    """
    for end in _clause_ends(text, comma):
        first = _WORD_AT_END.search(text, end, min(len(text), end + 40))
        segment = text[end : text.find(",", end) if text.find(",", end) >= 0 else len(text)].split()
        if not segment or segment[0].casefold() in _PREPOSITIONS or (first and first.group(1).casefold() == "who"):
            continue
        named = _named_subject(text, _rstrip_at(text, end + len(text[end:].split(",")[0])), index, mentions)
        if named is not None and named.known:
            return named
    named = _named_subject(text, _rstrip_at(text, comma), index, mentions)
    if named is not None and named.known:
        return named
    earlier = text.rfind(",", max(0, comma - 100), comma)
    if earlier >= 0 and _APPOSITION.match(text, earlier + 1):
        return _named_subject(text, _rstrip_at(text, earlier), index, mentions)
    return named


def _clause_ends(text: str, comma: int) -> list[int]:
    """Starts of the comma-separated parts before `comma`, earliest first, back to the clause's start."""
    low = max(0, comma - 250)
    stop = max(text.rfind(ch, low, comma) for ch in ".!?:;«»“”\"")
    starts: list[int] = []
    pos = comma
    while len(starts) < 6:
        earlier = text.rfind(",", max(low, stop + 1), pos)
        if earlier < 0:
            starts.append(max(low, stop + 1))
            break
        starts.append(earlier + 1)
        pos = earlier
    return [len(text) - len(text[s:].lstrip()) for s in reversed(starts)]


def _named_subject(text: str, end: int, index: PeopleIndex, mentions: list[Mention]) -> Speaker | None:
    """The person, or a capitalised name, ending at `end`; NOBODY when it follows a preposition."""
    mention = next((m for m in mentions if m.end == end), None)
    if mention is not None:
        # An inflected Ukrainian form before the verb is a genitive ("речник Путіна заявив").
        speaker, start = (index.speaker(mention.person_id) if mention.exact else NOBODY), mention.start
    else:
        found = _name_ending_at(text, end)
        if found is None:
            return None
        speaker, start = Speaker(None, found[0]), found[1]
    before = _WORD_AT_END.search(text, max(0, start - 20), _rstrip_at(text, start))
    if before is not None and before.group(1) in _PREPOSITIONS:
        return NOBODY  # "a spokesman for Putin said": the speaker is not the person named
    return speaker


def _word_subject(text: str, end: int) -> Speaker | None:
    word = _WORD_AT_END.search(text, max(0, end - 40), end)
    if word is None:
        return None
    if word.start() > 0 and text[word.start() - 1] in "'’ʼ":
        return None  # "Russia's claims": a noun, not a verb with a subject
    lowered = word.group(1).casefold()
    if lowered in _HE_SHE:
        return PRONOUN
    if lowered == "it":
        return IT
    if lowered in _UNNAMED_PRONOUNS:
        return NOBODY
    if lowered in _NO_SUBJECT or not word.group(1).isalpha():
        return None
    return NOBODY


def _name_ending_at(text: str, end: int) -> tuple[str, int] | None:
    of = _OF_THE.search(text, max(0, end - 140), end)
    if of is not None:  # "Rebecca English of the Daily Mail said": the person, not the paper
        end = of.start()
    match = _NAME_AT_END.search(text, max(0, end - 100), end)
    if match is None or (match.start() > 0 and (text[match.start() - 1].isalnum() or text[match.start() - 1] in "-'’")):
        return None
    tokens = [(t.group(), match.start() + t.start()) for t in re.finditer(r"\S+", match.group())]
    cleaned = _clean_name([t for t, _ in tokens])
    return (cleaned, tokens[len(tokens) - len(cleaned.split())][1]) if cleaned else None


def _clean_name(tokens: list[str]) -> str | None:
    while tokens and tokens[0].casefold().rstrip(".") in _LEADING_STOPWORDS:
        tokens = tokens[1:]
    if not tokens or (len(tokens) == 1 and tokens[0].casefold() in _GROUP_WORDS):
        return None
    folded = [t.casefold().strip(".,") for t in tokens]
    if len(tokens) == 1 and not (plausible_name(tokens[0]) and nominative(tokens[0])):
        return None  # "Сумська", "Харкова": a common word or an oblique case is no speaker's name
    titles_only = all(f in _TITLES or t.isupper() for t, f in zip(tokens, folded, strict=True))
    if titles_only or any(t in _INSTITUTIONS for t in folded):
        return None  # "Daily Mail", "Security Council", "US President": not a person's name
    if _POSSESSIVE.search(tokens[-1]) and tokens[-1][-1] in "sS'’ʼ":
        return None
    return " ".join(tokens)


def _last_name_run(text: str, start: int, first: re.Match[str]) -> re.Match[str]:
    """"said Kyiv resident Svitlana Onofryichuk, 55": the name after a description, not the place before it."""
    stop = re.search(r"[,.;:\n]", text[start : start + 80])
    segment_end = start + (stop.start() if stop else min(80, len(text) - start))
    runs = list(_NAME_RUN.finditer(text, start, segment_end))
    between = text[first.end() : runs[-1].start()] if len(runs) > 1 else ""
    if len(runs) > 1 and between.strip() and not re.search(r"\b(?:and|or|і|та|и)\b", between):
        return runs[-1]
    return first


def _name_after(text: str, pos: int, index: PeopleIndex, mentions: list[Mention]) -> tuple[Speaker, int] | None:
    """The speaker named right after a verb ("said James Blair", "сказав він") and where the name ends."""
    start = len(text) - len(text[pos:].lstrip())
    for mention in mentions:
        if mention.start == start:
            return index.speaker(mention.person_id), mention.end
    word = _FIRST_WORD.match(text, pos)
    if word is not None and word.group(1).casefold() in _HE_SHE:
        return PRONOUN, word.end()
    name = _NAME_AT_START.match(text, start)
    if name is None:
        return None
    name = _last_name_run(text, start, name)
    inside = [m for m in mentions if start <= m.start < name.end()]
    if inside:
        return index.speaker(inside[0].person_id), max(name.end(), inside[0].end)
    cleaned = _clean_name(name.group().split())
    return (Speaker(None, cleaned), name.end()) if cleaned else None


_APPOSED_AFTER = re.compile(
    r"\s*(?:the|a|an)\s[^,.;:\"“”«»]{1,80},\s*(?P<name>(?:[A-Z][\w'’-]*\s+){1,3}[A-Z][\w'’-]*)\s*[.,;]"
)


def _apposed_name_after(text: str, pos: int) -> tuple[Speaker, int] | None:
    """ "says the former editor of the Standard, George Osborne.": the name after the description."""
    match = _APPOSED_AFTER.match(text, pos)
    cleaned = _clean_name(match.group("name").split()) if match else None
    return (Speaker(None, cleaned), match.end("name")) if match and cleaned else None
