"""PDF → text, page by page, with pdfplumber.

Lines are grouped into paragraphs by the vertical gap between them; running headers and
footers (the same line at the top or bottom of many pages) and bare page numbers are
dropped; a word hyphenated at a line end is rejoined — unless the hyphen is a real one (see
:func:`join_hyphenated`: "well-" + "known" stays "well-known"). A short line set clearly larger
than the page's body text, or all in bold where the body is not, is a heading (its own block,
in :attr:`SourceText.headings`), numbered or not. Pages are joined by a blank line, so a
paragraph broken by a page break is two blocks here and is rejoined by ``segment``. Pages are
read one at a time and let go (pdfplumber keeps every object of a page it has read), so
memory holds the lines' text, not the pages' characters.
"""

import re
from collections import Counter
from pathlib import Path
from typing import Optional

import pdfplumber

from coopextract.errors import EmptyInput, PdfInputError
from coopextract.read import ReadWarning, SourceText

# A gap between two lines larger than this many times the line's own height starts a new
# paragraph; 1.5 separates single-spaced lines (~1.2) from blank-line breaks (≥ 2) in
# reports made by word processors and by fpdf/reportlab.
PARAGRAPH_GAP = 1.5
# A top/bottom line repeated (digits ignored) on at least this share of pages is a running
# header or footer. Half: a header on every other page (odd/even layouts) is still caught.
RUNNING_LINE_SHARE = 0.5
# How many lines at the top and bottom of a page are candidates for headers/footers.
EDGE_LINES = 2

# A line is a heading when its characters are at least this many times the size of the page's
# body text (the size most of its characters have): 1.15 takes the 12 pt headings of 11 pt
# reports and the 14 pt of 12 pt ones, while sub- and superscripts, and a body size that
# varies by rounding (10.98 vs 11.02), stay below it.
HEADING_SIZE_RATIO = 1.15
# ... or when at least this share of its letters is bold and at most BODY_BOLD_SHARE of the
# page's letters are: a bold line among regular text, not a page set in bold. Not quite all,
# so a heading with a regular-weight digit or quote mark still counts.
HEADING_BOLD_SHARE = 0.9
BODY_BOLD_SHARE = 0.5
# A heading line has at most this many words (as segment.HEADING_MAX_WORDS) and does not end
# like a sentence: a bold first sentence of a paragraph is text.
HEADING_MAX_WORDS = 14
_BOLD = re.compile(r"bold|black|heavy|semibold|demibold", re.I)
_SENTENCE_END = (".", ",", ";", ":")

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:/|of)\s*\d{1,4})?\s*$", re.I)
_HYPHEN_END = re.compile(r"[^\W\d_]-$")


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def _page_lines(page) -> list[dict]:
    """The page's lines (text and box), each marked ``heading`` by its font against the page's
    body text (:func:`mark_headings`); the characters themselves are not kept."""
    lines = [ln for ln in page.extract_text_lines(return_chars=True, strip=True) if ln["text"].strip()]
    mark_headings(lines)
    for ln in lines:
        del ln["chars"]
    return lines


def _font(chars) -> tuple[Counter, int, int]:
    """(letters by rounded size, letters, bold letters) of ``chars``."""
    sizes: Counter = Counter()
    bold = 0
    for ch in chars:
        if ch["text"].isalpha():
            sizes[round(ch.get("size", 0.0), 1)] += 1
            bold += bool(_BOLD.search(ch.get("fontname", "")))
    return sizes, sum(sizes.values()), bold


