"""Run a spaCy ``Matcher`` only where a match can start: the same matches, found faster.

A ``Matcher`` checks every pattern's first token at every token of the Doc; with ``IN``
lists each check is a Python call, so a few dozen patterns cost ~10 µs per token. When every
pattern requires a word (``{"LOWER": ...}`` or ``{"ORTH": ...}``, a string or an ``IN``
list) at a fixed offset ``k`` from its start (only single-token specs before it) and has a
bounded length ``n``, a match can only lie in ``[i - k, i - k + n)`` around a token ``i``
that is one of those words. :func:`pattern_anchors` derives the words and their windows FROM
the patterns (no hand list), :func:`match_windows` finds the windows with one pass over the
Doc's attribute arrays, and :func:`windowed_matches` runs the matcher on those windows only.
Patterns that cannot be anchored (no required word before the first optional token, an
unbounded quantifier) switch windowing off: the whole Doc is matched as before.
"""

import re
from typing import Optional

from spacy.attrs import LOWER, ORTH
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

# Quantifiers of the Matcher: how many tokens a token spec may consume at most (None: no bound).
_FIXED_OPS = {None: 1, "!": 1, "1": 1, "?": 1}
_RANGE_OP = re.compile(r"^\{(\d*)(,?)(\d*)\}$")


class Anchors:
    """Anchor words of a pattern set (string-store ids per attribute) and, per word, one entry
    per pattern it anchors: (tokens before it, tokens from it on, checks). ``checks`` are the
    pattern's other required words at fixed offsets from the anchor — (offset, 0 for LOWER or
    1 for ORTH, ids) — which must all be there for the pattern to match: "on" opens a window
    for "on a ... visit" only when "a"/"an" follows."""

    __slots__ = ("lower", "orth")

    def __init__(self) -> None:
        self.lower: dict[int, list[tuple[int, int, tuple]]] = {}
        self.orth: dict[int, list[tuple[int, int, tuple]]] = {}

    def add(self, attr: str, words, before: int, after: int, checks: tuple = ()) -> None:
        table = self.lower if attr == "LOWER" else self.orth
        entry = (before, after, checks)
        for word in words:
            entries = table.setdefault(get_string_id(word), [])
            if entry not in entries:
                entries.append(entry)


def _max_tokens(spec: dict) -> Optional[int]:
    op = spec.get("OP")
    if op in _FIXED_OPS:
        return _FIXED_OPS[op]
    if op in ("+", "*"):
        return None
    found = _RANGE_OP.match(op) if isinstance(op, str) else None
    if not found:
        return None
    low, comma, high = found.groups()
    if comma and not high:
        return None  # "{n,}" is unbounded
    return int(high or low)


def pattern_length(pattern: list) -> Optional[int]:
    """Longest match of a token pattern, in tokens; None when unbounded."""
    total = 0
    for spec in pattern:
        n = _max_tokens(spec)
        if n is None:
            return None
        total += n
    return total


def _required_words(spec: dict) -> Optional[tuple[str, list]]:
    """(attribute, words) one of which a token spec requires, or None when it requires none."""
    if spec.get("OP") not in (None, "1"):
        return None  # may be skipped or negated
    for attr in ("LOWER", "ORTH", "TEXT"):
        if attr in spec:
            value = spec[attr]
            if isinstance(value, str):
                words = [value]
            elif isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
                words = value["IN"]
            else:
                return None
            return ("LOWER" if attr == "LOWER" else "ORTH"), words
    return None


def _fixed_words(pattern: list) -> list[tuple[int, str, list]]:
    """(offset, attribute, words) of every required word before the first token spec whose
    width varies: their offsets from the start of a match are fixed."""
    found = []
    for offset, spec in enumerate(pattern):
        words = _required_words(spec)
        if words is not None:
            found.append((offset, *words))
        if spec.get("OP") not in (None, "!", "1"):
            break  # the offsets of later tokens vary
    return found


def pattern_anchors(patterns) -> Optional[Anchors]:
    """Anchors of every pattern, or None when any pattern cannot be anchored."""
    anchors = Anchors()
    for pattern in patterns:
        length = pattern_length(pattern) if pattern else None
        fixed = _fixed_words(pattern) if pattern else []
        if length is None or not fixed:
            return None
        offset, attr, words = fixed[0]
        checks = tuple((k - offset, 0 if a == "LOWER" else 1, frozenset(get_string_id(w) for w in ws))
                       for k, a, ws in fixed[1:])
        anchors.add(attr, words, offset, length - offset, checks)
    return anchors


def match_windows(doc: Doc, anchors: Anchors, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int]]:
    """Disjoint, ordered token ranges holding every possible match inside ``doc[start:end]``."""
    n = len(doc) if end is None else end
    if n <= start:
        return []
    lower, orth = anchors.lower, anchors.orth
    rows = doc.to_array([LOWER, ORTH])[start:n].tolist()
    found = []
    for i, (low, text) in enumerate(rows, start):
        entries = lower.get(low, ())
        if orth and text in orth:
            entries = [*entries, *orth[text]]
        for before, after, checks in entries:
            if checks and not all(start <= i + k < n and rows[i + k - start][attr] in ids for k, attr, ids in checks):
                continue
            found.append((max(start, i - before), min(n, i + after)))
    return merge_windows(sorted(found))


def merge_windows(ranges) -> list[tuple[int, int]]:
    """Token ranges sorted by start → disjoint ranges, overlapping or touching ones joined."""
    out: list[list[int]] = []
    for lo, hi in ranges:
        if out and lo <= out[-1][1]:   # overlapping or touching: one window
            if hi > out[-1][1]:
                out[-1][1] = hi
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def windowed_matches(matcher: Matcher, doc: Doc, anchors: Optional[Anchors],
                     start: int = 0, end: Optional[int] = None) -> list[tuple[int, int, int]]:
    """``matcher(doc[start:end])``'s matches (match id, start, end as Doc offsets), computed on
    the anchor windows only."""
    end = len(doc) if end is None else end
    if end <= start:
        return []
    if anchors is None:
        return [(m, start + s, start + e) for m, s, e in matcher(doc[start:end])]
    return [(m, lo + s, lo + e) for lo, hi in match_windows(doc, anchors, start, end)
            for m, s, e in matcher(doc[lo:hi])]
