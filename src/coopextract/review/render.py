"""The review page: one self-contained HTML file showing what was extracted, document by document.

For each document: a timeline of its events by year and type (inline SVG), a table of its
events that sorts and filters by type and year (small inline script, no libraries), and its
text by paragraph with dates, people, institutions and locations highlighted (displaCy's
entity renderer in manual mode) and each event's evidence marked with its type. With a gold
directory (SPEC §4) the page also shows what was missed and what is spurious.

Nothing is fetched: styles and script are inline, so the page opens from a file anywhere.
The records are exactly those ``coopextract extract`` writes (the same per-input processing,
read back through the Pydantic models), so the page never shows something the JSONL lacks.
The same inputs give a byte-identical page (no timestamps).
"""

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, TextIO

from coopextract.errors import CoopExtractError
from coopextract.event_types import event_types
from coopextract.records import EVENT_TYPES, ROLES, Event, Paragraph
from coopextract.review.evaluate import compare_document, date_value_key, normalise_name
from coopextract.review.evaluate import load_gold as load_gold_file
from coopextract.review.entities import Resolution, resolve_records

# Entity labels shown in the text, and their colours (displaCy's palette for PERSON/ORG/LOC;
# DATE yellow, since displaCy's pale teal is hard to tell from ORG).
ENTITY_COLOURS = {"DATE": "#ffe08a", "PERSON": "#aa9cfc", "ORG": "#7aecec", "LOC": "#ff9561"}
# A spurious item (not in the gold) keeps its kind's colour, striped with red.
SPURIOUS_SUFFIX = " ✗"
_STRIPE = "repeating-linear-gradient(135deg, {c}, {c} 6px, #f4a3a8 6px, #f4a3a8 9px)"
# A gold name the records missed, found verbatim in the text: white striped with orange.
MISSED_PREFIX = "MISSED "
_MISSED = "repeating-linear-gradient(135deg, #ffffff, #ffffff 6px, #ffcc80 6px, #ffcc80 9px)"
# Event types' colours are data (models/event_types.jsonl, see type_colour); a type missing
# there (a gold file's typo, records from another version of the rules) is drawn mid grey.
UNKNOWN_TYPE_COLOUR = "#999999"
# Timeline geometry, in SVG user units (the SVG scales to the page width). 1000 wide keeps a
# century of yearly bars at 8 units each; 120 high shows counts up to ~20 a year distinctly.
TIMELINE_WIDTH = 1000
TIMELINE_PLOT_HEIGHT = 120
TIMELINE_MARGIN = 28
# At most this many year labels under the axis (more overlap at the 1400 px review width),
# and never two closer than 36 units (a four-digit label at 11 px is ~30 units wide).
TIMELINE_MAX_TICKS = 14
TIMELINE_LABEL_SPACING = 36
# Bars are at most 40 units wide, so two or three years do not become slabs.
TIMELINE_MAX_BAR = 40
# More than 10 empty years in a row are cut to one "…" column: the seed chapter's events in
# the 1760s and 1920s would otherwise squeeze its 2010s into a few pixels.
TIMELINE_MAX_GAP = 10
_TICK_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)
# The network picture: SVG user units as the timeline; at most 40 institutions (the most
# connected) and 15 labels, beyond which a 1000-wide picture is a hairball; the force layout's
# seed and iterations fixed so the same records give the same page.
NETWORK_WIDTH = 1000
NETWORK_HEIGHT = 560
NETWORK_MARGIN = 60
NETWORK_MAX_NODES = 40
NETWORK_LABELS = 15
NETWORK_LABEL_CHARS = 28
NETWORK_MAX_RADIUS = 18
NETWORK_SEED = 7
NETWORK_ITERATIONS = 100
NETWORK_HUB_WEIGHT = 1.0


@dataclass
class DocView:
    """One rendered document: its records, and the gold comparison when there is one."""

    doc_id: str
    path: str
    paragraphs: list[Paragraph]
    diff: Optional["GoldDiff"] = None
    gold_note: Optional[str] = None  # e.g. "no gold file" when --gold was given


@dataclass
class GoldDiff:
    """Missed (in gold, not predicted) and spurious (predicted, not in gold) items of one document."""

    fields: dict = field(default_factory=dict)  # field -> evaluate.Score
    missed: dict = field(default_factory=dict)  # field -> [gold value] ("events": [evaluate.GoldEvent])
    spurious: dict = field(default_factory=dict)  # field -> {date key | predicted name | event id}


def type_colour(event_type: str) -> str:
    """The badge and timeline colour of an event type (its row in models/event_types.jsonl)."""
    info = event_types().get(event_type)
    return info.colour if info else UNKNOWN_TYPE_COLOUR


def _type_order(event_type: str) -> tuple:
    """Sort key: the types' order in the data, unknown types last."""
    return (EVENT_TYPES.index(event_type) if event_type in EVENT_TYPES else len(EVENT_TYPES), event_type)


# ---------------------------------------------------------------------------------------------
# Entry point


