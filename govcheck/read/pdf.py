"""PDF reader: pypdfium2 text with positional line regrouping.

PDFium returns the text of a page in content-stream order, split into "stream
lines" wherever the writing position moves to another line.  That order is not
always the visual one.  Two cases matter for council reports:

* a front-sheet row is a label cell and a value cell on the same baseline, which
  can come out as separate stream lines (a wrapped label is written first, then the
  value cell goes back up to the first baseline);
* a checkbox glyph from another font (☒, or a Wingdings box) is often drawn in a
  second pass after the words, so the stream reads ``Yes No ☒ ☐``.

So each page is rebuilt from positions (deps.md, Appendix A, "hybrid"):

1. The page text (``FPDFText_GetText``, as pypdfium2's ``get_text_range()``) has
   PDFium's character indices.  It is split into stream lines at the line breaks
   PDFium generates.
2. For each stream line: the baseline (origin of its first character), its
   direction (angle of that character), and how many text-object runs it has
   (``count_rects``).  Only a line with several runs fetches their rectangles
   (``get_rect``); a line whose runs go backwards or overlap is flagged as out of
   order.  A line that has one run and is alone on its baseline (most prose) needs
   nothing more: its text is the line.
3. Stream lines are grouped by baseline (within ``BASELINE_TOLERANCE``) into
   visual lines, top to bottom, and sorted by x.  Pieces are joined with a space, or
   a TAB at a cell boundary: a gap wider than ``TAB_GAP``, or a gap wider than
   ``WEAK_GAP_EM`` that ends where a clear cell boundary ends on another line of
   the page (a label that fills its cell still reads ``label<TAB>value``, because
   the other rows show where the value column starts).  Gaps between runs inside
   one stream line count too; the cut is found from one or two character boxes.
4. Only a visual line that is out of order is rebuilt word by word, sorted by the
   left edge of each word's first character (a word whose characters themselves
   run backwards is split into characters).  Words keep PDFium's own spacing, so no
   stray spaces are invented inside words.

A page whose text mostly runs in another direction (a landscape table on a
/Rotate page) is read in that direction; lines running across it (a label up the
margin) stand alone.  Pages are not otherwise laid out: there are no blank lines,
and ``page_line`` counts the lines of text on the page.

Checkbox glyphs are then normalised (see ``CHECKBOX_GLYPHS``) to ``☒``/``☐``,
wherever they stand relative to their answer (``☒ Yes ☐ No`` or ``Yes ☒ No ☐``).

Errors are one-line :class:`ReadError` messages: no text layer at all (a scan),
an encrypted file, or a file PDFium cannot parse.  PDFium is not thread safe; the
batch runner uses processes.

Speed (COMPASS: at most 1.3x ``pdftotext -layout``; benchmarks/pdf_vs_pdftotext.py).
Loading the pages costs PDFium about as much as pdftotext's whole run, so the
regrouping must stay within a third of that.  It is a few ctypes calls per stream
line and per cell cut, so their cost matters: pages and text pages are raw handles
(no pypdfium2 helper objects, whose finalizers cost more than the text calls), and
the calls go through prototypes without ``argtypes`` (see ``_Api``), at about half
the cost of ``pypdfium2.raw``'s typed ones.  Stream lines are tuples until one
needs placing.
"""

from __future__ import annotations

import math
from codecs import decode
from ctypes import (CFUNCTYPE, byref, c_double, c_float, c_int, c_uint, c_ushort,
                    c_void_p, cast)
from itertools import repeat
from typing import Any

from govcheck.read.base import CHECKED, UNCHECKED, Document, Line, ReadError
from govcheck import recache

__all__ = ["read", "normalise_checkboxes", "CHECKBOX_GLYPHS"]

