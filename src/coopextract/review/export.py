"""``coopextract export``: records (paragraph- or event-level JSONL) for other systems.

* **csv** — one row per event: id, document, dates (as written, partial ISO, and first/last
  day), type, modality, participants by role, people, institutions, places, evidence.
* **sqlite** — tables ``documents``, ``events``, ``institutions``, ``people``, ``places`` and the
  link tables ``event_institutions``, ``event_people``, ``event_places`` (with roles), keys and
  indexes; each entity once across the corpus (``review/entities.py``). ``date_start_day`` /
  ``date_end_day`` are real ISO days (first day of the start, last day of the end), so a DATE
  cast works whatever the precision.
* **graphml** — institutions and people as nodes; each event an edge between every two of its
  participants (type, dates, evidence as attributes); affiliations as edges too.
* **jsonld** — schema.org ``Event``, ``Organization``, ``Person``, ``Place``.
* **jsonl** — the records as given, with ``entity_id`` and ``canonical`` filled.

Every output is written whole or not at all (``run/resume.AtomicOutput``).
"""

import calendar
import csv
import io
import json
import sqlite3
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from pydantic import ValidationError

from coopextract.errors import CoopExtractError, OutputError
from coopextract.records import ROLES, DateValue, Event, Paragraph
from coopextract.review.entities import Resolution, resolve_records

FORMATS = ("csv", "sqlite", "graphml", "jsonld", "jsonl")
# Several values in one CSV cell (people, places, names of one role) are joined with this.
CSV_JOIN = "; "
# schema.org properties an event's participants go to, by role; every other role is an attendee.
JSONLD_ROLE_PROPERTY = {"host": "organizer", "organiser": "organizer", "founder": "organizer",
                        "publisher": "publisher", "author": "contributor", "donor": "funder", "founded": "about"}
JSONLD_CONTEXT = {
    "@vocab": "https://schema.org/",
    "ce": "urn:coopextract:",
    "eventType": "ce:eventType",
    "modality": "ce:modality",
    "confidence": "ce:confidence",
    "document": "ce:document",
    "evidence": "ce:evidence",
}
GEONAMES_URI = "https://sws.geonames.org/{}/"


class RecordsError(CoopExtractError):
    """A records file cannot be read (one line: path, line and reason)."""


@dataclass
class Corpus:
    """The records of the inputs, their events and documents, and the resolved entities."""

    records: list = field(default_factory=list)         # Paragraph | Event, as read
    events: list = field(default_factory=list)          # Event
    documents: dict = field(default_factory=dict)       # doc_id → {"path", "paragraphs"}
    resolution: Optional[Resolution] = None


@dataclass(frozen=True)
class Link:
    """One entity of an event: who or where, and its role (None when the record gives none)."""

    kind: str              # institution | person | place
    entity_id: str
    role: Optional[str]
    name: str              # as the record writes it


# ---------------------------------------------------------------------------------------------
# Reading


def read_records_file(path: str) -> list:
    """The records of one JSONL file (or ``-``); :class:`RecordsError` names the file and line."""
    try:
        if path == "-":
            lines = sys.stdin.read().split("\n")
        else:
            if Path(path).is_dir():
                raise RecordsError(f"{path}: is a directory, not a records file")
            with open(path, encoding="utf-8") as handle:
                lines = handle.read().split("\n")   # "\n" only: JSON escapes it, not U+2028
    except FileNotFoundError:
        raise RecordsError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise RecordsError(f"{path}: not UTF-8 text; give the JSONL that coopextract extract writes") from None
    except OSError as exc:
        raise RecordsError(f"{path}: cannot read ({exc.strerror or exc})") from None
    records = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except ValueError:
            raise RecordsError(f"{path}:{n}: not JSON; give the JSONL that coopextract extract writes") from None
        kind = data.get("kind") if isinstance(data, dict) else None
        model = {"paragraph": Paragraph, "event": Event}.get(kind)
        if model is None:
            raise RecordsError(f"{path}:{n}: not a coopextract record (no \"kind\": \"paragraph\" or \"event\")")
        try:
            records.append(model.model_validate(data))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(x) for x in first["loc"]) or "record"
            raise RecordsError(f"{path}:{n}: not a valid {kind} record ({where}: {first['msg']})") from None
    return records


