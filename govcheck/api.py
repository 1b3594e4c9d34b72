"""The run policy of ``govcheck check``, in one place, for the CLI and for Python callers.

:func:`check_paths` takes the options a run has (paths, rule pack, profile, the date to
treat as today, ``select``/``ignore``, waivers, ``fail_on``, ``exclude``, ``jobs``,
``max_bytes``) and returns a :class:`CheckResult`: the findings, the inputs that could
not be read, counts by severity and how many findings fail the run.  The command line
only parses options and configuration, calls it, and renders the result::

    from govcheck.api import check_paths

    result = check_paths(["reports/"], profile="birmingham", fail_on="warning")
    for f in result.findings:
        print(f.location, f.code, f.message)
    raise SystemExit(result.exit_code())

The steps, in order:

1. load the rule pack and the profile; check the selectors (unknown ones are errors);
2. discover, read and extract every input, link notices across the batch, evaluate the
   selected rules (:func:`govcheck.check.run`); reading gives govcheck's own findings
   GC002 (nothing found) and GC003 (unclear answer);
3. apply waivers (:func:`govcheck.waivers.apply`): GC004 (expired) and GC005 (unused),
   then drop what the selection excludes;
4. describe each unreadable input as a GC001 finding (``unreadable``), for the formats
   that report by rule code; it stays in ``errors`` and is never waived or ignored;
5. count the findings that fail the run: not covered by an exception, not waived, and
   at or above ``fail_on``.

Exit status (:meth:`CheckResult.exit_code`): 2 if an input could not be read, else 1 if
a finding fails the run (unless ``exit_zero``), else 0.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from govcheck import DEFAULT_MAX_BYTES, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, SEVERITIES  # noqa: F401 - the run policy's constants
from govcheck.struct import field, struct

if TYPE_CHECKING:   # this module stays light: the command line imports its constants
    from govcheck.model import Finding, InputError

UNREADABLE = "GC001"   # the code an unreadable input is reported under


@struct
class CheckResult:
    """What one run found.  ``findings`` are sorted: a :class:`govcheck.spool.Findings`
    from :func:`check_paths`, which iterates, counts and indexes like a list but keeps a
    big batch's findings on disk (``list(result.findings)`` for a plain list);
    ``errors`` are the inputs that could not be read; ``unreadable`` has one GC001
    finding per error (not in ``findings``)."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    files: int = 0
    records: int = 0
    fail_on: str = "error"
    failing: int = 0
    counts: dict = field(default_factory=lambda: dict.fromkeys(SEVERITIES, 0))
    unreadable: list[Finding] = field(default_factory=list)
    today: dt.date | None = None
    pack: object = field(default=None, repr=False)
    profile: dict = field(default_factory=dict, repr=False)

    @property
    def rules(self) -> dict:
        """Code -> the latest version of each rule in the pack (for renderers)."""
        return {r.code: r for r in self.pack.latest()} if self.pack is not None else {}

    def to_json(self) -> dict:
        """The run as the JSON contract (docs/json.md) gives it: what ``govcheck check
        --output-format json`` prints, as Python data."""
        from govcheck import __version__
        from govcheck.render import RenderContext
        from govcheck.render.json_ import document

        return document(self, RenderContext(version=__version__, fail_on=self.fail_on,
                                            failing=self.failing, rules=self.rules))

    def exit_code(self, exit_zero: bool = False) -> int:
        if self.errors:
            return EXIT_ERROR
        if self.failing and not exit_zero:
            return EXIT_FINDINGS
        return EXIT_OK


def load_rules(rules_dir=None, profile=None):
    """The rule pack (``rules_dir``, default: the bundled rules) and the profile (a
    bundled name, a YAML path, or None for the default)."""
    from govcheck.engine.rules import RulePack

    pack = RulePack.load(Path(rules_dir) if rules_dir else None)
    return pack, _load_profile(pack, profile)


def _load_profile(pack, profile) -> dict:
    """A custom rule pack without profiles of its own uses the bundled profiles."""
    from govcheck.engine.profile import load_profile

    return load_profile(profile, profiles_root(pack))


def profiles_root(pack) -> Path:
    """The rules directory whose ``profiles/`` a pack uses: its own, else the bundled."""
    from govcheck.engine.rules import default_rules_dir

    return pack.root if (pack.root / "profiles").is_dir() else default_rules_dir()


def fails(finding: Finding, fail_on: str) -> bool:
    """Whether a finding fails a run with this threshold."""
    return _fails(finding.severity.value, finding.suppressed, fail_on)


def _fails(severity: str, suppressed: bool, fail_on: str) -> bool:
    """A finding of this severity, covered or waived or not, fails a run at ``fail_on``:
    not suppressed, and at or above the threshold."""
    from govcheck.model import Severity

    return not suppressed and Severity(severity).rank >= Severity(fail_on).rank


