"""The people index: registry names and aliases found in running text, in any language.

`PeopleIndex` finds the people of `content/people.yaml` (and the organisations a gold set or
registry adds) in running text by name or alias. All aliases are compiled into ONE regex, a
trie of their characters, so text is scanned once whatever the size of the registry; the alias
matched is then looked up by its folded form. Matching is case-insensitive and on whole words
only ("Bush" never matches "Bushehr"). A Cyrillic word of 4+ letters matches as a prefix with
up to 4 more letters ("Путін" finds "Путіна", "путіну"), after dropping a nominative ending when
the stem keeps 4+ letters ("Зеленський" finds "Зеленського"). "." in an alias is optional, and
any apostrophe or dash form matches its kind. The longest alias wins where aliases overlap; an
alias claimed by two people is ambiguous and attributes to nobody (see `ambiguous`).

`Speaker` is who a quote is attributed to, with how that was found.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from generator.attribution.morph import lemmas
from generator.model import AttributionMethod, Person
from generator.normalise import fold, normalise

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_APOSTROPHES = "['’ʼ‘`´\"]"
_DASHES = "[-‐‑‒–—―−]"
_NOMINATIVE_ENDINGS = ("ий", "ій", "ой", "а", "я", "о", "е", "ь", "й")
_INFLECTION = r"[^\W\d_]{0,4}"


@dataclass(frozen=True)
class Mention:
    """A person named in text; `exact` is False for an inflected form ("Путіна")."""

    person_id: str
    start: int
    end: int
    exact: bool = True


@dataclass(frozen=True)
class Organisation:
    """An organisation that speaks ("the ministry said"); `kind` is the noun that can stand for it."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "organisation"


ORG_PREFIX = "@"  # index keys of organisations, kept apart from person ids (which link to person pages)


@dataclass(frozen=True)
class Speaker:
    person_id: str | None = None
    name: str | None = None
    pronoun: bool = False
    method: AttributionMethod | None = None

    @property
    def known(self) -> bool:
        return self.person_id is not None or self.name is not None

    @property
    def how(self) -> AttributionMethod:
        """How this speaker was found: as recorded, else by the kind of name it carries."""
        if self.method is not None:
            return self.method
        if self.person_id is not None:
            return AttributionMethod.REGISTRY
        return AttributionMethod.PRINTED if self.name is not None else AttributionMethod.NONE

    def via(self, method: AttributionMethod) -> Speaker:
        return replace(self, method=method) if self.known else self


NOBODY = Speaker()
PRONOUN = Speaker(pronoun=True)
# "it said": the words of the organisation named last; resolved by the caller like a pronoun.
IT = Speaker(pronoun=True, method=AttributionMethod.ORGANISATION)


_INFLECT = "\x00"  # trie atom: the inflection suffix after a Cyrillic stem
_ATOM_PATTERNS = {" ": r"\s+", ".": r"\.?", '"': _APOSTROPHES, "-": _DASHES, _INFLECT: _INFLECTION}
_MAX_ALIAS = 120  # longer "names" are not names; the trie regex nests one group per character


def _split_stem(word: str) -> tuple[str, bool]:
    """A Cyrillic word of 4+ letters matches as a stem plus an inflection; others match as written."""
    letters = sum(ch.isalpha() for ch in word)
    if not _CYRILLIC.search(word) or letters < 4:
        return word, False
    lowered = word.casefold()
    for ending in _NOMINATIVE_ENDINGS:
        if lowered.endswith(ending) and letters - len(ending) >= 4:
            return word[: -len(ending)], True
    return word, True


def _atoms(alias: str) -> list[str]:
    atoms: list[str] = []
    for i, word in enumerate(normalise(alias).split(" ")):
        stem, inflects = _split_stem(word)
        atoms.extend([" "] if i else [])
        atoms.extend(ch.lower() if len(ch.lower()) == 1 else ch for ch in stem)
        atoms.extend([_INFLECT] if inflects else [])
    return atoms


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [_ATOM_PATTERNS.get(a, re.escape(a)) + _trie_pattern(node[a]) for a in sorted(node) if a]
    if not branches:
        return ""
    alternation = "|".join(branches)
    if "" in node:  # an alias may end here; trying the longer ones first makes the longest match win
        return f"(?:{alternation})?"
    return alternation if len(branches) == 1 else f"(?:{alternation})"


def _key(name: str) -> str:
    return fold(name).replace(".", "")


def _stem_key(key: str) -> str:
    return " ".join(_split_stem(w)[0] for w in key.split(" "))


