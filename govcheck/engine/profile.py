"""Council profiles: the parameters the law leaves to each council.

A profile is a YAML mapping in ``rules/profiles/<name>.yaml`` (or any file given with
``--profile PATH``).  Values a rule reads with ``{profile: key}`` or ``profile_equals``.

A profile is data with a schema (:class:`ProfileSpec`): a misspelt key or a value of
the wrong type is an error naming ``file:line``, never silently ignored in favour of a
rule's default.  :func:`load_profile` still returns a plain mapping (the keys the file
sets, validated), which is what rules read with ``profile_lookup``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from govcheck.yamlsafe import YamlError, load_yaml

DEFAULT_PROFILE = "england-default"

Basis = Literal["calendar", "working"]

# The keys a profile may set that rules can read (``{profile: key}``,
# ``profile_equals``, ``clear_days`` basis); ``sources`` may give an address for each.
PARAMETER_KEYS: tuple[str, ...] = (
    "nation", "governance_model", "key_decision_notice_basis", "short_notice_basis",
    "key_decision_threshold", "call_in_period",
)
ParameterKey = Literal["nation", "governance_model", "key_decision_notice_basis",
                       "short_notice_basis", "key_decision_threshold", "call_in_period"]

# The keys whose value is a period ``{days: N, basis: calendar | working}`` (the
# CallInPeriod model below): the ones a rule may read as a period (``on_or_after``).
PERIOD_KEYS: tuple[str, ...] = ("call_in_period",)


class ProfileError(Exception):
    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.path, self.line = path, line


_MODELS: dict = {}


def _models() -> dict:
    """The schema's pydantic models, defined on first use: a run whose profile comes
    from the cache never builds them."""
    if _MODELS:
        return _MODELS
    from pydantic import BaseModel, ConfigDict, Field, StrictInt

    from govcheck.engine.schema import Citation

    class _Strict(BaseModel):
        # defined on first use (see _models)
        model_config = ConfigDict(extra="forbid", frozen=True)


    class CallInPeriod(_Strict):
        """How long an executive decision may be called in before it is implemented."""

        days: Annotated[StrictInt, Field(ge=1, le=365)]
        basis: Basis


    class ProfileSpec(_Strict):
        """The schema of a council profile file."""

        name: Annotated[str, Field(min_length=1)]
        council: str | None = None
        nation: Literal[CHOICES["nation"]]
        governance_model: Literal[CHOICES["governance_model"]]
        key_decision_notice_basis: Literal[CHOICES["key_decision_notice_basis"]] | None = None
        short_notice_basis: Literal[CHOICES["short_notice_basis"]] | None = None
        # pounds; a rule that needs it (KD004) is unknown (does not apply) when it is not set
        key_decision_threshold: Annotated[StrictInt, Field(ge=0)] | None = None
        call_in_period: CallInPeriod | None = None
        citation: list[Citation] = Field(default_factory=list)
        # where each parameter was taken from (a constitution's address, a page), per key
        sources: dict[ParameterKey, Annotated[str, Field(min_length=1)]] | None = None
        # reserved for council-specific label wording (the vocabulary schema validates the
        # entries themselves); here only a list of mappings
        labels: list[dict[str, Any]] | None = None

    _MODELS.update(ProfileSpec=ProfileSpec, CallInPeriod=CallInPeriod,
                   PROFILE_KEYS=tuple(ProfileSpec.model_fields))
    assert set(PARAMETER_KEYS) <= set(_MODELS["PROFILE_KEYS"])
    assert set(PERIOD_KEYS) <= set(PARAMETER_KEYS)
    return _MODELS


def __getattr__(name: str):
    if name in ("ProfileSpec", "CallInPeriod", "PROFILE_KEYS"):
        return _models()[name]
    raise AttributeError(name)


# The values a key with a fixed set of answers may take: the schema's Literal types are
# built from these, and rules are checked against them without building the schema.
CHOICES: dict[str, tuple[str, ...]] = {
    "nation": ("england", "wales", "scotland"),
    "governance_model": ("leader_cabinet", "mayor_cabinet", "committee_system"),
    "key_decision_notice_basis": ("calendar", "working"),
    "short_notice_basis": ("calendar", "working"),
}


def profile_choices(key: str) -> tuple | None:
    """The values a profile key may take, when it is one of a fixed set (else None)."""
    return CHOICES.get(key) if "." not in key else None


def _explain(err: dict) -> str:
    loc = tuple(err["loc"])
    where = ".".join(str(x) for x in loc) or "profile"
    if err["type"] == "extra_forbidden":
        from govcheck.records import suggest

        key = str(loc[-1])
        known = _models()["PROFILE_KEYS"] if len(loc) == 1 else ()
        msg = f"unknown key {key!r}{suggest(key, known)}" if known else f"unknown key {key!r}"
        if len(loc) == 1:
            msg += f"; a profile's keys are: {', '.join(_models()['PROFILE_KEYS'])}"
        return f"{'.'.join(str(x) for x in loc[:-1]) + ': ' if len(loc) > 1 else ''}{msg}"
    if err["type"] == "missing":
        return f"{where}: required"
    return f"{where}: {err['msg']} (got {err.get('input')!r})"


def validate_profile(data: Any, path: str, line_of=None) -> dict:
    """The profile's mapping, validated; ProfileError naming ``path:line`` if not."""
    from pydantic import ValidationError

    line_of = line_of or (lambda loc: 1)
    if not isinstance(data, dict):
        raise ProfileError(f"{path}:1: a profile must be a mapping", path, 1)
    try:
        spec = _models()["ProfileSpec"].model_validate(data)
    except ValidationError as e:
        # a misspelt key also makes the key it should have been "missing": report the
        # misspelling, which is what to fix
        errors = sorted(e.errors(), key=lambda x: x["type"] != "extra_forbidden")
        err = errors[0]
        loc = tuple(err["loc"])
        # a dict key that is not allowed is reported at ("sources", key, "[key]")
        loc = tuple(x for x in loc if x != "[key]")
        line = line_of(loc)
        raise ProfileError(f"{path}:{line}: {_explain({**err, 'loc': loc})}", path,
                           line) from None
    return spec.model_dump(mode="python", exclude_unset=True)


