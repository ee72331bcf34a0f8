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
from spacy.schemas import validate_token_pattern
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


# ---------------------------------------------------------------------------- token anchors
# For pattern sets whose required tokens are not all fixed words: each pattern is anchored on
# one required token spec (a word list or a regular expression over the token's text), and a
# token that satisfies it opens the window [i - before, i + after) where ``before`` / ``after``
# are the most tokens the pattern can have before that spec / from it on.

# Words that tell an unselective anchor: a spec matching one of them matches much of any text.
_COMMON = ("the", "of", "and", "in", "to", "a", "an", "on", "by", "for", "from", "with", "since", "until",
           "at", "as", "is", "it", "no", "not", "or", "be", "am", "i", "I", "he", "we", "do", "so", "up",
           "The", "In", "On", "A", "An", "No", "Library", "National", "said", "was", "is", ",", ".", "-", "(", ")")
# Size of the per-string cache of TokenWindows (string-store ids); cleared when full.
_WINDOW_CACHE_MAX = 1_000_000


def _spec_test(spec: dict):
    """(text → bool, selectivity rank) of a token spec's first word or regex constraint, or
    None when it has none: a necessary condition for the spec to match a token. Rank 0: a word
    list of no common word; 1: a regex matching no common word; 2: common words."""
    for attr in ("LOWER", "ORTH", "TEXT"):
        value = spec.get(attr)
        if value is None:
            continue
        lower = attr == "LOWER"
        regex = isinstance(value, dict) and set(value) == {"REGEX"} and isinstance(value["REGEX"], str)
        if isinstance(value, str) or (isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list)):
            words = frozenset([value] if isinstance(value, str) else value["IN"])
            test = (lambda s, w=words: s.lower() in w) if lower else (lambda s, w=words: s in w)
        elif regex:
            search = re.compile(value["REGEX"]).search   # the Matcher's REGEX: re.search on the text
            test = (lambda s, f=search: f(s.lower()) is not None) if lower else (lambda s, f=search: f(s) is not None)
        else:
            continue
        test.words, test.lower = (None if regex else words), lower     # for TokenWindows' word index
        test.regex = value["REGEX"] if regex else None
        common = any(test(w) for w in _COMMON)
        return test, (2 if common else 1 if regex else 0)
    return None


