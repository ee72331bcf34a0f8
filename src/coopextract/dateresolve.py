"""Document-level date resolution (stub): years from context, relative dates.

``resolve_dates(docs, blocks, source, ref_date)`` → one list of :class:`DateValue` per block.
"""

from typing import Optional

from .records import DateValue


def resolve_dates(docs, blocks, source, ref_date: Optional[str] = None) -> list[list[DateValue]]:
    return [[] for _ in blocks]
