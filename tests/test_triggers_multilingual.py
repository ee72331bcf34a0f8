"""Event triggers in other languages (issue "Events in other languages"): the predicate and
object classes of ``event_predicates.jsonl`` in each language's words, their forms from
spaCy's lookup tables (``lemma_forms_languages.tsv``). One row per language and shape, each a
sentence written for the test; dates as digits, which every language's page writes alike."""

import json

import pytest
from builders import build_script
from spacy.lang.en.stop_words import STOP_WORDS

from coopextract import extract_text
from coopextract.errors import ModelsError
from coopextract.pipeline.events.triggers import load_language_forms, load_lemma_forms, load_predicate_rules
from coopextract.resources import models_dir


def types_of(text):
    return sorted({e.event_type for p in extract_text(text) for e in p.events})


@pytest.mark.parametrize("text", [
    # a body's general assembly is a conference, in any language (English: "general assembly")
    "La Asamblea General de la asociación se celebró en Cusco el 3.5.2019.",
    "L'Assemblée générale de l'association s'est tenue à Lyon le 3.5.2019.",
    "A Assembleia Geral da associação realizou-se em Braga em 3.5.2019.",
    "L'Assemblea generale dell'associazione si è svolta a Bari il 3.5.2019.",
    "Die Mitgliederversammlung des Verbandes fand am 3.5.2019 in Graz statt.",
    "Walne zgromadzenie stowarzyszenia odbyło się w Gdańsku 3.5.2019.",
])
def test_a_general_assembly_is_a_conference_in_other_languages(text):
    assert types_of(text) == ["conference"]


