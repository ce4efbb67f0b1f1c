"""Every JSON-LD record names only real schema.org types and properties, each on a type its domain admits.

The vocabulary is the vendored schema.org release (tests/site/vendor), read
as rdfs:Class / rdf:Property nodes with rdfs:subClassOf and
schema:domainIncludes; a property is admitted on a node when one of its
domains is the node's type or one of that type's superclasses. Google's
required ClaimReview fields are checked on top.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from site_golden import generate_sample
from site_sample import SITE_URL

VOCABULARY = Path(__file__).parent / "vendor" / "schemaorg-current-https.jsonld"


def _ids(value: Any) -> set[str]:
    items = value if isinstance(value, list) else [value] if value else []
    return {item["@id"].removeprefix("schema:") for item in items if str(item.get("@id", "")).startswith("schema:")}


@dataclass(frozen=True)
class Vocabulary:
    parents: dict[str, set[str]]
    domains: dict[str, set[str]]

    def ancestors(self, cls: str) -> set[str]:
        seen, todo = {cls}, [cls]
        while todo:
            for parent in self.parents.get(todo.pop(), set()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen

    def problems(self, node: Any, where: str = "$") -> list[str]:
        if isinstance(node, list):
            return [p for i, item in enumerate(node) for p in self.problems(item, f"{where}[{i}]")]
        if not isinstance(node, dict):
            return []
        types = node.get("@type")
        if not types:
            return [f"{where}: object without @type"]
        types = [types] if isinstance(types, str) else types
        found = [f"{where}: unknown type {t}" for t in types if t not in self.parents]
        admitted = set().union(*(self.ancestors(t) for t in types))
        for key, value in sorted(node.items()):
            if key.startswith("@"):
                continue
            if key not in self.domains:
                found.append(f"{where}.{key}: not a schema.org property")
            elif not self.domains[key] & admitted:
                found.append(f"{where}.{key}: domain {sorted(self.domains[key])} does not admit {types}")
            found += self.problems(value, f"{where}.{key}")
        return found


@cache
def vocabulary() -> Vocabulary:
    graph = json.loads(VOCABULARY.read_text(encoding="utf-8"))["@graph"]
    parents: dict[str, set[str]] = {}
    domains: dict[str, set[str]] = {}
    for node in graph:
        kinds = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        name = node["@id"].removeprefix("schema:")
        if "rdfs:Class" in kinds:
            parents[name] = _ids(node.get("rdfs:subClassOf"))
        if "rdf:Property" in kinds:
            domains[name] = _ids(node.get("schema:domainIncludes"))
    return Vocabulary(parents, domains)


def google_problems(review: dict[str, Any]) -> list[str]:
    """Fields Google requires of a ClaimReview (developers.google.com/search/docs/…/factcheck)."""
    found = []
    if review.get("@context") != "https://schema.org" or review.get("@type") != "ClaimReview":
        found.append("not a schema.org ClaimReview")
    if not str(review.get("claimReviewed", "")).strip():
        found.append("claimReviewed is empty")
    rating = review.get("reviewRating", {})
    if not str(rating.get("alternateName", "")).strip():
        found.append("reviewRating.alternateName is empty")
    if "ratingValue" in rating and not rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]:
        found.append("ratingValue outside worstRating..bestRating")
    if not str(review.get("url", "")).startswith(SITE_URL):
        found.append(f"url {review.get('url')!r} is not on {SITE_URL}")
    return found


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
