"""Prebuilt tables (issue 20): what a component derives from its rule files at every start-up,
stored once in ``models/prebuilt/<name>.marshal`` by ``models/build_prebuilt.py`` and read
instead of derived again — when its key is that of the inputs in use.

The key is a hash of everything the derivation reads: the rule files' bytes, the source of the
modules that derive the table, the Python, :mod:`marshal` and spaCy versions, and what the
caller adds (a tokenizer's fingerprint). A table whose key differs — a rule file or one of
those modules edited since it was built, another spaCy — is not read: the component derives
its table from the files as always (slower, never different), and ``tests/test_prebuilt.py``
says which table to rebuild. A table holds plain data only (strings, numbers, tuples, lists,
dicts, sets: :mod:`marshal`), so reading one runs no code.
"""

import hashlib
import marshal
import re
import sys
import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

FOLDER = "prebuilt"
_MAGIC = b"coopextract prebuilt table 1\n"


def table_key(name: str, files: Iterable, modules: Iterable = (), extra: Iterable = ()) -> Optional[str]:
    """The key of table ``name`` derived from ``files`` (paths) by the code of ``modules``
    (module objects or paths of their source) with ``extra`` (strings); None when one of them
    cannot be read (the table is then derived, and a missing rule file named by its loader)."""
    from spacy.about import __version__ as spacy_version

    digest = hashlib.sha256()
    for part in (_MAGIC.decode(), name, f"{sys.version_info[:2]}", f"{marshal.version}", spacy_version, *extra):
        digest.update(str(part).encode("utf-8", "surrogatepass") + b"\0")
    try:
        for path in (*(getattr(m, "__file__", m) for m in modules), *files):
            path = Path(path)
            digest.update(path.name.encode("utf-8", "surrogatepass") + b"\0" + path.read_bytes() + b"\0")
    except (OSError, TypeError):
        return None
    return digest.hexdigest()


def table_path(folder, name: str) -> Path:
    return Path(folder) / FOLDER / f"{name}.marshal"


def read_table(folder, name: str, key: Optional[str]):
    """Table ``name`` of the rules folder ``folder`` when it was built with ``key``; else None."""
    if key is None:
        return None
    try:
        data = table_path(folder, name).read_bytes()
    except OSError:
        return None
    head = _MAGIC + key.encode("ascii") + b"\n"
    if not data.startswith(head):
        return None
    try:
        return marshal.loads(memoryview(data)[len(head):])
    except (EOFError, ValueError, TypeError):
        return None


def write_table(folder, name: str, key: str, value) -> Path:
    """Write table ``name`` (plain data) with its ``key`` into ``folder``; its path."""
    path = table_path(folder, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_MAGIC + key.encode("ascii") + b"\n" + marshal.dumps(value))
    return path


# ------------------------------------------------------------------ regular expressions

# The table of compiled regular expressions: {(pattern, flags): what ``_sre.compile`` takes}.
REGEX_TABLE = "regexes"
_recording: Optional[dict] = None
# stored_regexes() in effect: how many times entered, and re's own compile it stands in for
_stored_lock = threading.Lock()
_stored_depth = 0
_stored_original = None


def regex_key() -> str:
    """The key of the regex table: the compiled form of a pattern depends on the Python build
    and its regular-expression engine only (no spaCy import: used before it)."""
    import _sre

    digest = hashlib.sha256()
    for part in (_MAGIC.decode(), REGEX_TABLE, sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE,
                 marshal.version):
        digest.update(str(part).encode("utf-8") + b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _regex_table() -> dict:
    from coopextract.resources import _installed_models

    return read_table(_installed_models(), REGEX_TABLE, regex_key()) or {}


def _compiler():
    """``re``'s compiler module, when it is the one this works with (CPython 3.11+: ``re._compiler``
    whose ``compile`` ends in ``_sre.compile``); else None."""
    compiler = getattr(re, "_compiler", None)
    return compiler if compiler is not None and callable(getattr(compiler, "compile", None)) else None


@contextmanager
def stored_regexes():
    """Within, a regular expression the regex table holds (``models/prebuilt/regexes.marshal``,
    made for this very Python build) is made from its stored compiled code by ``_sre.compile``
    — the last step of ``re.compile`` — instead of parsed and compiled again: the same pattern
    object (equal to ``re.compile``'s, code included; ``tests/test_prebuilt.py``). Any other
    pattern is compiled as usual. Start-up compiled ~240 expressions (spaCy's tokenizer's
    affixes, the rules' word alternations) for ~0.08 CPU-s; made from the table, ~1 ms."""
    global _stored_depth, _stored_original
    import _sre

    compiler = _compiler()
    table = _regex_table() if compiler is not None and _recording is None else {}
    if not table:
        yield
        return

    def compile(p, flags=0):
        stored = table.get((p, flags)) if isinstance(p, (str, bytes)) and not flags & re.DEBUG else None
        if stored is None:
            return original(p, flags)
        final_flags, code, groups, groupindex, indexgroup = stored
        return _sre.compile(p, final_flags, code, groups, dict(groupindex), indexgroup)

    with _stored_lock:          # nested or in several threads: installed by the first, removed by the last
        if _stored_depth == 0:
            _stored_original, compiler.compile = compiler.compile, compile
        original = _stored_original
        _stored_depth += 1
    try:
        yield
    finally:
        with _stored_lock:
            _stored_depth -= 1
            if _stored_depth == 0:
                compiler.compile = _stored_original


@contextmanager
def recording_regexes():
    """Within, every pattern compiled is recorded (as the regex table holds it) in the dict
    given; the regex table is not read meanwhile. For ``models/build_prebuilt.py``."""
    global _recording
    from re import _parser

    compiler = _compiler()
    found: dict = {}
    if compiler is None:
        yield found
        return
    original = compiler.compile

    def compile(p, flags=0):
        if isinstance(p, (str, bytes)) and not flags & re.DEBUG:
            parsed = _parser.parse(p, flags)
            groupindex = dict(parsed.state.groupdict)
            indexgroup = [None] * parsed.state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            found[(p, int(flags))] = (int(flags | parsed.state.flags), [int(c) for c in compiler._code(parsed, flags)],
                                      parsed.state.groups - 1, groupindex, tuple(indexgroup))
        return original(p, flags)

    compiler.compile, _recording = compile, found
    try:
        yield found
    finally:
        compiler.compile, _recording = original, None


# What the console script compiles before its first page, and the foreign-date regexes it builds
# on a page's first foreign date, recorded in a fresh process.
_RECORD = """
import marshal, sys
from coopextract.pipeline.prebuilt import recording_regexes
with recording_regexes() as found:
    from coopextract.run.startup import defer_spacy_cli, import_pipeline
    defer_spacy_cli()
    import_pipeline()
    from coopextract.pipeline.build import get_pipeline
    get_pipeline().get_pipe("coop_dates").normaliser.intl_dates()   # and the foreign dates' regexes, built on first use
sys.stdout.buffer.write(marshal.dumps(found))
"""


def start_up_regexes() -> dict:
    """{(pattern, flags): compiled form} of every regular expression the console script compiles
    before its first page (in a fresh process of this Python): the regex table."""
    import subprocess

    return marshal.loads(subprocess.run([sys.executable, "-c", _RECORD], check=True, capture_output=True).stdout)
