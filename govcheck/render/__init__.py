"""Output formats, chosen from a registry; each module has ``render(result, ctx) -> str``.

``FORMATS`` is the one list of formats: the command line's ``--output-format`` choices
and the configuration file's ``output-format`` values are derived from it (and a test
checks the README lists exactly these).

Renderers import what they need (rich, xml, jinja2) themselves, so a plain concise
run never pays for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FORMATS = {
    "concise": "govcheck.render.concise",
    "full": "govcheck.render.full",
    "json": "govcheck.render.json_",
    "sarif": "govcheck.render.sarif",
    "junit": "govcheck.render.junit",
    "github": "govcheck.render.github",
    "gitlab": "govcheck.render.gitlab",
    "html": "govcheck.render.html",
}


@dataclass
class RenderContext:
    version: str
    fail_on: str
    failing: int
    color: bool = False
    rules: dict = field(default_factory=dict)   # code -> Rule, for formats that list rules


def render(fmt: str, result, ctx: RenderContext) -> str:
    import importlib

    return importlib.import_module(FORMATS[fmt]).render(result, ctx)


def unreadable_findings(result) -> list:
    """The GC001 finding for each of ``result.errors`` (inputs that could not be read), in
    the same order, for formats that report by rule code; empty if the rule pack has no
    GC001.  They are not in ``result.findings``: an unreadable input is an error (exit
    status 2), never waived or ignored."""
    return list(getattr(result, "unreadable", ()))


def summary(result, ctx: RenderContext) -> dict:
    counts = {"error": 0, "warning": 0, "info": 0}
    covered = waived = 0
    for f in result.findings:
        counts[f.severity.value] += 1
        covered += f.covered
        waived += f.waiver is not None
    return {
        "files": result.files,
        "records": result.records,
        "findings": len(result.findings),
        "by_severity": counts,
        "covered_by_exception": covered,
        "waived": waived,
        "unreadable": len(result.errors),
        "fail_on": ctx.fail_on,
        "failing": ctx.failing,
    }


def summary_line(result, ctx: RenderContext) -> str:
    s = summary(result, ctx)
    c = s["by_severity"]
    parts = []
    for sev in ("error", "warning", "info"):
        if c[sev]:
            parts.append(f"{c[sev]} {sev}{'s' if c[sev] != 1 else ''}")
    found = ", ".join(parts) if parts else "no findings"
    line = f"{found} in {s['files']} file{'s' if s['files'] != 1 else ''}"
    if s["covered_by_exception"]:
        line += f" ({s['covered_by_exception']} covered by a statutory exception)"
    if s["waived"]:
        line += f" ({s['waived']} waived)"
    if s["unreadable"]:
        line += f"; {s['unreadable']} input{'s' if s['unreadable'] != 1 else ''} could not be read"
    verdict = (f"{ctx.failing} at or above {ctx.fail_on}" if ctx.failing
               else f"nothing at or above {ctx.fail_on}")
    return f"Found {line}: {verdict}."


def fingerprints(findings) -> list[str]:
    """A stable identity per finding: rule, file and the finding's rank among that
    rule's findings in that file, so editing other text does not make it look new."""
    import hashlib

    seen: dict[tuple, int] = {}
    out = []
    for f in findings:
        key = (f.code, f.location.path)
        n = seen.get(key, 0)
        seen[key] = n + 1
        out.append(hashlib.sha256(f"{f.code}|{f.location.path}|{n}".encode()).hexdigest()[:32])
    return out
