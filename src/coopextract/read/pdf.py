"""PDF → text, page by page, with pdfplumber.

Lines are grouped into paragraphs by the vertical gap between them; running headers and
footers (the same line at the top or bottom of many pages) and bare page numbers are
dropped; a word hyphenated at a line end is rejoined. Pages are joined by a blank line, so
a paragraph broken by a page break is two blocks here and is rejoined by ``segment``.
"""

import re
from collections import Counter
from pathlib import Path

import pdfplumber

from coopextract.errors import EmptyInput, PdfInputError
from coopextract.read import SourceText

# A gap between two lines larger than this many times the line's own height starts a new
# paragraph; 1.5 separates single-spaced lines (~1.2) from blank-line breaks (≥ 2) in
# reports made by word processors and by fpdf/reportlab.
PARAGRAPH_GAP = 1.5
# A top/bottom line repeated (digits ignored) on at least this share of pages is a running
# header or footer. Half: a header on every other page (odd/even layouts) is still caught.
RUNNING_LINE_SHARE = 0.5
# How many lines at the top and bottom of a page are candidates for headers/footers.
EDGE_LINES = 2

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:/|of)\s*\d{1,4})?\s*$", re.I)
_HYPHEN_END = re.compile(r"[^\W\d_]-$")


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def _page_lines(page) -> list[dict]:
    return [ln for ln in page.extract_text_lines(return_chars=False, strip=True) if ln["text"].strip()]


def _running_shapes(pages_lines: list[list[dict]]) -> set[str]:
    if len(pages_lines) < 2:
        return set()
    counts: Counter = Counter()
    for lines in pages_lines:
        edge = {_shape(ln["text"]) for ln in lines[:EDGE_LINES] + lines[-EDGE_LINES:]}
        counts.update(edge)
    need = max(2, RUNNING_LINE_SHARE * len(pages_lines))
    return {shape for shape, n in counts.items() if n >= need}


def _join_lines(lines: list[str]) -> str:
    out = ""
    for line in lines:
        line = line.strip()
        if not out:
            out = line
        elif _HYPHEN_END.search(out) and line[:1].islower():
            out = out[:-1] + line
        else:
            out = out + " " + line
    return out


def _paragraphs(lines: list[dict]) -> list[str]:
    paras, current, prev = [], [], None
    for ln in lines:
        if prev is not None:
            height = max(prev["bottom"] - prev["top"], 1.0)
            if ln["top"] - prev["bottom"] > (PARAGRAPH_GAP - 1.0) * height + 0.5 * height:
                paras.append(_join_lines(current))
                current = []
        current.append(ln["text"])
        prev = ln
    if current:
        paras.append(_join_lines(current))
    return [p for p in paras if p]


def read_pdf(path: Path) -> SourceText:
    name = str(path)
    if path.stat().st_size == 0:
        raise EmptyInput(name, "empty file")
    try:
        with pdfplumber.open(path) as pdf:
            pages_lines = [_page_lines(page) for page in pdf.pages]
            has_images = any(page.images for page in pdf.pages)
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        # pdfplumber wraps pdfminer's error (e.g. PDFPasswordIncorrect) whose str() is empty.
        message = f"{exc!r} {exc.args!r}".lower()
        if "password" in message or "encrypt" in message:
            raise PdfInputError(name, "encrypted PDF: decrypt it first (e.g. qpdf --decrypt)") from None
        raise PdfInputError(name, "not a readable PDF (truncated or corrupt)") from None
    if not any(pages_lines):
        if has_images:
            raise PdfInputError(name, "image-only PDF: no text layer, OCR needed (e.g. ocrmypdf)")
        raise EmptyInput(name, "PDF has no text")
    running = _running_shapes(pages_lines)
    text, spans = "", []
    for number, lines in enumerate(pages_lines, start=1):
        kept = [ln for ln in lines if _shape(ln["text"]) not in running]
        if kept and _PAGE_NUMBER.match(kept[0]["text"]):
            kept = kept[1:]
        if kept and _PAGE_NUMBER.match(kept[-1]["text"]):
            kept = kept[:-1]
        page_text = "\n\n".join(_paragraphs(kept))
        if text:
            text += "\n\n"
        start = len(text)
        text += page_text
        spans.append((number, start, len(text)))
    if not text.strip():
        raise EmptyInput(name, "PDF has no text besides headers and page numbers")
    return SourceText(path=name, text=text + "\n", pages=tuple(spans))
