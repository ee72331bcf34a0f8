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
import sys
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
