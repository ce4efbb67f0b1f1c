"""The schema.org vocabulary (release 30.0, vendored in tests/site/vendor) as a checker.

A property is admitted on a node when one of its `domainIncludes` is the node's
type or one of that type's superclasses. Google's required ClaimReview fields
are checked on top. Used by the site tests and the bundled-archive tests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

SITE_URL = "https://factcheck.example.org/"
VOCABULARY = Path(__file__).parent / "site" / "vendor" / "schemaorg-current-https.jsonld"


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
