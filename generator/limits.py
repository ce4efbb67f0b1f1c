"""The documented limits on content: what `check` refuses so the build never has to.

Every limit here is reported as a located error (CONTRIBUTING.md lists them), so
hostile or broken input is refused at its file and line instead of slowing the
build down or failing it half-way. The values are far above what real articles
and verdicts need: a long news article is under 100,000 characters of text.
"""

from __future__ import annotations

import datetime as dt

# An article file as collected (a saved HTML page with inline scripts and styles is the largest).
MAX_ARTICLE_BYTES = 10_000_000
# The text a reader extracted from one article, and its title.
MAX_ARTICLE_TEXT_CHARS = 2_000_000
MAX_ARTICLE_TITLE_CHARS = 1_000
# An article id becomes a file name (<= 255 bytes) and part of every URL of the article.
MAX_ID_CHARS = 120
# Digits of a number read from JSON; Python refuses to convert more than 4,300.
MAX_NUMBER_DIGITS = 30

# Dates: four-digit years (the sitemap and feeds print them as such), and within what a
# gzip header (the compressed sitemap) can hold: seconds since 1970 in 32 bits end in 2106.
EARLIEST_DATE = dt.date(1000, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)

# Verdict fields, in characters. Python-Markdown's inline parsing of a paragraph costs up to
# its length times its markup, so contributor Markdown is kept to sizes where that is small.
MAX_LINE_CHARS = 500  # claim, a source's title
MAX_NAME_CHARS = 200  # claimant, author
MAX_PARAGRAPH_CHARS = 2_000  # summary, quote, note
MAX_BODY_CHARS = 50_000
MAX_BODY_PARAGRAPH_CHARS = 5_000  # between blank lines of a body
MAX_TAG_CHARS = 80  # a tag is the file name of its topic page, never cut (site/urls.py)
# A rating's `value` is its position on the scale.
MAX_RATING_VALUE = 100


def date_out_of_range(value: dt.date) -> str | None:
    """Why `value` cannot be used, or None when it is in the supported range."""
    if EARLIEST_DATE <= value <= LATEST_DATE:
        return None
    return f"{value.isoformat()} is outside the supported range {EARLIEST_DATE} to {LATEST_DATE}"
