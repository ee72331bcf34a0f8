"""``coop_ents``: the document's entities as ``doc.ents`` with spaCy's labels (PERSON, ORG,
GPE, DATE), so the rule entities sit where a statistical NER would put its own. When a model's
NER ran before us, its entities are kept and ours fill only the tokens it left free."""


from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from coopextract.pipeline.document import reader_facts

# Doc._ attribute (records) → spaCy entity label.
LABELS = (("people", "PERSON"), ("institutions", "ORG"), ("locations", "GPE"), ("dates", "DATE"))


class EntsComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        offset = reader_facts(doc)[2]
        ours = []
        for attr, label in LABELS:
            for record in getattr(doc._, attr) or ():
                span = doc.char_span(record.char_start - offset, record.char_end - offset, label=label,
                                     alignment_mode="expand")
                if span is not None and len(span):
                    ours.append(span)
        kept = list(doc.ents)
        taken = {i for ent in kept for i in range(ent.start, ent.end)}
        ours = [s for s in filter_spans(ours) if not any(i in taken for i in range(s.start, s.end))]
        doc.ents = sorted(kept + ours, key=lambda s: s.start)
        return doc


@Language.factory("coop_ents", assigns=["doc.ents"],
                  requires=["doc._.dates", "doc._.people", "doc._.institutions", "doc._.locations"])
def make_ents(nlp: Language, name: str):
    return EntsComponent(nlp, name)
