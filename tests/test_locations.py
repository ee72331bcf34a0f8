"""Locations: cities, regions and countries from the gazetteer, with their country."""

import pytest

from coopextract import extract_text


def locations(text):
    return [(loc.name, loc.country) for par in extract_text(text, doc_id="t") for loc in par.locations]


@pytest.mark.parametrize("sentence, expected", [
    ("On arriving in Baku the guests visited the library.", [("Baku", "AZ")]),
    ("The delegation travelled from Ankara to İzmir.", [("Ankara", "TR"), ("İzmir", "TR")]),
    ("Books were sent to Izmir and Antalya.", [("Izmir", "TR"), ("Antalya", "TR")]),
    ("Librarians from Khasavyurt (Dagestan) took part.", [("Khasavyurt", "RU"), ("Dagestan", "RU")]),
    ("A conference was held in Kraków, Poland.", [("Kraków", "PL"), ("Poland", "PL")]),
    ("Relations between the Republic of Azerbaijan and Türkiye grew.", [("Republic of Azerbaijan", "AZ"), ("Türkiye", "TR")]),
    ("Partners from Turkey and Georgia met in Tbilisi.", [("Turkey", "TR"), ("Georgia", "GE"), ("Tbilisi", "GE")]),
    ("Exhibitions toured Europe and Central Asia.", [("Europe", None), ("Central Asia", None)]),
])
def test_places_and_their_countries(sentence, expected):
    assert locations(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Turkish and Azerbaijani librarians met.",                     # adjectives are not places
    "The National Library of Morocco sent books.",                 # part of an institution's name
    "Mobile libraries and the Reading Room were discussed in March.",
    "Of the books received, most were new.",
    'He presented his novel "Paris Nights" to the readers.',        # a title of a work
    "Maria da Silva Santos, librarian, joined online.",              # part of a person's name
])
def test_non_places(sentence):
    assert locations(sentence) == []


def test_location_offsets_are_document_offsets():
    text = "First paragraph.\n\nThe guests arrived in Ganja."
    par = extract_text(text, doc_id="t")[1]
    loc = par.locations[0]
    assert text[loc.char_start:loc.char_end] == "Ganja"


def readings(text):
    return [(loc.name, loc.country) for par in extract_text(text, doc_id="t") for loc in par.locations]


@pytest.mark.parametrize("sentence, expected", [
    # without a country nearby: the capital, else the most populous place of the name
    ("The delegation travelled to London.", ("London", "GB")),
    ("The delegation travelled to Cambridge.", ("Cambridge", "GB")),
    ("The delegation travelled to Kingston.", ("Kingston", "JM")),
    ("The delegation travelled to Tripoli.", ("Tripoli", "LY")),
    ("The delegation travelled to Colombo.", ("Colombo", "LK")),
    ("The delegation travelled to Los Angeles.", ("Los Angeles", "US")),
    ("The delegation travelled to Alexandria.", ("Alexandria", "EG")),
    ("The delegation travelled to Santiago.", ("Santiago", "CL")),
    ("The delegation travelled to Córdoba.", ("Córdoba", "AR")),
    # a country, region or country adjective in the paragraph says which one
    ("The delegation travelled to London, Ontario.", ("London", "CA")),
    ("The delegation travelled to Cambridge, Massachusetts.", ("Cambridge", "US")),
    ("A Canadian delegation came from Kingston.", ("Kingston", "CA")),
    ("The delegation travelled to Tripoli in Lebanon.", ("Tripoli", "LB")),
    ("The delegation travelled to Colombo, Brazil.", ("Colombo", "BR")),
    ("The delegation travelled to Los Angeles in Chile.", ("Los Angeles", "CL")),
    ("The delegation travelled to Alexandria, Virginia.", ("Alexandria", "US")),
    ("The delegation travelled to Santiago in the Philippines.", ("Santiago", "PH")),
    ("The delegation travelled to Córdoba, Spain.", ("Córdoba", "ES")),
])
def test_the_place_meant_among_places_of_one_name(sentence, expected):
    assert readings(sentence)[0] == expected


def test_a_country_name_means_the_country_whatever_the_context():
    assert ("Georgia", "GE") in readings("Librarians from the United States and Georgia met.")


def test_cities_carry_their_geonames_id():
    [par] = extract_text("The delegation travelled from London to Baku and Azerbaijan.", doc_id="t")
    ids = {loc.name: loc.geonames_id for loc in par.locations}
    assert ids == {"London": 2643743, "Baku": 587084, "Azerbaijan": None}


