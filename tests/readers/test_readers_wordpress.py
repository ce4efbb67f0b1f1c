"""WordPress REST API JSON: single posts, lists, `_embedded`, missing parts."""

from __future__ import annotations

import datetime as dt
import json

from readers_support import Project, codes, problems

UTC = dt.UTC


def test_a_list_of_posts_gives_one_article_per_post(project: Project) -> None:
    project.copy_fixture("wp-posts.json", "wp-list.txt")
    articles, diags = project.read()
    assert list(articles) == ["wp-list-901", "wp-list-902", "wp-list-903", "wp-list-904"]
    assert {a.format for a in articles.values()} == {"wordpress-json"}
    assert problems(diags) == [
        ("warning", "empty-title", "content/articles/wp-list.txt:46:5"),
        ("warning", "no-content", "content/articles/wp-list.txt:57:5"),
        ("error", "no-body", "content/articles/wp-list.txt:66:5"),
    ]


def test_post_metadata_from_the_post_and_embedded(project: Project) -> None:
    project.copy_fixture("wp-posts.json")
    article = project.read()[0]["wp-posts-901"]
    assert article.title == "Minister says the bridge “opens in May” & tolls stay"
    assert article.url == "https://news.example.org/2024/03/minister-says-bridge-opens-in-may/"
    assert article.published == dt.datetime(2024, 3, 5, 9, 20, tzinfo=UTC)
    assert article.modified == dt.datetime(2024, 3, 6, 6, 0, tzinfo=UTC)
    assert article.author == "Olena Kovalenko"
    assert article.categories == ("Politics & Policy", "Infrastructure", "Bridges")
    assert article.language == "en"


def test_post_body_is_cleaned_to_blocks(project: Project) -> None:
    project.copy_fixture("wp-posts.json")
    article = project.read()[0]["wp-posts-901"]
    assert [(b.kind, b.text) for b in article.blocks] == [
        (
            "p",
            "The transport minister told reporters on Monday that the river bridge would open in May. Critics "
            "doubt it.",
        ),
        ("h2", "What was promised"),
        (
            "p",
            "In 2021 the ministry promised completion “within two years”, according to a press release and a "
            "hostile link.",
        ),
        ("li", "first phase finished in 2022;"),
        ("li", "second phase delayed by floods."),
        ("blockquote", "We are on schedule."),
        ("blockquote", "Transport minister"),
        ("p", "Watch the briefing above [sic]."),
    ]
    links = [run.href for block in article.blocks for run in block.runs if run.href]
    assert links == ["https://archive.example.net/press-2021"]
    for leftover in (
        "secret-tracker",
        "iframe fallback",
        "Enable JavaScript",
        "Search",
        "object fallback",
        "The bridge in February",
        "video.example.com",
        "wp:",
        "color:red",
    ):
        assert leftover not in article.text


def test_cyrillic_post_and_an_author_that_could_not_be_embedded(project: Project) -> None:
    project.copy_fixture("wp-posts.json")
    article = project.read()[0]["wp-posts-902"]
    assert article.title == "Мер обіцяє новий міст до кінця року"
    assert article.blocks[1].text == "«Ми встигнемо вчасно», — сказав він на брифінгу."
    assert article.blocks[2].text == "Експерти вважають ці терміни нереалістичними."  # zero-width space gone
    assert article.author is None
    assert article.language == "uk"


def test_empty_title_is_made_from_the_first_words(project: Project) -> None:
    project.copy_fixture("wp-posts.json")
    articles, diags = project.read()
    assert articles["wp-posts-903"].title == "Road closures announced for the weekend near the old crossing,…"
    assert "post 903: post has an empty title" in diags.warnings[0].message


def test_post_without_content_falls_back_to_its_excerpt(project: Project) -> None:
    project.copy_fixture("wp-posts.json")
    articles, diags = project.read()
    article = articles["wp-posts-904"]
    assert [b.text for b in article.blocks] == ["Only this summary was exported by the headless site […]"]
    assert article.author == "Desk Editor"
    assert article.published == dt.datetime(2024, 3, 9, 10, 30)  # no date_gmt: site-local, naive
    assert "post 904: post has no `content` field; using its excerpt" in diags.warnings[1].message


def test_single_post_object_takes_the_file_stem_as_id(project: Project) -> None:
    post = {
        "id": 7,
        "title": {"rendered": "One post"},
        "content": {"rendered": "<p>Body.</p>"},
        "date_gmt": "2023-01-02T03:04:05",
        "author_meta": {"display_name": "A. Author"},
        "lang": "en",
    }
    project.write("single.json", json.dumps(post))
    articles, diags = project.read()
    assert list(articles) == ["single"]
    assert articles["single"].author == "A. Author"
    assert len(diags) == 0


def test_invalid_json_is_reported_at_its_line(project: Project) -> None:
    project.write("broken.txt", '{\n  "id": 5,\n  "title": {"rendered": "x"},,\n}')
    articles, diags = project.read()
    assert articles == {}
    assert problems(diags) == [("error", "bad-json", "content/articles/broken.txt:3:30")]  # the second comma


def test_json_that_is_not_a_post(project: Project) -> None:
    project.write("error.json", '{"code": "rest_no_route", "message": "No route was found", "data": {"status": 404}}')
    project.write("weird.json", '[{"id": 1, "title": {"rendered": "ok"}, "content": {"rendered": "<p>x</p>"}}, 3]')
    articles, diags = project.read()
    assert list(articles) == ["weird-1"]
    assert codes(diags) == ["not-a-post", "not-a-post"]
    assert "WordPress error: No route was found" in diags.errors[0].message


def test_posts_in_a_list_need_an_id(project: Project) -> None:
    project.write("noid.json", '[{"title": {"rendered": "No id"}, "content": {"rendered": "<p>x</p>"}}]')
    articles, diags = project.read()
    assert (articles, codes(diags)) == ({}, ["missing-post-id"])


def test_an_empty_list_yields_an_error_not_silence(project: Project) -> None:
    project.write("empty-list.json", "[ ]")
    articles, diags = project.read()
    assert (articles, problems(diags)) == ({}, [("error", "no-article", "content/articles/empty-list.json:1:1")])


def test_text_starting_with_a_bracket_is_not_taken_for_json(project: Project) -> None:
    project.write("update.txt", "[UPDATED] Council delays the vote\n\nThe vote moves to June.\n")
    articles, diags = project.read()
    assert articles["update"].format == "wire-text"
    assert articles["update"].title == "[UPDATED] Council delays the vote"
    assert len(diags) == 0
