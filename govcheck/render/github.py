"""GitHub Actions workflow commands: an annotation per finding on the file and line."""

from __future__ import annotations

from govcheck.render import summary_line, unreadable_findings

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def chunks(result, ctx):
    for f in result.findings:
        loc = f.location
        title = f"{f.code} {f.name}" + (" (covered by a statutory exception)" if f.covered
                                         else " (waived)" if f.waiver else "")
        law = (f" ({f.citation.instrument}, {f.citation.provision}; {f.citation.url})"
               if f.citation.url else "")
        msg = f"{f.message}{law}. Fix: {f.fix}"
        level = "notice" if f.suppressed else LEVEL[f.severity.value]
        yield (f"::{level} file={_escape_prop(loc.path)},line={loc.line},col={loc.column},"
               f"title={_escape_prop(title)}::{_escape_data(msg)}\n")
    unreadable = unreadable_findings(result)
    for i, e in enumerate(result.errors):
        title = "govcheck could not read this file"
        if i < len(unreadable):
            title = f"{unreadable[i].code} {unreadable[i].name} ({title})"
        yield (f"::error file={_escape_prop(e.path)},title={_escape_prop(title)}::"
               f"{_escape_data(e.message)}\n")
    yield summary_line(result, ctx) + "\n"


def render(result, ctx) -> str:
    return "".join(chunks(result, ctx))
