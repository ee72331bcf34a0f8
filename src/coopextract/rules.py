"""The one strict reader of the JSON-lines rule files in ``models/``.

Every ``*.jsonl`` rule file is read here: one JSON object a line (blank lines and ``#``
comments skipped), only the keys its kind allows, the required keys present, a stable ``id``
unique in the file, and at least one rule. Anything else raises
:class:`~coopextract.errors.ModelsError` naming the file and line. Callers check what is
particular to their kind (labels, value types) on the rows, with the line number given.
"""

import json
from pathlib import Path
from typing import Iterable

from coopextract.errors import ModelsError


def read_jsonl_rules(path, allowed: Iterable[str], required: Iterable[str] = ("id",),
                     what: str = "rule file") -> list[tuple[int, dict]]:
    """``[(line number, row), …]`` of a rule file, checked strictly."""
    path = Path(path)
    allowed, required = set(allowed), set(required) | {"id"}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ModelsError(f"{path}: cannot read {what} ({exc.strerror or exc})") from None
    rows, seen = [], set()
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ModelsError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise ModelsError(f"{path}:{n}: a rule must be a JSON object")
        unknown, missing = set(row) - allowed, required - set(row)
        if unknown:
            raise ModelsError(f"{path}:{n}: unknown keys {sorted(unknown)}; allowed: {sorted(allowed)}")
        if missing:
            raise ModelsError(f"{path}:{n}: missing {', '.join(map(repr, sorted(missing)))}")
        if row["id"] in seen:
            raise ModelsError(f"{path}:{n}: duplicate id {row['id']!r}")
        seen.add(row["id"])
        rows.append((n, row))
    if not rows:
        raise ModelsError(f"{path}: no rules in {what}; nothing would ever match")
    return rows


def save_rules(path, names, models_dir=None) -> None:
    """Copy the rule files ``names`` of ``models_dir`` (default: the installed rules) into the
    folder ``path``: what a component's ``to_disk`` writes, so the saved pipeline carries the
    rules it ran with and ``from_disk`` reads them back from there."""
    import shutil

    from coopextract.resources import models_path

    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(models_path(name, models_dir), folder / name)
