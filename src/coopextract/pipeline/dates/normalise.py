"""Pure adapter: the text of one date expression → a normalised value (a plain dict) or None.

The dates component finds candidate spans with token patterns; this module says what each
span means, without looking at the rest of the document. Point dates written in words
("24 January 2020", "the 5th of May 2019", "Monday, 12 March 2012") go through
:mod:`dateparser` with fixed settings (English, day-first, first day of month, a fixed
relative base so a missing year is detectable); what dateparser cannot do (ranges, open
intervals, decades, centuries, seasons, anaphoric "the following year") is handled by the
rules below. Results are cached: the same text always gives the same value.

Value kinds (``value["type"]``), all JSON-serialisable:

``fixed``     complete: ``edtf``, ``start``, ``end`` (partial ISO or None), ``precision``;
              ``order`` is "dmy"/"mdy" when the text shows a day/month order.
``partial``   the year is missing: ``start``/``end`` are ``[month, day|None]`` pairs.
``numeric``   an all-number date whose day/month order is ambiguous: ``a``, ``b``, ``y``
              (a range also has ``end``: ``[a, b, y]``).
``relative``  ``unit`` (year|month|week|day), ``offset``, ``anchor`` (anaphoric|deictic),
              ``span`` (true for "over the last five years": an interval ending at the anchor);
              ``by_tense`` for "the end of the year", "year-end": anaphoric in a past clause,
              deictic in a present or future one.
``weekday``   ``weekday`` (Monday = 0) and ``direction`` (-1 last, 0 by the clause's tense, 1 next), or
              ``week`` (-1 last, 0 this, 1 next: "Monday last week");
              ``days`` 2 for "the weekend" (its Saturday and Sunday).
``named``     a month or season named relative to the reference date: ``first``/``last`` month,
              ``code`` (EDTF season code, None for a month), ``direction`` -1 "last September",
              0 "this spring", 1 "next May"; ``day`` when one is named ("last Oct. 23").
``part``      a part of a year without its number ("the third quarter"): ``index``, ``size`` (months);
              a reporting period ("the latest quarter", "the year-ago period") leaves them None and
              may carry ``back`` (years), ``bare``, ``year`` or ``ref_year`` (see ``_period``).
``two_digit`` "'67", "the '90s": ``digits`` and ``precision`` (year|decade); the century is chosen
              in context.
``holiday``   a holiday of ``holidays`` without its year ("Thanksgiving Day", "last Christmas Eve"):
              ``rule`` ([month, day] or [month, weekday, n]), ``direction`` as a weekday's, ``this``.
A ``numeric`` value may carry ``open``: "before" ("until 03.05.2019") or "after" ("since …").

Choices (documented here, tested in tests/test_dates.py):
- a decade "1990s" is EDTF ``199X`` (1990–1999);
- a century "19th century" is EDTF ``18XX`` (1800–1899, the common reading, not 1801–1900);
- "early", "mid", "late" stay in the text but do not narrow a decade or century: they are
  vague, and the whole period surely holds the date (the gold corpus reads them so too);
- a season is its EDTF level-1 code ("2019-21" spring) with months as start/end.
"""

import calendar
import re
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Optional

from coopextract.errors import ModelsError
from coopextract.pipeline.dates import ethiopian as _ethiopian
from coopextract.pipeline.dates import jalali as _jalali
from coopextract.pipeline.dates.values import FINENESS, iso as _iso
from coopextract.rules import read_jsonl_rules

WORDS_FILE = "date_words.jsonl"
# Month and weekday names of other languages (built from dateparser's data by
# models/build_months.py), named by the ``table`` row of date_words.jsonl.
MONTHS_FILE = "month_names.tsv"
_WORD_KEYS = {"id", "comment", "words", "map", "regex", "table"}

# A leap year far from any plausible document date: a year dateparser fills in from this
# base means the text had no year (checked against the text as well).
_BASE = datetime(2000, 1, 1)
_DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "DATE_ORDER": "DMY",
    "RELATIVE_BASE": _BASE,
    "PREFER_DATES_FROM": "current_period",
    "STRICT_PARSING": False,
}
# Size of the normalisation cache (distinct expression texts); a long report has a few thousand.
CACHE_SIZE = 16384
# A two-digit year of a dateline's numeric date ("26/01/24") is of the 1900s from this value on,
# of the 2000s below it: the pivot of POSIX strptime's %y (and Python's).
SHORT_YEAR_PIVOT = 69

# A year-less range of months whose end month comes this many months or more before its start
# ("December to January", 11) goes into the next year; a smaller step back ("May to March") is
# no range.
YEAR_CROSSING_MONTHS = 6

_DASH = "[-–—‒−]"
_DIGIT = re.compile(r"\d")
_CONNECTOR = re.compile(rf"\s*{_DASH}\s*|(?<=\d)/(?=\d\d$)|(?<=[^\W\d_])\s*/\s*(?=[^\W\d_])|\s+(?:to|until|till|through|and)\s+"
                        # another language's "to" between two numeric dates: "04.07.2022 bis zum 17.07.2022"
                        r"|(?<=\d)\s+(?:bis(?:\s+zu[mr])?|au|al|do|hasta(?:\s+el)?|até|ao|a(?:\s+o)?)\s+(?=\d)", re.I)


def load_date_words(path) -> dict:
    """Read ``date_words.jsonl``: id → list (words), dict (map) or str (regex). Strict.
    A ``table`` row names a month-name table in the same folder (see :func:`load_month_names`).
    Read once per file version (the segmenter and the date component both need it at start-up);
    the result is shared, so callers only read it."""
    path = Path(path)
    return _date_words(str(path), path.stat().st_mtime_ns if path.exists() else None)


@lru_cache(maxsize=8)
def _date_words(name: str, mtime_ns) -> dict:
    path = Path(name)
    out: dict = {}
    for n, entry in read_jsonl_rules(path, _WORD_KEYS, what="date word lists"):
        kinds = [k for k in ("words", "map", "regex", "table") if k in entry]
        if len(kinds) != 1:
            raise ModelsError(f"{path}:{n}: {entry['id']!r} needs exactly one of words, map, regex, table")
        if kinds[0] == "table":
            out.update(load_month_names(path.parent / entry["table"], entry["id"]))
        else:
            out[entry["id"]] = entry[kinds[0]]
    if "intl_months_all" in out and "intl_month_words_dotted" in out:
        # a range's months in any language, English spellings included ("vom 26. April bis 6. Mai")
        out["intl_range_months"] = sorted(set(out["intl_months_all"]) | set(out["intl_month_words_dotted"]))
    return out


