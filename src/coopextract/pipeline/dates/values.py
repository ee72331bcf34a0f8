"""Small helpers on date values shared by normalisation, resolution and event assembly."""

from typing import Optional

# Precisions from the coarsest to the finest: a higher number is a finer date.
FINENESS = {"century": 0, "decade": 1, "year": 2, "month": 3, "day": 4}


def iso(y: int, m: Optional[int] = None, d: Optional[int] = None) -> str:
    """A partial ISO date: '2019', '2019-05', '2019-05-03'."""
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"
