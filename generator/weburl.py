"""The one rule for which URLs the site may link to: absolute http(s), or mailto."""

from __future__ import annotations

from urllib.parse import urlsplit

WEB_SCHEMES = frozenset({"http", "https", "mailto"})


def is_web_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host, or a mailto: address."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    return scheme in WEB_SCHEMES and (scheme == "mailto" or bool(parts.netloc))