def render_report(inputs, out: TextIO, gold=None, ref_date=None, on_error: Callable[[str], None] = print) -> int:
    """Extract every input and write the review page to ``out``; return the number of failed
    inputs (each reported through ``on_error``, one line). ``gold`` is a directory of
    ``<doc_id>.json`` files (SPEC §4), or None."""
    from coopextract.run.batch import _ordered_inputs, process

    failed = 0
    views = []
    if gold is not None and not Path(gold).is_dir():
        on_error(f"{gold}: gold directory not found; rendering without gold")
        failed, gold = 1, None
    for item in _ordered_inputs(list(inputs)):
        name, error, text = process(item, level="paragraph", ref_date=ref_date)
        if error:
            on_error(error)
            failed += 1
            continue
        # split on "\n" only: JSON escapes it, but not U+2028 or U+0085, which splitlines() cuts at
        paragraphs = [Paragraph.model_validate_json(line) for line in text.split("\n") if line.strip()]
        doc_id = paragraphs[0].doc_id if paragraphs else Path(name).stem
        view = DocView(doc_id=doc_id, path=name, paragraphs=paragraphs)
        if gold is not None:
            try:
                gold_doc = load_gold(Path(gold), doc_id)
            except CoopExtractError as exc:
                on_error(str(exc))
                failed += 1
                gold_doc = None
                view.gold_note = "gold file unreadable: " + str(exc)
            if gold_doc is None and view.gold_note is None:
                view.gold_note = f"no gold file {doc_id}.json in {gold}"
            elif gold_doc is not None:
                view.diff = gold_diff(paragraphs, gold_doc)
        views.append(view)
    out.write(render_page(views))
    return failed


def load_gold(gold_dir: Path, doc_id: str):
    """The gold of one document (``evaluate.Gold``, checked strictly there), or None when the
    gold directory has no ``<doc_id>.json``. Raises ``GoldError`` for a malformed file."""
    path = gold_dir / f"{doc_id}.json"
    return load_gold_file(path) if path.is_file() else None


# ---------------------------------------------------------------------------------------------
# Gold comparison: evaluate.compare_document, the matcher `coopextract evaluate` scores with, so
# the page explains the numbers. The review page shows the typed events.


def gold_diff(paragraphs: list[Paragraph], gold) -> GoldDiff:
    """Compare one document's records with its gold (``evaluate.Gold``): scores, missed items
    (gold values; gold events) and spurious ones (date keys, every spelling of a wrong name,
    event ids)."""
    compared = compare_document(paragraphs, gold)
    diff = GoldDiff()
    for fld in ("dates", "people", "institutions"):
        diff.fields[fld], diff.missed[fld] = compared[fld].score, compared[fld].missed
        diff.spurious[fld] = compared[fld].spurious_forms()
    typed = compared["typed_events"]
    diff.fields["events"], diff.missed["events"] = typed.score, typed.missed
    diff.spurious["events"] = {e.id for e in typed.spurious}
    return diff


# ---------------------------------------------------------------------------------------------
# HTML


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def render_page(views: list[DocView]) -> str:
    """The whole page as one string (deterministic for the same records)."""
    from coopextract import __version__

    n_par = sum(len(v.paragraphs) for v in views)
    n_ev = sum(len(p.events) for v in views for p in v.paragraphs)
    toc = "".join(
        f'<li><a href="#doc-{i}">{esc(v.doc_id)}</a> <span class="muted">'
        f'{len(v.paragraphs)} paragraphs, {sum(len(p.events) for p in v.paragraphs)} events</span></li>'
        for i, v in enumerate(views)
    )
    legend = "".join(
        f'<span class="chip" style="background:{c}">{esc(label)}</span>' for label, c in ENTITY_COLOURS.items()
    )
    has_gold = any(v.diff for v in views)
    if has_gold:
        legend += (f'<span class="chip" style="background:{_STRIPE.format(c="#dddddd")}">'
                   f'spurious{SPURIOUS_SUFFIX}</span><span class="chip" style="background:{_MISSED}">'
                   f'{MISSED_PREFIX.lower()}(in gold, not found)</span>')
    resolution = resolve_records([p for v in views for p in v.paragraphs])
    body = "".join(render_doc(i, v) for i, v in enumerate(views)) or '<p class="muted">No documents.</p>'
    if n_ev:
        body = render_corpus(views, resolution) + body
        toc = '<li><a href="#all-events">All events and the cooperation network</a></li>' + toc
    return _PAGE.format(
        version=esc(__version__), css=_CSS, js=_JS, n_docs=len(views), n_par=n_par, n_ev=n_ev,
        toc=toc, legend=legend, body=body,
    )


def render_doc(index: int, view: DocView) -> str:
    events = [e for p in view.paragraphs for e in p.events]
    parts = [f'<section class="doc" id="doc-{index}" data-doc="{index}">',
             f'<h2>{esc(view.doc_id)} <span class="muted path">{esc(view.path)}</span></h2>']
    if view.gold_note:
        parts.append(f'<p class="note">{esc(view.gold_note)}</p>')
    if view.diff:
        parts.append(render_diff(view.diff))
    parts.append('<h3>Timeline</h3>')
    parts.append(render_timeline(events, index))
    parts.append('<h3>Events</h3>')
    parts.append(render_table(events, index, view.diff))
    parts.append(f'<details class="text" open><summary><h3>Text</h3> <span class="muted">'
                 f'{len(view.paragraphs)} paragraphs</span></summary>')
    section = None
    for p in view.paragraphs:
        heading = p.section is not None and normalise_name(p.text) == normalise_name(p.section)
        if p.section != section and p.section and not heading:
            parts.append(f'<h4 class="section">{esc(p.section)}</h4>')
        section = p.section
        parts.append(render_paragraph(p, index, view.diff, heading=heading))
    parts.append('</details></section>')
    return "\n".join(parts)


def _year(event: Event) -> str:
    return event.date.start[:4] if event.date and event.date.start else ""


def _event_anchor(doc_index: int, event: Event) -> str:
    return f"ev-{doc_index}-" + re.sub(r"[^A-Za-z0-9_-]", "_", event.id)


