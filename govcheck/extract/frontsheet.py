"""Front-sheet labels, the "Report to" heading, and the kind of record.

Reads ``Label<TAB>value`` and ``Label: value`` lines (and a label whose answer is on
the next line) through the label table in :mod:`.labels`; the decision maker and the
meeting date from a heading like::

    Birmingham City Council Report to Cabinet

    26 March 2019

and the kind of record from the words that mark a decision page, a notice or an
agenda (in English or Welsh: "Manylion y penderfyniad" is "Decision details").

Also:

* a table row of column headings (``Item<TAB>Title<TAB>Access``) is not labels and
  values (:func:`is_header_row`);
* a free-text value (title, report of, author, reasons for urgency, public interest
  test...) that wraps onto the next lines is joined with them, when the lines are lines
  of text or a PDF: the joining stops at a blank line, a heading, a list item, a page
  footer, a label (known or not: ``Decision status: ...``) or a line ending in ":" or
  "?" (the label's own wrapped words).  In HTML and DOCX a line is a paragraph and only
  a table row with an empty label cell carries on the value above (``; `` between);
* ``Claire Sanderson claire@... Report author:`` (a label ending the line, its value
  before it, as two-column front sheets come out of PDFs) gives the author;
* "not applicable" answers (``N/A``, ``None``, ``-``, ``TBC``) are no value; for the
  forward plan reference so is any answer with no digit that says there is none
  ("Not on the forward plan – general exception", which gives the urgency route).
"""

from __future__ import annotations

import re

from govcheck.dates import find_partial_date, parse_date
from govcheck.extract import headings, readers, values
from govcheck.extract.checkbox import has_mark
from govcheck.extract.collect import Collector
from govcheck.extract.exempt import bare_paragraphs
from govcheck.extract.labels import LabelSpec, match_label
from govcheck.extract.readers import date_notes, report_to
from govcheck.extract.text import CLine, is_heading
from govcheck import recache
from govcheck.struct import struct

__all__ = ["scan", "Scan", "labels_in", "labels_of", "is_header_row"]

_HEADER_LINES = 40        # "Report to" and meeting headings are looked for this far
_LOOKAHEAD = 4            # non-blank lines searched for the date under a heading

_DATE_LEAD_RE = recache.compile(
    r"^\s*(?:(?:date\s*(?:of\s+(?:the\s+)?meeting)?|meeting\s+date|on|held\s+on)\s*:?\s*)?$",
    re.IGNORECASE)
_HELD_ON_RE = recache.compile(r"\s+(?:(?:to\s+be\s+)?held\b.*|on)\s*$", re.IGNORECASE)
_MEETING_WORD_RE = recache.compile(r"^(?:(?:the|a)\s+)?meeting\b\s*(?:of\s+(?:the\s+)?)?", re.IGNORECASE)
_DATE_KINDS = frozenset({"date", "bare_date", "decision_due"})
# free-text answers that may wrap onto the next lines
_JOIN_KINDS = frozenset({"text", "urgency"})
_NO_JOIN_FIELDS = frozenset({"forward_plan_ref", "council"})
_MAX_JOIN = 6
# labels whose value may stand before them on the line
_TRAILING_FIELDS = frozenset({"author", "report_of", "portfolio"})
_PROSE_WORDS = frozenset({"the", "is", "are", "was", "were", "be", "in", "to", "see", "set",
                          "this", "by", "for", "out", "from", "a", "an", "as", "at", "which"})
# a line that starts a new labelled value, known label or not ("Decision status: ...")
_ANY_LABEL_RE = recache.compile(r"^\s*[A-Z][^:?\t]{0,50}[:?](?:\s|$)")
# a caption of its own ("Other Information", "Decision Outcome"): two to four capitalised
# words with nothing after them, as committee systems print labels without a colon
_CAPTION_RE = recache.compile(r"^[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3}$")
_ITEMISH_RE = recache.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})+\.?|\(?\d{1,2}[.)]|\(?[a-z]{1,4}\)|[•·▪●◦‣-])\s")
_FOOTER_RE = recache.compile(r"\bpage\s+\d+(?:\s+of\s+\d+)?\s*$|^\s*\d{1,3}\s*$", re.IGNORECASE)
_ANSWER_WORDS = frozenset({"yes", "no", "y", "n", "key", "non-key", "part", "full", "none",
                           "open"})


