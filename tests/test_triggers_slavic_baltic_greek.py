"""Event triggers in Croatian (also Serbian and Bosnian in Latin letters), Lithuanian, Latvian,
Ukrainian, Bulgarian and Greek (the "hr", "lt", "lv", "uk", "bg" and "el" entries of
``event_predicates.jsonl``); their future cues in ``event_cues.jsonl``; their function words among
``function_words.jsonl``'s foreign markers; what ``models/build_lemmas.py`` writes for them
(Croatian and Lithuanian forms from the lookup tables, the others listed). Each sentence is
written for the test; dates as digits."""

import json

import pytest

from builders import events_of, language_forms, typed

from coopextract.resources import models_dir


def table():
    return language_forms()


@pytest.mark.parametrize("lang, text, kind, start", [
    # Croatian: perfect with the auxiliary apart, passive participle, Serbian ekavian forms
    ("hr", "Dvije su sveučilišne knjižnice 3.4.2018. potpisale sporazum o suradnji.", "agreement", "2018-04-03"),
    ("hr", "Memorandum o razumijevanju potpisan je 3.4.2018. u Zagrebu.", "agreement", "2018-04-03"),
    ("hr", "Veleposlanica je 3.4.2018. posjetila gradsku knjižnicu.", "visit", "2018-04-03"),
    ("hr", "Ministar je posetio narodnu biblioteku 3.4.2018.", "visit", "2018-04-03"),
    ("hr", "Ravnatelj je 3.4.2018. primio izaslanstvo sveučilišta iz Graza.", "visit", "2018-04-03"),
    ("hr", "Autorica je 3.4.2018. knjižnici darovala dvjesto knjiga.", "donation", "2018-04-03"),
    ("hr", "Ravnateljica se 3.4.2018. sastala s rektorom sveučilišta.", "meeting", "2018-04-03"),
    ("hr", "Knjižničarka je 3.4.2018. sudjelovala na konferenciji u Splitu.", "conference", "2018-04-03"),
    ("hr", "Knjižnica je 3.4.2018. organizirala radionicu za katalogizatore.", "training", "2018-04-03"),
    ("hr", "Izložba starih zemljovida otvorena je 3.4.2018.", "exhibition", "2018-04-03"),
    ("hr", "Nova dječja čitaonica svečano je otvorena 3.4.2018.", "founding", "2018-04-03"),
    # Lithuanian: past forms from the table, participles listed
    ("lt", "Abu universitetai 2018-04-03 pasirašė bendradarbiavimo sutartį.", "agreement", "2018-04-03"),
    ("lt", "Ambasadorė 2018-04-03 lankėsi apskrities bibliotekoje.", "visit", "2018-04-03"),
    ("lt", "Rašytoja 2018-04-03 padovanojo bibliotekai du šimtus knygų.", "donation", "2018-04-03"),
    ("lt", "Direktorė 2018-04-03 susitiko su universiteto rektoriumi.", "meeting", "2018-04-03"),
    ("lt", "Bibliotekininkai 2018-04-03 dalyvavo konferencijoje Kaune.", "conference", "2018-04-03"),
    ("lt", "Senųjų žemėlapių paroda atidaryta 2018-04-03.", "exhibition", "2018-04-03"),
    # Latvian: listed forms
    ("lv", "Abas universitātes 03.04.2018. parakstīja sadarbības līgumu.", "agreement", "2018-04-03"),
    ("lv", "Vēstniece 03.04.2018. apmeklēja pilsētas bibliotēku.", "visit", "2018-04-03"),
    ("lv", "Rakstniece 03.04.2018. bibliotēkai uzdāvināja divsimt grāmatas.", "donation", "2018-04-03"),
    ("lv", "Direktore 03.04.2018. tikās ar universitātes rektoru.", "meeting", "2018-04-03"),
    ("lv", "Bibliotekāri 03.04.2018. piedalījās konferencē Rīgā.", "conference", "2018-04-03"),
    ("lv", "Seno karšu izstāde tika atklāta 03.04.2018.", "exhibition", "2018-04-03"),
    # Ukrainian: its own spellings (і, ї, є), not the Russian rows'
    ("uk", "Обидва університети 03.04.2018 підписали угоду про співпрацю.", "agreement", "2018-04-03"),
    ("uk", "Посол 03.04.2018 відвідав обласну бібліотеку.", "visit", "2018-04-03"),
    ("uk", "Письменниця 03.04.2018 передала бібліотеці двісті книжок.", "donation", "2018-04-03"),
    ("uk", "Директорка 03.04.2018 зустрілася з ректором університету.", "meeting", "2018-04-03"),
    ("uk", "Бібліотекарі 03.04.2018 взяли участь у конференції у Львові.", "conference", "2018-04-03"),
    ("uk", "Бібліотека 03.04.2018 провела семінар для каталогізаторів.", "training", "2018-04-03"),
    ("uk", "Виставку старовинних карт відкрито 03.04.2018.", "exhibition", "2018-04-03"),
    # Bulgarian: definite articles written onto the noun
    ("bg", "Двата университета подписаха споразумение за сътрудничество на 03.04.2018 г.", "agreement", "2018-04-03"),
    ("bg", "Посланикът посети регионалната библиотека на 03.04.2018 г.", "visit", "2018-04-03"),
    ("bg", "Писателката дари на библиотеката двеста книги на 03.04.2018 г.", "donation", "2018-04-03"),
    ("bg", "Директорката се срещна с ректора на университета на 03.04.2018 г.", "meeting", "2018-04-03"),
    ("bg", "Изложбата на стари карти беше открита на 03.04.2018 г.", "exhibition", "2018-04-03"),
    ("bg", "Ректорът посрещна делегацията от Солун на 03.04.2018 г.", "visit", "2018-04-03"),
    # Greek: aorist active and passive, a visit "carried out"
    ("el", "Τα δύο πανεπιστήμια υπέγραψαν συμφωνία συνεργασίας στις 03.04.2018.", "agreement", "2018-04-03"),
    ("el", "Η πρέσβειρα επισκέφθηκε τη δημοτική βιβλιοθήκη στις 03.04.2018.", "visit", "2018-04-03"),
    ("el", "Ο υπουργός πραγματοποίησε επίσημη επίσκεψη στη βιβλιοθήκη στις 03.04.2018.", "visit", "2018-04-03"),
    ("el", "Η συγγραφέας δώρισε διακόσια βιβλία στη βιβλιοθήκη στις 03.04.2018.", "donation", "2018-04-03"),
    ("el", "Η διευθύντρια συναντήθηκε με τον πρύτανη του πανεπιστημίου στις 03.04.2018.", "meeting", "2018-04-03"),
    ("el", "Η βιβλιοθήκη διοργάνωσε σεμινάριο για βιβλιοθηκονόμους στις 03.04.2018.", "training", "2018-04-03"),
    ("el", "Η έκθεση παλαιών χαρτών εγκαινιάστηκε στις 03.04.2018.", "exhibition", "2018-04-03"),
    # Serbian in Cyrillic: the Croatian/Serbian Latin rows transliterated; its genitive months
    ("sr", "Библиотеке су 3. маја 2019. потписале споразум о сарадњи.", "agreement", "2019-05-03"),
    ("sr", "Градску библиотеку су 11. октобра 2022. посетили гости из Братиславе.", "visit", "2022-10-11"),
    # a stay at a place or a library is a visit, the writers' own stay a business trip
    ("hr", "Knjižničari iz Tarva boravili su od 3. do 5. travnja 2018. u Bergenu.", "visit", "2018-04-03"),
    ("pl", "W dniach 3-5 kwietnia 2018 r. przebywała w bibliotece grupa bibliotekarzy z Tarva.", "visit", "2018-04-03"),
    ("pl", "W dniach 3-5 kwietnia 2018 r. przebywaliśmy w Bergen w ramach programu Erasmus.", "business_trip", "2018-04-03"),
    ("de", "Die Delegation aus Tarvo weilte vom 3. bis 5. April 2018 in Bergen.", "visit", "2018-04-03"),
    ("fr", "La délégation de Tarvo a séjourné à Bergen du 3 au 5 avril 2018.", "visit", "2018-04-03"),
    # a date between the verb and its object counts as one word
    ("pt", "As duas bibliotecas celebraram no passado dia 7 de Dezembro de 2011 em Lisboa um protocolo de cooperação.",
     "agreement", "2011-12-07"),
])
def test_a_class_in_one_more_language_is_an_event(lang, text, kind, start):
    assert (kind, start) in typed(text), f"{lang}: {text}"


