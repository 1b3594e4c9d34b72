"""One harness runs every rule's own cases (breach, pass, one per exception)."""

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
