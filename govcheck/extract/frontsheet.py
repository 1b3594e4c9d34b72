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
from dataclasses import dataclass

from govcheck.dates import ParsedDate, find_partial_date, parse_date
from govcheck.extract import values
from govcheck.extract.checkbox import has_mark, parse_answer
from govcheck.extract.collect import Collector
from govcheck.extract.exempt import bare_paragraphs
from govcheck.extract.labels import LabelSpec, match_label
from govcheck.extract.text import CLine, is_heading

__all__ = ["scan", "Scan", "labels_in", "labels_of", "is_header_row"]

_HEADER_LINES = 40        # "Report to" and meeting headings are looked for this far
_LOOKAHEAD = 4            # non-blank lines searched for the date under a heading

_REPORT_TO_RE = re.compile(
    r"^(?P<pre>.*?)\b(?:Report|REPORT)\s+(?:to|To|TO)\b[ \t]*:?[ \t]*(?P<v>.*)$")
_COUNCIL_RE = re.compile(
    r"^\s*(?P<c>(?:(?:The\s+)?(?:Royal\s+|London\s+)?Borough\s+of\s+[A-Z][\w'\-]*"
    r"(?:\s+(?:and|upon|on)?\s*[A-Z][\w'\-]*)*(?:\s+Council)?)"
    r"|(?:[A-Z][\w'.\-]*(?:\s+(?:and|upon|on|of|&|[A-Z][\w'.\-]*))*?\s+"
    r"(?:City|County|Borough|District|Metropolitan\s+Borough|Town|Parish|Unitary)?\s*Council))\b")
_DATE_LEAD_RE = re.compile(
    r"^\s*(?:(?:date\s*(?:of\s+(?:the\s+)?meeting)?|meeting\s+date|on|held\s+on)\s*:?\s*)?$",
    re.IGNORECASE)
_BY_RE = re.compile(r"^[\s,;]*(?:by|taken\s+by)\s+(?:the\s+)?(?P<v>\S.*?)[\s.;]*$",
                    re.IGNORECASE)
_MEETING_HEAD_RE = re.compile(
    r"^\s*(?:agenda(?!\s+item)(?:\s+(?:for|of)\s+(?:the\s+|a\s+)?(?:meeting\s+of\s+(?:the\s+)?)?)?"
    r"|notice\s+of\s+(?:a\s+)?meeting(?:\s+of\s+(?:the\s+)?)?"
    r"|summons(?:\s+to\s+(?:attend\s+)?(?:a\s+)?meeting(?:\s+of\s+(?:the\s+)?)?)?"
    r"|minutes(?:\s+of\s+(?:the\s+|a\s+)?(?:meeting\s+of\s+(?:the\s+)?)?)?"
    r"|meeting(?!\s*:)(?:\s+of\s+(?:the\s+)?)?)"
    r"[\s:–—-]*(?P<v>(?-i:[A-Z0-9]).*?)?\s*$",
    re.IGNORECASE)
_DECISION_RE = re.compile(
    r"^\s*(?:decision\s+details|manylion\s+y\s+penderfyniad|cofnod\s+o\s+benderfyniad"
    r"|record\s+of\s+(?:an?\s+)?"
    r"(?:executive\s+|cabinet\s+|officer\s+|key\s+"
    r"|individual\s+(?:cabinet\s+)?member\s+)?decisions?|decision\s+notice)\b",
    re.IGNORECASE)
_NOTICE_RE = re.compile(
    r"^\s*(?:issue\s+details|manylion\s+y\s+mater"
    r"|notice\s+of\s+(?:a\s+)?(?:proposed|key|intention|private|exempt)\b"
    r"|(?:general\s+exception|special\s+urgency)\s+notice"
    r"|(?:the\s+)?forward\s+plan\b(?!\s*(?:ref|reference|no\b|number|item)))",
    re.IGNORECASE)
# the first 7 characters of the lines _DECISION_RE and _NOTICE_RE can match
_KIND_HEADS = frozenset({"decisio", "record ", "issue d", "notice ", "general", "special",
                         "manylio", "cofnod ",
                         "forward", "the for"})
_HELD_ON_RE = re.compile(r"\s+(?:held\s+)?on\s*$", re.IGNORECASE)
_DETAILS_RE = re.compile(
    r"^\s*(?:(?:decision|issue)\s+details|manylion\s+y\s+(?:penderfyniad|mater)"
    r"(?:\s*/\s*(?:decision|issue)\s+details)?)\s*$", re.IGNORECASE)
