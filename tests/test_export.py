"""`coopextract export`: each format opens in its tool (csv, sqlite3, networkx, JSON-LD), one
institution named in two documents is one entity, bad input is one line and a status."""

import csv
import io
import json
import os
import re
import sqlite3

import networkx as nx
import pytest
from typer.testing import CliRunner

from coopextract.records import (DateValue, Event, Institution, Location, Paragraph, Participant, Person, Source,
                                 to_json_line)
from coopextract.review.export import date_days, first_day, last_day, read_corpus, to_csv, to_graph, to_jsonld
from coopextract.run.cli import app

# ---------------------------------------------------------------------------------------------
# Records built by hand: two reports naming the National Library of Estonia two ways.


def date(start, end, precision, edtf=None):
    return DateValue(text=start, edtf=edtf or (start if start == end else f"{start}/{end}"), start=start, end=end,
                     precision=precision, char_start=0, char_end=4)


def inst(name, country=None, acronym=None):
    return Institution(name=name, acronym=acronym, country=country, char_start=0, char_end=len(name))


def who(name, affiliation=None, title=None):
    return Person(name=name, title=title, affiliation=affiliation, char_start=0, char_end=len(name))


def part(role, name, kind):
    return Participant(role=role, name=name, kind=kind, char_start=0, char_end=len(name))


def event(doc, n, etype, when, people=(), institutions=(), participants=(), places=(), modality="asserted"):
    text = f"Event {n} of {doc}: a {etype}."
    return Event(id=f"{doc}:p{n}:e0", doc_id=doc, source=Source(path=f"{doc}.txt", paragraph=n, char_start=0,
                                                                   char_end=len(text)),
                 event_type=etype, date=when, people=list(people), institutions=list(institutions),
                 locations=list(places), evidence=text, confidence=0.8, trigger=etype,
                 participants=list(participants), modality=modality)


NLE, NLE_B = "National Library of Estonia", "Estonian National Library"
GEORGIA = "National Parliamentary Library of Georgia"
TALLINN = Location(name="Tallinn", country="EE", char_start=0, char_end=7, geonames_id=588409)

EVENTS_A = [
    # a visit hosted by the Estonian library in May 2019, with a Georgian visitor
    event("report_a", 1, "visit", date("2019-05-12", "2019-05-12", "day"),
          people=[who("Nino Kavtaradze", GEORGIA, "Director")], institutions=[inst(NLE, "EE"), inst(GEORGIA, "GE")],
          participants=[part("host", NLE, "institution"), part("visitor", GEORGIA, "institution"),
                        part("visitor", "Nino Kavtaradze", "person")], places=[TALLINN]),
    # an agreement in a year, a decade and an undated planned one
    event("report_a", 2, "agreement", date("2019", "2019", "year"), institutions=[inst(NLE, "EE"), inst(GEORGIA, "GE")],
          participants=[part("party", NLE, "institution"), part("party", GEORGIA, "institution")]),
    event("report_a", 3, "exchange", date("1920", "1929", "decade", "192X")),
    event("report_a", 4, "agreement", None, institutions=[inst(NLE, "EE")], modality="planned"),
]
EVENTS_B = [
    # the other report writes the library another way; a month in a non-leap February
    event("report_b", 1, "donation", date("2023-02", "2023-02", "month"),
          institutions=[inst(NLE_B, "EE"), inst("Latvian National Library", "LV")],
          participants=[part("donor", NLE_B, "institution"), part("recipient", "Latvian National Library", "institution")]),
    # a visit hosted in 2019 by someone else: the query must not find it as the Estonian library's
    event("report_b", 2, "visit", date("2019-11-02", "2019-11-02", "day"),
          institutions=[inst("Latvian National Library", "LV")],
          participants=[part("host", "Latvian National Library", "institution")]),
]


