"""Page types register themselves by living in generator/site/pages/, in planning order."""

from __future__ import annotations

from generator.site.output import PageKind
from generator.site.pages import PAGE_TYPES
from generator.site.templating import TEMPLATES


def test_every_family_is_registered_once_in_planning_order() -> None:
    names = [type(t).__name__ for t in PAGE_TYPES]
    assert len(names) == len(set(names))
    assert {"VerdictPage", "ArticlePage", "PersonPage", "HomeListing", "Feeds", "HandWrittenPage"} <= set(names)
    kinds = [t.kind for t in PAGE_TYPES]
    # Listings before files before entity pages before hand-written pages: the first claim on a path wins.
    assert kinds.index(PageKind.LISTING) < kinds.index(PageKind.FILE) < kinds.index(PageKind.VERDICT)
    assert kinds[-1] is PageKind.PAGE
    assert [t.order for t in PAGE_TYPES] == sorted(t.order for t in PAGE_TYPES)


def test_every_template_named_exists() -> None:
    missing = [t.template for t in PAGE_TYPES if t.template and not (TEMPLATES / t.template).is_file()]
    assert not missing
