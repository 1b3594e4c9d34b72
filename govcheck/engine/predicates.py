"""The closed vocabulary rules are written in.

A rule's ``when``, ``require`` and each exception's ``claimed``/``evidence`` are trees of
predicates.  Each predicate is a one-key mapping in YAML::

    present: notice_first_published        # or a list: all must be present
    absent: urgency_reason
    equals: {field: key_decision, value: true}
    in: {field: urgency_route, values: [general_exception, special_urgency]}
    contains_any: {field: recommendation_kinds, values: [agree, approve, decide]}
    subset: {field: exempt_paragraphs, of: ["1", "2", "3"]}
    shares_item: {field: exempt_paragraphs, with: agenda_paragraphs}
    count_at_least: {field: wards, at_least: 2}
    every_item: {field: agenda_items, where: {restricted: true}, present: [paragraphs]}
    number_at_least: {field: financial_value, at_least: {profile: key_decision_threshold}}
    matches: {field: title, pattern: "improvement (and recovery )?plan"}
    profile_equals: {key: governance_model, value: committee_system}
    record_kind: [decision, notice]
    use: executive-decision-maker        # a named condition from rules/conditions.yaml
    clear_days: {from: notice_first_published, to: [decision_date, meeting_date],
                 at_least: 28, basis: calendar}
    on_or_before: {date: [decision_date, meeting_date],
                   deadline: {from: directions_date, months: directions_period_months,
                              counting: after}}
    on_or_after: {date: effective_from,
                  earliest: {from: publication_date, period: {profile: call_in_period},
                             day: last}}
    all: [...]      any: [...]      not: {...}

Where a date is expected, a field name, a list of field names (the first present is
used) or ``today`` (the run's ``--as-of`` date) may be given.  Numbers may be given
literally, as a field name, as ``{profile: key}`` (a key of the council profile schema,
govcheck/engine/profile.py) or as ``{parameter: name}``: a dated parameter the rule
file declares under ``parameters:``, resolved against the record's date (the date that
chose the rule's version: decision date, else meeting date, else publication date, else
``--as-of``); the finding shows the value used, the dates it applies to and its source.

Evaluation is three-valued: True, False, or None when a field it needs is missing.
Every predicate explains itself in words a lawyer can check by hand: the values read,
where they were read, and the arithmetic done.  Nothing here can run code: there are no
loops, calls or expressions, only these predicates.
"""

from __future__ import annotations

import datetime as dt
import re
from contextvars import ContextVar
from typing import Any

from govcheck.engine import calendar
from govcheck.fields import FIELDS
from govcheck.model import Record, display_value
from govcheck.struct import field, struct
from govcheck import recache

NATION_HOLIDAYS = {"england": "England and Wales", "wales": "England and Wales",
                   "scotland": "Scotland"}


class PredicateError(ValueError):
    """A rule that does not follow the vocabulary; ``loc`` is the key path."""

    def __init__(self, loc: tuple, message: str):
        super().__init__(message)
        self.loc = loc
        self.message = message


class Ctx:
    """What a predicate is evaluated against: the record, the council's profile, the
    date treated as today, and the shared conditions already evaluated for this record
    (``memo``: one per rule would repeat them).  Written out (one is made per rule and
    record)."""

    __slots__ = ("record", "profile", "today", "memo")

    def __init__(self, record: Record, profile: dict[str, Any], today: dt.date,
                 memo: dict | None = None):
        self.record, self.profile, self.today, self.memo = record, profile, today, memo

    def __repr__(self) -> str:
        return (f"Ctx(record={self.record!r}, profile={self.profile!r}, "
                f"today={self.today!r}, memo={self.memo!r})")

    @property
    def on(self) -> dt.date:
        """The date whose law applies (as the engine chooses a rule's version)."""
        return self.record.reference_date() or self.today

    def where(self, name: str) -> str:
        fv = self.record.fields.get(name)
        if fv is None or not fv.line:
            return ""
        if fv.path:
            return f" ({fv.path}:{fv.line})"
        if fv.page is not None:
            return f" (page {fv.page})"
        return f" (line {fv.line})"

    def label(self, name: str) -> str:
        return name.replace("_", " ")


class Outcome:
    """A predicate's verdict: ``ok`` (None: unknown), the reasons to show, the fields
    read; ``quiet`` for a guard that holds by something's absence (``not``,
    ``absent``: true, but not a value read, so it is left out when a finding lists what
    made a rule apply); ``line`` where to point when the outcome concerns one line (an
    agenda item), not a field.  Written out: a record's evaluation makes a hundred."""

    __slots__ = ("ok", "reasons", "fields", "quiet", "line")

    def __init__(self, ok: bool | None, reasons: list[str] | None = None,
                 fields: list[str] | None = None, quiet: bool = False,
                 line: int | None = None):
        self.ok = ok
        self.reasons = [] if reasons is None else reasons
        self.fields = [] if fields is None else fields
        self.quiet = quiet
        self.line = line

    def __eq__(self, other) -> bool:
        if other.__class__ is not Outcome:
            return NotImplemented
        return ((self.ok, self.reasons, self.fields, self.quiet, self.line)
                == (other.ok, other.reasons, other.fields, other.quiet, other.line))

    __hash__ = None

    def __repr__(self) -> str:
        return (f"Outcome(ok={self.ok!r}, reasons={self.reasons!r}, fields={self.fields!r}, "
                f"quiet={self.quiet!r}, line={self.line!r})")


# --------------------------------------------------------------------------- operands

def _field_names(value: Any, loc: tuple, what: str = "field") -> tuple[str, ...]:
    names = (value,) if isinstance(value, str) else tuple(value) if isinstance(value, list) else None
    if not names or not all(isinstance(n, str) for n in names):
        raise PredicateError(loc, f"{what} must be a field name or a list of field names")
    for n in names:
        if n != "today" and n not in FIELDS:
            from govcheck.records import suggest

            raise PredicateError(loc, f"unknown field {n!r}{suggest(n, FIELDS)}")
    return names


