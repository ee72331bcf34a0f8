"""coopextract: library-cooperation events from reports, chapters and news pages."""

from coopextract.errors import CoopExtractError, InputError
from coopextract.extract import extract_file, extract_source, extract_text
from coopextract.records import DateValue, Event, Institution, Location, Paragraph, Person, Quantity, Source

__version__ = "0.1.0"
__all__ = [
    "extract_file", "extract_text", "extract_source", "CoopExtractError", "InputError",
    "Paragraph", "Event", "Source", "DateValue", "Person", "Institution", "Location", "Quantity",
]
