"""Corpus-level entities (review/entities.py): one identity per body, person and place across
documents; stable ids; ambiguous merges not made."""

import random

import pytest

from coopextract.records import Event, Institution, Location, Paragraph, Person, Source
from coopextract.review.entities import Mention, load_vocabulary, make_id, resolve, resolve_records


def org(name, doc, acronym=None, country=None):
    return Mention("institution", name, doc, acronym, country)


def person(name, doc):
    return Mention("person", name, doc)


def place(name, doc, country=None, geonames_id=None):
    return Mention("place", name, doc, None, country, geonames_id)


def same(mentions, a, b) -> bool:
    res = resolve(mentions)
    return res.of(a).entity_id == res.of(b).entity_id


@pytest.mark.parametrize("a, b", [
    # word order and the country's adjective
    (org("National Library of Estonia", "a", country="EE"), org("Estonian National Library", "b", country="EE")),
    # the country's long form
    (org("National Library of Morocco", "a", country="MA"), org("National Library of the Kingdom of Morocco", "b")),
    # transliteration variants
    (org("Martynas Mažvydas National Library of Lithuania", "a", country="LT"),
     org("National Library of the Republic of Lithuania named after Martinas Majvidas", "b", country="LT")),
    (org("All-Russia State Library for Foreign Literature", "a", country="RU"),
     org("All-Russian State Library for Foreign Literature", "b", country="RU")),
    # an acronym the corpus defines elsewhere, and a known one
    (org("Azerbaijan National Academy of Sciences", "a", acronym="ANAS", country="AZ"), org("ANAS", "b", acronym="ANAS")),
    (org("IFLA", "a", acronym="IFLA"), org("International Federation of Library Associations and Institutions", "b")),
    # an acronym alone: the initials of one name
    (org("National Library of Estonia", "a", country="EE"), org("NLE", "b")),
    # a short form with its country: the one longer name of that country
    (org("National Library", "a", country="TR"), org("National Library of Türkiye", "b", country="TR")),
    # one distinctive name without a country in two documents
    (org("International Federation of Library Associations and Institutions", "a"),
     org("International Federation of Library Associations and Institutions", "b")),
])
def test_one_institution_across_documents(a, b):
    assert same([a, b], a, b)


@pytest.mark.parametrize("a, b, others", [
    # different countries
    (org("National Library of Estonia", "a", country="EE"), org("National Library of Latvia", "b", country="LV"), []),
    (org("National Library", "a", country="GE"), org("National Library", "b", country="AZ"), []),
    # a generic name without a country, in two documents
    (org("Ministry of Education", "a"), org("Ministry of Education", "b"), []),
    # an institution is not its library
    (org("Istanbul University", "a", country="TR"), org("Istanbul University Library", "b", country="TR"), []),
    # a short form two longer names begin with: ambiguous
    (org("National Library", "a", country="KR"), org("National Library of Korea", "b", country="KR"),
     [org("National Library of Korea Branch", "c", country="KR")]),
    # different words, not spellings
    (org("University of Tartu Library", "a", country="EE"), org("University of Tampere Library", "b", country="EE"), []),
])
def test_different_institutions_stay_apart(a, b, others):
    assert not same([a, b, *others], a, b)


@pytest.mark.parametrize("a, b, expected", [
    (person("Nino Kavtaradze", "a"), person("Kavtaradze Nino", "b"), True),       # word order
    (person("Rustam Aliyev", "a"), person("Rustam Aliev", "b"), True),            # transliteration
    (person("Mayil Ahmadov", "a"), person("Mayil Ahmedov", "b"), True),
    (person("N. Kavtaradze", "a"), person("Nino Kavtaradze", "b"), True),         # initials
    (person("Aziz Aliyev", "a"), person("Ilham Aliyev", "b"), False),             # one surname, two people
    (person("Nino Kavtaradze", "a"), person("Nina Kavtaradze", "b"), False),
])
def test_people(a, b, expected):
    assert same([a, b], a, b) is expected


