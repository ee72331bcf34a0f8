"""Event triggers in Italian, Czech, Slovak, Dutch, Romanian, Hungarian, Swedish and Persian,
and the Turkish words added with them (the "it", "cs", "sk", "nl", "ro", "hu", "sv", "fa" and
"tr" entries of ``event_predicates.jsonl``); the future auxiliaries of ``event_cues.jsonl``;
what ``models/build_lemmas.py`` writes for them (elided articles, negative prefixes, Persian
zero-width non-joiners, Romanian cedillas). Each sentence is written for the test; dates as
digits (Persian: a Solar Hijri date, read and converted by the dates component)."""

import pytest
from builders import build_script

from builders import events_of, language_forms, typed

ZWNJ = "\u200c"


def table():
    return language_forms()


@pytest.mark.parametrize("lang, text, kind, start", [
    # Italian: active, passive with an elided article, nominal, light verb
    ("it", "Il 3.4.2018 le due biblioteche hanno firmato un accordo di collaborazione.", "agreement", "2018-04-03"),
    ("it", "L'intesa è stata sottoscritta dalle due università il 3.4.2018.", "agreement", "2018-04-03"),
    ("it", "La firma dell'accordo fra i due archivi è avvenuta il 3.4.2018.", "agreement", "2018-04-03"),
    ("it", "La console ha visitato la biblioteca comunale il 3.4.2018.", "visit", "2018-04-03"),
    ("it", "Il 3.4.2018 la scrittrice ha fatto visita alla biblioteca del liceo.", "visit", "2018-04-03"),
    ("fr", "Le 3 avril 2018, la mairie a choisi d’offrir des livres à la médiathèque.", "donation", "2018-04-03"),
    # a predicate that is an English word too, in a sentence of the other language
    ("fr", "La signature de la convention a eu lieu le 3 avril 2018 à Tarvo.", "agreement", "2018-04-03"),
    # "de" elided before the act's object
    ("fr", "Une cérémonie de signature d’accord s’est tenue le 3 avril 2018 à Tarvo.", "agreement", "2018-04-03"),
    ("fr", "Le symposium des bibliothécaires a eu lieu le 3 avril 2018 à Tarvo.", "conference", "2018-04-03"),
    ("de", "Das Seminar fand am 3. April 2018 in der Stadtbibliothek Tarvo statt.", "training", "2018-04-03"),
    ("it", "Il 3.4.2018 il rettore ha accolto una delegazione di bibliotecari polacchi.", "visit", "2018-04-03"),
    ("it", "L'ambasciata ha donato trecento libri alla biblioteca il 3.4.2018.", "donation", "2018-04-03"),
    ("it", "Il 3.4.2018 il direttore ha incontrato la collega di Lubiana.", "meeting", "2018-04-03"),
    ("it", "Il 3.4.2018 la bibliotecaria ha partecipato al convegno di Bologna.", "conference", "2018-04-03"),
    ("it", "Il 3.4.2018 la biblioteca ha organizzato un seminario sul restauro.", "training", "2018-04-03"),
    ("it", "Il 3.4.2018 è stata inaugurata la mostra di mappe antiche.", "exhibition", "2018-04-03"),
    ("it", "L'inaugurazione della nuova sala di lettura si è svolta il 3.4.2018.", "founding", "2018-04-03"),
    # Czech: past active, passive participle, nominal
    ("cs", "Velvyslankyně navštívila krajskou knihovnu 3.4.2018.", "visit", "2018-04-03"),
    ("cs", "Obě univerzity podepsaly smlouvu o spolupráci 3.4.2018.", "agreement", "2018-04-03"),
    ("cs", "Dohoda o výměně publikací byla podepsána 3.4.2018.", "agreement", "2018-04-03"),
    ("cs", "Spisovatel daroval knihovně dvě stě knih 3.4.2018.", "donation", "2018-04-03"),
    ("cs", "Ředitelka se 3.4.2018 setkala s rektorem univerzity.", "meeting", "2018-04-03"),
    ("cs", "Knihovna 3.4.2018 uspořádala školení pro katalogizátory.", "training", "2018-04-03"),
    ("cs", "Výstava starých map byla zahájena 3.4.2018.", "exhibition", "2018-04-03"),
    ("cs", "Návštěva delegace z Krakova proběhla 3.4.2018.", "visit", "2018-04-03"),
    # Slovak: listed forms (no lookup table)
    ("sk", "Veľvyslankyňa navštívila krajskú knižnicu 3.4.2018.", "visit", "2018-04-03"),
    ("sk", "Obe univerzity podpísali zmluvu o spolupráci 3.4.2018.", "agreement", "2018-04-03"),
    ("sk", "Spisovateľ daroval knižnici dvesto kníh 3.4.2018.", "donation", "2018-04-03"),
    ("sk", "Riaditeľka sa 3.4.2018 stretla s rektorom univerzity.", "meeting", "2018-04-03"),
    ("sk", "Konferencia knihovníkov sa konala 3.4.2018.", "conference", "2018-04-03"),
    ("sk", "Výstava starých máp sa konala 3.4.2018.", "exhibition", "2018-04-03"),
    # Dutch: verb second, verb last, a particle standing apart as a phrase ("nam deel")
    ("nl", "De consul bezocht de universiteitsbibliotheek op 3.4.2018.", "visit", "2018-04-03"),
    ("nl", "De samenwerkingsovereenkomst werd op 3.4.2018 ondertekend.", "agreement", "2018-04-03"),
    ("nl", "De schrijfster schonk op 3.4.2018 tweehonderd boeken aan de bibliotheek.", "donation", "2018-04-03"),
    ("nl", "De conservator nam deel aan het congres in Utrecht op 3.4.2018.", "conference", "2018-04-03"),
    ("nl", "De minister bracht op 3.4.2018 een werkbezoek aan het archief.", "visit", "2018-04-03"),
    ("nl", "De tentoonstelling over oude kaarten werd op 3.4.2018 geopend.", "exhibition", "2018-04-03"),
    # Romanian: perfect compound, passive, reflexive
    ("ro", "Consulul a vizitat biblioteca județeană pe 3.4.2018.", "visit", "2018-04-03"),
    ("ro", "Cele două universități au semnat un acord de colaborare pe 3.4.2018.", "agreement", "2018-04-03"),
    ("ro", "Convenția a fost semnată pe 3.4.2018.", "agreement", "2018-04-03"),
    ("ro", "Scriitoarea a donat bibliotecii două sute de cărți pe 3.4.2018.", "donation", "2018-04-03"),
    ("ro", "Directoarea s-a întâlnit pe 3.4.2018 cu rectorul universității.", "meeting", "2018-04-03"),
    ("ro", "Expoziția de hărți vechi a fost inaugurată pe 3.4.2018.", "exhibition", "2018-04-03"),
    # Hungarian: suffixed forms listed; the prefix standing apart as a phrase ("írt alá")
    ("hu", "A konzul 2018.04.03-án meglátogatta a megyei könyvtárat.", "visit", "2018-04-03"),
    ("hu", "A két egyetem 2018.04.03-án együttműködési megállapodást írt alá.", "agreement", "2018-04-03"),
    ("hu", "A két intézmény 2018.04.03-án aláírta a szerződést.", "agreement", "2018-04-03"),
    # a body that held (tartotta) its general assembly (közgyűlését), a conference as "held its general assembly"
    ("hu", "Az egyesület 2018.04.03-án tartotta éves közgyűlését a megyei könyvtárban.", "conference", "2018-04-03"),
    ("hu", "Az írónő 2018.04.03-án kétszáz könyvet adományozott a könyvtárnak.", "donation", "2018-04-03"),
    ("hu", "A könyvtáros 2018.04.03-án részt vett a debreceni konferencián.", "conference", "2018-04-03"),
    ("hu", "Az igazgató 2018.04.03-án fogadta a krakkói küldöttséget.", "visit", "2018-04-03"),
    # Swedish: verb second, passive in -s, a particle verb as a phrase ("tog emot")
    ("sv", "Konsuln besökte stadsbiblioteket den 3.4.2018.", "visit", "2018-04-03"),
    ("sv", "Universiteten undertecknade ett samarbetsavtal den 3.4.2018.", "agreement", "2018-04-03"),
    ("sv", "Författaren skänkte tvåhundra böcker till biblioteket den 3.4.2018.", "donation", "2018-04-03"),
    ("sv", "Rektorn tog emot en delegation från Åbo den 3.4.2018.", "visit", "2018-04-03"),
    ("sv", "Utställningen om gamla kartor invigdes den 3.4.2018.", "exhibition", "2018-04-03"),
    ("sv", "Bibliotekarien deltog i kongressen i Malmö den 3.4.2018.", "conference", "2018-04-03"),
    # Persian: light verbs (noun + کرد / شد), words written with and without the non-joiner
    ("fa", "رایزن فرهنگی در ۱۴ فروردین ۱۳۹۷ از کتابخانه مرکزی دانشگاه بازدید کرد.", "visit", "2018-04-03"),
    ("fa", f"تفاهم{ZWNJ}نامه همکاری دو دانشگاه در ۱۴ فروردین ۱۳۹۷ امضا شد.", "agreement", "2018-04-03"),
    ("fa", "دو کتابخانه در ۱۴ فروردین ۱۳۹۷ تفاهمنامه همکاری امضا کردند.", "agreement", "2018-04-03"),
    ("fa", "نویسنده در ۱۴ فروردین ۱۳۹۷ سیصد جلد کتاب به کتابخانه شهر اهدا کرد.", "donation", "2018-04-03"),
    ("fa", "رئیس کتابخانه در ۱۴ فروردین ۱۳۹۷ با رایزن فرهنگی دیدار کرد.", "meeting", "2018-04-03"),
    ("fa", "همایش کتابداران در ۱۴ فروردین ۱۳۹۷ در شیراز برگزار شد.", "conference", "2018-04-03"),
    ("fa", f"نمایشگاه نقشه{ZWNJ}های قدیمی در ۱۴ فروردین ۱۳۹۷ افتتاح شد.", "exhibition", "2018-04-03"),
    ("fa", "مدیر کتابخانه در ۱۴ فروردین ۱۳۹۷ از هیئت دانشگاه کابل استقبال کرد.", "visit", "2018-04-03"),
    # Persian written with the Arabic yeh and kaf
    ("fa", "مدير كتابخانه در ۱۴ فروردین ۱۳۹۷ از هيئت دانشگاه استقبال كرد.", "visit", "2018-04-03"),
    # Turkish: "takdim etti" with a book or gift, "bağışta bulundu", the noun "bağışı"
    ("tr", "Yazar 03.04.2018 tarihinde kütüphaneye kitaplarını takdim etti.", "donation", "2018-04-03"),
    ("tr", "Büyükelçilik 03.04.2018 tarihinde kütüphaneye kitap bağışında bulundu.", "donation", "2018-04-03"),
    ("tr", "Kitap bağışı töreni 03.04.2018 tarihinde yapıldı.", "donation", "2018-04-03"),
    ("tr", "İki üniversite 03.04.2018 tarihinde işbirliği anlaşması imzaladı.", "agreement", "2018-04-03"),
    # an event noun after its complement, as Turkish noun phrases go: "the library's opening"
    ("tr", "Belediye 03.04.2018 tarihinde halk kütüphanesinin açılışını yaptı.", "founding", "2018-04-03"),
    ("tr", "İki şehir arasındaki kitap değişimi 03.04.2018 tarihinde gerçekleştirildi.", "exchange", "2018-04-03"),
    # Albanian (no lookup table: the rows list the forms)
    ("sq", "Më 3.4.2018 ambasadori vizitoi Bibliotekën e Qytetit në Durrës.", "visit", "2018-04-03"),
    ("sq", "Më 3.4.2018 u nënshkrua një marrëveshje bashkëpunimi midis dy arkivave.", "agreement", "2018-04-03"),
    ("sq", "Më 3.4.2018 ambasada dhuroi 300 libra për bibliotekën e shkollës.", "donation", "2018-04-03"),
    ("sq", "Gjatë vizitës më 3.4.2018 drejtori u takua me kolegët e arkivit.", "meeting", "2018-04-03"),
    # Armenian: its full stop (։) ends a sentence; the month before the day, the year first
    ("hy", "2018 թվականի ապրիլի 3-ին նախարարը այցելեց քաղաքային գրադարան։", "visit", "2018-04-03"),
    ("hy", "2018 թ. ապրիլի 3-ին երկու գրադարանները ստորագրեցին համագործակցության հուշագիր։", "agreement", "2018-04-03"),
    ("hy", "2018 թվականի ապրիլի 3-ին դեսպանը գրադարանին նվիրեց 200 գիրք։", "donation", "2018-04-03"),
    # French "sceller" (to seal) an agreement
    ("fr", "Le 3 avril 2018, les deux archives ont scellé un accord de coopération.", "agreement", "2018-04-03"),
    # Romanian and Ukrainian nouns of an official trip; bilateral consultations are a meeting
    ("ro", "Directorul bibliotecii a efectuat o deplasare la Chişinău pe 3.4.2018.", "business_trip", "2018-04-03"),
    ("uk", "3.4.2018 директорка архіву перебувала у відрядженні в Кракові.", "business_trip", "2018-04-03"),
    ("uk", "3.4.2018 відбулися двосторонні консультації керівників бібліотек.", "meeting", "2018-04-03"),
    ("ru", "3.4.2018 прошли двусторонние консультации руководителей архивов.", "meeting", "2018-04-03"),
    # English missions of an expert
    ("en", "In 2018 the conservator undertook two missions to the archives of Tarvo.", "business_trip", "2018"),
    ("en", "In 2018 she made a one week consultancy mission to the archives of Tarvo.", "business_trip", "2018"),
    # Uzbek oʻ and gʻ written with a quotation mark or an apostrophe, as web text often has them;
    # a year joined to its word by a hyphen
    ("uz", "Elchi 2018-yilda kutubxonaga kitoblarni sovg‘a qildi.", "donation", "2018"),
    ("uz", "Elchi 2018-yil kutubxonaga kitoblarni sovg'a qildi.", "donation", "2018"),
    ("uz", "Ko’rgazma 3.4.2018 kuni kutubxonada o’tkazildi.", "exhibition", "2018-04-03"),
    # Catalan (forms from its lemma table), Hebrew (with its proclitics) and Bengali
    ("ca", "El 3 d'abril de 2018 les dues biblioteques van signar un conveni de col·laboració.", "agreement", "2018-04-03"),
    ("ca", "El 3 d'abril de 2018 l'ambaixada va donar cent llibres a la biblioteca.", "donation", "2018-04-03"),
    ("ca", "El 3 d'abril de 2018 la cònsol va visitar l'arxiu municipal de Tarvo.", "visit", "2018-04-03"),
    ("ca", "El 3 d'abril de 2018 es va inaugurar l'exposició de mapes antics.", "exhibition", "2018-04-03"),
    ("he", "ב-3 באפריל 2018 ביקרה משלחת של ספרנים מטרוויה בספרייה המרכזית.", "visit", "2018-04-03"),
    ("he", "ב-3 באפריל 2018 חתמו שתי הספריות על הסכם שיתוף פעולה.", "agreement", "2018-04-03"),
    ("he", "ב-3 באפריל 2018 תרמה השגרירות מאה ספרים לספרייה.", "donation", "2018-04-03"),
    ("he", "הכנס הבינלאומי של הספרנים התקיים ב-3 באפריל 2018 בתל אביב.", "conference", "2018-04-03"),
    ("bn", "৩ এপ্রিল ২০১৮ তারিখে দুই গ্রন্থাগারের মধ্যে একটি সমঝোতা স্মারক স্বাক্ষরিত হয়।", "agreement", "2018-04-03"),
    ("bn", "৩ এপ্রিল ২০১৮ তারিখে রাষ্ট্রদূত গ্রন্থাগারটি পরিদর্শন করেন।", "visit", "2018-04-03"),
    ("bn", "৩ এপ্রিল ২০১৮ তারিখে দূতাবাস গ্রন্থাগারকে ৩০০টি বই হস্তান্তর করে।", "donation", "2018-04-03"),
    # Kazakh (no lookup table: the rows list the forms; "қол қойды" is two words)
    ("kk", "2018 жылғы 3 сәуірде екі кітапхана ынтымақтастық туралы меморандумға қол қойды.", "agreement", "2018-04-03"),
    ("kk", "3.4.2018 елші кітапханаға 300 кітап сыйға тартты.", "donation", "2018-04-03"),
    ("kk", "3.4.2018 министр Алматы қаласына сапармен барды.", "visit", "2018-04-03"),
    ("kk", "3.4.2018 Астанада кітапханашылардың халықаралық конференциясы өтті.", "conference", "2018-04-03"),
])
def test_a_class_in_one_more_language_is_an_event(lang, text, kind, start):
    assert (kind, start) in typed(text), f"{lang}: {text}"


