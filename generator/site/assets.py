"""The site stylesheet: layout of badges and anchors, plus one colour rule per rating.

Rating colours come from ratings.yaml, so the stylesheet is generated into the
docs tree (and listed in mkdocs.yml `extra_css`) rather than kept static.
"""

from __future__ import annotations

import re

from generator.diagnostics import Diagnostics
from generator.model import RatingScale
from generator.site.fragments import rating_css_class

STYLESHEET_PATH = "assets/factcheck.css"
DEFAULT_COLOUR = "#777777"
BAD_RATING_COLOUR = "bad-rating-colour"
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")

BASE_CSS = """\
.rating {
  display: inline-block;
  padding: 0.1em 0.6em;
  border-radius: 0.8em;
  font-weight: 700;
  font-size: 0.85em;
  line-height: 1.5;
  white-space: nowrap;
  color: #ffffff;
  background-color: #777777;
}
.quote-anchor {
  scroll-margin-top: 4rem;
}
.quote-anchor:target::before {
  content: "\\25B6\\00A0";
  color: var(--md-accent-fg-color, #526cfe);
}
:is(p, li, blockquote, pre, h3, h4, h5):has(.quote-anchor:target) {
  background-color: var(--md-accent-fg-color--transparent, #526cfe1a);
  outline: 0.2em solid var(--md-accent-fg-color--transparent, #526cfe1a);
}
.verdict-body {
  margin: 1em 0;
}
"""


def _expand(colour: str) -> str:
    digits = colour[1:]
    return "".join(ch * 2 for ch in digits) if len(digits) == 3 else digits


def text_colour(colour: str) -> str:
    """Black or white, whichever reads better on the badge colour (WCAG relative luminance)."""
    digits = _expand(colour)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if luminance > 0.179 else "#ffffff"


def stylesheet(ratings: RatingScale, diags: Diagnostics) -> str:
    rules = [BASE_CSS]
    for rating in ratings.ratings:
        colour = rating.colour
        if not _HEX.match(colour):
            diags.warning(
                BAD_RATING_COLOUR,
                f"colour {colour!r} of rating '{rating.key}' is not #rgb or #rrggbb; using {DEFAULT_COLOUR}",
                rating.location,
            )
            colour = DEFAULT_COLOUR
        rules.append(
            f".{rating_css_class(rating.key)} {{\n"
            f"  background-color: {colour.lower()};\n  color: {text_colour(colour)};\n}}\n"
        )
    return "".join(rules)
