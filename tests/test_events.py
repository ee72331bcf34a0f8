"""Event triggers and assembly: types, dates (explicit, carried over, none), participants,
quantities, evidence and ids — on sentences written for these tests, with hand-made
date and entity inputs (so they do not depend on the date and entity stages)."""

import json

import pytest

from coopextract.pipeline.events.triggers import (CUE_FILE, TRIGGER_FILE, load_cue_rules,
                                           load_trigger_rules)
from coopextract.errors import ModelsError
from coopextract.pipeline.events.assemble import (CONFIDENCE_CARRIED_DATE, CONFIDENCE_EXPLICIT_DATE,
                                CONFIDENCE_NO_DATE, assemble_events, paragraph_events)
from coopextract.pipeline.linking import Entities
from coopextract.pipeline.build import get_pipeline
from coopextract.records import EVENT_TYPES, DateValue, Institution, Location, Person
from coopextract.resources import models_path
from coopextract.pipeline.segment import Block


def block_of(text, index=0, start=0, kind="body"):
    return Block(index=index, char_start=start, char_end=start + len(text), text=text,
                 page=None, section=None, kind=kind)


def date(text, phrase, iso, precision="day", start=0):
    i = text.index(phrase) + start
    return DateValue(text=phrase, edtf=iso, start=iso, end=iso, precision=precision,
                     char_start=i, char_end=i + len(phrase))


def person(text, name, start=0):
    i = text.index(name) + start
    return Person(name=name, char_start=i, char_end=i + len(name))


def institution(text, name):
    i = text.index(name)
    return Institution(name=name, char_start=i, char_end=i + len(name))


def location(text, name):
    i = text.index(name)
    return Location(name=name, char_start=i, char_end=i + len(name))


def events_of(text, dates=(), people=(), institutions=(), locations=()):
    doc = get_pipeline()(text)
    entities = Entities(people=list(people), institutions=list(institutions), locations=list(locations))
    return paragraph_events(doc, block_of(text), list(dates), entities, "doc", "doc.txt")


def types_of(text, **kwargs):
    return sorted(e.event_type for e in events_of(text, **kwargs))


# ------------------------------------------------------------------ event types


@pytest.mark.parametrize("sentence, expected", [
    ("A delegation of the National Library of Georgia visited the University Library in Riga.", ["visit"]),
    ("The Library hosted a group of librarians from Estonia.", ["visit"]),
    ("The director paid an official visit to the National Library of Korea.", ["visit"]),
    ("The Minister and accompanying persons were at the Municipal Library of Porto.", ["visit"]),
    ("The director met with the Ambassador of Japan.", ["meeting"]),
    ("A working meeting was held between the two archives.", ["meeting"]),
    ("The two libraries signed a memorandum of understanding.", ["agreement"]),
    ("An agreement was reached on the exchange of digitised newspapers.", ["agreement"]),
    ("The heads of the libraries came to an agreement on joint cataloguing.", ["agreement"]),
    ("The Embassy donated children's books to the regional library.", ["donation"]),
    ("Finally, the visitors were presented with albums about the city.", ["donation"]),
    ("The consul gave books as a gift to the reading room.", ["donation"]),
    ("The library received 300 books in Polish from the Association of Poles.", ["donation"]),
    ("The library sent rare periodicals to partner libraries in Poland in exchange for theirs.", ["exchange"]),
    ("Book exchange was carried out with twelve universities.", ["exchange"]),
    ("Two librarians took part in the World Library and Information Congress.", ["conference"]),
    ("An international conference on manuscripts was held in Vilnius.", ["conference"]),
    ("Training sessions were held for the staff of regional libraries.", ["training"]),
    ("Workshops on digitisation were organised for cataloguers.", ["training"]),
    ("An exhibition of rare books was opened in the foyer.", ["exhibition"]),
    ("A business trip to Tallinn was organised for the cataloguers.", ["business_trip"]),
    ("A working visit to the Estonian National Library was organised for two cataloguers.", ["business_trip"]),
    ("A group of cataloguers travelled to Tallinn for professional exchange.", ["business_trip"]),
    ("Three specialists of the archive were invited to Latvia.", ["visit"]),
    ("During the talks, the parties reached agreements on reciprocal access to collections.", ["agreement"]),
    ("A webinar on open access was organised by the consortium.", ["webinar"]),
    ("An online event on reading promotion was held for school librarians.", ["webinar"]),
    ("A catalogue of the Persian manuscripts was published by the library.", ["publication"]),
    ("The department of rare books was established under the Academy.", ["founding"]),
    ("The two departments were merged.", ["founding"]),
    ("The city library was renamed after the poet.", ["founding"]),
    ("The library established a Department of Digital Collections.", ["founding"]),
    ("The libraries launched a digitisation programme.", ["project"]),
    ("A joint project on newspaper digitisation was carried out by both libraries.", ["project"]),
])
def test_each_event_type_has_a_trigger(sentence, expected):
    assert types_of(sentence) == expected


