"""Fact-check archive generator: content/ in, Markdown pages for MkDocs out."""

__version__ = "0.1.0"
