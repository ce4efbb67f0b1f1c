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
    # Text output in a CI log could hold a line starting `::` (a file name with a newline): use annotations.
    assert "factcheck build --format github" in text and "make site" not in text


def test_pull_requests_are_checked_with_annotations() -> None:
    text = (ROOT / ".github/workflows/validate.yml").read_text()
    assert "pull_request" in text and "factcheck check --format github" in text and "make test" in text
    assert "factcheck build --format github" in text and "make site" not in text


def _workflow(name: str) -> dict:
    import yaml

    return yaml.safe_load((ROOT / ".github/workflows" / name).read_text(encoding="utf-8"))


def _run_lines(workflow: dict) -> list[str]:
    return [step["run"] for job in workflow["jobs"].values() for step in job.get("steps", []) if "run" in step]


def test_publish_and_validate_install_only_through_the_lock() -> None:
    """The Makefile installs from requirements/*.lock; a bare pip install would drift from it."""
    for name in ("publish.yml", "validate.yml"):
        runs = _run_lines(_workflow(name))
        assert runs and all("pip install" not in run and "uv " not in run for run in runs), (name, runs)
        assert all("make" in run or ".venv/bin/" in run for run in runs), (name, runs)


def test_a_scheduled_job_tests_the_newest_allowed_versions() -> None:
    drift = _workflow("drift.yml")
    assert drift[True]["schedule"], "drift.yml must run on a schedule"  # PyYAML reads `on:` as True
    assert any("make drift" in run for run in _run_lines(drift))
