"""The registries: content/people.yaml, content/outlets.yaml, content/ratings.yaml.

Each file maps an id to an entry. Entries are validated one by one with the
models below, so one bad entry is reported and left out while the others are
still loaded and every problem appears in the same run.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError
from ruamel.yaml.comments import CommentedMap

from generator.diagnostics import Diagnostics, Location, display_path
from generator.limits import MAX_RATING_VALUE
from generator.model import Outlet, Person, Rating, RatingScale
from generator.normalise import fold
from generator.schema import (
    ID_PATTERN,
    Line,
    Name,
    Paragraph,
    check_word,
    describe_type,
    report_validation_errors,
    slugify,
)
from generator.yamlio import NumberText, item_location, key_location, load_mapping_file, value_location

DEFAULT_COLOUR = "#777777"
_ENTRY = ConfigDict(extra="forbid", frozen=True)


def check_colour(value: Any) -> Any:
    if value is None:
        raise PydanticCustomError(
            "bad-colour",
            "is empty; an unquoted # starts a YAML comment, so write the colour in quotes: \"#2e7d32\"",
        )
    value = check_word(value)
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise PydanticCustomError("bad-colour", "'{value}' is not a colour: write \"#rrggbb\", e.g. \"#2e7d32\"",
                                  {"value": value})
    return value.lower()


def check_domain(value: Any) -> Any:
    value = check_word(value)
    if not re.fullmatch(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+", value):
        host = re.sub(r"^[a-z]+://", "", value.strip().lower()).split("/")[0]
        raise PydanticCustomError(
            "bad-domain", "'{value}' is not a domain: write the host name only, without https:// or a path "
            "(e.g. '{host}')", {"value": value, "host": host or "example.org"},
        )
    return value


def check_language(value: Any) -> Any:
    value = check_word(value)
    if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", value):
        raise PydanticCustomError(
            "bad-language", "'{value}' is not a language code: use a code such as 'en' or 'uk'", {"value": value}
        )
    return value


def check_int(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        if not 1 <= value <= MAX_RATING_VALUE:  # huge values break nothing yet, but no scale needs them
            raise PydanticCustomError("invalid-value", "must be a whole number from 1 to {limit}, got {digits}",
                                      {"limit": MAX_RATING_VALUE, "digits": _short_number(value)})
        return value
    if isinstance(value, NumberText):
        raise PydanticCustomError("invalid-value", "must be a whole number from 1 to {limit}, got {kind}",
                                  {"limit": MAX_RATING_VALUE, "kind": describe_type(value)})
    raise PydanticCustomError("wrong-type", "expected a whole number, got {kind}", {"kind": describe_type(value)})


def _short_number(value: int) -> str:
    # str() of an int over 4,300 digits raises; the sign and digit count say enough.
    digits = len(str(abs(value))) if value.bit_length() < 14_000 else value.bit_length() * 30103 // 100_000 + 1
    return str(value) if digits <= 12 else f"a number with about {digits:,} digits"


Colour = Annotated[str, BeforeValidator(check_colour)]
Domain = Annotated[str, BeforeValidator(check_domain)]
Language = Annotated[str, BeforeValidator(check_language)]
WholeNumber = Annotated[int, BeforeValidator(check_int)]


class PersonModel(BaseModel):
    model_config = _ENTRY
    name: Name = Field(description="The person's name as shown on the site.")
    aliases: list[Name] = Field(default_factory=list, description="Other names used in articles, any language.")
    role: Line | None = Field(None, description="What the person does, e.g. 'President of Russia'.")


class OutletModel(BaseModel):
    model_config = _ENTRY
    name: Name = Field(description="The outlet's name as shown on the site.")
    domains: list[Domain] = Field(default_factory=list, description="Host names of its articles' URLs.")
    language: Language | None = Field(None, description="Main language code, e.g. 'en' or 'uk'.")


class RatingText(BaseModel):
    model_config = _ENTRY
    label: Name = Field(description="The rating's name in this language.")
    description: Paragraph | None = Field(None, description="What the rating means, in this language.")


class RatingModel(BaseModel):
    model_config = _ENTRY
    label: Name = Field(description="The rating's name as shown on the site.")
    value: WholeNumber | None = Field(None, description="Position on the scale (1 = worst); none for 'unproven'.")
    description: Paragraph | None = Field(None, description="What the rating means.")
    colour: Colour = Field(DEFAULT_COLOUR, description="Badge colour as #rrggbb.")
    translations: dict[Language, RatingText] = Field(
        default_factory=dict, description="Label and description per UI language, e.g. uk: {label: Неправда}."
    )


Entry = TypeVar("Entry", bound=BaseModel)


def _load_entries(
    file: Path, root: Path, diags: Diagnostics, model: type[Entry], *, empty_ok: bool
) -> tuple[str, CommentedMap | None, dict[str, Entry]]:
    """The file's display path, its data, and each valid entry by id."""
    path = display_path(file, root)
    if not file.is_file():
        diags.error("missing-file", f"{file.name} is missing; the archive needs it", Location(path, 1, 1))
        return path, None, {}
    data = load_mapping_file(file, path, diags, empty_ok=empty_ok)
    if data is None:
        return path, None, {}
    entries: dict[str, Entry] = {}
    for key, value in data.items():
        if not isinstance(key, str) or not re.fullmatch(ID_PATTERN, key):
            suggestion = slugify(str(key)) or "an-id"
            message = f"'{key}' is not an id: use lowercase letters, digits, '-' and '_' (e.g. '{suggestion}')"
            diags.error("bad-id", message, key_location(data, key, path))
            continue
        try:
            entries[key] = model.model_validate(value)
        except ValidationError as exc:
            report_validation_errors(exc, model, data, path, diags, prefix=(key,))
    return path, data, entries