@pytest.mark.parametrize("sentence", [
    # generic present: no concrete occurrence
    "Libraries exchange rare publications and organise training programs for their staff.",
    "Training programs, international conferences and exchange initiatives facilitate the sharing of experience.",
    # a bare participle after the noun is not an occurrence
    "Joint international projects implemented among libraries serve the preservation of heritage.",
    # planned, not happened
    "The library plans to hold an exhibition of Georgian manuscripts.",
    "The memorandum would be signed by the two directors.",
    # references back to an event already reported
    "During the meeting, the participants discussed digitisation.",
    "The visit was important for both sides.",
    # relations established are not an institution founded
    "Close cooperation ties were established with the university.",
    # a possessive: not an event of its own
    "The exhibition's catalogue was praised by the visitors.",
])
def test_no_event_without_a_concrete_occurrence(sentence):
    assert events_of(sentence) == []


def test_undated_noun_trigger_needs_a_nearby_occurrence_verb():
    text = ("Joint projects were carried out within the framework of the cultural agreement of the two "
            "ministries, including shared exhibitions and internships.")
    assert types_of(text) == ["project"]


def test_noun_trigger_with_a_date_in_its_sentence_counts():
    text = "In May 2021, an exhibition of Lithuanian graphic art in the main hall."
    assert types_of(text, dates=[date(text, "May 2021", "2021-05", "month")]) == ["exhibition"]


def test_dated_establishment_of_an_institution_is_a_founding():
    text = "With the establishment of an independent Academy of Sciences in 1945, a new stage began."
    assert types_of(text, dates=[date(text, "1945", "1945", "year")]) == ["founding"]
    text = "With the establishment of close ties in 1995, the exchange grew."
    assert types_of(text, dates=[date(text, "1995", "1995", "year")]) == []


@pytest.mark.parametrize("sentence", [
    "The director met the consul to discuss a joint exhibition.",
    "The two sides held talks on the exchange of publications.",
    "The directors met and agreed on the book exchange.",
])
def test_a_topic_is_not_an_event_of_its_own(sentence):
    assert types_of(sentence) in (["meeting"], ["agreement", "meeting"])


@pytest.mark.parametrize("sentence, expected", [
    ("The library hosted a webinar on rare books for school librarians.", ["webinar"]),
    ("The library hosted an online seminar on rare books.", ["webinar"]),
    ("The National Library hosted the Minister of Culture of Latvia.", ["visit"]),
])
def test_hosting_an_event_is_that_event_not_a_visit(sentence, expected):
    assert types_of(sentence) == expected


def test_event_noun_inside_an_institution_name_is_not_an_event():
    text = "On 2 February 2023 the Library presented 45 books to the Library of Congress."
    d = date(text, "2 February 2023", "2023-02-02")
    assert types_of(text, dates=[d], institutions=[institution(text, "Library of Congress")]) == ["donation"]
    assert "conference" in types_of(text, dates=[d])  # without the entity, "Congress" is a congress


def test_one_sentence_several_event_types():
    text = "The delegation visited the library and presented books about the region to its director."
    assert types_of(text) == ["donation", "visit"]


def test_later_undated_sentence_continues_the_event_of_its_type():
    text = ("In 2020 a delegation of the Academy visited the library. The guests toured the reading rooms. "
            "On 4 June 2021 the director visited the Academy in return.")
    dates = [date(text, "2020", "2020", "year"), date(text, "4 June 2021", "2021-06-04")]
    events = events_of(text, dates=dates)
    assert [(e.event_type, e.date.edtf) for e in events] == [("visit", "2020"), ("visit", "2021-06-04")]


def test_a_gift_in_return_is_a_second_donation():
    text = ("On 2 May 2019 the director of the Academy Library visited the archive. At the end the guests "
            "were presented with albums. The guests in their turn donated publications of their library.")
    d = date(text, "2 May 2019", "2019-05-02")
    assert [e.event_type for e in events_of(text, dates=[d])] == ["visit", "donation", "donation"]


def test_one_event_per_type_per_sentence():
    text = "The ministers visited the archive, visited the museum and visited the national library."
    events = events_of(text)
    assert [e.event_type for e in events] == ["visit"]
    assert events[0].trigger == "visited"
    assert events[0].trigger_char_start == text.index("visited")


# ------------------------------------------------------------------ dates


