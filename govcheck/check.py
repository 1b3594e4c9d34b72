"""One run of ``govcheck check``: find inputs, read, extract, evaluate.

The rule pack and profile are loaded once by the caller and shared by every document.
An unreadable input is reported in ``errors`` and the run goes on.  Inputs are opened
read-only and never modified.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from govcheck.collector import resume as resume_collector
from govcheck.engine.evaluate import builtin_finding, evaluate
from govcheck.engine.rules import RulePack
from govcheck.model import Finding, InputError, Location, Record
from govcheck.read import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, ReadError, read_path
from govcheck.records import RecordError, record_from_mapping
from govcheck.struct import field, replace, struct


@struct
class RunResult:
    findings: list[Finding] = field(default_factory=list)   # or a spool.Findings
    errors: list[InputError] = field(default_factory=list)
    files: int = 0
    records: int = 0


# Document formats councils use that govcheck does not read: reported, not skipped.
UNREAD_DOCUMENTS = {
    ".doc": "Word 97-2003 (.doc) files are not read; save as .docx or PDF",
    ".rtf": "RTF files are not read; save as .docx or PDF",
    ".odt": "OpenDocument (.odt) files are not read; save as .docx or PDF",
    ".wpd": "WordPerfect files are not read; save as .docx or PDF",
}


class NotARecord(ReadError):
    """A YAML or JSON file that is not a govcheck record (a ``mkdocs.yml``, a
    ``package.json``): an error when named, skipped when found by walking a directory."""


def excluded_by(f, patterns) -> bool:
    """Whether a file (a path or its text) matches an ``exclude`` glob: a name
    ("*.draft.txt"), a path as shown ("reports/drafts/*"), or a path anchored at the
    configuration file's directory (the configuration makes its path patterns absolute,
    so they mean the same from any directory govcheck is run in)."""
    from fnmatch import fnmatch

    if not patterns:
        return False
    text = os.fspath(f)
    shown, name = display_path(text), os.path.basename(text)
    full = None
    for g in patterns:
        if fnmatch(shown, g) or fnmatch(name, g):
            return True
        if os.path.isabs(g):
            full = full or os.path.realpath(text)
            if fnmatch(full, g):
                return True
    return False


def walk_inputs(paths: list[str], exclude=(), errors: list | None = None):
    """The files to check, one at a time, as ``(path, i, walked)``: ``path`` the file's
    text, ``i`` the index in ``paths`` of the argument that gave it, ``walked`` whether it
    was found by walking a directory (not named).  Files are given as named; directories
    are walked in name order for supported suffixes, skipping hidden directories and
    files matching an ``exclude`` glob.  What cannot be checked is appended to
    ``errors`` as it is met.  Nothing is listed ahead: a batch of a hundred thousand
    files holds one directory's names at a time, not a hundred thousand paths."""
    errors = [] if errors is None else errors
    for i, raw in enumerate(paths):
        top = str(Path(raw))        # as Path would show it: "./a//b/" is "a/b"
        if os.path.isdir(top):
            found = excluded = 0
            before = len(errors)

            def unlisted(e: OSError) -> None:
                # a directory that cannot be listed is reported; the rest is still walked
                errors.append(InputError(path=display_path(e.filename or raw),
                                         message=f"cannot list directory: {e.strerror or e}"))

            for root, dirs, names in os.walk(top, onerror=unlisted):
                dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
                names.sort()
                for n in names:
                    if n.startswith("."):
                        continue
                    suffix = os.path.splitext(n)[1].lower()
                    f = os.path.join(root, n)
                    if top == ".":          # as Path shows it: "a.txt", not "./a.txt"
                        f = f[2:]
                    if suffix in UNREAD_DOCUMENTS:
                        # a report govcheck cannot read is never skipped in silence
                        if not excluded_by(f, exclude):
                            errors.append(InputError(
                                path=display_path(f),
                                message=f"not checked: {UNREAD_DOCUMENTS[suffix]}"))
                        continue
                    if suffix not in SUPPORTED_SUFFIXES:
                        continue
                    if excluded_by(f, exclude):
                        excluded += 1      # left out on purpose: not a silent pass
                        continue
                    found += 1
                    yield f, i, True
            if not found and not excluded and len(errors) == before:
                # a directory named on the command line that holds nothing to check is
                # not a pass: a misconfigured gate must not go green
                errors.append(InputError(
                    path=raw, message="no file govcheck can check here (supported: "
                    + ", ".join(sorted(SUPPORTED_SUFFIXES)) + ")"))
        elif os.path.exists(top):
            yield top, i, False
        else:
            errors.append(InputError(path=raw, message="no such file or directory"))


