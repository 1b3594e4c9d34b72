"""One line per finding, like ruff: ``path:line:col: CODE [severity] message (citation)``."""

from __future__ import annotations

from govcheck.render import summary_line


# ANSI colours, as ruff uses them: the place bold, the code and severity by severity
_SGR = {"error": "31", "warning": "33", "info": "36"}


def _paint(text: str, sgr: str, on: bool) -> str:
    return f"\x1b[{sgr}m{text}\x1b[0m" if on else text


def format_finding(f, color: bool = False) -> str:
    loc = f.location
    cov = f" [covered: {f.exception.title}]" if f.exception else ""
    if f.waiver:
        w = f.waiver
        cov += f" [waived by {w.approved_by} until {w.expires.isoformat()}: {w.reason}]"
    where = f" ({loc.human()})" if loc.page_line is not None else ""
    sev = f.severity.value
    place = _paint(f"{loc.path}:{loc.line}:{loc.column}:", "1", color)
    code = _paint(f"{f.code} [{sev}]", "1;" + _SGR.get(sev, "0"), color)
    return (f"{place}{where} {code} "
            f"{f.message}{cov} ({f.citation.instrument}, {f.citation.provision}) [{f.name}]")


def chunks(result, ctx):
    for f in result.findings:
        yield format_finding(f, ctx.color) + "\n"
    for e in result.errors:
        yield f"{e.path}: error: {e.message}\n"
    yield summary_line(result, ctx) + "\n"


def render(result, ctx) -> str:
    return "".join(chunks(result, ctx))
