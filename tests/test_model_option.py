"""``--model`` / ``coopextract.load(model=...)``: a user's spaCy NER as evidence for the rules
(issue "People and organisations beyond the library world"). The model here is a small saved
pipeline whose ``ner`` is an entity ruler, so the test is exact and needs no download."""

import json
import subprocess
import sys

import pytest
import spacy

import coopextract
from coopextract.errors import ModelsError
from coopextract.extract import extract_source
from coopextract.read import SourceText

TEXT = "On 3 May 2022 the minister met with Home Depot and Laura Bell in Porto."


@pytest.fixture(scope="module")
def model_path(tmp_path_factory):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": "ORG", "pattern": "Home Depot"}, {"label": "PERSON", "pattern": "Laura Bell"}])
    path = tmp_path_factory.mktemp("model") / "tiny_ner"
    nlp.to_disk(path)
    return str(path)


def people(nlp, text=TEXT):
    return [p.name for r in extract_source(SourceText(path="t", text=text, name="t"), nlp=nlp) for p in r.people]


def test_without_a_model_the_rules_alone_decide():
    assert "Home Depot" in people(coopextract.load())      # "met with" + two capitalised words


def test_the_model_vetoes_a_name_it_calls_an_organisation(model_path):
    nlp = coopextract.load(model=model_path)
    assert nlp.pipe_names[:3] == ["coop_segment", "model_ner", "coop_model_ents"]
    found = people(nlp)
    assert "Home Depot" not in found
    assert "Laura Bell" in found


def test_the_model_confirms_a_name_the_rules_had_no_evidence_for(model_path):
    text = "The report was read by Laura Bell."
    assert "Laura Bell" in people(coopextract.load(model=model_path))


def test_a_model_that_does_not_load_is_a_clear_error():
    with pytest.raises(ModelsError, match="no_such_model"):
        coopextract.load(model="no_such_model")


def test_cli_model_option(model_path, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "coopextract.run.cli", "extract", str(src), "--model", model_path],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    names = [p["name"] for line in run.stdout.splitlines() for p in json.loads(line)["people"]]
    assert "Home Depot" not in names and "Laura Bell" in names
    bad = subprocess.run([sys.executable, "-m", "coopextract.run.cli", "extract", str(src), "--model", "no_such_model"],
                         capture_output=True, text=True)
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1 and "no_such_model" in bad.stderr
