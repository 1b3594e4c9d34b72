"""Tables whose header row gives the labels of the cells below it.

A forward plan, a list of key decisions or of notices of private meetings is often a
table: a header row (``Expected date of meeting | Meeting of | Key decision? |
Subject``) and one record per row below it (``21 November 2023 | Executive | Yes |
...``).  Each cell of such a row is read as if it were labelled by its column's
header, through the label table (``rules/vocabulary/labels.yaml``): no wording is
here.

Cells are separated by a TAB (a DOCX or HTML table, a Markdown row), by ``|`` (a table
copied as text), or by runs of two or more spaces when every row splits into the same
number of cells.  A row separated by ``|`` has its separators turned into TABs (same
length: every column stays true), so the rest of extraction sees table cells.

A header row is one whose cells are column headings, not labels with their answers:

* at least two of its cells are known labels of different fields, each filling its
  cell;
* no cell is an answer (a date, "Yes", "No"), and no label ending in ":" is followed
  by a cell that is not a label (``Report of:<TAB>Director of Place`` is a label and
  its value);
* it is not an agenda's item table (``Item<TAB>Title<TAB>Access``: read by
  :mod:`.agenda`);
* at least one data row follows it: a row with at least two cells and no more than
  the header has, no more than one of them a known label.

Between the header and the rows, and between rows, may stand lines that are no row
(no separator): a row's first cell wrapped onto a line of its own above it (an entry's
title over its description), and section headings ("Chief Officer Delegated Decision -
KEY DECISION", on a line of its own with a blank line under it).  At most
``_MAX_BETWEEN`` such lines, each short, and only when a row follows them; the row's
record starts at its wrapped first line.  A section heading that says its entries are
(or are not) key decisions (headings.yaml ``key_decision_section``,
``non_key_decision_section``) says so of every row under it, up to the next section
heading.

The header row gets no labels of its own (its headings are not answers); each data
row gets one label per non-empty cell under a known heading (``CLine.labs``, the cache
:func:`.frontsheet.labels_of` reads).  :func:`find` returns the tables found
(:class:`Table`): when a page holds nothing but such a table, its rows are its records
(:mod:`.segment`).
"""

from __future__ import annotations

from govcheck import recache
from govcheck.dates import parse_date
from govcheck.extract.labels import match_label
from govcheck.extract.text import CLine
from govcheck.struct import field, struct

__all__ = ["find", "Table"]


@struct
class Table:
    """A table found: ``rows``, each row's first line (index into the lines; a row's
    first cell wrapped onto the line above it starts there); ``key``, for a row under a
    section heading that says whether its entries are key decisions, the row's first
    line -> (the answer, the heading's line index); ``titles``, the line that is a
    row's title."""

    rows: list[int]
    key: dict[int, tuple[bool, int]] = field(default_factory=dict)
    # a row whose first column is the title, wrapped onto a line above the row: the
    # row's first line -> that line's index (the entry's title over its description)
    titles: dict[int, int] = field(default_factory=dict)

_PIPE_RE = recache.compile(r"[ ]*\|[ ]*")
_SPACES_RE = recache.compile(r"[ ]{2,}")
_ANSWERS = frozenset({"yes", "no", "y", "n", "n/a", "none", "nil", "tbc", "-", "–"})
_MAX_HEADER = 200       # characters in a header row
_MAX_CELL = 60          # characters in a header cell
_MAX_BETWEEN = 2        # lines that are no row (a wrapped first cell, a section heading)
_MAX_BETWEEN_LEN = 150  # ... each at most this long


def _split(text: str, sep: str) -> list[tuple[int, int]] | None:
    """The cells of ``text`` as (start, end) offsets of their stripped text (an empty
    cell gives start == end), for the separator ``sep`` ("\\t", "|" or "  ")."""
    if sep == "\t":
        if "\t" not in text:
            return None
        bounds, pos = [], 0
        for part in text.split("\t"):
            bounds.append((pos, pos + len(part)))
            pos += len(part) + 1
    else:
        rx = _PIPE_RE if sep == "|" else _SPACES_RE
        body = text.strip()
        if not body:
            return None
        lead = text.find(body)
        bounds, pos = [], lead
        for m in rx.finditer(text, lead, lead + len(body)):
            bounds.append((pos, m.start()))
            pos = m.end()
        bounds.append((pos, lead + len(body)))
        if sep == "|" and text.lstrip().startswith("|"):
            return None     # a Markdown row: already cells (see text.clean)
        if len(bounds) < 2:
            return None
    out = []
    for a, b in bounds:
        cell = text[a:b]
        s = a + len(cell) - len(cell.lstrip())
        e = b - (len(cell) - len(cell.rstrip()))
        out.append((s, max(s, e)))
    return out


def _label_filling(cell: str):
    """The label that is the whole of ``cell`` (a column heading), or None."""
    m = match_label(cell + "\t", column=True)
    if m is None or m[2] < len(cell):
        return None
    return m[0]


