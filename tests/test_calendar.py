"""Tests for govcheck.engine.calendar: worked examples from the case law (law.md §0),
property tests against brute-force day-by-day enumeration, and a check that the
checked-in bank-holiday table matches its generator."""

from __future__ import annotations

import calendar as _stdlib_calendar
import importlib.util
import json
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govcheck.engine.calendar import (
    NATIONS,
    add_months,
    bank_holidays,
    clear_days,
    clear_working_days,
    end_of_period_beginning_with,
    holiday_table_years,
    is_working_day,
    last_day_after,
    latest_date_for_clear_days,
    working_days_after,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
TABLE_PATH = REPO_ROOT / "govcheck" / "data" / "bank_holidays.json"
GENERATOR_PATH = REPO_ROOT / "scripts" / "gen_bank_holidays.py"
ONE = timedelta(days=1)

# Independent oracle: the raw JSON, not the module's cached sets.
_RAW = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
ORACLE_HOLIDAYS = {
    nation: {date.fromisoformat(k) for k in days} for nation, days in _RAW["nations"].items()
}


def oracle_working(d: date, nation: str) -> bool:
    return d.weekday() < 5 and d not in ORACLE_HOLIDAYS[nation]


def days_strictly_between(a: date, b: date):
    d = a + ONE
    while d < b:
        yield d
        d += ONE


PROPS = settings(max_examples=200, deadline=None)
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))
nations = st.sampled_from(NATIONS)


# ---------------------------------------------------------------------------------------
# Worked examples (law.md §0)
# ---------------------------------------------------------------------------------------


def test_elitestone():
    published, meeting = date(1990, 4, 26), date(1990, 5, 1)  # Thu, Tue
    assert published.weekday() == 3 and meeting.weekday() == 1
    assert clear_days(published, meeting) == 4
    for nation in NATIONS:
        assert clear_working_days(published, meeting, nation) == 2  # Fri 27, Mon 30
        # 3 clear working days: the 3rd working day after publication is the meeting day
        # itself, so the earliest lawful meeting was Wed 2 May ...
        assert working_days_after(published, 3, nation) == date(1990, 5, 1)
        # ... and to meet on 1 May the agenda had to be out by Wed 25 April.
        assert latest_date_for_clear_days(meeting, 3, nation=nation, working=True) == date(
            1990, 4, 25
        )


def test_clear_days_examples():
    assert clear_days(date(2024, 3, 20), date(2024, 4, 4)) == 14
    assert clear_days(date(2024, 3, 20), date(2024, 3, 21)) == 0
    assert clear_days(date(2024, 3, 20), date(2024, 3, 20)) == 0
    assert clear_days(date(2024, 3, 20), date(2024, 3, 1)) == 0  # never negative
    assert clear_working_days(date(2024, 3, 20), date(2024, 3, 1), "england") == 0
    assert clear_days(datetime(2024, 3, 20, 17, 0), datetime(2024, 4, 4, 9, 0)) == 14


def test_latest_date_calendar_example():
    # 28 clear days before a decision on 2024-04-04 -> published by 2024-03-06.
    assert latest_date_for_clear_days(date(2024, 4, 4), 28) == date(2024, 3, 6)
    assert clear_days(date(2024, 3, 6), date(2024, 4, 4)) == 28
    assert latest_date_for_clear_days(date(2024, 4, 4), 0) == date(2024, 4, 3)


def test_clear_working_days_skip_one_off_holiday():
    # State funeral, Mon 2022-09-19: a Wed -> Wed gap has 4 working days, not 5.
    assert clear_working_days(date(2022, 9, 14), date(2022, 9, 22), "england") == 4
    assert clear_working_days(date(2022, 9, 14), date(2022, 9, 22), "scotland") == 4
    # Easter Monday 2025-04-21 counts as a working day in Scotland only.
    assert clear_working_days(date(2025, 4, 17), date(2025, 4, 23), "england") == 1
    assert clear_working_days(date(2025, 4, 17), date(2025, 4, 23), "scotland") == 2


def test_dodds_v_walker():
    assert add_months(date(1978, 9, 30), 4) == date(1979, 1, 30)
    assert last_day_after(date(1978, 9, 30), months=4) == date(1979, 1, 30)


