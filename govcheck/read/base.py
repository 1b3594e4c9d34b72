"""Document: the text of one input with provenance for every line.

Every reader (text, Markdown, YAML/JSON, and later DOCX, PDF, HTML) produces a
:class:`Document`.  The extractor works only on Documents, so a new input format is a
new reader and nothing else.

Conventions every reader follows:

* ``Line.number`` is 1-based and is what ``govcheck extract`` and findings show.
  For text it is the physical line; for PDF it runs through the whole document and
  ``page``/``page_line`` give the page and the line on that page; for DOCX and HTML
  it is the line of the flattened text and ``where`` names the paragraph or cell.
* Table rows become one line with cells joined by a TAB, so a front-sheet row reads
  ``label<TAB>value``.
* Checkbox states are normalised to ``☒`` (checked) and ``☐`` (unchecked), placed
  before the answer they belong to: ``☐ Yes ☒ No``.
"""

from __future__ import annotations

from typing import Any

from govcheck.struct import field, struct


class ReadError(Exception):
    """An input that cannot be read.  The message is one line, for a person."""


CHECKED = "☒"
UNCHECKED = "☐"


@struct(frozen=True, slots=True, init=False)
class Line:
    number: int
    text: str
    page: int | None = None
    page_line: int | None = None
    where: str | None = None

    def __init__(self, number: int, text: str, page: int | None = None,
                 page_line: int | None = None, where: str | None = None) -> None:
        _set = object.__setattr__     # frozen
        _set(self, "number", number)
        _set(self, "text", text)
        _set(self, "page", page)
        _set(self, "page_line", page_line)
        _set(self, "where", where)

    def describe(self) -> str:
        if self.page is not None:
            return f"page {self.page}, line {self.page_line or self.number}"
        if self.where:
            return self.where
        return f"line {self.number}"


@struct
class Document:
    path: str
    format: str
    lines: list[Line]
    properties: dict[str, str] = field(default_factory=dict)
    # Structured content: for YAML/JSON inputs the parsed records; for Markdown the
    # front matter mapping.  Values are (value, line) pairs so provenance survives.
    data: Any = None

    @classmethod
    def from_text(cls, path: str, fmt: str, text: str, first_line: int = 1,
                  **kw: Any) -> "Document":
        lines = [Line(first_line + i, t) for i, t in enumerate(text.splitlines())]
        return cls(path=path, format=fmt, lines=lines, **kw)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)
