"""Document-level entity linking (stub): acronyms, merged name variants, roles, affiliations.

``resolve_entities(docs, blocks)`` → one :class:`Entities` per block.
"""

from dataclasses import dataclass, field

from .records import Institution, Location, Person


@dataclass
class Entities:
    people: list[Person] = field(default_factory=list)
    institutions: list[Institution] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)


def resolve_entities(docs, blocks) -> list[Entities]:
    return [Entities() for _ in blocks]
