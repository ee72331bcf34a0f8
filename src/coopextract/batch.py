"""Run extraction over many inputs: in order, optionally in worker processes, streaming.

Each input becomes its JSONL lines or an error line; one bad input never stops the others.
Output order is the sorted order of the inputs, whatever ``jobs`` is, so the same inputs
always give byte-identical output.
"""

from typing import Callable, Iterable, Optional, TextIO

from .errors import CoopExtractError
from .readers import SourceText, expand_inputs, read


def _ordered_inputs(inputs: Iterable[str]) -> list[str]:
    paths = sorted(set(p for p in expand_inputs(inputs) if p != "-"))
    return (["-"] if "-" in inputs else []) + paths


def process(item, level: str = "paragraph", ref_date: Optional[str] = None) -> tuple[str, Optional[str], str]:
    """(name, error or None, JSONL text) for one input path or an already read SourceText."""
    from .extract import extract_source
    from .records import to_json_line

    name = item.path if isinstance(item, SourceText) else item
    try:
        source = item if isinstance(item, SourceText) else read(item)
        paragraphs = extract_source(source, ref_date=ref_date)
    except CoopExtractError as exc:
        return name, str(exc), ""
    except RecursionError:
        return name, f"{name}: too deeply nested to process", ""
    if level == "event":
        lines = [to_json_line(e) for p in paragraphs for e in p.events]
    else:
        lines = [to_json_line(p) for p in paragraphs]
    return name, None, "".join(lines)


def _process_star(args):
    return process(*args)


def run_batch(inputs, out: TextIO, *, level: str = "paragraph", ref_date: Optional[str] = None,
              jobs: int = 1, on_error: Callable[[str], None] = print, progress: bool = False) -> tuple[int, int]:
    """Write the records of every input to ``out``; return (failed, done) counts."""
    items = _ordered_inputs(list(inputs))
    work = []
    for item in items:
        if item == "-":  # standard input is read here: workers cannot see it
            try:
                work.append(read("-"))
            except CoopExtractError as exc:
                on_error(str(exc))
                continue
        else:
            work.append(item)
    failed = len(items) - len(work)
    done = 0
    args = [(w, level, ref_date) for w in work]
    if jobs > 1 and len(args) > 1:
        import multiprocessing as mp

        ctx = mp.get_context("fork")
        with ctx.Pool(min(jobs, len(args)), initializer=_warm) as pool:
            results = pool.imap(_process_star, args, chunksize=1)
            failed, done = _drain(results, out, on_error, progress, len(args), failed)
    else:
        failed, done = _drain(map(_process_star, args), out, on_error, progress, len(args), failed)
    return failed, done


def _warm():
    from .pipeline import get_pipeline

    get_pipeline()


def _drain(results, out, on_error, progress, total, failed):
    done = 0
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=total, unit="doc", file=__import__("sys").stderr)
    for name, error, text in results:
        if error:
            on_error(error)
            failed += 1
        else:
            out.write(text)
            done += 1
        if bar:
            bar.update(1)
    if bar:
        bar.close()
    return failed, done
