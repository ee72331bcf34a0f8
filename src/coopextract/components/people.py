"""The people component (stub: finds nothing yet)."""

from spacy.language import Language
from spacy.tokens import Doc


class PeopleComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("coop_people")
def make_people(nlp: Language, name: str):
    return PeopleComponent(nlp, name)