def discover(paths: list[str], exclude=()) -> tuple[list[Path], list[InputError]]:
    """Every file to check (see :func:`walk_inputs`) as a list, with the errors."""
    errors: list[InputError] = []
    files = [Path(f) for f, _, _ in walk_inputs(paths, exclude, errors)]
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
        if not any(isinstance(item, dict) and {"kind", "fields"} & set(item) for item in data):
            raise NotARecord("not a list of govcheck records (a record has 'kind' and "
                             "'fields'); skipped when found in a directory")
        pairs = [(item, (i,)) for i, item in enumerate(data)]
    elif isinstance(data, dict):
        if not {"kind", "fields"} & set(data):
            first = next(iter(data), None)
            raise NotARecord(f"line {loaded.line_of((first,)) if first is not None else 1}: "
                             "not a govcheck record (a record has 'kind' and 'fields', or a "
                             "file 'records:'); skipped when found in a directory")
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
    """``p`` relative to the working directory when it lies under it, else as given
    (``Path.relative_to`` with string operations: this runs once per file)."""
    text = str(p)
    if not os.path.isabs(text):
        return text
    cwd = os.getcwd()
    if text == cwd:
        return "."
    root = cwd.rstrip(os.sep) + os.sep
    return text[len(root):] if text.startswith(root) and len(text) > len(root) else text


@struct
class FileResult:
    """What reading one file gave: its records and the findings about the reading, or
    why it could not be read.  ``pages`` maps a PDF's line numbers to (page, line on
    page)."""

    records: list[Record] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None
    pages: dict | None = None
    not_a_record: bool = False
    # after :func:`check_file`: how many records the file held (``records`` then keeps
    # only those waiting for a notice in another file), and the notices other files'
    # records may take a date from: (reference, FieldValue of the date, path)
    count: int = 0
    sources: list = field(default_factory=list)


