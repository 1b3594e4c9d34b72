"""How accurately does govcheck read real records, and how right are its findings?

A benchmark, not a test: it runs govcheck over ``corpus/records/`` and compares what it
reads and finds with the ground truth in ``corpus/truth/`` (written by reading each
record, never by running govcheck), and prints:

* **field accuracy**: over every scored field the truth gives or govcheck reads, the
  share where govcheck's value equals the truth's (a field govcheck reads that the
  record does not show counts against it; a month-only date in the truth is one
  govcheck must leave unread);
* **finding recall and precision per rule family** (KD, EX, CI...): a breach the
  truth records (error or warning) is found when govcheck raises a finding of the
  same family, at warning or above, on the same file; a govcheck finding is right
  when the truth has one of that family on that file;
* **false errors**: files whose truth has no breach (no error or warning) on which
  govcheck raises an error.

The corpus is split by council, so no council is in both halves: a council is in
``test`` when the first byte of the SHA-256 of its name is below 77 (about 30 %),
else in ``dev``.  Tune on dev; report test.

Usage: python benchmarks/accuracy.py [--split dev|test|all] [--json] [--show-misses]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
AS_OF = dt.date(2026, 12, 3)    # "today" for deadline rules: the day the corpus was read

SCORED = ("key_decision", "call_in_eligible", "exempt", "exempt_paragraphs", "urgency_route",
          "decision_maker", "body", "decision_date", "meeting_date", "notice_first_published",
          "publication_date", "effective_from", "wards", "forward_plan_ref")
BREACH = ("error", "warning")
RANK = {"error": 0, "warning": 1, "info": 2}


def split_of(council: str) -> str:
    return "test" if hashlib.sha256(council.encode("utf-8")).digest()[0] < 77 else "dev"


def _norm_text(v) -> str:
    s = str(v).casefold().replace("&", "and")
    s = re.sub(r"^(?:the)\s+", "", s)
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


def norm(name: str, v):
    """A value in a form two readers can compare."""
    if v is None:
        return None
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()[:10]
    if name == "wards" or name == "exempt_paragraphs":
        items = v if isinstance(v, list) else [v]
        return tuple(sorted({_norm_text(x) for x in items}))
    if isinstance(v, bool):
        return v
    if name in ("key_decision", "call_in_eligible") and isinstance(v, str):
        return v.strip().lower() in ("true", "yes")
    if name in ("decision_date", "meeting_date", "notice_first_published", "publication_date",
                "effective_from"):
        return str(v)[:10]
    text = _norm_text(v)
    if name in ("body", "decision_maker") and _FULL_COUNCIL_RE.fullmatch(text):
        # one body under several names: pages say "Full Council", "County Council" and
        # "Council" alike for the full council's meeting
        return "council"
    return text


_FULL_COUNCIL_RE = re.compile(
    r"(?:full|(?:county|city|borough|district|metropolitan|county borough)(?: borough)?)"
    r" council")


@dataclass
class FileResult:
    id: str
    council: str
    split: str
    field_total: int = 0
    field_right: int = 0
    misses: list = field(default_factory=list)       # (record, field, truth, read)
    truth_breaches: Counter = field(default_factory=Counter)    # family -> count (error/warning)
    truth_info: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)  # family -> govcheck findings >= warning
    found_info: Counter = field(default_factory=Counter)
    errors: list = field(default_factory=list)       # govcheck error findings (code: message)
    raised: list = field(default_factory=list)       # (family, "severity code line: message")
    truth_error_families: set = field(default_factory=set)
    unreadable: str | None = None


def _pair(truth: list[dict], read: list) -> list[tuple[dict, object]]:
    """Truth records with the records govcheck read, in page order: one for one when
    the counts agree, else each truth record with the unused read record of its kind
    that agrees on most fields."""
    if len(truth) == len(read):
        return list(zip(truth, read))
    out, used = [], set()
    for t in truth:
        best, score = None, -1
        for i, r in enumerate(read):
            if i in used:
                continue
            s = sum(1 for k, v in (t.get("fields") or {}).items()
                    if k in r.fields and norm(k, r.fields[k].value) == norm(k, v))
            s += 0.5 if r.kind == t["kind"] else 0
            if s > score:
                best, score = i, s
        if best is not None:
            used.add(best)
            out.append((t, read[best]))
        else:
            out.append((t, None))
    return out


def _family(code: str) -> str:
    return code[:2]


def evaluate_file(truth_path: Path, pack, profile) -> FileResult:
    import yaml

    from govcheck.api import check_paths
    from govcheck.check import document_records
    from govcheck.read import ReadError, read_path

    t = yaml.safe_load(truth_path.read_text(encoding="utf-8"))
    rid = t["id"]
    res = FileResult(rid, t["council"], split_of(t["council"]))
    rec_path = CORPUS / "records" / f"{rid}.txt"
    try:
        doc = read_path(rec_path, display=str(rec_path.relative_to(ROOT)))
        read, _notes = document_records(doc, t.get("nation", "england"))
    except ReadError as e:
        res.unreadable = str(e)
        read = []
    for truth_rec, got in _pair(t["records"], read):
        tf = truth_rec.get("fields") or {}
        gf = got.fields if got is not None else {}
        for name in SCORED:
            want = tf.get(name)
            if isinstance(want, str) and re.fullmatch(r"\d{4}-\d{2}", want):
                want = None        # a month only: not a date govcheck may read
            have = gf[name].value if name in gf else None
            if want is None and have is None:
                continue
            res.field_total += 1
            if want is not None and have is not None and norm(name, want) == norm(name, have):
                res.field_right += 1
            else:
                res.misses.append((truth_rec.get("kind"), name, want, have))
        for f in truth_rec.get("findings") or []:
            if f["severity"] in BREACH:
                res.truth_breaches[f["family"]] += 1
                if f["severity"] == "error":
                    res.truth_error_families.add(f["family"])
            else:
                res.truth_info[f["family"]] += 1
    run = check_paths([rec_path], pack=pack, profile=profile, as_of=AS_OF, jobs=1)
    for f in run.findings:
        if f.code.startswith("GC") and f.code not in ("GC001",):
            continue
        if f.exception is not None or f.waiver is not None:
            continue
        sev = f.severity.value
        if sev in BREACH:
            res.found[_family(f.code)] += 1
        else:
            res.found_info[_family(f.code)] += 1
        if sev == "error":
            res.errors.append(f"{f.code} line {f.location.line}: {f.message[:160]}")
        if sev in BREACH:
            res.raised.append((_family(f.code),
                               f"{sev} {f.code} line {f.location.line}: {f.message[:160]}"))
    return res


@dataclass
class Summary:
    files: int = 0
    records: int = 0
    councils: int = 0
    field_total: int = 0
    field_right: int = 0
    breaches: int = 0
    breaches_found: int = 0
    by_family: dict = field(default_factory=dict)
    clean_files: int = 0
    false_error_files: int = 0
    false_errors: list = field(default_factory=list)

    @property
    def field_accuracy(self) -> float:
        return self.field_right / self.field_total if self.field_total else 1.0

    @property
    def recall(self) -> float:
        return self.breaches_found / self.breaches if self.breaches else 1.0


def summarise(results: list[FileResult]) -> Summary:
    s = Summary(files=len(results), councils=len({r.council for r in results}))
    fam: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        s.field_total += r.field_total
        s.field_right += r.field_right
        families = set(r.truth_breaches) | set(r.found)
        for f in families:
            t, g = r.truth_breaches.get(f, 0), r.found.get(f, 0)
            fam[f]["truth"] += t
            fam[f]["found_truth"] += t if g else 0
            fam[f]["raised"] += g
            fam[f]["raised_right"] += g if t else 0
        for f, t in r.truth_breaches.items():
            s.breaches += t
            s.breaches_found += t if r.found.get(f) else 0
        if not r.truth_breaches:
            s.clean_files += 1
            if r.errors:
                s.false_error_files += 1
                s.false_errors.append((r.id, r.errors))
    s.by_family = {f: dict(c) for f, c in sorted(fam.items())}
    return s


def run(split: str = "all") -> tuple[Summary, list[FileResult]]:
    import yaml

    from govcheck.api import load_rules

    pack, profile = load_rules(None, None)
    results = []
    records = 0
    for p in sorted((CORPUS / "truth").glob("*.yaml")):
        council = yaml.safe_load(p.read_text(encoding="utf-8"))["council"]
        if split != "all" and split_of(council) != split:
            continue
        r = evaluate_file(p, pack, profile)
        results.append(r)
    s = summarise(results)
    for p in sorted((CORPUS / "truth").glob("*.yaml")):
        t = yaml.safe_load(p.read_text(encoding="utf-8"))
        if split == "all" or split_of(t["council"]) == split:
            records += len(t["records"])
    s.records = records
    return s, results


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f} % ({a}/{b})" if b else "  n/a"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="test")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    s, results = run(args.split)
    if args.json:
        print(json.dumps({
            "split": args.split, "files": s.files, "records": s.records, "councils": s.councils,
            "field_accuracy": round(s.field_accuracy, 4), "fields": s.field_total,
            "breach_recall": round(s.recall, 4), "breaches": s.breaches,
            "clean_files": s.clean_files, "false_error_files": s.false_error_files,
            "by_family": s.by_family}, indent=1))
        return 0
    print(f"govcheck on the corpus, {args.split} split: {s.files} files, {s.records} records, "
          f"{s.councils} councils")
    print(f"field accuracy          {_pct(s.field_right, s.field_total)}")
    print(f"breaches found          {_pct(s.breaches_found, s.breaches)}")
    print(f"files with no breach    {s.clean_files}; with a false error: {s.false_error_files}")
    print("by family               recall              precision")
    for f, c in s.by_family.items():
        print(f"  {f}                    {_pct(c.get('found_truth', 0), c.get('truth', 0)):20}"
              f"{_pct(c.get('raised_right', 0), c.get('raised', 0))}")
    if args.show_misses:
        print("\nfield misses (record kind, field, truth, read):")
        for r in results:
            for m in r.misses:
                print(f"  {r.id}: {m[0]} {m[1]}: truth {m[2]!r}, read {m[3]!r}")
        print("\nbreaches missed:")
        for r in results:
            for f, n in r.truth_breaches.items():
                if not r.found.get(f):
                    print(f"  {r.id}: {f} x{n}")
        print("\nfindings of a family the truth does not have on that file:")
        for r in results:
            for fam, text in r.raised:
                if not r.truth_breaches.get(fam):
                    print(f"  {r.id}: {text}")
        print("\nfalse errors:")
        for rid, errs in s.false_errors:
            for e in errs:
                print(f"  {rid}: {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
