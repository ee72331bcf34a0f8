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

``compare_document`` is the one matcher: the review page (render.gold_diff) uses it too.

Without --gold/--raw, ``coopextract evaluate`` scores every gold set of ``GOLD_SETS`` (the
bundled corpus; the development set of real pages, skipped while it has no gold) and prints a
table per set and the total. ``corpus/floors.json`` holds, per set, the F1 floors and a hash of
the gold (the accuracy gate read by ``tests/test_accuracy_floors.py``). Rewrite a set's entry with
``python -m coopextract.review.evaluate --write-floors --set NAME`` (floors from the current
scores, and the hash) or ``--update-hash --set NAME`` (the hash only, after a reviewed gold edit).

Pure apart from reading files and running the pipeline.
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

FIELDS = ("dates", "people", "institutions", "locations", "events", "typed_events", "roles", "modality")

# Names at or above this rapidfuzz ratio (0-100) count as the same name: 90 accepts one-letter
# transliteration variants of two-word names ("mayil ahmadov"/"mayil ahmedov" = 92) and rejects
# different people who share a surname ("aziz aliyev"/"ilham aliyev" = 78).
FUZZY_THRESHOLD = 90

# Characters of context shown either side of an error in --errors output.
SNIPPET_CHARS = 90

GOLD_KEYS = {"doc", "events", "people", "institutions", "dates", "aliases", "notes"}
GOLD_EVENT_KEYS = {"date_start", "date_end", "event_type", "people", "institutions", "locations", "evidence",
                   "participants", "modality", "mentions"}
# SPEC 1.1: an event's participants ({"role", "name"}) and modality; its "mentions" are the other
# verbatim sentences stating the same occurrence (as the 1.1 records' mentions). Read and checked,
# not yet scored.
MODALITIES = ("asserted", "planned", "negated", "hypothetical")

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
    participants: list = field(default_factory=list)  # [{"role": ..., "name": ...}]
    modality: str = "asserted"
    mentions: list = field(default_factory=list)


@dataclass
class Gold:
    path: Path
    doc: str
    events: list
    people: list
    institutions: list
    dates: list
    aliases: dict = field(default_factory=dict)


def _strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


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
    if not isinstance(data["doc"], str):
        raise GoldError(f"{path}: 'doc' must be the file name of a raw document (a string)")
    for key in ("people", "institutions", "dates"):
        if not _strings(data.get(key, [])):
            raise GoldError(f"{path}: '{key}' must be a list of strings")
    aliases = data.get("aliases", {})
    if not isinstance(aliases, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in aliases.items()):
        raise GoldError(f"{path}: 'aliases' must be an object mapping each alias to its full name (strings)")
    if not isinstance(data.get("events", []), list):
        raise GoldError(f"{path}: 'events' must be a list of event objects")
    events = []
    for n, ev in enumerate(data.get("events", [])):
        if not isinstance(ev, dict):
            raise GoldError(f"{path}: event {n} must be an object")
        unknown = set(ev) - GOLD_EVENT_KEYS
        missing = {"event_type", "evidence"} - set(ev)
        if unknown or missing:
            raise GoldError(f"{path}: event {n} has unknown keys {sorted(unknown)} or lacks {sorted(missing)}")
        for key in ("event_type", "evidence"):
            if not isinstance(ev[key], str):
                raise GoldError(f"{path}: event {n}: '{key}' must be a string, not {type(ev[key]).__name__}")
        for key in ("date_start", "date_end"):
            if not (ev.get(key) is None or isinstance(ev[key], str)):
                raise GoldError(f"{path}: event {n}: '{key}' must be a date string or null")
        for key in ("people", "institutions", "locations"):
            if not _strings(ev.get(key, [])):
                raise GoldError(f"{path}: event {n}: '{key}' must be a list of strings")
        participants = ev.get("participants", [])
        if not isinstance(participants, list) or not all(
                isinstance(p, dict) and set(p) == {"role", "name"} and all(isinstance(v, str) for v in p.values())
                for p in participants):
            raise GoldError(f"{path}: event {n}: each participant is {{\"role\": str, \"name\": str}}")
        if ev.get("modality", "asserted") not in MODALITIES:
            raise GoldError(f"{path}: event {n}: modality {ev['modality']!r} is not one of {', '.join(MODALITIES)}")
        mentions = ev.get("mentions", [])
        if not isinstance(mentions, list) or not all(isinstance(m, str) for m in mentions):
            raise GoldError(f"{path}: event {n}: 'mentions' must be a list of sentences (strings)")
        events.append(GoldEvent(ev.get("date_start"), ev.get("date_end"), ev["event_type"],
                                list(ev.get("people", [])), list(ev.get("institutions", [])),
                                list(ev.get("locations", [])), ev["evidence"], [dict(p) for p in participants],
                                ev.get("modality", "asserted"), list(mentions)))
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
    return _pair_score(event_pairs(predicted, gold, typed), len(predicted), len(gold))


