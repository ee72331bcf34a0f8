"""People: names found by form and context, with title, role and affiliation; merged per document."""

import pytest

from coopextract import extract_text


def people(text):
    return [p for par in extract_text(text, doc_id="t") for p in par.people]


def names(text):
    return sorted({p.name for p in people(text)})


@pytest.mark.parametrize("sentence, expected", [
    # titles and honorifics
    ("Dr. Anna Kowalska visited the reading room.", ["Anna Kowalska"]),
    ("Mr. Jürgen Müller of the German National Library gave a lecture.", ["Jürgen Müller"]),
    ("The guests were welcomed by Mrs. Maria Rossi.", ["Maria Rossi"]),
    ("Associate Professor Elif Şahin presented the new catalogue.", ["Elif Şahin"]),
    ("Academician Nargiz Aliyeva opened the exhibition.", ["Nargiz Aliyeva"]),
    # role phrases before and after the name
    ("Director of the library Piotr Nowak welcomed the guests.", ["Piotr Nowak"]),
    ("Jan Novak, Director of the National Library of Slovakia, signed the memorandum.", ["Jan Novak"]),
    ("The chairperson of the association Ayşe Demir and vice-chairman Mehmet Öztürk attended.",
     ["Ayşe Demir", "Mehmet Öztürk"]),
    ("Head of the delegation B. Nurmagambetov thanked the hosts.", ["B. Nurmagambetov"]),
    # context cues
    ("A delegation led by Lars Eriksson arrived on Monday.", ["Lars Eriksson"]),
    ("The exhibition was opened by Sofia Martins.", ["Sofia Martins"]),
    ("The staff met with Kenji Watanabe to discuss digitisation.", ["Kenji Watanabe"]),
    ("Tomasz Zielinski noted that cooperation had grown.", ["Tomasz Zielinski"]),
    # initials, patronymics, particles, Turkic letters
    ("J. R. Tolkova donated her archive.", ["J. R. Tolkova"]),
    # a middle initial that is also a letter of a title ("H. E."); a time adverb opening the sentence
    ("The guests met Dean Harold E. Lindqvist in the hall.", ["Harold E. Lindqvist"]),
    ("Yesterday Maria H. Jensen signed the agreement.", ["Maria H. Jensen"]),
    ("Provost Olivia K. Brandt welcomed the guests.", ["Olivia K. Brandt"]),
    # the head of a school and officials of a meeting are posts, with or without a modifier
    ("The guests were received by Deputy Principal Hana Lindqvist.", ["Hana Lindqvist"]),
    ("Headmistress Ruth Okafor and rapporteur Elena Vidal spoke.", ["Elena Vidal", "Ruth Okafor"]),
    # two given names before a middle initial, the second also a place name
    ("The report was written by Mary Ann K. Lindqvist.", ["Mary Ann K. Lindqvist"]),
    # a speech verb opening the sentence; a role word that is also a surname elsewhere
    ('"We are glad," she said. Said Karin Holm, who leads the archive, agreed.', ["Karin Holm"]),
    ("Ambassador Lee Young-Min opened the exhibition.", ["Lee Young-Min"]),
    ("The Chargé d' Affaires Chen Weiming opened the exhibition.", ["Chen Weiming"]),
    # a name ends with its line in a signature; a title split from its full stop is no name word
    ("Karin Holm\nSenior Bibliographer & Adjunct Associate Professor", ["Karin Holm"]),
    ("La Prof. Ing. Agr. Marta Ruiz Ortega habló.", ["Marta Ruiz Ortega"]),
    # initials glued to the surname; a one-word title after a given name is a surname
    ("The Consul General B.Nurlanov took part.", ["B.Nurlanov"]),
    ("The reporter Pamela Pak spoke to Pak Dedi Santoso.", ["Dedi Santoso", "Pamela Pak"]),
    # a particle between capitalised words makes a name only beside a known name
    ("Im Bereich der Bestandserhaltung wurde gearbeitet.", []),
    # a one-word title before a patronymic particle is a given name
    ("Sheikh Sultan bin Rashid Al Nuaimi received the guests.", ["Sultan bin Rashid Al Nuaimi"]),
    # Malay and Bruneian honorifics before the name; the pilgrim's "Hj." inside it stays
    ("The delegation was led by Puan Norlela Hj. Osman of the state library.", ["Norlela Hj. Osman"]),
    ("Awang Hj. Yusof bin Hj. Ahmad, the permanent secretary, opened the seminar.", ["Yusof bin Hj. Ahmad"]),
    ("Datuk Seri Kamal Idris signed the agreement.", ["Kamal Idris"]),
    # a title's word that is also a surname is the surname where no title follows
    ("Dr. Mei Tan and Yang Lifen visited the archive.", ["Mei Tan", "Yang Lifen"]),
    # a run of initials alone is no name
    ("H. E. Ambassador Lena Fischer visited the library.", ["Lena Fischer"]),
    ("Olga Petrovna Smirnova spoke about the collections.", ["Olga Petrovna Smirnova"]),
    ("Rashid Akif oglu Mammadli gave a talk.", ["Rashid Akif oglu Mammadli"]),
    ("Ms. Femke van der Berg visited the archive.", ["Femke van der Berg"]),
    ("Professor İlkay Çağlar signed the agreement.", ["İlkay Çağlar"]),
    ("The director presented the album to Hans Berger.", ["Hans Berger"]),
    ("Prime Minister Ana Brnabić opened the new library.", ["Ana Brnabić"]),
    ("Head of Library Services Fatima Al-Zahra presented a report.", ["Fatima Al-Zahra"]),
    # church titles stand before the name, not in it
    ("In Cairo the director met Pope Markos III at the monastery library.", ["Markos III"]),
    # a French participle opening the sentence is no part of the name after it
    ("Accompagnée de Jean Tarvo, la directrice a visité la bibliothèque.", ["Jean Tarvo"]),
    # romanised Korean given names of two syllables before a family name in capitals
    ("The delegation included Min-jun PARK and Mr Gangho LEE.", ["Gangho LEE", "Min-jun PARK"]),
    # names in a list with a person
    ("The guests were Lena Fischer, Dr. Karl Weber and Marta Kowalczyk.", ["Karl Weber", "Lena Fischer", "Marta Kowalczyk"]),
])
def test_people_are_found(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The Presidential Library hosted a meeting in the Conference Hall.",
    "Guests wrote their impressions in the Visitors' Book in March.",
    "The National Library of Morocco sent books to Azerbaijan and Türkiye.",
    "The Central City Library named after Rasul Gamzatov opened a new hall.",
    "The Library named after M. I. Rudomino received the delegation.",
    "Management System training was held in the Digital Library.",
    'The book "Silk Road Stories" was presented to the readers.',
    "Librarians from the Black Sea region travelled along the Silk Road.",
    "The Prime Minister congratulated the winners of the Olympic Games.",
    "Festival Brings Magic Lantern Shows To Quiet Villages",        # a headline in title case
])
def test_non_names_are_not_people(sentence):
    assert names(sentence) == []


