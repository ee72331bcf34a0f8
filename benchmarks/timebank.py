"""Dates in general news: coopextract's date stage scored on TimeBank 1.2 + AQUAINT (TempEval-3).

    python benchmarks/timebank.py [--data ../shared/devdata/timebank] [--out benchmarks/TIMEBANK.md]

Each document's ``<TEXT>`` (tags removed) goes through the whole pipeline with its creation
date (``<DCT>``) as the reference date. Gold: the ``TIMEX3 type="DATE"`` elements of the text.
Scored as TempEval-3 Task A scores timexes: a predicted span matches a gold span *strictly*
when equal, *relaxed* when they overlap; value accuracy is over relaxed matches; value F1 =
value accuracy × relaxed F1. A date we find on a DURATION, TIME or SET timex (or on no timex)
is a false positive. Values are compared as TimeML writes them: our EDTF is mapped to it
("199X" → "199" for a decade, "19XX" → "19", seasons "2025-22" → "2025-SU"); a range counts
as correct when its start is the gold value; TimeML's ``PRESENT_REF``/``PAST_REF`` are
never produced, so they count as misses in the first score. Weeks are compared as
Monday–Sunday ranges (``1998-W03``), weekends as Saturday–Sunday ones (``1998-W03-WE``), quarters as three-month ranges (``1989-Q3``). A second score leaves out the ``*_REF`` gold ("now", "recently"): SPEC §4 does
not count them as dates, and coopextract does not report them.
"""

import argparse
import datetime as dt
import re
import sys
import time
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "devdata" / "timebank"

# HeidelTime's published TempEval-3 (Task A, test set) figures for the same kind of data, for
# comparison in the report: relaxed F1 90.3, strict F1 81.3, value F1 77.6 (all timex types).
HEIDELTIME = {"relaxed F1": 0.903, "strict F1": 0.813, "value F1": 0.776}
_SEASONS = {"21": "SP", "22": "SU", "23": "FA", "24": "WI"}


def read_tml(path: Path) -> tuple[str, str, list[dict]]:
    """(creation date, text, timexes with char offsets into the text) of one TimeML file."""
    root = ElementTree.parse(path).getroot()
    dct = root.find("DCT/TIMEX3").get("value")[:10]
    text_el = root.find("TEXT")
    parts, timexes = [], []

    def walk(el, inside=None):
        if el.tag == "TIMEX3":
            start = sum(map(len, parts))
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if el.tag == "TIMEX3":
            timexes.append({"start": start, "end": sum(map(len, parts)), "type": el.get("type"),
                            "value": el.get("value")})

    walk(text_el)
    return dct, "".join(parts), timexes


def timeml_value(date, end: bool = False) -> str:
    """Our DateValue as TimeML would write its value. TimeML has no open intervals: "until
    early 1990" (``../1990``) is annotated by its known end, "since 2016" by its start.
    ``end``: the value of the interval's end ("1997" of "between 1994 and 1997", which TimeML
    writes as two timexes)."""
    if end:
        return _at_precision(date.end, date.precision)
    edtf = date.edtf.split("/")[0] if "/" in date.edtf else date.edtf
    if edtf == ".." and "/" in date.edtf:
        edtf = date.edtf.split("/")[1]
    if date.precision == "decade":
        return edtf.rstrip("X")[:3]
    if date.precision == "century":
        return edtf[:2]
    m = re.fullmatch(r"(\d{4})-(2[1-4])", edtf)
    if m:
        return f"{m.group(1)}-{_SEASONS[m.group(2)]}"
    if date.start and date.end and date.precision == "month" and date.start[:4] == date.end[:4]:
        first, last = int(date.start[5:7]), int(date.end[5:7])
        if last - first == 2 and first % 3 == 1:  # a quarter: 1989-07/1989-09 → 1989-Q3
            return f"{date.start[:4]}-Q{first // 3 + 1}"
        if last - first == 5 and first in (1, 7):  # a half: 1989-01/1989-06 → 1989-H1
            return f"{date.start[:4]}-H{first // 6 + 1}"
    if date.start and date.end and date.precision == "day" and len(date.start) == len(date.end) == 10:
        start, end = dt.date.fromisoformat(date.start), dt.date.fromisoformat(date.end)
        if start.weekday() == 0 and (end - start).days == 6:  # a week, Monday to Sunday → 1998-W08
            year, week, _ = start.isocalendar()
            return f"{year}-W{week:02d}"
        if start.weekday() == 5 and (end - start).days == 1:  # a weekend, Saturday and Sunday → 1990-W32-WE
            year, week, _ = start.isocalendar()
            return f"{year}-W{week:02d}-WE"
    if "/" in date.edtf and date.start:
        return _at_precision(date.start, date.precision)
    return edtf


def _at_precision(iso: str, precision: str) -> str:
    """One end of an interval cut to the interval's precision: '1994-01-01', 'year' → '1994'."""
    return {"day": iso[:10], "month": iso[:7], "year": iso[:4]}.get(precision, iso)


