"""The site generator: an Archive in, a docs tree for MkDocs out (pages, feeds, exports)."""

from generator.site.context import DEFAULT_SITE_NAME, DEFAULT_SITE_URL
from generator.site.generate import generate_site

__all__ = ["DEFAULT_SITE_NAME", "DEFAULT_SITE_URL", "generate_site"]
