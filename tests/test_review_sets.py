"""Per-set evaluation (issue 13), the floors file per set, gold 1.1 event keys, event-type colours
from data, and the one matcher shared by `coopextract evaluate` and the review page."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopextract.event_types import event_types
from coopextract.extract import extract_source
from coopextract.read import read
from coopextract.records import EVENT_TYPES, Paragraph, Source
from coopextract.review.evaluate import (
    FIELDS,
    GoldError,
    compare_document,
    evaluate_corpus,
    evaluate_document,
    gold_hash,
    gold_paragraph,
    gold_sets,
    load_gold,
    main,
    records_text,
    run_evaluate,
    write_floors,
)
from coopextract.review.render import UNKNOWN_TYPE_COLOUR, GoldDiff, gold_diff, render_diff, type_colour
from coopextract.run.cli import app

ROOT = Path(__file__).resolve().parents[1]

NOTE = "On 12 May 2019 a delegation of the National Library of Estonia visited the library in Tartu."
VISIT = "On 3 June 2021 the director of the National Library of Latvia visited Vilnius."


def add_document(gold_dir: Path, raw_dir: Path, name: str, text: str, institution: str, date: str, place: str):
    gold_dir.mkdir(parents=True, exist_ok=True)
    raw_dir.mkdir(parents=True, exist_ok=True)
    (raw_dir / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    (gold_dir / f"{name}.json").write_text(json.dumps({
        "doc": f"{name}.txt",
        "events": [{"date_start": date, "date_end": None, "event_type": "visit", "people": [],
                    "institutions": [institution], "locations": [place], "evidence": text}],
        "people": [], "institutions": [institution], "dates": [date]}), encoding="utf-8")


@pytest.fixture()
def repo(tmp_path):
    """A repository root with the bundled set (one document) and an empty development set."""
    add_document(tmp_path / "corpus" / "gold", tmp_path / "corpus" / "raw", "note", NOTE,
                 "National Library of Estonia", "2019-05-12", "Tartu")
    (tmp_path / "corpus" / "dev" / "gold").mkdir(parents=True)
    return tmp_path


def add_dev(root: Path):
    add_document(root / "corpus" / "dev" / "gold", root / "corpus" / "dev" / "raw", "visit", VISIT,
                 "National Library of Latvia", "2021-06-03", "Vilnius")


# ---------------------------------------------------------------- coopextract evaluate, per set

def test_an_empty_development_set_is_skipped_with_a_note(repo):
    text = run_evaluate(root=repo)
    assert "== corpus:" in text and "== dev: skipped" in text and "no gold files" in text
    out = json.loads(run_evaluate(root=repo, as_json=True))
    assert list(out["sets"]) == ["corpus"] and "dev" in out["skipped"]
    assert out["micro"] == out["sets"]["corpus"]["micro"] and set(out["documents"]) == {"note"}


def test_each_set_gets_a_table_and_the_total_sums_them(repo):
    add_dev(repo)
    text = run_evaluate(root=repo)
    assert text.index("== corpus:") < text.index("== dev:") < text.index("== all sets: corpus, dev, 2 documents")
    out = json.loads(run_evaluate(root=repo, as_json=True, show_errors=True))
    assert list(out["sets"]) == ["corpus", "dev"] and out["skipped"] == {}
    # the bundled set's documents keep their bare ids (what consumers read before sets); others are prefixed
    assert set(out["documents"]) == set(out["errors"]) == {"note", "dev/visit"}
    assert out["documents"]["dev/visit"] == out["sets"]["dev"]["documents"]["visit"]
    for fld in FIELDS:
        assert out["micro"][fld]["tp"] == sum(out["sets"][s]["micro"][fld]["tp"] for s in ("corpus", "dev"))


def test_an_explicit_pair_is_that_pair_alone(repo):
    add_dev(repo)
    gold, raw = repo / "corpus" / "dev" / "gold", repo / "corpus" / "dev" / "raw"
    text = run_evaluate(gold, raw)
    assert "==" not in text and "visit" in text and "note" not in text
    out = json.loads(run_evaluate(gold, raw, as_json=True))
    assert set(out) == {"micro", "documents"} and set(out["documents"]) == {"visit"}


def test_the_command_scores_every_set_unless_given_a_pair(repo, monkeypatch):
    add_dev(repo)
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(app, ["evaluate", "--json"])
    assert result.exit_code == 0, result.output
    assert list(json.loads(result.stdout)["sets"]) == ["corpus", "dev"]
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(repo / "corpus" / "dev" / "gold"),
                                      "--raw", str(repo / "corpus" / "dev" / "raw"), "--json"])
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.stdout)["documents"]) == {"visit"}


def test_no_set_with_gold_is_an_error(tmp_path):
    with pytest.raises(GoldError, match="no gold files"):
        run_evaluate(root=tmp_path)


# ---------------------------------------------------------------- floors per set

def test_update_hash_keeps_floors_and_comment_write_floors_sets_them(repo):
    floors = repo / "floors.json"
    floors.write_text(json.dumps({"dev": {"comment": "set by the lead", "gold_sha256": "0" * 64,
                                          "f1": {f: 0.0 for f in FIELDS}}}), encoding="utf-8")
    add_dev(repo)
    dev = gold_sets(repo, names=["dev"])
    written = write_floors(floors, dev, hash_only=True)["dev"]
    assert written["gold_sha256"] == gold_hash(dev[0].gold, dev[0].raw)
    assert written["comment"] == "set by the lead" and set(written["f1"].values()) == {0.0}
    written = write_floors(floors, dev)["dev"]
    assert written["comment"] == "set by the lead"
    assert written["f1"] == {f: round(s.f1, 4) for f, s in evaluate_corpus(dev[0].gold, dev[0].raw)[1].items()}
    assert json.loads(floors.read_text(encoding="utf-8"))["dev"] == written


def test_a_pair_cannot_be_written_as_floors(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--gold", "x", "--raw", "y", "--write-floors"])
    assert exit_.value.code == 2


def test_the_floors_file_has_the_bundled_and_development_sets():
    floors = json.loads((ROOT / "corpus" / "floors.json").read_text(encoding="utf-8"))
    assert set(floors) == {s.name for s in gold_sets(ROOT)}
    assert all(set(entry["f1"]) == set(floors["corpus"]["f1"]) for entry in floors.values())


# ---------------------------------------------------------------- gold 1.1 event keys

def write_gold_event(tmp_path, **extra) -> Path:
    event = {"date_start": None, "event_type": "agreement", "evidence": "They signed."}
    event.update(extra)
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"doc": "a.txt", "events": [event]}), encoding="utf-8")
    return path


def test_gold_reads_participants_modality_and_mentions(tmp_path):
    gold = load_gold(write_gold_event(tmp_path, participants=[{"role": "party", "name": "NLE"}],
                                      modality="planned", mentions=["The memorandum was signed."]))
    event = gold.events[0]
    assert (event.participants, event.modality, event.mentions) == (
        [{"role": "party", "name": "NLE"}], "planned", ["The memorandum was signed."])
    assert load_gold(write_gold_event(tmp_path)).events[0].modality == "asserted"


@pytest.mark.parametrize("extra, reason", [
    ({"modality": "rumoured"}, "modality"),
    ({"participants": [{"role": "party"}]}, "participant"),
    ({"participants": [{"role": "party", "name": "X", "kind": "institution"}]}, "participant"),
    ({"mentions": "one sentence"}, "mentions"),
])
def test_gold_1_1_keys_are_checked(tmp_path, extra, reason):
    with pytest.raises(GoldError, match=reason):
        load_gold(write_gold_event(tmp_path, **extra))


# ---------------------------------------------------------------- event-type colours are data

def test_every_event_type_has_its_data_colour():
    assert EVENT_TYPES == tuple(event_types())
    for name, info in event_types().items():
        assert type_colour(name) == info.colour


def test_an_unknown_event_type_is_drawn_grey_not_a_key_error(tmp_path):
    assert type_colour("symposium") == UNKNOWN_TYPE_COLOUR
    gold = load_gold(write_gold_event(tmp_path, event_type="symposium"))
    diff = GoldDiff(fields={f: compare_document([], gold)[f].score for f in ("people", "institutions", "dates")},
                    missed={"events": gold.events})
    diff.fields["events"] = compare_document([], gold)["typed_events"].score
    assert f"background:{UNKNOWN_TYPE_COLOUR}" in render_diff(diff)


# ---------------------------------------------------------------- one matcher

def paragraph(n: int, start: int, text: str) -> Paragraph:
    return Paragraph(doc_id="d", source=Source(path="d.txt", paragraph=n, char_start=start, char_end=start + len(text)),
                     section=None, text=text)


@pytest.mark.parametrize("evidence, expected", [
    ("It rained.", 0),
    ("The  delegation\narrived.", 1),         # spacing relaxed
    ("It rained. The delegation", 0),         # across a paragraph break: where it starts
    ("It snowed.", None),
])
def test_gold_evidence_is_located_in_the_records_text(evidence, expected):
    paragraphs = [paragraph(0, 0, "It rained."), paragraph(1, 12, "The delegation arrived.")]
    assert gold_paragraph(records_text(paragraphs), paragraphs, evidence) == expected


@pytest.mark.parametrize("gold_path", sorted((ROOT / "corpus" / "gold").glob("*.json")), ids=lambda p: p.stem)
def test_the_review_page_counts_what_evaluate_counts(gold_path):
    gold = load_gold(gold_path)
    paragraphs = extract_source(read(ROOT / "corpus" / "raw" / gold.doc))
    scores, _ = evaluate_document(gold, ROOT / "corpus" / "raw")
    page = gold_diff(paragraphs, gold).fields
    for fld in ("dates", "people", "institutions"):
        assert page[fld] == scores[fld], fld
    assert page["events"] == scores["typed_events"]