@struct(frozen=True)
class DateRef:
    names: tuple[str, ...]

    @classmethod
    def parse(cls, value: Any, loc: tuple) -> "DateRef":
        names = _field_names(value, loc, "a date")
        for n in names:
            if n != "today" and FIELDS[n].type != "date":
                raise PredicateError(loc, f"field {n!r} is not a date field")
        return cls(names)

    def resolve(self, ctx: Ctx) -> tuple[str | None, dt.date | None]:
        for n in self.names:
            if n == "today":
                return "today", ctx.today
            v = ctx.record.get(n)
            if isinstance(v, dt.date):
                return n, v
        return None, None

    def describe(self) -> str:
        return " or ".join(n.replace("_", " ") for n in self.names)


@struct(frozen=True)
class Number:
    literal: int | None = None
    field_name: str | None = None
    profile_key: str | None = None
    default: int | None = None
    parameter: str | None = None
    # the rule's declared parameter (govcheck.engine.rules.Parameter): its dated values
    dated: Any = field(default=None, compare=False, hash=False, repr=False)

    @classmethod
    def parse(cls, value: Any, loc: tuple) -> "Number":
        if isinstance(value, bool):
            raise PredicateError(loc, "expected a number")
        if isinstance(value, int):
            return cls(literal=value)
        if isinstance(value, str):
            _field_names(value, loc)
            return cls(field_name=value)
        if isinstance(value, dict) and "profile" in value:
            extra = set(value) - {"profile", "default"}
            if extra:
                raise PredicateError(loc, f"unexpected key {sorted(extra)[0]!r}")
            default = value.get("default")
            if default is not None and not isinstance(default, int):
                raise PredicateError(loc, "default must be a number")
            return cls(profile_key=_profile_key(value["profile"], loc + ("profile",)),
                       default=default)
        if isinstance(value, dict) and "parameter" in value:
            _expect_keys(value, loc, {"parameter"})
            name = value["parameter"]
            return cls(parameter=name, dated=_parameter(name, loc + ("parameter",)))
        raise PredicateError(loc, "expected a number, a field name, {profile: key} or "
                             "{parameter: name}")

    def _dated(self, ctx: Ctx):
        """(value, until) of the parameter for the record's date, or None."""
        return self.dated.at(ctx.on) if self.dated is not None else None

    def resolve(self, ctx: Ctx) -> int | None:
        if self.literal is not None:
            return self.literal
        if self.field_name:
            v = ctx.record.get(self.field_name)
            return v if isinstance(v, int) else None
        if self.parameter:
            hit = self._dated(ctx)
            return hit[0].value if hit else None
        v = profile_lookup(ctx.profile, self.profile_key)
        if isinstance(v, int) and not isinstance(v, bool):
            return v
        return self.default

    def note(self, ctx: Ctx) -> str:
        """Where a resolved number came from, for a finding: for a dated parameter the
        value, the dates it applies to and its source, so a lawyer can check it."""
        if not self.parameter:
            return ""
        hit = self._dated(ctx)
        if not hit:
            return ""
        v, until = hit
        span = f"from {v.from_.isoformat()}" + (f" to {until.isoformat()}" if until else "")
        return f" ({self.parameter} = {v.value} for dates {span}: {v.source})"

    def unresolved(self, ctx: Ctx, otherwise: str) -> str:
        """Why the number could not be resolved."""
        if self.parameter and self.dated is not None:
            first = self.dated.values[0].from_
            return (f"{self.parameter} has no value for {ctx.on.isoformat()} (its first "
                    f"value applies from {first.isoformat()})")
        return otherwise


def _profile_key(key: Any, loc: tuple) -> str:
    """A key of the council profile schema (``a.b`` reads inside a mapping value)."""
    from govcheck.engine.profile import PARAMETER_KEYS

    if not isinstance(key, str) or not key:
        raise PredicateError(loc, "a profile key must be a name")
    head = key.split(".")[0]
    if head not in PARAMETER_KEYS:
        from govcheck.records import suggest

        raise PredicateError(loc, f"unknown profile key {head!r}{suggest(head, PARAMETER_KEYS)}"
                             f"; a council profile sets: {', '.join(PARAMETER_KEYS)}")
    return key


# The parameters the rule being compiled declares (``parameters:`` in its file), set by
# the loader while it compiles a rule; ``{parameter: name}`` refers to one.  The loader
# reads PARAMETERS_USED afterwards: a declared parameter no condition uses is an error.
PARAMETERS: ContextVar[dict] = ContextVar("govcheck_rule_parameters", default={})
PARAMETERS_USED: ContextVar[set | None] = ContextVar("govcheck_parameters_used", default=None)


def _parameter(name: Any, loc: tuple):
    if not isinstance(name, str):
        raise PredicateError(loc, "parameter takes the name of a parameter the rule declares")
    declared = PARAMETERS.get()
    if name not in declared:
        from govcheck.records import suggest

        where = (f"; this rule declares: {', '.join(declared)}" if declared else
                 "; declare it under 'parameters:' in the rule file (a shared condition "
                 "cannot use one)")
        raise PredicateError(loc, f"unknown parameter {name!r}{suggest(name, declared)}{where}")
    used = PARAMETERS_USED.get()
    if used is not None:
        used.add(name)
    return declared[name]


def profile_says(ctx: Ctx, key: str | None) -> str:
    """Which council profile gave a value, and the page it was taken from: "council
    profile 'stockport': key_decision_threshold = 500,000 (from https://...)"."""
    v = profile_lookup(ctx.profile, key)
    name = ctx.profile.get("name", "?")
    src = (ctx.profile.get("sources") or {}).get((key or "").split(".")[0])
    shown = f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) else display_value(v)
    return (f"council profile {name!r}: {key} = {shown}" + (f", from {src}" if src else ""))


def profile_lookup(profile: dict, key: str | None) -> Any:
    node: Any = profile
    for part in (key or "").split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


# --------------------------------------------------------------------------- predicates

class Pred:
    def evaluate(self, ctx: Ctx) -> Outcome:  # pragma: no cover - interface
        raise NotImplementedError

    def holds(self, ctx: Ctx) -> bool | None:
        """``evaluate(ctx).ok`` without the explanation: most rules do not apply to a
        given record, and a rule's reasons are only needed for a finding.  The common
        predicates answer it directly (and ``all``/``any`` stop at the first answer);
        the rest evaluate.  A test holds every predicate of the pack to the same answer
        as ``evaluate``."""
        return self.evaluate(ctx).ok

    def field_names(self) -> set[str]:
        return set()

    def needs(self) -> frozenset[str]:
        """Fields whose absence alone keeps ``holds`` from being True (a record without
        one of them cannot satisfy the predicate): the engine skips a rule whose ``when``
        needs a field the record lacks without evaluating it.  Empty unless the
        predicate says otherwise (a safe answer for any predicate)."""
        return frozenset()


