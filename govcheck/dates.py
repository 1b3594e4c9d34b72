"""Dates as UK council documents write them, read without guessing.

:func:`parse_date` finds the first complete date (day, month and year) in a string
and says where it is, so a finding can point at it.  Shapes read::

    4th April 2024          26 March 2019          Tuesday 29 January 2019
    9 Sep 2021 / 9 Sept 2021 / 9-Sep-2021          Tuesday, 29th of January, 2019
    29/01/2019   29.01.2019   29-01-2019   02/01/19 (day first, always)
    2024-04-04  (ISO: read by ``date.fromisoformat``, never day-first swapped)
    January 29, 2019  (month first only with the comma before the year)
    14 Mai 2024   Dydd Mawrth, 14eg Mai 2024   1af Mawrth 2024   (Welsh)

Welsh month names (Ionawr ... Rhagfyr, with the mutated forms that follow "o" or
"fis": Fawrth, Orffennaf, Fedi, Dachwedd, Ragfyr...), weekdays (Dydd Llun ... Dydd Sul)
and ordinal endings (1af, 2il, 3ydd, 5ed, 7fed, 11eg, 21ain) are read as the English
ones are.

What it will not do:

* fill in a missing part: ``8th May`` or ``June 2024`` give ``None``
  (:func:`find_partial_date` says where such a partial date is, for a finding);
* accept garbage: ``13/14 March 2024`` (a range) and ``31/11/2019`` give ``None``;
* drop information: a stated weekday that does not fit the date sets
  ``weekday_mismatch``; ``4th April 2024 (to be confirmed)`` keeps the qualifier.

Only compiled regular expressions and :mod:`datetime` are used; dateutil is not
needed (see deps.md §5 for why its defaults fill in missing parts silently).
"""

from __future__ import annotations

import re
from datetime import date

from govcheck import recache
from govcheck.struct import struct

__all__ = ["ParsedDate", "parse_date", "find_dates", "find_partial_date", "MONTHS",
           "WEEKDAYS"]

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
    "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # Welsh, with the soft-mutated forms used after "o" / "fis" ("o Fawrth")
    "ionawr": 1, "chwefror": 2, "mawrth": 3, "fawrth": 3, "ebrill": 4, "mai": 5,
    "fai": 5, "mehefin": 6, "fehefin": 6, "gorffennaf": 7, "orffennaf": 7, "awst": 8,
    "medi": 9, "fedi": 9, "hydref": 10, "tachwedd": 11, "dachwedd": 11,
    "rhagfyr": 12, "ragfyr": 12,
}

# Monday is 0, as date.weekday() counts.
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3,
    "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
    # Welsh: "Dydd Mawrth" (Tuesday) is told from "Mawrth" (March) by "Dydd"
    "dydd llun": 0, "dydd mawrth": 1, "dydd mercher": 2, "dydd iau": 3,
    "dydd gwener": 4, "dydd sadwrn": 5, "dydd sul": 6,
}


@struct(frozen=True, slots=True, init=False)
class ParsedDate:
    """A complete date found in a string.

    ``start``/``end`` are 0-based offsets of the matched text (weekday included) in
    the string given, as for ``str`` slicing.  ``qualifier`` is a word or phrase
    that makes the date uncertain (``to be confirmed``, ``TBC``, ``provisional``...)
    as written.  ``weekday_mismatch`` is true when a weekday was written and the
    date falls on another day.
    """

    value: date
    start: int
    end: int
    qualifier: str | None = None
    weekday_mismatch: bool = False
    weekday: str | None = None

    def __init__(self, value: date, start: int, end: int, qualifier: str | None = None,
                 weekday_mismatch: bool = False, weekday: str | None = None) -> None:
        _set = object.__setattr__     # frozen
        _set(self, "value", value)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "qualifier", qualifier)
        _set(self, "weekday_mismatch", weekday_mismatch)
        _set(self, "weekday", weekday)

    @property
    def column(self) -> int:
        """1-based column of the date in the string given."""
        return self.start + 1


def _alt(words) -> str:
    # Longest first, so that "September" is tried before "Sep" and "Sept".
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


# English and Welsh ordinal endings: 1st 2nd 3rd 4th; 1af 2il 3ydd 5ed 7fed 11eg 21ain
_ORD = r"(?:st|nd|rd|th|af|il|ydd|ed|fed|eg|ain)"


_MONTH = _alt(MONTHS)
_WDAY = _alt(WEEKDAYS)
# Nothing that could make the number part of something longer (a range, a
# paragraph number, a reference) may stand right before a date.
_LEAD = r"(?<![\w/.\-£$])"

