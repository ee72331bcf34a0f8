"""Run extraction over many inputs: in order, optionally in worker processes, streaming.

Each input becomes its JSONL lines or an error line; one bad input never stops the others.
Output order is the sorted order of the inputs, whatever ``jobs`` is, so the same inputs
always give byte-identical output.
"""

import os
import posixpath
import signal
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from typing import Callable, Iterable, Optional, TextIO

from coopextract.errors import CoopExtractError, display_path
from coopextract.read import SourceText, expand_inputs, read

# An input's JSON lines are kept in memory up to this many characters, then go on in a
# temporary file until the input is done (a 1M-word report writes ~50 MB of them): one huge
# document's records need not fit in memory, and still reach the output whole or not at all.
SPOOL_CHARS = 4_000_000
# How much of a spooled file is copied at a time.
_COPY_CHARS = 1 << 20


class Spooled:
    """An input's JSON lines in a temporary file (``path``): what :func:`process` gives, with
    ``spool=True``, for an input whose lines outgrew ``SPOOL_CHARS``. A path, so it also
    comes back from a worker process; whoever takes it reads it with :meth:`chunks` and then
    calls :meth:`remove`."""

    def __init__(self, path: str):
        self.path = path

    def chunks(self) -> Iterable[str]:
        with open(self.path, encoding="utf-8", newline="") as f:
            while chunk := f.read(_COPY_CHARS):
                yield chunk

    def remove(self) -> None:
        try:
            os.unlink(self.path)
        except OSError:
            pass


class _Lines:
    """JSON lines collected for one input: in memory, then in a temporary file past ``limit``
    characters (when a limit is given)."""

    def __init__(self, limit: Optional[int]):
        self.parts: list[str] = []
        self.size = 0
        self.limit = limit
        self.file = None

    def add(self, line: str) -> None:
        if self.file is not None:
            self.file.write(line)
            return
        self.parts.append(line)
        self.size += len(line)
        if self.limit is not None and self.size > self.limit:
            self.file = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", prefix="coopextract-",
                                                    suffix=".jsonl", delete=False)
            self.file.writelines(self.parts)
            self.parts = []

    def result(self):
        if self.file is None:
            return "".join(self.parts)
        self.file.close()
        return Spooled(self.file.name)

    def discard(self) -> None:
        if self.file is not None:
            self.file.close()
            Spooled(self.file.name).remove()


def chunks_of(text) -> Iterable[str]:
    """The JSON lines :func:`process` gave (a string or a :class:`Spooled` file), in pieces."""
    return text.chunks() if isinstance(text, Spooled) else (text,)


def _ordered_inputs(inputs: Iterable[str]) -> list[str]:
    paths = sorted(set(p for p in expand_inputs(inputs) if p != "-"))
    return (["-"] if "-" in inputs else []) + paths


def unique_doc_ids(items: Iterable[str]) -> tuple[dict, list]:
    """SPEC §2 (1.1): ``{input: doc_id}`` for the inputs whose file names (without extension)
    collide, and the colliding groups to warn about. Each colliding input gets its path
    relative to the group's common folder, without extension (``a/report``, ``b/report``);
    where that still collides (``report.txt`` and ``report.md`` in one folder), with it."""
    by_stem = defaultdict(list)
    for item in items:
        if item != "-":
            by_stem[SourceText(path=item, text="").doc_id].append(item)
    ids, groups = {}, []
    for stem, group in by_stem.items():
        if len(group) < 2:
            continue
        groups.append(group)
        paths = [_posix(item) for item in group]
        common = posixpath.commonpath([posixpath.dirname(p) for p in paths]) if all(
            p.startswith("/") for p in paths) or not any(p.startswith("/") for p in paths) else ""
        relative = [posixpath.relpath(p, common) if common else p for p in paths]
        stems = [posixpath.splitext(r)[0] for r in relative]
        for item, rel, short in zip(group, relative, stems):
            ids[item] = short if stems.count(short) == 1 else rel
    return ids, groups


