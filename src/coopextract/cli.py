"""Command line (SPEC §5): thin wrappers over the library; the only place exit codes live.

Exit status: 0 all inputs done; 1 some inputs failed (each named on standard error, the
others still written); 2 bad usage.
"""

import datetime as dt
import json
import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .errors import CoopExtractError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Extract library cooperation events from reports, chapters and news pages.")


class Level(str, Enum):
    paragraph = "paragraph"
    event = "event"


def _check_ref_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _err(message: str) -> None:
    sys.stderr.write(message.rstrip("\n").replace("\n", " ") + "\n")


class AtomicOutput:
    """Write to a temporary file beside the target and rename it into place on success,
    so a reader never sees half a file; on failure or interruption the temporary is removed."""

    def __init__(self, target: Optional[str]):
        self.target = target
        self.handle = None
        self.tmp = None

    def __enter__(self):
        if self.target in (None, "-"):
            self.handle = sys.stdout
        else:
            directory = Path(self.target).resolve().parent
            if not directory.is_dir():
                raise typer.BadParameter(f"output directory {directory} does not exist", param_hint="-o")
            fd, self.tmp = tempfile.mkstemp(prefix=".coopextract-", suffix=".part", dir=directory)
            self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self.handle

    def __exit__(self, exc_type, exc, tb):
        if self.tmp is None:
            self.handle.flush()
            return False
        self.handle.close()
        if exc_type is None:
            os.replace(self.tmp, self.target)
        else:
            os.unlink(self.tmp)
        return False


@app.command()
def extract(
    inputs: List[str] = typer.Argument(..., help="Files (.txt .md .pdf .html .htm), directories, or - for standard input."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Output JSONL file (default: standard output)."),
    level: Level = typer.Option(Level.paragraph, "--level", help="One record per paragraph, or one per event."),
    ref_date: Optional[str] = typer.Option(None, "--ref-date", callback=_check_ref_date,
                                           help="YYYY-MM-DD that 'today', 'this year', 'yesterday' refer to."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes."),
):
    """Extract records from INPUT... as JSONL."""
    from .batch import run_batch

    try:
        with AtomicOutput(output) as out:
            failed, done = run_batch(inputs, out, level=level.value, ref_date=ref_date, jobs=jobs,
                                     on_error=_err, progress=sys.stderr.isatty())
    except KeyboardInterrupt:
        _err("coopextract: interrupted; no output file written")
        raise typer.Exit(130)
    if failed:
        _err(f"coopextract: {failed} of {failed + done} inputs failed")
        raise typer.Exit(1)


@app.command()
def schema(level: Level = typer.Option(Level.paragraph, "--level", help="Schema of paragraph or event records.")):
    """Print the JSON Schema of the records."""
    from .records import json_schema

    sys.stdout.write(json.dumps(json_schema(level.value), indent=2, ensure_ascii=False) + "\n")


@app.command()
def evaluate(
    gold: Path = typer.Option(Path("corpus/gold"), "--gold", help="Directory of gold JSON files."),
    raw: Path = typer.Option(Path("corpus/raw"), "--raw", help="Directory of the raw documents."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    errors: bool = typer.Option(False, "--errors", help="List every false positive and false negative."),
):
    """Score the pipeline against the gold corpus: P/R/F1 per field."""
    from .evaluate import run_evaluate

    try:
        sys.stdout.write(run_evaluate(gold, raw, as_json=as_json, show_errors=errors))
    except CoopExtractError as exc:
        _err(str(exc))
        raise typer.Exit(2)


@app.command()
def render(
    inputs: List[str] = typer.Argument(..., help="Files or directories to render."),
    output: str = typer.Option(..., "-o", "--output", help="The HTML report to write."),
    gold: Optional[Path] = typer.Option(None, "--gold", help="Gold directory: mark missed and spurious items."),
    ref_date: Optional[str] = typer.Option(None, "--ref-date", callback=_check_ref_date),
):
    """Write a self-contained HTML review page of what was extracted."""
    from .render import render_report

    with AtomicOutput(output) as out:
        failed = render_report(inputs, out, gold=gold, ref_date=ref_date, on_error=_err)
    if failed:
        raise typer.Exit(1)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
