"""The library entry point: govcheck.api.check_paths holds the whole run policy, and the
command line only renders what it returns."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck import __version__
from govcheck.api import (EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, SEVERITIES, CheckResult,
                          check_paths, load_rules)
from govcheck.cli import main
from govcheck.render import RenderContext, render

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "fixtures"
LATE = FIX / "decisions" / "decision-2024-04-09-clean-air-zone-late-notice.txt"
AS_OF = dt.date(2026, 1, 1)


def cli_json(*args):
    r = CliRunner().invoke(main, ["check", "--output-format", "json",
                                  *[str(a) for a in args]])
    assert "Traceback" not in r.output
    return r


def as_json(result: CheckResult) -> str:
    """What the command line prints for this result in JSON."""
    ctx = RenderContext(version=__version__, fail_on=result.fail_on, failing=result.failing,
                        rules=result.rules)
    return render("json", result, ctx)


def test_library_result_is_what_the_cli_prints_on_all_fixtures():
    result = check_paths([str(FIX)], as_of=AS_OF)
    cli = cli_json("--as-of", AS_OF, FIX)
    assert as_json(result) == cli.stdout
    assert result.exit_code() == cli.exit_code
    doc = json.loads(cli.stdout)
    assert result.failing == doc["summary"]["failing"] > 0
    assert result.counts == doc["summary"]["by_severity"]
    assert sum(result.counts.values()) == len(result.findings)
    assert (result.files, result.records) == (doc["summary"]["files"],
                                              doc["summary"]["records"])


@pytest.mark.parametrize("fail_on", SEVERITIES)
def test_selection_and_threshold_match_the_cli(fail_on):
    kw = dict(select=["KD", "EX", "GC"], ignore=["KD003"], fail_on=fail_on)
    result = check_paths([str(FIX / "decisions"), str(FIX / "notices")], as_of=AS_OF, **kw)
    cli = cli_json("--as-of", AS_OF, "--select", "KD,EX,GC", "--ignore", "KD003",
                   "--fail-on", fail_on, FIX / "decisions", FIX / "notices")
    assert as_json(result) == cli.stdout
    assert result.exit_code() == cli.exit_code
    assert {f.code[:2] for f in result.findings} <= {"KD", "EX", "GC"}
    assert "KD003" not in {f.code for f in result.findings}
    assert result.exit_code(exit_zero=True) == EXIT_OK


WAIVERS = [
    {"rule": "KD001", "path": "fixtures/notices/*", "reason": "agreed", "approved-by": "MO",
     "expires": dt.date(2030, 1, 1)},
    {"rule": "EX001", "path": "nowhere/*", "reason": "stale", "approved-by": "MO",
     "expires": "2030-01-01"},
    {"rule": "KD", "path": "*reports*", "reason": "old", "approved-by": "MO",
     "expires": dt.date(2020, 1, 1)},
]


def _toml(waivers) -> str:
    return "".join(
        f'[[waivers]]\nrule = "{w["rule"]}"\npath = "{w["path"]}"\nreason = "{w["reason"]}"\n'
        f'approved-by = "{w["approved-by"]}"\nexpires = {w["expires"]}\n\n' for w in waivers)


def test_waivers_match_the_cli(tmp_path, monkeypatch):
    import shutil

    from govcheck.waivers import parse

    # the configuration beside the files it names: its paths are relative to it
    shutil.copytree(ROOT / "fixtures", tmp_path / "fixtures")
    monkeypatch.chdir(tmp_path)
    cfg = tmp_path / "govcheck.toml"
    cfg.write_text(_toml(WAIVERS), encoding="utf-8")
    result = check_paths(["fixtures"], as_of=AS_OF,
                         waivers=parse(WAIVERS, str(cfg), anchored=True))
    codes = {f.code for f in result.findings}
    assert {"GC004", "GC005"} <= codes
    assert any(f.waiver is not None for f in result.findings)
    cli = cli_json("--config", cfg, "--as-of", AS_OF, "fixtures")
    assert as_json(result) == cli.stdout
    assert result.exit_code() == cli.exit_code == EXIT_FINDINGS
    # configuration tables work as well as parsed waivers
    tables = check_paths(["fixtures"], as_of=AS_OF, waivers=WAIVERS)
    assert [(f.code, f.waiver is None) for f in tables.findings if not f.code.startswith("GC")] \
        == [(f.code, f.waiver is None) for f in result.findings if not f.code.startswith("GC")]


def test_ignoring_gc005_drops_unused_waivers(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = check_paths(["fixtures"], as_of=AS_OF, waivers=WAIVERS, ignore=["GC005"])
    assert "GC005" not in {f.code for f in result.findings}


def test_unreadable_input_is_an_error_and_a_gc001_finding(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = check_paths([str(LATE), str(tmp_path), str(tmp_path / "missing.txt")])
    assert [e.path for e in result.errors][-1] == str(tmp_path / "empty.txt")
    assert len(result.errors) == 2
    assert [f.code for f in result.unreadable] == ["GC001", "GC001"]
    assert [f.location.path for f in result.unreadable] == [e.path for e in result.errors]
    assert "GC001" not in {f.code for f in result.findings}
    assert result.exit_code() == result.exit_code(exit_zero=True) == EXIT_ERROR
    cli = cli_json(LATE, tmp_path, tmp_path / "missing.txt")
    assert as_json(result) == cli.stdout and cli.exit_code == EXIT_ERROR


def test_loaded_pack_and_profile_are_used_as_given():
    pack, profile = load_rules(None, "birmingham")
    a = check_paths([str(FIX / "notices")], pack=pack, profile=profile, as_of=AS_OF)
    b = check_paths([str(FIX / "notices")], profile="birmingham", as_of=AS_OF)
    assert a.findings == b.findings and a.pack is pack and a.profile is profile
    assert as_json(a) == cli_json("--profile", "birmingham", "--as-of", AS_OF,
                                  FIX / "notices").stdout


def test_exclude_max_bytes_and_jobs():
    few = check_paths([str(FIX)], exclude=["*.pdf", "*.docx"], as_of=AS_OF)
    assert few.files and not any(f.location.path.endswith((".pdf", ".docx"))
                                 for f in few.findings)
    small = check_paths([str(LATE)], max_bytes=10)
    assert small.errors and small.exit_code() == EXIT_ERROR
    one = check_paths(FIX / "notices", jobs=1, as_of=AS_OF)   # one path, a Path
    per_cpu = check_paths([str(FIX / "notices")], jobs=0, as_of=AS_OF)
    assert one.findings == per_cpu.findings


def test_bad_options_raise():
    from govcheck.selection import SelectionError
    from govcheck.waivers import WaiverError

    with pytest.raises(SelectionError, match="unknown rule selector"):
        check_paths([str(LATE)], select=["ZZ"])
    with pytest.raises(ValueError, match="fail_on"):
        check_paths([str(LATE)], fail_on="fatal")
    with pytest.raises(WaiverError, match="missing"):
        check_paths([str(LATE)], waivers=[{"rule": "KD001"}])


def test_severities_are_the_model_s():
    from govcheck.model import Severity

    assert SEVERITIES == tuple(s.value for s in sorted(Severity, key=lambda s: -s.rank))


def test_check_bytes_points_at_the_name_given():
    from govcheck.api import check_bytes

    late = (ROOT / "fixtures" / "reports" /
            "cabinet-2024-06-25-waste-fleet-late-notice.txt").read_bytes()
    r = check_bytes(late, "drafts/waste.txt")
    assert [(f.code, f.location.path) for f in r.findings] == [("KD001", "drafts/waste.txt")]
    assert r.exit_code() == 1
    bad = check_bytes(b"", "empty.txt")
    assert [(e.path, e.message) for e in bad.errors] == [("empty.txt",
                                                         "empty file: nothing to check")]
    assert bad.exit_code() == 2


def test_standard_input_is_checked_under_its_stdin_filename():
    from click.testing import CliRunner

    from govcheck.cli import main

    late = (ROOT / "fixtures" / "reports" /
            "cabinet-2024-06-25-waste-fleet-late-notice.txt").read_bytes()
    r = CliRunner().invoke(main, ["check", "-", "--stdin-filename", "reports/waste.txt"],
                           input=late)
    assert r.exit_code == 1 and r.output.startswith("reports/waste.txt:16:41: KD001")
    r = CliRunner().invoke(main, ["check", "-"], input=late)
    assert r.output.startswith("-:16:41: KD001")
    r = CliRunner().invoke(main, ["check", "-", "fixtures"], input=late)
    assert r.exit_code == 2 and "cannot be given with other paths" in r.output


def test_to_json_is_the_contract_the_cli_prints(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = check_paths(["fixtures/reports"], as_of=AS_OF)
    assert result.to_json() == json.loads(as_json(result))
    assert result.to_json()["findings"][0].keys() >= {"code", "severity", "path", "line"}
