"""Command line (SPEC §5): thin wrappers over the library; the only place exit codes live.

Exit status: 0 all inputs done; 1 some inputs failed (each named on standard error, the
others still written); 2 bad usage.
"""

import datetime as dt
import json
import os
import re
import signal
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

# Only light modules here: `coopextract --help` and `--version` must not load spaCy, so the
# commands import the pipeline, records and review code when they run.
from coopextract.errors import CoopExtractError, OutputError, WriteError
from coopextract.run.resume import AtomicOutput, Terminated
from coopextract.run.startup import defer_spacy_cli, import_pipeline, one_blas_thread

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Extract library cooperation events from reports, chapters and news pages.")


class Level(str, Enum):
    paragraph = "paragraph"
    event = "event"


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _check_ref_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        if not _ISO_DAY.fullmatch(value):   # Python 3.11 also takes "20200101" and "2020-W01-1"
            raise ValueError(value)
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


_MODEL_HELP = ("An installed spaCy pipeline (name or path, e.g. en_core_web_sm) whose NER the rules take "
               "as evidence for people; default: none, rules only.")


def _use_model(model: Optional[str]) -> None:
    """Check that ``--model`` loads (exit 2 with one line if not) and make it every worker's."""
    if not model:
        return
    from coopextract.pipeline.build import get_pipeline

    try:
        get_pipeline(model=model)
    except CoopExtractError as exc:
        _err(str(exc))
        raise typer.Exit(2)
    os.environ["COOPEXTRACT_MODEL"] = model


def _err(message: str) -> None:
    sys.stderr.write(message.rstrip("\n").replace("\n", " ") + "\n")


class _Output(AtomicOutput):
    """The one atomic writer (``resume.py``), with a bad ``-o`` reported as bad usage."""

    def __enter__(self):
        try:
            return super().__enter__()
        except OutputError as exc:
            raise typer.BadParameter(str(exc), param_hint="-o") from None


def _cannot_write(output: Optional[str], exc: OSError) -> str:
    return str(WriteError(output or "standard output", exc.strerror or str(exc)))


def _refuse_output_among_inputs(output: str, inputs: List[str]) -> None:
    """``-o`` naming one of the inputs would replace it with its own records: bad usage."""
    from coopextract.read import expand_inputs, is_url

    if not os.path.isfile(output):
        return
    for item in expand_inputs(inputs):
        if item == "-" or is_url(item):
            continue
        try:
            same = os.path.samefile(item, output)
        except OSError:
            continue
        if same:
            raise typer.BadParameter(f"{output} is also an input: it would be overwritten by its own records",
                                     param_hint="-o")


def _on_sigterm(signum, frame):
    raise Terminated()


def _print_version(value: bool) -> None:
    if value:
        from coopextract import __version__

        sys.stdout.write(f"coopextract {__version__}\n")
        raise typer.Exit()


@app.callback()
def _options(version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                          help="Print the version and exit.")):
    pass


