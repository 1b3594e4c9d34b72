"""The statutory calendar: how periods of days and months are counted.

One function per kind of period, each following the case law summarised in
``law.md`` §0 ("Counting time"):

==========================================  ==============================================
wording in the statute                      function
==========================================  ==============================================
"at least N clear days before X"            :func:`clear_days`, :func:`clear_working_days`,
                                            :func:`latest_date_for_clear_days`
N-th working day after an event             :func:`working_days_after`
"N months after / from"                     :func:`add_months`, :func:`last_day_after`
"N days after / from"                       :func:`last_day_after`
"N days / months beginning with"            :func:`end_of_period_beginning_with`
==========================================  ==============================================

Authorities (law.md §0):

* *R v Herefordshire Justices* (1820): "clear days" exclude **both** the day of the
  event (service, publication) and the day of the hearing/meeting.
* *R v Swansea City Council, ex p Elitestone Ltd* [1993] 46 EG 181 (CA): the "three clear
  days" of LGA 1972 s100B are **working** days; a report published Thu 26 Apr 1990 for a
  meeting on Tue 1 May 1990 gave only 2 (Fri 27, Mon 30), because Sat 28 and Sun 29
  were not working days. Bank holidays (including one-off ones) are discounted too.
* *Dodds v Walker* [1981] 1 WLR 1027 (HL): a period "after"/"from" an event excludes the
  event day, and a period of months ends on the corresponding date of the later month
  (or that month's last day if it has no such date).
* *Barker v Hambleton DC* [2012] EWCA Civ 610: "beginning with"/"starting with" a day
  **includes** that day.

Bank holidays come from the checked-in table ``govcheck/data/bank_holidays.json``
(generated from the ``holidays`` package by ``scripts/gen_bank_holidays.py`` for the
years 2000–2040). This module never imports ``holidays``. Outside the table's years only
Saturdays and Sundays are non-working days (see :func:`holiday_table_years`).

All functions accept :class:`datetime.date`; a :class:`datetime.datetime` is reduced to
its date.
"""

from __future__ import annotations

import bisect
import functools
import json
from datetime import date, datetime, timedelta
from pathlib import Path


__all__ = [
    "Nation",
    "NATIONS",
    "bank_holidays",
    "holiday_table_years",
    "is_working_day",
    "clear_days",
    "clear_working_days",
    "working_days_after",
    "add_months",
    "end_of_period_beginning_with",
    "last_day_after",
    "latest_date_for_clear_days",
]

#: A nation of the UK whose bank holidays apply: "england", "wales" or "scotland".
Nation = str
NATIONS: tuple[Nation, ...] = ("england", "wales", "scotland")

_ONE_DAY = timedelta(days=1)


# ---------------------------------------------------------------------------------------
# Bank-holiday table
# ---------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    # a plain path, not importlib.resources (which costs ~8 ms to import at start-up)
    table = Path(__file__).resolve().parents[1] / "data" / "bank_holidays.json"
    text = table.read_text(encoding="utf-8")
    return json.loads(text)


def _nation_key(nation: Nation) -> str:
    key = nation.strip().lower() if isinstance(nation, str) else nation
    if key not in NATIONS:
        raise ValueError(f"unknown nation {nation!r}; expected one of {', '.join(NATIONS)}")
    return key


@functools.lru_cache(maxsize=None)
def _bank_holidays(key: str) -> frozenset[date]:
    days = (date.fromisoformat(s) for s in _table()["nations"][key])
    # The generator keeps weekdays only; filter again so the counting code below may rely
    # on "every holiday is a weekday".
    return frozenset(d for d in days if d.weekday() < 5)


@functools.lru_cache(maxsize=None)
def _sorted_holidays(key: str) -> tuple[date, ...]:
    return tuple(sorted(_bank_holidays(key)))


def bank_holidays(nation: Nation) -> frozenset[date]:
    """Weekday bank and public holidays of *nation* ("england", "wales", "scotland").

    Read once from ``govcheck/data/bank_holidays.json`` and cached. Includes Christmas
    Day, Good Friday, substitute ("observed") days and one-off holidays such as
    2022-09-19 (State Funeral) and 2023-05-08 (Coronation): *Elitestone* treats clear
    days as working days, and the Harwood reading of it (law.md §0.1) discounts every bank
    or public holiday, one-off ones included. England and Wales share a calendar but are
    kept as separate keys. Raises :class:`ValueError` for an unknown nation.
    """
    return _bank_holidays(_nation_key(nation))


