"""One run of ``govcheck check``: find inputs, read, extract, evaluate.

The rule pack and profile are loaded once by the caller and shared by every document.
An unreadable input is reported in ``errors`` and the run goes on.  Inputs are opened
read-only and never modified.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from govcheck.engine.evaluate import builtin_finding, evaluate
from govcheck.engine.rules import RulePack
from govcheck.model import Finding, InputError, Location, Record
from govcheck.read import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, ReadError, read_path
from govcheck.records import RecordError, record_from_mapping


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    files: int = 0
    records: int = 0


def discover(paths: list[str], exclude=()) -> tuple[list[Path], list[InputError]]:
    """Files to check: files as given; directories walked for supported suffixes,
    skipping hidden directories and files matching an ``exclude`` glob."""
    from fnmatch import fnmatch

    files: list[Path] = []
    errors: list[InputError] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = []
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
                for n in sorted(names):
                    f = Path(root) / n
                    if n.startswith(".") or f.suffix.lower() not in SUPPORTED_SUFFIXES:
                        continue
                    if any(fnmatch(display_path(f), g) or fnmatch(n, g) for g in exclude):
                        continue
                    found.append(f)
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            errors.append(InputError(path=raw, message="no such file or directory"))
    return files, errors


def records_from_structured(doc) -> list[Record]:
    loaded = doc.data
    data = loaded.data
    if isinstance(data, dict) and "records" in data:
        extra = set(data) - {"records", "govcheck"}
        if extra:
            raise ReadError(f"line {loaded.line_of((sorted(extra)[0],))}: unknown key "
                            f"{sorted(extra)[0]!r}; a record file has 'records:'")
        items, base = data["records"], ("records",)
        if not isinstance(items, list):
            raise ReadError(f"line {loaded.line_of(base)}: records must be a list")
        pairs = [(item, base + (i,)) for i, item in enumerate(items)]
    elif isinstance(data, list):
        pairs = [(item, (i,)) for i, item in enumerate(data)]
    elif isinstance(data, dict):
        pairs = [(data, ())]
    else:
        raise ReadError("expected a record (kind, fields) or a list of records")
    out = []
    for item, base in pairs:
        try:
            out.append(record_from_mapping(item, doc.path, loaded.line_of, base))
        except RecordError as e:
            raise ReadError(f"line {e.line}: {e.message}") from None
    return out


def document_records(doc, nation: str):
    """Records and extraction notes for one Document."""
    if doc.format in ("yaml", "json"):
        return records_from_structured(doc), []
    from govcheck.extract import extract_with_notes

    return extract_with_notes(doc, nation)


def reading_findings(pack: RulePack, doc, records, notes, selected) -> list[Finding]:
    """GC findings about the reading itself: nothing found (GC002), unclear answers (GC003)."""
    def rule(code):
        found = pack.find(code)
        if not found or (selected is not None and not selected(found[-1])):
            return None
        return found[-1]

    out: list[Finding] = []
    nothing = rule("GC002")
    if nothing and doc.format not in ("yaml", "json") and not any(r.fields for r in records):
        out.append(builtin_finding(nothing, Location(path=doc.path, line=1, column=1),
                                   f"{len(doc.lines)} lines read"))
    unclear = rule("GC003")
    if unclear and notes:
        pages = {ln.number: ln.page for ln in doc.lines}
        for n in notes:
            out.append(builtin_finding(unclear, Location(path=doc.path, line=n.line or 1,
                                                         column=n.column or 1,
                                                         page=pages.get(n.line)),
                                       n.message))
    return out


def display_path(p: Path) -> str:
    try:
        return str(p.relative_to(Path.cwd()))
    except ValueError:
        return str(p)


def check_file(f: Path, pack: RulePack, profile: dict, today: dt.date, selected=None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Finding], InputError | None, int]:
    """Findings for one file, or the reason it could not be read; and its record count."""
    shown = display_path(f)
    try:
        doc = read_path(f, max_bytes=max_bytes, display=shown)
        records, notes = document_records(doc, profile.get("nation", "england"))
    except ReadError as e:
        return [], InputError(path=shown, message=str(e)), 0
    except Exception as e:  # noqa: BLE001 - a bug must not lose the rest of the batch
        if os.environ.get("GOVCHECK_DEBUG"):
            raise
        return [], InputError(path=shown, message=(
            f"internal error while reading: {type(e).__name__}: "
            f"{' '.join(str(e).split())[:200]} (please report it)")), 0
    findings = reading_findings(pack, doc, records, notes, selected)
    findings += evaluate(pack, records, profile, today, selected)
    if findings and any(ln.page_line is not None for ln in doc.lines[:1]):
        findings = with_page_lines(findings, doc)
    return findings, None, len(records)


def with_page_lines(findings: list[Finding], doc) -> list[Finding]:
    """Give PDF findings their page and line on that page (a pack is read by page)."""
    by_number = {ln.number: ln for ln in doc.lines}
    out = []
    for f in findings:
        ln = by_number.get(f.location.line)
        if ln is not None and ln.page is not None:
            loc = f.location.model_copy(update={"page": ln.page, "page_line": ln.page_line})
            f = f.model_copy(update={"location": loc})
        out.append(f)
    return out


# Worker processes load the rule pack once each (initializer), then check many files.
_WORKER: dict = {}


def _init_worker(rules_root: str, profile: dict, today: dt.date, selected, max_bytes: int):
    _WORKER.update(pack=RulePack.load(Path(rules_root)), profile=profile, today=today,
                   selected=selected, max_bytes=max_bytes)


def _work(f: Path):
    w = _WORKER
    return check_file(f, w["pack"], w["profile"], w["today"], w["selected"], w["max_bytes"])


# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 200


def run(paths: list[str], pack: RulePack, profile: dict, today: dt.date, selected=None,
        max_bytes: int = DEFAULT_MAX_BYTES, exclude=(), jobs: int | None = None) -> RunResult:
    """Check every file under ``paths``.  ``jobs``: worker processes (None: automatic,
    parallel only for large batches; 1: in this process)."""
    result = RunResult()
    files, result.errors = discover(paths, exclude)
    if jobs is None:
        jobs = (os.cpu_count() or 1) if len(files) >= PARALLEL_THRESHOLD else 1
    jobs = max(1, min(jobs, len(files) or 1))
    if jobs == 1:
        outcomes = (check_file(f, pack, profile, today, selected, max_bytes) for f in files)
    else:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                                   initargs=(str(pack.root), profile, today, selected,
                                             max_bytes))
        chunk = max(8, len(files) // (jobs * 8))
        outcomes = pool.map(_work, files, chunksize=chunk)
    try:
        for findings, error, n_records in outcomes:
            result.files += 1
            if error is not None:
                result.errors.append(error)
            result.records += n_records
            result.findings.extend(findings)
    finally:
        if jobs > 1:
            pool.shutdown()
    result.findings.sort(key=Finding.sort_key)
    return result
