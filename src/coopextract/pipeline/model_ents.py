"""``coop_model_ents``: a user's statistical NER (``--model``) as candidates for the rules.

With ``coopextract.load(model="en_core_web_sm")`` (or a path, or ``--model`` on the command line)
the model's ``ner`` is sourced into the pipeline right after ``coop_segment``, so it reads the
same tokens as the rules. This component hands its PERSON/ORG/GPE/… entities to each paragraph's
working Doc as ``doc.spans["model_ents"]``, where ``coop_people`` takes them as evidence: a
capitalised pair the model calls a PERSON is a person; one the rules would take for a person on
its shape alone but the model calls an organisation, product, event or work is not. Without a
model this component is not in the pipeline and nothing changes.
"""

from spacy.language import Language
from spacy.tokens import Doc

from coopextract.pipeline import document

GROUP = "model_ents"


class ModelEntsComponent:
    def __init__(self, nlp: Language, name: str):
        self.nlp, self.name = nlp, name

    def __call__(self, doc: Doc) -> Doc:
        work = document.work_of(doc)
        ents = doc.ents                 # in text order
        k = 0
        for block, pdoc in zip(work.blocks, work.docs):
            base = block.char_start - work.offset
            end = block.char_end - work.offset
            while k < len(ents) and ents[k].end_char <= base:
                k += 1
            spans = []
            j = k
            while j < len(ents) and ents[j].start_char < end:
                ent = ents[j]
                j += 1
                if ent.start_char < base or ent.end_char > end:
                    continue
                span = pdoc.char_span(ent.start_char - base, ent.end_char - base, label=ent.label_)
                if span is not None:
                    spans.append(span)
            pdoc.spans[GROUP] = spans
        return doc


@Language.factory("coop_model_ents", assigns=["doc.spans"], requires=["doc.ents"])
def make_model_ents(nlp: Language, name: str):
    return ModelEntsComponent(nlp, name)
