"""Rule schema and rule-pack loader.

A rule is one YAML file (see docs/rules.md).  Files are parsed with the safe loader
(no code, no aliases, no duplicate keys), validated by the pydantic schema
(engine/schema.py), and their conditions compiled into the closed predicate vocabulary.  Any error names the
file and line.  A pack is loaded once per run.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from govcheck import recache
from govcheck.engine.predicates import Pred, PredicateError, parse_predicate
from govcheck.model import Citation, Severity
from govcheck.struct import field as dataclass_field
from govcheck.struct import struct
from govcheck.yamlsafe import shown_path

FAMILIES = {
    "KD": "key decisions and their notice",
    "UR": "general exception and special urgency",
    "PM": "private meetings",
    "EX": "exempt information",
    "CI": "call-in",
    "AG": "agenda publication and late items",
    "DL": "statutory deadlines",
    "RC": "report content",
    "DR": "decision records",
    "GC": "govcheck itself",
}
CODE_RE = recache.compile(r"^(%s)\d{3}$" % "|".join(FAMILIES))
NAME_RE = recache.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
PARAMETER_RE = recache.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
LEGISLATION = "https://www.legislation.gov.uk/"


class RuleError(Exception):
    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


# The rule as the engine uses it: plain data, built from the schema's validated output
# (engine/schema.py, pydantic, run when a rule file is read) or from the cache, so that a
# warm run needs no pydantic.

@struct(frozen=True)
class Effective:
    from_: dt.date
    to: dt.date | None = None

    def covers(self, d: dt.date) -> bool:
        return self.from_ <= d and (self.to is None or d <= self.to)

    def __str__(self) -> str:
        return f"{self.from_.isoformat()} to {self.to.isoformat() if self.to else 'date'}"


@struct(frozen=True)
class ParameterValue:
    """One value of a dated parameter: it applies to records dated from ``from`` until
    the next value's ``from``, as the law said then (``source``)."""

    from_: dt.date
    value: int
    source: str
    url: str | None = None


@struct(frozen=True)
class Parameter:
    """A number the law has changed over time (OpenFisca-style): one rule, dated values."""

    description: str
    values: list[ParameterValue]

    def at(self, d: dt.date) -> tuple[ParameterValue, dt.date | None] | None:
        """The value that applies on ``d`` and the last day it applies (None: still in
        force), or None if ``d`` is before the first value."""
        hit = None
        for i, v in enumerate(self.values):
            if v.from_ > d:
                break
            nxt = self.values[i + 1].from_ if i + 1 < len(self.values) else None
            hit = (v, nxt - dt.timedelta(days=1) if nxt else None)
        return hit


@struct(frozen=True)
class ExceptionSpec:
    name: str
    title: str
    citation: Citation
    claimed: dict
    evidence: dict


@struct(frozen=True)
class UncertainSpec:
    """Where the record cannot show the breach for certain, the finding is raised at a
    lower severity, with why."""

    name: str
    severity: Severity
    when: dict
    why: str


@struct(frozen=True)
class Case:
    name: str
    expect: str
    record: dict
    severity: Severity | None = None     # a breach's expected severity (see 'uncertain')
    exception: str | None = None
    as_of: dt.date | None = None
    profile: dict = dataclass_field(default_factory=dict)
    message_contains: list[str] = dataclass_field(default_factory=list)


@struct(frozen=True)
class RuleSpec:
    id: str
    name: str
    title: str
    severity: Severity
    applies_to: list[str]
    jurisdictions: list[str]
    effective: Effective
    citation: Citation
    description: str
    why: str
    message: str
    fix: str
    law_status: str = "verified"
    builtin: bool = False
    parameters: dict[str, Parameter] = dataclass_field(default_factory=dict)
    when: dict | None = None
    require: dict | None = None
    exceptions: list[ExceptionSpec] = dataclass_field(default_factory=list)
    uncertain: list[UncertainSpec] = dataclass_field(default_factory=list)
    cases: list[Case] = dataclass_field(default_factory=list)


@struct
class CompiledException:
    spec: ExceptionSpec
    claimed: Pred
    evidence: Pred


