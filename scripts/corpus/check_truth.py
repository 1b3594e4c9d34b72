"""Check the corpus ground truth against its records, by reading, not by running
govcheck: every truth file parses, names known fields and a record file, and every
date or name it gives appears in the record's text in some written form.  What it
prints is for a person to resolve by reading the record.

It also refuses a page of a council reserved for independent evaluation, or of a
council whose name or site holds a reserved council's place, even inside a longer word
(Aberdeenshire holds Aberdeen; see LABELLING.md), when the reserved list is at hand
(``../shared/corpus-exclude.txt`` beside the checkout, or ``--exclude FILE``).

Usage: python scripts/corpus/check_truth.py [--exclude FILE]
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


_COUNCIL_WORDS = re.compile(
    r"\b(london borough of|royal borough of|city of|county borough council|metropolitan "
    r"borough council|borough council of|district council|county council|borough council|"
    r"city council|council|the|corporation)\b")


def place(name: str) -> str:
    """A council's place: its name without the words that say what kind of council it
    is ("Aberdeen City Council" -> "aberdeen"), without spaces."""
    n = re.sub(r"\(.*?\)", "", name.lower()).replace("&", "and")
    return "".join(_COUNCIL_WORDS.sub(" ", n).split())


def reserved_place(council: str, source: str, reserved: list[str]) -> str | None:
    """The reserved council whose place the council's name or its site's host holds."""
    mine = place(council)
    host = re.sub(r"^[a-z]+://", "", source.lower()).split("/")[0]
    for name in reserved:
        p = place(name)
        if p and (p in mine or p in host):
            return name
    return None


def read_reserved(argv: list[str]) -> list[str] | None:
    path = Path(argv[argv.index("--exclude") + 1]) if "--exclude" in argv \
        else ROOT.parent / "shared" / "corpus-exclude.txt"
    if not path.is_file():
        return None
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


def main(argv: list[str] | None = None) -> int:
    from govcheck.fields import FIELDS

    reserved = read_reserved(sys.argv[1:] if argv is None else argv)
    if reserved is None:
        print("(no reserved-council list beside the checkout: that check is skipped)")
    problems = 0
    sources: dict[str, str] = {}
    for p in sorted((CORPUS / "truth").glob("*.yaml")):
        t = yaml.safe_load(p.read_text(encoding="utf-8"))
        rid = p.stem
        src = " ".join(str(t.get("source", "")).split())
        if src and src in sources:
            print(f"{rid}: the same address as {sources[src]} ({src}): one page, one id")
            problems += 1
        sources.setdefault(src, rid)
        rec = CORPUS / "records" / f"{rid}.txt"
        if t.get("id") != rid or not rec.is_file():
            print(f"{rid}: id or record file missing")
            problems += 1
            continue
        hit = reserved_place(t.get("council", ""), t.get("source", ""), reserved or [])
        if hit:
            print(f"{rid}: {t.get('council')} ({t.get('source')}) holds the place of {hit}, "
                  "which is reserved for independent evaluation: take the page out")
            problems += 1
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