@pytest.mark.parametrize("lang, text", [
    # opening hours are no founding; an Indonesian "dari" (from) no Croatian gift ("dar")
    ("hr", "Knjižnica je otvorena od ponedjeljka do petka od 3.4.2018."),
    ("lt", "Biblioteka atidaryta nuo pirmadienio iki penktadienio nuo 2018-04-03."),
    ("lv", "Bibliotēka ir atvērta no pirmdienas līdz piektdienai kopš 03.04.2018."),
    ("uk", "Бібліотека відкрита з понеділка до п'ятниці від 03.04.2018."),
    ("bg", "Библиотеката е отворена от понеделник до петък от 03.04.2018 г."),
    ("el", "Η βιβλιοθήκη είναι ανοιχτή από Δευτέρα έως Παρασκευή από τις 03.04.2018."),
    ("id", "Para pustakawan dari Surabaya tiba di Jakarta pada 03.04.2018."),
    # the infinitive of a stay is no stay told
    ("hr", "Veliko je zadovoljstvo boraviti u Bergenu, rekla je 3.4.2018."),
])
def test_ordinary_text_gives_no_event(lang, text):
    assert events_of(text) == [], f"{lang}: {text}"


@pytest.mark.parametrize("text", [
    "Sporazum će biti potpisan 3.4.2018.",
    "Līgums tiks parakstīts 03.04.2018.",
    "Угода буде підписана 03.04.2018.",
    "Споразумението ще бъде подписано на 03.04.2018 г.",
    "Η συμφωνία θα υπογραφεί στις 03.04.2018.",
    "Bibliotekininkų konferencija vyks 2018-04-03 Vilniuje.",
    "Konference notiks 03.04.2018. Rīgā.",
    "Конференція відбудеться 03.04.2018 у Львові.",
    "Конференцията ще се проведе на 03.04.2018 г.",
    "Ministar će posjetiti knjižnicu 3.4.2018.",
    # Czech "planned" in each gender and number ("plánována", feminine)
    "Konference je plánována na 3. 4. 2018 v Tarvu.",
])
def test_a_future_event_is_planned(text):
    events = events_of(text)
    assert events and all(e.modality == "planned" for e in events), text


