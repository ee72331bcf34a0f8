"""Custom attributes, declared once, each holding plain, typed values (no ``Span`` objects), so
Docs survive pickling for multiprocessing.

Span groups of the document Doc, each owned by one component (``doc.spans[...]``):

=================== ===================== ==================================================
group               owner                 ``Span._`` value
=================== ===================== ==================================================
``paragraphs``      ``coop_segment``      ``paragraph``: :class:`ParagraphInfo`
``dates``           ``coop_dates``        ``date``: ``{"rule", "value"}`` (context-free value)
``locations``       ``coop_locations``    ``location``; ``veto``: the component that ruled the
                                          place out (a place inside a name or a title)
``demonyms``        ``coop_locations``    ``location``
``institutions``    ``coop_institutions`` ``institution``
``products``        ``coop_institutions`` — (titles of works, programmes: no names inside)
``people``          ``coop_people``       ``person``
``event_triggers``  ``coop_triggers``     ``event``
``quantities``      ``coop_triggers``     ``quantity``
=================== ===================== ==================================================

Document results (``Doc._``), set by the document-level components:
``dates`` (``coop_date_context``: resolved :class:`~coopextract.records.DateValue` records),
``people``, ``institutions``, ``locations`` (``coop_linking``: linked records), ``events``
and ``paragraphs`` (``coop_events``: :class:`~coopextract.records.Event` and
:class:`~coopextract.records.Paragraph` records). ``doc.ents`` (``coop_ents``) holds the same
entities with spaCy's labels.
"""

from dataclasses import dataclass
from typing import Optional, TypedDict

from spacy.tokens import Doc, Span

# Per-span values set by the component that made the span: the TypedDicts below (plain dicts
# at run time, so Docs pickle), or None.
SPAN_ATTRS = ("date", "person", "institution", "location", "event", "quantity")
# Typed marks: the paragraph a span of ``paragraphs`` is; the component that vetoed a place.
DOC_ATTRS = ("dates", "people", "institutions", "locations", "events", "paragraphs")


@dataclass(frozen=True)
class ParagraphInfo:
    """What ``coop_segment`` knows of a paragraph: its place in the document."""

    index: int
    page: Optional[int]
    section: Optional[str]
    kind: str                 # "body" | "heading" | "bibliography"
    char_start: int           # offsets into the document's text (SPEC §2)
    char_end: int


class DateInfo(TypedDict):
    """``Span._.date`` (``coop_dates``): the matching rule and the context-free value of
    :meth:`~coopextract.pipeline.dates.normalise.DateNormaliser.normalise`."""

    rule: str
    value: dict
    numeric: bool                 # the rule matches a numeric date (its field order is voted on)


class PlaceInfo(TypedDict):
    """``Span._.location`` (``coop_locations``)."""

    name: str
    country: Optional[str]        # ISO 3166-1 alpha-2
    kind: str                     # "country" | "region" | "city" | "demonym"
    rule: str                     # the gazetteer id, or "demonym"


class _NamesInside(TypedDict, total=False):
    # only for rule "suffix-cjk" (Chinese and Japanese: a clause is one token, the span is the
    # token): every name inside it as (name, start_char, end_char) in the Doc, which the records carry
    inside: list


class InstitutionInfo(_NamesInside):
    """``Span._.institution`` (``coop_institutions``)."""

    name: str
    acronym: Optional[str]
    country: Optional[str]
    rule: str                     # "head" | "nested" | "coordination" | "suffix" | "suffix-cjk" | "acronym-known" | "news-source"
    acronym_from: Optional[str]   # "text" (defined in the document) | "known" (acronyms_known.jsonl)


class PersonInfo(TypedDict, total=False):
    """``Span._.person`` (``coop_people``)."""

    name: str
    title: Optional[str]
    role: Optional[str]
    affiliation: Optional[int]    # start_char of the institution span it belongs to
    evidence: Optional[str]       # "title" | "role" | "cue" | "form" | "shape" | "list" | None
    sent_start: bool
    words: int
    single_name: bool             # one word that is a whole name ("President Clinton"; "周和平", "秦")
    # names inside a token (people/scripts.py: a Chinese or Japanese clause is one token): the
    # name's own (start_char, end_char) in the Doc; several names of one token are each a
    # PersonInfo of ``inside``, since a Span's extension values are kept per token range
    chars: tuple
    inside: list
    stretch: str                  # Japanese: the text before a post a surname was cut from by its length


class TriggerInfo(TypedDict):
    """``Span._.event`` (``coop_triggers``): the rule and the trigger's context."""

    type: str
    rule: str
    form: str                     # "verb" | "noun" | "host" ...
    occurrence: bool
    definite: bool
    topic: bool
    possessive: bool
    irrealis: bool
    group: bool
    pronoun: bool
    send: bool                    # a bare sending verb: an exchange only when something says so


class QuantityInfo(TypedDict):
    """``Span._.quantity`` (``coop_triggers``)."""

    value: int
    approximate: bool
    what: str
    rule: str


def register() -> None:
    for name in SPAN_ATTRS + ("paragraph", "veto"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register()
