"""A big batch is held in bounded memory: findings beyond a buffer go to a temporary
file in sorted runs and come back merged, in exactly the order one stable sort gives;
every format writes the same text whether the findings were spilled or not; the batch
is walked and handed to workers a chunk at a time."""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck import check, spool
from govcheck.cli import main
from govcheck.model import (Citation, ExceptionUsed, Finding, Location, Severity,
                            WaiverUsed)
from govcheck.render import FORMATS
from govcheck.spool import Findings

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "fixtures"
LAW = Citation("Local Government Act 1972", "s100B", "https://www.legislation.gov.uk/x")


def finding(i: int, path: str, line: int, code: str = "KD001", **kw) -> Finding:
    return Finding(code=code, name=f"rule-{code.lower()}", severity=Severity.WARNING,
                   message=f"message {i}: “quoted”, £5, 28 clear days", title=f"Title {code}",
                   location=Location(path, line, 3, kw.pop("page", None),
                                     kw.pop("page_line", None)),
                   citation=LAW, fix=f"do {code}", source=f"source line {i}", **kw)


def some(n: int, seed: int = 1) -> list[Finding]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        extra = {}
        if i % 7 == 0:
            extra["exception"] = ExceptionUsed("reg10", "General exception", LAW)
        if i % 11 == 0:
            extra["waiver"] = WaiverUsed("checked by hand", "Monitoring Officer",
                                         dt.date(2030, 1, 1), "govcheck.toml")
        if i % 5 == 0:
            extra.update(page=2, page_line=9)
        out.append(finding(i, f"reports/r{rnd.randrange(6)}.txt", rnd.randrange(1, 9),
                           rnd.choice(["KD001", "EX002", "CI001"]), **extra))
    return out


@pytest.mark.parametrize("spill_at", [1, 3, 50, 10_000])
def test_findings_are_one_stable_sort_whatever_is_spilled(spill_at):
    items = some(120)
    store = Findings(items, spill_at=spill_at)
    assert store.spilled == (spill_at < 120)
    assert len(store) == 120
    expected = sorted(items, key=Finding.sort_key)      # stable: ties keep their order
    assert list(store) == expected
    assert list(store) == expected                      # read back twice, the same
    assert store[0] == expected[0] and store[-1] == expected[-1]
    assert store == expected


def test_every_field_survives_the_disk():
    items = some(30)
    back = list(Findings(items, spill_at=1))
    assert sorted(items, key=Finding.sort_key) == back
    waived = next(f for f in back if f.waiver is not None)
    assert waived.waiver.expires == dt.date(2030, 1, 1)
    assert {f.location.page for f in back} == {None, 2}


def test_a_small_run_never_touches_the_disk(monkeypatch):
    def no_file(*a, **k):
        raise AssertionError("a temporary file for a run below the buffer")

    import tempfile

    monkeypatch.setattr(tempfile, "TemporaryFile", no_file)
    store = Findings(some(10))
    assert not store.spilled and len(list(store)) == 10


def test_closing_gives_the_file_back():
    store = Findings(some(10), spill_at=2)
    assert store.spilled
    store.close()
    assert not store.spilled


def _waivers(tmp: Path) -> None:
    (tmp / "govcheck.toml").write_text(
        '[[waivers]]\nrule = "KD001"\npath = "fixtures/notices/*"\n'
        'reason = "published on the site"\napproved-by = "Monitoring Officer"\n'
        'expires = 2030-01-01\n\n'
        '[[waivers]]\nrule = "EX001"\npath = "nowhere/*"\nreason = "unused"\n'
        'approved-by = "MO"\nexpires = 2030-01-01\n', encoding="utf-8")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_is_the_same_spilled_or_not(fmt, tmp_path, monkeypatch):
    shutil.copytree(FIX, tmp_path / "fixtures")
    shutil.copytree(ROOT / "tests" / "data" / "unreadable", tmp_path / "unreadable")
    _waivers(tmp_path)
    monkeypatch.chdir(tmp_path)
    args = ["check", "--exit-zero", "--as-of", "2026-12-03", "--output-format", fmt,
            "fixtures", "unreadable"]
    whole = CliRunner().invoke(main, args)
    monkeypatch.setattr(spool, "SPILL_AT", 2)
    spilled = CliRunner().invoke(main, args)
    assert whole.exit_code == spilled.exit_code == 2      # two PDFs cannot be read
    assert whole.stdout.count("\n") > 40          # the batch has findings to spill
    assert spilled.stdout == whole.stdout