def test_explicit_date_of_the_sentence():
    text = "On 12 May 2019 the delegation of the city archive visited the library."
    d = date(text, "12 May 2019", "2019-05-12")
    [event] = events_of(text, dates=[d])
    assert event.date == d and event.date.inferred is False
    assert event.confidence == CONFIDENCE_EXPLICIT_DATE


def test_nearest_date_in_the_sentence_wins():
    text = "The reading room built in 1901 was visited on 3 March 2015 by a delegation; they visited it."
    old, new = date(text, "1901", "1901", "year"), date(text, "3 March 2015", "2015-03-03")
    [event] = events_of(text, dates=[old, new])
    assert event.date.edtf == "2015-03-03"


def test_adjacent_dates_are_one_expression_and_the_finer_wins():
    text = "Subsequently, on 26–29 April of the following year, workshops were held for cataloguers."
    day = DateValue(text="26–29 April", edtf="2024-04-26/2024-04-29", start="2024-04-26", end="2024-04-29",
                    precision="day", inferred=True, char_start=text.index("26–29"), char_end=text.index(" of the"))
    year = date(text, "the following year", "2024", "year")
    [event] = events_of(text, dates=[day, year])
    assert event.date == day


def test_paragraph_date_is_carried_over_as_an_inferred_copy():
    text = ("On 6 May 2019 two librarians from Minsk visited the library. The guests saw the stacks. "
            "At the end of the meeting the guests were presented with gifts.")
    d = date(text, "6 May 2019", "2019-05-06")
    visit, donation = events_of(text, dates=[d])
    assert (visit.event_type, donation.event_type) == ("visit", "donation")
    assert visit.date.inferred is False
    assert donation.date.inferred is True
    assert (donation.date.char_start, donation.date.char_end, donation.date.edtf) == (d.char_start, d.char_end, d.edtf)
    assert d.inferred is False  # the input is not changed
    assert donation.confidence == CONFIDENCE_CARRIED_DATE


def test_no_date_anywhere_gives_null():
    [event] = events_of("The chief librarian of the Academy visited the Central Library.")
    assert event.date is None
    assert event.confidence == CONFIDENCE_NO_DATE


def test_confidence_order():
    assert CONFIDENCE_EXPLICIT_DATE > CONFIDENCE_CARRIED_DATE > CONFIDENCE_NO_DATE


# ------------------------------------------------------------------ participants, places, counts


@pytest.mark.parametrize("second, carried", [
    ("The guests were presented with books about the history of the city.", True),
    ("Both sides signed a memorandum of understanding.", True),
    ("The delegation donated publications of their university to the library.", True),
    ("The two directors signed a memorandum of understanding.", True),
    ("The local branch was renamed in honour of the poet.", False),
])
def test_group_subject_takes_the_people_introduced_before(second, carried):
    first = "On 3 June 2018 Anna Berg and Jonas Lind visited the Regional Library. "
    text = first + second
    people = [person(text, "Anna Berg"), person(text, "Jonas Lind")]
    events = events_of(text, people=people)
    assert len(events) == 2
    names = [p.name for p in events[1].people]
    assert names == (["Anna Berg", "Jonas Lind"] if carried else [])


def test_pronoun_takes_the_first_person_of_the_paragraph():
    text = "In 2021 Maria Novak, director of the archive, visited Kaunas. She presented books to the city library."
    people = [person(text, "Maria Novak")]
    visit, donation = events_of(text, people=people)
    assert [p.name for p in donation.people] == ["Maria Novak"]


def test_participants_come_from_the_sentence():
    text = ("Piotr Zielinski of the Jagiellonian Library visited the National Library in Vilnius. "
            "Later, Ona Kairys met with the staff of the Vilnius University Library.")
    people = [person(text, "Piotr Zielinski"), person(text, "Ona Kairys")]
    insts = [institution(text, "Jagiellonian Library"), institution(text, "National Library"),
             institution(text, "Vilnius University Library")]
    locs = [location(text, "Vilnius")]
    visit, meeting = events_of(text, people=people, institutions=insts, locations=locs)
    assert [p.name for p in visit.people] == ["Piotr Zielinski"]
    assert [i.name for i in visit.institutions] == ["Jagiellonian Library", "National Library"]
    assert [x.name for x in visit.locations] == ["Vilnius"]
    assert [p.name for p in meeting.people] == ["Ona Kairys"]
    assert [i.name for i in meeting.institutions] == ["Vilnius University Library"]


def test_quantities_attach_to_donations():
    text = "The Embassy donated approximately 60 books about Turkish history to the library."
    [event] = events_of(text)
    [q] = event.quantities
    assert (q.value, q.approximate, q.what) == (60, True, "books about Turkish history")
    assert text[q.char_start:q.char_end] == "approximately 60 books about Turkish history"