def load_people(file: Path, root: Path, diags: Diagnostics) -> dict[str, Person]:
    path, data, entries = _load_entries(file, root, diags, PersonModel, empty_ok=True)
    people = {
        key: Person(id=key, name=e.name.strip(), location=key_location(data, key, path),
                    aliases=tuple(a.strip() for a in e.aliases), role=e.role)
        for key, e in entries.items()
    }
    _warn_shared_names(people, data, path, diags)
    return people


def _warn_shared_names(people: dict[str, Person], data: Any, path: str, diags: Diagnostics) -> None:
    """Speaker attribution maps a name to one person; a name given to two people is ambiguous."""
    owner: dict[str, str] = {}
    for person in people.values():
        names = [("name", None, person.name)] + [("aliases", i, a) for i, a in enumerate(person.aliases)]
        for key, index, name in names:
            folded = fold(name)
            if owner.get(folded, person.id) != person.id:
                entry = data[person.id]
                where = value_location(entry, key, path) if index is None else item_location(entry[key], index, path)
                message = f"'{name}' also names '{owner[folded]}'; speaker attribution cannot tell them apart"
                diags.warning("duplicate-alias", message, where)
            owner.setdefault(folded, person.id)


def load_outlets(file: Path, root: Path, diags: Diagnostics) -> dict[str, Outlet]:
    path, data, entries = _load_entries(file, root, diags, OutletModel, empty_ok=True)
    outlets: dict[str, Outlet] = {}
    if data is None:
        return outlets
    owner: dict[str, str] = {}
    for key, e in entries.items():
        for index, domain in enumerate(e.domains):
            if owner.setdefault(domain, key) != key:
                where = item_location(data[key]["domains"], index, path)
                message = f"domain '{domain}' already belongs to outlet '{owner[domain]}'"
                diags.error("duplicate-domain", message, where)
        outlets[key] = Outlet(id=key, name=e.name.strip(), location=key_location(data, key, path),
                              domains=tuple(e.domains), language=e.language)
    return outlets


def load_ratings(file: Path, root: Path, diags: Diagnostics) -> RatingScale:
    """The rating scale, ordered from worst to best value; unrated entries (unproven) last."""
    path, data, entries = _load_entries(file, root, diags, RatingModel, empty_ok=False)
    if data is None:
        return RatingScale(())
    ratings: list[Rating] = []
    by_value: dict[int, str] = {}
    for key, e in entries.items():
        if e.value is not None and by_value.setdefault(e.value, key) != key:
            message = f"value {e.value} is already used by '{by_value[e.value]}'; each rating needs its own"
            diags.error("duplicate-rating-value", message, value_location(data[key], "value", path))
        translations = tuple(
            (lang, text.label.strip(), (text.description or "").strip())
            for lang, text in sorted(e.translations.items())
        )
        ratings.append(Rating(key=key, label=e.label.strip(), location=key_location(data, key, path),
                              value=e.value, description=(e.description or "").strip(), colour=e.colour,
                              translations=translations))
    if entries and not by_value:
        diags.error("no-rated-value", "no rating has a 'value'; the scale needs at least one rated step",
                    Location(path, 1, 1))
    ratings.sort(key=_scale_position)
    return RatingScale(tuple(ratings))


def _scale_position(rating: Rating) -> tuple[bool, int]:
    return rating.value is None, rating.value or 0

