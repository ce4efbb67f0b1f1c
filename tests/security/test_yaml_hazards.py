"""YAML's traps, in every YAML file a contributor writes, through `factcheck check`.

Each hazard must be refused with a clear message at the file (and line),
exit status 1, and no traceback or internal error, whichever file holds it:
a verdict, people/outlets/ratings, an article sidecar or Markdown front matter.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

from .project import Project, new_project


@dataclass(frozen=True)
class Hazard:
    text: str
    codes: frozenset[str]
    # An empty people or outlets registry is allowed (a new archive has none yet).
    empty: bool = False


def _laughs(levels: int = 9) -> str:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


ALIAS_CODES = frozenset({"yaml-alias"})
HAZARDS: dict[str, Hazard] = {
    "billion-laughs": Hazard(_laughs(), ALIAS_CODES),
    "recursive-alias": Hazard("a: &a [*a]\n", ALIAS_CODES | {"yaml-syntax"}),
    "many-aliases": Hazard("a: &a x\nb: [" + ", ".join(["*a"] * 500) + "]\n", ALIAS_CODES),
    "list-document": Hazard("- a\n- b\n", frozenset({"not-a-mapping", "wrong-type"})),
    "scalar-document": Hazard("just some text\n", frozenset({"not-a-mapping", "wrong-type"})),
    "null-document": Hazard("~\n", frozenset({"empty-file", "not-a-mapping", "wrong-type"}), empty=True),
    "empty-file": Hazard("", frozenset({"empty-file", "not-a-mapping", "wrong-type"}), empty=True),
    "comments-only": Hazard("# nothing here\n", frozenset({"empty-file", "not-a-mapping", "wrong-type"}),
                            empty=True),
    "two-documents": Hazard("a: 1\n---\nb: 2\n", frozenset({"yaml-multiple-documents"})),
    "tab-indentation": Hazard("a:\n\tb: 1\n", frozenset({"yaml-tab"})),
    "huge-file": Hazard("a: " + "x" * 1_100_000 + "\n", frozenset({"yaml-too-large"})),
    "python-tag": Hazard('a: !!python/object/apply:os.system ["touch PWNED"]\n', frozenset({"yaml-tag"})),
    "merge-key": Hazard("base: &b {x: 1}\nc:\n  <<: *b\n", frozenset({"yaml-merge-key"}) | ALIAS_CODES),
    "deep-nesting": Hazard("a: " + "[" * 10_000 + "]" * 10_000 + "\n", frozenset({"yaml-syntax", "too-deep"})),
    "duplicate-key": Hazard("a: 1\na: 2\n", frozenset({"duplicate-key"})),
    "invalid-utf8": Hazard("a: caf\udce9\n", frozenset({"encoding"})),
    "nul-byte": Hazard("a: x\x00y\n", frozenset({"yaml-syntax"})),
    "complex-key": Hazard("? [a, b]\n: c\n", frozenset({"yaml-complex-key"})),
    "unclosed-quote": Hazard('a: "never closed\n', frozenset({"yaml-syntax"})),
}

# Where each hazard is put: the file, and the text wrapped around it if any.
TARGETS = {
    "verdict": "verdicts/hazard.yaml",
    "people": "people.yaml",
    "outlets": "outlets.yaml",
    "ratings": "ratings.yaml",
    "sidecar": "articles/base-wire.meta.yaml",
    "front-matter": "articles/front.md",
}


def _write(project: Project, target: str, text: str) -> Path:
    if target == "front-matter":
        return project.write(TARGETS[target], "---\n" + text + "---\n\n# Title\n\nBody.\n")
    data = text.encode("utf-8", "surrogateescape")
    return project.write(TARGETS[target], data)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return new_project(tmp_path_factory.mktemp("yaml") / "project")


def run_check(project: Project) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(cli, ["--root", str(project.root), "check"])
    return result.exit_code, result.output, result.exception


# Front matter ends at its second `---`, so "two documents" is front matter and body there.
NOT_FOR_FRONT_MATTER = ("huge-file", "empty-file", "invalid-utf8", "nul-byte", "two-documents")
CASES = [(h, t) for h in HAZARDS for t in TARGETS if not (t == "front-matter" and h in NOT_FOR_FRONT_MATTER)]


@pytest.mark.parametrize(("hazard", "target"), CASES)
def test_hazard_is_refused_at_its_file(hazard: str, target: str, project: Project) -> None:
    spec = HAZARDS[hazard]
    file = project.content / TARGETS[target]
    original = file.read_bytes() if file.exists() else None
    try:
        _write(project, target, spec.text)
        status, output, exception = run_check(project)
    finally:
        if original is None:
            file.unlink()
        else:
            file.write_bytes(original)
    assert isinstance(exception, SystemExit | None), f"uncaught {exception!r}"
    assert "Traceback" not in output and "[internal-error]" not in output, output[-3000:]
    assert not (project.root / "PWNED").exists() and not Path("PWNED").exists(), "a YAML tag ran a command"
    path = f"content/{TARGETS[target]}"
    lines = [line for line in output.splitlines() if line.startswith(path + ":") and ": error: " in line]
    if spec.empty and target in ("people", "outlets", "sidecar", "front-matter") and not lines:
        return  # an empty optional file (or front matter) is allowed
    assert status == 1, f"{hazard} in {path} was accepted:\n{output[-3000:]}"
    found = {line.rsplit("[", 1)[-1].rstrip("]") for line in lines}
    assert found & spec.codes, f"{hazard} in {path}: expected one of {sorted(spec.codes)}, got:\n{output[-3000:]}"


def _text_held(value: object) -> int:
    """Characters of text in a loaded YAML value, every alias counted as the copy it would be."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(_text_held(k) + _text_held(v) for k, v in value.items())
    if isinstance(value, list):
        return sum(_text_held(v) for v in value)
    return 0


def test_aliases_cannot_multiply_a_long_text(project: Project) -> None:
    """Few aliases of one long value: fewer than 100 nodes, but 10 MB of text to fold and match.

    The work is counted as the text the loaded value holds: refused aliases must stand for
    nothing, so what comes out is never larger than what went in.
    """
    from generator.diagnostics import Diagnostics
    from generator.yamlio import load_yaml_text

    long_name = "Jane " + "x" * 100_000
    text = f'speaker:\n  name: &n "{long_name}"\n  aliases: [' + ", ".join(["*n"] * 99) + "]\n"
    diags = Diagnostics()
    data = load_yaml_text(text, "content/people.yaml", diags)
    assert [d.code for d in diags.errors] == ["yaml-alias"]
    assert _text_held(data) <= len(text), (
        f"the loaded value holds {_text_held(data):,} characters from a {len(text):,}-character file: "
        "refused aliases were still expanded"
    )


def test_yaml_bomb_through_the_real_command_finishes_quickly(project: Project) -> None:
    """The installed `factcheck check`, in its own process, with a time limit."""
    verdict = project.write("verdicts/bomb.yaml", _laughs(12))
    try:
        done = project.run_cli("check", timeout=600)  # a hang guard, not a measurement
    finally:
        verdict.unlink()
    assert done.returncode == 1
    assert "content/verdicts/bomb.yaml:" in done.stdout and "[yaml-alias]" in done.stdout, done.stdout[-2000:]
    assert "Traceback" not in done.stderr
