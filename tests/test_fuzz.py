"""Property tests: random and mutated paragraphs through the whole pipeline never raise, and
every record validates with offsets that cut its span back out of the document."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopextract import extract_text
from coopextract.read.text import normalise
from coopextract.records import Paragraph

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FRAGMENTS = [
    "On 12 May 2019 a delegation of the National Library visited the University Library in Baku.",
    "The sides signed a memorandum of understanding (MoU) on the exchange of publications",
    "Prof. Dr. Maria Ivanova, Director of International Relations at the State Library, said:",
    "In the 1920s–1930s the library received books from Istanbul, Ankara and Paris.",
    "Since 2016 the Academy of Sciences (ANAS) has hosted the annual meeting of IFLA members.",
    "On 26–29 December 2022 a training seminar was held online; 250 librarians took part.",
    "The library was founded in the 19th century and renamed in 1991.",
    "Ms. Leyla Hasanova (Head of the Foreign Literature Department) presented 300 books.",
    "References", "1. Introduction", "Citation: Smith, J. (2019). Libraries. London, pp. 10–25.",
]
ODD_PIECES = [
    "12/05/2019", "2019-13-45", "31.02.2019", "12..05..2019", "05 / 06 / 07", "May 32, 2019", "1 January 99999",
    "2019–2018", "0000", "9999-99-99", "19/20", "the 27th", "20-", "–2020", "1st–3rd", "'19", "2020/..",
    "(", ")", "((", "))", "[", "]", "(unbalanced", "closing)", "“", "”", "\"\"nested 'quotes' “here”\"", "«", "»",
    "\u200f", "\u200b", "\u0301", "\ufeff", "\t", "\n", "\n\n", "\r\n", "  ", "—", "…", "§", "№", "%",
    str(10 ** 30), "-1", "1e309", "NaN", "12 000 000", "3,000,000,000 books", "Dr.", "Mr", "St.", "U.S.",
    "ANAS", "IFLA", "National Library of", "of the", "Baku", "İstanbul", "Москва", "المكتبة", "東京",
]

mutated = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(ODD_PIECES),
              st.integers(min_value=-10 ** 40, max_value=10 ** 40).map(str),
              st.text(max_size=20)),
    min_size=1, max_size=25,
).flatmap(lambda parts: st.lists(st.sampled_from([" ", "", "\n", "\n\n", ", ", ". ", "-", "/"]),
                                 min_size=len(parts), max_size=len(parts))
          .map(lambda seps: "".join(p + s for p, s in zip(parts, seps))))

random_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)


def check(text: str) -> None:
    document = normalise(text)
    paragraphs = extract_text(text, doc_id="fuzz")
    previous_end = -1
    for p in paragraphs:
        assert Paragraph.model_validate(json.loads(p.model_dump_json())) == p
        start, end = p.source.char_start, p.source.char_end
        assert previous_end <= start <= end <= len(document)
        assert document[start:end] == p.text
        previous_end = end
        spans = [*p.dates, *p.people, *p.institutions, *p.locations]
        for event in p.events:
            assert event.source == p.source
            # a restatement in a later paragraph is a mention of the event and brings its names
            told = [(start, end)] + [(m.char_start, m.char_end) for m in event.mentions]
            for span in [*event.people, *event.institutions, *event.locations, *event.quantities]:
                assert any(a <= span.char_start <= span.char_end <= b for a, b in told), (span, told)
            if event.date is not None:   # a carried date points where it was written, maybe another paragraph
                assert document[event.date.char_start:event.date.char_end] == event.date.text
                if not event.date.inferred:
                    spans.append(event.date)
            if event.trigger is not None and event.trigger_char_start is not None:
                assert document[event.trigger_char_start:event.trigger_char_end] == event.trigger
            if event.evidence_char_start is not None:
                assert start <= event.evidence_char_start <= event.evidence_char_end <= end
        for span in spans:
            assert start <= span.char_start <= span.char_end <= end, (span, p.source)
        for date in p.dates:
            assert document[date.char_start:date.char_end] == date.text


@SETTINGS
@given(mutated)
def test_mutated_paragraphs(text):
    check(text)


@SETTINGS
@given(random_text)
def test_random_text(text):
    check(text)


@SETTINGS
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8), st.sampled_from(["\n\n", "\r\n\r\n", "\r\r"]))
def test_realistic_documents(parts, separator):
    check(separator.join(parts))
