"""A saved HTML page: body extraction and page metadata."""

from __future__ import annotations

import datetime as dt

from readers_support import Project, make_outlet


def test_metadata_from_meta_tags(project: Project) -> None:
    project.copy_fixture("saved-page.html", "cycle-lanes.txt")
    articles, diags = project.read()
    article = articles["cycle-lanes"]
    assert article.format == "html-page"
    assert article.title == "Council approves new cycle lanes"
    assert article.url == "https://gazette.example.co.uk/news/cycle-lanes"
    assert article.published == dt.datetime(2024, 2, 20, 8, 15, tzinfo=dt.UTC)
    assert article.modified == dt.datetime(2024, 2, 21, 10, 0, tzinfo=dt.UTC)
    assert (article.language, article.author) == ("en", "Sam Writer")
    assert len(diags) == 0


def test_body_is_the_main_article_without_page_furniture(project: Project) -> None:
    project.copy_fixture("saved-page.html")
    article = project.read()[0]["saved-page"]
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("p", "By Sam Writer"),
        ("p", "The city council voted 12 to 3 on Monday to build four new cycle lanes by 2026."),
        ("p", "The deputy mayor said the lanes were “long overdue” and pointed to accident figures."),
        ("h3", "What happens next"),
        ("li", "Consultation opens in March."),
        ("li", "Works start in autumn."),
        ("blockquote", "This is the safest option for everyone."),
    ]
    for furniture in ("Home", "teaser", "Related", "Share", "Copyright", "tracking code", "font-family"):
        assert furniture not in article.text


def test_site_name_or_domain_picks_the_outlet(project: Project) -> None:
    project.copy_fixture("saved-page.html")
    by_name = {"gazette": make_outlet("gazette", "The Example Gazette")}
    by_domain = {"gz": make_outlet("gz", "Gazette", "example.co.uk")}  # subdomains count
    assert project.read(by_name)[0]["saved-page"].outlet_id == "gazette"
    assert project.read(by_domain)[0]["saved-page"].outlet_id == "gz"


def test_page_without_article_element_uses_the_densest_container(project: Project) -> None:
    page = (
        "<html><head><title>Старий сайт</title></head><body>"
        "<div id='menu'><p>Головна</p></div>"
        "<div id='text'><p>Перший довгий абзац статті про бюджет міста.</p><p>Другий абзац із цифрами.</p></div>"
        "</body></html>"
    )
    project.write("old-site.htm", page)
    article = project.read()[0]["old-site"]
    assert article.title == "Старий сайт"
    assert [b.text for b in article.blocks] == [
        "Перший довгий абзац статті про бюджет міста.",
        "Другий абзац із цифрами.",
    ]
    assert article.language == "uk"


def test_json_ld_fills_in_missing_metadata(project: Project) -> None:
    page = (
        '<!doctype html><html><head><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "datePublished": "2020-01-01"},'
        ' {"@type": "NewsArticle", "headline": "Rates &amp; rents",'
        ' "datePublished": "2023-05-01", "author": [{"@type": "Person", "name": "Jo Reporter"}]}]}'
        "</script></head><body><main><p>Rents rose again.</p></main></body></html>"
    )
    project.write("ld.html", page)
    article = project.read()[0]["ld"]
    assert (article.title, article.published, article.author) == ("Rates & rents", dt.date(2023, 5, 1), "Jo Reporter")


def test_text_that_only_mentions_tags_is_not_a_page(project: Project) -> None:
    project.write("about-html.txt", "Why the <article> tag matters\n\nA short explainer about <body> and markup.\n")
    article = project.read()[0]["about-html"]
    assert article.format == "wire-text"
    assert article.title == "Why the <article> tag matters"