def test_add_months_month_end():
    assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)
    assert add_months(date(2022, 8, 31), 6) == date(2023, 2, 28)
    assert add_months(date(2023, 10, 5), 6) == date(2024, 4, 5)
    assert add_months(date(2024, 2, 29), -12) == date(2023, 2, 28)
    assert add_months(date(2024, 3, 31), -1) == date(2024, 2, 29)


def test_beginning_with():
    # s115 LGFA 1988: "21 days beginning with" the day copies are sent.
    assert end_of_period_beginning_with(date(2023, 9, 5), days=21) == date(2023, 9, 25)
    assert end_of_period_beginning_with(date(2024, 1, 10), months=1) == date(2024, 2, 9)
    assert end_of_period_beginning_with(date(2024, 1, 10), days=1) == date(2024, 1, 10)


def test_after():
    assert last_day_after(date(2023, 9, 5), days=21) == date(2023, 9, 26)
    assert last_day_after(date(2023, 8, 31), months=6) == date(2024, 2, 29)


@pytest.mark.parametrize("fn", [end_of_period_beginning_with, last_day_after])
@pytest.mark.parametrize(
    "kwargs", [{}, {"days": 0, "months": 0}, {"days": 1, "months": 1}, {"days": -1}, {"months": -2}]
)
def test_period_arguments_rejected(fn, kwargs):
    with pytest.raises(ValueError):
        fn(date(2024, 1, 1), **kwargs)


def test_bad_arguments():
    with pytest.raises(ValueError):
        working_days_after(date(2024, 1, 1), -1, "england")
    with pytest.raises(ValueError):
        latest_date_for_clear_days(date(2024, 1, 1), 5, working=True)  # no nation
    with pytest.raises(ValueError):
        latest_date_for_clear_days(date(2024, 1, 1), -1)
    with pytest.raises(ValueError):
        clear_working_days(date(2024, 1, 1), date(2024, 2, 1), "northern ireland")


# ---------------------------------------------------------------------------------------
# Bank holidays
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day, name_part",
    [
        (date(2020, 5, 8), "May Day"),  # moved for the VE Day 75th anniversary
        (date(2022, 6, 3), "Platinum Jubilee"),
        (date(2022, 9, 19), "State Funeral"),
        (date(2023, 5, 8), "Coronation"),
    ],
)
def test_one_off_holidays(day, name_part):
    for nation in NATIONS:
        assert day in bank_holidays(nation)
        assert not is_working_day(day, nation)
        assert name_part in _RAW["nations"][nation][day.isoformat()]


def test_christmas_and_good_friday_are_holidays():
    for nation in NATIONS:
        assert date(2024, 12, 25) in bank_holidays(nation)
        assert date(2024, 3, 29) in bank_holidays(nation)  # Good Friday


def test_scotland_differs_from_england():
    eng, sct = bank_holidays("england"), bank_holidays("scotland")
    # 2 January (Thu) and the St Andrew's Day substitute (30 Nov 2025 is a Sunday).
    for day in (date(2025, 1, 2), date(2025, 12, 1)):
        assert day in sct and day not in eng
    assert "Andrew" in _RAW["nations"]["scotland"]["2025-12-01"]
    # 2 January falling on a Saturday: substitute Monday 4 January 2021.
    assert date(2021, 1, 4) in sct and date(2021, 1, 4) not in eng
    # Easter Monday is an English (and Welsh) bank holiday, not a Scottish one.
    assert date(2025, 4, 21) in eng and date(2025, 4, 21) not in sct
    # Summer bank holiday: first Monday in August (Scotland) v last (England).
    assert date(2025, 8, 4) in sct and date(2025, 8, 4) not in eng
    assert date(2025, 8, 25) in eng and date(2025, 8, 25) not in sct


def test_substitute_days_weekdays_only():
    eng = bank_holidays("england")
    # Christmas 2021 fell on Sat/Sun: substitutes Mon 27 and Tue 28 December.
    assert {date(2021, 12, 27), date(2021, 12, 28)} <= eng
    assert date(2021, 12, 25) not in eng  # weekend dates are not kept
    for nation in NATIONS:
        assert all(d.weekday() < 5 for d in bank_holidays(nation))


def test_england_and_wales_share_a_calendar():
    assert bank_holidays("england") == bank_holidays("wales")
    assert bank_holidays("England") == bank_holidays("england")