@pytest.mark.parametrize("lang, text, kind", [
    # Spanish: active, passive, nominal (with a date: a noun needs support)
    ("es", "Los diplomáticos visitaron la Biblioteca Nacional el 12.05.2019.", "visit"),
    # "transfer" the items given, as English "transferred 300 books to"
    ("ro", "Pe 12.05.2019 au fost transferate bibliotecii 300 de cărți.", "donation"),
    ("es", "El consulado transfirió 300 libros a la biblioteca el 12.05.2019.", "donation"),
    # Romanian training: a "stagiu" or a "curs de formare"
    ("ro", "Bibliotecarii au participat la un stagiu în Tarvo pe 12.05.2019.", "training"),
    ("ro", "Pe 12.05.2019 a început un curs de formare pentru bibliotecari.", "training"),
    ("es", "Las dos instituciones firmaron un convenio de cooperación el 3.4.2018.", "agreement"),
    ("es", "El convenio de cooperación fue firmado por ambas partes el 3.4.2018.", "agreement"),
    ("es", "La visita de la delegación a la biblioteca tuvo lugar el 12.05.2019.", "visit"),
    ("es", "La firma del acuerdo entre las bibliotecas se realizó el 7.10.2020.", "agreement"),
    ("es", "El embajador donó cien libros a la biblioteca el 5.6.2017.", "donation"),
    # Portuguese
    ("pt", "As bibliotecas assinaram um acordo de cooperação em 9.9.2021.", "agreement"),
    ("pt", "A biblioteca recebeu uma doação de livros em 12.05.2019.", "donation"),
    ("pt", "O embaixador visitou a Biblioteca Nacional em 2.3.2016.", "visit"),
    # French
    ("fr", "Le ministre a visité la bibliothèque le 4.11.2015.", "visit"),
    ("fr", "Les deux bibliothèques ont signé une convention le 4.11.2015.", "agreement"),
    ("fr", "L'ambassade a fait don de livres à la médiathèque le 4.11.2015.", "donation"),
    # regular past participles the French table files as adjectives ("remis", "donné")
    ("fr", "Les livres ont été remis à la médiathèque le 4.11.2015.", "donation"),
    ("fr", "Le consul a donné 300 livres à la médiathèque le 4.11.2015.", "donation"),
    ("it", "La convenzione è stata firmata dalle due biblioteche il 4.11.2015.", "agreement"),
    ("pt", "Os livros foram entregues à biblioteca em 4.11.2015.", "donation"),
    ("fr", "Une exposition de manuscrits a été inaugurée le 4.11.2015.", "exhibition"),
    # German: verb second, verb last, nominal
    ("de", "Der Botschafter besuchte die Bibliothek am 8.3.2018.", "visit"),
    ("de", "Die Bibliotheken unterzeichneten eine Vereinbarung am 8.3.2018.", "agreement"),
    ("de", "Am 8.3.2018 wurde die Vereinbarung in Berlin unterzeichnet.", "agreement"),
    ("de", "Der Botschafter schenkte der Bibliothek Bücher am 8.3.2018.", "donation"),
    # Polish: active, impersonal passive, nominal
    ("pl", "Dyrektorzy odwiedzili bibliotekę 15.10.2018.", "visit"),
    ("pl", "Podpisano porozumienie o współpracy 15.10.2018.", "agreement"),
    ("pl", "Umowa została podpisana 15.10.2018.", "agreement"),
    ("pl", "Goście przekazali książki bibliotece 15.10.2018.", "donation"),
    ("pl", "Wizyta delegacji w bibliotece odbyła się 15.10.2018.", "visit"),
    ("pl", "Podpisanie umowy nastąpiło 15.10.2018.", "agreement"),
    # Russian: active, short-participle passive, nominal
    ("ru", "Посол посетил Национальную библиотеку 12.05.2019.", "visit"),
    ("ru", "Стороны подписали меморандум о сотрудничестве 12.05.2019.", "agreement"),
    ("ru", "12.05.2019 были переданы книги для читального зала.", "donation"),
    ("ru", "Встреча посла с директором библиотеки состоялась 12.05.2019.", "meeting"),
    ("ru", "Подписание соглашения состоялось 12.05.2019.", "agreement"),
    ("ru", "Визит делегации в библиотеку состоялся 12.05.2019.", "visit"),
    # Indonesian: active, di- passive, nominal
    ("id", "Pustakawan berkunjung ke Perpustakaan UGM pada 12.05.2019.", "visit"),
    ("id", "Kedua pihak menandatangani nota kesepahaman pada 12.05.2019.", "agreement"),
    ("id", "Nota kesepahaman ditandatangani pada 12.05.2019.", "agreement"),
    ("id", "Duta besar menyerahkan buku kepada perpustakaan pada 12.05.2019.", "donation"),
    ("id", "Kunjungan delegasi ke perpustakaan berlangsung pada 12.05.2019.", "visit"),
    ("id", "Penandatanganan nota kesepahaman berlangsung pada 12.05.2019.", "agreement"),
    # Turkish: verb last (object first), passive, light verb
    ("tr", "Büyükelçi 12.05.2019 tarihinde kütüphaneyi ziyaret etti.", "visit"),
    ("tr", "12.05.2019 tarihinde işbirliği protokolü imzalandı.", "agreement"),
    ("tr", "Büyükelçilik 12.05.2019 tarihinde kütüphaneye kitap bağışladı.", "donation"),
    ("tr", "Mutabakat muhtırası 12.05.2019 tarihinde Ankara'da imzalandı.", "agreement"),
    ("tr", "Heyet 12.05.2019 tarihinde Milli Kütüphane'yi ziyaret etti.", "visit"),
    # Japanese: the predicate word inside an unspaced clause, object before it (verb-final)
    ("ja", "両館は2019年5月17日に学術交流協定を締結した。", "agreement"),
    ("ja", "館長らは2019年5月17日に晋州市を訪れ、協定書の調印式を行いました。", "visit"),
    ("ja", "館長らは2019年5月17日に晋州市を訪れ、協定書の調印式を行いました。", "agreement"),
    ("ja", "大使館は2019年5月17日に図書を寄贈した。", "donation"),
    # a partnership or a twinning made ("提携をした", "提携を結んだ", "縁組をしました")
    ("ja", "両館は2019年5月17日に姉妹館の提携をした。", "agreement"),
    ("ja", "両市は2019年5月17日に姉妹都市縁組をしました。", "agreement"),
    # Korean: particles glued to the words ("MOU를", "방문했다")
    ("ko", "국립중앙도서관은 2012년 5월 28일 인도네시아 국립도서관과 MOU를 체결했다.", "agreement"),
    ("ko", "대사는 2012년 5월 28일 국립중앙도서관을 방문했다.", "visit"),
    ("ko", "대사관은 2012년 5월 28일 도서 500권을 기증했다.", "donation"),
    # a reading room opened; a conference "was held" in the past form 열렸다
    ("ko", "2012년 5월 28일 시립도서관에 한국 자료실이 개관했다.", "founding"),
    ("ko", "2012년 5월 28일 시립도서관에서 국제학술대회가 열렸다.", "conference"),
    # a congress named by a compound ending in 대회, hosted (주최) or that "there was" (가 있었다)
    ("ko", "2012년 5월 28일 서울에서 협회가 주최하는 세계도서관대회가 열렸다.", "conference"),
    ("ko", "2012년 5월 28일부터 5월 30일까지 서울에서 세계도서관대회가 있었습니다.", "conference"),
    # a course or a training carried out (시행했다, 실시했다)
    ("ko", "2012년 5월 28일 시립도서관에서 사서 연수를 실시했다.", "training"),
    ("ko", "2012년 5월 28일부터 5월 30일까지 교육청은 도서관 연수를 시행했다.", "training"),
    # Chinese: verb before its object
    ("zh", "两馆于2018年6月5日签署了合作协议。", "agreement"),
    # the agreement named as a title in brackets, however long, next to the predicate
    ("zh", "两馆馆长于2018年6月5日共同签署了《东西两市公共图书馆馆员专业交流项目协议书》。", "agreement"),
    ("zh", "2018年6月5日,《两馆馆员专业交流项目补充协议书》签换仪式在市图书馆举行。", "agreement"),
    ("ja", "両館は2018年6月5日に「東西両市の公共図書館間における学術交流に関する協定書」を締結した。", "agreement"),
    ("zh", "代表团于2018年6月5日访问了国家图书馆。", "visit"),
    ("zh", "大使馆于2018年6月5日向图书馆捐赠图书。", "donation"),
    # founded in a year, as "founded in 1948" ("成立于", "創辦於", "始建于")
    ("zh", "这座档案馆成立于1952年。", "founding"),
    ("zh", "該館創辦於1952年，藏書豐富。", "founding"),
    # Vietnamese: words of several syllables as token sequences
    ("vi", "Ngày 14/3/2018, Thư viện Quốc gia đã tiếp Đoàn Thư viện Tổng thống Nga.", "visit"),
    ("vi", "Ngày 14/3/2018, Đại sứ Peru thăm, làm việc tại Thư viện Quốc gia.", "visit"),
    ("vi", "Ngày 14/3/2018, hai thư viện đã ký kết biên bản ghi nhớ hợp tác.", "agreement"),
    ("vi", "Ngày 14/3/2018, Đại sứ quán đã trao tặng sách cho Thư viện.", "donation"),
    ("vi", "Ngày 19/3/2018, Đại sứ quán phối hợp với Thư viện tổ chức Triển lãm áp phích.", "exhibition"),
    # Azerbaijani: suffixed forms listed; light verbs as particles
    ("az", "Nümayəndə heyəti 15 mart 2022-ci il tarixində Milli Kitabxanaya səfər etdi.", "visit"),
    ("az", "Memorandum 15 mart 2022-ci ildə imzalanıb.", "agreement"),
    ("az", "15 mart 2022-ci ildə kitablar kitabxanaya hədiyyə edildi.", "donation"),
    # Uzbek, Latin and Cyrillic: forms listed (no lookup table), the light verb as a particle
    ("uz", "Delegatsiya 4.11.2015 kuni Milliy kutubxonaga tashrif buyurdi.", "visit"),
    ("uz", "Делегация 4.11.2015 куни Миллий кутубхонага ташриф буюрди.", "visit"),
    ("uz", "Ikki kutubxona 4.11.2015 kuni hamkorlik memorandumini imzoladi.", "agreement"),
    ("uz", "4.11.2015 куни икки кутубхона ўртасида меморандум имзоланди.", "agreement"),
    ("uz", "Elchi 4.11.2015 kuni kutubxonaga 300 ta kitob hadya qildi.", "donation"),
    ("uz", "Элчи 4.11.2015 куни кутубхонага китоблар топширди.", "donation"),
    ("uz", "Direktor 4.11.2015 kuni elchi bilan uchrashdi.", "meeting"),
    ("uz", "4.11.2015 куни кутубхонада халқаро конференция ўтказилди.", "conference"),
    ("uz", "4.11.2015 куни кутубхонада Корея бурчаги очилди.", "founding"),
    # a study trip or a mission abroad, said as a noun
    ("fr", "Deux bibliothécaires sont parties en mission au Bénin du 4 au 9 mars 2019.", "business_trip"),
    # going to a place (se rendre, se déplacer), carrying out a mission; a partnership launched;
    # books sent; working sessions
    ("fr", "Deux bibliothécaires se sont rendues à Cotonou le 4.11.2015.", "business_trip"),
    ("fr", "Deux bénévoles se sont déplacés au Bénin le 4.11.2015.", "business_trip"),
    ("fr", "Le directeur a effectué une mission d'évaluation à Dakar le 4.11.2015.", "business_trip"),
    ("fr", "La médiathèque de Lyon a noué un partenariat avec la bibliothèque de Turin le 4.11.2015.", "agreement"),
    ("fr", "L'association a envoyé deux cents livres à la bibliothèque de Lomé le 4.11.2015.", "donation"),
    ("fr", "Le 4.11.2015, les deux délégations ont tenu une séance de travail à la médiathèque.", "meeting"),
    ("de", "Im Mai 2019 führte eine Studienreise die Bibliothekare nach Krakau.", "business_trip"),
    ("pl", "Wyjazd studyjny bibliotekarzy do Wilna odbył się 4.11.2015.", "business_trip"),
    # a verb of going with its preposition of destination (as French "se rendre à")
    ("pl", "Dwie bibliotekarki pojechały do Tartu 4.11.2015.", "business_trip"),
    ("cs", "Dvě knihovnice odjely do Tartu 4.11.2015.", "business_trip"),
    ("it", "Il 4.11.2015 due bibliotecarie si sono recate a Tartu.", "business_trip"),
    ("es", "El 4.11.2015 dos bibliotecarias viajaron a Tartu.", "business_trip"),
    ("pt", "Em 4.11.2015 duas bibliotecárias viajaram para Tartu.", "business_trip"),
    # Czech and Slovak: a trip (zájezd, zájazd) and a study or work trip (študijná, pracovná cesta)
    ("cs", "Zájezd knihovníků do Drážďan se konal 4.11.2015.", "business_trip"),
    ("sk", "Knihovníčky sa 4.11.2015 vydali na študijnú cestu do Brna.", "business_trip"),
    # a "professional" or "study" excursion, the Central European name of a staff's study trip
    ("sk", "Pobočka spolku zorganizovala 4.11.2015 odbornú exkurziu do Brna.", "business_trip"),
    ("cs", "Knihovníci se 4.11.2015 vydali na odbornou exkurzi do Vídně.", "business_trip"),
    ("sl", "Knjižničarke so se 4.11.2015 udeležile strokovne ekskurzije v Gradec.", "business_trip"),
    ("hr", "Knjižničari su 4.11.2015 otišli na stručnu ekskurziju u Graz.", "business_trip"),
    ("hu", "A könyvtárosok 4.11.2015 tanulmányúton voltak Bécsben.", "business_trip"),
    ("de", "Am 4.11.2015 unternahmen die Bibliothekarinnen eine Exkursion nach Brünn.", "business_trip"),
    # Norwegian, Danish and Macedonian
    ("nb", "Biblioteket i Bodø signerte en samarbeidsavtale med et bibliotek i Umeå 4.11.2015.", "agreement"),
    ("nb", "Den 4.11.2015 besøkte en delegasjon fra Tartu fylkesbiblioteket.", "visit"),
    ("da", "Den 4.11.2015 besøgte en delegation fra Riga biblioteket i Odense.", "visit"),
    ("da", "Bibliotekerne underskrev en samarbejdsaftale den 4.11.2015.", "agreement"),
    ("mk", "Библиотеката потпиша меморандум за соработка на 4.11.2015.", "agreement"),
    ("mk", "Амбасадорот ја посети библиотеката на 4.11.2015.", "visit"),
    # Slovenian: forms listed (no lookup table)
    ("sl", "Ravnatelja sta 4.11.2015 podpisala sporazum o sodelovanju.", "agreement"),
    ("sl", "Delegacija je 4.11.2015 obiskala mestno knjižnico.", "visit"),
    ("mn", "2018 оны 3 дугаар сарын 14-нд хоёр номын сан хамтын ажиллагааны гэрээ байгуулсан.", "agreement"),
    ("mn", "2018 оны 3 дугаар сарын 14-нд элчин сайд номын санд 200 ном бэлэглэсэн.", "donation"),
    ("mn", "2018 оны 3 дугаар сарын 14-нд төлөөлөгчид Үндэсний номын санд айлчилсан.", "visit"),
    ("sl", "Veleposlaništvo je 4.11.2015 podarilo knjige knjižnici.", "donation"),
    # plurals spaCy's tables lack or give a verb's lemma, from simplemma's dictionaries
    ("de", "Die Stiftung schenkte der Stadtbibliothek am 4.11.2015 dreihundert Bände.", "donation"),
    ("it", "Il consolato ha donato riviste alla biblioteca civica il 4.11.2015.", "donation"),
    # a passive participle with its year, whatever it founded: "founded in 1971"
    ("fr", "La Fondation Tarvo, fondée en 1971, soutient la lecture.", "founding"),
    ("es", "La Fundación Tarvo, creada en 1956, apoya la lectura.", "founding"),
    ("pt", "A Fundação Tarvo, criada em 1956, apoia a leitura.", "founding"),
    ("it", "La Fondazione Tarvo, fondata nel 1962, sostiene la lettura.", "founding"),
    ("el", "Το Ίδρυμα Tarvo ιδρύθηκε το 1962 στην Αθήνα.", "founding"),
    ("lv", "Tarvo Universitāte ir universitāte, kas dibināta 1669. gadā.", "founding"),
    ("de", "Die Stiftung Tarvo wurde 1971 gegründet.", "founding"),
    ("ro", "Asociația Tarvo a fost înființată în anul 1999.", "founding"),
    # ... and in the scripts written without spaces, the year right before the predicate
    ("ja", "タルボ国立図書館は1909年に設立されました。", "founding"),
    ("zh", "塔尔沃图书馆1998年成立,藏书一百万册。", "founding"),
    ("ko", "타르보 국립도서관은 1909년에 설립되었으며 장서를 소장하고 있다.", "founding"),
])
def test_a_class_in_another_language_is_an_event(lang, text, kind):
    assert kind in types_of(text), f"{lang}: {text}"


