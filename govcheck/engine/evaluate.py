"""Apply a rule pack to records: the version of each rule in force on the record's date."""

from __future__ import annotations

import datetime as dt
import re

from govcheck import recache
from govcheck.engine.predicates import Ctx, Outcome
from govcheck.engine.rules import Rule, RulePack
from govcheck.model import (
    ExceptionUsed,
    Finding,
    Location,
    Record,
    Severity,
    display_value,
)
from govcheck.struct import struct

_PLACEHOLDER = recache.compile(r"\{([a-z_]+)\}")


_SPACED: dict[str, str] = {}   # a rule's template, its whitespace folded: one copy each


def render_template(template: str, record: Record) -> str:
    """Fill ``{field}`` placeholders with the record's values; nothing else is evaluated.
    A template without placeholders comes back as one shared string, so a batch's
    findings do not each carry their own copy of the same "what to do"."""
    folded = _SPACED.get(template)
    if folded is None:
        folded = _SPACED[template] = " ".join(template.split())
    if "{" not in folded:
        return folded

    def sub(m: re.Match) -> str:
        name = m.group(1)
        return display_value(record.get(name)) if record.has(name) else f"({name.replace('_', ' ')} not found)"
    return _PLACEHOLDER.sub(sub, folded)


@struct(init=False)
class Verdict:
    """What one rule says about one record (used by the case harness and by check)."""

    outcome: str  # "breach" | "pass" | "covered" | "not_applicable"
    finding: Finding | None = None

    def __init__(self, outcome: str, finding: Finding | None = None) -> None:
        self.outcome, self.finding = outcome, finding


def _location(record: Record, outs: list[Outcome]) -> Location:
    for o in outs:
        if o.line:
            page = next((fv.page for fv in record.fields.values() if fv.line == o.line), None)
            return Location(path=record.path, line=o.line, column=1, page=page)
    for o in outs:
        for name in o.fields:
            # point at this record's own file, not a value linked from another
            if record.has(name) and not record.fields[name].path:
                return record.location_of(name)
    return Location(path=record.path, line=record.line, column=1, page=record.page)


def evaluate_rule(rule: Rule, record: Record, profile: dict, today: dt.date,
                  memo: dict | None = None) -> Verdict:
    ctx = Ctx(record, profile, today, memo)
    # whether the rule applies, and whether it is met, without explanations: most rules
    # do not apply to a record, and most that apply are met
    if rule.when is not None and not rule.when.holds(ctx):
        return Verdict("not_applicable")
    if rule.require.holds(ctx):
        return Verdict("pass")
    # a finding: now its explanation
    w = rule.when.evaluate(ctx) if rule.when is not None else Outcome(True)
    r = rule.require.evaluate(ctx)
    reasons = list(r.reasons)
    spec = rule.spec
    severity = spec.severity
    used = None
    for exc in rule.exceptions:
        claimed = exc.claimed.evaluate(ctx)
        if not claimed.ok:
            continue
        ev = exc.evidence.evaluate(ctx)
        if ev.ok:
            used = ExceptionUsed(name=exc.spec.name, title=exc.spec.title,
                                 citation=exc.spec.citation)
            reasons.append(f"covered by {exc.spec.title} ({exc.spec.citation.provision}): "
                           + "; ".join(ev.reasons))
            severity = Severity.INFO
            break
        reasons.append(f"{exc.spec.title} is claimed but not made out "
                       f"({exc.spec.citation.provision}): " + "; ".join(ev.reasons))
    if used is None:
        # what the record cannot show for certain lowers the severity, and says why
        for unc, pred in rule.uncertain:
            if pred.evaluate(ctx).ok and unc.severity.rank < severity.rank:
                severity = unc.severity
                reasons.append(f"{unc.severity.value}, not {spec.severity.value}: "
                               f"{' '.join(unc.why.split())}")
    # the values that made the rule apply, unless the requirement already shows them
    shown = tuple(n.replace("_", " ") for n in r.fields)
    context = [c for c in w.reasons
               if not c.startswith(shown) and not c.startswith("council profile")]
    message = render_template(spec.message, record)
    if reasons or context:
        # a value two conditions both read is shown once
        message = f"{message}: " + "; ".join(dict.fromkeys(context + reasons))
    location = _location(record, [r, w])
    source = next((fv.text for fv in record.fields.values()
                   if fv.line == location.line and not fv.path and fv.text), "")
    finding = Finding(
        code=spec.id, name=spec.name, title=spec.title, severity=severity, message=message,
        location=location, citation=spec.citation,
        fix=render_template(spec.fix, record), exception=used, source=source,
    )
    return Verdict("covered" if used else "breach", finding)


def evaluate(pack: RulePack, records: list[Record], profile: dict, today: dt.date,
             selected=None, by_nation: dict | None = None) -> list[Finding]:
    """Every finding for these records.  ``selected(rule) -> bool`` filters rules;
    ``by_nation`` gives each nation's default profile, used when none was chosen."""
    findings: list[Finding] = []
    chosen = profile
    for record in records:
        profile = by_nation.get(record.nation, chosen) if by_nation else chosen
        on = record.reference_date() or today
        memo: dict = {}
        has = record.has
        for rule in pack.in_force(record.kind, record.nation, on):
            if selected is not None and not selected(rule):
                continue
            needs = rule.needs
            if needs and not all(map(has, needs)):
                continue        # it cannot apply: a field its ``when`` needs is absent
            verdict = evaluate_rule(rule, record, profile, today, memo)
            if verdict.finding is not None:
                findings.append(verdict.finding)
    return findings


def builtin_finding(rule: Rule, location: Location, message: str) -> Finding:
    """A finding govcheck makes about its own reading (GC rules), not about the law."""
    spec = rule.spec
    return Finding(code=spec.id, name=spec.name, title=spec.title, severity=spec.severity,
                   message=f"{spec.message}: {message}" if message else spec.message,
                   location=location, citation=spec.citation,
                   fix=" ".join(spec.fix.split()))