def test_numbers_inside_dates_are_not_quantities():
    text = "On 12 May 2019 12 volunteers sent 300 books to the library."
    d = date(text, "12 May 2019", "2019-05-12")
    [event] = events_of(text, dates=[d])
    assert [(q.value, q.what) for q in event.quantities] == [(12, "volunteers"), (300, "books")]


def test_no_quantities_on_a_visit():
    text = "A delegation of 12 librarians visited the archive."
    [event] = events_of(text)
    assert event.quantities == []


# ------------------------------------------------------------------ records: ids, evidence, source


def test_ids_evidence_and_source_use_document_offsets():
    heading = "News"
    body = "On 2 April 2020 the director signed an agreement. The library hosted students from Baku."
    offset = len(heading) + 2
    text = heading + "\n\n" + body
    blocks = [block_of(heading, 0, 0, kind="heading"), block_of(body, 1, offset)]
    nlp = get_pipeline()
    docs = [nlp(heading), nlp(body)]
    d = date(body, "2 April 2020", "2020-04-02", start=offset)
    events = assemble_events(docs, blocks, [[], [d]], [Entities(), Entities()], "news", "news.txt")
    assert events[0] == []  # headings yield no events
    agreement, visit = events[1]
    assert [agreement.id, visit.id] == ["news:p1:e0", "news:p1:e1"]
    for e in (agreement, visit):
        assert text[e.evidence_char_start:e.evidence_char_end] == e.evidence
        assert text[e.trigger_char_start:e.trigger_char_end] == e.trigger
        assert (e.source.paragraph, e.source.char_start, e.source.char_end) == (1, offset, len(text))
        assert e.doc_id == "news"
    assert agreement.evidence == "On 2 April 2020 the director signed an agreement."
    assert visit.date.inferred is True


def test_bibliography_blocks_yield_no_events():
    text = "Smith, J. (2019). The library visited by the poets. London: Routledge."
    doc = get_pipeline()(text)
    assert assemble_events([doc], [block_of(text, kind="bibliography")], [[]], [Entities()], "d", "d.txt") == [[]]


# ------------------------------------------------------------------ rules as data


def test_every_event_type_but_other_has_a_rule():
    rules = load_trigger_rules(models_path(TRIGGER_FILE))
    assert {r.type for r in rules} == set(EVENT_TYPES) - {"other"}
    assert len({r.id for r in rules}) == len(rules)
    assert load_cue_rules(models_path(CUE_FILE))


def _rows(name):
    return [json.loads(x) for x in models_path(name).read_text(encoding="utf-8").splitlines()
            if x.strip() and not x.lstrip().startswith("#")]


@pytest.mark.parametrize("mutate, reason", [
    (lambda r: r[0].update(comment="x"), "unknown keys"),
    (lambda r: r[0].update(type="party"), "unknown event type"),
    (lambda r: r[0].update(form="adverb"), "form must be one of"),
    (lambda r: r[0].update(pattern=[]), "non-empty list"),
    (lambda r: r[1].update(id=r[0]["id"]), "duplicate id"),
    (lambda r: r.clear(), "no rules"),
])
def test_trigger_loader_is_strict(tmp_path, mutate, reason):
    rows = _rows(TRIGGER_FILE)
    mutate(rows)
    path = tmp_path / TRIGGER_FILE
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(ModelsError, match=reason) as error:
        load_trigger_rules(path)
    assert str(error.value).startswith(str(path)) and "\n" not in str(error.value)


def test_invalid_token_pattern_is_reported_with_its_id(tmp_path):
    import shutil

    from coopextract.pipeline.events.triggers import TriggersComponent

    for name in TriggersComponent.rule_files:
        shutil.copy(models_path(name), tmp_path / name)
    rows = _rows(TRIGGER_FILE)
    rows[0]["pattern"] = [{"LOWERCASE": "visited"}]
    (tmp_path / TRIGGER_FILE).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(ModelsError, match=rows[0]["id"]):
        TriggersComponent(get_pipeline(), "coop_triggers", models_dir=str(tmp_path))


# ------------------------------------------------------------------ the seed documents, end to end

SEEDS = __import__("pathlib").Path(__file__).resolve().parent.parent / "corpus" / "raw"


@pytest.fixture(scope="module")
def visit_log():
    from coopextract.extract import extract_file

    return extract_file(SEEDS / "presidential_library_visits.txt")


@pytest.fixture(scope="module")
def chapter():
    from coopextract.extract import extract_file

    return extract_file(SEEDS / "chapter_azerbaijan_turkiye_libraries.txt")