def test_streamed_json_is_the_json_contract(tmp_path, monkeypatch):
    from govcheck import __version__
    from govcheck.api import check_paths
    from govcheck.render import RenderContext, render
    from govcheck.render.json_ import document

    monkeypatch.setattr(spool, "SPILL_AT", 3)
    for paths in ([FIX], [FIX / "agendas" / "nonexistent.txt"]):
        result = check_paths(paths, as_of=dt.date(2026, 12, 3))
        ctx = RenderContext(version=__version__, fail_on="error", failing=result.failing)
        assert render("json", result, ctx) == json.dumps(
            document(result, ctx), indent=2, ensure_ascii=False) + "\n"


def test_inputs_are_walked_lazily(tmp_path):
    for n in ("b.txt", "a.txt", ".hidden.txt", "c.doc", "d.png"):
        (tmp_path / n).write_text("Decision Maker: Cabinet\n", encoding="utf-8")
    errors: list = []
    walk = check.walk_inputs([str(tmp_path), str(tmp_path / "a.txt"), "missing.txt"],
                             errors=errors)
    assert next(walk) == (str(tmp_path / "a.txt"), 0, True)   # nothing listed ahead
    assert errors == []
    assert list(walk) == [(str(tmp_path / "b.txt"), 0, True),
                          (str(tmp_path / "a.txt"), 1, False)]
    assert [e.message for e in errors] == [
        "not checked: Word 97-2003 (.doc) files are not read; save as .docx or PDF",
        "no such file or directory"]


def test_workers_get_chunks_in_turn_and_results_keep_their_order(tmp_path, monkeypatch):
    for i, src in enumerate(sorted((FIX / "notices").glob("*.txt")) * 3):
        shutil.copyfile(src, tmp_path / f"{i:03d}-{src.name}")
    run = ["check", "--output-format", "json", "--as-of", "2026-12-03", str(tmp_path)]
    serial = CliRunner().invoke(main, run + ["--jobs", "1"])
    monkeypatch.setattr(check, "CHUNK", 2)
    monkeypatch.setattr(check, "IN_FLIGHT", 1)
    submitted = []

    from concurrent.futures import ProcessPoolExecutor

    real_submit = ProcessPoolExecutor.submit

    def counting(self, fn, *args):
        submitted.append(len(args[0]))
        return real_submit(self, fn, *args)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", counting)
    parallel = CliRunner().invoke(main, run + ["--jobs", "2"])
    assert json.loads(parallel.stdout) == json.loads(serial.stdout)
    files = len(list(tmp_path.iterdir()))
    assert files > 8 and max(submitted) == 2 and sum(submitted) == files


def test_findings_in_order_make_one_run_and_runs_are_merged_past_the_limit(monkeypatch):
    in_order = sorted(some(200), key=Finding.sort_key)
    store = Findings(in_order, spill_at=10)
    assert len(store._runs) == 1 and list(store) == in_order
    monkeypatch.setattr(spool, "MAX_RUNS", 3)
    shuffled = some(200, seed=7)
    store = Findings(shuffled, spill_at=10)
    assert len(store._runs) <= 3
    assert list(store) == sorted(shuffled, key=Finding.sort_key)


def test_an_unset_jobs_moves_a_long_batch_to_workers(tmp_path, monkeypatch):
    """With --jobs unset, a batch that has run SWITCH_AFTER seconds with as much work
    left goes on in workers (the benchmark's crossover), with the same results; a
    short one stays in this process."""
    for i, src in enumerate(sorted((FIX / "notices").glob("*.txt")) * 4):
        shutil.copyfile(src, tmp_path / f"{i:03d}-{src.name}")
    run = ["check", "--output-format", "json", "--as-of", "2026-12-03", str(tmp_path)]
    serial = CliRunner().invoke(main, run + ["--jobs", "1"])
    started = []
    real = check._in_workers

    def watched(items, jobs, initargs):
        started.append(jobs)
        return real(items, jobs, initargs)

    monkeypatch.setattr(check, "_in_workers", watched)
    assert CliRunner().invoke(main, run).stdout == serial.stdout
    assert started == []                        # a short batch stays here
    monkeypatch.setattr(check, "SWITCH_AFTER", 0.0)
    monkeypatch.setattr(check.os, "cpu_count", lambda: 2)
    switched = CliRunner().invoke(main, run)
    assert started == [2]
    assert json.loads(switched.stdout) == json.loads(serial.stdout)


def test_the_tally_is_counted_as_findings_are_added():
    """A summary's counts come from the tally, not from reading a batch back."""
    from govcheck.render import tally

    items = some(60)
    store = Findings(items, spill_at=4)
    assert store.tally() == tally(list(items))
    assert sum(store.tally().values()) == 60
    assert {k[1] for k in store.tally()} == {True, False}       # covered and not