def render_table(events: list[Event], doc_index: int, diff: Optional[GoldDiff]) -> str:
    if not events:
        return '<p class="muted empty-events">No events extracted.</p>'
    types = sorted({e.event_type for e in events}, key=_type_order)
    years = sorted({_year(e) for e in events if _year(e)})
    type_opts = "".join(f'<option value="{t}">{t} ({sum(e.event_type == t for e in events)})</option>' for t in types)
    year_opts = "".join(f'<option value="{y}">{y}</option>' for y in years)
    if any(not _year(e) for e in events):
        year_opts += '<option value="none">no date</option>'
    spurious = diff.spurious.get("events", set()) if diff else set()
    rows = []
    for e in events:
        date = e.date
        date_text = "" if date is None else (date.start or "") + (f"/{date.end}" if date.end and date.end != date.start else "")
        if date is not None and date.end is None and date.edtf.endswith("/.."):
            date_text += "/.."
        people = "; ".join(dict.fromkeys(p.name for p in e.people))
        inst = "; ".join(dict.fromkeys(i.name + (f" ({i.acronym})" if i.acronym and i.acronym != i.name else "")
                                       for i in e.institutions))
        quant = "; ".join(f"{'~' if q.approximate else ''}{q.value} {q.what}" for q in e.quantities)
        flag = '<br><span class="flag">not in gold</span>' if e.id in spurious else ""
        rows.append(
            f'<tr class="event-row{" spurious" if e.id in spurious else ""}" data-type="{esc(e.event_type)}" '
            f'data-year="{_year(e) or "none"}" data-date="{esc(date.start if date and date.start else "")}" '
            f'data-conf="{e.confidence:.2f}" data-para="{e.source.paragraph:06d}">'
            f'<td>{esc(date_text)}{" <i>(inferred)</i>" if date is not None and date.inferred else ""}</td>'
            f'<td><span class="badge" style="background:{type_colour(e.event_type)}">{esc(e.event_type)}</span>{flag}</td>'
            f'<td>{esc(people)}</td><td>{esc(inst)}</td><td>{esc(quant)}</td>'
            f'<td class="evidence-cell"><a href="#{_event_anchor(doc_index, e)}">¶{e.source.paragraph}</a> {esc(e.evidence)}</td>'
            f'<td class="num">{e.confidence:.2f}</td></tr>'
        )
    return (
        f'<div class="filters"><label>Type <select class="f-type"><option value="">all</option>{type_opts}</select></label> '
        f'<label>Year <select class="f-year"><option value="">all</option>{year_opts}</select></label> '
        f'<label>Search <input class="f-text" type="search" placeholder="name, word…"></label> '
        f'<span class="shown muted"></span></div>'
        '<div class="table-wrap"><table class="events"><colgroup><col style="width:92px"><col style="width:118px">'
        '<col style="width:13%"><col style="width:19%"><col style="width:9%"><col><col style="width:52px"></colgroup>'
        '<thead><tr>'
        '<th data-key="date" aria-sort="none">Date</th><th data-key="type" aria-sort="none">Type</th>'
        '<th>People</th><th>Institutions</th><th>Quantities</th>'
        '<th data-key="para" aria-sort="none">Evidence</th><th data-key="conf" aria-sort="none">Conf.</th>'
        f'</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )


def _tick_step(n_years: int) -> int:
    return next((s for s in _TICK_STEPS if n_years / s <= TIMELINE_MAX_TICKS), _TICK_STEPS[-1])


def timeline_columns(years: list[int]) -> list[Optional[int]]:
    """The timeline's columns: every year from the first to the last, except that a run of more
    than ``TIMELINE_MAX_GAP`` empty years becomes one break column (None)."""
    columns: list[Optional[int]] = []
    for year in sorted(set(years)):
        if columns:
            gap = year - columns[-1] - 1
            columns.extend([None] if gap > TIMELINE_MAX_GAP else range(columns[-1] + 1, year))
        columns.append(year)
    return columns


def render_timeline(events: list[Event], doc_index: int) -> str:
    """Stacked bars: one column per year (long empty stretches cut), one colour per type."""
    per_year: dict[int, Counter] = {}
    undated = 0
    for e in events:
        y = _year(e)
        if y:
            per_year.setdefault(int(y), Counter())[e.event_type] += 1
        else:
            undated += 1
    if not per_year:
        note = f" ({undated} undated)" if undated else ""
        return f'<p class="muted timeline-empty">No dated events{note}.</p>'
    columns = timeline_columns(list(per_year))
    slot = TIMELINE_WIDTH / len(columns)
    bar = min(TIMELINE_MAX_BAR, max(1.0, slot * 0.8))
    top = max(sum(c.values()) for c in per_year.values())
    unit = TIMELINE_PLOT_HEIGHT / top
    base = TIMELINE_MARGIN + TIMELINE_PLOT_HEIGHT
    shapes = [f'<line x1="0" y1="{base}" x2="{TIMELINE_WIDTH}" y2="{base}" class="axis"/>']
    step = _tick_step(len(columns))
    last_label = -TIMELINE_WIDTH
    for i, year in enumerate(columns):
        centre = i * slot + slot / 2
        if year is None:
            shapes.append(f'<rect class="tl-break" x="{i * slot:.1f}" y="{base - 3}" width="{slot:.1f}" height="6"/>'
                          f'<text x="{centre:.1f}" y="{base + 4}" text-anchor="middle" class="tick">…</text>')
            continue
        y = base
        for etype in sorted(per_year.get(year, ()), key=_type_order):
            n = per_year[year][etype]
            y -= n * unit
            shapes.append(
                f'<rect class="tl-bar" data-year="{year}" data-type="{etype}" x="{centre - bar / 2:.1f}" y="{y:.1f}" '
                f'width="{bar:.1f}" height="{n * unit:.1f}" fill="{type_colour(etype)}">'
                f'<title>{year}: {n} {etype}</title></rect>'
            )
        starts_run = i == 0 or columns[i - 1] is None
        if (year % step == 0 or starts_run) and centre - last_label >= TIMELINE_LABEL_SPACING:
            shapes.append(f'<text x="{centre:.1f}" y="{base + 16}" text-anchor="middle" class="tick">{year}</text>')
            last_label = centre
    shapes.append(f'<text x="0" y="{TIMELINE_MARGIN - 10}" class="tick">max {top} a year</text>')
    height = base + TIMELINE_MARGIN
    present = sorted({e.event_type for e in events}, key=_type_order)
    legend = "".join(f'<span class="chip" style="background:{type_colour(t)}">{t}</span>' for t in present)
    note = f' <span class="muted">{undated} undated event(s) not shown.</span>' if undated else ""
    first, last = columns[0], columns[-1]
    return (
        f'<svg class="timeline" viewBox="0 0 {TIMELINE_WIDTH} {height}" role="img" '
        f'aria-label="Events per year, {first}–{last}">{"".join(shapes)}</svg>'
        f'<div class="legend">{legend}{note}</div>'
    )


def _entity_spans(p: Paragraph, diff: Optional[GoldDiff]) -> list[dict]:
    """Paragraph-relative, non-overlapping (longest first) entity spans for displaCy; with a
    gold comparison, spurious ones relabelled and missed gold names added where written."""
    offset, length = p.source.char_start, len(p.text)
    spurious = diff.spurious if diff else {}
    found = []
    for label, items, key, group in (
        ("DATE", p.dates, date_value_key, "dates"),
        ("PERSON", p.people, lambda x: x.name, "people"),
        ("ORG", p.institutions, lambda x: x.name, "institutions"),
        ("LOC", p.locations, None, None),
    ):
        for item in items:
            start, end = item.char_start - offset, item.char_end - offset
            if not (0 <= start < end <= length):
                continue
            bad = group is not None and key(item) in spurious.get(group, ())
            found.append({"start": start, "end": end, "label": label + (SPURIOUS_SUFFIX if bad else "")})
    for label, group in (("PERSON", "people"), ("ORG", "institutions")):
        for name in diff.missed.get(group, ()) if diff else ():
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", p.text):
                found.append({"start": m.start(), "end": m.end(), "label": MISSED_PREFIX + label})
    kept: list[dict] = []
    # What the records hold wins over a missed gold name; then longer spans over nested ones.
    order = sorted(found, key=lambda s: (s["label"].startswith(MISSED_PREFIX), -(s["end"] - s["start"]),
                                         s["start"], s["label"]))
    for span in order:
        if all(span["end"] <= k["start"] or span["start"] >= k["end"] for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: (s["start"], s["end"]))


def _evidence_ranges(p: Paragraph, doc_index: int) -> list[tuple[int, int, list[Event]]]:
    """Paragraph-relative evidence ranges with the events they state; overlapping ones merged."""
    ranges = []
    for e in p.events:
        if e.evidence_char_start is not None and e.evidence_char_end is not None:
            start, end = e.evidence_char_start - p.source.char_start, e.evidence_char_end - p.source.char_start
        else:
            start = p.text.find(e.evidence) if e.evidence else -1
            end = start + len(e.evidence)
        if 0 <= start < end <= len(p.text):
            ranges.append([start, end, [e]])
    ranges.sort(key=lambda r: (r[0], r[1]))
    merged: list[list] = []
    for r in ranges:
        if merged and r[0] < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], r[1])
            merged[-1][2].extend(r[2])
        else:
            merged.append(r)
    return [(a, b, evs) for a, b, evs in merged]


