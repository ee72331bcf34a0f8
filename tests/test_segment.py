"""Paragraphs: offsets, headings → sections, bibliography, the page-break continuation rule."""

import pytest

from coopextract import extract_text
from coopextract.read import SourceText
from coopextract.pipeline.segment import MAX_BLOCK_CHARS, heading_kind, segment, windows

CHAPTER = """Library cooperation between two countries

Abstract

The article reviews exchanges between national libraries since 1991.

1. Introduction

In 2005 the National Library signed a memorandum with the State Library of Türkiye. The
agreement covered the exchange of publications and the training of staff.

The delegation visited Ankara in May 2006 and met colleagues from the university
libraries of the city, who later

took part in a joint conference in Baku.

Citation: Aliyev, R. (2020). Library cooperation. Baku: Science, pp. 10–25.

References

Smith, J. (2019). Libraries across borders. London: Facet, 2019.

Jones, A. & Brown, K. (2008) International exchange. Library Review 57(2), 100–112.
"""


def blocks_of(text, **kw):
    return segment(SourceText(path="doc.txt", text=text, **kw))


def test_offsets_cut_out_each_paragraph():
    blocks = blocks_of(CHAPTER)
    assert [b.index for b in blocks] == list(range(len(blocks)))
    for block in blocks:
        assert CHAPTER[block.char_start:block.char_end] == block.text
        assert block.text == block.text.strip()


def test_headings_become_sections():
    blocks = blocks_of(CHAPTER)

    def starting(prefix):
        return next(b for b in blocks if b.text.startswith(prefix))

    assert starting("Abstract").kind == "heading"
    assert starting("The article").section == "Abstract"
    assert starting("In 2005").section == "1. Introduction"
    assert starting("Smith,").section == "References"


def test_bibliography_and_citation_lines_yield_nothing():
    blocks = blocks_of(CHAPTER)
    kinds = {b.text.split()[0]: b.kind for b in blocks}
    assert kinds["Citation:"] == "bibliography"
    assert kinds["Smith,"] == kinds["Jones,"] == "bibliography"
    assert kinds["In"] == "body"
    for paragraph, block in zip(extract_text(CHAPTER), blocks):
        if block.kind != "body":
            assert paragraph.events == [] and paragraph.dates == [] and paragraph.people == []


def test_a_sentence_broken_by_a_page_break_is_one_paragraph():
    joined = [b for b in blocks_of(CHAPTER) if b.text.startswith("The delegation")]
    assert len(joined) == 1 and joined[0].text.endswith("joint conference in Baku.")


@pytest.mark.parametrize("previous, current, joined", [
    ("The guests were received by", "the director of the library.", True),
    ("The guests were received by the director.", "the rest followed later.", False),
    ("The guests were received by", "The director then spoke.", False),
    ("A list of partners:", "universities and academies.", False),
    ("Signed in Baku on 12 May", "2019 by both sides.", False),
    # a date line whose weekday is written in lower case follows a headline: not a continuation
    ("Biblioteca riceve libri dal consolato", "martedì, 5 marzo 2019", False),
    ("Bibliothèque reçoit des livres", "mardi 5 mars 2019", False),
    ("The books were handed over in", "march and april of that year by the consul.", True),
])
def test_continuation_rule(previous, current, joined):
    blocks = blocks_of(f"{previous}\n\n{current}\n")
    assert (len(blocks) == 1) is joined


@pytest.mark.parametrize("line, kind", [
    ("References", "bibliography"),
    ("REFERENCES:", "bibliography"),
    ("Bibliography", "bibliography"),
    ("3. Discussion", "section"),
    ("2.1 Exchanges with Turkish libraries", "section"),
    ("Keywords", "section"),
    ("About the Author", "section"),
    ("INTERNATIONAL RELATIONS", "section"),
    ("The library was founded in 1923.", None),
    ("12 May 2019", None),
    ("In 2019 the library hosted forty delegations from twelve countries, which is a record for the "
     "library and for the city as a whole", None),
])
def test_heading_kind(line, kind):
    assert heading_kind(line) == kind


@pytest.mark.parametrize("separator", ["\n\n", "\n \n", "\n\t\n\n", "\n\n\n\n"])
def test_blank_lines_of_any_kind_separate_paragraphs(separator):
    text = f"First paragraph.{separator}Second paragraph."
    blocks = blocks_of(text)
    assert [b.text for b in blocks] == ["First paragraph.", "Second paragraph."]


def test_single_newlines_stay_inside_a_paragraph():
    assert [b.text for b in blocks_of("One line\nand the next line.\n")] == ["One line\nand the next line."]


