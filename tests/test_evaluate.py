"""coopextract evaluate: matching rules, the strict gold loader, the gold corpus itself, and the
command on a small corpus built here."""

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopextract.run.cli import app
from coopextract.review.evaluate import (
    FIELDS,
    GoldError,
    Score,
    canonical_names,
    date_key,
    gold_hash,
    load_gold,
    match_events,
    match_sets,
    normalise_name,
    run_evaluate,
)
from coopextract.read import read
from coopextract.records import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR, RAW_DIR = ROOT / "corpus" / "gold", ROOT / "corpus" / "raw"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))
DATE_FORM = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/(\d{4}(-\d{2}(-\d{2})?)?|\.\.))?$")


@pytest.mark.parametrize("name, expected", [
    ("Gulcan Çakır", "gulcan cakir"),
    ("  Dr.  Jan   Michałowski ", "dr jan michalowski"),
    ("Kunslu Serikovna İsinova", "kunslu serikovna isinova"),
    ("Rūta Valaitienė", "ruta valaitiene"),
    ("Eurasian Librarians` Association", "eurasian librarians association"),
    ("Matenadaran – Mesrop Mashtots Institute", "matenadaran mesrop mashtots institute"),
    ("Ferhad Oztürk", "ferhad ozturk"),
])
def test_normalise_name(name, expected):
    assert normalise_name(name) == expected


@pytest.mark.parametrize("start, end, edtf, expected", [
    ("2019-05-03", "2019-05-03", "2019-05-03", "2019-05-03"),
    ("2019-05", None, "2019-05", "2019-05"),
    ("2022-12-26", "2022-12-29", "2022-12-26/2022-12-29", "2022-12-26/2022-12-29"),
    ("1990", "1999", "199X", "1990/1999"),
    ("2016", None, "2016/..", "2016/.."),
    (None, None, "", None),
])
def test_date_key(start, end, edtf, expected):
    assert date_key(start, end, edtf) == expected


@pytest.mark.parametrize("predicted, gold, aliases, expected", [
    ("Mayil Ahmedov", ["Mayil Ahmadov"], {}, "mayil ahmadov"),           # spelling variant
    ("Aziz Aliyev", ["Ilham Aliyev"], {}, "aziz aliyev"),                # same surname, other person
    ("CSL", ["Central Scientific Library"], {"CSL": "Central Scientific Library"}, "central scientific library"),
    ("Tomasz Wojcik", ["Tomasz Wójcik"], {}, "tomasz wojcik"),            # diacritics only
    ("Bilkent University Library", ["Bilkent University"], {}, "bilkent university library"),
])
def test_canonical_names(predicted, gold, aliases, expected):
    assert canonical_names([predicted], gold, aliases)[predicted] == expected


def test_sets_count_each_distinct_value_once():
    score, fps, fns = match_sets({"2019": "2019", "2020": "2020"}, ["2019", "2021"], normalise=lambda v: v)
    assert (score.tp, score.fp, score.fn) == (1, 1, 1)
    assert fps == ["2020"] and fns == ["2021"]


@pytest.mark.parametrize("predicted, gold, typed, expected", [
    # one-to-one: two predictions of one gold event leave one false positive
    ([("2019-05-03", 2, "visit"), ("2019-05-03", 2, "visit")], [("2019-05-03", 2, "visit")], False, (1, 1, 0)),
    # untyped events ignore the type, typed events do not
    ([("2019-05-03", 2, "meeting")], [("2019-05-03", 2, "visit")], False, (1, 0, 0)),
    ([("2019-05-03", 2, "meeting")], [("2019-05-03", 2, "visit")], True, (0, 1, 1)),
    # a same-type candidate is taken first, so the other gold event still finds its match
    ([("2019", 1, "visit"), ("2019", 1, "donation")], [("2019", 1, "donation"), ("2019", 1, "visit")], True, (2, 0, 0)),
    # the paragraph must agree when the gold evidence was located
    ([("2019", 3, "visit")], [("2019", 4, "visit")], False, (0, 1, 1)),
    ([("2019", 3, "visit")], [("2019", None, "visit")], False, (1, 0, 0)),
    # undated events match undated events in the same paragraph
    ([(None, 5, "publication")], [(None, 5, "publication")], True, (1, 0, 0)),
    ([("2020", 5, "publication")], [(None, 5, "publication")], True, (0, 1, 1)),
])
def test_match_events(predicted, gold, typed, expected):
    score, _, _ = match_events(predicted, gold, typed)
    assert (score.tp, score.fp, score.fn) == expected


def test_untyped_matching_leaves_the_gold_event_of_another_type_unmatched():
    # the gold founding comes first and has no founding to match: it must not take the
    # agreement, which the gold agreement after it has of its own type
    predicted = [("2005-09", 1, "agreement")]
    gold = [("2005-09", 1, "founding"), ("2005-09", 1, "agreement")]
    score, free, fns = match_events(predicted, gold, False)
    assert (score.tp, score.fp, score.fn) == (1, 0, 1)
    assert fns == [0]


