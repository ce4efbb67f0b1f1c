"""Reading generated pages back as a reader's browser would: links that resolve, markup that is inert.

Each page is converted with Python-Markdown (what MkDocs runs) and parsed; the
raw HTML blocks come through verbatim, so their links and tags are checked as
the built site will serve them, without a full MkDocs build.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
from site_sample import SITE_URL

from generator.diagnostics import Diagnostic, Diagnostics
from generator.model import Archive
from generator.site import templating
from generator.site.generate import generate_site
from generator.site.output import OutputFile, PageKind
from generator.site.pagetype import SiteInfo

SITE = SiteInfo("Fact-check archive", SITE_URL, ("en", "uk"))
# Where the pages of the listing and entity families live (other families are checked elsewhere).
FAMILY_PREFIXES = ("people/", "outlets/", "ratings/", "topics/", "dates/", "quotes/")
FAMILY_LISTINGS = ("index.md", "verdicts/index.md", "articles/index.md")
# Every element the templates and the contributor sanitiser may produce; anything else is live input.
ALLOWED_TAGS = frozenset(
    [
        "a",
        "span",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "p",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "em",
        "strong",
        "code",
        "pre",
        "blockquote",
        "section",
        "div",
        "time",
        "br",
    ]
)
SAFE_SCHEMES = ("http", "https", "mailto")


# The sample verdict's body links to an article page: that check belongs to the verdict and article families.
OTHER_FAMILIES = frozenset({"broken-body-link"})


def generate(archive: Archive, out: Path, language: str = "") -> list[Diagnostic]:
    """Write the docs tree; the problems the listing and entity families can cause."""
    diags = Diagnostics()
    generate_site(archive, out, diags, SITE, language)
    return [d for d in diags if d.code not in OTHER_FAMILIES]


def family_pages(out: Path) -> list[str]:
    """Docs paths of the pages these families wrote."""
    found = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    return [p for p in found if p in FAMILY_LISTINGS or p.startswith(FAMILY_PREFIXES)]


@dataclass
class Scan(HTMLParser):
    """Tags, attributes, links and visible text of one HTML document."""

    tags: list[tuple[str, list[tuple[str, str | None]]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def hrefs(self) -> list[str]:
        return [value or "" for tag, attrs in self.tags if tag == "a" for name, value in attrs if name == "href"]

    @property
    def visible(self) -> str:
        return "".join(self.text)


def strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        return text[end + 5 :] if end >= 0 else text
    return text


def html_of(out: Path, docs_path: str) -> str:
    text = strip_front_matter((out / docs_path).read_text(encoding="utf-8"))
    return markdown.markdown(text, extensions=["tables", "admonition"])


def scan(out: Path, docs_path: str) -> Scan:
    parser = Scan()
    parser.feed(html_of(out, docs_path))
    parser.close()
    return parser


def docs_target(page: str, href: str) -> str | None:
    """The docs path a relative link on `page` leads to (directory URLs), or None if it leaves the site."""
    parts = urlsplit(href)
    base = OutputFile(PageKind.PAGE, "", page).url  # the page's URL is a folder: people/putin/
    segments = [s for s in base.split("/") if s]
    for segment in unquote(parts.path).split("/"):
        if segment == "..":
            if not segments:
                return None
            segments.pop()
        elif segment not in ("", "."):
            segments.append(segment)
    path = "/".join(segments)
    if parts.path.endswith("/") or parts.path in ("", "."):
        return posixpath.join(path, "index.md") if path else "index.md"
    return path


def link_targets(out: Path, page: str) -> Iterator[tuple[str, str | None]]:
    """(href, docs path it reaches) for every relative link; the path is None if no file is there."""
    for href in scan(out, page).hrefs:
        if urlsplit(href).scheme or href.startswith("#"):
            continue
        target = docs_target(page, href)
        if target is None:
            yield href, None
            continue
        as_page = target[: -len("/index.md")] + ".md" if target.endswith("/index.md") else None
        found = next((c for c in (target, as_page) if c and (out / c).is_file()), None)
        yield href, found


def broken_links(out: Path, pages: list[str]) -> list[tuple[str, str]]:
    return [(page, href) for page in pages for href, found in link_targets(out, page) if found is None]


def live_markup(out: Path, pages: list[str]) -> list[tuple[str, str]]:
    """Elements, handlers and link schemes on the pages that no template produces."""
    problems = []
    for page in pages:
        for tag, attrs in scan(out, page).tags:
            if tag not in ALLOWED_TAGS:
                problems.append((page, f"<{tag}>"))
            for name, value in attrs:
                if name.startswith("on") or name in ("style", "srcdoc", "src"):
                    problems.append((page, f"{tag} {name}"))
                scheme = urlsplit(value or "").scheme.lower() if name == "href" else ""
                if scheme and scheme not in SAFE_SCHEMES:
                    problems.append((page, f"href {value}"))
    return problems


UK_PLURALS = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
# A small Ukrainian catalog of the tests' own, so they check the machinery (three plural forms,
# fallback to English for untranslated strings) whatever the shipped catalog says.
UK_CATALOG = f"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: uk\\n"
"Plural-Forms: {UK_PLURALS}\\n"

msgid "%(num)s verdict on claims, with every quote linked to the archived article it came from."
msgid_plural "%(num)s verdicts on claims, with every quote linked to the archived article it came from."
msgstr[0] "%(num)s вердикт"
msgstr[1] "%(num)s вердикти"
msgstr[2] "%(num)s вердиктів"

msgid "%(count)s of %(num)s rated claim:"
msgid_plural "%(count)s of %(num)s rated claims:"
msgstr[0] "%(count)s з %(num)s оціненої заяви:"
msgstr[1] "%(count)s з %(num)s оцінених заяв (2-4):"
msgstr[2] "%(count)s з %(num)s оцінених заяв (5+):"

msgid "Latest verdicts"
msgstr "Останні вердикти"

msgid "Ratings of their claims"
msgstr "Оцінки їхніх заяв"

msgid "Undated"
msgstr "Без дати"
"""


def write_uk_catalog(locales: Path) -> None:
    folder = locales / "uk" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(UK_CATALOG, encoding="utf-8")


@contextmanager
def ukrainian_catalog(locales: Path) -> Iterator[None]:
    """Render with the tests' Ukrainian catalog (from `locales`), then go back to the shipped one."""
    write_uk_catalog(locales)
    shipped = templating.LOCALES
    templating.LOCALES = locales
    templating.translations.cache_clear()
    templating.environment.cache_clear()
    try:
        yield
    finally:
        templating.LOCALES = shipped
        templating.translations.cache_clear()
        templating.environment.cache_clear()
