"""The Ethiopian calendar (Amete Mihret), converted to the Gregorian one: an Amharic page's
"መጋቢት 10/2015 ዓ.ም" (Megabit 10, 2015 E.C.) is 2023-03-19, and its year "2010 ዓ.ም" runs from
11 September 2017 to 10 September 2018.

Twelve months of 30 days and a thirteenth, Pagume, of five days (six in the year before a
Gregorian leap year: a year Y with Y % 4 == 3); the year begins on 11 September (12 September
before a Gregorian leap year). Days are counted from the era's epoch as Julian day numbers
(Dershowitz and Reingold, *Calendrical Calculations*: the Ethiopic epoch is JD 1724220.5), so
no table of new years is needed.
"""

from datetime import date
from typing import Optional

from coopextract.pipeline.dates.values import calendar_period

# Julian day number of Meskerem 1 of the year 1 (the day after the epoch's midnight), and of the
# Gregorian proleptic day 1 (date.toordinal() == 1)
_EPOCH_JDN = 1724221
_ORDINAL_JDN = 1721425
# Ethiopian years that a number of an Amharic page's date can be: 1900–2099 E.C. are 1907–2107.
ETHIOPIAN_YEARS = range(1900, 2100)


def _days_in_month(y: int, m: int) -> int:
    return 30 if m < 13 else (6 if y % 4 == 3 else 5)


def to_gregorian(y: int, m: int, d: int) -> Optional[date]:
    """The Gregorian day of an Ethiopian day, or None when there is no such day (Pagume 6 of a
    common year, a month 14)."""
    if not (1 <= m <= 13 and 1 <= d <= _days_in_month(y, m)):
        return None
    jdn = _EPOCH_JDN + 365 * (y - 1) + y // 4 + 30 * (m - 1) + d - 1
    return date.fromordinal(jdn - _ORDINAL_JDN)


def period(y: int, m: Optional[int] = None, d: Optional[int] = None) -> Optional[tuple[date, date]]:
    """The first and last Gregorian days of an Ethiopian year, month or day; None if it has none."""
    return calendar_period(to_gregorian, 13, y, m, d)