def _expect_keys(obj: Any, loc: tuple, required: set[str], optional: set[str] = frozenset()):
    if not isinstance(obj, dict):
        raise PredicateError(loc, f"expected a mapping with keys {', '.join(sorted(required))}")
    for k in required:
        if k not in obj:
            raise PredicateError(loc, f"missing key {k!r}")
    for k in obj:
        if k not in required | set(optional):
            from govcheck.records import suggest

            raise PredicateError(loc + (k,), f"unexpected key {k!r}"
                                 f"{suggest(str(k), required | set(optional))}")


def _short(value: Any, limit: int = 80) -> str:
    """A value as shown in a finding: long free text is cut, the location says where."""
    text = display_value(value)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _missing(ctx: Ctx, name: str) -> Outcome:
    return Outcome(None, [f"{ctx.label(name)} not found"], [name])


@struct
class Present(Pred):
    names: tuple[str, ...]
    want: bool = True

    def evaluate(self, ctx: Ctx) -> Outcome:
        have = [n for n in self.names if ctx.record.has(n)]
        lacking = [n for n in self.names if not ctx.record.has(n)]
        if self.want:
            if lacking:
                # a label the page shows with nothing after it: say so, and point at it
                blank = ctx.record.get("blank_fields") or []
                first = blank[0] if isinstance(blank, list) and blank else None
                reasons = [f"{ctx.label(n)} left blank"
                           + (ctx.where("blank_fields") if n == first else "")
                           if n in blank else f"{ctx.label(n)} not stated" for n in lacking]
                where = ["blank_fields"] if first in lacking else []
                return Outcome(False, reasons, where + list(self.names))
            return Outcome(True, [f"{ctx.label(n)}: {_short(ctx.record.get(n))}"
                                  f"{ctx.where(n)}" for n in have], list(self.names))
        if have:
            return Outcome(False, [f"{ctx.label(n)} is stated: "
                                   f"{_short(ctx.record.get(n))}{ctx.where(n)}"
                                   for n in have], list(self.names))
        return Outcome(True, [f"{ctx.label(n)} not stated" for n in lacking], list(self.names),
                       quiet=True)

    def holds(self, ctx: Ctx) -> bool | None:
        has = ctx.record.has
        if self.want:
            return all(has(n) for n in self.names)
        return not any(has(n) for n in self.names)

    def field_names(self):
        return set(self.names)

    def needs(self) -> frozenset[str]:
        return frozenset(self.names) if self.want else frozenset()


@struct
class Equals(Pred):
    name: str
    value: Any

    def evaluate(self, ctx: Ctx) -> Outcome:
        if not ctx.record.has(self.name):
            return _missing(ctx, self.name)
        v = ctx.record.get(self.name)
        ok = v == self.value
        return Outcome(ok, [f"{ctx.label(self.name)}: {display_value(v)}{ctx.where(self.name)}"],
                       [self.name])

    def holds(self, ctx: Ctx) -> bool | None:
        if not ctx.record.has(self.name):
            return None
        return ctx.record.get(self.name) == self.value

    def field_names(self):
        return {self.name}

    def needs(self) -> frozenset[str]:
        return frozenset((self.name,))      # holds is None without it


@struct
class In(Pred):
    name: str
    values: tuple

    def evaluate(self, ctx: Ctx) -> Outcome:
        if not ctx.record.has(self.name):
            return _missing(ctx, self.name)
        v = ctx.record.get(self.name)
        return Outcome(v in self.values,
                       [f"{ctx.label(self.name)}: {display_value(v)}{ctx.where(self.name)}"],
                       [self.name])

    def holds(self, ctx: Ctx) -> bool | None:
        if not ctx.record.has(self.name):
            return None
        return ctx.record.get(self.name) in self.values

    def field_names(self):
        return {self.name}

    def needs(self) -> frozenset[str]:
        return frozenset((self.name,))      # holds is None without it


@struct
class ContainsAny(Pred):
    name: str
    values: tuple

    def evaluate(self, ctx: Ctx) -> Outcome:
        if not ctx.record.has(self.name):
            return _missing(ctx, self.name)
        items = ctx.record.get(self.name)
        hit = [x for x in items if x in self.values]
        where = ctx.where(self.name)
        if hit:
            return Outcome(True, [f"{ctx.label(self.name)} include {display_value(hit)}{where}"],
                           [self.name])
        return Outcome(False, [f"{ctx.label(self.name)}: {display_value(items)}{where}"],
                       [self.name])

    def field_names(self):
        return {self.name}


@struct
class SharesItem(Pred):
    """Two list fields have at least one item in common (the paragraphs a report cites
    and those its agenda item gives)."""
    name: str
    other: str

    def evaluate(self, ctx: Ctx) -> Outcome:
        for n in (self.name, self.other):
            if not ctx.record.has(n):
                return _missing(ctx, n)
        a, b = ctx.record.get(self.name), ctx.record.get(self.other)
        common = [x for x in a if x in b]
        said = (f"{ctx.label(self.name)}: {display_value(a)}{ctx.where(self.name)}; "
                f"{ctx.label(self.other)}: {display_value(b)}{ctx.where(self.other)}")
        if common:
            return Outcome(True, [f"{said}; both give {display_value(common)}"],
                           [self.name, self.other])
        return Outcome(False, [f"{said}: none in common"], [self.name, self.other])

    def field_names(self):
        return {self.name, self.other}


@struct
class Subset(Pred):
    name: str
    allowed: tuple

    def evaluate(self, ctx: Ctx) -> Outcome:
        if not ctx.record.has(self.name):
            return _missing(ctx, self.name)
        items = ctx.record.get(self.name)
        bad = [x for x in items if x not in self.allowed]
        where = ctx.where(self.name)
        if bad:
            return Outcome(False, [f"{ctx.label(self.name)} {display_value(items)}{where}: "
                                   f"{display_value(bad)} not among "
                                   f"{display_value(list(self.allowed))}"], [self.name])
        return Outcome(True, [f"{ctx.label(self.name)}: {display_value(items)}{where}"],
                       [self.name])

    def field_names(self):
        return {self.name}


