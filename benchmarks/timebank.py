"""Dates in general news: coopextract's date stage scored on TimeBank 1.2 + AQUAINT (TempEval-3).

    python benchmarks/timebank.py [--data ../shared/devdata/timebank] [--out benchmarks/TIMEBANK.md]

Each document's ``<TEXT>`` (tags removed) goes through the whole pipeline with its creation
date (``<DCT>``) as the reference date. Gold: the ``TIMEX3 type="DATE"`` elements of the text.
Scored as TempEval-3 Task A scores timexes: a predicted span matches a gold span *strictly*
when equal, *relaxed* when they overlap; value accuracy is over relaxed matches; value F1 =
value accuracy × relaxed F1. A date we find on a DURATION, TIME or SET timex (or on no timex)
is a false positive. Values are compared as TimeML writes them: our EDTF is mapped to it
("199X" → "199" for a decade, "19XX" → "19", seasons "2025-22" → "2025-SU"); a range counts
as correct when its start is the gold value; TimeML's ``PRESENT_REF``/``PAST_REF`` and week
values (``1998-W03``) are never produced, so they count as value errors.
"""

import argparse
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


def timeml_value(date) -> str:
    """Our DateValue as TimeML would write its value."""
    edtf = date.edtf.split("/")[0] if "/" in date.edtf else date.edtf
    if date.precision == "decade":
        return edtf.rstrip("X")[:3]
    if date.precision == "century":
        return edtf[:2]
    m = re.fullmatch(r"(\d{4})-(2[1-4])", edtf)
    if m:
        return f"{m.group(1)}-{_SEASONS[m.group(2)]}"
    if "/" in date.edtf and date.start:
        return {"day": date.start[:10], "month": date.start[:7], "year": date.start[:4]}.get(date.precision, date.start)
    return edtf


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
    from coopextract.extract import extract_source
    from coopextract.pipeline.build import get_pipeline
    from coopextract.read import SourceText

    nlp = get_pipeline()
    files = sorted(data.glob("*/*.tml"))[: limit or None]
    gold_n = pred_n = strict = relaxed_gold = relaxed_pred = value_ok = words = 0
    missed, wrong, spurious = Counter(), Counter(), Counter()
    started = time.perf_counter()
    for path in files:
        dct, text, timexes = read_tml(path)
        words += len(text.split())
        dates = [d for p in extract_source(SourceText(path=path.name, text=text, name=path.stem), ref_date=dct, nlp=nlp)
                 for d in p.dates]
        gold = [t for t in timexes if t["type"] == "DATE"]
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
            ours = timeml_value(dates[best])
            if ours == g["value"]:
                value_ok += 1
            else:
                wrong[(text[g["start"]:g["end"]], g["value"], ours)] += 1
        for i, d in enumerate(dates):
            if i in hit_pred:
                continue
            kind = next((t["type"] for t in timexes if t["start"] < d.char_end and d.char_start < t["end"]), "no timex")
            spurious[(kind, d.text)] += 1
        relaxed_pred = len(hit_pred) + relaxed_pred
    seconds = time.perf_counter() - started

    def prf(tp_pred, tp_gold):
        p = tp_pred / pred_n if pred_n else 0.0
        r = tp_gold / gold_n if gold_n else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    strict_prf, relaxed_prf = prf(strict, strict), prf(relaxed_pred, relaxed_gold)
    accuracy = value_ok / relaxed_gold if relaxed_gold else 0.0
    return {"documents": len(files), "words": words, "seconds": seconds, "gold": gold_n, "predicted": pred_n,
            "strict": strict_prf, "relaxed": relaxed_prf, "value_accuracy": accuracy,
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
                  f"value F1: **{r['value_f1']:.3f}**.", "",
              "HeidelTime on TempEval-3 (published, all timex types, test set): relaxed F1 "
              f"{HEIDELTIME['relaxed F1']:.3f}, strict F1 {HEIDELTIME['strict F1']:.3f}, value F1 "
              f"{HEIDELTIME['value F1']:.3f}.", "", "## Missed gold dates by cause", "",
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