def test_initials_that_fit_two_people_are_left_alone():
    mentions = [person("N. Beridze", "a"), person("Nino Beridze", "b"), person("Nana Beridze", "c")]
    res = resolve(mentions)
    assert len({res.of(m).entity_id for m in mentions}) == 3


@pytest.mark.parametrize("a, b, expected", [
    (place("Baku", "a", "AZ", 587084), place("Bakı", "b", "AZ", 587084), True),          # by GeoNames id
    (place("Azerbaijan", "a", "AZ"), place("Republic of Azerbaijan", "b", "AZ"), True),  # the gazetteer's id
    (place("Springfield", "a", "US", 4409896), place("Springfield", "b", "US", 4951788), False),
    (place("Nowhereville", "a", "XX"), place("Nowhereville", "b"), True),               # the one with a country
])
def test_places(a, b, expected):
    assert same([a, b], a, b) is expected


def test_ids_come_from_the_canonical_name_and_country_in_any_order():
    mentions = [org("Estonian National Library", "b", country="EE"), org("National Library of Estonia", "a", country="EE"),
                org("NLE", "c"), person("Nino Kavtaradze", "a"), person("N. Kavtaradze", "b"),
                place("Baku", "a", "AZ", 587084)]
    first = resolve(mentions)
    for seed in range(5):
        shuffled = mentions[:]
        random.Random(seed).shuffle(shuffled)
        again = resolve(shuffled)
        assert {m: e for m, e in again.by_mention.items()} == first.by_mention
    library = first.of(mentions[0])
    assert library.entity_id == "org:national-library-of-estonia:ee" == make_id("institution", library.canonical, "EE")
    assert library.canonical == "National Library of Estonia"   # fullest form; ties: most documents, then longest
    assert set(library.docs) == {"a", "b", "c"}
    assert first.of(mentions[3]).entity_id == "person:nino-kavtaradze"
    assert first.of(mentions[5]).entity_id == "place:geonames:587084"


def test_long_names_get_a_short_readable_id_with_a_hash():
    ident = make_id("institution", "Presidential Library of Administrative Department of the President of "
                                   "the Republic of Azerbaijan", "AZ")
    assert len(ident) < 90 and ident.startswith("org:presidential-library-of-") and ident.endswith(":az")


def test_vocabulary_reads_the_rules():
    vocab = load_vocabulary()
    assert vocab.countries["estonian"] == "EE" and vocab.countries["kingdom of morocco"] == "MA"
    assert "of" in vocab.glue and vocab.acronyms["IFLA"].startswith("International Federation")


def test_resolve_records_fills_ids_on_every_mention_of_paragraphs_and_events():
    def para(doc, text, inst_name, country):
        src = Source(path=f"{doc}.txt", paragraph=0, char_start=0, char_end=len(text))
        inst = Institution(name=inst_name, country=country, char_start=0, char_end=len(inst_name))
        who = Person(name="Nino Kavtaradze", affiliation=inst_name, char_start=0, char_end=5)
        where = Location(name="Tallinn", country="EE", char_start=0, char_end=7)
        event = Event(id=f"{doc}:p0:e0", doc_id=doc, source=src, event_type="visit", people=[who],
                      institutions=[inst], locations=[where], evidence=text, confidence=0.9)
        return Paragraph(doc_id=doc, source=src, text=text, people=[who], institutions=[inst],
                         locations=[where], events=[event])

    records = [para("a", "x" * 40, "National Library of Estonia", "EE"), para("b", "y" * 40, "Estonian National Library", None)]
    res = resolve_records(records)
    ids = {i.entity_id for r in records for holder in [r, *r.events] for i in holder.institutions}
    assert ids == {"org:national-library-of-estonia:ee"}
    assert all(i.canonical == "National Library of Estonia" for r in records for i in r.institutions)
    assert {p.entity_id for r in records for p in r.people} == {"person:nino-kavtaradze"}
    assert {loc.entity_id for r in records for loc in r.locations} == {res.of(place("Tallinn", "a", "EE")).entity_id}
    # a records line round-trips with its ids
    line = records[0].model_dump_json()
    assert Paragraph.model_validate_json(line).institutions[0].entity_id == "org:national-library-of-estonia:ee"
