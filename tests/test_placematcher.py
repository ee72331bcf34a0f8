"""The gazetteer matcher (names of whole words by dict, the rest by PhraseMatcher) finds what one
PhraseMatcher over all names finds, in the same order; ``one_token`` never claims one token
where the tokenizer makes several."""

import pytest
from spacy.matcher import PhraseMatcher

from coopextract.pipeline.places.find_places import PlaceMatcher, one_token
from coopextract.pipeline.lexicon import load_lexicon
from coopextract.pipeline.build import get_pipeline


@pytest.fixture(scope="module")
def nlp():
    return get_pipeline()


@pytest.mark.parametrize("name, expected", [
    ("Vienna", True),
    ("Kraków", True),
    ("Baden-Württemberg", False),   # infix hyphen
    ("St.Gallen", False),           # infix period between letters
    ("Côte d'Ivoire", False),       # whitespace
    ("Washington,", False),         # suffix comma
    ("(Lisbon", False),             # prefix bracket
    ("Cannot", False),              # a tokenizer special case
    ("", False),
])
def test_one_token(nlp, name, expected):
    assert one_token(nlp.tokenizer, name) == expected


def test_names_looked_up_by_words_are_tokenized_into_those_words(nlp):
    """Every gazetteer name the matcher looks up by its words is tokenized into exactly them."""
    lex = load_lexicon()
    matcher = PlaceMatcher(nlp, {"PLACE": list(lex.places), "DEMONYM": list(lex.demonyms)})
    names = [n for n in list(lex.places) + list(lex.demonyms)
             if tuple(nlp.vocab.strings.add(p) for p in n.split(" ")) in matcher.words]
    assert len(names) > len(lex.places) // 2
    assert any(" " in n for n in names)
    wrong = [n for n, doc in zip(names, nlp.tokenizer.pipe(names)) if [t.text for t in doc] != n.split(" ")]
    assert wrong == []


NAMES = {"PLACE": ["Vienna", "Lower Austria", "Austria", "Baden-Württemberg", "Republic of Austria", "Georgia",
                   "Washington, D.C.", "Lower Austria Region"],
         "DEMONYM": ["Austrian", "Georgian", "Georgia"]}


@pytest.mark.parametrize("sentence", [
    "The Austrian delegation travelled from Vienna to Lower Austria and to Baden-Württemberg.",
    "From Washington, D.C. to the Lower Austria Region and Lower Austria, Republic of Austria",
    "Georgia and the Republic of Austria signed; Georgian and Austrian librarians met in Vienna, Austria.",
    "Nothing to find here.",
    "Vienna",
    "",
])
def test_place_matcher_equals_one_phrase_matcher(nlp, sentence):
    plain = PhraseMatcher(nlp.vocab, attr="ORTH")
    for label, names in NAMES.items():
        plain.add(label, list(nlp.tokenizer.pipe(names)))
    doc = nlp.make_doc(sentence)
    # per label, in order (a name under two labels, "Georgia", may come in either label order)
    assert by_label(PlaceMatcher(nlp, NAMES)(doc)) == by_label(plain(doc))


def by_label(matches):
    out = {}
    for label, start, end in matches:
        out.setdefault(label, []).append((start, end))
    return out


def test_prebuilt_split_pieces_are_those_one_token_rejects(nlp):
    """models/gazetteer_split_pieces.json is made for this tokenizer and gazetteer (else rebuild
    it: python models/build_gazetteer.py --pieces) and lists exactly the pieces one_token rejects."""
    from coopextract.pipeline.places.find_places import (SPLIT_PIECES_FILE, name_pieces, place_names,
                                                         read_split_pieces, split_pieces)
    from coopextract.resources import models_dir

    names = place_names(load_lexicon())
    split = read_split_pieces(models_dir() / SPLIT_PIECES_FILE, nlp.tokenizer, names)
    assert split is not None, "stale gazetteer_split_pieces.json: python models/build_gazetteer.py --pieces"
    assert split == frozenset(split_pieces(nlp.tokenizer, name_pieces(names)))


def test_split_pieces_of_other_names_are_not_read(nlp, tmp_path):
    from coopextract.pipeline.places.find_places import read_split_pieces, write_split_pieces

    path = tmp_path / "pieces.json"
    assert write_split_pieces(path, nlp, NAMES) >= 1
    assert read_split_pieces(path, nlp.tokenizer, NAMES) is not None
    assert read_split_pieces(path, nlp.tokenizer, {**NAMES, "PLACE": NAMES["PLACE"] + ["Ruritania"]}) is None
    assert read_split_pieces(tmp_path / "missing.json", nlp.tokenizer, NAMES) is None
    matcher = PlaceMatcher(nlp, NAMES, read_split_pieces(path, nlp.tokenizer, NAMES))
    assert matcher.words == PlaceMatcher(nlp, NAMES).words
