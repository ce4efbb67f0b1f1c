"""Hand-written pages (content/pages/*.md) behind the generator's own front matter.

`generator.pages` reads and checks them; here they are planned like every other
output, so a page can never take a generated page's path, and a page the nav
names but content/ lacks gets a placeholder with a warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator.diagnostics import Location
from generator.pages import hand_written_page
from generator.site.output import PageKind
from generator.site.pagetype import Build, Page, PageType
from generator.site.templating import N_

MISSING_PAGE = "missing-page"
PAGES_DIR = "content/pages"
# Hand-written pages the nav in mkdocs.yml names; a stub stands in for a missing one.
NAV_PAGES = {
    "about.md": N_("About"),
    "methodology.md": N_("Methodology"),
    "rating-scale.md": N_("Rating scale"),
    "corrections.md": N_("Corrections"),
    "submit.md": N_("Submit a claim"),
}


class HandWrittenPage(PageType):
    kind = PageKind.PAGE
    template = ""
    order = 40

    def plan(self, build: Build) -> Iterable[tuple[str, str, Location | None]]:
        planned = set()
        for name in sorted(build.archive.pages):
            path = name if name.endswith(".md") else f"{name}.md"
            planned.add(path)
            # `about` and `about.md` both claim about.md: the plan reports the second.
            yield name, path, Location(f"{PAGES_DIR}/{path}")
        for path in NAV_PAGES:
            if path not in planned:
                message = f"the site navigation links to '{path}' but {PAGES_DIR}/{path} does not exist; "
                build.diags.warning(MISSING_PAGE, message + "a placeholder is used", Location(f"{PAGES_DIR}/{path}"))
                yield f"missing:{path}", path, None

    def context(self, page: Page) -> dict[str, Any]:
        return {}

    def render(self, page: Page) -> str:
        name = page.file.src_uri.removesuffix(".md")
        text = page.build.archive.pages.get(page.file.key)
        if text is None:
            title = page.gettext(NAV_PAGES[page.file.src_uri])
            text = f"# {title}\n\n{page.gettext('This page has not been written yet.')}\n"
        return hand_written_page(text, name)
