"""GitLab Code Quality report (a JSON list, as ruff's gitlab output).  An input that
could not be read is a GC001 item on that file."""

from __future__ import annotations

from itertools import chain

from govcheck.render import fingerprinted, json_streamed, unreadable_findings, LIST

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def _items(result):
    # an unreadable input is reported too (GC001): it has not been checked
    reported = chain(result.findings, unreadable_findings(result))
    for f, fp in fingerprinted(reported):
        yield {
            "description": f"{f.code} {f.message} ({f.citation.instrument}, "
                           f"{f.citation.provision})",
            "check_name": f"{f.code} {f.name}",
            "fingerprint": fp,
            "severity": "info" if f.suppressed else SEVERITY[f.severity.value],
            "location": {"path": f.location.path, "lines": {"begin": f.location.line}},
        }


def chunks(result, ctx):
    return json_streamed([LIST], _items(result))


def render(result, ctx) -> str:
    return "".join(chunks(result, ctx))
