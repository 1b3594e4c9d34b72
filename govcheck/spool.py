"""Findings in order, in little memory, however big the batch.

A sweep of a council's archive can give a hundred thousand findings; keeping each as an
object to the end costs about 2 KB a finding, so memory would grow with the batch.
:class:`Findings` behaves as a list of findings sorted by :meth:`Finding.sort_key`
(stably: findings with the same key keep the order they were added in, exactly as
``sorted(findings, key=Finding.sort_key)``), but keeps at most ``spill_at`` of them as
objects.  Beyond that, each full buffer is sorted and written as one compact JSON line
per finding to an anonymous temporary file (deleted by the operating system when it is
closed, never seen by anyone else), and reading merges those sorted runs back: an
external merge sort.  A buffer that sorts after everything already written (a batch is
checked in file order, so nearly all do) extends the last run rather than starting one,
and more than ``MAX_RUNS`` runs are merged into one, so reading holds a few buffers
whatever the size.  A run that stays below ``spill_at`` never touches the disk.

Iterating gives fresh :class:`~govcheck.model.Finding` objects each time; the formats
read the findings once or twice, so nothing needs them all at once.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator

from govcheck.model import Citation, ExceptionUsed, Finding, Location, Severity, WaiverUsed

SPILL_AT = 1000        # findings held as objects before a sorted run goes to disk
MAX_RUNS = 16          # sorted runs on disk before they are merged into one
_READ = 1 << 15        # bytes read at a time from each run when merging
_TABLE_MAX = 4096      # repeated strings (names, titles, fixes) kept once, up to this many


def _key(f: Finding) -> tuple:
    return f.sort_key()


class _Codec:
    """Finding <-> a JSON line.  Strings that repeat across findings (rule names,
    titles, what to do, citations) are written as a number into a table held here."""

    def __init__(self) -> None:
        self.index: dict = {}
        self.values: list = []

    def _ref(self, value):
        i = self.index.get(value)
        if i is None:
            if len(self.values) >= _TABLE_MAX:
                return value if not isinstance(value, tuple) else list(value)
            i = self.index[value] = len(self.values)
            self.values.append(value)
        return i

    def _get(self, ref):
        if isinstance(ref, int):
            return self.values[ref]
        return tuple(ref) if isinstance(ref, list) else ref

    def encode(self, f: Finding) -> bytes:
        loc, c = f.location, f.citation
        exc = None if f.exception is None else self._ref(
            (f.exception.name, f.exception.title, f.exception.citation.instrument,
             f.exception.citation.provision, f.exception.citation.url))
        w = f.waiver
        waiver = None if w is None else [w.reason, w.approved_by, w.expires.isoformat(),
                                         w.source]
        row = [f.code, self._ref(f.name), f.severity.value, f.message, loc.path, loc.line,
               loc.column, loc.page, loc.page_line,
               self._ref((c.instrument, c.provision, c.url)), self._ref(f.fix), exc, waiver,
               self._ref(f.title), f.source]
        return json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"

    def decode(self, line: bytes) -> Finding:
        (code, name, sev, message, path, line_no, column, page, page_line, cit, fix, exc,
         waiver, title, source) = json.loads(line)
        c = self._get(cit)
        e = None
        if exc is not None:
            n, t, i, p, u = self._get(exc)
            e = ExceptionUsed(n, t, Citation(i, p, u))
        w = None
        if waiver is not None:
            w = WaiverUsed(waiver[0], waiver[1], dt.date.fromisoformat(waiver[2]), waiver[3])
        return Finding(code=code, name=self._get(name), severity=Severity(sev),
                       message=message,
                       location=Location(path, line_no, column, page, page_line),
                       citation=Citation(*c), fix=self._get(fix), exception=e, waiver=w,
                       title=self._get(title), source=source)


class Findings:
    """A list of findings, always sorted by :meth:`Finding.sort_key`, that keeps at most
    ``spill_at`` as objects (see the module's docstring)."""

    def __init__(self, items: Iterable[Finding] = (), spill_at: int | None = None):
        self._buf: list[Finding] = []
        self._runs: list[tuple[int, int]] = []     # (start, end) byte offsets of each run
        self._last = None                          # sort key of the last finding written
        self._file = None
        self._size = 0
        self._n = 0
        self._spill_at = SPILL_AT if spill_at is None else max(1, spill_at)
        self._codec = _Codec()
        self._tally: dict[tuple, int] = {}
        self.extend(items)

    # -- adding -----------------------------------------------------------------------
    def append(self, f: Finding) -> None:
        self._buf.append(f)
        self._n += 1
        key = (f.severity.value, f.exception is not None, f.waiver is not None)
        self._tally[key] = self._tally.get(key, 0) + 1
        if len(self._buf) >= self._spill_at:
            self._spill()

    def extend(self, items: Iterable[Finding]) -> None:
        for f in items:
            self.append(f)

    def _spill(self) -> None:
        if self._file is None:
            import tempfile     # only a big batch pays for it

            self._file = tempfile.TemporaryFile(prefix="govcheck-findings-")
        self._buf.sort(key=_key)
        first = _key(self._buf[0])
        data = b"".join(map(self._codec.encode, self._buf))
        self._write(data)
        if self._runs and first >= self._last:       # in order: the last run goes on
            self._runs[-1] = (self._runs[-1][0], self._size)
        else:
            self._runs.append((self._size - len(data), self._size))
        self._last = _key(self._buf[-1])
        self._buf = []
        if len(self._runs) > MAX_RUNS:
            self._merge_runs()

    def _write(self, data: bytes) -> None:
        fd, view = self._file.fileno(), memoryview(data)
        while view:
            n = os.pwrite(fd, view, self._size)
            self._size += n
            view = view[n:]

    def _merge_runs(self) -> None:
        """Merge every run into one, in a new temporary file."""
        import tempfile

        old, runs = self._file, self._runs
        self._file, self._runs, self._size = (
            tempfile.TemporaryFile(prefix="govcheck-findings-"), [], 0)
        import heapq

        encode, out = self._codec.encode, []
        merged = heapq.merge(*(self._run(a, b, old) for a, b in runs), key=_key)
        for f in merged:
            out.append(encode(f))
            if len(out) >= self._spill_at:
                self._write(b"".join(out))
                out = []
        self._write(b"".join(out))
        self._runs = [(0, self._size)]
        old.close()

    def tally(self) -> dict[tuple[str, bool, bool], int]:
        """How many findings there are of each (severity, covered by an exception,
        waived): what a summary counts, without reading the findings back."""
        return dict(self._tally)

    @property
    def spilled(self) -> bool:
        """Whether some findings are on disk (the batch was big)."""
        return bool(self._runs)

    # -- reading ----------------------------------------------------------------------
    def _run(self, start: int, end: int, file=None) -> Iterator[Finding]:
        fd, decode = (file or self._file).fileno(), self._codec.decode
        pos, rest = start, b""
        while pos < end:
            chunk = os.pread(fd, min(_READ, end - pos), pos)
            if not chunk:
                raise OSError("the temporary file of findings was cut short")
            pos += len(chunk)
            lines = (rest + chunk).split(b"\n")
            rest = lines.pop()
            for line in lines:
                yield decode(line)
        if rest:
            yield decode(rest)

    def __iter__(self) -> Iterator[Finding]:
        tail = sorted(self._buf, key=_key)
        if not self._runs:
            return iter(tail)
        import heapq

        # earlier runs first among equal keys: the same order as one stable sort
        return heapq.merge(*(self._run(a, b) for a, b in self._runs), tail, key=_key)

    def __len__(self) -> int:
        return self._n

    def __bool__(self) -> bool:
        return self._n > 0

    def __getitem__(self, i):
        return list(self)[i]

    def __eq__(self, other) -> bool:
        if isinstance(other, (Findings, list, tuple)):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Findings({len(self)} findings{', partly on disk' if self._runs else ''})"

    def close(self) -> None:
        """Give back the temporary file now (it also goes when the object does)."""
        if self._file is not None:
            self._file.close()
            self._file = None
            self._runs = []
            self._size = 0
            self._n = len(self._buf)

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # noqa: BLE001 - at interpreter exit, nothing left to do
            pass