# Checkbox glyphs and what they mean.  Word's Wingdings/Wingdings 2 checkboxes come
# out of PDFs as Private Use Area code points (U+F000 + the Wingdings code):
#
#   code point  Wingdings glyph                  state
#   U+F06F      o  hollow square                 unchecked  ☐
#   U+F0A8      ¨  ballot box (Word's "☐")        unchecked  ☐
#   U+F078      x  X in a box                    checked    ☒
#   U+F0FD      ý  box with an X                 checked    ☒
#   U+F0FE      þ  box with a tick               checked    ☒
#
# and Unicode lookalikes that authors type or fonts substitute:
#
#   □ U+25A1, ◻ U+25FB, ❏ U+274F, ❑ U+2751            -> ☐
#   ☑ U+2611, ⊠ U+22A0, ⌧ U+2327, ⮽ U+2BBD, ✓ U+2713, ✔ U+2714  -> ☒
#
# ✗/✘ (ballot X) are left alone: on their own they usually mean "no" in a table.
CHECKBOX_GLYPHS: dict[str, str] = {
    "\uf06f": UNCHECKED, "\uf0a8": UNCHECKED,
    "\uf078": CHECKED, "\uf0fd": CHECKED, "\uf0fe": CHECKED,
    "\u25a1": UNCHECKED, "\u25fb": UNCHECKED, "\u274f": UNCHECKED, "\u2751": UNCHECKED,
    "\u2611": CHECKED, "\u22a0": CHECKED, "\u2327": CHECKED, "\u2bbd": CHECKED,
    "\u2713": CHECKED, "\u2714": CHECKED,
}

# Other characters PDFium can return that do not belong in a line of text: \x02 is
# its marker for a hyphen at the end of a line (keep it as "-"); NUL, \ufffe and
# \uffff are placeholders for characters with no Unicode mapping.  Every mapping is
# one character to one character, so the page text keeps PDFium's indices.
_CLEAN = {ord(k): v for k, v in CHECKBOX_GLYPHS.items()}
_CLEAN.update({0x02: "-", 0x00: " ", 0xFFFE: " ", 0xFFFF: " ", 0xA0: " ",
               0x0B: " ", 0x0C: " ", 0x09: " "})
# One `in` test per character finds them faster than a regular expression's
# character class (a page of text is scanned some 20 times, but by memchr-like code).
_CLEAN_CHARS = tuple(chr(k) for k in _CLEAN)

BASELINE_TOLERANCE = 2.5   # pt: stream lines this close in baseline share a visual line
TAB_GAP = 20.0             # pt: a horizontal gap wider than this is a cell boundary
OVERLAP = 2.0              # pt: segments overlapping more than this are out of order
WEAK_GAP_EM = 0.6          # a gap wider than this (in ems) may be a cell boundary ...
ANCHOR_TOLERANCE = 2       # pt: ... and is one if it ends where a clear one (> TAB_GAP)
                           # ends on another line of the page (a table column)

_WORD = recache.compile(r"\S+")


def normalise_checkboxes(text: str) -> str:
    """Map Wingdings/PUA and lookalike checkbox glyphs to ☒/☐ (and blank PDF junk).

    One character in, one character out, so offsets do not move."""
    for ch in _CLEAN_CHARS:
        if ch in text:
            return text.translate(_CLEAN)
    return text


# ----------------------------------------------------------------------- reading

def read(path: str, data: bytes, fmt: str = "pdf") -> Document:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise ReadError(_load_error(e, raw)) from None
    api = _api(raw)
    try:
        n_pages = len(pdf)
        properties = _metadata(pdf)
        properties["pages"] = str(n_pages)
        lines: list[Line] = []
        no_text: list[int] = []
        unreadable: list[int] = []
        doc = c_void_p(cast(pdf.raw, c_void_p).value)
        for index in range(n_pages):
            # Raw page handles, closed here: pypdfium2's PdfPage/PdfTextPage helpers
            # (finalizers, object tracking) cost more than the page's text calls.
            page = api.load_page(doc, index)
            if not page:
                unreadable.append(index + 1)
                continue
            page = c_void_p(page)
            try:
                textpage = api.load_textpage(page)
                if not textpage:
                    unreadable.append(index + 1)
                    continue
                textpage = c_void_p(textpage)
                try:
                    texts = _page_lines(api, textpage)
                finally:
                    api.close_textpage(textpage)
            finally:
                api.close_page(page)
            if not texts:
                no_text.append(index + 1)
                continue
            base = len(lines)
            lines.extend(map(Line, range(base + 1, base + len(texts) + 1), texts,
                             repeat(index + 1), range(1, len(texts) + 1)))
    finally:
        pdf.close()

    if unreadable and len(unreadable) == n_pages:
        raise ReadError("not a readable PDF: no page could be loaded")
    if not lines:
        if unreadable:
            raise ReadError("not a readable PDF: the readable pages have no text")
        raise ReadError("no text layer: cannot check, OCR it first")
    if no_text:
        properties["pages_without_text"] = ", ".join(map(str, no_text))
    if unreadable:
        properties["unreadable_pages"] = ", ".join(map(str, unreadable))
    return Document(path=path, format="pdf", lines=lines, properties=properties)


