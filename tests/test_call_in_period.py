"""CI003: an executive decision open to call-in takes effect only after the call-in
period its council's constitution sets (a profile's ``call_in_period``); with no
profile period nothing is claimed, since LGA 2000 s9F sets none."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from govcheck.cli import main
from govcheck.engine.predicates import PredicateError, parse_predicate

RECORD = """\
Decision details

Award of the cleaning contract

Decision Maker: Cabinet

Is subject to call in?: Yes

Date of decision: 06/03/2024

Date of publication: 07/03/2024

Effective from: {effective}
"""


def ci003(tmp_path, effective: str, *profile: str) -> list[dict]:
    f = tmp_path / "decision.txt"
    f.write_text(RECORD.format(effective=effective))
    args = ["check", "--output-format", "json", *profile, str(f)]
    r = CliRunner().invoke(main, args)
    assert r.exit_code in (0, 1), r.output
    return [x for x in json.loads(r.output)["findings"] if x["code"] == "CI003"]


def test_early_effective_date_is_a_warning_that_shows_its_arithmetic(tmp_path):
    [f] = ci003(tmp_path, "11/03/2024", "--profile", "bracknell-forest")
    assert f["severity"] == "warning"
    m = f["message"]
    # the period, where the profile took it from, the last day and the shortfall
    assert "call_in_period = 5 working days" in m
    assert "bracknell-forest.gov.uk" in m
    assert "its last day is 2024-03-14" in m and "3 days before it" in m
    assert f["line"] == 13


def test_effective_on_the_last_day_passes(tmp_path):
    assert ci003(tmp_path, "14/03/2024", "--profile", "bracknell-forest") == []


def test_no_profile_period_no_claim(tmp_path):
    # the default profile sets no call-in period: the statute sets none either
    assert ci003(tmp_path, "08/03/2024") == []
    assert ci003(tmp_path, "08/03/2024", "--profile", "sheffield") == []


@pytest.mark.parametrize("pred, says", [
    ({"on_or_after": {"date": "effective_from",
                      "earliest": {"from": "publication_date",
                                   "period": {"profile": "key_decision_threshold"},
                                   "day": "last"}}}, "not a period"),
    ({"on_or_after": {"date": "effective_from",
                      "earliest": {"from": "publication_date",
                                   "period": {"days": 5, "basis": "fortnightly"},
                                   "day": "last"}}}, "calendar or working"),
    ({"on_or_after": {"date": "effective_from",
                      "earliest": {"from": "publication_date",
                                   "period": {"days": 5, "basis": "working"},
                                   "day": "first"}}}, "day must be last"),
    ({"profile_sets": "call_in_periods"}, "unknown profile key"),
])
def test_malformed_period_conditions_are_load_errors(pred, says):
    with pytest.raises(PredicateError) as e:
        parse_predicate(pred)
    assert says in str(e.value)


def _codes(tmp_path, effective: str, *profile: str, code: str = "CI006") -> list[dict]:
    f = tmp_path / "decision.txt"
    f.write_text(RECORD.format(effective=effective))
    r = CliRunner().invoke(main, ["check", "--output-format", "json", *profile, str(f)])
    assert r.exit_code in (0, 1), r.output
    return [x for x in json.loads(r.output)["findings"] if x["code"] == code]


def test_open_to_call_in_but_in_force_the_day_it_was_made_without_a_profile(tmp_path):
    # CI006: whatever period the constitution sets, it runs from publication; a decision
    # said to be subject to call-in cannot be in force on the day it was made, before it
    # was published
    [f] = _codes(tmp_path, "06/03/2024")
    assert f["severity"] == "warning"
    # in force after the day it was made but by publication: maybe a re-publication
    [f] = _codes(tmp_path, "07/03/2024")
    assert f["severity"] == "info"
    assert _codes(tmp_path, "08/03/2024") == []
    # with the council's period known, CI003 makes the full check instead
    assert _codes(tmp_path, "06/03/2024", "--profile", "bracknell-forest") == []
