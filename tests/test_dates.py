"""govcheck.dates: UK date shapes, read without guessing."""

from __future__ import annotations

from datetime import date

import pytest

from govcheck.dates import ParsedDate, find_dates, find_partial_date, parse_date

# text, expected date, matched text
WHOLE = [
    ("4th April 2024", date(2024, 4, 4), "4th April 2024"),
    ("26 March 2019", date(2019, 3, 26), "26 March 2019"),
    ("Tuesday 29 January 2019", date(2019, 1, 29), "Tuesday 29 January 2019"),
    ("Tuesday, 29th of January, 2019", date(2019, 1, 29), "Tuesday, 29th of January, 2019"),
    ("29/01/2019", date(2019, 1, 29), "29/01/2019"),
    ("29.01.2019", date(2019, 1, 29), "29.01.2019"),
    ("29-01-2019", date(2019, 1, 29), "29-01-2019"),
    ("9 Sep 2021", date(2021, 9, 9), "9 Sep 2021"),
    ("9 Sept 2021", date(2021, 9, 9), "9 Sept 2021"),
    ("9 Sept. 2021", date(2021, 9, 9), "9 Sept. 2021"),
    ("9 September 2021", date(2021, 9, 9), "9 September 2021"),
    ("9-Sep-2021", date(2021, 9, 9), "9-Sep-2021"),
    ("16 Mar 2024", date(2024, 3, 16), "16 Mar 2024"),
    ("20/02/2024", date(2024, 2, 20), "20/02/2024"),
    ("01/02/2019", date(2019, 2, 1), "01/02/2019"),          # day first, always
    ("2024-04-04", date(2024, 4, 4), "2024-04-04"),
    ("2019-02-01", date(2019, 2, 1), "2019-02-01"),          # ISO is never day-first swapped
    ("2019-01-13", date(2019, 1, 13), "2019-01-13"),
    ("2024-04-04T10:00:00", date(2024, 4, 4), "2024-04-04"),
    ("02/01/19", date(2019, 1, 2), "02/01/19"),
    ("1/2/99", date(1999, 2, 1), "1/2/99"),
    ("January 29, 2019", date(2019, 1, 29), "January 29, 2019"),
    ("Tue 29 Jan 2019", date(2019, 1, 29), "Tue 29 Jan 2019"),
    ("29 FEBRUARY 2024", date(2024, 2, 29), "29 FEBRUARY 2024"),
]


@pytest.mark.parametrize("text,expected,matched", WHOLE)
def test_shapes(text, expected, matched):
    pd = parse_date(text)
    assert pd is not None
    assert pd.value == expected
    assert text[pd.start:pd.end] == matched
    assert pd.qualifier is None
    assert pd.weekday_mismatch is False


# text, expected date, column (1-based) of the date
INSIDE = [
    ("Decision due: 9 Sep 2021 by Executive", date(2021, 9, 9), 15),
    ("Decision date: 4 April 2024", date(2024, 4, 4), 16),
    ("Meeting held on Monday, 8th May 2023 at 7.00pm", date(2023, 5, 8), 17),
    ("Notice of proposed decision first published: 20/02/2024", date(2024, 2, 20), 46),
    ("Effective from: 16 Mar 2024", date(2024, 3, 16), 17),
    ("the Intervention Directions issued on 5th October 2023, and", date(2023, 10, 5), 39),
    ("paragraph 3.1.13 refers; meeting on 02/01/19.", date(2019, 1, 2), 37),
]


@pytest.mark.parametrize("text,expected,column", INSIDE)
def test_date_inside_longer_text(text, expected, column):
    pd = parse_date(text)
    assert pd is not None and pd.value == expected
    assert pd.column == column == pd.start + 1


@pytest.mark.parametrize("text,qualifier", [
    ("4th April 2024 (to be confirmed)", "to be confirmed"),
    ("4 April 2024 TBC", "TBC"),
    ("Provisional date: 4 April 2024", "Provisional"),
    ("4 April 2024 (tentatively)", "tentatively"),
    ("4 April 2024 - subject to confirmation", "subject to confirmation"),
])
def test_qualifier_is_kept(text, qualifier):
    pd = parse_date(text)
    assert pd is not None and pd.value == date(2024, 4, 4)
    assert pd.qualifier == qualifier


def test_weekday_checked():
    ok = parse_date("Tuesday 29 January 2019")
    bad = parse_date("Tuesday 30 January 2019")  # 30 January 2019 was a Wednesday
    assert ok is not None and not ok.weekday_mismatch and ok.weekday == "Tuesday"
    assert bad is not None and bad.value == date(2019, 1, 30) and bad.weekday_mismatch
    assert parse_date("Wed 30/01/2019").weekday_mismatch is False
    assert parse_date("Thursday 30/01/2019").weekday_mismatch is True