def _is_end(date, g: dict, gold: list) -> bool:
    """TimeML marks the two ends of "between 1994 and 1997" as two timexes where we write one
    interval: when our interval covers two gold timexes, the later one is its end."""
    covered = [t for t in gold if t["start"] < date.char_end and date.char_start < t["end"]]
    return ("/" in date.edtf and bool(date.end) and not date.edtf.endswith("/..")
            and len(covered) > 1 and g is max(covered, key=lambda t: t["start"]))


def _canonical(value: str) -> str:
    """TimeML writes weeks, decades and centuries two ways each: '2000-W7' and '2000-W07',
    '198X' and '198' (the 1980s), '19XX' and '19' (the 20th century) are one value."""
    value = re.sub(r"-W0(\d)$", r"-W\1", value or "")
    return re.sub(r"^(\d{3})X$|^(\d{2})XX$", r"\1\2", value)


def cause(gold: dict, text: str) -> str:
    """A coarse class of a missed gold date, for the report."""
    value, words = gold["value"], text[gold["start"]:gold["end"]].lower()
    if value.endswith("_REF"):
        return "reference word (now, recently, the past)"
    if re.search(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", words):
        return "weekday"
    if re.search(r"\b(last|next|this|coming|past|previous|earlier|later|ago)\b", words):
        return "last/next/this/ago"
    if "-W" in value or "week" in words:
        return "week"
    if "-Q" in value or "quarter" in words or "fiscal" in words:
        return "quarter / fiscal year"
    if re.search(r"-(SP|SU|FA|WI)$", value):
        return "season"
    if re.search(r"\b(today|yesterday|tomorrow|tonight)\b", words):
        return "today/yesterday/tomorrow"
    if re.fullmatch(r"\d{4}", value) and re.search(r"\d{4}", words):
        return "year"
    if re.fullmatch(r"[\d-]+", value) and re.search(r"\d", words):
        return "written date"
    return "other"


def run(data: Path, limit: int = 0) -> dict:
    """Extract every document once; score all DATE timexes (TempEval-3) and, separately, the
    dates of SPEC §4 (without TimeML's PRESENT_REF/PAST_REF/FUTURE_REF: 'now', 'recently',
    'the future' say when something is relative to the story, not when it happened)."""
    from coopextract.extract import extract_source
    from coopextract.pipeline.build import get_pipeline
    from coopextract.read import SourceText

    nlp = get_pipeline()
    files = sorted(data.glob("*/*.tml"))[: limit or None]
    started = time.perf_counter()
    docs = []
    for path in files:
        dct, text, timexes = read_tml(path)
        dates = [d for p in extract_source(SourceText(path=path.name, text=text, name=path.stem), ref_date=dct, nlp=nlp)
                 for d in p.dates]
        docs.append((text, timexes, dates))
    seconds = time.perf_counter() - started
    result = score(docs, keep_ref=True)
    result["spec"] = score(docs, keep_ref=False)
    result.update(documents=len(files), seconds=seconds, words=sum(len(t.split()) for t, _, _ in docs))
    return result


def score(docs, keep_ref: bool) -> dict:
    gold_n = pred_n = strict = relaxed_gold = relaxed_pred = value_ok = 0
    missed, wrong, spurious = Counter(), Counter(), Counter()
    for text, timexes, dates in docs:
        gold = [t for t in timexes if t["type"] == "DATE" and (keep_ref or not t["value"].endswith("_REF"))]
        gold_n += len(gold)
        pred_n += len(dates)
        hit_pred = set()
        for g in gold:
            overlapping = [i for i, d in enumerate(dates) if d.char_start < g["end"] and g["start"] < d.char_end]
            if not overlapping:
                missed[(cause(g, text), text[g["start"]:g["end"]])] += 1
                continue
            relaxed_gold += 1
            best = next((i for i in overlapping if (dates[i].char_start, dates[i].char_end) == (g["start"], g["end"])),
                        overlapping[0])
            if best not in hit_pred and (dates[best].char_start, dates[best].char_end) == (g["start"], g["end"]):
                strict += 1
            hit_pred.update(overlapping)
            ours = timeml_value(dates[best], end=_is_end(dates[best], g, gold))
            if _canonical(ours) == _canonical(g["value"]):
                value_ok += 1
            else:
                wrong[(text[g["start"]:g["end"]], g["value"], ours)] += 1
        for i, d in enumerate(dates):
            if i in hit_pred:
                continue
            on = [t for t in timexes if t["start"] < d.char_end and d.char_start < t["end"]]
            if not keep_ref and any(t["type"] == "DATE" and t["value"].endswith("_REF") for t in on):
                pred_n -= 1  # on a reference word left out of this score: neither right nor wrong
                continue
            kind = on[0]["type"] if on else "no timex"
            spurious[(kind, d.text)] += 1
        relaxed_pred = len(hit_pred) + relaxed_pred

    def prf(tp_pred, tp_gold):
        p = tp_pred / pred_n if pred_n else 0.0
        r = tp_gold / gold_n if gold_n else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    strict_prf, relaxed_prf = prf(strict, strict), prf(relaxed_pred, relaxed_gold)
    accuracy = value_ok / relaxed_gold if relaxed_gold else 0.0
    return {"gold": gold_n, "predicted": pred_n, "strict": strict_prf, "relaxed": relaxed_prf, "value_accuracy": accuracy,
            "value_f1": accuracy * relaxed_prf[2], "missed": missed, "wrong": wrong, "spurious": spurious}


def report(r: dict) -> str:
    lines = ["# Dates in general news: TimeBank 1.2 + AQUAINT", "",
             "Written by `python benchmarks/timebank.py` (see its docstring for how it scores). "
             f"{r['documents']} documents, {r['words']:,} words, {r['gold']} gold DATE timexes, "
             f"{r['predicted']} dates found; {r['seconds']:.1f} s.", "",
             "| measure | precision | recall | F1 |", "|---|---:|---:|---:|"]
    for name in ("strict", "relaxed"):
        p, rec, f = r[name]
        lines.append(f"| {name} span | {p:.3f} | {rec:.3f} | {f:.3f} |")
    lines += ["", f"Value accuracy (over relaxed matches): **{r['value_accuracy']:.3f}**; "
                  f"value F1: **{r['value_f1']:.3f}**.", ""]
    sp = r["spec"]
    lines += [f"Dates in the sense of SPEC §4 (without the {r['gold'] - sp['gold']} `PRESENT_REF`/`PAST_REF`/"
              "`FUTURE_REF` timexes — “now”, “currently”, “recently”, “the future” — which coopextract "
              f"deliberately does not report): {sp['gold']} gold dates; strict F1 {sp['strict'][2]:.3f}, "
              f"relaxed P/R/F1 {sp['relaxed'][0]:.3f} / {sp['relaxed'][1]:.3f} / **{sp['relaxed'][2]:.3f}**, "
              f"value accuracy {sp['value_accuracy']:.3f}, value F1 **{sp['value_f1']:.3f}**.", "",
              "HeidelTime on TempEval-3 (published, all timex types, test set): relaxed F1 "
              f"{HEIDELTIME['relaxed F1']:.3f}, strict F1 {HEIDELTIME['strict F1']:.3f}, value F1 "
              f"{HEIDELTIME['value F1']:.3f}.", "",
              "Choices (issue 16): the reference words `now`, `currently`, `recently`, `the future` "
              "(TimeML `*_REF`) are not dates in the sense of SPEC §4 and are left out on purpose, so "
              "the SPEC line above is the one to watch; durations (`the past two years`, `over the last "
              "five years`) stay out, as SPEC §4 says. Quarters are written as month ranges and weeks "
              "as Monday–Sunday day ranges; this benchmark maps them to TimeML's `1989-Q3` and "
              "`1998-W08` (weeks compared without a leading zero, decades and centuries with or without "
              "TimeML's trailing `X`: `198X` is `198`); a range (`between 1994 and 1997`) "
              "is one interval where TimeML writes two timexes, so the later timex is compared with the "
              "interval's end. Year-less quarters (`the third "
              "quarter`) take the year of the reference date by tense; reporting periods without a number "
              "(`the quarter`, `the latest period`) are the quarter last named, else the last completed "
              "one; `a year ago`/`a year earlier`/`year-earlier` right after a quarter is that quarter a "
              "year back (`1988-Q3`), elsewhere a year.", "",
              "## Missed gold dates by cause", "",
              "| cause | missed | examples |", "|---|---:|---|"]
    by_cause = Counter()
    examples: dict = {}
    for (c, text), n in r["missed"].items():
        by_cause[c] += n
        examples.setdefault(c, []).append((n, text))
    for c, n in by_cause.most_common():
        ex = ", ".join(f"“{t}”" + (f" ×{k}" if k > 1 else "") for k, t in sorted(examples[c], reverse=True)[:6])
        lines.append(f"| {c} | {n} | {ex} |")
    lines += ["", "## Wrong values (most frequent)", "", "| text | gold | ours | n |", "|---|---|---|---:|"]
    for (text, gold, ours), n in r["wrong"].most_common(25):
        lines.append(f"| {text} | {gold} | {ours} | {n} |")
    lines += ["", "## False positives by the timex they fall on (most frequent)", "", "| on | text | n |", "|---|---|---:|"]
    for (kind, text), n in r["spurious"].most_common(25):
        lines.append(f"| {kind} | {text} | {n} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "TIMEBANK.md")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"timebank: {args.data}: no such folder (see ../shared/devdata/timebank)", file=sys.stderr)
        return 2
    result = run(args.data, args.limit)
    text = report(result)
    args.out.write_text(text, encoding="utf-8")
    print("\n".join(text.splitlines()[:12]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