def check_paths(paths: Iterable[str | os.PathLike] | str | os.PathLike, *, rules_dir=None, pack=None, profile=None,
                as_of: dt.date | None = None, select: Iterable[str] = (),
                ignore: Iterable[str] = (), waivers=(), fail_on: str = "error",
                exclude: Iterable[str] = (), jobs: int | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, skip_non_records: bool = False,
                progress=None) -> CheckResult:
    """Check ``paths`` (files and directories) and apply the whole run policy.

    ``pack`` is a loaded :class:`~govcheck.engine.rules.RulePack` (else it is loaded
    from ``rules_dir``); ``profile`` a loaded profile dict, a bundled profile name or a
    YAML path.  ``as_of`` is the date deadline rules treat as today (default: today).
    ``waivers`` are :class:`~govcheck.waivers.Waiver` objects or configuration tables
    (dicts with rule, path, reason, approved-by, expires).  ``jobs``: None chooses
    (a batch moves to one worker per CPU once it has run half a second with as much
    work left), 0 is one worker per CPU, 1 this process.
    ``skip_non_records``: a YAML or JSON file that is not a govcheck record is skipped
    even when named (it always is when found by walking a directory).  ``progress`` is
    called as ``progress(files done, files in all)`` as each file is read.

    Raises RuleError, ProfileError, SelectionError or WaiverError when the options are
    wrong; an input that cannot be read is reported in ``errors``, never raised.
    """
    from govcheck.check import run
    from govcheck.selection import RuleFilter, Selection

    if fail_on not in SEVERITIES:
        raise ValueError(f"fail_on must be one of {', '.join(SEVERITIES)}, not {fail_on!r}")
    if pack is None:
        from govcheck.engine.rules import RulePack

        pack = RulePack.load(Path(rules_dir) if rules_dir else None)
    by_nation = None
    if profile is None:
        # no profile chosen: each record is checked with its nation's default profile
        from govcheck.engine.profile import nation_defaults

        by_nation = nation_defaults(profiles_root(pack)) or None
    if not isinstance(profile, dict):
        profile = _load_profile(pack, profile)
    selection = Selection(list(select), list(ignore), [(r.code, r.name) for r in pack.rules])
    waivers = _waivers(waivers)
    today = as_of or dt.date.today()
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    ran = run([os.fspath(p) for p in paths], pack, profile, today, selected=RuleFilter(selection),
              max_bytes=max_bytes, exclude=list(exclude), jobs=jobs, by_nation=by_nation,
              skip_non_records=skip_non_records, progress=progress)
    findings = ran.findings
    if waivers:
        from govcheck.spool import Findings
        from govcheck.waivers import apply

        findings = Findings(f for f in apply(findings, waivers, pack, today)
                            if selection(f.code, f.name))
    from govcheck.render import tally

    counts = dict.fromkeys(SEVERITIES, 0)
    failing = 0
    # counted as the findings were added: a big batch's are not read back for it
    for (sev, covered, waived), n in tally(findings).items():
        counts[sev] += n
        failing += n * _fails(sev, covered or waived, fail_on)
    return CheckResult(
        findings=findings, errors=ran.errors, files=ran.files, records=ran.records,
        fail_on=fail_on, failing=failing, counts=counts,
        unreadable=unreadable_findings(ran.errors, pack), today=today, pack=pack,
        profile=profile)


def check_bytes(data: bytes, filename: str, **options) -> CheckResult:
    """Check one document given as bytes (an upload, standard input, an editor's
    buffer), named ``filename``: its suffix says how to read it, and findings and errors
    point at that name.  ``options`` are :func:`check_paths`'s.  The bytes are written to
    a private temporary folder, removed when the check is done::

        result = check_bytes(Path("report.docx").read_bytes(), "report.docx")
    """
    import tempfile

    name = Path(filename).name or "stdin.txt"
    with tempfile.TemporaryDirectory(prefix="govcheck-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        result = check_paths([path], **options)
    # point the findings and errors at the name the caller gave, not the temporary file
    return renamed(result, {path: filename})


def renamed(result: CheckResult, names: dict) -> CheckResult:
    """``result`` with its findings and errors pointing at the names users know:
    ``names`` maps each checked file (a Path) to the name to show for it."""
    from govcheck.struct import replace

    shown = {}
    for path, name in names.items():
        shown[str(path)] = shown[os.path.relpath(path)] = name

    def at(loc):
        name = shown.get(loc.path)
        return loc if name is None else replace(loc, path=name)

    result.findings = [replace(f, location=at(f.location)) for f in result.findings]
    result.unreadable = [replace(f, location=at(f.location)) for f in result.unreadable]
    result.errors = [replace(e, path=shown.get(e.path, e.path)) for e in result.errors]
    return result


def unreadable_findings(errors: list[InputError], pack) -> list[Finding]:
    """One GC001 finding per input that could not be read (at line 1 of that input)."""
    rule = (pack.find(UNREADABLE) or [None])[-1]
    if rule is None:
        return []
    from govcheck.engine.evaluate import builtin_finding
    from govcheck.model import Location

    return [builtin_finding(rule, Location(path=e.path), e.message) for e in errors]


def _waivers(items) -> list:
    items = list(items or [])
    if not items:
        return []
    from govcheck.waivers import Waiver, parse

    if all(isinstance(w, Waiver) for w in items):
        return items
    return parse(items, "waivers")