def holiday_table_years() -> tuple[int, int]:
    """First and last year (inclusive) covered by the bank-holiday table.

    Outside these years :func:`is_working_day` knows only weekends, so callers checking a
    date outside the range may want to say so in their finding.
    """
    first, last = _table()["years"]
    return int(first), int(last)


# ---------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------


def _d(value: date) -> date:
    if isinstance(value, datetime):
        return value.date()
    if not isinstance(value, date):
        raise TypeError(f"expected a datetime.date, got {type(value).__name__}")
    return value


def _weekdays_before(d: date) -> int:
    """Number of Mondays–Fridays in [0001-01-01, d). 0001-01-01 (ordinal 1) is a Monday."""
    m = d.toordinal() - 1
    weeks, rest = divmod(m, 7)
    return 5 * weeks + min(rest, 5)


def _check_n(n: int, what: str = "n") -> None:
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"{what} must be an int, got {type(n).__name__}")
    if n < 0:
        raise ValueError(f"{what} must be >= 0, got {n}")


# ---------------------------------------------------------------------------------------
# Working days and clear days
# ---------------------------------------------------------------------------------------


def is_working_day(d: date, nation: Nation) -> bool:
    """True if *d* is neither a Saturday/Sunday nor a bank holiday of *nation*.

    This is the "working day" of *R v Swansea CC, ex p Elitestone* (CA 1993): the notice
    there was short "because April 28 and 29 [a Saturday and Sunday] were not working
    days"; bank and public holidays are excluded as well (law.md §0.1).
    """
    d = _d(d)
    return d.weekday() < 5 and d not in bank_holidays(nation)


def clear_days(start: date, end: date) -> int:
    """Whole calendar days strictly between *start* and *end* (both excluded).

    *R v Herefordshire Justices* (1820), approved in *Elitestone* (CA 1993): "clear days"
    exclude both the day of the event (e.g. publication) and the day of the meeting.
    2024-03-20 → 2024-04-04 gives 14. Never negative: 0 if ``end <= start + 1 day``.
    """
    start, end = _d(start), _d(end)
    return max(0, (end - start).days - 1)


def clear_working_days(start: date, end: date, nation: Nation) -> int:
    """Working days (see :func:`is_working_day`) strictly between *start* and *end*.

    *Herefordshire Justices* (both end days excluded) as applied in *Elitestone* (CA 1993)
    to LGA 1972 s100B: only working days count. Published Thu 1990-04-26, meeting Tue
    1990-05-01 → 2 clear working days (Fri 27, Mon 30 April). Never negative.
    """
    start, end = _d(start), _d(end)
    key = _nation_key(nation)
    first, last = start + _ONE_DAY, end - _ONE_DAY
    if last < first:
        return 0
    weekdays = _weekdays_before(last + _ONE_DAY) - _weekdays_before(first)
    hols = _sorted_holidays(key)
    n_hols = bisect.bisect_right(hols, last) - bisect.bisect_left(hols, first)
    return weekdays - n_hols


def working_days_after(start: date, n: int, nation: Nation) -> date:
    """The date that is the *n*-th working day after *start* (*start* itself excluded).

    Counting follows *Herefordshire Justices* / *Elitestone* (law.md §0.1–0.2): the event
    day is not counted, and only working days of *nation* are. ``n == 0`` returns *start*.
    With N clear working days required before a meeting, the earliest lawful meeting day
    is ``working_days_after(published, N) + 1 day`` (Elitestone: published Thu 26 Apr 1990,
    3 clear days → Tue 1 May is the 3rd, so the earliest meeting is Wed 2 May).
    """
    start = _d(start)
    _check_n(n)
    key = _nation_key(nation)
    hols = _bank_holidays(key)
    d = start
    remaining = n
    while remaining:
        d += _ONE_DAY
        if d.weekday() < 5 and d not in hols:
            remaining -= 1
    return d