def _displacy(text: str, ents: list[dict]) -> str:
    from spacy import displacy

    colours = dict(ENTITY_COLOURS)
    colours.update({k + SPURIOUS_SUFFIX: _STRIPE.format(c=c) for k, c in ENTITY_COLOURS.items()})
    colours.update({MISSED_PREFIX + k: _MISSED for k in ENTITY_COLOURS})
    return displacy.render({"text": text, "ents": ents, "title": None}, style="ent", manual=True,
                           page=False, jupyter=False, options={"colors": colours})


def render_paragraph(p: Paragraph, doc_index: int, diff: Optional[GoldDiff], heading: bool = False) -> str:
    """The paragraph's text cut at evidence boundaries; each piece highlighted by displaCy,
    each evidence piece wrapped with badges naming its event types."""
    ents = _entity_spans(p, diff)
    cuts = _evidence_ranges(p, doc_index)
    pieces, pos = [], 0
    bounds = []
    for a, b, evs in cuts:
        if pos < a:
            bounds.append((pos, a, None))
        bounds.append((a, b, evs))
        pos = b
    if pos < len(p.text) or not bounds:
        bounds.append((pos, len(p.text), None))
    for a, b, evs in bounds:
        local = [
            {"start": max(s["start"], a) - a, "end": min(s["end"], b) - a, "label": s["label"]}
            for s in ents if s["start"] < b and s["end"] > a
        ]
        inner = _displacy(p.text[a:b], local) if b > a else ""
        if evs is None:
            pieces.append(inner)
            continue
        anchors = "".join(f'<a id="{_event_anchor(doc_index, e)}"></a>' for e in evs)
        spurious = diff.spurious.get("events", set()) if diff else set()
        badges = "".join(
            f'<a class="to-row" href="#row-{_event_anchor(doc_index, e)}">'
            f'<span class="badge{" spurious" if e.id in spurious else ""}" style="background:{type_colour(e.event_type)}" '
            f'title="{esc(e.id)} · confidence {e.confidence:.2f} · its row in the table of all events">{esc(e.event_type)}'
            f'{SPURIOUS_SUFFIX if e.id in spurious else ""}</span></a>'
            for e in evs
        )
        colour = type_colour(evs[0].event_type)
        pieces.append(f'<span class="evidence" style="border-color:{colour}">{anchors}{badges}{inner}</span>')
    page = f' <span class="muted">p. {p.source.page}</span>' if p.source.page else ""
    kind = "para heading" if heading else "para"
    return (f'<div class="{kind}" id="p-{doc_index}-{p.source.paragraph}"><span class="pnum">¶{p.source.paragraph}{page}</span>'
            f'{"".join(pieces)}</div>')


