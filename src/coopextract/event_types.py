"""Event types as data: ``models/event_types.jsonl``, one row per type (SPEC §3).

Adding a type is one row there plus its trigger patterns in ``event_triggers.jsonl``: the
records' schema, event assembly and the review page all read the types from here.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from coopextract.errors import ModelsError
from coopextract.resources import models_path
from coopextract.rules import read_jsonl_rules

FILE = "event_types.jsonl"
_KEYS = {"id", "continuing", "occasion", "part_of", "quantities", "colour"}
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class EventTypeInfo:
    name: str
    continuing: bool      # one occasion: a later undated mention in the paragraph is more of it
    occasion: bool        # a paragraph can refer back to it ("During the visit, ...")
    part_of: tuple        # an undated event of this type is part of an earlier one of these
    quantities: bool      # counts in its sentence belong to it
    colour: str           # badge colour on the review page


@lru_cache(maxsize=4)
def event_types(models_dir=None) -> dict[str, EventTypeInfo]:
    """{type name: its row}, in file order."""
    path = models_path(FILE, models_dir)
    types: dict[str, EventTypeInfo] = {}
    for n, row in read_jsonl_rules(path, _KEYS, _KEYS, what="event type file"):
        flags = [row[k] for k in ("continuing", "occasion", "quantities")]
        if not all(isinstance(v, bool) for v in flags):
            raise ModelsError(f"{path}:{n}: continuing, occasion and quantities must be true or false")
        if not isinstance(row["part_of"], list) or not isinstance(row["colour"], str) or not _COLOUR.match(row["colour"]):
            raise ModelsError(f"{path}:{n}: part_of must be a list of types and colour a '#rrggbb' string")
        types[row["id"]] = EventTypeInfo(row["id"], row["continuing"], row["occasion"], tuple(row["part_of"]),
                                         row["quantities"], row["colour"])
    for info in types.values():
        unknown = set(info.part_of) - set(types)
        if unknown:
            raise ModelsError(f"{path}: {info.name}: part_of names unknown types {sorted(unknown)}")
    return types
