"""coopextract.load(): the whole extraction is one spaCy pipeline a user can save, load and edit."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import coopextract
from coopextract.pipeline.build import COMPONENTS

SEED = Path(__file__).resolve().parents[1] / "corpus" / "raw" / "presidential_library_visits.txt"


def _fresh(code: str) -> str:
    """Run ``code`` in a new interpreter that has not imported coopextract; its stdout."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_a_component_can_be_added_without_importing_coopextract():
    out = _fresh(
        "import sys, spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('sentencizer')\n"
        "nlp.add_pipe('coop_dates')\n"
        "doc = nlp('The agreement was signed on 12 March 2021 in Porto.')\n"
        "print([s.text for s in doc.spans['dates']])\n"
    )
    assert out.strip() == "['12 March 2021']"


def test_one_doc_per_document_carries_paragraphs_events_groups_and_ents():
    nlp = coopextract.load()
    assert nlp.pipe_names == list(COMPONENTS)
    text = ("Helsinki, 4 May 2023\n\nOn 2 May 2023 a delegation of the National Library of Finland "
            "visited the University of Bergen Library. Director Anna Virtanen signed a memorandum "
            "of understanding with the library.\n\nThe guests toured the reading rooms.")
    doc = nlp(text)
    assert doc.text == text
    assert [p._.paragraph.index for p in doc.spans["paragraphs"]] == [0, 1, 2]
    assert [p.kind for p in [s._.paragraph for s in doc.spans["paragraphs"]]] == ["body"] * 3
    assert {e.event_type for e in doc._.events} >= {"visit", "agreement"}
    assert [p.source.paragraph for p in doc._.paragraphs] == [0, 1, 2]
    labels = {e.label_ for e in doc.ents}
    assert {"PERSON", "ORG", "DATE"} <= labels
    assert "Anna Virtanen" in {e.text for e in doc.ents if e.label_ == "PERSON"}
    # every span of a group cuts its text back out of the document
    for group in ("dates", "people", "institutions", "locations", "event_triggers"):
        for span in doc.spans[group]:
            assert text[span.start_char:span.end_char] == span.text
    # a sentence never runs across a paragraph break
    starts = {p.start for p in doc.spans["paragraphs"]}
    assert starts <= {s.start for s in doc.sents}


def _event_count_of_cli(path: Path) -> int:
    out = subprocess.run([sys.executable, "-m", "coopextract.run.cli", "extract", str(path), "--level", "event"],
                         capture_output=True, text=True, check=True, timeout=300)
    return len(out.stdout.splitlines())


def test_saved_pipeline_loads_in_a_fresh_process_and_uses_its_own_rules(tmp_path):
    saved = tmp_path / "pipeline"
    coopextract.load().to_disk(saved)
    assert (saved / "coop_triggers" / "event_triggers.jsonl").exists()
    script = (
        "import json, sys, spacy\n"
        f"nlp = spacy.load({str(saved)!r})\n"
        f"doc = nlp(open({str(SEED)!r}, encoding='utf-8').read())\n"
        "print(json.dumps({'events': [e.event_type for e in doc._.events],"
        " 'labels': sorted({e.label_ for e in doc.ents})}))\n"
    )
    before = json.loads(_fresh(script))
    assert len(before["events"]) == _event_count_of_cli(SEED) > 0
    assert {"PERSON", "ORG", "DATE"} <= set(before["labels"])
    assert "visit" in before["events"]

    # Edit the saved rules: without the visit triggers and predicates, the loaded pipeline finds no visit.
    for name in ("event_triggers.jsonl", "event_predicates.jsonl"):
        rules = saved / "coop_triggers" / name
        kept = [line for line in rules.read_text(encoding="utf-8").splitlines()
                if not (line.strip().startswith("{") and json.loads(line).get("type") == "visit")]
        rules.write_text("\n".join(kept) + "\n", encoding="utf-8")
    after = json.loads(_fresh(script))
    assert "visit" not in after["events"]
    assert len(after["events"]) < len(before["events"])


def test_a_rules_folder_reaches_the_document_level_stages(tmp_path):
    """An edited rule file of a document-level stage (event places) in a models_dir given to
    load() changes what that stage does — the folder reaches every stage, not only the first."""
    import shutil

    from coopextract.resources import models_dir

    rules = tmp_path / "models"
    shutil.copytree(models_dir(), rules)
    text = "On 3 June 2022 the director travelled to Bergen and worked at the University of Bergen Library."
    default = [loc.name for e in coopextract.load()(text)._.events for loc in e.locations]
    assert default == ["Bergen"]
    places = rules / "event_places.jsonl"
    kept = [line for line in places.read_text(encoding="utf-8").splitlines()
            if not (line.strip().startswith("{") and "to" in json.loads(line).get("words", []))]
    places.write_text("\n".join(kept) + "\n", encoding="utf-8")
    edited = [loc.name for e in coopextract.load(models_dir=str(rules))(text)._.events for loc in e.locations]
    assert edited != default


def test_a_rule_component_alone_on_a_user_doc_keeps_its_group_on_that_doc():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("coop_locations")
    nlp.add_pipe("coop_institutions")
    doc = nlp("She studied at the National Library of Estonia in Tallinn.")
    assert [s.text for s in doc.spans["institutions"]] == ["National Library of Estonia"]
    assert [s.text for s in doc.spans["locations"]] == ["Tallinn"]


@pytest.mark.parametrize("name", COMPONENTS)
def test_every_component_declares_what_it_assigns(name):
    from spacy.language import Language

    assert Language.get_factory_meta(name).assigns, name


def test_a_place_ruled_out_by_a_later_component_is_marked_not_removed():
    doc = coopextract.load()("The Library of Tallinn University hosted Maria Porto. She then visited Porto.")
    marks = [(s.text, s._.veto) for s in doc.spans["locations"]]
    assert marks == [("Tallinn", "coop_institutions"), ("Porto", "coop_people"), ("Porto", None)]
    assert [loc.name for loc in doc._.locations] == ["Porto"]
