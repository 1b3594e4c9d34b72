"""Dated parameters (OpenFisca-style): one rule whose number changed over time, each
value with the date it applies from and its source, resolved against the record's date
(the date that chooses a rule's version) and shown in the finding."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from govcheck.engine import rules as rules_mod
from govcheck.engine.evaluate import evaluate, evaluate_rule
from govcheck.engine.predicates import PredicateError, parse_predicate
from govcheck.engine.profile import load_profile
from govcheck.engine.rules import RuleError, RulePack, load_conditions, load_rule_file
from govcheck.records import record_from_mapping

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
AG001 = RULES / "england" / "agenda" / "AG001.yaml"
TODAY = dt.date(2026, 1, 1)


def meeting(published: str, held: str, **extra):
    fields = {"body": "Licensing Committee", "agenda_published": dt.date.fromisoformat(published),
              "meeting_date": dt.date.fromisoformat(held), **extra}
    return record_from_mapping({"kind": "meeting", "fields": fields}, "m.yaml",
                               lambda _: 1, ())


def ag001_text() -> str:
    return AG001.read_text(encoding="utf-8")


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "AG001.yaml"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def rule():
    return load_rule_file(AG001)


# ---------------------------------------------------------------- the bundled rule

def test_one_rule_replaces_the_1986_copy():
    assert not (RULES / "england" / "agenda" / "AG001-1986.yaml").exists()
    pack = RulePack.load(RULES)
    [only] = pack.find("AG001")
    assert only.spec.effective.from_ == dt.date(1986, 4, 1) and only.spec.effective.to is None
    values = only.spec.parameters["agenda_clear_days"].values
    assert [(v.from_, v.value) for v in values] == [(dt.date(1986, 4, 1), 3),
                                                    (dt.date(2002, 10, 1), 5)]
    assert all(v.source for v in values)
    assert "five" not in only.spec.title.lower() and "three" not in only.spec.title.lower()


def test_value_resolves_on_each_side_of_the_boundary(rule):
    p = rule.spec.parameters["agenda_clear_days"]
    assert p.at(dt.date(1986, 3, 31)) is None
    assert p.at(dt.date(1986, 4, 1))[0].value == 3
    assert p.at(dt.date(2002, 9, 30)) == (p.values[0], dt.date(2002, 9, 30))
    assert p.at(dt.date(2002, 10, 1)) == (p.values[1], None)
    assert p.at(dt.date(2030, 1, 1))[0].value == 5


def test_message_names_the_value_its_dates_and_source(rule):
    # the same three clear working days: enough on 30 September 2002, not on 1 October
    v = evaluate_rule(rule, meeting("2002-09-24", "2002-09-30"), {}, TODAY)
    assert v.outcome == "pass"
    v = evaluate_rule(rule, meeting("2002-09-25", "2002-10-01"), {}, TODAY)
    assert v.outcome == "breach"
    msg = v.finding.message
    assert "3 clear working days" in msg and "5 required" in msg
    assert "agenda_clear_days = 5 for dates from 2002-10-01: SI 2002/715 art 3" in msg
    v = evaluate_rule(rule, meeting("2002-09-25", "2002-09-30"), {}, TODAY)
    assert "3 required (agenda_clear_days = 3 for dates from 1986-04-01 to 2002-09-30: " \
           "LGA 1972 s100B(3)" in v.finding.message


def test_engine_uses_the_record_date_not_today(rule):
    pack = RulePack.load(RULES)
    old = meeting("1990-04-26", "1990-05-01")
    [f] = [f for f in evaluate(pack, [old], {}, TODAY) if f.code == "AG001"]
    assert "3 required" in f.message and "1990-04-25" in f.message
    # a record whose date is before the rule's period is not checked at all
    assert not [f for f in evaluate(pack, [meeting("1986-03-20", "1986-03-31")], {}, TODAY)
                if f.code == "AG001"]


def test_cached_pack_resolves_parameters_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVCHECK_CACHE_DIR", str(tmp_path / "cache"))
    d = tmp_path / "rules"
    shutil.copytree(RULES, d)
    fresh = RulePack.load(d)

    def no_validation(*a, **k):
        raise AssertionError("validated again although nothing changed")

    monkeypatch.setattr(rules_mod, "load_rule_file", no_validation)
    cached = RulePack.load(d)
    [a], [b] = fresh.find("AG001"), cached.find("AG001")
    # the cases are kept in the cache's side file, read when first used
    assert b.spec == a.spec and len(b.spec.cases) == len(a.spec.cases) > 0
    assert b.data == {k: v for k, v in a.data.items() if k != "cases"}
    for rec in (meeting("2002-09-25", "2002-10-01"), meeting("1990-04-26", "1990-05-01")):
        fa = evaluate_rule(a, rec, load_profile(None, d), TODAY).finding
        fb = evaluate_rule(b, rec, load_profile(None, d), TODAY).finding
        assert fa.message == fb.message


# ---------------------------------------------------------------- the schema

def error(tmp_path, old: str, new: str) -> RuleError:
    text = ag001_text()
    assert old in text, old
    with pytest.raises(RuleError) as e:
        load_rule_file(write(tmp_path, text.replace(old, new, 1)))
    return e.value


def line_of(text: str) -> int:
    return next(i for i, ln in enumerate(ag001_text().splitlines(), 1) if text in ln)


def test_unknown_parameter_in_a_condition(tmp_path):
    e = error(tmp_path, "at_least: {parameter: agenda_clear_days}",
              "at_least: {parameter: agenda_clear_day}")
    assert "unknown parameter 'agenda_clear_day'" in e.message
    assert "did you mean 'agenda_clear_days'" in e.message
    assert e.line == line_of("at_least: {parameter:")


def test_parameter_declared_but_not_used(tmp_path):
    e = error(tmp_path, "at_least: {parameter: agenda_clear_days}", "at_least: 5")
    assert "declared but no condition reads it" in e.message
    assert e.line == line_of("  agenda_clear_days:")


def test_values_out_of_order(tmp_path):
    e = error(tmp_path, "      - from: 2002-10-01", "      - from: 1985-10-01")
    assert "date order" in e.message and e.line == line_of("    values:")


def test_value_must_be_a_whole_number(tmp_path):
    e = error(tmp_path, "        value: 5", "        value: five")
    assert "parameters.agenda_clear_days.values.1.value" in e.message
    assert e.line == line_of("        value: 5")


def test_unknown_key_in_a_value(tmp_path):
    e = error(tmp_path, "        value: 5", "        value: 5\n        note: x")
    assert "note" in e.message and e.line == line_of("        value: 5") + 1


def test_source_is_required(tmp_path):
    e = error(tmp_path, "        source: SI 2002/715 art 3\n", "")
    assert "source" in e.message


def test_url_must_be_legislation_gov_uk(tmp_path):
    e = error(tmp_path, "url: https://www.legislation.gov.uk/uksi/2002/715/article/3",
              "url: https://example.com/si")
    assert "legislation.gov.uk" in e.message


def test_parameter_must_cover_the_whole_period(tmp_path):
    e = error(tmp_path, "      - from: 1986-04-01", "      - from: 1987-01-01")
    assert "no value from 1986-04-01" in e.message
    assert e.line == line_of("      - from: 1986-04-01")


def test_parameter_value_after_the_rule_ends(tmp_path):
    text = ag001_text().replace("  from: 1986-04-01          #",
                                "  from: 1986-04-01\n  to: 2001-12-31  #", 1)
    text = text.replace("meeting_date: 2024-07-23", "meeting_date: 2001-07-23")
    with pytest.raises(RuleError, match="after the rule's effective.to"):
        load_rule_file(write(tmp_path, text))


def test_parameter_names_are_snake_case(tmp_path):
    text = ag001_text().replace("agenda_clear_days", "agenda-clear-days")
    with pytest.raises(RuleError, match="snake_case"):
        load_rule_file(write(tmp_path, text))


def test_parameter_reference_takes_only_a_name():
    with pytest.raises(PredicateError, match="unexpected key 'default'"):
        parse_predicate({"clear_days": {"from": "agenda_published", "to": "meeting_date",
                                        "at_least": {"parameter": "x", "default": 3}}})


def test_shared_conditions_cannot_use_parameters(tmp_path):
    (tmp_path / "conditions.yaml").write_text(
        "enough-days:\n"
        "  description: x\n"
        "  condition:\n"
        "    clear_days: {from: agenda_published, to: meeting_date,\n"
        "                 at_least: {parameter: agenda_clear_days}}\n", encoding="utf-8")
    with pytest.raises(RuleError, match="shared condition cannot use one") as e:
        load_conditions(tmp_path)
    assert e.value.line == 5