def load_month_names(path, prefix: str) -> dict:
    """The word lists of a month-name table (``form kind number guarded languages``, built by
    ``models/build_months.py``), under ids starting with ``prefix``:

    ``<prefix>_months``          month forms readable anywhere a month is (lower case);
    ``<prefix>_months_guarded``  short abbreviations, readable only before a year or a dot;
    ``<prefix>_months_all``      both;
    ``<prefix>_months_dayless``  the first without the English words ("mars"): month and year without a day;
    ``<prefix>_weekdays``        weekday forms;
    ``<prefix>_month_numbers``, ``<prefix>_weekday_numbers``: form → month 1–12 / weekday (Monday = 0);
    ``<prefix>_month_heads``, ``<prefix>_month_tails``: the two words of two-word month names
                                 ("كانون الثاني"), which are in ``<prefix>_month_numbers`` only;
    ``<prefix>_jalali_months``, ``<prefix>_jalali_month_numbers``: the Solar Hijri months (kind ``jalali``).
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ModelsError(f"{path}: cannot read the month-name table ({exc.strerror or exc}); "
                          "rebuild it with models/build_months.py") from None
    months, weekdays, jalali, guarded, day_only, languages, yielded = {}, {}, {}, [], [], {}, {}
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[1:2] == ["yielded"] and len(cells) == 5 and cells[2].isdigit():
            yielded[cells[0]] = (int(cells[2]), cells[4].split(","))
            continue
        if (len(cells) != 5 or cells[1] not in ("month", "weekday", "jalali") or not cells[2].isdigit()
                or cells[3] not in ("0", "1", "2") or (" " in cells[0] and cells[1] != "month")):
            raise ModelsError(f"{path}:{n}: expected 'form<TAB>month|weekday|jalali<TAB>number<TAB>0|1|2<TAB>languages'"
                              " (only a month name may have two words)")
        form, kind, number = cells[0], cells[1], int(cells[2])
        {"month": months, "weekday": weekdays, "jalali": jalali}[kind][form] = number
        if kind == "month":
            languages[form] = cells[4].split(",")
        if kind == "month" and cells[3] != "0":
            (guarded if cells[3] == "1" else day_only).append(form)
    if not months:
        raise ModelsError(f"{path}: no month names; rebuild it with models/build_months.py")
    pairs = [f.split(" ") for f in months if " " in f]
    one_word = [f for f in months if " " not in f]
    plain = [f for f in one_word if f not in set(guarded)]
    return {f"{prefix}_months": plain, f"{prefix}_months_guarded": guarded, f"{prefix}_months_all": one_word,
            f"{prefix}_months_dayless": [f for f in plain if f not in set(day_only)],
            f"{prefix}_weekdays": list(weekdays), f"{prefix}_month_numbers": months,
            f"{prefix}_weekday_numbers": weekdays,
            f"{prefix}_month_heads": sorted({p[0] for p in pairs}), f"{prefix}_month_tails": sorted({p[1] for p in pairs}),
            f"{prefix}_jalali_months": list(jalali), f"{prefix}_jalali_month_numbers": jalali,
            f"{prefix}_month_languages": languages, f"{prefix}_month_yielded": yielded}


# A year of the Buddhist era (Thai dates: 2565 BE is 2022 CE) is at least this, and that many
# years ahead of the Gregorian one; no year the dates of this domain name comes near it.
BUDDHIST_ERA_MIN, BUDDHIST_ERA_OFFSET = 2400, 543


def _gregorian(year: int) -> int:
    return year - BUDDHIST_ERA_OFFSET if year >= BUDDHIST_ERA_MIN else year


def _precision(m, d) -> str:
    return "day" if d is not None else "month" if m is not None else "year"


def _numeric(a: int, b: int, y: int) -> Optional[tuple]:
    """An all-number date whose day/month order the document decides: ('numeric', a, b, y),
    or None when neither order is a day of year ``y``."""
    if (a > 12 and b > 12) or not (_valid(y, b, a) or _valid(y, a, b)):
        return None
    return ("numeric", a, b, y)


def _valid(y, m, d) -> bool:
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None:
        try:
            datetime(y if y is not None else 2000, m or 1, d)
        except ValueError:
            return False
    return True


# "The 1800s" and "the 1900s" are centuries in English use, "the 2000s" the decade: a year's
# hundreds followed by "0s" below this (in tens: 200 = 2000) read as the century.
CENTURY_HUNDREDS_BEFORE = 200


class DateNormaliser:
    """Normalises date expressions with the word lists of ``models/date_words.jsonl``."""

    def __init__(self, words: dict):
        self.words = words
        self.months = {k: v for k, v in words["month_numbers"].items()}
        self._month_re = re.compile(r"\b(" + "|".join(sorted(map(re.escape, self.months), key=len, reverse=True)) + r")\b\.?", re.I)
        month_alt = "|".join(sorted(map(re.escape, self.months), key=len, reverse=True))
        day, month_name = r"0?[1-9]|[12]\d|3[01]", rf"(?:{month_alt})\.?"
        sep = r"(?:\s*,\s*|\s+)"    # before a year: spaces, or a comma spaced any way ("May 12 , 2010", "22 March ,2018")
        self._written_re = re.compile(
            rf"(?:the\s+)?(?P<d1>{day})(?:st|nd|rd|th|\.)?,?(?:\s+of)?\s+(?P<m1>{month_name}),?(?:{sep}(?P<y1>\d{{4}}))?"
            rf"|(?P<m2>{month_name}),?\s+(?P<d2>{day})(?:st|nd|rd|th)?(?:{sep}(?P<y2>\d{{4}}))?"
            rf"|(?P<m3>{month_name}),?(?:\s+of)?\s+(?P<y3>\d{{4}})",
            re.I)
        # "early", "mid", "late": they stay in the text but do not narrow a date (module doc)
        self._qualifiers = q = "|".join(map(re.escape, words["qualifier_words"]))
        seasons = "|".join(map(re.escape, words["seasons"]))
        # "spring 2019", "the summer of 2020", "otoño de 2009", "осенью 2009 года" (a season of
        # another language, its 'of' and the year's own word)
        self._year_suffixes = suffixes = "|".join(map(re.escape, (w.rstrip(".") for w in words.get("intl_year_suffixes", ()))))
        # a year joined to its word by a hyphen, as Uzbek and Kazakh write it ("2019-yilda"): read spaced
        self._year_hyphen = re.compile(rf"\b(\d{{4}})-(?=(?:{suffixes})(?!\w))", re.I) if suffixes else None
        self._season_year_re = re.compile(
            rf"(?:(?:{self._qualifiers})\s+)?(?:the\s+)?([^\W\d_]+)(?:\s+(?:of|de|del|di))?\s+(\d{{4}})"
            rf"(?:\s+(?:{suffixes})\.?)?")
        self._season_alone_re = re.compile(
            rf"(?:{'|'.join(map(re.escape, words['season_alone_preps']))})\s+(?:the\s+)?(?:(?:{q})\s+)?({seasons})", re.I)
        # "by May", "since early June": what dateparser answers for them without loading it (~0.3 s);
        # tests/test_dates.py checks both agree
        self._preposition_month_re = re.compile(
            rf"(?P<prep>during|since|until|till|by|throughout)\s+(?P<q>(?:{q})(?:\s+|-))?(?P<m>{month_name})", re.I)
        # "since August", "until mid-November", "through January", "the end of October": a
        # year-less month after a preposition or a part of it (month_alone, month_part_alone)
        preps = "|".join(map(re.escape, (*words.get("month_alone_preps", ()), *words.get("month_alone_preps_named", ()))))
        parts = "|".join(map(re.escape, words.get("month_part_words", ())))
        self._prepositional_month_re = re.compile(
            rf"(?:(?P<prep>{preps})\s+)?(?:the\s+(?P<part>{parts})\s+of\s+|(?P<q>{q})(?:\s*{_DASH}\s*|\s+))?"
            rf"(?P<m>{month_name})", re.I) if preps and parts else None
        # "the October slaying", "a June agreement", "December's figures": a month modifying a noun
        noun_months = "|".join(re.escape(w) for w in sorted(words.get("months_before_noun", ()), key=len, reverse=True))
        dets = "|".join(map(re.escape, words.get("month_noun_determiners", ())))
        self._month_noun_re = re.compile(
            rf"(?i:{dets})\s+(?P<m>{noun_months})|(?P<m2>{noun_months})\s*['’]s") if noun_months and dets else None
        # "the end of the year", "the beginning of that month", "year-end", "year's end"
        self._story_part_re = re.compile(
            rf"the\s+(?:{parts})\s+of\s+(?:the|that)\s+(year|month|week)|(year)\s*(?:[-–]|['’]s)?\s*end") if parts else None
        self._qualifier_re = re.compile(rf"^({q})(\s+|{_DASH})(?=\d{{4}}$|[A-Z])", re.I)
        self._relative_qualifier_re = re.compile(
            r"(?:" + "|".join(map(re.escape, words["relative_qualifiers"])) + r")\s+(?=(?:this|last|next|past|coming|previous)\b)")
        self._weekday_re = re.compile(r"^(" + "|".join(words["weekdays"]) + r")\b,?\s*", re.I)
        units = "|".join(map(re.escape, words.get("intl_year_units", ())))
        before = "|".join(map(re.escape, sorted(words.get("intl_ago_before", ()), key=len, reverse=True)))
        after = "|".join(map(re.escape, sorted(words.get("intl_ago_after", ()), key=len, reverse=True)))
        # "hace 27 años", "27 anni fa", "vor 27 Jahren": years back from the reference date
        self._foreign_ago_re = re.compile(rf"(?:(?P<before>{before})\s+)?(?P<n>\d{{1,3}})\s+(?:{units})(?:\s+(?P<after>{after}))?") \
            if units and before and after else None
        self._since_re = None  # "seit 2003": built on first use
        self._intl = None  # _IntlDates, built on first use (its regexes take ~15 ms to compile)
        self._bare_weekdays = frozenset(words.get("intl_bare_weekdays", ()))
        self._month_openers = (frozenset(words.get("intl_year_qualifiers", ())) | frozenset(words.get("intl_month_preps", ()))
                               | frozenset(words.get("intl_past_words", ())))     # "pasado mes de agosto"
        # "nineteen ninety-six", "two thousand and one": years in words (transcripts of broadcasts)
        alt = lambda name: "|".join(sorted(words.get(name, ()), key=len, reverse=True))  # noqa: E731
        self._year_words_re = re.compile(
            rf"\b(?:({alt('year_word_centuries')})\s+({alt('year_word_tens')})|two\s+thousand(?:\s+and)?)"
            rf"(?:(?:\s*-\s*|\s+)({alt('year_word_units')}))?\b", re.I) if words.get("year_word_centuries") else None
        self._parser = None
        self.normalise = lru_cache(maxsize=CACHE_SIZE)(self._normalise)

    def intl_dates(self) -> "_IntlDates":
        """The reader of foreign dates, built on first use; its regular expressions are made
        from the prebuilt regex table when it holds them (``prebuilt.stored_regexes``: ~85 ms of
        compiling on the first foreign date of a run otherwise)."""
        if self._intl is None:
            from coopextract.pipeline.prebuilt import stored_regexes

            with stored_regexes():
                self._intl = _IntlDates(self.words)
        return self._intl

    # -- dateparser ------------------------------------------------------------------
    def _dateparser(self):
        if self._parser is None:
            from dateparser.date import DateDataParser

            self._parser = DateDataParser(languages=["en"], settings=dict(_DATEPARSER_SETTINGS))
        return self._parser

    # -- points ----------------------------------------------------------------------
    def point(self, text: str):
        """'24 January 2020' → (2020, 1, 24, 'dmy'); 'May' → (None, 5, None, None);
        '12' → (None, None, 12, None); '08-05-2016' → ('numeric', 8, 5, 2016); else None."""
        m = re.fullmatch(r"\(\s*(\d{1,2})/(\d{1,2})\s*\)", text.strip())
        if m:   # "Selasa (24/9)": a day and month in brackets after a weekday (weekday_paren_day_month)
            d, mo = map(int, m.groups())
            return (None, mo, d, "dmy") if 1 <= d <= 31 and 1 <= mo <= 12 else None
        s = text.strip().strip(",.;:()").strip()
        s = self._weekday_re.sub("", s).strip()
        s = re.sub(r"^(the|on|in|of|de)\s+", "", s, flags=re.I)   # "de 2010" of "no ano de 2010"
        s = self._qualifier_re.sub("", s)
        if re.fullmatch(r"\d{4}", s):
            return (int(s), None, None, None)
        m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{4})\. (\d{1,2})\. (\d{1,2})", s)
        if m:
            y, mo, d = (int(g) for g in m.groups() if g is not None)     # "2019. 3. 14" (ymd_dotted_spaced)
            return (y, mo, d, None) if _valid(y, mo, d) else None
        m = re.fullmatch(r"(\d{4})-(\d{2})", s)
        if m:   # "2020-10", a date line's month (iso_year_month_cued)
            y, mo = map(int, m.groups())
            return (y, mo, None, None) if 1 <= mo <= 12 else None
        m = re.fullmatch(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})", s)
        if m:
            return _numeric(*map(int, m.groups()))
        m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{2})", s)
        if m:   # a dateline's "26/01/24" (numeric_dateline_short_year): POSIX's pivot for the century
            a, b, yy = map(int, m.groups())
            return _numeric(a, b, yy + (1900 if yy >= SHORT_YEAR_PIVOT else 2000))
        m = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", s, re.I)
        if m:
            d = int(m.group(1))
            return (None, None, d, None) if 1 <= d <= 31 else None
        month = self._month_re.search(s)
        if not month:
            return None
        if month.end() == len(s) and month.start() == 0:
            return (None, self.months[month.group(1).lower()], None, None)
        quick = self._written(s)
        if quick is not None:
            return quick
        quick = self._preposition_month(s)
        if quick is not None:
            return quick or None
        return self._via_dateparser(s, month)

    def _written(self, s: str):
        """The regular written forms without dateparser (its result on them, ~100× faster;
        tests/test_dates.py checks both agree): 'D Month Y', 'the Dth of Month', 'D. Month Y' (the
        day's full stop as German writes it), 'Month D, Y', 'Month Y', 'Month D'. None when the
        text has another shape."""
        m = self._written_re.fullmatch(s)
        if not m:
            return None
        g = m.groupdict()
        month = self.months[(g["m1"] or g["m2"] or g["m3"]).lower().rstrip(".")]
        day = g["d1"] or g["d2"]
        y = int(g["y1"] or g["y2"] or g["y3"]) if (g["y1"] or g["y2"] or g["y3"]) else None
        d = int(day) if day else None
        if d is not None and not _valid(y, month, d):
            return None
        order = None if d is None else ("dmy" if g["d1"] else "mdy")
        return (y, month, d, order)

    def _preposition_month(self, s: str):
        """A month after a preposition, as dateparser reads it: 'by May' → (None, 5, None,
        None); 'since May', 'during May', 'by early May' → () (no date); None for other shapes."""
        m = self._preposition_month_re.fullmatch(s)
        if not m:
            return None
        if m.group("prep").lower() == "by" and not m.group("q"):
            return (None, self.months[m.group("m").lower().rstrip(".")], None, None)
        return ()

    def _via_dateparser(self, s: str, month):
        year = re.search(r"\b(\d{4})\b", s)
        day = re.search(r"\b(\d{1,2})(st|nd|rd|th)?\b", s)
        data = self._dateparser().get_date_data(s)
        if data is None or data.date_obj is None:
            return None
        obj = data.date_obj
        if obj.month != self.months[month.group(1).lower()]:
            return None
        y = obj.year if year else None
        if year and obj.year != int(year.group(1)):
            return None
        d = obj.day if (day and data.period == "day") else None
        order = None
        if d is not None:
            order = "mdy" if month.start() < day.start() else "dmy"
        return (y, obj.month, d, order)

    # -- whole expressions -------------------------------------------------------------
    def _normalise(self, text: str, jalali: bool = False) -> Optional[dict]:
        """The value of ``text``; with ``jalali`` (a Persian page) its numbers' years of
        :data:`~coopextract.pipeline.dates.jalali.JALALI_YEARS` are Solar Hijri ones
        ("1397/11/29", "سال ۱۳۹۷"), converted to the Gregorian calendar."""
        value = self._read(text)
        return _from_jalali(value) if jalali and value else value

    def _read(self, text: str) -> Optional[dict]:
        spaced = " ".join(text.split())
        if self._year_words_re is not None:
            spaced = self._year_words_re.sub(self._year_in_digits, spaced)
        decade = self._foreign_decade(spaced.lower())   # before "’erne" is cut as a case ending
        if decade is not None:
            return decade or None
        t = _YEAR_CASE_ENDING.sub(r"\1", spaced)     # "Ocak 2021’de" is "Ocak 2021"
        t = _ROMANCE_ORDINAL_DAY.sub(r"\1", t)                     # "1er octobre", "1º de mayo": the day 1
        t = _SPACED_ORDINAL.sub(r"\1\2", t)                        # "25 th December": "25th December"
        t = _ROMAN_MONTH_DATE.sub(lambda m: f"{m.group(1)} {calendar.month_name[_roman(m.group(2).lower())]} ", t)  # "30 August 2021"
        if self._year_hyphen is not None and "-" in t:
            t = self._year_hyphen.sub(r"\1 ", t)                     # "2019-yilda": "2019 yilda"
        low = t.lower()
        offset = self.words.get("intl_relative_years", {}).get(low)
        if offset is not None:      # "el año pasado", "в прошлом году", "去年": as "last year"
            return _relative("year", offset, "deictic")
        offset = self.words.get("intl_relative_months", {}).get(low)
        if offset is not None:      # "el mes pasado", "в прошлом месяце", "上个月": as "last month"
            return _relative("month", offset, "deictic")
        for rule in (self._week_of, self._holiday, self._period, self._relative, self._named, self._weekday, self._two_digit, self._decade,
                     self._century, self._foreign_century, self._foreign_ago, self._season, self._part, self._open):
            value = rule(t, low)
            if value is not None:
                return value or None
        qualified = self._relative_qualifier_re.match(low)
        if qualified:  # "late last year", "earlier this month": the qualifier does not move the date
            rest = low[qualified.end():]
            for rule in (self._relative, self._named):
                value = rule(t[qualified.end():], rest)
                if value is not None and value.get("anchor", "deictic") == "deictic":
                    return value or None
        m = _DOTTED_DAY_RANGE.fullmatch(low)
        if m:       # "30.09-04.10 2012 r.": day and month with full stops are day first
            d1, m1, d2, m2, y = map(int, m.groups())
            if not (_valid(y, m1, d1) and _valid(y, m2, d2)) or (m1, d1) == (m2, d2):
                return None
            return _fixed(_iso(_first_year(y, (m1, d1), (m2, d2)), m1, d1), _iso(y, m2, d2), "day", "dmy")
        m = _ISO_SPACED.fullmatch(low)
        if m:       # "2023 11 15": a date line of year, month and day with spaces
            y, mo, d = map(int, m.groups())
            return _fixed(_iso(y, mo, d), None, "day", None) if _valid(y, mo, d) else None
        m = _DOTTED_DAYS_RANGE.fullmatch(low)
        if m:
            d1, d2, y = map(int, m.group("d1", "d2", "y"))
            mo = int(m.group("mo") or m.group("spaced_mo"))
            if not (_valid(y, mo, d1) and _valid(y, mo, d2)) or d1 >= d2:
                return None
            return _fixed(_iso(y, mo, d1), _iso(y, mo, d2), "day", "dmy")
        value = self._range(t)
        if value is not None:
            return value
        value = self._single(t)
        # English first: English dates read as before. Every foreign form has a digit (a day, a
        # year; in Chinese and Japanese perhaps a Han numeral): without one the foreign reading
        # is None too, and its regexes are not compiled.
        if value is None and "intl_month_numbers" in self.words and (
                _DIGIT.search(t) or _HAN_NUMBER.search(t) or t.count(" ") == 1 or t.lower() in self._bare_weekdays
                or low.split(" ", 1)[0] in self._month_openers):
            # (and a month alone after its preposition, "в мае": intl_month_alone, or after a
            # word for its beginning or end, "a finales de julio", or for "last", "pasado mes de
            # agosto": intl_past_month; a bare weekday of
            # intl_bare_weekdays, "ont signé lundi")
            return self.intl_dates().normalise(t)
        return value

    def _year_in_digits(self, m) -> str:
        """A year in words as digits: "nineteen ninety-six" → "1996", "two thousand and one" → "2001"."""
        units = self.words["year_word_units"].get((m.group(3) or "").lower(), 0)
        if m.group(1) is None:
            return str(2000 + units)
        tens = self.words["year_word_tens"][m.group(2).lower()]
        if units and tens < 20:
            return m.group(0)   # "nineteen twelve-one": no year
        return str(self.words["year_word_centuries"][m.group(1).lower()] * 100 + tens + units)

    def _single(self, t: str) -> Optional[dict]:
        p = self.point(t)
        if p is None:
            return None
        if p[0] == "numeric":
            _, a, b, y = p
            if a > 12:
                return _fixed(_iso(y, b, a), None, "day", "dmy")
            if b > 12:
                return _fixed(_iso(y, a, b), None, "day", "mdy")
            return {"type": "numeric", "a": a, "b": b, "y": y}
        y, m, d, order = p
        if m is None and d is not None:
            return None  # a bare day number is not a date
        if y is None:
            if m is None or d is None:
                # a bare month name is not a date ("May" the verb, "March" the walk); a month after
                # its preposition is read before this, by _prepositional_month
                return None
            value = {"type": "partial", "start": [m, d], "end": None, "precision": "day"}
            named = self._weekday_re.match(re.sub(r"^(the|on)\s+", "", t.strip(), flags=re.I))
            if named:       # "Saturday the 12th of November": the weekday tells the year
                value["weekday"] = self.words["weekdays"][named.group(1).lower()]
            return value
        return _fixed(_iso(y, m, d), None, _precision(m, d), order)

    def _range(self, t: str) -> Optional[dict]:
        body = re.sub(r"^(from|between|beginning|starting|in|during|throughout)\s+", "", t, flags=re.I)
        m = re.fullmatch(rf"([A-Za-z]+\.?),?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:{_DASH}|to|until|till|through|and)\s*"
                         r"(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?", body)
        if m and self._month_re.fullmatch(m.group(1)):  # "December 26–29, 2022": the month is shared
            month, d1, d2, year = m.groups()
            body = f"{d1} {month} – {d2} {month} {year or ''}".strip()
        listed = re.fullmatch(r"([A-Za-z]+\.?)((?:\s*,\s*[A-Za-z]+\.?)+)\s*,?(\s+and\s+.+)", body)
        if listed and all(self._month_re.fullmatch(w.strip(" ,")) for w in (listed.group(1), *listed.group(2).split(",")[1:])):
            body = listed.group(1) + listed.group(3)  # "May, June and July 2003": first to last
        for cut in _CONNECTOR.finditer(body):
            left, right = body[: cut.start()], body[cut.end():]
            if not left or not right:
                continue
            if re.fullmatch(r"\d{4}", left.strip()) and re.fullmatch(r"\d{2}", right.strip()):
                right = left.strip()[:2] + right.strip()  # 2022–23
            r = self.point(right)
            l = self.point(left)
            if r is not None and l is not None and r[0] == l[0] == "numeric":
                pair = _numeric_pair(r, l)  # "16.10.2019–18.10.2019": decided when one field > 12
                if pair == (None, None):  # ambiguous: the document decides (dateresolve)
                    return {"type": "numeric", "a": l[1], "b": l[2], "y": l[3], "end": list(r[1:])}
                r, l = pair
            if r is None or l is None or r[0] == "numeric" or l[0] == "numeric":
                continue
            ry, rm, rd, rorder = r
            ly, lm, ld, lorder = l
            if rm is None and rd is not None:
                continue
            if ly is None and lm is None and ld is None:
                continue
            if ly is None:
                if rd is None and ld is not None:
                    continue  # "5 – June 2019" is not a range
                if lm is None:
                    if rm is None:
                        continue
                    lm = rm
                ly = ry
            if ly is not None and lm is None and ld is None and (rm is not None) and ry is not None:
                pass  # "2019 – May 2020": mixed precision, allowed
            if not _valid(ly if ly else 2000, lm, ld):
                continue
            precision = max(_precision(lm, ld), _precision(rm, rd), key=FINENESS.__getitem__)
            if ry is None:
                if lm is None or rm is None:
                    continue
                if (lm, ld or 1) > (rm, rd or 31) and (ld or rd or lm - rm < YEAR_CROSSING_MONTHS):
                    continue  # a range of months may go into the next year: "late December to early January"
                return {"type": "partial", "start": [lm, ld], "end": [rm, rd], "precision": precision}
            start, end = _iso(ly, lm, ld), _iso(ry, rm, rd)
            if start[:len(end)] > end[:len(start)] or start == end:
                continue
            return _fixed(start, end, precision, rorder or lorder)
        return None

    def _prepositional_month(self, t: str) -> Optional[dict]:
        """A year-less month after a preposition of ``month_alone_preps`` or a part of the month
        (``month_part_words``) or of a part of it alone: 'during May', 'in mid-June', 'the end of
        October', 'the late-November trip' → the month;
        'since August' → from August on, in the past; 'until May' → up to May. None for other
        shapes (a bare month is no date: "May" the verb, "March" the walk)."""
        noun = self._month_noun_re.fullmatch(t) if self._month_noun_re is not None else None
        if noun:    # "the October slaying", "December's figures" (month_before_noun, month_possessive)
            month = (noun.group("m") or noun.group("m2")).lower().rstrip(".")
            return {"type": "partial", "start": [self.months[month], None], "end": None, "precision": "month"}
        m = self._prepositional_month_re.fullmatch(t) if self._prepositional_month_re is not None else None
        if not m or not (m.group("prep") or m.group("part") or m.group("q")):
            return None
        value = {"type": "partial", "start": [self.months[m.group("m").lower().rstrip(".")], None], "end": None,
                 "precision": "month"}
        prep = (m.group("prep") or "").lower()
        if prep in self.words.get("open_start_words", ()):
            value.update(open="after", tense="past")
        elif prep in self.words.get("open_end_words", ()):
            value["open"] = "before"
        return value

    def _open(self, t: str, low: str):
        month = self._prepositional_month(t)
        if month is not None:
            return month
        if self._since_re is None:
            since = "|".join(map(re.escape, sorted(self.words.get("intl_since_words", ()), key=len, reverse=True)))
            years = "|".join(map(re.escape, (*self.words.get("numbered_year_words", ()), *self.words.get("intl_year_words", ()))))
            articles = "|".join(map(re.escape, self.words.get("intl_year_articles", ())))
            suffixes = self._year_suffixes
            after = "|".join(map(re.escape, self.words.get("intl_since_after_year", ()))) or "(?!)"
            self._since_after_re = re.compile(rf"(\d{{4}})(?:['’]\w+|\s*-\s*\w+)?\s+(?:{after})")
            self._since_re = re.compile(rf"(?:{since})\s+(?:(?:{articles})\s*)?(?:(?:{years})\s+)?(\d{{4}})(?:\.?\s*(?:{suffixes})\b\.?)?")
        since = self._since_re.fullmatch(low) or self._since_after_re.fullmatch(low)
        if since:       # "seit 2003", "Từ năm 2009", "с 2009 года", "1972 óta", "2016 жылдан": 2003/..
            return _since_year(since.group(1))
        prefix = re.fullmatch(rf"(pre|post){_DASH}(\d{{4}})", low)
        if prefix:  # "post-1991" → after 1991, "pre-2000" → before 2000
            t = low = f"{'after' if prefix.group(1) == 'post' else 'before'} {prefix.group(2)}"
        m = re.fullmatch(r"(since|after|from|starting(?: in| from)?)\s+(.+?)(\s+(onwards?|on))?", low)
        if m and (m.group(1) in ("since", "after") or m.group(3) or m.group(1).startswith("starting")):
            inner = t[m.start(2): m.end(2)]
            v = self._decade(inner, inner.lower()) or self._century(inner, inner.lower()) or self._single(inner)
            if v and v["type"] == "numeric" and m.group(1) in ("since", "after"):
                return {**v, "open": "after"}
            if not v or v["type"] != "fixed" or (v["end"] != v["start"] and v["precision"] not in ("decade", "century")):
                return {} if m.group(3) else None
            start = v["start"]
            edtf = v["edtf"].split("/")[0]
            if "X" in edtf:  # "since the 1990s" → 1990/.. (EDTF has no open interval from 199X)
                edtf = start
            return {"type": "fixed", "edtf": f"{edtf}/..", "start": start, "end": None,
                    "precision": v["precision"], "order": v.get("order")}
        m = re.fullmatch(r"(until|till|before|up to)\s+(.+)", low)
        if m:
            inner = t[m.start(2): m.end(2)]
            v = self._single(inner)
            if v and v["type"] == "numeric":  # "until 03.05.2019": the document decides the order
                return {**v, "open": "before"}
            if not v or v["type"] != "fixed":
                return {}
            return {"type": "fixed", "edtf": f"../{v['edtf']}", "start": None, "end": v["start"],
                    "precision": v["precision"], "order": v.get("order")}
        return None

    def _decade(self, t: str, low: str):
        low = re.sub(r"^(from|between)\s+", "", low)
        low = re.sub(r"\bthe\s+", "", low)
        m = re.fullmatch(rf"(\d{{3}})0s\s*(?:{_DASH}|\bto\b|\band\b|\buntil\b)\s*(\d{{3}})0s", low)
        if m:
            a, b = m.groups()
            if a >= b:
                return {}
            return _fixed(f"{a}0", f"{b}9", "decade", None, edtf=f"{a}X/{b}X")
        m = re.fullmatch(rf"(?:({self._qualifiers})(?:\s+|{_DASH}))?(\d{{3}})0['’]?s", low)
        if not m:
            return None
        d = m.group(2)  # "early"/"late" are vague: the whole decade surely holds the date
        if d.endswith("0") and int(d) < CENTURY_HUNDREDS_BEFORE:
            # "the 1800s", "the 1900s" name a century; "the 2000s" (and "the 1810s") a decade
            return _fixed(f"{d[:2]}00", f"{d[:2]}99", "century", None, edtf=f"{d[:2]}XX")
        return _fixed(f"{d}0", f"{d}9", "decade", None, edtf=f"{d}X")

    def _century(self, t: str, low: str):
        low = re.sub(r"^(of|in|by)\s+", "", low)
        pair = re.fullmatch(rf"(?:the\s+)?(\S+)\s*(?:and|to|{_DASH})\s*(\S+)\s+centuries", low)
        if pair:  # "the 19th and 20th centuries" → 18XX/19XX
            a, b = (self._century(w, f"{w} century") for w in pair.groups())
            if not a or not b or a["start"] >= b["start"]:
                return {}
            return _fixed(a["start"], b["end"], "century", None, edtf=f"{a['edtf']}/{b['edtf']}")
        q = self._qualifiers
        m = re.fullmatch(
            rf"(?:({q})(?:\s+of)?(?:\s+|{_DASH}))?(?:the\s+)?(?:({q})(?:\s+|{_DASH}))?"
            r"(\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:[- ]first)?)\s+(?:century|c\.|cent\.)", low)
        if not m:
            return None
        ordinal = m.group(3)
        if ordinal[0].isdigit():
            n = int(re.match(r"\d+", ordinal).group())
        else:
            n = self.words["ordinal_words"].get(ordinal.replace("-", " ").replace("  ", " "))
            n = n or self.words["ordinal_words"].get(ordinal)
        if not n or not 11 <= n <= 21:
            return {}
        c = n - 1  # "early"/"late" are vague: the whole century surely holds the date
        return _fixed(f"{c:02d}00", f"{c:02d}99", "century", None, edtf=f"{c:02d}XX")

    def _foreign_century(self, t: str, low: str):
        """A century, or two, in other languages, its numeral Roman or Arabic: "siglo XIX",
        "XIXe siècle", "XVIII-XIX wieku", "séculos XVIII e XIX", "19. Jahrhundert" → 18XX."""
        words = self.words.get("intl_century_words")
        if not words or not any(w in words for w in low.split()):
            return None
        numerals = _CENTURY_NUMERAL.findall(low)
        centuries = [_roman(n) if n[0] in "xvi" else int(n) for n in numerals]
        if not 1 <= len(centuries) <= 2 or not all(11 <= c <= 21 for c in centuries):
            return {}
        first, last = centuries[0] - 1, centuries[-1] - 1
        if first > last:
            return {}
        edtf = f"{first:02d}XX" if first == last else f"{first:02d}XX/{last:02d}XX"
        return _fixed(f"{first:02d}00", f"{last:02d}99", "century", None, edtf=edtf)

    def _foreign_decade(self, low: str):
        """A decade in other languages (the patterns ``intl_decade_*``): "les années 1990", "la
        década de los 90", "w latach 90", "1990-е годы", "1990-talet", "1990er Jahre", "1990-es
        években" → 199X. Two digits name 2000 and 2010 (00, 10) or 1930 to 1990 (30 to 90)."""
        words = self.words
        m = _FOREIGN_DECADE_WORD_FIRST.fullmatch(low)
        if m:
            four = len(m.group("year")) == 4
            if not (m.group("word") in words.get("intl_decade_words", ())
                    or (not four and m.group("word") in words.get("intl_decade_words_two_digit", ()))):
                return None
            if m.group("links") and not all(w in words.get("intl_decade_connectors", ()) for w in m.group("links").split()):
                return None
        else:
            m = _FOREIGN_DECADE_ENDING.fullmatch(low)
            if not m:
                return None
            hyphened, years = m.group("hyphened"), m.group("years")
            if years is not None and years not in words.get("intl_decade_year_words", ()):
                return None
            if hyphened is not None and not (hyphened in words.get("intl_decade_suffixes", ()) or (
                    years is not None and hyphened in words.get("intl_decade_hungarian_suffixes", ()))):
                return None
        digits = m.group("year")
        if len(digits) == 2:
            if digits == "20":
                return {}
            digits = ("20" if digits in ("00", "10") else "19") + digits
        d = digits[:3]
        if d.endswith("0") and int(d) < CENTURY_HUNDREDS_BEFORE:
            # as in English: "1800-tallet", "1900-talet" are centuries, "2000-talet" a decade
            return _fixed(f"{d[:2]}00", f"{d[:2]}99", "century", None, edtf=f"{d[:2]}XX")
        return _fixed(f"{d}0", f"{d}9", "decade", None, edtf=f"{d}X")

    def _season(self, t: str, low: str):
        alone = self._season_alone_re.fullmatch(low)
        if alone:  # "in the autumn": its year comes from context (dates/resolve.py)
            code, first, last = self.words["seasons"][alone.group(1)]
            return {"type": "partial", "start": [first, None], "end": [last, None], "precision": "month", "code": code}
        m = self._season_year_re.fullmatch(low)
        if not m or m.group(1) not in self.words["seasons"]:
            return None
        code, first, last = self.words["seasons"][m.group(1)]
        y = int(m.group(2))
        end = _iso(y + 1, last) if last < first else _iso(y, last)
        return _fixed(_iso(y, first), end, "month", None, edtf=f"{y}-{code}")

    def _part(self, t: str, low: str):
        """'the first quarter of 2023' → 2023-01/2023-03; 'H2 2019' → 2019-07/2019-12."""
        alone = re.fullmatch(r"(?:the\s+)?([a-z0-9]+)\s*-?\s*(quarter|half)", low)
        if alone:  # "the third quarter": the year comes from the reference date (dates/resolve.py)
            index, size = self.words["part_names"].get(alone.group(1)), self.words["part_units"][alone.group(2)]
            if index is None or index == -1 or not 1 <= index <= 12 // size:
                return {}
            return {"type": "part", "index": index, "size": size}
        m = re.fullmatch(r"(?:the\s+)?([a-z0-9]+)\s+(quarter|half)\s+of\s+(\d{4})", low)
        if m:
            index, size, y = self.words["part_names"].get(m.group(1)), self.words["part_units"][m.group(2)], int(m.group(3))
        else:
            m = re.fullmatch(r"([qh])([1-4])\s+(\d{4})", low)
            if not m:
                return None
            index, size, y = int(m.group(2)), 3 if m.group(1) == "q" else 6, int(m.group(3))
        if index is None:
            return {}
        parts = 12 // size
        index = parts if index == -1 else index
        if not 1 <= index <= parts:
            return {}
        first = (index - 1) * size + 1
        return _fixed(_iso(y, first), _iso(y, first + size - 1), "month", None)

    def _week_of(self, t: str, low: str):
        """"the week of March 6, 2000" → the Monday-to-Sunday week that holds the day; without a
        year, the day's partial value marked ``week`` (dates/resolve.py widens it once dated)."""
        if not low.startswith("the week of "):
            return None
        value = self._read(t[len("the week of "):])
        if not value or value.get("precision") != "day":
            return {}
        if value["type"] == "partial":
            return {**value, "week": True}
        if value["type"] != "fixed" or not value["start"] or value["end"] != value["start"]:
            return {}
        start, end = week_around(value["start"])
        return _fixed(start, end, "day", value.get("order"))

    def _holiday(self, t: str, low: str):
        """A holiday of ``holidays``: "Christmas Day 1998" → 1998-12-25; without a year a
        ``holiday`` value (its year from context: dates/resolve.py), "last"/"next" its ``direction``."""
        holidays = self.words.get("holidays")
        m = _HOLIDAY_SHAPE.fullmatch(low) if holidays else None
        rule = holidays.get(m.group(2)) if m else None
        if rule is None:
            return None
        if m.group(3):
            day = holiday_day(int(m.group(3)), rule)
            return _fixed(day, None, "day", None) if day else {}
        if m.group(1) == "this":
            return {"type": "holiday", "rule": rule, "direction": 0, "this": True}
        return {"type": "holiday", "rule": rule, "direction": {"last": -1, "next": 1}.get(m.group(1), 0)}

    def _period(self, t: str, low: str):
        """The reporting periods of financial news, each a ``part`` whose quarter, half or year
        comes from context (dates/resolve.py): "the quarter", "the latest period" (the period last
        mentioned), "the year-ago quarter", "year-earlier" (the same period a year back), "the
        1988 quarter" (a year's period), "this year's third quarter" (a year named relative to
        the reference date)."""
        parts, units = self.words["part_names"], self.words["part_units"]

        def unit(ordinal, name):
            if not ordinal:
                return {"index": None, "size": units.get(name) if name == "half" else None}
            index = parts.get(ordinal)
            size = units.get(name)
            if index is None or index == -1 or size is None or not 1 <= index <= 12 // size:
                return None
            return {"index": index, "size": size}

        ordinal = r"(?:([a-z0-9]+)\s*-?\s*)?"
        m = re.fullmatch(rf"(?:the\s+)?(?:([a-z-]+)\s+)?year\s*-\s*(?:ago|earlier)(?:\s+{ordinal}(quarter|period|half))?", low)
        if m:
            if m.group(1) and m.group(1) not in self.words["period_anaphor_words"]:
                return {}
            u = unit(m.group(2), m.group(3))
            if u is None:
                return {}
            return {"type": "part", **u, "back": -1, "bare": m.group(3) is None}
        m = re.fullmatch(r"(?:the|this|that)\s+(?:([a-z-]+)\s+)?(quarter|period)(\s+(?:last\s+year|a\s+year\s+(?:ago|earlier)))?", low)
        if m and (m.group(1) in self.words["period_anaphor_words"] or (m.group(1) is None and m.group(2) == "quarter")):
            which = ("current" if m.group(1) in self.words["period_current_words"]
                     else "completed" if m.group(1) in self.words["period_completed_words"] else None)
            return {"type": "part", "index": None, "size": None, "back": -1 if m.group(3) else 0, "which": which}
        m = re.fullmatch(rf"the\s+(\d{{4}})\s+{ordinal}(quarter|period|half)", low)
        if m:
            u = unit(m.group(2), m.group(3))
            if u is None:
                return {}
            y = int(m.group(1))
            if u["index"] is not None:
                first = (u["index"] - 1) * u["size"] + 1
                return _fixed(_iso(y, first), _iso(y, first + u["size"] - 1), "month", None)
            return {"type": "part", **u, "year": y}
        m = re.fullmatch(rf"(this|last|next)\s+year['’]s\s+{ordinal}(quarter|period|half)", low)
        if m:
            u = unit(m.group(2), m.group(3))
            if u is None:
                return {}
            return {"type": "part", **u, "ref_year": self.words["relative_next"][m.group(1)]}
        return None

    def _number(self, word: str) -> Optional[int]:
        if word.isdigit():
            return int(word)
        return self.words["number_words"].get(word)

    def _relative(self, t: str, low: str):
        units = r"(year|month|week|day)s?"
        m = self._story_part_re.fullmatch(low) if self._story_part_re is not None else None
        if m:   # (a part of) the year the story is in, or in a future or present clause the reference date's
            return {**_relative(m.group(1) or m.group(2), 0, "anaphoric"), "by_tense": True}
        m = re.fullmatch(rf"(that|the)(\s+same)?\s+{units}", low)
        if m:
            if m.group(1) == "the" and not m.group(2):
                return {}  # "the year" alone refers to nothing
            return _relative(m.group(3), 0, "anaphoric")
        m = re.fullmatch(r"the\s+([a-z]+)\s+(?:fiscal\s+)?(year|month|week)", low)
        if m and m.group(1) in self.words.get("relative_current", ()):   # "the current (fiscal) year": this year
            return _relative(m.group(2), 0, "deictic")
        m = re.fullmatch(rf"the\s+([a-z]+)\s+{units}", low)
        if m and m.group(1) in self.words["relative_next"]:
            return _relative(m.group(2), self.words["relative_next"][m.group(1)], "anaphoric")
        m = re.fullmatch(rf"([a-z]+)\s+{units}", low)
        if m and m.group(1) in self.words["relative_next"]:
            return _relative(m.group(2), self.words["relative_next"][m.group(1)], "deictic")
        m = re.fullmatch(rf"([a-z]+|\d{{1,2}})\s+{units}\s+([a-z]+)", low)
        if m and m.group(3) in self.words["relative_direction"]:
            n = self._number(m.group(1))
            if n is None:
                return {}
            anchor = "deictic" if m.group(3) == "ago" else "anaphoric"
            return _relative(m.group(2), n * self.words["relative_direction"][m.group(3)], anchor)
        m = re.fullmatch(rf"the\s+(last|past|previous|preceding)\s+([a-z]+|\d{{1,2}})\s+{units}", low)
        if m:
            n = self._number(m.group(2))
            if n is None:
                return {}
            value = _relative(m.group(3), -n, "deictic")
            value["span"] = True
            return value
        if low in self.words["deictic_days"]:
            return _relative("day", self.words["deictic_days"][low], "deictic")
        return None

    def _foreign_ago(self, t: str, low: str):
        """A count of years back in other languages: "hace 27 años", "il y a 27 ans", "27 anni
        fa", "vor 27 Jahren", "27 lat temu", "27 лет назад" → the year that many years before the
        reference date's (a deictic relative date, as "27 years ago")."""
        m = self._foreign_ago_re.fullmatch(low) if self._foreign_ago_re is not None else None
        if not m or bool(m.group("before")) == bool(m.group("after")):
            return None
        return _relative("year", -int(m.group("n")), "deictic")

    def _named(self, t: str, low: str):
        """'last September', 'next spring', 'this May': a month or season named relative to the
        reference date (dates/resolve.py picks its year)."""
        directions = self.words["deictic_directions"]
        # "June last year", "16 September this year", "September 16 of this year"
        m = re.fullmatch(r"(?:(?:in|on|since|until|till|by|during|throughout)\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?"
                         r"([a-z]+)\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?([a-z]+)\s+year", low)
        if m and not (m.group(1) and m.group(3)) and m.group(2) in self.months and m.group(4) in directions and (
                directions[m.group(4)] != 0 or m.group(4) == "this"):
            month, day = self.months[m.group(2)], int(m.group(1) or m.group(3) or 0) or None
            if day is not None and day > 31:
                return None
            return {"type": "named", "code": None, "first": month, "last": month, "direction": 0,
                    "year_offset": directions[m.group(4)], "day": day}
        # "this past July", "last Oct. 23" (a day of the month named)
        m = re.fullmatch(r"(?:this\s+(?=past\s|last\s))?([a-z]+)\s+([a-z]+)\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?", low)
        if not m or m.group(1) not in directions:
            return None
        word, direction = m.group(2), directions[m.group(1)]
        day = int(m.group(3)) if m.group(3) else None
        if day is not None and (word not in self.months or not 1 <= day <= 31):
            return None
        if word in self.words["seasons"]:
            code, first, last = self.words["seasons"][word]
            return {"type": "named", "code": code, "first": first, "last": last, "direction": direction}
        if word in self.months and t.split()[-1 if day is None else -2][:1].isupper():
            month = self.months[word]
            return {"type": "named", "code": None, "first": month, "last": month, "direction": direction, "day": day}
        return None

    def _two_digit(self, t: str, low: str):
        """"'67" → a year, "the '90s" → a decade, each with its century still to choose."""
        m = re.fullmatch(rf"(?:(?:{self._qualifiers})\s+)?['’]\s*(\d)(\d)(s?)", low)
        if not m:
            return None
        if m.group(3) and m.group(2) != "0":
            return {}
        return {"type": "two_digit", "digits": int(m.group(1) + m.group(2)),
                "precision": "decade" if m.group(3) else "year"}

    def _weekday(self, t: str, low: str):
        directions = self.words["weekday_directions"]
        w = (re.fullmatch(r"([a-z]+)\s+(?:of\s+)?([a-z]+)\s+week", low)
             or re.fullmatch(r"([a-z]+)\s+week(?:\s*,\s*|\s+)(?:on\s+)?([a-z]+)", low))
        if w:   # "Monday last week", "last week on Monday": that weekday of the week named
            day, word = (w.group(1), w.group(2)) if w.group(2) in directions else (w.group(2), w.group(1))
            if day in self.words["weekdays"] and word in directions:
                return {"type": "weekday", "weekday": self.words["weekdays"][day], "direction": 0,
                        "week": -1 if directions[word] < 0 else (1 if directions[word] > 0 else 0)}
            return None
        m = re.fullmatch(r"(?:this\s+(?=\S+\s))?(?:([a-z]+)\s+)?([a-z]+)", low)   # "this coming Monday"
        if m and m.group(2) == "weekend" and (m.group(1) == "the" or m.group(1) in directions):
            # "the weekend": its Saturday, chosen like a weekday, through Sunday
            return {"type": "weekday", "weekday": self.words["weekdays"]["saturday"],
                    "direction": directions.get(m.group(1), 0), "days": 2}
        if not m or m.group(2) not in self.words["weekdays"] or (m.group(1) and m.group(1) not in directions):
            return None
        direction = directions.get(m.group(1), 0)
        return {"type": "weekday", "weekday": self.words["weekdays"][m.group(2)], "direction": direction}


# Bengali and Devanagari digits are digits too (int() reads them): "৩০ আগস্ট ২০২১", "३० अगस्त".
_DAY = r"(?:[0০०]?[1-9১-৯१-९]|[12১২१२]\d|[3৩३][01০১०१])"
# Latvian "of the year" after a year's ordinal: "2019. gada 15. maijā", "2019. g. maijā"
_LV_OF_YEAR = r"(?:gada|g\s*\.)"
# Two days of different months written with full stops, one year after them: "30.09-04.10 2012 r.",
# "30.09 - 04.10.2012", "30.09.-04.10.2012" (a year mark may follow).
# The same with spaces after the full stops and a word between ("od 30. 4. do 4. 5. 2017", "vom 30.4. bis 4.5.2017"),
# an article after it ("vom 30.4. bis zum 4.5.2017", "del 30.4. al 4.5.2017").
_DOTTED_DAY_RANGE = re.compile(r"(?:(?:od|vom|von|du|del|dal|de|from)\s+)?(\d{1,2})\s*\.\s*(\d{1,2})\.?\s*"
                               r"(?:[-–—]|do|až|bis|au|al|a|to)(?:\s+(?:zum|el|le|ao))?\s*"
                               r"(\d{1,2})\s*\.\s*(\d{1,2})\.?\s*,?\s*(\d{4})(?:\s*[^\W\d]{1,5}\.?)?")
# A date line of year, month and day of two digits each with spaces: "2023 11 15".
_ISO_SPACED = re.compile(r"(\d{4}) (0[1-9]|1[0-2]) (0[1-9]|[12]\d|3[01])")
# A range of days before one dotted or slashed date: "05-09.09.2022 r.", "5.–9.9.2022", "1-3/11/2007",
# "17./18.10.2014", "vom 3. bis 5.6.2015", or the date spaced: "3. a 5. 6. 2015" (the days that vary
# come first, so the date is day first; the patterns numeric_days_range_date*,
# numeric_day_connector_date and numeric_day_connector_spaced_date decide which words join them).
_DOTTED_DAYS_RANGE = re.compile(r"(?:[^\W\d]+\s+)?(?P<d1>\d{1,2})\.?\s*(?:[-–—/]|\s[^\W\d]{1,4}\s)\s*(?P<d2>\d{1,2})"
                                r"(?:(?P<sep>[./])(?P<mo>\d{1,2})(?P=sep)|\.\s+(?P<spaced_mo>\d{1,2})\.\s+)(?P<y>\d{4})"
                                r"(?:\s*[^\W\d]{1,5}\.?)?")
# A century's numeral in other languages: Roman with a French ordinal ending ("xixe") or a
# Romanian "-lea", or Arabic with a full stop or "e" ("19.", "19e").
_CENTURY_NUMERAL = re.compile(r"(?<![\w])([xvi]{2,5}|1[1-9]|2[01])(?:e|er|ème|è|\.)?(?![\w])")
_ROMAN = {"i": 1, "v": 5, "x": 10}


def _roman(numeral: str) -> int:
    """The value of a Roman numeral of i, v and x ("xviii" → 18; "xix" → 19)."""
    values = [_ROMAN[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


# A day, its month in Roman numerals (capitals) and then a year: "30.VIII.2021", "12. V. 2019",
# "3 V 2019 r." (date_patterns.jsonl roman_month_*): read with the month's English name.
_ROMAN_MONTH_DATE = re.compile(r"\b(\d{1,2})\s*\.?\s*(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\s*\.?\s*(?=\d{4}\b)")
# An English ordinal suffix written apart from its day: "25 th December, 2008".
_SPACED_ORDINAL = re.compile(r"\b(\d{1,2})\s+(st|nd|rd|th)\b(?=\s+[A-Za-z])")
# A Turkish or Azerbaijani case ending after a year's apostrophe: "2021’de" (in 2021).
_YEAR_CASE_ENDING = re.compile(r"\b(\d{4})['’](?!s$)[a-zçğıöşüə]{1,4}$")    # not "1930's", a decade
# French, Spanish, Portuguese and Italian write the first of the month as an ordinal: "1er", "1re",
# "1ère", "1º", "1.º".
_ROMANCE_ORDINAL_DAY = re.compile(r"\b(\d{1,2})(?:er|re|ère|\.?º|ª)(?=[\s\-–—])")
# A CJK year followed by "after"/"since" (tokens joined by a space): "2018年 后" → 2018/..
_CJK_YEAR_AFTER = re.compile(r"(\d{4})\s*[年년]\s*(?:后|後|以后|以後|以来|起|以降|이후)")
# A year "from" (Korean 부터, Japanese から), alone or with the year "until" (까지, まで) after it.
_CJK_YEAR_SPAN = re.compile(r"(\d{4})\s*[년年]\s*(?:부터|から)(?:\s*(\d{4})\s*[년年]\s*(?:까지|まで))?")
# Korean particles glued to a year, month or day token ("2012년에", "28일부터")
_CJK_PARTICLES = r"(?:에는|에도|에서|에|엔|의|도|은|는|부터|까지|자|号|號)?"
# What follows an era's year that makes it a fiscal year ("平成19年度", with a particle: "年度に").
_FISCAL_YEAR_REST = re.compile(r"年度(?:に|の|は|も)?")
# The text of an ``intl_decade_*`` match: a word for years before the decade's first year (four
# digits or two), or that year with an ending and perhaps a word for years after it.
_DECADE_YEAR = r"(?P<year>(?:1\d{2}|20\d)0|\d0)"
_FOREIGN_DECADE_WORD_FIRST = re.compile(rf"(?P<word>[^\W\d_]+)(?:\s+(?P<links>[^\W\d_]+(?:\s+[^\W\d_]+)?))?\s*['’]?\s*{_DECADE_YEAR}")
_FOREIGN_DECADE_ENDING = re.compile(rf"{_DECADE_YEAR}(?:(?P<er>er|['’]erne)|\s*-\s*(?P<hyphened>[^\W\d_]+))(?:\s*-?\s*(?P<years>[^\W\d_]+))?")
_CJK_DECADE = re.compile(rf"(1\d{{2}}|20\d)0(?:年代|년대){_CJK_PARTICLES}")
# Han numerals before a year, month or day mark: "一九五四年" (a year digit by digit, 〇 or 零 for
# nought), "十二月", "二十八日", "平成二十三年" (a number with 十).
# The weekdays of Japanese and Korean (one character each), as a date's bracket holds them
# ("5月3日(金)", "3일(금)"); cut out by the tokenizer before a range's wave dash (pipeline.build).
CJK_WEEKDAYS = "月火水木金土日월화수목금토일"
HAN_DIGITS = "〇零一二三四五六七八九"       # also cut out of unspaced text by the tokenizer (pipeline.build)
_HAN_DIGIT_VALUES = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_HAN_NUMBER = re.compile(rf"[{HAN_DIGITS}十]+(?=[年月日])")


def han_numerals(text: str) -> str:
    """``text`` with the Han numerals of its dates written in Arabic digits: "一九五四年三月十五日"
    → "1954年3月15日". A run of four digits is a year read digit by digit; a run with 十 is a
    number up to 99; anything else (two digits without 十: "二三年", "a couple of years") stays."""
    def number(m):
        run = m.group(0)
        if "十" not in run:
            if len(run) == 4 or len(run) == 1:
                return "".join(str(_HAN_DIGIT_VALUES[c]) for c in run)
            return run
        tens, _, units = run.partition("十")
        if len(tens) > 1 or len(units) > 1 or "十" in units:
            return run
        return str(10 * (_HAN_DIGIT_VALUES[tens] if tens else 1) + (_HAN_DIGIT_VALUES[units] if units else 0))
    return _HAN_NUMBER.sub(number, text)
# A month (and day) of a year named relative to the reference date, Chinese, Japanese and
# Korean: "昨年12月" / "去年12月" / "지난해 12월" (last year), "今年6月" / "올해 6월", "来年4月" /
# "明年4月" / "내년 4월"; a year written in brackets after the word is the year itself:
# "昨年(2021年)12月" → 2021-12.
_CJK_YEAR_OFFSETS = {"昨年": -1, "去年": -1, "前年": -1, "지난해": -1, "작년": -1,
                     "今年": 0, "本年": 0, "올해": 0, "금년": 0, "来年": 1, "明年": 1, "내년": 1}
_CJK_RELATIVE_YEAR = re.compile(
    rf"(?P<rel>{'|'.join(_CJK_YEAR_OFFSETS)})\s*(?:[(（]\s*(?P<y>\d{{4}})\s*[年년]\s*[)）]\s*)?"
    rf"(?P<m>\d{{1,2}})\s*[월月]{_CJK_PARTICLES}(?:\s*(?P<d>\d{{1,2}})\s*[일日]{_CJK_PARTICLES})?")


class _IntlDates:
    """Dates written in other languages than English (month and weekday names of
    ``month_names.tsv``, the small word lists ``intl_*`` and ``cjk_*`` of ``date_words.jsonl``):

    - day month year, in any of the orders the patterns find: "19 июня 2023 г.", "28 de octubre
      de 2010", "5. März 2020", "23-25 listopada 2018 r.", "2019. március 15.", "2018 m. gegužės 29 d.",
      "2019. gada 15. maijā" → ``fixed``;
    - the same without a year ("4 февраля", "el pasado jueves 28 de octubre") → ``partial``, with
      ``weekday`` when one is named (dates/resolve.py then picks the year whose date falls on it)
      and ``tense`` "past" after a word such as "pasado";
    - month year ("listopad 2018", "marzo de 2010"), a year with its marker ("2018 r.");
    - Arabic month names of two words or named twice ("12 كانون الثاني 2019", "12 أيار/مايو 2019");
    - Persian Solar Hijri months with their year ("۲۹ بهمن ۱۳۹۷", "بهمن ماه ۱۳۹۷") → ``fixed``, the
      Gregorian day or days (dates/jalali.py); the component reads Eastern Arabic and Persian
      digits as 0–9 before this (find_dates.ascii_digits);
    - Korean, Japanese, Chinese "2012년 5월 28일", "2012年5月", "5월 28일", "2011년 말" (the year);
    - months as numbers after their word: Vietnamese "ngày 5 tháng 3 năm 2018", "tháng 3/2018";
    - a day of month named by its weekday or as the last one ("nesta segunda-feira (10)",
      "지난 28일") → ``monthday``: ``day``, ``weekday`` (or None), ``direction`` (-1 the latest
      before the reference date, 0 by the clause's tense).
    """

    def __init__(self, words: dict):
        self.months = dict(words["intl_month_numbers"])
        for form, number in words["month_numbers"].items():
            self.months.setdefault(form, number)
        self.weekdays = words["intl_weekday_numbers"]
        self.month_languages = words.get("intl_month_languages", {})
        yielded = words.get("intl_month_yielded", {})
        # per language with yielded forms: its year words and the month table read with them
        self.yielded_tables = [
            (frozenset(year_words), {**self.months, **{f: n for f, (n, langs) in yielded.items() if lang in langs}})
            for lang, year_words in words.get("intl_year_words_by_language", {}).items()
            if any(lang in langs for _, langs in yielded.values())]
        self.prep_languages = words.get("intl_month_prep_languages", {})
        self.bare_weekdays = frozenset(w for w in words.get("intl_bare_weekdays", ()) if w in self.weekdays)
        self.weekday_after = dict(words.get("intl_weekday_after", {}))
        self.jalali = words.get("intl_jalali_month_numbers", {})
        self.past = frozenset(words["intl_past_words"]) | frozenset(words["cjk_past_words"])

        def alt(forms):     # longest first; the same string in every process (prebuilt regex table)
            return "|".join(sorted(map(re.escape, forms), key=lambda f: (-len(f), f)))

        month, weekday, suffix = alt(self.months), alt(self.weekdays), alt(w.rstrip(".") for w in words["intl_year_suffixes"])
        past, this = alt(words["intl_past_words"]), alt(words["intl_this_words"])
        past_after = alt(words.get("intl_past_after_month", ())) or "(?!)"     # "le 3 avril dernier", "3 april jl."
        conn = rf"(?:{alt(words['intl_day_connectors'])})(?:\s+(?:{alt(words.get('intl_connector_articles', ()))}))?"
        of = alt(words["intl_of"])
        year = rf"(?:,?\s*(?:(?:{of})\s+)?(?P<y>\d{{4}})(?:\.?\s*(?:{suffix})\b\.?)?)"
        wd = rf"(?:(?P<wd>{weekday})(?:\s*-\s*feira)?\s*,?\s*)"
        self._dmy = re.compile(
            rf"(?:(?P<past>{past})\s+)?{wd}?(?P<d1>{_DAY})\s*\.?"
            rf"(?:\s*(?:{conn})\s*(?:(?:{weekday})(?:\s*-\s*feira)?\s*,?\s*)?(?P<d2>{_DAY})\s*\.?)?\s*(?:(?:{of})\s+)?"
            rf"(?P<m>{month})\s*\.?{year}?(?:\s*(?P<past_after>{past_after}))?"
            rf"|(?:(?:{weekday})\s*,?\s*)?(?P<d3>{_DAY})\s*-\s*(?P<m3>{month})\s*-\s*(?P<y3>\d{{4}})")  # "23 - Desember - 2012"
        starts = alt(words.get("intl_range_starts", ()))
        self._dm_dm = re.compile(
            rf"(?:(?:{starts})\s+)?(?P<d1>{_DAY})\s*\.?\s*(?:(?:{of})\s+)?(?P<m1>{month})\s*\.?\s*(?:{conn})\s*"
            rf"(?P<d2>{_DAY})\s*\.?\s*(?:(?:{of})\s+)?(?P<m2>{month})\s*\.?{year}?") if starts else None
        self._weekday_alone = re.compile(
            rf"(?:{alt(words.get('intl_weekday_preps', ('am',)))})\s+(?P<wd>{weekday})(?:\s*-\s*feira)?")
        # "в мае", "en mayo"; "Ende Juli", "a finales de julio", "koncom júla" (the qualifier stays
        # in the text and does not narrow the month, as "late June")
        quals = alt(words.get("intl_year_qualifiers", ())) or "(?!)"
        links = alt(words.get("intl_year_qualifier_links", ())) or "(?!)"
        preps = alt(words.get("intl_month_preps", ("in",)))
        self._month_alone = re.compile(rf"(?:(?:{preps})|(?:{quals})(?:\s+(?:{links}))?)\s+(?P<m>{month})")
        # "el pasado mes de agosto", "lo scorso agosto", "em agosto passado", "août dernier": the
        # latest such month before the reference date
        self._past_month = re.compile(
            rf"(?:{past})\s+(?:(?:{alt(words['intl_month_nouns'])})\s+)?(?:(?:de|di)\s+|d['’]\s*)?(?P<m>{month})"
            rf"|(?:(?:{preps})\s+)?(?P<m2>{month})\s+(?:{alt(words.get('intl_past_after_month', ()))})")
        self._m_my = re.compile(
            rf"(?:(?:{starts})\s+)?(?P<m1>{month})\s*\.?\s*(?:{conn})\s*(?P<m2>{month})\s*\.?{year}") if starts else None
        self._my = re.compile(rf"(?P<m>{month})\s*\.?{year}")
        # Hungarian, year first: "2021. márciusban" (in March 2021), "2021 márciusában"; Latvian
        # with its word for "of the year": "2023. gada novembrī"
        self._ym = re.compile(rf"(?P<y>\d{{4}})\s*\.?\s*(?:{_LV_OF_YEAR}\s*)?(?P<m>{month})")
        self._my_my = re.compile(
            rf"(?:(?:{starts})\s+)?(?P<m1>{month})\s*\.?\s*,?\s*(?:(?:{of})\s+)?(?P<y1>\d{{4}})(?:\.?\s*(?:{suffix})\b\.?)?\s*(?:{conn})\s*"
            rf"(?P<m2>{month})\s*\.?{year}") if starts else None
        # "2018 r.", "2016. godine" (an ordinal year), "2008-ban" (a Hungarian case ending)
        endings = alt(words.get("intl_year_hyphen_endings", ())) or "(?!)"
        self._y = re.compile(rf"(?P<y>\d{{4}})(?:\.?\s*(?:{suffix})\.?|\s*-\s*(?:{endings}))")
        # Armenian, month before day, the year first with its word: "2013 թվականի մայիսի 28-ին",
        # "2013 թ. մայիսի 28-ին", "մայիսի 28-ին" (the day's case ending after a hyphen)
        self._hy = re.compile(rf"(?:(?P<y>\d{{4}})\s*(?:թվականի|թ\s*\.?)\s*)?(?P<m>{month})\s+(?P<d>{_DAY})"
                              rf"(?:\s*-\s*(?:ին|ից|ը|ն))?")
        # Azerbaijani, year first with its word, the month in the genitive: "2012-ci ilin mayın
        # 10-da", "2019-cu il oktyabrın 5-də", "mayın 10-da" (the day's case ending after a hyphen)
        self._az = re.compile(rf"(?:(?P<y>\d{{4}})\s*-\s*(?:ci|cı|cu|cü)\s+(?:ilin|il)\s+)?(?P<m>{month})\s+(?P<d>{_DAY})"
                              rf"(?:\s*-\s*(?:da|də|dan|dən|dək|nda|ndə|i|ı|u|ü))?")
        # Uzbek and Kazakh, year first with its word, the day before the month (joined by a hyphen
        # in Uzbek): "2022-yil 14-fevral", "2022 йил 14 февралда", "2022 жылғы 14 ақпан", "2022 ж. 14
        # ақпан", "14-fevral";
        # the day first with the year after: "14-fevral, 2022-yil"; a range of days: "2022 йил 14-17 февраль"
        first = alt(words["intl_year_first_words"])
        self._uz = re.compile(rf"(?:(?P<y>\d{{4}})\s*-?\s*(?:{first})\s*\.?\s*,?\s*)?(?P<d>{_DAY})(?:\s*[-–]\s*(?P<dd>{_DAY}))?"
                              rf"\s*-?\s*(?P<m>{month})"
                              rf"|(?P<d2>{_DAY})\s*-\s*(?P<m2>{month})\s*,?\s*(?P<y2>\d{{4}})(?:\s*-?\s*(?:{first}))?")
        # Hungarian, year first: "2019. március 15", a range of days "2009. szeptember 17–20"
        self._hu = re.compile(rf"(?P<y>\d{{4}})\s*\.\s*(?P<m>{month})\s*\.?\s*(?P<d>{_DAY})(?:\s*[-–—]\s*(?P<dd>{_DAY}))?")
        # Lithuanian "2018 m. gegužės 29 d.", Latvian "2019. gada 15. maijā": year first, marked.
        self._baltic = re.compile(rf"(?P<y>\d{{4}})\s*m\s*\.?\s*(?P<m>{month})\s*(?:mėn\s*\.?\s*)?(?P<d>{_DAY})"
                                  rf"(?:\s*[-–—]\s*(?P<dd>{_DAY}))?(?:\s*(?:d\s*\.?|dieną|dienomis|dienos))?"
                                  rf"|(?P<y2>\d{{4}})\s*\.\s*{_LV_OF_YEAR}\s*(?P<d2>{_DAY})\s*\.\s*(?P<m2>{month})"
                                  rf"|(?P<y3>\d{{4}})\s+წლის\s+(?P<d3>{_DAY})\s+(?P<m3>{month})"   # Georgian
                                  rf"|(?P<m4>{month})\s*(?:mėn\s*\.?\s*)?(?P<d4>{_DAY})(?:\s*[-–—]\s*(?P<dd4>{_DAY}))?"
                                  rf"\s*(?:d\s*\.|dieną|dienomis|dienos)")   # Lithuanian without its year
        self._weekday_day = re.compile(rf"(?:(?:{this})\s+)?(?P<wd>{weekday})(?:\s*-\s*feira)?\s*\(\s*(?P<d>{_DAY})\s*\)")
        parts = alt(words["cjk_year_parts"])
        self._eras = dict(words.get("cjk_eras", {}))
        # "令和5(2023)年": the Gregorian year the text gives in brackets after the era's year
        self._era = (re.compile(rf"(?P<era>{alt(self._eras)})\s*(?P<n>\d{{1,2}}|元)"
                                rf"(?:\s*[(（]\s*(?P<y>1\d{{3}}|20\d{{2}})\s*[)）]\s*)?(?=[年년])") if self._eras else None)
        # a year and the same year of the other calendar in brackets: "2005年(平成17年)11月",
        # "平成17年（2005年）11月3日": the Gregorian year stands, the bracket goes
        eras = alt(self._eras) if self._eras else None
        self._era_twins = ((re.compile(rf"(?P<y>1\d{{3}}|20\d{{2}})\s*年\s*[(（]\s*(?:{eras})\s*(?:\d{{1,2}}|元)\s*年\s*[)）]"),
                            re.compile(rf"(?:{eras})\s*(?:\d{{1,2}}|元)\s*年\s*[(（]\s*(?P<y>1\d{{3}}|20\d{{2}})\s*年\s*[)）]"))
                           if eras else ())
        self._cjk = re.compile(
            rf"(?P<y>\d{{4}})\s*[년年]度?{_CJK_PARTICLES}(?:\s*(?P<m>\d{{1,2}})\s*[월月]{_CJK_PARTICLES}"
            rf"(?:\s*(?P<d>\d{{1,2}})\s*[일日]{_CJK_PARTICLES})?)?(?:\s*(?:{parts}))?")
        self._cjk_range = re.compile(
            rf"(?:(?P<y>\d{{4}})\s*[년年]\s*)?(?P<m>\d{{1,2}})\s*[월月]\s*(?P<d>\d{{1,2}})\s*(?:[일日]\s*)?"
            rf"(?:{alt(words['cjk_range_marks'])})\s*(?:(?P<y2>\d{{4}})\s*[년年]\s*)?(?:(?P<m2>\d{{1,2}})\s*[월月]\s*)?"
            rf"(?P<d2>\d{{1,2}})\s*[일日]{_CJK_PARTICLES}")
        self._cjk_md = re.compile(rf"(?P<m>\d{{1,2}})\s*[월月]{_CJK_PARTICLES}\s*(?P<d>\d{{1,2}})\s*[일日]{_CJK_PARTICLES}")
        self._cjk_bare_day = re.compile(rf"(?P<d>\d{{1,2}})\s*[일日]{_CJK_PARTICLES}")
        # a span of days of one month without the month: "지난 5일부터 8일까지", "21日から25日まで"
        self._cjk_day_span = re.compile(rf"(?:(?P<past>{alt(words['cjk_past_words'])})\s+)?(?P<d>\d{{1,2}})\s*[일日]\s*"
                                        rf"(?:부터|から)\s*(?P<until>\d{{1,2}})\s*[일日]\s*(?:까지|まで)?")
        self._cjk_past = re.compile(rf"(?P<past>{alt(words['cjk_past_words'])})\s+(?P<d>\d{{1,2}})\s*일{_CJK_PARTICLES}")
        self._cjk_past_month = re.compile(rf"(?P<past>{alt(words['cjk_past_words'])})\s+(?P<m>\d{{1,2}})\s*월{_CJK_PARTICLES}"
                                          rf"(?:\s*(?P<d>{_DAY})\s*일{_CJK_PARTICLES})?")
        # "12 أيار/مايو 2019": a month named twice, in two of a language's calendars of names
        self._double = re.compile(rf"(?P<a>{month})\s*/\s*(?P<b>{month})")
        between, articles = alt(words.get("intl_year_between", ())), alt(words["intl_year_articles"])
        self._years_between = re.compile(
            rf"(?:{between})\s+(?:(?:{articles})\s*)?(?:(?:{alt(words['intl_year_words'])})\s+)?(?P<a>\d{{4}})\s+"
            rf"(?:{alt(words.get('intl_year_and', ()))})\s+(?:(?:{articles})\s*)?(?P<b>\d{{4}})") if between else None
        # "de 1995 à 2019", "von 1995 bis 2019", "dal 1995 al 2019", "с 1995 по 2019 год"
        self._years_from_to = re.compile(
            rf"(?:{starts})\s+(?:(?:{articles})\s*)?(?P<a>\d{{4}})(?:\.?\s*(?:{suffix})\b\.?)?\s*(?:{conn})\s*"
            rf"(?:(?:{articles})\s*)?(?P<b>\d{{4}})(?:\.?\s*(?:{suffix})\b\.?)?") if starts else None
        # the Ethiopian calendar: a month in Ge'ez script with its day and year, its mark after
        # them or not ("ጥቅምት 5፣2013", "መጋቢት 10/2015 ዓ.ም"); a transliterated month or a year
        # alone only with the mark ("Tikimt 5, 2013 E.C.", "2010 ዓ.ም", "2010 E.C.")
        self.ethiopian = dict(words.get("ethiopian_month_numbers", {}))
        self.ethiopian_latin = dict(words.get("ethiopian_month_numbers_latin", {}))
        marks = alt(m.lower() for m in words.get("ethiopian_year_marks", ()))
        mark = rf"(?:ዓ\s*[./]\s*ም|{marks})" if marks else r"(?:ዓ\s*[./]\s*ም)"
        self._ethiopian = re.compile(
            rf"(?:(?P<m>{alt(self.ethiopian)})\s*(?P<d>\d{{1,2}})\s*[፣,/]?\s*(?P<y>\d{{4}})(?:\s*{mark})?"
            rf"|(?:(?P<ml>{alt(self.ethiopian_latin)})\s*(?P<dl>\d{{1,2}})\s*,?\s*)?(?P<yl>\d{{4}})\s*{mark})"
        ) if self.ethiopian else None
        jalali_words = alt(words.get("jalali_month_words", ()))
        self._jalali = re.compile(
            rf"(?:(?:{weekday})\s*,?\s*)?(?:(?P<d>{_DAY})\s*)?(?P<m>{alt(self.jalali)})(?:\s*(?:{jalali_words}))?"
            rf"\s*,?\s*(?P<y>\d{{4}})") if self.jalali else None
        # Mongolian, year first with its word, the month an ordinal (a number with its ending, or
        # a word) before the word "month", the day with its case ending: "2001 оны 6 дугаар сарын
        # 27-ны өдөр", "2019 оны 5-р сард", "тавдугаар сарын 17-нд", "арван нэгдүгээр сар" (11)
        self.ordinal_months = dict(words.get("ordinal_month_names", {}))
        self._ordinal = re.compile(
            rf"(?:(?P<y>\d{{4}})\s*(?:{alt(words['ordinal_month_year_words'])})\s*)?"
            rf"(?:(?P<m>0?[1-9]|1[0-2])\s*(?:-\s*)?(?P<mark>{alt(words['ordinal_month_marks'])})?"
            rf"|(?P<tens>{alt(words['ordinal_month_tens'])})?\s*(?P<mw>{alt(self.ordinal_months)}))"
            rf"\s*(?:{alt(words['ordinal_month_words'])})"
            rf"(?:\s*(?P<d>{_DAY})(?:\s*-?\s*(?:{alt(words['ordinal_day_endings'])}))?"
            rf"(?:\s*(?:{alt(words['ordinal_day_words'])}))?)?") if self.ordinal_months else None
        self._numbered_dm = re.compile(
            rf"(?:{alt(words['numbered_day_words'])})\s+(?P<d>{_DAY})\s*/\s*(?P<m>0?[1-9]|1[0-2])")
        self._numbered = re.compile(
            rf"(?:(?:{alt(words['numbered_day_words'])})\s+(?P<d>{_DAY})\s+)?(?:{alt(words['numbered_month_words'])})\s+"
            rf"(?P<m>0?[1-9]|1[0-2])(?:\s+(?:{alt(words['numbered_year_words'])})\s+|\s*/\s*)(?P<y>\d{{4}})")

    def normalise(self, text: str) -> Optional[dict]:
        low = text.lower().strip(" ,;:")
        table = self._yielded_table(low)
        if table is None:
            return self._normalise(low)
        months, self.months = self.months, table
        try:
            return self._normalise(low)
        finally:
            self.months = months

    def _yielded_table(self, low: str) -> Optional[dict]:
        """The month table of a yielding language (its forms of kind ``yielded`` read as its own
        months) when the date carries that language's year word: "listopada 2024. godine" is
        Croatian October; None otherwise."""
        if not self.yielded_tables:
            return None
        words = set(re.findall(r"[^\W\d_]+", low))
        return next((table for year_words, table in self.yielded_tables if words & year_words), None)

    def _normalise(self, low: str) -> Optional[dict]:
        low = re.sub(r"\s*\.$", "", low) if not re.search(r"\b(?:r|г|р|ж)\s*\.$", low) else low
        if "/" in low:
            low = self._double.sub(lambda m: m.group("a") if self.months[m.group("a")] == self.months[m.group("b")] else m.group(0), low)
        for read in (self._read_ethiopian, self._read_years_between, self._read_jalali, self._read_dmy, self._read_my, self._read_cjk, self._read_numbered,
                     self._read_ordinal_month, self._read_day):
            value = read(low)
            if value is not None:
                return value or None
        return None

    def _read_years_between(self, low: str):
        """"entre el año 2008 y 2009", "zwischen 2008 und 2009", "de 1995 à 2019": one span of years."""
        m = next((m for r in (self._years_between, self._years_from_to) if r is not None and (m := r.fullmatch(low))), None)
        if not m:
            return None
        first, last = m.group("a"), m.group("b")
        return _fixed(first, last, "year", None) if first < last else {}

    def _read_ethiopian(self, low: str):
        """An Ethiopian day with its month, or a year with its mark ("ጥቅምት 5፣2013", "2010 ዓ.ም"),
        as the Gregorian day or days it is (dates/ethiopian.py); {} for a day that does not
        exist or a year out of ``ETHIOPIAN_YEARS``."""
        m = self._ethiopian.fullmatch(low) if self._ethiopian is not None else None
        if not m:
            return None
        if m.group("y"):
            y, month, d = int(m.group("y")), self.ethiopian[m.group("m")], int(m.group("d"))
        else:
            y = int(m.group("yl"))
            month = self.ethiopian_latin[m.group("ml")] if m.group("ml") else None
            d = int(m.group("dl")) if m.group("dl") else None
            if month is None and d is not None:
                return {}
        return _days_value(_ethiopian.period(y, month, d) if y in _ethiopian.ETHIOPIAN_YEARS else None, d)

    def _read_jalali(self, low: str):
        """A Solar Hijri day or month with its year ("۲۹ بهمن ۱۳۹۷", "بهمن ماه 1397"), as the
        Gregorian day or days it is (dates/jalali.py); {} for a year out of ``JALALI_YEARS``."""
        m = self._jalali.fullmatch(low) if self._jalali is not None else None
        if not m:
            return None
        y, month, d = int(m.group("y")), self.jalali[m.group("m")], int(m.group("d")) if m.group("d") else None
        return _days_value(_jalali.period(y, month, d) if y in _jalali.JALALI_YEARS else None, d)

    def _read_dmy(self, low: str):
        m = self._dmy.fullmatch(low)
        if m and m.group("d3"):
            y, month, d = int(m.group("y3")), self.months[m.group("m3")], int(m.group("d3"))
            return _fixed(_iso(y, month, d), None, "day", "dmy") if _valid(y, month, d) else {}
        if m:
            month, d1 = self.months[m.group("m")], int(m.group("d1"))
            d2 = int(m.group("d2")) if m.group("d2") else None
            y = _gregorian(int(m.group("y"))) if m.group("y") else None
            if not _valid(y, month, d1) or (d2 is not None and (d2 <= d1 or not _valid(y, month, d2))):
                return {}
            if y is not None:
                return _fixed(_iso(y, month, d1), _iso(y, month, d2) if d2 else None, "day", "dmy")
            value = {"type": "partial", "start": [month, d1], "end": [month, d2] if d2 else None, "precision": "day"}
            if m.group("wd"):
                value["weekday"] = self.weekdays[m.group("wd")]
            if m.group("past") or m.group("past_after"):
                value["tense"] = "past"
            return value
        m = self._dm_dm.fullmatch(low) if self._dm_dm is not None else None
        if m:       # "od 26 kwietnia do 6 maja 2018 r.": one interval, the year written at its end
            (d1, m1), (d2, m2) = ((int(m.group("d1")), self.months[m.group("m1")]),
                                  (int(m.group("d2")), self.months[m.group("m2")]))
            if not (_valid(None, m1, d1) and _valid(None, m2, d2)) or (m1, d1) == (m2, d2):
                return {}
            y = int(m.group("y")) if m.group("y") else None
            if y is None:
                return {"type": "partial", "start": [m1, d1], "end": [m2, d2], "precision": "day"}
            # "du 28 décembre au 3 janvier 2019": the first day in the year before
            return _fixed(_iso(_first_year(y, (m1, d1), (m2, d2)), m1, d1), _iso(y, m2, d2), "day", "dmy")
        m = self._baltic.fullmatch(low)
        if m:
            y = m.group("y") or m.group("y2") or m.group("y3")
            month = self.months[m.group("m") or m.group("m2") or m.group("m3") or m.group("m4")]
            d, dd = int(m.group("d") or m.group("d2") or m.group("d3") or m.group("d4")), m.group("dd") or m.group("dd4")
            return _days(int(y) if y else None, month, d, int(dd) if dd else None)
        m = self._hy.fullmatch(low) or self._az.fullmatch(low)
        if m:
            return _days(int(m.group("y")) if m.group("y") else None, self.months[m.group("m")], int(m.group("d")))
        m = self._uz.fullmatch(low)
        if m:
            y = m.group("y") or m.group("y2")
            return _days(int(y) if y else None, self.months[m.group("m") or m.group("m2")],
                         int(m.group("d") or m.group("d2")), int(m.group("dd")) if m.group("dd") else None)
        m = self._hu.fullmatch(low)
        if m:
            return _days(int(m.group("y")), self.months[m.group("m")], int(m.group("d")),
                         int(m.group("dd")) if m.group("dd") else None)
        return None

    def _read_my(self, low: str):
        """Month and year ("listopad 2018", "มีนาคม 2565", year first "2021. márciusban"), a range of months, a marked year, a
        month alone after a preposition ("в мае": year-less) or with a word for "last" ("agosto pasado": the last one)."""
        m = self._past_month.fullmatch(low)
        if m:
            return {"type": "partial", "start": [self.months[m.group("m") or m.group("m2")], None], "end": None,
                    "precision": "month", "tense": "past"}
        m = self._month_alone.fullmatch(low)
        if m:
            prep = low[:m.start("m")].split()[0]
            if prep in self.prep_languages and not set(self.prep_languages[prep]) & set(self.month_languages.get(m.group("m"), ())):
                return {}   # "a marca" (Romanian "pentru a marca", to mark): Polish March after an Italian preposition
            return {"type": "partial", "start": [self.months[m.group("m")], None], "end": None, "precision": "month"}
        m = self._m_my.fullmatch(low) if self._m_my is not None else None
        if m:       # "mai – noiembrie 2023": one interval of months
            m1, m2, y = self.months[m.group("m1")], self.months[m.group("m2")], int(m.group("y"))
            if m1 == m2:
                return {}
            return _fixed(_iso(_first_year(y, m1, m2), m1), _iso(y, m2), "month", None)
        m = self._my_my.fullmatch(low) if self._my_my is not None else None
        if m:       # "de septembre 2016 à mars 2017", "von September 2016 bis März 2017"
            start, end = _iso(int(m.group("y1")), self.months[m.group("m1")]), _iso(int(m.group("y")), self.months[m.group("m2")])
            return _fixed(start, end, "month", None) if start < end else {}
        m = self._my.fullmatch(low)
        if m:
            return _fixed(_iso(_gregorian(int(m.group("y"))), self.months[m.group("m")]), None, "month", None)
        m = self._ym.fullmatch(low)
        if m:
            return _fixed(_iso(int(m.group("y")), self.months[m.group("m")]), None, "month", None)
        m = self._y.fullmatch(low)
        if m:
            return _fixed(_iso(int(m.group("y"))), None, "year", None)
        return None

    def _era_year(self, m) -> int:
        """The Gregorian year of an ``_era`` match: the bracketed one the text gives, else the
        era's year counted from its first (元年)."""
        if m.group("y"):
            return int(m.group("y"))
        return self._eras[m.group("era")] + (1 if m.group("n") == "元" else int(m.group("n")))

    def _read_cjk(self, low: str):
        low = han_numerals(low)
        for twin in self._era_twins:
            low = twin.sub(lambda m: m.group("y") + "年", low)
        m = _CJK_DECADE.fullmatch(low)
        if m:       # "1990年代", "1980년대": the 1990s, the 1980s
            d = m.group(1)
            return _fixed(f"{d}0", f"{d}9", "decade", None, edtf=f"{d}X")
        if self._era is not None:       # "平成23年" → "2011年"
            m = self._era.match(low)
            if m and _FISCAL_YEAR_REST.fullmatch(low, m.end()):
                # "平成19年度": Japan's fiscal year, April to March
                y = self._era_year(m)
                return _fixed(f"{y:04d}-04", f"{y + 1:04d}-03", "month", None)
            low = self._era.sub(lambda e: str(self._era_year(e)), low)
        m = self._cjk_range.fullmatch(low)
        if m:       # "7月2日至3日", "2013年7月2日至3日", "2025年9月3日から2025年9月18日"
            month, d = int(m.group("m")), int(m.group("d"))
            month2, d2 = int(m.group("m2") or month), int(m.group("d2"))
            y = int(m.group("y")) if m.group("y") else None
            y2 = int(m.group("y2")) if m.group("y2") else y
            if y is not None and not m.group("y2") and (month2, d2) < (month, d):
                y2 = y + 1              # "2019년 12월 30일부터 1월 3일까지": into the next year
            if (not (_valid(None, month, d) and _valid(None, month2, d2)) or (y2 is not None and y is None)
                    or (y2 or 0, month2, d2) <= (y or 0, month, d)):
                return {}
            if y is not None:
                return _fixed(_iso(y, month, d), _iso(y2, month2, d2), "day", None)
            return {"type": "partial", "start": [month, d], "end": [month2, d2], "precision": "day"}
        m = _CJK_RELATIVE_YEAR.fullmatch(low)
        if m:       # "昨年12月": December of the year before the reference date; "昨年(2021年)12月": 2021-12
            month, d = int(m.group("m")), int(m.group("d")) if m.group("d") else None
            if not _valid(None, month, d):
                return {}
            if m.group("y"):
                return _fixed(_iso(int(m.group("y")), month, d), None, _precision(month, d), None)
            return {"type": "named", "code": None, "first": month, "last": month, "direction": 0,
                    "year_offset": _CJK_YEAR_OFFSETS[m.group("rel")], "day": d}
        m = _CJK_YEAR_AFTER.fullmatch(low)
        if m:
            return _since_year(m.group(1))
        m = _CJK_YEAR_SPAN.fullmatch(low)
        if m:       # "2021년부터 2025년까지": 2021/2025; "2007년부터" alone: since 2007
            first, last = m.group(1), m.group(2)
            if last is None:
                return _since_year(first)
            return _fixed(first, last, "year", None) if first < last else {}
        m = self._cjk.fullmatch(low)
        if m:
            y = int(m.group("y"))
            month = int(m.group("m")) if m.group("m") else None
            d = int(m.group("d")) if m.group("d") else None
            if not _valid(y, month, d):
                return {}
            return _fixed(_iso(y, month, d), None, _precision(month, d), None)
        m = self._cjk_md.fullmatch(low)
        if m:
            month, d = int(m.group("m")), int(m.group("d"))
            if not _valid(None, month, d):
                return {}
            return {"type": "partial", "start": [month, d], "end": None, "precision": "day"}
        return None

    def _read_numbered(self, low: str):
        """Months as numbers after their word (``numbered_*_words``): Vietnamese "ngày 5 tháng 3
        năm 2018", "tháng 3 năm 2018", "tháng 3/2018"."""
        m = self._numbered.fullmatch(low)
        if not m:
            d_m = self._numbered_dm.fullmatch(low)      # "sáng 22/6": year-less
            if d_m and _valid(None, int(d_m.group("m")), int(d_m.group("d"))):
                return {"type": "partial", "start": [int(d_m.group("m")), int(d_m.group("d"))], "end": None, "precision": "day"}
            return None
        y, month, d = int(m.group("y")), int(m.group("m")), int(m.group("d")) if m.group("d") else None
        if not _valid(y, month, d):
            return {}
        return _fixed(_iso(y, month, d), None, _precision(month, d), None)

    def _read_ordinal_month(self, low: str):
        """A month as an ordinal before the word "month" (``ordinal_month_*`` words), year first:
        Mongolian "2001 оны 6 дугаар сарын 27-ны өдөр", "тавдугаар сарын 17-нд". A number without
        its ordinal ending or a year before it counts months ("3 сар", three months): no date."""
        m = self._ordinal.fullmatch(low) if self._ordinal is not None else None
        if not m:
            return None
        if m.group("mw"):
            month = self.ordinal_months[m.group("mw")] + (10 if m.group("tens") else 0)
        elif m.group("y") or m.group("mark"):
            month = int(m.group("m"))
        else:
            return None
        y, d = (int(m.group("y")) if m.group("y") else None), (int(m.group("d")) if m.group("d") else None)
        if not _valid(y, month, d):
            return {}
        if y is None:
            return {"type": "partial", "start": [month, d], "end": None, "precision": _precision(month, d)}
        return _fixed(_iso(y, month, d), None, _precision(month, d), None)

    def _read_day(self, low: str):
        m = self._weekday_alone.fullmatch(low)
        if m:       # "v piatok", "am freitag", "na sexta-feira": as English "on Friday"
            return {"type": "weekday", "weekday": self.weekdays[m.group("wd")], "direction": 0}
        day, _, after = low.partition(" ")
        if day in self.bare_weekdays and (not after or after in self.weekday_after):
            # "ont signé lundi": the same; "jeudi prochain": the word after it gives the direction
            return {"type": "weekday", "weekday": self.weekdays[day], "direction": self.weekday_after.get(after, 0)}
        m = self._weekday_day.fullmatch(low)
        if m:
            return {"type": "monthday", "day": int(m.group("d")), "weekday": self.weekdays[m.group("wd")], "direction": 0}
        m = self._cjk_past.fullmatch(low)
        if m:
            d = int(m.group("d"))
            return {"type": "monthday", "day": d, "weekday": None, "direction": -1} if 1 <= d <= 31 else {}
        m = self._cjk_day_span.fullmatch(low)        # "지난 5일부터 8일까지": the 5th to the 8th
        if m:
            d, until = int(m.group("d")), int(m.group("until"))
            return ({"type": "monthday", "day": d, "weekday": None, "direction": -1 if m.group("past") else 0,
                     "until": until} if 1 <= d < until <= 31 else {})
        m = self._cjk_bare_day.fullmatch(low)      # "22日", "28일": the nearest such day (news)
        if m:
            d = int(m.group("d"))
            return {"type": "monthday", "day": d, "weekday": None, "direction": 0} if 1 <= d <= 31 else {}
        m = self._cjk_past_month.fullmatch(low)       # "지난 6월 2일": the latest 2 June before the reference date
        if m:
            month, day = int(m.group("m")), int(m.group("d")) if m.group("d") else None
            if not 1 <= month <= 12 or (day is not None and not _valid(None, month, day)):
                return {}
            return {"type": "partial", "start": [month, day], "end": None, "precision": "day" if day else "month",
                    "tense": "past"}
        return None


def _days_value(found, d: Optional[int]) -> dict:
    """The value of the Gregorian days ``found`` (first, last) that a day, month or year of
    another calendar is; {} when it has none."""
    if found is None:
        return {}
    first, last = found[0].isoformat(), found[1].isoformat()
    return _fixed(first, None if first == last else last, "day", "dmy" if d else None)


def _from_jalali(value: dict) -> Optional[dict]:
    """A value read from a Persian page's numbers, its Jalali years converted: a day to its
    Gregorian day, a month or a year to the Gregorian days it spans. An all-number date is
    day-month-year there (Iran writes no month first). Other values are returned as they are."""
    if value["type"] == "numeric" and value["y"] in _jalali.JALALI_YEARS:
        if "open" in value:
            return None  # "تا 1397/05/03" is left out rather than read in the wrong calendar
        first = _jalali.period(value["y"], value["b"], value["a"])
        a, b, y = value.get("end") or (value["a"], value["b"], value["y"])
        last = _jalali.period(y, b, a) if y in _jalali.JALALI_YEARS else None
        if first is None or last is None or last[1] < first[0]:
            return None
        return _fixed(first[0].isoformat(), last[1].isoformat() if last[1] != first[0] else None, "day", "dmy")
    if value["type"] != "fixed" or "X" in value["edtf"]:
        return value
    ends = [e for e in (value["start"], value["end"]) if e is not None]
    if not ends or not all(int(e[:4]) in _jalali.JALALI_YEARS for e in ends):
        return value
    start = _jalali.period(*map(int, value["start"].split("-"))) if value["start"] else None
    end = _jalali.period(*map(int, value["end"].split("-"))) if value["end"] else None
    if (value["start"] and start is None) or (value["end"] and end is None):
        return None
    first, last = start[0].isoformat() if start else None, end[1].isoformat() if end else None
    if first and last:
        return _fixed(first, last if last != first else None, "day", value.get("order"))
    edtf = f"{first}/.." if first else f"../{last}"
    return {"type": "fixed", "edtf": edtf, "start": first, "end": last, "precision": "day", "order": value.get("order")}


def _numeric_pair(r, l):
    """Both ends of an all-number range, as (y, m, d, order) points, if some field > 12 shows
    the order; else (None, None) — the range is left alone rather than guessed."""
    fields = (r[1], l[1], r[2], l[2])
    if max(fields[:2]) > 12 and max(fields[2:]) <= 12:
        order = "dmy"
    elif max(fields[2:]) > 12 and max(fields[:2]) <= 12:
        order = "mdy"
    else:
        return None, None

    def point(p):
        _, a, b, y = p
        d, m = (a, b) if order == "dmy" else (b, a)
        return (y, m, d, order) if _valid(y, m, d) else None

    return point(r), point(l)


# A holiday's name with an optional "last"/"next"/"this" before it and its year after it.
_HOLIDAY_SHAPE = re.compile(r"(?:(last|next|this)\s+)?(.+?)(?:\s+(\d{4}))?")


def week_around(day: str) -> tuple[str, str]:
    """The Monday and the Sunday of the week that holds the ISO ``day``."""
    d = datetime.strptime(day, "%Y-%m-%d").date()
    monday = d.toordinal() - d.weekday()
    return (datetime.fromordinal(monday).date().isoformat(), datetime.fromordinal(monday + 6).date().isoformat())


def holiday_day(year: int, rule) -> Optional[str]:
    """The ISO day of a holiday rule of ``holidays`` in ``year``: [month, day] or [month,
    weekday, n] (the n-th such weekday of the month)."""
    if len(rule) == 2:
        return _iso(year, rule[0], rule[1]) if _valid(year, rule[0], rule[1]) else None
    month, weekday, n = rule
    first = (weekday - calendar.weekday(year, month, 1)) % 7 + 1
    day = first + 7 * (n - 1)
    return _iso(year, month, day) if _valid(year, month, day) else None


def _fixed(start, end, precision, order, edtf=None) -> dict:
    if edtf is None:
        edtf = start if end is None else f"{start}/{end}"
    return {"type": "fixed", "edtf": edtf, "start": start, "end": end if end is not None else start,
            "precision": precision, "order": order}


def _since_year(year: str) -> dict:
    """The open interval from ``year`` on ("seit 2003", "2007년부터"): ``2003/..``."""
    return {"type": "fixed", "edtf": f"{year}/..", "start": year, "end": None, "precision": "year", "order": None}


def _first_year(year: int, first, second) -> int:
    """The year of a range's first end when only its last end has one written: the year
    before when the first day (or month) comes after the second ("28 December – 3 January")."""
    return year - 1 if first > second else year


def _days(y: Optional[int], month: int, d: int, d2: Optional[int] = None) -> dict:
    """A day, or a span of days ``d``–``d2`` of one month, of year ``y`` (``fixed``), or without
    a year (``partial``); {} for a day the month does not have or a span that does not run forward."""
    if not _valid(2000 if y is None else y, month, d) or (
            d2 is not None and (d2 <= d or not _valid(2000 if y is None else y, month, d2))):
        return {}
    if y is None:
        return {"type": "partial", "start": [month, d], "end": [month, d2] if d2 else None, "precision": "day"}
    return _fixed(_iso(y, month, d), _iso(y, month, d2) if d2 else None, "day", None)


def _relative(unit: str, offset: int, anchor: str) -> dict:
    return {"type": "relative", "unit": unit, "offset": offset, "anchor": anchor, "span": False}


@lru_cache(maxsize=4)
def default_normaliser(models_dir: Optional[str] = None) -> DateNormaliser:
    from coopextract.resources import models_dir as default_dir

    base = Path(models_dir) if models_dir else default_dir()
    return DateNormaliser(load_date_words(base / WORDS_FILE))


def normalise(text: str, models_dir: Optional[str] = None) -> Optional[dict]:
    """The value of one date expression (see the module doc), or None if it is not a date."""
    return default_normaliser(models_dir).normalise(text)
