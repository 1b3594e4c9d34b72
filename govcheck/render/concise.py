"""One line per finding, like ruff: ``path:line:col: CODE [severity] message (citation)``."""

from __future__ import annotations

from govcheck.render import summary_line


def format_finding(f) -> str:
    loc = f.location
    cov = f" [covered: {f.exception.title}]" if f.exception else ""
    if f.waiver:
        w = f.waiver
        cov += f" [waived by {w.approved_by} until {w.expires.isoformat()}: {w.reason}]"
    where = f" ({loc.human()})" if loc.page_line is not None else ""
    return (f"{loc.path}:{loc.line}:{loc.column}:{where} {f.code} [{f.severity.value}] "
            f"{f.message}{cov} ({f.citation.instrument}, {f.citation.provision}) [{f.name}]")


def render(result, ctx) -> str:
    out = [format_finding(f) for f in result.findings]
    out += [f"{e.path}: error: {e.message}" for e in result.errors]
    out.append(summary_line(result, ctx))
    return "\n".join(out) + "\n"
