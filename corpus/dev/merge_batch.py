"""Merge a scored first-contact batch from ``pending/batch<N>/`` into the development corpus.

Usage: ``python corpus/dev/merge_batch.py N`` (after the batch's first-contact row is in
``FIRST_CONTACT.md``). Moves ``raw/`` and ``gold/`` files into ``corpus/dev/raw`` and
``corpus/dev/gold``, appends the parts' source rows to ``SOURCES.md``, their notes to
``CONVENTIONS.md`` under ``## Batch N decisions`` and their proofreading records to
``PROOFREAD_batchN.md``. Refuses to overwrite an existing document.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

DEV = Path(__file__).resolve().parent
ROW = re.compile(r"^\| *\d+ *\|")


def _parts(pending: Path, stem: str) -> list[tuple[str, str]]:
    return [(p.stem.rsplit("_", 1)[1], p.read_text(encoding="utf-8"))
            for p in sorted(pending.glob(f"{stem}_*.md"))]


def _without_heading(text: str) -> str:
    lines = text.strip().splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    return "\n".join(lines).strip()


def merge(n: int) -> str:
    pending = DEV / "pending" / f"batch{n}"
    raws = sorted((pending / "raw").glob("*"))
    golds = sorted((pending / "gold").glob("*.json"))
    if not raws or len(raws) != len(golds):
        raise SystemExit(f"{pending}: {len(raws)} raw and {len(golds)} gold files; nothing merged")
    clash = [p.name for sub, files in (("raw", raws), ("gold", golds))
             for p in files if (DEV / sub / p.name).exists()]
    if clash:
        raise SystemExit(f"{pending}: already in corpus/dev: {', '.join(clash)}; nothing merged")

    sources = _parts(pending, "SOURCES")
    rows, notes = [], []
    for part, text in sources:
        body = [line for line in text.splitlines() if ROW.match(line)]
        rows.extend(body)
        rest = text.split("\n## Notes", 1)
        if len(rest) == 2:
            notes.append((part, rest[1].split("\n", 1)[1].strip() if "\n" in rest[1] else ""))
    with (DEV / "SOURCES.md").open("a", encoding="utf-8") as fh:
        fh.write("\n".join(rows) + "\n")

    section = [f"\n## Batch {n} decisions\n",
               f"Decisions the {len(raws)} pages of batch {n} needed beyond the rules above "
               "(each also in the gold file's\n`notes`), and how the pages were taken and checked.\n"]
    for part, text in notes:
        section.append(f"### Batch {n}, part {part}\n\n{text}\n")
    with (DEV / "CONVENTIONS.md").open("a", encoding="utf-8") as fh:
        fh.write("\n".join(section))

    proof = [f"# Batch {n} — proofreading\n"]
    for part, text in _parts(pending, "PROOFREAD"):
        proof.append(f"## Part {part}\n\n{_without_heading(text)}\n")
    (DEV / f"PROOFREAD_batch{n}.md").write_text("\n".join(proof), encoding="utf-8")

    for sub, files in (("raw", raws), ("gold", golds)):
        for p in files:
            p.rename(DEV / sub / p.name)
    for p in pending.glob("*.md"):
        p.unlink()
    return f"batch {n}: {len(raws)} documents, {len(rows)} source rows merged"


if __name__ == "__main__":
    if len(sys.argv) != 2 or not sys.argv[1].isdigit():
        raise SystemExit("usage: python corpus/dev/merge_batch.py N")
    print(merge(int(sys.argv[1])))
