"""Lines as extraction sees them: Markdown emphasis and bullets blanked out, and
Markdown table rows turned into TAB-separated cells.  An HTML heading (the reader's
``where`` is ``h1`` ... ``h6``) is a heading as a Markdown one is.

Blanking replaces each markup character by a space, so every offset in the cleaned
text is the same offset in the source line and columns stay true.
"""

from __future__ import annotations

from govcheck import recache
from govcheck.read.base import Line
from govcheck.struct import struct

__all__ = ["CLine", "clean_lines", "is_heading", "is_blank", "sentence_at", "Index"]

_LEAD_RE = recache.compile(r"^([ \t]*)(#{1,6}[ \t]+|>[ \t]*|[-*+•·▪●◦‣][ \t]+)")
_TABLE_RULE_RE = recache.compile(r"^\s*\|[\s|:\-]*$")
_SPACES_RE = recache.compile(r"[\u00a0\u2007\u202f\f\v\r]")
_NUMBERED_HEADING_RE = recache.compile(
    r"^\s*\d{1,2}\.?\s+(?!\d)[A-Z][^\t.:;]{1,90}$")


@struct(slots=True, init=False)
class CLine:
    line: Line
    text: str          # cleaned, same length as line.text
    low: str           # text.lower(), for cheap keyword tests before a regex
    bullet: bool       # the source line began with a list bullet
    heading: bool      # a Markdown or HTML heading, or a line that is bold throughout
    labs: list | None = None  # the labels on the line, once frontsheet.labels_of has looked
    row: bool = False  # a data row of a table whose header labels its cells (.columns)

    def __init__(self, line: Line, text: str, low: str, bullet: bool, heading: bool,
                 labs: list | None = None, row: bool = False) -> None:
        self.line, self.text, self.low, self.bullet, self.heading = \
            line, text, low, bullet, heading
        self.labs, self.row = labs, row

    @property
    def number(self) -> int:
        return self.line.number


_LEAD_CHARS = frozenset(" \t#>-*+•·▪●◦‣")
_SPECIAL_SPACES = "\u00a0\u2007\u202f\f\v\r"


def _html_heading(where: str | None) -> bool:
    return bool(where) and where[0] == "h" and where[1:2].isdigit() \
        and (len(where) == 2 or where[2] == ".")


def _html_item(where: str | None) -> bool:
    return bool(where) and where[:2] == "li" and (len(where) == 2 or where[2] == ".")


def clean(line: Line, inline: bool = True, spaces: bool = True) -> CLine:
    """Blank the Markdown of one line.  ``inline``/``spaces`` False say the line
    holds no ``**``/``__``/backtick and the document no special spaces, which skips
    those steps."""
    text = line.text
    hx = _html_heading(line.where)
    li = _html_item(line.where)
    first = text[:1]
    m = _LEAD_RE.match(text) if first in _LEAD_CHARS else None
    has_inline = inline and ("**" in text or "__" in text or "`" in text)
    table = first == "|" or (first in " \t" and text.lstrip().startswith("|"))
    if m is None and not has_inline and not table and not (spaces and _SPACES_RE.search(text)):
        return CLine(line, text, text.lower(), li, hx)
    bullet = li
    heading = hx
    if spaces:
        text = _SPACES_RE.sub(" ", text)
    if table:
        # a Markdown table row: its cells become TAB-separated, like a DOCX table;
        # the |---|---| rule under the header row becomes blank
        if _TABLE_RULE_RE.match(text):
            return CLine(line, " " * len(text), " " * len(text), False, False)
        text = text.replace("|", "\t")
        m = None
    if m is not None:
        lead = m.group(2)
        md_heading = lead[0] == "#"
        heading = heading or md_heading
        bullet = li or (not md_heading and lead[0] != ">")
        text = m.group(1) + " " * len(lead) + text[m.end():]
    if has_inline:
        stripped = line.text.strip()
        if len(stripped) > 4 and stripped.startswith("**") and stripped.endswith("**") \
                and stripped.count("**") == 2:
            heading = True
        # same-length replacements keep every offset
        text = text.replace("**", "  ").replace("__", "  ").replace("`", " ")
    return CLine(line, text, text.lower(), bullet, heading)


def _lines_holding(whole: str, starts: list[int], words: tuple[str, ...]) -> set[int]:
    from bisect import bisect_right

    found: set[int] = set()
    for w in words:
        pos = whole.find(w)
        while pos >= 0:
            found.add(bisect_right(starts, pos) - 1)
            pos = whole.find(w, pos + len(w))
    return found


def clean_lines(lines: list[Line]) -> list[CLine]:
    whole = "\n".join(line.text for line in lines)
    spaces = any(c in whole for c in _SPECIAL_SPACES)
    if "**" in whole or "__" in whole or "`" in whole:
        starts, pos = [], 0
        for line in lines:
            starts.append(pos)
            pos += len(line.text) + 1
        marked = _lines_holding(whole, starts, ("**", "__", "`"))
        return [clean(line, i in marked, spaces) for i, line in enumerate(lines)]
    return [clean(line, False, spaces) for line in lines]


def sentence_at(text: str, at: int) -> str:
    """The sentence (or clause, to a ";") of ``text`` around offset ``at``."""
    start = max(text.rfind(".", 0, at), text.rfind(";", 0, at)) + 1
    end = len(text)
    for stop in (".", ";"):
        k = text.find(stop, at)
        if k >= 0:
            end = min(end, k + 1)
    return " ".join(text[start:end].split())


def is_blank(cl: CLine) -> bool:
    return not cl.text.strip()


def is_heading(cl: CLine) -> bool:
    """A Markdown heading, a bold line, or a numbered section heading ("3 Background")."""
    return cl.heading or bool(_NUMBERED_HEADING_RE.match(cl.text))


class Index:
    """Which lines hold a word: one ``str.find`` pass over the whole lower-cased text
    per word, so that a regex runs only on the few lines that can match it."""

    __slots__ = ("lines", "_text", "_starts")

    def __init__(self, lines: list[CLine]):
        self.lines = lines
        starts, pos = [], 0
        for cl in lines:
            starts.append(pos)
            pos += len(cl.low) + 1
        self._starts = starts
        self._text = "\n".join(cl.low for cl in lines)

    def having(self, *words: str) -> list[int]:
        """Indices of the lines holding any of ``words`` (lower case), in order."""
        from bisect import bisect_right

        found: set[int] = set()
        text, starts = self._text, self._starts
        for w in words:
            pos = text.find(w)
            while pos >= 0:
                i = bisect_right(starts, pos) - 1
                found.add(i)
                # skip to the next line: one hit per line is enough
                nxt = starts[i + 1] if i + 1 < len(starts) else len(text)
                pos = text.find(w, nxt)
        return sorted(found)