@pytest.mark.parametrize("text", [
    # a passive auxiliary before the predicate: the object may stand past a long subject
    "La convention de coopération entre la médiathèque de Lyon et la bibliothèque de Turin a été signée le 4.11.2015.",
    "El acuerdo marco de colaboración entre la Biblioteca Municipal de Cádiz y la Universidad de Oporto fue firmado el 4.11.2015.",
    "Umowa o współpracy między Biblioteką Miejską w Gdańsku a biblioteką w Kaliningradzie została podpisana 4.11.2015.",
    # establishing an agreement or partnership is making one
    ("The two universities established a partnership agreement in May 2018."),
    ("La biblioteca y la universidad han establecido un acuerdo de colaboración el 4.11.2015."),
    # making an agreement official is signing it
    "The partnership agreement between the two city libraries was formalised in Graz on 4 November 2015.",
    "Le protocole avec la bibliothèque de Dakar a été officialisé le 4.11.2015.",
    "Las bibliotecas formalizaron el convenio el 4.11.2015.",
])
def test_an_agreement_behind_a_long_subject_or_made_official(text):
    assert "agreement" in types_of(text), text


def test_without_the_auxiliary_the_object_is_not_read_far_back():
    # the same distance with no passive auxiliary: the agreement word belongs to another clause
    text = ("La convention de coopération entre la médiathèque de Lyon et la bibliothèque de Turin, "
            "dont les directrices se connaissent depuis longtemps, et leurs collègues signent le livre d'or le 4.11.2015.")
    assert "agreement" not in types_of(text)


