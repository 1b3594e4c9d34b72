"""Show how the fixtures' extraction and findings differ from the pinned table in
tests/test_fixture_expectations.py, and (with --write) rewrite the table.  Check each
difference against the document by hand before writing.

Usage: python scripts/fixture_table.py [--write]
"""

from __future__ import annotations

import ast
import pprint
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEST = ROOT / "tests" / "test_fixture_expectations.py"


def main() -> int:
    sys.path.insert(0, str(ROOT / "tests"))
    import test_fixture_expectations as t

    ext, fnd = {}, {}
    names = sorted(str(p.relative_to(t.FIX)) for p in t.FIX.rglob("*") if p.is_file())
    for name in names:
        doc = t.read_path(t.FIX / name)
        ext[name] = [t.summarise(r) for r in t.document_records(doc, "england")[0]]
        res = t.run([str(t.FIX / name)], t.PACK, t.PROFILE, t.dt.date(2026, 1, 1))
        fnd[name] = sorted((f.code, f.severity.value) for f in res.findings)
    changed = 0
    for name in sorted(ext):
        if ext[name] != t.EXTRACTION.get(name):
            changed += 1
            print(f"extraction {name}:")
            old = t.EXTRACTION.get(name, [])
            for i, (a, b) in enumerate(zip(old + [{}] * 9, ext[name] + [{}] * 9)):
                if a != b:
                    for k in sorted(set(a) | set(b)):
                        if a.get(k) != b.get(k):
                            print(f"  record {i}: {k}: {a.get(k)!r} -> {b.get(k)!r}")
        if fnd[name] != t.FINDINGS.get(name):
            changed += 1
            print(f"findings {name}: {t.FINDINGS.get(name)} -> {fnd[name]}")
    if "--write" in sys.argv and changed:
        src = TEST.read_text(encoding="utf-8")
        tree = ast.parse(src)
        lines = src.splitlines(keepends=True)
        spans = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and node.targets[0].id in ("EXTRACTION", "FINDINGS"):
                spans[node.targets[0].id] = (node.lineno, node.end_lineno)
        for var, data in sorted(((("FINDINGS", fnd)), ("EXTRACTION", ext)),
                                key=lambda x: -spans[x[0]][0]):
            a, b = spans[var]
            body = "{\n" + "".join(f"    {k!r}: [\n" + "".join(
                f"        {pprint.pformat(r, width=10**6, sort_dicts=False)},\n" for r in v)
                + "    ],\n" for k, v in data.items()) + "}\n" if var == "EXTRACTION" else \
                "{\n" + "".join(f"    {k!r}: {v!r},\n" for k, v in data.items()) + "}\n"
            lines[a - 1:b] = [f"{var} = {body}"]
        TEST.write_text("".join(lines), encoding="utf-8")
        print("table rewritten")
    print(f"{changed} difference(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