@pytest.mark.parametrize("lang, text", [
    # opening hours are no founding; a negated verb no signing; a book "devoted to" no gift
    ("it", "La biblioteca è aperta al pubblico dal 3.4.2018."),
    ("it", "Nel corso della giornata del 3.4.2018 la biblioteca è rimasta chiusa."),
    ("it", "La Fondazione Bianchi gestisce dal 3.4.2018 una biblioteca per ragazzi."),
    ("cs", "Knihovna je otevřena od pondělí do pátku od 3.4.2018."),
    ("cs", "Ředitel knihovny nepodepsal smlouvu 3.4.2018."),
    ("cs", "Publikace věnovaná historii knihovny vyšla 3.4.2018."),
    ("sk", "Knižnica je otvorená od pondelka do piatku od 3.4.2018."),
    ("nl", "De bibliotheek is geopend van maandag tot vrijdag sinds 3.4.2018."),
    ("nl", "Het boek geeft een overzicht van de geschiedenis, verschenen op 3.4.2018."),
    ("ro", "Primii vizitatori au venit la bibliotecă pe 3.4.2018."),
    ("ro", "Biblioteca este deschisă de luni până vineri din 3.4.2018."),
    ("hu", "A könyvtár 2018.04.03-án zárva tartott."),
    ("sv", "Biblioteket öppnar klockan tio från den 3.4.2018."),
    ("sv", "I avtalet ingår också utbyte av personal sedan den 3.4.2018."),
    ("fa", "کتابخانه ملی از ۱۴ فروردین ۱۳۹۷ هر روز از ساعت هشت باز است."),
    ("tr", "Bakan 03.04.2018 tarihinde kütüphanede bir sunum takdim etti."),
    # a noun of the class before an event noun that is not its complement: no exchange of books
    ("tr", "Kitap satışı 03.04.2018 tarihinde döviz değişimi nedeniyle ertelendi."),
    ("sq", "Biblioteka është e hapur nga e hëna deri të premten që nga 3.4.2018."),
])
def test_ordinary_text_gives_no_event(lang, text):
    assert events_of(text) == [], f"{lang}: {text}"


