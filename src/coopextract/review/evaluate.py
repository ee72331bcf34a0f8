"""Gold vs predicted → precision, recall and F1 per field.

``run_evaluate(gold_dir, raw_dir)`` runs the pipeline on every raw document that has a gold
file ``corpus/gold/<doc_id>.json`` (SPEC §4) and scores six fields, micro-averaged over the
documents (true positives, false positives and false negatives are summed first):

``dates``
    The distinct dates of the document as ``START`` or ``START/END`` strings (partial ISO),
    ``START/..`` for an open end. A predicted DateValue becomes ``start`` when its end is
    missing or equal to its start, ``start/..`` when its EDTF ends in ``/..``, else
    ``start/end``. A decade "1990s" is ``1990/1999``, a century "twentieth century"
    ``1900/1999``.
``people``
    Distinct names, normalised (casefold, diacritics and punctuation stripped, spaces
    collapsed). A predicted name whose rapidfuzz ratio to a gold name is at least
    ``FUZZY_THRESHOLD`` counts as that gold name (spelling variants: Ahmadov / Ahmedov).
``institutions``
    As people. For both fields a predicted name (or an institution's acronym) listed in the
    gold file's optional ``"aliases"`` map (``{"CSL": "Central Scientific Library of ...",
    "A. Rakhimjanov": "Amerkhan Rakhimjanov"}``) is replaced by the canonical gold name
    before matching: acronyms and the short forms a document uses count as the entity.
``locations``
    Gold: the union of the events' ``locations``. Predicted: the union of the locations of
    the predicted events — so both sides mean "places where something happened", not every
    country mentioned in passing. Normalised like people.
``events``
    One-to-one matching: a predicted event matches a gold event when their start dates are
    equal (both ``None`` counts as equal) and they lie in the same paragraph (the gold
    event's paragraph is found by locating its verbatim evidence in the document text; if
    the evidence cannot be found, the date alone decides). Candidates of the same type are
    preferred.
``typed_events``
    As ``events``, and the event type must be the same too.

Pure apart from reading files and running the pipeline; ``python -m coopextract.review.evaluate
--write-floors`` rewrites ``corpus/floors.json`` (the accuracy gate read by
``tests/test_accuracy_floors.py``) from the current scores and the current gold hash.
"""

import hashlib
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from rapidfuzz import fuzz

from coopextract.errors import CoopExtractError

FIELDS = ("dates", "people", "institutions", "locations", "events", "typed_events")

# Names at or above this rapidfuzz ratio (0-100) count as the same name: 90 accepts one-letter
# transliteration variants of two-word names ("mayil ahmadov"/"mayil ahmedov" = 92) and rejects
# different people who share a surname ("aziz aliyev"/"ilham aliyev" = 78).
FUZZY_THRESHOLD = 90

# Characters of context shown either side of an error in --errors output.
SNIPPET_CHARS = 90

GOLD_KEYS = {"doc", "events", "people", "institutions", "dates", "aliases", "notes"}
GOLD_EVENT_KEYS = {"date_start", "date_end", "event_type", "people", "institutions", "locations", "evidence"}

_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
# Letters NFKD does not decompose to ASCII: dotless i, schwa, and friends.
_FOLD = str.maketrans({"ı": "i", "ə": "e", "ø": "o", "ß": "ss", "đ": "d", "ł": "l", "æ": "ae"})


class GoldError(CoopExtractError):
    """A gold file is malformed (one line: path and reason)."""