def _load_error(e: Any, raw: Any) -> str:
    code = getattr(e, "err_code", None)
    if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
        return "encrypted PDF: cannot read it without the password"
    reason = {
        raw.FPDF_ERR_FORMAT: "damaged, truncated or not a PDF (PDFium: data format error)",
        raw.FPDF_ERR_FILE: "the file could not be opened",
        raw.FPDF_ERR_PAGE: "the page tree is damaged",
    }.get(code, "it has no pages or PDFium could not parse it")
    return f"not a readable PDF: {reason}"


def _metadata(pdf: Any) -> dict[str, str]:
    props: dict[str, str] = {}
    try:
        meta = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # metadata is a nicety; never fail the read for it
        return props
    for key, name in (("Title", "title"), ("Author", "author"), ("Subject", "subject")):
        value = " ".join(str(meta.get(key, "")).split())
        if value:
            props[name] = value
    created = _pdf_date(str(meta.get("CreationDate", "")))
    if created:
        props["created"] = created
    return props


_PDF_DATE = recache.compile(
    r"(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+-]\d{2}'?\d{2}'?|[+-]\d{2})?")


def _pdf_date(value: str) -> str | None:
    """'D:20250106093000+01'00'' -> '2025-01-06T09:30:00+01:00' (date only if no time)."""
    m = _PDF_DATE.match(value.strip())
    if not m:
        return None
    year, month, day, hour, minute, second, tz = m.groups()
    date = f"{year}-{month or '01'}-{day or '01'}"
    if hour is None:
        return date
    out = f"{date}T{hour}:{minute or '00'}:{second or '00'}"
    if tz == "Z":
        out += "+00:00"
    elif tz:
        digits = tz[1:].replace("'", "")
        out += f"{tz[0]}{digits[:2]}:{digits[2:4] or '00'}"
    return out


# ----------------------------------------------------------- positional regrouping

# A stream line as _stream_lines first records it: a plain tuple, cheap to make and
# to sort (by baseline, top first, then stream order: ``start`` is unique, so the
# later fields are never compared).  Most lines are one run alone on their
# baseline and never become anything else; the others become _Seg objects.
#
#   (-y, start, text, ox, y, turn, rects, alien)
_Entry = tuple


class _Seg:
    """One stream line: its text, where it starts in the page's char list, geometry.

    ``rects`` are the (left, right, bottom, top) of its text-object runs.  A line
    with a single run does not fetch its rectangle unless a neighbour on the same
    baseline needs it (``_Page.measure``): most lines of prose never do."""

    __slots__ = ("text", "start", "ox", "y", "turn", "rects", "x0", "x1", "disordered",
                 "alien")

    def __init__(self, entry: _Entry) -> None:
        _, self.start, self.text, self.ox, self.y, self.turn, rects, self.alien = entry
        # ox, y: origin of the first character (y gives the baseline); turn: its
        # direction, in quarter turns clockwise; alien: written in another direction
        # than the page
        if rects is None:
            self.rects = None
            self.disordered = False
            self.x0 = self.x1 = 0.0
        else:
            self.set_rects(rects)

    def set_rects(self, rects: list[tuple[float, float, float, float]]) -> None:
        self.rects = rects
        self.disordered, self.x0, self.x1 = _extent(rects)


def _extent(rects: list[tuple[float, float, float, float]]) -> tuple[bool, float, float]:
    """Whether a line's runs go backwards or overlap (out of order), and its left and
    right edge."""
    prev_left, prev_right = rects[0][0], rects[0][1]
    for left, right, _b, _t in rects[1:]:
        if left < prev_left or left < prev_right - OVERLAP:
            return True, min(r[0] for r in rects), max(r[1] for r in rects)
        prev_left, prev_right = left, right
    return False, rects[0][0], rects[-1][1]


class _Gap:
    """A horizontal gap that may be a cell boundary: decided once the page is seen."""

    __slots__ = ("x",)

    def __init__(self, x: float) -> None:
        self.x = x                    # left edge of what follows the gap


# A visual line while it is being built: text pieces and separators (" ", "\t" or
# a _Gap still to be decided).
_Parts = list