@pytest.mark.parametrize("tp, fp, fn, p, r, f1", [
    (3, 1, 0, 0.75, 1.0, 0.857),
    (0, 0, 0, 1.0, 1.0, 1.0),
    (0, 2, 0, 0.0, 1.0, 0.0),
    (0, 0, 4, 0.0, 0.0, 0.0),
])
def test_score(tp, fp, fn, p, r, f1):
    s = Score(tp, fp, fn)
    assert (round(s.precision, 3), round(s.recall, 3), round(s.f1, 3)) == (p, r, f1)


@pytest.mark.parametrize("content, reason", [
    ('{"doc": "a.txt", "people": [], "persons": []}', "unknown keys"),
    ('{"events": []}', "'doc' key"),
    ('{"doc": "a.txt", "events": [{"event_type": "visit"}]}', "lacks"),
    ('{"doc": "a.txt", "people": [1]}', "list of strings"),
    ("{not json", "cannot read"),
])
def test_load_gold_is_strict(tmp_path, content, reason):
    path = tmp_path / "a.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=reason) as err:
        load_gold(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


# ---------------------------------------------------------------- the gold corpus itself

def test_the_corpus_has_gold_for_every_raw_document():
    raw = {p.name for p in RAW_DIR.iterdir() if p.is_file()}
    assert len(GOLD_FILES) >= 5
    assert raw == {json.loads(g.read_text(encoding="utf-8"))["doc"] for g in GOLD_FILES}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_is_consistent_with_its_document(path):
    gold = load_gold(path)
    text = read(RAW_DIR / gold.doc).text
    flat = " ".join(text.split())
    assert gold.events and gold.people and gold.institutions and gold.dates
    for value in gold.dates:
        assert DATE_FORM.match(value), f"{path.name}: date {value!r} is not START or START/END"
    for ev in gold.events:
        assert ev.event_type in EVENT_TYPES
        assert " ".join(ev.evidence.split()) in flat, f"{path.name}: evidence not verbatim: {ev.evidence[:60]!r}"
        assert set(ev.people) <= set(gold.people), f"{path.name}: event people missing from 'people'"
        assert set(ev.institutions) <= set(gold.institutions), f"{path.name}: event institutions missing"
        if ev.date_start is not None:
            assert DATE_FORM.match(ev.date_start) and (ev.date_end is None or DATE_FORM.match(ev.date_end))
    for canonical in gold.aliases.values():
        assert canonical in gold.people + gold.institutions, f"{path.name}: alias target {canonical!r} unknown"
    assert len(set(map(normalise_name, gold.people))) == len(gold.people), "duplicate people"
    assert len(set(map(normalise_name, gold.institutions))) == len(gold.institutions), "duplicate institutions"


def test_gold_hash_notices_an_edit(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "raw" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "gold" / "a.json").write_text('{"doc": "a.txt"}', encoding="utf-8")
    before = gold_hash(tmp_path / "gold", tmp_path / "raw")
    (tmp_path / "raw" / "a.txt").write_text("y", encoding="utf-8")
    assert gold_hash(tmp_path / "gold", tmp_path / "raw") != before


# ---------------------------------------------------------------- the command

@pytest.fixture()
def small_corpus(tmp_path):
    raw, gold = tmp_path / "raw", tmp_path / "gold"
    raw.mkdir()
    gold.mkdir()
    (raw / "note.txt").write_text(
        "On 12 May 2019 a delegation of the National Library of Estonia visited the library in Tartu.\n",
        encoding="utf-8")
    (gold / "note.json").write_text(json.dumps({
        "doc": "note.txt",
        "events": [{"date_start": "2019-05-12", "date_end": None, "event_type": "visit", "people": [],
                    "institutions": ["National Library of Estonia"], "locations": ["Tartu"],
                    "evidence": "On 12 May 2019 a delegation of the National Library of Estonia visited the library in Tartu."}],
        "people": ["Someone Not In The Text"],
        "institutions": ["National Library of Estonia"],
        "dates": ["2019-05-12"]}), encoding="utf-8")
    return gold, raw


def test_json_output_has_every_field_per_document(small_corpus):
    out = json.loads(run_evaluate(*small_corpus, as_json=True))
    assert set(out["micro"]) == set(FIELDS) and set(out["documents"]) == {"note"}
    assert out["micro"]["people"]["fn"] == 1 and out["micro"]["people"]["recall"] == 0.0
    for scores in out["micro"].values():
        assert 0.0 <= scores["f1"] <= 1.0


def test_errors_name_the_missed_value_and_its_paragraph(small_corpus):
    text = run_evaluate(*small_corpus, show_errors=True)
    assert "ALL (micro)" in text
    assert "FN 'Someone Not In The Text'" in text


def test_cli_evaluate(small_corpus):
    gold, raw = small_corpus
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(gold), "--raw", str(raw), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"]["note"]["events"]["fn"] + \
        json.loads(result.stdout)["documents"]["note"]["events"]["tp"] == 1


def test_cli_evaluate_without_gold_is_bad_usage(tmp_path):
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(tmp_path), "--raw", str(tmp_path)])
    assert result.exit_code == 2
    assert "no gold files" in result.stderr
