"""Agreement between the corpus's first reader (corpus/truth) and the second reader
(corpus/second), on the records both labelled: per field, and per finding family
and severity.  Prints each disagreement for a person to settle by reading the record.

Usage: python scripts/corpus/agreement.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from accuracy import SCORED, norm  # noqa: E402


def findings(rec: dict) -> set:
    return {(f["family"], f["severity"]) for f in rec.get("findings") or []}


def main() -> int:
    fields_total = fields_agree = 0
    find_total = find_agree = 0
    for p in sorted((ROOT / "corpus" / "second").glob("*.yaml")):
        second = yaml.safe_load(p.read_text(encoding="utf-8"))
        first = yaml.safe_load((ROOT / "corpus" / "truth" / p.name).read_text(encoding="utf-8"))
        a, b = first["records"], second["records"]
        if len(a) != len(b):
            print(f"{p.stem}: {len(a)} records first, {len(b)} second")
        for i, (ra, rb) in enumerate(zip(a, b)):
            fa, fb = ra.get("fields") or {}, rb.get("fields") or {}
            for k in SCORED:
                va, vb = fa.get(k), fb.get(k)
                if va is None and vb is None:
                    continue
                fields_total += 1
                if norm(k, va) == norm(k, vb):
                    fields_agree += 1
                else:
                    print(f"{p.stem}[{i}] {k}: first {va!r}, second {vb!r}")
            sa, sb = findings(ra), findings(rb)
            find_total += 1
            if sa == sb:
                find_agree += 1
            else:
                print(f"{p.stem}[{i}] findings: first {sorted(sa)}, second {sorted(sb)}")
    print(f"fields: {fields_agree}/{fields_total} agree "
          f"({100 * fields_agree / max(fields_total, 1):.1f} %); "
          f"findings: {find_agree}/{find_total} records agree "
          f"({100 * find_agree / max(find_total, 1):.1f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
