"""The prebuilt tables of models/prebuilt/ (pipeline/prebuilt.py, issue 20) are current and hold
what the components derive from the rule files; a table built from other files is not read."""

import shutil
from dataclasses import replace

import pytest
from spacy.matcher import PhraseMatcher

from coopextract.pipeline.build import get_pipeline
from coopextract.pipeline.events.triggers import PREDICATES_TABLE, derive_predicates, load_predicates, predicates_key
from coopextract.pipeline.lexicon import LEXICON_TABLE, Lexicon, derive_lexicon, lexicon_key, load_lexicon
from coopextract.pipeline.places.find_places import (PLACES_TABLE, SPLIT_PIECES_FILE, PlaceMatcher, place_names,
                                                     places_key, read_split_pieces)
from coopextract.pipeline.prebuilt import read_table, table_key, write_table
from coopextract.resources import models_dir

REBUILD = "stale models/prebuilt/{}.marshal: python models/build_prebuilt.py"


@pytest.fixture(scope="module")
def nlp():
    return get_pipeline()


@pytest.fixture(scope="module")
def tables(nlp):
    folder = models_dir()
    return {LEXICON_TABLE: read_table(folder, LEXICON_TABLE, lexicon_key(None)),
            PLACES_TABLE: read_table(folder, PLACES_TABLE, places_key(nlp, folder)),
            PREDICATES_TABLE: read_table(folder, PREDICATES_TABLE, predicates_key(None))}


@pytest.mark.parametrize("name", [LEXICON_TABLE, PLACES_TABLE, PREDICATES_TABLE])
def test_prebuilt_table_is_current(tables, name):
    assert tables[name] is not None, REBUILD.format(name)


def test_lexicon_table_is_the_lexicon_of_the_files(tables):
    assert same_lexicon(Lexicon(**tables[LEXICON_TABLE]), derive_lexicon())
    assert same_lexicon(load_lexicon(), derive_lexicon())


def same_lexicon(a: Lexicon, b: Lexicon) -> bool:
    """Equal, but for the order of titles and of suffixes of the same length: both are sorted
    longest first from a set, so that order is the process's hash order (the rules read them
    longest first and never depend on it)."""
    def longest_first(items):
        return sorted(items, key=lambda item: (-len(item), item))

    return (longest_first(a.titles) == longest_first(b.titles) and longest_first(a.suffixes) == longest_first(b.suffixes)
            and [len(t) for t in a.titles] == [len(t) for t in b.titles]
            and [len(t) for t in a.suffixes] == [len(t) for t in b.suffixes]
            and replace(a, titles=(), suffixes=()) == replace(b, titles=(), suffixes=()))


def test_places_table_is_the_matcher_of_the_files(nlp, tables):
    names = place_names(derive_lexicon())
    from_files = PlaceMatcher(nlp, names, read_split_pieces(models_dir() / SPLIT_PIECES_FILE, nlp.tokenizer, names))
    assert from_files.table(nlp) == tables[PLACES_TABLE]
    assert PlaceMatcher.from_table(nlp, tables[PLACES_TABLE]).table(nlp) == tables[PLACES_TABLE]


@pytest.mark.parametrize("text", [
    "Delegations from Aix-en-Provence, Baden-Württemberg and Washington, D.C. met in Vienna, Lower Austria.",
    "The Turkish and Azerbaijani libraries of Abomey-Calavi, Ad-Damazin and St. Petersburg (Russia).",
    "Al Balqa’ and Al Jahra’ — Kuala Lumpur; São Paulo, Rio de Janeiro; New York City.",
    "",
])
def test_matcher_of_the_table_finds_what_one_phrase_matcher_finds(nlp, tables, text):
    """Per label, the same matches in the same order as one PhraseMatcher of every name."""
    plain = PhraseMatcher(nlp.vocab, attr="ORTH")
    for label, names in place_names(load_lexicon()).items():
        plain.add(label, list(nlp.tokenizer.pipe(names)))
    doc = nlp.make_doc(text)
    assert by_label(PlaceMatcher.from_table(nlp, tables[PLACES_TABLE])(doc)) == by_label(plain(doc))