def test_every_visit_log_entry_yields_dated_events(visit_log):
    entries = [p for p in visit_log if p.text.strip()]
    assert len(entries) >= 25
    for p in entries:
        assert p.events, p.text[:80]
        first = next((e for e in p.events if e.event_type in ("visit", "meeting", "donation")), None)
        assert first is not None, p.text[:80]
        assert first.date is not None, p.text[:80]  # the entry's own date, from its own sentence
        assert first.evidence_char_start <= first.date.char_start < first.evidence_char_end, p.text[:80]
        assert all(e.date is not None for e in p.events), p.text[:80]


def test_chapter_sections_two_to_five_give_every_cooperation_type(chapter):
    sections = ("2.", "3.", "4.", "5.")
    found = {e.event_type for p in chapter if (p.section or "").startswith(sections) for e in p.events}
    assert found >= {"visit", "meeting", "agreement", "donation", "exchange", "conference", "training",
                     "business_trip", "webinar", "publication", "founding", "project"}


def test_seed_events_cut_back_out_of_their_paragraph(visit_log, chapter):
    for paragraphs in (visit_log, chapter):
        for p in paragraphs:
            for e in p.events:
                s = e.evidence_char_start - p.source.char_start
                assert p.text[s:s + len(e.evidence)] == e.evidence
                assert e.evidence_char_start <= e.trigger_char_start < e.trigger_char_end <= e.evidence_char_end
                assert p.section is None or not p.section.lower().startswith("references")


# ------------------------------------------------------------------ event places: venue or destination only


def event_places_of(text):
    """{event type: place names} of a one-paragraph text run through the whole flow."""
    from coopextract.extract import extract_text

    return {e.event_type: [x.name for x in e.locations] for p in extract_text(text, doc_id="t") for e in p.events}


@pytest.mark.parametrize("sentence, expected", [
    # governed by a venue or destination word, or by a visit verb
    ("In May 2022 a delegation of the Latvian National Library visited Vilnius.", {"visit": ["Vilnius"]}),
    ("On 3 June 2021 the director travelled to Kaunas to meet colleagues.", {"business_trip": ["Kaunas"]}),
    ("On 5 April 2019 the conference was held in Kaunas.", {"conference": ["Kaunas"]}),
    ("On 2 March 2020 the guests, arriving in Riga, visited the National Library of Latvia.", {"visit": ["Riga"]}),
    ("In 2023 the library signed an agreement in Vilnius with Estonian partners.", {"agreement": ["Vilnius"]}),
    # a list takes the word that governs its first item
    ("In 2018 the delegation visited libraries in Kraków, Warsaw and Gdańsk.",
     {"visit": ["Kraków", "Warsaw", "Gdańsk"]}),
    ("In 2019 librarians from Tallinn, Kaunas and Gdańsk attended a seminar in Riga.", {"training": ["Riga"]}),
    # ... in the other languages read, and past a member the gazetteer does not know (invented towns)
    ("En mayo de 2019 la delegación visitó bibliotecas en Kraków, Tarvo y Gdańsk.", {"visit": ["Kraków", "Gdańsk"]}),
    ("In May 2019 the librarians toured libraries in Oskarby, Tarvo and Riga.", {"visit": ["Riga"]}),
    ("In May 2019 the librarians toured libraries in Kaunas, Tarvo and Riga.", {"visit": ["Kaunas", "Riga"]}),
    # a town of the gazetteer's smaller places
    ("In October 2019 the conference of the archivists was held in Sundsvall.", {"conference": ["Sundsvall"]}),
    # the place of a role, of someone's origin, of a partner, or a topic
    ("In 2019 the Minister of Culture of the Republic of Lithuania visited the library.", {"visit": []}),
    ("On 4 May 2021 a writer from France visited the library.", {"visit": []}),
    ("In 2021 the library held a webinar for librarians of Uzbekistan and Kazakhstan.", {"webinar": []}),
    ("In 2017 an exhibition dedicated to Georgia was opened at the library.", {"exhibition": []}),
    ("In 2019 the director presented 40 books about Armenia to the school.", {"donation": []}),
    ("In 2020 Riga's libraries hosted a seminar.", {"training": []}),
    ("In 2019 the delegation visited Baku State Museum.", {"visit": []}),
    # items described by a place ("published in") are not where the event was
    ("In 2016 the library donated 300 books published in Poland to a school in Lviv.", {"donation": ["Lviv"]}),
    # "in Y" after a name takes the part of that name
    ("In 2020 the library received 200 books from the Goethe-Institut in Munich.", {"donation": []}),
    ("In 2020 a delegation from the University of Warsaw in Poland visited the library.", {"visit": []}),
    ("In 2023 the library signed an agreement with the National Library of Lithuania in Vilnius.", {"agreement": []}),
    ("On 1 July 2019 the exhibition was opened in the library located in Kaunas.", {"exhibition": ["Kaunas"]}),
    # a country or region beside a city, or in brackets, only qualifies; a city in brackets is an address
    ("In 2021 the delegation visited Tbilisi, Georgia.", {"visit": ["Tbilisi"]}),
    ("In 2022 the delegation visited the National Museum (Tallinn).", {"visit": ["Tallinn"]}),
    ("In 2022 Mr. Jan Kowalski of the Jagiellonian Library (Poland) visited the library.", {"visit": []}),
    # a country is not the place when a city of it is
    ("In 2018 our staff travelled to Norway and worked in Bergen.", {"business_trip": ["Bergen"]}),
    # "the city of X", "the capital, X" are X; a place that hosted the event is its venue
    ("In 2019 the delegation travelled to the city of Kaunas.", {"business_trip": ["Kaunas"]}),
    ("In 2019 the conference was held in the capital, Vilnius.", {"conference": ["Vilnius"]}),
    ("In 2019 the Mayor of the city of Kaunas visited the library.", {"visit": []}),
    ("In 2019 Riga hosted the international forum of librarians.", {"conference": ["Riga"]}),
    # a place right before "to"/"in" passes on its role when it qualifies a role
    ("The Ambassador of France to Chile visited the library in 2019.", {"visit": []}),
    ("In 2019 the Ambassador of Japan in Georgia visited the library.", {"visit": []}),
    ("A delegation from Japan arrived in Seoul on 4 April 2018.", {"visit": ["Seoul"]}),
    ("The agreement was signed in Berlin, Germany, on 12 March 2020.", {"agreement": ["Berlin"]}),
    ("In 2019 the staff visited partner libraries in Tallinn (Estonia) and Riga (Latvia).",
     {"visit": ["Tallinn", "Riga"]}),
    # "the capital X"; the city of a name that is the destination; a city before its country
    ("In 2019 the books were handed over at a ceremony in the capital Vilnius.", {"donation": ["Vilnius"]}),
    ("On 4 May 2021 the embassy donated 300 books to Kaunas University of Technology, Kaunas.",
     {"donation": ["Kaunas"]}),
    ("From 24 to 30 August 2018 the director attended the congress in Kuala Lumpur Malaysia.",
     {"conference": ["Kuala Lumpur"]}),
    # the object of a visit verb and the place words of other languages
    ("El 4 de mayo de 2022 el director visitó Quito.", {"visit": ["Quito"]}),
    ("Am 4. Mai 2022 unterzeichneten die Bibliotheken in Wien einen Kooperationsvertrag.",
     {"agreement": ["Wien"]}),
])
def test_an_event_keeps_only_its_venue_or_destination(sentence, expected):
    assert event_places_of(sentence) == expected