@struct
class Rule:
    spec: RuleSpec
    path: str            # as shown to the user
    line_of: Any
    when: Pred | None
    require: Pred | None
    exceptions: list[CompiledException]
    source: Path | None = None                           # the file, for the cache
    lines: dict = dataclass_field(default_factory=dict)  # key path -> line, for the cache
    uncertain: list = dataclass_field(default_factory=list)  # (UncertainSpec, Pred)
    data: dict | None = None    # the validated spec as JSON data, for the cache

    @property
    def code(self) -> str:
        return self.spec.id

    @property
    def needs(self) -> frozenset[str]:
        """The fields a record must have for the rule to apply (``when.needs()``, worked
        out once): the engine passes over a record that lacks one without evaluating."""
        got = self.__dict__.get("_needs")
        if got is None:
            got = self.__dict__["_needs"] = \
                self.when.needs() if self.when is not None else frozenset()
        return got

    @property
    def name(self) -> str:
        return self.spec.name

    def applies(self, kind: str, nation: str, on: dt.date) -> bool:
        s = self.spec
        return (not s.builtin and kind in s.applies_to and nation in s.jurisdictions
                and s.effective.covers(on))


CONDITIONS_FILE = "conditions.yaml"


def load_conditions(root: Path) -> dict:
    """The named conditions in ``root/conditions.yaml`` (``use: NAME`` in a rule), each
    ``NAME: {description, condition, citation: [...]}``; a condition may use earlier ones."""
    return compile_conditions(*read_conditions(root))


def read_conditions(root: Path) -> tuple[dict, str, Any]:
    """``conditions.yaml`` parsed and checked: ``(data, shown path, line_of)``; empty when
    there is none."""
    p = root / CONDITIONS_FILE
    if not p.is_file():
        return {}, "", lambda loc: 1
    from govcheck.yamlsafe import YamlError, load_yaml

    shown = shown_path(p)
    try:
        loaded = load_yaml(p.read_text(encoding="utf-8"), shown)
    except YamlError as e:
        raise RuleError(shown, e.line, e.message) from None
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(shown, 1, f"cannot read: {e}") from None
    if not isinstance(loaded.data, dict):
        raise RuleError(shown, 1, "conditions.yaml maps names to {description, condition}")
    for name, entry in loaded.data.items():
        line = loaded.line_of((name,))
        if not NAME_RE.match(str(name)):
            raise RuleError(shown, line, f"condition name {name!r} must be kebab-case")
        if not isinstance(entry, dict) or not {"description", "condition"} <= set(entry) \
                or set(entry) - {"description", "condition", "citation"}:
            raise RuleError(shown, line, f"{name}: give description, condition and "
                            "(optionally) citation")
        from govcheck.engine import schema

        problem = schema.citation_problem(entry.get("citation") or [])
        if problem:
            raise RuleError(shown, line, f"{name}: citation: {problem}")
    return loaded.data, shown, loaded.line_of


def compile_conditions(data: dict, shown: str = "", line_of=lambda loc: 1) -> dict:
    """The conditions' predicates, compiled in order (one may use those before it)."""
    from govcheck.engine.predicates import SHARED

    out: dict = {}
    for name, entry in data.items():
        token = SHARED.set(out)
        try:
            out[name] = parse_predicate(entry["condition"], (name, "condition"))
        except PredicateError as e:
            raise RuleError(shown, line_of(e.loc), e.message) from None
        finally:
            SHARED.reset(token)
    return out


def _check_parameters(spec: RuleSpec, path: str, line_of, used: set) -> None:
    """Every parameter is used by a condition and has a value for every day the rule is
    in force (a value dated after the rule's end would never apply)."""
    eff = spec.effective
    for name, param in spec.parameters.items():
        if name not in used:
            raise RuleError(path, line_of(("parameters", name)),
                            f"parameter {name!r} is declared but no condition reads it "
                            f"(at_least: {{parameter: {name}}})")
        first = param.values[0].from_
        if first > eff.from_:
            raise RuleError(path, line_of(("parameters", name, "values", 0, "from")),
                            f"parameter {name!r} has no value from {eff.from_.isoformat()} "
                            f"(the rule's effective.from) until {first.isoformat()}")
        for i, v in enumerate(param.values):
            if eff.to is not None and v.from_ > eff.to:
                raise RuleError(path, line_of(("parameters", name, "values", i, "from")),
                                f"parameter {name!r}: a value from {v.from_.isoformat()} "
                                f"is after the rule's effective.to {eff.to.isoformat()}")


def _compile(spec: RuleSpec, path: str, loaded, source: Path | None = None,
             shared: dict | None = None, data: dict | None = None) -> Rule:
    from govcheck.engine.predicates import PARAMETERS, PARAMETERS_USED, SHARED

    if shared is None:
        shared = _bundled_conditions()
    used: set = set()

    def comp(obj, loc):
        tokens = (SHARED.set(shared), PARAMETERS.set(spec.parameters or {}),
                  PARAMETERS_USED.set(used))
        try:
            return parse_predicate(obj, loc)
        except PredicateError as e:
            raise RuleError(path, loaded.line_of(e.loc), e.message) from None
        finally:
            for var, token in zip((SHARED, PARAMETERS, PARAMETERS_USED), tokens):
                var.reset(token)

    when = comp(spec.when, ("when",)) if spec.when is not None else None
    require = comp(spec.require, ("require",)) if spec.require is not None else None
    excs = [CompiledException(e, comp(e.claimed, ("exceptions", i, "claimed")),
                              comp(e.evidence, ("exceptions", i, "evidence")))
            for i, e in enumerate(spec.exceptions)]
    unc = [(u, comp(u.when, ("uncertain", i, "when")))
           for i, u in enumerate(spec.uncertain or [])]
    _check_parameters(spec, path, loaded.line_of, used)
    return Rule(spec, path, loaded.line_of, when, require, excs, source, loaded.lines, unc,
                data)