def _posix(item: str) -> str:
    """A file path, or an address without its scheme (``https://x.org/a.html`` → ``x.org/a.html``)."""
    if "://" in item:
        return item.split("://", 1)[1].split("?", 1)[0].rstrip("/") or item
    return posixpath.normpath(item.replace("\\", "/"))


def process(item, level: str = "paragraph", ref_date: Optional[str] = None,
            stats: Optional[dict] = None, doc_id: Optional[str] = None, spool: bool = False):
    """(name, error or None, JSONL text) for one input path or an already read SourceText.
    ``stats`` (if given) receives ``words``: the input's word count, for progress;
    ``sha256``: the hash of the bytes read; ``warnings``: one-line warnings about its content.
    ``doc_id`` (if given) names the document in its records instead of its file name. With
    ``spool``, lines past ``SPOOL_CHARS`` go to a temporary file and the text is a
    :class:`Spooled` file (read it with :func:`chunks_of`)."""
    from coopextract.extract import iter_paragraphs
    from coopextract.records import to_json_line

    name = item.path if isinstance(item, SourceText) else display_path(item)
    lines = _Lines(SPOOL_CHARS if spool else None)   # serialised here: a record that cannot be written costs this input only
    try:
        source = item if isinstance(item, SourceText) else read(item)
        if doc_id:
            source = replace(source, name=display_path(doc_id))
        if stats is not None:
            stats["words"] = len(source.text.split())
            stats["sha256"] = source.sha256
            stats["warnings"] = _warning_lines(source.path, source.warnings)
        first = True
        for paragraph in iter_paragraphs(source, ref_date=ref_date):     # a window's records at a time
            if first and stats is not None:      # the reader's and the pipeline's, as every record has them
                stats["warnings"] = _warning_lines(source.path, paragraph.warnings)
                first = False
            if level == "event":
                for event in paragraph.events:
                    lines.add(to_json_line(event))
            else:
                lines.add(to_json_line(paragraph))
    except BaseException as exc:
        lines.discard()
        if not isinstance(exc, Exception):       # Ctrl-C, SystemExit: not this input's fault
            raise
        return name, _failure(name, exc), ""
    return name, None, lines.result()


def _failure(name: str, exc: Exception) -> str:
    """The one-line error of an input whose processing raised ``exc``: a bug costs one input,
    never the batch, and never shows a traceback."""
    if isinstance(exc, CoopExtractError):
        return str(exc)
    if isinstance(exc, RecursionError):
        return f"{name}: too deeply nested to process"
    if isinstance(exc, MemoryError):
        return f"{name}: out of memory while processing"
    detail = " ".join(str(exc).split())[:200]
    return f"{name}: internal error, please report it ({type(exc).__name__}: {detail})"


def _warning_lines(path: str, warnings) -> list[str]:
    """One line for standard error per warning: ``PATH: warning: message``."""
    return [f"{path}: warning: {w.message}" for w in warnings]


def _process_star(args):
    """process() plus the input's word count (for the progress bar's words/s)."""
    stats: dict = {}
    item, level, ref_date, doc_id = args
    return (*process(item, level, ref_date, stats=stats, doc_id=doc_id, spool=True), stats)


