"""The one harness that runs every rule's own test cases (``govcheck test``, pytest)."""

from __future__ import annotations

import datetime as dt

from govcheck.engine.evaluate import evaluate_rule
from govcheck.engine.rules import Rule, RulePack
from govcheck.records import RecordError, record_from_mapping
from govcheck.struct import struct

# Cases are evaluated on a fixed "today" unless they set as_of, so they never change
# with the day the suite runs.
CASE_TODAY = dt.date(2026, 1, 1)


@struct
class CaseResult:
    rule: Rule
    name: str
    line: int
    ok: bool
    detail: str

    @property
    def id(self) -> str:
        return f"{self.rule.code}:{self.name}"


def run_case(rule: Rule, index: int, base_profile: dict) -> CaseResult:
    case = rule.spec.cases[index]
    loc = ("cases", index)
    line = rule.line_of(loc)
    try:
        record = record_from_mapping(
            case.record, f"{rule.path}#{case.name}",
            lambda sub: rule.line_of(loc + ("record",) + tuple(sub)), ())
    except RecordError as e:
        return CaseResult(rule, case.name, e.line, False, f"invalid case record: {e.message}")
    on = record.reference_date() or case.as_of or CASE_TODAY
    profile = {**base_profile, **case.profile}
    if not rule.spec.effective.covers(on) or record.kind not in rule.spec.applies_to \
            or record.nation not in rule.spec.jurisdictions:
        got, finding = "not_applicable", None
    else:
        verdict = evaluate_rule(rule, record, profile, case.as_of or CASE_TODAY)
        got, finding = verdict.outcome, verdict.finding
    problems = []
    if got != case.expect:
        problems.append(f"expected {case.expect}, got {got}")
    elif case.severity is not None and finding is not None \
            and finding.severity != case.severity:
        problems.append(f"expected severity {case.severity.value}, "
                        f"got {finding.severity.value}")
    if case.exception and finding is not None and finding.exception is not None \
            and finding.exception.name != case.exception:
        problems.append(f"expected exception {case.exception}, got {finding.exception.name}")
    message = finding.message if finding else ""
    for text in case.message_contains:
        if text not in message:
            problems.append(f"message lacks {text!r}")
    detail = "; ".join(problems)
    if problems and message:
        detail += f"\n    message: {message}"
    return CaseResult(rule, case.name, line, not problems, detail)


def run_all(pack: RulePack, base_profile: dict) -> list[CaseResult]:
    return [run_case(rule, i, base_profile)
            for rule in pack.rules for i in range(len(rule.spec.cases))]
