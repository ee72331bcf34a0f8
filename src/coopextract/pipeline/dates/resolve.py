"""Document-level date resolution: what a date means given the rest of the document.

``resolve_dates(docs, blocks, source, ref_date)`` → one list of :class:`DateValue` per block.

The dates component gives each span a context-free value (see :mod:`coopextract.pipeline.dates.normalise`).
Here, in document order:

1. **Numeric order.** "08-05-2016" is day-first unless the document shows otherwise: a numeric
   date with a first field > 12 proves day-first, a second field > 12 month-first; without
   numeric proof, written dates ("January 24, 2020" vs "24 January 2020") vote; without any
   evidence, day-first. Ambiguous dates are marked ``inferred``.
2. **Reference date** (for "yesterday", "on Tuesday", "last week", "this year"): ``ref_date``
   if given, else the reader's ``source.doc_date``, else a date line near the top (a short
   paragraph that is mostly one explicit date: "Monday, 12 March 2012", "No. 198, May 2015").
   Never today.
3. **Year-less dates** ("On February 28"): in a story with a reference date, the year that
   puts the date nearest the reference date on the side the clause's tense points to ("in
   October" in a past-tense story of February 2015 is 2014-10). In a log (dated entries in
   order) and without a reference date, the year comes from the neighbouring explicit
   dates. If the document's dated entries run newest-first, the year is the latest one that
   keeps the date between its neighbours (≤ previous, ≥ next); oldest-first, the mirror. A
   year-less date in the same paragraph as the previous explicit date continues the narrative
   forward from it. Unresolvable: EDTF ``XXXX-MM-DD`` with null start/end.
4. **Relative dates**: anaphoric ones ("the following year", "three years later") count from
   the nearest preceding date in the document (the reference date if none); deictic ones
   ("last year", "yesterday", "on Tuesday") from the reference date ("last year" falls back to
   the preceding date). Unresolvable ones are dropped. All are ``inferred``. Reporting periods
   of financial news ("the quarter", "the latest period") are the quarter last named, else the
   last completed one ("the latest quarter": the last named of those over by the reference date;
   "the current quarter": the one under way); "the year-ago quarter", and "a year earlier" right
   after a quarter, are that quarter a year back; after a span of several quarters ("for the
   nine months"), "a year earlier" and "the 1988 period" are years.
"""

import re
from calendar import monthrange
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from coopextract.pipeline.dates.normalise import CJK_WEEKDAYS, MONTHS_FILE, WORDS_FILE, holiday_day, week_around
from coopextract.pipeline.dates.values import FINENESS, LISTED_DAY, day_pair, iso as _iso
from coopextract.pipeline.document import RuleComponent, words_of, work_of
from coopextract.records import DateValue

# A date line is a paragraph near the top that is mostly a date. Chosen on news pages: their
# date line is within the first few paragraphs and the date covers at least half of it
# ("No. 198, May 2015": 8 of 16 non-space characters).
DATE_LINE_MAX_BLOCK = 5
DATE_LINE_MAX_CHARS = 60
# A line with a cue word before its date may also carry a byline: "Posted 3 May, 2022 by the
# Ministry of Culture in News" (70 characters).
CUED_LINE_MAX_CHARS = 100
DATE_LINE_MIN_COVER = 0.45
# A page's title line whose last cell is its date: "Germany Donates Books | News | DW | 02.09.2004".
PAGE_TITLE_MAX_CHARS = 200
# A wire-style dateline opens a news story: "Tallinn, 14 March 2024 — …", "BERLIN, 3 May 2021
# (Reuters) - …", "ДУШАНБЕ, 11.02.2019 /НИАТ «Ховар»/. …". At most this many words (the place)
# before the date, a comma or semicolon after them (or a slash: "Agency/Lima/18-02-2025"), and
# right after the date a dash (after an optional agency in brackets), an agency between slashes
# (the Russian-language wires' style), a colon ("Riga; 4 May 2021: …") or the end of the line
# ("Lima, Peru, 4 May 2021").
DATELINE_PLACE_MAX_WORDS = 4
# A story with no date line above it may close with one, in its last blocks (after the byline).
CLOSING_DATE_LINE_BLOCKS = 2
# A time of day beside such a date ("13 January 2020 12:05") is not counted against it.
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?")
# A headline that ends with its day's date dates the story when it is one of the first lines.
TITLE_DATE_MAX_BLOCK = 2
_DATELINE_TAIL = re.compile(r"\s*(?:(?:\([^()]{1,40}\)\s*)?[—–-]|/[^/\n]{1,40}/|:|[.\s]*$)")
# A year-less date may be at most this many years away from its neighbour (logs span years,
# but a neighbour more than this far away is no evidence).
YEARLESS_MAX_SPAN = 3
# A weekday without "last"/"next" means the latest such day on or before the reference date
# (news reports past events); this many days back at most.
WEEKDAY_WINDOW = 6


def resolve_dates(docs, blocks, source, ref_date: Optional[str] = None,
                  models_dir: Optional[str] = None, story: Optional[list] = None) -> list[list[DateValue]]:
    """One list of dates per block; ``story``, when given, receives the date line's value (the
    story's own date: "Bergen, 3 May 2022 — …", "Published 3 May 2022") if the document has one."""
    words = date_words(models_dir)
    items = _collect(docs, blocks, words)
    order = _numeric_order(items)
    for it in items:
        _resolve_numeric(it, order)
    cues = date_line_cues(models_dir)
    _mark_revisions(items, blocks, frozenset(words.get("date_line_update_cues", ())))
    line = _date_line(items, blocks, cues) or _closing_date_line(items, blocks, cues)
    ref = _parse_ref(ref_date) or _parse_ref(getattr(source, "doc_date", None)) or (line[0] if line else None)
    _resolve_yearless(items, ref)
    text = source.text
    _resolve_relative(items, ref, words, text)
    _attach_relative_years(items, text)
    _open_after_since(items, text, words)
    out: list[list[DateValue]] = [[] for _ in blocks]
    for it in items:
        fields = it.get("fields")
        if fields is None:
            continue
        s, e = it["char_start"], it["char_end"]
        planned = _planned(it, fields, ref) and not (line and it is line[1])
        out[it["block"]].append(DateValue(text=text[s:e], char_start=s, char_end=e, planned=planned, **fields))
        if story is not None and line and it is line[1]:
            story.append(out[it["block"]][-1])
    return [_joined_ranges(_listed_before_pair(values, text), text) for values in out]


# How far before a date its "since" word may stand ("desde el día ", "seit dem ").
SINCE_BEFORE_CHARS = 16


def _open_after_since(items, text: str, words: dict) -> None:
    """A day or month after a word that means "since" and nothing else in its language
    (``intl_since_before_date``: "seit dem 9. Juli 2001", "desde el 9 de julio de 2001") opens an
    interval to the present: 2001-07-09/.. (English "since" is read by the date patterns)."""
    since = tuple(sorted(words.get("intl_since_before_date", ())))
    if not since:
        return
    before = _since_before(since, tuple(sorted(words.get("intl_since_articles", ()))))
    glued = _since_glued(tuple(words.get("cjk_since_before", ())), tuple(words.get("cjk_since_not_after", ())))
    for it in items:
        fields = it.get("fields")
        if (fields is None or "/" in fields["edtf"] or fields["start"] is None or fields["end"] != fields["start"]
                or fields["precision"] not in ("day", "month", "year")):
            continue
        context = text[max(0, it["char_start"] - SINCE_BEFORE_CHARS):it["char_start"]]
        if (fields["precision"] != "year" and before.search(context)) or (
                glued and glued.search(context) and not _CJK_RANGE_NEXT.match(text, it["char_end"])):
            it["fields"] = {**fields, "edtf": f"{fields['edtf']}/..", "end": None}