class _Api:
    """PDFium's functions as lean ctypes prototypes.

    The same C functions as ``pypdfium2.raw``, but with only a return type: ctypes
    then passes a Python int as a C ``int`` and a ctypes object as itself, with no
    per-argument conversion, which halves the cost of a call (a page makes a few
    hundred).  So every pointer argument must be a ctypes object: a ``c_void_p``
    handle, a ``byref()`` into a buffer, or an array; never a bare int."""

    def __init__(self, raw: Any) -> None:
        def fn(name: str, restype: Any) -> Any:
            return CFUNCTYPE(restype)(cast(getattr(raw, name), c_void_p).value)

        self.load_page = fn("FPDF_LoadPage", c_void_p)            # (doc, index)
        self.close_page = fn("FPDF_ClosePage", None)               # (page)
        self.load_textpage = fn("FPDFText_LoadPage", c_void_p)     # (page)
        self.close_textpage = fn("FPDFText_ClosePage", None)       # (textpage)
        # the rest take the text page first, then a character (or rectangle) index
        self.count_chars = fn("FPDFText_CountChars", c_int)
        self.text_index = fn("FPDFText_GetTextIndexFromCharIndex", c_int)
        self.get_text = fn("FPDFText_GetText", c_int)             # start, count, buffer
        self.get_unicode = fn("FPDFText_GetUnicode", c_uint)
        self.count_rects = fn("FPDFText_CountRects", c_int)       # start, count
        self.get_rect = fn("FPDFText_GetRect", c_int)             # left, top, right, bottom
        self.get_origin = fn("FPDFText_GetCharOrigin", c_int)     # x, y
        self.get_angle = fn("FPDFText_GetCharAngle", c_float)
        self.get_box = fn("FPDFText_GetCharBox", c_int)           # left, right, bottom, top
        self.get_font_size = fn("FPDFText_GetFontSize", c_double)


_API: _Api | None = None


def _api(raw: Any) -> _Api:
    global _API
    if _API is None:
        _API = _Api(raw)
    return _API


class _Page:
    """The page's text handle, a reusable out-parameter buffer, the reading
    direction, and what the page's lines have shown so far about table columns."""

    def __init__(self, api: _Api, tp: c_void_p) -> None:
        self.api = api
        self.tp = tp
        self.buf = (c_double * 4)()
        self.refs = tuple(byref(self.buf, 8 * i) for i in range(4))
        self.anchors: set[int] = set()   # x (rounded) where a clear cell boundary ends
        self.sizes: dict[int, float] = {}  # font size by character index
        self.turn(0)

    def turn(self, q: int) -> None:
        """Read the page in direction `q` (quarter turns): sets ``char_lr(index)``,
        the left and right edge of a character's box along the reading direction,
        and ``char_left(index)``, its left edge."""
        self.q = q
        get_box, tp, buf = self.api.get_box, self.tp, self.buf
        a0, a1, a2, a3 = self.refs

        def char_lr(index: int) -> tuple[float, float]:
            get_box(tp, index, a0, a1, a2, a3)        # left, right, bottom, top
            if q:
                return _turn_rect(q, buf[0], buf[1], buf[2], buf[3])[:2]
            return buf[0], buf[1]

        def char_left(index: int) -> float:
            get_box(tp, index, a0, a1, a2, a3)
            return buf[0]

        self.char_lr = char_lr
        self.char_left = char_left if not q else (lambda index: char_lr(index)[0])

    def measure(self, seg: _Seg) -> None:
        """Fetch the rectangle of a single-run line (deferred by _stream_lines)."""
        if seg.rects is None:
            api, buf = self.api, self.buf
            api.count_rects(self.tp, seg.start, len(seg.text))
            api.get_rect(self.tp, 0, *self.refs)      # left, top, right, bottom
            rect = (buf[0], buf[2], buf[3], buf[1])
            if self.q:
                rect = _turn_rect(self.q, *rect)
            seg.rects = [rect]
            seg.x0, seg.x1 = rect[0], rect[1]

    def size(self, start: int) -> float:
        """Font size of the line starting at character `start` (10 if unknown)."""
        size = self.sizes.get(start)
        if size is None:
            size = self.sizes[start] = self.api.get_font_size(self.tp, start) or 10.0
        return size

    def separator(self, gap: float, x: float, start: int) -> str | _Gap:
        """Space, TAB, or undecided, for a gap of `gap` points ending at `x` in the
        line that starts at character `start`."""
        if gap > TAB_GAP:
            self.anchors.add(round(x))
            return "\t"
        if gap > 4.0 and gap > WEAK_GAP_EM * self.size(start):
            return _Gap(x)
        return " "

    def resolve(self, parts: _Parts) -> str:
        """Join a built line; an undecided gap is a TAB if it ends where a clear cell
        boundary ends on another line of the page (a table column), else a space."""
        return "".join([part if type(part) is str else self._decide(part)
                        for part in parts])

    def _decide(self, gap: _Gap) -> str:
        x = round(gap.x)
        near = range(x - ANCHOR_TOLERANCE, x + ANCHOR_TOLERANCE + 1)
        return " " if self.anchors.isdisjoint(near) else "\t"