@pytest.mark.parametrize("content, reason", [
    ('{"id": "a", "role": "venue", "words": ["in"], "extra": 1}', "unknown keys"),
    ('{"id": "a", "role": "somewhere", "words": ["in"]}', "role must be one of"),
    ('{"id": "a", "role": "venue", "words": ["in"]}\n{"id": "a", "role": "origin", "words": ["from"]}', "duplicate id"),
    ('{"id": "a", "role": "venue", "words": ["in"]}\n{"id": "b", "role": "origin", "words": ["In"]}', "already has the role"),
    ('{"id": "a", "role": "venue", "words": []}', "non-empty list"),
    ('# nothing\n', "no rules"),
])
def test_place_cue_loader_is_strict(tmp_path, content, reason):
    from coopextract.pipeline.events.assemble import load_place_cues

    path = tmp_path / "event_places.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelsError, match=reason):
        load_place_cues(path)


def test_shipped_place_cues_load():
    from coopextract.pipeline.events.assemble import KEEP_ROLES, PLACE_FILE, load_place_cues

    cues = load_place_cues(models_path(PLACE_FILE))
    assert {cues["in"], cues["to"], cues["visited"]} <= set(KEEP_ROLES)
    assert cues["from"] not in KEEP_ROLES and cues["of"] not in KEEP_ROLES


@pytest.mark.parametrize("sentence, expected", [
    ("In 2019 a delegation led by a member of the Green Party (GP)-visited the archive.", ["visit"]),
    ("In 2020 the head of the Tartu Club(Estonia) visited Kaunas.", ["visit"]),
])
def test_brackets_glued_to_words_do_not_hide_a_trigger(sentence, expected):
    assert types_of(sentence) == expected


@pytest.mark.parametrize("text, tokens", [
    ("(GP)-visited", ["(", "GP", ")", "-", "visited"]),
    ("Club(Estonia)", ["Club", "(", "Estonia", ")"]),
    ("co-operation", ["co", "-", "operation"]),
])
def test_tokenizer_splits_brackets_glued_to_words(text, tokens):
    assert [t.text for t in get_pipeline().make_doc(text)] == tokens