def read_file(f: str | Path, pack: RulePack, profile: dict, selected=None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> FileResult:
    """Read and extract one file; never raises (an unreadable file becomes ``error``)."""
    shown = display_path(f)
    try:
        doc = read_path(f, max_bytes=max_bytes, display=shown)
        records, notes = document_records(doc, profile.get("nation", "england"))
    except NotARecord as e:
        return FileResult(error=InputError(path=shown, message=str(e)), not_a_record=True)
    except ReadError as e:
        return FileResult(error=InputError(path=shown, message=str(e)))
    except Exception as e:  # noqa: BLE001 - a bug must not lose the rest of the batch
        if os.environ.get("GOVCHECK_DEBUG"):
            raise
        return FileResult(error=InputError(path=shown, message=(
            f"internal error while reading: {type(e).__name__}: "
            f"{' '.join(str(e).split())[:200]} (please report it)")))
    pages = None
    if doc.lines and doc.lines[0].page_line is not None:
        pages = {ln.number: (ln.page, ln.page_line) for ln in doc.lines}
    return FileResult(records, reading_findings(pack, doc, records, notes, selected),
                      None, pages)


def with_page_lines(findings: list[Finding], pages: dict) -> list[Finding]:
    """Give PDF findings their page and line on that page (a pack is read by page)."""
    out = []
    for f in findings:
        at = pages.get(f.location.line)
        if at is not None and f.location.page_line is None:
            loc = replace(f.location, page=at[0], page_line=at[1])
            f = replace(f, location=loc)
        out.append(f)
    return out


def _norm_ref(ref: str) -> str:
    return "".join(ch for ch in ref.lower() if ch.isalnum())


def waits_for_notice(r: Record) -> bool:
    """A report or decision citing a forward plan reference without the date its notice
    was first published: a notice in another file may give it (:func:`link_notices`)."""
    return r.kind in ("report", "decision") and r.has("forward_plan_ref") \
        and not r.has("notice_first_published")


def notice_source(r: Record):
    """(reference, the date's FieldValue, path) of a notice others can link to, or None."""
    if r.kind == "notice" and r.has("forward_plan_ref") and r.has("notice_first_published"):
        return _norm_ref(r.get("forward_plan_ref")), r.fields["notice_first_published"], r.path
    return None


def link_notices(records: list[Record], dated: dict) -> None:
    """Across a batch: a report or decision in ``records`` that cites a forward plan
    reference but not the date its notice was first published takes that date from the
    notice with the same reference in ``dated`` (reference -> (the date's FieldValue,
    path), the first notice with it in batch order: :func:`notice_source`), with the
    notice's file and line as its source.  Nothing is guessed: only an exact reference
    match links."""
    if not dated:
        return
    for r in records:
        if waits_for_notice(r):
            hit = dated.get(_norm_ref(r.get("forward_plan_ref")))
            if hit is None:
                continue
            fv, path = hit
            r.fields["notice_first_published"] = replace(fv, path=path)


def check_file(f: str | Path, pack: RulePack, profile: dict, today: dt.date, selected=None,
               max_bytes: int = DEFAULT_MAX_BYTES, by_nation: dict | None = None) -> FileResult:
    """Read one file and evaluate its records, except those waiting for a notice in
    another file (kept in ``records``, evaluated once the batch is linked).  What comes
    back is findings and a few small records, so a worker process sends little to the
    parent and a batch keeps no more than it must."""
    fr = read_file(f, pack, profile, selected, max_bytes)
    if fr.error is None:
        fr.count = len(fr.records)
        fr.sources = [s for s in map(notice_source, fr.records) if s is not None]
        pending, ready = [], []
        for r in fr.records:
            (pending if waits_for_notice(r) else ready).append(r)
        findings = fr.findings + evaluate(pack, ready, profile, today, selected, by_nation)
        fr.findings = with_page_lines(findings, fr.pages) if fr.pages else findings
        fr.records = pending
    resume_collector()      # start-up is over (the command pauses the collector)
    return fr


# Worker processes load the rule pack once each (initializer), then check many files.
_WORKER: dict = {}


def _init_worker(rules_root: str, profile: dict, selected, max_bytes: int,
                 today: dt.date, by_nation: dict | None):
    from govcheck import vocabulary

    vocabulary.activate_for(rules_root, profile)
    _WORKER.update(pack=RulePack.load(Path(rules_root)), profile=profile,
                   selected=selected, max_bytes=max_bytes, today=today,
                   by_nation=by_nation)


def _work(files: list[str]) -> list[FileResult]:
    w = _WORKER
    return [check_file(f, w["pack"], w["profile"], w["today"], w["selected"],
                       w["max_bytes"], w["by_nation"]) for f in files]


# With --jobs unset a batch starts in this process and moves the rest to one worker per
# CPU once it has run SWITCH_AFTER seconds and at least as much work is left (judged by
# the time a file has taken so far): a file count would be wrong both ways, since a PDF
# takes a hundred times a text file.  What a worker costs to start is what the
# benchmark measures (benchmarks/speed.py, "worker start-up"): 16 ms where workers are
# forked (Linux: they inherit the loaded modules), and about a one-file check, 0.15 s,
# where they are spawned (macOS, Windows: each imports govcheck and loads the rule
# pack).  Switching after a few times that keeps a short batch in one process; on 2 CPUs
# (3 December 2026) --jobs 2 was already level with one process at 200 text files.
SWITCH_AFTER = 0.1 if sys.platform.startswith("linux") else 0.4
# Files sent to a worker at a time, and chunks in flight per worker: enough to keep
# every worker busy, few enough that results never pile up in the parent.
CHUNK = 64
IN_FLIGHT = 3


def _in_workers(items, jobs: int, initargs: tuple):
    """``(item, FileResult)`` for each ``(path, i, walked)`` item, in order, checked in
    ``jobs`` worker processes.  Chunks are handed out as workers finish, never all at
    once, so the parent holds a few chunks of paths and results, not the batch."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from itertools import islice

    items = iter(items)
    # before forking: what start-up made is frozen and shared, the parent collects again
    resume_collector()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                             initargs=initargs) as pool:
        queue: deque = deque()

        def submit() -> None:
            chunk = list(islice(items, CHUNK))
            if chunk:
                queue.append((chunk, pool.submit(_work, [c[0] for c in chunk])))

        for _ in range(jobs * IN_FLIGHT):
            submit()
        while queue:
            chunk, future = queue.popleft()
            submit()
            yield from zip(chunk, future.result())


def _serial_then_workers(items, check, cpus: int, initargs: tuple):
    """``(item, FileResult)`` in order: checked here (``check(path)``) until the batch
    has run :data:`SWITCH_AFTER` seconds, then in ``cpus`` workers if at least as much
    work is left, else here to the end."""
    import time
    from itertools import chain, islice

    items = iter(items)
    start = time.perf_counter()
    done = 0
    for it in items:
        yield it, check(it[0])
        done += 1
        elapsed = time.perf_counter() - start
        if cpus > 1 and elapsed >= SWITCH_AFTER:
            per_file = elapsed / done
            want = max(1, min(100_000, int(SWITCH_AFTER / per_file) + 1))
            ahead = list(islice(items, want))
            if len(ahead) == want:      # as much again to do, at least: workers
                yield from _in_workers(chain(ahead, items), cpus, initargs)
            else:                       # the batch is nearly done: finish it here
                for it2 in ahead:
                    yield it2, check(it2[0])
            return


def run(paths: list[str], pack: RulePack, profile: dict, today: dt.date, selected=None,
        max_bytes: int = DEFAULT_MAX_BYTES, exclude=(), jobs: int | None = None,
        by_nation: dict | None = None, skip_non_records: bool = False,
        progress=None) -> RunResult:
    """Check every file under ``paths``: read and extract each (in worker processes for
    a large batch; ``jobs`` None is automatic, 1 is this process) and evaluate its
    records, then link the records that cite a forward plan notice in another file and
    evaluate those.

    Memory does not grow with the batch: files are walked as they are checked, each
    file's findings go to a :class:`~govcheck.spool.Findings` (which keeps a bounded
    number in memory) as soon as it is done, and what is kept to the end is only what
    links files: the notices' references and dates, and the few records waiting for
    one."""
    from itertools import chain, islice

    from govcheck import vocabulary
    from govcheck.spool import Findings

    vocabulary.activate_for(pack.root, profile)
    result = RunResult(findings=Findings())
    listing: list[InputError] = []      # what walking met, reported first as before
    items = walk_inputs(paths, exclude, listing)
    total = None
    if progress is not None:            # a bar needs the total: list the files first
        items = list(items)
        total = len(items)
    initargs = (str(pack.root), profile, selected, max_bytes, today, by_nation)

    def check(f: str) -> FileResult:
        return check_file(f, pack, profile, today, selected, max_bytes, by_nation)

    if jobs is not None and jobs > 1:
        ahead = list(islice(items, jobs))        # never more workers than files
        jobs = max(1, min(jobs, len(ahead)))
        items = chain(ahead, items)
    if jobs is None:
        checked = _serial_then_workers(items, check, os.cpu_count() or 1, initargs)
    elif jobs == 1:
        checked = ((it, check(it[0])) for it in items)
    else:
        checked = _in_workers(items, jobs, initargs)
    # a YAML or JSON file found by walking that is not a record is skipped, not an
    # error (a pre-commit hook walks a whole repository); one named is an error
    walked_n: dict[int, int] = {}
    skipped_n: dict[int, int] = {}
    read_errors: list[InputError] = []
    notices: dict[str, tuple] = {}       # reference -> (date's FieldValue, path): first wins
    waiting: list[FileResult] = []       # files with records waiting for such a notice
    done = 0
    for (f, i, walked), fr in checked:
        done += 1
        if progress is not None:
            progress(done, total)
        if walked:
            walked_n[i] = walked_n.get(i, 0) + 1
        if fr.not_a_record and (walked or skip_non_records):
            if walked:
                skipped_n[i] = skipped_n.get(i, 0) + 1
            continue
        result.files += 1
        if fr.error is not None:
            read_errors.append(fr.error)
            continue
        result.records += fr.count
        result.findings.extend(fr.findings)
        for ref, fv, path in fr.sources:
            notices.setdefault(ref, (fv, path))
        if fr.records:
            # a notice met earlier in the batch is the one it links to (the first with
            # its reference): link and evaluate now; the rest wait for the batch's end
            link_notices(fr.records, notices)
            now = [r for r in fr.records if not waits_for_notice(r)]
            if now:
                late = evaluate(pack, now, profile, today, selected, by_nation)
                result.findings.extend(with_page_lines(late, fr.pages) if fr.pages else late)
                fr.records = [r for r in fr.records if waits_for_notice(r)]
            if fr.records:
                fr.findings = []
                waiting.append(fr)
    result.errors = listing
    for i, raw in enumerate(paths):
        if walked_n.get(i) and skipped_n.get(i) == walked_n[i]:
            result.errors.append(InputError(
                path=raw, message=f"no govcheck record here: its {walked_n[i]} YAML or JSON "
                "file(s) are not records (a record has 'kind' and 'fields')"))
    result.errors += read_errors
    # what links records across files: each waiting record takes its notice's date, and
    # is evaluated now that the batch is linked
    for fr in waiting:
        link_notices(fr.records, notices)
        late = evaluate(pack, fr.records, profile, today, selected, by_nation)
        result.findings.extend(with_page_lines(late, fr.pages) if fr.pages else late)
    return result