@pytest.mark.parametrize("text, kinds", [
    # the subject of a Hungarian clause (nominative) is not what was opened; a Persian venue neither
    ("A könyvtár igazgatója 2018.04.03-án megnyitotta a kiállítást.", {"exhibition"}),
    ("نمایشگاه نسخه های خطی در ۱۴ فروردین ۱۳۹۷ در کتابخانه ملی افتتاح شد.", {"exhibition"}),
])
def test_an_opened_exhibition_is_no_founding_of_its_venue(text, kinds):
    assert {e.event_type for e in events_of(text)} == kinds


@pytest.mark.parametrize("text", [
    "L'accordo sarà firmato il 3.4.2018.",
    "Smlouva bude podepsána 3.4.2018.",
    "Zmluva bude podpísaná 3.4.2018.",
    "De overeenkomst zal op 3.4.2018 worden ondertekend.",
    "Acordul va fi semnat pe 3.4.2018.",
    "Acordurile vor fi semnate pe 3.4.2018.",
    "A megállapodást 2018.04.03-án fogják aláírni.",
    "Avtalet kommer att undertecknas den 3.4.2018.",
    "تفاهم‌نامه همکاری در ۱۴ فروردین ۱۳۹۷ امضا خواهد شد.",
])
def test_a_future_signing_is_planned(text):
    events = events_of(text)
    assert events and all(e.modality == "planned" for e in events), text