class TokenWindows:
    """Windows of a pattern set that can hold every match: :meth:`windows` for all patterns,
    :meth:`group_windows` for each group of patterns anchored on the same spec (``groups``:
    the patterns' indices per group). Built by :func:`token_windows`, which returns None when a
    pattern cannot be anchored."""

    def __init__(self, anchors: dict, groups: list, checks: Optional[list] = None):
        self.anchors = anchors              # {test: {(before, after, checks), ...}}: each test once
        self.tests = list(anchors)          # group number → its test
        self.groups = groups                # group number → indices of its patterns
        self.cache: dict[int, tuple] = {}   # string id → ((group, before, after, checks), ...) of the tests it passes
        # checks: ((offset from the anchor, check number), ...) — the pattern's other required
        # token specs at fixed offsets, each a necessary condition on that token's text
        self.checks = checks or []          # check number → its test
        self.passed: dict[tuple[int, int], bool] = {}   # (check number, string id) → the test's result
        # the word tests as one look-up per word (lower case and as written); the regexes each
        self.by_lower: dict[str, list[int]] = {}
        self.by_orth: dict[str, list[int]] = {}
        self.regexes = []
        for g, test in enumerate(self.tests):
            if test.words is None:
                self.regexes.append((g, test))
            else:
                for word in test.words:
                    (self.by_lower if test.lower else self.by_orth).setdefault(word, []).append(g)
        # Most words pass no regex: one search of all of them (as written, in lower case) first.
        self.any_regex = [(_any_of([t.regex for _, t in self.regexes if t.lower == lower]), lower)
                          for lower in (False, True) if any(t.lower == lower for _, t in self.regexes)]

    def _reaches(self, orth: int, strings) -> tuple:
        text = strings[orth]
        low = text.lower()
        some = any(search is None or search(low if lower else text) for search, lower in self.any_regex)
        by_lower, by_orth = self.by_lower.get(low), self.by_orth.get(text)
        if not (some or by_lower or by_orth):
            found = ()                  # most words: no test passed
        else:
            passed = {*(by_lower or ()), *(by_orth or ()), *((g for g, test in self.regexes if test(text)) if some else ())}
            found = tuple(sorted(((g, before, after, checks) for g in passed
                                  for before, after, checks in self.anchors[self.tests[g]]), key=lambda r: r[:3]))
        if len(self.cache) >= _WINDOW_CACHE_MAX:
            self.cache.clear()
        self.cache[orth] = found
        return found

    def _checked(self, checks: tuple, orths: list, i: int, strings) -> bool:
        """Whether every check of an anchor at token ``i`` passes (a token past either end fails)."""
        n, passed = len(orths), self.passed
        for offset, c in checks:
            k = i + offset
            if not 0 <= k < n:
                return False
            key = (c, orths[k])
            ok = passed.get(key)
            if ok is None:
                if len(passed) >= _WINDOW_CACHE_MAX:
                    passed.clear()
                ok = passed[key] = bool(self.checks[c](strings[orths[k]]))
            if not ok:
                return False
        return True

    def _windows(self, doc: Doc, start: int = 0, end: Optional[int] = None) -> dict[int, list[tuple[int, int]]]:
        """{group: its windows, unmerged} of the groups with a window in ``doc[start:end]`` (most
        groups have none in a paragraph: nothing is done for them); windows as Doc offsets."""
        strings, cache = doc.vocab.strings, self.cache
        found: dict[int, list] = {}
        orths = doc.to_array(ORTH).tolist()
        if start or end is not None:
            orths = orths[start:end]
        n = len(orths)
        for i, orth in enumerate(orths):
            reaches = cache.get(orth)
            if reaches is None:
                reaches = self._reaches(orth, strings)
            for g, before, after, checks in reaches:
                if checks and not self._checked(checks, orths, i, strings):
                    continue
                window = (start + max(0, i - before), start + min(n, i + after))
                if g in found:
                    found[g].append(window)
                else:
                    found[g] = [window]
        return found

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        """Disjoint, ordered token ranges holding every match of every pattern."""
        return merge_windows(sorted(w for group in self._windows(doc).values() for w in group))

    def group_windows(self, doc: Doc) -> list[list[tuple[int, int]]]:
        """Per group (as ``self.groups``), disjoint ordered token ranges holding its matches."""
        found = self._windows(doc)
        return [merge_windows(sorted(found[g])) if g in found else [] for g in range(len(self.tests))]

    def sparse_group_windows(self, doc: Doc, start: int = 0,
                             end: Optional[int] = None) -> list[tuple[int, list[tuple[int, int]]]]:
        """(group, its disjoint ordered windows) of the groups with a window in
        ``doc[start:end]``, in group order: :meth:`group_windows` without the empty groups."""
        found = self._windows(doc, start, end)
        return [(g, merge_windows(sorted(found[g]))) for g in sorted(found)]


def _any_of(regexes: list):
    """A test of a string (true where any of ``regexes`` finds a match): one expression of
    them all (each a group of an alternation), the regexes that open with ``^`` tried at the
    string's start only (``match``, not ``search`` at every character); None when it cannot
    be made so (no regexes, back-references, named groups, inline flags): the regexes are then
    each tried."""
    if not regexes or any("(?P" in r or "\\" + d in r for r in regexes for d in "123456789") \
            or any(re.search(r"\(\?[aiLmsux]", r) for r in regexes):
        return None
    anchored = [r for r in regexes if _anchored(r)]
    rest = [r for r in regexes if not _anchored(r)]
    try:
        match = re.compile("|".join(f"(?:{r})" for r in anchored)).match if anchored else None
        search = re.compile("|".join(f"(?:{r})" for r in rest)).search if rest else None
    except re.error:
        return None
    if match and search:
        return lambda s: match(s) or search(s)
    return match or search


def _anchored(regex: str) -> bool:
    """Whether every match of ``regex`` starts at the string's start: it opens with ``^``
    outside any alternation (read by Python's own parser of expressions; False when unsure)."""
    try:
        from re import _parser

        parsed = _parser.parse(regex)
        return len(parsed) > 0 and parsed[0] == (_parser.AT, _parser.AT_BEGINNING)
    except Exception:   # another Python's parser: each regex searched, as before
        return False