def _pair_score(pairs: dict, n_predicted: int, n_gold: int) -> tuple[Score, list, list]:
    """Score, unmatched predicted indices and unmatched gold indices of a one-to-one matching."""
    matched = set(pairs.values())
    free = [pi for pi in range(n_predicted) if pi not in matched]
    fns = [gi for gi in range(n_gold) if gi not in pairs]
    return Score(len(pairs), len(free), len(fns)), free, fns


def event_pairs(predicted: list, gold: list, typed: bool) -> dict[int, int]:
    """{gold index: predicted index} of the greedy one-to-one matching of :func:`match_events`."""
    free = list(range(len(predicted)))
    pairs = {}
    # two passes: every gold event first takes a free candidate of its own type; only then, for
    # ``events``, those left take one of another type (one pass in gold order would let an
    # earlier gold event take, across types, the candidate a later one has of its own type)
    for same_type in (True, False) if not typed else (True,):
        for gi, (g_date, g_par, g_type) in enumerate(gold):
            if gi in pairs:
                continue
            candidates = [pi for pi in free if predicted[pi][0] == g_date and (g_par is None or predicted[pi][1] == g_par)
                          and (predicted[pi][2] == g_type or not same_type)]
            if candidates:
                free.remove(candidates[0])
                pairs[gi] = candidates[0]
    return pairs


def score_roles(pairs: dict, predicted: list, gold: list, aliases: dict) -> tuple[Score, list, list]:
    """Participants with roles (SPEC 1.1) of the typed-matched events whose gold lists them:
    a (role, name) pair counts when the matched event has it (names normalised, aliases resolved)."""
    def key(role, name):
        name = aliases.get(name, name)
        return role, normalise_name(name)

    score, fps, fns = Score(), [], []
    for gi, pi in pairs.items():
        if not gold[gi].participants:
            continue
        want = {key(p["role"], p["name"]): p for p in gold[gi].participants}
        have = {key(x.role, x.name): x for x in predicted[pi].participants}
        hit = set(want) & set(have)
        score.add(Score(len(hit), len(set(have) - hit), len(set(want) - hit)))
        fps += [(predicted[pi], have[k]) for k in sorted(set(have) - hit)]
        fns += [(gold[gi], want[k]) for k in sorted(set(want) - hit)]
    return score, fps, fns


def score_modality(pairs: dict, predicted: list, gold: list) -> tuple[Score, list, list]:
    """Modality of the typed-matched events, as finding the events that are not simply
    asserted: a planned (negated, hypothetical) gold event matched by one of the same modality
    is a hit, any other modality on either side a miss or a false alarm."""
    score, fps, fns = Score(), [], []
    for gi, pi in pairs.items():
        g, p = gold[gi].modality, predicted[pi].modality
        if g == p and g != "asserted":
            score.add(Score(1, 0, 0))
        else:
            if p != "asserted":
                score.add(Score(0, 1, 0))
                fps.append(predicted[pi])
            if g != "asserted":
                score.add(Score(0, 0, 1))
                fns.append(gold[gi])
    return score, fps, fns


# ---------------------------------------------------------------------------- one document
# One comparison of a document's records with its gold, used both by `coopextract evaluate`
# (scores and --errors) and by the review page (render.gold_diff), so the page shows exactly
# what the numbers count.

