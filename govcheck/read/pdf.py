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

1. ``get_text_range()`` gives the page text; its indices are PDFium's character
   indices.  It is split into stream lines at the line breaks PDFium generates.
2. For each stream line: the baseline (origin of its first character), its
   direction (angle of that character), and how many text-object runs it has
   (``count_rects``).  Only a line with several runs fetches their rectangles
   (``get_rect``); a line whose runs go backwards or overlap is flagged as out of
   order.
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
"""

from __future__ import annotations

import math
import re
from ctypes import CFUNCTYPE, addressof, c_double, c_float, c_int, c_void_p, cast
from typing import Any

from govcheck.read.base import CHECKED, UNCHECKED, Document, Line, ReadError

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
_NEEDS_CLEAN = re.compile("[" + "".join(re.escape(chr(k)) for k in _CLEAN) + "]")

BASELINE_TOLERANCE = 2.5   # pt: stream lines this close in baseline share a visual line
TAB_GAP = 20.0             # pt: a horizontal gap wider than this is a cell boundary
OVERLAP = 2.0              # pt: segments overlapping more than this are out of order
WEAK_GAP_EM = 0.6          # a gap wider than this (in ems) may be a cell boundary ...
ANCHOR_TOLERANCE = 2       # pt: ... and is one if it ends where a clear one (> TAB_GAP)
                           # ends on another line of the page (a table column)

_WORD = re.compile(r"\S+")


def normalise_checkboxes(text: str) -> str:
    """Map Wingdings/PUA and lookalike checkbox glyphs to ☒/☐ (and blank PDF junk).

    One character in, one character out, so offsets do not move."""
    return text.translate(_CLEAN) if _NEEDS_CLEAN.search(text) else text


# ----------------------------------------------------------------------- reading

def read(path: str, data: bytes, fmt: str = "pdf") -> Document:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise ReadError(_load_error(e, raw)) from None
    try:
        n_pages = len(pdf)
        properties = _metadata(pdf)
        properties["pages"] = str(n_pages)
        lines: list[Line] = []
        no_text: list[int] = []
        unreadable: list[int] = []
        for index in range(n_pages):
            try:
                page = pdf[index]
            except pdfium.PdfiumError:
                unreadable.append(index + 1)
                continue
            try:
                textpage = page.get_textpage()
                try:
                    texts = _page_lines(textpage, raw)
                finally:
                    textpage.close()
            except pdfium.PdfiumError:
                unreadable.append(index + 1)
                continue
            finally:
                page.close()
            if not texts:
                no_text.append(index + 1)
                continue
            base = len(lines)
            page_number = index + 1
            lines.extend(Line(base + i, t, page_number, i)
                         for i, t in enumerate(texts, start=1))
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


_PDF_DATE = re.compile(
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

class _Seg:
    """One stream line: its text, where it starts in the page's char list, geometry.

    ``rects`` are the (left, right, bottom, top) of its text-object runs.  A line
    with a single run does not fetch its rectangle unless a neighbour on the same
    baseline needs it (``_Page.measure``): most lines of prose never do."""

    __slots__ = ("text", "start", "ox", "y", "turn", "rects", "x0", "x1", "disordered",
                 "alien", "_size")

    def __init__(self, text: str, start: int, ox: float, y: float, turn: int,
                 rects: list[tuple[float, float, float, float]] | None) -> None:
        self.text = text
        self.start = start
        self.ox = ox                  # origin of the first character
        self.y = y                    # ... which gives the baseline
        self.turn = turn              # its direction, in quarter turns clockwise
        self.alien = False            # written in another direction than the page
        self._size = 0.0
        if rects is None:
            self.rects = None
            self.disordered = False
            self.x0 = self.x1 = 0.0
        else:
            self.set_rects(rects)

    def set_rects(self, rects: list[tuple[float, float, float, float]] | None) -> None:
        self.rects = rects
        self.disordered = False
        if not rects:
            self.x0 = self.x1 = 0.0
            return
        prev_left, prev_right = rects[0][0], rects[0][1]
        for left, right, _b, _t in rects[1:]:
            if left < prev_left or left < prev_right - OVERLAP:
                self.disordered = True
                break
            prev_left, prev_right = left, right
        if self.disordered:
            self.x0 = min(r[0] for r in rects)
            self.x1 = max(r[1] for r in rects)
        else:
            self.x0, self.x1 = rects[0][0], rects[-1][1]


class _Gap:
    """A horizontal gap that may be a cell boundary: decided once the page is seen."""

    __slots__ = ("x",)

    def __init__(self, x: float) -> None:
        self.x = x                    # left edge of what follows the gap


# A visual line while it is being built: text pieces and separators (" ", "\t" or
# a _Gap still to be decided).
_Parts = list


class _Api:
    """PDFium's text functions as lean ctypes prototypes (``void*``/``int`` arguments).

    The same C functions as ``pypdfium2.raw``, called through prototypes that take
    plain integers for the text page and the out-parameters (addresses in one
    preallocated ``double[4]``): pypdfium2's typed pointer arguments cost about
    twice as much per call, and a page makes a few thousand calls."""

    def __init__(self, raw: Any) -> None:
        def fn(name: str, restype: Any, *argtypes: Any) -> Any:
            return CFUNCTYPE(restype, *argtypes)(cast(getattr(raw, name), c_void_p).value)

        P, I = c_void_p, c_int
        self.count_rects = fn("FPDFText_CountRects", I, P, I, I)
        self.get_rect = fn("FPDFText_GetRect", I, P, I, P, P, P, P)
        self.get_origin = fn("FPDFText_GetCharOrigin", I, P, I, P, P)
        self.get_angle = fn("FPDFText_GetCharAngle", c_float, P, I)
        self.get_box = fn("FPDFText_GetCharBox", I, P, I, P, P, P, P)
        self.get_font_size = fn("FPDFText_GetFontSize", c_double, P, I)


_API: _Api | None = None


def _api(raw: Any) -> _Api:
    global _API
    if _API is None:
        _API = _Api(raw)
    return _API


class _Page:
    """The page's text handle and a reusable out-parameter buffer, and what the
    page's lines have shown so far about table columns."""

    def __init__(self, textpage: Any, raw: Any) -> None:
        self.api = _api(raw)
        self.tp = cast(textpage.raw, c_void_p).value
        self.buf = (c_double * 4)()
        a = addressof(self.buf)
        self.addr = (a, a + 8, a + 16, a + 24)
        self.anchors: set[int] = set()   # x (rounded) where a clear cell boundary ends
        self.turn(0)

    def turn(self, q: int) -> None:
        """Read the page in direction `q` (quarter turns): sets ``char_lr(index)``,
        the left and right edge of a character's box along the reading direction,
        and ``char_left(index)``, its left edge."""
        self.q = q
        get_box, tp, buf = self.api.get_box, self.tp, self.buf
        a0, a1, a2, a3 = self.addr

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
            api.get_rect(self.tp, 0, *self.addr)      # left, top, right, bottom
            rect = (buf[0], buf[2], buf[3], buf[1])
            if self.q:
                rect = _turn_rect(self.q, *rect)
            seg.rects = [rect]
            seg.x0, seg.x1 = rect[0], rect[1]

    def size(self, seg: _Seg) -> float:
        if not seg._size:
            seg._size = self.api.get_font_size(self.tp, seg.start) or 10.0
        return seg._size

    def separator(self, gap: float, x: float, seg: _Seg) -> str | _Gap:
        """Space, TAB, or undecided, for a gap of `gap` points ending at `x`."""
        if gap > TAB_GAP:
            self.anchors.add(round(x))
            return "\t"
        if gap > 4.0 and gap > WEAK_GAP_EM * self.size(seg):
            return _Gap(x)
        return " "

    def resolve(self, parts: _Parts) -> str:
        """Join a built line; an undecided gap is a TAB if it ends where a clear cell
        boundary ends on another line of the page (a table column), else a space."""
        if all(type(part) is str for part in parts):
            return "".join(parts)
        anchors = self.anchors
        out = []
        for part in parts:
            if isinstance(part, _Gap):
                x = round(part.x)
                part = "\t" if any(k in anchors for k in range(x - ANCHOR_TOLERANCE,
                                                               x + ANCHOR_TOLERANCE + 1)) \
                    else " "
            out.append(part)
        return "".join(out)


