"""Wire-style plain text: title line, one paragraph per line, labels, bullets, boilerplate."""

from __future__ import annotations

from readers_support import Project, make_outlet

from generator.model import Run


def test_title_labels_bullets_and_attributions(project: Project) -> None:
    project.copy_fixture("wire-report.txt")
    articles, diags = project.read()
    article = articles["wire-report"]
    assert article.format == "wire-text"
    assert article.title == "Officials say the grain corridor carried a record tonnage in March"
    assert [(b.kind, b.text) for b in article.blocks] == [
        (
            "p",
            "The port authority reported on Tuesday that ships carried more grain through the corridor in March "
            "than in any month since it opened.",
        ),
        ("p", "Source: Port authority statement; European Pravda"),
        ("p", "Details: The authority said 41 vessels left the three ports during the month."),
        (
            "p",
            'Quote from Oleksandr Petrenko: "We have never seen this many ships in a single month. The route is '
            'working."',
        ),
        ("p", 'Quote: "Insurance costs remain the main obstacle," an industry representative added.'),
        ("p", "More details: Shipping data also showed longer waits at the inspection point."),
        ("p", "Background:"),
        ("li", "The corridor was set up after the previous arrangement collapsed."),
        ("li", "Several vessels were damaged by drones in the autumn."),
        ("p", "The authority plans to publish detailed figures next week."),
    ]
    assert article.attributions == ("Port authority statement; European Pravda",)
    assert article.language == "en"
    assert len(diags) == 0


def test_labels_are_strong_runs_and_the_rest_is_verbatim(project: Project) -> None:
    project.copy_fixture("wire-report.txt")
    blocks = project.read()[0]["wire-report"].blocks
    assert blocks[2].runs == (
        Run("Details:", strong=True),
        Run(" The authority said 41 vessels left the three ports during the month."),
    )
    assert blocks[3].runs[0] == Run("Quote from Oleksandr Petrenko:", strong=True)
    assert blocks[6].runs == (Run("Background:", strong=True),)


def test_boilerplate_is_removed_even_when_glued_to_a_sentence(project: Project) -> None:
    project.copy_fixture("wire-report.txt")
    text = project.read()[0]["wire-report"].text
    assert "Patreon" not in text
    assert "Subscribe" not in text


def test_boilerplate_names_the_outlet_when_outlets_yaml_knows_it(project: Project) -> None:
    project.copy_fixture("wire-report.txt")
    outlets = {"up": make_outlet("up", "Ukrainska Pravda", "pravda.com.ua")}
    article = project.read(outlets)[0]["wire-report"]
    assert (article.outlet_id, article.outlet_name) == ("up", "Ukrainska Pravda")


def test_boilerplate_matches_a_sister_site_by_its_domain(project: Project) -> None:
    project.copy_fixture("wire-report.txt")
    outlets = {"ep": make_outlet("ep", "Європейська правда", "www.eurointegration.com.ua")}
    assert project.read(outlets)[0]["wire-report"].outlet_id == "ep"


def test_without_a_matching_outlet_the_outlet_stays_unknown(project: Project) -> None:
    project.copy_fixture("wire-report.txt")
    outlets = {"bbc": make_outlet("bbc", "BBC", "bbc.co.uk")}
    article = project.read(outlets)[0]["wire-report"]
    assert (article.outlet_id, article.outlet_name) == (None, None)


def test_blank_lines_separate_and_leading_blank_lines_are_skipped(project: Project) -> None:
    project.write("spaced.txt", "\n\n  Заголовок   новини  \n\nПерший абзац.\n\n\nДругий\u200b абзац.\n• пункт\n")
    article = project.read()[0]["spaced"]
    assert article.title == "Заголовок новини"
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("p", "Перший абзац."),
        ("p", "Другий абзац."),
        ("li", "пункт"),
    ]
    assert article.language == "uk"


def test_dialogue_dashes_are_not_list_items(project: Project) -> None:
    project.write("dialogue.txt", "Title\n— Ми готові, — сказав він.\n")
    assert project.read()[0]["dialogue"].blocks[0].kind == "p"


def test_a_file_of_only_boilerplate_yields_an_error(project: Project) -> None:
    project.write("only-boilerplate.txt", "Support Ukrainska Pravda on Patreon!\n")
    articles, diags = project.read()
    assert articles == {}
    assert [(d.code, str(d.location)) for d in diags] == [("no-article", "content/articles/only-boilerplate.txt:1:1")]