def types_through_flow(text):
    from coopextract.extract import extract_text

    return sorted(e.event_type for p in extract_text(text, doc_id="t") for e in p.events)


@pytest.mark.parametrize("sentence, expected", [
    # the document's own staff travelling, or travellers going to a place to study or work
    ("In 2019 our librarians visited the National Library of Estonia.", ["business_trip"]),
    ("In March 2020 two of our staff visited Vilnius.", ["business_trip"]),
    ("In 2020 a group of archivists visited Gdańsk and worked in the city museum to study its catalogue.",
     ["business_trip"]),
    # guests: a visit
    ("In 2019 a delegation of the University of Warsaw visited Kaunas.", ["visit"]),
    ("In 2019 students of the college visited the library to study its rare books.", ["visit"]),
    ("In 2021 the director of the Lithuanian archive visited our library.", ["visit"]),
    # "we" as the host of guests: the writer's side stayed home; welcomed by a host, it is a visit
    # of the trip told by the guest
    ("In 2021 we welcomed a large group of Finnish colleagues.", ["visit"]),
    ("In 2021 we were welcomed by the staff of the Tartu city library.", ["visit"]),
])
def test_own_staff_travelling_is_a_business_trip(sentence, expected):
    assert types_through_flow(sentence) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 4 May 2019 a delegation of the Estonian archive visited the library. "
     "The guests had a meeting with the staff of the reading rooms.", ["visit"]),
    ("On 4 May 2019 a delegation of the Estonian archive visited the library. "
     "During the meeting, the sides discussed digitisation.", ["visit"]),
    # a meeting in the same sentence, or on a business trip, is an event of its own
    ("On 4 May 2019 the guests visited the archive and held a meeting with its director.", ["meeting", "visit"]),
    ("On 4 May 2019 our librarians travelled to Vilnius. "
     "Meetings were held with the staff of the university libraries.", ["business_trip", "meeting"]),
])
def test_a_meeting_of_visiting_guests_is_part_of_the_visit(text, expected):
    assert types_through_flow(text) == expected


@pytest.mark.parametrize("content, reason", [
    ('{"id": "a", "cue": "own", "words": ["our"], "note": "x"}', "unknown keys"),
    ('{"id": "a", "cue": "mine", "words": ["our"]}', "cue must be one of"),
    ('{"id": "a", "cue": "own", "words": ["our"]}', "missing cues"),
])
def test_context_cue_loader_is_strict(tmp_path, content, reason):
    from coopextract.pipeline.events.assemble import load_context_cues

    path = tmp_path / "event_context.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelsError, match=reason):
        load_context_cues(path)


@pytest.mark.parametrize("second, expected", [
    ("During the trip, she signed an agreement with the university library.", ("2021-10", True)),
    ("Within the framework of this visit, the archive presented 30 books to the library.", ("2021-10", True)),
    ("On that occasion, the archive presented 30 books to the library.", ("2021-10", True)),
    # no reference back to the occasion: the paragraph states no date
    ("The library signed an agreement with the university library.", (None, None)),
])
def test_an_undated_paragraph_referring_back_to_an_occasion_takes_its_date(second, expected):
    from coopextract.extract import extract_text

    text = "In October 2021 our director travelled to Vilnius.\n\n" + second
    paragraphs = extract_text(text, doc_id="t")
    [event] = paragraphs[1].events
    assert ((event.date.edtf, event.date.inferred) if event.date else (None, None)) == expected


@pytest.mark.parametrize("first, second", [
    # other languages refer back with "during" and the occasion noun in its case, no article
    ("W październiku 2021 dyrektorka biblioteki odwiedziła Wilno.",
     "Podczas wizyty biblioteki podpisały porozumienie o współpracy."),
    ("En octobre 2021, la directrice de la bibliothèque s'est rendue à Vilnius.",
     "Lors de la visite, les deux bibliothèques ont signé une convention de coopération."),
    ("В октябре 2021 года директор библиотеки посетила Вильнюс.",
     "В ходе визита библиотеки подписали меморандум о сотрудничестве."),
])
def test_a_foreign_paragraph_referring_back_to_an_occasion_takes_its_date(first, second):
    from coopextract.extract import extract_text

    paragraphs = extract_text(first + "\n\n" + second, doc_id="t")
    found = [(e.event_type, e.date.edtf if e.date else None) for e in paragraphs[1].events]
    assert ("agreement", "2021-10") in found
    assert all(date == "2021-10" for _, date in found)