# The mark of a range after a date: "从2012年至2016年" is from 2012 to 2016, not since 2012.
_CJK_RANGE_NEXT = re.compile(r"\s*[至到~〜～\-–—]")


@lru_cache(maxsize=4)
def _since_glued(since: tuple, not_after: tuple) -> Optional["re.Pattern"]:
    """A Chinese "since" word glued to the date after it ("交流始自1954年", "自2019年3月"); a
    one-character word not after a character of ``cjk_since_not_after`` ("来自", comes from)."""
    if not since:
        return None
    longer = [re.escape(w) for w in sorted(since, key=len, reverse=True) if len(w) > 1]
    single = "".join(re.escape(w) for w in since if len(w) == 1)
    guard = f"(?<![{''.join(map(re.escape, not_after))}])" if not_after else ""
    alternatives = longer + ([f"{guard}[{single}]"] if single else [])
    return re.compile(rf"(?:{'|'.join(alternatives)})\s*$")


@lru_cache(maxsize=4)
def _since_before(since: tuple, articles: tuple) -> "re.Pattern":
    """A "since" word (and an article) at the end of the text before a date."""
    since_alt, article_alt = ("|".join(map(re.escape, words)) for words in (since, articles))
    return re.compile(rf"(?:^|[\s(,])(?:{since_alt})\s+(?:(?:{article_alt})\s+)?$", re.I)


# Between two days of one interval written with their weekdays in brackets, as Japanese,
# Chinese and Korean write them: "10月14日(木)より10月20日(水)", "1月17日(月)〜1月24日(月)",
# "5월 3일(금)~5월 5일(일)", "3일(금)부터 5일(일)까지".
_CJK_RANGE_GLUE = re.compile(rf"\s*[(（][{CJK_WEEKDAYS}一二三四五六][)）]\s*(?:より|から|至|到|부터|~|〜|～|-|–)\s*")


# How far before a pair of days a list of days may begin (characters).
LISTED_DAYS_LOOK_BACK = 40
# Days listed with commas right before a pair of days ("les 5, 6 et 7 avril", "on 3, 4 and 5
# May"): the list's days, each a plain number, in increasing order.
_LISTED_DAYS_BEFORE = re.compile(r"(?<![\w.,/-])((?:\d{1,2}(?:st|nd|rd|th|\.)?\s*,\s*)+)$")


def _listed_before_pair(values: list, text: str) -> list:
    """A pair of days joined by a conjunction (one value, the span of both, listed day by day
    by :func:`~coopextract.pipeline.dates.values.listed_days`) after more days listed with
    commas is one list: the value starts at the first listed day, with the pair's month and year
    ("5, 6 et 7 avril 2017" → 2017-04-05/2017-04-07; each day is a date of the document)."""
    out = []
    for value in values:
        if day_pair(value) and value.start[:7] == value.end[:7]:
            before = _LISTED_DAYS_BEFORE.search(text, max(0, value.char_start - LISTED_DAYS_LOOK_BACK), value.char_start)
            if before:
                days = [int(d.group(1)) for d in LISTED_DAY.finditer(before.group(1))]
                first = int(value.start[8:10])
                if all(0 < a < b for a, b in zip(days, days[1:] + [first])):
                    start = f"{value.start[:8]}{days[0]:02d}"
                    value = value.model_copy(update={
                        "text": text[before.start():value.char_end], "char_start": before.start(), "start": start,
                        "edtf": f"{start}/{value.end}"})
        out.append(value)
    return out


def _joined_ranges(values: list, text: str) -> list:
    """Two days of a paragraph joined by ``_CJK_RANGE_GLUE`` are one interval (its text runs
    from the first to the second)."""
    out: list = []
    for value in values:
        last = out[-1] if out else None
        if (last is not None and last.precision == "day" and value.precision == "day" and last.start and value.end
                and last.end == last.start and value.start == value.end and last.start < value.start
                and _CJK_RANGE_GLUE.fullmatch(text[last.char_end:value.char_start])):
            out[-1] = last.model_copy(update={
                "text": text[last.char_start:value.char_end], "char_end": value.char_end, "end": value.end,
                "edtf": f"{last.start}/{value.end}", "inferred": last.inferred or value.inferred,
                "planned": last.planned and value.planned})
            continue
        out.append(value)
    return out


def _planned(it: dict, fields: dict, ref) -> bool:
    """A date of a clause announcing what is to come: a word of ``plan_cues`` before it is the
    nearest tense cue ("will be held on 6 May", "plans to open it next year"; not "signed on 3
    May, it will help", not the normative "shall continue until"), and the date does not end
    before the reference date (without one, the clause alone says it)."""
    if not it.get("plan"):
        return False
    if ref is None or not fields.get("start"):
        return True
    end = fields.get("end") or fields["start"]
    return end >= ref[0].isoformat()[: len(end)]


# -- 0. collect ------------------------------------------------------------------------------
def date_words(models_dir: Optional[str] = None) -> dict:
    """The word lists of ``date_words.jsonl`` (shared with the normaliser, loaded once)."""
    from coopextract.pipeline.dates.normalise import default_normaliser

    return default_normaliser(models_dir).words


def clause_tense(tokens, start: int, end: int, words: dict) -> Optional[str]:
    """'past', 'present' or 'future': the tense cue nearest to tokens[start:end] in its
    sentence (auxiliaries, modals, copulas and past forms, all from ``date_words.jsonl``), or
    None without any cue. Read from tokens: the pipeline has no tagger."""
    cue = clause_cue(tokens, start, end, words)
    return cue[0] if cue else None


def clause_cue(tokens, start: int, end: int, words: dict) -> Optional[tuple[str, str, bool]]:
    """(tense, cue word in lower case, whether it stands before the date) of :func:`clause_tense`."""
    cues = ((words["tense_future"], "future"), (words["tense_present"], "present"), (words["tense_past"], "past"))
    past_re = re.compile(words["re_past_verb"])
    future_re = re.compile(words["re_future_verb"])
    not_past = words["not_past_verbs"]
    adjective = re.compile(words["re_not_past_verb"])
    best = None

    def before_to(i):       # "set to open", "plans for May": the cue governs what follows
        return i + 1 < len(tokens) and tokens[i + 1].lower() in ("to", "for")

    reporting = coordinated = None
    for i, tok in enumerate(tokens):
        if start <= i < end:
            continue
        low = tok.lower()
        tense = next((name for group, name in cues if low in group), None)
        if tense is None and tok in words["tense_future_lower_case"]:
            tense = "future"    # "may meet on Tuesday" (not the month "May")
        if tense is None and low in words["tense_future_before"] and any(
                t.lower() in words["tense_future_before"][low] for t in tokens[i + 1:i + 3]):
            tense = "future"    # Swedish "kommer att besöka", "kommer gruppen att", Norwegian "kommer til å"
        if tense == "present" and i + 1 < len(tokens) and tokens[i + 1].lower() == "to":
            tense = "future"    # "is to resume on Tuesday", "are to sign next week"
        if (tense == "past" and low in words["tense_reporting"] and i >= end
                and "," in tokens[end:i] and reporting is None):
            reporting = (i - end + 1, tense, low, False)
            continue            # "… leave as soon as Tuesday, the minister said": the quote's cue first
        if tense is not None and i > end and tokens[i - 1].lower() in words["clause_coordinators"]:
            if coordinated is None:
                coordinated = (i - end + 1, tense, low, False)
            continue            # "planned a march on Saturday and were planning a rally": the next phrase's
        if tense == "future" and not before_to(i) and (
                low in words["tense_future_before_to"]
                or (low in words["tense_future_nouns"] and i > 0 and tokens[i - 1].lower() in words["year_determiners"])):
            tense = None    # "announced the plan on 21 August", "a record set on 6 August" (not "a plan to")
        if tense is None and past_re.match(tok) and low not in not_past and not adjective.match(tok):
            tense = "past"
        if tense is None and future_re.match(tok):
            tense = "future"    # "comenzará el lunes", "firmerà martedì"
        if tense == "past":
            # a participle after "will be" / "will have been" is of the future: "will be held"
            aux = [t.lower() for t in tokens[max(0, i - 3):i]]
            if aux[-1:] in (["be"], ["been"]) and any(a in words["tense_future"] for a in aux[:-1]):
                tense, low = "future", next(a for a in aux[:-1] if a in words["tense_future"])
        if tense is None:
            continue
        distance = start - i if i < start else i - end + 1
        if best is None or distance < best[0]:
            best = (distance, tense, low, i < start)
    best = best or reporting or coordinated
    return best[1:] if best else None


