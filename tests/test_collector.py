"""The command pauses the garbage collector while it starts and turns it back on, with
what start-up made frozen, once the first file is checked (govcheck.collector); a
program using the API is never touched.  Each case runs in a fresh interpreter: the
collector is the process's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ONE = ROOT / "fixtures" / "decisions" / "decision-2024-03-19-highways-resurfacing.txt"


def _python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.parametrize("jobs", [1, 2])
def test_paused_while_starting_then_frozen_and_on_after_the_first_file(jobs):
    out = _python(f"""
import gc
from govcheck.collector import pause
pause()
from govcheck import api
assert not gc.isenabled()
r = api.check_paths([{str(ONE)!r}, {str(ONE.parent)!r}], jobs={jobs})
print(gc.isenabled(), gc.get_freeze_count() > 1000, r.files > 1)
""")
    assert out == "True True True"


def test_the_api_alone_never_touches_the_collector():
    out = _python(f"""
import gc
from govcheck import api
api.check_paths([{str(ONE)!r}])
print(gc.isenabled(), gc.get_freeze_count())
""")
    assert out == "True 0"


def test_the_command_entry_point_pauses_and_runs_the_command_line():
    out = _python(f"""
import gc, sys
import govcheck.cli
calls = []
govcheck.cli.main = lambda: calls.append(gc.isenabled()) or 0
import govcheck
print(govcheck.command(), calls)
""")
    assert out == "0 [False]"
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'govcheck = "govcheck:command"' in text
