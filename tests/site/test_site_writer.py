"""The output plan: every output path claimed once, never outside the output folder.

`SitePlan` replaced the old writer's `reserve`/`write`: a path is claimed before
anything renders, and `generate_site` writes only what the plan holds.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from site_sample import SITE, loc, sample_archive

from generator.diagnostics import Diagnostics, Location
from generator.site.generate import generate_site
from generator.site.output import OUTPUT_COLLISION, UNSAFE_OUTPUT_PATH, PageKind, SitePlan


def codes(diags: Diagnostics) -> list[str]:
    return [d.code for d in diags]


def test_plans_a_page() -> None:
    diags = Diagnostics()
    plan = SitePlan(diags)
    record = plan.add(PageKind.VERDICT, "a", "verdicts/a.md", Location("content/verdicts/a.yaml"))
    assert record is not None and plan.get(PageKind.VERDICT, "a") is record
    assert (record.url, record.dest_uri) == ("verdicts/a/", "verdicts/a/index.html")
    assert not diags.items


def test_second_claim_on_one_path_is_refused_at_its_source() -> None:
    diags = Diagnostics()
    plan = SitePlan(diags)
    first = plan.add(PageKind.LISTING, "home", "index.md")
    assert plan.add(PageKind.PAGE, "index", "index.md", Location("content/pages/index.md")) is None
    assert plan.by_path["index.md"] is first and plan.get(PageKind.PAGE, "index") is None
    assert codes(diags) == [OUTPUT_COLLISION]
    assert diags.items[0].location.path == "content/pages/index.md"


def test_paths_differing_only_in_case_collide() -> None:
    diags = Diagnostics()
    plan = SitePlan(diags)
    assert plan.add(PageKind.VERDICT, "Foo", "verdicts/Foo.md", Location("content/verdicts/Foo.yaml"))
    assert plan.add(PageKind.VERDICT, "foo", "verdicts/foo.md", Location("content/verdicts/foo.yaml")) is None
    assert codes(diags) == [OUTPUT_COLLISION]
    assert diags.items[0].location.path == "content/verdicts/foo.yaml"
    assert "content/verdicts/Foo.yaml" in diags.items[0].message


def test_three_claims_on_one_path_are_two_errors() -> None:
    diags = Diagnostics()
    plan = SitePlan(diags)
    for n, path in enumerate(["topics/a.md", "topics/A.md", "TOPICS/a.md"]):
        plan.add(PageKind.TOPIC, str(n), path, loc(f"content/{n}.yaml"))
    assert codes(diags) == [OUTPUT_COLLISION, OUTPUT_COLLISION]
    assert [d.location.path for d in diags] == ["content/1.yaml", "content/2.yaml"]


@pytest.mark.parametrize(
    "path",
    ["../escape.md", "verdicts/../../x.md", "/etc/passwd", "a\\b.md", "", "verdicts/.hidden.md", "a//b.md", "x\x00.md"],
)
def test_unsafe_paths_are_refused(path: str) -> None:
    diags = Diagnostics()
    plan = SitePlan(diags)
    assert plan.add(PageKind.PAGE, "x", path, Location("content/pages/x.md")) is None
    assert codes(diags) == [UNSAFE_OUTPUT_PATH]
    assert diags.items[0].location.path == "content/pages/x.md"
    assert plan.files() == []


def test_an_unsafe_id_writes_nothing_outside_the_output_folder(tmp_path: Path) -> None:
    archive = sample_archive()
    verdict = next(iter(archive.verdicts.values()))
    hostile = dataclasses.replace(verdict, id="../../escape")
    archive.verdicts["../../escape"] = hostile
    diags = Diagnostics()
    out = tmp_path / "a" / "b" / "docs"
    generate_site(archive, out, diags, SITE)
    assert UNSAFE_OUTPUT_PATH in codes(diags)
    assert [p for p in tmp_path.rglob("*escape*")] == []


def test_a_link_to_an_unplanned_page_is_none() -> None:
    plan = SitePlan(Diagnostics())
    home = plan.add(PageKind.LISTING, "home", "index.md")
    assert home is not None
    assert plan.link(home, PageKind.VERDICT, "missing") is None
    verdict = plan.add(PageKind.VERDICT, "a", "verdicts/a.md")
    assert verdict is not None
    assert plan.link(home, PageKind.VERDICT, "a") == "verdicts/a/"
    assert plan.link(verdict, PageKind.LISTING, "home") == "../../"