def _page_text(api: _Api, tp: c_void_p, n_chars: int) -> str:
    """The text of the page's characters, as pypdfium2's
    ``PdfTextPage.get_text_range()`` gives it: leading and trailing characters that
    have no place in the text are left out of the request, because PDFium would read
    past the range for them (pypdfium2 issue 261, crbug.com/pdfium/2079)."""
    first, last = 0, n_chars - 1
    while True:
        if first > last:
            return ""
        t_start = api.text_index(tp, first)
        if t_start == -1:
            first += 1
            continue
        t_end = api.text_index(tp, last)
        if t_end == -1:
            last -= 1
            continue
        break
    size = t_end + 2 - t_start                        # text indices, and the NUL
    buffer = (c_ushort * size)()
    written = api.get_text(tp, first, last - first + 1, buffer)
    if written > size:
        raise ReadError("not a readable PDF: PDFium wrote more text than it counted")
    return decode(memoryview(buffer)[:written - 1], "utf-16-le", "ignore")


def _page_lines(api: _Api, tp: c_void_p) -> list[str]:
    """The page's visual lines, top to bottom (empty if it has no text)."""
    n_chars = api.count_chars(tp)
    if n_chars <= 0:
        return []
    text = _page_text(api, tp, n_chars)
    if len(text) != n_chars:
        # PDFium left out or inserted characters, so text indices and character
        # indices disagree; rebuild the text one character at a time (rare).
        get_unicode = api.get_unicode
        text = "".join(chr(u) if u < 0xD800 or 0xDFFF < u < 0x110000 else "\ufffd"
                       for u in (get_unicode(tp, i) for i in range(n_chars)))
    if not text.strip():
        return []
    text = normalise_checkboxes(text)

    page = _Page(api, tp)
    entries = _stream_lines(page, text)
    if not entries:
        return []

    # group stream lines into visual lines by baseline, top of the page first
    entries.sort()                                    # by (-y, start)
    groups: list[list[_Entry]] = []
    current: list[_Entry] = []
    base_y = 0.0
    for entry in entries:
        if entry[7]:
            groups.append([entry])                    # alien, e.g. a label up the margin
        elif current and abs(entry[4] - base_y) <= BASELINE_TOLERANCE:
            current.append(entry)
        else:
            current = [entry]
            base_y = entry[4]
            groups.append(current)

    built: list[_Parts | str] = []
    for group in groups:
        if len(group) == 1:
            entry = group[0]
            if entry[6] is None or entry[7]:          # one run: nothing to place
                built.append(entry[2])
                continue
            rects = entry[6]
            disordered, x0, x1 = _extent(rects)
            if disordered:
                built.append(_words_by_position(page, [_Seg(entry)]))
            elif len(rects) > 1:
                parts: _Parts = []
                _split_cells(page, entry[2], entry[1], rects, x0, x1, parts)
                built.append(parts)
            else:
                built.append(entry[2])
            continue
        segs = [_Seg(entry) for entry in group]
        for seg in segs:
            page.measure(seg)
        segs.sort(key=lambda s: s.x0)
        disordered = any(s.disordered for s in segs) or any(
            nxt.x0 < prev.x1 - OVERLAP for prev, nxt in zip(segs, segs[1:]))
        if disordered:
            built.append(_words_by_position(page, segs))
        else:
            built.append(_join_in_order(page, segs))

    out: list[str] = []
    for parts in built:
        if type(parts) is str:
            line = parts                              # a stream line, already stripped
        else:
            line = (parts[0] if len(parts) == 1 else page.resolve(parts)).strip()
        if line:
            if "\r" in line or "\n" in line:      # a literal break inside a text run
                line = " ".join(line.split())
            out.append(line)
    return out


