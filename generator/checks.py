"""Cross-reference checks over the whole archive, and the quote rule (SPEC §6).

Runs after everything is loaded: ratings against the scale, article and
claimant references against what exists, and every quote against the text of
the article it cites. A quote that is found gets an `Anchor` (where it sits in
the article) in `archive.citation_anchors`; one that is not found is reported
with the closest passage of the article and the words that differ.
"""

from __future__ import annotations

import bisect
import difflib
import heapq
import re
from collections import Counter
from dataclasses import dataclass, field

from generator.diagnostics import Diagnostics, Location, did_you_mean
from generator.model import Anchor, Archive, Article, Citation, Verdict
from generator.normalise import QUOTE_CHARS, fold, normalise, normalise_with_map

MAX_PASSAGE_CHARS = 240
MAX_FUZZY_QUOTE_WORDS = 120
MAX_FUZZY_ARTICLE_WORDS = 400_000
_ID_LIKE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)+$")
_PLACEHOLDER = re.compile(r"\bTODO\b")
_KINDS = (("appearances", "a"), ("evidence", "e"))
_QUOTE_MARK = "[" + re.escape(QUOTE_CHARS) + "]"
CODE_OVERRIDE_NOT_FOUND = "quote-override-not-found"


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote sits: block index and character offsets in that block's text."""

    block: int
    start: int
    end: int


@dataclass(frozen=True)
class Passage:
    """The article's words closest to a quote that was not found, and how they differ."""

    text: str
    ratio: float
    differences: tuple[str, ...]


