"""Custom attributes, declared once. They hold plain values (dicts of str/int/bool), never
``Span`` objects, so Docs survive pickling for multiprocessing.

Span groups the components fill (``doc.spans[...]``):
  ``dates``, ``people``, ``institutions``, ``locations``, ``event_triggers``, ``quantities``.
"""

from spacy.tokens import Span

SPAN_GROUPS = ("dates", "people", "institutions", "locations", "event_triggers", "quantities")

# Per-span attributes, each a plain dict (or None) set by the component that made the span.
SPAN_ATTRS = ("date", "person", "institution", "location", "event", "quantity")


def register() -> None:
    for name in SPAN_ATTRS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register()
