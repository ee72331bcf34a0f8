"""Word files (``.docx``) → text, with python-docx: the body's paragraphs and tables in
document order. A paragraph whose style is a heading ("Heading 1"…, "Title") is a heading
(:attr:`SourceText.headings`); each table row is one block of its cells in order, joined by
`` | `` (a merged cell counted once; a table inside a cell read as its text).
"""

import zipfile
from pathlib import Path

from coopextract.errors import EmptyInput, InputError
from coopextract.read import SourceText, structured_text

CELL_SEPARATOR = " | "
# Word saves a password-protected .docx as an OLE2 compound file holding the encrypted package.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADING_STYLES = ("heading", "title", "subtitle")


def _is_heading(paragraph) -> bool:
    style = paragraph.style
    while style is not None:     # a custom style based on "Heading 2" is a heading too
        name = (style.name or "").lower()
        if name.startswith(_HEADING_STYLES):
            return True
        style = style.base_style
    return False


def _cell_text(cell) -> str:
    return " ".join(" ".join(p.text.split()) for p in cell.paragraphs if p.text.strip())


def docx_blocks(document) -> list[tuple[str, bool]]:
    """``[(block text, is_heading)]`` of a python-docx Document, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[tuple[str, bool]] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            out.append((item.text, _is_heading(item)))
        elif isinstance(item, Table):
            for row in item.rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) in seen:     # a merged cell is repeated once per grid column
                        continue
                    seen.add(id(cell._tc))
                    text = _cell_text(cell)
                    if text:
                        cells.append(text)
                out.append((CELL_SEPARATOR.join(cells), False))
    return out


def read_docx(path: Path) -> SourceText:
    from coopextract.read import read_file_bytes

    return docx_source(read_file_bytes(str(path)), str(path))


def docx_source(data: bytes, name: str) -> SourceText:
    """A Word file held in memory, named ``name`` in errors and records."""
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    head = data[:8]
    if not head:
        raise EmptyInput(name, "empty file")
    if head.startswith(_OLE_MAGIC):
        raise InputError(name, "password-protected or old-format Word file: save it as .docx without a password")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(name, f"not a readable .docx file (corrupt or not a Word document: {type(exc).__name__})") from None
    except Exception as exc:  # lxml and zipfile raise many types for damaged parts
        raise InputError(name, f"not a readable .docx file ({type(exc).__name__})") from None
    text, headings = structured_text(docx_blocks(document))
    if not text.strip():
        raise EmptyInput(name, "the Word file has no text")
    return SourceText(path=name, text=text, headings=headings, structured=True)
