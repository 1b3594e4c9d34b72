"""GitLab Code Quality report (a JSON list, as ruff's gitlab output).  An input that
could not be read is a GC001 item on that file."""

from __future__ import annotations

import json

from govcheck.render import fingerprints, unreadable_findings

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(result, ctx) -> str:
    items = []
    # an unreadable input is reported too (GC001): it has not been checked
    unreadable = unreadable_findings(result)
    reported = list(result.findings) + unreadable
    for f, fp in zip(reported, fingerprints(reported)):
        items.append({
            "description": f"{f.code} {f.message} ({f.citation.instrument}, "
                           f"{f.citation.provision})",
            "check_name": f"{f.code} {f.name}",
            "fingerprint": fp,
            "severity": "info" if f.suppressed else SEVERITY[f.severity.value],
            "location": {"path": f.location.path, "lines": {"begin": f.location.line}},
        })
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
