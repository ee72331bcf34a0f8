"""HTML pages → their main article text, via trafilatura (navigation, menus, footers dropped).

trafilatura's XML output keeps the page's structure: each paragraph, list item and table row
becomes one block of the document text (a row's cells in order, joined by `` | ``), and the
page's ``<h1>``-``<h6>`` headings become headings (:attr:`SourceText.headings`).
"""

from pathlib import Path
from typing import Optional

import trafilatura
from lxml import etree

from coopextract.errors import EmptyInput, InputError
from coopextract.read import SourceText, structured_text
from coopextract.read.text import decode


# trafilatura's fallback extractors (used when its own finds no article) return menu and
# footer text on pages without an article; their result is kept only when it is at least
# this many words — a short news item is longer, a navigation bar ("Home News About") is not.
MIN_FALLBACK_WORDS = 15
CELL_SEPARATOR = " | "
# trafilatura's XML elements that hold one block of text each; <list>, <table>, <quote> and
# <div> hold blocks of their own.
_BLOCK_TAGS = {"p", "head", "item", "code", "quote"}
# The latest page date taken as the page's own. trafilatura (htmldate) caps dates at the day of
# the run, so a page dated after it lost its date, and what "yesterday" in it meant depended on
# the day and time zone of the run; a fixed bound keeps the page's date as given, and the same
# output whenever it runs. 9999-12-31 is the last date Python (and ISO 8601) can hold.
LATEST_PAGE_DATE = "9999-12-31"
# Only what the page says of itself (its metadata, <time> markup, address): htmldate's
# "extensive" search also reads dates out of the article's text, so a table of dated visits gave
# its last row as the page's date; dates in the text are the pipeline's to read (a date line
# there still dates the story).
_DATE_CONFIG = {"original_date": True, "extensive_search": False, "max_date": LATEST_PAGE_DATE}


def _extract(html: str, fast: bool) -> Optional[str]:
    return trafilatura.extract(
        html,
        fast=fast,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
    )


def _text(element) -> list[str]:
    """The element's text, cut at its line breaks (<lb/>), as trafilatura's text output does."""
    pieces, current = [], [element.text or ""]
    for child in element:
        if child.tag == "lb":
            pieces.append("".join(current))
            current = []
        else:
            current.append("".join(child.itertext()))
        current.append(child.tail or "")
    pieces.append("".join(current))
    return [p for p in (" ".join(p.split()) for p in pieces) if p]


def _blocks(element, out: list) -> None:
    for child in element:
        tag = child.tag
        if tag == "table":
            for row in child.iter("row"):
                cells = [" ".join("".join(cell.itertext()).split()) for cell in row if cell.tag == "cell"]
                out.append((CELL_SEPARATOR.join(c for c in cells if c), False))
        elif tag in ("list", "div", "main") or (tag == "quote" and len(child) and child[0].tag in _BLOCK_TAGS):
            _blocks(child, out)
        elif tag in _BLOCK_TAGS:
            if tag == "item" and any(c.tag in ("list", "p") for c in child):
                own = (child.text or "").strip()
                if own:
                    out.append((own, False))
                _blocks(child, out)
                continue
            out.extend((piece, tag == "head") for piece in _text(child))


def xml_blocks(xml: str) -> list[tuple[str, bool]]:
    """``[(block text, is_heading)]`` of trafilatura's XML output."""
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    out: list = []
    _blocks(main if main is not None else root, out)
    return out


def html_to_source(html: str, path: str) -> tuple[str, tuple, Optional[str]]:
    """(the article text, its headings' spans, the page's date if stated)."""
    xml = _extract(html, fast=True)
    if not xml or not "".join(etree.fromstring(xml.encode("utf-8")).itertext()).strip():
        xml = _extract(html, fast=False)
        if xml and len(" ".join(etree.fromstring(xml.encode("utf-8")).itertext()).split()) < MIN_FALLBACK_WORDS:
            xml = None
    meta = trafilatura.extract_metadata(html, date_config=_DATE_CONFIG)
    doc_date = meta.date if meta is not None and meta.date else None
    if not xml:
        return "", (), doc_date
    try:
        text, headings = structured_text(xml_blocks(xml))
    except etree.XMLSyntaxError as exc:   # trafilatura's own output: not expected
        raise InputError(path, f"the article could not be parsed ({exc})") from None
    return text, headings, doc_date


def html_to_text(html: str) -> tuple[str, Optional[str]]:
    """The article text (paragraphs separated by blank lines) and the page's date, if stated."""
    text, _, doc_date = html_to_source(html, "html")
    return text, doc_date


def source_from_html(data: bytes, path: str) -> SourceText:
    if not data.strip():
        raise EmptyInput(path, "empty file")
    notes: list = []
    text, headings, doc_date = html_to_source(decode(data, path, notes), path)
    if not text.strip():
        raise EmptyInput(path, "no article text found in the HTML page")
    return SourceText(path=path, text=text, doc_date=doc_date, headings=headings, structured=True,
                      warnings=tuple(notes))


def read_html(path: Path) -> SourceText:
    from coopextract.read import read_file_bytes

    return source_from_html(read_file_bytes(str(path)), str(path))
