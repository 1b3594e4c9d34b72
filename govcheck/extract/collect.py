"""The notes extraction returns, and the collector that fields are put into."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govcheck.fields import FIELDS
from govcheck.read.base import Line

__all__ = ["Note", "Collector"]


@dataclass(frozen=True, slots=True)
class Note:
    """Something extraction noticed and did not resolve (an ambiguous checkbox, a
    weekday that does not fit its date, a date "to be confirmed"...).  ``line`` and
    ``column`` are 1-based; ``field`` is the canonical field concerned, if any."""

    line: int
    column: int
    message: str
    field: str | None = None


@dataclass(slots=True)
class Found:
    """A field value before it becomes a FieldValue (cheap to make and to drop)."""

    value: Any
    line: int
    column: int
    text: str
    page: int | None


class Collector:
    """Field values for one record: the first value found for a field is kept."""

    __slots__ = ("fields", "notes", "_noted")

    def __init__(self) -> None:
        self.fields: dict[str, Found] = {}
        self.notes: list[Note] = []
        self._noted: set[tuple[int, int, str]] = set()

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
            return False
        self.fields[name] = Found(value, line.number, max(offset, 0) + 1,
                                  line.text.strip(), line.page)
        return True

    def note(self, line: Line | int, offset: int, message: str,
             field: str | None = None) -> None:
        number = line if isinstance(line, int) else line.number
        key = (number, offset, message)
        if key in self._noted:
            return
        self._noted.add(key)
        self.notes.append(Note(number, max(offset, 0) + 1, message, field))
