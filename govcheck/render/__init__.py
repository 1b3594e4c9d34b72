"""Output formats, chosen from a registry; each module has ``render(result, ctx) -> str``,
and those that can write a finding at a time also ``chunks(result, ctx)``, which yields
the same text in pieces: a batch's output is written as it is made, never held whole.

``FORMATS`` is the one list of formats: the command line's ``--output-format`` choices
and the configuration file's ``output-format`` values are derived from it (and a test
checks the README lists exactly these).

Renderers import what they need (rich, xml, jinja2) themselves, so a plain concise
run never pays for them.
"""

from __future__ import annotations

from govcheck.struct import field, struct


FORMATS = {
    "concise": "govcheck.render.concise",
    "full": "govcheck.render.full",
    "json": "govcheck.render.json_",
    "json-lines": "govcheck.render.json_lines",
    "sarif": "govcheck.render.sarif",
    "junit": "govcheck.render.junit",
    "github": "govcheck.render.github",
    "gitlab": "govcheck.render.gitlab",
    "html": "govcheck.render.html",
}


@struct
class RenderContext:
    version: str
    fail_on: str
    failing: int
    color: bool = False
    rules: dict = field(default_factory=dict)   # code -> Rule, for formats that list rules


def chunks(fmt: str, result, ctx: RenderContext):
    """The output of format ``fmt``, in pieces (their concatenation is :func:`render`)."""
    import importlib

    mod = importlib.import_module(FORMATS[fmt])
    stream = getattr(mod, "chunks", None)
    if stream is None:
        yield mod.render(result, ctx)
    else:
        yield from stream(result, ctx)


def render(fmt: str, result, ctx: RenderContext) -> str:
    return "".join(chunks(fmt, result, ctx))


LIST = "\x00govcheck-list\x00"     # stands for the streamed list in json_streamed


def json_streamed(doc, items):
    """``json.dumps(doc, indent=2, ensure_ascii=False) + "\\n"``, in pieces: the one list
    written ``[LIST]`` in ``doc`` is ``items`` (JSON-ready data), dumped one at a time."""
    import json

    text = json.dumps(doc, indent=2, ensure_ascii=False)
    head, tail = text.split(json.dumps(LIST), 1)
    indent = head[head.rindex("\n") + 1:]        # the list's items start on this column
    opened = head[:head.rindex("[")]            # up to the list's "["
    closed = tail[tail.index("]") + 1:]         # after its "]"
    first = True
    for item in items:
        yield (opened + "[\n" + indent if first else ",\n" + indent) + pretty(item, indent)
        first = False
    yield (opened + "[]" if first else "\n" + indent[:-2] + "]") + closed + "\n"


def pretty(obj, indent: str = "") -> str:
    """``json.dumps(obj, indent=2, ensure_ascii=False)`` with every line after the first
    indented by ``indent``, the same text: written here because ``json`` uses its fast C
    encoder only without ``indent``, and a batch's JSON report is a hundred thousand
    findings (strings still go through json's C escaping)."""
    from json.encoder import encode_basestring

    def one(o, ind: str) -> str:
        if isinstance(o, str):
            return encode_basestring(o)
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, dict):
            if not o:
                return "{}"
            inner = ind + "  "
            return ("{\n" + ",\n".join(f"{inner}{encode_basestring(k)}: {one(v, inner)}"
                                        for k, v in o.items()) + "\n" + ind + "}")
        if isinstance(o, (list, tuple)):
            if not o:
                return "[]"
            inner = ind + "  "
            return "[\n" + ",\n".join(inner + one(v, inner) for v in o) + "\n" + ind + "]"
        import json

        return json.dumps(o, ensure_ascii=False)     # a float, or anything else: as json
    return one(obj, indent)


def unreadable_findings(result) -> list:
    """The GC001 finding for each of ``result.errors`` (inputs that could not be read), in
    the same order, for formats that report by rule code; empty if the rule pack has no
    GC001.  They are not in ``result.findings``: an unreadable input is an error (exit
    status 2), never waived or ignored."""
    return list(getattr(result, "unreadable", ()))


def tally(findings) -> dict[tuple[str, bool, bool], int]:
    """How many findings there are of each (severity, covered by an exception, waived):
    kept as they were added by a :class:`govcheck.spool.Findings`, counted otherwise."""
    if hasattr(findings, "tally"):
        return findings.tally()
    out: dict[tuple, int] = {}
    for f in findings:
        key = (f.severity.value, f.exception is not None, f.waiver is not None)
        out[key] = out.get(key, 0) + 1
    return out


def summary(result, ctx: RenderContext) -> dict:
    counts = {"error": 0, "warning": 0, "info": 0}
    covered = waived = 0
    for (sev, is_covered, is_waived), n in tally(result.findings).items():
        counts[sev] += n
        covered += n * is_covered
        waived += n * is_waived
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


def fingerprinted(findings):
    """``(finding, fingerprint)`` for each finding: a stable identity from the rule, the
    file and the finding's rank among that rule's findings in that file, so editing
    other text does not make it look new.  Findings come grouped by file (sorted), so
    only the current file's counts are kept."""
    from govcheck.digest import sha256

    seen: dict[str, int] = {}
    path = None
    for f in findings:
        if f.location.path != path:
            path, seen = f.location.path, {}
        n = seen.get(f.code, 0)
        seen[f.code] = n + 1
        yield f, sha256(f"{f.code}|{path}|{n}".encode()).hexdigest()[:32]