def _bundled_conditions() -> dict:
    try:
        return load_conditions(default_rules_dir())
    except RuleError:
        return {}


def load_rule_file(path: Path, shown: str | None = None, text: str | None = None,
                   shared: dict | None = None) -> Rule:
    shown = shown or str(path)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise RuleError(shown, 1, f"cannot read rule file: {e}") from None
    from govcheck.engine import schema
    from govcheck.yamlsafe import YamlError, load_yaml

    try:
        loaded = load_yaml(text, shown)
    except YamlError as e:
        raise RuleError(shown, e.line, e.message) from None
    if not isinstance(loaded.data, dict):
        raise RuleError(shown, 1, "a rule file must be a mapping")
    try:
        data = schema.validate_rule(loaded.data)
    except schema.SchemaError as e:
        raise RuleError(shown, loaded.line_of(e.loc), e.message) from None
    return _compile(_construct_spec(data), shown, loaded, path, shared, data)


class CachedRule(Rule):
    """A rule from the cache: validated when it was cached, so no schema check now, and
    its predicates compiled when first used.  A check uses the rules in force for the
    kinds of record it reads (a third of the pack for a one-file check)."""

    _LAZY = frozenset({"when", "require", "exceptions", "uncertain"})

    def __init__(self, spec: RuleSpec, path: str, loaded, source: Path, shared: dict,
                 data: dict):
        object.__setattr__(self, "_pending", (loaded, shared))
        self.spec, self.path, self.line_of = spec, path, loaded.line_of
        self.source, self.lines, self.data = source, loaded.lines, data

    def __getattr__(self, name: str):
        # only for an attribute not yet set: the compiled predicates
        pending = self.__dict__.get("_pending")
        if name not in CachedRule._LAZY or pending is None:
            raise AttributeError(name)
        loaded, shared = pending
        full = _compile(self.spec, self.path, loaded, self.source, shared, self.data)
        for attr in CachedRule._LAZY:
            setattr(self, attr, getattr(full, attr))
        del self.__dict__["_pending"]
        return getattr(self, name)


def _compile_cached(data: dict, path: str, lines: dict, shared: dict, side) -> Rule:
    """A rule from the cache (:class:`CachedRule`); its cases are read from the cache's
    side file when first used (``side``: the file and the rule's place in it)."""
    from govcheck.engine.rulecache import LazyCases
    from govcheck.yamlsafe import Loaded

    spec = _construct_spec(data, LazyCases(*side, _construct_cases))
    return CachedRule(spec, shown_path(path), Loaded(None, lines), path, shared, data)


def _construct_cases(cases: list[dict]) -> list[Case]:
    date = dt.date.fromisoformat
    return [Case(name=c["name"], expect=c["expect"], record=c["record"],
                 severity=Severity(c["severity"]) if c.get("severity") else None,
                 exception=c.get("exception"),
                 as_of=date(c["as_of"]) if c.get("as_of") else None,
                 profile=c.get("profile") or {},
                 message_contains=list(c.get("message_contains") or []))
            for c in cases]


def _construct_spec(d: dict, cases=None) -> RuleSpec:
    """The engine's rule from the schema's JSON output (as validated, or as cached:
    then ``cases`` gives the cases, kept apart)."""
    date = dt.date.fromisoformat

    def cit(c: dict) -> Citation:
        return Citation(c["instrument"], c["provision"], c["url"])

    return RuleSpec(
        id=d["id"], name=d["name"], title=d["title"], severity=Severity(d["severity"]),
        applies_to=list(d["applies_to"]), jurisdictions=list(d["jurisdictions"]),
        effective=Effective(date(d["effective"]["from_"]),
                            date(d["effective"]["to"]) if d["effective"]["to"] else None),
        citation=cit(d["citation"]), law_status=d["law_status"], builtin=d["builtin"],
        description=d["description"], why=d["why"], message=d["message"], fix=d["fix"],
        parameters={name: Parameter(p["description"], [
            ParameterValue(date(v["from_"]), v["value"], v["source"], v.get("url"))
            for v in p["values"]]) for name, p in (d.get("parameters") or {}).items()},
        when=d.get("when"), require=d.get("require"),
        exceptions=[ExceptionSpec(e["name"], e["title"], cit(e["citation"]), e["claimed"],
                                  e["evidence"]) for e in d["exceptions"]],
        uncertain=[UncertainSpec(u["name"], Severity(u["severity"]), u["when"], u["why"])
                   for u in d.get("uncertain") or []],
        cases=_construct_cases(d["cases"]) if cases is None else cases,
    )