def by_label(matches):
    out = {}
    for label, start, end in matches:
        out.setdefault(label, []).append((start, end))
    return out


def test_predicates_table_is_the_rules_of_the_files():
    rules, index = load_predicates()
    derived_rules, derived_index = derive_predicates()
    assert rules == derived_rules
    assert index == derived_index
    assert list(index) == list(derived_index)
    assert all(all(rule in rules for rule in found) for found in index.values())


def test_a_table_of_other_files_is_not_read(tmp_path):
    """A word added to a rule file after the table was built: the table is stale, the lexicon
    is read from the files, and holds the word."""
    folder = tmp_path / "models"
    shutil.copytree(models_dir(), folder)
    assert read_table(folder, LEXICON_TABLE, lexicon_key(folder)) is not None
    with open(folder / "given_names.txt", "a", encoding="utf-8") as handle:
        handle.write("Zzyzxanthe\n")
    assert read_table(folder, LEXICON_TABLE, lexicon_key(folder)) is None
    assert "Zzyzxanthe" in load_lexicon(str(folder)).given_names
    assert "Zzyzxanthe" not in load_lexicon().given_names


def test_key_covers_files_code_and_extra(tmp_path):
    data, code = tmp_path / "words.txt", tmp_path / "derive.py"
    data.write_text("a\n", encoding="utf-8")
    code.write_text("x = 1\n", encoding="utf-8")
    key = table_key("t", [data], [code], ["tokenizer 1"])
    write_table(tmp_path, "t", key, {"words": frozenset({"a"})})
    assert read_table(tmp_path, "t", key) == {"words": frozenset({"a"})}
    assert table_key("t", [data], [code], ["tokenizer 2"]) != key
    code.write_text("x = 2\n", encoding="utf-8")
    assert table_key("t", [data], [code], ["tokenizer 1"]) != key
    assert table_key("t", [tmp_path / "missing.txt"], [code]) is None
    assert read_table(tmp_path, "t", None) is None
    assert read_table(tmp_path, "missing", key) is None


def test_regex_table_is_current():
    from coopextract.pipeline.prebuilt import REGEX_TABLE, _regex_table

    assert _regex_table(), REBUILD.format(REGEX_TABLE)


def test_patterns_from_the_regex_table_equal_those_compiled():
    """Made from the stored code, each pattern equals the one ``re`` compiles (a Pattern's
    equality compares its flags, its source and its compiled code)."""
    import re

    from coopextract.pipeline.prebuilt import _regex_table, stored_regexes

    compiler = re._compiler.compile
    table = _regex_table()
    with stored_regexes():
        assert re._compiler.compile is not compiler
        stored = [re._compiler.compile(pattern, flags) for pattern, flags in table]
    assert re._compiler.compile is compiler
    assert stored == [compiler(pattern, flags) for pattern, flags in table]
    assert [p.groupindex for p in stored] == [compiler(pattern, flags).groupindex for pattern, flags in table]


def test_start_up_regexes_come_from_the_table():
    """What the console script compiles before its first page is in the table (but for the odd
    pattern built from a set, whose order is the process's hash order)."""
    from coopextract.pipeline.prebuilt import REGEX_TABLE, _regex_table, start_up_regexes

    found = start_up_regexes()
    missing = [key for key in found if key not in _regex_table()]
    assert len(found) > 100 and len(missing) <= 3, REBUILD.format(REGEX_TABLE) + f" ({len(missing)} missing)"


def test_stored_regexes_nest_and_leave_re_as_it_was():
    import re
    import threading

    from coopextract.pipeline.prebuilt import stored_regexes

    compiler = re._compiler.compile
    barrier = threading.Barrier(2)

    def build():
        with stored_regexes():
            barrier.wait()
            re._compiler.compile(r"(?P<year>\d{4})")

    with stored_regexes():
        inside = re._compiler.compile
        with stored_regexes():
            assert re._compiler.compile is inside
        assert re._compiler.compile is inside
    assert re._compiler.compile is compiler
    threads = [threading.Thread(target=build) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert re._compiler.compile is compiler
