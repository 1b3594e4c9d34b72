"""SARIF 2.1.0 for code-scanning tools (GitHub, Azure DevOps).

Every rule that produced a finding is listed once under ``tool.driver.rules`` with its
citation as ``helpUri`` and ``help.markdown``; findings covered by a statutory
exception are reported with a suppression whose justification names the exception.
An input that could not be read is a GC001 result on that file and a tool execution
notification (the run was not successful).
"""

from __future__ import annotations

from itertools import chain

from govcheck.render import LIST, fingerprinted, json_streamed, unreadable_findings

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def _rule(code: str, f, rule) -> dict:
    spec = rule.spec if rule is not None else None
    cit = f.citation
    help_md = (f"**{cit.instrument}, {cit.provision}**\n\n[{cit.url}]({cit.url})\n\n"
               + (f"{' '.join(spec.why.split())}\n\n**Fix:** {' '.join(spec.fix.split())}"
                  if spec else f"**Fix:** {f.fix}"))
    entry = {
        "id": code,
        "name": f.name,
        "shortDescription": {"text": f.title or f.name},
        "fullDescription": {"text": " ".join(spec.description.split()) if spec else f.title},
        "help": {"text": f"{cit.instrument}, {cit.provision}: {cit.url}", "markdown": help_md},
        "defaultConfiguration": {"level": LEVEL[spec.severity.value if spec else f.severity.value]},
        "properties": {"tags": ["governance", code[:2]]
                       + ([f"law-status:{spec.law_status}"] + spec.jurisdictions if spec else [])},
    }
    if cit.url:   # govcheck's own findings (GC) cite no law
        entry["helpUri"] = cit.url
    return entry


def _result(f, fp: str, index: dict) -> dict:
    loc = f.location
    region = {"startLine": max(1, loc.line), "startColumn": max(1, loc.column)}
    item = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": LEVEL[f.severity.value],
        "message": {"text": f"{f.message} ({f.citation.instrument}, "
                            f"{f.citation.provision}). Fix: {f.fix}"},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": loc.path.replace("\\", "/")},
            "region": region}}],
        "partialFingerprints": {"govcheck/v1": fp},
    }
    if loc.page:
        item["properties"] = {"page": loc.page, "pageLine": loc.page_line}
    if f.exception is not None:
        item["suppressions"] = [{
            "kind": "inSource",
            "justification": f"{f.exception.title} ({f.exception.citation.instrument}, "
                             f"{f.exception.citation.provision})"}]
    if f.waiver is not None:
        item.setdefault("suppressions", []).append({
            "kind": "external", "status": "accepted",
            "justification": f"{f.waiver.reason} (approved by {f.waiver.approved_by}, "
                             f"until {f.waiver.expires.isoformat()})"})
    return item


def chunks(result, ctx):
    """The log, a result at a time: the rules are listed from a first pass over the
    findings, then the results are written as they are read back."""
    # an unreadable input is also a result (GC001), so code scanning shows it on the file
    unreadable = unreadable_findings(result)
    rules: list[dict] = []
    index: dict[str, int] = {}
    for f in chain(result.findings, unreadable):
        if f.code not in index:
            index[f.code] = len(rules)
            rules.append(_rule(f.code, f, ctx.rules.get(f.code)))
    notifications = [{"level": "error", "message": {"text": e.message},
                      "locations": [{"physicalLocation": {
                          "artifactLocation": {"uri": e.path.replace("\\", "/")}}}]}
                     for e in result.errors]
    for note, f in zip(notifications, unreadable):
        note["associatedRule"] = {"id": f.code, "index": index[f.code]}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "govcheck", "version": ctx.version,
                                "informationUri": "https://www.legislation.gov.uk/",
                                "rules": rules}},
            "results": [LIST],
            "invocations": [{"executionSuccessful": not result.errors,
                             "toolExecutionNotifications": notifications}],
        }],
    }
    results = (_result(f, fp, index)
               for f, fp in fingerprinted(chain(result.findings, unreadable)))
    return json_streamed(log, results)


def render(result, ctx) -> str:
    return "".join(chunks(result, ctx))