def _collect(docs, blocks, words) -> list[dict]:
    items = []
    for b, (doc, block) in enumerate(zip(docs, blocks)):
        if "dates" not in doc.spans:
            continue
        texts = words_of(doc)[0]
        for span in doc.spans["dates"]:
            info = span._.date
            if not info:
                continue
            value = info["value"]
            item = {"block": b, "char_start": block.char_start + span.start_char,
                    "char_end": block.char_start + span.end_char, "value": value,
                    "numeric": bool(info.get("numeric"))}
            sent = span.sent
            cue = clause_cue(texts[sent.start:sent.end], span.start - sent.start, span.end - sent.start, words)
            item["tense"] = cue[0] if cue else None
            if (cue and cue[0] == "past" and cue[2] and cue[1] in words["delay_verbs"]
                    and (span[0].lower_ in words["delay_targets"]
                         or (span.start > 0 and doc[span.start - 1].lower_ in words["delay_targets"]))):
                item["tense"] = "future"    # "postponed until Tuesday": where it was moved to, ahead
            item["plan"] = bool(cue and cue[0] == "future" and cue[2] and cue[1] in words["plan_cues"])
            if value["type"] in _CONTEXT_TYPES or value["type"] == "partial":
                item["next"] = doc[span.end].lower_ if span.end < len(doc) else ""
                item["prev"] = doc[span.start - 1].lower_ if span.start > 0 else ""
                item["words"] = span.text.lower().split()
            if value["type"] == "fixed":
                item["fields"] = _fields(value["edtf"], value["start"], value["end"], value["precision"], False)
            items.append(item)
    items.sort(key=lambda it: it["char_start"])
    return items


# Value kinds whose meaning depends on the clause's tense (see clause_tense).
_CONTEXT_TYPES = ("relative", "weekday", "named", "part", "two_digit", "monthday", "holiday")


def _fields(edtf, start, end, precision, inferred) -> dict:
    return {"edtf": edtf, "start": start, "end": end, "precision": precision, "inferred": inferred}


# -- 1. numeric order --------------------------------------------------------------------
def _numeric_order(items) -> str:
    numeric = {"dmy": 0, "mdy": 0}
    written = {"dmy": 0, "mdy": 0}
    for it in items:
        v = it["value"]
        if v["type"] == "fixed" and v.get("order"):
            (numeric if it["numeric"] else written)[v["order"]] += 1
    for votes in (numeric, written):
        if votes["dmy"] != votes["mdy"]:
            return "dmy" if votes["dmy"] > votes["mdy"] else "mdy"
    return "dmy"


def _resolve_numeric(it, order) -> None:
    v = it["value"]
    if v["type"] != "numeric":
        return
    def iso(a, b, y):
        d, m = (a, b) if order == "dmy" else (b, a)
        return f"{y:04d}-{m:02d}-{d:02d}"

    start = iso(v["a"], v["b"], v["y"])
    end = iso(*v["end"]) if v.get("end") else start
    if not (_valid_iso(start) and _valid_iso(end)) or end < start:
        return
    edtf = start if end == start else f"{start}/{end}"
    inferred = v["a"] != v["b"] or (bool(v.get("end")) and v["end"][0] != v["end"][1])
    if v.get("open") == "before":  # "until 03.05.2019" → ../2019-05-03
        edtf, start = f"../{edtf}", None
    elif v.get("open") == "after":  # "since 03.05.2019" → 2019-05-03/..
        edtf, end = f"{edtf}/..", None
    it["fields"] = _fields(edtf, start, end, "day", inferred)
    it["value"] = {"type": "fixed", "edtf": edtf, "start": start, "end": end, "precision": "day", "order": order}


# -- 2. reference date -------------------------------------------------------------------
def _parse_ref(value) -> Optional[tuple]:
    """'2016-05-08' → (date, 'day'); '2015-05' → (date(2015,5,1), 'month'); else None."""
    if not value:
        return None
    value = str(value)[:10]
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2])), "day"
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1), "month"
        return date(int(parts[0]), 1, 1), "year"
    except ValueError:
        return None


# A revision's cue stands at most this many characters before its date, in the date's own
# line or "|" cell ("Last updated on Friday, 23 June 2017").
REVISION_CUE_CHARS = 40


def _mark_revisions(items, blocks, cues: frozenset) -> None:
    """Mark ``it["revised"]`` on the dates that tell when the page was edited: a cue of
    ``date_line_update_cues`` before the date in its own line or "|" cell ("Updated: 8 Sep
    2021", "Publicado 31/03/2024 | Atualizado 31/03/2024"). Such a date is the page's date
    line only when it has no other, and anchors no year-less or relative date of the story."""
    if not cues:
        return
    for it in items:
        block = blocks[it["block"]]
        start = it["char_start"] - block.char_start
        cell = block.text[max(block.text.rfind("|", 0, start), block.text.rfind("\n", 0, start)) + 1:start]
        if len(cell.strip()) <= REVISION_CUE_CHARS and _cued(cell, cues):
            it["revised"] = True


def _date_line(items, blocks, cues: frozenset) -> Optional[tuple]:
    """The document's date line, of the dates that are no revision's (else of all of them)."""
    story = [it for it in items if not it.get("revised")]
    found = _story_date_line(story, blocks, cues)
    if found is None and len(story) < len(items):
        found = _story_date_line(items, blocks, cues)
    return found


def _story_date_line(items, blocks, cues: frozenset) -> Optional[tuple]:
    """The document's date line: the last one above its first paragraph of prose ("date
    2018-11-05" put there by a store, then the page's own "3rd Nov 2018 1:54 PM" above the
    story: the page's own is the story's), else the first one in its first blocks. A wire
    dateline opening that first paragraph ("7 October 2009 MUSCAT — …", "Tallinn, 14 March
    2024 — …") is the story's own and wins over a page's header above it (a blog reposting a
    wire story a week later)."""
    prose = next((i for i, b in enumerate(blocks) if len(b.text.strip()) > CUED_LINE_MAX_CHARS), len(blocks))
    wire = next((it for it in items if it["block"] <= min(prose, DATE_LINE_MAX_BLOCK - 1)
                 and _wire_dateline(blocks[it["block"]], it)), None)
    if wire is not None:
        return _parse_ref(wire["fields"]["start"]), wire
    found = None
    for line in _date_lines(items, blocks, cues):
        if found is not None and (line[1]["block"] >= prose or line[1]["block"] == found[1]["block"]):
            break               # past the prose, or a second date of one line ("Posted ... | Updated ...")
        found = line
        if line[1]["block"] >= prose:
            break
    return found


