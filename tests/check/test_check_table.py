# ruff: noqa: E501  (expected lines are whole messages, kept on one line as the contributor sees them)
"""One mistake per input: the exact message, file, line and column that `factcheck check` prints.

Each case starts from the valid project in kit.py and changes one thing. The
expected lines are what a contributor sees (`Diagnostic.format()`), sorted as
the command prints them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from .kit import OUTLETS, PEOPLE, RATINGS, VERDICT, VERDICT_PATH, edit, run_check, verdict_with, write_project

V = VERDICT_PATH
# Eight levels of nine aliases each: 9**8 values if expanded ("billion laughs").
BOMB = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i-1}"] * 9 if i else ["lol"] * 9) + "]\n" for i in range(8))
Files = dict[str, str | bytes | None]


@dataclass(frozen=True)
class Case:
    name: str
    files: Files
    expected: list[str]


CASES = [
    Case(
        'yaml-syntax-colon',
        verdict_with("summary: The released transcript records the question.", "summary: The transcript: it records the question."),
        [
            "content/verdicts/case-verdict.yaml:8:24: error: YAML syntax error: unexpected ': ' (a value that contains ': ' must be put in quotes) [yaml-syntax]",
        ],
    ),
    Case(
        'yaml-syntax-unclosed-quote',
        verdict_with('quote: "Perhaps Russia could be an Ally."', 'quote: "Perhaps Russia could be an Ally.'),
        [
            'content/verdicts/case-verdict.yaml:11:12: error: YAML syntax error: the file ends inside this value (a quoted value is not closed) [yaml-syntax]',
        ],
    ),
    Case(
        'duplicate-key',
        verdict_with("author: Archive desk\n", "author: Archive desk\nrating: false\n"),
        [
            "content/verdicts/case-verdict.yaml:16:1: error: duplicate key 'rating' (first written at line 7); the second one is ignored [duplicate-key]",
        ],
    ),
    Case(
        'unknown-key-suggestion',
        verdict_with("tags: [nato, russia]", "tag: [nato, russia]"),
        [
            "content/verdicts/case-verdict.yaml:17:1: error: unknown key 'tag' (did you mean 'tags'?) [unknown-key]",
        ],
    ),
    Case(
        'unknown-nested-key',
        verdict_with("    note: Putin's words", "    notes: Putin's words"),
        [
            "content/verdicts/case-verdict.yaml:12:5: error: unknown key 'notes' (did you mean 'note'?) [unknown-key]",
        ],
    ),
    Case(
        'bool-word-claim',
        verdict_with("claim: Putin asked in 2001 whether Russia could join NATO", "claim: yes"),
        [
            'content/verdicts/case-verdict.yaml:1:8: error: claim: expected text, got \'yes\', which many YAML tools read as a yes/no value; put it in quotes: "yes" [yaml-bool-word]',
        ],
    ),
    Case(
        'bool-claim',
        verdict_with("claim: Putin asked in 2001 whether Russia could join NATO", "claim: true"),
        [
            'content/verdicts/case-verdict.yaml:1:8: error: claim: expected text, got a boolean (true/false); put it in quotes [wrong-type]',
        ],
    ),
    Case(
        'number-claim',
        verdict_with("claim: Putin asked in 2001 whether Russia could join NATO", "claim: 2001"),
        [
            'content/verdicts/case-verdict.yaml:1:8: error: claim: expected text, got a number; put it in quotes [wrong-type]',
        ],
    ),
    Case(
        'date-where-text',
        verdict_with("author: Archive desk", "author: 2026-01-05"),
        [
            'content/verdicts/case-verdict.yaml:15:9: error: author: expected text, got a date; put it in quotes [wrong-type]',
        ],
    ),
    Case(
        'missing-required',
        verdict_with("author: Archive desk\n", ""),
        [
            "content/verdicts/case-verdict.yaml:1:1: error: missing required key 'author' [missing-key]",
        ],
    ),
    Case(
        'missing-several',
        {V: "claim: Only a claim\n"},
        [
            "content/verdicts/case-verdict.yaml:1:1: error: missing required keys 'claimant', 'claim_date', 'appearances', 'rating', 'summary', 'evidence', 'author', 'published' [missing-key]",
        ],
    ),
    Case(
        'correction-missing-note',
        verdict_with("tags: [nato, russia]", "tags: [nato, russia]\nupdated:\n  - date: 2026-01-06\n"),
        [
            "content/verdicts/case-verdict.yaml:19:5: error: missing required key 'note' [missing-key]",
        ],
    ),
    Case(
        'bad-date-value',
        verdict_with("claim_date: 2001-06-16", "claim_date: 2025-13-45"),
        [
            "content/verdicts/case-verdict.yaml:3:13: error: claim_date: '2025-13-45' is not a date (YYYY-MM-DD) [bad-date]",
        ],
    ),
    Case(
        'date-not-a-date',
        verdict_with("claim_date: 2001-06-16", "claim_date: yesterday"),
        [
            "content/verdicts/case-verdict.yaml:3:13: error: claim_date: 'yesterday' is not a date (YYYY-MM-DD) [bad-date]",
        ],
    ),
    Case(
        'date-number',
        verdict_with("published: 2026-01-05", "published: 20260105"),
        [
            'content/verdicts/case-verdict.yaml:16:12: error: published: expected a date (YYYY-MM-DD), got a number [bad-date]',
        ],
    ),
    Case(
        'rating-not-on-scale',
        verdict_with("rating: mostly-true", "rating: mostly true"),
        [
            "content/verdicts/case-verdict.yaml:7:9: error: rating 'mostly true' is not on the rating scale (did you mean 'mostly-true'?); the scale is: false, mostly-false, misleading, half-true, mostly-true, true, unproven [unknown-rating]",
        ],
    ),
    Case(
        'rating-no',
        verdict_with("rating: mostly-true", "rating: no"),
        [
            "content/verdicts/case-verdict.yaml:7:9: error: rating 'no' is not on the rating scale; the scale is: false, mostly-false, misleading, half-true, mostly-true, true, unproven [unknown-rating]",
        ],
    ),
    Case(
        'unknown-article',
        verdict_with("  - article: 000_transcripts\n    quote: \"But", "  - article: 000_transcript\n    quote: \"But"),
        [
            "content/verdicts/case-verdict.yaml:5:14: error: article '000_transcript' is not in the archive (content/articles/) (did you mean '000_transcripts'?) [unknown-article]",
        ],
    ),
    Case(
        'article-with-extension',
        verdict_with("  - article: 000_transcripts\n    quote: \"But", "  - article: 000_transcripts.txt\n    quote: \"But"),
        [
            "content/verdicts/case-verdict.yaml:5:14: error: article '000_transcripts.txt' is not in the archive (content/articles/) (did you mean '000_transcripts'?) [unknown-article]",
        ],
    ),
    Case(
        'unknown-person-claimant',
        verdict_with("claimant: putin", "claimant: putin-v"),
        [
            "content/verdicts/case-verdict.yaml:2:11: error: claimant 'putin-v' looks like an id but is not in people.yaml or outlets.yaml (did you mean 'putin'?); add it there, or write the name in full [unknown-claimant]",
        ],
    ),
    Case(
        'unknown-outlet-claimant',
        verdict_with("claimant: putin", "claimant: ukrmedia_news"),
        [
            "content/verdicts/case-verdict.yaml:2:11: error: claimant 'ukrmedia_news' looks like an id but is not in people.yaml or outlets.yaml (did you mean 'ukrmedia-news'?); add it there, or write the name in full [unknown-claimant]",
        ],
    ),
    Case(
        'ftp-url',
        verdict_with("url: https://example.org/transcript", "url: ftp://example.org/transcript"),
        [
            "content/verdicts/case-verdict.yaml:13:10: error: url: 'ftp:' addresses are not allowed; use a full http:// or https:// URL [bad-url]",
        ],
    ),
    Case(
        'javascript-url',
        verdict_with("url: https://example.org/transcript", "url: javascript:alert(1)"),
        [
            "content/verdicts/case-verdict.yaml:13:10: error: url: 'javascript:' addresses are not allowed; use a full http:// or https:// URL [bad-url]",
        ],
    ),
    Case(
        'url-without-scheme',
        verdict_with("url: https://example.org/transcript", "url: example.org/transcript"),
        [
            "content/verdicts/case-verdict.yaml:13:10: error: url: 'example.org/transcript' is not a web address; use a full http:// or https:// URL [bad-url]",
        ],
    ),
    Case(
        'empty-evidence',
        {V: VERDICT.split("evidence:")[0] + "evidence: []\nauthor: Archive desk\npublished: 2026-01-05\ntags: [nato, russia]\n"},
        [
            'content/verdicts/case-verdict.yaml:9:11: error: evidence needs at least one item [empty-list]',
        ],
    ),
    Case(
        'empty-appearances',
        {V: edit(VERDICT, '''appearances:
  - article: 000_transcripts
    quote: "But we feel left out of NATO."''', "appearances: []")},
        [
            'content/verdicts/case-verdict.yaml:4:14: error: appearances needs at least one item [empty-list]',
        ],
    ),
    Case(
        'quote-one-word',
        verdict_with('quote: "But we feel left out of NATO."', 'quote: "But we feel shut out of NATO."'),
        [
            'content/verdicts/case-verdict.yaml:6:12: error: quote not found in article \'000_transcripts\'; closest passage: "But we feel left out of NATO."; the quote has "shut" where the article has "left" [quote-not-found]',
        ],
    ),
    Case(
        'quote-wrong-article',
        {V: edit(VERDICT, '''  - article: 000_transcripts
    quote: "But we feel left out of NATO."''', '''  - article: 004_ukrmedia
    quote: "But we feel left out of NATO."''')},
        [
            "content/verdicts/case-verdict.yaml:6:12: error: quote not found in article '004_ukrmedia'; nothing in the article is close to it; the quote does occur in article '000_transcripts': is that the one you meant? [quote-not-found]",
        ],
    ),
    Case(
        'tab-indent',
        verdict_with("    quote: \"Perhaps", "\tquote: \"Perhaps"),
        [
            'content/verdicts/case-verdict.yaml:11:1: error: a tab is used for indentation; YAML indents with spaces only [yaml-tab]',
        ],
    ),
    Case(
        'alias-bomb',
        {V: BOMB},
        [
            "content/verdicts/case-verdict.yaml:2:10: error: YAML alias '*l0' (and 62 more) is not allowed in this file; write the value out [yaml-alias]",
        ],
    ),
    Case(
        'alias-in-verdict',
        {V: edit(edit(VERDICT, "summary: The", "summary: &s The"), "title: The transcript", "title: *s")},
        [
            "content/verdicts/case-verdict.yaml:14:12: error: YAML alias '*s' is not allowed in this file; write the value out [yaml-alias]",
        ],
    ),
    Case(
        'multiple-documents',
        {V: VERDICT + "---\nclaim: another\n"},
        [
            'content/verdicts/case-verdict.yaml:18:1: error: the file holds more than one YAML document (a second one starts here); keep one per file [yaml-multiple-documents]',
        ],
    ),
    Case(
        'top-level-list',
        {V: "- claim: a list\n- claim: of verdicts\n"},
        [
            'content/verdicts/case-verdict.yaml:1:1: error: expected a mapping of `key: value` lines at the top of the file, got a list [not-a-mapping]',
        ],
    ),
    Case(
        'empty-file',
        {V: "# nothing yet\n"},
        [
            'content/verdicts/case-verdict.yaml:1:1: error: the file is empty; it should hold `key: value` lines [empty-file]',
        ],
    ),
    Case(
        'bad-file-name',
        {V: None, "content/verdicts/Putin 2001.yaml": VERDICT},
        [
            "content/verdicts/Putin 2001.yaml:1:1: error: the file name 'Putin 2001.yaml' cannot be a verdict id (it becomes the page address): use lowercase letters, digits and hyphens, e.g. 'putin-2001.yaml' [bad-id]",
        ],
    ),
    Case(
        'bad-tag',
        verdict_with("tags: [nato, russia]", "tags: [nato, Russia]"),
        [
            "content/verdicts/case-verdict.yaml:17:14: error: tags: 'Russia' is not a slug: use lowercase letters, digits and single hyphens (e.g. 'russia') [bad-tag]",
        ],
    ),
    Case(
        'tag-no-pitfall',
        verdict_with("tags: [nato, russia]", "tags: [nato, NO]"),
        [
            "content/verdicts/case-verdict.yaml:17:14: error: tags: 'NO' is not a slug: use lowercase letters, digits and single hyphens (e.g. 'no') [bad-tag]",
        ],
    ),
    Case(
        'empty-summary',
        verdict_with("summary: The released transcript records the question.", "summary: ''"),
        [
            'content/verdicts/case-verdict.yaml:8:10: error: summary is empty; write a value [empty-value]',
        ],
    ),
    Case(
        'citation-article-and-url',
        verdict_with("  - url: https://example.org/transcript", "  - article: 004_ukrmedia\n    url: https://example.org/transcript"),
        [
            "content/verdicts/case-verdict.yaml:14:5: error: evidence: give either 'article' or 'url', not both; make two entries [bad-citation]",
        ],
    ),
    Case(
        'quote-without-article',
        verdict_with("    title: The transcript", "    quote: The transcript"),
        [
            "content/verdicts/case-verdict.yaml:14:5: error: evidence: a 'quote' needs the 'article' it comes from; the quote rule cannot check a URL (use 'note') [bad-citation]",
        ],
    ),
    Case(
        'citation-not-mapping',
        verdict_with("  - url: https://example.org/transcript\n    title: The transcript\n", "  - https://example.org/transcript\n"),
        [
            'content/verdicts/case-verdict.yaml:13:5: error: evidence: expected a mapping (`key: value` lines), got text [wrong-type]',
        ],
    ),
    Case(
        'python-tag',
        verdict_with("author: Archive desk", "author: !!python/object:os.system Archive desk"),
        [
            "content/verdicts/case-verdict.yaml:15:9: error: YAML tag '!!python/object:os.system' is not supported; remove it [yaml-tag]",
        ],
    ),
    Case(
        'control-character',
        verdict_with("author: Archive desk", "author: Archive\x07desk"),
        [
            'content/verdicts/case-verdict.yaml:15:16: error: YAML cannot contain the control character U+0007; remove it [yaml-syntax]',
        ],
    ),
    Case(
        'invalid-utf8',
        {V: VERDICT.encode().replace(b"Archive desk", b"Archive \xff desk")},
        [
            'content/verdicts/case-verdict.yaml:15:17: error: file is not valid UTF-8 (byte 0xff); save it with UTF-8 encoding [encoding]',
        ],
    ),
    Case(
        'too-large',
        {V: VERDICT + "body: |\n" + ("  " + "x" * 98 + "\n") * 10_100},
        [
            'content/verdicts/case-verdict.yaml:1:1: error: YAML file is 1,020,630 bytes; the limit is 1,000,000 bytes [yaml-too-large]',
        ],
    ),
    Case(
        'placeholder',
        verdict_with("claim: Putin asked in 2001 whether Russia could join NATO", 'claim: "TODO: the claim, in one sentence"'),
        [
            "content/verdicts/case-verdict.yaml:1:8: error: claim still holds the template's TODO text; fill it in [placeholder]",
        ],
    ),
    Case(
        'stray-file',
        {"content/verdicts/notes.txt": "remember to check\n"},
        [
            'content/verdicts/notes.txt:1:1: warning: this file is not a verdict (only .yaml files are read from the verdicts folder); ignored [stray-file]',
        ],
    ),
    Case(
        'duplicate-claim',
        {"content/verdicts/same-claim.yaml": VERDICT},
        [
            "content/verdicts/same-claim.yaml:1:8: warning: verdict 'case-verdict' (content/verdicts/case-verdict.yaml) reviews the same claim; merge them or reword one [duplicate-claim]",
        ],
    ),
    Case(
        'claimant-name-not-id',
        verdict_with("claimant: putin", "claimant: Vladimir Putin"),
        [
            "content/verdicts/case-verdict.yaml:2:11: warning: claimant 'Vladimir Putin' is the name of person putin; write its id to link its page: `claimant: putin` [claimant-not-linked]",
        ],
    ),
    Case(
        'date-order',
        verdict_with("published: 2026-01-05", "published: 2000-01-05"),
        [
            'content/verdicts/case-verdict.yaml:3:13: warning: claim_date 2001-06-16 is after published 2000-01-05; is one of them wrong? [date-order]',
        ],
    ),
    Case(
        'people-unknown-key',
        {"content/people.yaml": edit(PEOPLE, "  aliases: [Bush]", "  alias: [Bush]")},
        [
            "content/people.yaml:7:3: error: unknown key 'alias' (did you mean 'aliases'?) [unknown-key]",
        ],
    ),
    Case(
        'people-missing-name',
        {"content/people.yaml": edit(PEOPLE, "  name: George W. Bush\n", "  role: President\n")},
        [
            "content/people.yaml:6:3: error: missing required key 'name' [missing-key]",
        ],
    ),
    Case(
        'people-bad-id',
        {"content/people.yaml": edit(PEOPLE, "bush:", "George Bush:")},
        [
            "content/people.yaml:5:1: error: 'George Bush' is not an id: use lowercase letters, digits, '-' and '_' (e.g. 'george-bush') [bad-id]",
        ],
    ),
    Case(
        'people-not-mapping',
        {"content/people.yaml": edit(PEOPLE, "bush:\n  name: George W. Bush\n  aliases: [Bush]\n", "bush: George W. Bush\n")},
        [
            'content/people.yaml:5:7: error: bush: expected a mapping (`key: value` lines), got text [wrong-type]',
        ],
    ),
    Case(
        'people-shared-alias',
        {"content/people.yaml": edit(PEOPLE, "  aliases: [Bush]", "  aliases: [Bush, Putin]")},
        [
            "content/people.yaml:7:19: warning: 'Putin' also names 'putin'; speaker attribution cannot tell them apart [duplicate-alias]",
        ],
    ),
    Case(
        'people-duplicate-id',
        {"content/people.yaml": PEOPLE + "putin:\n  name: V. Putin\n"},
        [
            "content/people.yaml:8:1: error: duplicate key 'putin' (first written at line 1); the second one is ignored [duplicate-key]",
        ],
    ),
    Case(
        'ratings-bad-colour',
        {"content/ratings.yaml": edit(RATINGS, 'colour: "#b71c1c"', "colour: red")},
        [
            'content/ratings.yaml:4:11: error: colour: \'red\' is not a colour: write "#rrggbb", e.g. "#2e7d32" [bad-colour]',
        ],
    ),
    Case(
        'ratings-unquoted-colour',
        {"content/ratings.yaml": edit(RATINGS, 'colour: "#b71c1c"', "colour: #b71c1c")},
        [
            'content/ratings.yaml:4:3: error: colour is empty; an unquoted # starts a YAML comment, so write the colour in quotes: "#2e7d32" [bad-colour]',
        ],
    ),
    Case(
        'ratings-duplicate-value',
        {"content/ratings.yaml": edit(RATINGS, "  value: 6", "  value: 5")},
        [
            "content/ratings.yaml:19:10: error: value 5 is already used by 'mostly-true'; each rating needs its own [duplicate-rating-value]",
        ],
    ),
    Case(
        'ratings-value-text',
        {"content/ratings.yaml": edit(RATINGS, "  value: 6", "  value: six")},
        [
            'content/ratings.yaml:19:10: error: value: expected a whole number, got text [wrong-type]',
        ],
    ),
    Case(
        'ratings-value-bool',
        {"content/ratings.yaml": edit(RATINGS, "  value: 6", "  value: true")},
        [
            'content/ratings.yaml:19:10: error: value: expected a whole number, got a boolean (true/false) [wrong-type]',
        ],
    ),
    Case(
        'ratings-no-values',
        {"content/ratings.yaml": "unproven:\n  label: Unproven\n", V: edit(VERDICT, "rating: mostly-true", "rating: unproven")},
        [
            "content/ratings.yaml:1:1: error: no rating has a 'value'; the scale needs at least one rated step [no-rated-value]",
        ],
    ),
    Case(
        'ratings-missing',
        {"content/ratings.yaml": None},
        [
            'content/ratings.yaml:1:1: error: ratings.yaml is missing; the archive needs it [missing-file]',
        ],
    ),
    Case(
        'outlets-domain-url',
        {"content/outlets.yaml": edit(OUTLETS, "domains: [ukrmedia.news]", "domains: [https://ukrmedia.news/en]")},
        [
            "content/outlets.yaml:3:13: error: domains: 'https://ukrmedia.news/en' is not a domain: write the host name only, without https:// or a path (e.g. 'ukrmedia.news') [bad-domain]",
        ],
    ),
    Case(
        'outlets-bad-language',
        {"content/outlets.yaml": edit(OUTLETS, "language: en\neuropean", "language: English\neuropean")},
        [
            "content/outlets.yaml:4:13: error: language: 'English' is not a language code: use a code such as 'en' or 'uk' [bad-language]",
        ],
    ),
    Case(
        'outlets-duplicate-domain',
        {"content/outlets.yaml": edit(OUTLETS, "domains: [eurointegration.com.ua]", "domains: [ukrmedia.news]")},
        [
            "content/outlets.yaml:7:13: error: domain 'ukrmedia.news' already belongs to outlet 'ukrmedia-news' [duplicate-domain]",
        ],
    ),
    Case(
        'people-alias-bomb',
        {"content/people.yaml": PEOPLE + BOMB.replace("l", "x-l")},
        [
            "content/people.yaml:9:14: error: YAML alias '*x-l0' (and 62 more) is not allowed in this file; write the value out [yaml-alias]",
        ],
    ),
    Case(
        'people-top-level-list',
        {"content/people.yaml": "- putin\n- bush\n"},
        [
            'content/people.yaml:1:1: error: expected a mapping of `key: value` lines at the top of the file, got a list [not-a-mapping]',
        ],
    ),
    Case(
        'people-missing',
        {"content/people.yaml": None},
        [
            'content/people.yaml:1:1: error: people.yaml is missing; the archive needs it [missing-file]',
        ],
    ),
    Case(
        'ratings-empty',
        {"content/ratings.yaml": ""},
        [
            'content/ratings.yaml:1:1: error: the file is empty; it should hold `key: value` lines [empty-file]',
        ],
    ),
    Case(
        'duplicate-verdict-id',
        {"content/verdicts/case-verdict.yml": VERDICT},
        [
            "content/verdicts/case-verdict.yml:1:1: error: verdict id 'case-verdict' is already used by content/verdicts/case-verdict.yaml; rename one of the files [duplicate-id]",
        ],
    ),
    Case(
        'verdicts-subfolder',
        {"content/verdicts/drafts/one.yaml": VERDICT},
        [
            'content/verdicts/drafts:1:1: warning: this folder is not a verdict (only .yaml files are read from the verdicts folder); ignored [stray-file]',
        ],
    ),
    Case(
        'outlets-person-clash',
        {"content/outlets.yaml": OUTLETS + "putin:\n  name: Putin's own site\n"},
        [
            "content/outlets.yaml:9:1: warning: 'putin' is both a person and an outlet id; a claimant 'putin' would be ambiguous [id-clash]",
        ],
    ),
]

# Inputs that look suspicious but are correct: nothing may be reported.
ACCEPTED = {
 "outlet-language-no": {"content/outlets.yaml": edit(OUTLETS, "language: en\neuropean", "language: no\neuropean")},
 "curly-quotes-and-dashes": verdict_with('quote: "Perhaps Russia could be an Ally."', "quote: '“Now  all these conditions have been met.   Perhaps Russia could be an Ally.”'"),
 "quote-across-blocks": verdict_with('quote: "Perhaps Russia could be an Ally."', "quote: 'George Bush. Quote from Putin: \"Russia is European.'"),
 "claimant-free-text": verdict_with("claimant: putin", "claimant: An anonymous Telegram channel"),
 "claimant-outlet": verdict_with("claimant: putin", "claimant: ukrmedia-news"),
}


def _run(tmp_path: Path, files: Files) -> list[str]:
    write_project(tmp_path, files)
    _, diags = run_check(tmp_path)
    return [d.format() for d in diags.sorted()]


def test_the_table_is_large_and_names_are_unique() -> None:
    assert len(CASES) >= 30
    assert len({case.name for case in CASES}) == len(CASES)


def test_the_valid_project_has_no_problems(tmp_path: Path) -> None:
    assert _run(tmp_path, {}) == []


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_broken_input_is_reported_exactly(case: Case, tmp_path: Path) -> None:
    assert _run(tmp_path, case.files) == case.expected


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_accepted_input_reports_nothing(name: str, tmp_path: Path) -> None:
    assert _run(tmp_path, ACCEPTED[name]) == []


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_no_cut_of_a_broken_input_raises(case: Case, tmp_path: Path) -> None:
    """Cut each changed file at many points: the checker reports problems, it never raises."""
    for percent in (3, 10, 25, 40, 50, 65, 80, 95, 99):
        files = {
            name: body if body is None else body[: len(body) * percent // 100] for name, body in case.files.items()
        }
        root = tmp_path / f"cut-{percent}"
        write_project(root, files)
        run_check(root)
