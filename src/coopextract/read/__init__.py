"""① Readers: a file (or standard input) → :class:`SourceText`.

One module per format. Every reader returns the document's whole decoded text, so any
record's ``char_start:char_end`` cuts its span back out of it; a PDF also gives the
character span of each page.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from coopextract.errors import InputError, UnsupportedInput

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm")


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

    @property
    def doc_id(self) -> str:
        if self.name:
            return self.name
        return "stdin" if self.path == "-" else Path(self.path).stem

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
        if item != "-" and p.is_dir():
            for child in sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith(".")):
                if child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield str(child)
        else:
            yield item
