"""Manifests beside output files, so ``extract --resume`` re-extracts only what changed.

``OUT.jsonl`` is always written whole (temporary file, then rename: :class:`AtomicOutput`,
the one writer of every file coopextract makes). Beside it,
``OUT.jsonl.manifest.json`` lists every input whose records the file holds, with the SHA-256
of the bytes that were read and extracted, how many records it has and the SHA-256 of their
lines, and the settings of the run::

    {"coopextract": "0.1.0", "level": "paragraph", "ref_date": null, "schema": "5c2e…",
     "inputs": {"corpus/raw/a.txt": {"sha256": "3b0c…", "records": 12, "digest": "9f1e…"}, ...}}

An interrupted run (Ctrl-C, SIGTERM) never leaves a half ``OUT.jsonl``: the records of the
inputs it finished go to ``OUT.jsonl.partial`` with their own manifest. ``--resume`` takes
the records of every input listed in either manifest whose bytes are unchanged (same hash,
same settings) and whose records the file still holds whole (same count, same digest), and
extracts all the others; the result is again written whole. Records are told apart by
``source.path``, which every record carries. An output that is not a regular file (``-o
/dev/null``, a named pipe) is written straight into, with no manifest.
"""

import hashlib
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Optional

from coopextract.errors import CoopExtractError, OutputError, WriteError

MANIFEST_SUFFIX = ".manifest.json"
PARTIAL_SUFFIX = ".partial"
_HASH_BLOCK = 1 << 20


class ResumeError(CoopExtractError):
    """A manifest or the output it describes cannot be used."""


