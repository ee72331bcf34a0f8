"""coopextract: library-cooperation events from reports, chapters and news pages.

The names below are imported when first used (PEP 562), so ``import coopextract`` and
``coopextract --version`` stay fast and never load spaCy, dateparser or the records.
"""

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# public name -> the module that defines it
_LAZY = {
    "load": "coopextract.pipeline.build",
    "extract_file": "coopextract.extract",
    "extract_text": "coopextract.extract",
    "extract_source": "coopextract.extract",
    "CoopExtractError": "coopextract.errors",
    "InputError": "coopextract.errors",
    "Paragraph": "coopextract.records",
    "Event": "coopextract.records",
    "Source": "coopextract.records",
    "DateValue": "coopextract.records",
    "Person": "coopextract.records",
    "Institution": "coopextract.records",
    "Location": "coopextract.records",
    "Quantity": "coopextract.records",
}
__all__ = ["__version__", *_LAZY]

if TYPE_CHECKING:  # what type checkers and IDEs see; nothing of it runs
    from coopextract.errors import CoopExtractError, InputError
    from coopextract.extract import extract_file, extract_source, extract_text
    from coopextract.pipeline.build import load
    from coopextract.records import DateValue, Event, Institution, Location, Paragraph, Person, Quantity, Source


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'coopextract' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later look-ups do not come back here
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