@pytest.mark.parametrize("text", [
    "L'ambassade a fait un don de 300 livres à la bibliothèque le 4 mai 2021.",
    "La embajada hizo una donación de libros a la biblioteca el 4 de mayo de 2021.",
    "A embaixada realizou uma doação de livros à biblioteca em 4 de maio de 2021.",
    "L'ambasciata ha fatto una donazione di libri alla biblioteca il 4 maggio 2021.",
])
def test_a_gift_made_with_an_article_before_its_noun(text):
    assert "donation" in types_of(text)


@pytest.mark.parametrize("text", [
    # English text made of words that are forms in other languages' tables
    "The list of bus routes is on the last page of the report.",
    "She struck a pose for the photo and read the font size aloud.",
    "The seminar room has a new forum board and a workshop bench.",
    "Our staff dar and tint the old photographs each year.",
    "Visitors like the library's long opening hours.",
])
def test_english_without_an_event_gives_none(text):
    assert types_of(text) == []


@pytest.mark.parametrize("text", [
    # a partner school named, the anniversary of a tie-up: no partnership made
    "2019年5月17日、提携校を訪問した。",
    "2019年5月17日、友好都市提携25周年の式典が開かれた。",
])
def test_a_partnership_named_is_no_agreement(text):
    assert "agreement" not in types_of(text)


