"""The rule schema: pydantic models that validate a rule file, imported only when a
rule file is read (a cache miss), never on a warm run.

:func:`validate_rule` returns the rule as JSON data (what the cache stores and
:func:`govcheck.engine.rules._construct_spec` turns into the engine's rule), or raises
:class:`SchemaError` with the key path of the first problem.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import (BaseModel, ConfigDict, Field, StrictInt, ValidationError, field_validator,
                      model_validator)

from govcheck.engine.rules import CODE_RE, FAMILIES, LEGISLATION, NAME_RE, PARAMETER_RE
from govcheck.model import Severity


class SchemaError(Exception):
    def __init__(self, loc: tuple, message: str):
        super().__init__(message)
        self.loc, self.message = loc, message


class Citation(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    instrument: str
    provision: str
    url: str


class _Strict(BaseModel):
    # the schema is built only when a rule file is validated (not on a cache hit)
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Effective(_Strict):
    from_: dt.date = Field(alias="from")
    to: dt.date | None = None

    def covers(self, d: dt.date) -> bool:
        return self.from_ <= d and (self.to is None or d <= self.to)

    def __str__(self) -> str:
        return f"{self.from_.isoformat()} to {self.to.isoformat() if self.to else 'date'}"


class ParameterValue(_Strict):
    """One value of a dated parameter: it applies to records dated from ``from`` until
    the next value's ``from``, as the law said then (``source``)."""

    from_: dt.date = Field(alias="from")
    value: StrictInt = Field(ge=0)
    source: str = Field(min_length=1)
    url: str | None = None

    @field_validator("url")
    @classmethod
    def _legislation(cls, v: str | None) -> str | None:
        if v is not None and not v.startswith(LEGISLATION):
            raise ValueError(f"url must be a {LEGISLATION} address")
        return v


class Parameter(_Strict):
    """A number the law has changed over time (OpenFisca-style): one rule, dated values."""

    description: str = Field(min_length=1)
    values: list[ParameterValue] = Field(min_length=1)

    @field_validator("values")
    @classmethod
    def _ascending(cls, v: list[ParameterValue]) -> list[ParameterValue]:
        for a, b in zip(v, v[1:]):
            if b.from_ <= a.from_:
                raise ValueError(f"values must be in date order, each 'from' after the one "
                                 f"before ({b.from_.isoformat()} is not after "
                                 f"{a.from_.isoformat()})")
        return v


class ExceptionSpec(_Strict):
    name: str
    title: str
    citation: Citation
    claimed: dict
    evidence: dict

    @field_validator("name")
    @classmethod
    def _kebab(cls, v: str) -> str:
        if not NAME_RE.match(v):
            raise ValueError("exception name must be kebab-case")
        return v


class UncertainSpec(_Strict):
    """Where the record cannot show the breach for certain, the finding is raised at a
    lower severity, with why: a notice whose decision date may still move, urgency relied
    on without the route being named, reasons kept on a page that was not read."""

    name: str
    severity: Severity
    when: dict
    why: str

    @field_validator("name")
    @classmethod
    def _kebab(cls, v: str) -> str:
        if not NAME_RE.match(v):
            raise ValueError("name must be kebab-case")
        return v


class Case(_Strict):
    name: str
    expect: Literal["breach", "pass", "covered", "not_applicable"]
    severity: Severity | None = None     # a breach's expected severity (see 'uncertain')
    exception: str | None = None
    as_of: dt.date | None = None
    profile: dict = Field(default_factory=dict)
    message_contains: list[str] = Field(default_factory=list)
    record: dict

    @field_validator("profile")
    @classmethod
    def _profile_keys(cls, v: dict) -> dict:
        """Profile overrides follow the profile schema (a misspelt key would otherwise
        test the rule's default instead of the override)."""
        from govcheck.engine.profile import ProfileError, validate_profile

        base = {"name": "case", "nation": "england", "governance_model": "leader_cabinet"}
        try:
            validate_profile({**base, **v}, "profile")
        except ProfileError as e:
            raise ValueError(str(e).removeprefix("profile:1: ")) from None
        return v

    @model_validator(mode="after")
    def _exception_only_when_covered(self):
        if self.expect == "covered" and not self.exception:
            raise ValueError("a 'covered' case must name the exception that covers it")
        if self.expect != "covered" and self.exception:
            raise ValueError("only a 'covered' case names an exception")
        return self


class RuleSpec(_Strict):
    id: str
    name: str
    title: str
    severity: Severity
    applies_to: list[Literal["report", "decision", "notice", "meeting"]]
    jurisdictions: list[Literal["england", "wales", "scotland"]]
    effective: Effective
    citation: Citation
    law_status: Literal["verified", "secondary", "inferred"] = "verified"
    builtin: bool = False
    description: str
    why: str
    # dated values conditions read with {parameter: name}; see docs/rules.md
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    when: dict | None = None
    require: dict | None = None
    exceptions: list[ExceptionSpec] = Field(default_factory=list)
    uncertain: list[UncertainSpec] = Field(default_factory=list)
    message: str
    fix: str
    cases: list[Case] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _code(cls, v: str) -> str:
        if not CODE_RE.match(v):
            raise ValueError(f"id must be a family prefix ({', '.join(FAMILIES)}) "
                             "and three digits, e.g. KD001")
        return v

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not NAME_RE.match(v):
            raise ValueError("name must be kebab-case, e.g. key-decision-notice-period")
        return v

    @field_validator("parameters")
    @classmethod
    def _parameter_names(cls, v: dict) -> dict:
        for name in v:
            if not PARAMETER_RE.match(str(name)):
                raise ValueError(f"parameter name {name!r} must be snake_case, "
                                 "e.g. agenda_clear_days")
        return v

    @model_validator(mode="after")
    def _complete(self):
        if self.builtin:
            if not self.id.startswith("GC"):
                raise ValueError("only GC rules may be builtin")
            return self
        if self.require is None:
            raise ValueError("a rule needs a 'require' condition")
        if not self.citation.url.startswith("https://www.legislation.gov.uk/"):
            raise ValueError("citation.url must be a https://www.legislation.gov.uk/ address")
        kinds = {c.expect for c in self.cases}
        for need in ("breach", "pass"):
            if need not in kinds:
                raise ValueError(f"cases: needs at least one '{need}' case")
        names = [e.name for e in self.exceptions]
        if len(set(names)) != len(names):
            raise ValueError("exception names must be unique")
        covered = {c.exception for c in self.cases if c.expect == "covered"}
        for n in names:
            if n not in covered:
                raise ValueError(f"cases: needs a 'covered' case for exception {n!r}")
        for c in self.cases:
            if c.exception and c.exception not in names:
                raise ValueError(f"case {c.name!r} names unknown exception {c.exception!r}")
        return self


def validate_rule(data: Any) -> dict:
    """The rule file's data, validated, as JSON data; SchemaError at the first problem."""
    try:
        spec = RuleSpec.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        loc = tuple(err["loc"])
        where = ".".join(str(x) for x in loc) or "rule"
        raise SchemaError(loc, f"{where}: {err['msg']}") from None
    return spec.model_dump(mode="json")


def citation_problem(citations: list) -> str | None:
    """Why a list of citations is not valid, or None."""
    try:
        for c in citations:
            Citation.model_validate(c)
    except (ValidationError, TypeError) as e:
        return str(e)
    return None
