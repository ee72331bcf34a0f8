"""The Solar Hijri (Jalali) calendar of Iran and Afghanistan, converted to the Gregorian one
with ``jdatetime`` (its conversion, ``jalali_core``, is the jalaali-js algorithm): a Persian
page's "۲۹ بهمن ۱۳۹۷" or "1397/11/29" is 2019-02-18."""

from datetime import date
from typing import Optional

from coopextract.pipeline.dates.values import calendar_period

# Jalali years that a number of a Persian page's date can be: 1300–1499 are the Gregorian years
# 1921–2121 (the documents' time); a Gregorian year of a dated page is never in this range.
JALALI_YEARS = range(1300, 1500)


def to_gregorian(y: int, m: int, d: int) -> Optional[date]:
    """The Gregorian day of a Jalali day, or None when there is no such day (30 Esfand of a
    common year, a month 13)."""
    import jdatetime  # imported on first use: only Persian pages need it

    try:
        return jdatetime.date(y, m, d).togregorian()
    except ValueError:
        return None


def period(y: int, m: Optional[int] = None, d: Optional[int] = None) -> Optional[tuple[date, date]]:
    """The first and last Gregorian days of a Jalali year, month or day; None if it has none."""
    return calendar_period(to_gregorian, 12, y, m, d)
