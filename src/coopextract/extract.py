"""The whole flow, one line a stage: read → one Doc per document through the pipeline → records."""

from typing import Iterator, Optional

from coopextract.pipeline.build import MAX_DOC_CHARS, get_pipeline
from coopextract.pipeline.document import make_document
from coopextract.pipeline.segment import segment, windows
from coopextract.read import ReadWarning, SourceText, read
from coopextract.records import InputWarning, Paragraph

# Documents longer than this are processed in windows of whole paragraphs, so memory stays
# bounded; document-level context (years, acronyms) then reaches only within a window.
# 2M characters is ~1000 pages: real reports fit in one.
WINDOW_CHARS = MAX_DOC_CHARS
# Share of a document's characters in bibliography paragraphs above which a warning says so:
# the reports and chapters read have at most a third (a chapter's reference list); more than
# half is a document misread, or one that is all references.
BIBLIOGRAPHY_WARN_SHARE = 0.5


def iter_paragraphs(source: SourceText, ref_date: Optional[str] = None, nlp=None) -> Iterator[Paragraph]:
    """The paragraph records of ``source``, one window at a time: memory holds one window's
    Docs and records, not the whole document's (the same records as :func:`extract_source`)."""
    nlp = nlp or get_pipeline()
    if len(source.text) <= WINDOW_CHARS:
        doc = nlp(make_document(nlp, source, ref_date))                      # ② … ⑤ one Doc, records built once
        cited, total = _bibliography_share((span._.paragraph for span in doc.spans["paragraphs"]))
        yield from with_warnings(doc._.paragraphs, source.warnings + bibliography_warning(cited, total))
        return
    blocks = segment(source)                                                   # huge input: in windows
    cited, total = _bibliography_share(blocks)
    warnings = source.warnings + bibliography_warning(cited, total)
    parts = windows(blocks, WINDOW_CHARS)[::-1]
    while parts:
        window = parts.pop()          # (a finished window's paragraphs are let go with it)
        yield from with_warnings(nlp(make_document(nlp, source, ref_date, window))._.paragraphs, warnings)


def extract_source(source: SourceText, ref_date: Optional[str] = None, nlp=None) -> list[Paragraph]:
    return list(iter_paragraphs(source, ref_date, nlp))


def _bibliography_share(paragraphs) -> tuple[int, int]:
    """(characters in bibliography paragraphs, all characters) of paragraphs or blocks."""
    cited = total = 0
    for info in paragraphs:
        total += info.char_end - info.char_start
        cited += (info.char_end - info.char_start) if info.kind == "bibliography" else 0
    return cited, total


def bibliography_warning(cited: int, total: int) -> tuple[ReadWarning, ...]:
    """A warning when most of the document (``cited`` of ``total`` characters) is read as
    bibliography, and so yields no events: often a text without blank lines that a citation
    line opens, read as one block."""
    if total and cited > BIBLIOGRAPHY_WARN_SHARE * total:
        return (ReadWarning("mostly_bibliography", f"{cited * 100 // total}% of the text is read as bibliography "
                            "(citations and references yield no events); check its headings and paragraph breaks"),)
    return ()


def with_warnings(paragraphs: list[Paragraph], warnings) -> list[Paragraph]:
    """``paragraphs`` with the document's ``warnings`` on each of them and on each of their events."""
    if warnings:
        records = [InputWarning(code=w.code, message=w.message, page=w.page) for w in warnings]
        for paragraph in paragraphs:
            paragraph.warnings = list(records)
            for event in paragraph.events:
                event.warnings = list(records)
    return paragraphs


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
    ``http(s)://`` address, or ``"-"``. Each record's ``warnings`` say what of the input may
    be lost or misread."""
    return extract_source(read(path), ref_date=check_ref_date(ref_date))     # ① read


def extract_text(text: str, doc_id: str = "text", ref_date: Optional[str] = None) -> list[Paragraph]:
    """Paragraph records of a text given as a string; ``doc_id`` names it in the records."""
    from coopextract.read.text import normalise

    ref_date = check_ref_date(ref_date)
    return extract_source(SourceText(path=doc_id, text=normalise(text), name=doc_id), ref_date=ref_date)