def test_unknown_nation():
    with pytest.raises(ValueError):
        bank_holidays("northern ireland")
    with pytest.raises(ValueError):
        is_working_day(date(2024, 1, 1), "uk")


def test_table_years():
    assert holiday_table_years() == (2000, 2040)
    for nation in NATIONS:
        years = {d.year for d in bank_holidays(nation)}
        assert years == set(range(2000, 2041))


def test_calendar_does_not_import_holidays():
    code = "import sys, govcheck.engine.calendar as c; c.bank_holidays('england'); " \
           "sys.exit('holidays' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT).returncode == 0


def test_table_matches_generator():
    pytest.importorskip("holidays")
    spec = importlib.util.spec_from_file_location("gen_bank_holidays", GENERATOR_PATH)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    built = gen.build_table()
    checked_in = dict(_RAW)
    built.pop("holidays_version")
    checked_in.pop("holidays_version")
    assert built == checked_in, "bank_holidays.json is stale: run scripts/gen_bank_holidays.py"
    # The serialisation is deterministic too (sorted keys, indent=1, final newline).
    assert gen.render(_RAW) == TABLE_PATH.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------
# Properties: compare with brute-force enumeration
# ---------------------------------------------------------------------------------------


@PROPS
@given(start=dates, offset=st.integers(-10, 400))
def test_prop_clear_days(start, offset):
    end = start + timedelta(days=offset)
    assert clear_days(start, end) == sum(1 for _ in days_strictly_between(start, end))


@PROPS
@given(start=dates, offset=st.integers(-10, 400), nation=nations)
def test_prop_clear_working_days(start, offset, nation):
    end = start + timedelta(days=offset)
    expected = sum(1 for d in days_strictly_between(start, end) if oracle_working(d, nation))
    assert clear_working_days(start, end, nation) == expected


@PROPS
@given(d=dates, nation=nations)
def test_prop_is_working_day(d, nation):
    assert is_working_day(d, nation) == oracle_working(d, nation)


@PROPS
@given(start=dates, n=st.integers(0, 80), nation=nations)
def test_prop_working_days_after(start, n, nation):
    result = working_days_after(start, n, nation)
    if n == 0:
        assert result == start
        return
    assert result > start
    assert oracle_working(result, nation)
    # exactly n working days in (start, result]
    assert sum(1 for d in days_strictly_between(start, result + ONE) if oracle_working(d, nation)) == n


@PROPS
@given(end=dates, n=st.integers(0, 60), nation=nations, working=st.booleans())
def test_prop_latest_date_for_clear_days(end, n, nation, working):
    result = latest_date_for_clear_days(end, n, nation=nation, working=working)

    def count(start: date) -> int:
        days = days_strictly_between(start, end)
        return sum(1 for d in days if not working or oracle_working(d, nation))

    assert result < end
    assert count(result) >= n
    if n == 0:
        assert result == end - ONE
    else:
        assert count(result + ONE) < n


@PROPS
@given(d=dates, days=st.integers(1, 400))
def test_prop_end_of_period_beginning_with_days(d, days):
    result = end_of_period_beginning_with(d, days=days)
    inclusive = sum(1 for _ in days_strictly_between(d - ONE, result + ONE))
    assert inclusive == days


@PROPS
@given(d=dates, months=st.integers(1, 36))
def test_prop_end_of_period_beginning_with_months(d, months):
    result = end_of_period_beginning_with(d, months=months)
    assert result == add_months(d, months) - ONE
    assert result >= d


@PROPS
@given(d=dates, days=st.integers(1, 400), months=st.integers(1, 36))
def test_prop_last_day_after(d, days, months):
    result = last_day_after(d, days=days)
    assert sum(1 for _ in days_strictly_between(d, result + ONE)) == days
    assert last_day_after(d, months=months) == add_months(d, months)


@PROPS
@given(d=dates, n=st.integers(-240, 240))
def test_prop_add_months(d, n):
    result = add_months(d, n)
    year, month0 = divmod(d.year * 12 + (d.month - 1) + n, 12)
    assert (result.year, result.month) == (year, month0 + 1)
    last = _stdlib_calendar.monthrange(year, month0 + 1)[1]
    assert result.day == min(d.day, last)