@pytest.fixture()
def files(tmp_path):
    """report_a as paragraph records, report_b as event records: export takes both."""
    a = tmp_path / "a.jsonl"
    paragraphs = [Paragraph(doc_id="report_a", source=e.source, text=e.evidence, institutions=e.institutions,
                            people=e.people, locations=e.locations, events=[e]) for e in EVENTS_A]
    a.write_text("".join(to_json_line(p) for p in paragraphs), encoding="utf-8")
    b = tmp_path / "b.jsonl"
    b.write_text("".join(to_json_line(e) for e in EVENTS_B), encoding="utf-8")
    return a, b


def corpus_of(files):
    errors = []
    corpus, failed = read_corpus([str(f) for f in files], on_error=errors.append)
    assert failed == 0 and errors == []
    return corpus


def run(*args, input=None):
    result = CliRunner().invoke(app, [str(a) for a in args], input=input)
    assert "Traceback" not in result.stderr and result.exception is None or isinstance(result.exception, SystemExit)
    return result


# ---------------------------------------------------------------------------------------------
# Dates as days


@pytest.mark.parametrize("start, end, days", [
    ("2019-05-12", "2019-05-12", ("2019-05-12", "2019-05-12")),
    ("2019", "2019", ("2019-01-01", "2019-12-31")),
    ("2023-02", "2023-02", ("2023-02-01", "2023-02-28")),
    ("2024-02", "2024-02", ("2024-02-01", "2024-02-29")),
    ("1920", "1929", ("1920-01-01", "1929-12-31")),
    ("2016", None, ("2016-01-01", None)),
])
def test_every_precision_gives_real_days(start, end, days):
    d = DateValue(text="x", edtf=f"{start}/{end or '..'}" if start != end else start, start=start, end=end,
                  precision="day", char_start=0, char_end=1)
    assert date_days(d) == days
    assert first_day(start) == days[0] and last_day(end) == days[1]


# ---------------------------------------------------------------------------------------------
# Each format in its tool


def test_one_institution_named_two_ways_in_two_documents_is_one_entity(files):
    corpus = corpus_of(files)
    ids = {i.entity_id for e in corpus.events for i in e.institutions if "Estonia" in i.name}
    assert ids == {"org:national-library-of-estonia:ee"}


def test_csv_one_row_per_event_with_roles_and_canonical_names(files, tmp_path):
    out = tmp_path / "events.csv"
    result = run("export", *files, "--to", "csv", "-o", out)
    assert result.exit_code == 0, result.stderr
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == [e.id for e in EVENTS_A + EVENTS_B]
    visit = rows[0]
    assert visit["role_host"] == NLE and visit["role_visitor"] == f"{GEORGIA}; Nino Kavtaradze"
    assert (visit["date_start_day"], visit["date_precision"], visit["locations"]) == ("2019-05-12", "day", "Tallinn")
    donation = rows[4]
    assert donation["role_donor"] == NLE          # the canonical name, not "Estonian National Library"
    assert (donation["date_start_day"], donation["date_end_day"]) == ("2023-02-01", "2023-02-28")
    assert rows[3]["modality"] == "planned" and rows[3]["date_start"] == ""
    assert {"role_party", "role_recipient"} <= set(rows[0]) and "role_author" not in rows[0]


def test_csv_bom_for_spreadsheets(files):
    text = to_csv(corpus_of(files), bom=True)
    assert text.startswith("\ufeffid,doc_id,")
    assert next(csv.reader(io.StringIO(text.encode("utf-8").decode("utf-8-sig"))))[0] == "id"


