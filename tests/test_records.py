"""Records reject impossible values; `coopextract schema` validates every line extract writes."""

import json

import jsonschema
import pytest
from pydantic import ValidationError

from coopextract import extract_text
from coopextract.records import (EVENT_TYPES, DateValue, Event, Institution, Paragraph, Person, Source,
                                 json_schema, to_json_line)

SOURCE = {"path": "a.txt", "page": None, "paragraph": 0, "char_start": 0, "char_end": 40}
DATE = {"text": "26–29 December 2022", "edtf": "2022-12-26/2022-12-29", "start": "2022-12-26",
        "end": "2022-12-29", "precision": "day", "inferred": False, "char_start": 3, "char_end": 22,
        "planned": False}
EVENT = {"id": "a:p0:e0", "doc_id": "a", "source": SOURCE, "event_type": "visit", "date": DATE,
         "evidence": "A delegation visited the library.", "confidence": 0.8}


def with_(base, **changes):
    return {**base, **changes}


@pytest.mark.parametrize("model, data", [
    (Source, SOURCE),
    (DateValue, DATE),
    (DateValue, with_(DATE, text="the 1920s–1930s", edtf="192X/193X", start="1920", end="1939",
                      precision="decade")),
    (DateValue, with_(DATE, text="since 2016", edtf="2016/..", start="2016", end=None, precision="year")),
    (DateValue, with_(DATE, text="May 2019", edtf="2019-05", start="2019-05", end="2019-05",
                      precision="month")),
    (Event, EVENT),
    (Person, {"name": "Ana Silva", "title": "Dr.", "role": None, "affiliation": None,
              "char_start": 0, "char_end": 9}),
    (Institution, {"name": "National Library", "acronym": "NL", "country": "AZ", "char_start": 1,
                   "char_end": 17}),
])
def test_valid_records_are_accepted(model, data):
    dumped = model.model_validate(data).model_dump(mode="json")
    assert {key: dumped[key] for key in data} == data


@pytest.mark.parametrize("model, data, reason", [
    (Source, with_(SOURCE, char_start=50, char_end=40), "char_end"),
    (Source, with_(SOURCE, char_start=-1), "greater than or equal"),
    (Source, with_(SOURCE, page=0), "greater than or equal"),
    (Source, with_(SOURCE, extra_field=1), "Extra inputs"),
    (DateValue, with_(DATE, edtf="2022-13-45"), "EDTF"),
    (DateValue, with_(DATE, edtf="December 2022"), "EDTF"),
    (DateValue, with_(DATE, start="2022-12-30", end="2022-12-29"), "after"),
    (DateValue, with_(DATE, start="2023", end="2022-12"), "after"),
    (DateValue, with_(DATE, start="22-12-2022"), "partial ISO"),
    (DateValue, with_(DATE, start="2022-02-30x"), "partial ISO"),
    (DateValue, with_(DATE, precision="week"), "precision"),
    (DateValue, with_(DATE, char_start=30, char_end=3), "char_end"),
    (Event, with_(EVENT, event_type="party"), "event_type"),
    (Event, with_(EVENT, confidence=1.5), "confidence"),
    (Event, with_(EVENT, kind="paragraph"), "kind"),
    (Event, with_(EVENT, trigger_char_start=9, trigger_char_end=2), "trigger_char_end"),
    (Institution, {"name": "X Library", "country": "Azerbaijan", "char_start": 0, "char_end": 9}, "country"),
    (Person, {"name": "", "char_start": 0, "char_end": 0}, "name"),
])
def test_impossible_values_are_rejected(model, data, reason):
    with pytest.raises(ValidationError, match=reason):
        model.model_validate(data)


def test_every_event_type_of_the_spec_is_accepted():
    assert set(EVENT_TYPES) == {"visit", "meeting", "agreement", "donation", "exchange", "conference", "training",
                                "exhibition", "business_trip", "webinar", "publication", "founding", "project",
                                "other"}
    for event_type in EVENT_TYPES:
        Event.model_validate(with_(EVENT, event_type=event_type))


TEXT = """1. Cooperation

On 12 May 2019 a delegation of the National Library of Georgia visited the Central Scientific Library in
Baku and met its director, Dr. Ana Silva. The sides signed a memorandum on the exchange of publications.

During 2020–2021 the library organised webinars and, since 2016, it has received books from Ankara.

References

Smith, J. (2019). Libraries across borders. London: Facet.
"""


@pytest.mark.parametrize("level", ["paragraph", "event"])
def test_written_lines_validate_against_the_printed_schema(level):
    schema = json_schema(level)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    paragraphs = extract_text(TEXT, doc_id="coop")
    records = paragraphs if level == "paragraph" else [e for p in paragraphs for e in p.events]
    for record in records:
        line = to_json_line(record)
        assert line.endswith("\n") and "\n" not in line[:-1]
        validator.validate(json.loads(line))


@pytest.mark.parametrize("level, bad", [
    ("paragraph", {"kind": "event"}),
    ("paragraph", {"source": {"path": "a", "paragraph": -1, "char_start": 0, "char_end": 1}}),
    ("event", {"event_type": "party"}),
    ("event", {"confidence": 2}),
])
def test_the_schema_rejects_bad_lines(level, bad):
    good = (Paragraph(doc_id="a", source=Source(**SOURCE), text="x") if level == "paragraph"
            else Event.model_validate(EVENT))
    data = {**json.loads(to_json_line(good)), **bad}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema(level))


def test_lines_are_utf8_without_ascii_escapes():
    line = to_json_line(Paragraph(doc_id="a", source=Source(**SOURCE), text="Kütüphane — Москва"))
    assert "Kütüphane — Москва" in line
