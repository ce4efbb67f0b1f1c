"""UI strings: every one is in the catalog template, and every language translates all of them.

The template (`generator/locales/messages.pot`) is extracted from the page
templates and the site code by `make messages`; a test fails when it is stale,
and when any language leaves a message (or one of its plural forms) empty, or
drops or renames a `%(placeholder)s`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from generator.site.templating import LOCALES, SOURCE_LANGUAGE, available_languages

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
# As generator/locales/babel.cfg says, relative to generator/ (never the whole checkout: .venv is huge).
METHODS = [("site/**.py", "python"), ("languages.py", "python"), ("site/templates/**.j2", "jinja2")]
OPTIONS = {"site/templates/**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def _extracted() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "generator"), METHODS, options_map=OPTIONS, keywords=KEYWORDS
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def _template_ids() -> set[str]:
    with (LOCALES / "messages.pot").open("rb") as handle:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}


def test_catalog_template_is_not_stale() -> None:
    extracted, committed = _extracted(), _template_ids()
    assert extracted == committed, (
        f"run `make messages`: new {sorted(extracted - committed)}, gone {sorted(committed - extracted)}"
    )


@pytest.mark.parametrize("language", [lang for lang in available_languages() if lang != SOURCE_LANGUAGE])
def test_every_message_is_translated(language: str) -> None:
    with (LOCALES / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle, locale=language)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        if message.fuzzy or not all(strings) or len(strings) != (1 if len(ids) == 1 else catalog.num_plurals):
            problems.append(f"untranslated: {ids[0]!r}")
        elif any(set(PLACEHOLDER.findall(s)) != set(PLACEHOLDER.findall(ids[-1])) for s in strings):
            problems.append(f"placeholders differ: {ids[0]!r}")
    assert set(_template_ids()) <= {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    assert not problems, "\n".join(problems)


def test_every_nav_title_of_mkdocs_yml_is_in_the_catalog() -> None:
    """The nav is translated per language from mkdocs.yml's titles: each must be a message."""
    from generator.languages import NAV_TITLES
    from generator.siteconfig import read_mkdocs_config

    titles = [title for entry in read_mkdocs_config(ROOT)["nav"] for title in entry]
    assert set(titles) == set(NAV_TITLES)
    assert set(titles) <= _template_ids()