def _stem_options(word: str) -> list[str]:
    """The stems an inflected word may stand on, longest first."""
    if _split_stem(word) == (word, False):
        return [word]
    return [word[: len(word) - cut] for cut in range(5) if sum(c.isalpha() for c in word[: len(word) - cut]) >= 4]


def _owners(keys: dict[str, set[str]]) -> dict[str, str]:
    # "" marks a key claimed by two people: found in text, but attributed to nobody.
    return {k: next(iter(ids)) if len(ids) == 1 else "" for k, ids in keys.items()}


class PeopleIndex:
    """Names and aliases of the registry, compiled once for matching in text."""

    def __init__(self, people: Mapping[str, Person], organisations: Mapping[str, Organisation] | None = None) -> None:
        self.people = dict(people)
        self.organisations = {ORG_PREFIX + k: v for k, v in (organisations or {}).items()}
        exact: dict[str, set[str]] = {}
        stems: dict[str, set[str]] = {}
        trie: dict[str, dict] = {}
        entries = [(p.id, (p.name, *p.aliases)) for p in self.people.values()]
        entries += [(key, (o.name, *o.aliases)) for key, o in self.organisations.items()]
        for entry_id, names in entries:
            for alias in names:
                key = _key(alias)
                if not key or len(alias) > _MAX_ALIAS:
                    continue
                exact.setdefault(key, set()).add(entry_id)
                stems.setdefault(_stem_key(key), set()).add(entry_id)
                node = trie
                for atom in _atoms(alias):
                    node = node.setdefault(atom, {})
                node[""] = {}
        self._exact = _owners(exact)
        self._stems = _owners(stems)
        self.ambiguous = frozenset(k for k, owner in self._exact.items() if not owner)
        self._ids = {fold(pid): pid for pid in self.people}
        body = _trie_pattern(trie)
        self._pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE) if body else None

    def mentions(self, text: str) -> list[Mention]:
        """Every mention of a registry person in `text`, left to right, not overlapping."""
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(text):
            owner = self._owner(match.group())
            if owner is not None:
                found.append(Mention(owner[0], match.start(), match.end(), owner[1]))
        return found

    def _owner(self, written: str) -> tuple[str, bool] | None:
        key = _key(written)
        if key in self._exact:
            return (self._exact[key], True) if self._exact[key] else None
        for words in itertools.product(*(_stem_options(w) for w in key.split(" "))):
            owner = self._stems.get(" ".join(words))
            if owner is not None:
                return (owner, False) if owner else None
        return None

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """(person id, start, end) of every mention in `text`."""
        return [(m.person_id, m.start, m.end) for m in self.mentions(text)]

    def resolve(self, name: str) -> str | None:
        """The person id a written name stands for, or None when unknown or ambiguous.

        An exact name, alias or id wins; otherwise the name must mention exactly
        one person, and not as a possessive ("Putin's spokesman" is not Putin).
        """
        key = _key(name)
        if self._exact.get(key):
            return self._exact[key]
        if key in self._ids:
            return self._ids[key]
        ids = {m.person_id for m in self.mentions(name) if not is_possessive(name, m.end)}
        return ids.pop() if len(ids) == 1 else None

    def organisation_of_kind(self, noun: str) -> Speaker | None:
        """The one registered organisation whose kind or name the noun names ("the bank", "прокуратурі")."""
        forms = lemmas(noun)
        found = [
            k for k, org in self.organisations.items()
            if any(forms & lemmas(w) for w in (org.kind, *org.name.split(), *" ".join(org.aliases).split()))
        ]
        return self.speaker(found[0]) if len(found) == 1 else None

    def outlet_speaker(self) -> Speaker | None:
        """The registered outlet, when exactly one is: it asks the questions of an interview."""
        outlets = [key for key, org in self.organisations.items() if org.kind == "outlet"]
        return self.speaker(outlets[0]) if len(outlets) == 1 else None

    def name_of(self, person_id: str) -> str:
        person = self.people.get(person_id)
        return person.name if person else person_id

    def speaker(self, person_id: str) -> Speaker:
        organisation = self.organisations.get(person_id)
        if organisation is not None:
            return Speaker(None, organisation.name, method=AttributionMethod.ORGANISATION)
        return Speaker(person_id, self.name_of(person_id))


def is_possessive(text: str, end: int) -> bool:
    return bool(_POSSESSIVE.match(text, end))


_POSSESSIVE = re.compile(r"['’ʼ]s?(?!\w)")