def latest_date_for_clear_days(
    event_end: date,
    n: int,
    *,
    nation: Nation | None = None,
    working: bool = False,
) -> date:
    """Latest date for publishing/serving so that at least *n* clear days remain before
    *event_end* (the meeting or decision day) — the "publish by X" of a finding.

    Clear days exclude both the publication day and *event_end* (*Herefordshire Justices*;
    *Elitestone*). With ``working=False`` calendar days count and the answer is
    ``event_end - (n + 1) days``. With ``working=True`` only working days of *nation* count
    (*Elitestone*), and the answer is the day before the *n*-th working day before
    *event_end*; that day may itself be a weekend or holiday (publishing on a Sunday still
    leaves the following working days clear). *Elitestone*: for the meeting on Tue
    1990-05-01 needing 3 clear working days the answer is Wed 1990-04-25 (clear days Thu
    26, Fri 27, Mon 30 April); the actual publication on Thu 26 April was a day late.

    ``n == 0`` returns the day before *event_end*. *nation* is required when
    ``working=True``.
    """
    event_end = _d(event_end)
    _check_n(n)
    if not working:
        if nation is not None:
            _nation_key(nation)  # validate anyway: a typo should not pass silently
        return event_end - timedelta(days=n + 1)
    if nation is None:
        raise ValueError("nation is required when working=True")
    hols = _bank_holidays(_nation_key(nation))
    d = event_end
    remaining = n
    while remaining:
        d -= _ONE_DAY
        if d.weekday() < 5 and d not in hols:
            remaining -= 1
    return d - _ONE_DAY


# ---------------------------------------------------------------------------------------
# Months and "beginning with" / "after" periods
# ---------------------------------------------------------------------------------------


def add_months(d: date, n: int) -> date:
    """The corresponding date *n* calendar months after (or, if n < 0, before) *d*.

    *Dodds v Walker* [1981] 1 WLR 1027 (HL): a period of months ends on the day of the
    later month bearing the same number as the event day (30 Sep 1978 + 4 months = 30 Jan
    1979); if that month is too short, on its last day (31 Aug 2023 + 6 months = 29 Feb
    2024; 28 Feb in a non-leap year). "Month" means calendar month (Interpretation Act
    1978 Sch 1). Implemented by ``dateutil.relativedelta(months=n)``.
    """
    d = _d(d)
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"n must be an int, got {type(n).__name__}")
    # imported here: most records need no month arithmetic, and dateutil's import
    # (with six) is about 5 ms of a one-file check
    from dateutil.relativedelta import relativedelta

    return d + relativedelta(months=n)


def _one_period(days: int, months: int) -> None:
    for name, value in (("days", days), ("months", months)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"{name} must be an int, got {type(value).__name__}")
        if value < 0:
            raise ValueError(f"{name} must be >= 0, got {value}")
    if (days == 0) == (months == 0):
        raise ValueError("give exactly one of days=... or months=... (non-zero)")


def end_of_period_beginning_with(d: date, *, days: int = 0, months: int = 0) -> date:
    """Last day of a period of *days* days or *months* months "beginning with" *d*.

    *Barker v Hambleton DC* [2012] EWCA Civ 610: "beginning with"/"starting with" a day
    includes that day. So N days beginning with d end on ``d + (N - 1)`` (21 days
    beginning with 2023-09-05 end on 2023-09-25), and N months beginning with d end the
    day before the corresponding date (*Dodds v Walker*): ``add_months(d, N) - 1 day``
    (one month beginning with 2024-01-10 ends 2024-02-09).

    Note: when the later month has no corresponding date (e.g. one month beginning with
    31 Mar), this gives the day before that month's last day (29 Apr), as law.md §0.3
    prescribes; no case we hold decides that edge.

    Exactly one of *days*/*months* must be non-zero, and neither negative
    (:class:`ValueError` otherwise).
    """
    d = _d(d)
    _one_period(days, months)
    if days:
        return d + timedelta(days=days - 1)
    return add_months(d, months) - _ONE_DAY


def last_day_after(d: date, *, days: int = 0, months: int = 0) -> date:
    """Last day of a period of *days* days or *months* months "after"/"from" *d*.

    *Dodds v Walker* (HL), per Lord Diplock: "the day on which the event occurs is
    excluded from the reckoning"; *Barker v Hambleton* reads "from" the same way. So N
    days after d end on ``d + N`` and N months after d end on the corresponding date
    ``add_months(d, N)`` (30 Sep 1978 + 4 months: last day 30 Jan 1979).

    Exactly one of *days*/*months* must be non-zero, and neither negative
    (:class:`ValueError` otherwise).
    """
    d = _d(d)
    _one_period(days, months)
    if days:
        return d + timedelta(days=days)
    return add_months(d, months)
