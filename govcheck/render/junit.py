"""JUnit XML: one test suite per input file, one failing test case per finding that
fails the run, a passing case for a file with none; unreadable files are errors (test
case ``GC001 unreadable-input``)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from govcheck.model import Severity
from govcheck.render import unreadable_findings
from govcheck import recache

_ILLEGAL = recache.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _ILLEGAL.sub("\ufffd", text)


def _suite(path: str, findings: list, threshold: int) -> tuple[ET.Element, int]:
    """One file's test suite, and how many of its cases fail."""
    suite = ET.Element("testsuite", name=_clean(path))
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
    return suite, n_fail


def _by_file(findings):
    """``(path, that file's findings)``, from findings sorted by file."""
    path, group = None, []
    for f in findings:
        if f.location.path != path:
            if group:
                yield path, group
            path, group = f.location.path, []
        group.append(f)
    if group:
        yield path, group


def _xml(el: ET.Element) -> str:
    """An element as ``ET.indent`` and ``ET.tostring`` write it one level down in the
    document (its own tail is the caller's)."""
    ET.indent(el, level=1)
    el.tail = None
    return ET.tostring(el, encoding="unicode")


def chunks(result, ctx):
    """The report a file at a time: the totals come from a first pass over the findings,
    then each file's suite is written as its findings are read back."""
    threshold = Severity(ctx.fail_on).rank
    total = failures = 0
    for f in result.findings:
        total += 1
        failures += not f.suppressed and f.severity.rank >= threshold
    errors = len(result.errors)
    total += errors
    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="govcheck" '
            f'tests="{total}" failures="{failures}" errors="{errors}"')
    if not total:
        yield head + " />\n"
        return
    yield head + ">"
    for path, findings in _by_file(result.findings):
        yield "\n  " + _xml(_suite(path, findings, threshold)[0])
    if result.errors:
        suite = ET.Element("testsuite", name="unreadable inputs",
                           tests=str(errors), failures="0", errors=str(errors))
        unreadable = unreadable_findings(result)
        for i, e in enumerate(result.errors):
            name = (f"{unreadable[i].code} {unreadable[i].name}" if i < len(unreadable)
                    else "read")
            case = ET.SubElement(suite, "testcase", classname=_clean(e.path), name=name)
            ET.SubElement(case, "error", message=_clean(e.message)).text = _clean(e.message)
        yield "\n  " + _xml(suite)
    yield "\n</testsuites>\n"


def render(result, ctx) -> str:
    return "".join(chunks(result, ctx))
