"""The dates component: finds date expressions with token patterns and normalises each one.

Candidates come from ``models/date_patterns.jsonl`` (spaCy ``Matcher`` patterns with stable
ids; ``@name`` strings in them stand for the word lists and regexes of
``models/date_words.jsonl``). ``NOT_DATE`` patterns (page ranges, citations, counts,
identifiers) veto overlapping candidates. Each surviving span goes to ``doc.spans["dates"]``
with ``span._.date = {"rule": id, "value": <dateparse value>, "numeric": <the rule's flag>}``; the document-level
resolution (years from context, relative dates) is :mod:`coopextract.pipeline.dates.resolve`'s job.
A paragraph with Eastern Arabic or Persian digits is read through a Doc of the same tokens with
0–9 (:func:`ascii_digits`); on a Persian one, numbered dates of Solar Hijri years are converted.
"""

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from spacy.attrs import LOWER, SHAPE
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from coopextract.pipeline.dates.normalise import MONTHS_FILE, WORDS_FILE, DateNormaliser, load_date_words
from coopextract.errors import ModelsError
from coopextract.pipeline.document import ParagraphComponent, text_of
from coopextract.pipeline.matchwindows import AnchoredMatcher, anchored_matcher, merge_windows
from coopextract.resources import models_path
from coopextract.rules import read_jsonl_rules

