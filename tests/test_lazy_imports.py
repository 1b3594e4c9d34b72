"""Heavy libraries load only when a file of their kind is read (pre-commit speed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import sys, json
from govcheck.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = ["pypdfium2", "lxml", "docx", "holidays", "jinja2", "dateutil", "rich.console"]
print(json.dumps([m for m in heavy if m in sys.modules]))
"""


def loaded_after(*args) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                          text=True, cwd=ROOT)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_text_check_loads_no_heavy_library():
    out = loaded_after("check", "fixtures/reports/cabinet-2019-03-26-improvement-stocktake.txt")
    assert out == []


def test_pdf_loads_only_pdf_library():
    out = loaded_after("check", "fixtures/pdf/cabinet-report.pdf")
    assert "pypdfium2" in out and "docx" not in out and "holidays" not in out


def test_version_is_light():
    assert loaded_after("--version") == []


def test_a_warm_run_reads_no_yaml_and_builds_no_schema():
    # the first run fills the cache (rules, their named conditions, profiles, vocabulary)
    loaded_after("check", "fixtures/reports/cabinet-2019-03-26-improvement-stocktake.txt")
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.replace('heavy = [', 'heavy = ["yaml", "pydantic", '),
         "check", "fixtures/reports/cabinet-2019-03-26-improvement-stocktake.txt"],
        capture_output=True, text=True, cwd=ROOT)
    loaded = json.loads(proc.stdout.strip().splitlines()[-1])
    assert "yaml" not in loaded and "pydantic" not in loaded
