"""The output formats are listed once, in the renderer registry; the command line, the
configuration file and the README follow it, and every documented format renders."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from govcheck.cli import check, main
from govcheck.config import CHOICES, ConfigError, load_config
from govcheck.render import FORMATS

ROOT = Path(__file__).resolve().parents[1]
LATE = ROOT / "fixtures" / "decisions" / "decision-2024-04-09-clean-air-zone-late-notice.txt"


def readme_formats() -> list[str]:
    """The list in the README's ``--output-format a|b|c`` option line."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    (listed,) = re.findall(r"`--output-format ([a-z-]+(?:\|[a-z-]+)+)`", text)
    return listed.split("|")


def test_readme_lists_exactly_the_registry():
    assert readme_formats() == list(FORMATS)


def test_every_format_named_in_the_docs_exists():
    for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = p.read_text(encoding="utf-8")
        for listed in re.findall(r"--output-format\s+([a-z|]+)", text):
            unknown = set(listed.split("|")) - set(FORMATS)
            assert not unknown, f"{p.name} names unknown formats {unknown}"


def test_cli_and_config_choices_come_from_the_registry():
    (opt,) = [p for p in check.params if p.name == "output_format"]
    assert isinstance(opt.type, click.Choice) and list(opt.type.choices) == list(FORMATS)
    assert CHOICES["output-format"] == tuple(FORMATS)


def test_config_rejects_an_unknown_format_listing_the_registry(tmp_path):
    cfg = tmp_path / "govcheck.toml"
    cfg.write_text('output-format = "xml"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=", ".join(FORMATS)):
        load_config(cfg)


@pytest.mark.parametrize("fmt", readme_formats())
def test_each_documented_format_renders(fmt, tmp_path):
    r = CliRunner().invoke(main, ["check", "--output-format", fmt, str(LATE)])
    assert "Traceback" not in r.output and r.exit_code == 1, r.output
    assert "KD001" in r.stdout
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(r.stdout)
    cfg = tmp_path / "govcheck.toml"
    cfg.write_text(f'output-format = "{fmt}"\n', encoding="utf-8")
    r2 = CliRunner().invoke(main, ["check", "--config", str(cfg), str(LATE)])
    assert r2.exit_code == 1 and r2.stdout == r.stdout


def test_json_lines_is_the_contract_a_finding_per_line(tmp_path, monkeypatch):
    """Each line is a finding object of the JSON contract, in the same order; an
    unreadable input is its GC001 line."""
    from govcheck import spool

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    unreadable = Path(__file__).resolve().parent / "data" / "unreadable"
    args = ["check", "--exit-zero", "--as-of", "2026-12-03", str(fixtures / "notices"),
            str(unreadable / "scanned.pdf")]
    doc = json.loads(CliRunner().invoke(main, args + ["--output-format", "json"]).stdout)
    monkeypatch.setattr(spool, "SPILL_AT", 2)
    out = CliRunner().invoke(main, args + ["--output-format", "json-lines"]).stdout
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[:-1] == doc["findings"] and len(lines) > 3
    assert lines[-1]["code"] == "GC001" and lines[-1]["path"].endswith("scanned.pdf")