# ---------------------------------------------------------------------------------------------
# All documents: one table of every event, and the cooperation network


def _who(event: Event, resolution: Resolution) -> tuple[str, str, str]:
    """(participants as "role: name; …" with canonical names, places, the ids of its people and
    institutions and of their affiliations) of one event."""
    from coopextract.review.export import event_links

    by_role: dict = {}
    places, ids = [], set()
    for link in event_links(event, resolution):
        name = resolution.entities[link.entity_id].canonical
        if link.kind == "place":
            places.append(name)
        else:
            by_role.setdefault(link.role, []).append(name)
            ids.add(link.entity_id)
    for p in event.people:
        aff = resolution.find("institution", p.affiliation, event.doc_id) if p.affiliation else None
        if aff is not None:
            ids.add(aff.entity_id)
    order = sorted(by_role, key=lambda r: (r is None, ROLES.index(r) if r in ROLES else len(ROLES), r or ""))
    who = "; ".join((f"{r}: " if r else "") + ", ".join(dict.fromkeys(by_role[r])) for r in order)
    return who, "; ".join(dict.fromkeys(places)), " ".join(sorted(ids))


def render_corpus(views: list[DocView], resolution: Resolution) -> str:
    """The events of every document in one table (filters, sort by date, CSV/JSON download of
    the rows shown) and the network of institutions that took part in events together."""
    rows, types, years = [], set(), set()
    events = []
    for index, view in enumerate(views):
        for p in view.paragraphs:
            for e in p.events:
                events.append(e)
                types.add(e.event_type)
                if _year(e):
                    years.add(_year(e))
                who, where, ids = _who(e, resolution)
                d = e.date
                date_text = "" if d is None else (d.start or "") + (f"/{d.end}" if d.end and d.end != d.start else "")
                if d is not None and d.end is None and d.edtf.endswith("/.."):
                    date_text += "/.."
                anchor = _event_anchor(index, e)
                rows.append(
                    f'<tr class="corpus-row" id="row-{anchor}" data-doc="{index}" data-type="{esc(e.event_type)}" '
                    f'data-year="{_year(e) or "none"}" data-date="{esc(d.start if d and d.start else "")}" '
                    f'data-para="{index:04d}{e.source.paragraph:06d}" data-entities="{esc(ids)}">'
                    f'<td>{esc(view.doc_id)}</td><td>{esc(date_text)}</td>'
                    f'<td><span class="badge" style="background:{type_colour(e.event_type)}">{esc(e.event_type)}</span></td>'
                    f'<td>{esc(e.modality)}</td><td>{esc(e.trigger)}</td><td>{esc(who)}</td><td>{esc(where)}</td>'
                    f'<td>{esc(e.evidence)}</td>'
                    f'<td class="nocsv"><a href="#{anchor}" title="the sentence in the text">¶{e.source.paragraph}</a></td></tr>')
    doc_opts = "".join(f'<option value="{i}">{esc(v.doc_id)}</option>' for i, v in enumerate(views))
    type_opts = "".join(f'<option value="{t}">{t}</option>' for t in sorted(types, key=_type_order))
    year_opts = "".join(f'<option value="{y}">{y}</option>' for y in sorted(years))
    if any(not _year(e) for e in events):
        year_opts += '<option value="none">no date</option>'
    return (
        '<section id="all-events" class="corpus"><h2>All events <span class="muted">every document; '
        'names are the entities across documents</span></h2>'
        '<h3>Who worked with whom</h3>' + render_network(events, resolution) +
        '<h3>Events</h3>'
        f'<div class="filters"><label>Document <select class="c-doc"><option value="">all</option>{doc_opts}</select></label> '
        f'<label>Type <select class="c-type"><option value="">all</option>{type_opts}</select></label> '
        f'<label>Year <select class="c-year"><option value="">all</option>{year_opts}</select></label> '
        '<label>Search <input class="c-text" type="search" placeholder="name, word…"></label> '
        '<button type="button" class="c-csv">Download CSV</button> <button type="button" class="c-json">Download JSON</button> '
        '<span class="c-shown muted"></span></div>'
        '<div class="table-wrap"><table class="corpus-events"><colgroup><col style="width:9%"><col style="width:92px">'
        '<col style="width:110px"><col style="width:76px"><col style="width:9%"><col style="width:20%"><col style="width:9%">'
        '<col><col style="width:46px"></colgroup><thead><tr>'
        '<th data-key="doc" aria-sort="none">Document</th><th data-key="date" aria-sort="none">Date</th>'
        '<th data-key="type" aria-sort="none">Type</th><th>Modality</th><th>Trigger</th><th>Who (role: names)</th>'
        '<th>Where</th><th>Evidence</th><th class="nocsv">Text</th>'
        f'</tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>'
    )


def network_edges(events: list[Event], resolution: Resolution) -> dict:
    """{(institution id, institution id): {"types": Counter, "years": set}} of the institutions
    that took part in one event together (a person standing for their affiliation's institution)."""
    from coopextract.review.export import event_links

    edges: dict = {}
    for e in events:
        ids = set()
        for link in event_links(e, resolution):
            if link.kind == "institution":
                ids.add(link.entity_id)
        for p in e.people:
            aff = resolution.find("institution", p.affiliation, e.doc_id) if p.affiliation else None
            if aff is not None:
                ids.add(aff.entity_id)
        ids = sorted(ids)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                edge = edges.setdefault((a, b), {"types": Counter(), "years": set()})
                edge["types"][e.event_type] += 1
                if _year(e):
                    edge["years"].add(_year(e))
    return edges


