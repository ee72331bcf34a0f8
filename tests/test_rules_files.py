"""Every rule file in models/ loads through its strict loader; a new file needs a loader here."""

import importlib.util
import json
import shutil

import pytest

from coopextract.errors import ModelsError
from coopextract.event_types import event_types
from coopextract.pipeline.dates.find_dates import load_date_patterns
from coopextract.pipeline.dates.normalise import load_date_words, load_month_names
from coopextract.pipeline.events.assemble import load_context_cues, load_place_cues
from coopextract.pipeline.events.roles import load_role_rules
from coopextract.pipeline.events.triggers import (load_cue_rules, load_language_forms, load_lemma_forms,
                                                  load_predicate_rules, load_quantity_rules, load_trigger_rules)
from coopextract.pipeline.lexicon import load_function_words, load_lexicon, load_name_forms, read_jsonl, read_tsv, read_word_list
from coopextract.pipeline.segment import heading_names
from coopextract.read.text import legacy_encodings
from coopextract.resources import models_dir


def _aliases(path):
    spec = importlib.util.spec_from_file_location("build_gazetteer", path.parent / "build_gazetteer.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    rows = [line.split("\t") for _, line in read_word_list(path)]
    assert all(len(row) in (2, 3, 4) for row in rows)
    assert all(row[3] in builder.CASE_ENDINGS for row in rows if len(row) == 4)   # a language whose cases it makes
    return rows


LOADERS = {
    "date_words.jsonl": load_date_words,
    "date_patterns.jsonl": lambda p: load_date_patterns(p, load_date_words(p.parent / "date_words.jsonl")),
    "month_names.tsv": lambda p: load_month_names(p, "intl"),
    "event_triggers.jsonl": load_trigger_rules,
    "event_predicates.jsonl": lambda p: load_predicate_rules(p, load_lemma_forms(p.parent / "lemma_forms.tsv"),
                                                             load_language_forms(p.parent / "lemma_forms_languages.tsv")),
    "lemma_forms.tsv": load_lemma_forms,
    "lemma_forms_languages.tsv": load_language_forms,
    "event_roles.jsonl": lambda p: load_role_rules(str(p)),
    "event_cues.jsonl": load_cue_rules,
    "quantity_rules.jsonl": load_quantity_rules,
    "event_places.jsonl": load_place_cues,
    "event_context.jsonl": load_context_cues,
    "event_types.jsonl": lambda p: event_types(str(p.parent)),
    "function_words.jsonl": load_function_words,
    "person_cues.jsonl": read_jsonl,
    "institution_heads.jsonl": read_jsonl,
    "acronyms_known.jsonl": read_jsonl,
    "section_headings.txt": lambda p: heading_names(str(p)),
    "legacy_encodings.txt": lambda p: legacy_encodings(),
    "gazetteer_places.tsv": lambda p: read_tsv(p, 4),
    "gazetteer_demonyms.tsv": lambda p: read_tsv(p, 2),
    "gazetteer_aliases.tsv": _aliases,
    "name_forms.tsv": load_name_forms,
}
RULE_FILES = sorted(p for p in models_dir().iterdir() if p.suffix in (".jsonl", ".txt", ".tsv"))


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_every_rule_file_loads_strictly(path):
    loader = LOADERS.get(path.name, read_word_list if path.suffix == ".txt" else None)
    assert loader is not None, f"{path.name}: no strict loader known; add one to LOADERS"
    assert loader(path)


def test_the_whole_lexicon_loads():
    lex = load_lexicon()
    assert "May" in lex.calendar and "Monday" in lex.calendar and "Jan" not in lex.calendar
    assert "of" in lex.function_words["name_links"]


@pytest.mark.parametrize("row, reason", [
    ({"id": "x", "words": ["of"], "note": "?"}, "unknown keys"),
    ({"id": "x", "words": []}, "non-empty list"),
])
def test_function_word_loader_is_strict(tmp_path, row, reason):
    path = tmp_path / "function_words.jsonl"
    shutil.copyfile(models_dir() / "function_words.jsonl", path)
    with path.open("a", encoding="utf-8") as f:
        f.write(json.dumps(row) + "\n")
    with pytest.raises(ModelsError, match=reason):
        load_function_words(path)


def test_function_word_loader_wants_every_list(tmp_path):
    path = tmp_path / "function_words.jsonl"
    path.write_text('{"id": "articles", "words": ["the"]}\n', encoding="utf-8")
    with pytest.raises(ModelsError, match="missing word lists"):
        load_function_words(path)


def test_word_list_reader_names_an_empty_file(tmp_path):
    path = tmp_path / "roles.txt"
    path.write_text("# only a comment\n\n", encoding="utf-8")
    with pytest.raises(ModelsError, match="roles.txt: word list is empty"):
        read_word_list(path)


@pytest.mark.parametrize("row, reason", [
    ({"id": "t", "type": "exchange", "form": "verb", "send": "yes", "pattern": [{"LOWER": "sent"}]}, "'send' must be"),
])
def test_trigger_property_is_checked(tmp_path, row, reason):
    path = tmp_path / "event_triggers.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(ModelsError, match=reason):
        load_trigger_rules(path)


@pytest.mark.parametrize("text, initial, acronym", [
    ("A.", True, False), ("A.R.", True, False), ("Ş.Ə.", True, False), ("a.", False, False),
    ("ANAS", False, True), ("AzTU", False, True), ("İKSAD", False, True), ("BnF", False, True),
    ("Ann", False, False), ("A", False, False), ("ABCDEFGHIJK", False, False), ("A1B", False, False),
])
def test_letters_are_told_by_unicode_case_not_a_list(text, initial, acronym):
    from coopextract.pipeline.lexicon import is_initial, looks_like_acronym

    assert is_initial(text) is initial
    assert looks_like_acronym(text) is acronym
