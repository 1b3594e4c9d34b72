"""Check the corpus ground truth against its records, by reading, not by running
govcheck: every truth file parses, names known fields and a record file, and every
date or name it gives appears in the record's text in some written form.  What it
prints is for a person to resolve by reading the record.

Usage: python scripts/corpus/check_truth.py
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
sys.path.insert(0, str(ROOT))          # govcheck's field table, from this checkout
DATE_FIELDS = ("decision_date", "meeting_date", "publication_date", "notice_first_published",
               "effective_from")
TEXT_FIELDS = ("decision_maker", "body", "forward_plan_ref")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
WELSH = ["ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf", "awst",
         "medi", "hydref", "tachwedd", "rhagfyr"]


def date_forms(d: dt.date) -> list[str]:
    m, mm, dd, yy = MONTHS[d.month - 1], f"{d.month:02d}", f"{d.day:02d}", str(d.year)
    day = str(d.day)
    forms = [f"{dd}/{mm}/{yy}", f"{day}/{d.month}/{yy}", f"{dd}/{mm}/{yy[2:]}", d.isoformat(),
             f"{dd}.{mm}.{yy}", f"{day}.{d.month}.{yy}", f"{dd}-{mm}-{yy}"]
    for name in (m, m[:3], WELSH[d.month - 1]):
        forms += [rf"{day}(?:st|nd|rd|th|ydd|fed|ain|eg|af|il|ed)?\s+(?:of\s+)?{name}\w*,?\s+{yy}",
                  rf"{name}\w*\s+{day}(?:st|nd|rd|th)?,?\s+{yy}"]
    return forms


def found_date(text: str, d: dt.date) -> bool:
    low = text.lower()
    return any(re.search(f if "\\" in f else re.escape(f), low) for f in date_forms(d))


def norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", s.lower().replace("&", "and")).split())


def main() -> int:
    from govcheck.fields import FIELDS

    problems = 0
    for p in sorted((CORPUS / "truth").glob("*.yaml")):
        t = yaml.safe_load(p.read_text(encoding="utf-8"))
        rid = p.stem
        rec = CORPUS / "records" / f"{rid}.txt"
        if t.get("id") != rid or not rec.is_file():
            print(f"{rid}: id or record file missing")
            problems += 1
            continue
        text = rec.read_text(encoding="utf-8")
        ntext = norm(text)
        for i, r in enumerate(t["records"]):
            for k, v in (r.get("fields") or {}).items():
                if k not in FIELDS:
                    print(f"{rid}[{i}]: unknown field {k}")
                    problems += 1
                elif k in DATE_FIELDS and isinstance(v, dt.date) and not found_date(text, v):
                    print(f"{rid}[{i}]: {k} {v} not found in the record")
                    problems += 1
                elif k in TEXT_FIELDS and isinstance(v, str) and norm(v) not in ntext:
                    print(f"{rid}[{i}]: {k} {v!r} not found in the record")
                    problems += 1
    print(f"{problems} to resolve")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
