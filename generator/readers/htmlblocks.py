"""HTML (WordPress content, saved pages) to model Blocks of plain-text Runs.

The HTML is parsed, never pattern-matched: BeautifulSoup with lxml copes
with the broken markup real sites serve. Only structure the archive shows is
kept (headings, paragraphs, list items, blockquotes, preformatted text,
strong/em, safe links); embeds, scripts, forms and comments are dropped with
everything inside them.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field, replace

from bs4 import BeautifulSoup, Comment, MarkupResemblesLocatorWarning, NavigableString, Tag, XMLParsedAsHTMLWarning
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

from generator.model import Block, BlockKind, Run
from generator.readers.hygiene import clean_inline, make_block

DROPPED_TAGS = frozenset({
    "script", "style", "iframe", "object", "embed", "form", "noscript", "template", "svg", "canvas",
    "video", "audio", "picture", "source", "track", "img", "map", "button", "input", "select", "textarea",
    "option", "nav", "aside", "head", "title", "meta", "link", "base", "applet", "frame", "frameset",
})
# Void elements cannot hold content, but libxml2 lets an unclosed <embed> swallow what follows:
# their "children" are kept, the element itself is dropped.
_VOID_TAGS = frozenset({"embed", "img", "input", "source", "track", "meta", "link", "base", "param", "area", "wbr"})
_SKIPPED_STRINGS = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
_HEADINGS: dict[str, BlockKind] = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
_CONTAINERS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "figure", "figcaption", "table", "thead",
    "tbody", "tfoot", "tr", "td", "th", "caption", "dl", "dt", "dd", "address", "center", "details",
    "summary", "hgroup", "body", "html", "ul", "ol", "menu",
})
_STRONG = frozenset({"strong", "b"})
_EM = frozenset({"em", "i", "cite", "dfn"})

# Shortcodes whose whole content is an embed or a caption, not article text; any other
# paired shortcode is unwrapped (its content is often the body, as in page builders).
_DROPPED_SHORTCODES = frozenset({
    "caption", "wp_caption", "embed", "video", "audio", "gallery", "playlist", "contact-form", "contact-form-7",
    "tweet", "youtube", "soundcloud", "instagram", "facebook", "googlemaps", "wpforms", "ninja_form", "gravityform",
})
# WordPress shortcode names are lower case; "[Earlier, he said – ed.]" is editorial text, not a tag.
# Attributes cannot contain brackets, which keeps matching linear on any input.
_SHORTCODE_TAG = re.compile(r"\[(/?)([a-z][a-z0-9_-]*)((?:\s[^\[\]]*)?)\]")
_ATTRIBUTE = re.compile(r"[\w-]=")  # one character before "=": a longer pattern backtracks quadratically


def strip_shortcodes(text: str) -> str:
    """Text without shortcodes, in one pass: plain brackets such as "[sic]" or "[…]" stay."""
    cuts: list[tuple[int, int]] = []
    opened: list[re.Match[str]] = []
    open_names: dict[str, int] = {}
    for tag in _SHORTCODE_TAG.finditer(text):
        name = tag.group(2)
        if not tag.group(1):
            opened.append(tag)
            open_names[name] = open_names.get(name, 0) + 1
            continue
        if not open_names.get(name):
            cuts.append(tag.span())  # a closing tag with no opening one
            continue
        opener = _pop_until(name, opened, open_names, cuts)
        cuts.extend([(opener.start(), tag.end())] if name in _DROPPED_SHORTCODES else [opener.span(), tag.span()])
    for opener in opened:
        _cut_unpaired(opener, cuts)
    return _apply_cuts(text, cuts) if cuts else text


def _pop_until(name: str, opened: list[re.Match[str]], open_names: dict[str, int],
               cuts: list[tuple[int, int]]) -> re.Match[str]:
    while True:
        opener = opened.pop()
        open_names[opener.group(2)] -= 1
        if opener.group(2) == name:
            return opener
        _cut_unpaired(opener, cuts)


def _cut_unpaired(tag: re.Match[str], cuts: list[tuple[int, int]]) -> None:
    """A lone tag goes when it is an embed or has attributes; "[sic]" has neither."""
    if tag.group(2) in _DROPPED_SHORTCODES or _ATTRIBUTE.search(tag.group(3)):
        cuts.append(tag.span())


def _apply_cuts(text: str, cuts: list[tuple[int, int]]) -> str:
    kept: list[str] = []
    position = 0
    for start, end in sorted(cuts):
        if end <= position:
            continue  # inside a range already cut
        kept.append(text[position : max(start, position)])
        position = end
    kept.append(text[position:])
    return "".join(kept)


def parse_html(html: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        # A title that looks like a URL, or a page saved as XHTML, is fine here; bs4 would print a warning.
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(strip_shortcodes(html), "lxml")


def remove_dropped(soup: BeautifulSoup) -> None:
    """Remove every dropped element with its content (void elements keep what libxml2 put inside)."""
    for tag in soup.find_all(DROPPED_TAGS):
        if tag.decomposed:
            continue
        if tag.name in _VOID_TAGS:
            tag.unwrap()
        else:
            tag.decompose()


def html_to_text(html: str) -> str:
    """A one-line plain text of an HTML fragment (titles, names): entities decoded, tags gone."""
    return clean_inline(" ".join(block.text for block in html_to_blocks(html)))


def html_to_blocks(html: str) -> tuple[Block, ...]:
    return element_to_blocks(parse_html(html))


def element_to_blocks(element: Tag) -> tuple[Block, ...]:
    builder = _Builder()
    builder.walk(element, _Style(), "p")
    builder.flush("p")
    return tuple(builder.blocks)


@dataclass(frozen=True)
class _Style:
    strong: bool = False
    em: bool = False
    href: str | None = None


@dataclass
class _Builder:
    blocks: list[Block] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)

    def flush(self, kind: BlockKind) -> None:
        block = make_block(kind, self.runs)
        self.runs = []
        if block is not None:
            self.blocks.append(block)

    def walk(self, node: Tag, style: _Style, kind: BlockKind) -> None:
        for child in node.children:
            if isinstance(child, _SKIPPED_STRINGS):
                continue
            if isinstance(child, NavigableString):
                self.runs.append(Run(str(child), style.strong, style.em, style.href))
            elif isinstance(child, Tag) and not _is_hidden(child):
                self.visit(child, style, kind)

    def visit(self, tag: Tag, style: _Style, kind: BlockKind) -> None:
        name = tag.name.lower() if tag.name else ""
        if name in _VOID_TAGS:
            self.walk(tag, style, kind)
            return
        if name in DROPPED_TAGS:
            return
        if name == "br":
            self.flush(kind)
        elif name == "q":
            # Browsers show <q> with quotation marks; the quote finder needs them in the text.
            self.runs.append(Run("“", style.strong, style.em, style.href))
            self.walk(tag, style, kind)
            self.runs.append(Run("”", style.strong, style.em, style.href))
        elif name in _HEADINGS or name in ("blockquote", "li", "pre") or name in _CONTAINERS:
            self.flush(kind)
            inner = _block_kind(name, kind)
            if name == "pre":
                self.runs.append(Run(tag.get_text()))
            else:
                self.walk(tag, style, inner)
            self.flush(inner)
        else:
            self.walk(tag, _inline_style(tag, name, style), kind)


def _block_kind(name: str, outer: BlockKind) -> BlockKind:
    if name in _HEADINGS:
        return _HEADINGS[name]
    if name == "pre":
        return "pre"
    if name == "blockquote" or (name == "li" and outer == "blockquote"):
        return "blockquote"
    if name == "li":
        return "li"
    # A paragraph inside a list item or quotation belongs to it.
    return outer


def _inline_style(tag: Tag, name: str, style: _Style) -> _Style:
    if name in _STRONG:
        return replace(style, strong=True)
    if name in _EM:
        return replace(style, em=True)
    if name == "a":
        href = tag.get("href")
        return replace(style, href=href if isinstance(href, str) else None)
    return style


def _is_hidden(tag: Tag) -> bool:
    if tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
        return True
    css = str(tag.get("style") or "").replace(" ", "").lower()
    return "display:none" in css or "visibility:hidden" in css
