"""Quotations in an article body and who said them (SPEC §3).

`extract_quotes` returns every quotation in the article's blocks, numbered 1..n in document
order, located by block and offsets of the quoted words (marks excluded), with its speaker
and `context`: the sentence holding it (all of it when the quote spans several sentences;
cut to 300 characters either side of the quote in a very long one).

Decisions:
- Scare quotes (an "artificial country") are quotations like any other: SPEC wants
  everything quoted, and a verdict may cite a short phrase. With nobody named for them they
  stay unattributed: a speaker is never guessed.
- Nested quotations (« … „…“ … ») belong to the enclosing quote: no entry of their own.
- Marks: "…", “…”, „…“, «…», German »…«; ‘…’ only when closed within 200 characters (’ is
  also the apostrophe); straight ' never. Straight " opens or closes by its neighbours.
- Malformed marks: a `malformed-quote` warning at the article's location, and a best effort.
  A mismatched pair («…", “…“) still closes. A closing mark in an opening position opens.
  An opener still open at the end of its block runs to the end of the block minus a trailing
  ".,;:" (seed 004 `«The »split" of Ukraine.` gives `The »split" of Ukraine`), unless it
  encloses well-formed quotes, which are kept instead. An open quote followed by a paragraph
  that starts with a quotation mark is the multi-paragraph convention: no warning, and the
  next paragraph's quote keeps the speaker.
- Wire lines `Quote from NAME: …` / `Quote: …` (`Цитата`, `Пряма мова`) quote the rest of
  the line, with marks or without; a bare `Quote:` takes the nearest preceding attribution.
- A blockquote block is one quote; `pre` blocks (code) are skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from generator.attribution.dialogue import inner_attribution, is_list_item, split_dash_line
from generator.attribution.discourse import interviewee, named_people
from generator.attribution.kinds import looks_like_name, quote_kind
from generator.attribution.narration import NarrationMixin, Recorded, quote_bounds, sentence_context
from generator.attribution.overrides import apply_overrides
from generator.attribution.resolve import DESCRIBED, LAST_ORGANISATION, PRONOUN, clause_speaker, common_noun
from generator.diagnostics import Diagnostics
from generator.model import Article, AttributionMethod, Quote, QuoteKind
from generator.quotemarks import DOUBLE_OPENERS, Span, headline_single_quotes, scan_marks
from generator.speakers import (
    NOBODY,
    PeopleIndex,
    Speaker,
    mentioned_people,
    speaker_before,
    speech_subjects,
    subject_position,
)

CODE_MALFORMED = "malformed-quote"
_MAX_WARNINGS = 10
_WINDOW = 400  # characters of attribution looked at before a quote
_LOOKBACK = 600  # characters searched for the person a "he" refers to

# Starts only at the first mark of a run, and never gives back what it took: a run of n marks
# not followed by a sentence start was tried from each of its n positions (quadratic).
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++[\"”»’)\]]*+(?=\s++[\"“«„(\[]?[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐ0-9])")
_ABBREVIATIONS = frozenset(
    re.split(
        " ", "mr mrs ms dr sen gov rep st jr sr gen col lt sgt prof inc co corp ltd no vs fig est тис млн грн ім р ст"
    )
)
_LABEL = re.compile(
    r"\s*(?:(?:quote\s+from|пряма\s+мова|цитата)\s+(?P<name>[^:\"“«„\n]{1,80}?)|quote|цитата|пряма\s+мова)\s*:\s*",
    re.IGNORECASE,
)
_OWN_WORDS = re.compile(
    r"(?<!\w)(?:по\s+(?:его|ее|её)\s+(?:словам|мнению)|на\s+(?:его|ее|её)\s+взгляд|за\s+(?:його|її)\s+словами|"
    r"на\s+(?:його|її)\s+думку|in\s+(?:his|her)\s+words|in\s+(?:his|her)\s+view)(?!\w)",
    re.IGNORECASE,
)
_PRONOUN_WORD = re.compile(r"(?<!\w)(?:he|she|він|вона|он|она)(?!\w)", re.IGNORECASE)
_REFERS_BACK = re.compile(r"(?<!\w)(?:he|she|his|her|him|він|вона|його|її|йому|он|она|его|её|ее|ему|ей)(?!\w)", re.I)
_DASH_SIGNATURE = re.compile(r"\s[—–-]\s*(?P<name>[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐ][^—–\n]{1,60})$")


def sentence_starts(text: str, spans: list[Span]) -> list[int]:
    """Offsets where sentences begin (0 first); full stops inside quotations do not count."""
    opens = [s.open for s in spans]
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        k = bisect_right(opens, match.start()) - 1
        if k >= 0:
            close = spans[k].close
            if close is None or match.end() <= close:
                continue
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        starts.append(match.end())
    return starts


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"(\w+)$", text[max(0, dot - 12) : dot])
    return word is not None and (len(word.group(1)) == 1 or word.group(1).casefold() in _ABBREVIATIONS)


def _excerpt(text: str, i: int) -> str:
    return " ".join(text[max(0, i - 40) : i + 40].split())


@dataclass
class _Block:
    index: int
    text: str
    spans: list[Span]
    starts: list[int]

    def sentence(self, span: Span) -> tuple[int, int]:
        close = len(self.text) if span.close is None else span.close
        first = self.starts[bisect_right(self.starts, span.open) - 1]
        after = bisect_right(self.starts, close)
        return first, self.starts[after] if after < len(self.starts) else len(self.text)


def extract_quotes(article: Article, people: PeopleIndex, diags: Diagnostics) -> tuple[Quote, ...]:
    """Every quotation in `article.blocks`, numbered in document order (see the module docstring)."""
    return _ArticleQuotes(article, people, diags).run()


class _ArticleQuotes(NarrationMixin):
    def __init__(self, article: Article, people: PeopleIndex, diags: Diagnostics) -> None:
        self.article = article
        self.people = people
        self.diags = diags
        self.quotes: list[Quote] = []
        self.recorded: dict[int, list[Recorded]] = {}
        self.tails: dict[int, Speaker] = {}
        self.last_known = NOBODY
        self.continued: Speaker | None = None  # speaker of a quote left open for the next paragraph
        self.pending_label: Speaker | None = None  # a `Quote from X:` line whose quote is the next paragraph
        self.problems: list[str] = []
        self.surnames: dict[str, str] = {}  # printed surnames seen so far (lemma → full name)
        self.topic = NOBODY  # the person the latest narration was about (a subject, not an object)
        self.topics: dict[int, Speaker] = {}  # each paragraph's topic, for the paragraph after it
        self.topics_done = 0  # topics are worked out lazily, up to the block that needs them
        self.interviewee = interviewee(article, people)
        self.last_organisation = NOBODY  # the organisation named last, for "it said", "йдеться в заяві"
        self.dash_speaker = NOBODY  # the speaker of the last dash-dialogue paragraph
        self.dash_run = False  # whether the previous paragraph was dash dialogue
        self.asked = False  # whether the previous paragraph was an interview question
        self.answering: Speaker | None = None  # the interviewee, while an answer runs over paragraphs
        self.chain: list[int] = []  # unattributed paragraphs of a quote still running on (multi-paragraph)

    def run(self) -> tuple[Quote, ...]:
        for index, block in enumerate(self.article.blocks):
            if block.kind == "pre":
                self.continued = self.pending_label = None
            elif block.kind == "blockquote":
                self._blockquote(index, block.text)
            else:
                self._paragraph(index, block.text)
        self._report()
        found = self._title_quotes() + tuple(self.quotes)
        return apply_overrides(found, self.article.quote_overrides, self.people)

    def _record(
        self, b: int, span: Span, bounds: tuple[int, int], speaker: Speaker, context: str, kind: QuoteKind = "speech"
    ) -> None:
        text = self.article.blocks[b].text
        start, end = bounds
        number, name = len(self.quotes) + 1, speaker.name
        quote = Quote(self.article.id, number, text[start:end], speaker.person_id, name, context, b, start, end,
                      kind=kind, method=speaker.how)
        self.quotes.append(quote)
        if kind == "name":
            return  # a title or a company: no speaker, and no bearing on the quotes after it
        close = len(text) if span.close is None else span.close
        self.recorded.setdefault(b, []).append(Recorded(span.open, close, speaker))
        if speaker.known:
            self.last_known = speaker

    def _paragraph(self, b: int, text: str) -> None:
        line = split_dash_line(text) if self.article.blocks[b].kind == "p" else None
        if line is not None:
            self._dash_paragraph(b, text, line)
            return
        if self.answering is not None and self._answer_goes_on(b):
            if not is_list_item(text):
                span = Span(-1, len(text), markless=True)
                bounds = quote_bounds(text, span)
                self._record(b, span, bounds, self.answering.via(AttributionMethod.FOLLOW_ON), text.strip())
            return
        self.answering = None
        self.dash_run = False
        marks = scan_marks(text)
        if not marks.spans:
            marks.spans = headline_single_quotes(text)
        spans, label = self._apply_label(b, text, marks.spans)
        block = _Block(b, text, spans, sentence_starts(text, spans))
        continued, self.continued = self.continued, None
        chain, self.chain = (self.chain if continued is not None else []), []
        for stray_at, message in marks.stray:
            self._problem(b, text, stray_at, message)
        for k, span in enumerate(spans):
            start, end = quote_bounds(text, span)
            if start >= end:
                continue
            first, last = block.sentence(span)
            context = sentence_context(text, first, last, start, end)
            if not span.markless and looks_like_name(text[start:end], text[first : span.open]):
                self._record(b, span, (start, end), NOBODY, context, kind="name")
                continue
            speaker = label if k == 0 and label is not None else self._attribute(block, k, continued)
            kind = quote_kind(text[start:end], text[first : span.open], speaker.known or span.markless)
            self._record(b, span, (start, end), speaker, context, kind)
            if k == 0 and chain and speaker.known:
                self._backfill(chain, speaker)  # "“…" / "“…,” X concluded": X said the paragraphs before too
            if span.close is None and not span.markless:
                if not span.problem and self._continues(b):
                    self.continued = speaker
                    self.chain = (chain if k == 0 else []) + ([] if speaker.known else [len(self.quotes) - 1])
                else:
                    self._problem(b, text, span.open, span.problem or f"{text[span.open]} is never closed")
            elif span.problem:
                self._problem(b, text, span.open, span.problem)

    def _apply_label(self, b: int, text: str, spans: list[Span]) -> tuple[list[Span], Speaker | None]:
        """Wire lines `Quote from NAME: …`: the first quotation (or the rest of the line) is NAME's."""
        pending, self.pending_label = self.pending_label, None
        match = _LABEL.match(text)
        if match is None:
            starts_quote = pending is not None and (not spans or not text[: spans[0].open].strip())
            return (spans or [Span(-1, None, markless=True)], pending) if starts_quote else (spans, None)
        name = match.group("name")
        speaker = self._named(name) if name else self._nearest_attribution(b)
        if match.end() == len(text):
            self.pending_label = speaker
            return [], None
        if spans and spans[0].open == match.end():
            return spans, speaker
        if spans and spans[0].open < match.end():
            return spans, None
        return [Span(match.end() - 1, None, markless=True)], speaker

    def _named(self, name: str) -> Speaker:
        person_id = self.people.resolve(name)
        return self.people.speaker(person_id) if person_id else Speaker(None, " ".join(name.split()))

    def _continues(self, b: int) -> bool:
        blocks = self.article.blocks
        return b + 1 < len(blocks) and blocks[b + 1].kind != "pre" and blocks[b + 1].text.lstrip()[:1] in '“«„"'

    def _attribute(self, block: _Block, k: int, continued: Speaker | None) -> Speaker:
        span, text = block.spans[k], block.text
        first, _ = block.sentence(span)
        previous = block.spans[k - 1] if k else None
        low = max(first, span.open - _WINDOW, previous.close + 1 if previous and previous.close is not None else 0)
        prefix = text[low : max(low, span.open)]
        found = None
        inner = inner_attribution(text[span.open + 1 : span.close]) if span.close is not None else None
        if inner is not None:  # «… – говорить X. – …»
            found = clause_speaker(inner, self.people, self.surnames)
        elif span.close is not None and _suffix_attributes(prefix, text, span):
            found = clause_speaker(self._suffix(block, k), self.people, self.surnames)
        if found is None or found == NOBODY:
            before = speaker_before(prefix, self.people)
            if before is not None and (found is None or before.known or before.pronoun):
                found = _described(before)
        if found is None and _OWN_WORDS.search(prefix):
            found = PRONOUN  # "по его мнению, … «…»", "in his words"
        if found is not None:
            # "X condemned what he calls “…”": a pronoun refers to whom the sentence named before it
            pronoun = list(_PRONOUN_WORD.finditer(prefix))
            return self._settle(found, block.index, low + pronoun[-1].start() if pronoun else low)
        return self._fallback(block, k, prefix, continued)

    def _settle(self, found: Speaker, b: int, pos: int) -> Speaker:
        """A pronoun or description resolved to whom it refers; an organisation's words to the organisation."""
        if found == LAST_ORGANISATION:
            self._catch_up(b)
            return self.last_organisation.via(AttributionMethod.ORGANISATION)
        if found.pronoun:
            return self._antecedent(b, pos, fallback=True)
        return found

    def _suffix(self, block: _Block, k: int) -> str:
        """The words after a quote up to the end of its sentence, the next quote, or 300 characters."""
        text, close = block.text, block.spans[k].close or 0
        after = bisect_right(block.starts, close + 1)
        stops = [close + 300, *block.starts[after : after + 1], *(s.open for s in block.spans[k + 1 : k + 2])]
        return text[close + 1 : min(stops)]

    def _fallback(self, block: _Block, k: int, prefix: str, continued: Speaker | None) -> Speaker:
        """No attribution in the quote's own sentence: the previous quote of the paragraph, or its lead-in."""
        recorded = self.recorded.get(block.index)
        if k and recorded:
            previous = recorded[-1]
            between = block.text[previous.close + 1 : block.spans[k].open]
            named = mentioned_people(between, self.people) + speech_subjects(between, self.people)
            # Someone else named in between may be the new speaker: better unattributed than wrong.
            return previous.speaker if all(s == previous.speaker for _, s in named) else NOBODY
        if continued is not None and not prefix.strip():
            return continued.via(AttributionMethod.FOLLOW_ON)
        self._catch_up(block.index)
        heading = self.article.blocks[block.index].kind in ("h2", "h3", "h4")  # a headline carries on no one
        if not prefix.strip(" \t\n-–—•*'") and block.index > 0 and not heading:
            lead = self._lead_in(block.index - 1, colon_only=False)
            if lead.known:  # "X said:" introduces the quote; any other mention of X carries on X's words
                colon = self.article.blocks[block.index - 1].text.rstrip().endswith(":")
                return lead if colon else lead.via(AttributionMethod.FOLLOW_ON)
            if self.interviewee.known:
                return self.interviewee.via(AttributionMethod.FOLLOW_ON)
            previous_topic = self.topics.get(block.index - 1, NOBODY)
            if not previous_topic.known and _REFERS_BACK.search(self.article.blocks[block.index - 1].text):
                previous_topic = self.topic  # "На его взгляд, …" / «…»: still the person before
            return previous_topic.via(AttributionMethod.FOLLOW_ON)
        return NOBODY

    def _lead_in(self, b: int, colon_only: bool) -> Speaker:
        """The speaker announced at the end of block `b` ("Putin said:") for a quote in the next block."""
        text = self.article.blocks[b].text.rstrip()
        if self.article.blocks[b].kind not in ("p", "li") or not text:
            return NOBODY
        starts = sentence_starts(text, scan_marks(text).spans)
        last = text[starts[-1] :]
        if text.endswith(":"):
            found = speaker_before(last, self.people)
        elif colon_only:
            return NOBODY
        else:
            subjects = speech_subjects(last, self.people)
            found = subjects[-1][1] if subjects else None
        if found is not None and found.pronoun:
            return self._antecedent(b, starts[-1], fallback=True)
        return found or NOBODY

    def _antecedent(self, b: int, pos: int, fallback: bool) -> Speaker:
        """Whom "he"/"she" before offset `pos` of block `b` refers to: the interviewee of an interview,
        else the last person named as a subject before it, else the last speaker."""
        if self.interviewee.known:
            return self.interviewee.via(AttributionMethod.PRONOUN)
        self._catch_up(b)
        text = self.article.blocks[b].text
        recorded = self.recorded.get(b, [])
        previous = recorded[-1] if recorded and recorded[-1].open < pos else None
        low = max(0, pos - _LOOKBACK, previous.close + 1 if previous else 0)
        window = text[low:pos]
        candidates = mentioned_people(window, self.people) + speech_subjects(window, self.people)
        named = named_people(window, self.people, self.surnames)
        candidates += [(n.start, n.speaker) for n in named if n.nominative and subject_position(window, n.start)]
        if candidates:
            return max(candidates, key=lambda c: c[0])[1].via(AttributionMethod.PRONOUN)
        if previous is not None:
            return previous.speaker.via(AttributionMethod.PRONOUN)
        if not fallback or b == 0:
            return NOBODY
        previous_topic = self.topics.get(b - 1, NOBODY)
        return (previous_topic if previous_topic.known else self.topic).via(AttributionMethod.PRONOUN)

    def _nearest_attribution(self, b: int) -> Speaker:
        """For a bare `Quote:` line: the last named speaker of the paragraphs before it."""
        for j in range(b - 1, max(-1, b - 10), -1):
            text = self.article.blocks[j].text
            candidates = [(r.open, r.speaker) for r in self.recorded.get(j, []) if r.speaker.known]
            offset = max(0, len(text) - _LOOKBACK)
            candidates += [(offset + at, s) for at, s in speech_subjects(text[offset:], self.people)]
            if candidates:
                return max(candidates, key=lambda c: c[0])[1]
        return self.last_known

    def _blockquote(self, b: int, text: str) -> None:
        start, end = quote_bounds(text, Span(-1, len(text), markless=True))
        signature = _DASH_SIGNATURE.search(text, start, end)
        if signature is not None:  # "… — George W. Bush (speech, 2005)"
            speaker = self._named(signature.group("name").split("(")[0].strip(" ,"))
            start, end = quote_bounds(text, Span(start - 1, signature.start()))
        else:
            speaker = self._lead_in(b - 1, colon_only=False) if b > 0 else NOBODY
        if end - start >= 2 and text[start] in DOUBLE_OPENERS and text[end - 1] in '»”“"«':
            start, end = quote_bounds(text, Span(start, end - 1))
        if start < end:
            whole = sentence_context(text, 0, len(text), start, end)
            self._record(b, Span(-1, len(text)), (start, end), speaker, whole)
        self.continued = self.pending_label = None

    def _problem(self, b: int, text: str, at: int, message: str) -> None:
        self.problems.append(f"malformed quotation marks in block {b + 1} ({message}): {_excerpt(text, at)}")

    def _report(self) -> None:
        for message in self.problems[:_MAX_WARNINGS]:
            self.diags.warning(CODE_MALFORMED, message, self.article.location)
        if len(self.problems) > _MAX_WARNINGS:
            more = len(self.problems) - _MAX_WARNINGS
            self.diags.warning(CODE_MALFORMED, f"{more} more malformed quotation(s) not shown", self.article.location)


def _suffix_attributes(prefix: str, text: str, span: Span) -> bool:
    """Whether the words after a quote can attribute it ("…," he said) rather than start a new clause."""
    close = span.close if span.close is not None else len(text)
    follows = text[close + 1 : close + 5].lstrip(" \t\n'")[:1]  # '' is Wikinews italics markup
    inner_end = text[span.open + 1 : close].rstrip()[-1:]
    return not prefix.strip(" \t\n-–—•*:'") or follows in (",", "—", "–", "-") or inner_end in (",", "?", "!", "…")


def _described(found: Speaker) -> Speaker:
    """A subject printed as one Cyrillic common noun ("Президент заявив", "Активістка зазначила") refers back."""
    name = found.name or ""
    if found.person_id is None and len(name.split()) == 1 and re.search(r"[\u0400-\u04ff]", name) and common_noun(name):
        return DESCRIBED
    return found