@struct
class Scan:
    """What the front-sheet scan learnt besides field values."""

    decision: int = 0       # headings marking a decision record ("Decision details")
    notice: int = 0         # ... a notice / forward plan entry ("Issue details")
    decision_labels: int = 0  # labels found on decision records ("Effective from")
    notice_labels: int = 0    # ... on notices ("Decision due", "first published")
    meeting_labels: int = 0   # ... on a meeting's page ("Meeting: 26/01/2021 - Cabinet")
    urgency_notice: str | None = None   # the page is a general exception / special urgency notice
    # a list item heading's date ("19/02/2025 - Grant award"): the decision's date unless
    # a label gives it ("Decision due date:" on a list of forthcoming decisions)
    list_date: tuple | None = None
    list_items: int = 0     # list item headings: a decision's, or a forthcoming one's
    meeting: int = 0        # ... an agenda or meeting
    report: int = 0         # ... a report ("Report to", front-sheet questions)
    kind_line: int = 0      # line number of the first marking line
    header_until: int = -1  # "Date:" above this line index is the meeting date


def _cells(text: str) -> list[int]:
    """Start offsets of the non-empty cells of a line."""
    starts = []
    pos = 0
    n = len(text)
    while pos <= n:
        tab = text.find("\t", pos)
        end = n if tab < 0 else tab
        s = pos
        while s < end and text[s] == " ":
            s += 1
        if s < end:
            starts.append(s)
        if tab < 0:
            break
        pos = tab + 1
    return starts


# Words that head the columns of a table ("Item<TAB>Title<TAB>Access"): a row made of
# nothing else is a header row, not labels with values.
HEADER_WORDS = frozenset({
    "item", "items", "no", "no.", "number", "item no", "item no.", "item number", "ref",
    "ref.", "reference", "title", "item title", "subject", "report", "reports", "access",
    "status", "decision type", "type", "key decision", "restriction", "exempt",
    "open/exempt", "exempt/open", "public/private", "private/public", "open/closed",
    "part", "ward", "wards", "wards affected", "page", "pages", "page no", "lead member",
    "portfolio", "decision maker", "decision", "decisions", "date", "contact", "action",
    "minute", "minutes", "paragraph", "documents", "document", "description", "officer",
    "meeting", "committee", "#", "agenda item", "notes", "comments", "lead officer",
    "rhif", "eitem", "teitl", "statws", "mynediad",
})


def is_header_row(text: str) -> bool:
    """A table row of column headings (``Item<TAB>Title<TAB>Access``)."""
    if "\t" not in text or len(text) > 120:
        return False
    if text[:text.find("\t")].strip().lower().rstrip(":") not in HEADER_WORDS \
            and text[:1] != "\t":
        return False
    raw = [c.strip().lower() for c in text.split("\t")]
    raw = [c for c in raw if c]
    # a label and its answer ("Key Decision:<TAB>No", "Key decision<TAB>No") is not a
    # row of column headings, though both words can head columns
    if any(c.endswith((":", "?")) for c in raw[:-1]):
        return False
    if len(raw) == 2 and raw[1].rstrip(".") in ("yes", "no", "n/a"):
        return False
    cells = [c.rstrip(":") for c in raw]
    return len(cells) >= 2 and all(c in HEADER_WORDS for c in cells)


def labels_of(cl: CLine) -> list[tuple[LabelSpec, int, int, int]]:
    """:func:`labels_in` for a cleaned line, worked out once per line."""
    found = cl.labs
    if found is None:
        found = cl.labs = labels_in(cl.text, cl.low)
    return found


_RUN_WORDS = 8   # words a label standing inside a run-together row may span


def _colon_label(text: str, lstart: int, vstart: int) -> bool:
    """Whether the label from ``lstart`` to its value at ``vstart`` is of two words or
    more and ends in ":" (an aside in brackets before the ":" is not a word)."""
    if text[vstart - 1:vstart] != ":":
        return False
    words = text[lstart:vstart - 1]
    k = words.find("(")
    return len((words[:k] if k > 0 else words).split()) >= 2


def _label_before(text: str, low: str, lo: int, colon: int):
    """The label ending at the ``colon`` of a cell, starting after ``lo`` at a word
    preceded by a space: the longest that ends exactly there, or None."""
    words: list[int] = []
    p = colon
    while len(words) < _RUN_WORDS:
        p = text.rfind(" ", lo, p)
        if p < lo:
            break
        if p + 1 < colon and text[p + 1] != " ":
            words.append(p + 1)
    for start in reversed(words):       # the farthest word first: the longest label
        m = match_label(text, start, low)
        if m is not None and m[2] == colon + 1:
            return m
    return None


