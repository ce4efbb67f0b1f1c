"""The site generator: an Archive in, a docs tree for MkDocs out (pages, feeds, exports)."""

from generator.site.generate import generate_site

__all__ = ["generate_site"]
