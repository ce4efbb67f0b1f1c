"""The verdict file's schema: one pydantic model, the single source of truth.

`load_verdicts` validates with it and `export_json_schema` turns it into the
draft-07 JSON Schema that editors use for autocompletion
(`python -m generator.schema > schema/verdict.schema.json`).

Validators raise `PydanticCustomError` whose *type* is the diagnostic code and
whose message is the text a contributor reads, so mapping an error to a
diagnostic is a lookup, not a translation.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from typing import Annotated, Any, get_args
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from generator.diagnostics import Diagnostics, Location, did_you_mean
from generator.limits import (
    MAX_BODY_CHARS,
    MAX_BODY_PARAGRAPH_CHARS,
    MAX_LINE_CHARS,
    MAX_NAME_CHARS,
    MAX_PARAGRAPH_CHARS,
    MAX_TAG_CHARS,
    date_out_of_range,
)
from generator.yamlio import BoolLikeText, NumberText, locate

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
TAG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SCHEMA_PATH = "schema/verdict.schema.json"
# The default scale (SPEC §5), offered by editors as completions; the check uses ratings.yaml.
DEFAULT_RATINGS = ("false", "mostly-false", "misleading", "half-true", "mostly-true", "true", "unproven")


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by hyphens: the suggestion for a bad id or tag."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def describe_type(value: Any) -> str:
    """How a value's YAML type is named in messages: 'a number', 'a list'…"""
    if isinstance(value, BoolLikeText):
        return f"'{value}' (read as yes/no by many YAML tools)"
    if isinstance(value, NumberText):
        return f"a number of {len(value.lstrip('+-')):,} digits"
    if isinstance(value, bool):
        return "a boolean (true/false)"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return type(value).__name__


def check_text(value: Any) -> Any:
    """Free text: an unquoted yes/no/on/off is almost surely a YAML slip, so it is refused."""
    if isinstance(value, BoolLikeText):
        raise PydanticCustomError(
            "yaml-bool-word",
            "expected text, got '{word}', which many YAML tools read as a yes/no value; "
            'put it in quotes: "{word}"',
            {"word": str(value)},
        )
    return check_word(value)


def check_word(value: Any) -> Any:
    """Text where a yes/no word is an ordinary value (ids, tags, codes): YAML 1.2 reads it as text."""
    if isinstance(value, NumberText):  # unquoted digits, as any shorter number would be refused
        raise PydanticCustomError("wrong-type", "expected text, got {kind}; put it in quotes",
                                  {"kind": describe_type(value)})
    if isinstance(value, str):
        if not value.strip():
            raise PydanticCustomError("empty-value", "is empty; write a value")
        return str(value)
    if value is None:
        raise PydanticCustomError("empty-value", "is empty; write a value")
    hint = "; put it in quotes" if isinstance(value, bool | int | float | dt.date) else ""
    raise PydanticCustomError("wrong-type", "expected text, got {kind}" + hint, {"kind": describe_type(value)})


def check_tag(value: Any) -> Any:
    value = check_word(value)
    if len(value) > MAX_TAG_CHARS:
        raise PydanticCustomError("bad-tag", "is {size} characters long; a tag names a topic page, so the limit is "
                                  "{limit}", {"size": len(value), "limit": MAX_TAG_CHARS})
    if not re.fullmatch(TAG_PATTERN, value):
        raise PydanticCustomError(
            "bad-tag",
            "'{value}' is not a slug: use lowercase letters, digits and single hyphens (e.g. '{suggestion}')",
            {"value": value, "suggestion": slugify(value) or "a-tag"},
        )
    return value


def check_url(value: Any) -> Any:
    value = check_text(value).strip()
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") and parts.netloc and not re.search(r"\s", value):
        return value
    if scheme and scheme not in ("http", "https"):
        reason = f"'{scheme}:' addresses are not allowed"
    else:
        reason = f"'{value}' is not a web address"
    raise PydanticCustomError("bad-url", reason + "; use a full http:// or https:// URL")


def check_date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return _in_range(value.date() if isinstance(value, dt.datetime) else value)
    if isinstance(value, str) and not isinstance(value, BoolLikeText):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            try:
                return _in_range(dt.date.fromisoformat(value.strip()))
            except ValueError:
                pass
        raise PydanticCustomError("bad-date", "'{value}' is not a date (YYYY-MM-DD)", {"value": value})
    raise PydanticCustomError(
        "bad-date", "expected a date (YYYY-MM-DD), got {kind}", {"kind": describe_type(value)}
    )


def _in_range(day: dt.date) -> dt.date:
    """The build prints years with four digits and needs dates a gzip header can hold."""
    reason = date_out_of_range(day)
    if reason:
        raise PydanticCustomError("bad-date", reason)
    return day