@pytest.mark.parametrize("text", [
    # the anniversary of an opening, and a counter after a number ("7개관": seven halls), open nothing
    "2019년 5월 3일 시립도서관 개관 10주년 기념식을 가졌다.",
    "2019년 5월 3일 국립도서관(7개관)과 대학도서관(8개관)이 참여했다.",
])
def test_an_anniversary_or_a_count_is_no_founding(text):
    assert "founding" not in types_of(text)


@pytest.mark.parametrize("text", [
    # no CJK, Hangul or Vietnamese event words: the within-token matcher never runs
    "The reading room holds Tang dynasty scrolls and a small globe.",
    "Mou Zongsan's essays were shelved next to the atlas.",
    "Thang Long is the old name of Hanoi; the guide said so.",
])
def test_english_without_cjk_gives_none(text):
    assert types_of(text) == []


def test_english_text_is_untouched_by_the_new_languages():
    """A sentence of English gives the same triggers with and without the within-token rules."""
    from coopextract.pipeline.events.triggers import within_word_index, within_word_matches
    from coopextract.pipeline.build import build_pipeline

    nlp = build_pipeline()
    triggers = nlp.get_pipe("coop_triggers")
    doc = nlp.make_doc("The Ambassador visited the National Library and signed a memorandum on 12 May 2019.")
    assert [t.text for t in doc][:3] == ["The", "Ambassador", "visited"]
    assert triggers.within_index is not None
    assert within_word_matches(doc, triggers.within_index) == []
    assert within_word_index([]) is None