def read_corpus(paths, on_error: Callable[[str], None] = print) -> tuple[Corpus, int]:
    """Read every records file; a bad one is reported through ``on_error`` (one line) and left
    out. Returns the corpus, entities resolved, and the number of files that failed. An event id
    read twice keeps its first record (reported when the two differ)."""
    corpus, failed, seen = Corpus(), 0, {}
    for path in paths:
        try:
            records = read_records_file(path)
        except RecordsError as exc:
            on_error(str(exc))
            failed += 1
            continue
        for record in records:
            doc = corpus.documents.setdefault(record.doc_id, {"path": record.source.path, "paragraphs": None})
            events = record.events if isinstance(record, Paragraph) else [record]
            if isinstance(record, Paragraph):
                doc["paragraphs"] = (doc["paragraphs"] or 0) + 1
            kept = []
            for event in events:
                if event.id in seen:
                    if seen[event.id][1] != event:
                        on_error(f"{path}: event {event.id} is also in {seen[event.id][0]}, differently; kept the first")
                    continue
                seen[event.id] = (path, event)
                kept.append(event)
            if isinstance(record, Paragraph):
                record.events = kept
            elif not kept:
                continue
            corpus.records.append(record)
            corpus.events.extend(kept)
    corpus.resolution = resolve_records(corpus.records)
    return corpus, failed


# ---------------------------------------------------------------------------------------------
# Shared helpers


def first_day(iso: Optional[str]) -> Optional[str]:
    """The first day a partial ISO date can mean: '2019' → '2019-01-01', '2019-05' → '2019-05-01'."""
    if not iso:
        return None
    return iso + "-01-01"[: 10 - len(iso)]


def last_day(iso: Optional[str]) -> Optional[str]:
    """The last real day a partial ISO date can mean: '2019' → '2019-12-31', '2024-02' → '2024-02-29',
    '2023-02' → '2023-02-28'."""
    if not iso:
        return None
    if len(iso) == 4:
        return iso + "-12-31"
    if len(iso) == 7:
        year, month = int(iso[:4]), int(iso[5:7])
        return f"{iso}-{calendar.monthrange(year, month)[1]:02d}"
    return iso


def date_days(date: Optional[DateValue]) -> tuple[Optional[str], Optional[str]]:
    """(first day of the start, last day of the end) as ISO days; an open end stays None."""
    if date is None:
        return None, None
    return first_day(date.start), last_day(date.end)


def event_links(event: Event, resolution: Resolution) -> list[Link]:
    """The event's people, institutions and places as entities, with the roles its participants
    give; a person or institution no participant names gets role None. In record order, once each."""
    out: list[Link] = []
    seen = set()

    def add(kind, entity_id, role, name):
        if entity_id and (kind, entity_id, role) not in seen:
            seen.add((kind, entity_id, role))
            out.append(Link(kind, entity_id, role, name))

    with_role = set()
    for part in event.participants:
        entity = resolution.find(part.kind, part.name, event.doc_id)
        if entity is not None:
            add(part.kind, entity.entity_id, part.role, part.name)
            with_role.add((part.kind, entity.entity_id))
    for kind, items in (("person", event.people), ("institution", event.institutions)):
        for item in items:
            if item.entity_id and (kind, item.entity_id) not in with_role:
                add(kind, item.entity_id, None, item.name)
    for loc in event.locations:
        add("place", loc.entity_id, None, loc.name)
    return out


def _entity_name(corpus: Corpus, entity_id: str) -> str:
    return corpus.resolution.entities[entity_id].canonical


def _roles_present(corpus: Corpus) -> list[str]:
    present = {p.role for e in corpus.events for p in e.participants}
    return [r for r in ROLES if r in present]


# ---------------------------------------------------------------------------------------------
# CSV

CSV_COLUMNS = ("id", "doc_id", "paragraph", "page", "event_type", "modality", "date_text", "date_start",
               "date_end", "date_precision", "date_start_day", "date_end_day")
CSV_TAIL = ("people", "institutions", "locations", "quantities", "trigger", "evidence", "confidence",
            "people_ids", "institution_ids", "place_ids")