def normalise_name(name: str) -> str:
    """Casefold, strip diacritics and punctuation, collapse spaces: 'Çakır, G.' → 'cakir g'."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _PUNCT.sub(" ", text.translate(_FOLD))
    return _SPACES.sub(" ", text).strip()


def date_key(start: Optional[str], end: Optional[str], edtf: str = "") -> Optional[str]:
    """A date as the gold writes it: 'START', 'START/END', 'START/..' or '../END'."""
    if start is None:
        return f"../{end}" if end is not None and edtf.startswith("../") else None
    if edtf.endswith("/.."):
        return f"{start}/.."
    if end is None or end == start:
        return start
    return f"{start}/{end}"


# ---------------------------------------------------------------------------- gold

@dataclass
class GoldEvent:
    date_start: Optional[str]
    date_end: Optional[str]
    event_type: str
    people: list
    institutions: list
    locations: list
    evidence: str


@dataclass
class Gold:
    path: Path
    doc: str
    events: list
    people: list
    institutions: list
    dates: list
    aliases: dict = field(default_factory=dict)


def load_gold(path: Path) -> Gold:
    """Read and check one gold file strictly: unknown keys and wrong types are errors."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldError(f"{path}: cannot read gold JSON ({exc})") from None
    if not isinstance(data, dict) or "doc" not in data:
        raise GoldError(f"{path}: a gold file is an object with a 'doc' key (SPEC §4)")
    unknown = set(data) - GOLD_KEYS
    if unknown:
        raise GoldError(f"{path}: unknown keys {sorted(unknown)}; allowed: {sorted(GOLD_KEYS)}")
    for key in ("people", "institutions", "dates"):
        if not all(isinstance(v, str) for v in data.get(key, [])):
            raise GoldError(f"{path}: '{key}' must be a list of strings")
    events = []
    for n, ev in enumerate(data.get("events", [])):
        unknown = set(ev) - GOLD_EVENT_KEYS
        missing = {"event_type", "evidence"} - set(ev)
        if unknown or missing:
            raise GoldError(f"{path}: event {n} has unknown keys {sorted(unknown)} or lacks {sorted(missing)}")
        events.append(GoldEvent(ev.get("date_start"), ev.get("date_end"), ev["event_type"],
                                list(ev.get("people", [])), list(ev.get("institutions", [])),
                                list(ev.get("locations", [])), ev["evidence"]))
    return Gold(Path(path), data["doc"], events, list(data.get("people", [])),
                list(data.get("institutions", [])), list(data.get("dates", [])), dict(data.get("aliases", {})))


