"""Council profiles are data with a schema: a misspelt key or a wrong type is an error
naming file:line (exit code 2), never silently ignored in favour of a rule's default."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck.cli import main
from govcheck.engine.predicates import PredicateError, parse_predicate
from govcheck.engine.profile import (PARAMETER_KEYS, PROFILE_KEYS, ProfileError, ProfileSpec,
                                     load_profile)
from govcheck.engine.rules import RuleError, load_rule_file

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
FIXTURE = ROOT / "fixtures" / "reports" / "cabinet-2024-06-25-waste-fleet-late-notice.txt"

GOOD = """\
name: test-council
council: Test Borough Council
nation: england
governance_model: leader_cabinet
key_decision_notice_basis: calendar
short_notice_basis: working
key_decision_threshold: 250000
call_in_period: {days: 5, basis: working}
citation:
  - instrument: Local Government Act 2000
    provision: section 9F
    url: https://www.legislation.gov.uk/ukpga/2000/22/section/9F
sources:
  key_decision_threshold: https://example.gov.uk/constitution/part-4#key-decisions
  call_in_period: constitution part 4, overview and scrutiny procedure rule 16
labels:
  - {field: key_decision, label: "Key decision?"}
"""


def write(tmp_path: Path, text: str, name: str = "bad.yaml") -> Path:
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def run_check(profile: Path):
    result = CliRunner().invoke(main, ["check", "--profile", str(profile), str(FIXTURE)])
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("path", sorted((RULES / "profiles").glob("*.yaml")), ids=lambda p: p.stem)
def test_bundled_profiles_load(path):
    by_name = load_profile(path.stem, RULES)
    by_path = load_profile(str(path), RULES)
    assert by_name == by_path
    assert by_name["name"] == path.stem and by_name["nation"] in ("england", "wales", "scotland")


def test_load_profile_returns_only_what_the_file_sets():
    # rules read "not set" (KD004 does not apply without a threshold): no default is
    # filled in by the schema
    profile = load_profile("england-default", RULES)
    assert "key_decision_threshold" not in profile and "call_in_period" not in profile
    assert isinstance(profile, dict) and profile["governance_model"] == "leader_cabinet"


def test_full_profile_validates(tmp_path):
    profile = load_profile(str(write(tmp_path, GOOD, "good.yaml")), RULES)
    assert profile["call_in_period"] == {"days": 5, "basis": "working"}
    assert profile["key_decision_threshold"] == 250000
    assert profile["citation"][0]["provision"] == "section 9F"
    assert profile["labels"] == [{"field": "key_decision", "label": "Key decision?"}]


def test_misspelt_key_is_exit_2_with_file_and_line(tmp_path):
    bad = write(tmp_path, GOOD.replace("key_decision_threshold: 250000",
                                       "key_decison_threshold: 250000"))
    result = run_check(bad)
    assert result.exit_code == 2
    assert f"{bad}:7: unknown key 'key_decison_threshold'" in result.output
    assert "did you mean 'key_decision_threshold'" in result.output


def test_wrong_type_is_exit_2_with_file_and_line(tmp_path):
    bad = write(tmp_path, GOOD.replace("key_decision_threshold: 250000",
                                       'key_decision_threshold: "250,000"'))
    result = run_check(bad)
    assert result.exit_code == 2
    assert f"{bad}:7: key_decision_threshold:" in result.output
    assert "integer" in result.output


@pytest.mark.parametrize("old,new,line,text", [
    ("governance_model: leader_cabinet", "governance_model: cabinet", 4, "governance_model"),
    ("nation: england", "nation: france", 3, "nation"),
    ("short_notice_basis: working", "short_notice_basis: clear", 6, "short_notice_basis"),
    ("key_decision_threshold: 250000", "key_decision_threshold: true", 7, "integer"),
    ("key_decision_threshold: 250000", "key_decision_threshold: -1", 7, "greater than"),
    ("{days: 5, basis: working}", "{days: 5, basis: weekly}", 8, "call_in_period.basis"),
    ("{days: 5, basis: working}", "{days: five, basis: working}", 8, "call_in_period.days"),
    ("{days: 5, basis: working}", "{days: 5, bassis: working}", 8, "unknown key 'bassis'"),
    ("    provision: section 9F\n", "    provison: section 9F\n", 11, "provison"),
    ("  call_in_period: constitution", "  call_in: constitution", 15, "sources.call_in"),
    ('  - {field: key_decision, label: "Key decision?"}', "  - Key decision?", 17, "labels.0"),
])
def test_schema_errors_name_the_line(tmp_path, old, new, line, text):
    assert old in GOOD
    bad = write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(ProfileError) as e:
        load_profile(str(bad), RULES)
    assert str(e.value).startswith(f"{bad}:{line}: ") and text in str(e.value)
    assert e.value.line == line


def test_missing_required_key(tmp_path):
    bad = write(tmp_path, GOOD.replace("nation: england\n", ""))
    with pytest.raises(ProfileError, match=r"bad.yaml:1: nation: required"):
        load_profile(str(bad), RULES)


def test_not_a_mapping(tmp_path):
    with pytest.raises(ProfileError, match="a profile must be a mapping"):
        load_profile(str(write(tmp_path, "- a\n- b\n")), RULES)


def test_schema_is_deferred():
    # defined on first use, not at import (a profile from the cache never needs it)
    import subprocess
    import sys

    probe = ("import govcheck.engine.profile as p; print(bool(p._MODELS)); "
             "p.ProfileSpec; print(bool(p._MODELS))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=ROOT).stdout.split()
    assert out == ["False", "True"]
    assert set(PARAMETER_KEYS) <= set(PROFILE_KEYS) == set(ProfileSpec.model_fields)


def test_rules_read_only_profile_keys_the_schema_knows():
    with pytest.raises(PredicateError, match="unknown profile key 'key_decison_threshold'.*"
                                             "did you mean 'key_decision_threshold'"):
        parse_predicate({"number_at_least": {"field": "financial_value",
                                             "at_least": {"profile": "key_decison_threshold"}}})
    with pytest.raises(PredicateError, match="governance_model is one of"):
        parse_predicate({"profile_equals": {"key": "governance_model", "value": "committee"}})
    with pytest.raises(PredicateError, match="unknown profile key 'short_notice'"):
        parse_predicate({"clear_days": {"from": "agenda_published", "to": "meeting_date",
                                        "at_least": 5, "basis": {"profile": "short_notice"}}})
    parse_predicate({"profile_equals": {"key": "call_in_period.basis", "value": "working"}})


def test_case_profile_overrides_follow_the_schema(tmp_path):
    text = (RULES / "england" / "key-decisions" / "KD004.yaml").read_text(encoding="utf-8")
    assert "profile: {key_decision_threshold: 250000}" in text
    bad = write(tmp_path, text.replace("profile: {key_decision_threshold: 250000}",
                                       "profile: {key_decison_threshold: 250000}", 1),
                "KD004.yaml")
    with pytest.raises(RuleError) as e:
        load_rule_file(bad)
    assert "key_decison_threshold" in e.value.message and e.value.line > 1


def test_choices_table_is_the_schemas():
    """Rules are checked against CHOICES without building the schema; the schema's
    Literal types come from the same table."""
    from typing import get_args, get_origin

    from govcheck.engine.profile import CHOICES, ProfileSpec

    from typing import Literal

    for key, values in CHOICES.items():
        todo, found = [ProfileSpec.model_fields[key].annotation], []
        while todo:
            t = todo.pop()
            if get_origin(t) is Literal:
                found += get_args(t)
            else:
                todo += [a for a in get_args(t) if a is not type(None)]
        assert tuple(found) == values, key


def test_a_warm_run_builds_no_profile_schema(tmp_path):
    import subprocess
    import sys

    probe = ("import govcheck.engine.profile as p, govcheck.engine.rules as r; "
             "r.RulePack.load(); p.load_profile(None, r.default_rules_dir()); "
             "r.RulePack.load(); p.load_profile(None, r.default_rules_dir()); "
             "print(bool(p._MODELS))")
    env = {"GOVCHECK_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                   cwd=ROOT)   # fills the cache
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         env=env, cwd=ROOT)
    assert out.stdout.strip() == "False", out.stderr


def test_each_nation_has_a_default_profile():
    from govcheck.engine.profile import nation_defaults
    from govcheck.engine.rules import default_rules_dir

    got = nation_defaults(default_rules_dir())
    assert {n: p["name"] for n, p in got.items()} == {
        "england": "england-default", "wales": "wales-default", "scotland": "scotland-default"}
    assert got["scotland"]["governance_model"] == "committee_system"


def test_a_record_is_checked_with_its_nations_default_profile():
    import datetime as dt

    from govcheck.engine.evaluate import evaluate
    from govcheck.engine.rules import RulePack
    from govcheck.records import record_from_mapping

    pack = RulePack.load()
    rec = record_from_mapping({"kind": "decision", "fields": {
        "key_decision": True, "decision_maker": "Cabinet", "notice_first_published": "2024-03-20",
        "decision_date": "2024-04-04"}}, "r.yaml", lambda loc: 1, ())
    by_nation = {"england": {"name": "england-strict", "nation": "england",
                             "governance_model": "leader_cabinet",
                             "key_decision_notice_basis": "working"}}
    found = evaluate(pack, [rec], {"name": "chosen", "nation": "england"},
                     dt.date(2026, 1, 1), by_nation=by_nation)
    kd = next(f for f in found if f.code == "KD001")
    assert "council profile 'england-strict'" in kd.message and "working days" in kd.message
