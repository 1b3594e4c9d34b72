"""Waivers: recorded, approved, expiring decisions that a finding does not apply."""

from __future__ import annotations

import json

from click.testing import CliRunner

from govcheck.cli import main

LATE = """kind: report
fields:
  key_decision: true
  notice_first_published: 2024-03-20
  decision_date: 2024-04-09
"""


def setup(tmp_path, monkeypatch, waiver: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notices").mkdir()
    (tmp_path / "notices" / "n.yaml").write_text(LATE, encoding="utf-8")
    (tmp_path / "govcheck.toml").write_text(waiver, encoding="utf-8")


def check(*args):
    r = CliRunner().invoke(main, ["check", "--output-format", "json", *args])
    return r, json.loads(r.stdout) if r.stdout.startswith("{") else None


WAIVER = """
[[waivers]]
rule = "KD001"
path = "notices/*.yaml"
reason = "Notice published on the council's site on 1 March; the date field was wrong"
approved-by = "Monitoring Officer"
expires = {expires}
"""


def test_live_waiver_is_reported_and_does_not_fail(tmp_path, monkeypatch):
    setup(tmp_path, monkeypatch, WAIVER.format(expires="2030-01-01"))
    r, doc = check("--as-of", "2026-01-01", "notices")
    assert r.exit_code == 0
    (f,) = doc["findings"]
    assert f["code"] == "KD001" and f["severity"] == "error"
    assert f["waiver"]["approved_by"] == "Monitoring Officer"
    assert f["waiver"]["expires"] == "2030-01-01"
    assert doc["summary"]["waived"] == 1


def test_expired_waiver_reports_gc004_and_fails(tmp_path, monkeypatch):
    setup(tmp_path, monkeypatch, WAIVER.format(expires="2025-01-01"))
    r, doc = check("--as-of", "2026-01-01", "notices")
    assert r.exit_code == 1
    codes = sorted(f["code"] for f in doc["findings"])
    assert codes == ["GC004", "KD001"]
    kd = next(f for f in doc["findings"] if f["code"] == "KD001")
    assert kd["waiver"] is None
    gc = next(f for f in doc["findings"] if f["code"] == "GC004")
    assert "expired on 2025-01-01" in gc["message"]


def test_unused_waiver_is_a_warning(tmp_path, monkeypatch):
    setup(tmp_path, monkeypatch, WAIVER.format(expires="2030-01-01").replace("KD001", "EX001"))
    r, doc = check("--as-of", "2026-01-01", "notices")
    codes = sorted(f["code"] for f in doc["findings"])
    assert codes == ["GC005", "KD001"]
    assert r.exit_code == 1


def test_waiver_needs_reason_approver_and_expiry(tmp_path, monkeypatch):
    setup(tmp_path, monkeypatch, '[[waivers]]\nrule = "KD001"\npath = "*"\nreason = "x"\n')
    r = CliRunner().invoke(main, ["check", "notices"])
    assert r.exit_code == 2
    assert "missing approved-by, expires" in r.output
