"""The hostile archive: every corpus vector placed in every field that accepts text.

Placement is chosen so the checker has no reason to refuse anything: ids,
tags, dates, colours and URLs stay valid, and only free text (titles, names,
labels, notes, claims, bodies, quotes) carries the payloads. Fields whose
values a checker may legitimately refuse (URLs with odd characters) are
probed one by one in `test_injection.py` and only the accepted ones join.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .corpus import VECTORS, Vector
from .project import Project, wp_json

N_GROUPS = 8
# Registry text is limited (generator/limits.py: names and labels 200 characters, roles 500):
# more entries with fewer payloads each keep every payload in some field.
NAME_LIMIT = 200
OUTLET_GROUPS = 40
PEOPLE_GROUPS = 16
HOSTILE_RATINGS = ("false", "misleading", "true", "unproven")


def groups(n: int = N_GROUPS) -> list[list[Vector]]:
    return [list(VECTORS[i::n]) for i in range(n)]


def joined(vectors: list[Vector], sep: str = " ") -> str:
    return sep.join(v.payload for v in vectors)


def _within(prefix: str, vectors: list[Vector], limit: int) -> str:
    """The prefix and as many of the payloads as fit in `limit` characters (at least one)."""
    text = prefix + vectors[0].payload
    for vector in vectors[1:]:
        if len(text) + 1 + len(vector.payload) > limit:
            break
        text += " " + vector.payload
    return text


def first_line(payload: str) -> str:
    return payload.split("\n", 1)[0]


def write_registries(project: Project) -> None:
    ratings: dict[str, Any] = {}
    values = (1, 3, 6, None)
    for key, value, group in zip(HOSTILE_RATINGS, values, groups(4), strict=True):
        entry: dict[str, Any] = {
            "label": _within(f"{key.title()} ", group, NAME_LIMIT),
            "description": joined(group),
            "colour": "#445566",
        }
        if value is not None:
            entry["value"] = value
        ratings[key] = entry
    project.write_yaml("ratings.yaml", ratings)
    people: dict[str, Any] = {"speaker": {"name": "Jane Speaker", "aliases": ["Speaker"]}}
    for index, group in enumerate(groups(PEOPLE_GROUPS)):
        people[f"person-{index}"] = {
            "name": f"Person {index} {first_line(group[0].payload)}",
            "role": joined(group),
            "aliases": [f"Alias {index} {first_line(v.payload)}" for v in group],
        }
    project.write_yaml("people.yaml", people)
    outlets: dict[str, Any] = {"wire-news": {"name": "Wire News", "domains": ["wire.example"]}}
    for index, group in enumerate(groups(OUTLET_GROUPS)):
        outlets[f"outlet-{index}"] = {"name": f"Outlet {index} {joined(group)}", "domains": [f"o{index}.example"]}
    project.write_yaml("outlets.yaml", outlets)


def write_wire(project: Project) -> None:
    lines = [f"Wire {joined(list(VECTORS[:4]))}", ""]
    for vector in VECTORS:
        lines.append(f"Statement {vector.id}: {vector.payload}")
        lines.append(f'Quote from Person 0: "Said {vector.id} {first_line(vector.payload)}"')
        lines.append(f"Speaker said «Also {vector.id} {first_line(vector.payload)}».")
    lines.append(f"Source: {joined(list(VECTORS[4:8]))}")
    lines.append("- " + joined(list(VECTORS[8:12])))
    project.write("articles/wire-hostile.txt", "\n".join(lines) + "\n")
    project.write_yaml(
        "articles/wire-hostile.meta.yaml",
        {
            "title": f"Sidecar {joined(list(VECTORS[12:20]))}",
            "author": f"Author {joined(list(VECTORS[20:28]))}",
            "outlet": "outlet-1",
            "url": "https://o1.example/wire?a=1&b=%3Cscript%3E",
            "language": "en",
            "published": dt.date(2026, 1, 5),
        },
    )


def write_wordpress(project: Project) -> None:
    posts = []
    for vector in VECTORS:
        posts.append(
            {
                "id": int(vector.id),
                "date": "2026-01-10T10:00:00",
                "date_gmt": "2026-01-10T08:00:00",
                "link": f"https://o2.example/post/{vector.id}",
                "title": {"rendered": f"Post {vector.id} {vector.payload}"},
                "content": {
                    "rendered": f"<p>Body {vector.id}.</p>{vector.payload}<p>“Words {vector.id} "
                    f"{vector.payload}” said Person 1.</p><p>End {vector.id}.</p>"
                },
                "excerpt": {"rendered": f"<p>Excerpt {vector.payload}</p>"},
                "_embedded": {
                    "author": [{"name": f"Writer {vector.payload}"}],
                    "wp:term": [[{"name": f"Cat {vector.id} {vector.payload}"}], [{"name": vector.payload}]],
                },
            }
        )
    posts.append(
        {
            "id": 999,
            "link": "javascript:alert('XSS031Q')",
            "title": {"rendered": "Excerpt only"},
            "excerpt": {"rendered": joined(list(VECTORS[:20]), "<br>")},
        }
    )
    project.write("articles/wp-hostile.json", wp_json(posts))


def write_markdown_article(project: Project) -> None:
    front = "\n".join(
        [
            "---",
            f"title: {_q('Markdown ' + joined(list(VECTORS[28:36])))}",
            f"author: {_q('Md author ' + joined(list(VECTORS[36:44])))}",
            'url: "https://o3.example/md"',
            "outlet: outlet-3",
            "published: 2026-01-06",
            "---",
        ]
    )
    body = "\n\n".join(f"Markdown {v.id}: {v.payload}" for v in VECTORS)
    project.write("articles/md-hostile.md", f"{front}\n\n# Heading {VECTORS[0].payload}\n\n{body}\n")


def _q(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=True)


def write_html_article(project: Project) -> None:
    head_title = "Page " + joined(list(VECTORS[:10]))
    body = "\n".join(f"<p>Html {v.id}:</p>\n{v.payload}" for v in VECTORS)
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{head_title}</title>"
        '<meta property="og:title" content="Og &lt;script&gt;alert(\'XSS001Q\')&lt;/script&gt;">'
        '<meta name="author" content="&quot;&gt;&lt;img src=x onerror=alert(\'XSS021Q\')&gt;">'
        '<meta property="og:site_name" content="&lt;svg onload=alert(\'XSS044Q\')&gt;">'
        '<link rel="canonical" href="javascript:alert(\'XSS031Q\')">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "LD </script>'
        "<script>alert('XSS015Q')</script>\"}</script>"
        f"</head><body><article><h1>Html article</h1>\n{body}\n</article></body></html>\n"
    )
    project.write("articles/html-hostile.html", page)


def verdict_for(vector: Vector, index: int, extra_url: str | None = None) -> dict[str, Any]:
    evidence: list[dict[str, Any]] = [
        {"article": "base-wire", "quote": "The city council met on Monday", "note": f"Note {vector.payload}"},
        {
            "url": extra_url or f"https://example.org/evidence/{vector.id}",
            "title": f"Evidence {vector.payload}",
            "note": f"Url note {vector.payload}",
        },
    ]
    # Spreadsheet formulas must start a cell to matter, so those vectors are written bare.
    bare = vector.category == "csv"
    return {
        "claim": vector.payload if bare else f"Claim {vector.id} {vector.payload}",
        "claimant": vector.payload if bare else f"Claimant {vector.payload}" if index % 3 else f"person-{index % 8}",
        "claim_date": dt.date(2026, 1, 1 + index % 28),
        "appearances": [
            {
                "article": "wire-hostile",
                "quote": f"Statement {vector.id}: {first_line(vector.payload)}",
                "note": f"Appearance {vector.payload}",
            },
        ],
        "rating": HOSTILE_RATINGS[index % 4],
        "summary": f"Summary {vector.id} {vector.payload}",
        "body": f"Body {vector.id}.\n\n{vector.payload}\n\nEnd of body {vector.id}.",
        "evidence": evidence,
        "author": f"Checker {vector.payload}",
        "published": dt.date(2026, 2, 1 + index % 28),
        "updated": [{"date": dt.date(2026, 3, 1), "note": f"Correction {vector.payload}"}],
        "tags": [f"topic-{index % 5}", "hostile"],
    }


def write_verdicts(project: Project, extra_urls: list[str] = ()) -> None:  # type: ignore[assignment]
    for index, vector in enumerate(VECTORS):
        url = extra_urls[index] if index < len(extra_urls) else None
        project.verdict(f"v{vector.id}", verdict_for(vector, index, url))


def write_hostile(project: Project, extra_urls: list[str] = ()) -> None:  # type: ignore[assignment]
    """Everything hostile that a checker should accept; the base archive stays in place."""
    write_registries(project)
    write_wire(project)
    write_wordpress(project)
    write_markdown_article(project)
    write_html_article(project)
    write_verdicts(project, list(extra_urls))