def _stream_lines(page: _Page, text: str) -> list[_Entry]:
    """Split the page text into stream lines and measure each (steps 1 and 2).

    Each line's direction comes from the angle of its first character.  The page
    is read in the direction most of its text runs (a landscape table on a /Rotate
    page reads across the screen); lines in other directions stand alone."""
    api, tp, buf = page.api, page.tp, page.buf
    count_rects, get_rect = api.count_rects, api.get_rect
    get_origin, get_angle = api.get_origin, api.get_angle
    pa, pb, pc, pd = page.refs

    entries: list[_Entry] = []
    append = entries.append
    chars_by_turn = [0, 0, 0, 0]
    start = 0
    for chunk in text.split("\r\n"):
        first = start
        start += len(chunk) + 2
        stripped = chunk.strip()
        if not stripped:
            continue
        if chunk[0].isspace():      # any whitespace strip() removes, not only " \t\r\n"
            first += len(chunk) - len(chunk.lstrip())
        size = len(stripped)
        n = count_rects(tp, first, size)
        if n <= 0:
            continue                                  # nothing visible
        if n == 1:
            rects = None
            if get_origin(tp, first, pa, pb):
                ox, oy = buf[0], buf[1]
            else:
                get_rect(tp, 0, pa, pb, pc, pd)       # left, top, right, bottom
                ox, oy = buf[0], buf[3]
        else:
            rects = []
            for i in range(n):
                get_rect(tp, i, pa, pb, pc, pd)      # left, top, right, bottom
                left, top, right, bottom = buf
                if right - left > 0.01:
                    rects.append((left, right, bottom, top))
            if not rects:
                continue                              # zero-size (invisible) text
            if get_origin(tp, first, pa, pb):
                ox, oy = buf[0], buf[1]
            else:
                ox, oy = rects[0][0], rects[0][2]
        angle = get_angle(tp, first)                  # radians clockwise, -1 if unknown
        turn = int(round(angle / _QUARTER)) % 4 if 0.785 < angle < 5.498 else 0
        chars_by_turn[turn] += size
        append((-oy, first, stripped, ox, oy, turn, rects, False))

    if chars_by_turn[0] != sum(chars_by_turn):
        # some text runs in another direction: read the page in its main direction
        q = chars_by_turn.index(max(chars_by_turn))
        page.turn(q)
        turned = []
        for _, first, stripped, ox, oy, turn, rects, _alien in entries:
            if q:
                ox, oy = _turn_point(q, ox, oy)
                if rects:
                    rects = [_turn_rect(q, *r) for r in rects]
            turned.append((-oy, first, stripped, ox, oy, turn, rects, turn != q))
        entries = turned
    return entries


_QUARTER = math.pi / 2


def _turn_point(q: int, x: float, y: float) -> tuple[float, float]:
    """Page coordinates -> coordinates where text of direction `q` (quarter turns,
    clockwise, as PDFium's char angle) runs along +x with its top towards +y."""
    if q == 1:
        return -y, x
    if q == 2:
        return -x, -y
    if q == 3:
        return y, -x
    return x, y


def _turn_rect(q: int, left: float, right: float, bottom: float, top: float
               ) -> tuple[float, float, float, float]:
    """A page-space box as (left, right, bottom, top) in the turned frame."""
    if q == 1:
        return -top, -bottom, left, right
    if q == 2:
        return -right, -left, -top, -bottom
    if q == 3:
        return bottom, top, -right, -left
    return left, right, bottom, top


def _join_in_order(page: _Page, group: list[_Seg]) -> _Parts:
    parts: _Parts = []
    prev: _Seg | None = None
    for seg in group:
        if prev is not None:
            parts.append(page.separator(seg.x0 - prev.x1, seg.x0, seg.start))
        if seg.rects is not None and len(seg.rects) > 1:
            _split_cells(page, seg.text, seg.start, seg.rects, seg.x0, seg.x1, parts)
        else:
            parts.append(seg.text)
        prev = seg
    return parts


