"""The CI workflows are linted with actionlint (a PyPI wheel, so no download at run time)."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _actionlint() -> str:
    found = Path(sys.executable).parent / "actionlint"
    return str(found) if found.exists() else (shutil.which("actionlint") or "actionlint")


def test_workflows_pass_actionlint() -> None:
    workflows = sorted((ROOT / ".github/workflows").glob("*.yml"))
    assert len(workflows) >= 2
    result = subprocess.run([_actionlint(), *map(str, workflows)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    steps = "    steps:\n      - run: echo ${{ nope.x }}\n"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n" + steps)
    result = subprocess.run([_actionlint(), str(broken)], capture_output=True, text=True)
    assert result.returncode != 0


def test_publish_uses_pages_actions() -> None:
    text = (ROOT / ".github/workflows/publish.yml").read_text()
    assert "actions/upload-pages-artifact" in text and "actions/deploy-pages" in text
    assert "make site" in text


def test_pull_requests_are_checked_with_annotations() -> None:
    text = (ROOT / ".github/workflows/validate.yml").read_text()
    assert "pull_request" in text and "factcheck check --format github" in text and "make test" in text
