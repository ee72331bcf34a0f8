"""Event assembly (stub): triggers + dates + participants → :class:`Event` records.

``assemble_events(docs, blocks, dates, entities, doc_id, path)`` → one list of events per block.
"""

from .records import Event


def assemble_events(docs, blocks, dates, entities, doc_id: str, path: str) -> list[list[Event]]:
    return [[] for _ in blocks]