def _split_cells(page: _Page, text: str, start: int,
                 rects: list[tuple[float, float, float, float]], x0: float, x1: float,
                 parts: _Parts) -> None:
    """Append the text of an in-order stream line (its first character is the
    page's character `start`, its runs are `rects`, from x0 to x1), cut where two of
    its text runs are (perhaps) a cell apart.

    A gap under TAB_GAP is only a candidate when it stands out from the line's other
    gaps: in a justified line written one word per text object every gap is wide,
    and none of them is a cell boundary."""
    if len(rects) > 3:
        gaps = [rect[0] - prev[1] for prev, rect in zip(rects, rects[1:])]
        limit = 2.0 * sorted(gaps)[(len(gaps) - 1) // 2] + 1.0
    else:
        limit = 1.0                                   # no typical gap to stand out from
    last = 0
    prev_right = rects[0][1]
    for rect in rects[1:]:
        left = rect[0]
        gap = left - prev_right
        prev_right = rect[1]
        # page.separator(), inline: a TAB, an undecided gap, or nothing
        if gap > TAB_GAP:
            page.anchors.add(round(left))
            sep: str | _Gap = "\t"
        elif gap < limit:
            continue
        elif gap > 4.0 and gap > WEAK_GAP_EM * page.size(start):
            sep = _Gap(left)
        else:
            continue
        cut = _first_char_at(page, text, start, x0, x1, left)
        if cut is None or cut <= last:
            continue
        parts.append(text[last:cut].rstrip())
        parts.append(sep)
        last = cut
        while last < len(text) and text[last] == " ":
            last += 1
    parts.append(text[last:])


def _first_char_at(page: _Page, text: str, start: int, x0: float, x1: float,
                   left: float) -> int | None:
    """Offset in `text` of the first word that starts at or after `left`, the left
    edge of one of its text runs (an in-order stream line from x0 to x1 whose first
    character is the page's character `start`, so left edges increase).

    The search starts at the word where the edge falls in proportion to the line's
    width and walks from there.  A run's rectangle is the union of its characters'
    boxes, so the first character's left edge is the rectangle's: one character box
    usually confirms the guess."""
    n = len(text)
    edge = left - 0.5
    width = x1 - x0
    guess = int((left - x0) / width * n) if width > 0 else 1
    if guess < 1:
        guess = 1
    if guess > n - 1:
        guess = n - 1
    base = start
    char_left = page.char_left
    o = text.rfind(" ", 0, guess + 1) + 1
    if o == 0:
        o = text.find(" ") + 1
    for _ in range(n):
        while 0 < o < n and text[o] == " ":
            o += 1
        if not 0 < o < n:
            return None
        x = char_left(base + o)
        if abs(x - left) < 0.05:
            return o                                  # the run's first character
        if x >= edge:
            j = o - 1                                 # start of the word before
            while j > 0 and text[j] == " ":
                j -= 1
            p = text.rfind(" ", 0, j) + 1
            if (char_left(base + p) if p else x0) < edge:
                return o
            o = p
        else:
            o = text.find(" ", o) + 1
            if o == 0:
                return None
    return None


def _words_by_position(page: _Page, group: list[_Seg]) -> _Parts:
    """Rebuild an out-of-order visual line from its words, sorted by x (step 4).

    A stream line that is in order and overlaps no other one in the group (the
    label of a front-sheet row) is kept whole; the others are cut into words."""
    # (left, right, parts, word id, segment); the characters of a split word share a
    # negative word id and are joined without spaces
    items: list[tuple[float, float, _Parts, int, _Seg]] = []
    word_id = 0
    for seg in group:
        word_id += 1
        if not seg.disordered and not any(
                o is not seg and o.x0 < seg.x1 - OVERLAP and seg.x0 < o.x1 - OVERLAP
                for o in group):
            items.append((seg.x0, seg.x1, _join_in_order(page, [seg]), word_id, seg))
            continue
        for m in _WORD.finditer(seg.text):
            word_id += 1
            word = m.group()
            i0, i1 = seg.start + m.start(), seg.start + m.end() - 1
            left0, right0 = page.char_lr(i0)
            if i1 == i0:
                items.append((left0, right0, [word], word_id, seg))
                continue
            left1, right1 = page.char_lr(i1)
            if left1 >= left0 - 0.5:
                items.append((left0, max(right0, right1), [word], word_id, seg))
                continue
            # the characters of this "word" run backwards: place each one
            for k, ch in enumerate(word):
                left, right = page.char_lr(i0 + k)
                items.append((left, right, [ch], -word_id, seg))
    items.sort(key=lambda it: it[0])
    parts: _Parts = []
    prev = None
    for item in items:
        if prev is not None:
            gap = item[0] - prev[1]
            if not (item[3] < 0 and item[3] == prev[3]
                    and gap <= 0.2 * page.size(item[4].start)):
                parts.append(page.separator(gap, item[0], item[4].start))
        parts.extend(item[2])
        prev = item
    return parts
