"""Which outlet published an article: sidecar, else URL domain, else publisher boilerplate.

An article whose outlet cannot be told is left with `outlet_id=None`; its
page says the outlet is unknown rather than guessing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from urllib.parse import urlsplit

from generator.diagnostics import Diagnostics, Location, did_you_mean
from generator.model import Article, Outlet
from generator.normalise import fold

# Publishers the readers can recognise from their boilerplate, with the domains
# their sites use, so an outlets.yaml entry matches by name or by domain.
KNOWN_PUBLISHERS: dict[str, tuple[str, ...]] = {
    "Ukrainska Pravda": ("pravda.com.ua", "eurointegration.com.ua", "epravda.com.ua"),
    "European Pravda": ("eurointegration.com.ua",),
    "Economichna Pravda": ("epravda.com.ua",),
}


def _bare_host(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def url_host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return _bare_host(host) if host else None


def outlet_for_hosts(hosts: Iterable[str], outlets: dict[str, Outlet]) -> Outlet | None:
    """The outlet with the most specific domain that a host equals or is a subdomain of."""
    best: tuple[int, Outlet] | None = None
    for host in hosts:
        for outlet in outlets.values():
            for domain in map(_bare_host, outlet.domains):
                matches = bool(domain) and (host == domain or host.endswith("." + domain))
                if matches and (best is None or len(domain) > best[0]):
                    best = (len(domain), outlet)
    return best[1] if best else None


def outlet_for_publisher(name: str, outlets: dict[str, Outlet]) -> Outlet | None:
    wanted = fold(name)
    for outlet in outlets.values():
        if fold(outlet.name) == wanted or fold(outlet.id) == wanted.replace(" ", "-"):
            return outlet
    return outlet_for_hosts(KNOWN_PUBLISHERS.get(name, ()), outlets)


def pick_outlet(outlet_id: str, where: Location, outlets: dict[str, Outlet], diags: Diagnostics) -> Outlet | None:
    """The outlet an author named by id, or None after reporting an unknown id."""
    outlet = outlets.get(outlet_id)
    if outlet is None:
        diags.error("unknown-outlet", f"outlet `{outlet_id}` is not in outlets.yaml{did_you_mean(outlet_id, outlets)}",
                    where)
    return outlet


def resolve_outlet(article: Article, chosen: Outlet | None, outlets: dict[str, Outlet]) -> Article:
    """Set outlet_id/outlet_name from, in order: `chosen` (a sidecar's valid `outlet`), an outlet
    the reader already resolved (front matter), the URL's domain, the publisher hint in `outlet_name`."""
    outlet = chosen
    if outlet is None and article.outlet_id is not None:
        outlet = outlets.get(article.outlet_id)
    if outlet is None:
        host = url_host(article.url)
        outlet = outlet_for_hosts([host], outlets) if host else None
    if outlet is None and article.outlet_name and article.outlet_id is None:
        outlet = outlet_for_publisher(article.outlet_name, outlets)
    if outlet is None:
        return dataclasses.replace(article, outlet_id=None, outlet_name=None)
    return dataclasses.replace(article, outlet_id=outlet.id, outlet_name=outlet.name)