@dataclass
class FieldDiff:
    """One field of one document against its gold."""

    score: Score
    spurious: list  # predicted, not in the gold, one per distinct value: date keys, names as first written, Events
    missed: list    # in the gold, not predicted: gold dates, gold names, GoldEvents
    mentions: dict = field(default_factory=dict)   # dates, names: predicted value -> (as written, paragraph first seen)
    counts_as: dict = field(default_factory=dict)  # names: each predicted name as written -> the key it counts as
    missed_paragraphs: list = field(default_factory=list)  # events: each missed gold event's paragraph (None: not found)

    def spurious_forms(self) -> set:
        """Every predicted value, as written, that counts as spurious (all spellings of a wrong name)."""
        if not self.counts_as:
            return set(self.spurious)
        wrong = {self.counts_as[name] for name in self.spurious}
        return {name for name, key in self.counts_as.items() if key in wrong}


def date_value_key(date) -> Optional[str]:
    """A predicted DateValue as the gold writes dates, or None when it has no start or end to compare."""
    return date_key(date.start, date.end, date.edtf)


def records_text(paragraphs) -> str:
    """The document text as the records hold it: each paragraph's text at its offsets, newlines
    in the gaps. Paragraphs cover every non-space character of a document, so gold evidence is
    found here where it is found in the source text, also by the review page, which has only
    the records."""
    parts, end = [], 0
    for p in sorted(paragraphs, key=lambda p: p.source.char_start):
        if p.source.char_start >= end:
            parts.append("\n" * (p.source.char_start - end))
            parts.append(p.text)
            end = p.source.char_start + len(p.text)
    return "".join(parts)


def _paragraph_at(paragraphs, offset: int) -> Optional[int]:
    for p in paragraphs:
        if p.source.char_start <= offset < p.source.char_end:
            return p.source.paragraph
    return None


def gold_paragraph(text: str, paragraphs, evidence: str) -> Optional[int]:
    """The paragraph holding a gold event's evidence, found verbatim in ``text`` (the document, or
    ``records_text(paragraphs)``) or with whitespace relaxed; None when it is not there."""
    offset = text.find(evidence)
    if offset < 0:
        pattern = r"\s+".join(re.escape(w) for w in evidence.split())
        m = re.search(pattern, text) if pattern else None
        offset = m.start() if m else -1
    return _paragraph_at(paragraphs, offset) if offset >= 0 else None


def _compare_names(mentions: dict, gold_names: list, aliases=None) -> FieldDiff:
    """``mentions``: predicted name (or acronym) -> paragraph of its first mention, in text order."""
    canon = canonical_names(mentions, gold_names, aliases)
    pred = {}
    for name, key in canon.items():
        pred.setdefault(key, name)
    score, fps, fns = match_sets(pred, gold_names)
    return FieldDiff(score, fps, fns, mentions={n: (n, par) for n, par in mentions.items()}, counts_as=canon)


def compare_document(paragraphs, gold: Gold) -> dict:
    """One document's records (``Paragraph`` records, in order) against its gold: {field: FieldDiff}."""
    out = {}
    dates = {}  # key -> (text, paragraph) of the first mention
    for p in paragraphs:
        for d in p.dates:
            if d.planned:           # the gold lists dates of what happened or held, not plans
                continue
            key = date_value_key(d)
            if key is not None:
                dates.setdefault(key, (d.text, p.source.paragraph))
    score, fps, fns = match_sets({k: k for k in dates}, gold.dates, normalise=lambda v: v)
    out["dates"] = FieldDiff(score, fps, fns, mentions=dates)

    for fld in ("people", "institutions"):
        mentions = {}
        for p in paragraphs:
            for item in getattr(p, fld):
                mentions.setdefault(item.name, p.source.paragraph)
                if getattr(item, "acronym", None) and item.acronym in gold.aliases:
                    mentions.setdefault(item.acronym, p.source.paragraph)
        out[fld] = _compare_names(mentions, getattr(gold, fld), gold.aliases)

    pred_events = [(ev.date.start if ev.date else None, p.source.paragraph, ev.event_type, ev)
                   for p in paragraphs for ev in p.events]
    locations = {}
    for _, par, _, ev in pred_events:
        for loc in ev.locations:
            locations.setdefault(loc.name, par)
    out["locations"] = _compare_names(locations, sorted({loc for g in gold.events for loc in g.locations}))

    text = records_text(paragraphs)
    gold_events = [(g.date_start, gold_paragraph(text, paragraphs, g.evidence), g.event_type) for g in gold.events]
    keys = [e[:3] for e in pred_events]
    for fld, typed in (("events", False), ("typed_events", True)):
        pairs = event_pairs(keys, gold_events, typed)
        score, fp_idx, fn_idx = _pair_score(pairs, len(keys), len(gold_events))
        out[fld] = FieldDiff(score, [pred_events[i][3] for i in fp_idx], [gold.events[i] for i in fn_idx],
                             missed_paragraphs=[gold_events[i][1] for i in fn_idx])
    events = [e[3] for e in pred_events]      # roles and modality: over the typed pairs
    out["roles"] = FieldDiff(*score_roles(pairs, events, gold.events, gold.aliases))
    out["modality"] = FieldDiff(*score_modality(pairs, events, gold.events))
    return out