def test_an_english_state_abbreviation_is_no_romanian_future():
    events = events_of("The library in Richmond, VA signed an agreement on 12 May 2019.")
    assert [e.modality for e in events] == ["asserted"]


# ---------------------------------------------------------------- the built table


@pytest.mark.parametrize("lang, use, word, form", [
    ("it", "predicate", "firmare", "firmato"),             # from the lookup table
    ("it", "object", "accordo", "dell'accordo"),            # an elided article or preposition
    ("it", "object", "accordo", "l\u2019accordo"),           # ... with either apostrophe
    ("it", "predicate", "incontro", "l'incontro"),          # on a noun row's word too
    ("fr", "object", "accord", "l'accord"),
    ("fr", "object", "accord", "d\u2019accord"),           # "de" elided before an object ...
    ("fr", "predicate", "offrir", "d\u2019offrir"),         # "de" before a French infinitive
    ("cs", "predicate", "podepsat", "podepsán"),
    ("ro", "predicate", "semna", "semnat"),
    ("ro", "object", "convenție", "convenţie"),              # the cedilla spelling
    ("sv", "predicate", "tog emot", "tog emot"),            # a phrase: "tog" alone is English
    ("hu", "predicate", "írt alá", "írt alá"),
    ("nl", "predicate", "nam deel", "nam deel"),
    ("sk", "predicate", "navštívil", "navštívil"),          # no table: the form stands for itself
    ("fa", "object", f"تفاهم{ZWNJ}نامه", f"تفاهم{ZWNJ}نامه"),
    ("fa", "object", f"تفاهم{ZWNJ}نامه", "تفاهمنامه"),        # without the non-joiner
    ("fa", "object", f"تفاهم{ZWNJ}نامه", "تفاهم نامه"),       # ... or with a space
    ("fa", "object", "کتاب", "كتاب"),                         # Arabic kaf
    ("tr", "predicate", "takdim", "takdim"),
])
def test_the_table_holds_the_forms(lang, use, word, form):
    assert form in table()[(lang, use, word)]


