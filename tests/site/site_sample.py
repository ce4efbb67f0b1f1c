"""A small hand-built Archive for the site generator's tests.

Written in the shapes the readers and checks produce (offsets computed from the
text, anchors as check_archive assigns them), with a few hostile strings where
real input could carry them: markup in titles and claims, `javascript:` links,
table pipes, template syntax, Cyrillic tags.
"""

from __future__ import annotations

import datetime as dt

from generator.diagnostics import Location
from generator.model import (
    Anchor,
    Archive,
    Article,
    Block,
    Citation,
    Correction,
    Outlet,
    Person,
    Quote,
    Rating,
    RatingScale,
    Run,
    Verdict,
)
from generator.site.pagetype import SiteInfo

SITE_URL = "https://factcheck.example.org/"
# The site the sample is built for: English at the root, Ukrainian beside it (as mkdocs.yml sets it).
SITE = SiteInfo("Fact-check archive", SITE_URL, ("en", "uk"))

DEFAULT_RATINGS = (
    ("false", "False", 1, "#b71c1c"),
    ("mostly-false", "Mostly false", 2, "#e65100"),
    ("misleading", "Misleading", 3, "#f9a825"),
    ("half-true", "Half true", 4, "#9e9d24"),
    ("mostly-true", "Mostly true", 5, "#558b2f"),
    ("true", "True", 6, "#1b5e20"),
    ("unproven", "Unproven", None, "#607d8b"),
)

PAGES = {
    "about": "# About\n\nWho we are.\n",
    "methodology": "# Methodology\n\nHow we check claims.\n",
    "rating-scale": "# Rating scale\n\nSee the [ratings](ratings/index.md).\n",
    "corrections": "# Corrections\n\nHow we correct mistakes.\n",
    "submit": "# Submit a claim\n\nWrite to us.\n",
}


def loc(path: str, line: int = 1, col: int = 1) -> Location:
    return Location(path, line, col)


def ratings() -> RatingScale:
    return RatingScale(
        tuple(
            Rating(key, label, loc("content/ratings.yaml", n + 1), value, f"Rated *{label.lower()}*.", colour)
            for n, (key, label, value, colour) in enumerate(DEFAULT_RATINGS)
        )
    )


def find_quote(
    article_id: str, blocks: tuple[Block, ...], number: int, block: int, text: str, speaker: str | None
) -> Quote:
    """A Quote as extraction would record it: offsets of `text` within the block's text."""
    block_text = blocks[block].text
    start = block_text.index(text)
    return Quote(
        article_id,
        number,
        text,
        speaker,
        speaker.capitalize() if speaker else None,
        block_text,
        block,
        start,
        start + len(text),
    )


def anchor_for(article: Article, block: int, text: str, anchor: str) -> Anchor:
    start = article.blocks[block].text.index(text)
    return Anchor(article.id, anchor, block, start, start + len(text))


def _pravda() -> Article:
    aid = "ep-2001-transcripts"
    blocks = (
        Block.plain("p", "US transcripts from 2001 show Putin asked Bush about Russia joining NATO."),
        Block.plain("p", 'Quote from Putin: "I can imagine us becoming allies. But we feel left out of NATO."'),
        Block.plain("p", 'In 2008 Putin said Ukraine "is not even a state" | a remark * not _ emphasis.'),
        Block.plain("li", "Talks in June 2001"),
        Block.plain("li", "Talks in April 2008"),
    )
    quotes = (
        find_quote(aid, blocks, 1, 1, "I can imagine us becoming allies. But we feel left out of NATO.", "putin"),
        find_quote(aid, blocks, 2, 2, "is not even a state", "putin"),
    )
    return Article(
        id=aid,
        location=loc(f"content/articles/{aid}.txt"),
        format="text",
        title="US transcripts from 2001 show Putin asked Bush about NATO",
        blocks=blocks,
        sha256="a" * 64,
        url="https://www.eurointegration.com.ua/eng/news/2025/12/25/7000000/",
        outlet_id="european-pravda",
        published=dt.datetime(2025, 12, 25, 9, 30),
        language="en",
        retrieved=dt.date(2025, 12, 26),
        attributions=("Source: European Pravda; the National Security Archive",),
        quotes=quotes,
    )


