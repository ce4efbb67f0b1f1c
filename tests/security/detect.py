"""Finds anything live in a built site: scripts, handlers, script URLs, frames, forms.

The detector is deliberately stricter than a browser (it strips every space and
control character from a URL before looking at its scheme, and reads every
page with two different HTML parsers: lxml's and the standard library's) and
knows only the handful of things the mkdocs-material theme itself puts in a
page. Each finding names the file, the rule and a snippet; the corpus markers
in the snippet trace it to its vector.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from .corpus import VECTORS, markers_in

BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:", "mocha:")
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "data",
        "poster",
        "background",
        "cite",
        "lowsrc",
        "dynsrc",
        "ping",
        "codebase",
        "archive",
        "manifest",
        "icon",
        "longdesc",
        "usemap",
        "values",
        "to",
        "from",
        "by",
        "srcset",
        "imagesrcset",
    }
)
FORBIDDEN_ELEMENTS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"})
# Browsers parse these as raw text, so what a parser sees as an attribute inside may be live markup.
RAW_TEXT_ELEMENTS = ("noscript", "noembed", "noframes", "xmp", "plaintext")
SVG_ANIMATION = frozenset({"set", "animate", "animatetransform", "animatemotion"})
JSON_URL_KEYS = frozenset({"url", "href", "link", "src", "@id", "sameas", "image", "contenturl", "location"})
_SPACE_AND_CONTROLS = re.compile(r"[\x00-\x20\x7f-\x9f]+")
_CSS_NOISE = re.compile(r"/\*.*?\*/|\\|\s", re.S)
_TITLE_RAW = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_RAW_TEXT_RAW = re.compile(r"<(" + "|".join(RAW_TEXT_ELEMENTS) + r")\b.{0,400}", re.I | re.S)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Finding:
    file: str
    rule: str
    snippet: str

    @property
    def markers(self) -> list[str]:
        return markers_in(self.snippet)

    def __str__(self) -> str:
        snippet = self.snippet if len(self.snippet) < 240 else self.snippet[:240] + "…"
        return f"{self.file}: {self.rule}: {snippet!r} markers={self.markers}"


def url_is_dangerous(value: str) -> bool:
    """A browser strips leading controls and removes tabs/newlines; we strip every space too."""
    compact = _SPACE_AND_CONTROLS.sub("", value).lower()
    return compact.startswith(BAD_SCHEMES)


def css_is_dangerous(value: str) -> bool:
    compact = _CSS_NOISE.sub("", value).lower()
    return any(
        bad in compact
        for bad in ("javascript:", "vbscript:", "expression(", "url(data:text", "-moz-binding", "behavior:")
    )


# ---------------------------------------------------------------- two views of an HTML document


@dataclass
class Element:
    """One start tag as a parser saw it: name, decoded attributes, script/style text."""

    name: str
    attrs: dict[str, str]
    body: str = ""
    describe: Callable[[], str] = field(default=lambda: "")

    def get(self, key: str) -> str:
        return self.attrs.get(key, "")


def _lxml_elements(raw: str, fragment: bool) -> Iterator[Element]:
    try:
        root = (
            lxml.html.fragment_fromstring(raw, create_parent="div") if fragment else lxml.html.document_fromstring(raw)
        )
    except (etree.ParserError, ValueError):
        return
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        name = el.tag.lower()
        body = (el.text or "") if name in ("script", "style") else ""

        def describe(el: Any = el) -> str:
            snippet = lxml.html.tostring(el, encoding="unicode", with_tail=False)[:300]
            parent = el.getparent()
            if parent is not None and not markers_in(snippet):
                snippet += " … in: " + parent.text_content()[:300]
            return snippet

        yield Element(name, {str(k).lower(): str(v) for k, v in el.attrib.items()}, body, describe)


class _StdlibElements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: Element | None = None
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.close_body()
        text = self.get_starttag_text() or f"<{tag}>"
        element = Element(tag.lower(), {k.lower(): v or "" for k, v in attrs}, "", lambda: text)
        self.elements.append(element)
        if tag in ("script", "style"):
            self.open = element

    def handle_data(self, data: str) -> None:
        if self.open is not None:
            self.chunks.append(data)

    def handle_endtag(self, tag: str) -> None:
        self.close_body()

    def close_body(self) -> None:
        if self.open is not None:
            body = "".join(self.chunks)
            start = self.open.describe()
            self.open.body = body
            self.open.describe = lambda: (start + body)[:400]
        self.open, self.chunks = None, []


def _stdlib_elements(raw: str) -> list[Element]:
    parser = _StdlibElements()
    parser.feed(raw)
    parser.close()
    parser.close_body()
    return parser.elements


# ---------------------------------------------------------------- rules


def _theme_script(el: Element) -> bool:
    """The theme's own scripts: bundles under assets/, its inline bootstrap and config."""
    if markers_in(el.body) or markers_in(" ".join(el.attrs.values())):
        return False
    if "src" in el.attrs:
        src = el.get("src")
        return "://" not in src and not src.startswith("//") and "assets/javascripts/" in src
    kind = el.get("type").lower()
    if kind == "application/json" and el.get("id") == "__config":
        return True
    return kind in ("", "text/javascript") and ("__md_" in el.body or "__tabbed_" in el.body)


