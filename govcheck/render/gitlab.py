"""GitLab Code Quality report (a JSON list, as ruff's gitlab output)."""

from __future__ import annotations

import json

from govcheck.render import fingerprints

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(result, ctx) -> str:
    items = []
    for f, fp in zip(result.findings, fingerprints(result.findings)):
        items.append({
            "description": f"{f.code} {f.message} ({f.citation.instrument}, "
                           f"{f.citation.provision})",
            "check_name": f"{f.code} {f.name}",
            "fingerprint": fp,
            "severity": "info" if f.suppressed else SEVERITY[f.severity.value],
            "location": {"path": f.location.path, "lines": {"begin": f.location.line}},
        })
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