@struct
class CountAtLeast(Pred):
    name: str
    at_least: int

    def evaluate(self, ctx: Ctx) -> Outcome:
        if not ctx.record.has(self.name):
            return _missing(ctx, self.name)
        items = ctx.record.get(self.name)
        return Outcome(len(items) >= self.at_least,
                       [f"{ctx.label(self.name)}: {display_value(items)} ({len(items)})"
                        f"{ctx.where(self.name)}"], [self.name])

    def field_names(self):
        return {self.name}


@struct
class EveryItem(Pred):
    """Every item of a list-of-mappings field (agenda items) that matches ``where``
    has each key in ``present`` stated (non-empty)."""

    name: str
    where: dict
    present: tuple[str, ...]

    def evaluate(self, ctx: Ctx) -> Outcome:
        if not ctx.record.has(self.name):
            return _missing(ctx, self.name)
        chosen = [it for it in ctx.record.get(self.name)
                  if all(it.get(k) == v for k, v in self.where.items())]
        bad = [(it, [k for k in self.present if it.get(k) in (None, "", [], False)])
               for it in chosen]
        bad = [(it, keys) for it, keys in bad if keys]
        cond = ", ".join(f"{k.replace('_', ' ')}: {display_value(v)}" for k, v in self.where.items())
        if not bad:
            return Outcome(True, [f"{len(chosen)} {ctx.label(self.name)} with {cond}, each "
                                  f"stating {', '.join(self.present)}"], [self.name])
        reasons = [f"item {it.get('number') or '?'} {_short(it.get('title', ''), 60)!r}"
                   f" (line {it.get('line') or '?'}; {cond}): "
                   f"{', '.join(k.replace('_', ' ') for k in keys)} not stated"
                   for it, keys in bad]
        return Outcome(False, reasons, [self.name], line=bad[0][0].get("line") or None)

    def field_names(self):
        return {self.name}


@struct
class NoItem(Pred):
    """No item of a list-of-mappings field matches ``where`` (a late item on an
    executive meeting's agenda)."""

    name: str
    where: dict

    def evaluate(self, ctx: Ctx) -> Outcome:
        if not ctx.record.has(self.name):
            return _missing(ctx, self.name)
        chosen = [it for it in ctx.record.get(self.name)
                  if all(it.get(k) == v for k, v in self.where.items())]
        cond = ", ".join(f"{k.replace('_', ' ')}: {display_value(v)}" for k, v in self.where.items())
        if not chosen:
            return Outcome(True, [f"no {ctx.label(self.name)} with {cond}"], [self.name])
        reasons = [f"item {it.get('number') or '?'} {_short(it.get('title', ''), 60)!r}"
                   f" (line {it.get('line') or '?'}): {cond}" for it in chosen]
        return Outcome(False, reasons, [self.name], line=chosen[0].get("line") or None)

    def field_names(self):
        return {self.name}


@struct
class NumberAtLeast(Pred):
    """A number field is at least a number (a literal, a field or a profile value)."""

    name: str
    at_least: Number

    def evaluate(self, ctx: Ctx) -> Outcome:
        if not ctx.record.has(self.name):
            return _missing(ctx, self.name)
        limit = self.at_least.resolve(ctx)
        if limit is None:
            what = f"council profile has no {self.at_least.profile_key}" \
                if self.at_least.profile_key else "the limit was not found"
            return Outcome(None, [self.at_least.unresolved(ctx, what)])
        v = ctx.record.get(self.name)
        src = f" ({profile_says(ctx, self.at_least.profile_key)})" \
            if self.at_least.profile_key else self.at_least.note(ctx)
        return Outcome(v >= limit, [f"{ctx.label(self.name)}: {v:,}{ctx.where(self.name)}; "
                                    f"threshold {limit:,}{src}"], [self.name])

    def field_names(self):
        return {self.name}


@struct
class Matches(Pred):
    name: str
    pattern: re.Pattern

    def evaluate(self, ctx: Ctx) -> Outcome:
        if not ctx.record.has(self.name):
            return _missing(ctx, self.name)
        v = display_value(ctx.record.get(self.name))
        m = self.pattern.search(v)
        return Outcome(bool(m), [f"{ctx.label(self.name)}: {_short(v)!r}{ctx.where(self.name)}"],
                       [self.name])

    def holds(self, ctx: Ctx) -> bool | None:
        if not ctx.record.has(self.name):
            return None
        return bool(self.pattern.search(display_value(ctx.record.get(self.name))))

    def field_names(self):
        return {self.name}

    def needs(self) -> frozenset[str]:
        return frozenset((self.name,))      # holds is None without it


@struct
class ProfileEquals(Pred):
    key: str
    value: Any

    def evaluate(self, ctx: Ctx) -> Outcome:
        v = profile_lookup(ctx.profile, self.key)
        if v is None:
            return Outcome(None, [f"council profile has no {self.key}"])
        return Outcome(v == self.value, [f"council profile {self.key}: {display_value(v)}"])

    def holds(self, ctx: Ctx) -> bool | None:
        v = profile_lookup(ctx.profile, self.key)
        return None if v is None else v == self.value


@struct
class ProfileSets(Pred):
    """The council profile sets a parameter (``profile_sets: call_in_period``): a rule
    that needs a value only the constitution gives applies only where a profile gives it."""

    key: str

    def evaluate(self, ctx: Ctx) -> Outcome:
        v = profile_lookup(ctx.profile, self.key)
        if v is None:
            return Outcome(False, [f"council profile {ctx.profile.get('name', '?')!r} "
                                   f"does not set {self.key}"])
        return Outcome(True, [f"council profile {self.key}: {display_value(v)}"], quiet=True)

    def holds(self, ctx: Ctx) -> bool | None:
        return profile_lookup(ctx.profile, self.key) is not None


@struct
class RecordKind(Pred):
    kinds: tuple[str, ...]

    def evaluate(self, ctx: Ctx) -> Outcome:
        kind = ctx.record.kind
        return Outcome(kind in self.kinds, [f"a {kind} record"])

    def holds(self, ctx: Ctx) -> bool | None:
        return ctx.record.kind in self.kinds