@app.command()
def extract(
    inputs: List[str] = typer.Argument(..., help="Files (.txt .md .pdf .html .htm), directories, or - for standard input."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Output JSONL file (default: standard output)."),
    level: Level = typer.Option(Level.paragraph, "--level", help="One record per paragraph, or one per event."),
    ref_date: Optional[str] = typer.Option(None, "--ref-date", callback=_check_ref_date,
                                           help="YYYY-MM-DD that 'today', 'this year', 'yesterday' refer to."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes."),
    resume: bool = typer.Option(False, "--resume",
                                help="Reuse the records of inputs unchanged since the last run into -o "
                                     "(or its interrupted .partial); extract only the rest."),
    model: Optional[str] = typer.Option(None, "--model", help=_MODEL_HELP),
):
    """Extract records from INPUT... as JSONL."""
    import_pipeline()
    from coopextract.run import resume as manifests
    from coopextract.run.batch import run_batch

    to_file = output not in (None, "-")
    if resume and not to_file:
        raise typer.BadParameter("--resume needs -o OUT.jsonl (the records to reuse are read from it)",
                                 param_hint="--resume")
    if to_file:
        _refuse_output_among_inputs(output, inputs)
    _use_model(model)
    run_settings = manifests.settings(level.value, ref_date, model)
    reuse = {}
    if resume:
        try:
            reuse = manifests.previous_records(output, run_settings)
        except CoopExtractError as exc:
            _err(str(exc))
            raise typer.Exit(2)
    finished: dict = {}
    previous_handler = signal.signal(signal.SIGTERM, _on_sigterm)
    sink = _Output(output, keep_partial=to_file)
    try:
        with _exit_on_write_error(output):
            with sink as out:
                failed, done = run_batch(inputs, out, level=level.value, ref_date=ref_date, jobs=jobs,
                                         on_error=_err, progress=sys.stderr.isatty(), reuse=reuse, done=finished)
            if to_file and not sink.direct:  # after the rename: a stale manifest only costs re-extraction
                manifests.write_manifest(output, run_settings, finished)
    except (KeyboardInterrupt, Terminated) as exc:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second signal must not cut the clean-up
        what = "terminated" if isinstance(exc, Terminated) else "interrupted"
        if sink.partial and not finished:
            os.unlink(sink.partial)
            sink.partial = None
        if sink.partial:
            manifests.write_manifest(sink.partial, run_settings, finished)
            _err(f"coopextract: {what} after {len(finished)} input(s); {output} not written; "
                 f"their records are in {sink.partial}: rerun with --resume to continue")
        else:
            _err(f"coopextract: {what} after {len(finished)} input(s); no output file written")
        raise typer.Exit(130 if what == "interrupted" else 143)
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
    if to_file and not sink.direct:
        manifests.remove_partial(output)
    if failed:
        _err(f"coopextract: {failed} of {failed + done} inputs failed")
        raise typer.Exit(1)


@app.command()
def schema(level: Level = typer.Option(Level.paragraph, "--level", help="Schema of paragraph or event records.")):
    """Print the JSON Schema of the records."""
    from coopextract.records import json_schema

    sys.stdout.write(json.dumps(json_schema(level.value), indent=2, ensure_ascii=False) + "\n")


@app.command()
def evaluate(
    gold: Path = typer.Option(Path("corpus/gold"), "--gold", help="Directory of gold JSON files."),
    raw: Path = typer.Option(Path("corpus/raw"), "--raw", help="Directory of the raw documents."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    errors: bool = typer.Option(False, "--errors", help="List every false positive and false negative."),
    model: Optional[str] = typer.Option(None, "--model", help=_MODEL_HELP),
):
    """Score the pipeline against the gold corpus: P/R/F1 per field."""
    from coopextract.review.evaluate import run_evaluate

    _use_model(model)
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
    model: Optional[str] = typer.Option(None, "--model", help=_MODEL_HELP),
):
    """Write a self-contained HTML review page of what was extracted."""
    from coopextract.review.render import render_report

    _use_model(model)
    with _exit_on_write_error(output), _Output(output) as out:
        failed = render_report(inputs, out, gold=gold, ref_date=ref_date, on_error=_err)
    if failed:
        raise typer.Exit(1)


class ExportFormat(str, Enum):
    csv = "csv"
    sqlite = "sqlite"
    graphml = "graphml"
    jsonld = "jsonld"
    jsonl = "jsonl"


@app.command()
def export(
    inputs: List[str] = typer.Argument(..., help="JSONL records written by extract (paragraph or event level), or -."),
    to: ExportFormat = typer.Option(..., "--to", help="csv (one row per event), sqlite (tables and links), "
                                                      "graphml (network), jsonld (schema.org), jsonl (records with entity ids)."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Output file (default: standard output; sqlite needs one)."),
    bom: bool = typer.Option(False, "--bom", help="csv: start with a UTF-8 byte order mark, for spreadsheets."),
):
    """Export records for other systems, with one entity id per institution, person and place across documents."""
    from coopextract.review.export import export as write_export, read_corpus

    if to is ExportFormat.sqlite and output in (None, "-"):
        raise typer.BadParameter("sqlite needs -o FILE (a database cannot go to standard output)", param_hint="-o")
    corpus, failed = read_corpus(inputs, on_error=_err)
    with _exit_on_write_error(output):
        try:
            write_export(corpus, to.value, output, bom=bom)
        except OutputError as exc:
            raise typer.BadParameter(str(exc), param_hint="-o") from None
    if failed:
        _err(f"coopextract: {failed} of {len(inputs)} inputs failed")
        raise typer.Exit(1)


@contextmanager
def _exit_on_write_error(output):
    """An output that cannot be written: one line naming it, exit 1 (the old file is kept)."""
    try:
        yield
    except WriteError as exc:
        _err(str(exc))
        raise typer.Exit(1)
    except OSError as exc:
        _err(_cannot_write(output, exc))
        raise typer.Exit(1)


def _utf8_stdout() -> None:
    """Records are UTF-8 (SPEC §2) whatever the locale says (``PYTHONIOENCODING=ascii``, a C
    locale on an old system): standard output is switched to UTF-8 before anything is written."""
    stream = sys.stdout
    if stream is None or (getattr(stream, "encoding", "") or "").lower().replace("-", "") == "utf8":
        return
    try:
        stream.reconfigure(encoding="utf-8")
    except (AttributeError, ValueError, OSError):
        pass


def main() -> None:
    """The console script: never a traceback — an unexpected error is one line and status 1."""
    defer_spacy_cli()      # spaCy's own command line is not ours to load (startup.py)
    one_blas_thread()      # nor a BLAS thread per core (startup.py)
    _utf8_stdout()
    try:
        app()
    except BrokenPipeError:  # e.g. `coopextract extract ... | head`: the reader left; not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:
        detail = " ".join(str(exc).split())[:200]
        _err(f"coopextract: internal error, please report it ({type(exc).__name__}: {detail})")
        sys.exit(1)


if __name__ == "__main__":
    main()
