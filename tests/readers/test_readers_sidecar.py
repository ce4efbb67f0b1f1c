"""`<id>.meta.yaml` sidecars: overrides, checks, and outlet resolution order."""

from __future__ import annotations

import datetime as dt

from readers_support import Project, make_outlet, problems

WIRE = "Title from the text\n\nBody line.\nSupport Ukrainska Pravda on Patreon!\n"
OUTLETS = {
    "up": make_outlet("up", "Ukrainska Pravda", "pravda.com.ua"),
    "nyt": make_outlet("nyt", "The New York Times", "nytimes.com"),
}


def test_sidecar_values_override_the_readers(project: Project) -> None:
    project.copy_fixture("wp-posts.json", "bridge.json")
    project.write("bridge-901.meta.yaml", "title: Corrected title\nauthor: Desk\nlanguage: uk\n")
    project.write("bridge.meta.yaml", "retrieved: 2024-03-10\npublished: 2024-03-05T11:20:00+02:00\n")
    articles, diags = project.read()
    first, second = articles["bridge-901"], articles["bridge-902"]
    assert (first.title, first.author, first.language) == ("Corrected title", "Desk", "uk")
    assert first.retrieved == second.retrieved == dt.date(2024, 3, 10)  # the file-wide sidecar covers every post
    assert first.published == dt.datetime(2024, 3, 5, 9, 20, tzinfo=dt.UTC)
    assert type(first.published) is dt.datetime
    assert second.title == "Мер обіцяє новий міст до кінця року"
    assert [d.code for d in diags] == ["empty-title", "no-content", "no-body"]  # from the posts, not the sidecars


def test_unknown_keys_and_wrong_types_are_reported_at_their_place(project: Project) -> None:
    project.write("story.txt", WIRE)
    project.write(
        "story.meta.yaml",
        "tittle: Typo\nurl: not a url\npublished: last Tuesday\nauthor:\n  - One\n  - Two\nlanguage: English please\n"
        "retrieved: 2024-13-45\n",
    )
    articles, diags = project.read()
    assert problems(diags) == [
        ("error", "unknown-key", "content/articles/story.meta.yaml:1:1"),
        ("error", "bad-url", "content/articles/story.meta.yaml:2:6"),
        ("error", "bad-value", "content/articles/story.meta.yaml:3:12"),
        ("error", "wrong-type", "content/articles/story.meta.yaml:5:3"),
        ("error", "bad-language", "content/articles/story.meta.yaml:7:11"),
        ("error", "bad-value", "content/articles/story.meta.yaml:8:12"),
    ]
    assert "did you mean 'title'?" in diags.errors[0].message
    assert "`author` must be a string, not a list" in diags.errors[3].message
    assert articles["story"].title == "Title from the text"  # bad values are ignored, the reader's stand


def test_sidecar_must_be_a_mapping(project: Project) -> None:
    project.write("story.txt", WIRE)
    project.write("story.meta.yaml", "- just\n- a list\n")
    assert problems(project.read()[1]) == [("error", "wrong-type", "content/articles/story.meta.yaml:1:1")]


def test_sidecar_without_an_article_is_an_orphan(project: Project) -> None:
    project.write("story.txt", WIRE)
    project.write("stroy.meta.yaml", "title: x\n")
    diags = project.read()[1]
    assert problems(diags) == [("warning", "orphan-sidecar", "content/articles/stroy.meta.yaml:1:1")]
    assert "did you mean 'story'?" in diags.warnings[0].message


def test_outlet_from_sidecar_wins_over_url_and_boilerplate(project: Project) -> None:
    project.write("story.txt", WIRE)
    project.write("story.meta.yaml", "outlet: nyt\nurl: https://www.pravda.com.ua/eng/news/1/\n")
    assert project.read(OUTLETS)[0]["story"].outlet_id == "nyt"


def test_url_domain_wins_over_boilerplate_and_subdomains_count(project: Project) -> None:
    project.write("story.txt", WIRE)
    project.write("story.meta.yaml", "url: https://cooking.nytimes.com/recipes/1\n")
    article = project.read(OUTLETS)[0]["story"]
    assert (article.outlet_id, article.outlet_name) == ("nyt", "The New York Times")


def test_boilerplate_is_the_last_resort(project: Project) -> None:
    project.write("story.txt", WIRE)
    project.write("story.meta.yaml", "url: https://unknown.example/news/1\n")
    assert project.read(OUTLETS)[0]["story"].outlet_id == "up"


def test_unknown_sidecar_outlet_is_an_error_once_per_sidecar(project: Project) -> None:
    project.copy_fixture("wp-posts.json", "many.json")
    project.write("many.meta.yaml", "outlet: nytimes\n")
    articles, diags = project.read(OUTLETS)
    unknown = [d for d in diags if d.code == "unknown-outlet"]
    assert [str(d.location) for d in unknown] == ["content/articles/many.meta.yaml:1:9"]
    assert "did you mean 'nyt'?" in unknown[0].message
    assert {a.outlet_id for a in articles.values()} == {None}


def test_empty_sidecar_changes_nothing(project: Project) -> None:
    project.write("story.txt", WIRE)
    project.write("story.meta.yaml", "# nothing yet\n")
    articles, diags = project.read()
    assert articles["story"].title == "Title from the text"
    assert len(diags) == 0
