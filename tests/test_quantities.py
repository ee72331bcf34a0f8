"""Counts of items given or exchanged: value, approximate, what; never years, ordinals, dates."""

import json

import pytest
import spacy

from coopextract.pipeline.events.triggers import QUANTITY_FILE, find_quantities, load_quantity_rules, number_value
from coopextract.errors import ModelsError
from coopextract.resources import models_path


@pytest.fixture(scope="module")
def rules():
    return load_quantity_rules(models_path(QUANTITY_FILE))


@pytest.fixture(scope="module")
def tokenizer():
    return spacy.blank("en").tokenizer


def counts(sentence, rules, tokenizer):
    words = [t.text for t in tokenizer(sentence)]
    return [(q["value"], q["approximate"], q["what"], " ".join(words[s:e]))
            for s, e, q in find_quantities(words, rules)]


@pytest.mark.parametrize("sentence, expected", [
    ("Nearly 150 examples of Azerbaijani literature were sent to Ankara.",
     [(150, True, "examples of Azerbaijani literature")]),
    ("Over the year, 9,275 printed items were sent abroad.", [(9275, False, "printed items")]),
    ("The Embassy gave a collection of approximately 60 items.", [(60, True, "items")]),
    ("The library cooperated with around 130 organizations in 46 countries.",
     [(130, True, "organizations in 46 countries")]),
    ("By 1934 the collection included 46.5 thousand copies of journals.", [(46500, False, "copies of journals")]),
    ("Twelve volumes of the encyclopaedia were donated.", [(12, False, "volumes of the encyclopaedia")]),
    ("In addition, more than 40 books and journals were received.", [(40, True, "books and journals")]),
    ("The reading room welcomed over 2,000 visitors.", [(2000, True, "visitors")]),
    ("The university presented 35 rare maps to the museum.", [(35, False, "rare maps")]),
])
def test_counts_of_items(sentence, expected, rules, tokenizer):
    assert [c[:3] for c in counts(sentence, rules, tokenizer)] == expected


@pytest.mark.parametrize("sentence", [
    "The Library sent abroad three to four times more publications than it received.",
    "In 1960 the library received new books from Prague.",
    "He attended the 27th Annual Meeting of the association.",
    "The mosque is more than 250 years old.",
    "On May 6, 2019, the guests arrived in Minsk.",
    "From 18–23 December they trained the staff of regional libraries.",
    "Exchange operations conducted in 1955–1958 grew by 20 percent.",
    "On December, 3, the deputy director visited the library.",
])
def test_not_counts(sentence, rules, tokenizer):
    assert counts(sentence, rules, tokenizer) == []


def test_span_covers_approximator_number_and_what(rules, tokenizer):
    [(_, _, _, text)] = counts("The guests donated almost 300 books to the library.", rules, tokenizer)
    assert text == "almost 300 books"


@pytest.mark.parametrize("words, expected", [
    (["1,250", "books"], (1250, 1)),
    (["three", "hundred"], (300, 2)),
    (["2.5", "million"], (2500000, 2)),
    (["2.5", "books"], None),
    (["21st"], None),
    (["books"], None),
])
def test_number_value(words, expected, rules):
    assert number_value(words, rules) == expected


def _write(tmp_path, rows):
    path = tmp_path / QUANTITY_FILE
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _valid_rows():
    return [json.loads(line) for line in models_path(QUANTITY_FILE).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("mutate, reason", [
    (lambda rows: rows[0].update(note="x"), "unknown keys"),
    (lambda rows: rows[0].update(kind="colour"), "kind must be one of"),
    (lambda rows: rows.pop(), "missing kinds"),
    (lambda rows: rows.append(dict(rows[0], id="again")), "given twice"),
    (lambda rows: rows[1].update(words=["one", "two"]), "map each word to an integer"),
])
def test_loader_rejects_malformed_rules(tmp_path, mutate, reason):
    rows = _valid_rows()
    mutate(rows)
    with pytest.raises(ModelsError, match=reason) as error:
        load_quantity_rules(_write(tmp_path, rows))
    assert str(error.value).startswith(str(tmp_path))
    assert "\n" not in str(error.value)