def run_batch(inputs, out: TextIO, *, level: str = "paragraph", ref_date: Optional[str] = None,
              jobs: int = 1, on_error: Callable[[str], None] = print, progress: bool = False,
              reuse: Optional[dict] = None, done: Optional[dict] = None) -> tuple[int, int]:
    """Write the records of every input to ``out``; return (failed, done) counts.

    ``reuse`` maps an input path to (sha256, JSONL text) of an earlier run: an input whose
    bytes still have that hash is copied, not extracted. ``done`` (if given) receives
    {path: manifest entry} (:func:`coopextract.run.resume.entry`: the hash of the bytes read,
    the record count and digest) of each input as soon as its records are written — what an
    interrupted run has finished."""
    from coopextract.run.resume import file_sha256

    reuse = reuse or {}
    done = {} if done is None else done
    items = _ordered_inputs(list(inputs))
    doc_ids, collisions = unique_doc_ids(items)
    for group in collisions:
        on_error("warning: inputs share the document id " + repr(SourceText(path=group[0], text="").doc_id)
                 + "; their records use " + ", ".join(f"{doc_ids[i]!r} ({i})" for i in group))
    work = []
    failed = 0
    for item in items:
        if item == "-":  # standard input is read here: workers cannot see it
            try:
                work.append((read("-"), None, None))
            except CoopExtractError as exc:
                on_error(str(exc))
                failed += 1
            except (OSError, MemoryError) as exc:
                on_error(f"-: standard input cannot be read ({type(exc).__name__})")
                failed += 1
            continue
        key = display_path(item)
        try:
            sha = file_sha256(item) if key in reuse else None
        except OSError:
            sha = None  # reported by the reader, with its reason
        if sha is not None and reuse[key][0] == sha:
            work.append((item, sha, reuse[key][1]))
        else:
            work.append((item, None, None))
    todo = [(w, level, ref_date, None if isinstance(w, SourceText) else doc_ids.get(w))
            for w, sha, cached in work if cached is None]
    if jobs > 1 and len(todo) > 1:
        import multiprocessing as mp

        ctx = mp.get_context("fork")
        _preload()  # forked workers inherit the built pipeline instead of each building one
        with ctx.Pool(min(jobs, len(todo)), initializer=_warm) as pool:
            results = pool.imap(_process_star, todo, chunksize=1)
            failed, count = _drain(_merge(work, results), out, on_error, progress, len(work), failed, done)
    else:
        failed, count = _drain(_merge(work, map(_process_star, todo)), out, on_error, progress, len(work),
                               failed, done)
    return failed, count


def _merge(work, results):
    """Results in input order: cached texts where reused, fresh ones otherwise, each with the
    hash of the bytes its records were made from (None for standard input) and its warnings."""
    for item, sha, cached in work:
        if cached is not None:
            yield display_path(item), None, cached, sha, {}
            continue
        name, error, text, stats = next(results)
        sha = None if error or isinstance(item, SourceText) else stats.get("sha256")
        yield name, error, text, sha, stats


def _preload():
    from coopextract.pipeline.build import get_pipeline

    try:
        get_pipeline()
    except Exception:  # noqa: BLE001 — a broken models/ is reported per input by process()
        pass


def _warm():
    # Workers leave Ctrl-C and SIGTERM to the parent, which stops them and reports.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    from coopextract.pipeline.build import get_pipeline

    get_pipeline()


def _written(text, out: TextIO):
    """Write an input's JSON lines (a string or a :class:`Spooled` file, removed once read) to
    ``out``, giving each piece as it is written."""
    try:
        for chunk in chunks_of(text):
            out.write(chunk)
            yield chunk
    finally:
        if isinstance(text, Spooled):
            text.remove()


def _drain(results, out, on_error, progress, total, failed, finished):
    done = 0
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=total, unit="doc", file=__import__("sys").stderr)
        started = time.perf_counter()
    words_seen = 0
    from coopextract.run.resume import entry

    for name, error, text, sha, stats in results:
        stats = stats if isinstance(stats, dict) else {"words": stats}   # a bare word count
        for warning in stats.get("warnings", ()):
            on_error(warning)
        if error:
            on_error(error)
            failed += 1
        else:
            record = entry(sha, _written(text, out))     # its count and digest, read as it is written
            if sha is not None:
                finished[name] = record
            done += 1
        if bar:
            words_seen += stats.get("words", 0)
            elapsed = max(time.perf_counter() - started, 1e-9)
            bar.set_postfix_str(f"{words_seen / elapsed:,.0f} words/s", refresh=False)
            bar.update(1)
    if bar:
        bar.close()
    return failed, done
