"""Small valid inputs in every format, written for the fuzzers to cut up and corrupt."""

from __future__ import annotations

import json

WP_POST: dict[str, object] = {
    "id": 4242,
    "date": "2026-01-10T10:00:00",
    "date_gmt": "2026-01-10T08:00:00",
    "modified": "2026-01-11T09:30:00",
    "slug": "minister-on-grain-exports",
    "link": "https://news.example/2026/01/minister-on-grain-exports/",
    "title": {"rendered": "Minister &#8220;confident&#8221; about grain exports"},
    "content": {
        "rendered": (
            "<!-- wp:paragraph --><p>The minister spoke on <strong>Tuesday</strong>.</p><!-- /wp:paragraph -->"
            "<h2>Exports</h2><p>&#8220;We will ship more grain this year,&#8221; the minister said.</p>"
            '<ul><li>Ports: <a href="https://ports.example/">three</a></li><li>Ships: forty</li></ul>'
            "<blockquote><p>&laquo;The corridor is open&raquo;</p></blockquote>"
            '<script>track()</script>[caption id="1"]<img src="x.jpg">Ships[/caption]'
        )
    },
    "excerpt": {"rendered": "<p>The minister spoke on Tuesday.</p>"},
    "_embedded": {"author": [{"name": "A. Reporter"}], "wp:term": [[{"name": "Economy"}]]},
}
WP_SINGLE = json.dumps(WP_POST, indent=1)
WP_LIST = json.dumps([WP_POST, {**WP_POST, "id": 4243, "title": {"rendered": "Second post"}}], indent=1)

WIRE = (
    "Minister confident about grain exports\n"
    "\n"
    "The minister said on Tuesday that grain exports would grow this year.\n"
    "Source: Ministry press service\n"
    'Quote from the minister: "We will ship more grain this year, whatever the weather."\n'
    "Details: Three ports are working.\n"
    "Background:\n"
    "- The corridor opened in 2025.\n"
    "- Forty ships are waiting.\n"
    "Support Ukrainska Pravda on Patreon!\n"
)

MARKDOWN = (
    "---\n"
    "title: Minister confident about grain exports\n"
    "url: https://news.example/md\n"
    "published: 2026-01-10\n"
    "language: en\n"
    "author: A. Reporter\n"
    "---\n"
    "\n"
    "# Minister confident about grain exports\n"
    "\n"
    "The minister said on **Tuesday** that exports would *grow*. See [the report](https://news.example/r).\n"
    "\n"
    "> “We will ship more grain this year,” the minister said.\n"
    "\n"
    "- Ports: three\n"
    "- Ships: forty\n"
    "\n"
    "```\nraw <b>code</b>\n```\n"
)

HTML_PAGE = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
    "<title>Minister confident | News</title>"
    '<meta property="og:title" content="Minister confident about grain exports">'
    '<meta property="article:published_time" content="2026-01-10T10:00:00+02:00">'
    '<link rel="canonical" href="https://news.example/html">'
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Minister"}</script>'
    "</head><body><nav>Menu</nav><article><h1>Minister confident about grain exports</h1>"
    "<p>The minister said on Tuesday that exports would grow.</p>"
    "<p>&#8220;We will ship more grain this year,&#8221; the minister said.</p></article>"
    "<footer>Footer</footer></body></html>\n"
)

ARTICLE_SAMPLES: dict[str, str] = {
    "wordpress-single": WP_SINGLE,
    "wordpress-list": WP_LIST,
    "wire": WIRE,
    "markdown": MARKDOWN,
    "html": HTML_PAGE,
}

VERDICT = (
    "# yaml-language-server: $schema=../../schema/verdict.schema.json\n"
    "claim: The minister said exports would fall\n"
    "claimant: Some blog\n"
    "claim_date: 2026-01-12\n"
    "appearances:\n"
    "  - url: https://blog.example/post\n"
    "    title: A blog post\n"
    'rating: "false"\n'
    "summary: >-\n"
    "  He said they would grow.\n"
    "body: |\n"
    "  The archived report quotes him.\n"
    "\n"
    "  **Twice.**\n"
    "evidence:\n"
    "  - article: sample\n"
    '    quote: "We will ship more grain this year"\n'
    "    note: The words as reported.\n"
    "author: Desk\n"
    "published: 2026-01-13\n"
    "updated:\n"
    "  - date: 2026-01-14\n"
    "    note: Fixed a typo.\n"
    "tags: [grain, exports]\n"
)

PEOPLE = (
    "minister:\n"
    "  name: Olena Minister\n"
    "  aliases: [the minister, Minister, Міністр]\n"
    "  role: Minister of Agriculture\n"
    "reporter:\n"
    "  name: A. Reporter\n"
)
OUTLETS = "news-example:\n  name: News Example\n  domains: [news.example]\n  language: en\n"
RATINGS = (
    '"false":\n'
    '  label: "False"\n'
    "  value: 1\n"
    "  description: Wrong.\n"
    '  colour: "#b71c1c"\n'
    '"true":\n'
    '  label: "True"\n'
    "  value: 6\n"
    '  colour: "#2e7d32"\n'
    "unproven:\n"
    "  label: Unproven\n"
)
SIDECAR = (
    "title: Minister confident\n"
    "url: https://news.example/sidecar\n"
    "outlet: news-example\n"
    "published: 2026-01-10\n"
    "language: en\n"
    "author: A. Reporter\n"
    "retrieved: 2026-01-15\n"
)
REGISTRY_SAMPLES: dict[str, str] = {"people": PEOPLE, "outlets": OUTLETS, "ratings": RATINGS}