def file_sha256(path: str) -> str:
    """SHA-256 of a regular file's bytes (anything else is an ``OSError``: never a FIFO's wait)."""
    digest = hashlib.sha256()
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError(f"{path}: not a regular file")
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(_HASH_BLOCK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def entry(sha256: Optional[str], text) -> dict:
    """An input's manifest entry: the hash of its bytes, and the count and digest of its records
    (``text``: its JSON lines, as one string or as the pieces it was written in)."""
    records, digest = 0, hashlib.sha256()
    for chunk in (text,) if isinstance(text, str) else text:
        records += chunk.count("\n")
        digest.update(chunk.encode("utf-8"))
    return {"sha256": sha256, "records": records, "digest": digest.hexdigest()}


def is_regular_target(target: Optional[str]) -> bool:
    """Whether ``-o target`` is (or will be) a regular file: not stdout, a device or a pipe."""
    if target in (None, "-"):
        return False
    try:
        return stat.S_ISREG(os.stat(target).st_mode)
    except FileNotFoundError:
        return True
    except OSError:
        return True    # reported when it is opened

def manifest_path(output: str) -> str:
    return output + MANIFEST_SUFFIX


def partial_path(output: str) -> str:
    return output + PARTIAL_SUFFIX


def settings(level: str, ref_date: Optional[str], model: Optional[str] = None) -> dict:
    """What records depend on besides the input: a record kept from a run with other settings,
    or with other record fields (``schema``: a digest of their JSON Schema), is made again."""
    from coopextract import __version__
    from coopextract.records import json_schema

    schema = hashlib.sha256(json.dumps(json_schema(level), sort_keys=True).encode()).hexdigest()[:16]
    found = {"coopextract": __version__, "level": level, "ref_date": ref_date, "schema": schema}
    if model:       # records made with a statistical model are not those made without one
        found["model"] = model
    return found


class Terminated(BaseException):
    """SIGTERM, turned into an exception (by the command line) so the output is cleaned up
    like on Ctrl-C."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class AtomicOutput:
    """Write to a temporary file beside the target and rename it into place on success,
    so a reader never sees half a file. On failure the temporary is removed; on an
    interruption (Ctrl-C, :class:`Terminated`) with ``keep_partial`` it becomes
    ``TARGET.partial``, which ``--resume`` reads. A target of ``None`` or ``-`` is standard
    output, written as it comes; so is a target that is not a regular file (``/dev/null``, a
    named pipe: :attr:`direct`), which is opened and written into, never replaced.

    A failure to open, write or close the output is a :class:`~coopextract.errors.WriteError`
    (``PATH: cannot write (reason)``) and leaves any previous file as it was."""

    def __init__(self, target: Optional[str], keep_partial: bool = False):
        self.target = target
        self.keep_partial = keep_partial
        self.handle = None
        self.tmp = None
        self.partial = None
        self.direct = False

    def _cannot_write(self, error: OSError) -> WriteError:
        return WriteError(self.target or "standard output", error.strerror or str(error))

    def __enter__(self):
        if self.target in (None, "-"):
            self.handle = sys.stdout
        elif not is_regular_target(self.target):
            if Path(self.target).is_dir():
                raise OutputError(f"{self.target} is a directory, not an output file")
            self.direct = True     # a device or a pipe: written into as it comes; no rename, no manifest
            try:
                self.handle = open(self.target, "w", encoding="utf-8", newline="\n")
            except OSError as error:
                raise self._cannot_write(error) from None
        else:
            directory = Path(self.target).resolve().parent
            if not directory.is_dir():
                raise OutputError(f"output directory {directory} does not exist")
            try:
                fd, self.tmp = tempfile.mkstemp(prefix=".coopextract-", suffix=".part", dir=directory)
            except OSError as error:   # a read-only folder, a full disk
                raise self._cannot_write(error) from None
            os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; the output gets the usual mode
            self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self.handle

    def __exit__(self, exc_type, exc, tb):
        if self.tmp is None:
            try:
                if self.direct:
                    self.handle.close()
                else:
                    self.handle.flush()
            except (OSError, ValueError) as error:
                if exc_type is None and isinstance(error, OSError):
                    raise self._cannot_write(error) from None
            return False
        close_error = None
        try:
            self.handle.close()
        except OSError as error:  # e.g. disk full on the last flush: the file is incomplete
            close_error = error
        if exc_type is None and close_error is None:
            try:
                os.replace(self.tmp, self.target)
            except OSError as error:
                os.unlink(self.tmp)
                raise self._cannot_write(error) from None
        elif (self.keep_partial and close_error is None
              and issubclass(exc_type, (KeyboardInterrupt, Terminated))):  # a partial whose end was lost is no use
            self.partial = partial_path(self.target)
            os.replace(self.tmp, self.partial)
        else:
            os.unlink(self.tmp)
        if close_error is not None and exc_type is None:
            raise self._cannot_write(close_error) from None
        return False


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` to the file ``path`` whole or not at all (:class:`AtomicOutput`)."""
    with AtomicOutput(path) as handle:
        handle.write(text)


def write_manifest(output: str, run_settings: dict, inputs: dict[str, dict]) -> None:
    """``output``'s manifest: ``inputs`` maps each input to its :func:`entry`."""
    body = dict(run_settings, inputs=dict(sorted(inputs.items())))
    write_atomic(manifest_path(output), json.dumps(body, ensure_ascii=False, indent=1) + "\n")


def _records_by_path(output: str) -> dict[str, list[str]]:
    lines: dict[str, list[str]] = {}
    with open(output, encoding="utf-8") as handle:
        for n, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                path = json.loads(line)["source"]["path"]
            except (ValueError, KeyError, TypeError):
                raise ResumeError(f"{output}:{n}: not a coopextract record; cannot resume from it") from None
            lines.setdefault(path, []).append(line if line.endswith("\n") else line + "\n")
    return lines


def _whole(text: str, listed) -> bool:
    """Whether ``text`` is every record a manifest entry lists (count and digest), not less."""
    return (isinstance(listed, dict) and isinstance(listed.get("sha256"), str)
            and entry(listed["sha256"], text) == listed)


def previous_records(output: str, run_settings: dict) -> dict[str, tuple[str, str]]:
    """{input path: (sha256, its JSONL text)} from ``output`` and ``output.partial``, for
    inputs their manifests list under the same settings and whose records the file holds
    whole. Missing files give nothing; an input whose records are not all there is left out
    (and so extracted again)."""
    found: dict[str, tuple[str, str]] = {}
    for candidate in (partial_path(output), output):  # a .partial is always the newer of the two
        manifest_file = manifest_path(candidate)
        if not (os.path.exists(candidate) and os.path.exists(manifest_file)):
            continue
        try:
            with open(manifest_file, encoding="utf-8") as handle:
                manifest = json.load(handle)
            inputs = manifest.pop("inputs")
        except (OSError, ValueError, KeyError, AttributeError, TypeError):
            raise ResumeError(f"{manifest_file}: unreadable manifest; delete it to start afresh") from None
        if manifest != run_settings or not isinstance(inputs, dict):
            continue
        records = _records_by_path(candidate)
        for path, listed in inputs.items():
            text = "".join(records.get(path, []))
            if path not in found and _whole(text, listed):
                found[path] = (listed["sha256"], text)
    return found


def remove_partial(output: str) -> None:
    for path in (partial_path(output), manifest_path(partial_path(output))):
        if os.path.exists(path):
            os.unlink(path)