def gold_hash(gold_dir, raw_dir) -> str:
    """SHA-256 over every gold file and the raw document it names (name and bytes, sorted)."""
    digest = hashlib.sha256()
    for path in sorted(Path(gold_dir).glob("*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        try:
            raw = Path(raw_dir) / json.loads(path.read_text(encoding="utf-8"))["doc"]
            digest.update(raw.name.encode() + b"\0" + raw.read_bytes() + b"\0")
        except (OSError, ValueError, KeyError, TypeError):
            digest.update(b"<unreadable>")
    return digest.hexdigest()


# ---------------------------------------------------------------------------- matching

@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Score") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        # nothing predicted: vacuously precise only when there was nothing to find either
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0   # nothing to find: none missed

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def canonical_names(predicted, gold, aliases=None, threshold=FUZZY_THRESHOLD) -> dict:
    """Map each predicted name to the normalised gold name it counts as (or to itself)."""
    gold_norm = {normalise_name(g): g for g in gold}
    alias_norm = {normalise_name(a): normalise_name(c) for a, c in (aliases or {}).items()}
    out = {}
    for name in predicted:
        key = normalise_name(name)
        key = alias_norm.get(key, key)
        if key not in gold_norm and gold_norm:
            best = max(gold_norm, key=lambda g: fuzz.ratio(key, g))
            if fuzz.ratio(key, best) >= threshold:
                key = best
        out[name] = key
    return out


def match_sets(predicted: dict, gold: list, normalise=normalise_name) -> tuple[Score, list, list]:
    """Set comparison. ``predicted`` maps the key to compare → an example (for error listing).
    Returns the score, the false positives (examples) and the false negatives (gold values)."""
    gold_keys = {normalise(g): g for g in gold}
    tp = set(predicted) & set(gold_keys)
    fps = [predicted[k] for k in sorted(set(predicted) - tp)]
    fns = [gold_keys[k] for k in sorted(set(gold_keys) - tp)]
    return Score(len(tp), len(fps), len(fns)), fps, fns


def match_events(predicted: list, gold: list, typed: bool) -> tuple[Score, list, list]:
    """One-to-one greedy matching of (date_start, paragraph, event_type) tuples; a gold
    paragraph of None matches any paragraph. Same-type candidates are taken first."""
    free = list(range(len(predicted)))
    matched_gold = set()
    for gi, (g_date, g_par, g_type) in enumerate(gold):
        candidates = [pi for pi in free if predicted[pi][0] == g_date and (g_par is None or predicted[pi][1] == g_par)]
        same = [pi for pi in candidates if predicted[pi][2] == g_type]
        pick = same[0] if same else (None if typed or not candidates else candidates[0])
        if pick is not None:
            free.remove(pick)
            matched_gold.add(gi)
    fns = [gi for gi in range(len(gold)) if gi not in matched_gold]
    return Score(len(matched_gold), len(free), len(fns)), free, fns


# ---------------------------------------------------------------------------- one document

def _paragraph_at(paragraphs, offset: int) -> Optional[int]:
    for p in paragraphs:
        if p.source.char_start <= offset < p.source.char_end:
            return p.source.paragraph
    return None


def _gold_paragraph(text: str, paragraphs, evidence: str) -> Optional[int]:
    """The paragraph holding the gold evidence, found verbatim or with whitespace relaxed."""
    offset = text.find(evidence)
    if offset < 0:
        pattern = r"\s+".join(re.escape(w) for w in evidence.split())
        m = re.search(pattern, text) if pattern else None
        offset = m.start() if m else -1
    return _paragraph_at(paragraphs, offset) if offset >= 0 else None


def _snippet(text: str, paragraphs, paragraph: Optional[int], needle: str = "") -> str:
    if paragraph is None:
        return "(paragraph not found)"
    p = next(p for p in paragraphs if p.source.paragraph == paragraph)
    body = p.text
    at = body.casefold().find(needle.casefold()) if needle else -1
    if at < 0:
        return f"¶{paragraph}: {body[: 2 * SNIPPET_CHARS]!r}"
    lo, hi = max(0, at - SNIPPET_CHARS), min(len(body), at + len(needle) + SNIPPET_CHARS)
    return f"¶{paragraph}: {'…' if lo else ''}{body[lo:hi]}{'…' if hi < len(body) else ''}"


def _find_paragraph(paragraphs, value: str) -> Optional[int]:
    """First paragraph mentioning a gold value (for listing false negatives)."""
    needle = normalise_name(value)
    for p in paragraphs:
        if needle and needle in normalise_name(p.text):
            return p.source.paragraph
    return None


def evaluate_document(gold: Gold, raw_dir: Path, nlp=None) -> tuple[dict, dict]:
    """Scores and errors of one document: ({field: Score}, {field: [error lines]})."""
    from coopextract.extract import extract_source
    from coopextract.read import read

    path = Path(raw_dir) / gold.doc
    if not path.exists():
        raise GoldError(f"{gold.path}: names '{gold.doc}', which is not in {raw_dir}")
    source = read(path)
    paragraphs = extract_source(source, nlp=nlp)
    text = source.text
    scores, errors = {}, {}

    def listing(fps, fns, where_fp, where_fn):
        lines = [f"FP {v!r}  {where_fp(v)}" for v in fps]
        return lines + [f"FN {v!r}  {where_fn(v)}" for v in fns]

    # dates: key → (text, paragraph) of the first mention
    pred_dates = {}
    for p in paragraphs:
        for d in p.dates:
            key = date_key(d.start, d.end, d.edtf)
            if key is not None:
                pred_dates.setdefault(key, (d.text, p.source.paragraph))
    s, fps, fns = match_sets({k: k for k in pred_dates}, gold.dates, normalise=lambda v: v)
    scores["dates"] = s
    errors["dates"] = listing(
        fps, fns,
        lambda k: f"({pred_dates[k][0]!r}) " + _snippet(text, paragraphs, pred_dates[k][1], pred_dates[k][0]),
        lambda k: "(gold)")

    for fld, aliases in (("people", gold.aliases), ("institutions", gold.aliases)):
        mentions = {}
        for p in paragraphs:
            for item in getattr(p, fld):
                mentions.setdefault(item.name, p.source.paragraph)
                if getattr(item, "acronym", None) and item.acronym in aliases:
                    mentions.setdefault(item.acronym, p.source.paragraph)
        canon = canonical_names(mentions, getattr(gold, fld), aliases)
        pred = {}
        for name, key in canon.items():
            pred.setdefault(key, name)
        s, fps, fns = match_sets(pred, getattr(gold, fld))
        scores[fld] = s
        errors[fld] = listing(fps, fns, lambda v: _snippet(text, paragraphs, mentions[v], v),
                              lambda v: _snippet(text, paragraphs, _find_paragraph(paragraphs, v), v))

    pred_events = [(ev.date.start if ev.date else None, p.source.paragraph, ev.event_type, ev)
                   for p in paragraphs for ev in p.events]
    gold_events = [(g.date_start, _gold_paragraph(text, paragraphs, g.evidence), g.event_type, g)
                   for g in gold.events]

    locs = {}
    for _, par, _, ev in pred_events:
        for loc in ev.locations:
            locs.setdefault(loc.name, par)
    gold_locs = sorted({loc for g in gold.events for loc in g.locations})
    canon = canonical_names(locs, gold_locs)
    pred = {}
    for name, key in canon.items():
        pred.setdefault(key, name)
    s, fps, fns = match_sets(pred, gold_locs)
    scores["locations"] = s
    errors["locations"] = listing(fps, fns, lambda v: _snippet(text, paragraphs, locs[v], v),
                                  lambda v: _snippet(text, paragraphs, _find_paragraph(paragraphs, v), v))

    for fld, typed in (("events", False), ("typed_events", True)):
        s, fp_idx, fn_idx = match_events([e[:3] for e in pred_events], [e[:3] for e in gold_events], typed)
        scores[fld] = s
        lines = []
        for i in fp_idx:
            date, par, etype, ev = pred_events[i]
            lines.append(f"FP {etype} {date}  ¶{par}: {ev.evidence[: 2 * SNIPPET_CHARS]!r}")
        for i in fn_idx:
            date, par, etype, g = gold_events[i]
            lines.append(f"FN {etype} {date}  ¶{par}: {g.evidence[: 2 * SNIPPET_CHARS]!r}")
        errors[fld] = lines
    return scores, errors


# ---------------------------------------------------------------------------- corpus

def evaluate_corpus(gold_dir, raw_dir) -> tuple[dict, dict, dict]:
    """({doc: {field: Score}}, {field: Score} micro-averaged, {doc: {field: [errors]}})."""
    from coopextract.pipeline.build import get_pipeline

    gold_files = sorted(Path(gold_dir).glob("*.json"))
    if not gold_files:
        raise GoldError(f"{gold_dir}: no gold files (*.json) to evaluate against")
    nlp = get_pipeline()
    per_doc, all_errors = {}, {}
    total = {f: Score() for f in FIELDS}
    for path in gold_files:
        gold = load_gold(path)
        scores, errors = evaluate_document(gold, Path(raw_dir), nlp=nlp)
        per_doc[path.stem], all_errors[path.stem] = scores, errors
        for f in FIELDS:
            total[f].add(scores[f])
    return per_doc, total, all_errors


def format_table(per_doc: dict, total: dict) -> str:
    head = f"{'document':<42} {'field':<13} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
    lines = [head, "-" * len(head)]
    rows = [(doc, scores) for doc, scores in per_doc.items()] + [("ALL (micro)", total)]
    for doc, scores in rows:
        for f in FIELDS:
            s = scores[f]
            lines.append(f"{doc[:42]:<42} {f:<13} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                         f"{s.tp:5d} {s.fp:5d} {s.fn:5d}")
        lines.append("")
    return "\n".join(lines)


def run_evaluate(gold_dir, raw_dir, as_json=False, show_errors=False) -> str:
    """The text (or JSON) that ``coopextract evaluate`` prints."""
    per_doc, total, errors = evaluate_corpus(gold_dir, raw_dir)
    if as_json:
        out = {"micro": {f: total[f].as_dict() for f in FIELDS},
               "documents": {d: {f: s[f].as_dict() for f in FIELDS} for d, s in per_doc.items()}}
        if show_errors:
            out["errors"] = errors
        return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
    text = format_table(per_doc, total)
    if show_errors:
        parts = [text, "", "ERRORS"]
        for doc, by_field in errors.items():
            for f in FIELDS:
                if by_field[f]:
                    parts.append(f"== {doc} / {f}")
                    parts.extend("  " + line for line in by_field[f])
        text = "\n".join(parts)
    return text + "\n"


def write_floors(gold_dir, raw_dir, floors_path) -> dict:
    """Rewrite the floors file from the current micro F1 scores and the current gold hash."""
    _, total, _ = evaluate_corpus(gold_dir, raw_dir)
    floors = {"gold_sha256": gold_hash(gold_dir, raw_dir),
              "f1": {f: round(total[f].f1, 4) for f in FIELDS}}
    Path(floors_path).write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
    return floors


def main(argv=None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m coopextract.review.evaluate")
    parser.add_argument("--gold", default="corpus/gold")
    parser.add_argument("--raw", default="corpus/raw")
    parser.add_argument("--floors", default="corpus/floors.json")
    parser.add_argument("--write-floors", action="store_true", help="rewrite the floors file from the current scores")
    args = parser.parse_args(argv)
    try:
        if args.write_floors:
            floors = write_floors(args.gold, args.raw, args.floors)
            sys.stdout.write(json.dumps(floors, indent=2) + "\n")
        else:
            sys.stdout.write(run_evaluate(args.gold, args.raw))
    except CoopExtractError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
