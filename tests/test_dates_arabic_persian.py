"""Dates in Arabic and Persian text: their month names (``models/month_names.tsv``: the
Gregorian names, the Levantine and Maghrebi ones, the Solar Hijri months of Persian), Eastern
Arabic and Persian digits, a year after "عام"/"سال", and Solar Hijri (Jalali) dates converted
to the Gregorian calendar. Sentences written for these tests."""

import pytest

from coopextract.extract import extract_text
from coopextract.pipeline.build import build_pipeline
from coopextract.pipeline.dates.find_dates import ascii_digits
from coopextract.pipeline.dates.jalali import period, to_gregorian
from coopextract.pipeline.dates.normalise import load_date_words
from coopextract.records import edtf_is_valid
from coopextract.resources import models_path


def dates_of(text, ref_date=None):
    out = []
    for p in extract_text(text, doc_id="t", ref_date=ref_date):
        for d in p.dates:
            assert text[d.char_start:d.char_end] == d.text  # offsets are those of the text as written
            assert edtf_is_valid(d.edtf)
            out.append((d.text, d.edtf))
    return out


def edtfs(text, ref_date=None):
    return [edtf for _, edtf in dates_of(text, ref_date)]


# -- Arabic: (sentence, expected edtf list) -------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    # Gregorian month names as Egypt and the Gulf write them
    ("وقعت المكتبتان مذكرة التفاهم في 12 مايو 2019 في القاهرة.", ["2019-05-12"]),
    ("افتتح المعرض يوم الأحد 3 نوفمبر 2019.", ["2019-11-03"]),
    ("زار الوفد المكتبة في أكتوبر 2018.", ["2018-10"]),
    # Levantine and Iraqi names, one word and two
    ("وصل الوفد إلى عمّان في 12 أيار 2019.", ["2019-05-12"]),
    ("وقع الاتفاق في 12 كانون الثاني 2019 في دمشق.", ["2019-01-12"]),
    ("عقدت الندوة في تشرين الثاني 2018 في بغداد.", ["2018-11"]),
    # both names of the month, as official texts give them
    ("عقد الاجتماع يوم 12 أيار/مايو 2019 في بيروت.", ["2019-05-12"]),
    ("انتهت الدورة في 5 كانون الأول/ديسمبر 2020.", ["2020-12-05"]),
    # Maghrebi names
    ("تم تدشين الفضاء يوم 14 جوان 2017 بتونس.", ["2017-06-14"]),
    # Arabic-Indic digits, in written and in numeric dates
    ("وصل الوفد في ١٢ مايو ٢٠١٩ إلى المكتبة.", ["2019-05-12"]),
    ("وقعت الوزارة الاتفاق مع المكتبة يوم ١٨/٥/٢٠١٦.", ["2016-05-18"]),
    ("نشر بتاريخ ٢٠١٩-٠٥-١٢ على الموقع.", ["2019-05-12"]),
    # a bare year after "عام" / "سنة", with or without its "م" (AD)
    ("افتتحت المكتبة في عام 2019.", ["2019"]),
    ("تأسست الجمعية سنة ١٩٩٥م في الرياض.", ["1995"]),
    ("منذ العام 2015 والتعاون مستمر.", ["2015"]),
])
def test_arabic_dates(sentence, expected):
    assert edtfs(sentence) == expected


def test_arabic_indic_date_keeps_its_own_characters():
    assert dates_of("وقع الاتفاق يوم ١٨/٥/٢٠١٦.") == [("١٨/٥/٢٠١٦", "2016-05-18")]


# -- Persian: Gregorian names, Solar Hijri dates converted, Persian digits -------------------
@pytest.mark.parametrize("sentence, expected", [
    ("نمایشگاه در ۱۸ فوریه ۲۰۱۹ در تهران برگزار شد.", ["2019-02-18"]),
    ("این تفاهم‌نامه در ۲۹ بهمن ۱۳۹۷ امضا شد.", ["2019-02-18"]),
    ("این تفاهم‌نامه در 29 بهمن 1397 امضا شد.", ["2019-02-18"]),
    ("دوشنبه ۲۹ بهمن ماه ۱۳۹۷ هیئتی از کتابخانه ملی بازدید کرد.", ["2019-02-18"]),
    ("نوروز ۱ فروردین ۱۴۰۰ آغاز شد.", ["2021-03-21"]),
    ("در اسفند ۱۳۹۷ هیئتی از کتابخانه ملی بازدید کرد.", ["2019-02-20/2019-03-20"]),
    # numbers of a Persian page: their Solar Hijri years converted
    ("تاریخ انتشار: ۱۳۹۷/۱۱/۲۹", ["2019-02-18"]),
    ("تاریخ انتشار: 1397/11/29", ["2019-02-18"]),
    ("این کتابخانه در سال ۱۳۹۷ افتتاح شد.", ["2018-03-21/2019-03-20"]),
    ("نمایشگاه ۰۵.۱۱.۱۳۹۷ - ۰۷.۱۱.۱۳۹۷ برگزار شد.", ["2019-01-25/2019-01-27"]),  # day-month-year in Iran
    # ... a Gregorian year stays one
    ("این کتابخانه در سال ۲۰۱۹ افتتاح شد.", ["2019"]),
    # a page's date line of Persian digits alone is Persian too (Arabic writes U+0660–0669)
    ("۱۳۹۷-۱۱-۲۹", ["2019-02-18"]),
    ("۱۳۹۷/۱۱/۲۹", ["2019-02-18"]),
])
def test_persian_dates(sentence, expected):
    assert edtfs(sentence) == expected