def to_csv(corpus: Corpus, bom: bool = False) -> str:
    """One row per event; a ``role_<role>`` column for every role the records use. Names are the
    entities' canonical names."""
    roles = _roles_present(corpus)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(list(CSV_COLUMNS) + [f"role_{r}" for r in roles] + list(CSV_TAIL))
    for e in corpus.events:
        links = event_links(e, corpus.resolution)
        d = e.date
        start_day, end_day = date_days(d)

        def names(kind, role=False, wanted=None):
            chosen = [x for x in links if x.kind == kind and (not role or x.role == wanted)]
            return CSV_JOIN.join(dict.fromkeys(_entity_name(corpus, x.entity_id) for x in chosen))

        def ids(kind):
            return CSV_JOIN.join(dict.fromkeys(x.entity_id for x in links if x.kind == kind))

        by_role = []
        for r in roles:
            by_role.append(CSV_JOIN.join(dict.fromkeys(
                _entity_name(corpus, x.entity_id) for x in links if x.role == r and x.kind != "place")))
        quantities = CSV_JOIN.join(f"{'~' if q.approximate else ''}{q.value} {q.what}" for q in e.quantities)
        writer.writerow([e.id, e.doc_id, e.source.paragraph, e.source.page or "", e.event_type, e.modality,
                         d.text if d else "", (d.start or "") if d else "", (d.end or "") if d else "",
                         d.precision if d else "", start_day or "", end_day or ""]
                        + by_role
                        + [names("person"), names("institution"), names("place"), quantities, e.trigger or "",
                           e.evidence, f"{e.confidence:.2f}", ids("person"), ids("institution"), ids("place")])
    return ("\ufeff" if bom else "") + buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# SQLite

SQLITE_SCHEMA = """
PRAGMA foreign_keys = ON;
CREATE TABLE documents (
  doc_id TEXT PRIMARY KEY, path TEXT NOT NULL, n_paragraphs INTEGER, n_events INTEGER NOT NULL);
CREATE TABLE institutions (
  entity_id TEXT PRIMARY KEY, name TEXT NOT NULL, acronym TEXT, country TEXT, n_documents INTEGER NOT NULL);
CREATE TABLE people (
  entity_id TEXT PRIMARY KEY, name TEXT NOT NULL, n_documents INTEGER NOT NULL);
CREATE TABLE places (
  entity_id TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT, geonames_id INTEGER, n_documents INTEGER NOT NULL);
CREATE TABLE names (
  entity_id TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (entity_id, name));
CREATE TABLE events (
  id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id), paragraph INTEGER NOT NULL,
  page INTEGER, event_type TEXT NOT NULL, modality TEXT NOT NULL,
  date_text TEXT, date_edtf TEXT, date_start TEXT, date_end TEXT, date_precision TEXT, date_inferred INTEGER,
  date_start_day DATE, date_end_day DATE,
  trigger TEXT, evidence TEXT NOT NULL, confidence REAL NOT NULL, char_start INTEGER, char_end INTEGER);
CREATE TABLE event_institutions (
  event_id TEXT NOT NULL REFERENCES events(id), entity_id TEXT NOT NULL REFERENCES institutions(entity_id),
  role TEXT, name_as_written TEXT NOT NULL, UNIQUE (event_id, entity_id, role));
CREATE TABLE event_people (
  event_id TEXT NOT NULL REFERENCES events(id), entity_id TEXT NOT NULL REFERENCES people(entity_id),
  role TEXT, name_as_written TEXT NOT NULL, title TEXT, position TEXT, affiliation_id TEXT REFERENCES institutions(entity_id),
  UNIQUE (event_id, entity_id, role));
CREATE TABLE event_places (
  event_id TEXT NOT NULL REFERENCES events(id), entity_id TEXT NOT NULL REFERENCES places(entity_id),
  name_as_written TEXT NOT NULL, UNIQUE (event_id, entity_id));
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_type_date ON events(event_type, date_start_day);
CREATE INDEX events_date ON events(date_start_day, date_end_day);
CREATE INDEX event_institutions_entity ON event_institutions(entity_id, role);
CREATE INDEX event_people_entity ON event_people(entity_id, role);
CREATE INDEX event_places_entity ON event_places(entity_id);
CREATE INDEX names_name ON names(name);
"""


