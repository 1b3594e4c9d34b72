"""A rule decides whether it applies and whether it is met with ``holds`` (no
explanation), and explains itself only for a finding: ``holds`` must give exactly
``evaluate(...).ok`` for every predicate of the pack, on every rule's own case records
and on what the fixtures and the corpus read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govcheck.check import document_records
from govcheck.engine.cases import CASE_TODAY
from govcheck.engine.predicates import Ctx, Pred
from govcheck.engine.profile import load_profile
from govcheck.engine.rules import RulePack
from govcheck.read import read_path
from govcheck.records import record_from_mapping

ROOT = Path(__file__).resolve().parents[1]


def nodes(pred: Pred):
    """Every predicate in a tree, the tree first."""
    yield pred
    for name in getattr(pred, "__struct_fields__", ()):
        value = getattr(pred, name[0])
        for v in (value if isinstance(value, (list, tuple)) else (value,)):
            if isinstance(v, Pred):
                yield from nodes(v)


@pytest.fixture(scope="module")
def pack():
    return RulePack.load(ROOT / "rules")


@pytest.fixture(scope="module")
def records(pack):
    out = []
    for rule in pack.rules:
        for i, case in enumerate(rule.spec.cases):
            try:
                out.append((record_from_mapping(case.record, "case", lambda loc: 1, ()),
                            {**case.profile}, case.as_of or CASE_TODAY))
            except Exception:  # noqa: BLE001 - an invalid case record is the harness's
                continue
    paths = sorted((ROOT / "fixtures").rglob("*.txt")) + \
        sorted((ROOT / "corpus" / "records").glob("*.txt"))[::3]
    for p in paths:
        doc = read_path(p)
        for r in document_records(doc, "england")[0]:
            out.append((r, {}, dt.date(2026, 12, 3)))
    return out


def test_holds_is_evaluate_ok_for_every_predicate(pack, records):
    base = load_profile(None, ROOT / "rules")
    preds = []
    seen = set()
    for rule in pack.rules:
        roots = [rule.when, rule.require] + [p for e in rule.exceptions
                                              for p in (e.claimed, e.evidence)] \
            + [p for _, p in rule.uncertain]
        for root in roots:
            for p in nodes(root) if root is not None else ():
                if id(p) not in seen:
                    seen.add(id(p))
                    preds.append(p)
    assert len(preds) > 300 and len(records) > 500
    checked = 0
    for record, profile, today in records:
        memo_e, memo_h = {}, {}
        for p in preds:
            want = p.evaluate(Ctx(record, {**base, **profile}, today, memo_e)).ok
            got = p.holds(Ctx(record, {**base, **profile}, today, memo_h))
            assert got == want and type(got) is type(want), (p, record.path)
            checked += 1
    assert checked > 100_000


def test_a_value_two_conditions_read_is_shown_once():
    """UR004's conditions read the report's title twice; its message gives it once."""
    from govcheck.api import check_paths

    f = ROOT / "fixtures" / "reports" / "scrutiny-2024-06-18-special-urgency-annual-report.txt"
    (ur004,) = [x for x in check_paths([f], as_of=dt.date(2026, 12, 3)).findings
                if x.code == "UR004"]
    assert ur004.message.count("title: 'Annual report on executive decisions") == 1


def test_a_rule_is_passed_over_only_when_its_when_cannot_hold(pack, records):
    """The engine skips a rule whose ``when`` needs a field the record lacks
    (``Rule.needs``): on every record, such a rule's ``when`` must not hold."""
    base = load_profile(None, ROOT / "rules")
    with_needs = [r for r in pack.rules if r.needs]
    assert len(with_needs) > len(pack.rules) // 2
    skipped = 0
    for record, profile, today in records:
        for rule in with_needs:
            if all(record.has(n) for n in rule.needs):
                continue
            skipped += 1
            assert rule.when.holds(Ctx(record, {**base, **profile}, today, {})) is not True, \
                (rule.code, sorted(rule.needs), record.path)
    assert skipped > 10_000


def test_needs_of_the_combinators():
    from govcheck.engine.predicates import parse_predicate

    def needs(tree):
        return set(parse_predicate(tree, ("t",)).needs())

    a, b = "key_decision", "decision_date"
    assert needs({"all": [{"present": a}, {"equals": {"field": b, "value": 1}}]}) == {a, b}
    # an alternative that does without a field does not need it
    assert needs({"any": [{"present": a}, {"present": [a, b]}]}) == {a}
    assert needs({"any": [{"present": a}, {"absent": a}]}) == set()
    assert needs({"not": {"present": a}}) == set()
