"""The whole flow, one line a stage: read → one Doc per document through the pipeline → records."""

from typing import Iterator, Optional

from coopextract.pipeline.build import MAX_DOC_CHARS, get_pipeline
from coopextract.pipeline.document import make_document
from coopextract.pipeline.segment import segment, windows
from coopextract.read import SourceText, read
from coopextract.records import Paragraph

# Documents longer than this are processed in windows of whole paragraphs, so memory stays
# bounded; document-level context (years, acronyms) then reaches only within a window.
# 2M characters is ~1000 pages: real reports fit in one.
WINDOW_CHARS = MAX_DOC_CHARS


def iter_paragraphs(source: SourceText, ref_date: Optional[str] = None, nlp=None) -> Iterator[Paragraph]:
    """The paragraph records of ``source``, one window at a time: memory holds one window's
    Docs and records, not the whole document's (the same records as :func:`extract_source`)."""
    nlp = nlp or get_pipeline()
    if len(source.text) <= WINDOW_CHARS:
        yield from nlp(make_document(nlp, source, ref_date))._.paragraphs      # ② … ⑤ one Doc, records built once
        return
    parts = windows(segment(source), WINDOW_CHARS)[::-1]                        # huge input: in windows
    while parts:
        window = parts.pop()          # (a finished window's paragraphs are let go with it)
        yield from nlp(make_document(nlp, source, ref_date, window))._.paragraphs


def extract_source(source: SourceText, ref_date: Optional[str] = None, nlp=None) -> list[Paragraph]:
    return list(iter_paragraphs(source, ref_date, nlp))


def check_ref_date(ref_date: Optional[str]) -> Optional[str]:
    """``ref_date`` as ``YYYY-MM-DD``, or a ``ValueError`` naming the format (as the CLI's
    ``--ref-date`` refuses it): a value in another form would silently resolve nothing."""
    if ref_date is None:
        return None
    import datetime as dt

    import re

    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(ref_date)):   # 3.11 also takes "20200101", "2020-W01-1"
            raise ValueError(ref_date)
        return dt.date.fromisoformat(str(ref_date)).isoformat()
    except ValueError:
        raise ValueError(f"ref_date {ref_date!r} is not a date in the form YYYY-MM-DD") from None


def extract_file(path, ref_date: Optional[str] = None) -> list[Paragraph]:
    """Paragraph records of one file (``.txt``, ``.md``, ``.pdf``, ``.html``, ``.docx``), an
    ``http(s)://`` address, or ``"-"``."""
    return extract_source(read(path), ref_date=check_ref_date(ref_date))     # ① read


def extract_text(text: str, doc_id: str = "text", ref_date: Optional[str] = None) -> list[Paragraph]:
    """Paragraph records of a text given as a string; ``doc_id`` names it in the records."""
    from coopextract.read.text import normalise

    ref_date = check_ref_date(ref_date)
    return extract_source(SourceText(path=doc_id, text=normalise(text), name=doc_id), ref_date=ref_date)
