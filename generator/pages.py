"""Hand-written pages (content/pages/*.md): read, named, checked, then written by the generator.

A page reaches MkDocs only as `hand_written_page` writes it: behind a front
matter block the generator controls, holding only the page title it derived
from the first `# heading` (or the page's validated name) and HTML-escaped. So
no metadata from the page survives: MkDocs reads one metadata block per page,
ours, and the page's own first lines are Markdown text after it (`check`
refuses them anyway, see `generator.pagecheck`). Themes print `page.meta.title`
and `page.title` as HTML, so the title is escaped text by construction.

A page's file name becomes its URL (`about.md` → `/about/`), so it must be a
lowercase slug, and may not be a name the generator or MkDocs publishes
itself (`verdicts` is the verdict listing's `/verdicts/`, `index` the home page).
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from generator.contentfs import read_content_bytes
from generator.diagnostics import Diagnostics, Location
from generator.pagecheck import check_page, render_page

# A page is prose a maintainer writes: 128 KiB is a long book chapter of Markdown.
PAGE_MAX_BYTES = 128 * 1024
PAGE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PAGE_NAME_MAX_CHARS = 64
TITLE_MAX_CHARS = 120
DEFAULT_TITLE = "Page"
# What MkDocs and Material write at the top of site/ besides the pages: the 404 page,
# the sitemap, the search index folder and the theme's assets (tests/security/test_pages.py
# checks this list against a real build).
MKDOCS_ROOTS = frozenset({"404.html", "sitemap.xml", "sitemap.xml.gz", "search", "assets"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")

PAGE_NAME_CODE = "page-name"
PAGE_NAME_RESERVED = "page-name-reserved"
PAGE_TOO_LARGE = "page-too-large"


def load_page(file: Path, where: Location, diags: Diagnostics) -> tuple[str, str] | None:
    """(name, Markdown) of one page file, or None with every problem reported at the file."""
    name = file.name.removesuffix(".md")
    if not _name_is_usable(name, where, diags):
        return None
    data = read_content_bytes(file, where.path, diags)
    if data is None:
        return None
    if len(data) > PAGE_MAX_BYTES:
        diags.error(PAGE_TOO_LARGE, f"the page is {len(data):,} bytes; pages may hold at most {PAGE_MAX_BYTES:,} "
                    "(split it into several pages)", where)
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        diags.error("encoding", f"page is not valid UTF-8 (byte {exc.start}); save it as UTF-8", where)
        return None
    # Python-Markdown reads every line ending as "\n"; so do the check and its line numbers.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    check_page(text, where.path, diags)
    return name, text


def _name_is_usable(name: str, where: Location, diags: Diagnostics) -> bool:
    if not PAGE_NAME.fullmatch(name) or len(name) > PAGE_NAME_MAX_CHARS:
        diags.error(PAGE_NAME_CODE, f"the page name {name!r} becomes its URL: use lowercase letters, digits and "
                    f"single '-' (at most {PAGE_NAME_MAX_CHARS} characters), e.g. 'rating-scale.md'", where)
        return False
    if name in reserved_page_names():
        diags.error(PAGE_NAME_RESERVED, f"a page named '{name}' would be published at /{name}/, which the site "
                    "already uses for generated pages or files; rename the page", where)
        return False
    return True


@cache
def reserved_page_names() -> frozenset[str]:
    """Names whose URL (`/<name>/`) the generated site or MkDocs already uses, from the output plan."""
    from generator.site.generate import generated_roots  # The site package is only needed here.
    from generator.site.templating import available_languages

    # Every UI language with a catalog has its own site at /<lang>/.
    roots = generated_roots() | MKDOCS_ROOTS | frozenset(available_languages())
    return frozenset(root.removesuffix(".md").split(".")[0] for root in roots)


def page_title(text: str, name: str) -> str:
    """Plain text of the first `# heading` as Python-Markdown renders it; else the name, as words."""
    soup = BeautifulSoup(render_page(text), "lxml")
    heading = soup.find("h1")
    title = _plain(heading.get_text()) if heading is not None else ""
    if not title:
        title = name.replace("-", " ").capitalize() if PAGE_NAME.fullmatch(name) else DEFAULT_TITLE
    return title if len(title) <= TITLE_MAX_CHARS else title[: TITLE_MAX_CHARS - 1].rstrip() + "…"


def _plain(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


def hand_written_page(text: str, name: str) -> str:
    """The page as MkDocs gets it: our front matter (an escaped title, nothing else), then the page."""
    from generator.site.frontmatter import hand_written_front_matter  # `check` alone never imports the site.

    title = html.escape(page_title(text, name), quote=True)
    document = hand_written_front_matter(title) + text.removeprefix("\ufeff")
    # What MkDocs will read back, by MkDocs' own reader: exactly our metadata, whatever the page holds.
    _, meta = get_data(document)
    if meta != {"title": title}:
        raise ValueError(f"front matter did not survive MkDocs' reading: {sorted(meta)}")
    return document
