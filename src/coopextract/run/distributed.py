"""Past one machine: the same extraction on a Dask cluster (optional extra ``coopextract[dask]``).

Files (or texts) in, JSONL parts out, in input order: concatenating ``part-00000.jsonl``,
``part-00001.jsonl``… gives byte for byte what ``coopextract extract`` writes for the same
inputs. Each task extracts one chunk of inputs with :func:`coopextract.run.batch.process`, the
function the command line runs; the pipeline is built once per worker process (it is cached
by :func:`coopextract.pipeline.build.get_pipeline`, and :func:`warm_workers` builds it on every
worker before the first task), so a task costs its documents only.

    from dask.distributed import Client
    from coopextract.run.distributed import extract_to_parts

    client = Client("tcp://scheduler:8786")          # or LocalCluster(...) on one machine
    result = extract_to_parts(["reports/"], "out/", client=client)
    print(result.parts, result.errors)

or from a shell: ``python -m coopextract.run.distributed INPUT... -o OUT_DIR [--scheduler ADDRESS]``.

Files are read by the workers, so every worker must see the input paths, and ``out_dir``
must be on storage every worker can write (a shared file system). Texts given as strings
(:func:`extract_texts`) travel with the tasks and their records come back to the caller,
so they need no shared storage.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Optional

from coopextract.run.batch import _ordered_inputs, process
from coopextract.errors import CoopExtractError
from coopextract.read import SourceText
from coopextract.run.resume import write_atomic

# Inputs per task and per part file: large enough that scheduling (~1 ms a task) is noise
# next to extraction (~50 ms for a one-page document), small enough that two workers share
# a few hundred documents evenly.
FILES_PER_PART = 16


class DaskUnavailable(CoopExtractError):
    """dask[distributed] is not installed."""


@dataclass
class PartsResult:
    """What :func:`extract_to_parts` wrote: the part files in order, the inputs that failed
    (one line each: path and reason) and how many inputs were done."""

    parts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    done: int = 0


def _dask():
    try:
        import dask
    except ImportError:
        raise DaskUnavailable("coopextract.run.distributed: dask is not installed; pip install 'coopextract[dask]'") from None
    return dask


def _warm() -> None:
    from coopextract.pipeline.build import get_pipeline

    get_pipeline()


def warm_workers(client) -> None:
    """Build the pipeline once in every worker process of ``client``'s cluster."""
    client.run(_warm)


def chunks(items: list, size: int) -> list[list]:
    """``items`` cut into consecutive lists of at most ``size`` (size ≥ 1)."""
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, not {size}")
    return [items[i:i + size] for i in range(0, len(items), size)]


def extract_chunk(items: list, level: str = "paragraph", ref_date: Optional[str] = None) -> tuple[str, list[str], int]:
    """(JSONL text, errors, inputs done) of a list of paths or SourceTexts, in order."""
    texts, errors, done = [], [], 0
    for item in items:
        _name, error, text = process(item, level, ref_date)
        if error:
            errors.append(error)
        else:
            texts.append(text)
            done += 1
    return "".join(texts), errors, done


def write_part(items: list, part_path: str, level: str = "paragraph",
               ref_date: Optional[str] = None) -> tuple[str, list[str], int]:
    """Extract ``items`` into ``part_path`` (written whole or not at all); (path, errors, done)."""
    text, errors, done = extract_chunk(items, level, ref_date)
    write_atomic(part_path, text)
    return part_path, errors, done


def _compute(tasks: list, client):
    dask = _dask()
    if client is not None:
        warm_workers(client)
        return dask.compute(*tasks, scheduler=client)
    return dask.compute(*tasks)  # the active distributed Client if there is one, else local threads


def extract_to_parts(inputs: Iterable[str], out_dir, client=None, *, level: str = "paragraph",
                     ref_date: Optional[str] = None, files_per_part: int = FILES_PER_PART) -> PartsResult:
    """Extract files and directories (walked and sorted as ``coopextract extract`` does) into
    ``out_dir/part-NNNNN.jsonl``, one part per ``files_per_part`` inputs, in input order."""
    dask = _dask()
    items = [item for item in _ordered_inputs(list(inputs)) if item != "-"]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tasks = [dask.delayed(write_part, pure=False)(chunk, str(out / f"part-{n:05d}.jsonl"), level, ref_date)
             for n, chunk in enumerate(chunks(items, files_per_part))]
    result = PartsResult()
    for part, errors, done in _compute(tasks, client):
        result.parts.append(part)
        result.errors += errors
        result.done += done
    return result


def extract_texts(texts: Mapping[str, str], client=None, *, level: str = "paragraph",
                  ref_date: Optional[str] = None, texts_per_task: int = FILES_PER_PART) -> tuple[list[str], list[str]]:
    """Records of texts given as strings ({doc_id: text}, in that order): (JSONL parts, errors).
    Each part is the JSONL text of one task's documents; joined in order they equal
    ``extract_text`` of each document one after the other."""
    from coopextract.read.text import normalise

    dask = _dask()
    sources = [SourceText(path=doc_id, text=normalise(text), name=doc_id) for doc_id, text in texts.items()]
    tasks = [dask.delayed(extract_chunk, pure=False)(chunk, level, ref_date)
             for chunk in chunks(sources, texts_per_task)]
    parts, errors = [], []
    for text, errs, _done in _compute(tasks, client):
        parts.append(text)
        errors += errs
    return parts, errors


def main(argv=None) -> int:
    """``python -m coopextract.run.distributed INPUT... -o OUT_DIR [--scheduler ADDRESS] [--workers N]``."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m coopextract.run.distributed",
                                     description="Extract records on a Dask cluster into JSONL parts.")
    parser.add_argument("inputs", nargs="+", help="files or directories (seen by every worker)")
    parser.add_argument("-o", "--out-dir", required=True, help="directory for part-NNNNN.jsonl")
    parser.add_argument("--scheduler", help="scheduler address (default: a LocalCluster on this machine)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="LocalCluster worker processes")
    parser.add_argument("--level", choices=("paragraph", "event"), default="paragraph")
    parser.add_argument("--ref-date", default=None)
    parser.add_argument("--files-per-part", type=int, default=FILES_PER_PART)
    args = parser.parse_args(argv)
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        print("coopextract.run.distributed: dask[distributed] is not installed; pip install 'coopextract[dask]'", file=sys.stderr)
        return 2
    cluster = None if args.scheduler else LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True)
    with Client(args.scheduler or cluster) as client:
        result = extract_to_parts(args.inputs, args.out_dir, client, level=args.level, ref_date=args.ref_date,
                                  files_per_part=args.files_per_part)
    if cluster is not None:
        cluster.close()
    for error in result.errors:
        print(error, file=sys.stderr)
    print(f"{result.done} input(s) done, {len(result.errors)} failed, {len(result.parts)} part(s) in {args.out_dir}",
          file=sys.stderr)
    return 1 if result.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
