"""Project configuration: ``govcheck.toml``, ``.govcheck.toml`` or ``[tool.govcheck]`` in
``pyproject.toml``, found by walking up from the current directory (the closest wins,
as in ruff).  Command-line options override it.  Unknown keys are errors, with a
suggestion.

    [tool.govcheck]
    profile = "birmingham"
    select = ["KD", "EX"]
    ignore = ["KD003"]
    fail-on = "warning"
    output-format = "full"
    exclude = ["fixtures/drafts/*"]
    max-file-size = 20000000
"""

from __future__ import annotations

from pathlib import Path

from govcheck.api import SEVERITIES
from govcheck.render import FORMATS
from govcheck.struct import field, struct

KEYS = {
    "profile": str, "rules": str, "select": list, "ignore": list, "fail-on": str,
    "output-format": str, "exclude": list, "max-file-size": int, "waivers": list,
}
CHOICES = {"fail-on": SEVERITIES, "output-format": tuple(FORMATS)}


class ConfigError(ValueError):
    pass


@struct
class Config:
    path: Path | None = None
    values: dict = field(default_factory=dict)

    def get(self, key: str, default=None):
        return self.values.get(key, default)


def anchor(pattern: str, config: Path) -> str:
    """A path pattern in a configuration file is relative to the file's directory, not
    to where govcheck is run: "reports/drafts/*" becomes that directory's absolute path
    pattern.  A bare name ("*.draft.txt") matches a file's name anywhere."""
    import os

    if "/" not in pattern or os.path.isabs(pattern):
        return pattern
    return (config.resolve().parent / pattern).as_posix()


def find_config(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        for name in ("govcheck.toml", ".govcheck.toml"):
            if (d / name).is_file():
                return d / name
        py = d / "pyproject.toml"
        if py.is_file():
            import tomllib      # only where there is a file to read

            try:
                if "govcheck" in tomllib.loads(py.read_text(encoding="utf-8")).get("tool", {}):
                    return py
            except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
                continue
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read: {e}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("govcheck", {})
    values = {}
    for key, value in data.items():
        if key not in KEYS:
            from govcheck.records import suggest

            raise ConfigError(f"{path}: unknown option {key!r}{suggest(key, KEYS)}")
        want = KEYS[key]
        if want is list and isinstance(value, str):
            value = [value]
        if not isinstance(value, want) or isinstance(value, bool):
            raise ConfigError(f"{path}: {key} must be a {want.__name__}")
        if key == "waivers":
            from govcheck.waivers import WaiverError, parse

            try:
                values[key] = parse(value, str(path), anchored=True)
            except WaiverError as e:
                raise ConfigError(str(e)) from None
            continue
        if want is list and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: {key} must be a list of strings")
        if key in CHOICES and value not in CHOICES[key]:
            raise ConfigError(f"{path}: {key} must be one of {', '.join(CHOICES[key])}")
        if key in ("profile", "rules") and ("/" in value or value.endswith((".yaml", ".yml"))):
            value = str((path.parent / value).resolve())
        if key == "exclude":
            value = [anchor(v, path) for v in value]
        values[key] = value
    return Config(path, values)
