"""The stable JSON contract (docs/json.md).  Other tools depend on it: keep it stable."""

from __future__ import annotations

from govcheck.render import LIST, json_streamed, summary


def finding_dict(f) -> dict:
    loc = f.location
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "message": f.message,
        "path": loc.path,
        "line": loc.line,
        "column": loc.column,
        "page": loc.page,
        "page_line": loc.page_line,
        "citation": {"instrument": f.citation.instrument, "provision": f.citation.provision,
                     "url": f.citation.url},
        "fix": f.fix,
        "exception": None if f.exception is None else {
            "name": f.exception.name, "title": f.exception.title,
            "citation": {"instrument": f.exception.citation.instrument,
                         "provision": f.exception.citation.provision,
                         "url": f.exception.citation.url}},
        "waiver": None if f.waiver is None else {
            "reason": f.waiver.reason, "approved_by": f.waiver.approved_by,
            "expires": f.waiver.expires.isoformat(), "source": f.waiver.source},
    }


def document(result, ctx) -> dict:
    """The JSON contract (docs/json.md) of a run, as Python data."""
    return {
        "govcheck": ctx.version,
        "findings": [finding_dict(f) for f in result.findings],
        "errors": [{"path": e.path, "message": e.message} for e in result.errors],
        "summary": summary(result, ctx),
    }


def chunks(result, ctx):
    """The document, a finding at a time (a big batch is never held as one string)."""
    doc = {
        "govcheck": ctx.version,
        "findings": [LIST],
        "errors": [{"path": e.path, "message": e.message} for e in result.errors],
        "summary": summary(result, ctx),
    }
    return json_streamed(doc, map(finding_dict, result.findings))


def render(result, ctx) -> str:
    return "".join(chunks(result, ctx))