def _snippet(paragraphs, paragraph: Optional[int], needle: str = "") -> str:
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


def error_lines(fld: str, diff: FieldDiff, paragraphs) -> list[str]:
    """The --errors listing of one field: 'FP …' lines, then 'FN …' lines, each with its paragraph."""
    if fld in ("events", "typed_events"):
        lines = [f"FP {ev.event_type} {ev.date.start if ev.date else None}  ¶{ev.source.paragraph}: "
                 f"{ev.evidence[: 2 * SNIPPET_CHARS]!r}" for ev in diff.spurious]
        return lines + [f"FN {g.event_type} {g.date_start}  ¶{par}: {g.evidence[: 2 * SNIPPET_CHARS]!r}"
                        for g, par in zip(diff.missed, diff.missed_paragraphs)]
    if fld == "roles":
        return ([f"FP {x.role} {x.name!r} in {ev.event_type} ¶{ev.source.paragraph}" for ev, x in diff.spurious]
                + [f"FN {p['role']} {p['name']!r} in {g.event_type}: {g.evidence[:SNIPPET_CHARS]!r}" for g, p in diff.missed])
    if fld == "modality":
        return ([f"FP {ev.modality} {ev.event_type} ¶{ev.source.paragraph}: {ev.evidence[:SNIPPET_CHARS]!r}" for ev in diff.spurious]
                + [f"FN {g.modality} {g.event_type}: {g.evidence[:SNIPPET_CHARS]!r}" for g in diff.missed])
    lines = []
    for value in diff.spurious:
        written, par = diff.mentions[value]
        where = _snippet(paragraphs, par, written)
        lines.append(f"FP {value!r}  " + (f"({written!r}) {where}" if fld == "dates" else where))
    for value in diff.missed:
        where = "(gold)" if fld == "dates" else _snippet(paragraphs, _find_paragraph(paragraphs, value), value)
        lines.append(f"FN {value!r}  {where}")
    return lines


def evaluate_document(gold: Gold, raw_dir: Path, nlp=None) -> tuple[dict, dict]:
    """Scores and errors of one document: ({field: Score}, {field: [error lines]})."""
    from coopextract.extract import extract_source
    from coopextract.read import read

    path = Path(raw_dir) / gold.doc
    if not path.exists():
        raise GoldError(f"{gold.path}: names '{gold.doc}', which is not in {raw_dir}")
    paragraphs = extract_source(read(path), nlp=nlp)
    diffs = compare_document(paragraphs, gold)
    return ({f: diffs[f].score for f in FIELDS}, {f: error_lines(f, diffs[f], paragraphs) for f in FIELDS})


# ---------------------------------------------------------------------------- one gold set

def has_gold(gold_dir) -> bool:
    return any(Path(gold_dir).glob("*.json"))


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


def _format_errors(errors: dict, prefix: str = "") -> list[str]:
    lines = []
    for doc, by_field in errors.items():
        for f in FIELDS:
            if by_field[f]:
                lines.append(f"== {prefix}{doc} / {f}")
                lines.extend("  " + line for line in by_field[f])
    return lines


def _as_json(per_doc: dict, total: dict) -> dict:
    return {"micro": {f: total[f].as_dict() for f in FIELDS},
            "documents": {d: {f: s[f].as_dict() for f in FIELDS} for d, s in per_doc.items()}}