@pytest.mark.parametrize("sentence, name, title, role, affiliation", [
    ("Dr. Anna Kowalska, Director of the National Library of Poland, visited Baku.",
     "Anna Kowalska", "Dr.", "Director", "National Library of Poland"),
    ("Director of International Relations of the University of Warsaw Ewa Lis attended.",
     "Ewa Lis", None, "Director of International Relations", "University of Warsaw"),
    # an acronym the text never spells out keeps its spelling
    ("Former IFLA President Ms. Gloria Perez visited the library.",
     "Gloria Perez", "Ms.", "Former IFLA President", "IFLA"),
    ("Mr. Jürgen Müller of the German National Library gave a lecture.",
     "Jürgen Müller", "Mr.", None, "German National Library"),
    # a title's letters written apart are the title, not the person's initials
    ("In her speech, H. E. Maria Tarvo thanked the library.", "Maria Tarvo", "H. E.", None, None),
    # an abbreviated title the tokenizer keeps whole ("Sig.ra": Signora)
    ("La delegazione era guidata dalla Sig.ra Anna Tarvi.", "Anna Tarvi", "Sig.ra", None, None),
])
def test_title_role_and_affiliation(sentence, name, title, role, affiliation):
    person = next(p for p in people(sentence) if p.name == name)
    assert (person.title, person.role, person.affiliation) == (title, role, affiliation)