def test_sqlite_tables_keys_and_a_query_an_analyst_asks(files, tmp_path):
    out = tmp_path / "corpus.sqlite"
    result = run("export", *files, "--to", "sqlite", "-o", out)
    assert result.exit_code == 0, result.stderr
    db = sqlite3.connect(out)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"events", "institutions", "people", "places", "documents", "event_institutions", "event_people",
            "event_places"} <= tables
    # all visits hosted by an institution in 2019
    hosted = db.execute("""
        SELECT i.name, e.id FROM events e
        JOIN event_institutions ei ON ei.event_id = e.id AND ei.role = 'host'
        JOIN institutions i ON i.entity_id = ei.entity_id
        WHERE e.event_type = 'visit' AND e.date_start_day BETWEEN '2019-01-01' AND '2019-12-31'
        ORDER BY e.id""").fetchall()
    assert hosted == [(NLE, "report_a:p1:e0"), ("Latvian National Library", "report_b:p2:e0")]
    # each entity once across documents, with the documents that name it
    assert db.execute("SELECT entity_id, n_documents FROM institutions WHERE name = ?", (NLE,)).fetchall() == [
        ("org:national-library-of-estonia:ee", 2)]
    assert db.execute("SELECT COUNT(*) FROM names WHERE entity_id = 'org:national-library-of-estonia:ee'").fetchone() == (2,)
    # every day column casts as a date (DuckDB's CAST(... AS DATE) accepts what sqlite's date() returns unchanged)
    bad = db.execute("""SELECT id FROM events WHERE date_start IS NOT NULL
                        AND (date(date_start_day) IS NOT date_start_day OR date(date_end_day) IS NOT date_end_day)""")
    assert bad.fetchall() == []
    assert db.execute("SELECT date_precision, date_start_day, date_end_day FROM events WHERE id = 'report_a:p3:e0'"
                      ).fetchone() == ("decade", "1920-01-01", "1929-12-31")
    # people with their affiliation's entity; places with their GeoNames id; documents
    assert db.execute("SELECT p.name, ep.role, ep.affiliation_id FROM event_people ep JOIN people p USING (entity_id)"
                      ).fetchall() == [("Nino Kavtaradze", "visitor", "org:national-parliamentary-library-of-georgia:ge")]
    assert db.execute("SELECT name, geonames_id FROM places").fetchall() == [("Tallinn", 588409)]
    assert db.execute("SELECT doc_id, n_paragraphs, n_events FROM documents ORDER BY doc_id").fetchall() == [
        ("report_a", 4, 4), ("report_b", None, 2)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"events_type_date", "event_institutions_entity"} <= indexes
    db.close()


def test_graphml_opens_in_networkx_with_events_as_edges(files, tmp_path):
    out = tmp_path / "network.graphml"
    result = run("export", *files, "--to", "graphml", "-o", out)
    assert result.exit_code == 0, result.stderr
    graph = nx.read_graphml(out, force_multigraph=True)
    nle, georgia = "org:national-library-of-estonia:ee", "org:national-parliamentary-library-of-georgia:ge"
    assert graph.nodes[nle]["label"] == NLE and graph.nodes[nle]["kind"] == "institution"
    assert graph.nodes["person:nino-kavtaradze"]["kind"] == "person"
    between = sorted((d["type"], d.get("date", "")) for d in graph.get_edge_data(nle, georgia).values())
    assert between == [("agreement", "2019"), ("visit", "2019-05-12")]
    assert graph.has_edge("person:nino-kavtaradze", georgia)        # in the visit, and her affiliation
    relations = {d["relation"] for d in graph.get_edge_data("person:nino-kavtaradze", georgia).values()}
    assert relations == {"event", "affiliation"}
    assert to_graph(corpus_of(files)).number_of_edges() == graph.number_of_edges()


def test_jsonld_is_schema_org_with_linked_nodes(files, tmp_path):
    out = tmp_path / "corpus.jsonld"
    result = run("export", *files, "--to", "jsonld", "-o", out)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"]["@vocab"] == "https://schema.org/"
    nodes = {n["@id"]: n for n in doc["@graph"]}
    visit = nodes["ce:event:report_a:p1:e0"]
    assert visit["@type"] == "Event" and visit["startDate"] == visit["endDate"] == "2019-05-12"
    assert visit["organizer"] == [{"@id": "ce:org:national-library-of-estonia:ee"}]
    assert {a["@id"] for a in visit["attendee"]} == {"ce:org:national-parliamentary-library-of-georgia:ge",
                                                      "ce:person:nino-kavtaradze"}
    assert nodes[visit["location"][0]["@id"]]["@type"] == "Place"
    assert nodes[visit["location"][0]["@id"]]["sameAs"].endswith("/588409/")
    linked = {ref["@id"] for n in doc["@graph"] for key in ("organizer", "attendee", "location", "funder")
              for ref in n.get(key, [])}
    assert linked <= set(nodes)
    assert {nodes[i]["@type"] for i in linked} == {"Organization", "Person", "Place"}
    assert to_jsonld(corpus_of(files)) == out.read_text(encoding="utf-8")


