"""Hostile hand-written pages: metadata MkDocs would read, titles, and names the site already uses.

`METADATA_PAGES` put corpus payloads in every `page.meta` key Material or MkDocs
reads (printed raw in the header, `<meta>`, a nav item, a class, an include
path, a redirect, the template choice) as MultiMarkdown `key: value` lines at
the top of a page, without `---`. `check` refuses them (`page-metadata`); built
with that rule switched off they show whether the generator's own front matter
keeps them out of `page.meta`. `TITLE_PAGES` carry a payload in the first
heading, or have no heading at all (the title must not come from the file name).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from .corpus import VECTORS

# Every page.meta key the theme or MkDocs uses (see SECURITY.md, "Hand-written pages").
META_KEYS = ("title", "description", "author", "subtitle", "icon", "status", "template", "location", "hide",
             "search", "tags", "social", "comments", "revision_date")
# A vector of each kind that is live when printed raw: script, handler, URL, SVG, embed, broken markup.
META_VECTORS = [v for v in VECTORS if v.id in {"001", "014", "021", "031", "044", "051", "066"}]


def metadata_pages() -> dict[str, str]:
    """Each payload in a code span: inert as Markdown, so only MkDocs reading it as metadata makes it live."""
    pages = {}
    for key in META_KEYS:
        for vector in META_VECTORS:
            payload = vector.payload.replace("\n", " ")
            pages[f"meta-{key.replace('_', '-')}-{vector.id}"] = (
                f"{key}: `` {payload} ``\ntemplate: `` redirect.html ``\n\n# Meta {vector.marker}\n\nText.\n"
            )
    return pages


def title_pages() -> dict[str, str]:
    pages = {f"title-{v.id}": f"# {v.payload.splitlines()[0]}\n\nTitle {v.marker}.\n" for v in VECTORS}
    pages["no-heading"] = "Only a paragraph, XSSM02Q, and no heading.\n"
    pages["heading-later"] = "A paragraph first.\n\n# Later &lt;b&gt; XSSM03Q\n"
    return pages


@contextmanager
def metadata_rule_off() -> Iterator[None]:
    """`check` without its metadata rule, so the generator alone must keep metadata out."""
    from generator import pagecheck

    with pytest.MonkeyPatch.context() as patch:
        # raising=False: the same pages can be built with a page check that has no such rule.
        patch.setattr(pagecheck, "_check_metadata", lambda _text, _path, _diags: None, raising=False)
        yield