@pytest.mark.parametrize("text, expected", [
    # short forms point to the fullest form
    ("Ms. Gloria Perez visited the library. Ms. Perez praised the collections.", {"Gloria Perez"}),
    ("A delegation headed by Nurlan Abenov arrived. N. Abenov thanked the staff.", {"Nurlan Abenov"}),
    ("Dr. Karim Rahimi Tabrizi gave a lecture. Karim Rahimi answered questions.", {"Karim Rahimi Tabrizi"}),
    ("A group led by Park Ji-hoon toured the stacks. Park praised the staff.", {"Park Ji-hoon"}),
    # spelling variants
    ("Director Rustam Aliyev opened the event. Later Rustam Aliev signed the book.", {"Rustam Aliyev"}),
    # different people with one surname stay apart
    ("Mr. Ilkin Hasanov met Dr. Aydan Hasanov.", {"Ilkin Hasanov", "Aydan Hasanov"}),
])
def test_mentions_merge_to_the_fullest_form(text, expected):
    assert {p.name for p in people(text)} == expected


def test_person_offsets_cut_the_name_out_of_the_document():
    text = "Intro paragraph.\n\nOn May 2, Dr. Anna Kowalska visited Baku."
    person = people(text)[0]
    assert text[person.char_start:person.char_end] == "Anna Kowalska"


@pytest.mark.parametrize("sentence, expected", [
    # a given name whose ending is that of a common noun ("-ary") is still a name
    ("Dr. Rosemary Tarvik opened the meeting.", ["Rosemary Tarvik"]),
    # a title, a given name no list holds, a middle initial: one name
    ("Mr. Momodu W. Tarvik commended the staff.", ["Momodu W. Tarvik"]),
    # Malay names: "binti" between the names, "Hajah" a title, "Haji" kept inside
    ("Also present was Hajah Aminah binti Haji Tarvik.", ["Aminah binti Haji Tarvik"]),
    # a patronymic chain longer than most names
    ("Dato Paduka Haji Mohd Hamid bin Haji Mohd Tarvik launched it.", ["Haji Mohd Hamid bin Haji Mohd Tarvik"]),
    # a Turkish case ending after an apostrophe is no part of the name
    ("Kütüphane direktörü Fang Jiazhong’un yanısıra temsilciler katıldı.", ["Fang Jiazhong"]),
    # other letters after an apostrophe are inside the name: Arabic, Polynesian, Ukrainian names
    ("The delegation was headed by Dr. Ja’far Salim Tarvik.", ["Ja’far Salim Tarvik"]),
    ("Minister Lena Tarva’akolo attended the event.", ["Lena Tarva’akolo"]),
    ("Угоду підписала Людмила Тарв’янюк.", ["Людмила Тарв’янюк"]),
    # a contraction is no name word: "Int’l", "Gov't"; "Hon'ble" is a title
    ("By Anna Tarvik, Foreign & Int’l Law Librarian.", ["Anna Tarvik"]),
    ("It was opened by Hon'ble Minister Ravi Tarvik.", ["Ravi Tarvik"]),
    # Indonesian and Turkish posts before a name are no part of it
    ("Vakfın Başkanı Vekili Yuriy Petrov törende konuştu.", ["Yuriy Petrov"]),
    ("Belgeyi Cumhurbaşkanı Tarkan Yılmaz ile imzaladı.", ["Tarkan Yılmaz"]),
    # a case ending closes a Turkish name: the capitalised word after it is no part of it
    ("Başbakanı Edi Tarvo’nun Ocak 2021’de yaptığı ziyaret.", ["Edi Tarvo"]),
    # an unknown surname in capitals after a given name; an acronym there is no surname
    ("Jean TARVIK visited the library.", ["Jean TARVIK"]),
    ("The talk was given by Anna ILO.", []),
    # German library posts
    ("Die Gäste wurden von Diplom-Bibliothekar Peter Tarvik begrüßt.", ["Peter Tarvik"]),
])
def test_names_of_more_shapes(sentence, expected):
    assert sorted(p.name for par in extract_text(sentence) for p in par.people) == expected