@struct
class All(Pred):
    items: list[Pred]

    def evaluate(self, ctx: Ctx) -> Outcome:
        outs = [p.evaluate(ctx) for p in self.items]
        fields = [f for o in outs for f in o.fields]
        if any(o.ok is False for o in outs):
            failed = [o for o in outs if o.ok is False]
            return Outcome(False, [r for o in failed for r in o.reasons], fields,
                           line=next((o.line for o in failed if o.line), None))
        if any(o.ok is None for o in outs):
            return Outcome(None, [r for o in outs if o.ok is None for r in o.reasons], fields)
        loud = [o for o in outs if not o.quiet]
        return Outcome(True, [r for o in loud for r in o.reasons],
                       [f for o in loud for f in o.fields])

    def holds(self, ctx: Ctx) -> bool | None:
        unknown = False
        for p in self.items:
            ok = p.holds(ctx)
            if ok is False:
                return False
            if ok is None:
                unknown = True
        return None if unknown else True

    def field_names(self):
        return set().union(*(p.field_names() for p in self.items))

    def needs(self) -> frozenset[str]:
        return frozenset().union(*(p.needs() for p in self.items))


@struct
class Any_(Pred):
    items: list[Pred]

    def evaluate(self, ctx: Ctx) -> Outcome:
        outs = [p.evaluate(ctx) for p in self.items]
        for o in outs:
            if o.ok:
                return o
        fields = [f for o in outs for f in o.fields]
        ok = None if any(o.ok is None for o in outs) else False
        return Outcome(ok, [r for o in outs for r in o.reasons], fields)

    def holds(self, ctx: Ctx) -> bool | None:
        unknown = False
        for p in self.items:
            ok = p.holds(ctx)
            if ok:
                return ok
            if ok is None:
                unknown = True
        return None if unknown else False

    def field_names(self):
        return set().union(*(p.field_names() for p in self.items))

    def needs(self) -> frozenset[str]:
        # every alternative needs it: without it none can hold
        return frozenset.intersection(*(p.needs() for p in self.items)) if self.items \
            else frozenset()


@struct
class Not(Pred):
    item: Pred

    def evaluate(self, ctx: Ctx) -> Outcome:
        o = self.item.evaluate(ctx)
        ok = None if o.ok is None else not o.ok
        return Outcome(ok, o.reasons, o.fields, quiet=bool(ok))

    def holds(self, ctx: Ctx) -> bool | None:
        ok = self.item.holds(ctx)
        return None if ok is None else not ok

    def field_names(self):
        return self.item.field_names()


@struct
class ClearDays(Pred):
    """At least N clear days between two dates, neither end day counted."""

    start: DateRef
    end: DateRef
    at_least: Number
    basis: str | dict  # "calendar" | "working" | {profile: key, default: ...}

    def _basis(self, ctx: Ctx) -> str:
        if isinstance(self.basis, str):
            return self.basis
        v = profile_lookup(ctx.profile, self.basis.get("profile"))
        return v if v in ("calendar", "working") else self.basis.get("default", "calendar")

    def _basis_source(self, ctx: Ctx) -> str:
        """Where the counting basis came from, when a council profile may set it."""
        if isinstance(self.basis, str):
            return ""
        key = self.basis.get("profile")
        v = profile_lookup(ctx.profile, key)
        if v in ("calendar", "working"):
            return f"; counted in {v} days ({profile_says(ctx, key)})"
        return (f"; counted by the default ({self.basis.get('default', 'calendar')} days): "
                f"council profile {ctx.profile.get('name', '?')!r} does not set {key}")

    def evaluate(self, ctx: Ctx) -> Outcome:
        sname, sdate = self.start.resolve(ctx)
        ename, edate = self.end.resolve(ctx)
        if sdate is None:
            return Outcome(None, [f"{self.start.describe()} not found"],
                           [n for n in (ename,) if n])
        if edate is None:
            return Outcome(None, [f"{self.end.describe()} not found"], [sname])
        need = self.at_least.resolve(ctx)
        if need is None:
            return Outcome(None, [self.at_least.unresolved(
                ctx, "required number of days not set in the council profile")])
        need_note = self.at_least.note(ctx)
        basis = self._basis(ctx)
        nation = ctx.record.nation
        cal = calendar.clear_days(sdate, edate)
        work = calendar.clear_working_days(sdate, edate, nation)
        got = work if basis == "working" else cal
        ok = got >= need
        s_l = "today" if sname == "today" else f"{ctx.label(sname)} {sdate.isoformat()}{ctx.where(sname)}"
        e_l = "today" if ename == "today" else f"{ctx.label(ename)} {edate.isoformat()}{ctx.where(ename)}"
        if sdate >= edate:
            counted = f"{e_l} is not after {s_l}: 0 clear days"
            if need_note:
                counted += f", {need} required{need_note}"
        elif basis == "working":
            counted = (f"{s_l}, {e_l}: {work} clear working days (weekends and "
                       f"{NATION_HOLIDAYS[nation]} bank holidays excluded; {cal} clear "
                       f"calendar days), {need} required{need_note}")
        else:
            counted = (f"{s_l}, {e_l}: {cal} clear days ({work} of them working days), "
                       f"{need} required{need_note}")
        reasons = [counted + self._basis_source(ctx)]
        if not ok:
            latest = calendar.latest_date_for_clear_days(
                edate, need, nation=nation, working=(basis == "working"))
            reasons.append(f"for {edate.isoformat()} it had to be on or before "
                           f"{latest.isoformat()}")
        return Outcome(ok, reasons, [n for n in (sname, ename) if n and n != "today"])

    def field_names(self):
        return set(self.start.names) | set(self.end.names) - {"today"}


