"""⑤ The records of SPEC §2, as Pydantic v2 models.

These are the contract other systems read: field names and meanings never change without a
new ``schema_version``. Fields may be added (``trigger*`` and ``evidence_char_*`` on
:class:`Event` are such additions). Every model forbids unknown keys and rejects impossible
values, so a record that validates is one a consumer can trust.
"""

import re
from datetime import date
from functools import lru_cache
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from coopextract.event_types import event_types
from coopextract.read import WARNING_CODES

SCHEMA_VERSION = "1"

# The types of SPEC §3, read from ``models/event_types.jsonl`` (one row a type).
EVENT_TYPES: tuple[str, ...] = tuple(event_types())
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]

Precision = Literal["day", "month", "year", "decade", "century"]

_PARTIAL_ISO = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _lower_bound(iso: str) -> str:
    """Earliest day a partial ISO date can mean: '2022' → '2022-01-01'."""
    return iso + "-01-01"[: 10 - len(iso)] if len(iso) < 10 else iso


def _upper_bound(iso: str) -> str:
    """Latest day a partial ISO date can mean: '2022-02' → '2022-02-29' (order-safe)."""
    if len(iso) == 4:
        return iso + "-12-31"
    if len(iso) == 7:
        return f"{iso}-{_MONTH_DAYS[int(iso[5:7]) - 1]:02d}"
    return iso


_EDTF_DAY = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"         # 2019, 2019-05, 2019-05-03
_EDTF_PART = rf"(?:{_EDTF_DAY}|\d{{3}}X|\d{{2}}XX)"  # ... or a decade, a century: 199X, 19XX
# Open ends never with X digits: the grammar rejects "199X/.." and "../19XX".
_SIMPLE_EDTF = re.compile(rf"^{_EDTF_PART}(?:/{_EDTF_PART})?$|^\.\./{_EDTF_DAY}$|^{_EDTF_DAY}/\.\.$")
_UNKNOWN_YEAR = re.compile(r"^XXXX-(\d{2})(?:-(\d{2}))?$")    # a month or day of an unknown year
_SEASON = re.compile(r"^\d{4}-2[1-4]$")                      # 2019-21 (spring) ... 2019-24 (winter)


def _simple_edtf_is_valid(value: str) -> bool:
    """The shapes coopextract emits (dates, decades, centuries, intervals, open ends, a day of
    an unknown year and intervals of them, seasons) checked without the ``edtf`` grammar, which takes 0.1 s to load
    and ~5 ms a string. True only for what the grammar (``edtf`` 5.0.2) accepts too — real
    calendar dates, start before end; False leaves the value to the grammar
    (tests/test_startup_lazy.py checks both agree)."""
    if _SEASON.match(value):
        return True
    unknown_year = _UNKNOWN_YEAR.match(value)
    if unknown_year:                                  # in some year: 29 February is a day
        month, day = unknown_year.groups()
        try:
            date(2000, int(month), int(day or 1))
        except ValueError:
            return False
        return True
    start, slash, end = value.partition("/")
    if slash and _UNKNOWN_YEAR.match(start) and _UNKNOWN_YEAR.match(end):   # "XXXX-05-23/XXXX-05-26"
        return _simple_edtf_is_valid(start) and _simple_edtf_is_valid(end)
    if not _SIMPLE_EDTF.match(value):
        return False
    parts = [p for p in value.split("/") if p != ".."]
    for part in parts:
        if "X" in part:
            continue
        y, m, d = (part.split("-") + ["01", "01"])[:3]
        try:
            date(int(y), int(m), int(d))
        except ValueError:
            return False
    if len(parts) == 2:
        lo, hi = parts[0].replace("X", "0"), parts[1].replace("X", "9")
        return _lower_bound(lo) <= _upper_bound(hi)
    return True


@lru_cache(maxsize=4096)
def edtf_is_valid(value: str) -> bool:
    """True when ``value`` parses as Library of Congress EDTF (via the ``edtf`` package)."""
    if _simple_edtf_is_valid(value):
        return True
    from edtf import parse_edtf
    from edtf.parser.edtf_exceptions import EDTFParseException

    try:
        parse_edtf(value)
    except (EDTFParseException, ValueError, TypeError):
        return False
    return True


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


Offset = Annotated[int, Field(ge=0)]


class _Offsets(_Record):
    """Checks ``char_start <= char_end``; subclasses declare the two fields last, in SPEC order."""

    @model_validator(mode="after")
    def _ordered(self):
        if self.char_end < self.char_start:
            raise ValueError(f"char_end ({self.char_end}) < char_start ({self.char_start})")
        return self


class Source(_Offsets):
    """Where a paragraph comes from: the file, its page (PDF only) and its span."""

    path: str
    page: Optional[int] = Field(default=None, ge=1)
    paragraph: int = Field(ge=0)
    char_start: Offset
    char_end: Offset