def _date_lines(items, blocks, cues: frozenset):
    for it in items:
        if it["block"] >= DATE_LINE_MAX_BLOCK:
            break
        block = blocks[it["block"]]
        f = it.get("fields")
        if not f or f["precision"] not in ("day", "month") or f["start"] is None or f["start"] != f["end"]:
            continue
        start, end = it["char_start"] - block.char_start, it["char_end"] - block.char_start
        place = block.text[:start].rstrip()
        if (f["precision"] == "day" and place.endswith((",", ";", "/")) and len(place.split()) <= DATELINE_PLACE_MAX_WORDS
                and _DATELINE_TAIL.match(block.text, end)):
            yield _parse_ref(f["start"]), it
            continue
        if (f["precision"] == "day" and it["block"] < TITLE_DATE_MAX_BLOCK
                and (len(block.text.strip()) <= CUED_LINE_MAX_CHARS
                     or (place.endswith("|") and len(block.text.strip()) <= PAGE_TITLE_MAX_CHARS))
                and not block.text[end:].strip(" |)–—-") and "\n" not in block.text.strip()):
            yield _parse_ref(f["start"]), it   # a headline with its date at the end: "Libraries sign pact  10.03.2022"
            continue
        if (f["precision"] == "day" and not place and _CLOCK.match(block.text[end:].lstrip(" ,|"))
                and len(block.text.strip()) <= CUED_LINE_MAX_CHARS):
            yield _parse_ref(f["start"]), it   # a time stamp opening the line: "2011-05-25 12:36:06  Xinhua  Editor: X"
            continue
        # a cue word anywhere before the date: "Posted on ...", "Press Release Posted On: ..."
        cued = _cued(place, cues)
        if len(block.text.strip()) > (CUED_LINE_MAX_CHARS if cued else DATE_LINE_MAX_CHARS) and not (
                cued and _cued_cell(block.text, start, end, cues)):
            continue
        cover = _date_cover(block, it)
        if cover is not None and (cover >= DATE_LINE_MIN_COVER or cued):
            yield _parse_ref(f["start"]), it
            continue


def _cued_cell(text: str, start: int, end: int, cues: frozenset) -> bool:
    """The date at ``start``–``end`` of a line of cells split by "|", in a cell of its own with
    a cue word before it, the cell a date line's length and the line a title's ("Published:
    Tuesday, 1 November 2016, 18:35 | Last updated on Friday, 23 June 2017, 09:22")."""
    if "|" not in text or len(text.strip()) > PAGE_TITLE_MAX_CHARS:
        return False
    left = text.rfind("|", 0, start) + 1
    right = text.find("|", end)
    cell = text[left:len(text) if right < 0 else right]
    return len(cell.strip()) <= CUED_LINE_MAX_CHARS and _cued(text[left:start], cues)


def _cued(before: str, cues: frozenset) -> bool:
    """A cue word of a date line (``date_line_cues``) among the words before its date."""
    return any(word.strip(":,.|：").lower() in cues for word in before.split())


def _wire_dateline(block, it) -> bool:
    """A date of a day opening a news paragraph as a wire dateline: the place before it
    ("Tallinn, 14 March 2024 — …") or after it in capitals ("7 October 2009 MUSCAT — …"),
    a dash (or an agency in brackets and a dash) after them."""
    f = it.get("fields")
    if not f or f["precision"] != "day" or f["start"] is None or f["start"] != f["end"]:
        return False
    start, end = it["char_start"] - block.char_start, it["char_end"] - block.char_start
    place = block.text[:start].rstrip()
    if place:
        dash = _DATELINE_DASH.match(block.text, end)
        return (place.endswith((",", ";")) and len(place.split()) <= DATELINE_PLACE_MAX_WORDS
                and dash is not None and len(block.text) - dash.end() >= WIRE_STORY_MIN_CHARS)
    m = _CAPS_PLACE.match(block.text, end)
    dash = _DATELINE_DASH.match(block.text, m.end()) if m is not None else None
    return dash is not None and len(block.text) - dash.end() >= WIRE_STORY_MIN_CHARS


# A wire dateline opens a story: at least this many characters follow its dash.
WIRE_STORY_MIN_CHARS = 40
# After a dateline's date and place: a dash, or an agency in brackets and a dash.
_DATELINE_DASH = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?[—–-]\s")
# A place in capitals after a dateline's date: "MUSCAT", "NEW DELHI", "ST. PETERSBURG".
_CAPS_PLACE = re.compile(r"\s*,?\s*[A-ZÀ-Ý][A-ZÀ-Ý.'’-]+(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý.'’-]+){0,3}")


def _closing_date_line(items, blocks, cues: frozenset) -> Optional[tuple]:
    """A date line that closes the story, after its prose and a byline ("By Anna Berg" / "13
    January 2020 12:05"): one of its last ``CLOSING_DATE_LINE_BLOCKS`` blocks that is mostly a
    date of a day, or has a cue word before it ("First published: 4 May 2012 | 6:15 PM GMT"),
    when the story opened with none."""
    prose = next((i for i, b in enumerate(blocks) if len(b.text.strip()) > CUED_LINE_MAX_CHARS), None)
    if prose is None:
        return None
    first = max(prose + 1, len(blocks) - CLOSING_DATE_LINE_BLOCKS)
    for it in items:
        if it["block"] < first or it.get("revised"):
            continue
        block = blocks[it["block"]]
        f = it.get("fields")
        if not f or f["precision"] != "day" or f["start"] is None or f["start"] != f["end"]:
            continue
        if any(len(b.text.strip()) > CUED_LINE_MAX_CHARS for b in blocks[it["block"] + 1:]):
            continue            # prose after it: the heading of another dated entry of a log or blog
        cued = _cued(block.text[:it["char_start"] - block.char_start], cues)
        if len(block.text.strip()) > (CUED_LINE_MAX_CHARS if cued else DATE_LINE_MAX_CHARS):
            continue
        cover = _date_cover(block, it, _CLOCK.sub("", block.text))
        if cover is not None and (cover >= DATE_LINE_MIN_COVER or cued):
            return _parse_ref(f["start"]), it
    return None


def _date_cover(block, it, body: Optional[str] = None) -> Optional[float]:
    """The share of the non-space characters of ``body`` (the block's text unless given) that
    the date ``it`` covers; None for a body of none."""
    body = "".join((block.text if body is None else body).split())
    if not body:
        return None
    covered = len("".join(block.text[it["char_start"] - block.char_start: it["char_end"] - block.char_start].split()))
    return covered / len(body)


def date_line_cues(models_dir: Optional[str] = None) -> frozenset:
    """Words that open a date line ("Published", "Updated"), from ``date_words.jsonl``."""
    from coopextract.pipeline.dates.normalise import default_normaliser

    return frozenset(default_normaliser(models_dir).words.get("date_line_cues", ()))


