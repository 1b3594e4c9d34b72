"""The notes extraction returns, and the collector that fields are put into."""

from __future__ import annotations

from datetime import date
from typing import Any

from govcheck.fields import FIELDS
from govcheck.read.base import Line
from govcheck.struct import struct

__all__ = ["Note", "Collector"]


@struct(frozen=True, slots=True)
class Note:
    """Something extraction noticed and did not resolve (an ambiguous checkbox, a
    weekday that does not fit its date, a date "to be confirmed"...).  ``line`` and
    ``column`` are 1-based; ``field`` is the canonical field concerned, if any."""

    line: int
    column: int
    message: str
    field: str | None = None


@struct(slots=True, init=False)
class Found:
    """A field value before it becomes a FieldValue (cheap to make and to drop)."""

    value: Any
    line: int
    column: int
    text: str
    page: int | None

    def __init__(self, value: Any, line: int, column: int, text: str,
                 page: int | None) -> None:
        self.value, self.line, self.column, self.text, self.page = \
            value, line, column, text, page


# On a bilingual page (a Welsh line, then its English twin) the two readings of these
# fields are compared: free text differs by language, these must not.
_COMPARED = frozenset({"exempt", "exempt_paragraphs", "exempt_part", "exempt_schedule",
                       "wards"})
_TWIN_LINES = 3   # how far apart a Welsh line and its English twin may be


class Collector:
    """Field values for one record: the first value found for a field is kept.

    With ``bilingual``, a second value for a field read within a few lines of the
    first (the English twin of a Welsh line) is compared with it: when they differ (a
    date, a yes/no, a number, an exemption), a note says so; the first stays."""

    __slots__ = ("fields", "notes", "_noted", "bilingual")

    def __init__(self, bilingual: bool = False) -> None:
        self.fields: dict[str, Found] = {}
        self.notes: list[Note] = []
        self._noted: set[tuple[int, int, str]] = set()
        self.bilingual = bilingual

    def has(self, name: str) -> bool:
        return name in self.fields

    def put(self, name: str, value: Any, line: Line, offset: int = 0, *,
            replace: bool = False) -> bool:
        """Record ``value`` for ``name`` read at 0-based ``offset`` of ``line``.

        Returns False (and keeps the old value) when the field already has one,
        unless ``replace``.  An empty value is never recorded.
        """
        if name not in FIELDS:
            raise KeyError(f"not a canonical field: {name!r}")
        if value is None or value == "" or value == []:
            return False
        if name in self.fields and not replace:
            if self.bilingual:
                self._compare(name, value, line, offset)
            return False
        self.fields[name] = Found(value, line.number, max(offset, 0) + 1,
                                  line.text.strip(), line.page)
        return True

    def _compare(self, name: str, value: Any, line: Line, offset: int) -> None:
        old = self.fields[name]
        if not 0 < line.number - old.line <= _TWIN_LINES:
            return
        if not (isinstance(value, (bool, int, date)) or name in _COMPARED):
            return
        if value == old.value or (isinstance(value, list) and isinstance(old.value, list)
                                  and set(value) == set(old.value)):
            return
        self.note(line, offset,
                  f"{name}: the two language versions differ ({_shown(old.value)} at line "
                  f"{old.line}, {_shown(value)} here); the first is read", name)

    def note(self, line: Line | int, offset: int, message: str,
             field: str | None = None) -> None:
        number = line if isinstance(line, int) else line.number
        key = (number, offset, message)
        if key in self._noted:
            return
        self._noted.add(key)
        self.notes.append(Note(number, max(offset, 0) + 1, message, field))


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return repr(value)