def network_layout(nodes: list[str], edges) -> dict:
    """Node → (x, y) in 0..1: networkx's force layout with a fixed seed (the same page each time)."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((a, b, {"weight": sum(v["types"].values())}) for (a, b), v in edges.items())
    # A hidden hub, weakly tied to each component, keeps the separate groups near one another
    # (alone, the layout pushes them into the corners and squeezes each into a few pixels).
    hub = object()
    for component in sorted(nx.connected_components(graph), key=lambda c: sorted(c)):
        graph.add_edge(hub, min(component), weight=NETWORK_HUB_WEIGHT)
    pos = nx.spring_layout(graph, seed=NETWORK_SEED, iterations=NETWORK_ITERATIONS)
    pos = {n: pos[n] for n in nodes}
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {n: ((pos[n][0] - min(xs)) / span_x, (pos[n][1] - min(ys)) / span_y) for n in nodes}


def render_network(events: list[Event], resolution: Resolution) -> str:
    """Institutions as circles (area by events), an edge for each pair that took part in an event
    together (width by count, colour by the commonest type); inline SVG, no script needed."""
    edges = network_edges(events, resolution)
    if not edges:
        return '<p class="muted network-empty">No two institutions take part in one event.</p>'
    degree = Counter()
    for (a, b), v in edges.items():
        n = sum(v["types"].values())
        degree[a] += n
        degree[b] += n
    nodes = sorted(degree, key=lambda n: (-degree[n], n))[:NETWORK_MAX_NODES]
    kept = set(nodes)
    edges = {k: v for k, v in edges.items() if k[0] in kept and k[1] in kept}
    pos = network_layout(sorted(nodes), edges)
    w, h, m = NETWORK_WIDTH, NETWORK_HEIGHT, NETWORK_MARGIN

    def xy(n):
        return m + pos[n][0] * (w - 2 * m), m + pos[n][1] * (h - 2 * m)

    shapes = []
    for (a, b), v in sorted(edges.items()):
        (x1, y1), (x2, y2) = xy(a), xy(b)
        n = sum(v["types"].values())
        top = min(v["types"], key=lambda t: (-v["types"][t], _type_order(t)))
        what = ", ".join(f"{c} {t}" for t, c in sorted(v["types"].items(), key=lambda tc: _type_order(tc[0])))
        names = f"{resolution.entities[a].canonical} — {resolution.entities[b].canonical}"
        shapes.append(
            f'<line class="net-edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{type_colour(top)}" stroke-width="{min(8.0, 1.5 + n):.1f}" '
            f'data-types="{esc(" ".join(sorted(v["types"])))}" data-years="{esc(" ".join(sorted(v["years"])))}">'
            f'<title>{esc(names)}: {esc(what)}</title></line>')
    labelled = set(nodes[:NETWORK_LABELS])
    for node in nodes:
        ent = resolution.entities[node]
        x, y = xy(node)
        r = min(NETWORK_MAX_RADIUS, 4 + 2 * degree[node] ** 0.5)
        label = ent.acronym or (ent.canonical if len(ent.canonical) <= NETWORK_LABEL_CHARS
                                else ent.canonical[: NETWORK_LABEL_CHARS - 1] + "…")
        shapes.append(
            f'<g class="net-node" data-name="{esc(ent.canonical)}" data-id="{esc(node)}">'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"><title>{esc(ent.canonical)}'
            f'{" (" + esc(ent.country) + ")" if ent.country else ""}: {degree[node]} joint event(s)</title></circle>'
            + (f'<text x="{x:.1f}" y="{y - r - 3:.1f}" text-anchor="middle">{esc(label)}</text>' if node in labelled else "")
            + '</g>')
    dropped = len(degree) - len(nodes)
    note = f" The {dropped} least connected institution(s) are not drawn." if dropped else ""
    legend = "".join(f'<span class="chip" style="background:{type_colour(t)}">{t}</span>'
                     for t in sorted({t for v in edges.values() for t in v["types"]}, key=_type_order))
    return (f'<svg class="network" viewBox="0 0 {w} {h}" role="img" aria-label="Institutions that took part '
            f'in events together">{"".join(shapes)}</svg>'
            f'<div class="legend">{legend} <span class="muted">Edge colour: the commonest event type of the pair; '
            f'width: how many events. Click an institution to list its events; the Year filter below also '
            f'filters the edges.{note}</span></div>')


def render_diff(diff: GoldDiff) -> str:
    rows = []
    for key in ("people", "institutions", "dates", "events"):
        sc = diff.fields[key]
        rows.append(f'<tr><td>{key}{" (typed)" if key == "events" else ""}</td><td class="num">{sc.tp + sc.fn}</td>'
                    f'<td class="num">{sc.tp + sc.fp}</td><td class="num">{sc.tp}</td><td class="num">{sc.fn}</td>'
                    f'<td class="num">{sc.fp}</td><td class="num">{sc.precision:.2f}</td>'
                    f'<td class="num">{sc.recall:.2f}</td><td class="num">{sc.f1:.2f}</td></tr>')
    missed = []
    for key in ("people", "institutions", "dates"):
        items = diff.missed.get(key, [])
        if items:
            missed.append(f'<li><b>{key}</b>: ' + ", ".join(f'<span class="missed">{esc(x)}</span>' for x in items) + "</li>")
    for g in diff.missed.get("events", []):
        when = g.date_start or "no date"
        if g.date_end:
            when += f"/{g.date_end}"
        missed.append(f'<li class="missed-event"><b>event</b> <span class="badge" style="background:'
                      f'{type_colour(g.event_type)}">{esc(g.event_type)}</span> {esc(when)}: '
                      f'{esc(g.evidence)}</li>')
    return (
        '<div class="gold"><h3>Differences from the gold</h3> <span class="muted">matched as '
        '<code>coopextract evaluate</code> does</span>'
        '<table class="scores"><thead><tr><th>field</th><th>gold</th><th>predicted</th><th>matched</th>'
        f'<th>missed</th><th>spurious</th><th>P</th><th>R</th><th>F1</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'<p class="muted">In the text, spurious items are striped red ({SPURIOUS_SUFFIX.strip()}) and missed gold names '
        f'striped orange (MISSED); spurious events are flagged in the table.</p>'
        f'<details><summary>Missed ({len(missed)} lines)</summary><ul class="missed-list">{"".join(missed)}</ul></details></div>'
    )


_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;background:#fafafa}
header,main{max-width:1320px;margin:0 auto;padding:0 20px}
header{padding-top:12px}
h1{font-size:22px;margin:8px 0}
h2{font-size:19px;border-bottom:2px solid #ddd;padding-bottom:4px;margin-top:32px}
h3{font-size:16px;margin:18px 0 6px;display:inline-block}
h4.section{margin:16px 0 4px;color:#555;font-size:14px;text-transform:uppercase;letter-spacing:.04em}
.muted{color:#777;font-size:13px;font-weight:normal}
.path{margin-left:8px}
.note{background:#fff8e1;border-left:4px solid #f0b400;padding:6px 10px}
#js-errors{background:#fdecea;border:1px solid #e57373;padding:8px;margin:8px 0}
.chip,.badge{display:inline-block;border-radius:3px;padding:0 6px;margin:0 4px 2px 0;font-size:12px;
  line-height:18px;color:#111;white-space:nowrap}
.badge{font-weight:600;vertical-align:1px}
.badge.spurious{outline:2px solid #d32f2f}
.flag{font-size:12px;color:#b71c1c}
.legend{margin:2px 0 8px}
svg.timeline{width:100%;max-height:220px;background:#fff;border:1px solid #e5e5e5;border-radius:4px}
svg .tl-bar{cursor:pointer}
svg .tl-bar:hover{opacity:.7}
svg .tick{font-size:11px;fill:#555}
svg .axis{stroke:#888}
svg .tl-break{fill:#fff}
.filters{margin:4px 0 6px;font-size:14px}
.filters label{margin-right:12px}
table{border-collapse:collapse;background:#fff;width:100%;font-size:13px}
th,td{border:1px solid #e0e0e0;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f0f0f0;position:sticky;top:0}
th[data-key]{cursor:pointer;user-select:none}
th[aria-sort=ascending]::after{content:" ▲"}
th[aria-sort=descending]::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.spurious td{background:#fff1f1}
.table-wrap{max-height:560px;overflow:auto;border:1px solid #e0e0e0;border-radius:4px}
table.events{table-layout:fixed}
table.events th{z-index:1}
table.scores{width:auto;margin:4px 0}
.gold{background:#fff;border:1px solid #e5e5e5;border-radius:4px;padding:4px 12px;margin:8px 0}
.missed{background:#ffe0b2;border-radius:3px;padding:0 4px}
.missed-list li{margin:2px 0}
details.text>summary{cursor:pointer;list-style-position:outside}
.para{background:#fff;border:1px solid #ececec;border-radius:4px;padding:6px 10px;margin:6px 0;line-height:2.3}
.para .entities{display:inline;line-height:inherit!important}
.para.heading{background:none;border:none;font-weight:600;color:#444;text-transform:uppercase;
  font-size:13px;letter-spacing:.04em;margin-top:14px;line-height:1.6}
.pnum{float:right;color:#999;font-size:12px;margin-left:8px}
.evidence{border-bottom:3px solid;background:#f7f9ff;padding:2px 0}
.evidence .badge{margin-right:4px}
svg.network{width:100%;max-height:620px;background:#fff;border:1px solid #e5e5e5;border-radius:4px}
svg .net-edge{stroke-opacity:.7;stroke-linecap:round}
svg .net-node{cursor:pointer}
svg .net-node circle{fill:#7aecec;stroke:#177;stroke-width:1}
svg .net-node:hover circle{fill:#3cc}
svg .net-node text{font-size:11px;fill:#222;paint-order:stroke;stroke:#fff;stroke-width:3px}
table.corpus-events{table-layout:fixed}
table.corpus-events th{z-index:1}
a.to-row{text-decoration:none}
:target{animation:flash 2s}
@keyframes flash{from{background:#fff59d}to{background:transparent}}
"""