# -- 3. year-less dates ------------------------------------------------------------------
def _explicit(it) -> Optional[tuple]:
    """(y, m, d) of a date with day or month precision (an open interval: its known end); None
    for a page's revision date, which anchors no date of the story (:func:`_mark_revisions`)."""
    f = it.get("fields")
    if not f or it.get("revised") or it["value"]["type"] != "fixed" or f["precision"] not in ("day", "month"):
        return None
    s = f["start"] or f["end"]
    if not s:
        return None
    return (int(s[:4]), int(s[5:7]), int(s[8:10]) if len(s) == 10 else 1)


def _direction(items) -> int:
    """-1 newest-first, 1 oldest-first, 0 unknown: majority over consecutive explicit dates."""
    seq = [p for p in (_explicit(it) for it in items) if p]
    down = sum(1 for a, b in zip(seq, seq[1:]) if b < a)
    up = sum(1 for a, b in zip(seq, seq[1:]) if b > a)
    return -1 if down > up else 1 if up > down else 0


# A document is a log (dated entries in order: a visit log, a news list) when it has at least
# this many explicit day dates and at least this share of consecutive ones run one way; its
# year-less dates then take their year from the neighbouring entries, not from the reference
# date. Chosen on the bundled logs (30 entries, all one way) against news stories (a few dates
# mentioned in passing, in any order).
LOG_MIN_DATES = 4
LOG_MIN_ORDER = 0.75


def _is_log(items) -> bool:
    seq = [p for it in items if (f := it.get("fields")) and f["precision"] == "day" and (p := _explicit(it))]
    if len(seq) < LOG_MIN_DATES:
        return False
    down = sum(1 for a, b in zip(seq, seq[1:]) if b < a)
    up = sum(1 for a, b in zip(seq, seq[1:]) if b > a)
    return max(down, up) >= LOG_MIN_ORDER * (len(seq) - 1)


# A year-less date this close to the reference date is the story's own, whatever the tense
# cue says (participles and reported speech mislead it: "must be returned by Jan. 14").
# Chosen on TimeBank: 61 days scored best of 0, 31, 61, 92.
YEARLESS_NEAR_DAYS = 61


def _year_from_ref(m, d, end, ref, tense, said_past=False) -> int:
    """The year of a year-less date in a story with a reference date (HeidelTime's news mode):
    in a past clause the latest occurrence that began by the reference date, in a future clause
    the first that has not ended before it, otherwise the nearest one. ``said_past``: the date's
    own words put it in the past ("el pasado 12 de marzo"), however near the reference date."""
    base = ref[0]
    years = (base.year - 1, base.year, base.year + 1)

    def first(y):
        return date(y, m, min(d or 1, 28))

    def last(y):
        em, ed = end if end else (m, d)
        return date(y + (1 if (em, ed or 1) < (m, d or 1) else 0), em, min(ed or 28, 28))

    nearest = min(years, key=lambda y: abs((first(y) - base).days))
    if said_past:       # by the end of a reference that is a month or a year (a page of December 2019 may tell
        #                   of "le 17 décembre dernier")
        limit = base if ref[1] == "day" else (
            date(base.year, 12, 31) if ref[1] == "year" else date(base.year, base.month, monthrange(base.year, base.month)[1]))
        return max(y for y in years if first(y) <= limit)
    if abs((first(nearest) - base).days) <= YEARLESS_NEAR_DAYS:
        return nearest
    if tense == "past":
        return max(y for y in years if first(y) <= base)
    if tense == "future":
        return min(y for y in years if last(y) >= base)
    return nearest


def _resolve_yearless(items, ref=None) -> None:
    direction = _direction(items)
    news = ref is not None and not _is_log(items)
    for i, it in enumerate(items):
        v = it["value"]
        if v["type"] != "partial":
            continue
        m, d = v["start"]
        it["yearless"] = v
        prev = next(((items[j], p) for j in range(i - 1, -1, -1) if (p := _explicit(items[j]))), None)
        nxt = next(((items[j], p) for j in range(i + 1, len(items)) if (p := _explicit(items[j]))), None)
        local = next((p for j in range(i - 1, -1, -1) if items[j]["block"] == it["block"]
                      and (p := _dated(items[j]))), None)
        tense = v.get("tense") or it.get("tense")  # "el pasado 12 de marzo": the text says past
        if news or (prev is None and ref is not None):  # a story, or before any dated entry: its own date
            year = _year_from_ref(m, d, v["end"], ref, tense, v.get("tense") == "past")
        else:
            year = _choose_year(m, d or 1, prev, nxt, direction, it["block"], local)
        if year is None:        # no day or month to go by: the year last named ("Year 2004" … "In August")
            year = next((p[0] for j in range(i - 1, -1, -1) if (p := _dated(items[j]))), None)
        if year is None:        # ... or the year its paragraph names after it ("Sáng 22/6, ... năm 2017")
            year = next((p[0] for j in range(i + 1, len(items)) if items[j]["block"] == it["block"]
                         and (p := _dated(items[j]))), None)
        if year is not None and d and v.get("weekday") is not None:
            # "el jueves 28 de octubre": the year whose 28 October is a Thursday, nearest the one chosen
            year = _weekday_year(m, d, v["weekday"], year, ref[0] if ref and tense == "past" else None) or year
        if year is None:
            s_md = f"{m:02d}-{d:02d}" if d else f"{m:02d}"
            edtf = f"XXXX-{s_md}"
            if v["end"]:
                em, ed = v["end"]
                edtf += f"/XXXX-{em:02d}-{ed:02d}" if ed else f"/XXXX-{em:02d}"
            it["fields"] = _fields(_opened(edtf, v), None, None, v["precision"], True)
            continue
        start = _iso(year, m, d)
        end = start
        if v["end"]:
            em, ed = v["end"]
            end = _iso(year + (1 if (em, ed or 1) < (m, d or 1) else 0), em, ed)
        if not _valid_iso(start) or not _valid_iso(end):
            continue
        if v.get("week") and len(start) == 10 and end == start:     # "the week of March 6": its Monday to Sunday
            start, end = week_around(start)
        edtf = f"{year}-{v['code']}" if v.get("code") else start if end == start else f"{start}/{end}"
        if v.get("open"):   # "since August" → 2025-08/.., "until May" → ../2026-05
            edtf = _opened(edtf, v)
            start, end = (start, None) if v["open"] == "after" else (None, end)
        it["fields"] = _fields(edtf, start, end, v["precision"], True)
        it["value"] = {"type": "fixed", "edtf": edtf, "start": start, "end": end, "precision": v["precision"]}


def _opened(edtf: str, v: dict) -> str:
    """``edtf`` as the open interval ``v["open"]`` asks for: from it on ("after"), up to it
    ("before"), or itself. A month or day of an unknown year ("since November" with no year
    anywhere) stays itself: EDTF has no open interval from ``XXXX-11``."""
    if edtf.startswith("XXXX"):
        return edtf
    return {"after": f"{edtf}/..", "before": f"../{edtf}"}.get(v.get("open"), edtf)


def _weekday_year(m, d, weekday, around, not_after=None) -> Optional[int]:
    """The year nearest ``around`` (at most ``YEARLESS_MAX_SPAN`` away, and not after the date
    ``not_after``) in which the day ``d`` of month ``m`` falls on ``weekday``; None if none does."""
    good = []
    for y in range(around - YEARLESS_MAX_SPAN, around + YEARLESS_MAX_SPAN + 1):
        try:
            day = date(y, m, d)
        except ValueError:
            continue
        if day.weekday() == weekday and (not_after is None or day <= not_after):
            good.append(y)
    return min(good, key=lambda y: (abs(y - around), -y)) if good else None