def _page_lines(textpage: Any, raw: Any) -> list[str]:
    """The page's visual lines, top to bottom (empty if it has no text)."""
    tp = textpage.raw
    n_chars = raw.FPDFText_CountChars(tp)
    if n_chars <= 0:
        return []
    text = textpage.get_text_range()
    if len(text) != n_chars:
        # PDFium left out or inserted characters, so text indices and character
        # indices disagree; rebuild the text one character at a time (rare).
        get_unicode = raw.FPDFText_GetUnicode
        text = "".join(chr(u) if u < 0xD800 or 0xDFFF < u < 0x110000 else "\ufffd"
                       for u in (get_unicode(tp, i) for i in range(n_chars)))
    if not text.strip():
        return []
    text = normalise_checkboxes(text)

    page = _Page(textpage, raw)
    segs = _stream_lines(page, text)
    if not segs:
        return []

    # group stream lines into visual lines by baseline, top of the page first
    segs.sort(key=lambda s: (-s.y, s.start))
    groups: list[list[_Seg]] = []
    current: list[_Seg] = []
    base_y = 0.0
    for seg in segs:
        if seg.alien:
            groups.append([seg])                      # e.g. a label up the margin
        elif current and abs(seg.y - base_y) <= BASELINE_TOLERANCE:
            current.append(seg)
        else:
            current = [seg]
            base_y = seg.y
            groups.append(current)

    built: list[_Parts | str] = []
    for group in groups:
        if len(group) == 1:
            seg = group[0]
            if seg.rects is None or seg.alien:        # one run: nothing to place
                built.append(seg.text)
            elif seg.disordered:
                built.append(_words_by_position(page, group))
            else:
                built.append(_join_in_order(page, group))
            continue
        for seg in group:
            page.measure(seg)
        group.sort(key=lambda s: s.x0)
        disordered = any(s.disordered for s in group) or any(
            nxt.x0 < prev.x1 - OVERLAP for prev, nxt in zip(group, group[1:]))
        if disordered:
            built.append(_words_by_position(page, group))
        else:
            built.append(_join_in_order(page, group))

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