def _ukrmedia() -> Article:
    aid = "ukrmedia-7356"
    blocks = (
        Block("h2", (Run("Key messages from the "), Run("transcripts", em=True))),
        Block(
            "p",
            (
                Run("The US released "),
                Run("secret transcripts", strong=True),
                Run(", reported by "),
                Run("the archive", href="https://nsarchive.gwu.edu/"),
                Run(" (not "),
                Run("this link", href="javascript:alert(1)"),
                Run(")."),
            ),
        ),
        Block.plain("p", "Putin said Ukraine's accession to NATO «will create a field of conflict» with the US."),
        Block.plain("blockquote", "# not a heading <b>not bold</b> & {{ config.site_name }} {% include 'x' %}"),
        Block.plain("pre", "line one <i>\n\nline three"),
    )
    quotes = (find_quote(aid, blocks, 1, 2, "will create a field of conflict", "putin"),)
    return Article(
        id=aid,
        location=loc(f"content/articles/{aid}.txt"),
        format="wordpress",
        title="<script>alert('title')</script> In 2001, Putin asked | the US",
        blocks=blocks,
        sha256="b" * 64,
        url="https://ukrmedia.news/en/main-news/in-2001/",
        outlet_id="ukrmedia-news",
        published=dt.date(2025, 12, 25),
        modified=dt.date(2025, 12, 26),
        language="en",
        author="Newsroom",
        quotes=quotes,
    )


def _unknown_outlet() -> Article:
    aid = "note-uk"
    blocks = (Block.plain("p", "Путін заявив: «Україна — не держава». Це не так."),)
    quotes = (find_quote(aid, blocks, 1, 0, "Україна — не держава", "putin"),)
    return Article(
        id=aid,
        location=loc(f"content/articles/{aid}.md"),
        format="markdown",
        title="Нотатка без видання",
        blocks=blocks,
        sha256="c" * 64,
        language="uk",
        published=dt.date(2025, 11, 2),
        quotes=quotes,
    )


def _nato() -> Verdict:
    return Verdict(
        id="putin-2001-nato",
        location=loc("content/verdicts/putin-2001-nato.yaml"),
        claim="In 2001 Putin told Bush that Ukraine joining NATO would create a field of conflict",
        claimant="ukrmedia-news",
        claim_date=dt.date(2025, 12, 25),
        appearances=(
            Citation(
                loc("content/verdicts/putin-2001-nato.yaml", 5), "ukrmedia-7356", "will create a field of conflict"
            ),
        ),
        rating="misleading",
        summary="The transcripts put Putin's remarks about Ukraine in *2008*, not 2001.",
        evidence=(
            Citation(
                loc("content/verdicts/putin-2001-nato.yaml", 12),
                "ep-2001-transcripts",
                "In 2008 Putin said Ukraine",
                note="The *Ukraine* remarks come from 2008 | not 2001.",
            ),
            Citation(
                loc("content/verdicts/putin-2001-nato.yaml", 15),
                url="https://nsarchive.gwu.edu/briefing-book/2025 (part 1)",
                title="Primary documents",
                note="See [the index](https://nsarchive.gwu.edu/) and [this](javascript:alert(2)).",
            ),
            Citation(loc("content/verdicts/putin-2001-nato.yaml", 18), url="javascript:alert(2)", title="Bad link"),
        ),
        author="Verification desk",
        published=dt.date(2026, 1, 10),
        body=(
            "The transcripts put the **Ukraine** remarks in 2008.\n\n"
            "<script>alert(3)</script>\n\n"
            "[click](javascript:alert(4)), [another verdict](putin-russia-ally.md) and "
            "[the quote](../articles/ep-2001-transcripts.md#q-2).\n\n"
            "| year | event |\n|---|---|\n| 2001 | talks |\n"
        ),
        updated=(Correction(dt.date(2026, 1, 12), "Corrected the *date* of the transcript.", loc("x.yaml")),),
        tags=("NATO", "russia", "україна"),
    )


