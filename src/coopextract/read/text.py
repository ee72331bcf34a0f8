"""Plain text and Markdown: bytes → decoded, line-ending-normalised text."""

import codecs
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Optional

from coopextract.errors import BinaryInput, EmptyInput, InputError, ModelsError
from coopextract.resources import models_path
from coopextract.pipeline.lexicon import read_word_list
from coopextract.read import ReadWarning, SourceText, read_capped

# Magic numbers of common binary formats that end up renamed to .txt in real archives.
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"\xd0\xcf\x11\xe0")
# Share of NUL / control bytes above which a file is binary, not text with a few stray bytes.
# Chosen so that a UTF-16 file without BOM or any image is caught while a text file with a
# handful of NULs (seen in exported reports) is still read.
BINARY_CONTROL_RATIO = 0.05
_SNIFF = 8192
# A legacy decoding is a guess with low confidence when more than this share of its
# non-ASCII characters are symbols (box drawing, maths, arrows) rather than letters and
# punctuation, with at least LOW_CONFIDENCE_MIN_SYMBOLS of them: Shift-JIS or GBK read
# through a Cyrillic code page gives ~50%, real cp125x/KOI8-R prose gives under 5% (°, €, ©).
LOW_CONFIDENCE_SYMBOL_SHARE = 0.2
LOW_CONFIDENCE_MIN_SYMBOLS = 10
# Bytes given to charset-normalizer: its guess only breaks ties, and it is slow on megabytes.
_DETECT_BYTES = 65536

_WORD = re.compile(r"[^\W\d_]+(?:[\u0300-\u036f]+[^\W\d_]*)*")
_LOWER_UPPER = re.compile(r"[a-zß-ÿа-џ][A-ZÀ-ÞЀ-Я]")
_INWORD_SYMBOL = re.compile(r"(?<=[^\W\d_])[\u00a0-\u00bf\u02c6-\u02dc\u2020-\u2122\ufb50-\ufefc](?=[^\W\d_])")
# A lead byte of a 2–3 byte UTF-8 sequence read as cp1252/latin-1, then its continuation(s).
_MOJIBAKE = re.compile(r"(?:[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,2})+")


def looks_binary(data: bytes) -> bool:
    if data.startswith(_BINARY_MAGIC):
        return True
    head = data[:_SNIFF]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM is text
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 and b != 27)
    return controls / max(len(head), 1) > BINARY_CONTROL_RATIO


