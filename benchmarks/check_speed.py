"""How fast is govcheck?  A benchmark, not a test: it prints numbers and exits 0.

Measures, each as the median of several runs:

* startup: ``python -c pass`` and ``govcheck --version`` (the floor a pre-commit hook pays);
* a single-file check of one fixture (the pre-commit case);
* a batch: every text/Markdown/YAML fixture copied N times into a temporary directory
  and checked in one run, reported as documents per second.  The rule pack is loaded
  once per run, so the per-document cost is reading, extraction and evaluation.

Usage: python benchmarks/check_speed.py [--runs 7] [--copies 50]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


def timed(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--copies", type=int, default=50)
    args = ap.parse_args()
    py = sys.executable
    gc = [py, "-m", "govcheck"]

    base = timed([py, "-c", "pass"], args.runs)
    version = timed(gc + ["--version"], args.runs)
    print(f"python -c pass            {base * 1000:7.1f} ms")
    print(f"govcheck --version        {version * 1000:7.1f} ms")

    single = next(iter(sorted(FIXTURES.rglob("*.txt"))), None)
    if single:
        t = timed(gc + ["check", "--exit-zero", str(single)], args.runs)
        print(f"check one file            {t * 1000:7.1f} ms   ({single.relative_to(ROOT)})")

    sources = [p for p in sorted(FIXTURES.rglob("*"))
               if p.suffix in (".txt", ".md", ".yaml", ".json") and p.is_file()]
    if not sources:
        print("no fixtures found")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        n = 0
        for i in range(args.copies):
            for p in sources:
                shutil.copy(p, Path(tmp) / f"{i:04d}-{p.parent.name}-{p.name}")
                n += 1
        for jobs in ("1", "0"):
            t = timed(gc + ["check", "--exit-zero", "--output-format", "json", "--jobs", jobs,
                            tmp], max(3, args.runs // 2))
            label = "1 process" if jobs == "1" else "all CPUs"
            print(f"batch of {n} documents ({label:9}) {t:7.2f} s   {n / t:7.0f} documents/s "
                  f"(including startup)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
