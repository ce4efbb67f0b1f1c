"""Pages of people and outlets: what they said, and how their claims were rated."""

from __future__ import annotations

from generator.model import Outlet, Person
from generator.site.context import SiteContext
from generator.site.fragments import article_md, fmt_date, page, quotes_table, tally, verdict_table
from generator.site.markdown import escape_md, table


def render_person(ctx: SiteContext, person: Person, path: str) -> str:
    name = escape_md(person.name).strip() or escape_md(person.id)
    facts = []
    if person.role:
        facts.append(f"- **Role:** {escape_md(person.role)}")
    aliases = [a for a in person.aliases if a != person.name]
    if aliases:
        facts.append("- **Also known as:** " + ", ".join(escape_md(a) for a in aliases))
    verdicts = ctx.catalog.by_claimant.get(person.id, [])
    quotes = ctx.catalog.quotes_by_speaker.get(person.id, [])
    parts = [
        f"# {name}",
        "\n".join(facts),
        "## Ratings of their claims\n\n" + tally(ctx, verdicts),
        f"## Verdicts on their claims ({len(verdicts)})\n\n" + verdict_table(ctx, verdicts, path),
        f"## Quotes ({len(quotes)})\n\n" + quotes_table(ctx, quotes, path, with_speaker=False),
    ]
    return page(parts)


def render_outlet(ctx: SiteContext, outlet: Outlet, path: str) -> str:
    facts = []
    if outlet.domains:
        facts.append("- **Domains:** " + ", ".join(escape_md(d) for d in outlet.domains))
    if outlet.language:
        facts.append(f"- **Language:** {escape_md(outlet.language)}")
    claims = ctx.catalog.by_claimant.get(outlet.id, [])
    citing = ctx.catalog.verdicts_citing_outlet.get(outlet.id, [])
    articles = ctx.catalog.articles_by_outlet.get(outlet.id, [])
    rows = [[article_md(ctx, a.id, path), fmt_date(a.published), str(len(a.quotes))] for a in articles]
    parts = [
        f"# {escape_md(outlet.name).strip() or escape_md(outlet.id)}",
        "\n".join(facts),
        "## Ratings of its claims\n\n" + tally(ctx, claims),
        f"## Verdicts on its claims ({len(claims)})\n\n" + verdict_table(ctx, claims, path),
        f"## Verdicts citing its articles ({len(citing)})\n\n" + verdict_table(ctx, citing, path),
        f"## Archived articles ({len(articles)})\n\n"
        + (table(["Article", "Published", "Quotes"], rows) if rows else "No archived articles."),
    ]
    return page(parts)