_JS = r"""
(function () {
  var errors = [];
  window.onerror = function (message, source, line) {
    errors.push(message + " (line " + line + ")");
    document.body.dataset.errors = errors.join(" | ");
    var box = document.getElementById("js-errors");
    if (box) { box.hidden = false; box.textContent = "Script error: " + errors.join(" | "); }
  };

  // Click a column head to sort the rows by valueOf(row, key, ascending); ties keep text order.
  function sortable(table, tbody, rows, valueOf) {
    Array.prototype.forEach.call(table.tHead.querySelectorAll("th[data-key]"), function (th) {
      th.addEventListener("click", function () {
        var key = th.dataset.key, asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.querySelectorAll("th[data-key]"), function (o) {
          o.setAttribute("aria-sort", "none");
        });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var va = valueOf(a, key, asc), vb = valueOf(b, key, asc), c = va < vb ? -1 : (va > vb ? 1 : 0);
          if (c === 0) { return a.dataset.para < b.dataset.para ? -1 : (a.dataset.para > b.dataset.para ? 1 : 0); }
          return asc ? c : -c;
        });
        rows.forEach(function (r) { tbody.appendChild(r); });
      });
    });
  }

  function setup(doc) {
    var table = doc.querySelector("table.events");
    if (!table) { return; }
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var fType = doc.querySelector(".f-type"), fYear = doc.querySelector(".f-year");
    var fText = doc.querySelector(".f-text"), shown = doc.querySelector(".shown");

    function apply() {
      var t = fType.value, y = fYear.value, q = fText.value.trim().toLowerCase(), n = 0;
      rows.forEach(function (r) {
        var ok = (!t || r.dataset.type === t) && (!y || r.dataset.year === y) &&
                 (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
        r.hidden = !ok;
        if (ok) { n += 1; }
      });
      shown.textContent = n + " of " + rows.length + " events shown";
    }
    [fType, fYear].forEach(function (el) { el.addEventListener("change", apply); });
    fText.addEventListener("input", apply);

    sortable(table, tbody, rows, function (r, key, asc) {
      if (key === "conf") { return parseFloat(r.dataset.conf); }
      if (key === "date") { return r.dataset.date || (asc ? "\uffff" : ""); }
      return r.dataset[key] || "";
    });

    Array.prototype.forEach.call(doc.querySelectorAll(".tl-bar"), function (bar) {
      bar.addEventListener("click", function () {
        fYear.value = fYear.value === bar.dataset.year ? "" : bar.dataset.year;
        fType.value = "";
        apply();
        table.scrollIntoView({behavior: "smooth", block: "start"});
      });
    });
    apply();
  }

  function setupCorpus(sec) {
    var table = sec.querySelector("table.corpus-events");
    if (!table) { return; }
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var edges = Array.prototype.slice.call(sec.querySelectorAll(".net-edge"));
    var fDoc = sec.querySelector(".c-doc"), fType = sec.querySelector(".c-type");
    var fYear = sec.querySelector(".c-year"), fText = sec.querySelector(".c-text");
    var shown = sec.querySelector(".c-shown");
    var has = function (list, word) { return (" " + list + " ").indexOf(" " + word + " ") >= 0; };
    var entity = null;

    function apply() {
      var d = fDoc.value, t = fType.value, y = fYear.value, q = fText.value.trim().toLowerCase(), n = 0;
      rows.forEach(function (r) {
        var ok = (!d || r.dataset.doc === d) && (!t || r.dataset.type === t) && (!y || r.dataset.year === y) &&
                 (!entity || has(r.dataset.entities, entity.dataset.id)) &&
                 (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
        r.hidden = !ok;
        if (ok) { n += 1; }
      });
      edges.forEach(function (l) {
        l.style.display = (!y || has(l.dataset.years, y)) && (!t || has(l.dataset.types, t)) ? "" : "none";
      });
      shown.textContent = n + " of " + rows.length + " events shown" +
        (entity ? " with " + entity.dataset.name + " (click it again to show all)" : "");
    }
    [fDoc, fType, fYear].forEach(function (el) { el.addEventListener("change", apply); });
    fText.addEventListener("input", apply);

    sortable(table, tbody, rows, function (r, key, asc) {
      if (key === "date") { return r.dataset.date || (asc ? "\uffff" : ""); }
      if (key === "doc") { return r.dataset.para; }
      return r.dataset[key] || "";
    });

    Array.prototype.forEach.call(sec.querySelectorAll(".net-node"), function (node) {
      node.addEventListener("click", function () {
        entity = entity === node ? null : node;
        apply();
        table.scrollIntoView({behavior: "smooth", block: "start"});
      });
    });

    function shownData() {
      var cols = [];
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c, i) {
        if (!c.classList.contains("nocsv")) { cols.push(i); }
      });
      var header = cols.map(function (i) { return table.tHead.rows[0].cells[i].textContent; });
      var data = rows.filter(function (r) { return !r.hidden; }).map(function (r) {
        return cols.map(function (i) { return r.cells[i].textContent; });
      });
      return {header: header, rows: data};
    }
    function save(name, type, text) {
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], {type: type}));
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 2000);
    }
    var quote = function (v) { return '"' + String(v).replace(/"/g, '""') + '"'; };
    sec.querySelector(".c-csv").addEventListener("click", function () {
      var got = shownData();
      var lines = [got.header].concat(got.rows).map(function (r) { return r.map(quote).join(","); });
      save("coopextract-events.csv", "text/csv;charset=utf-8", "\ufeff" + lines.join("\r\n") + "\r\n");
    });
    sec.querySelector(".c-json").addEventListener("click", function () {
      var got = shownData();
      var objects = got.rows.map(function (r) {
        var o = {};
        got.header.forEach(function (h, i) { o[h] = r[i]; });
        return o;
      });
      save("coopextract-events.json", "application/json", JSON.stringify(objects, null, 1));
    });
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll("section.doc"), setup);
  Array.prototype.forEach.call(document.querySelectorAll("section.corpus"), setupCorpus);
  document.body.dataset.events = String(document.querySelectorAll("tr.event-row").length);
  document.body.dataset.ready = "ok";
})();
"""

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="coopextract {version}">
<title>coopextract review</title>
<style>{css}</style></head>
<body>
<header><h1>coopextract review</h1>
<div id="js-errors" hidden></div>
<p class="muted">{n_docs} document(s), {n_par} paragraphs, {n_ev} events · coopextract {version}</p>
<div class="legend">{legend}</div>
<ul class="toc">{toc}</ul></header>
<main>{body}</main>
<script>{js}</script>
</body></html>
"""
