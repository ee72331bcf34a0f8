"""Markdown → a normalised text: the words a reader sees, without the markup.

The document text all offsets refer to is this normalised text (see :mod:`coopextract.read`):
one block per paragraph, heading, list item and table row. Removed: ``#`` heading marks and
setext underlines, list markers (``-``, ``*``, ``+``, ``1.``), block quotes' ``>``, code
fences, table rules (``|---|``), link reference definitions, HTML comments; kept: the text of
links and images (``[text](url)`` → ``text``, ``<https://x.org>`` → ``https://x.org``),
emphasis and code (``**a**``, ``_a_``, ``~~a~~``, ```a``` → ``a``), escaped characters
(``\\*`` → ``*``). Each table row is a block of its cells in order, joined by `` | ``.
"""

import re
from pathlib import Path

from coopextract.errors import BinaryInput, EmptyInput
from coopextract.read import SourceText, structured_text
from coopextract.read.text import decode, looks_binary

CELL_SEPARATOR = " | "

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?[ \t]+(?=\S)")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_COMMENT = re.compile(r"<!--.*?-->", re.S)

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+|[^@>\s]+@[^>\s]+)>")
_CODE = re.compile(r"(`+)(.+?)\1", re.S)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def inline(text: str) -> str:
    """The words of one Markdown line or block, without inline markup."""
    codes: list[str] = []

    def keep_code(match):
        codes.append(match.group(2).strip())
        return f"\x00{len(codes) - 1}\x00"

    text = _CODE.sub(keep_code, text)             # code spans are literal: no markup inside
    text = _ESCAPE.sub(lambda m: codes.append(m.group(1)) or f"\x00{len(codes) - 1}\x00", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    for pattern in (_STRONG, _STRIKE):
        text = pattern.sub(lambda m: m.group(2) if m.lastindex == 2 else m.group(1), text)
    text = _EM_STAR.sub(r"\1", text)
    text = _EM_UNDER.sub(r"\1", text)
    return re.sub("\x00(\\d+)\x00", lambda m: codes[int(m.group(1))], text)


def _cells(line: str) -> list[str]:
    row = line.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [inline(c.strip().replace("\\|", "|")) for c in re.split(r"(?<!\\)\|", row)]


def markdown_blocks(text: str) -> list[tuple[str, bool]]:
    """``[(block text, is_heading)]`` of a Markdown text, in order."""
    text = _COMMENT.sub("", text)
    blocks: list[tuple[str, bool]] = []
    current: list[str] = []     # lines of the open paragraph or list item
    fence = None
    in_item = [False]           # whether the open block is a list item

    def close():
        if current:
            blocks.append((inline(" ".join(current)), False))
            current.clear()
        in_item[0] = False

    lines = text.split("\n")
    for n, line in enumerate(lines):
        if fence:
            if line.strip().startswith(fence):
                fence = None
                close()
            else:
                current.append(line.strip())
            continue
        found = _FENCE.match(line)
        if found:
            close()
            fence = found.group(1)
            continue
        line = _QUOTE.sub("", _QUOTE.sub("", line))
        if not line.strip():
            close()
            continue
        heading = _ATX.match(line)
        if heading:
            close()
            blocks.append((inline(heading.group(2) or ""), True))
            continue
        if _SETEXT.match(line) and current and not in_item[0]:    # "Title" over "=====" or "-----"
            blocks.append((inline(" ".join(current)), True))
            current.clear()
            continue
        if _RULE.match(line):
            close()
            continue
        if _REF_DEF.match(line) and not current:
            continue
        if "|" in line and (line.lstrip().startswith("|") or _is_table(lines, n)):
            close()
            if not _TABLE_RULE.match(line):
                blocks.append((CELL_SEPARATOR.join(c for c in _cells(line) if c), False))
            continue
        item = _ITEM.match(line)
        if item:
            close()
            in_item[0] = True
            current.append(line[item.end():].strip())
            continue
        current.append(line.strip())
    close()
    return blocks


def _is_table(lines: list[str], n: int) -> bool:
    """A pipe row without a leading ``|`` is a table row when a rule line is next to it."""
    return any(0 <= k < len(lines) and "|" in lines[k] and _TABLE_RULE.match(lines[k]) for k in (n - 1, n + 1, n))


def read_markdown(path: Path) -> SourceText:
    from coopextract.read import read_file_bytes

    return markdown_source(read_file_bytes(str(path)), str(path))


def markdown_source(data: bytes, name: str) -> SourceText:
    if not data:
        raise EmptyInput(name, "empty file")
    if looks_binary(data):
        raise BinaryInput(name, "binary file, not text")
    notes: list = []
    text, headings = structured_text(markdown_blocks(decode(data, name, notes)))
    if not text.strip():
        raise EmptyInput(name, "no text (whitespace or markup only)")
    return SourceText(path=name, text=text, headings=headings, structured=True, warnings=tuple(notes))