def test_a_surname_that_is_a_common_word_ends_the_name():
    assert "Rosa Vidal Pastor" in names("Ms. Rosa Vidal Pastor, head of the archive, spoke.")


def test_a_list_of_given_names_names_people():
    found = names("The team (Ingrid, Paul, Marta, Jonas and Ruth) arrived on Monday.")
    assert {"Ingrid", "Paul", "Marta", "Jonas", "Ruth"} <= set(found)


@pytest.mark.parametrize("sentence", [
    "Thanks to Anna, Maria and John.",                       # too short a list to stand alone
    "The tour went to Paris, Lyon, Nice and Marseille.",     # places
])
def test_short_lists_and_places_are_not_given_name_lists(sentence):
    assert names(sentence) == []


@pytest.mark.parametrize("text, person", [
    # the namesake after an eponym marker is the institution's, not a person of the text
    ("Dyrektor Anna Nowak odwiedziła Bibliotekę Publiczną im. Jana Kochanowskiego w Radomiu.", "Anna Nowak"),
    ("Директор Иван Петров посетил Национальную библиотеку имени Ярослава Мудрого в Киеве.", "Иван Петров"),
    ("Директор Иван Петров посетил библиотеку имени В. И. Ленина.", "Иван Петров"),
    ("The director Anna Nowak visited the library named after Jan Kochanowski.", "Anna Nowak"),
    # a namesake in quotation marks right after the institution's head word
    ("Directoarea Ana Popescu a vizitat Biblioteca Județeană „Ion Creangă” din Iași.", "Ana Popescu"),
    ("Директор Иван Петров посети Народну библиотеку „Петар Кочић“ у Бањалуци.", "Иван Петров"),
])
def test_an_institutions_namesake_is_no_person(text, person):
    assert names(text) == [person]


@pytest.mark.parametrize("text, person", [
    # a byline's colon between its word and the name
    ("Written by: Jakub Novak (Staff reporter)", "Jakub Novak"),
    ("Photos: Lena Moreau", "Lena Moreau"),
    # a German compound post before a name
    ("Oberbürgermeister Jakob Weber sagte, die Stadt sei stolz.", "Jakob Weber"),
    ("Die Bibliotheksdirektorin Anna Weber empfing die Gäste.", "Anna Weber"),
    # Korean: a reporter's byline, the post after the name
    ("김민수 기자", "김민수"),
])
def test_bylines_and_compound_posts(text, person):
    assert names(text) == [person]


def test_german_im_opening_a_sentence_is_no_name():
    assert names("Im Rahmen der Konferenz besuchte Anna Weber die Bibliothek.") == ["Anna Weber"]


@pytest.mark.parametrize("text, expected", [
    # an article and a capitalised word is a place or a title, not a person
    ("Librarians from Tarvo, La Mesa Verde and Kask travelled to Lima.", []),
    ("Books went to La Calera in 2019.", []),
    # the last word of a unit's name after a post is no person
    ("Tarvo Kask is also the Head of the Department of Islamic Law of the university.", ["Tarvo Kask"]),
    # a post of capitalised words right before one family name still names a person
    ("On 3 May 2019 Director General Smith visited the library.", ["Smith"]),
])
def test_articles_and_unit_names_are_no_people(text, expected):
    assert names(text) == expected


def test_french_monsieur_is_a_title_in_a_french_sentence():
    found = people("Pour sa part, M. Tarvo Kask a indiqué que la signature de cette convention est importante.")
    assert [(p.name, p.title) for p in found] == [("Tarvo Kask", "M.")]
    # in an English sentence "M." stays an initial
    assert names("The letter was signed by M. Tarvo Kask of the archive.") == ["M. Tarvo Kask"]


@pytest.mark.parametrize("text", [
    "Acara dihadiri oleh Wakil Duta Besar Arab Saudi pada 23 Desember 2024.",
    "Tarvo Kasko menandatangani Nota Kesepahaman dengan Arsip Nasional Kerajaan Tarvia.",
    "Hadir juga Direktur Urusan Timur Tengah Kementerian Luar Negeri.",
])
def test_indonesian_words_of_the_state_are_no_names(text):
    assert all(w not in n for n in names(text) for w in ("Besar", "Nota", "Kesepahaman", "Nasional", "Urusan", "Tengah", "Luar"))