_DATE_RE = recache.compile(
    _LEAD
    + r"(?:(?P<wd>" + _WDAY + r")\.?,?\s+(?:the\s+)?)?"
    + r"(?:"
    # 1. ISO 2024-04-04 (optionally followed by a time: 2024-04-04T10:00)
    + r"(?P<iso>\d{4}-\d{2}-\d{2})(?![\d/]|[.\-]\d)"
    # 2. 4th April 2024, 4 April, 2024, 4th of April 2024, 9-Sep-2021, 9 Sept. 2021
    + r"|(?P<d1>\d{1,2})" + _ORD + r"?(?:\s+(?:of|o))?(?:\s+|\s*[-.]\s*)"
    + r"(?P<m1>" + _MONTH + r")\b\.?,?(?:\s+|\s*[-.]\s*)(?P<y1>\d{4})(?!\d)"
    # 3. 29/01/2019, 29.01.2019, 29-01-2019; two-digit years only with a slash
    + r"|(?P<d2>\d{1,2})(?P<s2>[/.\-])(?P<m2>\d{1,2})(?P=s2)"
    + r"(?P<y2>\d{4}|(?<=/)\d{2})(?![\d/]|[.\-]\d)"
    # 4. January 29, 2019 (month first needs the comma before the year)
    + r"|(?P<m3>" + _MONTH + r")\b\.?\s+(?P<d3>\d{1,2})" + _ORD + r"?,\s*(?P<y3>\d{4})(?!\d)"
    + r")",
    re.IGNORECASE,
)

_PARTIAL_RE = recache.compile(
    _LEAD
    + r"(?:(?:" + _WDAY + r")\.?,?\s+)?"
    + r"(?:\d{1,2}" + _ORD + r"?(?:\s+(?:of|o))?\s+(?:" + _MONTH + r")\b"
    + r"|(?:" + _MONTH + r")\b\.?,?\s+\d{4}(?!\d)"
    + r"|(?:" + _MONTH + r")\s+\d{1,2}" + _ORD + r"?\b)",
    re.IGNORECASE,
)

_QUALIFIER_RE = recache.compile(
    r"\b(?:to\s+be\s+(?:confirmed|agreed|determined|arranged|decided)"
    r"|TBC|TBA|TBD|provisional(?:ly)?|tentative(?:ly)?"
    r"|subject\s+to\s+(?:confirmation|change)|estimated|indicative"
    r"|approx(?:imately|\.)?|circa|no\s+earlier\s+than|not\s+before"
    r"|i['’]w\s+gadarnhau|dros\s+dro)\b",
    re.IGNORECASE,
)
_QUALIFIER_WINDOW = 40


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        return 2000 + y if y < 70 else 1900 + y
    return y


def _build(m: re.Match) -> date | None:
    g = m.groupdict()
    try:
        if g["iso"]:
            return date.fromisoformat(g["iso"])
        if g["d1"]:
            return date(int(g["y1"]), MONTHS[g["m1"].lower()], int(g["d1"]))
        if g["d2"]:
            if g["s2"] != "/" and len(g["y2"]) != 4:
                return None
            return date(_year(g["y2"]), int(g["m2"]), int(g["d2"]))
        if g["m3"]:
            return date(int(g["y3"]), MONTHS[g["m3"].lower()], int(g["d3"]))
    except ValueError:  # 31/11/2019, 29 February 2019, month 13 ...
        return None
    return None


def _qualifier(text: str, start: int, end: int) -> str | None:
    lo = max(0, start - _QUALIFIER_WINDOW)
    hi = end + _QUALIFIER_WINDOW
    for q in _QUALIFIER_RE.finditer(text, lo, min(len(text), hi)):
        if q.end() <= start or q.start() >= end:
            return q.group()
    return None


def _parsed(text: str, m: re.Match, value: date) -> ParsedDate:
    wd = m.group("wd")
    mismatch = wd is not None and WEEKDAYS[" ".join(wd.lower().split())] != value.weekday()
    return ParsedDate(value=value, start=m.start(), end=m.end(),
                      qualifier=_qualifier(text, m.start(), m.end()),
                      weekday_mismatch=mismatch, weekday=wd)


def find_dates(text: str) -> list[ParsedDate]:
    """Every complete date in ``text``, left to right."""
    out = []
    for m in _DATE_RE.finditer(text):
        value = _build(m)
        if value is not None:
            out.append(_parsed(text, m, value))
    return out


def parse_date(text: str) -> ParsedDate | None:
    """The first complete date in ``text``, or ``None`` (never a guess)."""
    if not text:
        return None
    for m in _DATE_RE.finditer(text):
        value = _build(m)
        if value is not None:
            return _parsed(text, m, value)
    return None


def find_partial_date(text: str) -> tuple[int, int] | None:
    """Where a date that lacks its day or year (``8th May``, ``June 2024``) is, if
    ``text`` holds one and no complete date; else ``None``."""
    if parse_date(text) is not None:
        return None
    m = _PARTIAL_RE.search(text)
    return (m.start(), m.end()) if m else None