def test_a_plan_made_at_an_occasion_does_not_take_its_date():
    from coopextract.extract import extract_text

    text = ("In October 2021 our director travelled to Vilnius.\n\n"
            "During the visit, the two libraries agreed that they will sign a memorandum of cooperation.")
    events = extract_text(text, doc_id="t")[1].events
    assert all(e.date is None for e in events if e.modality == "planned")
    assert not [e for e in events if e.event_type == "agreement" and e.date is not None and e.modality == "planned"]


@pytest.mark.parametrize("text, phrase, iso, expected", [
    # the date of the things the event is about is not the event's date
    ("The archives signed an agreement on the digitisation of newspapers from the period between 1905 and 1907.",
     "between 1905 and 1907", "1905/1907", None),
    ("The museum donated 80 books published in 1937 to the library.", "1937", "1937", None),
    # a date governed by the trigger itself is the event's
    ("The catalogue was published in 2020 by the library.", "2020", "2020", "2020"),
    ("The library signed the agreement on 5 May 2020.", "5 May 2020", "2020-05-05", "2020-05-05"),
])
def test_the_date_of_the_items_is_not_the_date_of_the_event(text, phrase, iso, expected):
    i = text.index(phrase)
    d = DateValue(text=phrase, edtf=iso, start=iso.split("/")[0], end=iso.split("/")[-1],
                  precision="day" if len(iso) == 10 else "year", char_start=i, char_end=i + len(phrase))
    [event] = events_of(text, dates=[d])
    assert (event.date.edtf if event.date else None) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a bare "sent" beside a gift is more of the gift ...
    ("In 2020 the archive received 120 books from the Polish Institute and sent 40 books to a school in Vilnius.",
     ["donation"]),
    # ... unless the sentence speaks of an exchange
    ("In 2020 the archive received 60 journals from the university library and sent back 40 books.",
     ["donation", "exchange"]),
    # ... and alone, with nothing said in return, it is a gift too
    ("In 2020 the archive sent 40 books to the university library.", ["donation"]),
    # ... in the passive too, the things sent before it
    ("In 2020, 40 books were sent to the university library.", ["donation"]),
    ("In 2020 boxes of books have been shipped to schools in Samoa.", ["donation"]),
    # ... but not what is still "to be shipped"
    ("In 2020 the volunteers packed the boxes to be shipped.", []),
])
def test_sending_beside_a_gift_is_a_gift(sentence, expected):
    assert types_through_flow(sentence) == expected


@pytest.mark.parametrize("second, expected", [
    # something new of another type during the occasion referred back to is an event of it
    ("During the trip, a training seminar on digital preservation drew special attention.", [("training", "2021-10")]),
    # the occasion's own word only refers back to it
    ("During the meetings, the colleagues described their digitisation work.", []),
])
def test_a_new_thing_during_an_occasion_referred_back_to_is_an_event(second, expected):
    from coopextract.extract import extract_text

    paragraphs = extract_text("In October 2021 our director travelled to Vilnius.\n\n" + second, doc_id="t")
    assert [(e.event_type, e.date.edtf) for e in paragraphs[1].events] == expected


def test_sending_in_a_section_about_an_exchange_is_part_of_it():
    from coopextract import extract_text

    text = ("Book exchange\n\nThe library exchanged publications with foreign partners.\n\n"
            "In 1960, 1,233 printed items were sent to these organizations.")
    assert [e.event_type for p in extract_text(text) for e in p.events if e.date and e.date.start == "1960"] == [
        "exchange"]


@pytest.mark.parametrize("sentence", [
    # a book fair is an exhibition, in English and in the languages of the predicates
    "In March 2004 the library took part in the Tarvo International Book Fair.",
    "En mayo de 2015 la biblioteca participó en la Feria Internacional del Libro de Tarvo.",
    "Im Oktober 2019 war die Bibliothek auf der Buchmesse in Tarvo vertreten.",
    "En mars 2018, la bibliothèque a participé au Salon du livre de Tarvo.",
])
def test_a_book_fair_is_an_exhibition(sentence):
    assert types_through_flow(sentence) == ["exhibition"]


@pytest.mark.parametrize("sentence, expected", [
    # "met" and "meeting" that satisfy a need, a standard or an expectation meet no one
    ("In 2023 the books received by the library met the reading needs of its pupils.", ["donation"]),
    ("In 2021 the theme of the day was meeting new readers' expectations.", []),
    ("In 1990 the library met the standards for a state grant.", []),
    # ... while a meeting about needs or standards is a meeting
    ("In 2023 the directors met at the library to discuss standards.", ["meeting"]),
    ("In 2023 the director had a meeting with the needs assessment team.", ["meeting"]),
])
def test_meeting_a_need_is_no_meeting(sentence, expected):
    assert types_through_flow(sentence) == expected
