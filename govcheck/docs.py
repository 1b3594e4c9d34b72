"""Text for people: a rule's documentation and what extraction read from a document."""

from __future__ import annotations

import json
import textwrap

from govcheck.model import display_value


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(" ".join(text.split()), width=88, initial_indent=indent,
                         subsequent_indent=indent)


def rule_doc(versions, pack) -> str:
    """ruff-style documentation: what it checks, why, the law, example, fix."""
    from govcheck.engine.cases import CASE_TODAY
    from govcheck.engine.evaluate import evaluate_rule
    from govcheck.records import record_from_mapping

    rule = versions[-1]
    s = rule.spec
    out = [f"{s.id} ({s.name}): {s.title}", ""]
    out += [f"Severity: {s.severity.value}    Applies to: {', '.join(s.applies_to)}    "
            f"Nations: {', '.join(s.jurisdictions)}"]
    out += ["In force: " + "; ".join(f"{v.spec.effective} ({v.path})" for v in versions), ""]
    out += ["What it checks", _wrap(s.description), ""]
    out += ["Why", _wrap(s.why), ""]
    status = {"verified": "read in the legislation",
              "secondary": "read in a reliable secondary source or an identical provision",
              "inferred": "inferred: verify before relying on it"}[s.law_status]
    if s.builtin:
        out += ["Source", "  govcheck itself (a finding about reading the input, not about the "
                "law)", ""]
    else:
        out += ["The law", f"  {s.citation.instrument}, {s.citation.provision}",
                f"  {s.citation.url}", f"  Status of the text encoded: {status}", ""]
    if s.exceptions:
        out.append("Statutory exceptions (reported as covered, never silently passed)")
        for e in s.exceptions:
            out.append(f"  {e.name}: {e.title}, {e.citation.instrument} {e.citation.provision}"
                       f"  {e.citation.url}")
        out.append("")
    breach = next((c for c in s.cases if c.expect == "breach"), None)
    if breach is not None:
        out.append(f"Example (case {breach.name!r})")
        for k, v in (breach.record.get("fields") or {}).items():
            out.append(f"  {k}: {display_value(v)}")
        record = record_from_mapping(breach.record, "example", lambda _: 0, ())
        base = {}
        try:
            from govcheck.engine.profile import load_profile

            base = load_profile(None, pack.root)
        except Exception:  # noqa: BLE001 - the example is best-effort documentation
            pass
        v = evaluate_rule(rule, record, {**base, **breach.profile}, breach.as_of or CASE_TODAY)
        if v.finding is not None:
            out.append(_wrap(f"-> {v.finding.message}", "  "))
        out.append("")
    out += ["Fix", _wrap(s.fix), ""]
    return "\n".join(out)


def _fields(record):
    return sorted(record.fields.items(), key=lambda kv: (kv[1].line, kv[0]))


def extract_text(path: str, records, notes, lines=(), encoding: str | None = None) -> str:
    """Every field read, with where: ``path:line`` and, for PDF, Word and HTML, the page
    and line on the page or the paragraph / table cell (from the Document's lines).  A
    text file read as other than plain UTF-8 says which encoding it was read as."""
    source = {ln.number: ln for ln in lines if ln.page is not None or ln.where}
    out = []
    if encoding and encoding != "UTF-8":
        out.append(f"{path}: read as {encoding}")
    if not records:
        out.append(f"{path}: no records found")
    for i, r in enumerate(records, 1):
        out.append(f"{path}: record {i}: {r.kind} ({r.nation}), from line {r.line}")
        if not r.fields:
            out.append("  no fields found")
        for name, fv in _fields(r):
            where = f"{path}:{fv.line}"
            if fv.line in source:
                where += f" ({source[fv.line].describe()})"
            value = display_value(fv.value)
            if name == "recommendations":
                value = "; ".join(f"{x['kind']}: {x['text'][:50]}" for x in fv.value)
            if name == "agenda_items":
                out.append(f"  {name:<34} {len(fv.value)} items")
                for it in fv.value:
                    flags = [f for f in ("late", "urgent") if it.get(f)]
                    if it.get("restricted"):
                        flags.append("exempt" + (f" para {', '.join(it['paragraphs'])}"
                                                 if it.get("paragraphs") else ""))
                    number = f"{it['number']:>4}." if it.get("number") else "    -"
                    shown = f"{number} {it['title'][:60]}"
                    out.append(f"  {'':<34} {shown}" + (f" [{'; '.join(flags)}]" if flags else "")
                               + f" (line {it['line']})")
                out.append(f"  {'':<34} at {where}")
                continue
            out.append(f"  {name:<34} {value}")
            out.append(f"  {'':<34} at {where}: {fv.text[:100]!r}")
    for n in notes:
        out.append(f"{path}:{n.line}:{n.column}: note: {n.message}")
    return "\n".join(out) + "\n"


