"""`factcheck`: the command contributors, maintainers and CI run.

Every command prints all problems as `path:line:col: severity: message [code]`
and exits 1 if any is an error. Unexpected exceptions are caught at the top so
no traceback reaches a user; they are reported as an internal error instead.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

import click
from rich.console import Console

from generator.diagnostics import Diagnostics, Location

FORMATS = click.Choice(["text", "github", "json"])
_err = Console(stderr=True, highlight=False)


def _finish(diags: Diagnostics, fmt: str, strict: bool, ok_message: str) -> None:
    diags.print(sys.stdout, fmt)
    failed = diags.has_errors(strict)
    if fmt == "text":
        summary = diags.summary()
        _err.print(f"[red]✗[/red] {summary}" if failed else f"[green]✓[/green] {ok_message} ({summary})")
    sys.exit(1 if failed else 0)


def _guarded(diags: Diagnostics, action: Callable[[], object]) -> object:
    try:
        return action()
    except Exception as exc:  # The promise is: never a traceback, even for our own bugs.
        # Only the exception's type: its text is Python's wording and may quote content verbatim.
        diags.error("internal-error", f"internal error ({type(exc).__name__}), please report it with the command "
                    "you ran", Location("content", 1, 1))
        return None


def _stage(status: str, action: Callable[[Diagnostics], object], fmt: str, strict: bool, ok_message: str) -> None:
    """Run a long step behind a progress spinner, then print every problem and exit."""
    diags = Diagnostics()
    with _err.status(status):
        _guarded(diags, lambda: action(diags))
    _finish(diags, fmt, strict, ok_message)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factcheck-archive")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".",
              help="Project root (holds content/ and mkdocs.yml).")
@click.pass_context
def cli(ctx: click.Context, root: Path) -> None:
    """Build and check the fact-check archive."""
    ctx.obj = root.resolve()


@cli.command()
@click.option("--format", "fmt", type=FORMATS, default="text", help="github: workflow annotations.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.pass_obj
def check(root: Path, fmt: str, strict: bool) -> None:
    """Validate all of content/ and print every problem."""
    from generator.pipeline import load_archive

    diags = Diagnostics()
    _guarded(diags, lambda: load_archive(root, diags))
    _finish(diags, fmt, strict, "content is valid")


@cli.command()
@click.option("--format", "fmt", type=FORMATS, default="text")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.pass_obj
def generate(root: Path, fmt: str, strict: bool) -> None:
    """Check content/ and write the Markdown tree to build/docs/."""
    from generator.build import generate as run_generate

    _stage("generating pages…", lambda diags: run_generate(root, diags, strict), fmt, strict,
           "pages generated in build/docs/")


@cli.command()
@click.option("--format", "fmt", type=FORMATS, default="text")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.pass_obj
def build(root: Path, fmt: str, strict: bool) -> None:
    """Check, generate and build site/ with mkdocs --strict; site/ is replaced only on success."""
    from generator.build import build as run_build

    _stage("checking, generating and building the site…", lambda diags: run_build(root, diags, strict), fmt,
           strict, "site built in site/")


@cli.command()
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True)
@click.pass_obj
def serve(root: Path, dev_addr: str) -> None:
    """Generate, then serve with live reload, regenerating when content/ changes."""
    from generator.serve import serve as run_serve

    sys.exit(run_serve(root, dev_addr))


@cli.group()
def new() -> None:
    """Write templates for new content."""


@new.command("verdict")
@click.option("--article", "article_id", required=True, help="Id of the article the claim appeared in.")
@click.option("--quote", default=None, help="The claim's words, exactly as in the article.")
@click.pass_obj
def new_verdict(root: Path, article_id: str, quote: str | None) -> None:
    """Write content/verdicts/<slug>.yaml to fill in; never overwrites."""
    from generator.pipeline import write_verdict_template

    diags = Diagnostics()
    written = _guarded(diags, lambda: write_verdict_template(root, article_id, quote, dt.date.today(), diags))
    if written:
        _err.print(f"wrote {written}")
    _finish(diags, "text", False, "template written")


@cli.command("schema")
def schema_cmd() -> None:
    """Print the verdict JSON Schema (what schema/verdict.schema.json holds)."""
    import json

    from generator.schema import export_json_schema

    click.echo(json.dumps(export_json_schema(), indent=2, sort_keys=True, ensure_ascii=False))


def main() -> None:
    cli()
