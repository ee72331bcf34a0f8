"""The institutions component (stub: finds nothing yet)."""

from spacy.language import Language
from spacy.tokens import Doc


class InstitutionsComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("coop_institutions")
def make_institutions(nlp: Language, name: str):
    return InstitutionsComponent(nlp, name)
