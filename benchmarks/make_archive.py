"""Write a synthetic but realistic project for the scale benchmark.

    python -m benchmarks.make_archive OUT_DIR --articles N --verdicts M --seed S

OUT_DIR gets content/ (people, outlets, ratings, articles in every supported
format, verdicts citing quotes that occur verbatim in those articles) and a copy
of the project's mkdocs.yml, overrides/ and content/pages/, so that
`factcheck --root OUT_DIR build` works on it. The output depends only on the
arguments: one `random.Random(seed)`, no clock, no set iteration.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
FORMATS = ("wire", "wp-post", "wp-list", "markdown", "html")
FORMAT_WEIGHTS = (35, 20, 10, 20, 15)
PEOPLE = 200
BASE_DATE = dt.date(2024, 1, 1)

FIRST = [("Olena", "Олена"), ("Andriy", "Андрій"), ("Iryna", "Ірина"), ("Taras", "Тарас"), ("Oksana", "Оксана"),
         ("Dmytro", "Дмитро"), ("Kateryna", "Катерина"), ("Serhiy", "Сергій"), ("Natalia", "Наталія"),
         ("Yuriy", "Юрій"), ("Mykola", "Микола"), ("Halyna", "Галина"), ("Petro", "Петро"), ("Sofia", "Софія"),
         ("Bohdan", "Богдан"), ("Larysa", "Лариса")]
ROOTS = [("Koval", "Ковал"), ("Bondar", "Бондар"), ("Tkach", "Ткач"), ("Kravch", "Кравч"), ("Ostap", "Остап"),
         ("Moroz", "Мороз"), ("Hryts", "Гриц"), ("Lys", "Лис"), ("Savch", "Савч"), ("Marts", "Марц"),
         ("Pavl", "Павл"), ("Rudn", "Рудн"), ("Sydor", "Сидор"), ("Fedor", "Федор"), ("Klym", "Клим"),
         ("Levch", "Левч"), ("Zhur", "Жур"), ("Kuzm", "Кузьм"), ("Danyl", "Данил"), ("Yarosh", "Ярош"),
         ("Bilous", "Білоус"), ("Hnat", "Гнат"), ("Vasyl", "Васил"), ("Ivan", "Іван"), ("Petr", "Петр")]
SUFFIXES = [("enko", "енко"), ("uk", "ук"), ("ak", "ак"), ("yshyn", "ишин"), ("ovych", "ович"), ("yk", "ик"),
            ("ets", "ець"), ("ovsky", "овський")]
ROLES = ["Minister of Finance", "Minister of Energy", "Member of Parliament", "Mayor", "Head of the regional military "
         "administration", "Spokesperson of the Air Force", "Economist", "Prosecutor General", "Ombudsman", "Analyst"]
OUTLETS = [("ukrainska-pravda", "Ukrainska Pravda", "pravda.com.ua", "uk"),
           ("european-pravda", "European Pravda", "eurointegration.com.ua", "en"),
           ("ukrmedia-news", "ukrmedia.news", "ukrmedia.news", "en"),
           ("kyiv-ledger", "Kyiv Ledger", "kyivledger.com.ua", "en"),
           ("dnipro-daily", "Dnipro Daily", "dniprodaily.ua", "uk"),
           ("lviv-herald", "Lviv Herald", "lvivherald.com", "en"),
           ("odesa-courier", "Odesa Courier", "odesa-courier.ua", "uk"),
           ("kharkiv-observer", "Kharkiv Observer", "kharkivobserver.org", "en"),
           ("black-sea-monitor", "Black Sea Monitor", "blackseamonitor.net", "en"),
           ("polissia-post", "Polissia Post", "polissiapost.ua", "uk"),
           ("national-security-archive", "National Security Archive", "nsarchive.gwu.edu", "en")]
ARTICLE_OUTLETS = [o for o in OUTLETS if o[0] != "national-security-archive"]
PLACES = [("Kharkiv", "Харків"), ("Zaporizhzhia", "Запоріжжя"), ("Kherson", "Херсон"), ("Odesa", "Одеса"),
          ("Sumy", "Суми"), ("Chernihiv", "Чернігів"), ("Mykolaiv", "Миколаїв"), ("Dnipro", "Дніпро")]
THINGS = [("energy", "енергетику"), ("mobilisation", "мобілізацію"), ("grain exports", "експорт зерна"),
          ("gas transit", "транзит газу"), ("the judiciary", "судову реформу"), ("customs", "митницю"),
          ("medicines", "ліки"), ("public procurement", "публічні закупівлі")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
QUOTES_EN = [
    "We will not sign any agreement that gives away {place}",
    "The budget for {year} sets aside {n} billion hryvnias for {thing}",
    "Our partners have promised {n} more air defence systems before winter",
    "There were no talks with Moscow about {thing}, and there will be none",
    "Prices for {thing} rose by {n} percent in {month} alone",
    "{place} was shelled {n} times overnight, and the power is still out",
    "Nobody in this government has discussed a ceasefire along the line near {place}",
    "The reform of {thing} will be finished by the end of {year}",
    "We have documented {n} cases of forced deportation from {place}",
    "This is not a peace plan, it is a list of demands about {thing}",
    "Every village near {place} now has a shelter and a generator",
    "The sanctions on {thing} have cut Russian revenue by {n} percent",
    "I never said that {place} would be handed over", "The new law on {thing} takes effect on {day} {month}",
    "Ukraine's position on {thing} has not changed since {year}",
]
QUOTES_UK = [
    "Ми не підпишемо жодної угоди про {thing} без згоди парламенту",
    "Бюджет на {year} рік передбачає {n} мільярдів гривень на {thing}",
    "Партнери пообіцяли ще {n} систем протиповітряної оборони до зими",
    "Жодних переговорів з Москвою про {thing} не було і не буде",
    "Місто {place} вночі обстріляли {n} разів, світла досі немає",
    "Реформу, що стосується {n} установ, завершать до кінця {year} року",
    "Ми задокументували {n} випадків примусової депортації з міста {place}",
    "Це не мирний план, це перелік із {n} вимог щодо території", "Я ніколи не казав, що місто {place} буде віддане",
    "Санкції скоротили російські доходи на {n} відсотків за рік",
]
FILLER_EN = [
    "The statement came after talks in {place} on {day} {month}.",
    "Officials in {place} confirmed the figures on Tuesday.", "The ministry did not respond to a request for comment.",
    "Earlier, the parliament approved the bill on {thing} in the first reading.",
    "Analysts say the numbers are hard to verify independently.",
    "The European Commission is expected to discuss {thing} in {month}.",
]
FILLER_UK = [
    "Заява пролунала після переговорів у місті {place}.", "Міністерство не відповіло на запит про коментар.",
    "Раніше парламент ухвалив законопроєкт про {thing} у першому читанні.",
    "Аналітики кажуть, що ці дані важко перевірити незалежно.",
    "Єврокомісія має обговорити {thing} у {n}-й раз цього року.",
]
TAGS = ["nato", "russia", "ukraine", "energy", "sanctions", "budget", "air-defence", "mobilisation", "grain",
        "gas", "judiciary", "customs", "medicines", "procurement", "peace-talks", "deportation", "shelling",
        "elections", "eu-accession", "economy", "prices", "crimea", "black-sea", "transcripts", "history",
        "corruption", "refugees", "reconstruction", "education", "health"]
RATINGS = [("false", "False", 1, "#b71c1c"), ("mostly-false", "Mostly false", 2, "#d84315"),
           ("misleading", "Misleading", 3, "#ef6c00"), ("half-true", "Half true", 4, "#f9a825"),
           ("mostly-true", "Mostly true", 5, "#7cb342"), ("true", "True", 6, "#2e7d32"),
           ("unproven", "Unproven", None, "#616161")]
DESKS = ["Archive desk", "Verification desk", "Olha Marchenko", "Ivan Dovhyi"]
BOILERPLATE = "Support Ukrainska Pravda on Patreon!"


@dataclass(frozen=True)
class GenPerson:
    id: str
    name: str
    name_uk: str
    surname: str


@dataclass(frozen=True)
class GenQuote:
    text: str
    speaker: GenPerson | None


@dataclass
class GenArticle:
    id: str
    format: str
    language: str
    outlet_id: str
    url: str
    published: dt.date
    title: str = ""
    quotes: list[GenQuote] = field(default_factory=list)


@dataclass
class ArchiveSummary:
    """What was written, for tests and the benchmark report."""

    articles: list[GenArticle]
    verdicts: int
    files: int
    formats: Counter[str]


def yq(text: str) -> str:
    """A YAML double-quoted scalar: a JSON string literal is one."""
    return json.dumps(text, ensure_ascii=False)


class Maker:
    def __init__(self, out: Path, seed: int) -> None:
        self.rng = random.Random(seed)
        self.out = out
        self.content = out / "content"
        self.people = self._make_people()

    # --- registries ------------------------------------------------------------------------------------------
    def _make_people(self) -> list[GenPerson]:
        people: list[GenPerson] = []
        for i in range(PEOPLE):
            (root, root_uk), (suf, suf_uk) = ROOTS[i % len(ROOTS)], SUFFIXES[i // len(ROOTS) % len(SUFFIXES)]
            first, first_uk = self.rng.choice(FIRST)
            surname, surname_uk = root + suf, root_uk + suf_uk
            people.append(GenPerson(f"{first}-{surname}".lower(), f"{first} {surname}",
                                    f"{first_uk} {surname_uk}", surname))
        return people

    def write_registries(self) -> None:
        lines = ["# Synthetic people for the scale benchmark (benchmarks/make_archive.py)."]
        for person in self.people:
            uk_surname = person.name_uk.split(" ", 1)[1]
            aliases = [person.name, person.surname, person.name_uk, uk_surname]
            lines += [f"{person.id}:", f"  name: {yq(person.name)}",
                      f"  aliases: [{', '.join(yq(a) for a in aliases)}]", f"  role: {yq(self.rng.choice(ROLES))}"]
        _write(self.content / "people.yaml", "\n".join(lines) + "\n")
        lines = ["# Synthetic outlets for the scale benchmark."]
        for key, name, domain, language in OUTLETS:
            lines += [f"{key}:", f"  name: {yq(name)}", f"  domains: [{domain}]", f"  language: {language}"]
        _write(self.content / "outlets.yaml", "\n".join(lines) + "\n")
        lines = ["# The default rating scale (SPEC §5), worst to best."]
        for key, label, value, colour in RATINGS:
            lines += [f"{yq(key)}:", f"  label: {yq(label)}"] + ([f"  value: {value}"] if value else [])
            lines += [f"  description: {yq(label + ' — see the methodology page.')}", f"  colour: {yq(colour)}"]
        _write(self.content / "ratings.yaml", "\n".join(lines) + "\n")

    # --- text ---------------------------------------------------------------------------------------------------
    def _fill(self, template: str, uk: bool) -> str:
        place, place_uk = self.rng.choice(PLACES)
        thing, thing_uk = self.rng.choice(THINGS)
        return template.format(place=place_uk if uk else place, thing=thing_uk if uk else thing,
                               n=self.rng.randint(2, 95), year=self.rng.randint(2024, 2027),
                               month=self.rng.choice(MONTHS), day=self.rng.randint(1, 28))

    def _quote(self, uk: bool) -> GenQuote:
        speaker = None if self.rng.random() < 0.1 else self.rng.choice(self.people)
        return GenQuote(self._fill(self.rng.choice(QUOTES_UK if uk else QUOTES_EN), uk), speaker)

    def _filler(self, uk: bool) -> str:
        return self._fill(self.rng.choice(FILLER_UK if uk else FILLER_EN), uk)

    def _paragraph(self, uk: bool) -> str:
        # Real articles run to 2-8 KB; the text between quotes is most of it.
        return " ".join(self._filler(uk) for _ in range(self.rng.randint(2, 5)))

    def _say(self, quote: GenQuote, uk: bool) -> str:
        """Who said it, as the article's prose names them."""
        if quote.speaker is None:
            return "місцевий чиновник" if uk else "a local official"
        if uk:
            return quote.speaker.name_uk
        return quote.speaker.name if self.rng.random() < 0.7 else quote.speaker.surname

    # --- articles ------------------------------------------------------------------------------------------------
    def new_article(self, number: int, fmt: str, uk: bool, article_id: str | None = None) -> GenArticle:
        outlet = self.rng.choice([o for o in ARTICLE_OUTLETS if (o[3] == "uk") == uk] if fmt != "wire"
                                 else [o for o in OUTLETS if o[0] == "ukrainska-pravda"])
        published = BASE_DATE + dt.timedelta(days=self.rng.randint(0, 700))
        stem = article_id or f"{number:05d}_{self.rng.getrandbits(64):016x}"
        url = f"https://www.{outlet[2]}/{'uk' if uk else 'en'}/news/{published:%Y/%m/%d}/{number}/"
        article = GenArticle(stem, fmt, "uk" if uk else "en", outlet[0], url, published)
        article.quotes = [self._quote(uk) for _ in range(self.rng.randint(4, 6))]
        lead = article.quotes[0]
        who = self._say(lead, uk)
        who = who[:1].upper() + who[1:]
        thing = self.rng.choice(THINGS)[1 if uk else 0]
        article.title = f"{who} заявляє про {thing}" if uk else f"{who} speaks on {thing} after talks"
        return article

    def wire(self, a: GenArticle) -> str:
        lines = [a.title, "", f"{self._say(a.quotes[0], False)} made the remarks on {a.published:%d %B %Y}.",
                 f"Source: {self.rng.choice(OUTLETS)[1]}; a statement on the official website",
                 f"Details: {self._filler(False)}"]
        for i, quote in enumerate(a.quotes):
            if i % 2 == 0:
                lines.append(f'Quote from {self._say(quote, False)}: "{quote.text}"')
            else:
                lines.append(f'More details: {self._say(quote, False)} said that "{quote.text}".')
            lines += ["", self._paragraph(False)]
        lines += ["Background:", f"- {self._filler(False)}", f"- {self._filler(False)}", BOILERPLATE, ""]
        return "\n".join(lines)

    def _html_blocks(self, a: GenArticle, gutenberg: bool) -> str:
        uk = a.language == "uk"
        out: list[str] = []

        def block(kind: str, inner: str) -> None:
            if gutenberg:
                out.append(f"<!-- wp:{kind} -->\n{inner}\n<!-- /wp:{kind} -->")
            else:
                out.append(inner)

        block("paragraph", f"<p><strong>{_h(self._filler(uk))}</strong> {_h(self._filler(uk))}</p>")
        for i, quote in enumerate(a.quotes):
            who, text = _h(self._say(quote, uk)), _h(quote.text).replace("'", "&#8217;")
            if i % 3 == 2:
                block("quote", f'<blockquote class="wp-block-quote"><p>«{text}»</p><cite>{who}</cite></blockquote>')
            elif uk:
                block("paragraph", f"<p>{who} заявляє: «{text}».</p>")
            else:
                block("paragraph", f"<p><strong>{who}</strong> said: &#8220;{text}&#8221;.</p>")
            block("paragraph", f"<p>{_h(self._paragraph(uk))}</p>")
            if i == 1:
                block("heading", f"<h2>{_h(self._filler(uk))}</h2>")
        items = "".join(f"<li>{_h(self._filler(uk))}</li>" for _ in range(2))
        block("list", f'<ul>{items}</ul>\n<p>More: <a href="{a.url}">{_h(a.title)}</a></p>')
        if gutenberg and self.rng.random() < 0.3:
            out.append('<script>window.dataLayer = window.dataLayer || [];</script>')
        return "\n\n".join(out)

    def wp_post(self, a: GenArticle, post_id: int, embedded: bool) -> dict:
        stamp = f"{a.published.isoformat()}T{self.rng.randint(6, 22):02d}:{self.rng.randint(0, 59):02d}:00"
        content = self._html_blocks(a, gutenberg=True)
        post: dict = {
            "id": post_id, "date": stamp, "date_gmt": stamp, "guid": {"rendered": f"{a.url}?p={post_id}"},
            "modified": stamp, "modified_gmt": stamp, "slug": f"post-{post_id}", "status": "publish",
            "type": "post", "link": a.url, "title": {"rendered": _h(a.title).replace("'", "&#8217;")},
            "content": {"rendered": content, "protected": False},
            "excerpt": {"rendered": f"<p>{_h(self._filler(a.language == 'uk'))}</p>\n", "protected": False},
            "author": self.rng.randint(1, 9), "featured_media": 0, "comment_status": "closed",
            "format": "standard", "categories": [self.rng.randint(1, 40)], "tags": [],
        }
        if embedded:
            post["_embedded"] = {"author": [{"id": post["author"], "name": self.rng.choice(DESKS)}]}
        return post

    def markdown(self, a: GenArticle) -> str:
        uk = a.language == "uk"
        meta = [f"title: {yq(a.title)}", f"url: {a.url}", f"outlet: {a.outlet_id}",
                f"published: {a.published.isoformat()}", f"language: {a.language}",
                f"author: {yq(self.rng.choice(DESKS))}"]
        body = [f"**{self._filler(uk)}** {self._filler(uk)}"]
        for i, quote in enumerate(a.quotes):
            who = self._say(quote, uk)
            if i % 3 == 2:
                body.append(f"> „{quote.text}“ — {who}" if uk else f"> “{quote.text}” — {who}")
            else:
                body.append(f"„{quote.text}“, — каже {who}." if uk else f"“{quote.text}”, {who} said.")
            body.append(self._paragraph(uk))
            if i == 1:
                body.append(f"## {self._filler(uk).rstrip('.')}")
        body.append("\n".join(f"- {self._filler(uk)}" for _ in range(3)))
        return "---\n" + "\n".join(meta) + "\n---\n\n" + "\n\n".join(body) + "\n"

    def html_page(self, a: GenArticle) -> str:
        outlet = next(o for o in OUTLETS if o[0] == a.outlet_id)
        title = _h(a.title)
        return (
            f'<!DOCTYPE html>\n<html lang="{a.language}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title} | {_h(outlet[1])}</title>\n"
            f'<link rel="canonical" href="{a.url}">\n<meta property="og:title" content="{title}">\n'
            f'<meta property="article:published_time" content="{a.published.isoformat()}T09:00:00+02:00">\n'
            f'<meta name="author" content="{_h(self.rng.choice(DESKS))}">\n'
            "<style>body{font-family:serif}</style>\n<script>var ads = [];</script>\n</head>\n<body>\n"
            f'<header><nav><a href="/">{_h(outlet[1])}</a> <a href="/news/">News</a></nav></header>\n'
            f"<main>\n<article>\n<h1>{title}</h1>\n"
            f'<p class="byline">{a.published:%d.%m.%Y}</p>\n{self._html_blocks(a, gutenberg=False)}\n'
            f"</article>\n</main>\n<footer><p>© {_h(outlet[1])}</p></footer>\n</body>\n</html>\n"
        )

    def write_articles(self, count: int) -> tuple[list[GenArticle], int]:
        folder = self.content / "articles"
        articles: list[GenArticle] = []
        files = 0
        while len(articles) < count:
            number = files
            fmt = FORMATS[files] if files < len(FORMATS) else self.rng.choices(FORMATS, FORMAT_WEIGHTS)[0]
            uk = fmt != "wire" and self.rng.random() < 0.35
            if fmt == "wp-list":
                written = self._write_wp_list(folder, number, min(3, count - len(articles)), uk)
            else:
                written = [self._write_single(folder, number, fmt, uk)]
            articles += written
            files += 1
        return articles, files

    def _write_single(self, folder: Path, number: int, fmt: str, uk: bool) -> GenArticle:
        a = self.new_article(number, fmt, uk)
        if fmt == "wire":
            _write(folder / f"{a.id}.txt", self.wire(a))
            if number % 2 == 0:  # Like the seeds: a sidecar says what the saved text does not.
                _write(folder / f"{a.id}.meta.yaml", f"outlet: {a.outlet_id}\nurl: {a.url}\nlanguage: en\n"
                       f"published: {a.published.isoformat()}\n")
        elif fmt == "wp-post":
            # The extension is not trusted (SPEC §3): some JSON posts are saved as .txt.
            ext = ".txt" if number % 2 else ".json"
            post = self.wp_post(a, self.rng.randint(1000, 99999), embedded=number % 3 == 0)
            _write(folder / f"{a.id}{ext}", _wp_json(post))
        elif fmt == "markdown":
            _write(folder / f"{a.id}.md", self.markdown(a))
        else:
            _write(folder / f"{a.id}.html", self.html_page(a))
        return a

    def _write_wp_list(self, folder: Path, number: int, size: int, uk: bool) -> list[GenArticle]:
        stem = f"{number:05d}_posts"
        ids = self.rng.sample(range(1000, 99999), size)
        articles = [self.new_article(number, "wp-list", uk, f"{stem}-{post_id}") for post_id in ids]
        pairs = enumerate(zip(articles, ids, strict=True))
        posts = [self.wp_post(a, post_id, embedded=i == 0) for i, (a, post_id) in pairs]
        _write(folder / f"{stem}.json", _wp_json(posts))
        retrieved = articles[0].published + dt.timedelta(days=1)  # A per-post sidecar: `<stem>-<post id>`.
        _write(folder / f"{articles[0].id}.meta.yaml", f"retrieved: {retrieved.isoformat()}\n")
        return articles

    # --- verdicts -------------------------------------------------------------------------------------------------
    def write_verdicts(self, articles: list[GenArticle], count: int) -> None:
        # Claims are drawn without replacement and kept distinct: the checker warns on duplicates.
        pool = [(article, quote) for article in articles for quote in article.quotes]
        self.rng.shuffle(pool)
        used: set[str] = set()
        for number in range(count):
            start = number % len(pool)
            # The next unused claim from here on; when every claim is used, repeat one (a warning only).
            article, claimed = next((c for c in pool[start:] if self._claim(*c)[1].casefold() not in used), pool[start])
            claimant, claim = self._claim(article, claimed)
            used.add(claim.casefold())
            other = self.rng.choice(articles)
            tag = self.rng.choice(TAGS)
            verdict_id = f"{claimed.speaker.id if claimed.speaker else article.outlet_id}-{tag}-{number:05d}"
            _write(self.content / "verdicts" / f"{verdict_id}.yaml",
                   self._verdict(article, claimed, claimant, claim, other, tag))

    def _claim(self, article: GenArticle, claimed: GenQuote) -> tuple[str, str]:
        """The claimant (person id, outlet id or free text) and the claim as reviewed."""
        if claimed.speaker is not None:
            claimant, who = claimed.speaker.id, claimed.speaker.name
        elif len(claimed.text) % 2:
            claimant, who = article.outlet_id, next(o[1] for o in OUTLETS if o[0] == article.outlet_id)
        else:
            claimant = who = "A regional official"
        return claimant, _shorten(f"{who}: {claimed.text[:1].lower()}{claimed.text[1:]}", 75)

    def _verdict(self, article: GenArticle, claimed: GenQuote, claimant: str, claim: str, other: GenArticle,
                 tag: str) -> str:
        evidence = self.rng.choice(other.quotes)
        published = article.published + dt.timedelta(days=self.rng.randint(1, 30))
        tags = sorted({tag, *self.rng.sample(TAGS, self.rng.randint(1, 3))})
        lines = [
            "# yaml-language-server: $schema=../../schema/verdict.schema.json",
            f"claim: {yq(claim)}", f"claimant: {yq(claimant)}", f"claim_date: {article.published.isoformat()}",
            "appearances:", f"  - article: {yq(article.id)}", f"    quote: {yq(claimed.text)}",
            f"rating: {yq(self.rng.choice(RATINGS)[0])}",
            f"summary: {yq(f'The figures quoted do not match the official record for {published.year}.')}",
            "body: |", f"  {self._filler(False)} {self._filler(False)}", "",
            f"  We compared the statement with [the source]({other.url}) and with *{other.title}*.",
            "evidence:", f"  - article: {yq(other.id)}", f"    quote: {yq(evidence.text)}",
            f"    note: {yq('Reported at the time by ' + other.outlet_id + '.')}",
            f"  - url: https://data.example.org/{tag}/{published.year}", f"    title: {yq('Open data: ' + tag)}",
            f"author: {yq(self.rng.choice(DESKS))}", f"published: {published.isoformat()}",
        ]
        if self.rng.random() < 0.2:
            fixed = published + dt.timedelta(days=self.rng.randint(1, 20))
            lines += ["updated:", f"  - date: {fixed.isoformat()}", "    note: Corrected a figure in the summary."]
        lines.append(f"tags: [{', '.join(tags)}]")
        return "\n".join(lines) + "\n"


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,:") + "…"