@pytest.mark.parametrize("text, expected", [
    # a trigger found inside a token widens to that token; the clause marks of Han and kana
    # text are tokens, so two clauses' triggers stay apart (span extensions are keyed by
    # offsets: two triggers on one token would share one event)
    ("晋州市を訪れ、協定書の調印式を行いました", {("晋州市を訪れ", "visit"), ("協定書の調印式を行いました", "agreement")}),
    ("两馆签署了合作协议", {("两馆签署了合作协议", "agreement")}),
    ("MOU를 체결했다", {("MOU를 체결했다", "agreement")}),
])
def test_within_token_triggers_span_their_words(text, expected):
    from coopextract.pipeline.build import build_pipeline

    doc = build_pipeline()(text)
    assert {(s.text, s._.event["type"]) for s in doc.spans["event_triggers"]} == expected


@pytest.mark.parametrize("text, kind", [
    # a Japanese or Chinese paragraph is one run between spaces: it is no short label line like
    # "Year 2004", whose month or year would head the paragraphs below it
    ("2019年5月、代表団が国立国会図書館を訪問した。", "visit"),
    ("令和元年5月、姉妹都市から図書30冊の寄贈を受けました。", "donation"),
    ("2019年5月,大使向国家图书馆捐赠了图书。", "donation"),
])
def test_a_short_han_paragraph_with_a_month_tells_its_event(text, kind):
    assert types_of(text) == [kind]


def test_a_planned_signing_is_planned():
    events = [e for p in extract_text("Будет подписан меморандум о сотрудничестве 12.05.2019.") for e in p.events]
    assert not events or all(e.modality == "planned" for e in events)


# ---------------------------------------------------------------- the built table


def test_the_committed_table_is_what_the_build_script_writes():
    pytest.importorskip("spacy_lookups_data", reason="the build's source; not a run-time dependency")
    pytest.importorskip("simplemma", reason="the build's source of noun forms; not a run-time dependency")
    build = build_script("build_lemmas")
    lines = build.language_lines(build.wanted_by_language(), build.english_words())
    assert (models_dir() / "lemma_forms_languages.tsv").read_text(encoding="utf-8") == "\n".join(lines) + "\n"


