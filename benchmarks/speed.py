"""The speed figures issue 12 asks for, measured on the INSTALLED package (never the
checkout).  A benchmark, not a test: it prints figures and exits 0.

* start-up: ``govcheck check ONE-REPORT.txt`` (warm caches) against ``python -c
  "import click"`` and ``python -c pass`` with the same interpreter, run in turn
  (A B C A B C ...) and reported as medians and ratios;
* throughput: batches of text fixtures copied to 1,000 and 10,000 files (``--sizes``
  adds 100000), checked serially and with ``--jobs 2``: records per second, peak memory
  of the run (the operating system's maximum resident set of the child), and the
  scaling exponent b of time = a * files^b between the smallest and largest batch
  (1.0 is linear);
* the default for ``--jobs`` (``govcheck.check.SWITCH_AFTER``): the worker start-up
  (``--jobs 2`` against ``--jobs 1`` on one file) and, for small batches (100 to 1,000
  text files), one process, ``--jobs 2`` and the default side by side (medians of 3),
  so the default can be seen to follow the faster;
* PDF reading against ``pdftotext -layout``: ``benchmarks/pdf_vs_pdftotext.py``.

Every command runs in an empty temporary directory, so the checkout is not on the
import path; the interpreter is the one in the ``govcheck`` script's first line.

Usage: python benchmarks/speed.py [--govcheck PATH] [--runs 15] [--sizes 1000,10000]
       [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
ONE = FIXTURES / "decisions" / "decision-2024-03-19-highways-resurfacing.txt"


def run(cmd: list[str], cwd: str) -> tuple[float, int, str]:
    """Wall seconds, peak resident memory in KiB, and standard output of one run.

    The command runs under a small meter process of its own, which reports the peak:
    read in this process, the peak of a run that started worker processes grew from one
    run to the next (the operating system's accounting of reaped descendants), so each
    run gets a fresh parent."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        meter = subprocess.run([sys.executable, "-c", _METER, *cmd], cwd=cwd, stdout=out,
                               stderr=subprocess.PIPE, check=False)
        wall = time.perf_counter() - start
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    peak = int(meter.stderr.decode().strip().splitlines()[-1])
    return wall, peak, text


# run the command with this process's standard output, and print its peak (KiB)
_METER = ("import os, subprocess, sys\n"
          "p = subprocess.Popen(sys.argv[1:], stderr=subprocess.DEVNULL)\n"
          "_, _, usage = os.wait4(p.pid, 0)\n"
          "print(usage.ru_maxrss, file=sys.stderr)\n")


def timed(cmd: list[str], cwd: str) -> float:
    """Wall seconds of one run, started directly (for start-up, where a meter's own
    start would count)."""
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)
    return time.perf_counter() - start


def interpreter(script: str) -> str:
    with open(script, "rb") as fh:
        first = fh.readline().decode().strip()
    return first[2:].split()[0] if first.startswith("#!") else sys.executable


def startup(gc: str, py: str, runs: int, cwd: str) -> dict:
    cmds = {"check": [gc, "check", "--exit-zero", str(ONE)],
            "import click": [py, "-c", "import click"], "pass": [py, "-c", "pass"]}
    for cmd in cmds.values():            # warm the caches and the file system
        timed(cmd, cwd)
    times = {k: [] for k in cmds}
    for _ in range(runs):
        for k, cmd in cmds.items():
            times[k].append(timed(cmd, cwd))
    med = {k: statistics.median(v) for k, v in times.items()}
    return {"median_s": med,
            "check_over_import_click": med["check"] / med["import click"],
            "check_over_pass": med["check"] / med["pass"]}


def batch(gc: str, files: int, jobs: str, folder: str, cwd: str) -> dict:
    wall, peak, out = run([gc, "check", "--exit-zero", "-q", "--jobs", jobs,
                           "--output-format", "json", folder], cwd)
    summary = json.loads(out)["summary"]
    return {"files": files, "jobs": jobs, "wall_s": wall, "peak_mib": peak / 1024,
            "records": summary["records"], "records_per_s": summary["records"] / wall}


def batch_default(gc: str, folder: str, cwd: str) -> float:
    """Wall seconds of a run with --jobs unset."""
    return timed([gc, "check", "--exit-zero", "-q", "--output-format", "json", folder], cwd)


