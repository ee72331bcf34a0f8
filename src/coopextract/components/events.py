"""The events component (stub: finds nothing yet)."""

from spacy.language import Language
from spacy.tokens import Doc


class EventsComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("coop_events")
def make_events(nlp: Language, name: str):
    return EventsComponent(nlp, name)
