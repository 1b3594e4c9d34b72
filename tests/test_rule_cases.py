"""One harness runs every rule's own cases (breach, pass, one per exception, and the
nations: a record of each nation the rule covers, and one of a nation it does not)."""

from __future__ import annotations

import pytest

from govcheck.engine.cases import run_case
from govcheck.engine.profile import load_profile
from govcheck.engine.rules import RulePack

PACK = RulePack.load()
PROFILE = load_profile(None, PACK.root)
CASES = [(rule, i) for rule in PACK.rules for i in range(len(rule.spec.cases))]


@pytest.mark.parametrize("rule,index", CASES,
                         ids=[f"{r.code}-{r.spec.cases[i].name}" for r, i in CASES])
def test_rule_case(rule, index):
    result = run_case(rule, index, PROFILE)
    assert result.ok, f"{rule.path}:{result.line}: {result.detail}"


def test_every_rule_has_breach_pass_and_exception_cases():
    for rule in PACK.rules:
        if rule.spec.builtin:
            continue
        kinds = [c.expect for c in rule.spec.cases]
        assert "breach" in kinds and "pass" in kinds, rule.code
        covered = {c.exception for c in rule.spec.cases if c.expect == "covered"}
        assert covered == {e.name for e in rule.spec.exceptions}, rule.code


NATIONS = ("england", "wales", "scotland")


def test_every_rule_has_nation_cases():
    """A rule is shown to work for each nation it covers (a breach, pass or covered case
    with a record of that nation) and to leave alone a nation it does not cover."""
    for rule in PACK.rules:
        spec = rule.spec
        if spec.builtin:
            continue
        covers = set(spec.jurisdictions)
        nation = [c.record.get("nation", "england") for c in spec.cases]
        judged = {n for n, c in zip(nation, spec.cases) if c.expect != "not_applicable"}
        assert covers <= judged, f"{rule.code}: no judged case for {sorted(covers - judged)}"
        if covers != set(NATIONS):
            assert any(n not in covers and c.expect == "not_applicable"
                       for n, c in zip(nation, spec.cases)), \
                f"{rule.code}: no case of a nation it does not cover"
