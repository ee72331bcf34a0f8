"""The dates component (stub: finds nothing yet)."""

from spacy.language import Language
from spacy.tokens import Doc


class DatesComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("coop_dates")
def make_dates(nlp: Language, name: str):
    return DatesComponent(nlp, name)
