"""Front-sheet labels, the "Report to" heading, and the kind of record.

Reads ``Label<TAB>value`` and ``Label: value`` lines (and a label whose answer is on
the next line) through the label table in :mod:`.labels`; the decision maker and the
meeting date from a heading like::

    Birmingham City Council Report to Cabinet

    26 March 2019

and the kind of record from the words that mark a decision page, a notice or an
agenda.
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

__all__ = ["scan", "Scan"]

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
    r"^\s*(?:decision\s+details|record\s+of\s+(?:an?\s+)?"
    r"(?:executive\s+|cabinet\s+|officer\s+|key\s+"
    r"|individual\s+(?:cabinet\s+)?member\s+)?decisions?|decision\s+notice)\b",
    re.IGNORECASE)
_NOTICE_RE = re.compile(
    r"^\s*(?:issue\s+details|notice\s+of\s+(?:a\s+)?(?:proposed|key|intention|private|exempt)\b"
    r"|(?:general\s+exception|special\s+urgency)\s+notice"
    r"|(?:the\s+)?forward\s+plan\b(?!\s*(?:ref|reference|no\b|number|item)))",
    re.IGNORECASE)
# the first 7 characters of the lines _DECISION_RE and _NOTICE_RE can match
_KIND_HEADS = frozenset({"decisio", "record ", "issue d", "notice ", "general", "special",
                         "forward", "the for"})
_HELD_ON_RE = re.compile(r"\s+(?:held\s+)?on\s*$", re.IGNORECASE)
_DETAILS_RE = re.compile(r"^\s*(?:decision|issue)\s+details\s*$", re.IGNORECASE)
_DATE_KINDS = frozenset({"date", "bare_date", "decision_due"})
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


def labels_in(text: str, low: str | None = None) -> list[tuple[LabelSpec, int, int, int]]:
    """Labels on a line: (spec, label offset, value start, value end)."""
    # A label ends in ":" or "?" or at a TAB, or stands alone on a short line: a long
    # line of prose with none of these near its start is not looked at further.
    if not text or ("\t" not in text and len(text) > 90 and ":" not in text[:140]
                    and "?" not in text[:140]):
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
    if field in col.fields:
        return False
    col.put(field, pd.value, cl.line, offset + pd.start)
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
        if field in ("forward_plan_ref", "call_in_exemption_reason", "urgency_agreed_by") \
                and values.is_none_answer(v):
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

    # answers: yes/no, ticked boxes
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
            else:
                col.note(cl.line, at, "wards: specific wards are affected but none is named",
                         "wards")
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
    return len(v) <= 200


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
        if name_field and seen == 1 and not labels_in(text) and len(text.strip()) < 80:
            col.put(name_field, _fmt(text), cl.line, len(text) - len(text.lstrip()))
            continue
        if labels_in(text):
            return


def scan(lines: list[CLine], col: Collector) -> Scan:
    st = Scan()
    nonblank = 0
    consumed: set[int] = set()   # lines read as the answer to the label above them
    for i, cl in enumerate(lines):
        text = cl.text
        if not text or text.isspace() or i in consumed:
            continue
        nonblank += 1
        found = labels_in(text, cl.low)
        for spec, lstart, vstart, vend in found:
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
                _apply(col, st, spec, lines[j], value, 0, j)
            else:
                _apply(col, st, spec, cl, value, vstart, i)
            if spec.kind == "report_to":
                _header_date(col, lines, i, None)
        if found:
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
            if nonblank <= 5 and "ouncil" in text and len(text) < 100:
                c = _COUNCIL_RE.match(text)
                if c and c.end() >= len(text.rstrip()) - 1:
                    col.put("council", c.group("c").strip(), cl.line, c.start("c"))
    return st


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
