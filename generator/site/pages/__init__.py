"""Every page family of the site: each module here that defines a PageType is one.

A page type is registered by being here (no list to keep in step): adding one is
its module and its template. Planning order (`PageType.order`) decides who keeps
a contested path: listings, then files (feeds, exports, stylesheet), then entity
pages, then hand-written pages; within a rank, by module and class name.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from generator.site.pagetype import PageType


def _subclasses(base: type) -> list[type[PageType]]:
    found: list[type[PageType]] = []
    subclass: type[PageType]
    for subclass in base.__subclasses__():
        found += [subclass, *_subclasses(subclass)]
    return found


def _page_types() -> tuple[PageType, ...]:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    concrete = [
        cls
        for cls in _subclasses(PageType)
        if cls.__module__.startswith(f"{__name__}.")
        and not inspect.isabstract(cls)
        and not cls.__dict__.get("family_base", False)
    ]
    ordered = sorted(set(concrete), key=lambda cls: (cls.order, cls.__module__, cls.__qualname__))
    return tuple(cls() for cls in ordered)


PAGE_TYPES: tuple[PageType, ...] = _page_types()