def test_jsonl_gives_the_records_back_with_entity_ids(files, tmp_path):
    result = run("export", *files, "--to", "jsonl")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["kind"] for r in records] == ["paragraph"] * 4 + ["event"] * 2
    assert records[4]["institutions"][0] == {**records[4]["institutions"][0], "name": NLE_B, "canonical": NLE,
                                             "entity_id": "org:national-library-of-estonia:ee"}


def test_same_records_same_bytes(files, tmp_path):
    outs = []
    for n, order in enumerate((files, files[::-1])):
        out = tmp_path / f"o{n}.csv"
        assert run("export", *order, "--to", "graphml", "-o", out).exit_code == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


# ---------------------------------------------------------------------------------------------
# Bad input and bad usage


@pytest.mark.parametrize("content, message", [
    ("not json at all\n", "bad.jsonl:2: not JSON"),
    ('{"kind": "event"}\n', "bad.jsonl:2: not a valid event record (id: Field required)"),
    ('\n["a list"]\n', "bad.jsonl:3: not a coopextract record"),
    ('{"kind": "gold"}\n', "bad.jsonl:2: not a coopextract record"),
])
def test_a_bad_file_is_named_with_its_line_and_the_others_are_exported(files, tmp_path, content, message):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(to_json_line(EVENTS_B[0]) + content, encoding="utf-8")   # a good line first: the file fails whole
    out = tmp_path / "out.csv"
    result = run("export", files[0], bad, "--to", "csv", "-o", out)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert message in lines[0] and str(bad) in lines[0] and len(lines) == 2 and "1 of 2 inputs failed" in lines[1]
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == len(EVENTS_A)


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "missing.jsonl", "no such file"),
    (lambda p: p, "is a directory"),
    (lambda p: (p / "latin1.jsonl").write_bytes(b"\xff\xfe caf\xe9") and p / "latin1.jsonl", "not UTF-8"),
])
def test_unreadable_inputs(tmp_path, make, message):
    path = make(tmp_path)
    result = run("export", path, "--to", "csv", "-o", tmp_path / "x.csv")
    assert result.exit_code == 1 and message in result.stderr and str(path) in result.stderr


@pytest.mark.parametrize("args, message", [
    (["--to", "sqlite"], "sqlite needs -o FILE"),
    (["--to", "xml", "-o", "x"], "'xml' is not one of"),
    (["--to", "csv", "-o", "{tmp}"], "is a directory"),
])
def test_bad_usage_exits_2_and_writes_nothing(files, tmp_path, args, message):
    before = sorted(os.listdir(tmp_path))
    result = run("export", files[1], *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 2 and message in re.sub(r"[│╭╮╰╯─\s]+", " ", result.stderr)
    assert sorted(os.listdir(tmp_path)) == before


def test_a_failed_sqlite_write_leaves_no_file(files, tmp_path, monkeypatch):
    import coopextract.review.export as export

    def broken(corpus, path):
        sqlite3.connect(path).execute("CREATE TABLE half (x)").connection.commit()
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "write_sqlite", broken)
    result = run("export", *files, "--to", "sqlite", "-o", tmp_path / "db.sqlite")
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert sorted(os.listdir(tmp_path)) == ["a.jsonl", "b.jsonl"]


def test_an_event_id_given_twice_is_exported_once(files, tmp_path):
    corpus, failed = read_corpus([str(files[1]), str(files[1])], on_error=pytest.fail)
    assert failed == 0 and [e.id for e in corpus.events] == [e.id for e in EVENTS_B]