@struct
class OnOrBefore(Pred):
    """A date falls on or before a deadline computed from another date."""

    date: DateRef
    start: DateRef
    months: Number | None
    days: Number | None
    counting: str  # "after" (start excluded) | "beginning_with" (start included)

    def evaluate(self, ctx: Ctx) -> Outcome:
        dname, d = self.date.resolve(ctx)
        sname, s = self.start.resolve(ctx)
        if s is None:
            return Outcome(None, [f"{self.start.describe()} not found"])
        if d is None:
            return Outcome(None, [f"{self.date.describe()} not found"], [sname])
        months = self.months.resolve(ctx) if self.months else None
        days = self.days.resolve(ctx) if self.days else None
        if months is None and days is None:
            n = self.months or self.days
            return Outcome(None, [n.unresolved(ctx, "the length of the period was not found")],
                           [sname])
        if self.counting == "beginning_with":
            deadline = calendar.end_of_period_beginning_with(s, months=months or 0,
                                                             days=days or 0)
            how = "beginning with"
        else:
            deadline = calendar.last_day_after(s, months=months or 0, days=days or 0)
            how = "after"
        period = (f"{months} month{'s' if months != 1 else ''}" if months
                  else f"{days} day{'s' if days != 1 else ''}")
        period += (self.months or self.days).note(ctx)
        s_l = f"{ctx.label(sname)} {s.isoformat()}{ctx.where(sname)}"
        d_l = ("today " + d.isoformat()) if dname == "today" else \
            f"{ctx.label(dname)} {d.isoformat()}{ctx.where(dname)}"
        ok = d <= deadline
        late = (d - deadline).days
        rel = "on or before" if ok else f"{late} day{'s' if late != 1 else ''} after"
        return Outcome(ok, [f"{s_l}; the period of {period} {how} it ends {deadline.isoformat()}; "
                            f"{d_l} is {rel} that date"],
                       [n for n in (sname, dname) if n and n != "today"])

    def field_names(self):
        names = set(self.date.names) | set(self.start.names)
        for n in (self.months, self.days):
            if n and n.field_name:
                names.add(n.field_name)
        return names - {"today"}


@struct(frozen=True)
class Period:
    """A period of days: ``{days: N, basis: calendar | working}`` (N a number operand),
    or ``{profile: key}``, a council profile value of that shape (``call_in_period``)."""

    days: Number | None = None
    basis: str | None = None
    profile_key: str | None = None

    @classmethod
    def parse(cls, value: Any, loc: tuple) -> "Period":
        if isinstance(value, dict) and "profile" in value:
            from govcheck.engine.profile import PERIOD_KEYS

            _expect_keys(value, loc, {"profile"})
            key = _profile_key(value["profile"], loc + ("profile",))
            if key not in PERIOD_KEYS:
                raise PredicateError(loc + ("profile",), f"profile key {key!r} is not a "
                                     f"period; the periods a profile sets: "
                                     f"{', '.join(PERIOD_KEYS)}")
            return cls(profile_key=key)
        if not isinstance(value, dict):
            raise PredicateError(loc, "period must be {days: N, basis: calendar | working} "
                                 "or {profile: key}")
        _expect_keys(value, loc, {"days", "basis"})
        if value["basis"] not in ("calendar", "working"):
            raise PredicateError(loc + ("basis",), "basis must be calendar or working")
        return cls(days=Number.parse(value["days"], loc + ("days",)), basis=value["basis"])

    def resolve(self, ctx: Ctx) -> tuple[int, str] | None:
        """(number of days, basis), or None when it is not set."""
        if self.profile_key:
            v = profile_lookup(ctx.profile, self.profile_key)
            if isinstance(v, dict) and isinstance(v.get("days"), int) \
                    and not isinstance(v.get("days"), bool) \
                    and v.get("basis") in ("calendar", "working"):
                return v["days"], v["basis"]
            return None
        n = self.days.resolve(ctx)
        return None if n is None or n < 0 else (n, self.basis)

    def label(self) -> str:
        return self.profile_key.replace("_", " ") if self.profile_key else "period"

    def source(self, ctx: Ctx) -> str:
        """Where the period came from: the council profile (its name and the page the
        value was taken from) or the dated parameter."""
        if self.profile_key:
            name = ctx.profile.get("name", "?")
            src = (ctx.profile.get("sources") or {}).get(self.profile_key.split(".")[0])
            n, basis = self.resolve(ctx)
            return (f" (council profile {name!r}: {self.profile_key} = {n} {basis} "
                    f"day{'s' if n != 1 else ''}" + (f", from {src}" if src else "") + ")")
        return self.days.note(ctx)

    def unresolved(self, ctx: Ctx) -> str:
        if self.profile_key:
            return (f"council profile {ctx.profile.get('name', '?')!r} does not set "
                    f"{self.profile_key}")
        return self.days.unresolved(ctx, "the length of the period was not found")

    def field_names(self) -> set[str]:
        return {self.days.field_name} if self.days and self.days.field_name else set()


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@struct
class OnOrAfter(Pred):
    """A date is not earlier than the end of a period of N calendar or working days
    after another date (that day not counted): on or after the period's last day
    (``day: last``), or after it (``day: after_last``)."""

    date: DateRef
    start: DateRef
    period: Period
    day: str  # "last" | "after_last"

    def evaluate(self, ctx: Ctx) -> Outcome:
        sname, s = self.start.resolve(ctx)
        if s is None:
            return Outcome(None, [f"{self.start.describe()} not found"])
        dname, d = self.date.resolve(ctx)
        if d is None:
            return Outcome(None, [f"{self.date.describe()} not found"], [sname])
        got = self.period.resolve(ctx)
        if got is None:
            return Outcome(None, [self.period.unresolved(ctx)], [sname, dname])
        n, basis = got
        nation = ctx.record.nation
        s_short = "today" if sname == "today" else ctx.label(sname)
        s_l = "today " + s.isoformat() if sname == "today" else \
            f"{ctx.label(sname)} {s.isoformat()}{ctx.where(sname)}"
        d_l = "today " + d.isoformat() if dname == "today" else \
            f"{ctx.label(dname)} {d.isoformat()}{ctx.where(dname)}"
        days = f"{n} {basis} day{'s' if n != 1 else ''}"
        if n == 0:
            last, counted = s, f"a period of no days ends on {s_short} itself"
        elif basis == "working":
            last = calendar.working_days_after(s, n, nation)
            counted = (f"its last day is {last.isoformat()}, the {_ordinal(n)} working day "
                       f"after {s_short} (that day not counted; weekends and "
                       f"{NATION_HOLIDAYS[nation]} bank holidays excluded)")
        else:
            last = calendar.last_day_after(s, days=n)
            counted = (f"its last day is {last.isoformat()}, the {_ordinal(n)} day after "
                       f"{s_short} (that day not counted)")
        if self.day == "after_last":
            earliest = last + dt.timedelta(days=1)
            which = "the day after the period ends"
        else:
            earliest = last
            which = "the period's last day"
        ok = d >= earliest
        early = (earliest - d).days
        rel = "on or after it" if ok else f"{early} day{'s' if early != 1 else ''} before it"
        reason = (f"{s_l}; {self.period.label()} {days}{self.period.source(ctx)}; {counted}; "
                  f"the earliest date allowed for {ctx.label(dname) if dname != 'today' else 'today'} "
                  f"is {earliest.isoformat()} ({which}); {d_l} is {rel}")
        return Outcome(ok, [reason], [x for x in (dname, sname) if x and x != "today"])

    def field_names(self):
        return (set(self.date.names) | set(self.start.names)
                | self.period.field_names()) - {"today"}


