"""One Doc per document: its text is the document's, its tokens come from the paragraphs'."""

import time

import pytest

import coopextract
from coopextract.pipeline.document import make_document, paragraph_text
from coopextract.read import SourceText


@pytest.mark.parametrize("text", [
    "Bergen, 3 May 2022\n\nThe library\nwas visited by a delegation\r from Porto.\n\n\nIt met the director.",
    "A line with a tab\tand  two spaces.\n\nAnother one ))))))) with a run of brackets.",
    "word " + "x" * 350 + " and more words.\n\nEnd.",
])
def test_the_document_doc_text_is_the_document_text(text):
    nlp = coopextract.load()
    doc = nlp(make_document(nlp, SourceText(path="t.txt", text=text)))
    assert doc.text == text
    for span in doc.spans["paragraphs"]:
        assert text[span.start_char:span.end_char] == span.text


@pytest.mark.parametrize("text", ["Run ))))))))) here.", "x" * 250, "a ... b"])
def test_what_the_rules_see_keeps_every_offset(text):
    block = type("Block", (), {"kind": "body", "text": text})()
    seen = paragraph_text(block)
    assert len(seen) == len(text)
    assert max(len(w) for w in seen.split()) <= 100


def test_unspaced_text_is_cut_at_its_punctuation_not_inside_its_words():
    clause = "図書館交流協定を締結し"          # 11 characters, no space
    text = "、".join([clause] * 20) + "。"
    block = type("Block", (), {"kind": "body", "text": text})()
    seen = paragraph_text(block)
    assert len(seen) == len(text) and max(len(w) for w in seen.split()) <= 100
    # every cut took the place of a comma: each clause is still whole
    assert all(piece.strip("、。") and set(piece.strip("、。").split("、")) == {clause} for piece in seen.split())


def test_a_run_of_one_punctuation_character_is_not_quadratic():
    """spaCy's suffix search rescans a token per character peeled off: 8,000 ')' took 11 s."""
    coopextract.extract_text("warm up.")
    started = time.perf_counter()
    paragraphs = coopextract.extract_text("A note " + ")" * 20_000 + " ends here.")
    assert time.perf_counter() - started < 5      # about 0.05 s; quadratic was minutes
    assert paragraphs[0].text.endswith("ends here.")


@pytest.mark.parametrize("text, headline", [
    ("Library donates rare maps to Porto", True),
    ("News from the library (3): Librarians visited the National Library of Finland", True),
    ("Porto Library Hosts Visitors From Bergen", True),   # title case, no digit
    ("Visited Libraries in Norway", True),
    ("The embassy donated books to the National Library of Finland (NLF)", True),   # an acronym ends it
    ("The consul attended the opening of the “Finnish Corner”", True),               # a name in quotes ends it
    ("The director said: “We are glad to host the guests.”", False),                  # a quoted sentence ends it
    ("Bergen, 3 May 2022", False),                 # a date line: no lower-case word
    ("On 3 May 2022 the library received forty books from Porto.", False),   # prose
])
def test_a_headline_is_recognised_by_its_shape(text, headline):
    from coopextract.pipeline.segment import is_headline

    assert is_headline(text) is headline


def test_the_headline_of_a_news_page_gives_no_event_of_its_own():
    text = ("Library donates rare maps to Porto\n\n"
            "On 3 May 2022 the University of Bergen Library donated 40 rare maps to the Porto Municipal Library.")
    paragraphs = coopextract.extract_text(text)
    assert paragraphs[0].events == []
    assert [e.event_type for e in paragraphs[1].events] == ["donation"]
    assert paragraphs[1].section == "Library donates rare maps to Porto"


def test_a_date_line_above_the_headline_does_not_end_the_headlines():
    text = ("07.04.2022 17:24\n\nThe ambassador of Norway visited the Porto Municipal Library\n\n"
            "The ambassador of Norway visited the Porto Municipal Library on Monday.")
    paragraphs = coopextract.extract_text(text)
    assert [p.events != [] for p in paragraphs] == [False, False, True]


@pytest.mark.parametrize("value", ["20200101", "2020-W01-1", "10/01/2024", "2020-13-01"])
def test_the_python_api_refuses_a_reference_date_the_cli_refuses(value):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        coopextract.extract_text("On Monday the library opened.", ref_date=value)
