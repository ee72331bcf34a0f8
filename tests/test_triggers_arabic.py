"""Arabic event triggers (the "ar" rows of ``event_predicates.jsonl``) and the spellings the
forms table adds at build time (``models/build_lemmas.py``: Arabic proclitics, hamza-less alif,
tanween; Russian е for ё). Each sentence is written for the test; dates as digits or a page's
``date`` line, since Arabic month names are not read yet."""

import pytest
from builders import build_script

from coopextract import extract_text
from coopextract.pipeline.events.triggers import load_language_forms
from coopextract.resources import models_dir


def events_of(text):
    return [e for p in extract_text(text) for e in p.events]


def typed(text):
    return {(e.event_type, e.date.edtf if e.date else None) for e in events_of(text)}


@pytest.mark.parametrize("text, kind, date", [
    # agreement: verb + object (verb first, the subject between), signing noun + object
    ("وقعت الجامعة ومكتبة المدينة اتفاقية تعاون يوم 14/03/2021.", "agreement", "2021-03-14"),
    ("ووقّع الطرفان على مذكرة تفاهم في 2/9/2019.", "agreement", "2019-09-02"),
    ("أبرمت المكتبة بروتوكولا للتعاون مع الأرشيف الوطني في 2/9/2019.", "agreement", "2019-09-02"),
    ("وجرى خلال اللقاء توقيع مذكرة التفاهم بين المؤسستين في 2/9/2019.", "agreement", "2019-09-02"),
    ("وتم التوقيع على الاتفاقية في مقر المكتبة.", "agreement", None),
    # visit: verb, "قام بزيارة", noun with a pronoun suffix, host + guest
    ("زارت سفيرة كندا قاعة المخطوطات في 21/11/2018.", "visit", "2018-11-21"),
    ("وقام وفد من جامعة ليون بزيارة المكتبة المركزية في 21/11/2018.", "visit", "2018-11-21"),
    ("واختتم الوزير زيارته إلى المكتبة في 21/11/2018.", "visit", "2018-11-21"),
    ("استقبل عميد الكلية سفير إيطاليا في 21/11/2018.", "visit", "2018-11-21"),
    ("واستقبلت المكتبة وفداً من طلاب الدراسات العليا يوم 21/11/2018.", "visit", "2018-11-21"),
    # meeting
    ("التقى مدير المكتبة نظيره التونسي في 6/1/2020.", "meeting", "2020-01-06"),
    ("وعقد الجانبان اجتماعا لبحث سبل التعاون في 6/1/2020.", "meeting", "2020-01-06"),
    # donation: verb + items (hamza-less, tanween, article + preposition), noun
    ("أهدى الكاتب مكتبة البلدية مجموعة من مؤلفاته ومخطوطاته والكتب النادرة في 9/4/2017.", "donation", "2017-04-09"),
    ("اهدت السفارة كتباً عن تاريخ البلاد للمكتبة في 9/4/2017.", "donation", "2017-04-09"),
    ("وقدم الضيف هدية تذكارية لمدير المكتبة في 9/4/2017.", "donation", "2017-04-09"),
    ("وتلقت المكتبة تبرعا سخيا من أحد القراء في 9/4/2017.", "donation", "2017-04-09"),
    # exchange
    ("تبادلت المكتبتان المطبوعات والدوريات في 9/4/2017.", "exchange", "2017-04-09"),
    # conference, training, exhibition: hold verb + object, noun
    ("شاركت أمينة المكتبة في مؤتمر الاتحاد الدولي في 30/8/2016.", "conference", "2016-08-30"),
    ("انعقد الملتقى الأول لأمناء المكتبات في 30/8/2016.", "conference", "2016-08-30"),
    ("نظمت المكتبة ورشة عمل عن الحفظ الرقمي في 30/8/2016.", "training", "2016-08-30"),
    ("واختتمت الدورة التدريبية للمفهرسين في 30/8/2016.", "training", "2016-08-30"),
    ("أقامت المكتبة معرضاً للخرائط القديمة في 30/8/2016.", "exhibition", "2016-08-30"),
    # founding: verb + opened place, noun + place
    ("افتتح القنصل ركنا للكتاب الصيني في المكتبة في 30/8/2016.", "founding", "2016-08-30"),
    ("وشهد الحفل افتتاح فرع جديد للمكتبة في 30/8/2016.", "founding", "2016-08-30"),
    # a page's date line anchors an undated sentence
    ("date 2025-12-08\nزار وفد من المكتبة الوطنية الأرشيف الوطني.", "visit", "2025-12-08"),
    # Russian е for ё (the table lists "нанёс", "прошёл")
    ("Посол нанес визит в библиотеку.", "visit", None),
    ("Семинар для библиотекарей прошел в читальном зале.", "training", None),
])
def test_an_arabic_class_is_an_event(text, kind, date):
    assert (kind, date) in typed(text), text


