"""The gazetteer matcher (one-token names by dict, the rest by PhraseMatcher) finds what one
PhraseMatcher over all names finds, in the same order; ``one_token`` never claims one token
where the tokenizer makes several."""

import pytest
from spacy.matcher import PhraseMatcher

from coopextract.components.locations import PlaceMatcher, one_token
from coopextract.entityrules import load_lexicon
from coopextract.pipeline import get_pipeline


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


def test_one_token_never_wrong_on_the_gazetteer(nlp):
    lex = load_lexicon()
    names = [n for n in list(lex.places) + list(lex.demonyms) if one_token(nlp.tokenizer, n)]
    assert names
    assert [n for n, doc in zip(names, nlp.tokenizer.pipe(names)) if len(doc) != 1] == []


NAMES = {"PLACE": ["Vienna", "Lower Austria", "Austria", "Baden-Württemberg", "Republic of Austria", "Georgia"],
         "DEMONYM": ["Austrian", "Georgian", "Georgia"]}


@pytest.mark.parametrize("sentence", [
    "The Austrian delegation travelled from Vienna to Lower Austria and to Baden-Württemberg.",
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