def test_a_gazetteer_name_written_without_its_space_is_read_not_a_crash():
    """The tokenizer makes the same tokens of "St.Petersburg" as of "St. Petersburg"; the
    match used to be looked up by its text and raised KeyError."""
    from coopextract import extract_text

    found = [x.name for p in extract_text("The delegation travelled to St.Petersburg in May 2019.") for x in p.locations]
    assert found == ["St.Petersburg"]


@pytest.mark.parametrize("text, country", [
    ("Đoàn khách từ Việt Nam đã đến thăm thư viện.", "VN"),
    ("Delegasi dari Belanda mengunjungi perpustakaan.", "NL"),
    # ... with each of its words capitalised, as headings write it
    ("L'ambassadeur d'Arabie Saoudite a visité la bibliothèque.", "SA"),
])
def test_a_country_named_in_another_language_is_a_place_not_a_person(text, country):
    from coopextract import extract_text

    pars = extract_text(text)
    assert country in [x.country for p in pars for x in p.locations]
    assert [x.name for p in pars for x in p.people] == []


@pytest.mark.parametrize("text, place, country", [
    # a big city as other languages write it, with the city's GeoNames reading
    ("La delegación viajó a Varsovia y a Londres.", "Varsovia", "PL"),
    ("Die Bibliothekarinnen besuchten Warschau.", "Warschau", "PL"),
    ("Делегацията пристигна в Прага.", "Прага", "CZ"),
    ("A delegação visitou Moscú.", "Moscú", "RU"),
])
def test_a_big_city_named_in_another_language_is_that_city(text, place, country):
    pars = extract_text(text)
    found = [(x.name, x.country) for p in pars for x in p.locations]
    assert (place, country) in found
    assert all(x.geonames_id for p in pars for x in p.locations if x.name == place)


def test_a_city_named_in_another_language_before_a_name_is_no_part_of_it():
    pars = extract_text("Lo ha detto il ministro a San Pietroburgo Tarvo Kovalenko.")
    assert [x.name for p in pars for x in p.people] == ["Tarvo Kovalenko"]


@pytest.mark.parametrize("text, place", [
    # a wire story's dateline: the place in capitals, then a date, an agency, a dash or a colon
    ("NAIROBI, Sept. 15 — On Thursday, September 14, 2023, the university library received 300 books "
     "from the embassy.", "nairobi"),
    ("ACCRA, March 17 (GNA): The minister and the ambassador signed a memorandum on the library.", "accra"),
    ("Lusaka (Zambia), Mar 17 (ZANIS): The two libraries signed a memorandum of cooperation.", "lusaka"),
])
def test_a_paragraph_opening_with_a_dateline_places_its_events(text, place):
    from coopextract.extract import extract_text

    events = [e for p in extract_text(text, doc_id="t") for e in p.events]
    assert events and all([x.name.casefold() for x in e.locations] == [place] for e in events)


def test_capitals_are_a_place_only_in_a_dateline():
    from coopextract.extract import extract_text

    found = [x.name for p in extract_text("The delegation of CHAD visited the library in 2019.", doc_id="t")
             for x in p.locations]
    assert found == []


def test_every_gazetteer_name_has_its_readings_whether_one_or_several():
    """The lexicon keeps the reading rows of names of several places only; a name of one
    place has its one reading built from the name table, GeoNames id included."""
    from coopextract.pipeline.lexicon import load_lexicon

    lex = load_lexicon()
    assert [row[2] for row in lex.readings_of("London")][:2] == ["GB", "CA"]
    assert lex.readings_of("Baku") == (("city-587084", "city", "AZ", 587084),)
    assert lex.readings_of("Azerbaijan")[0][1:] == ("country", "AZ", None)
    assert lex.readings_of("Nowhere Town") == ()


@pytest.mark.parametrize("text, region", [
    ("Los representantes culturales de América Latina visitaron la biblioteca.", "América Latina"),
    ("La bibliothèque a reçu des livres sur l'Asie du Sud-Est.", "Asie du Sud-Est"),
    ("Die Delegation aus Westafrika besuchte die Bibliothek.", "Westafrika"),
])
def test_a_region_of_the_world_in_another_language_is_a_place_not_a_person(text, region):
    pars = extract_text(text)
    assert (region, None) in [(x.name, x.country) for p in pars for x in p.locations]
    assert [x.name for p in pars for x in p.people] == []


def test_a_region_of_the_world_is_not_where_an_event_took_place():
    pars = extract_text("On 3 May 2021 a seminar of the association was held in Central America and in Lisbon.")
    assert ("Central America", None) in [(x.name, x.country) for p in pars for x in p.locations]
    (event,) = [e for p in pars for e in p.events]
    assert [x.name for x in event.locations] == ["Lisbon"]