def decode(data: bytes, path: str, notes: Optional[list] = None) -> str:
    """Decode bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else the most plausible
    legacy encoding — chosen line by line, so a UTF-8 file with a few legacy lines keeps both.
    ``notes`` (if given) receives a warning when that legacy encoding is a poor fit."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return normalise(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise InputError(path, "undecodable text: bad UTF-16 after a UTF-16 byte-order mark") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_mixed(data, path, notes)
    return normalise(_repair_mojibake(text))


def _decode_mixed(data: bytes, path: str, notes: Optional[list] = None) -> str:
    """UTF-8 lines stay UTF-8; the other lines share one legacy encoding picked over all of them."""
    lines = data.splitlines(keepends=True)
    decoded: list = []
    legacy = bytearray()
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            decoded.append(None)
            legacy += line
    encoding = best_legacy_encoding(bytes(legacy), path)
    if notes is not None and low_confidence(bytes(legacy).decode(encoding, errors="replace")):
        notes.append(ReadWarning("low_confidence_encoding", f"the encoding is a guess with low confidence ({encoding}); "
                                 "the text may be garbled: convert the file to UTF-8"))
    return "".join(d if d is not None else line.decode(encoding, errors="replace") for d, line in zip(decoded, lines))


@lru_cache(maxsize=1)
def legacy_encodings() -> tuple[str, ...]:
    """``models/legacy_encodings.txt``: codec names, in order of preference."""
    file = models_path("legacy_encodings.txt")
    names = []
    for n, line in read_word_list(file, "encoding list"):
        try:
            codecs.lookup(line)
        except LookupError:
            raise ModelsError(f"{file}:{n}: unknown encoding {line!r}") from None
        names.append(line)
    return tuple(names)


def best_legacy_encoding(data: bytes, path: str) -> str:
    """The codec whose decoding of ``data`` looks most like real text (ties: list order).

    charset-normalizer's guess is tried last: on short texts it often confuses code pages
    that differ only in a few letters (cp1250 vs cp1254), which our plausibility score sees."""
    from charset_normalizer import from_bytes    # here: only text that is not UTF-8 needs it (~10 ms to import)

    candidates = list(legacy_encodings())
    guess = from_bytes(data[:_DETECT_BYTES]).best()
    if guess is not None and guess.encoding not in candidates:
        candidates.append(guess.encoding)
    best, best_score = None, None
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        score = implausibility(text)
        if best_score is None or score < best_score:
            best, best_score = encoding, score
    if best is None:
        raise InputError(path, "undecodable text: no known encoding fits its bytes")
    return best


def low_confidence(text: str) -> bool:
    """Whether a legacy decoding looks like junk (see ``LOW_CONFIDENCE_SYMBOL_SHARE``)."""
    wide = [c for c in text if ord(c) > 127]
    symbols = sum(1 for c in wide if unicodedata.category(c).startswith("S") or c == "\ufffd")
    return symbols >= LOW_CONFIDENCE_MIN_SYMBOLS and symbols > LOW_CONFIDENCE_SYMBOL_SHARE * len(wide)


def _script(char: str) -> str:
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def implausibility(text: str) -> int:
    """How unlike real prose a decoding is: control/private/replacement characters, symbols
    inside words, words mixing scripts (``Kьtьphane``), and Latin words made mostly of
    accented letters (Cyrillic read as cp1254: ``Áèáëèîòåêà``), lower case before upper
    inside a word. 0 for clean text."""
    score = 0
    for char in text:
        category = unicodedata.category(char)
        if (category in ("Cc", "Co", "Cs", "Cn") and char not in "\t\n\r\x00") or char == "\ufffd":
            score += 3
    for match in _INWORD_SYMBOL.finditer(text):
        score += 2
    for word in _WORD.findall(text):
        scripts = {_script(c) for c in word if c.isalpha()}
        if len(scripts) > 1:
            score += 2
        if _LOWER_UPPER.search(word):  # KOI8-R read as cp1251 inverts case: "дЕМЕЗБГЙС"
            score += 1
        elif scripts == {"LATIN"} and len(word) >= 3:
            accented = sum(1 for c in word if ord(c) > 127)
            if accented * 2 > len(word):
                score += 1
    return score


def _repair_mojibake(text: str) -> str:
    """UTF-8 that was once decoded as cp1252/latin-1 and saved again (``KÃ¼tÃ¼phane``):
    each such run is re-decoded when that gives valid UTF-8 and more plausible text."""
    if not _MOJIBAKE.search(text):
        return text

    def fix(match):
        run = match.group(0)
        for codec in ("cp1252", "latin_1"):
            try:
                fixed = run.encode(codec).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            if implausibility(fixed) <= implausibility(run):
                return fixed
        return run

    return _MOJIBAKE.sub(fix, text)


def normalise(text: str) -> str:
    """Line endings to ``\\n``, NUL bytes dropped, NFC composition (keeps İ, ş, ə stable)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return unicodedata.normalize("NFC", text)


def source_from_bytes(data: bytes, path: str) -> SourceText:
    if not data:
        raise EmptyInput(path, "empty file")
    if looks_binary(data):
        raise BinaryInput(path, "binary file, not text")
    notes: list = []
    text = decode(data, path, notes)
    if not text.strip():
        raise EmptyInput(path, "no text (whitespace only)")
    return SourceText(path=path, text=text, warnings=tuple(notes))


def read_text(path: Path) -> SourceText:
    from coopextract.read import read_file_bytes

    return source_from_bytes(read_file_bytes(str(path)), str(path))


def read_stdin() -> SourceText:
    """Standard input as text, under the same ``MAX_INPUT_BYTES`` as a file."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("-", "standard input is closed")
    try:
        data = read_capped(stream, "-")
    except (OSError, ValueError) as exc:   # a closed or unreadable descriptor 0
        raise InputError("-", f"standard input cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    return source_from_bytes(data, "-")
