"""The CLI: exit codes, the JSON contracts, rule docs, extract, test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck.check import display_path
from govcheck.cli import main
from govcheck.engine.rules import RulePack

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "fixtures"


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def check_json(*args):
    result = run("check", "--output-format", "json", *args)
    return result, json.loads(result.stdout)


FINDING_KEYS = {"code", "name", "severity", "message", "path", "line", "column", "page",
                "page_line", "citation", "fix", "exception"}


def test_json_contract_on_all_fixtures():
    result, doc = check_json(FIX)
    assert set(doc) == {"govcheck", "findings", "errors", "summary"}
    assert doc["govcheck"]
    assert doc["findings"], "the breaching fixtures must produce findings"
    for f in doc["findings"]:
        assert FINDING_KEYS <= set(f)
        assert f["severity"] in ("error", "warning", "info")
        assert isinstance(f["line"], int) and f["line"] >= 1
        assert isinstance(f["column"], int) and f["column"] >= 1
        assert set(f["citation"]) == {"instrument", "provision", "url"}
        assert f["fix"] and f["message"]
        if f["exception"] is not None:
            assert set(f["exception"]) >= {"name", "title", "citation"}
            assert f["severity"] == "info"
    for e in doc["errors"]:
        assert set(e) == {"path", "message"}
    s = doc["summary"]
    assert s["findings"] == len(doc["findings"])
    assert s["by_severity"]["error"] == sum(f["severity"] == "error" for f in doc["findings"])


def test_exit_codes(tmp_path):
    clean = FIX / "reports" / "cabinet-2019-03-26-improvement-stocktake.txt"
    late = FIX / "decisions" / "decision-2024-04-09-clean-air-zone-late-notice.txt"
    assert run("check", clean).exit_code == 0
    assert run("check", late).exit_code == 1
    assert run("check", "--exit-zero", late).exit_code == 0
    assert run("check", "--ignore", "KD001", late).exit_code == 0
    warn_only = FIX / "decisions" / "decision-2024-04-30-it-support-not-callin.txt"
    assert run("check", warn_only).exit_code == 0
    assert run("check", "--fail-on", "warning", warn_only).exit_code == 1


def test_covered_finding_does_not_fail_even_at_info():
    urgent = FIX / "decisions" / "decision-2024-02-27-energy-contract-special-urgency.txt"
    result, doc = check_json("--fail-on", "info", "--select", "KD", urgent)
    kd = [f for f in doc["findings"] if f["code"] == "KD001"]
    assert kd and kd[0]["exception"]["name"] == "special-urgency"
    assert kd[0]["exception"]["citation"]["provision"] == "regulation 11"
    assert result.exit_code == 0


def test_select_by_prefix_and_name():
    _, doc = check_json("--select", "EX", FIX / "reports")
    assert doc["findings"] and all(f["code"].startswith("EX") for f in doc["findings"])
    _, doc = check_json("--select", "improvement-plan-after-directions-deadline", FIX / "reports")
    assert [f["code"] for f in doc["findings"]] == ["DL001"]


def test_concise_line_shape():
    late = FIX / "decisions" / "decision-2024-04-09-clean-air-zone-late-notice.txt"
    out = run("check", late).stdout.splitlines()
    first = out[0]
    assert first.startswith(f"{display_path(late)}:12:")
    assert " KD001 [error] " in first
    assert "19 clear days" in first and "28 required" in first
    assert "SI 2012/2089), regulation 9)" in first and first.endswith("[key-decision-notice-period]")
    assert out[-1].startswith("Found 1 error in 1 file")


def test_full_format_shows_law_and_fix():
    late = FIX / "decisions" / "decision-2024-04-09-clean-air-zone-late-notice.txt"
    out = run("check", "--output-format", "full", late).stdout
    assert "https://www.legislation.gov.uk/uksi/2012/2089/regulation/9" in out
    assert "fix:" in out and "-->" in out


def test_as_of_changes_today_for_deadline_rules(tmp_path):
    f = tmp_path / "plan.yaml"
    f.write_text("kind: report\nfields:\n  title: Improvement Plan\n"
                 "  directions_date: 2023-10-05\n  directions_period_months: 6\n",
                 encoding="utf-8")
    # a draft with no meeting date is checked against "today"
    _, doc = check_json("--as-of", "2024-06-01", f)
    assert [x["code"] for x in doc["findings"]] == ["DL001"]
    assert "today 2024-06-01 is 57 days after" in doc["findings"][0]["message"]
    _, doc = check_json("--as-of", "2024-04-05", f)
    assert doc["findings"] == []


def test_rules_json_contract():
    result = run("rules", "--format", "json")
    assert result.exit_code == 0
    items = json.loads(result.stdout)
    codes = [i["code"] for i in items]
    assert {"KD001", "CI001", "EX001", "DL001"} <= set(codes)
    for i in items:
        assert set(i) == {"code", "name", "title", "severity", "jurisdictions", "citation"}
        assert set(i["citation"]) == {"instrument", "provision", "url"}


def test_rules_table():
    out = run("rules").stdout
    assert "KD001" in out and "key-decision-notice-period" in out


@pytest.mark.parametrize("code", [r.code for r in RulePack.load().latest()])
def test_rule_doc_for_every_rule(code):
    result = run("rule", code)
    assert result.exit_code == 0
    out = result.stdout
    rule = RulePack.load().find(code)[-1]
    law = "Source" if rule.spec.builtin else "The law"
    for section in ("What it checks", "Why", law, "Fix"):
        assert section in out
    assert rule.spec.citation.url in out
    if not rule.spec.builtin:
        assert "Example" in out and "->" in out


def test_rule_by_name_and_unknown():
    assert "KD001" in run("rule", "key-decision-notice-period").stdout
    bad = run("rule", "KD009")
    assert bad.exit_code == 2 and "unknown rule" in bad.output


def test_extract_text_and_json():
    f = FIX / "reports" / "cabinet-2024-06-25-waste-fleet-late-notice.txt"
    out = run("extract", f).stdout
    assert "key_decision" in out and f"{display_path(f)}:14" in out
    doc = json.loads(run("extract", "--format", "json", f).stdout)
    assert doc["path"] == display_path(f)
    (rec,) = doc["records"]
    assert rec["kind"] == "report" and rec["nation"] == "england"
    fields = rec["fields"]
    assert fields["key_decision"]["value"] is True
    assert fields["meeting_date"]["value"] == "2024-06-25"
    assert fields["notice_first_published"]["value"] == "2024-06-10"
    assert fields["forward_plan_ref"]["value"] == "012874/2024"
    assert fields["wards"]["value"] == ["ALL"]
    assert fields["exempt"]["value"] == "none"
    for v in fields.values():
        assert {"value", "line", "text"} <= set(v) and v["line"] >= 1


def test_extract_text_shows_an_agenda_item_without_a_number():
    # an agenda item printed with no number of its own (a paragraph under an unnumbered
    # item of a ModernGov agenda) is shown, not an internal error
    from govcheck.docs import extract_text
    from govcheck.model import FieldValue, Record

    item = {"number": None, "title": "The Cabinet considered the above report", "line": 9}
    rec = Record(kind="meeting", path="agenda.txt",
                 fields={"agenda_items": FieldValue(value=[item], line=9, column=1, text="")})
    out = extract_text("agenda.txt", [rec], [])
    assert "- The Cabinet considered the above report (line 9)" in out


def test_extract_unreadable_is_exit_2(tmp_path):
    f = tmp_path / "e.txt"
    f.write_bytes(b"")
    result = run("extract", f)
    assert result.exit_code == 2 and "empty file" in result.output


def test_govcheck_test_command():
    result = run("test")
    assert result.exit_code == 0
    assert " passed, 0 failed" in result.stdout


def test_govcheck_test_reports_failing_case(tmp_path):
    rules = tmp_path / "rules" / "england"
    rules.mkdir(parents=True)
    src = (ROOT / "rules" / "england" / "exempt-information" / "EX001.yaml").read_text("utf-8")
    (rules / "EX001.yaml").write_text(src.replace("exempt: none", "exempt: full"), "utf-8")
    result = run("test", tmp_path / "rules")
    assert result.exit_code == 1
    assert "FAIL" in result.stdout and "EX001:open-report" in result.stdout


def test_nothing_found_is_a_warning_not_a_clean_pass(tmp_path):
    f = tmp_path / "news.txt"
    f.write_text("Council opens new library\n\nThe library opens on Monday.\n", "utf-8")
    _, doc = check_json(f)
    assert [x["code"] for x in doc["findings"]] == ["GC002"]


def test_every_field_is_documented():
    from govcheck.fields import FIELDS

    from govcheck.fields import markdown_table

    text = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
    missing = [n for n in FIELDS if f"| `{n}` |" not in text]
    assert not missing, f"docs/records.md lacks {missing}"
    assert text.endswith(markdown_table()), "regenerate with: python -m govcheck.fields"


def test_parallel_run_gives_the_same_report(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")  # an unreadable file in the batch too
    serial = run("check", "--output-format", "json", "--jobs", "1", FIX, tmp_path)
    parallel = run("check", "--output-format", "json", "--jobs", "2", "--select", "ALL",
                   FIX, tmp_path)
    assert serial.exit_code == parallel.exit_code == 2
    a, b = json.loads(serial.stdout), json.loads(parallel.stdout)
    assert a["findings"] == b["findings"] and a["errors"] == b["errors"]
    assert a["summary"] == b["summary"]


def test_pdf_findings_give_page_and_line_on_page():
    pack = FIX / "pdf" / "agenda-pack.pdf"
    _, doc = check_json(pack)
    kd = next(f for f in doc["findings"] if f["code"] == "KD001")
    assert kd["page"] == 3 and kd["page_line"] >= 1
    line = next(ln for ln in run("check", pack).stdout.splitlines() if " KD001 " in ln)
    assert f"(page {kd['page']}, line {kd['page_line']})" in line


def test_extract_names_the_table_cell_in_word():
    out = run("extract", FIX / "docx" / "cabinet-report-frontsheet.docx").stdout
    key = out.split("key_decision", 1)[1].splitlines()[1]
    assert "(table 1, row" in key


def test_batch_links_a_report_to_its_forward_plan_notice():
    report = FIX / "reports" / "cabinet-2024-07-16-housing-repairs-exempt-no-paragraph.txt"
    notice = FIX / "notices" / "forward-plan-2024-06-housing-repairs-extension.txt"
    _, alone = check_json(report)
    assert "KD001" not in [f["code"] for f in alone["findings"]]
    _, together = check_json(report, notice)
    kd = [f for f in together["findings"] if f["code"] == "KD001" and f["path"] == display_path(report)]
    (f,) = kd
    assert f"notice first published 2024-06-27 ({display_path(notice)}:12)" in f["message"]
    assert "18 clear days" in f["message"] and f["line"] == 3


def test_statistics():
    out = run("check", "--statistics", FIX).stdout.splitlines()
    assert any(" KD001  error    key-decision-notice-period" in line for line in out)
    counts = [int(line.split()[0]) for line in out[:-1]]
    assert counts == sorted(counts, reverse=True)
    assert out[-1].startswith("Found ")


def test_rule_reference_in_docs_is_current():
    from govcheck.docs import refresh_rules_md
    from govcheck.engine.rules import RulePack

    path = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
    assert path.read_text(encoding="utf-8") == refresh_rules_md(path, RulePack.load()), \
        "regenerate with: python -m govcheck.docs"


@pytest.mark.parametrize("choice, env, expected", [
    ("always", {}, True), ("never", {"FORCE_COLOR": "1"}, False),
    ("auto", {"FORCE_COLOR": "1"}, True), ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    ("auto", {}, False),    # not a terminal
])
def test_colour_choice(monkeypatch, choice, env, expected):
    from govcheck.cli import use_color

    for k in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(k, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert use_color(choice) is expected
    assert use_color(choice, output_file="report.txt") is False


def test_colour_always_colours_the_report():
    from click.testing import CliRunner

    from govcheck.cli import main

    f = "fixtures/reports/cabinet-2024-06-25-waste-fleet-late-notice.txt"
    coloured = CliRunner().invoke(main, ["check", "--color", "always", f]).output
    plain = CliRunner().invoke(main, ["check", "--color", "never", f]).output
    assert "\x1b[" in coloured and "\x1b[" not in plain


def test_init_writes_a_starter_configuration_that_loads(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from govcheck.cli import main
    from govcheck.config import load_config

    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["init"])
    assert r.exit_code == 0 and (tmp_path / "govcheck.toml").is_file()
    assert load_config(tmp_path / "govcheck.toml").get("fail-on") == "error"
    # every commented example is valid when uncommented
    text = (tmp_path / "govcheck.toml").read_text()
    live = "\n".join(line[2:] if line.startswith("# ") and ("=" in line or "[[" in line)
                     else line for line in text.splitlines())
    (tmp_path / "govcheck.toml").write_text(live)
    cfg = load_config(tmp_path / "govcheck.toml")
    assert cfg.get("profile") == "birmingham" and cfg.get("waivers")
    # an existing file is kept unless --force
    assert CliRunner().invoke(main, ["init"]).exit_code == 2
    assert CliRunner().invoke(main, ["init", "--force"]).exit_code == 0


def test_statistics_as_json():
    from click.testing import CliRunner

    from govcheck.cli import main

    r = CliRunner().invoke(main, ["check", "--statistics", "--output-format", "json",
                                  "fixtures/reports"])
    rows = json.loads(r.stdout)
    assert rows and {"code", "name", "severity", "count"} == set(rows[0])
    assert rows == sorted(rows, key=lambda x: (-x["count"], x["code"], x["name"]))


def test_extract_takes_several_files_and_directories():
    from click.testing import CliRunner

    from govcheck.cli import main

    r = CliRunner().invoke(main, ["extract", "fixtures/notices",
                                  "fixtures/decisions/decision-2024-03-19-highways-resurfacing.txt"])
    assert r.exit_code == 0
    assert r.output.count(": record 1:") >= 6
    r = CliRunner().invoke(main, ["extract", "--format", "json", "fixtures/notices"])
    assert isinstance(json.loads(r.stdout), list)


def test_shell_completion_script_as_documented():
    import os
    import subprocess
    import sys

    from pathlib import Path

    script = Path(sys.executable).parent / "govcheck"     # the installed command
    env = {**os.environ, "_GOVCHECK_COMPLETE": "bash_source"}
    out = subprocess.run([str(script)], env=env, capture_output=True, text=True).stdout
    assert "_govcheck_completion" in out


def test_progress_bar_only_on_a_terminal_and_not_when_quiet(monkeypatch):
    import io
    import sys

    from govcheck.cli import progress_bar

    with progress_bar(quiet=False) as p:           # not a terminal (pytest captures)
        assert p is None

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stderr", Tty())
    with progress_bar(quiet=True) as p:
        assert p is None
    with progress_bar(quiet=False) as p:
        for done in range(1, 4):
            p(done, 3)
    shown = sys.stderr.getvalue()
    assert "checking" in shown and "3/3" in shown and "files/s" in shown


def test_full_format_shows_the_source_line_with_a_marker_under_the_value():
    from click.testing import CliRunner

    from govcheck.cli import main

    f = "fixtures/reports/cabinet-2024-06-25-waste-fleet-late-notice.txt"
    out = CliRunner().invoke(main, ["check", "--output-format", "full", "--color", "never",
                                    f]).output.splitlines()
    i = next(k for k, line in enumerate(out) if line.startswith("  --> ") and ":16:41" in line)
    assert out[i + 1] == "   | Notice of key decision first published:    10/06/2024"
    marker = out[i + 2]
    assert marker.startswith("   | ") and marker[5:].index("^") == 40
    assert marker.strip().endswith("^" * 10)


def test_a_parallel_batch_links_a_report_to_a_notice_read_by_another_worker(tmp_path):
    report = FIX / "reports" / "cabinet-2024-07-16-housing-repairs-exempt-no-paragraph.txt"
    notice = FIX / "notices" / "forward-plan-2024-06-housing-repairs-extension.txt"
    # the report first and the notice last, 40 files apart: two workers read them
    (tmp_path / "a-report.txt").write_bytes(report.read_bytes())
    filler = (FIX / "decisions" / "decision-2024-03-19-highways-resurfacing.txt").read_bytes()
    for i in range(40):
        (tmp_path / f"m-{i:02d}.txt").write_bytes(filler)
    (tmp_path / "z-notice.txt").write_bytes(notice.read_bytes())
    results = [json.loads(run("check", "--output-format", "json", "--jobs", jobs,
                              str(tmp_path)).stdout) for jobs in ("1", "2")]
    for doc in results:
        kd = [f for f in doc["findings"] if f["code"] == "KD001" and
              f["path"].endswith("a-report.txt")]
        assert len(kd) == 1 and "18 clear days" in kd[0]["message"]
    assert results[0]["findings"] == results[1]["findings"]
    assert results[0]["summary"] == results[1]["summary"]


def test_a_file_sends_back_findings_and_only_the_records_waiting_for_a_notice():
    import datetime as dt

    from govcheck.check import check_file
    from govcheck.engine.profile import load_profile
    from govcheck.engine.rules import RulePack, default_rules_dir

    pack = RulePack.load()
    profile = load_profile(None, default_rules_dir())
    report = FIX / "reports" / "cabinet-2024-07-16-housing-repairs-exempt-no-paragraph.txt"
    notice = FIX / "notices" / "forward-plan-2024-06-housing-repairs-extension.txt"
    fr = check_file(report, pack, profile, dt.date(2025, 1, 1))
    assert fr.count >= 1 and [r.kind for r in fr.records] == ["report"]   # it waits
    fr = check_file(notice, pack, profile, dt.date(2025, 1, 1))
    assert fr.records == [] and fr.count >= 1
    assert [(ref, fv.value.isoformat()) for ref, fv, _ in fr.sources] == \
        [(fr.sources[0][0], "2024-06-27")]


@pytest.mark.parametrize("where", ["inside", "outside", "relative", "itself", "root"])
def test_display_path_is_path_relative_to(where, tmp_path, monkeypatch):
    from govcheck.check import display_path

    cwd = Path("/") if where == "root" else tmp_path
    monkeypatch.chdir(cwd)
    p = {"inside": tmp_path / "a" / "b.txt", "outside": Path("/elsewhere/c.txt"),
         "relative": Path("d/e.txt"), "itself": tmp_path,
         "root": Path("/srv/f.txt")}[where]
    try:
        expected = str(p.relative_to(Path.cwd()))
    except ValueError:
        expected = str(p)
    assert display_path(p) == expected