def test_ukrainian_still_is_no_bulgarian_future():
    # Ukrainian "ще" (still, yet) is no future: only "ще" before a Bulgarian clitic or "бъде" is
    events = events_of("Ще 03.04.2018 обидва університети підписали угоду про співпрацю.")
    assert [e.modality for e in events] == ["asserted"]


# ---------------------------------------------------------------- the built table


@pytest.mark.parametrize("lang, use, word, form", [
    ("hr", "predicate", "potpisati", "potpisali"),           # from the lookup table
    ("hr", "predicate", "potpisati", "potpisana"),
    ("hr", "predicate", "osnovati", "osnovan"),
    ("hr", "object", "knjiga", "knjiga"),                    # genitive plural
    ("hr", "object", "sporazum", "sporazum"),
    ("lt", "predicate", "pasirašyti", "pasirašė"),
    ("lt", "object", "sutartis", "sutartį"),
    ("lt", "object", "knyga", "knygų"),
    ("lv", "predicate", "parakstīja", "parakstīja"),          # no table: the form stands for itself
    ("uk", "predicate", "підписали", "підписали"),
    ("bg", "object", "споразумението", "споразумението"),
    ("el", "predicate", "υπέγραψαν", "υπέγραψαν"),
])
def test_the_table_holds_the_forms(lang, use, word, form):
    assert form in table()[(lang, use, word)]


@pytest.mark.parametrize("lang, use, word, form", [
    ("hr", "predicate", "primiti", "prime"),                 # an English word
    ("hr", "predicate", "predati", "predate"),
    ("hr", "predicate", "osnovati", "osnovne"),              # the adjective "osnovan" is no verb form
])
def test_the_table_leaves_out_what_is_no_form(lang, use, word, form):
    assert form not in table()[(lang, use, word)]


def test_a_gift_noun_that_is_another_languages_word_is_no_croatian_trigger():
    # "dar" is Spanish and Portuguese "give", its plural "dari" Indonesian "from"
    forms = table()
    assert ("hr", "predicate", "dar") not in forms
    assert ("hr", "object", "dar") not in forms


def test_the_function_words_of_the_six_languages_mark_a_sentence_foreign():
    rows = [json.loads(line) for line in (models_dir() / "function_words.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    foreign = set(next(r["words"] for r in rows if r["id"] == "foreign_markers"))
    assert {"je", "su", "za", "od", "ir", "yra", "un", "і", "та", "від", "и", "от", "че", "και", "της", "του"} <= foreign
    assert not foreign & {"a", "to", "on", "is", "be", "no", "kas", "pie", "bio", "an", "as"}