def mark_headings(lines: list[dict]) -> None:
    """Set ``heading`` on each line (dicts with ``text`` and ``chars``, pdfplumber's) of one
    page: a short line without a sentence end whose letters are clearly larger than the body
    text's (``HEADING_SIZE_RATIO``), or bold where the body is not (``HEADING_BOLD_SHARE``)."""
    page_sizes: Counter = Counter()
    page_letters = page_bold = 0
    fonts = []
    for ln in lines:
        sizes, letters, bold = _font(ln["chars"])
        fonts.append((sizes, letters, bold))
        page_sizes.update(sizes)
        page_letters += letters
        page_bold += bold
    if not page_letters:
        for ln in lines:
            ln["heading"] = False
        return
    body = page_sizes.most_common(1)[0][0]
    body_bold = page_bold > BODY_BOLD_SHARE * page_letters
    for ln, (sizes, letters, bold) in zip(lines, fonts):
        text = ln["text"].strip()
        size = sizes.most_common(1)[0][0] if letters else 0.0
        larger = size >= HEADING_SIZE_RATIO * body
        bolder = not body_bold and bold >= HEADING_BOLD_SHARE * letters and size >= body
        ln["heading"] = bool(letters and (larger or bolder) and len(text.split()) <= HEADING_MAX_WORDS
                             and not text.endswith(_SENTENCE_END))


def _running_shapes(pages_lines: list[list[dict]]) -> set[str]:
    if len(pages_lines) < 2:
        return set()
    counts: Counter = Counter()
    for lines in pages_lines:
        edge = {_shape(ln["text"]) for ln in lines[:EDGE_LINES] + lines[-EDGE_LINES:]}
        counts.update(edge)
    need = max(2, RUNNING_LINE_SHARE * len(pages_lines))
    return {shape for shape, n in counts.items() if n >= need}


# Both halves of a real hyphenated word at a line end are words of at least this many
# letters: "well-known" is one, while "in-" + "formation" and "re-" + "port" are cut words
# whose first half happens to be a short word.
MIN_HALF = 3
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LAST_PART = re.compile(r"([^\W\d_]+)-$")
_FIRST_PART = re.compile(r"^([^\W\d_]+)")


def document_words(lines: list[str]) -> frozenset:
    """The lower-case words and hyphenated compounds of a document's lines, without the pieces
    of words cut at a line end (so "docu-" does not make "docu" a word)."""
    words = set()
    for line in lines:
        body = _LAST_PART.sub("", line.strip())
        for word in _WORD.findall(body):
            word = word.lower()
            words.add(word)
            words.update(word.split("-"))
    return frozenset(words)


def join_hyphenated(head: str, tail: str, words: frozenset) -> bool:
    """Whether ``head`` + "-" at a line end and ``tail`` at the next line's start are one word
    cut in two ("inter-" + "national") rather than a hyphenated one ("well-" + "known"). By the
    rest of the document: joined if it writes the joined word; kept if it writes the
    hyphenated one; else kept when both halves are words of at least ``MIN_HALF`` letters
    (the document's own, or English function words: spaCy's stop words), joined otherwise."""
    from spacy.lang.en.stop_words import STOP_WORDS

    head, tail = head.lower(), tail.lower()
    if head + tail in words or head + tail in STOP_WORDS:     # "with-" + "out"
        return True
    if f"{head}-{tail}" in words:
        return False
    return not all(len(part) >= MIN_HALF and (part in words or part in STOP_WORDS) for part in (head, tail))


def _join_lines(lines: list[str], words: frozenset = frozenset()) -> str:
    out = ""
    for line in lines:
        line = line.strip()
        if not out:
            out = line
        elif _HYPHEN_END.search(out) and line[:1].isalpha():
            head, tail = _LAST_PART.search(out), _FIRST_PART.match(line)
            if line[:1].islower() and head and tail and join_hyphenated(head.group(1), tail.group(1), words):
                out = out[:-1] + line
            else:
                out = out + line       # a real hyphen: "well-known", "Azerbaijan-Türkiye"
        else:
            out = out + " " + line
    return out


def _paragraphs(lines: list[dict], words: frozenset = frozenset()) -> list[tuple[str, bool]]:
    """``[(paragraph text, is_heading)]``: lines split at wide gaps, and wherever a heading
    line starts or ends (the lines of one heading are one block)."""
    paras, current, prev = [], [], None
    for ln in lines:
        heading = ln.get("heading", False)
        if prev is not None:
            height = max(prev["bottom"] - prev["top"], 1.0)
            if (ln["top"] - prev["bottom"] > (PARAGRAPH_GAP - 1.0) * height + 0.5 * height
                    or heading != prev.get("heading", False)):
                paras.append((_join_lines(current, words), prev.get("heading", False)))
                current = []
        current.append(ln["text"])
        prev = ln
    if current:
        paras.append((_join_lines(current, words), prev.get("heading", False)))
    return [(p, heading) for p, heading in paras if p]