def _json_ld_findings(el: Element, where: str) -> Iterator[Finding]:
    lowered = el.body.lower()
    for hazard in ("</script", "<script", "<!--"):
        if hazard in lowered:
            yield Finding(where, f"json-ld-contains-{hazard}", el.body)
    try:
        data = json.loads(el.body)
    except ValueError as exc:
        yield Finding(where, f"json-ld-not-json ({exc})", el.body)
        return
    yield from _json_url_findings(data, where, "json-ld")


def _script_findings(el: Element, where: str) -> Iterator[Finding]:
    if el.get("type").lower() == "application/ld+json" and "src" not in el.attrs:
        yield from _json_ld_findings(el, where)
    elif not _theme_script(el):
        yield Finding(where, "script-element", el.describe())


def _attribute_findings(el: Element, where: str) -> Iterator[Finding]:
    for name, value in el.attrs.items():
        if name.startswith("on"):
            yield Finding(where, f"event-handler {name}", el.describe())
        elif name == "srcdoc":
            yield Finding(where, "srcdoc-attribute", el.describe())
        elif name == "style" and (css_is_dangerous(value) or markers_in(value)):
            yield Finding(where, "style-attribute", el.describe())
        elif name in URL_ATTRIBUTES or name.endswith(":href"):
            parts = re.split(r"[;,]", value) if name in ("values", "srcset", "imagesrcset") else [value]
            if any(url_is_dangerous(part) for part in parts):
                yield Finding(where, f"script-url in {name}", el.describe())


def _element_findings(el: Element, where: str) -> Iterator[Finding]:
    name = el.name
    if name == "script":
        yield from _script_findings(el, where)
    elif name in FORBIDDEN_ELEMENTS:
        yield Finding(where, f"forbidden-element <{name}>", el.describe())
    elif name == "form" and not ("md-search__form" in el.get("class").split() and not markers_in(str(el.attrs))):
        yield Finding(where, "form-element", el.describe())
    elif name == "meta" and el.get("http-equiv").lower().strip() in ("refresh", "set-cookie"):
        yield Finding(where, "meta-http-equiv", el.describe())
    elif name == "link" and "import" in el.get("rel").lower().split():
        yield Finding(where, "link-import", el.describe())
    elif name == "style" and (css_is_dangerous(el.body) or markers_in(el.body)):
        yield Finding(where, "style-element", el.describe())
    elif name in SVG_ANIMATION:
        target = el.get("attributename").lower()
        if target.startswith("on") or target.endswith("href"):
            yield Finding(where, f"svg-animation of {target}", el.describe())
    yield from _attribute_findings(el, where)


def _raw_findings(raw: str, where: str, fragment: bool) -> Iterator[Finding]:
    for match in _RAW_TEXT_RAW.finditer(raw):
        if markers_in(match.group(0)):
            yield Finding(where, f"raw-text-element <{match.group(1).lower()}>", match.group(0)[:400])
    if not fragment:
        for match in _TITLE_RAW.finditer(raw):
            if "<" in match.group(1):
                yield Finding(where, "markup-in-title", match.group(0))


def _evaluated_findings(text: str, where: str) -> Iterator[Finding]:
    for vector in VECTORS:
        if vector.evaluated and vector.evaluated in text:
            yield Finding(where, "template-evaluated", vector.evaluated)


def scan_html(raw: str, where: str, fragment: bool = False) -> list[Finding]:
    """Every live thing in one HTML document (or fragment), as either parser reads it."""
    found: list[Finding] = []
    for element in (*_lxml_elements(raw, fragment), *_stdlib_elements(raw)):
        found.extend(_element_findings(element, where))
    found.extend(_raw_findings(raw, where, fragment))
    text = re.sub(r"<[^>]*>", " ", raw)
    if any(v.evaluated and v.marker in text for v in VECTORS):
        import html

        found.extend(_evaluated_findings(html.unescape(text), where))
    return list(dict.fromkeys(found))


