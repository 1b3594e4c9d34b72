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


def run(tmp_path, *args, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(main, list(args))


def test_pyproject_config_applies_and_cli_overrides(tmp_path, monkeypatch):
    (tmp_path / "n.yaml").write_text(LATE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.govcheck]\nignore = ["KD001"]\noutput-format = "json"\n', encoding="utf-8")
    r = run(tmp_path, "check", "n.yaml", monkeypatch=monkeypatch)
    assert r.exit_code == 0
    assert json.loads(r.stdout)["findings"] == []
    r = run(tmp_path, "check", "--ignore", "EX", "--output-format", "concise", "n.yaml",
            monkeypatch=monkeypatch)
    assert r.exit_code == 1 and "KD001" in r.stdout


def test_govcheck_toml_wins_over_pyproject_and_exclude(tmp_path, monkeypatch):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "n.yaml").write_text(LATE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.govcheck]\nfail-on = "info"\n', "utf-8")
    (tmp_path / "govcheck.toml").write_text('exclude = ["drafts/*"]\n', encoding="utf-8")
    r = run(tmp_path, "check", ".", monkeypatch=monkeypatch)
    assert r.exit_code == 0 and "Found no findings in 0 files" in r.stdout


def test_unknown_key_is_an_error_with_suggestion(tmp_path, monkeypatch):
    (tmp_path / "n.yaml").write_text(LATE, encoding="utf-8")
    (tmp_path / "govcheck.toml").write_text('selct = ["KD"]\n', encoding="utf-8")
    r = run(tmp_path, "check", "n.yaml", monkeypatch=monkeypatch)
    assert r.exit_code == 2
    assert "unknown option 'selct'" in r.output and "did you mean 'select'" in r.output


def test_bad_value_and_bad_toml(tmp_path, monkeypatch):
    (tmp_path / "n.yaml").write_text(LATE, encoding="utf-8")
    (tmp_path / "govcheck.toml").write_text('fail-on = "fatal"\n', encoding="utf-8")
    assert run(tmp_path, "check", "n.yaml", monkeypatch=monkeypatch).exit_code == 2
    (tmp_path / "govcheck.toml").write_text('fail-on = \n', encoding="utf-8")
    r = run(tmp_path, "check", "n.yaml", monkeypatch=monkeypatch)
    assert r.exit_code == 2 and "invalid TOML" in r.output


def test_paths_in_the_configuration_are_relative_to_its_file(tmp_path, monkeypatch):
    (tmp_path / "reports" / "drafts").mkdir(parents=True)
    (tmp_path / "reports" / "late.yaml").write_text(LATE, encoding="utf-8")
    (tmp_path / "reports" / "other.yaml").write_text(LATE, encoding="utf-8")
    (tmp_path / "reports" / "drafts" / "d.yaml").write_text(LATE, encoding="utf-8")
    (tmp_path / "govcheck.toml").write_text(
        'exclude = ["reports/drafts/*"]\noutput-format = "json"\n'
        '[[waivers]]\nrule = "KD001"\npath = "reports/late.yaml"\n'
        'reason = "Cabinet agreed the exception"\napproved-by = "Monitoring Officer"\n'
        'expires = 2099-01-01\n', encoding="utf-8")

    def outcome(where, target):
        r = run(where, "check", target, monkeypatch=monkeypatch)
        doc = json.loads(r.stdout)
        return r.exit_code, sorted((f["path"].split("/")[-1], f["code"], bool(f["waiver"]))
                                   for f in doc["findings"] if f["code"] == "KD001")

    from_root = outcome(tmp_path, "reports")
    from_sub = outcome(tmp_path / "reports", ".")
    # the draft is excluded and late.yaml waived, from either directory
    assert from_root == from_sub
    assert from_root[1] == [("late.yaml", "KD001", True), ("other.yaml", "KD001", False)]