def read_pdf(path: Path) -> SourceText:
    if path.stat().st_size == 0:
        raise EmptyInput(str(path), "empty file")
    return pdf_source(path, str(path))


def read_pdf_bytes(data: bytes, name: str) -> SourceText:
    """A PDF held in memory (a fetched address), named ``name`` in errors and records."""
    import io

    if not data:
        raise EmptyInput(name, "empty file")
    return pdf_source(io.BytesIO(data), name)


def _damage(page) -> Optional[str]:
    """Why the page's content cannot be read whole (a content stream that is missing, or that
    does not decode although it holds bytes), or None. pdfminer skips such a page in silence."""
    from pdfminer.pdftypes import PDFStream, resolve1

    if page.page_obj.attrs.get("Contents") is None:
        return None        # a page with no content at all: blank, not damaged
    for stream in page.page_obj.contents:
        stream = resolve1(stream)
        if not isinstance(stream, PDFStream):
            return "its content stream is missing"
        declared = resolve1(stream.attrs.get("Length", 0))
        try:
            data = stream.get_data()
        except Exception as exc:  # noqa: BLE001 — pdfminer raises many types for bad streams
            return f"its content stream does not decode ({type(exc).__name__})"
        if not data and isinstance(declared, int) and declared > 0:
            return "its content stream does not decode"
    return None


def _read_pages(pdf, name: str, notes: list) -> tuple[list[list[dict]], bool]:
    """(each page's lines, whether a page without text holds an image); a page that cannot
    be read is empty, with a warning in ``notes`` naming it (all pages unreadable: the file
    is not a readable PDF). Each page is let go once read, so memory does not grow with the
    page count."""
    pages_lines, failures, images = [], 0, False
    for number, page in enumerate(pdf.pages, start=1):
        problem = _damage(page)
        try:
            lines = _page_lines(page)
            images = images or (not lines and bool(page.images))
        except Exception as exc:  # noqa: BLE001
            lines, problem, failures = [], f"it could not be read ({type(exc).__name__})", failures + 1
        finally:
            page.close()
        if problem:
            notes.append(ReadWarning("unreadable_page", f"page {number}: {problem}; its text is missing or incomplete",
                                     page=number))
        pages_lines.append(lines)
    if pages_lines and failures == len(pages_lines):
        raise ValueError("no page could be read")
    return pages_lines, images


def pdf_source(file, name: str) -> SourceText:
    notes: list = []
    try:
        with pdfplumber.open(file) as pdf:
            pages_lines, has_images = _read_pages(pdf, name, notes)
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
    words = document_words([ln["text"] for lines in pages_lines for ln in lines])
    pieces, at, spans, headings = [], 0, [], []     # the text's pieces, and its length so far
    for number, lines in enumerate(pages_lines, start=1):
        kept = [ln for ln in lines if _shape(ln["text"]) not in running]
        if kept and _PAGE_NUMBER.match(kept[0]["text"]):
            kept = kept[1:]
        if kept and _PAGE_NUMBER.match(kept[-1]["text"]):
            kept = kept[:-1]
        if at:                                      # pages and paragraphs apart by a blank line
            pieces.append("\n\n")
            at += 2
        start = at
        for n, (paragraph, heading) in enumerate(_paragraphs(kept, words)):
            if n:
                pieces.append("\n\n")
                at += 2
            if heading:
                headings.append((at, at + len(paragraph)))
            pieces.append(paragraph)
            at += len(paragraph)
        spans.append((number, start, at))
    text = "".join(pieces)
    if not text.strip():
        raise EmptyInput(name, "PDF has no text besides headers and page numbers")
    return SourceText(path=name, text=text + "\n", pages=tuple(spans), headings=tuple(headings),
                      warnings=tuple(notes))