_DATE_KINDS = frozenset({"date", "bare_date", "decision_due"})
_DASH_TAIL_RE = re.compile(r"^\w+\s*[-–—]\s*(?P<v>\S.*)$")
# free-text answers that may wrap onto the next lines
_JOIN_KINDS = frozenset({"text", "urgency"})
_NO_JOIN_FIELDS = frozenset({"forward_plan_ref", "council"})
_MAX_JOIN = 6
# labels whose value may stand before them on the line
_TRAILING_FIELDS = frozenset({"author", "report_of", "portfolio"})
_PROSE_WORDS = frozenset({"the", "is", "are", "was", "were", "be", "in", "to", "see", "set",
                          "this", "by", "for", "out", "from", "a", "an", "as", "at", "which"})
# a line that starts a new labelled value, known label or not ("Decision status: ...")
_ANY_LABEL_RE = re.compile(r"^\s*[A-Z][^:?\t]{0,50}[:?](?:\s|$)")
_ITEMISH_RE = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})+\.?|\(?\d{1,2}[.)]|\(?[a-z]{1,4}\)|[•·▪●◦‣-])\s")
_FOOTER_RE = re.compile(r"\bpage\s+\d+(?:\s+of\s+\d+)?\s*$|^\s*\d{1,3}\s*$", re.IGNORECASE)
_ANSWER_WORDS = frozenset({"yes", "no", "y", "n", "key", "non-key", "part", "full", "none",
                           "open"})


@dataclass(slots=True)
class Scan:
    """What the front-sheet scan learnt besides field values."""

    decision: int = 0       # headings marking a decision record ("Decision details")
    notice: int = 0         # ... a notice / forward plan entry ("Issue details")
    decision_labels: int = 0  # labels found on decision records ("Effective from")
    notice_labels: int = 0    # ... on notices ("Decision due", "first published")
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
    for s in starts:
        if out and s < out[-1][2]:
            continue
        m = match_label(text, s, low)
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


def _date_notes(col: Collector, cl: CLine, offset: int, pd: ParsedDate, field: str) -> None:
    if pd.weekday_mismatch:
        col.note(cl.line, offset + pd.start,
                 f"{field}: the weekday does not fit the date: "
                 f"{cl.line.text[offset + pd.start:offset + pd.end].strip()!r} was a "
                 f"{pd.value.strftime('%A')}", field)
    if pd.qualifier:
        col.note(cl.line, offset + pd.start,
                 f"{field}: the date is qualified ({pd.qualifier!r})", field)


def put_date(col: Collector, cl: CLine, field: str, value: str, offset: int) -> bool:
    """Read a date from ``value`` (at ``offset`` of the line) into ``field``."""
    pd = parse_date(value)
    if pd is None:
        partial = find_partial_date(value)
        if partial:
            col.note(cl.line, offset + partial[0],
                     f"{field}: {value[partial[0]:partial[1]]!r} is not a complete date "
                     "(day, month and year); not read", field)
        elif value.strip() and re.search(r"\b(?:TBC|TBA|TBD|to\s+be\s+(?:confirmed|agreed|"
                                         r"determined))\b", value, re.IGNORECASE):
            col.note(cl.line, offset + len(value) - len(value.lstrip()),
                     f"{field}: no date given ({value.strip()!r})", field)
        return False
    if not col.put(field, pd.value, cl.line, offset + pd.start):
        return False        # read already (a bilingual twin is compared by the collector)
    _date_notes(col, cl, offset, pd, field)
    return True


def _answer_note(col: Collector, cl: CLine, offset: int, field: str, problem: str,
                 value: str) -> None:
    col.note(cl.line, offset + len(value) - len(value.lstrip()),
             f"{field}: {problem}; answer not read", field)


