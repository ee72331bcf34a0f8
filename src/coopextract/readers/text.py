"""Plain text and Markdown: bytes → decoded, line-ending-normalised text."""

import sys
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import BinaryInput, EmptyInput, InputError
from . import SourceText

# Magic numbers of common binary formats that end up renamed to .txt in real archives.
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"\xd0\xcf\x11\xe0")
# Share of NUL / control bytes above which a file is binary, not text with a few stray bytes.
# Chosen so that a UTF-16 file without BOM or any image is caught while a text file with a
# handful of NULs (seen in exported reports) is still read.
BINARY_CONTROL_RATIO = 0.05
_SNIFF = 8192


def looks_binary(data: bytes) -> bool:
    if data.startswith(_BINARY_MAGIC):
        return True
    head = data[:_SNIFF]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM is text
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 and b != 27)
    return controls / max(len(head), 1) > BINARY_CONTROL_RATIO


def decode(data: bytes, path: str) -> str:
    """Decode bytes: UTF-8 (with or without BOM) first, else the detected encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise InputError(path, "undecodable text: no known encoding fits its bytes") from None
        text = str(best)
    return normalise(text)


def normalise(text: str) -> str:
    """Line endings to ``\\n``, NUL bytes dropped, NFC composition (keeps İ, ş, ə stable)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return unicodedata.normalize("NFC", text)


def source_from_bytes(data: bytes, path: str) -> SourceText:
    if not data:
        raise EmptyInput(path, "empty file")
    if looks_binary(data):
        raise BinaryInput(path, "binary file, not text")
    text = decode(data, path)
    if not text.strip():
        raise EmptyInput(path, "no text (whitespace only)")
    return SourceText(path=path, text=text)


def read_text(path: Path) -> SourceText:
    return source_from_bytes(path.read_bytes(), str(path))


def read_stdin() -> SourceText:
    return source_from_bytes(sys.stdin.buffer.read(), "-")
