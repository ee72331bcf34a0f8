"""Dates of the Ethiopian calendar (``pipeline/dates/ethiopian.py``): an Amharic month in Ge'ez
script with its day and year, a year with its mark "ዓ.ም" or "E.C.", converted to the Gregorian
days they are. Sentences written for these tests."""

import pytest

from coopextract.extract import extract_text
from coopextract.pipeline.dates.ethiopian import period, to_gregorian


def edtfs(text):
    return [d.edtf for p in extract_text(text, doc_id="t") for d in p.dates]


@pytest.mark.parametrize("ethiopian, gregorian", [
    ((2016, 1, 1), "2023-09-12"),    # the new year before a Gregorian leap year: 12 September
    ((2016, 4, 28), "2024-01-07"),   # Genna (Christmas) of 2024
    ((2015, 4, 29), "2023-01-07"),   # ... and of 2023
    ((2011, 13, 6), "2019-09-11"),   # Pagume has six days in a year Y with Y % 4 == 3
])
def test_ethiopian_days(ethiopian, gregorian):
    assert to_gregorian(*ethiopian).isoformat() == gregorian


def test_ethiopian_periods():
    assert [d.isoformat() for d in period(2011)] == ["2018-09-11", "2019-09-11"]
    assert [d.isoformat() for d in period(2012)] == ["2019-09-12", "2020-09-10"]
    assert [d.isoformat() for d in period(2016, 13)] == ["2024-09-06", "2024-09-10"]
    assert to_gregorian(2012, 13, 6) is None and to_gregorian(2012, 14, 1) is None


@pytest.mark.parametrize("text, expected", [
    # a Ge'ez month with its day and year, after the Ethiopic comma or a slash, mark or not
    ("ቤተ-መጻሕፍቱ ጥቅምት 5፣2013 ተከፈተ።", ["2020-10-15"]),
    ("ስምምነቱ መጋቢት 10/2015 ዓ.ም ተፈረመ።", ["2023-03-19"]),
    # a year with its mark, a preposition glued to it
    ("በ2010 ዓ.ም መጻሕፍት ተበረከቱ።", ["2017-09-11/2018-09-10"]),
    ("በ2010 ዓ/ም መጻሕፍት ተበረከቱ።", ["2017-09-11/2018-09-10"]),
    # marked in English, a transliterated month only with the mark
    ("The reading room opened on Tikimt 5, 2013 E.C. in Gondar.", ["2020-10-15"]),
    ("In 2010 E.C. the library received 500 books.", ["2017-09-11/2018-09-10"]),
    # without the mark a year is Gregorian, and "EC" is no mark
    ("In 2010 the library received 500 books.", ["2010"]),
    ("The EC met in 2010 EC headquarters.", ["2010"]),
])
def test_ethiopian_dates_in_text(text, expected):
    assert edtfs(text) == expected
