"""① Readers: a file (or standard input) → :class:`SourceText`.

One module per format. Every reader returns the document's whole decoded text, so any
record's ``char_start:char_end`` cuts its span back out of it; a PDF also gives the
character span of each page.

Structured formats (HTML, Markdown, DOCX) are given as a *normalised* text, which is then
the document text all offsets refer to: one block (blank-line separated) per paragraph,
heading, list item and table row; a row's cells in order joined by `` | ``; Markdown's
markup removed (``[National Library of Wales](https://library.wales)`` → ``National Library
of Wales``, ``**signed**`` → ``signed``, list markers and ``#`` dropped). Their headings'
spans travel in :attr:`SourceText.headings`.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from coopextract.errors import InputError, UnsupportedInput

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm", ".docx")
URL_SCHEMES = ("http://", "https://")


def is_url(path) -> bool:
    return str(path).lower().startswith(URL_SCHEMES)


@dataclass(frozen=True)
class SourceText:
    """A document's decoded text and where it came from."""

    path: str
    text: str
    # For PDFs: (page_number, char_start, char_end) of each page in ``text``; else empty.
    pages: tuple[tuple[int, int, int], ...] = field(default=())
    # A date the document states for itself (e.g. a news page's date line), ISO, if known.
    doc_date: Optional[str] = None
    # The document's id when it is not the file name's stem (texts given as strings).
    name: Optional[str] = None
    # (char_start, char_end) of the headings the source itself marks (HTML <h1>-<h6>,
    # Markdown "#" lines, DOCX heading styles); each is one block of ``text``.
    headings: tuple[tuple[int, int], ...] = field(default=())
    # True when the blocks come from the source's own structure (paragraphs, list items,
    # table rows), which no page break can have cut: they are never rejoined.
    structured: bool = False

    @property
    def doc_id(self) -> str:
        if self.name:
            return self.name
        if self.path == "-":
            return "stdin"
        if is_url(self.path):   # the last part of the address without extension, else the host
            address = self.path.split("://", 1)[1].split("?", 1)[0].split("#", 1)[0]
            host, _, rest = address.partition("/")
            last = rest.rstrip("/").rsplit("/", 1)[-1]
            return Path(last).stem or host
        return Path(self.path).stem

    def page_at(self, offset: int) -> Optional[int]:
        for number, start, end in self.pages:
            if start <= offset < end or (offset == end and number == self.pages[-1][0]):
                return number
        return None


def read(path) -> SourceText:
    """Read one input: a file path, or ``"-"`` for standard input."""
    path = str(path)
    if path == "-":
        from coopextract.read.text import read_stdin

        return read_stdin()
    if is_url(path):
        from coopextract.read.url import read_url

        return read_url(path)
    p = Path(path)
    suffix = p.suffix.lower()
    if not p.exists():
        raise InputError(path, "no such file")
    if p.is_dir():
        raise InputError(path, "is a directory (pass it as an input to walk it)")
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedInput(path, f"unsupported file type {suffix or '(none)'!r}; expected one of {', '.join(SUPPORTED_SUFFIXES)}")
    try:
        if suffix == ".pdf":
            from coopextract.read.pdf import read_pdf

            return read_pdf(p)
        if suffix in (".html", ".htm"):
            from coopextract.read.html import read_html

            return read_html(p)
        if suffix == ".docx":
            from coopextract.read.docx import read_docx

            return read_docx(p)
        if suffix == ".md":
            from coopextract.read.markdown import read_markdown

            return read_markdown(p)
        from coopextract.read.text import read_text

        return read_text(p)
    except InputError:
        raise
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except FileNotFoundError:
        raise InputError(path, "file disappeared while being read") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None


def expand_inputs(inputs) -> Iterator[str]:
    """Yield the files to read: directories walked (sorted, supported types only), ``-`` kept."""
    for item in inputs:
        item = str(item)
        p = Path(item)
        if item != "-" and not is_url(item) and p.is_dir():
            for child in sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith(".")):
                if child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield str(child)
        else:
            yield item


def structured_text(blocks) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``[(text, is_heading)]`` → (the document text: each block on its own, whitespace runs
    as one space, blocks separated by a blank line; the headings' spans). Empty blocks go."""
    parts, headings, at = [], [], 0
    for text, is_heading in blocks:
        text = " ".join(text.split())
        if not text:
            continue
        if parts:
            at += 2
        if is_heading:
            headings.append((at, at + len(text)))
        parts.append(text)
        at += len(text)
    return ("\n\n".join(parts) + "\n" if parts else ""), tuple(headings)
