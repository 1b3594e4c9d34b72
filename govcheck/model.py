"""Records, fields and findings: what govcheck reads and what it reports.

Every value read from a document is a :class:`FieldValue` that remembers where it came
from (path, line, column and the source text), so that a finding can point at it and a
lawyer can check it by hand.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, Literal

from govcheck.struct import struct

# Plain record classes: a run that reads a text file and checks it never imports pydantic
# (the schemas that validate rule files, profiles and structured records do, when read).
# The classes made once a value or a finding write out their ``__init__``
# (:mod:`govcheck.struct`); defining them costs nothing at start-up.

RecordKind = Literal["report", "decision", "notice", "meeting"]
RECORD_KINDS: tuple[str, ...] = ("report", "decision", "notice", "meeting")
Nation = Literal["england", "wales", "scotland"]
NATIONS: tuple[str, ...] = ("england", "wales", "scotland")


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


@struct(frozen=True, init=False)
class Location:
    path: str
    line: int = 1
    column: int = 1
    page: int | None = None
    # for a PDF: the line on that page (``line`` counts through the whole document)
    page_line: int | None = None

    def __init__(self, path: str, line: int = 1, column: int = 1, page: int | None = None,
                 page_line: int | None = None) -> None:
        d = self.__dict__       # frozen: set past __setattr__
        d["path"], d["line"], d["column"], d["page"], d["page_line"] = \
            path, line, column, page, page_line

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    def human(self) -> str:
        """Where a person finds it: ``page 3, line 12`` in a PDF, else ``line 12``."""
        if self.page is not None and self.page_line is not None:
            return f"page {self.page}, line {self.page_line}"
        return f"line {self.line}"


@struct(frozen=True, init=False)
class FieldValue:
    """One value read from a document, with where it was read."""

    value: Any
    line: int = 0
    column: int = 1
    text: str = ""
    page: int | None = None
    # set when the value was read from another file of the batch (a forward plan
    # notice giving a report's notice date); ``line`` is then a line of that file
    path: str | None = None

    def __init__(self, value: Any, line: int = 0, column: int = 1, text: str = "",
                 page: int | None = None, path: str | None = None) -> None:
        d = self.__dict__
        d["value"], d["line"], d["column"], d["text"], d["page"], d["path"] = \
            value, line, column, text, page, path

    def display(self) -> str:
        return display_value(self.value)


def display_value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(display_value(v) for v in value) or "(none)"
    return str(value)


@struct(init=False)
class Record:
    """Something the law talks about: a report, a decision, a notice or a meeting.

    ``fields`` maps canonical field names (see :mod:`govcheck.fields`) to values with
    their provenance.  A field that was not found is absent, never guessed.
    """

    kind: RecordKind
    path: str
    nation: Nation = "england"
    line: int = 1
    page: int | None = None
    fields: dict[str, FieldValue] = None     # a new dict when not given

    def __init__(self, kind: RecordKind, path: str, nation: Nation = "england",
                 line: int = 1, page: int | None = None,
                 fields: dict[str, FieldValue] | None = None) -> None:
        self.kind, self.path, self.nation, self.line, self.page = kind, path, nation, line, page
        self.fields = {} if fields is None else fields

    def get(self, name: str) -> Any:
        fv = self.fields.get(name)
        return None if fv is None else fv.value

    def has(self, name: str) -> bool:
        fv = self.fields.get(name)
        if fv is None:
            return False
        v = fv.value
        return not (v is None or v == "" or v == [])

    def location_of(self, name: str) -> Location:
        fv = self.fields.get(name)
        if fv is None or not fv.line or fv.path:
            return Location(path=self.path, line=self.line, column=1, page=self.page)
        return Location(path=self.path, line=fv.line, column=fv.column, page=fv.page)

    def reference_date(self) -> dt.date | None:
        """The date whose law applies: the decision date, else the meeting date, else
        the publication date."""
        for name in ("decision_date", "meeting_date", "publication_date"):
            v = self.get(name)
            if isinstance(v, dt.date):
                return v
        return None


@struct(frozen=True)
class Citation:
    instrument: str
    provision: str
    url: str

    def __str__(self) -> str:
        return f"{self.instrument}, {self.provision}"


@struct(frozen=True)
class ExceptionUsed:
    """A statutory exception that covers a finding (reported, never silently passed)."""

    name: str
    title: str
    citation: Citation


@struct(frozen=True)
class WaiverUsed:
    """A person's recorded decision that a finding does not apply (not a statutory
    exception): who approved it, why, and until when."""

    reason: str
    approved_by: str
    expires: dt.date
    source: str = ""


@struct(init=False)
class Finding:
    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    citation: Citation
    fix: str
    exception: ExceptionUsed | None = None
    waiver: WaiverUsed | None = None
    title: str = ""
    # the source line the location points at, as read (for display, not the contract)
    source: str = ""

    def __init__(self, code: str, name: str, severity: Severity, message: str,
                 location: Location, citation: Citation, fix: str,
                 exception: ExceptionUsed | None = None, waiver: WaiverUsed | None = None,
                 title: str = "", source: str = "") -> None:
        self.code, self.name, self.severity, self.message = code, name, severity, message
        self.location, self.citation, self.fix = location, citation, fix
        self.exception, self.waiver, self.title, self.source = exception, waiver, title, source

    @property
    def covered(self) -> bool:
        """Covered by a statutory exception."""
        return self.exception is not None

    @property
    def suppressed(self) -> bool:
        """Covered by an exception or waived: reported, but never fails a run."""
        return self.exception is not None or self.waiver is not None

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code)


@struct
class InputError:
    """An input govcheck could not read: reported, and the batch goes on."""

    path: str
    message: str