def _run_together(text: str, low: str, s: int, first) -> list | None:
    """The labels of a table row whose cells run together in one cell ("Decision maker:
    Executive Decision: 11 Dec 2023 Lead officer: Martin Walmsley Notice of proposed
    decision first published: 10/11/2023"): each label ending in ":" inside the cell
    starting at ``s`` (``first`` is the label at its start, if any).  Only a cell holding
    two or more labels of two words or more, each followed by ":", is such a row (so a
    sentence with a colon is never split); a one-word label inside it ("Decision:")
    counts when it is not a generic word and is capitalised, as a row's labels are."""
    end = text.find("\t", s)
    if end < 0:
        end = len(text)
    found: list = []
    anchors = 0
    pos = s
    if first is not None:
        found.append(first)
        anchors += _colon_label(text, first[1], first[2])
        pos = first[2]
    c = text.find(":", pos, end)
    while c >= 0:
        if c + 1 == end or text[c + 1] == " ":
            m = _label_before(text, low, pos, c)
            if m is not None and not text[pos:m[1]].strip():
                m = None    # "Lead member: Executive Member: ...": one label's words
            if m is not None:
                if _colon_label(text, m[1], m[2]):
                    anchors += 1
                elif m[0].generic or not text[m[1]].isupper():
                    m = None
            if m is not None:
                found.append(m)
                pos = m[2]
        c = text.find(":", c + 1, end)
    return found if anchors >= 2 else None


def labels_in(text: str, low: str | None = None) -> list[tuple[LabelSpec, int, int, int]]:
    """Labels on a line: (spec, label offset, value start, value end)."""
    # A label ends in ":" or "?" or at a TAB, or stands alone on a short line: a long
    # line of prose with none of these near its start is not looked at further.
    if not text or ("\t" not in text and len(text) > 90 and ":" not in text[:140]
                    and "?" not in text[:140]):
        return []
    if "\t" in text and is_header_row(text):
        return []
    if text[:1] in " \t" and len(text) - len(text.lstrip()) > 40:
        return []
    out: list[tuple[LabelSpec, int, int, int]] = []
    starts = _cells(text)
    if low is None:
        low = text.lower()
    for s in starts:
        if out and s < out[-1][2]:
            continue
        m = match_label(text, s, low)
        if text.count(":", s) >= 2:
            inline = _run_together(text, low, s, m)
            if inline:
                for spec, lstart, vstart in inline:
                    if out:
                        p = out[-1]
                        out[-1] = (p[0], p[1], p[2], max(p[2], lstart - 1))
                    out.append((spec, lstart, vstart, len(text)))
                continue
        if m is None:
            continue
        spec, lstart, vstart = m
        if out:  # the previous label's value ends where this label's cell begins
            p = out[-1]
            out[-1] = (p[0], p[1], p[2], max(p[2], s - 1))
        # the rest of the label's cell ending in ":" or "?" is more of the label
        cell_end = text.find("\t", vstart)
        if cell_end >= 0 and text[vstart:cell_end].strip().endswith((":", "?")):
            vstart = cell_end + 1
        out.append((spec, lstart, vstart, len(text)))
    return out


def _fmt(text: str) -> str:
    return " ".join(text.split())


def _accepts_next(spec: LabelSpec, text: str) -> bool:
    """Whether the next line can be the answer to a label left without one."""
    kind = spec.kind
    v = text.strip()
    if kind in ("bool", "key_type", "exempt", "wards_q", "urgency_q"):
        if has_mark(text):
            return True
        w = v.split(None, 1)[0].lower().strip(".,;:–-") if v else ""
        return w in _ANSWER_WORDS
    if kind in ("date", "bare_date", "decision_due"):
        return parse_date(text) is not None or find_partial_date(text) is not None
    if kind == "paragraphs":
        return bare_paragraphs(text) is not None
    if kind == "money":
        return values.money(text) is not None
    return len(v) <= 500   # a paragraph of reasons may be long


def _answer_line(spec: LabelSpec, cl: CLine) -> bool:
    """Whether a line that reads as a label left without an answer ("Key decision")
    is instead the answer to a "Type of decision" question above it."""
    if spec.kind != "key_type":
        return False
    found = labels_of(cl)
    return len(found) == 1 and found[0][0].field == "key_decision" \
        and not cl.text[found[0][2]:].strip() and _accepts_next(spec, cl.text)


