"""Small helpers on date values shared by normalisation, resolution and event assembly."""

import re
from datetime import date, timedelta
from typing import Callable, Optional

# Precisions from the coarsest to the finest: a higher number is a finer date.
FINENESS = {"century": 0, "decade": 1, "year": 2, "month": 3, "day": 4}


def iso(y: int, m: Optional[int] = None, d: Optional[int] = None) -> str:
    """A partial ISO date: '2019', '2019-05', '2019-05-03'."""
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def calendar_period(to_gregorian: Callable[[int, int, int], Optional[date]], last_month: int,
                    y: int, m: Optional[int] = None, d: Optional[int] = None) -> Optional[tuple[date, date]]:
    """The first and last Gregorian days of a year, month or day of another calendar whose
    ``to_gregorian(y, m, d)`` gives the Gregorian day (None for no such day) and whose year has
    ``last_month`` months (dates/jalali.py, dates/ethiopian.py); None if it has none."""
    if d is not None:
        day = to_gregorian(y, m, d)
        return (day, day) if day else None
    first = to_gregorian(y, m or 1, 1)
    following = to_gregorian(y + 1, 1, 1) if m in (None, last_month) else to_gregorian(y, m + 1, 1)
    if first is None or following is None:
        return None
    return first, following - timedelta(days=1)


# Two days joined by a conjunction ("March 20 and 21", "Monday 29th and Tuesday 30th January
# 2024", "les 3 et 4 mai", "31 May and 1 June 2018", "31 de mayo y el 1 de junio"): one
# expression whose event spans both days (the event's date is the range), but two dates of the
# document, each listed with its own words.
DAY_PAIR = re.compile(r"^(?P<first>.*?\d(?:st|nd|rd|th|er|\.)?(?:\s+(?:de\s+)?[^\W\d_]+\.?)?)(?P<glue>,?\s+(?:and|et|y|e|und|i|и|ve|és|og|och|ja|și|&)\s+)(?P<second>.+)$")
# One day of such a list: "5", "6th", "7." (German and Slavic ordinals).
LISTED_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|\.)?(?!\d)")
RANGE_WORDS = re.compile(r"\b(?:to|until|till|through|from|between|au|al|bis|до|по)\b|[-–—]", re.I)


# "Between" right before such a pair makes it a span of days: "entre el 26 y 28 de noviembre".
_BETWEEN_BEFORE = re.compile(r"\b(?:between|entre|zwischen|między|между|tra|fra|mezi|medzi|között)\s+(?:el\s+|le\s+|o\s+|os\s+|los\s+|dem\s+)?$",
                             re.I)
BETWEEN_LOOK_BACK = 20


def day_pair(d):
    """The ``DAY_PAIR`` match of a value of two days written with a conjunction ("3 and 4 May",
    "les 6 et 7 juin"; not a range written "3–4 May"), or None."""
    if d.precision == "day" and d.start and d.end and d.start != d.end and not RANGE_WORDS.search(d.text):
        return DAY_PAIR.match(d.text)
    return None


def listed_days(dates: list, text: str = "", base: int = 0) -> list:
    """``dates`` with every two-day pair written with a conjunction split into its two days
    (``text``, from character ``base``: the paragraph, whose "between" before a pair keeps it a span)."""
    out = []
    for d in dates:
        before = text[max(0, d.char_start - base - BETWEEN_LOOK_BACK):max(0, d.char_start - base)] if text else ""
        pair = None if _BETWEEN_BEFORE.search(before) else day_pair(d)
        if pair is None:
            out.append(d)
            continue
        first_end, second_at = pair.start("glue"), pair.start("second")
        listed = list(LISTED_DAY.finditer(d.text, 0, first_end))
        if len(listed) > 1:     # days listed with commas before the pair ("5, 6 et 7 avril"): each a date
            for day in listed:
                value = d.start[:8] + f"{int(day.group(1)):02d}"
                out.append(d.model_copy(update={"text": day.group(), "edtf": value, "start": value, "end": value,
                                                "char_start": d.char_start + day.start(),
                                                "char_end": d.char_start + day.end()}))
        else:
            out.append(d.model_copy(update={"text": d.text[:first_end], "edtf": d.start, "end": d.start,
                                            "char_end": d.char_start + first_end}))
        out.append(d.model_copy(update={"text": d.text[second_at:], "edtf": d.end, "start": d.end,
                                        "char_start": d.char_start + second_at}))
    return out