# -- what is not a date ------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    # "مهر" (a seal), "تیر" (an arrow), "دی" without a year are words, not Solar Hijri months
    ("نامه با ۲ مهر رسمی ارسال شد.", []),
    ("او ۳ تیر به سمت هدف پرتاب کرد.", []),
    # "عام" meaning "general", "سنة" before a count: no year
    ("اجتمع المدير العام مع 25 باحثا.", []),
    ("أهدت المكتبة 1500 كتاب إلى الجامعة.", []),
    ("بلغ عدد الزوار ٢٠١٩ زائرا.", []),
    # a lunar Hijri year is not read (and not as the Gregorian year 1440)
    ("تأسست المكتبة عام 1440 هـ.", []),
    ("تأسست المكتبة عام ١٤٤٠هـ.", []),
    # a Solar Hijri month with a Gregorian year is no date
    ("در ۱۲ بهمن ۲۰۱۹ چیزی نبود.", []),
    # an Arabic numeric date on a Persian-free page keeps the Gregorian calendar
    ("التقرير السنوي ١٣٩٧/١١/٢٩ مرجع.", ["1397-11-29"]),
])
def test_not_dates(sentence, expected):
    assert edtfs(sentence) == expected


# -- English is read as before -----------------------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("The agreement was signed on 24 January 2020 in Baku.", ["2020-01-24"]),
    ("The report 1397/11/29 is cited.", ["1397-11-29"]),   # a Persian-free text: no Jalali reading
    ("The library opened in 2019.", ["2019"]),
])
def test_english_unchanged(sentence, expected):
    assert edtfs(sentence) == expected


# -- the pieces ------------------------------------------------------------------------------
@pytest.mark.parametrize("jalali, gregorian", [
    ((1397, 11, 29), "2019-02-18"),
    ((1403, 12, 30), "2025-03-20"),  # 1403 is a leap year
    ((1399, 1, 1), "2020-03-20"),
])
def test_jalali_days(jalali, gregorian):
    assert to_gregorian(*jalali).isoformat() == gregorian


def test_jalali_periods():
    assert [d.isoformat() for d in period(1397)] == ["2018-03-21", "2019-03-20"]
    assert [d.isoformat() for d in period(1397, 12)] == ["2019-02-20", "2019-03-20"]
    assert to_gregorian(1397, 12, 30) is None  # 1397 is a common year
    assert period(1397, 13) is None


def test_tokenizer_cuts_eastern_digits_as_ascii_ones():
    nlp = build_pipeline()
    assert [t.text for t in nlp.make_doc("يوم ١٨/٥/٢٠١٦.")] == ["يوم", "١٨/٥/٢٠١٦", "."]
    assert [t.text for t in nlp.make_doc("عام ٢٠١٩م")] == ["عام", "٢٠١٩", "م"]
    assert [t.text for t in nlp.make_doc("۲۰۱۹-۰۵-۱۲")] == ["۲۰۱۹", "-", "۰۵", "-", "۱۲"]


def test_ascii_digits_keeps_tokens_and_leaves_other_docs_alone():
    nlp = build_pipeline()
    doc = nlp.make_doc("في ١٢ مايو ۲۰۱۹.")
    read = ascii_digits(doc)
    assert [t.text for t in read] == ["في", "12", "مايو", "2019", "."]
    assert [t.idx for t in read] == [t.idx for t in doc]
    english = nlp.make_doc("On 12 May 2019.")
    assert ascii_digits(english) is english


def test_month_table_has_arabic_and_persian_forms():
    words = load_date_words(models_path("date_words.jsonl"))
    months = words["intl_month_numbers"]
    assert months["مايو"] == 5 and months["أيار"] == 5 and months["كانون الثاني"] == 1 and months["فوریه"] == 2
    assert {"كانون", "تشرين"} <= set(words["intl_month_heads"])
    assert "كانون الثاني" not in words["intl_months_all"]  # two words: read through heads and tails
    assert words["intl_jalali_month_numbers"]["بهمن"] == 11
    assert not set(words["intl_jalali_month_numbers"]) & set(months)  # a Jalali month is never a Gregorian one
