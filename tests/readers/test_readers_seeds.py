"""The bundled seed articles (both named .txt: one wire text, one WordPress JSON)."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil

import pytest
from readers_support import Project, make_outlet

from tests.paths import SEEDS

WIRE_SEED = "000_ce914f400c901735"
WP_SEED = "004_1918c29956d7607e"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not available")


@pytest.fixture
def seeded(project: Project) -> Project:
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, project.articles_dir / seed.name)
    return project


def test_both_seeds_are_read_without_problems(seeded: Project) -> None:
    articles, diags = seeded.read()
    assert list(articles) == [WIRE_SEED, WP_SEED]
    assert [a.format for a in articles.values()] == ["wire-text", "wordpress-json"]
    assert len(diags) == 0


def test_wire_seed(seeded: Project) -> None:
    article = seeded.read()[0][WIRE_SEED]
    assert article.title == "US transcripts from 2001 show Putin asked Bush about Russia joining NATO"
    assert len(article.blocks) == 12
    assert [b.kind for b in article.blocks].count("li") == 2
    assert article.attributions == (
        "European Pravda; transcripts released by the National Security Archive, an independent non-profit research "
        "institute and library at George Washington University",
    )
    assert article.blocks[4].text.startswith('Quote from Putin: "You have made an important statement')
    assert article.blocks[-1].text.endswith("agreed by Ukraine and the United States.")
    assert "Patreon" not in article.text
    assert (article.outlet_id, article.language, article.url) == (None, "en", None)
    assert article.sha256 == hashlib.sha256((SEEDS / f"{WIRE_SEED}.txt").read_bytes()).hexdigest()


def test_wordpress_seed(seeded: Project) -> None:
    article = seeded.read()[0][WP_SEED]
    assert article.title == "In 2001, Putin asked the United States to admit Russia to NATO"
    assert len(article.blocks) == 12
    assert [b.kind for b in article.blocks][:5] == ["h2", "p", "h3", "p", "li"]
    assert (
        article.blocks[7].text == "he also predicted a conflict between the US and Russia and talked about a "
        'possible «The »split" of Ukraine.'
    )
    assert article.url == "https://ukrmedia.news/en/main-news/in-2001-putin-asked-the-us-to-take-russia-into-the-n/"
    assert article.published == dt.datetime(2025, 12, 25, 6, 11, 36, tzinfo=dt.UTC)
    assert (article.outlet_id, article.language, article.attributions) == (None, "en", ())


def test_seed_outlets_resolve_when_outlets_yaml_lists_them(seeded: Project) -> None:
    outlets = {
        "ukrmedia-news": make_outlet("ukrmedia-news", "ukrmedia.news", "ukrmedia.news"),
        "ukrainska-pravda": make_outlet("ukrainska-pravda", "Ukrainska Pravda", "pravda.com.ua"),
    }
    articles = seeded.read(outlets)[0]
    assert articles[WP_SEED].outlet_id == "ukrmedia-news"  # by the URL's domain
    assert articles[WIRE_SEED].outlet_id == "ukrainska-pravda"  # by the Patreon boilerplate