Text = Annotated[str, BeforeValidator(check_text), Field(min_length=1)]
Word = Annotated[str, BeforeValidator(check_word), Field(min_length=1)]
Tag = Annotated[str, BeforeValidator(check_tag), Field(json_schema_extra={"pattern": TAG_PATTERN})]
Url = Annotated[str, BeforeValidator(check_url), Field(json_schema_extra={"format": "uri", "pattern": "^https?://"})]
Date = Annotated[dt.date, BeforeValidator(check_date)]

def check_paragraphs(value: str) -> str:
    """Python-Markdown's inline work on a paragraph grows with its length times its markup: keep both small."""
    longest = max((len(p) for p in re.split(r"\n[ \t]*\n", value)), default=0)
    if longest > MAX_BODY_PARAGRAPH_CHARS:
        sizes = {"size": f"{longest:,}", "limit": f"{MAX_BODY_PARAGRAPH_CHARS:,}"}
        raise PydanticCustomError("too-long", "has a paragraph of {size} characters; the limit is {limit}: split "
                                  "it with a blank line", sizes)
    return value


# Free text with the limits of generator/limits.py: one line, a name, a paragraph, a Markdown body.
Line = Annotated[str, BeforeValidator(check_text), Field(min_length=1, max_length=MAX_LINE_CHARS)]
Name = Annotated[str, BeforeValidator(check_text), Field(min_length=1, max_length=MAX_NAME_CHARS)]
Paragraph = Annotated[str, BeforeValidator(check_text), Field(min_length=1, max_length=MAX_PARAGRAPH_CHARS)]
Body = Annotated[
    str, BeforeValidator(check_text), Field(min_length=1, max_length=MAX_BODY_CHARS), AfterValidator(check_paragraphs)
]

_STRICT = ConfigDict(extra="forbid", strict=False, str_strip_whitespace=False, frozen=True)


def _exactly_one_source(data: dict[str, Any]) -> None:
    has_article, has_url = data.get("article") is not None, data.get("url") is not None
    if has_article and has_url:
        raise PydanticCustomError(
            "bad-citation", "give either 'article' or 'url', not both; make two entries", {"field": "url"}
        )
    if not has_article and not has_url:
        raise PydanticCustomError(
            "bad-citation", "needs 'article' (an article id) or 'url' (a web address)", {"field": None}
        )
    if has_url and data.get("quote") is not None:
        raise PydanticCustomError(
            "bad-citation",
            "a 'quote' needs the 'article' it comes from; the quote rule cannot check a URL (use 'note')",
            {"field": "quote"},
        )
    if has_article and data.get("title") is not None:
        raise PydanticCustomError(
            "bad-citation", "'title' is for 'url' sources; an article's title comes from the article",
            {"field": "title"},
        )


class CitationModel(BaseModel):
    """Where the claim appeared, or a piece of evidence: an archived article or a web page."""

    model_config = ConfigDict(
        **_STRICT,
        title="Citation",
        json_schema_extra={"oneOf": [{"required": ["article"]}, {"required": ["url"]}],
                           "dependencies": {"quote": ["article"], "title": ["url"]}},
    )

    article: Text | None = Field(None, description="The id of an archived article (its file name in "
                                 "content/articles/ without the extension).")
    quote: Paragraph | None = Field(None, description="Words copied exactly from the article. The check fails when "
                               "they do not occur in it (quote marks, dashes and spacing may differ).")
    url: Url | None = Field(None, description="A web page that is not archived: a full http:// or https:// URL.")
    title: Line | None = Field(None, description="The title of the web page given in 'url'.")
    note: Paragraph | None = Field(None, description="What this source shows, in a sentence.")

    @model_validator(mode="before")
    @classmethod
    def _one_source(cls, data: Any) -> Any:
        if isinstance(data, dict):
            _exactly_one_source(data)
        return data


class CorrectionModel(BaseModel):
    """One entry of the corrections log."""

    model_config = ConfigDict(**_STRICT, title="Correction")

    date: Date = Field(description="When the verdict was corrected (YYYY-MM-DD).")
    note: Paragraph = Field(description="What was corrected.")


class VerdictModel(BaseModel):
    """A fact-check verdict: one claim, its rating and the evidence (content/verdicts/<id>.yaml)."""

    model_config = ConfigDict(**_STRICT, title="Verdict")

    claim: Line = Field(description="The claim as reviewed, in one sentence (ideally under 75 characters).")
    claimant: Name = Field(description="Who made the claim: a person id from people.yaml, an outlet id from "
                           "outlets.yaml, or a name in free text.")
    claim_date: Date = Field(description="When the claim was made (YYYY-MM-DD).")
    appearances: list[CitationModel] = Field(min_length=1, description="Where the claim was made: at least "
                                             "one archived article (with the quoted words) or web page.")
    rating: Word = Field(
        description="The verdict: a key of content/ratings.yaml, e.g. 'misleading'.",
        json_schema_extra={"examples": list(DEFAULT_RATINGS)},
    )
    summary: Paragraph = Field(description="One or two sentences: what we found.")
    body: Body | None = Field(None, description="Optional longer explanation, in Markdown.")
    evidence: list[CitationModel] = Field(min_length=1, description="The sources that support the rating: "
                                          "at least one archived article (with a quote) or web page.")
    author: Name = Field(description="Who checked the claim (a name or desk).")
    published: Date = Field(description="When the verdict was published (YYYY-MM-DD).")
    updated: list[CorrectionModel] = Field(default_factory=list, description="The corrections log: one entry "
                                           "(date and note) per correction.")
    tags: list[Tag] = Field(default_factory=list, description="Topics: lowercase slugs such as 'nato'.")