@pytest.mark.parametrize("text", [
    # موقع (website, location) is no form of وقع; تقع (lies) and يتوقع (expects) neither
    "نشر موقع المكتبة نص الاتفاقية الجديدة في 3/4/2018.",
    "تقع المكتبة في موقع متميز قرب مقر الاتفاقية في 3/4/2018.",
    "يتوقع الخبراء نمو عدد الاتفاقيات في 3/4/2018.",
    # "وقع" as "happened" with no agreement object; "قدما" (forward) is no donation
    "وقع الحادث قرب مبنى المكتبة في 3/4/2018.",
    "قال المدير إن التعاون سيمضي قدما في نشر الكتب في 3/4/2018.",
    # the subject of a verb-first clause is no object: a library's director opens no library
    "افتتح مدير مكتبة الجامعة المؤتمر الطلابي في 3/4/2018.",
])
def test_arabic_near_misses_give_no_agreement_donation_or_founding(text):
    assert not {e.event_type for e in events_of(text)} & {"agreement", "donation", "founding"}


@pytest.mark.parametrize("text", [
    # a habitual present with visitors, a possibility ("you can visit the website")
    "تستقبل المكتبة زوارها من الساعة التاسعة في 3/4/2018.",
    "يمكنكم زيارة موقع المكتبة على الإنترنت في 3/4/2018.",
])
def test_arabic_without_a_visit_gives_none(text):
    assert "visit" not in {e.event_type for e in events_of(text) if e.modality is None}


@pytest.mark.parametrize("text", [
    "سيتم توقيع مذكرة التفاهم بين المكتبتين في 3/4/2018.",
    "ومن المقرر أن يزور الوفد المكتبة في 3/4/2018.",
])
def test_an_arabic_future_is_planned(text):
    events = events_of(text)
    assert events and all(e.modality == "planned" for e in events)


# ---------------------------------------------------------------- the built table


@pytest.mark.parametrize("lang, use, word, form", [
    ("ar", "predicate", "وقع", "ووقع"),               # a verb takes a conjunction ...
    ("ar", "predicate", "زيارة", "بزيارة"),           # ... a noun row's word a preposition
    ("ar", "predicate", "زيارة", "وللزيارة"),          # و + ل + ال, written لل
    ("ar", "object", "مذكرة", "والمذكرة"),
    ("ar", "object", "دورة تدريبية", "بالدورة التدريبية"),  # the article on every word
    ("ar", "predicate", "أهدى", "واهدى"),             # hamza-less alif
    ("ar", "object", "وفدا", "وفداً"),                # tanween on the alif or before it
    ("ar", "object", "وفدا", "وفدًا"),
    ("ru", "predicate", "нанести", "нанес"),          # е for ё
    ("ru", "predicate", "прошёл", "прошел"),
])
def test_the_table_holds_the_spellings(lang, use, word, form):
    assert form in load_language_forms(models_dir() / "lemma_forms_languages.tsv")[(lang, use, word)]


@pytest.mark.parametrize("lang, use, word, form", [
    ("ar", "predicate", "وقع", "الوقع"),               # no article on a verb
    ("ar", "predicate", "وقع", "بوقع"),
    ("ar", "predicate", "وقع", "موقع"),
    ("ar", "predicate", "قدم", "قدماً"),               # no tanween on a verb
])
def test_the_table_leaves_out_what_is_no_form(lang, use, word, form):
    assert form not in load_language_forms(models_dir() / "lemma_forms_languages.tsv")[(lang, use, word)]


def test_proclitics_and_spellings_are_classes():
    build = build_script("build_lemmas")
    verb = build.with_proclitics("ar", build.spellings("ar", {"زار"}, noun=False), noun=False)
    assert verb == {"زار", "وزار", "فزار"}
    noun = build.with_proclitics("ar", {"ركن"}, noun=True)
    assert {"ركن", "الركن", "بالركن", "للركن", "فبركن", "وكالركن"} <= noun and "لالركن" not in noun
    assert len(noun) == 3 * 4 * 2
    assert build.with_proclitics("ru", {"визит"}, noun=True) == {"визит"}
    assert build.spellings("ru", {"нанёс", "визит"}, noun=False) == {"нанёс", "нанес", "визит"}