PATTERNS_FILE = "date_patterns.jsonl"
# "numeric": true marks a date written in numbers only ("24.01.2020", "2020-01-24"): its day/month
# order is evidence for the document's other all-number dates (dates/resolve.py).
# "keep_last": n keeps only the last n tokens of a match whose length varies (a year after a
# name of any length: "Feria Internacional del Libro de Cali 2016" → "2016").
# "alone": true keeps a match only when nothing but punctuation stands beside it in its paragraph
# (a page's date line of its own: "02.08.17").
_RULE_KEYS = {"id", "label", "pattern", "trim", "keep_last", "strength", "blocks", "numeric", "alone", "comment"}
_LABELS = {"DATE", "NOT_DATE"}
_KEEP_TRAILING = {")", "]"}
_KEEP_LEADING = {"(", "'", "’"}  # "(1955–1958)", "'67": the mark is part of the date
# Arabic-script pages: only a paragraph with a character of the Arabic block is looked at again.
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
# Eastern Arabic (U+0660–0669) and Persian (U+06F0–06F9) digits read as 0–9, one character for
# one, so a span's offsets are those of the text it was read from.
_EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_TO_ASCII_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Letters Persian writes and Arabic does not (پ چ ژ ک گ ی), and Persian digits (U+06F0–06F9, not
# Arabic's U+0660–0669): a paragraph with one is Persian, and its numbered dates are Solar Hijri
# ones when their year is (dates/jalali.py) — a page's date line of digits alone too ("۱۴۰۳-۰۹-۱۲").
_PERSIAN_MARKS = re.compile("[\u067e\u0686\u0698\u06a9\u06af\u06cc\u06f0-\u06f9]")


def load_date_patterns(path, words: dict) -> list[dict]:
    """Read the pattern file strictly; ``@name`` placeholders are replaced from ``words``."""
    path = Path(path)
    rules = []
    for n, rule in read_jsonl_rules(path, _RULE_KEYS, ("id", "label", "pattern"), what="date patterns"):
        if rule["label"] not in _LABELS:
            raise ModelsError(f"{path}:{n}: unknown label {rule['label']!r} (expected one of {sorted(_LABELS)})")
        if rule.get("strength", "strong") not in ("strong", "weak") or rule.get("blocks", "all") not in ("all", "weak"):
            raise ModelsError(f"{path}:{n}: strength must be strong|weak and blocks all|weak")
        if not isinstance(rule.get("numeric", False), bool) or not isinstance(rule.get("alone", False), bool):
            raise ModelsError(f"{path}:{n}: numeric and alone must be true or false")
        trim = rule.get("trim", [0, 0])
        if not (isinstance(trim, list) and len(trim) == 2 and all(isinstance(t, int) and t >= 0 for t in trim)):
            raise ModelsError(f"{path}:{n}: trim must be [left, right] token counts")
        keep = rule.get("keep_last", 1)
        if type(keep) is not int or keep < 1:
            raise ModelsError(f"{path}:{n}: keep_last must be a token count of at least 1")
        rule["pattern"] = _expand(rule["pattern"], words, f"{path}:{n}")
        rule["trim"] = trim
        rule.setdefault("strength", "strong")
        rule.setdefault("blocks", "all")
        rule.setdefault("numeric", False)
        rules.append(rule)
    if not any(r["label"] == "DATE" for r in rules):
        raise ModelsError(f"{path}: no DATE patterns; the dates component would find nothing")
    return rules


def _expand(value, words: dict, where: str):
    if isinstance(value, str) and value.startswith("@"):
        name = value[1:]
        if name not in words:
            raise ModelsError(f"{where}: unknown word list {value!r}")
        found = words[name]
        return list(found) if isinstance(found, (list, dict)) else found
    if isinstance(value, list):     # a list named inside a list joins it: ["de", "@intl_past_after_month"]
        out = []
        for v in value:
            x = _expand(v, words, where)
            if isinstance(v, str) and v.startswith("@") and isinstance(x, list):
                out.extend(x)
            else:
                out.append(x)
        return out
    if isinstance(value, dict):
        return {k: _expand(v, words, where) for k, v in value.items()}
    return value


def windows(doc: Doc, anchors: frozenset, reach: int) -> list[tuple[int, int]]:
    """Token ranges that can hold a match: every match contains an anchor (a token with a
    digit or an anchor word), and no pattern is longer than ``reach`` tokens.

    Reads the Doc's LOWER and SHAPE arrays instead of Token objects: a token has a digit
    exactly when its shape has a ``d`` (spaCy's ``word_shape`` writes ``d`` for every
    ``str.isdigit`` character and ``x``/``X`` for letters), except for the shape ``LONG`` of
    tokens of 100+ characters, whose text is read."""
    strings = doc.vocab.strings
    anchor_ids = _anchor_ids(anchors)
    return merge_windows((max(0, i - reach + 1), min(len(doc), i + reach))
                         for i, (low, shape) in enumerate(doc.to_array([LOWER, SHAPE]).tolist())
                         if low in anchor_ids or _has_digit(strings, shape, doc, i))


@lru_cache(maxsize=8)
def _anchor_ids(anchors: frozenset) -> frozenset:
    return frozenset(get_string_id(word) for word in anchors)


_DIGIT_SHAPES: dict[int, bool] = {}  # shape id -> has a digit (shapes are few: a cache, not a table)
_LONG = get_string_id("LONG")


def _has_digit(strings, shape: int, doc: Doc, i: int) -> bool:
    if shape == _LONG:
        return any(c.isdigit() for c in doc[i].text)
    found = _DIGIT_SHAPES.get(shape)
    if found is None:
        found = _DIGIT_SHAPES[shape] = "d" in strings[shape]
    return found


def find_date_spans(doc: Doc, matcher: Matcher, rules: dict, anchors: Optional[frozenset] = None,
                    reach: int = 0, anchored: Optional[AnchoredMatcher] = None) -> list[tuple[int, int, str]]:
    """Token spans (start, end, rule id) of date candidates, longest first, vetoes applied.
    The matcher runs only where a match can be (same result, faster): ``anchored``, the
    patterns' own anchors (:class:`~coopextract.pipeline.matchwindows.AnchoredMatcher`), or
    with ``anchors`` the windows of ``reach`` tokens around them."""
    candidates, vetoes = [], []
    if anchored is not None:
        matches = anchored(doc)
    elif anchors is not None:
        matches = [(m, lo + s, lo + e) for lo, hi in windows(doc, anchors, reach) for m, s, e in matcher(doc[lo:hi])]
    else:
        matches = matcher(doc)
    for match_id, start, end in matches:
        rule = rules[doc.vocab.strings[match_id]]
        if rule["label"] == "NOT_DATE":
            vetoes.append((start, end, rule["blocks"]))
        else:
            candidates.append(Span(doc, start, end, label=rule["id"]))
    kept = []
    for span in filter_spans(candidates):
        rule = rules[span.label_]
        left, right = rule["trim"]
        start, end = span.start + left, span.end - right
        if "keep_last" in rule:
            start = max(start, end - rule["keep_last"])
        while end > start and doc[end - 1].is_punct and doc[end - 1].text not in _KEEP_TRAILING:
            end -= 1  # "18–23 December," — an optional comma before a missing year
        while start < end and doc[start].is_punct and doc[start].text not in _KEEP_LEADING:
            start += 1  # ", 14 February 2020" — an optional comma after a missing weekday
        if start >= end or (rule.get("alone") and not _alone(doc, start, end)):
            continue
        if any(v_start < end and start < v_end and (blocks == "all" or rule["strength"] == "weak")
               for v_start, v_end, blocks in vetoes):
            continue
        kept.append((start, end, rule["id"]))
    return kept


def _alone(doc: Doc, start: int, end: int) -> bool:
    """Only punctuation and spaces stand beside ``doc[start:end]`` in its Doc (a paragraph)."""
    return all(t.is_punct or t.is_space for t in doc[:start]) and all(t.is_punct or t.is_space for t in doc[end:])


def ascii_digits(doc: Doc, text: Optional[str] = None) -> Doc:
    """``doc`` itself, or when it has Eastern Arabic or Persian digits a Doc of the same tokens
    with those digits as 0–9 ("١٨/٥/٢٠١٦" → "18/5/2016"): the patterns and the normaliser read
    it, and its spans' token offsets are the original's."""
    if not _EASTERN_DIGITS.search(doc.text if text is None else text):
        return doc
    return Doc(doc.vocab, words=[t.text.translate(_TO_ASCII_DIGITS) for t in doc],
               spaces=[bool(t.whitespace_) for t in doc], sent_starts=[t.is_sent_start for t in doc])


# Runs of spaces or tabs inside a line: spaCy makes them tokens of their own, which no pattern
# expects ("3  juin 2019", "from 3 May  to 5 May").
_INNER_SPACE_RUN = re.compile("[^\\S\\n]{2,}")


def without_space_tokens(doc: Doc, text: Optional[str] = None) -> tuple[Doc, Optional[list]]:
    """``(doc, None)``, or when a run of spaces or tabs inside a line made whitespace tokens, a
    Doc of the other tokens, one space between words where there was any, with each of its
    tokens' index in ``doc`` (and one past the last): the patterns read "3  juin" as "3
    juin", and a match ``[start, end)`` is ``doc[index[start]:index[end - 1] + 1]``."""
    if not _INNER_SPACE_RUN.search(text_of(doc) if text is None else text):
        return doc, None
    kept = [t.i for t in doc if not (t.is_space and "\n" not in t.text)]
    if len(kept) == len(doc):
        return doc, None
    words, spaces, starts = [], [], []
    for n, i in enumerate(kept):
        token = doc[i]
        words.append(token.text)
        following = kept[n + 1] if n + 1 < len(kept) else len(doc)
        spaces.append(bool(token.whitespace_) or following > i + 1)
        # a sentence that began at a dropped token begins at the next kept one
        starts.append(any(doc[j].is_sent_start for j in range(kept[n - 1] + 1 if n else 0, i + 1)) or (
            None if token.is_sent_start is None else False))
    return Doc(doc.vocab, words=words, spaces=spaces, sent_starts=starts), kept


class DatesComponent(ParagraphComponent):
    """Date spans with their context-free values (``doc.spans["dates"]``, ``Span._.date``)."""

    rule_files = (WORDS_FILE, MONTHS_FILE, PATTERNS_FILE)
    publishes = (("dates", "date"),)

    def load(self) -> None:
        words = load_date_words(models_path(WORDS_FILE, self.models_dir))
        self.normaliser = DateNormaliser(words)
        self.rules = {r["id"]: r for r in load_date_patterns(models_path(PATTERNS_FILE, self.models_dir), words)}
        self._matcher = None
        self.anchors = frozenset(words.get("anchor_words", ()))
        # Longest possible match, in tokens: the window around an anchor must hold any match.
        self.reach = max(len(rule["pattern"]) for rule in self.rules.values())
        # Each pattern only where its most selective required word or regex is, as far as the
        # pattern reaches (with the windows above, the Matcher saw a third of all tokens, and
        # tested every pattern at each); None if a pattern has none.
        try:
            self.anchored = anchored_matcher(self.vocab, [(rule_id, rule["pattern"]) for rule_id, rule in self.rules.items()])
        except Exception:
            self._build_matcher()      # a bad pattern: the error one Matcher of them all gives
            raise
        if self.anchored is None:
            self._build_matcher()

    @property
    def matcher(self) -> Matcher:
        """One Matcher of all date patterns: what ``anchored`` finds, unwindowed. Built when
        first asked for (~20 ms of start-up): with every pattern anchored, ``process`` does not
        need it, and ``anchored`` checked each pattern already."""
        return self._matcher if self._matcher is not None else self._build_matcher()

    def _build_matcher(self) -> Matcher:
        matcher = Matcher(self.vocab, validate=True)
        for rule_id, rule in self.rules.items():
            matcher.add(rule_id, [rule["pattern"]])
        self._matcher = matcher
        return matcher

    def process(self, doc: Doc) -> None:
        spans = []
        read, jalali, text = doc, False, text_of(doc)
        if _ARABIC_SCRIPT.search(text):  # English text pays this one search of its kept text, no more
            read, jalali = ascii_digits(doc, text), bool(_PERSIAN_MARKS.search(text))
        read, index = without_space_tokens(read, text)
        for start, end, rule_id in find_date_spans(read, self.matcher if self.anchored is None else None, self.rules,
                                                 self.anchors, self.reach, self.anchored):
            span = doc[start:end] if index is None else doc[index[start]:index[end - 1] + 1]
            if spans and _bracketed_weekday(doc, spans[-1], span, rule_id):
                continue
            value = self.normaliser.normalise(read[start:end].text, jalali)
            if value is None:
                continue
            if spans and _weekday_before_dash(doc, spans[-1], span):
                spans.pop()
            span._.date = {"rule": rule_id, "value": value, "numeric": self.rules[rule_id]["numeric"]}
            spans.append(span)
        doc.spans["dates"] = spans


# The rules that read a weekday alone ("Monday", "lundi"), resolved against the reference date.
BARE_WEEKDAY_RULES = frozenset({"rel_weekday_alone", "intl_weekday_bare"})


def _bracketed_weekday(doc: Doc, before, span, rule_id: str) -> bool:
    """A bare weekday in brackets right after a date ("On February 27, 2023 (Monday)", "le 3 mai
    2019 (vendredi)") names that date's weekday: it is no date of its own."""
    return (rule_id in BARE_WEEKDAY_RULES and len(span) == 1 and span.start >= 2
            and doc[span.start - 1].text == "(" and before.end == span.start - 1)


# Dashes between a weekday and the date it names: "Friday – 6 March 2020".
_WEEKDAY_DASHES = frozenset({"-", "–", "—"})


def _weekday_before_dash(doc: Doc, before, span) -> bool:
    """A bare weekday, a dash, then a date ("Friday – 6 March 2020", "Monday — May 4"): the
    weekday names that date, as in "Tuesday, 8 September 2015"; it is no date of its own."""
    return (before._.date is not None and before._.date.get("rule") in BARE_WEEKDAY_RULES and len(before) == 1
            and span.start == before.end + 1 and doc[before.end].text in _WEEKDAY_DASHES)


@Language.factory("coop_dates", default_config={"models_dir": None},
                  assigns=["doc.spans", "span._.date"], requires=["doc.sents"])
def make_dates(nlp: Language, name: str, models_dir: Optional[str]):
    return DatesComponent(nlp, name, models_dir=models_dir)