def _h(text: str) -> str:
    return html.escape(text, quote=False)


def _wp_json(data: object) -> str:
    # WordPress escapes slashes and non-ASCII; keep the shape, it is what readers meet.
    return json.dumps(data, separators=(",", ":")).replace("/", "\\/")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def copy_project_files(out: Path, project: Path = PROJECT) -> list[str]:
    """mkdocs.yml, overrides/ and content/pages/ as they are now; returns what was missing."""
    missing: list[str] = []
    for rel in ("mkdocs.yml", "overrides", "content/pages"):
        source, target = project / rel, out / rel
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        elif source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
        else:
            missing.append(rel)
    return missing


def make_archive(out: Path, articles: int, verdicts: int, seed: int = 1, project: Path = PROJECT) -> ArchiveSummary:
    """Write the synthetic project into `out` (created; must not hold a content/ folder yet)."""
    if (out / "content").exists():
        raise FileExistsError(f"{out / 'content'} exists; give an empty or new folder")
    maker = Maker(out, seed)
    maker.write_registries()
    made, files = maker.write_articles(articles)
    maker.write_verdicts(made, verdicts)
    for rel in copy_project_files(out, project):
        print(f"warning: {project / rel} does not exist; not copied", file=sys.stderr)
    return ArchiveSummary(made, verdicts, files, Counter(a.format for a in made))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.make_archive", description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the project into")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--verdicts", type=int, default=None, help="default: half the articles")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    verdicts = args.articles // 2 if args.verdicts is None else args.verdicts
    try:
        summary = make_archive(args.out, args.articles, verdicts, args.seed)
    except FileExistsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    formats = ", ".join(f"{k} {v}" for k, v in sorted(summary.formats.items()))
    print(f"{len(summary.articles)} articles in {summary.files} files ({formats}), {verdicts} verdicts -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