def _next_value(lines: list[CLine], i: int, spec: LabelSpec) -> tuple[int, str] | None:
    """The answer on the line(s) after a label left without one."""
    for j in range(i + 1, min(len(lines), i + 4)):
        cl = lines[j]
        if not cl.text.strip():
            continue
        if labels_in(cl.text, cl.low) and not _answer_line(spec, cl) \
                or headings.rx("report_to").match(cl.text):
            return None
        if spec.kind not in _DATE_KINDS and is_heading(cl):
            return None
        return (j, cl.text) if _accepts_next(spec, cl.text) else None
    return None


def _header_date(col: Collector, lines: list[CLine], i: int, name_field: str | None) -> None:
    """The date on one of the few lines under a heading: the meeting date.  With
    ``name_field``, a short line right under the heading names the decision maker or
    the body ("Report to:" / "Agenda" on a line of their own)."""
    seen = 0
    for j in range(i + 1, len(lines)):
        cl = lines[j]
        text = cl.text
        if not text.strip():
            continue
        seen += 1
        if seen > _LOOKAHEAD:
            return
        pd = parse_date(text)
        if pd is not None and _DATE_LEAD_RE.match(text[:pd.start]):
            after = next((x for x in lines[j + 1:j + 3] if x.text.strip()), None)
            if after is not None and headings.rx("salutation").match(after.text):
                # a summons letter's own date above "Dear Councillor": not the meeting's
                continue
            if col.put("meeting_date", pd.value, cl.line, pd.start):
                date_notes(col, cl, 0, pd, "meeting_date")
            return
        if pd is None:
            partial = find_partial_date(text)
            if partial and _DATE_LEAD_RE.match(text[:partial[0]]):
                col.note(cl.line, partial[0],
                         f"meeting_date: {text[partial[0]:partial[1]]!r} is not a complete "
                         "date (day, month and year); not read", "meeting_date")
                return
        if name_field == "body" and seen == 1 and _meeting_page(col, None, cl):
            return
        if name_field == "body" and seen == 1:
            mb = headings.rx("body_name").match(text)
            if mb:
                col.put("body", _fmt(mb.group("b")), cl.line, mb.start("b"))
            continue
        if name_field and seen == 1 and not labels_in(text) and len(text.strip()) < 80 \
                and not is_header_row(text) and not _ANY_LABEL_RE.match(text):
            col.put(name_field, _fmt(text), cl.line, len(text) - len(text.lstrip()))
            continue
        if labels_in(text):
            return


def _joins(spec: LabelSpec) -> bool:
    return spec.kind in _JOIN_KINDS and spec.field not in _NO_JOIN_FIELDS


def _continuation(lines: list[CLine], i: int, tabbed: bool, physical: bool,
                  consumed: set[int]) -> str:
    """The text of the lines after line ``i`` that carry on its value: a wrapped line
    (``physical``: text and PDF lines), or a table row whose label cell is empty.  A
    blank line, a heading, a label (known or not), a list item or a page footer ends
    it; a line ending in ":" or "?" is the label's own wrapped words and ends it too.
    The lines used are added to ``consumed``."""
    out = ""
    page = lines[i].line.page
    for j in range(i + 1, min(len(lines), i + 1 + _MAX_JOIN)):
        cl = lines[j]
        text = cl.text
        stripped = text.strip()
        if not stripped or cl.heading or cl.bullet or cl.line.page != page:
            break
        if "\t" in text:
            cells = text.split("\t")
            first = cells[0].strip()
            piece = cells[-1].strip()
            if first and not (physical and tabbed and first[:1].islower()):
                break     # a row of its own, or a label cell
            if not piece:
                break
            sep = "; " if not first and not physical else " "
        else:
            if not physical:
                break
            if stripped.endswith((":", "?")) or _ANY_LABEL_RE.match(text) \
                    or _CAPTION_RE.match(stripped) \
                    or _ITEMISH_RE.match(text) or _FOOTER_RE.search(stripped) \
                    or is_heading(cl) or headings.rx("report_to").match(text):
                break
            piece, sep = stripped, " "
        if labels_of(cl):
            break
        consumed.add(j)
        if sep == " " and out.endswith("-") and out[-2:-1].isalnum():
            out += piece              # "2025-" + "2029"
        else:
            out += sep + piece
    return out