def token_windows(patterns) -> Optional[TokenWindows]:
    """The :class:`TokenWindows` of ``patterns``: each anchored on its most selective required
    spec (earliest among equals); None when a pattern has no such spec or an unbounded length."""
    anchors, groups, checks = {}, {}, {}
    known: dict[str, Optional[tuple]] = {}     # spec key → _spec_test: each distinct spec tested once

    def spec_test(spec: dict) -> tuple[str, Optional[tuple]]:
        key = _spec_key(spec)
        if key not in known:
            known[key] = _spec_test(spec)
        return key, known[key]

    for index, pattern in enumerate(patterns):
        widths = [_max_tokens(spec) for spec in pattern]
        if not pattern or None in widths:
            return None
        best = None
        for k, spec in enumerate(pattern):
            if spec.get("OP") not in (None, "1"):
                continue                  # may be skipped or negated: not required
            found = spec_test(spec)[1]
            if found is not None and (best is None or found[1] < best[1]):
                best = (k, found[1], found[0])
        if best is None:
            return None
        k, _, test = best                          # one test per distinct constraint
        fixed = tuple((j - k, checks.setdefault(key, (len(checks), found[0]))[0])
                      for j in _fixed_offsets(pattern, k) if j != k
                      for key, found in (spec_test(pattern[j]),) if found is not None)
        anchors.setdefault(test, set()).add((sum(widths[:k]), sum(widths[k:]), fixed))
        groups.setdefault(test, []).append(index)
    return TokenWindows(anchors, [groups[test] for test in anchors], [test for _, test in sorted(checks.values(), key=lambda c: c[0])])


def _fixed_offsets(pattern: list, k: int) -> list[int]:
    """Indices of the required token specs (no quantifier) of ``pattern`` at a fixed distance
    from its spec ``k``: every spec between them takes exactly one token."""
    one = (None, "1", "!")
    out = []
    j = k - 1
    while j >= 0 and pattern[j].get("OP") in one:
        out.append(j)
        j -= 1
    j = k + 1
    while j < len(pattern) and pattern[j].get("OP") in one:
        out.append(j)
        j += 1
    return [j for j in out if pattern[j].get("OP") in (None, "1")]


def _spec_key(spec: dict) -> str:
    import json

    return json.dumps({k: v for k, v in spec.items() if k in ("LOWER", "ORTH", "TEXT")}, sort_keys=True)


class AnchoredMatcher:
    """What one ``Matcher`` of all ``patterns`` — ``[(key, pattern)]``, in the order they were
    added — finds on a Doc, with each group of patterns sharing an anchor run by a Matcher of
    its own on that anchor's windows only: a Matcher tests the first token of every pattern at
    every token it sees, so fewer patterns over fewer tokens. Matches come sorted by start, end
    and the order the patterns were added, which is the order one Matcher gives matches of the
    same tokens (tests/test_matchwindows.py). Build it with :func:`anchored_matcher`."""

    def __init__(self, vocab, patterns: list, spans: TokenWindows):
        self.spans = spans
        self.order = {get_string_id(key): i for i, (key, _) in enumerate(patterns)}
        self.vocab, self.patterns = vocab, patterns
        # Each group's Matcher is built when a window of the group first comes (most groups
        # have none in a page): the patterns are checked now, as a Matcher checks them.
        self.matchers: list[Optional[Matcher]] = [None] * len(spans.groups)
        if any(validate_token_pattern(pattern) for _, pattern in patterns):
            for g in range(len(self.matchers)):
                self.matcher(g, validate=True)     # raises the Matcher's error, naming the pattern

    def matcher(self, g: int, validate: bool = False) -> Matcher:
        """The Matcher of group ``g``'s patterns (checked by ``__init__`` already)."""
        matcher = self.matchers[g]
        if matcher is None:
            matcher = self.matchers[g] = Matcher(self.vocab, validate=validate)
            for i in self.spans.groups[g]:
                matcher.add(self.patterns[i][0], [self.patterns[i][1]])
        return matcher

    def __call__(self, doc: Doc, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int, int]]:
        """The matches (match id, start, end) of ``doc[start:end]`` (all of ``doc`` by default),
        as Doc offsets: what one Matcher finds on that span."""
        found = [(m, lo + s, lo + e) for g, cuts in self.spans.sparse_group_windows(doc, start, end)
                 for matcher in (self.matcher(g),) for lo, hi in cuts for m, s, e in matcher(doc[lo:hi])]
        order = self.order
        found.sort(key=lambda m: (m[1], m[2], order[m[0]]))
        return found


def anchored_matcher(vocab, patterns: list) -> Optional[AnchoredMatcher]:
    """An :class:`AnchoredMatcher` of ``[(key, pattern)]``, or None when a pattern cannot be anchored."""
    spans = token_windows(pattern for _, pattern in patterns)
    return AnchoredMatcher(vocab, patterns, spans) if spans is not None else None