def _header(text: str, sep: str):
    """The column headings' labels (None for a heading not known), when ``text`` is a
    header row split by ``sep``; else None."""
    if len(text) > _MAX_HEADER:
        return None
    cells = _split(text, sep)
    if cells is None or len(cells) < 2:
        return None
    cut = [text[s:e] for s, e in cells]
    if any(len(cell) > _MAX_CELL for cell in cut):
        return None
    # the labels first (a first-word lookup, cheap): most rows name fewer than two
    # fields and are no header, and need no date parsing
    specs = [_label_filling(cell) if cell else None for cell in cut]
    if len({sp.field for sp in specs if sp is not None}) < 2:
        return None
    prev = None
    for cell, spec in zip(cut, specs):
        if not cell:
            prev = None
            continue
        if cell.lower().rstrip(".") in _ANSWERS or parse_date(cell) is not None:
            return None
        if spec is None and prev is not None and prev.endswith(":"):
            return None     # "Report of:<TAB>Director of Place": a label and its value
        prev = cell
    return specs


def _agenda_table(text: str) -> bool:
    from govcheck.extract import agenda

    return agenda._is_header_row(text.replace("|", "\t") if "\t" not in text else text)


def _seps(text: str) -> list[str]:
    out = []
    if "\t" in text:
        out.append("\t")
    elif "|" in text:
        out.append("|")
    if "  " in text.strip():
        out.append("  ")
    return out


def _row(cl: CLine, sep: str, width: int) -> list[tuple[int, int]] | None:
    text = cl.text
    if not text.strip() or (sep == "|" and "|" not in text) or (sep == "\t" and "\t" not in text):
        return None
    cells = _split(text, sep)
    if cells is None:
        return None
    while len(cells) > width and cells[-1][0] == cells[-1][1]:
        cells.pop()       # trailing empty cells
    if len(cells) < 2 or len(cells) > width or (sep == "  " and len(cells) != width):
        return None
    labelled = sum(1 for s, e in cells if s < e and _label_filling(text[s:e]) is not None)
    if labelled > 1:
        return None       # another row of headings, or labels with their values
    return cells


def _to_tabs(cl: CLine, cells: list[tuple[int, int]]) -> None:
    """Turn the ``|`` between cells into TABs (same length: columns stay true)."""
    chars = list(cl.text)
    for (_s, e), (s2, _e2) in zip(cells, cells[1:]):
        k = cl.text.find("|", e, s2)
        if k >= 0:
            chars[k] = "\t"
    cl.text = "".join(chars)
    cl.low = cl.text.lower()
    cl.labs = None


def _between(lines: list[CLine], j: int, sep: str, width: int) -> tuple[list[int], int] | None:
    """From line ``j`` (no row): the lines that are no row up to the next row, and that
    row's index, when they are few and short and a row follows; else None."""
    found, n = [], len(lines)
    while j < n:
        cl = lines[j]
        if not cl.text.strip():
            j += 1
            continue
        if _row(cl, sep, width) is not None:
            return (found, j) if found else None
        text = cl.text
        if len(found) >= _MAX_BETWEEN or len(text.strip()) > _MAX_BETWEEN_LEN \
                or (sep != "  " and sep in text) or _label_filling(text.strip()) is not None:
            return None
        found.append(j)
        j += 1
    return None


def _section_key(text: str) -> bool | None:
    """Whether a section heading says its entries are key decisions (True), are not
    (False), or says neither (None)."""
    from govcheck.extract import headings

    if "key" not in text.lower():
        return None
    if headings.rx("non_key_decision_section").match(text):
        return False
    if headings.rx("key_decision_section").match(text):
        return True
    return None


def find(lines: list[CLine]) -> list[Table]:
    """Read the tables whose header row labels the cells below it (see the module
    docstring): set the labels of their rows, and return the tables, in order."""
    tables: list[Table] = []
    i, n = 0, len(lines)
    while i < n:
        text = lines[i].text
        specs = sep = None
        if text.strip() and ("\t" in text or "|" in text or "  " in text.strip()) \
                and not _agenda_table(text):
            for sep in _seps(text):
                specs = _header(text, sep)
                if specs is not None:
                    break
        if specs is None:
            i += 1
            continue
        rows: list[tuple[int, list[tuple[int, int]]]] = []
        starts: list[int] = []
        key: dict[int, tuple[bool, int]] = {}
        titles: dict[int, int] = {}
        section: tuple[bool, int] | None = None
        j = i + 1
        while j < n:
            cl = lines[j]
            if not cl.text.strip():
                j += 1
                continue
            cells = _row(cl, sep, len(specs))
            start = j
            if cells is None:
                got = _between(lines, j, sep, len(specs))
                if got is None:
                    break
                between, j = got
                # a line with a blank line under it heads a section; the lines right
                # above the row are its first cell, wrapped
                k = len(between)
                while k > 0 and between[k - 1] + 1 == (between[k] if k < len(between) else j):
                    k -= 1
                for h in between[:k]:
                    answer = _section_key(lines[h].text.strip())
                    section = None if answer is None else (answer, h)
                start = between[k] if k < len(between) else j
                cells = _row(lines[j], sep, len(specs))
                if start < j and specs[0] is not None and specs[0].field == "title":
                    titles[start] = start
            rows.append((j, cells))
            starts.append(start)
            if section is not None:
                key[start] = section
            j += 1
        if not rows:
            i += 1
            continue
        head = lines[i]
        if sep == "|":
            _to_tabs(head, _split(head.text, sep))
        head.labs = []
        for k, cells in rows:
            cl = lines[k]
            if sep == "|":
                _to_tabs(cl, cells)
            labs = []
            for (s, e), spec in zip(cells, specs):
                if spec is not None and s < e:
                    labs.append((spec, s, s, e))
            cl.labs = labs
            cl.row = True
        tables.append(Table(starts, key, titles))
        i = j
    return tables