def _value_with_continuation(lines, i, value, physical, consumed, tabbed) -> str:
    more = _continuation(lines, i, tabbed, physical, consumed)
    if not more:
        return value
    v = value.rstrip()
    if more[:1] != ";" and v.endswith("-") and v[-2:-1].isalnum():
        return v + more.lstrip()
    return v + more


_ITEM_LIST_WORDS = frozenset({"no", "no.", "item", "items", "note", "|"})


def is_item_list_heading(cl: CLine) -> bool:
    """The heading of a meeting page's list of items ("Items", "No. Item", "Note No.
    Item", "No. | Item |")."""
    if len(cl.text) >= 30 or "item" not in cl.low:
        return False
    words = cl.low.replace("\t", " ").split()
    return bool(words) and _ITEM_LIST_WORDS.issuperset(words)


def _below_item_list(lines: list[CLine], i: int) -> bool:
    """Whether line ``i`` comes after the heading of the page's list of items: it is
    one of the items, not the page's own heading."""
    return any(is_item_list_heading(cl) for cl in lines[:i])


def _confirming_above(lines: list[CLine], i: int) -> bool:
    """Whether one of the two non-blank lines above line ``i`` asks to confirm earlier
    minutes ("To read, confirm and sign the Minutes of the previous meetings";
    headings.yaml ``earlier_minutes``)."""
    rx = headings.rx("earlier_minutes")
    above = [cl for cl in lines[max(0, i - 6):i] if cl.text.strip()][-2:]
    return any("minute" in cl.low and rx.search(cl.text) for cl in above)


def _dated_above(lines: list[CLine]) -> bool:
    """Whether the page opens (within its first two non-blank lines) with a line that is
    only a date and a time: the date of the meeting whose page it is."""
    top = [cl for cl in lines if cl.text.strip()][:2]
    for cl in top:
        pd = parse_date(cl.text)
        if pd is not None and not cl.text[:pd.start].strip() \
                and _TIME_RE.match(cl.text[pd.end:]):
            return True
    return False


def _trailing_label(col: Collector, cl: CLine) -> bool:
    """``Claire Sanderson claire@... Report author:``: the label ends the line and its
    value comes before it (a two-column front sheet read right to left)."""
    text = cl.text.rstrip()
    if not text.endswith(":") or "\t" in text or len(text) > 160:
        return False
    low = cl.low
    starts: list[int] = []
    pos = len(text)
    for _ in range(4):                    # the last few words of the line
        pos = text.rfind(" ", 0, pos - 1)
        if pos < 1:
            break
        starts.append(pos + 1)
    for start in reversed(starts):        # the longest label first: "Report author:"
        m = match_label(text, start, low)
        if m is None or m[2] < len(text) or m[0].field not in _TRAILING_FIELDS:
            continue
        before = text[:m[1]].strip()
        if not before or ":" in before or "?" in before or len(before) > 80 \
                or any(w in _PROSE_WORDS for w in before.split()):
            return False      # prose ending in a label's words is not a value and label
        lead = len(text[:m[1]]) - len(text[:m[1]].lstrip())
        return col.put(m[0].field, _fmt(before), cl.line, lead)
    return False


