"""Document → Records: front-sheet labels, recommendations, exempt information and
dated statutory events, each value with the line and column it was read from.

Public API::

    extract(doc, nation="england") -> list[Record]
    extract_with_notes(doc, nation="england") -> (list[Record], list[Note])

A field that is not found is absent, never guessed.  What extraction noticed but
did not resolve (an ambiguous checkbox, a weekday that does not fit its date, a date
"to be confirmed", a partial date, an unknown front-matter field) comes back as
:class:`Note` objects, for the engine to report.

Modules: :mod:`.text` (Markdown blanking), :mod:`.checkbox` (answers),
:mod:`.labels` (the label table), :mod:`.values` (answer → typed value),
:mod:`.frontsheet` (labels, headings, record kind), :mod:`.exempt`,
:mod:`.recommendations`, :mod:`.events`, :mod:`.frontmatter`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govcheck.extract.collect import Collector, Note

if TYPE_CHECKING:
    from govcheck.model import Record
    from govcheck.read.base import Document

__all__ = ["extract", "extract_with_notes", "Note"]


def extract_with_notes(doc: "Document", nation: str = "england"
                       ) -> tuple[list["Record"], list[Note]]:
    """The records in ``doc`` and the notes made while reading them."""
    from govcheck.extract import events, exempt, frontmatter, frontsheet, recommendations
    from govcheck.extract.text import Index, clean_lines
    from govcheck.model import FieldValue, Record

    lines = clean_lines(doc.lines)
    col = Collector()
    scan = frontsheet.scan(lines, col)
    index = Index(lines)
    exempt.scan(index, col)
    recommendations.scan(index, col)
    events.scan(index, col)
    fm_kind, fm_nation = frontmatter.apply(doc.data, col)

    # Headings ("Decision details", "Issue details") decide; then labels, unless the
    # document reads as a report (a "Report to" heading, front-sheet questions).
    if fm_kind:
        kind = fm_kind
    elif scan.decision:
        kind = "decision"
    elif scan.notice:
        kind = "notice"
    elif scan.report:
        kind = "report"
    elif scan.decision_labels:
        kind = "decision"
    elif scan.notice_labels:
        kind = "notice"
    elif scan.meeting:
        kind = "meeting"
    else:
        kind = "report"

    first = next((cl.line for cl in lines if cl.text.strip()), None)
    line_no = scan.kind_line or (first.number if first else 1)
    page = next((cl.line.page for cl in lines if cl.number == line_no), None)
    fields = {name: FieldValue(value=f.value, line=f.line, column=f.column, text=f.text,
                               page=f.page)
              for name, f in col.fields.items()}
    record = Record(kind=kind, path=doc.path, nation=fm_nation or nation, line=line_no,
                    page=page, fields=fields)
    notes = sorted(col.notes, key=lambda n: (n.line, n.column))
    return [record], notes


def extract(doc: "Document", nation: str = "england") -> list["Record"]:
    """The records in ``doc`` (see :func:`extract_with_notes` for the notes)."""
    return extract_with_notes(doc, nation)[0]