def _apply(col: Collector, scan: Scan, spec: LabelSpec, cl: CLine, value: str,
           off: int, index: int) -> None:
    field, kind = spec.field, spec.kind
    lead = len(value) - len(value.lstrip())
    v = value.strip()
    if kind in ("text", "body", "report_to"):
        if field == "forward_plan_ref" and values.is_not_a_reference(v):
            # "Not on the forward plan – general exception" names no notice, but may
            # name the urgency route relied on instead
            route = values.urgency_route(v)
            if route != "unspecified":
                col.put("urgency_route", route, cl.line, off + lead)
            return
        if values.is_none_answer(v) or values.is_pending_answer(v):
            return
        if kind == "report_to":
            report_to(col, scan, cl, v, off + lead, index)
            return
        if kind == "body":
            col.put("body", _fmt(v), cl.line, off + lead)
            return
        col.put(field, _fmt(v).rstrip(" :"), cl.line, off + lead)
        return
    if kind in ("date", "bare_date"):
        if kind == "bare_date":
            field = "meeting_date" if index <= scan.header_until else "report_date"
        put_date(col, cl, field, value, off)
        return
    if kind == "decision_due":
        pd = parse_date(value)
        if pd is None:
            put_date(col, cl, field, value, off)  # for the notes
            return
        if col.put(field, pd.value, cl.line, off + pd.start):
            _date_notes(col, cl, off, pd, field)
        by = _BY_RE.match(value[pd.end:])
        if by:
            col.put("decision_maker", _fmt(by.group("v")), cl.line,
                    off + pd.end + by.start("v"))
        return
    if kind == "paragraphs":
        found = bare_paragraphs(value)
        if found:
            col.put("exempt_paragraphs", found[0], cl.line, off + found[1])
        return
    if kind == "wards":
        names = values.wards(value)
        if names:
            first = names[0] if names[0] != "ALL" else "all"
            at = value.lower().find(first.lower())
            col.put("wards", names, cl.line, off + (at if at >= 0 else lead))
        return
    if kind == "money":
        found = values.money(value)
        if found:
            col.put(field, found[0], cl.line, off + found[1])
        return
    if kind == "restriction":
        level = values.restriction_level(v)
        if level:
            col.put("exempt", level, cl.line, off + lead)
        elif v:
            col.note(cl.line, off + lead, f"exempt: restriction {v!r} not understood", "exempt")
        return
    if kind == "urgency":
        if values.is_none_answer(v):
            col.put("urgency_route", "none", cl.line, off + lead)
            return
        col.put("urgency_reason", _fmt(v), cl.line, off + lead)
        col.put("urgency_route", values.urgency_route(v), cl.line, off + lead)
        return

    # answers: yes/no, ticked boxes; "N/A" or "TBC" is no answer ("None" to the
    # exempt question is)
    if (values.is_none_answer(v) and not (kind == "exempt" and v.lower().startswith("none"))) \
            or values.is_pending_answer(v):
        return
    ans = parse_answer(value)
    if ans.option is None:
        if ans.problem and ans.problem != "no answer given":
            _answer_note(col, cl, off, field, ans.problem, value)
        return
    opt = ans.option
    at = off + opt.start
    if kind == "exempt":
        level = values.exempt_level(opt.word, opt.text)
        if level:
            col.put("exempt", level, cl.line, at)
        else:
            col.note(cl.line, at, f"exempt: answer {opt.text!r} not read", "exempt")
        return
    if kind == "wards_q":
        rest = opt.rest
        if opt.word in ("no", "n") or values.wards(rest) == ["ALL"]:
            col.put("wards", ["ALL"], cl.line, at)
        elif opt.word in ("yes", "y"):
            names = values.wards(rest) if rest else None
            if names:
                col.put("wards", names, cl.line, at + opt.text.find(names[0]))
                return
            # the names may stand in a cell of their own: "☒ Yes ☐ No<TAB>Ladywood"
            extra = [o for o in ans.options if o.state is None and o.start > opt.start
                     and o.word not in ("yes", "no", "y", "n")]
            names = values.wards("; ".join(o.text for o in extra)) if extra else None
            if names:
                col.put("wards", names, cl.line, off + extra[0].start)
                return
            # "☒ Yes ☐ No – Nechells": the only names given follow the other answer
            tail = [o for o in ans.options if o is not opt and o.start > opt.start
                    and o.word in ("no", "n") and _DASH_TAIL_RE.match(o.text)]
            names = values.wards(_DASH_TAIL_RE.match(tail[0].text).group("v")) if tail else None
            if names and names != ["ALL"]:
                at2 = tail[0].text.find(names[0])
                col.put("wards", names, cl.line, off + tail[0].start + max(at2, 0))
            else:
                col.note(cl.line, at, "wards: specific wards are affected but none is named",
                         "wards")
        return
    if kind in ("special_q", "general_q"):
        # "Special urgency: Yes – agreed by the Chair of ... on 3 June 2024"
        if values.yes_no(opt.word, opt.text) is True:
            route = "special_urgency" if kind == "special_q" else "general_exception"
            col.put("urgency_route", route, cl.line, at, replace=True)
            m = _AGREED_BY_RE.search(opt.rest or "")
            if m and kind == "special_q":
                col.put("urgency_agreed_by", _fmt(m.group("who")), cl.line,
                        at + opt.text.find(m.group("who")))
        return
    if kind == "urgency_q":
        b = values.yes_no(opt.word, opt.text)
        if b is False:
            col.put("urgency_route", "none", cl.line, at)
        elif b is True:
            col.put("urgency_route", values.urgency_route(value), cl.line, at)
        return
    b = values.yes_no(opt.word, opt.text)
    if b is None:
        col.note(cl.line, at, f"{field}: answer {opt.text!r} is not yes or no; not read", field)
        return
    col.put(field, (not b) if spec.negate else b, cl.line, at)
    # "No – urgent: the contract ends on 5 April": the answer gives its own reason
    if field == "call_in_eligible" and ((not b) if spec.negate else b) is False and opt.rest:
        reason = _DASH_TAIL_RE.match(opt.text)
        if reason and reason.group("v").strip():
            col.put("call_in_exemption_reason", _fmt(reason.group("v")), cl.line,
                    at + reason.start("v"))


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