# ---------------------------------------------------------------------------- all gold sets

# The gold sets `coopextract evaluate` scores when not given --gold/--raw, as (gold, raw) folders
# relative to the repository root: the bundled corpus the rules were written against, and the
# development set of real public pages (issue 13). Each has its own floors in corpus/floors.json.
# A set whose gold folder is missing or empty is skipped with a note.
GOLD_SETS = {
    "corpus": ("corpus/gold", "corpus/raw"),
    "dev": ("corpus/dev/gold", "corpus/dev/raw"),
}
# The set whose documents keep their bare ids in the JSON output's top-level "documents" (the key
# consumers read before there were sets); other sets' documents there are "<set>/<doc id>".
BUNDLED_SET = "corpus"


@dataclass(frozen=True)
class GoldSet:
    name: str
    gold: Path
    raw: Path


def gold_sets(root=".", names=None) -> list[GoldSet]:
    """The gold sets below ``root`` (all of GOLD_SETS, or those ``names``), in GOLD_SETS order."""
    unknown = set(names or ()) - set(GOLD_SETS)
    if unknown:
        raise GoldError(f"unknown gold set(s) {sorted(unknown)}; known: {sorted(GOLD_SETS)}")
    return [GoldSet(name, Path(root) / gold, Path(root) / raw) for name, (gold, raw) in GOLD_SETS.items()
            if names is None or name in names]


def evaluate_sets(sets) -> tuple[dict, dict, dict]:
    """Score every set that has gold: ({set name: (per_doc, total, errors)}, {set name: why it was
    skipped}, {field: Score} micro-averaged over all scored documents)."""
    results, skipped = {}, {}
    total = {f: Score() for f in FIELDS}
    for s in sets:
        if not has_gold(s.gold):
            skipped[s.name] = f"{s.gold} has no gold files (*.json)"
            continue
        results[s.name] = evaluate_corpus(s.gold, s.raw)
        for f in FIELDS:
            total[f].add(results[s.name][1][f])
    if not results:
        raise GoldError("no gold files (*.json) to evaluate against in " + ", ".join(str(s.gold) for s in sets))
    return results, skipped, total


def _document_key(set_name: str, doc: str) -> str:
    return doc if set_name == BUNDLED_SET else f"{set_name}/{doc}"


def format_sets(sets, results: dict, skipped: dict, total: dict, show_errors=False) -> str:
    """One table per scored set, a note per skipped set, then the total over all sets."""
    parts = []
    for s in sets:
        if s.name in skipped:
            parts.append(f"== {s.name}: skipped, {skipped[s.name]}\n")
            continue
        per_doc, set_total, _ = results[s.name]
        parts.append(f"== {s.name}: {s.gold} + {s.raw}, {len(per_doc)} documents\n")
        parts.append(format_table(per_doc, set_total))
    n_docs = sum(len(r[0]) for r in results.values())
    if len(results) > 1:
        parts.append(f"== all sets: {', '.join(results)}, {n_docs} documents\n")
        parts.append(format_table({}, total))
    else:
        parts.append(f"== all sets: only {next(iter(results))} was scored; its ALL (micro) is the total\n")
    text = "\n".join(parts)
    if show_errors:
        errors = [line for name, (_, _, errs) in results.items() for line in _format_errors(errs, f"{name}: ")]
        text = "\n".join([text, "", "ERRORS", *errors])
    return text + "\n"


