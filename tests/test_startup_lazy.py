"""Start-up stays lazy (issue 20): no edtf grammar, no dateparser and no spacy model for text
whose dates take the fast paths, and the tokenizer built once with our infixes."""

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

PROBE = """
import sys
from coopextract import extract_text
paras = extract_text("On 3 May 2021 the director of the National Library of Spain visited Ankara "
                     "University. In March 2019 and from 2016 to 2018 the libraries exchanged books; "
                     "in the 1990s and the 19th century too, and since the 1980s.", ref_date="2024-01-01")
assert any(p.dates for p in paras)
print("edtf" in sys.modules, "dateparser" in sys.modules)
"""


def test_common_dates_load_neither_edtf_nor_dateparser():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]


def test_tokenizer_equals_spacy_tokenizer_with_infixes_reset():
    """create_tokenizer builds spaCy's English tokenizer once, with EXTRA_INFIXES, EXTRA_PREFIXES, EXTRA_SUFFIXES (and spaCy's
    rules with Eastern Arabic and Persian digits, and spaCy's web addresses less NOT_URL) given at
    construction; it must equal the one built the old way (built, then its special cases,
    prefix, suffix and infix searches and address match re-set)."""
    import re

    import spacy
    from spacy.lang.tokenizer_exceptions import URL_PATTERN
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    from coopextract.pipeline.build import (EXTRA_INFIXES, EXTRA_PREFIXES, EXTRA_SUFFIXES, NOT_URL, _formal_exceptions,
                                            _with_eastern_digits, create_tokenizer)

    nlp = spacy.blank("en")
    ours = create_tokenizer()(nlp)
    ref = spacy.util.registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
    ref.rules = _formal_exceptions(nlp.Defaults.tokenizer_exceptions)
    ref.prefix_search = compile_prefix_regex(_with_eastern_digits(nlp.Defaults.prefixes) + list(EXTRA_PREFIXES)).search
    ref.suffix_search = compile_suffix_regex(_with_eastern_digits(nlp.Defaults.suffixes) + list(EXTRA_SUFFIXES)).search
    ref.infix_finditer = compile_infix_regex(_with_eastern_digits(nlp.Defaults.infixes) + list(EXTRA_INFIXES)).finditer
    ref.url_match = re.compile("(?u)" + NOT_URL + URL_PATTERN).match
    assert ours.to_bytes(exclude=["vocab"]) == ref.to_bytes(exclude=["vocab"])
    text = ("(AK Party)-visited the Library(Arabian book(s)) on 3-5 May, e.g. U.S. don't 10km http://x.org/a-b im. Jana."
            " Potpisan 2019.godine, www.tarvo.org.")
    assert [t.text for t in ours(text)] == [t.text for t in ref(text)]



_LETTERS = "".join(chr(c) for c in range(0x500) if __import__("re").fullmatch(r"[^\W\d_]", chr(c)))


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(_LETTERS + "0123456789.,-–—:/()'’|~+…%$年月日は中Жҁ҂\u05d1\u1200թ։"),
                    min_size=1, max_size=12))
def test_gated_affixes_find_what_the_expressions_find(text):
    """The tokenizer's infix and suffix searches skip strings of AFFIX_FREE letters only: on any
    string they give the matches of the whole expressions, and on those strings the
    expressions find none."""
    from coopextract.pipeline.build import AFFIX_FREE, GatedAffixes, create_tokenizer

    import spacy

    tokenizer = _tokenizer(create_tokenizer, spacy)
    infixes, suffixes = tokenizer.infix_finditer, tokenizer.suffix_search
    assert isinstance(infixes.__self__, GatedAffixes) and isinstance(suffixes.__self__, GatedAffixes)
    assert [m.span() for m in infixes(text)] == [m.span() for m in infixes.__self__.regex.finditer(text)]
    found, expected = suffixes(text), suffixes.__self__.regex.search(text)
    assert (found and found.span()) == (expected and expected.span())
    free = "".join(c for c in text if AFFIX_FREE.fullmatch(c))
    if free:
        assert list(infixes.__self__.regex.finditer(free)) == [] and suffixes.__self__.regex.search(free) is None


_TOKENIZERS = {}


def _tokenizer(create_tokenizer, spacy):
    if not _TOKENIZERS:
        _TOKENIZERS["en"] = create_tokenizer()(spacy.blank("en"))
    return _TOKENIZERS["en"]


@pytest.mark.parametrize("value", [
    # every shape coopextract emits (corpus/raw + corpus/dev/raw records), valid and invalid
    "2019", "2019-05", "2019-05-03", "2019-05-03/2019-05-07", "2016/..", "2016/2018", "19XX", "2019-05/2019-07",
    "../1991", "199X/200X", "199X", "../2019-05-03", "2019-02-29", "2019-04-31",
    "2019-13", "2019-07/2019-05", "2019-21", "2019-24", "2019-25", "2019-20", "2000/..", "1900/..",
    "XXXX-05", "XXXX-05-03", "XXXX-02-29", "XXXX-02-30", "XXXX-13", "XXXX-12-00", "XXXX-05/XXXX-07",
    "XXXX-05-23/XXXX-05-26", "XXXX-10-23/XXXX-10-22", "XXXX-03/XXXX-05-01", "XXXX-02-30/XXXX-03-01",
    # EDTF level 1 allows unspecified digits and open ends, but the `edtf` package's grammar
    # (5.0.2) rejects the two together, so the fast path does too (and "since the 1990s" is 1990/..).
    "199X/..", "19XX/..", "../19XX", "../199X",
])
def test_edtf_fast_path_agrees_with_the_grammar_where_it_answers(value):
    from edtf import parse_edtf

    from coopextract.records import _simple_edtf_is_valid, edtf_is_valid

    try:
        parse_edtf(value)
        grammar = True
    except Exception:  # noqa: BLE001
        grammar = False
    if _simple_edtf_is_valid(value):
        assert grammar
    else:
        assert edtf_is_valid(value) == grammar  # the grammar decides what the fast path leaves


def test_edtf_fast_path_never_accepts_what_the_grammar_rejects():
    """Over a grid of EDTF-like strings (good and bad months, days, seasons, X digits, open
    and closed intervals), the fast path says True only where the `edtf` grammar agrees."""
    from edtf import parse_edtf

    from coopextract.records import _simple_edtf_is_valid

    points = ["2020", "1999", "0000", "199X", "19XX", "XXXX", "2020-02", "2020-13", "2020-21", "2020-25",
              "2019-02-29", "2020-02-29", "2020-04-31", "2020-12-00", "XXXX-02-30", "XXXX-04", "XXXX-00", "2020-1"]
    unknown = [p for p in points if p.startswith("XXXX-")] + ["XXXX-02-29", "XXXX-12-31", "XXXX-13-01", "XXXX-05-32"]
    values = points + [f"{a}/{b}" for a in points for b in points[:6]] + [f"{p}/.." for p in points] + \
        [f"../{p}" for p in points] + [f"{a}/{b}" for a in unknown for b in unknown]
    wrong = []
    for value in values:
        if _simple_edtf_is_valid(value):
            try:
                parse_edtf(value)
            except Exception:  # noqa: BLE001
                wrong.append(value)
    assert wrong == []
