"""PDF reading speed against ``pdftotext -layout``.  A benchmark, not a test: exit 0.

The target (COMPASS, deps.md section 1) is that checking a PDF costs at most 1.3x
``pdftotext -layout`` on the same file.

For each PDF with a text layer in fixtures/pdf/ (made by
scripts/fixtures/make_pdf.py; long-report.pdf is a 39-page LibreOffice report), each
timed ``--repeat`` times, median kept:

* pdftotext: ``pdftotext -layout FILE -`` as a subprocess (what a shell pipeline pays);
* govcheck read: ``govcheck.read.read_path(FILE)`` in this process (what the batch
  runner pays per document; the import of pypdfium2 is paid once, before timing);
* govcheck read + extract: the same plus ``govcheck.extract.extract(doc)``, when that
  function exists.

The runs of a file are interleaved (pdftotext, read, read+extract, pdftotext, ...)
so that a burst of load on a shared machine hits all of them alike, and each is
summarised by its median (at least 9 runs).

On the small files pdftotext's process start (a few ms) dominates and flatters
govcheck, so the verdict, printed last, is the ratio on the longest document
(long-report.pdf, 39 pages): the honest worst case, and the fairest per-page
comparison.  The ratio over all fixtures (sum of govcheck medians over the sum of
pdftotext medians) is printed with it.  Timings on a shared VM move by 10-20 %
between runs.

Usage: python benchmarks/pdf_vs_pdftotext.py [--repeat 9]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FIXTURES = ROOT / "fixtures" / "pdf"
# fixtures that are meant to fail (scan, password) are not speed cases
SKIP = {"scanned.pdf", "encrypted.pdf"}
TARGET = 1.30
MIN_REPEAT = 9


def interleaved_times(fns: list, repeat: int) -> list[list[float]]:
    """Times of each function, the runs interleaved (p, r, x, p, r, x, ...) so that
    a burst of load on a shared machine hits all of them alike."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, bucket in zip(fns, times):
            t = time.perf_counter()
            fn()
            bucket.append(time.perf_counter() - t)
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=MIN_REPEAT,
                    help=f"timed runs per file, interleaved; the median is kept "
                         f"(at least {MIN_REPEAT})")
    args = ap.parse_args()
    if args.repeat < MIN_REPEAT:
        ap.error(f"--repeat must be at least {MIN_REPEAT}")

    pdftotext = shutil.which("pdftotext")
    if not pdftotext:
        print("pdftotext not found (apt-get install poppler-utils): nothing to compare "
              "against, skipping.")
        return 0
    try:
        from govcheck.read import read_path
        import pypdfium2  # noqa: F401  (paid once, outside the timing)
    except ImportError as e:
        print(f"cannot import govcheck's PDF reader ({e}); skipping.")
        return 0
    try:
        from govcheck.extract import extract
    except ImportError:
        extract = None

    files = [p for p in sorted(FIXTURES.glob("*.pdf")) if p.name not in SKIP]
    if not files:
        print(f"no PDFs in {FIXTURES}: run scripts/fixtures/make_pdf.py")
        return 0

    header = f"{'file':<22}{'pages':>6}{'pdftotext':>12}{'read':>10}{'ratio':>8}"
    if extract:
        header += f"{'read+extract':>14}{'ratio':>8}"
    print(f"median of {args.repeat} interleaved runs, milliseconds")
    print(header)
    tot_p = tot_r = tot_x = 0.0
    long_row = None
    for path in files:
        try:
            doc = read_path(path)                   # warm-up, and page count
        except Exception as e:  # a benchmark reports, it does not fail
            print(f"{path.name:<22}  skipped: {type(e).__name__}: {e}")
            continue
        pages = int(doc.properties.get("pages", "0"))
        cmd = [pdftotext, "-layout", str(path), "-"]
        fns = [lambda: subprocess.run(cmd, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL),
               lambda: read_path(path)]
        if extract:
            try:
                extract(doc)
                fns.append(lambda: extract(read_path(path)))
            except Exception as e:  # someone else's module, perhaps still in progress
                print(f"  (extract failed on {path.name}: {type(e).__name__}: {e}; "
                      "timing read only)")
                extract = None
        times = interleaved_times(fns, args.repeat)
        medians = [statistics.median(t) for t in times]
        t_p, t_r = medians[0], medians[1]
        t_x = medians[2] if len(medians) > 2 else None
        row = f"{path.name:<22}{pages:>6}{t_p * 1000:>12.1f}{t_r * 1000:>10.1f}" \
              f"{t_r / t_p:>8.2f}"
        if t_x is not None:
            row += f"{t_x * 1000:>14.1f}{t_x / t_p:>8.2f}"
        print(row)
        tot_p += t_p
        tot_r += t_r
        tot_x += t_x or 0.0
        if long_row is None or pages > long_row[0]:
            long_row = (pages, path.name, t_p, t_r, t_x, min(times[1]) / min(times[0]))

    print()
    if not tot_p or not long_row:
        return 0
    pages, name, t_p, t_r, t_x, best = long_row
    line = f"longest ({name}, {pages} pages): read/pdftotext = {t_r / t_p:.2f}"
    if t_x:
        line += f", read+extract/pdftotext = {t_x / t_p:.2f}"
    print(line)
    print(f"  same, fastest run of each (steadier on a busy machine): read/pdftotext "
          f"= {best:.2f}")
    line = f"all fixtures (sums of medians): read/pdftotext = {tot_r / tot_p:.2f}"
    if extract and tot_x:
        line += f", read+extract/pdftotext = {tot_x / tot_p:.2f}"
    print(line)
    ratio = t_r / t_p
    print(f"verdict (read, median of {args.repeat} interleaved runs): "
          f"{name} read/pdftotext = {ratio:.2f}, all fixtures = {tot_r / tot_p:.2f}; "
          f"target <= {TARGET:.2f} on {name}: {'met' if ratio <= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