def default_rules_dir() -> Path:
    """The bundled rules: govcheck/rules in an installed wheel, rules/ in a checkout."""
    import govcheck

    here = Path(govcheck.__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if (candidate / "england").is_dir():
            return candidate
    raise RuleError(str(here / "rules"), 1, "bundled rule pack not found: reinstall govcheck")


def _rule_files(root: Path) -> list[Path]:
    """The rule files of a pack: every ``*.yaml`` under ``root`` except the profiles,
    the vocabulary and the shared conditions, in path order."""
    out = []
    top = os.fspath(root)
    for d, dirs, names in os.walk(top):
        if d == top:
            dirs[:] = [x for x in dirs if x not in ("profiles", "vocabulary")]
        out += [os.path.join(d, n) for n in names
                if n.endswith(".yaml") and not (d == top and n == CONDITIONS_FILE)]
    return [Path(p) for p in sorted(out, key=lambda p: Path(p).parts)]


class RulePack:
    """Every rule version, validated once per run."""

    def __init__(self, rules: list[Rule], root: Path):
        self.rules = sorted(rules, key=lambda r: (r.code, r.spec.effective.from_))
        self.root = root
        self.by_code: dict[str, list[Rule]] = {}
        # the rules that can apply to a kind of record in a nation, in pack order: a record
        # is checked only against those, then by date
        self._by_kind_nation: dict[tuple[str, str], list[Rule]] = {}
        for r in self.rules:
            self.by_code.setdefault(r.code, []).append(r)
            if r.spec.builtin:
                continue
            for kind in r.spec.applies_to:
                for nation in r.spec.jurisdictions:
                    self._by_kind_nation.setdefault((kind, nation), []).append(r)
        self._check_versions()

    def _check_versions(self) -> None:
        names: dict[str, str] = {}
        for code, versions in self.by_code.items():
            for r in versions:
                if r.name != versions[0].name:
                    raise RuleError(r.path, 1, f"{code} is named {versions[0].name!r} in "
                                    f"{versions[0].path}; every version must keep its name")
            for a, b in zip(versions, versions[1:]):
                if a.spec.effective.to is None or a.spec.effective.to >= b.spec.effective.from_:
                    raise RuleError(b.path, b.line_of(("effective",)),
                                    f"{code}: in-force period overlaps the version in {a.path}")
            other = names.setdefault(versions[0].name, code)
            if other != code:
                raise RuleError(versions[0].path, 1,
                                f"name {versions[0].name!r} is already used by {other}")

    @classmethod
    def load(cls, root: Path | None = None) -> "RulePack":
        root = Path(root) if root else default_rules_dir()
        if not root.is_dir():
            raise RuleError(str(root), 1, "rules directory not found")
        files = _rule_files(root)
        if not files:
            raise RuleError(str(root), 1, "no rule files found")
        from govcheck.engine import rulecache

        cond = root / CONDITIONS_FILE
        key = rulecache.key(root, files + ([cond] if cond.is_file() else []))
        # a warm cache holds the conditions too: no rule file is read, no YAML parsed
        rules = rulecache.read(key, root, compile_conditions, _compile_cached)
        if rules is None:
            texts = []
            for p in files:
                try:
                    texts.append(p.read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError) as e:
                    raise RuleError(shown_path(p), 1, f"cannot read rule file: {e}") from None
            data, shown, line_of = read_conditions(root)
            shared = compile_conditions(data, shown, line_of)
            rules = [load_rule_file(p, shown_path(p), t, shared) for p, t in zip(files, texts)]
            rulecache.write(key, root, rules, data)
        return cls(rules, root)

    def latest(self) -> list[Rule]:
        """One entry per code: the most recent version."""
        return [versions[-1] for versions in self.by_code.values()]

    def find(self, code_or_name: str) -> list[Rule]:
        key = code_or_name.strip()
        if key.upper() in self.by_code:
            return self.by_code[key.upper()]
        return [r for r in self.rules if r.name == key.lower()]

    def in_force(self, kind: str, nation: str, on: dt.date) -> list[Rule]:
        return [r for r in self._by_kind_nation.get((kind, nation), ())
                if r.spec.effective.covers(on)]