@dataclass
class ArticleText:
    """An article's normalised text, built once and searched for every quote citing it."""

    article: Article
    blocks: list[tuple[str, list[int]]] = field(init=False)
    joined: str = field(init=False)
    starts: list[int] = field(init=False)  # offset of each non-empty block in `joined`
    block_ids: list[int] = field(init=False)
    _words: list[tuple[int, int]] | None = field(init=False, default=None)
    _keys: list[str] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.blocks = [normalise_with_map(block.text) for block in self.article.blocks]
        parts, self.starts, self.block_ids, offset = [], [], [], 0
        for index, (norm, _) in enumerate(self.blocks):
            if norm:
                parts.append(norm)
                self.starts.append(offset)
                self.block_ids.append(index)
                offset += len(norm) + 1
        self.joined = " ".join(parts)

    def find(self, quote: str) -> QuoteMatch | None:
        """The quote's place, per block first; a quote across blocks is anchored in its first block."""
        wanted = normalise(quote)
        if not wanted:
            return None
        for index, (norm, where) in enumerate(self.blocks):
            at = norm.find(wanted)
            if at >= 0:
                return QuoteMatch(index, where[at], where[at + len(wanted) - 1] + 1)
        at = self.joined.find(wanted)
        if at < 0:
            return None
        slot = bisect.bisect_right(self.starts, at) - 1
        index = self.block_ids[slot]
        start = self.blocks[index][1][at - self.starts[slot]]
        return QuoteMatch(index, start, len(self.article.blocks[index].text))

    @property
    def words(self) -> list[tuple[int, int]]:
        if self._words is None:
            spans = [m.span() for m in re.finditer(r"\S+", self.joined)]
            self._words = spans[:MAX_FUZZY_ARTICLE_WORDS]
        return self._words

    def closest(self, quote: str) -> Passage | None:
        """The passage most like the quote: candidate windows by shared words, then difflib on a few."""
        quote_words = normalise(quote).split(" ")[:MAX_FUZZY_QUOTE_WORDS]
        wanted = [_word_key(w) for w in quote_words]
        if self._keys is None:
            self._keys = [_word_key(self.joined[s:e]) for s, e in self.words]
        keys = self._keys
        if not keys or not wanted:
            return None
        best = (0.0, 0, 0)
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(wanted)
        size = len(wanted)
        reach = min(6, size // 3 + 1)
        for candidate in _candidate_starts(keys, wanted):
            for start in range(max(0, candidate - reach), min(len(keys), candidate + reach + 1)):
                for length in (size - 1, size, size + 1):
                    if length < 1 or start + length > len(keys):
                        continue
                    matcher.set_seq1(keys[start : start + length])
                    if matcher.real_quick_ratio() > best[0] and matcher.quick_ratio() > best[0]:
                        best = max(best, (matcher.ratio(), -start, length))
        ratio, start, length = best[0], -best[1], best[2]
        if ratio == 0.0:
            return None
        found_words = [self.joined[s:e] for s, e in self.words[start : start + length]]
        differences = _differences(quote_words, found_words)
        passage = self._original(start, start + length)
        if not re.match(_QUOTE_MARK, quote.strip()):  # the article's own quote marks are noise here
            passage = re.sub(f"^{_QUOTE_MARK}+", "", passage)
        if not re.search(f"{_QUOTE_MARK}$", quote.strip()):
            passage = re.sub(f"{_QUOTE_MARK}+$", "", passage)
        return Passage(passage, ratio, differences)

    def _original(self, first: int, stop: int) -> str:
        """The article's own characters for words [first, stop) when they lie in one block."""
        begin, end = self.words[first][0], self.words[stop - 1][1]
        slot = bisect.bisect_right(self.starts, begin) - 1
        if bisect.bisect_right(self.starts, end - 1) - 1 != slot:
            return self.joined[begin:end]
        norm_offset = self.starts[slot]
        index = self.block_ids[slot]
        where = self.blocks[index][1]
        text = self.article.blocks[index].text
        return text[where[begin - norm_offset] : where[end - 1 - norm_offset] + 1]


def _word_key(word: str) -> str:
    return re.sub(r"[^\w]", "", word.casefold()) or word


def _candidate_starts(keys: list[str], wanted: list[str], count: int = 3) -> list[int]:
    """Window starts sharing the most words with the quote (linear sliding count), far apart."""
    need = Counter(wanted)
    have: Counter[str] = Counter()
    size, shared, scores = len(wanted), 0, []
    for index, key in enumerate(keys):
        if have[key] < need[key]:
            shared += 1
        have[key] += 1
        if index >= size:
            old = keys[index - size]
            have[old] -= 1
            if have[old] < need[old]:
                shared -= 1
        scores.append((shared, -max(0, index - size + 1)))
    chosen: list[int] = []
    for _, negative_start in heapq.nlargest(64, scores):
        start = -negative_start
        if all(abs(start - other) >= size for other in chosen):
            chosen.append(start)
        if len(chosen) == count:
            break
    return chosen


def _differences(quote_words: list[str], found_words: list[str], limit: int = 2) -> tuple[str, ...]:
    ops = difflib.SequenceMatcher(None, [_word_key(w) for w in quote_words], [_word_key(w) for w in found_words])
    notes: list[str] = []
    for tag, q1, q2, f1, f2 in ops.get_opcodes():
        said, source = " ".join(quote_words[q1:q2]), " ".join(found_words[f1:f2])
        if tag == "replace":
            notes.append(f'the quote has "{_clip(said)}" where the article has "{_clip(source)}"')
        elif tag == "delete":
            notes.append(f'the article does not have "{_clip(said)}" here')
        elif tag == "insert" and 0 < q1 < len(quote_words):
            notes.append(f'the article also has "{_clip(source)}" here')
    if not notes and quote_words != found_words:
        notes.append("the words match; capitalisation, punctuation or quote marks differ")
    return tuple(notes[:limit])


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def check_archive(archive: Archive, diags: Diagnostics) -> None:
    """Every cross-reference and quote check; fills `archive.citation_anchors`."""
    texts: dict[str, ArticleText] = {}
    _check_id_clash(archive, diags)
    for verdict in sorted(archive.verdicts.values(), key=lambda v: v.location.path):
        _check_fields(verdict, archive, diags)
        for kind, letter in _KINDS:
            for index, citation in enumerate(getattr(verdict, kind)):
                anchor = _check_citation(verdict, kind, index, citation, archive, texts, diags)
                if anchor is not None:
                    archive.citation_anchors[(verdict.id, kind, index)] = _with_id(anchor, verdict, letter, index)
    _check_duplicate_claims(archive, diags)
    _check_quote_overrides(archive, texts, diags)


def _check_quote_overrides(archive: Archive, texts: dict[str, ArticleText], diags: Diagnostics) -> None:
    """A sidecar's `quotes:` entry must name words of its article, or it corrects nothing."""
    for article in sorted(archive.articles.values(), key=lambda a: a.id):
        for override in article.quote_overrides:
            text = texts.setdefault(article.id, ArticleText(article))
            if text.find(override.quote) is None:
                diags.error(CODE_OVERRIDE_NOT_FOUND, f'the quote "{_clip(override.quote)}" is not in article '
                            f"`{article.id}`{describe_miss(text, override.quote)}", override.location)


def _where(verdict: Verdict, key: str, fallback: Location | None = None) -> Location:
    return verdict.field_locations.get(key) or fallback or verdict.location


def _check_fields(verdict: Verdict, archive: Archive, diags: Diagnostics) -> None:
    """Fields that failed validation are absent from `field_locations` and are not checked again."""
    loaded = verdict.field_locations
    if _has_placeholders(verdict, diags):
        return
    if "rating" in loaded and archive.ratings.ratings and archive.ratings.get(verdict.rating) is None:
        keys = archive.ratings.keys
        hint = did_you_mean(verdict.rating, keys) or _slug_hint(verdict.rating, keys)
        message = f"rating '{verdict.rating}' is not on the rating scale{hint}; the scale is: {', '.join(keys)}"
        diags.error("unknown-rating", message, _where(verdict, "rating"))
    if "claimant" in loaded:
        _check_claimant(verdict, archive, diags)
    if "claim_date" in loaded and "published" in loaded:
        _check_dates(verdict, diags)


def _slug_hint(value: str, keys: tuple[str, ...]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    return f" (did you mean '{slug}'?)" if slug in keys else ""


def _has_placeholders(verdict: Verdict, diags: Diagnostics) -> bool:
    """Fields still holding the template's TODO text; each is one error."""
    found = False
    values = {"claim": verdict.claim, "claimant": verdict.claimant, "rating": verdict.rating,
              "summary": verdict.summary, "author": verdict.author, "body": verdict.body}
    for kind, _ in _KINDS:
        for index, cited in enumerate(getattr(verdict, kind)):
            for key in ("article", "quote", "url", "title", "note"):
                values[f"{kind}.{index}.{key}"] = getattr(cited, key) or ""
    for key, value in values.items():
        if _PLACEHOLDER.search(value):
            name = key.rsplit(".", 1)[-1]
            diags.error("placeholder", f"{name} still holds the template's TODO text; fill it in", _where(verdict, key))
            found = True
    return found


def _check_claimant(verdict: Verdict, archive: Archive, diags: Diagnostics) -> None:
    claimant = verdict.claimant
    if claimant in archive.people or claimant in archive.outlets:
        return
    ids = [*archive.people, *archive.outlets]
    where = _where(verdict, "claimant")
    if _ID_LIKE.fullmatch(claimant):
        hint = did_you_mean(claimant, ids)
        message = (f"claimant '{claimant}' looks like an id but is not in people.yaml or outlets.yaml{hint}; "
                   "add it there, or write the name in full")
        diags.error("unknown-claimant", message, where)
        return
    named = _named(claimant, archive)
    if named:
        message = f"claimant '{claimant}' is {named}; write its id to link its page: `claimant: {named.split()[-1]}`"
        diags.warning("claimant-not-linked", message, where)
    elif re.fullmatch(r"[a-z0-9]+", claimant) and did_you_mean(claimant, ids):
        message = f"claimant '{claimant}' is not a person or outlet id{did_you_mean(claimant, ids)}"
        diags.warning("claimant-not-linked", message, where)


def _named(name: str, archive: Archive) -> str:
    folded = fold(name)
    for person in archive.people.values():
        if folded in {fold(n) for n in (person.name, *person.aliases)}:
            return f"the name of person {person.id}"
    for outlet in archive.outlets.values():
        if folded == fold(outlet.name) or folded in outlet.domains:
            return f"the name of outlet {outlet.id}"
    return ""


def _check_dates(verdict: Verdict, diags: Diagnostics) -> None:
    if verdict.claim_date > verdict.published:
        message = f"claim_date {verdict.claim_date} is after published {verdict.published}; is one of them wrong?"
        diags.warning("date-order", message, _where(verdict, "claim_date"))
    for entry in verdict.updated:
        if entry.date < verdict.published:
            message = f"correction dated {entry.date} is before the verdict was published ({verdict.published})"
            diags.warning("date-order", message, entry.location)


def _check_citation(
    verdict: Verdict, kind: str, index: int, citation: Citation, archive: Archive,
    texts: dict[str, ArticleText], diags: Diagnostics,
) -> Anchor | None:
    if citation.article is None or _PLACEHOLDER.search(citation.article):
        return None
    article = archive.articles.get(citation.article)
    if article is None:
        hint = did_you_mean(citation.article, archive.articles) or _stem_hint(citation.article, archive)
        message = f"article '{citation.article}' is not in the archive (content/articles/){hint}"
        diags.error("unknown-article", message, _where(verdict, f"{kind}.{index}.article", citation.location))
        return None
    if citation.quote is None or _PLACEHOLDER.search(citation.quote):
        return None
    text = texts.get(article.id) or texts.setdefault(article.id, ArticleText(article))
    match = text.find(citation.quote)
    if match is None:
        where = citation.quote_location or citation.location
        diags.error("quote-not-found", _not_found_message(citation.quote, text, archive, texts), where)
        return None
    return Anchor(article.id, _overlapping_quote(article, match), match.block, match.start, match.end)


def _stem_hint(value: str, archive: Archive) -> str:
    stem = value.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return f" (did you mean '{stem}'?)" if stem in archive.articles else ""


def describe_miss(text: ArticleText, quote: str) -> str:
    """'; closest passage: "…"; the quote has "x" where the article has "y"' for a quote not found."""
    passage = text.closest(quote)
    if passage is None or passage.ratio < 0.3:
        return "; nothing in the article is close to it"
    message = f'; closest passage: "{_clip(passage.text, MAX_PASSAGE_CHARS)}"'
    if passage.differences:
        message += "; " + "; ".join(passage.differences)
    return message


def _not_found_message(quote: str, text: ArticleText, archive: Archive, texts: dict[str, ArticleText]) -> str:
    message = f"quote not found in article '{text.article.id}'" + describe_miss(text, quote)
    if "…" in quote or "..." in quote:
        message += "; a quote cannot leave words out (…): cite each unbroken part as its own quote"
    elsewhere = _found_elsewhere(quote, text.article.id, archive, texts)
    if elsewhere:
        message += f"; the quote does occur in article '{elsewhere}': is that the one you meant?"
    return message


def _found_elsewhere(quote: str, cited: str, archive: Archive, texts: dict[str, ArticleText]) -> str | None:
    wanted = normalise(quote)
    for article_id in sorted(archive.articles):
        if article_id == cited:
            continue
        text = texts.get(article_id) or texts.setdefault(article_id, ArticleText(archive.articles[article_id]))
        if wanted and wanted in text.joined:
            return article_id
    return None


def _overlapping_quote(article: Article, match: QuoteMatch) -> str:
    """The anchor of the extracted quote that overlaps most, or '' (the caller names one)."""
    best, best_overlap = "", 0
    for quote in article.quotes:
        if quote.block != match.block:
            continue
        overlap = min(quote.end, match.end) - max(quote.start, match.start)
        if overlap > best_overlap:
            best, best_overlap = quote.anchor, overlap
    return best


def _with_id(anchor: Anchor, verdict: Verdict, letter: str, index: int) -> Anchor:
    if anchor.anchor:
        return anchor
    return Anchor(anchor.article_id, f"c-{verdict.id}-{letter}{index}", anchor.block, anchor.start, anchor.end)


def _check_duplicate_claims(archive: Archive, diags: Diagnostics) -> None:
    seen: dict[str, Verdict] = {}
    for verdict in sorted(archive.verdicts.values(), key=lambda v: v.id):
        key = " ".join(re.findall(r"\w+", fold(verdict.claim)))
        if not key or "claim" not in verdict.field_locations:
            continue
        first = seen.setdefault(key, verdict)
        if first is not verdict:
            message = f"verdict '{first.id}' ({first.location.path}) reviews the same claim; merge them or reword one"
            diags.warning("duplicate-claim", message, _where(verdict, "claim"))


def _check_id_clash(archive: Archive, diags: Diagnostics) -> None:
    for outlet_id in sorted(set(archive.people) & set(archive.outlets)):
        message = f"'{outlet_id}' is both a person and an outlet id; a claimant '{outlet_id}' would be ambiguous"
        diags.warning("id-clash", message, archive.outlets[outlet_id].location)