class DateValue(_Offsets):
    text: str
    edtf: str
    start: Optional[str] = None
    end: Optional[str] = None
    precision: Precision
    inferred: bool = False
    char_start: Offset
    char_end: Offset
    # a date of what the text announces, in a future clause after the reference date ("will be
    # held on 6 May", "next year"): kept, and left out of the dates scored against the gold
    planned: bool = False

    @field_validator("start", "end")
    @classmethod
    def _partial_iso(cls, value):
        if value is not None and not _PARTIAL_ISO.match(value):
            raise ValueError(f"not a partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
        return value

    @field_validator("edtf")
    @classmethod
    def _edtf(cls, value):
        if not edtf_is_valid(value):
            raise ValueError(f"not a valid EDTF string: {value!r}")
        return value

    @model_validator(mode="after")
    def _start_before_end(self):
        if self.start and self.end and _lower_bound(self.start) > _upper_bound(self.end):
            raise ValueError(f"start {self.start} is after end {self.end}")
        return self


class Person(_Offsets):
    name: str = Field(min_length=1)
    title: Optional[str] = None
    role: Optional[str] = None
    affiliation: Optional[str] = None
    char_start: Offset
    char_end: Offset
    entity_id: Optional[str] = None                   # corpus-wide identity (review/entities.py); null from extract
    canonical: Optional[str] = None                   # the entity's name across the corpus; null from extract


class Institution(_Offsets):
    name: str = Field(min_length=1)
    acronym: Optional[str] = None
    country: Optional[str] = Field(default=None, pattern=r"^[A-Z]{2}$")
    char_start: Offset
    char_end: Offset
    entity_id: Optional[str] = None                   # corpus-wide identity (review/entities.py); null from extract
    canonical: Optional[str] = None                   # the entity's name across the corpus; null from extract


class Location(_Offsets):
    name: str = Field(min_length=1)
    country: Optional[str] = Field(default=None, pattern=r"^[A-Z]{2}$")
    char_start: Offset
    char_end: Offset
    geonames_id: Optional[int] = None                 # SPEC 1.1: the GeoNames id of the place meant
    entity_id: Optional[str] = None                   # corpus-wide identity (review/entities.py); null from extract
    canonical: Optional[str] = None                   # the entity's name across the corpus; null from extract


class Quantity(_Offsets):
    value: int
    approximate: bool = False
    what: str
    char_start: Offset
    char_end: Offset


Modality = Literal["asserted", "planned", "negated", "hypothetical"]
# Roles by event type (SPEC 1.1 §2).
ROLES = ("visitor", "host", "participant", "party", "signatory", "donor", "recipient", "partner",
         "organiser", "traveller", "author", "publisher", "founder", "founded")


class Participant(_Offsets):
    """Who did what in an event (SPEC 1.1): a person or institution of the event with its role."""

    role: Literal[ROLES]  # type: ignore[valid-type]
    name: str = Field(min_length=1)
    kind: Literal["person", "institution"]
    char_start: Offset
    char_end: Offset


class Mention(_Offsets):
    """One sentence that states an event (SPEC 1.1): an event told three times has three."""

    evidence: str
    char_start: Offset
    char_end: Offset


WarningCode = Literal[WARNING_CODES]  # type: ignore[valid-type]


class InputWarning(_Record):
    """An addition to SPEC §2: something about the input that may have lost or misread content,
    carried by every record of the document (``coopextract extract`` also says it on standard
    error). ``unreadable_page``: a PDF page whose text is missing or incomplete (``page``);
    ``low_confidence_encoding``: text decoded by a poor guess; ``mostly_bibliography``: most of
    the document read as references, which yield no events."""

    code: WarningCode
    message: str
    page: Optional[int] = Field(default=None, ge=1)


class Event(_Record):
    kind: Literal["event"] = "event"
    schema_version: Literal["1"] = SCHEMA_VERSION
    id: str
    doc_id: str
    source: Source
    event_type: EventType
    date: Optional[DateValue] = None
    people: list[Person] = Field(default_factory=list)
    institutions: list[Institution] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    evidence: str
    confidence: float = Field(ge=0.0, le=1.0)
    # Additions to SPEC §2 (allowed: fields may be added, never removed).
    trigger: Optional[str] = None
    trigger_char_start: Optional[int] = Field(default=None, ge=0)
    trigger_char_end: Optional[int] = Field(default=None, ge=0)
    evidence_char_start: Optional[int] = Field(default=None, ge=0)
    evidence_char_end: Optional[int] = Field(default=None, ge=0)
    # SPEC 1.1 additions.
    participants: list[Participant] = Field(default_factory=list)
    modality: Modality = "asserted"
    mentions: list[Mention] = Field(default_factory=list)
    # Addition: warnings about the document's input (empty when it was read whole and sure).
    warnings: list[InputWarning] = Field(default_factory=list)

    @model_validator(mode="after")
    def _spans_ordered(self):
        for a, b in (("trigger_char_start", "trigger_char_end"), ("evidence_char_start", "evidence_char_end")):
            lo, hi = getattr(self, a), getattr(self, b)
            if lo is not None and hi is not None and hi < lo:
                raise ValueError(f"{b} ({hi}) < {a} ({lo})")
        return self


class Paragraph(_Record):
    kind: Literal["paragraph"] = "paragraph"
    schema_version: Literal["1"] = SCHEMA_VERSION
    doc_id: str
    source: Source
    section: Optional[str] = None
    text: str
    dates: list[DateValue] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    institutions: list[Institution] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    # Addition: warnings about the document's input (empty when it was read whole and sure).
    warnings: list[InputWarning] = Field(default_factory=list)


def json_schema(level: str = "paragraph") -> dict:
    """The JSON Schema of the records ``coopextract extract --level LEVEL`` writes."""
    model = {"paragraph": Paragraph, "event": Event}[level]
    return model.model_json_schema()


def to_json_line(record: BaseModel) -> str:
    """One JSONL line: UTF-8, no ASCII escaping, keys in model order (byte-stable)."""
    return record.model_dump_json() + "\n"