def _stream_lines(page: _Page, text: str) -> list[_Seg]:
    """Split the page text into stream lines and measure each (steps 1 and 2).

    Each line's direction comes from the angle of its first character.  The page
    is read in the direction most of its text runs (a landscape table on a /Rotate
    page reads across the screen); lines in other directions stand alone."""
    api, tp, buf = page.api, page.tp, page.buf
    count_rects, get_rect = api.count_rects, api.get_rect
    get_origin, get_angle = api.get_origin, api.get_angle
    pa, pb, pc, pd = page.addr

    segs: list[_Seg] = []
    chars_by_turn = [0, 0, 0, 0]
    start = 0
    for chunk in text.split("\r\n"):
        first = start
        start += len(chunk) + 2
        stripped = chunk.strip()
        if not stripped:
            continue
        if chunk[0] in " \t\r\n":
            first += len(chunk) - len(chunk.lstrip())
        n = count_rects(tp, first, len(stripped))
        if n <= 0:
            continue                                  # nothing visible
        rects = None
        if n > 1:
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
        elif rects is None:
            get_rect(tp, 0, pa, pb, pc, pd)
            ox, oy = buf[0], buf[3]
        else:
            ox, oy = rects[0][0], rects[0][2]
        angle = get_angle(tp, first)                  # radians clockwise, -1 if unknown
        turn = int(round(angle / _QUARTER)) % 4 if 0.785 < angle < 5.498 else 0
        chars_by_turn[turn] += len(stripped)
        segs.append(_Seg(stripped, first, ox, oy, turn, rects))

    if chars_by_turn[0] != sum(chars_by_turn):
        # some text runs in another direction: read the page in its main direction
        q = chars_by_turn.index(max(chars_by_turn))
        page.turn(q)
        for seg in segs:
            seg.alien = seg.turn != q
            if q:
                seg.ox, seg.y = _turn_point(q, seg.ox, seg.y)
                if seg.rects:
                    seg.set_rects([_turn_rect(q, *r) for r in seg.rects])
    return segs


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
            parts.append(page.separator(seg.x0 - prev.x1, seg.x0, seg))
        if seg.rects is not None and len(seg.rects) > 1:
            _split_cells(page, seg, parts)
        else:
            parts.append(seg.text)
        prev = seg
    return parts


def _split_cells(page: _Page, seg: _Seg, parts: _Parts) -> None:
    """Append seg's text, cut where two of its text runs are (perhaps) a cell apart.

    A gap under TAB_GAP is only a candidate when it stands out from the line's other
    gaps: in a justified line written one word per text object every gap is wide,
    and none of them is a cell boundary."""
    rects = seg.rects
    gaps = [rect[0] - prev[1] for prev, rect in zip(rects, rects[1:])]
    typical = sorted(gaps)[(len(gaps) - 1) // 2] if len(gaps) > 2 else 0.0
    last = 0
    for gap, rect in zip(gaps, rects[1:]):
        if gap <= TAB_GAP and gap < 2.0 * typical + 1.0:
            continue
        sep = page.separator(gap, rect[0], seg)
        if sep == " ":
            continue
        cut = _first_char_at(page, seg, rect)
        if cut is None or cut <= last:
            continue
        parts.append(seg.text[last:cut].rstrip())
        parts.append(sep)
        last = cut
        while last < len(seg.text) and seg.text[last] == " ":
            last += 1
    parts.append(seg.text[last:])


def _first_char_at(page: _Page, seg: _Seg, rect: tuple[float, float, float, float]
                   ) -> int | None:
    """Offset in seg.text of the first word that starts at or after the left edge of
    the text run `rect` (an in-order stream line, so left edges increase).

    The search starts at the word where the edge falls in proportion to the line's
    width and walks from there.  A run's rectangle is the union of its characters'
    boxes, so the first character's left edge is the rectangle's: one character box
    usually confirms the guess."""
    text = seg.text
    n = len(text)
    edge = rect[0] - 0.5
    width = seg.x1 - seg.x0
    guess = int((rect[0] - seg.x0) / width * n) if width > 0 else 1
    guess = min(max(guess, 1), n - 1)
    base = seg.start
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
        if abs(x - rect[0]) < 0.05:
            return o                                  # the run's first character
        if x >= edge:
            j = o - 1                                 # start of the word before
            while j > 0 and text[j] == " ":
                j -= 1
            p = text.rfind(" ", 0, j) + 1
            if (char_left(base + p) if p else seg.x0) < edge:
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
                    and gap <= 0.2 * page.size(item[4])):
                parts.append(page.separator(gap, item[0], item[4]))
        parts.extend(item[2])
        prev = item
    return parts
