"""JUnit XML: one test suite per input file, one failing test case per finding that
fails the run, a passing case for a file with none; unreadable files are errors (test
case ``GC001 unreadable-input``)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from govcheck.model import Severity
from govcheck.render import unreadable_findings
from govcheck import recache

_ILLEGAL = recache.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _ILLEGAL.sub("\ufffd", text)


def render(result, ctx) -> str:
    threshold = Severity(ctx.fail_on).rank
    by_path: dict[str, list] = defaultdict(list)
    for f in result.findings:
        by_path[f.location.path].append(f)
    suites = ET.Element("testsuites", name="govcheck")
    total = failures = errors = 0
    for path in sorted(by_path):
        findings = by_path[path]
        suite = ET.SubElement(suites, "testsuite", name=_clean(path))
        n_fail = 0
        for f in findings:
            case = ET.SubElement(suite, "testcase", classname=_clean(path),
                                 name=_clean(f"{f.code} {f.name} (line {f.location.line})"))
            text = (f"{f.message}\n{f.citation.instrument}, {f.citation.provision} "
                    f"{f.citation.url}\nFix: {f.fix}")
            if not f.suppressed and f.severity.rank >= threshold:
                n_fail += 1
                el = ET.SubElement(case, "failure", type=f.severity.value,
                                   message=_clean(f"{f.code}: {f.message}"))
                el.text = _clean(text)
            else:
                out = ET.SubElement(case, "system-out")
                out.text = _clean(("covered: " + f.exception.title + "\n" if f.covered else "")
                                  + (f"waived: {f.waiver.reason}\n" if f.waiver else "")
                                  + text)
        suite.set("tests", str(len(findings)))
        suite.set("failures", str(n_fail))
        suite.set("errors", "0")
        total += len(findings)
        failures += n_fail
    if result.errors:
        suite = ET.SubElement(suites, "testsuite", name="unreadable inputs",
                              tests=str(len(result.errors)), failures="0",
                              errors=str(len(result.errors)))
        unreadable = unreadable_findings(result)
        for i, e in enumerate(result.errors):
            name = (f"{unreadable[i].code} {unreadable[i].name}" if i < len(unreadable)
                    else "read")
            case = ET.SubElement(suite, "testcase", classname=_clean(e.path), name=name)
            ET.SubElement(case, "error", message=_clean(e.message)).text = _clean(e.message)
        total += len(result.errors)
        errors += len(result.errors)
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    suites.set("errors", str(errors))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