def _dated(it) -> Optional[tuple]:
    """(y, m, d) of any resolved date down to year precision (missing parts as 1); None for a
    page's revision date, as :func:`_explicit`."""
    f = it.get("fields")
    if not f or it.get("revised") or it["value"]["type"] != "fixed" or not f["start"] or f["precision"] not in ("day", "month", "year"):
        return None
    s = f["start"]
    return (int(s[:4]), int(s[5:7]) if len(s) >= 7 else 1, int(s[8:10]) if len(s) == 10 else 1)


def _choose_year(m, d, prev, nxt, direction, block, local=None) -> Optional[int]:
    if local:  # an earlier date in the same paragraph: the narrative goes forward from it, unless
        # the day is at most a week before it ("Wednesday (25/9) … on Tuesday (24/9) the guests came")
        if (local[0], m, d) >= local or -_days((local[0], m, d), local) <= WEEKDAY_WINDOW:
            return local[0]
        return local[0] + 1
    if prev is None and nxt is None:
        return None
    anchor = prev[1] if prev else nxt[1]
    years = range(anchor[0] - YEARLESS_MAX_SPAN, anchor[0] + YEARLESS_MAX_SPAN + 1)

    def fits(y):
        x = (y, m, d)
        if direction < 0:
            return (prev is None or x <= prev[1]) and (nxt is None or x >= nxt[1])
        return (prev is None or x >= prev[1]) and (nxt is None or x <= nxt[1])

    if direction == 0:
        return anchor[0]
    good = [y for y in years if fits(y)]
    if not good:
        return anchor[0]
    # newest-first: the latest year not after the previous entry; oldest-first: the earliest.
    return max(good) if (direction < 0) == (prev is not None) else min(good)


def _days(a: tuple, b: tuple) -> int:
    """Days from (y, m, d) ``b`` to ``a`` (an impossible day, 29 February, counts as the 28th)."""
    def day(t):
        try:
            return date(*t)
        except ValueError:
            return date(t[0], t[1], 28)
    return (day(a) - day(b)).days


def _valid_iso(s) -> bool:
    try:
        date(int(s[:4]), int(s[5:7]), int(s[8:10]) if len(s) == 10 else 1)
    except ValueError:
        return False
    return True


def _attach_relative_years(items, text) -> None:
    """'26–29 April of the following year': the year-less date takes the relative year."""
    for a, b in zip(items, items[1:]):
        v, f = a.get("yearless"), b.get("fields")
        if not v or not f or b["value"]["type"] != "relative" or f["precision"] != "year" or f["start"] != f["end"]:
            continue
        if not _OF_GAP.fullmatch(text[a["char_end"]: b["char_start"]]):
            continue
        year = int(f["start"])
        (m, d), end = v["start"], v["end"]
        start = _iso(year, m, d)
        stop = _iso(year + (1 if end and (end[0], end[1] or 1) < (m, d or 1) else 0), *end) if end else start
        if _valid_iso(start) and _valid_iso(stop):
            edtf = start if stop == start else f"{start}/{stop}"
            a["fields"] = _fields(edtf, start, stop, v["precision"], True)


_OF_GAP = re.compile(r"\s*(of|in)\s+", re.I)


# -- 4. relative dates -------------------------------------------------------------------
def _resolve_relative(items, ref, words, text: str = "") -> None:
    last = ref  # the nearest preceding resolved date: (date, precision), start and end
    last_end = ref
    period = None  # the reporting period last named: (year, index, size), see _as_part
    period_done = None  # ... of those over by the reference date: "the latest quarter" is not a coming one
    last_item = None  # the preceding date item (a year back from a period is that period's)
    span = None  # the last written range of days (a week of visits): its weekdays are its days
    # "for the nine months": a span of several quarters, of which a year back is a year's
    months = [m.start() for m in re.finditer(words["re_months_period"], text, re.I)] if text else []
    for it in items:
        v = it["value"]
        after_months = bool(months) and months[0] < it["char_start"]
        while months and months[0] < it["char_start"]:
            months.pop(0)
        if after_months:
            period = period_done = None
        follows_period = (not after_months and last_item is not None and _as_part(last_item.get("fields")) is not None
                          and it["char_start"] - last_item["char_end"] <= PERIOD_REACH_CHARS)
        if v["type"] in _CONTEXT_TYPES:
            tense = it.get("tense")
            if v["type"] == "weekday":
                fields = _weekday_in(v, span) or _weekday(v, ref, tense)
            elif v["type"] == "monthday":
                fields = _monthday_after(v, it, last_item) or _monthday(v, ref, tense)
            elif v["type"] == "named":
                fields = _named(v, ref or last)
            elif v["type"] == "part":
                # "the latest quarter", "the year-ago period": of a period already over ("the third
                # quarter of 1990" in a forecast has no year-ago results)
                fields = _part(v, ref or last, tense, period_done if v.get("which") == "completed" or v.get("back")
                               else period, follows_period, last)
            elif v["type"] == "two_digit":
                fields = _two_digit(v, ref or last)
            elif v["type"] == "holiday":
                fields = _holiday(v, ref, tense)
            elif (v["unit"] == "day" and v["offset"] == 0 and v["anchor"] == "deictic"
                  and set(it["words"]) & set(words["present_time_words"])
                  and (it["prev"] in words["tense_present"] or it["next"] in ("'s", "’s"))):
                # "what is today Spain", "today's libraries": the present, not a day; elsewhere,
                # even in a present clause ("Today is a sad day", "we talk today"), the day
                fields = None
            elif (v["unit"] == "year" and v["offset"] == -1 and not v["span"] and follows_period
                  and set(it["words"]) & set(words["relative_direction"])):
                # "profit rose to $5 million from $4 million a year earlier": the period just named, a year back
                # (after another year back, "… a year ago … a year earlier", the same period)
                it["base_period"] = last_item.get("base_period") or _as_part(last_item["fields"])
                fields = _part({"index": None, "size": None, "back": -1}, ref or last, tense, it["base_period"], True, last)
            else:
                anchor = ref if v["anchor"] == "deictic" or (v.get("by_tense") and tense in ("future", "present")) or (
                    after_months and v["unit"] == "year" and v["offset"] == -1
                    and set(it["words"]) & set(words["relative_direction"])) else None
                if anchor is None:
                    anchor = last_end if v["offset"] > 0 else last
                if anchor is None and v["anchor"] == "deictic" and v["unit"] in ("year", "month"):
                    anchor = last  # "last year" without a date line: the text's own time
                fields = _shift(v, anchor)
            if fields:
                it["fields"] = fields
                last = last_end = _parse_ref(fields["start"]) if fields["start"] else last
                if fields["end"]:
                    last_end = _parse_ref(fields["end"])
                if v["type"] == "part" and not v.get("back") and _as_part(fields):
                    period = _as_part(fields)
                    period_done = period if _period_over(period, ref) else period_done
                elif v["type"] == "part" and _as_part(fields):  # a year back: the period it is a year back from
                    year, index, size = _as_part(fields)
                    it["base_period"] = (year - v["back"], index, size)
                last_item = it
            continue
        f = it.get("fields")
        if f and f["start"] and f["end"] and f["precision"] == "day" and f["start"] != f["end"]:
            span = (date.fromisoformat(f["start"]), date.fromisoformat(f["end"]))
            if (span[1] - span[0]).days > WEEKDAY_SPAN_DAYS:
                span = None
        if f and f["start"] and f["precision"] in ("day", "month", "year") and not it.get("revised"):
            last = _parse_ref(f["start"])
            last_end = _parse_ref(f["end"]) if f["end"] else last
            if _as_part(f):
                period = _as_part(f)
                period_done = period if _period_over(period, ref) else period_done
            last_item = it