def scan(lines: list[CLine], col: Collector, physical: bool = True) -> Scan:
    """Front-sheet labels, headings and the marks of the record's kind in ``lines``.
    ``physical`` says the lines are lines of text or a PDF (a value may wrap onto the
    next line), not paragraphs."""
    st = Scan()
    nonblank = 0
    consumed: set[int] = set()   # lines read as the answer to the label above them
    for i, cl in enumerate(lines):
        text = cl.text
        if not text or text.isspace() or i in consumed:
            continue
        nonblank += 1
        found = labels_of(cl)
        if found and nonblank <= 3 and "restrict" in cl.low \
                and headings.rx("reasons_restricted").match(text):
            # "Reasons restricted" heading a page, its answer on the lines below
            col.put("restriction_reasons_page", True, cl.line, 0)
        for spec, lstart, vstart, vend in found:
            if spec.marks == "decision":
                st.decision_labels += 1
            elif spec.marks == "notice":
                st.notice_labels += 1
            elif spec.marks == "meeting":
                st.meeting_labels += 1
            if spec.kind in ("report_to", "wards_q"):
                st.report += 1
            value = text[vstart:vend]
            if spec.kind == "exempt" and not cl.row \
                    and (value.strip() or _next_value(lines, i, spec)):
                # a report's question answered ("Exempt information: No"); a heading
                # "Exempt Information" over a resolution is not a front sheet's, nor is
                # a forward plan table's column
                st.report += 1
            if not value.strip():
                nxt = _next_value(lines, i, spec)
                if nxt is None:
                    if spec.kind == "report_to":
                        _header_date(col, lines, i, "decision_maker")
                        st.header_until = max(st.header_until, i + 8)
                    elif spec.field in _BLANK_EVIDENCE and vend == len(text) \
                            and _nothing_follows(lines, i):
                        _blank(col, cl, spec.field, lstart)
                    continue
                j, value = nxt
                consumed.add(j)
                if _joins(spec) and vend == len(text):
                    value = _value_with_continuation(lines, j, value, physical, consumed,
                                                     "\t" in lines[j].text)
                readers.read(col, st, spec, lines[j], value, 0, j)
            else:
                if _joins(spec) and vend == len(text):
                    value = _value_with_continuation(lines, i, value, physical, consumed,
                                                     "\t" in text[:vstart + 1])
                readers.read(col, st, spec, cl, value, vstart, i)
            if spec.kind == "report_to":
                _header_date(col, lines, i, None)
        if found:
            continue
        if nonblank <= _HEADER_LINES and text.rstrip().endswith(":") and _trailing_label(col, cl):
            continue
        if nonblank <= 8 and text[:1].isdigit() and _list_item(col, st, cl):
            st.list_items += 1
            st.kind_line = st.kind_line or cl.number
            continue
        if nonblank <= 3 and "restrict" in cl.low and headings.rx("reasons_restricted").match(text):
            col.put("restriction_reasons_page", True, cl.line, 0)
            continue
        marked = headings.kind_of(text) if headings.is_kind_heading(cl.low[:40]) else None
        if marked is not None and st.meeting and not (st.decision or st.notice):
            # below a meeting's heading, a "Forward Plan" or "Forward Plan Urgency
            # Notices:" heading is an item of its business, not the page's kind
            marked = None
        if marked is not None:
            if marked == "decision":
                st.decision += 1
            else:
                st.notice += 1
                # "General Exception Notice", "Special Urgency Notice": the route relied on
                route = values.urgency_route(text)
                if route != "unspecified":
                    cur = col.fields.get("urgency_route")
                    if cur is None or cur.value == "unspecified":
                        col.put("urgency_route", route, cl.line, 0, replace=True)
                        st.urgency_notice = route
            st.kind_line = st.kind_line or cl.number
            if headings.rx("details").match(text):
                _title_after(col, lines, i)
            continue
        if i > _HEADER_LINES or nonblank > _HEADER_LINES:
            continue
        if ("eport" in text or "EPORT" in text) and len(text) < 160:
            m = headings.rx("report_to").match(text)
            if m and headings.header_prefix_ok(m.group("pre")):
                pre = m.group("pre")
                c = headings.rx("council_name").match(pre) if pre.strip() else None
                if c:
                    col.put("council", c.group("c").strip(), cl.line, c.start("c"))
                v = m.group("v")
                st.report += 1
                report_to(col, st, cl, v, m.start("v"), i)
                _header_date(col, lines, i, None if v.strip() else "decision_maker")
                continue
        if nonblank <= 6 and len(text) < 90 \
                and text.rstrip().lower().endswith(("minutes", "agenda", "meeting")):
            # "Cabinet Minutes", "CABINET AGENDA", "COUNCIL MEETING": a meeting's minutes
            # or agenda, headed by its body (under the council's letterhead, on a summons)
            bm = headings.rx("body_minutes").match(text)
            if bm:
                st.meeting += 1
                st.kind_line = st.kind_line or cl.number
                col.put("body", _fmt(bm.group("b")), cl.line, bm.start("b"))
                _header_date(col, lines, i, None)
                continue
        if nonblank <= 15:
            mh = headings.rx("meeting").match(text) if len(text) < 150 else None
            if mh:
                st.meeting += 1
                st.kind_line = st.kind_line or cl.number
                v = mh.group("v")
                # under the page's list of items ("No. Item"), or under an item asking
                # to confirm earlier minutes, a "Minutes" heading is that item, and the
                # dates it gives are the earlier meetings'
                earlier = _below_item_list(lines, i) or _confirming_above(lines, i)
                if v:
                    pd = parse_date(v)
                    body = (v[:pd.start] if pd else v).strip(" -–—,:;")
                    body = _MEETING_WORD_RE.sub("", _HELD_ON_RE.sub("", body)).strip(" ,")
                    # "Meeting Details", "Agenda: Read the agenda": not a body's name
                    if body and headings.rx("body_name").match(body):
                        col.put("body", _fmt(body), cl.line, mh.start("v"))
                    if pd and (earlier or _dated_above(lines[:i])):
                        # "Minutes of Meeting held 6 October 2008" under a page that
                        # opens with its own date ("Monday 3 November 2008 3.00 pm"):
                        # the item confirming an earlier meeting's minutes
                        pd = None
                    if pd and col.put("meeting_date", pd.value, cl.line, mh.start("v") + pd.start):
                        date_notes(col, cl, mh.start("v"), pd, "meeting_date")
                if not earlier:
                    _header_date(col, lines, i, None if v else "body")
                st.header_until = max(st.header_until, i + 8)
                continue
            if nonblank <= 5 and len(text) < 200 and _meeting_page(col, st, cl):
                continue
            if nonblank <= 5 and len(text) < 100:
                # "CITY COUNCIL – 14 MAY 2024", "Cabinet - 4 April 2024": body and date
                mb = headings.rx("body_date").match(text)
                pd = parse_date(mb.group("d")) if mb else None
                if pd is not None and pd.start == 0 \
                        and not mb.group("d")[pd.end:].strip(" .,"):
                    body = _fmt(mb.group("b"))
                    col.put("decision_maker", body, cl.line, mb.start("b"))
                    if col.put("meeting_date", pd.value, cl.line, mb.start("d")):
                        date_notes(col, cl, mb.start("d"), pd, "meeting_date")
                    continue
            if "meeting of" in cl.low and _summons(col, st, cl):
                continue
            if nonblank <= 5 and "ouncil" in text and len(text) < 100:
                c = headings.rx("council_name").match(text)
                if c and c.end() >= len(text.rstrip()) - 1:
                    col.put("council", c.group("c").strip(), cl.line, c.start("c"))
    if st.list_date is not None:
        # a decision list's heading date is the decision's, whatever date its text
        # mentions ("Decision Date: 21 Nov 2019" of a planning permission it concerns);
        # a forthcoming decision's due date, given by its label, wins over its heading's
        forthcoming = st.notice_labels > st.decision_labels
        col.put("decision_date", *st.list_date, replace=not forthcoming)
    return st