def crossover(gc: str, tmp: Path, cwd: str) -> dict:
    """Worker start-up, and one process / --jobs 2 / the default on small batches."""
    one = [ONE.name]
    folder = tmp / "one"
    folder.mkdir()
    shutil.copyfile(ONE, folder / ONE.name)
    start = {}
    for jobs in ("1", "2"):
        start[jobs] = statistics.median(
            timed([gc, "check", "--exit-zero", "-q", "--jobs", jobs, str(folder / one[0])],
                  cwd) for _ in range(5))
    rows = []
    for n in (100, 200, 400, 700, 1000):
        folder = tmp / f"small-{n}"
        folder.mkdir()
        make_batch(folder, n)
        med = {}
        for label, jobs in (("serial", "1"), ("jobs2", "2"), ("default", None)):
            times = []
            for _ in range(3):
                if jobs is None:
                    times.append(batch_default(gc, str(folder), cwd))
                else:
                    times.append(batch(gc, n, jobs, str(folder), cwd)["wall_s"])
            med[label] = statistics.median(times)
        rows.append({"files": n, **med})
        shutil.rmtree(folder)
    return {"worker_startup_s": start["2"] - start["1"], "batches": rows}


def make_batch(folder: Path, files: int) -> None:
    sources = [p for p in sorted(FIXTURES.rglob("*")) if p.suffix in (".txt", ".md")]
    for i in range(files):
        src = sources[i % len(sources)]
        shutil.copyfile(src, folder / f"{i:06d}-{src.name}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--govcheck", default=shutil.which("govcheck"))
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.govcheck:
        print("govcheck is not installed: pip install . first", file=sys.stderr)
        return 0
    gc = args.govcheck
    py = interpreter(gc)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    report = {"date": time.strftime("%Y-%m-%d"), "machine":
              f"{os.cpu_count()} CPUs, {platform.machine()}, Python {platform.python_version()}"}
    with tempfile.TemporaryDirectory(prefix="govcheck-speed-") as tmp:
        cwd = Path(tmp) / "cwd"
        cwd.mkdir()
        report["startup"] = startup(gc, py, args.runs, str(cwd))
        rows = []
        for n in sizes:
            folder = Path(tmp) / f"batch-{n}"
            folder.mkdir()
            make_batch(folder, n)
            for jobs in ("1", "2"):
                rows.append(batch(gc, n, jobs, str(folder), str(cwd)))
            shutil.rmtree(folder)
        report["throughput"] = rows
        report["crossover"] = crossover(gc, Path(tmp), str(cwd))
        serial = [r for r in rows if r["jobs"] == "1"]
        if len(serial) >= 2:
            a, b = serial[0], serial[-1]
            report["scaling_exponent"] = (math.log(b["wall_s"] / a["wall_s"])
                                          / math.log(b["files"] / a["files"]))
            report["memory_ratio_largest_to_smallest"] = b["peak_mib"] / a["peak_mib"]
        for n in sizes:
            one = next(r for r in rows if r["files"] == n and r["jobs"] == "1")
            two = next(r for r in rows if r["files"] == n and r["jobs"] == "2")
            report.setdefault("jobs2_speedup", {})[n] = one["wall_s"] / two["wall_s"]
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    s = report["startup"]
    print(f"{report['date']}, {report['machine']}")
    print(f"start-up: check one file {s['median_s']['check'] * 1000:.0f} ms = "
          f"{s['check_over_import_click']:.2f}x 'import click', "
          f"{s['check_over_pass']:.2f}x 'python -c pass' (medians of {args.runs})")
    for r in report["throughput"]:
        print(f"{r['files']:>7} files, --jobs {r['jobs']}: {r['records_per_s']:7.0f} records/s "
              f"({r['records']} records in {r['wall_s']:.2f} s), peak {r['peak_mib']:.0f} MiB")
    if "scaling_exponent" in report:
        print(f"scaling exponent {report['scaling_exponent']:.2f} (1.0 is linear); peak memory "
              f"{report['memory_ratio_largest_to_smallest']:.2f}x from the smallest batch to "
              "the largest")
    for n, x in report.get("jobs2_speedup", {}).items():
        print(f"--jobs 2 on {n} files: {x:.2f}x the serial run")
    c = report["crossover"]
    print(f"worker start-up (--jobs 2 against --jobs 1 on one file): "
          f"{c['worker_startup_s'] * 1000:.0f} ms")
    for r in c["batches"]:
        print(f"{r['files']:>7} files: one process {r['serial']:.2f} s, --jobs 2 "
              f"{r['jobs2']:.2f} s, default {r['default']:.2f} s")
    print("PDF against pdftotext -layout: python benchmarks/pdf_vs_pdftotext.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