def _ally() -> Verdict:
    return Verdict(
        id="putin-russia-ally",
        location=loc("content/verdicts/putin-russia-ally.yaml"),
        claim="Putin said Russia could become a NATO ally",
        claimant="putin",
        claim_date=dt.date(2001, 6, 16),
        appearances=(
            Citation(
                loc("content/verdicts/putin-russia-ally.yaml", 5),
                "ep-2001-transcripts",
                "I can imagine us becoming allies",
            ),
        ),
        rating="unproven",
        summary="The transcript records the words, but not what was meant by them.",
        evidence=(Citation(loc("content/verdicts/putin-russia-ally.yaml", 9), "note-uk"),),
        author="Verification desk",
        published=dt.date(2026, 1, 5),
        tags=("nato",),
    )


def _viral() -> Verdict:
    return Verdict(
        id="viral-post",
        location=loc("content/verdicts/viral-post.yaml"),
        claim="Putin </script><script>alert(1)</script> said {{ config.site_name }} | NATO",
        claimant="Social media posts",
        claim_date=dt.date(2025, 11, 1),
        appearances=(
            Citation(
                loc("content/verdicts/viral-post.yaml", 5), url="https://social.example/post/1", title="A viral post"
            ),
        ),
        rating="false",
        summary="No such statement exists. <img src=x onerror=alert(5)>",
        evidence=(Citation(loc("content/verdicts/viral-post.yaml", 9), "note-uk", "Україна — не держава"),),
        author="Verification desk",
        published=dt.date(2025, 11, 3),
        tags=("Russia",),
    )


def _verdicts() -> dict[str, Verdict]:
    return {v.id: v for v in (_nato(), _ally(), _viral())}


def sample_archive() -> Archive:
    articles = {a.id: a for a in (_pravda(), _ukrmedia(), _unknown_outlet())}
    ep, ukr, note = articles["ep-2001-transcripts"], articles["ukrmedia-7356"], articles["note-uk"]
    people = {
        "putin": Person(
            "putin", "Vladimir Putin", loc("content/people.yaml", 1), ("Putin", "Путін"), "President of Russia"
        ),
        "bush": Person("bush", "George W. Bush", loc("content/people.yaml", 5), ("Bush",), "President of the USA"),
        "smith": Person("smith", "Jane *Smith* <i>", loc("content/people.yaml", 9), (), "Analyst | expert"),
    }
    outlets = {
        "european-pravda": Outlet(
            "european-pravda", "European Pravda", loc("content/outlets.yaml", 1), ("eurointegration.com.ua",), "en"
        ),
        "ukrmedia-news": Outlet(
            "ukrmedia-news", "ukrmedia.news", loc("content/outlets.yaml", 5), ("ukrmedia.news",), "en"
        ),
    }
    anchors = {
        ("putin-2001-nato", "appearances", 0): anchor_for(ukr, 2, "will create a field of conflict", "q-1"),
        ("putin-2001-nato", "evidence", 0): anchor_for(ep, 2, "In 2008 Putin said Ukraine", "c-putin-2001-nato-e0"),
        ("putin-russia-ally", "appearances", 0): anchor_for(ep, 1, "I can imagine us becoming allies", "q-1"),
        ("viral-post", "evidence", 0): anchor_for(note, 0, "Україна — не держава", "q-1"),
    }
    return Archive(
        articles=articles,
        verdicts=_verdicts(),
        people=people,
        outlets=outlets,
        ratings=ratings(),
        pages=dict(PAGES),
        citation_anchors=anchors,
    )
