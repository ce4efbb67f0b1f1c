"""The article-level half of quote attribution: what a quote's own sentence cannot say.

`quotes._ArticleQuotes` reads an article paragraph by paragraph; this mixin holds the state
that runs across paragraphs and the shapes that need it:

- dash dialogue (`– Текст, – сказав X. – …`) and interview questions and answers, whose
  answers may run over several paragraphs;
- the topic of each paragraph (the person last written about as a subject, or the last
  speaker), which a paragraph-opening quote with no attribution carries on;
- quotes in the title (block -1), attributed from the body's quote with the same words;
- a multi-paragraph quote whose attribution comes at its end ("…," X concluded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.attribution.dialogue import DashLine, split_dash_line
from generator.attribution.discourse import named_people
from generator.attribution.kinds import looks_like_name, quote_kind
from generator.attribution.resolve import DESCRIBED, clause_speaker, common_noun
from generator.model import Article, AttributionMethod, Quote, QuoteKind
from generator.quotemarks import Span, headline_single_quotes, scan_marks
from generator.speakers import NOBODY, PeopleIndex, Speaker, speaker_after, speech_subjects, subject_position


def quote_bounds(text: str, span: Span) -> tuple[int, int]:
    """Offsets of the quoted words: marks, outer whitespace and trailing ",;:" left out."""
    start = span.open + 1
    end = len(text) if span.close is None else span.close
    trailing = ",;:" + ("." if span.close is None and not span.markless else "")
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in trailing):
        end -= 1
    return start, end


def sentence_context(text: str, first: int, last: int, start: int, end: int) -> str:
    if last - first > 1200:
        lead = "…" if start - 300 > first else ""
        tail = "…" if end + 300 < last else ""
        return lead + text[max(first, start - 300) : min(last, end + 300)].strip() + tail
    return text[first:last].strip()


@dataclass(frozen=True)
class Recorded:
    """A quote already attributed, as seen by later attribution: mark offsets and speaker."""

    open: int
    close: int
    speaker: Speaker


_SENTENCE = re.compile(r"[.!?…][\"”»’)]*\s+(?=[\"“«„(]?[A-ZА-ЯЁЄІЇҐ])")


def _description(speaker: Speaker) -> bool:
    """A subject printed as one Cyrillic common noun ("Президент заявив") describes, it does not name."""
    name = speaker.name or ""
    return speaker.person_id is None and len(name.split()) == 1 and common_noun(name)


def _last_sentence_subject(text: str, candidates: list[tuple[int, int, Speaker]]) -> Speaker | None:
    """Of the people a paragraph names as subjects, the speaker (else the first named) of the last
    sentence naming any: a sentence is about its subject ("Katjavivi … visited Geingob")."""
    if not candidates:
        return None
    starts = [0, *(m.end() for m in _SENTENCE.finditer(text))]
    placed = [(max(at, 0), rank, speaker) for at, rank, speaker in candidates]  # a markless quote opens at -1
    last = max(at for at, _, _ in placed)
    sentence = max(s for s in starts if s <= last)
    return min((c for c in placed if c[0] >= sentence), key=lambda c: (c[1], c[0]))[2]


class NarrationMixin:
    """Cross-paragraph attribution state and the shapes that use it (see the module docstring)."""

    article: Article
    people: PeopleIndex
    quotes: list[Quote]
    recorded: dict[int, list[Recorded]]
    surnames: dict[str, str]
    topic: Speaker
    topics: dict[int, Speaker]
    topics_done: int
    dash_speaker: Speaker
    dash_run: bool
    asked: bool
    answering: Speaker | None
    interviewee: Speaker
    last_organisation: Speaker

    def _record(
        self, b: int, span: Span, bounds: tuple[int, int], speaker: Speaker, context: str, kind: QuoteKind = "speech"
    ) -> None:
        raise NotImplementedError

    def _settle(self, found: Speaker, b: int, pos: int) -> Speaker:
        raise NotImplementedError

    def _lead_in(self, b: int, colon_only: bool) -> Speaker:
        raise NotImplementedError

    def _title_quotes(self) -> tuple[Quote, ...]:
        """Quotes in the title come first (block -1, no anchor); the body's are renumbered after them.

        A title quote takes the speaker of the body quote with the same words, or of an attribution
        in the title itself; otherwise it is unattributed.
        """
        title = self.article.title
        spans = scan_marks(title).spans or headline_single_quotes(title)
        found: list[Quote] = []
        for span in spans:
            start, end = quote_bounds(title, span)
            if start >= end:
                continue
            words = title[start:end]
            kind: QuoteKind
            if looks_like_name(words, title[: span.open]):
                speaker, kind = NOBODY, "name"
            else:
                speaker = self._title_speaker(title, span, words)
                kind = quote_kind(words, title[: span.open], speaker.known)
            found.append(Quote(self.article.id, len(found) + 1, words, speaker.person_id, speaker.name, title,
                               -1, start, end, kind=kind, method=speaker.how))
        if found:
            self.quotes = [replace(q, number=q.number + len(found)) for q in self.quotes]
        return tuple(found)

    def _title_speaker(self, title: str, span: Span, words: str) -> Speaker:
        close = span.close if span.close is not None else len(title)
        own = speaker_after(title[close + 1 :], self.people) if title[close + 1 :].strip() else None
        if own is not None and own.known and not own.pronoun:
            return own
        key = words.casefold()
        same = next((q for q in self.quotes if q.kind != "name" and q.text.casefold().startswith(key)), None)
        if same is None or not (same.speaker_id or same.speaker_name):
            return NOBODY
        speaker = Speaker(same.speaker_id, same.speaker_name)
        return speaker.via(AttributionMethod.FOLLOW_ON)

    def _backfill(self, chain: list[int], speaker: Speaker) -> None:
        for index in chain:
            self.quotes[index] = replace(
                self.quotes[index], speaker_id=speaker.person_id, speaker_name=speaker.name,
                method=AttributionMethod.FOLLOW_ON,
            )

    def _dash_paragraph(self, b: int, text: str, line: DashLine) -> None:
        """`– Текст, – сказав X. – Далі…`: each stretch of words is a quote, all of them X's."""
        speaker = self._dash_speaker(b, line)
        self.dash_run = True
        for start, end in line.words:
            span = Span(start - 1, end, markless=True)
            bounds = quote_bounds(text, span)
            if bounds[0] < bounds[1]:
                self._record(b, span, bounds, speaker, sentence_context(text, 0, len(text), *bounds))

    def _answer_goes_on(self, b: int) -> bool:
        """Whether paragraphs after an interview answer are more of it: they run on to the next question
        (or the end) with no heading or other speaker's dialogue between."""
        for block in self.article.blocks[b:]:
            line = split_dash_line(block.text) if block.kind == "p" else None
            if block.kind != "p" or (line is not None and not line.question):
                return False
            if line is not None:
                return True
        return True

    def _dash_speaker(self, b: int, line: DashLine) -> Speaker:
        self._catch_up(b)
        self.answering = None
        if line.question:
            self.asked = True  # an interview: the next unattributed answer is the interviewee's
            addressed = named_people(line.attribution, self.people, self.surnames) if line.attribution else []
            if addressed:  # "…? – поцікавилися ми у інспектора Путренка": he answers next
                self.dash_speaker = addressed[-1].speaker
            return self.people.outlet_speaker() or NOBODY
        asked, self.asked = self.asked, False
        if asked and not line.attribution:
            found = (self.dash_speaker if self.dash_speaker.known else self.interviewee_or_topic()).via(
                AttributionMethod.FOLLOW_ON
            )
            self.answering = found
            return found
        if line.attribution:
            said = clause_speaker(line.attribution, self.people, self.surnames)
            # "– наголосив радник Президента.": a description refers back to whom it describes
            found = self._settle(DESCRIBED if said is None or said == NOBODY else said, b, 0)
            self.dash_speaker = found
            return found
        if asked or self.dash_run:
            return (self.dash_speaker if self.dash_speaker.known else self.topic).via(AttributionMethod.FOLLOW_ON)
        lead = self._lead_in(b - 1, colon_only=False) if b else NOBODY
        found = lead if lead.known else self.topics.get(b - 1, NOBODY).via(AttributionMethod.FOLLOW_ON)
        self.dash_speaker = found
        return found

    def interviewee_or_topic(self) -> Speaker:
        """Who answers an interview's first question: the person the lead named (in any case), else the topic."""
        for j in range(min(len(self.article.blocks), 4)):
            named = named_people(self.article.blocks[j].text, self.people, self.surnames)
            registered = [n for n in named if n.speaker.person_id]
            if registered or named:
                return (registered or named)[0].speaker
        return self.topic

    def _catch_up(self, b: int) -> None:
        """Work out the topics of the blocks before `b` (lazily: most quotes name their speaker)."""
        while self.topics_done < b:
            self._update_topic(self.topics_done)
            self.topics_done += 1

    def _update_topic(self, b: int) -> None:
        """The last person written about in block `b` as a subject, or the speaker of its last quote."""
        text = self.article.blocks[b].text
        organisations = [
            m for m in (self.people.mentions(text) if self.people.organisations else [])
            if m.person_id in self.people.organisations
        ]
        if organisations:
            self.last_organisation = self.people.speaker(organisations[-1].person_id)
        quoted = [(r.open, r.close) for r in self.recorded.get(b, [])]
        named = [
            n for n in named_people(text, self.people, self.surnames)
            if n.nominative and subject_position(text, n.start) and not any(o <= n.start < c for o, c in quoted)
        ]
        # (offset, rank, speaker): who spoke (rank 0) outranks who is merely named (rank 1) in a sentence
        candidates = [(n.start, 1, n.speaker) for n in named]
        subjects = [(at, s) for at, s in speech_subjects(text, self.people) if not _description(s)]
        candidates += [(at, 0, s) for at, s in subjects if not any(o <= at < c for o, c in quoted)]
        candidates += [(r.open, 0, r.speaker) for r in self.recorded.get(b, []) if r.speaker.known]
        topic = _last_sentence_subject(text, candidates)
        self.topics[b] = topic or NOBODY
        if topic is not None:
            self.topic = replace(topic, method=None)