@pytest.mark.parametrize("lang, use, word, form", [
    ("cs", "predicate", "podepsat", "nepodepsal"),          # a negative prefix
    ("cs", "predicate", "setkat", "nesetkal"),
    ("ro", "predicate", "semna", "nesemnând"),
    ("ro", "predicate", "semna", "nemaisemnând"),
    ("it", "predicate", "inaugurare", "l'inaugurato"),      # no elision on a verb
    ("it", "object", "libro", "l'libro"),                    # nor before a consonant
])
def test_the_table_leaves_out_what_is_no_form(lang, use, word, form):
    assert form not in table()[(lang, use, word)]


def test_elisions_and_negatives_are_classes():
    build = build_script("build_lemmas")
    assert build.with_elisions("it", {"accordo", "libro"}, noun=True) >= {"accordo", "libro", "l'accordo", "nell’accordo"}
    assert not {f for f in build.with_elisions("it", {"libro"}, noun=True) if f != "libro"}
    assert build.with_elisions("it", {"inaugurato"}, noun=False) == {"inaugurato"}
    assert build.with_elisions("fr", {"organiser", "signer"}, noun=False) == {"organiser", "signer", "d'organiser", "d’organiser"}
    assert build.with_elisions("de", {"abkommen"}, noun=True) == {"abkommen"}
    assert build.affirmative("cs", {"podepsal", "nepodepsal", "nesl"}) == {"podepsal", "nesl"}
    assert build.affirmative("pl", {"podpisał", "niepodpisał"}) == {"podpisał", "niepodpisał"}