# --------------------------------------------------------------------------- parsing

def _check_field(name: Any, loc: tuple) -> str:
    if not isinstance(name, str):
        raise PredicateError(loc, "field must be a single field name")
    return _field_names(name, loc)[0]


def _values(obj: Any, loc: tuple) -> tuple:
    if not isinstance(obj, list) or not obj:
        raise PredicateError(loc, "values must be a non-empty list")
    return tuple(str(v) if not isinstance(v, bool) else v for v in obj)


def _parse_equals(a, loc):
    _expect_keys(a, loc, {"field", "value"})
    name = _check_field(a["field"], loc + ("field",))
    value = a["value"]
    spec = FIELDS[name]
    if spec.type == "bool" and not isinstance(value, bool):
        raise PredicateError(loc + ("value",), f"{name} is true/false; got {value!r}")
    if spec.type == "enum" and value not in spec.choices:
        raise PredicateError(loc + ("value",),
                             f"{name} is one of {', '.join(spec.choices)}; got {value!r}")
    return Equals(name, value)


def _parse_in(a, loc):
    _expect_keys(a, loc, {"field", "values"})
    name = _check_field(a["field"], loc + ("field",))
    values = _values(a["values"], loc + ("values",))
    spec = FIELDS[name]
    if spec.type == "enum":
        for v in values:
            if v not in spec.choices:
                raise PredicateError(loc + ("values",),
                                     f"{name} is one of {', '.join(spec.choices)}; got {v!r}")
    return In(name, values)


def _parse_list_pred(cls, key):
    def parse(a, loc):
        _expect_keys(a, loc, {"field", key})
        name = _check_field(a["field"], loc + ("field",))
        if FIELDS[name].type != "list":
            raise PredicateError(loc + ("field",), f"field {name!r} is not a list field")
        return cls(name, _values(a[key], loc + (key,)))
    return parse


def _parse_shares_item(a, loc):
    _expect_keys(a, loc, {"field", "with"})
    names = []
    for key in ("field", "with"):
        name = _check_field(a[key], loc + (key,))
        if FIELDS[name].type != "list":
            raise PredicateError(loc + (key,), f"field {name!r} is not a list field")
        names.append(name)
    return SharesItem(*names)


def _parse_count(a, loc):
    _expect_keys(a, loc, {"field", "at_least"})
    name = _check_field(a["field"], loc + ("field",))
    if FIELDS[name].type not in ("list", "recs"):
        raise PredicateError(loc + ("field",), f"field {name!r} is not a list field")
    n = a["at_least"]
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise PredicateError(loc + ("at_least",), "at_least must be a whole number")
    return CountAtLeast(name, n)


def _parse_every_item(a, loc):
    from govcheck.fields import AGENDA_ITEM_KEYS

    _expect_keys(a, loc, {"field", "present"}, {"where"})
    name = _check_field(a["field"], loc + ("field",))
    if FIELDS[name].type != "items":
        raise PredicateError(loc + ("field",), f"field {name!r} is not a list of items")
    where = a.get("where") or {}
    if not isinstance(where, dict):
        raise PredicateError(loc + ("where",), "where must map item keys to values")
    present = a["present"]
    present = (present,) if isinstance(present, str) else tuple(present or ())
    for k in list(where) + list(present):
        if k not in AGENDA_ITEM_KEYS:
            from govcheck.records import suggest

            raise PredicateError(loc, f"unknown item key {k!r}{suggest(str(k), AGENDA_ITEM_KEYS)}")
    if not present:
        raise PredicateError(loc + ("present",), "name at least one item key")
    return EveryItem(name, where, present)


def _parse_no_item(a, loc):
    from govcheck.fields import AGENDA_ITEM_KEYS

    _expect_keys(a, loc, {"field", "where"})
    name = _check_field(a["field"], loc + ("field",))
    if FIELDS[name].type != "items":
        raise PredicateError(loc + ("field",), f"field {name!r} is not a list of items")
    where = a["where"]
    if not isinstance(where, dict) or not where:
        raise PredicateError(loc + ("where",), "where must map item keys to values")
    for k in where:
        if k not in AGENDA_ITEM_KEYS:
            from govcheck.records import suggest

            raise PredicateError(loc, f"unknown item key {k!r}{suggest(str(k), AGENDA_ITEM_KEYS)}")
    return NoItem(name, where)


def _parse_number_at_least(a, loc):
    _expect_keys(a, loc, {"field", "at_least"})
    name = _check_field(a["field"], loc + ("field",))
    if FIELDS[name].type != "int":
        raise PredicateError(loc + ("field",), f"field {name!r} is not a number field")
    return NumberAtLeast(name, Number.parse(a["at_least"], loc + ("at_least",)))


def _parse_matches(a, loc):
    _expect_keys(a, loc, {"field", "pattern"})
    name = _check_field(a["field"], loc + ("field",))
    pattern = a["pattern"]
    if not isinstance(pattern, str) or len(pattern) > 200:
        raise PredicateError(loc + ("pattern",), "pattern must be a string of at most 200 characters")
    try:
        compiled = recache.compile(pattern, re.IGNORECASE)
    except re.error as e:
        raise PredicateError(loc + ("pattern",), f"invalid pattern: {e}") from None
    return Matches(name, compiled)


def _parse_profile_equals(a, loc):
    from govcheck.engine.profile import profile_choices

    _expect_keys(a, loc, {"key", "value"})
    key = _profile_key(a["key"], loc + ("key",))
    choices = profile_choices(key)
    if choices and a["value"] not in choices:
        raise PredicateError(loc + ("value",), f"profile {key} is one of "
                             f"{', '.join(map(str, choices))}; got {a['value']!r}")
    return ProfileEquals(key, a["value"])


def _parse_profile_sets(a, loc):
    return ProfileSets(_profile_key(a, loc))


