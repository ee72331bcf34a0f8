"""The locations component: cities, regions and countries from the gazetteer (data).

Every gazetteer name (``models/gazetteer_places.tsv``, built by ``models/build_gazetteer.py``)
goes into one case-sensitive PhraseMatcher; the longest match wins where names overlap
("Republic of Azerbaijan" over "Azerbaijan"). Country adjectives ("Turkish", "Azerbaijani")
go to ``doc.spans["demonyms"]``: they are not places, but they give institutions a country.

A place inside an institution's name ("National Library of Morocco") is part of the
institution, not a location mention: the institutions component, which runs next, removes
such spans from ``doc.spans["locations"]``.
"""

from typing import Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..entityrules import Lexicon, load_lexicon


def place_matcher(nlp: Language, lex: Lexicon) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    names = list(lex.places)
    matcher.add("PLACE", list(nlp.tokenizer.pipe(names)))
    matcher.add("DEMONYM", list(nlp.tokenizer.pipe(list(lex.demonyms))))
    return matcher


def find_places(doc: Doc, matcher: PhraseMatcher, lex: Lexicon) -> tuple[list[Span], list[Span]]:
    """(location spans, demonym spans) of a Doc, longest match first, each with its data."""
    places, demonyms = [], []
    for match_id, start, end in matcher(doc):
        label = doc.vocab.strings[match_id]
        (places if label == "PLACE" else demonyms).append(Span(doc, start, end, label=label))
    places = filter_spans(places)
    for span in places:
        ident, kind, country = lex.places[span.text]
        span._.location = {"name": span.text, "country": country, "kind": kind, "rule": ident}
    for span in demonyms:
        span._.location = {"name": span.text, "country": lex.demonyms[span.text], "kind": "demonym",
                           "rule": "demonym"}
    return places, demonyms


class LocationsComponent:
    def __init__(self, nlp: Language, name: str, models_dir: Optional[str] = None):
        self.name = name
        self.lex = load_lexicon(models_dir)
        self.matcher = place_matcher(nlp, self.lex)

    def __call__(self, doc: Doc) -> Doc:
        places, demonyms = find_places(doc, self.matcher, self.lex)
        doc.spans["locations"] = places
        doc.spans["demonyms"] = demonyms
        return doc


@Language.factory("coop_locations", default_config={"models_dir": None})
def make_locations(nlp: Language, name: str, *, models_dir: Optional[str]):
    return LocationsComponent(nlp, name, models_dir=models_dir)