def nation_defaults(rules_root: Path) -> dict[str, dict]:
    """The default profile of each nation that has one (``<nation>-default.yaml``): the
    profile a record of that nation is checked with when no profile was chosen."""
    out = {}
    for nation in CHOICES["nation"]:
        if (Path(rules_root) / "profiles" / f"{nation}-default.yaml").is_file():
            out[nation] = load_profile(f"{nation}-default", Path(rules_root))
    return out


def load_profile(name_or_path: str | None, rules_root: Path) -> dict:
    name = name_or_path or DEFAULT_PROFILE
    p = Path(name)
    if not (p.suffix in (".yaml", ".yml") and p.is_file()):
        p = rules_root / "profiles" / f"{name}.yaml"
        if not p.is_file():
            available = sorted(x.stem for x in (rules_root / "profiles").glob("*.yaml"))
            raise ProfileError(f"unknown council profile {name!r}; available: "
                               f"{', '.join(available) or 'none'}")
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ProfileError(f"{p}: cannot read: {e}") from None
    # a profile validated before (same bytes, same schema) comes from the cache: no YAML
    # and no schema on a warm run
    from govcheck.engine import rulecache

    key = _cache_key(text)
    cached = rulecache.read_doc("profile", key)
    if cached is not None and isinstance(cached.get("profile"), dict):
        return cached["profile"]
    try:
        loaded = load_yaml(text, str(p))
    except YamlError as e:
        raise ProfileError(str(e), str(p), e.line) from None
    profile = validate_profile(loaded.data, str(p), loaded.line_of)
    if _json_safe(profile):
        rulecache.write_doc("profile", key, {"profile": profile})
    return profile


def _cache_key(text: str) -> str:
    from govcheck.digest import sha256

    from govcheck import __version__

    h = sha256(f"profile|{__version__}|".encode())
    try:
        st = Path(__file__).stat()
        h.update(f"{st.st_size}:{st.st_mtime_ns}|".encode())
    except OSError:
        pass
    h.update(text.encode())
    return h.hexdigest()


def _json_safe(profile: dict) -> bool:
    """Whether the profile comes back from JSON as it went in (no dates, no tuples)."""
    import json

    try:
        return json.loads(json.dumps(profile)) == profile
    except (TypeError, ValueError):
        return False
