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

import hashlib
import os
import stat
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Iterator, Optional

from coopextract.errors import InputError, UnsupportedInput, display_path

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm", ".docx")
URL_SCHEMES = ("http://", "https://")
# Bytes read at most from any one input (a file or standard input): 200 MB is ten times the
# largest annual report PDF seen (~20 MB) and 100 times a long plain-text book; more is not one
# document, or is a device such as /dev/zero, and would only exhaust memory.
MAX_INPUT_BYTES = 200 * 1024 * 1024
_READ_BLOCK = 1 << 20


def is_url(path) -> bool:
    return str(path).lower().startswith(URL_SCHEMES)


# What a warning about an input is about (``ReadWarning.code``, the records' ``warnings``).
WARNING_CODES = ("unreadable_page", "low_confidence_encoding", "mostly_bibliography")


@dataclass(frozen=True)
class ReadWarning:
    """Content of an input that may be lost or misread: ``code`` (one of ``WARNING_CODES``),
    a one-line ``message`` saying what and what to do, and the PDF ``page`` it concerns."""

    code: str
    message: str
    page: Optional[int] = None


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
    # SHA-256 of the bytes actually read (files only): what ``--resume`` compares.
    sha256: Optional[str] = None
    # Content that may be lost or misread (a PDF page that could not be read, an encoding
    # guessed with low confidence): :class:`ReadWarning`, carried into every record.
    warnings: tuple[ReadWarning, ...] = field(default=())

    @cached_property
    def doc_id(self) -> str:
        """The document's id (every record carries it): computed once (``Path`` parsing)."""
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


def too_large(name: str) -> InputError:
    return InputError(name, f"larger than the input limit of {MAX_INPUT_BYTES // (1024 * 1024)} MB "
                            "(MAX_INPUT_BYTES); split it into several files")


def read_capped(handle, name: str) -> bytes:
    """All bytes of an open binary ``handle``, or :func:`too_large` past ``MAX_INPUT_BYTES``."""
    chunks, size = [], 0
    while True:
        chunk = handle.read(min(_READ_BLOCK, MAX_INPUT_BYTES + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_INPUT_BYTES:
            raise too_large(name)


def read_file_bytes(path: str) -> bytes:
    """The bytes of the regular file ``path``: a FIFO, device or socket is refused before it is
    opened (opening a FIFO would wait for a writer; ``/dev/zero`` never ends)."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise InputError(path, "not a regular file (a pipe, device or socket); give a file, or - for standard input")
    with open(path, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):   # swapped after the check
            raise InputError(path, "not a regular file (a pipe, device or socket)")
        return read_capped(handle, path)


def read(path) -> SourceText:
    """Read one input: a file path, or ``"-"`` for standard input."""
    path = str(path)
    if path == "-":
        from coopextract.read.text import read_stdin

        return read_stdin()
    if is_url(path):
        from coopextract.read.url import read_url

        return read_url(path)
    source = _read_file(path)
    shown = display_path(path)
    return source if shown == path else replace(source, path=shown)


def _read_file(path: str) -> SourceText:
    p = Path(path)
    suffix = p.suffix.lower()
    if not p.exists():
        raise InputError(path, "no such file")
    if p.is_dir():
        raise InputError(path, "is a directory (pass it as an input to walk it)")
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedInput(path, f"unsupported file type {suffix or '(none)'!r}; expected one of {', '.join(SUPPORTED_SUFFIXES)}")
    try:
        data = read_file_bytes(path)   # read once, whatever the format: the hash is of these bytes
        if suffix == ".pdf":
            from coopextract.read.pdf import read_pdf_bytes as from_bytes
        elif suffix in (".html", ".htm"):
            from coopextract.read.html import source_from_html as from_bytes
        elif suffix == ".docx":
            from coopextract.read.docx import docx_source as from_bytes
        elif suffix == ".md":
            from coopextract.read.markdown import markdown_source as from_bytes
        else:
            from coopextract.read.text import source_from_bytes as from_bytes
        return replace(from_bytes(data, str(p)), sha256=hashlib.sha256(data).hexdigest())
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