def _next_value(lines: list[CLine], i: int, spec: LabelSpec) -> tuple[int, str] | None:
    """The answer on the line(s) after a label left without one."""
    for j in range(i + 1, min(len(lines), i + 4)):
        cl = lines[j]
        if not cl.text.strip():
            continue
        if labels_in(cl.text, cl.low) or _REPORT_TO_RE.match(cl.text):
            return None
        if spec.kind not in _DATE_KINDS and is_heading(cl):
            return None
        return (j, cl.text) if _accepts_next(spec, cl.text) else None
    return None


def report_to(col: Collector, scan: Scan, cl: CLine, v: str, off: int, index: int) -> None:
    """"Report to Cabinet [date]": the decision maker, and the meeting date on the same
    line or on one of the next lines."""
    value = v.replace("\t", " ")
    pd = parse_date(value)
    body = value[:pd.start] if pd else value
    body = body.strip(" -–—,:;")
    if body:
        col.put("decision_maker", _fmt(body), cl.line, off)
    if pd:
        if col.put("meeting_date", pd.value, cl.line, off + pd.start):
            _date_notes(col, cl, off, pd, "meeting_date")
    scan.header_until = max(scan.header_until, index + 8)


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
            if col.put("meeting_date", pd.value, cl.line, pd.start):
                _date_notes(col, cl, 0, pd, "meeting_date")
            return
        if pd is None:
            partial = find_partial_date(text)
            if partial and _DATE_LEAD_RE.match(text[:partial[0]]):
                col.note(cl.line, partial[0],
                         f"meeting_date: {text[partial[0]:partial[1]]!r} is not a complete "
                         "date (day, month and year); not read", "meeting_date")
                return
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
                    or _ITEMISH_RE.match(text) or _FOOTER_RE.search(stripped) \
                    or is_heading(cl) or _REPORT_TO_RE.match(text):
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
        for spec, _lstart, vstart, vend in found:
            if spec.marks == "decision":
                st.decision_labels += 1
            elif spec.marks == "notice":
                st.notice_labels += 1
            if spec.kind in ("report_to", "wards_q", "exempt"):
                st.report += 1
            value = text[vstart:vend]
            if not value.strip():
                nxt = _next_value(lines, i, spec)
                if nxt is None:
                    if spec.kind == "report_to":
                        _header_date(col, lines, i, "decision_maker")
                        st.header_until = max(st.header_until, i + 8)
                    continue
                j, value = nxt
                consumed.add(j)
                if _joins(spec) and vend == len(text):
                    value = _value_with_continuation(lines, j, value, physical, consumed,
                                                     "\t" in lines[j].text)
                _apply(col, st, spec, lines[j], value, 0, j)
            else:
                if _joins(spec) and vend == len(text):
                    value = _value_with_continuation(lines, i, value, physical, consumed,
                                                     "\t" in text[:vstart + 1])
                _apply(col, st, spec, cl, value, vstart, i)
            if spec.kind == "report_to":
                _header_date(col, lines, i, None)
        if found:
            continue
        if nonblank <= _HEADER_LINES and text.rstrip().endswith(":") and _trailing_label(col, cl):
            continue
        head = cl.low[:24].lstrip(" \t0123456789.")[:7]
        if head in _KIND_HEADS and _DECISION_RE.match(text):
            st.decision += 1
            st.kind_line = st.kind_line or cl.number
            if _DETAILS_RE.match(text):
                _title_after(col, lines, i)
            continue
        if head in _KIND_HEADS and _NOTICE_RE.match(text):
            st.notice += 1
            st.kind_line = st.kind_line or cl.number
            if _DETAILS_RE.match(text):
                _title_after(col, lines, i)
            continue
        if i > _HEADER_LINES or nonblank > _HEADER_LINES:
            continue
        if ("eport" in text or "EPORT" in text) and len(text) < 160:
            m = _REPORT_TO_RE.match(text)
            if m and _header_prefix_ok(m.group("pre")):
                pre = m.group("pre")
                c = _COUNCIL_RE.match(pre) if pre.strip() else None
                if c:
                    col.put("council", c.group("c").strip(), cl.line, c.start("c"))
                v = m.group("v")
                st.report += 1
                report_to(col, st, cl, v, m.start("v"), i)
                _header_date(col, lines, i, None if v.strip() else "decision_maker")
                continue
        if nonblank <= 15:
            mh = _MEETING_HEAD_RE.match(text) if len(text) < 150 else None
            if mh:
                st.meeting += 1
                st.kind_line = st.kind_line or cl.number
                v = mh.group("v")
                if v:
                    pd = parse_date(v)
                    body = (v[:pd.start] if pd else v).strip(" -–—,:;")
                    body = _HELD_ON_RE.sub("", body)
                    if body:
                        col.put("body", _fmt(body), cl.line, mh.start("v"))
                    if pd and col.put("meeting_date", pd.value, cl.line, mh.start("v") + pd.start):
                        _date_notes(col, cl, mh.start("v"), pd, "meeting_date")
                _header_date(col, lines, i, None if v else "body")
                st.header_until = max(st.header_until, i + 8)
                continue
            if nonblank <= 5 and len(text) < 100:
                # "CITY COUNCIL – 14 MAY 2024", "Cabinet - 4 April 2024": body and date
                mb = _BODY_DATE_RE.match(text)
                pd = parse_date(mb.group("d")) if mb else None
                if pd is not None and pd.start == 0 \
                        and not mb.group("d")[pd.end:].strip(" .,"):
                    body = _fmt(mb.group("b"))
                    col.put("decision_maker", body, cl.line, mb.start("b"))
                    if col.put("meeting_date", pd.value, cl.line, mb.start("d")):
                        _date_notes(col, cl, mb.start("d"), pd, "meeting_date")
                    continue
            if nonblank <= 5 and "ouncil" in text and len(text) < 100:
                c = _COUNCIL_RE.match(text)
                if c and c.end() >= len(text.rstrip()) - 1:
                    col.put("council", c.group("c").strip(), cl.line, c.start("c"))
    return st


_AGREED_BY_RE = re.compile(r"\bagreed\s+by\s+(?:the\s+)?(?P<who>[^.;]{3,120}?)"
                           r"(?:\s+on\s+\d|[.;]|$)", re.IGNORECASE)
_BODY_DATE_RE = re.compile(
    r"^\s*(?P<b>(?:(?:the\s+)?(?:city|county|borough|district|full|metropolitan\s+borough)\s+)?"
    r"council|cabinet|executive|[A-Za-z&,' ]{3,60}?\bcommittee)\s*[–—:-]\s*(?P<d>\S.*?)\s*$",
    re.IGNORECASE)


def _header_prefix_ok(pre: str) -> bool:
    """What may come before "Report to" on a heading line: nothing, or a council."""
    p = pre.strip(" \t-–—:|")
    return not p or bool(_COUNCIL_RE.match(p)) or p.isupper()


def _title_after(col: Collector, lines: list[CLine], i: int) -> None:
    for j in range(i + 1, min(len(lines), i + 4)):
        cl = lines[j]
        if not cl.text.strip():
            continue
        if not labels_in(cl.text):
            t = cl.text.strip()
            col.put("title", _fmt(t), cl.line, cl.text.find(t))
        return