_TIME_RE = recache.compile(r"^[\s,]*(?:at\s+)?(?:\d{1,2}[.:]\d{2}\s*(?:[ap]\.?\s?m\.?|y[bh]|hours|hrs)?"
                      r"|\d{1,2}\s*(?:[ap]\.?\s?m\.?))?[\s.,]*$", re.IGNORECASE)


# fields a page may show with its label and no answer: evidence, unlike a field the page
# never shows (a notice of key decision with a blank decision maker, reg 9(1)(c))
_BLANK_EVIDENCE = frozenset({"title", "decision_maker", "decision_date", "exempt_paragraphs",
                             "decision_reasons", "alternatives_considered",
                             "call_in_exemption_reason", "urgency_reason",
                             "documents_submitted"})


def _nothing_follows(lines: list[CLine], i: int) -> bool:
    """Whether the label on line ``i`` is left without an answer: the next line is
    another label, a heading or the end, or says "not set" ("!NotSet!", "N/A")."""
    for j in range(i + 1, min(len(lines), i + 4)):
        cl = lines[j]
        if not cl.text.strip():
            continue
        return bool(labels_of(cl)) or is_heading(cl) or values.is_none_answer(cl.text)
    return True


def _blank(col: Collector, cl: CLine, field: str, at: int) -> None:
    """Record that ``field``'s label stands on the page with no answer."""
    fv = col.fields.get("blank_fields")
    if fv is None:
        col.put("blank_fields", [field], cl.line, at)
    elif field not in fv.value:
        fv.value.append(field)