def test_a_shared_predicate_form_is_kept_apart_and_read_in_other_languages_only():
    forms = table()
    assert "signature" not in forms[("fr", "predicate", "signature")]
    assert "signature" in forms[("fr", "shared", "signature")]
    from coopextract import extract_text
    found = [e.event_type for p in extract_text("The signature of the director was on the letter of 3 April 2018.", doc_id="t")
             for e in p.events]
    assert "agreement" not in found


@pytest.mark.parametrize("text", [
    "La signature de l’accord est prévue le 3 avril 2018 à Tarvo.",
    "La firma del convenio prevista para el 3 de abril de 2018 en Tarvo.",
    "On a parlé du projet de formation que la bibliothèque organise le 3 avril 2018.",
    # Albanian makes its future with the particle "do të"
    "Konferenca e bibliotekarëve do të mbahet në Tiranë më 3.4.2018.",
])
def test_a_foreign_word_of_plans_marks_the_event_planned(text):
    from coopextract import extract_text
    found = [e.modality for p in extract_text(text, doc_id="t") for e in p.events]
    assert found and all(m == "planned" for m in found)


def test_a_noun_that_names_a_field_of_work_is_not_shared():
    """French "formation" names the field (an agreement's aims, a body's missions) as often as a course."""
    from coopextract import extract_text
    assert ("fr", "shared", "formation") not in table()
    text = "Signé le 3 avril 2018, le mémorandum porte sur l’échange des publications et la formation des archivistes."
    assert "training" not in [e.event_type for p in extract_text(text, doc_id="t") for e in p.events]


@pytest.mark.parametrize("text", [
    "Elle rêvait d’ouvrir une bibliothèque à Tarvo en 2017.",
    "La bibliothèque pourrait signer un accord avec Tarvo en 2019.",
    "Die Bibliothek möchte 2019 ein Abkommen mit Tarvo unterzeichnen.",
    "La biblioteca desea firmar un convenio con Tarvo en 2019.",
])
def test_a_foreign_wish_or_possibility_is_no_event(text):
    from coopextract import extract_text
    assert [e.event_type for p in extract_text(text, doc_id="t") for e in p.events] == []
