"""The whole flow, one line a stage: read → one Doc per document through the pipeline → records."""

from typing import Optional

from coopextract.pipeline.build import MAX_DOC_CHARS, get_pipeline
from coopextract.pipeline.document import make_document
from coopextract.pipeline.segment import segment, windows
from coopextract.read import SourceText, read
from coopextract.records import Paragraph

# Documents longer than this are processed in windows of whole paragraphs, so memory stays
# bounded; document-level context (years, acronyms) then reaches only within a window.
# 2M characters is ~1000 pages: real reports fit in one.
WINDOW_CHARS = MAX_DOC_CHARS


def extract_source(source: SourceText, ref_date: Optional[str] = None, nlp=None) -> list[Paragraph]:
    nlp = nlp or get_pipeline()
    if len(source.text) <= WINDOW_CHARS:
        return nlp(make_document(nlp, source, ref_date))._.paragraphs       # ② … ⑤ one Doc, records built once
    blocks = segment(source)                                                  # huge input: bounded memory, in windows
    return [p for window in windows(blocks, WINDOW_CHARS)
            for p in nlp(make_document(nlp, source, ref_date, window))._.paragraphs]


def extract_file(path, ref_date: Optional[str] = None) -> list[Paragraph]:
    """Paragraph records of one file (``.txt``, ``.md``, ``.pdf``, ``.html``) or ``"-"``."""
    return extract_source(read(path), ref_date=ref_date)                     # ① read


def extract_text(text: str, doc_id: str = "text", ref_date: Optional[str] = None) -> list[Paragraph]:
    """Paragraph records of a text given as a string; ``doc_id`` names it in the records."""
    from coopextract.read.text import normalise

    return extract_source(SourceText(path=doc_id, text=normalise(text), name=doc_id), ref_date=ref_date)