def _meeting_page(col: Collector, st: Scan | None, cl: CLine) -> bool:
    """A meeting page's title, "BODY - Weekday, DATE TIME" (headings.yaml
    ``meeting_page``): the body and the meeting date, when nothing but a time follows
    the date."""
    m = headings.rx("meeting_page").match(cl.text) \
        or headings.rx("meeting_page_comma").match(cl.text)
    if m is None:
        return False
    d = m.group("d")
    pd = parse_date(d)
    if pd is None or pd.start != 0 or not _TIME_RE.match(d[pd.end:]):
        return False
    # a page's title gives the weekday or the time ("Cabinet - 4 April 2024" alone heads
    # a report, and names its decision maker)
    if not (d[pd.end:].strip(" ,.") or d[:1].isalpha() or "agenda" in cl.low):
        return False
    col.put("body", _fmt(m.group("b")), cl.line, m.start("b"))
    if col.put("meeting_date", pd.value, cl.line, m.start("d")):
        date_notes(col, cl, m.start("d"), pd, "meeting_date")
    if st is not None:
        st.meeting += 1
        st.kind_line = st.kind_line or cl.number
    return True


_ON_BEFORE_RE = recache.compile(r"\bon\s+(?:the\s+)?$", re.IGNORECASE)


def _summons(col: Collector, st: Scan, cl: CLine) -> bool:
    """A summons or notice of a meeting in a sentence (headings.yaml ``summons``): the
    meeting, its body (not when it is the council's own name, which is read as the
    council: the council meeting is named by the page's other words, or in Scotland by
    that name) and the date it is to be held "on".  The date
    replaces one read from a line holding nothing but a date (a summons letter's own
    date under its heading)."""
    from govcheck.extract.agenda import is_council

    m = headings.rx("summons").search(cl.text)
    if m is None:
        return False
    rest = cl.text[m.end():]
    pd = parse_date(rest)
    if pd is None or "." in rest[:pd.start].replace("p.m.", "").replace("a.m.", "") \
            or not _ON_BEFORE_RE.search(rest[:pd.start]):
        pd = None
    st.meeting += 1
    st.kind_line = st.kind_line or cl.number
    body = _fmt(m.group("b"))
    if not is_council(body.title()):
        col.put("body", body, cl.line, m.start("b"))
    else:
        # "a MEETING of DUNDEE CITY COUNCIL": the council, whose name is its full
        # meeting's where the council meets under it (Scotland)
        col.put("council", body.title() if body.isupper() else body, cl.line, m.start("b"))
    if m.group("c"):
        c = _fmt(m.group("c"))
        col.put("council", c.title() if c.isupper() else c, cl.line, m.start("c"))
    if pd is not None:
        old = col.fields.get("meeting_date")
        bare = old is not None and _bare_date(old.text)
        at = m.end() + pd.start
        if col.put("meeting_date", pd.value, cl.line, at, replace=bare):
            date_notes(col, cl, m.end(), pd, "meeting_date")
    return True


def _bare_date(text: str) -> bool:
    """Whether ``text`` is a date and nothing else."""
    pd = parse_date(text)
    return pd is not None and not text[:pd.start].strip() and not text[pd.end:].strip(" .,")


def _list_item(col: Collector, st: Scan, cl: CLine) -> bool:
    """A decision list's item heading ("06/06/2022 - Grant award ref: 1122
    Recommendations Approved (subject to call-in)"): the decision date, the title, and
    call-in when the status says."""
    m = headings.rx("list_item").match(cl.text)
    if m is None:
        return False
    pd = parse_date(m.group("d"))
    if pd is None:
        return False
    st.list_date = (pd.value, cl.line, m.start("d"))
    col.put("title", _fmt(m.group("t")), cl.line, m.start("t"))
    title_key(col, m.group("t"), cl)
    status = m.group("status") or ""
    if status:
        answer = values.call_in_status(status)
        if answer is not None:
            col.put("call_in_eligible", answer, cl.line, m.start("status"))
    return True


def title_key(col: Collector, title: str, cl: CLine) -> None:
    """An entry's title that names it a key decision ("Delegated Officer Key Decision:
    Freeport additional funding", headings.yaml ``plan_title_key``): a key decision
    (not one for "Non-Key Decision: ..."), unless the entry says otherwise."""
    if "ecision" not in title or col.has("key_decision"):
        return
    m = headings.rx("plan_title_key").search(title)
    if m is not None:
        word = m.group().strip(" (")
        col.put("key_decision", m.group("non") is None, cl.line, max(cl.text.find(word), 0))


def _title_after(col: Collector, lines: list[CLine], i: int) -> None:
    for j in range(i + 1, min(len(lines), i + 4)):
        cl = lines[j]
        if not cl.text.strip():
            continue
        if not labels_in(cl.text):
            t = cl.text.strip()
            col.put("title", _fmt(t), cl.line, cl.text.find(t))
        return
