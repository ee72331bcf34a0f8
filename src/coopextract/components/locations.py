"""The locations component (stub: finds nothing yet)."""

from spacy.language import Language
from spacy.tokens import Doc


class LocationsComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("coop_locations")
def make_locations(nlp: Language, name: str):
    return LocationsComponent(nlp, name)