@pytest.mark.parametrize("unit", [
    "The delegation visited the library on 12 May 2019. ",
    "word ",
    "x",  # no space at all: cut hard
])
def test_huge_paragraphs_are_cut_into_bounded_blocks(unit):
    text = unit * (3 * MAX_BLOCK_CHARS // len(unit))
    blocks = blocks_of(text)
    assert len(blocks) >= 3
    assert all(b.char_end - b.char_start <= MAX_BLOCK_CHARS for b in blocks)
    assert all(text[b.char_start:b.char_end] == b.text for b in blocks)
    covered = "".join(text[b.char_start:b.char_end] for b in blocks)
    assert covered.replace(" ", "") == text.replace(" ", "")
    if ". " in unit:
        assert all(b.text.endswith(".") for b in blocks)


def test_windows_keep_whole_blocks_in_order():
    blocks = blocks_of("\n\n".join(f"Paragraph number {i} of the report." for i in range(50)))
    parts = windows(blocks, 200)
    assert [b for part in parts for b in part] == blocks
    assert all(sum(b.char_end - b.char_start for b in part) <= 200 for part in parts)


def test_pdf_pages_are_given_to_paragraphs():
    text = "Page one text.\n\nPage two text.\n"
    blocks = blocks_of(text, pages=((1, 0, 14), (2, 16, 31)))
    assert [b.page for b in blocks] == [1, 2]


@pytest.mark.parametrize("text", ["", "   \n\n \t \n"])
def test_nothing_but_whitespace_gives_no_paragraphs(text):
    assert blocks_of(text) == []


def test_a_run_without_sentence_ends_is_cut_at_the_cap_preferring_a_line_break():
    import spacy

    from coopextract.pipeline.segment import cap_sentences

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = cap_sentences(nlp("one two three four five six\nseven eight nine ten eleven"), limit=7)
    assert [s.text.split() for s in doc.sents] == [
        ["one", "two", "three", "four", "five", "six"], ["seven", "eight", "nine", "ten", "eleven"]]
    doc = cap_sentences(nlp("one two three four five six seven eight nine ten"), limit=4)
    assert [len(s) for s in doc.sents] == [4, 4, 2]
    short = nlp("A sentence. Another one.")
    assert [s.text for s in cap_sentences(short, limit=8).sents] == ["A sentence.", "Another one."]


@pytest.mark.parametrize("paragraph", [
    # a Chinese sentence: no spaces, ends with the ideographic full stop
    "随后,图书馆代表团访问了友好城市的公共图书馆,双方签署了合作协议并交换了图书。",
    # Japanese, long, cut by the page without its full stop: half its characters count as words
    "図書館の代表団は友好都市の公共図書館を訪問し、職員と情報交換会を開催して、今後の協力について意見を交換しました。また、大学図書館も訪問し",
])
def test_a_paragraph_of_unspaced_script_at_the_top_is_prose_not_a_headline(paragraph):
    text = "Libraries of Tarvia and Ostria sign an agreement\n\n" + paragraph + "\n\nその他。"
    blocks = segment(SourceText(path="x.txt", text=text, name="x"))
    assert [b.kind for b in blocks] == ["heading", "body", "body"]


@pytest.mark.parametrize("sentence", [
    "Am 3. Mai besuchte die Delegation die Stadtbibliothek.",        # a day's ordinal before its month
    "Dne 15. října podepsaly knihovny smlouvu o spolupráci.",
    "Die Bibliothek wurde am 3. Mai 2019 eröffnet.",                  # ... and before a month and year
    "Knihovny podepsaly smlouvu ve středu 4. 6. 2021 v Brně.",        # a day, month and year with full stops
    "Die Delegation kam am 3. 4. 2019, um die Bibliothek zu sehen.",
])
def test_a_day_written_as_an_ordinal_does_not_end_the_sentence(sentence):
    import coopextract
    from coopextract.pipeline.document import make_document

    nlp = coopextract.load()
    doc = nlp(make_document(nlp, SourceText(path="t.txt", text=f"Ein Satz davor. {sentence}")))
    assert [s.text for s in doc.sents] == ["Ein Satz davor.", sentence]


def test_a_number_with_a_full_stop_before_a_year_alone_still_ends_a_sentence():
    import coopextract
    from coopextract.pipeline.document import make_document

    nlp = coopextract.load()
    text = "The library opened room 12. 2019 was a good year for it."
    doc = nlp(make_document(nlp, SourceText(path="t.txt", text=text)))
    assert [s.text for s in doc.sents] == ["The library opened room 12.", "2019 was a good year for it."]