# ---------------------------------------------------------------- JSON, CSV, XML


def _walk_json(data: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _walk_json(v, str(k))
    elif isinstance(data, list):
        for v in data:
            yield from _walk_json(v, key)
    else:
        yield key, data


def _json_url_findings(data: Any, where: str, rule: str) -> Iterator[Finding]:
    for key, value in _walk_json(data):
        lkey = key.lower()
        if isinstance(value, str) and (lkey in JSON_URL_KEYS or lkey.endswith("url")) and url_is_dangerous(value):
            yield Finding(where, f"{rule}: script-url in '{key}'", value)


def scan_json(raw: str, where: str) -> list[Finding]:
    try:
        data = json.loads(raw)
    except ValueError as exc:
        return [Finding(where, f"json-not-parseable ({exc})", raw[:200])]
    found = list(_json_url_findings(data, where, "json"))
    if where.endswith("search_index.json") and isinstance(data, dict):
        # The theme renders the index's text and titles as HTML in the search results.
        for doc in data.get("docs", []):
            for key in ("title", "text"):
                value = str(doc.get(key, ""))
                if "<" in value:
                    found.extend(scan_html(value, f"{where} [{doc.get('location')}].{key}", True))
    return found


def scan_csv(raw: str, where: str) -> list[Finding]:
    found: list[Finding] = []
    for row in csv.reader(io.StringIO(raw)):
        for cell in row:
            if cell.startswith(_FORMULA_START) and markers_in(cell):
                found.append(Finding(where, "csv-formula", cell))
    return found


_HTML_PAYLOAD_ELEMENTS = ("description", "encoded", "summary", "content", "subtitle")


def scan_xml(data: bytes, where: str) -> list[Finding]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return [Finding(where, f"xml-not-well-formed ({exc})", data[:200].decode("utf-8", "replace"))]
    found: list[Finding] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        local = etree.QName(element).localname.lower()
        for name, value in element.attrib.items():
            lname = etree.QName(name).localname.lower()
            if lname.startswith("on") or (lname in URL_ATTRIBUTES and url_is_dangerous(value)):
                found.append(Finding(where, f"xml-attribute {lname}", etree.tostring(element)[:400].decode()))
        if local in ("link", "guid", "id", "loc", "comments") and element.text and url_is_dangerous(element.text):
            found.append(Finding(where, f"xml-script-url <{local}>", element.text))
        if local in _HTML_PAYLOAD_ELEMENTS:
            # Feed readers render these as HTML (Atom: when type is html or xhtml).
            if element.get("type") == "xhtml":
                body = b"".join(etree.tostring(child) for child in element).decode()
            elif local in ("summary", "content", "subtitle") and element.get("type") in (None, "text"):
                continue
            else:
                body = element.text or ""
            found.extend(scan_html(body, f"{where} <{local}>", fragment=True))
    return found


# ---------------------------------------------------------------- the whole tree


def scan_file(file: Path, where: str) -> list[Finding]:
    suffix = file.suffix.lower()
    data = file.read_bytes()
    if suffix == ".gz":
        data, suffix = gzip.decompress(data), Path(file.stem).suffix.lower()
    if suffix in (".html", ".htm"):
        return scan_html(data.decode("utf-8"), where)
    if suffix in (".xml", ".rss", ".atom"):
        return scan_xml(data, where)
    if suffix in (".json", ".jsonld"):
        return scan_json(data.decode("utf-8"), where)
    if suffix == ".csv":
        return scan_csv(data.decode("utf-8-sig"), where)
    return []


def content_files(site: Path) -> Iterator[Path]:
    """Every file the site generator or MkDocs wrote from content (theme assets excluded)."""
    for file in sorted(site.rglob("*")):
        rel = file.relative_to(site).as_posix()
        if file.is_file() and not rel.startswith("assets/"):
            yield file


def scan_site(site: Path) -> list[Finding]:
    found: list[Finding] = []
    for file in content_files(site):
        found.extend(scan_file(file, file.relative_to(site).as_posix()))
    return found


def report(found: list[Finding], limit: int = 60) -> str:
    lines = [str(f) for f in found[:limit]]
    if len(found) > limit:
        lines.append(f"… and {len(found) - limit} more")
    return "\n".join(lines)