def _parse_clear_days(a, loc):
    _expect_keys(a, loc, {"from", "to", "at_least"}, {"basis"})
    basis = a.get("basis", "calendar")
    if isinstance(basis, dict):
        _expect_keys(basis, loc + ("basis",), {"profile"}, {"default"})
        _profile_key(basis["profile"], loc + ("basis", "profile"))
        if basis.get("default", "calendar") not in ("calendar", "working"):
            raise PredicateError(loc + ("basis",), "default must be calendar or working")
    elif basis not in ("calendar", "working"):
        raise PredicateError(loc + ("basis",), "basis must be calendar, working or {profile: key}")
    return ClearDays(DateRef.parse(a["from"], loc + ("from",)),
                     DateRef.parse(a["to"], loc + ("to",)),
                     Number.parse(a["at_least"], loc + ("at_least",)), basis)


def _parse_on_or_before(a, loc):
    _expect_keys(a, loc, {"date", "deadline"})
    dl = a["deadline"]
    dloc = loc + ("deadline",)
    _expect_keys(dl, dloc, {"from"}, {"months", "days", "counting"})
    if ("months" in dl) == ("days" in dl):
        raise PredicateError(dloc, "give exactly one of months or days")
    counting = dl.get("counting", "after")
    if counting not in ("after", "beginning_with"):
        raise PredicateError(dloc + ("counting",), "counting must be after or beginning_with")
    return OnOrBefore(DateRef.parse(a["date"], loc + ("date",)),
                      DateRef.parse(dl["from"], dloc + ("from",)),
                      Number.parse(dl["months"], dloc + ("months",)) if "months" in dl else None,
                      Number.parse(dl["days"], dloc + ("days",)) if "days" in dl else None,
                      counting)


def _parse_on_or_after(a, loc):
    _expect_keys(a, loc, {"date", "earliest"})
    e = a["earliest"]
    eloc = loc + ("earliest",)
    _expect_keys(e, eloc, {"from", "period", "day"})
    if e["day"] not in ("last", "after_last"):
        raise PredicateError(eloc + ("day",), "day must be last (the period's last day "
                             "is allowed) or after_last (only the day after it)")
    return OnOrAfter(DateRef.parse(a["date"], loc + ("date",)),
                     DateRef.parse(e["from"], eloc + ("from",)),
                     Period.parse(e["period"], eloc + ("period",)), e["day"])


def _parse_record_kind(a, loc):
    from govcheck.model import RECORD_KINDS

    kinds = (a,) if isinstance(a, str) else tuple(a) if isinstance(a, list) else ()
    if not kinds or any(k not in RECORD_KINDS for k in kinds):
        raise PredicateError(loc, f"record_kind takes one or more of {', '.join(RECORD_KINDS)}")
    return RecordKind(kinds)


def _parse_present(want):
    def parse(a, loc):
        return Present(_field_names(a, loc), want)
    return parse


def _parse_group(cls):
    def parse(a, loc):
        if not isinstance(a, list) or not a:
            raise PredicateError(loc, "expected a non-empty list of conditions")
        return cls([parse_predicate(x, loc + (i,)) for i, x in enumerate(a)])
    return parse


_PARSERS = {
    "present": _parse_present(True),
    "absent": _parse_present(False),
    "equals": _parse_equals,
    "in": _parse_in,
    "contains_any": _parse_list_pred(ContainsAny, "values"),
    "subset": _parse_list_pred(Subset, "of"),
    "shares_item": _parse_shares_item,
    "count_at_least": _parse_count,
    "every_item": _parse_every_item,
    "no_item": _parse_no_item,
    "number_at_least": _parse_number_at_least,
    "matches": _parse_matches,
    "profile_equals": _parse_profile_equals,
    "profile_sets": _parse_profile_sets,
    "record_kind": _parse_record_kind,
    "clear_days": _parse_clear_days,
    "on_or_before": _parse_on_or_before,
    "on_or_after": _parse_on_or_after,
    "all": _parse_group(All),
    "any": _parse_group(Any_),
    "not": lambda a, loc: Not(parse_predicate(a, loc)),
}
VOCABULARY = tuple(_PARSERS)


# Named conditions shared by several rules (rules/conditions.yaml), set by the loader
# while it compiles a rule; ``use: NAME`` refers to one.
SHARED: ContextVar[dict] = ContextVar("govcheck_shared_conditions", default={})


@struct
class Use(Pred):
    """A shared condition (``use: NAME``), evaluated once per record however many rules
    use it."""

    name: str
    pred: Pred

    def evaluate(self, ctx: Ctx) -> Outcome:
        memo = ctx.memo
        if memo is None:
            return self.pred.evaluate(ctx)
        got = memo.get(self.name)
        if got is None:
            got = memo[self.name] = self.pred.evaluate(ctx)
        return got

    def holds(self, ctx: Ctx) -> bool | None:
        memo = ctx.memo
        if memo is None:
            return self.pred.holds(ctx)
        got = memo.get(self.name)
        if got is not None:
            return got.ok
        key = (self.name,)          # the answer alone, beside the full outcome
        if key not in memo:
            memo[key] = self.pred.holds(ctx)
        return memo[key]

    def field_names(self):
        return self.pred.field_names()

    def needs(self) -> frozenset[str]:
        return self.pred.needs()


def _parse_use(a, loc):
    if not isinstance(a, str):
        raise PredicateError(loc, "use takes the name of a shared condition")
    pred = SHARED.get().get(a)
    if pred is None:
        from govcheck.records import suggest

        raise PredicateError(loc, f"unknown shared condition {a!r}"
                             f"{suggest(a, SHARED.get())} (see rules/conditions.yaml)")
    return Use(a, pred)


_PARSERS["use"] = _parse_use
VOCABULARY = tuple(_PARSERS)


def parse_predicate(obj: Any, loc: tuple = ()) -> Pred:
    """Compile one predicate mapping; PredicateError (with key path) if it is not valid."""
    if not isinstance(obj, dict) or len(obj) != 1:
        raise PredicateError(loc, "a condition is a mapping with exactly one of: "
                             + ", ".join(VOCABULARY))
    (key, arg), = obj.items()
    parser = _PARSERS.get(key)
    if parser is None:
        from govcheck.records import suggest

        raise PredicateError(loc + (key,), f"unknown condition {key!r}{suggest(str(key), VOCABULARY)}"
                             f"; the vocabulary is: {', '.join(VOCABULARY)}")
    return parser(arg, loc + (key,))
