"""`factcheck new verdict`: a verdict template to fill in.

The template is a valid verdict file whose unknown parts read `TODO: …`;
`factcheck check` reports each one until it is filled in. Every contributor
value is written as a YAML double-quoted scalar produced by ruamel's emitter,
never pasted into YAML text, and the finished file is parsed back before it is
written.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from generator.checks import ArticleText, describe_miss
from generator.diagnostics import Diagnostics, Location, display_path
from generator.model import Article
from generator.schema import slugify
from generator.yamlio import load_yaml_text

MAX_SLUG_LENGTH = 60

TEMPLATE = """\
# yaml-language-server: $schema=../../schema/verdict.schema.json
# A verdict: one claim, checked. Replace every TODO, then run `factcheck check`
# (or `make check`). CONTRIBUTING.md explains each field.

# The claim as reviewed, in one sentence (ideally under 75 characters).
claim: "TODO: the claim, in one sentence"
# Who made it: a person id from content/people.yaml, an outlet id from
# content/outlets.yaml, or a name written in full.
claimant: "TODO: person id, outlet id or name"
# When the claim was made (YYYY-MM-DD).
claim_date: {claim_date}
# Where the claim was made. The quote must be copied exactly from the article:
# the check fails if its words do not occur there (quote marks, dashes and spacing may differ).
appearances:
  - article: {article}
    quote: {quote}
# A key of content/ratings.yaml, such as misleading or mostly-true.
rating: "TODO: a rating"
# One or two sentences: what we found.
summary: "TODO: what we found"
# Optional: the longer explanation, in Markdown. Delete it if there is none.
body: |
  TODO: the explanation, in Markdown.
# The sources behind the rating, at least one: an archived article with the
# exact quote, or a web page with its title. Add one entry per source.
evidence:
  - url: "https://example.org/TODO"
    title: "TODO: the title of the source"
    note: "TODO: what this source shows"
# Who checked the claim.
author: "TODO: your name or desk"
# When the verdict is published (YYYY-MM-DD).
published: {today}
# Topics: lowercase words joined by hyphens.
tags: []
"""


def yaml_string(value: str) -> str:
    """`value` as one YAML double-quoted scalar, whatever characters it holds."""
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 1_000_000  # one line: the emitter must not fold a long quote
    out = io.StringIO()
    yaml.dump({"v": DoubleQuotedScalarString(value)}, out)
    return out.getvalue().strip()[len("v: ") :]


def verdict_slug(article: Article) -> str:
    """A file name from the article's title, cut at a word boundary."""
    slug = slugify(article.title) or slugify(article.id) or "verdict"
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rsplit("-", 1)[0]
    return slug


def render_template(article: Article, quote: str | None, today: dt.date) -> str:
    published = article.published
    claim_date = published.date() if isinstance(published, dt.datetime) else published or today
    return TEMPLATE.format(
        claim_date=claim_date.isoformat(),
        article=yaml_string(article.id),
        quote=yaml_string(quote if quote else "TODO: the exact words from the article (or delete this line)"),
        today=today.isoformat(),
    )


def new_verdict(
    verdicts_dir: Path, article: Article, quote: str | None, today: dt.date, diags: Diagnostics,
    slug: str | None = None,
) -> Path | None:
    """Write content/verdicts/<slug>.yaml for `article`; None (with an error) when it cannot."""
    slug = slug or verdict_slug(article)
    target = verdicts_dir / f"{slug}.yaml"
    where = Location(display_path(target), 1, 1)
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", slug):
        diags.error("bad-id", f"'{slug}' cannot be a verdict id: use lowercase letters, digits and hyphens", where)
        return None
    if target.exists():
        diags.error("file-exists", "a verdict with this name already exists; it is left as it is", where)
        return None
    if quote is not None and not _quote_found(article, quote, diags):
        return None
    text = render_template(article, quote, today)
    if not _reads_back(text, article.id, quote, where.path):  # a bug here, not the contributor's
        diags.error("internal-error", "the template could not be written safely; please report this", where)
        return None
    try:
        verdicts_dir.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        diags.error("io", f"cannot write the template: {exc.strerror}", where)
        return None
    return target


def _reads_back(text: str, article_id: str, quote: str | None, path: str) -> bool:
    check = Diagnostics()
    data = load_yaml_text(text, path, check)
    if data is None or check.errors:
        return False
    cited = data["appearances"][0]
    return cited["article"] == article_id and (quote is None or cited["quote"] == quote)


def _quote_found(article: Article, quote: str, diags: Diagnostics) -> bool:
    text = ArticleText(article)
    if text.find(quote) is not None:
        return True
    message = f"the --quote text is not in article '{article.id}'{describe_miss(text, quote)}; copy the words exactly"
    diags.error("quote-not-found", message, article.location)
    return False