def run_evaluate(gold_dir=None, raw_dir=None, as_json=False, show_errors=False, root=".") -> str:
    """The text (or JSON) that ``coopextract evaluate`` prints.

    With ``gold_dir`` and ``raw_dir``: that one pair, as one table (JSON: ``micro``, ``documents``).
    Without them, or with the bundled set's own folders (what the command passes when not given
    --gold/--raw): every gold set below ``root``, a table per set and the total. The JSON then
    keeps ``micro`` (over all sets) and ``documents`` (the bundled set's by their id, other sets'
    as ``<set>/<doc id>``) and adds ``sets`` (each with its folders, ``micro`` and ``documents``)
    and ``skipped`` (set → why)."""
    given = tuple(None if d is None else Path(d) for d in (gold_dir, raw_dir))
    if given in ((None, None), tuple(Path(d) for d in GOLD_SETS[BUNDLED_SET])):
        return _run_sets(gold_sets(root), as_json, show_errors)
    per_doc, total, errors = evaluate_corpus(gold_dir or Path(root) / GOLD_SETS[BUNDLED_SET][0],
                                             raw_dir or Path(root) / GOLD_SETS[BUNDLED_SET][1])
    if as_json:
        out = _as_json(per_doc, total)
        if show_errors:
            out["errors"] = errors
        return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
    text = format_table(per_doc, total)
    if show_errors:
        text = "\n".join([text, "", "ERRORS", *_format_errors(errors)])
    return text + "\n"


def _run_sets(sets, as_json: bool, show_errors: bool) -> str:
    results, skipped, total = evaluate_sets(sets)
    if not as_json:
        return format_sets(sets, results, skipped, total, show_errors)
    out = {"micro": {f: total[f].as_dict() for f in FIELDS}, "documents": {}, "sets": {}, "skipped": skipped}
    errors = {}
    for s in sets:
        if s.name not in results:
            continue
        per_doc, set_total, set_errors = results[s.name]
        out["sets"][s.name] = {"gold": str(s.gold), "raw": str(s.raw), **_as_json(per_doc, set_total)}
        for doc, scores in out["sets"][s.name]["documents"].items():
            out["documents"][_document_key(s.name, doc)] = scores
        errors.update({_document_key(s.name, doc): e for doc, e in set_errors.items()})
    if show_errors:
        out["errors"] = errors
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------- floors

def floors_command(option: str, set_name: str) -> str:
    """The command that rewrites one set's entry of the floors file (named in the gate's messages)."""
    return f"python -m coopextract.review.evaluate {option} --set {set_name}"


def write_floors(floors_path, sets, hash_only=False) -> dict:
    """Rewrite the entries of ``sets`` in the floors file: the gold hash, and (unless
    ``hash_only``) the F1 floors from the current scores. Other keys of an entry (its
    ``comment``) and other sets' entries are kept. A set without gold keeps its floors."""
    path = Path(floors_path)
    floors = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    for s in sets:
        entry = floors.setdefault(s.name, {})
        entry["gold_sha256"] = gold_hash(s.gold, s.raw)
        if not hash_only and has_gold(s.gold):
            _, total, _ = evaluate_corpus(s.gold, s.raw)
            entry["f1"] = {f: round(total[f].f1, 4) for f in FIELDS}
        entry.setdefault("f1", {f: 0.0 for f in FIELDS})
    path.write_text(json.dumps(floors, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return floors


def main(argv=None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m coopextract.review.evaluate")
    parser.add_argument("--gold", help="score this gold folder only (with --raw)")
    parser.add_argument("--raw", help="the raw documents of --gold")
    parser.add_argument("--set", dest="sets", action="append", choices=sorted(GOLD_SETS),
                        help="a gold set to score or rewrite (repeatable; default: all)")
    parser.add_argument("--floors", default="corpus/floors.json")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write-floors", action="store_true",
                       help="rewrite the sets' F1 floors and gold hashes from the current scores")
    group.add_argument("--update-hash", action="store_true",
                       help="record the sets' current gold hashes, keeping their floors")
    args = parser.parse_args(argv)
    explicit = args.gold is not None or args.raw is not None
    if explicit and (args.sets or args.write_floors or args.update_hash):
        parser.error("--gold/--raw score one folder pair; --set, --write-floors and --update-hash work on gold sets")
    try:
        if args.write_floors or args.update_hash:
            floors = write_floors(args.floors, gold_sets(names=args.sets), hash_only=args.update_hash)
            sys.stdout.write(json.dumps(floors, indent=2, ensure_ascii=False) + "\n")
        elif explicit:
            sys.stdout.write(run_evaluate(args.gold or GOLD_SETS[BUNDLED_SET][0], args.raw or GOLD_SETS[BUNDLED_SET][1]))
        else:
            sys.stdout.write(_run_sets(gold_sets(names=args.sets), as_json=False, show_errors=False))
    except CoopExtractError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
