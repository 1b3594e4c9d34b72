"""JSON lines (as ruff's ``json-lines``): one finding per line, each the same object as
in the JSON contract (docs/json.md), written as it is read, so a sweep of a whole
archive can be piped to ``jq`` or loaded a line at a time.  An input that could not be
read is a GC001 line on that file; there is no summary line (count the lines)."""

from __future__ import annotations

import json
from itertools import chain

from govcheck.render import unreadable_findings
from govcheck.render.json_ import finding_dict


def chunks(result, ctx):
    for f in chain(result.findings, unreadable_findings(result)):
        yield json.dumps(finding_dict(f), ensure_ascii=False, separators=(",", ":")) + "\n"


def render(result, ctx) -> str:
    return "".join(chunks(result, ctx))