def _json_value(v):
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def extract_json(path: str, records, notes) -> str:
    doc = {
        "path": path,
        "records": [{
            "kind": r.kind, "nation": r.nation, "line": r.line,
            "fields": {name: {"value": _json_value(fv.value), "line": fv.line,
                              "column": fv.column, "page": fv.page, "text": fv.text}
                       for name, fv in _fields(r)},
        } for r in records],
        "notes": [{"line": n.line, "column": n.column, "message": n.message,
                   "field": n.field} for n in notes],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


REFERENCE_BEGIN = "<!-- rule reference: generated by `python -m govcheck.docs`; do not edit -->"
REFERENCE_END = "<!-- end of rule reference -->"


def rules_markdown(pack) -> str:
    """The rule reference for docs/rules.md: every code, its versions in force, the law
    it cites, its exceptions and where its severity is lowered."""
    out = [REFERENCE_BEGIN, "", "## Rule reference", ""]
    out += ["| code | name | severity | applies to | nations | in force | citation |",
            "|---|---|---|---|---|---|---|"]
    for code, versions in sorted(pack.by_code.items()):
        s = versions[-1].spec
        cite = s.citation
        law = (f"[{cite.instrument}, {cite.provision}]({cite.url})" if cite.url
               else "govcheck (not law)")
        when = "; ".join(str(v.spec.effective) for v in versions)
        out.append(f"| `{code}` | {s.name} | {s.severity.value} | {', '.join(s.applies_to)} "
                   f"| {', '.join(s.jurisdictions)} | {when} | {law} |")
    out.append("")
    for code, versions in sorted(pack.by_code.items()):
        s = versions[-1].spec
        notes = []
        for e in s.exceptions:
            notes.append(f"covered by {e.title} ({e.citation.provision})")
        for u in s.uncertain or []:
            notes.append(f"{u.severity.value} when {u.name.replace('-', ' ')}")
        if notes:
            out.append(f"- `{code}` {s.title}: " + "; ".join(notes) + ".")
    out += ["", REFERENCE_END, ""]
    return "\n".join(out)


def refresh_rules_md(path, pack) -> str:
    """docs/rules.md with its generated rule reference brought up to date."""
    from pathlib import Path

    text = Path(path).read_text(encoding="utf-8")
    ref = rules_markdown(pack)
    if REFERENCE_BEGIN in text:
        head = text[:text.index(REFERENCE_BEGIN)]
        tail = text[text.index(REFERENCE_END) + len(REFERENCE_END):].lstrip("\n")
        return head + ref + tail
    return text.rstrip("\n") + "\n\n" + ref


if __name__ == "__main__":  # python -m govcheck.docs: refresh docs/rules.md
    from pathlib import Path

    from govcheck.engine.rules import RulePack

    target = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
    target.write_text(refresh_rules_md(target, RulePack.load()), encoding="utf-8")
    print(f"wrote {target}")