@pytest.mark.parametrize("text", [
    "8th May",              # no year: never taken from today or from a default
    "June 2024",            # no day
    "2024",
    "1st",
    "13/14 March 2024",     # a range, not a date
    "13-14 March 2024",
    "31/11/2019",           # no such day
    "29 February 2019",
    "29 Febuary 2019",      # misspelt month
    "29.01.19",             # two-digit years only with slashes
    "TBC",
    "",
    "3.1.13 Governance",    # a paragraph number, not 3 January 2013
    "£12/03/2024",
])
def test_no_guess(text):
    assert parse_date(text) is None


def test_partial_dates_are_located():
    assert find_partial_date("Meeting date: 8th May") == (14, 21)
    assert find_partial_date("June 2024") == (0, 9)
    assert find_partial_date("4 April 2024") is None   # complete: not partial
    assert find_partial_date("no date here") is None


def test_find_dates_all_in_order():
    found = find_dates("From 1 March 2024 to 31/03/2024, then 2024-04-30.")
    assert [p.value for p in found] == [date(2024, 3, 1), date(2024, 3, 31), date(2024, 4, 30)]


def test_parsed_date_is_frozen():
    pd = parse_date("4 April 2024")
    assert isinstance(pd, ParsedDate)
    with pytest.raises(AttributeError):
        pd.value = date(2000, 1, 1)  # type: ignore[misc]


def test_no_dateutil_import():
    import subprocess
    import sys

    code = ("import sys, govcheck.dates as d; d.parse_date('4 April 2024'); "
            "print('dateutil' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------------------
# Welsh

WELSH = [
    ("14 Mai 2024", date(2024, 5, 14), "14 Mai 2024"),
    ("31 Mai 2024", date(2024, 5, 31), "31 Mai 2024"),
    ("1 Ionawr 2025", date(2025, 1, 1), "1 Ionawr 2025"),
    ("28 Chwefror 2024", date(2024, 2, 28), "28 Chwefror 2024"),
    ("1af Mawrth 2024", date(2024, 3, 1), "1af Mawrth 2024"),
    ("4ydd o Fawrth 2024", date(2024, 3, 4), "4ydd o Fawrth 2024"),     # soft mutation
    ("2il Ebrill 2024", date(2024, 4, 2), "2il Ebrill 2024"),
    ("5ed Mehefin 2024", date(2024, 6, 5), "5ed Mehefin 2024"),
    ("15fed Gorffennaf 2025", date(2025, 7, 15), "15fed Gorffennaf 2025"),
    ("11eg Awst 2024", date(2024, 8, 11), "11eg Awst 2024"),
    ("9 Medi 2021", date(2021, 9, 9), "9 Medi 2021"),
    ("22 Hydref 2024", date(2024, 10, 22), "22 Hydref 2024"),
    ("21ain Tachwedd 2024", date(2024, 11, 21), "21ain Tachwedd 2024"),
    ("2il Ragfyr 2023", date(2023, 12, 2), "2il Ragfyr 2023"),
    ("25 Rhagfyr 2023", date(2023, 12, 25), "25 Rhagfyr 2023"),
    ("Dydd Mawrth, 14eg Mai 2024", date(2024, 5, 14), "Dydd Mawrth, 14eg Mai 2024"),
    ("Dydd Iau 16 Mai 2024", date(2024, 5, 16), "Dydd Iau 16 Mai 2024"),
]


@pytest.mark.parametrize("text,expected,matched", WELSH)
def test_welsh_dates(text, expected, matched):
    pd = parse_date(text)
    assert pd is not None and pd.value == expected
    assert text[pd.start:pd.end] == matched
    assert not pd.weekday_mismatch


def test_welsh_weekday_mismatch_and_qualifier():
    pd = parse_date("Dydd Llun, 14eg Mai 2024")          # a Tuesday
    assert pd.weekday_mismatch and pd.weekday == "Dydd Llun"
    pd = parse_date("Dydd Mawrth 14 Mai 2024")           # "Mawrth" here is Tuesday, not March
    assert pd.value == date(2024, 5, 14) and not pd.weekday_mismatch
    pd = parse_date("14 Mai 2024 (i'w gadarnhau)")
    assert pd.qualifier == "i'w gadarnhau"


def test_welsh_partial_dates():
    assert parse_date("5ed Medi") is None
    assert find_partial_date("5ed Medi") == (0, 8)
    assert parse_date("Mawrth 2024") is None and find_partial_date("Mawrth 2024") == (0, 11)
    # English words are not Welsh months
    assert parse_date("Councillor Mai Jones, 2024") is None