def write_sqlite(corpus: Corpus, path: str) -> None:
    """The corpus as a SQLite database at ``path`` (an empty or new file)."""
    res = corpus.resolution
    conn = sqlite3.connect(path)
    try:
        conn.executescript(SQLITE_SCHEMA)
        n_events = defaultdict(int)
        for e in corpus.events:
            n_events[e.doc_id] += 1
        conn.executemany("INSERT INTO documents VALUES (?, ?, ?, ?)",
                         [(d, info["path"], info["paragraphs"], n_events[d]) for d, info in sorted(corpus.documents.items())])
        ents = list(res.entities.values())
        conn.executemany("INSERT INTO institutions VALUES (?, ?, ?, ?, ?)",
                         [(x.entity_id, x.canonical, x.acronym, x.country, len(x.docs)) for x in ents if x.kind == "institution"])
        conn.executemany("INSERT INTO people VALUES (?, ?, ?)",
                         [(x.entity_id, x.canonical, len(x.docs)) for x in ents if x.kind == "person"])
        conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?)",
                         [(x.entity_id, x.canonical, x.country, x.geonames_id, len(x.docs)) for x in ents if x.kind == "place"])
        conn.executemany("INSERT INTO names VALUES (?, ?, ?)",
                         [(x.entity_id, x.kind, n) for x in ents for n in x.names])
        for e in corpus.events:
            d = e.date
            start_day, end_day = date_days(d)
            conn.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (
                e.id, e.doc_id, e.source.paragraph, e.source.page, e.event_type, e.modality,
                d.text if d else None, d.edtf if d else None, d.start if d else None, d.end if d else None,
                d.precision if d else None, int(d.inferred) if d else None, start_day, end_day,
                e.trigger, e.evidence, e.confidence, e.evidence_char_start, e.evidence_char_end))
            people = {p.entity_id: p for p in e.people if p.entity_id}
            for link in event_links(e, res):
                if link.kind == "institution":
                    conn.execute("INSERT INTO event_institutions VALUES (?, ?, ?, ?)",
                                 (e.id, link.entity_id, link.role, link.name))
                elif link.kind == "person":
                    p = people.get(link.entity_id)
                    aff = res.find("institution", p.affiliation, e.doc_id) if p and p.affiliation else None
                    conn.execute("INSERT INTO event_people VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 (e.id, link.entity_id, link.role, link.name, p.title if p else None,
                                  p.role if p else None, aff.entity_id if aff else None))
                else:
                    conn.execute("INSERT INTO event_places VALUES (?, ?, ?)", (e.id, link.entity_id, link.name))
        conn.commit()
    finally:
        conn.close()


# ---------------------------------------------------------------------------------------------
# GraphML


def to_graph(corpus: Corpus):
    """A networkx MultiGraph: institution and person entities as nodes (label, kind, country,
    n_events); one edge per event and pair of its participants (key: the event id), and one
    per person's affiliation."""
    import networkx as nx

    res = corpus.resolution
    graph = nx.MultiGraph()
    n_events = defaultdict(int)
    event_links_of = {}
    for e in corpus.events:
        links = [x for x in event_links(e, res) if x.kind != "place"]
        event_links_of[e.id] = links
        for eid in {x.entity_id for x in links}:
            n_events[eid] += 1
    for ent in res.entities.values():
        if ent.kind == "place":
            continue
        attrs = {"label": ent.canonical, "kind": ent.kind, "country": ent.country, "acronym": ent.acronym,
                 "n_events": n_events[ent.entity_id], "documents": CSV_JOIN.join(ent.docs)}
        graph.add_node(ent.entity_id, **{k: v for k, v in attrs.items() if v is not None})
    for e in corpus.events:
        roles: dict[str, list[str]] = defaultdict(list)
        for x in event_links_of[e.id]:
            if x.role:
                roles[x.entity_id].append(x.role)
        ids = sorted({x.entity_id for x in event_links_of[e.id]})
        start_day, end_day = date_days(e.date)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                attrs = {"relation": "event", "event_id": e.id, "type": e.event_type, "modality": e.modality,
                         "date": e.date.start if e.date else None, "date_end": e.date.end if e.date else None,
                         "date_start_day": start_day, "date_end_day": end_day, "doc_id": e.doc_id,
                         "evidence": e.evidence, "source_role": ",".join(roles.get(a, [])) or None,
                         "target_role": ",".join(roles.get(b, [])) or None}
                graph.add_edge(a, b, key=e.id, **{k: v for k, v in attrs.items() if v is not None})
    for record in corpus.records:
        for holder in [record] + list(getattr(record, "events", [])):
            for p in holder.people:
                aff = res.find("institution", p.affiliation, record.doc_id) if p.affiliation else None
                if p.entity_id and aff is not None:
                    key = f"affiliation:{p.entity_id}:{aff.entity_id}"
                    if not graph.has_edge(p.entity_id, aff.entity_id, key=key):
                        graph.add_edge(p.entity_id, aff.entity_id, key=key, relation="affiliation")
    return graph


