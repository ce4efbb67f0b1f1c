"""Every JSON-LD record names only real schema.org types and properties, each on a type its domain admits.

The vocabulary is the vendored schema.org release (tests/site/vendor), read
as rdfs:Class / rdf:Property nodes with rdfs:subClassOf and
schema:domainIncludes; a property is admitted on a node when one of its
domains is the node's type or one of that type's superclasses. Google's
required ClaimReview fields are checked on top.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from site_golden import generate_sample

from tests.schemaorg import google_problems, vocabulary


def front_matter(text: str) -> dict[str, Any]:
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text[4 : text.index("\n---\n", 4)]) or {}


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, dict[str, Any]]]:
    out = tmp_path_factory.mktemp("docs")
    generate_sample(out)
    found = [
        (page.relative_to(out).as_posix(), meta["jsonld"])
        for page in sorted(out.rglob("*.md"))
        if "jsonld" in (meta := front_matter(page.read_text(encoding="utf-8")))
    ]
    found += [("claimreview.json", r) for r in json.loads((out / "claimreview.json").read_text(encoding="utf-8"))]
    return found


def test_every_verdict_page_and_export_has_a_record(records: list[tuple[str, dict[str, Any]]]) -> None:
    names = [name for name, _ in records]
    assert names == [
        "verdicts/putin-2001-nato.md",
        "verdicts/putin-russia-ally.md",
        "verdicts/viral-post.md",
        *["claimreview.json"] * 3,
    ]


def test_records_use_only_the_schema_org_vocabulary(records: list[tuple[str, dict[str, Any]]]) -> None:
    assert [(name, p) for name, record in records for p in vocabulary().problems(record)] == []


def test_records_have_what_google_requires(records: list[tuple[str, dict[str, Any]]]) -> None:
    assert [(name, p) for name, record in records for p in google_problems(record)] == []


def test_unproven_has_a_name_but_no_value(records: list[tuple[str, dict[str, Any]]]) -> None:
    rating = dict(records)["verdicts/putin-russia-ally.md"]["reviewRating"]
    assert rating == {"@type": "Rating", "alternateName": "Unproven"}


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        ({"@type": "ClaimReveiw"}, "$: unknown type ClaimReveiw"),
        ({"@type": "ClaimReview", "verdict": "x"}, "$.verdict: not a schema.org property"),
        ({"@type": "Claim", "reviewRating": {"@type": "Rating"}}, "$.reviewRating: domain ['Review'] does not admit"),
        ({"@type": "ClaimReview", "author": {"name": "x"}}, "$.author: object without @type"),
    ],
)
def test_the_checker_catches_made_up_terms(record: dict[str, Any], problem: str) -> None:
    assert any(p.startswith(problem) for p in vocabulary().problems(record))


def test_inherited_properties_are_admitted() -> None:
    # url is declared on Thing, author on CreativeWork; ClaimReview -> Review -> CreativeWork -> Thing.
    assert vocabulary().problems({"@type": "ClaimReview", "url": "u", "author": {"@type": "Person"}}) == []
