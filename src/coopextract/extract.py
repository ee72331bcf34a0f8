"""The whole flow: read → segment → Doc → pipeline → document-level resolution → records."""

import re
from typing import Optional

from coopextract.pipeline.dates.resolve import resolve_dates
from coopextract.pipeline.events.assemble import assemble_events
from coopextract.pipeline.linking import resolve_entities
from coopextract.pipeline.build import get_pipeline
from coopextract.read import SourceText, read
from coopextract.records import Paragraph, Source
from coopextract.pipeline.segment import segment, windows

# Documents longer than this are processed in windows of whole paragraphs, so memory stays
# bounded (spaCy Docs of 2M characters take ~100 MB); document-level context (years, acronyms)
# then reaches only within a window. 2M characters is ~1000 pages: real reports fit in one.
WINDOW_CHARS = 2_000_000


def extract_source(source: SourceText, ref_date: Optional[str] = None, nlp=None, blocks=None) -> list[Paragraph]:
    nlp = nlp or get_pipeline()
    if blocks is None:
        blocks = segment(source)                                      # ② paragraphs, sections
        if len(blocks) > 1 and len(source.text) > WINDOW_CHARS:       # huge input: bounded memory, in windows
            return [p for w in windows(blocks, WINDOW_CHARS) for p in extract_source(source, ref_date, nlp, w)]
    docs = list(nlp.pipe(nlp_text(block) for block in blocks))        # ③④ rule components
    dates = resolve_dates(docs, blocks, source, ref_date)             # years from context, relative dates
    entities = resolve_entities(docs, blocks)                         # acronyms, name variants, roles
    events = assemble_events(docs, blocks, dates, entities, source.doc_id, source.path)
    return [                                                          # ⑤ records, built once
        Paragraph(
            doc_id=source.doc_id,
            source=Source(path=source.path, page=block.page, paragraph=block.index,
                          char_start=block.char_start, char_end=block.char_end),
            section=block.section,
            text=block.text,
            dates=dates[i],
            people=entities[i].people,
            institutions=entities[i].institutions,
            locations=entities[i].locations,
            events=events[i],
        )
        for i, block in enumerate(blocks)
    ]


def nlp_text(block) -> str:
    """What the pipeline sees: the paragraph with every whitespace character as one space
    (same length, so offsets stay valid) — or nothing, for citations and bibliography."""
    if block.kind == "bibliography":
        return ""
    return _OTHER_SPACE.sub(" ", block.text)


# Whitespace other than " ": re's \s is exactly str.isspace() (both Py_UNICODE_ISSPACE).
_OTHER_SPACE = re.compile(r"[^\S ]")


def extract_file(path, ref_date: Optional[str] = None) -> list[Paragraph]:
    """Paragraph records of one file (``.txt``, ``.md``, ``.pdf``, ``.html``) or ``"-"``."""
    return extract_source(read(path), ref_date=ref_date)


def extract_text(text: str, doc_id: str = "text", ref_date: Optional[str] = None) -> list[Paragraph]:
    """Paragraph records of a text given as a string; ``doc_id`` names it in the records."""
    from coopextract.read.text import normalise

    return extract_source(SourceText(path=doc_id, text=normalise(text), name=doc_id), ref_date=ref_date)