# A year back ("a year earlier", "year-ago") is the period just named, a year back, when it
# follows a quarter or half within this many characters (about two sentences of a results
# story: "Net rose 5% in the third quarter … from $4 million a year ago").
PERIOD_REACH_CHARS = 400


def _period_over(period: tuple, ref) -> bool:
    """Whether the period (year, index, size) of :func:`_as_part` ended before the reference
    month (without a reference date: whether the text could mean it as over, so yes)."""
    year, index, size = period
    return ref is None or year * 12 + index * size - 1 < ref[0].year * 12 + ref[0].month - 1


def _as_part(f) -> Optional[tuple]:
    """(year, index, size) when the fields are a quarter or a half of one year, else None."""
    if not f or f["precision"] != "month" or not f["start"] or not f["end"] or f["start"][:4] != f["end"][:4]:
        return None
    first, last = int(f["start"][5:7]), int(f["end"][5:7])
    size = last - first + 1
    if size not in (3, 6) or (first - 1) % size:
        return None
    return int(f["start"][:4]), (first - 1) // size + 1, size


# The finest precision an anchor needs for a shift by each unit: "the next day" needs a day.
_UNIT_NEEDS = {"year": "year", "month": "month", "week": "day", "day": "day"}


def _shift(v, anchor) -> Optional[dict]:
    if anchor is None:
        return None
    base, precision = anchor
    unit, n = v["unit"], v["offset"]
    if FINENESS[precision] < FINENESS[_UNIT_NEEDS[unit]]:
        return None  # "the next day" after "In 2019": no day to count from
    if unit == "year":
        start = end = f"{base.year + n:04d}"
        if v["span"]:
            start = f"{base.year + n:04d}"
            end = f"{base.year:04d}"
        return _rel_fields(start, end, "year")
    if unit == "month":
        y, m = divmod(base.year * 12 + base.month - 1 + n, 12)
        start = end = f"{y:04d}-{m + 1:02d}"
        if v["span"]:
            end = f"{base.year:04d}-{base.month:02d}"
        return _rel_fields(start, end, "month")
    days = n * (7 if unit == "week" else 1)
    target = base + timedelta(days=days)
    if unit == "week" and not v["span"]:
        monday = target - timedelta(days=target.weekday())
        return _rel_fields(monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "day")
    if v["span"]:
        return _rel_fields(target.isoformat(), base.isoformat(), "day")
    return _rel_fields(target.isoformat(), target.isoformat(), "day")


# A written range of at most this many days (a staff week, a study trip) gives a bare weekday
# told after it its day inside the range ("from 23 to 27 June ... On Monday we visited ...").
WEEKDAY_SPAN_DAYS = 13


def _weekday_in(v, span) -> Optional[dict]:
    """A bare weekday ("Monday", "on Wednesday") after a written range of days that holds one:
    that day (HeidelTime's narrative reading: the last time the text named)."""
    if span is None or v.get("week") is not None or v.get("direction", 0) != 0:
        return None
    first = span[0] + timedelta(days=(v["weekday"] - span[0].weekday()) % 7)
    if first > span[1]:
        return None
    iso = first.isoformat()
    return _fields(iso, iso, iso, "day", True)


def _weekday(v, ref, tense=None) -> Optional[dict]:
    """The weekday "last"/"next" names, or, without them, by the clause's tense: the first such
    day on or after the reference date in a future clause, else the latest on or before it."""
    if ref is None or ref[1] != "day":
        return None
    base = ref[0]
    if v.get("week") is not None:       # "Monday last week": that day of the week named
        day = base - timedelta(days=base.weekday()) + timedelta(days=7 * v["week"] + v["weekday"])
        return _rel_fields(day.isoformat(), day.isoformat(), "day")
    if v["direction"] > 0 or (v["direction"] == 0 and tense == "future"):
        delta = (v["weekday"] - base.weekday()) % 7
        if v["direction"] > 0 and delta == 0:
            delta = 7
    else:
        delta = -((base.weekday() - v["weekday"]) % 7)
        if v["direction"] < 0 and delta == 0:
            delta = -7
    if abs(delta) > WEEKDAY_WINDOW + 1:
        return None
    day = base + timedelta(days=delta)
    return _rel_fields(day.isoformat(), (day + timedelta(days=v.get("days", 1) - 1)).isoformat(), "day")


# A bare day of the month ("翌31日", "31日") this close after a written day (a narrative: "7月30日
# … 翌31日から") is a later day of that day's month; farther, it is read against the reference date.
NARRATIVE_DAY_REACH_CHARS = 400


def _monthday_after(v, it, last_item) -> Optional[dict]:
    """A bare day later in the month of the written day just before it (within
    ``NARRATIVE_DAY_REACH_CHARS``), or None."""
    f = last_item.get("fields") if last_item is not None else None
    if (v["weekday"] is not None or v["direction"] or v.get("until") or not f or f["precision"] != "day"
            or not (f["end"] or f["start"]) or it["char_start"] - last_item["char_end"] > NARRATIVE_DAY_REACH_CHARS):
        return None
    before = date.fromisoformat(f["end"] or f["start"])
    if v["day"] <= before.day:
        return None
    try:
        day = before.replace(day=v["day"]).isoformat()
    except ValueError:
        return None
    return _rel_fields(day, day, "day")


def _monthday(v, ref, tense=None) -> Optional[dict]:
    """A day of the month without its month: with a weekday ("nesta segunda-feira (10)"), the
    day of that number and weekday within ``WEEKDAY_WINDOW`` days of the reference date (of the
    reference month, when the page is dated by its month only); as the last one ("지난 28일",
    direction -1), the latest such day before the reference date."""
    if ref is None or ref[1] not in ("day", "month"):
        return None
    base = ref[0]
    if ref[1] == "month":  # a page dated only by its month: the day of that month, if the weekday agrees
        try:
            day = date(base.year, base.month, v["day"])
        except ValueError:
            return None
        if v["weekday"] is None or day.weekday() != v["weekday"]:
            return None
        return _rel_fields(day.isoformat(), day.isoformat(), "day")
    if v["weekday"] is not None:
        days = [base + timedelta(days=k) for k in range(-WEEKDAY_WINDOW - 1, WEEKDAY_WINDOW + 2)]
        days = [c for c in days if c.day == v["day"] and c.weekday() == v["weekday"]]
    else:
        days = []
        for k in (-2, -1, 0, 1):
            y, m = divmod(base.year * 12 + base.month - 1 + k, 12)
            try:
                days.append(date(y, m + 1, v["day"]))
            except ValueError:
                continue
    if v["direction"] < 0 or tense == "past":
        days = [c for c in days if c < base or (c == base and v["direction"] == 0)]
    elif tense == "future":
        days = [c for c in days if c >= base]
    if not days:
        return None
    day = min(days, key=lambda c: (abs((c - base).days), c > base))
    end = day
    if v.get("until"):      # "지난 5일부터 8일까지": to a later day of the same month
        try:
            end = day.replace(day=v["until"])
        except ValueError:
            return None
    return _rel_fields(day.isoformat(), end.isoformat(), "day")


