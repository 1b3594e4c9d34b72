"""Council profiles: the parameters the law leaves to each council.

A profile is a YAML mapping in ``rules/profiles/<name>.yaml`` (or any file given with
``--profile PATH``).  Values a rule reads with ``{profile: key}`` or ``profile_equals``.
"""

from __future__ import annotations

from pathlib import Path

from govcheck.yamlsafe import YamlError, load_yaml

DEFAULT_PROFILE = "england-default"


class ProfileError(Exception):
    pass


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
        loaded = load_yaml(p.read_text(encoding="utf-8"), str(p))
    except YamlError as e:
        raise ProfileError(str(e)) from None
    except OSError as e:
        raise ProfileError(f"{p}: cannot read: {e}") from None
    if not isinstance(loaded.data, dict):
        raise ProfileError(f"{p}: a profile must be a mapping")
    return loaded.data