def to_graphml(corpus: Corpus) -> str:
    import networkx as nx

    return "\n".join(nx.generate_graphml(to_graph(corpus), encoding="utf-8", prettyprint=True)) + "\n"


# ---------------------------------------------------------------------------------------------
# JSON-LD


def to_jsonld(corpus: Corpus) -> str:
    """schema.org nodes: an ``Organization``, ``Person`` or ``Place`` per entity, an ``Event``
    per event, linked by ``@id`` (``ce:`` = ``urn:coopextract:``)."""
    res = corpus.resolution
    graph = []
    types = {"institution": "Organization", "person": "Person", "place": "Place"}
    for ent in res.entities.values():
        node = {"@id": "ce:" + ent.entity_id, "@type": types[ent.kind], "name": ent.canonical}
        others = [n for n in ent.names if n != ent.canonical]
        if others:
            node["alternateName"] = others
        if ent.acronym:
            node["alternateName"] = sorted(set(others) | {ent.acronym})
        if ent.country and ent.kind != "person":
            node["address"] = {"@type": "PostalAddress", "addressCountry": ent.country}
        if ent.geonames_id is not None:
            node["sameAs"] = GEONAMES_URI.format(ent.geonames_id)
        graph.append(node)
    for e in corpus.events:
        node = {"@id": "ce:event:" + e.id, "@type": "Event", "name": f"{e.event_type}: {e.evidence[:80]}",
                "eventType": e.event_type, "modality": e.modality, "description": e.evidence,
                "document": e.doc_id, "confidence": e.confidence}
        if e.date and e.date.start:
            node["startDate"] = e.date.start
        if e.date and e.date.end:
            node["endDate"] = e.date.end
        for link in event_links(e, res):
            prop = "location" if link.kind == "place" else JSONLD_ROLE_PROPERTY.get(link.role, "attendee")
            values = node.setdefault(prop, [])
            ref = {"@id": "ce:" + link.entity_id}
            if ref not in values:
                values.append(ref)
        graph.append(node)
    return json.dumps({"@context": JSONLD_CONTEXT, "@graph": graph}, ensure_ascii=False, indent=1) + "\n"


# ---------------------------------------------------------------------------------------------
# JSONL with ids


def to_jsonl(corpus: Corpus) -> str:
    from coopextract.records import to_json_line

    return "".join(to_json_line(r) for r in corpus.records)


# ---------------------------------------------------------------------------------------------
# Entry point


def export(corpus: Corpus, fmt: str, output: Optional[str], bom: bool = False) -> None:
    """Write ``corpus`` as ``fmt`` to ``output`` (a file, or ``None``/``-`` for standard output,
    except sqlite), whole or not at all. Raises :class:`OutputError` for an impossible target."""
    from coopextract.run.resume import AtomicOutput

    if fmt not in FORMATS:
        raise CoopExtractError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "sqlite":
        if output in (None, "-"):
            raise OutputError("sqlite needs -o FILE (a database cannot go to standard output)")
        sink = AtomicOutput(output)
        with sink as handle:
            handle.close()                      # sqlite writes the temporary file by its name
            write_sqlite(corpus, sink.tmp)
        return
    text = {"csv": lambda: to_csv(corpus, bom=bom), "graphml": lambda: to_graphml(corpus),
            "jsonld": lambda: to_jsonld(corpus), "jsonl": lambda: to_jsonl(corpus)}[fmt]()
    with AtomicOutput(output) as handle:
        handle.write(text)