_GENERIC_MESSAGES = {
    "too_short": ("empty-list", "needs at least one item"),
    "list_type": ("wrong-type", "expected a list (lines starting with '- '), got {kind}"),
    "model_type": ("wrong-type", "expected a mapping (`key: value` lines), got {kind}"),
    "dict_type": ("wrong-type", "expected a mapping (`key: value` lines), got {kind}"),
    "model_attributes_type": ("wrong-type", "expected a mapping (`key: value` lines), got {kind}"),
    "int_type": ("wrong-type", "expected a whole number, got {kind}"),
    "int_from_float": ("wrong-type", "expected a whole number, got {kind}"),
    "int_parsing": ("wrong-type", "expected a whole number, got {kind}"),
}


def report_validation_errors(
    exc: ValidationError, model: type[BaseModel], data: Any, path: str, diags: Diagnostics,
    prefix: tuple[Any, ...] = (),
) -> None:
    """Record every pydantic error at the line and column of the key or value it concerns.

    `prefix` is where `data`'s validated part sits inside the file's tree (a
    registry entry is validated on its own but located from the whole file).
    """
    missing: dict[tuple[Any, ...], list[str]] = {}
    for err in exc.errors():
        loc = prefix + tuple(err["loc"])
        if err["type"] == "missing":  # one line per mapping, naming every absent key
            missing.setdefault(loc[:-1], []).append(str(loc[-1]))
            continue
        code, message, where = _describe(err, model, loc, data, path, len(prefix))
        diags.error(code, message, where)
    for parent, keys in missing.items():
        names = ", ".join(f"'{key}'" for key in keys)
        message = f"missing required key {names}" if len(keys) == 1 else f"missing required keys {names}"
        diags.error("missing-key", message, locate(data, parent, path))


def _describe(
    err: Any, model: type[BaseModel], loc: tuple[Any, ...], data: Any, path: str, skip: int
) -> tuple[str, str, Location]:
    kind, ctx = err["type"], err.get("ctx") or {}
    label = next((str(step) for step in reversed(loc) if isinstance(step, str)), "value")
    if kind == "extra_forbidden":
        fields = sorted(_model_at(model, loc[skip:-1]).model_fields)
        hint = did_you_mean(str(loc[-1]), fields) or f"; the keys allowed here are: {', '.join(fields)}"
        return "unknown-key", f"unknown key '{loc[-1]}'{hint}", locate(data, loc, path, at_key=True)
    where = locate(data, loc, path)
    if ctx.get("field"):
        where = locate(data, (*loc, ctx["field"]), path, at_key=True)
    if kind in _GENERIC_MESSAGES:
        code, text = _GENERIC_MESSAGES[kind]
        text = text.format(kind=describe_type(err.get("input")))
    elif kind in ("string_too_long", "too_long") and isinstance(err.get("input"), str):
        size = len(err["input"])
        code, text = "too-long", f"is {size:,} characters long; the limit is {ctx['max_length']:,}"
    elif kind.islower() and "_" not in kind and "-" in kind:  # one of ours: the type is the code
        code, text = kind, err["msg"]
    else:
        code, text = "invalid-value", err["msg"]
    return code, (f"{label} {text}" if text.startswith(("is ", "needs ")) else f"{label}: {text}"), where


def _model_at(model: type[BaseModel], steps: tuple[Any, ...]) -> type[BaseModel]:
    """The nested model that a location's keys lead to (for the keys allowed there)."""
    current = model
    for step in steps:
        if not isinstance(step, str) or step not in current.model_fields:
            continue
        nested = _nested_model(current.model_fields[step].annotation)
        if nested is None:
            break
        current = nested
    return current


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _nested_model(arg)
        if found is not None:
            return found
    return None


def export_json_schema() -> dict[str, Any]:
    """The verdict schema as draft-07 JSON Schema (what YAML language servers read)."""
    schema = VerdictModel.model_json_schema(ref_template="#/definitions/{model}", mode="validation")
    schema["definitions"] = schema.pop("$defs", {})
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    return schema


def render_json_schema() -> str:
    return json.dumps(export_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render_json_schema())