@pytest.mark.parametrize("lang, use, word, form", [
    # a sample of the table, checked without spacy-lookups-data
    ("es", "predicate", "visitar", "visitaron"),
    ("es", "predicate", "firmar", "firmó"),
    ("pt", "predicate", "assinar", "assinaram"),
    ("fr", "predicate", "signer", "signé"),
    ("de", "predicate", "unterzeichnen", "unterzeichneten"),
    ("de", "object", "buch", "bücher"),
    ("de", "object", "band", "bände"),
    ("it", "object", "rivista", "riviste"),
    ("pl", "predicate", "odwiedzić", "odwiedził"),
    ("pl", "object", "umowa", "umowy"),
    ("ru", "predicate", "посетить", "посетил"),
    ("ru", "object", "соглашение", "соглашения"),
    ("tr", "predicate", "imzala", "imzalandı"),
    ("tr", "object", "kitap", "kitapları"),
    # languages without a lookup table: each word stands for itself
    ("vi", "predicate", "ký kết", "ký kết"),
    ("az", "predicate", "imzalanıb", "imzalanıb"),
    ("ja", "object", "協定", "協定"),
])
def test_the_table_holds_the_inflections(lang, use, word, form):
    assert form in load_language_forms(models_dir() / "lemma_forms_languages.tsv")[(lang, use, word)]


def test_no_predicate_form_is_an_english_word():
    table = load_language_forms(models_dir() / "lemma_forms_languages.tsv")
    english = set(STOP_WORDS)
    for lemma, forms in load_lemma_forms(models_dir() / "lemma_forms.tsv").items():
        english.add(lemma)
        english.update(forms)
    clashes = {(lang, f) for (lang, use, _), forms in table.items() if use == "predicate" for f in forms} 
    assert {(lang, f) for lang, f in clashes if f in english} == set()


def test_a_word_missing_from_the_table_says_to_rebuild(tmp_path):
    path = tmp_path / "event_predicates.jsonl"
    path.write_text(json.dumps({"id": "visit.x", "type": "visit", "form": "verb",
                                "languages": {"es": {"lemmas": ["pasear"]}}}) + "\n", encoding="utf-8")
    with pytest.raises(ModelsError, match="build_lemmas.py"):
        load_predicate_rules(path, {}, {})


@pytest.mark.parametrize("row, reason", [
    ({"id": "x", "type": "visit", "form": "verb"}, "'lemmas'"),
    ({"id": "x", "type": "visit", "form": "verb", "languages": {"es": {"lemas": ["visitar"]}}}, "takes"),
    ({"id": "x", "type": "visit", "form": "verb", "lemmas": ["sign"], "objects": ["memorandum"],
      "languages": {"es": {"lemmas": ["firmar"]}}}, "every language"),
])
def test_the_language_rows_are_read_strictly(tmp_path, row, reason):
    path = tmp_path / "event_predicates.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(ModelsError, match=reason):
        load_predicate_rules(path, {}, {("es", "predicate", "firmar"): ("firmar",)})


@pytest.mark.parametrize("text, kind", [
    # a word that holds an object word but names something else: a tour (見学会 holds 学会),
    # a meeting room (会議室, 회의실 hold 会議, 회의)
    ("1997年7月30日、参加者は国立国会図書館への見学会も実施した。", "conference"),
    ("2019年5月17日、図書館の会議室で開催された。", "conference"),
    ("2019년 5월 17일 도서관 회의실에서 열렸다.", "conference"),
    # a founding participle without its year beside it ("fondée sur", founded on; a year further on)
    ("Un programme créé en partenariat avec des écoles en 2019 soutient la lecture.", "founding"),
    ("La coopération, fondée sur la confiance depuis 2019, continue.", "founding"),
    ("タルボ図書館は設立の準備を2019年から進めている。", "founding"),
])
def test_a_word_of_the_class_without_what_it_needs_is_no_event(text, kind):
    assert kind not in types_of(text)


def test_the_name_before_a_founding_participle_is_what_was_founded():
    event = next(e for p in extract_text("La Fondation Tarvo, fondée en 1971, soutient la lecture.")
                 for e in p.events if e.event_type == "founding")
    assert {(x.role, x.name) for x in event.participants} == {("founded", "Fondation Tarvo")}