def _named(v, ref) -> Optional[dict]:
    """"last September" → the latest September that ended before the reference month;
    "next May" → the first May that starts after it; "this spring" → the one of its year.
    Without a reference date, the preceding date of the story stands in; if it is only a
    year, the month or season of that year is meant.
    Seasons keep their EDTF code with months as start/end (as "spring 2019" does)."""
    if ref is None:
        return None
    code, first, last = v["code"], v["first"], v["last"]
    if v.get("year_offset") is not None:  # "June last year", "April next year", "16 September this year"
        year = ref[0].year + v["year_offset"]
        start = _iso(year, first, v.get("day"))
        if not _valid_iso(start):
            return None
        return _fields(start, start, start, "day" if v.get("day") else "month", True)
    if ref[1] not in ("day", "month"):  # narrative: "In 2025 … this past July" → the one of that year
        if ref[1] != "year":
            return None
        ref = (date(ref[0].year, last, 28), "month")
        v = {**v, "direction": 0}
    here = ref[0].year * 12 + ref[0].month - 1
    length = (last - first) % 12

    def months(year):  # (first, last) month index of the occurrence starting in year
        return year * 12 + first - 1, year * 12 + first - 1 + length

    year = ref[0].year
    if v["direction"] < 0:
        year = max(y for y in range(year - 2, year + 1) if months(y)[1] < here)
    elif v["direction"] > 0:
        year = min(y for y in range(year, year + 3) if months(y)[0] > here)
    elif length and first > last and ref[0].month <= last:
        year -= 1  # "this winter" in January: the winter that began in December
    a, b = months(year)
    start, end = f"{a // 12:04d}-{a % 12 + 1:02d}", f"{b // 12:04d}-{b % 12 + 1:02d}"
    if code is None and v.get("day"):   # "last Oct. 23": that day of the month chosen
        day = _iso(a // 12, first, v["day"])
        return _fields(day, day, day, "day", True) if _valid_iso(day) else None
    if code is None:
        return _fields(start, start, start, "month", True)
    return _fields(f"{year:04d}-{code}", start, end, "month", True)


def _part(v, anchor, tense, period=None, follows_period=False, last=None) -> Optional[dict]:
    """"the third quarter" without a year: the latest such part that has begun by the reference
    date (the first one not yet over in a future clause). A reporting period without its number
    ("the quarter", "the latest period", "the year-ago quarter") is the one last named, else
    the last completed quarter (the one being reported; the current one in a future clause);
    ``back`` moves it a year back, ``year``/``ref_year`` give its year. "year-earlier" alone is
    the period a year back only right after one; otherwise the year before the narrative's."""
    if anchor is None:
        return None
    base, _ = anchor
    here = base.year * 12 + base.month - 1
    back = v.get("back", 0)
    if v.get("bare") and not follows_period:  # "year-earlier results": the year before the story's
        year = f"{base.year - 1:04d}"
        return _fields(year, year, year, "year", True)
    if v["index"] is not None:
        size, index = v["size"], v["index"]
        first = (index - 1) * size
        if tense == "future":  # one just over is still being reported: "results for the third quarter will …"
            year = base.year if base.year * 12 + first + size - 1 + PART_REPORTING_LAG_MONTHS >= here else base.year + 1
        else:
            year = base.year if base.year * 12 + first <= here else base.year - 1
    elif period is not None and (v.get("size") in (None, period[2])) and v.get("which") != "current":
        year, index, size = period
    elif v.get("year") is not None:
        year = f"{v['year']:04d}"
        return _fields(year, year, year, "year", True)
    else:
        size = v.get("size") or 3
        index = (base.month - 1) // size + 1
        year = base.year
        if tense != "future" and v.get("which") != "current":  # the last completed one
            index -= 1
            if index == 0:
                year, index = year - 1, 12 // size
    if v.get("year") is not None:
        year = v["year"]
    elif v.get("ref_year") is not None:
        year = base.year + v["ref_year"]
    year += back
    first = (index - 1) * size
    start, end = _iso(year, first + 1), _iso(year, first + size)
    return _fields(f"{start}/{end}", start, end, "month", True)


# A quarter or half that ended at most this many months before the reference date is the one
# a future clause still means ("the third quarter is expected to show …" in October): results
# come out in the quarter after. Chosen as one reporting quarter.
PART_REPORTING_LAG_MONTHS = 3


# A two-digit year is read in the century that puts it at most this many years after the
# reference (or narrative) year: "'98" in 2021 is 1998, "'25" in 2021 is 2025 — a story looks
# back much further than it looks ahead. Without any anchor: the 20th century.
TWO_DIGIT_YEAR_AHEAD = 10


def _two_digit(v, anchor) -> Optional[dict]:
    base = anchor[0].year if anchor else 1900 + TWO_DIGIT_YEAR_AHEAD
    century = (base + TWO_DIGIT_YEAR_AHEAD) // 100 * 100
    year = century + v["digits"]
    if year > base + TWO_DIGIT_YEAR_AHEAD:
        year -= 100
    if v["precision"] == "decade":
        return _fields(f"{year // 10:03d}X", f"{year:04d}", f"{year + 9:04d}", "decade", True)
    return _fields(f"{year:04d}", f"{year:04d}", f"{year:04d}", "year", True)


def _holiday(v, ref, tense=None) -> Optional[dict]:
    """A holiday without its year ("Thanksgiving Day", "last Christmas Eve"), as a weekday is
    chosen: "last"/"next" the latest before / first after the reference date, "this" the one of
    its year; otherwise by the clause's tense the latest on or before it (past), the first on or
    after it (future), else the nearest."""
    if ref is None or ref[1] != "day":
        return None
    base = ref[0]
    days = [date.fromisoformat(d) for y in (base.year - 1, base.year, base.year + 1) if (d := holiday_day(y, v["rule"]))]
    if v.get("this"):
        days = [d for d in days if d.year == base.year]
    elif v["direction"] < 0 or (v["direction"] == 0 and tense == "past"):
        days = [d for d in days if d < base or (d == base and v["direction"] == 0)]
        days = days[-1:]
    elif v["direction"] > 0 or tense == "future":
        days = [d for d in days if d > base or (d == base and v["direction"] == 0)][:1]
    if not days:
        return None
    day = min(days, key=lambda d: abs((d - base).days)).isoformat()
    return _rel_fields(day, day, "day")


def _rel_fields(start, end, precision) -> dict:
    edtf = start if start == end else f"{start}/{end}"
    return _fields(edtf, start, end, precision, True)



# ---------------------------------------------------------------- the component


class DateContextComponent(RuleComponent):
    """Resolves every date of the document against the others and the reference date:
    ``doc._.dates`` (:class:`DateValue` records, document order)."""

    rule_files = (WORDS_FILE, MONTHS_FILE)

    def __call__(self, doc: Doc) -> Doc:
        work = work_of(doc)
        story: list = []
        work.dates = resolve_dates(work.docs, work.blocks, work.source, work.ref_date, self.models_dir, story)
        work.story_date = story[0] if story else None
        doc._.dates = [d for paragraph in work.dates for d in paragraph]
        return doc


@Language.factory("coop_date_context", default_config={"models_dir": None},
                  assigns=["doc._.dates"], requires=["doc.spans"])
def make_date_context(nlp: Language, name: str, *, models_dir: Optional[str]):
    return DateContextComponent(nlp, name, models_dir=models_dir)
