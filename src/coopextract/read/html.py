"""HTML news pages → their main article text, via trafilatura (navigation, menus, footers dropped)."""

from pathlib import Path

import trafilatura

from coopextract.errors import EmptyInput
from coopextract.read import SourceText
from coopextract.read.text import decode


# trafilatura's fallback extractors (used when its own finds no article) return menu and
# footer text on pages without an article; their result is kept only when it is at least
# this many words — a short news item is longer, a navigation bar ("Home News About") is not.
MIN_FALLBACK_WORDS = 15


def _extract(html: str, fast: bool):
    return trafilatura.extract(
        html,
        fast=fast,
        include_comments=False,
        include_tables=False,
        include_links=False,
        favor_precision=True,
        deduplicate=False,
    )


def html_to_text(html: str) -> tuple[str, str | None]:
    """The article text (paragraphs separated by blank lines) and the page's date, if stated."""
    text = _extract(html, fast=True)
    if not text:
        text = _extract(html, fast=False)
        if text and len(text.split()) < MIN_FALLBACK_WORDS:
            text = None
    meta = trafilatura.extract_metadata(html)
    doc_date = meta.date if meta is not None and meta.date else None
    if not text:
        return "", doc_date
    # trafilatura separates blocks by single newlines; SPEC paragraphs are blank-line blocks.
    blocks = [line.strip() for line in text.split("\n") if line.strip()]
    return "\n\n".join(blocks) + "\n", doc_date


def read_html(path: Path) -> SourceText:
    data = path.read_bytes()
    if not data.strip():
        raise EmptyInput(str(path), "empty file")
    text, doc_date = html_to_text(decode(data, str(path)))
    if not text.strip():
        raise EmptyInput(str(path), "no article text found in the HTML page")
    return SourceText(path=str(path), text=text, doc_date=doc_date)
