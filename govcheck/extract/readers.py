"""Answer readers: how the value after a label is read, one small function per label
``kind`` (the ``kind:`` of an entry in ``rules/vocabulary/labels.yaml``).

=============  ==============================================================
text           free text
body           the meeting / committee
report_to      "Report to Cabinet [date]": the decision maker (and meeting date)
bool           a yes/no answer or ticked box (``negate`` flips it)
key_type       ModernGov ``Decision type: Key`` / ``Non-key``
date           a date (notes for a weekday mismatch, a qualifier, a partial date)
bare_date      ``Date:``: the meeting date under a "Report to" / "Meeting"
               heading, else the report date
decision_due   ``Decision due: 9 Sep 2021 by Executive``
exempt         yes/no (or part/full/none) to "contains exempt information?"
restriction    ModernGov ``Anticipated restriction: Part exempt``
paragraphs     exempt paragraph numbers, as cited
wards          a list of wards, ``(All Wards)`` → ["ALL"]
wards_q        "Are specific wards affected?": No → ["ALL"], Yes → names
money          a sterling amount
urgency        reasons for urgency (also gives the route)
urgency_q      "Is the decision urgent?": No → route none
special_q      "Special urgency: Yes – agreed by ...": the route (and who agreed)
general_q      "General exception used? Yes": the route
flag           any answer means yes ("Reason Key: Expenditure over £500,000")
=============  ==============================================================

Every reader has the signature ``reader(r: Read)`` and puts what it reads into
``r.col``; a label whose kind has no reader here is an error when the vocabulary is
loaded (``KINDS``).
"""

from __future__ import annotations

import re
from typing import Callable

from govcheck import recache
from govcheck.dates import ParsedDate, find_partial_date, parse_date
from govcheck.extract import values
from govcheck.extract.checkbox import parse_answer
from govcheck.extract.collect import Collector
from govcheck.extract.contract import LABEL_KINDS
from govcheck.extract.exempt import bare_paragraphs
from govcheck.struct import struct

__all__ = ["Read", "READERS", "KINDS", "read", "put_date", "date_notes", "report_to"]


@struct(slots=True, init=False)
class Read:
    """One label's answer to read: the collector, the front-sheet scan state, the
    label, the cleaned line, the answer's text and its offset in the line, and the
    line's index in the record's lines."""

    col: Collector
    scan: object
    spec: object
    cl: object
    value: str
    off: int
    index: int

    def __init__(self, col: Collector, scan: object, spec: object, cl: object, value: str,
                 off: int, index: int) -> None:
        self.col, self.scan, self.spec, self.cl = col, scan, spec, cl
        self.value, self.off, self.index = value, off, index

    @property
    def v(self) -> str:
        return self.value.strip()

    @property
    def cell(self) -> str:
        """The answer as its own line shows it: empty when it was read on from the next
        lines (a wrapped answer, a line of its own under it)."""
        v = self.value.rstrip()
        return v if self.cl.text.startswith(v, self.off) else ""

    @property
    def lead(self) -> int:
        return len(self.value) - len(self.value.lstrip())

    def put(self, field: str, value, at: int, replace: bool = False) -> bool:
        return self.col.put(field, value, self.cl.line, at, replace=replace)

    def note(self, at: int, message: str, field: str) -> None:
        self.col.note(self.cl.line, at, message, field)


def fmt(text: str) -> str:
    return " ".join(text.split())


_BY_RE = recache.compile(r"^[\s,;]*(?:by|taken\s+by)\s+(?:the\s+)?(?P<v>\S.*?)[\s.;]*$",
                    re.IGNORECASE)
_DASH_TAIL_RE = recache.compile(r"^\w+\s*[-–—]\s*(?P<v>\S.*)$")
_AGREED_BY_RE = recache.compile(r"\bagreed\s+by\s+(?:the\s+)?(?P<who>[^.;]{3,120}?)"
                           r"(?:\s+on\s+\d|[.;]|$)", re.IGNORECASE)
_PENDING_DATE_RE = recache.compile(r"\b(?:TBC|TBA|TBD|to\s+be\s+(?:confirmed|agreed|determined))\b",
                              re.IGNORECASE)


_EARLIEST = frozenset({"not before", "no earlier than"})


def date_notes(col: Collector, cl, offset: int, pd: ParsedDate, field: str) -> None:
    if pd.weekday_mismatch:
        col.note(cl.line, offset + pd.start,
                 f"{field}: the weekday does not fit the date: "
                 f"{cl.line.text[offset + pd.start:offset + pd.end].strip()!r} was a "
                 f"{pd.value.strftime('%A')}", field)
    # "Not before 1 Feb 2026" states the earliest date exactly: not a doubt about it
    if pd.qualifier and " ".join(pd.qualifier.lower().split()) not in _EARLIEST:
        col.note(cl.line, offset + pd.start,
                 f"{field}: the date is qualified ({pd.qualifier!r})", field)


def put_date(col: Collector, cl, field: str, value: str, offset: int) -> bool:
    """Read a date from ``value`` (at ``offset`` of the line) into ``field``."""
    pd = parse_date(value)
    if pd is None:
        partial = find_partial_date(value)
        if partial:
            col.note(cl.line, offset + partial[0],
                     f"{field}: {value[partial[0]:partial[1]]!r} is not a complete date "
                     "(day, month and year); not read", field)
        elif value.strip() and _PENDING_DATE_RE.search(value):
            col.note(cl.line, offset + len(value) - len(value.lstrip()),
                     f"{field}: no date given ({value.strip()!r})", field)
        return False
    if not col.put(field, pd.value, cl.line, offset + pd.start):
        return False        # read already (a bilingual twin is compared by the collector)
    date_notes(col, cl, offset, pd, field)
    return True


def report_to(col: Collector, scan, cl, v: str, off: int, index: int) -> None:
    """"Report to Cabinet [date]": the decision maker, and the meeting date on the same
    line or on one of the next lines."""
    value = v.replace("\t", " ")
    pd = parse_date(value)
    body = value[:pd.start] if pd else value
    body = body.strip(" -–—,:;")
    if body:
        col.put("decision_maker", fmt(body), cl.line, off)
    if pd:
        if col.put("meeting_date", pd.value, cl.line, off + pd.start):
            date_notes(col, cl, off, pd, "meeting_date")
    scan.header_until = max(scan.header_until, index + 8)


# --- free text ------------------------------------------------------------------------

# names: a name the page cuts ("Cabinet Member for Business, Enterprise and Job
# Creatio [...]") is not the name, and is not read
_NAMES = frozenset({"decision_maker", "body"})


def _cut_name(field: str, v: str) -> bool:
    """Whether ``v``, an answer naming who decides or meets as its line or cell shows
    it, ends in the mark of a page cut short (answers.yaml ``cut_short``): the name is cut on its own
    line ("... Job Creatio [...]"), not a whole name followed by a line of its own that
    marks the cut."""
    if field not in _NAMES or not ("[" in v or "…" in v or "..." in v):
        return False
    from govcheck import vocabulary

    return bool(vocabulary.active().groups["answers"]["cut_short"].rx.search(v))


def _no_text_answer(r: Read) -> bool:
    return values.is_none_answer(r.v) or values.is_pending_answer(r.v) \
        or _cut_name(r.spec.field, r.cell)


def read_text(r: Read) -> None:
    field = r.spec.field
    if field == "forward_plan_ref" and values.is_not_a_reference(r.v):
        # "Not on the forward plan – general exception" names no notice, but may name
        # the urgency route relied on instead
        route = values.urgency_route(r.v)
        if route != "unspecified":
            r.put("urgency_route", route, r.off + r.lead)
        return
    if _no_text_answer(r):
        return
    r.put(field, fmt(r.v).rstrip(" :"), r.off + r.lead)


def read_plan_ref(r: Read) -> None:
    """A bare "Reference" that holds a forward plan reference ("FP/247/09/23"; a
    decision's or a notice's own number is not one): the forward plan reference."""
    if values.is_plan_reference(r.v):
        r.put("forward_plan_ref", fmt(r.v), r.off + r.lead)


def read_body(r: Read) -> None:
    if not _no_text_answer(r) and not _cut_name("body", r.cell):
        r.put("body", fmt(r.v), r.off + r.lead)


def read_report_to(r: Read) -> None:
    if not _no_text_answer(r):
        report_to(r.col, r.scan, r.cl, r.v, r.off + r.lead, r.index)


# --- dates ----------------------------------------------------------------------------

def read_date(r: Read) -> None:
    put_date(r.col, r.cl, r.spec.field, r.value, r.off)


def read_bare_date(r: Read) -> None:
    field = "meeting_date" if r.index <= r.scan.header_until else "report_date"
    put_date(r.col, r.cl, field, r.value, r.off)


_BY_TAIL_RE = recache.compile(r"\s(?:by|taken\s+by)\s+(?:the\s+)?(?P<v>\S.*?)[\s.;]*$", re.IGNORECASE)


def read_decision_due(r: Read) -> None:
    """``9 Sep 2021 by Executive``, ``Not before 5th Feb 2018``, ``Between 1 Jan 2025
    and 30 Jun 2025 by Portfolio Holder`` (the earliest date the decision may be taken),
    ``December 2021 by Cabinet`` (a month only: no date, but the decision maker)."""
    pd = parse_date(r.value)
    if pd is None:
        put_date(r.col, r.cl, r.spec.field, r.value, r.off)  # for the notes
        end = 0
    else:
        if r.put(r.spec.field, pd.value, r.off + pd.start):
            date_notes(r.col, r.cl, r.off, pd, r.spec.field)
        end = pd.end
    by = _BY_RE.match(r.value[end:]) or _BY_TAIL_RE.search(r.value, end)
    if by and by.group("v")[:1].isdigit():
        by = None       # "(... notice period completed by 12.11.24)": a date, not who
    if by:
        start = by.start("v") + (end if by.re is _BY_RE else 0)
        r.put("decision_maker", fmt(by.group("v")), r.off + start)
    elif pd is not None:
        # "Chief Officer Delegated Decisions 21 Jan 2025": who decides, then when
        lead = _MAKER_LEAD_RE.match(r.value[:pd.start])
        if lead and not _WHEN_WORDS_RE.search(lead.group("v")):
            r.put("decision_maker", fmt(lead.group("v")), r.off + lead.start("v"))


# a name before the date: capitalised words, no digits, not a period's words
_MAKER_LEAD_RE = recache.compile(r"^\s*(?P<v>[A-Z][^\d()\[\]:;]{1,100}?)[\s,–-]*$")
_WHEN_WORDS_RE = recache.compile(
    r"\b(?:before|after|between|from|on|by|than|commencing|beginning|ending|until|"
    r"w/c|wc|date|due|expected|week|month|quarter|approx(?:imately)?)\s*$", re.IGNORECASE)


_ITEM_TAIL_RE = recache.compile(r"\s*\((?:item|eitem)\s+[\w.]+\)\s*$", re.IGNORECASE)


def read_meeting_ref(r: Read) -> None:
    """``26/01/2021 - Economy Regeneration & Housing Committee (Item 19)``: the meeting's
    date, and its body (a label that marks a meeting record) or the decision maker (a
    decision "made at meeting")."""
    pd = parse_date(r.value)
    if pd is None or r.value[:pd.start].strip():
        if r.spec.marks == "meeting":      # "Meeting: Cabinet": the body alone
            read_body(r)
        return
    if r.put("meeting_date", pd.value, r.off + pd.start):
        date_notes(r.col, r.cl, r.off, pd, "meeting_date")
    rest = r.value[pd.end:]
    body = _ITEM_TAIL_RE.sub("", rest).strip(" -–—,:;\t")
    if body:
        at = r.off + pd.end + rest.find(body[:5])
        r.put("body" if r.spec.marks == "meeting" else "decision_maker", fmt(body), at)


# --- lists and amounts ------------------------------------------------------------------

def read_paragraphs(r: Read) -> None:
    found = bare_paragraphs(r.value)
    if found:
        r.put("exempt_paragraphs", found[0], r.off + found[1])


def read_wards(r: Read) -> None:
    names = values.wards(r.value)
    if names:
        first = names[0] if names[0] != "ALL" else "all"
        at = r.value.lower().find(first.lower())
        r.put("wards", names, r.off + (at if at >= 0 else r.lead))


def read_money(r: Read) -> None:
    found = values.money(r.value)
    if found:
        r.put(r.spec.field, found[0], r.off + found[1])


def read_restriction(r: Read) -> None:
    level = values.restriction_level(r.v)
    if level:
        r.put("exempt", level, r.off + r.lead)
        linked = values.reasons_linked(r.value)
        if linked is not None and level != "none":
            r.put("exempt_grounds_elsewhere", True, r.off + linked)
    elif r.v:
        r.note(r.off + r.lead, f"exempt: restriction {r.v!r} not understood", "exempt")


def read_urgency(r: Read) -> None:
    if values.is_none_answer(r.v):
        r.put("urgency_route", "none", r.off + r.lead)
        return
    r.put("urgency_reason", fmt(r.v), r.off + r.lead)
    route = values.urgency_route(r.v)
    r.put("urgency_route", route, r.off + r.lead)
    agreed = values.scrutiny_chair_agreed(r.value) if route == "special_urgency" else None
    if agreed is not None:
        # "The Chair of Corporate Overview and Scrutiny agreed ...": who agreed (reg 11)
        r.put("urgency_agreed_by", agreed[0], r.off + agreed[1])


# --- answers: yes/no and ticked boxes -------------------------------------------------

def _answer(r: Read):
    """The ticked or written answer, or None (a note says why when it is unclear).
    "N/A" or "TBC" is no answer ("None" to the exempt question is one)."""
    v = r.v
    if (values.is_none_answer(v) and not (r.spec.kind == "exempt"
                                          and v.lower().startswith("none"))) \
            or values.is_pending_answer(v):
        return None
    ans = parse_answer(r.value)
    if ans.option is None:
        if ans.problem and ans.problem != "no answer given":
            r.note(r.off + r.lead, f"{r.spec.field}: {ans.problem}; answer not read",
                   r.spec.field)
        return None
    return ans


def _chosen(r: Read):
    """(answer, chosen option, its offset in the line), or None when there is none."""
    ans = _answer(r)
    if ans is None:
        return None
    return ans, ans.option, r.off + ans.option.start


def read_exempt(r: Read) -> None:
    got = _chosen(r)
    if got is None:
        return
    _, opt, at = got
    level = values.exempt_level(opt.word, opt.text)
    if level:
        r.put("exempt", level, at)
    else:
        r.note(at, f"exempt: answer {opt.text!r} not read", "exempt")


def read_wards_q(r: Read) -> None:
    got = _chosen(r)
    if got is None:
        return
    ans, opt, at = got
    off = r.off
    rest = opt.rest
    if opt.word in ("no", "n") or values.wards(rest) == ["ALL"]:
        r.put("wards", ["ALL"], at)
        return
    if opt.word not in ("yes", "y"):
        return
    names = values.wards(rest) if rest else None
    if names:
        r.put("wards", names, at + opt.text.find(names[0]))
        return
    # the names may stand in a cell of their own: "☒ Yes ☐ No<TAB>Ladywood"
    extra = [o for o in ans.options if o.state is None and o.start > opt.start
             and o.word not in ("yes", "no", "y", "n")]
    names = values.wards("; ".join(o.text for o in extra)) if extra else None
    if names:
        r.put("wards", names, off + extra[0].start)
        return
    # "☒ Yes ☐ No – Nechells": the only names given follow the other answer
    tail = [o for o in ans.options if o is not opt and o.start > opt.start
            and o.word in ("no", "n") and _DASH_TAIL_RE.match(o.text)]
    names = values.wards(_DASH_TAIL_RE.match(tail[0].text).group("v")) if tail else None
    if names and names != ["ALL"]:
        at2 = tail[0].text.find(names[0])
        r.put("wards", names, off + tail[0].start + max(at2, 0))
    else:
        r.note(at, "wards: specific wards are affected but none is named", "wards")


def _route_q(r: Read, route: str) -> None:
    got = _chosen(r)
    if got is None:
        return
    _, opt, at = got
    if values.yes_no(opt.word, opt.text) is True:
        r.put("urgency_route", route, at, replace=True)
        m = _AGREED_BY_RE.search(opt.rest or "")
        if m and route == "special_urgency":
            r.put("urgency_agreed_by", fmt(m.group("who")), at + opt.text.find(m.group("who")))


def read_special_q(r: Read) -> None:
    """"Special urgency: Yes – agreed by the Chair of ... on 3 June 2024"."""
    _route_q(r, "special_urgency")


def read_general_q(r: Read) -> None:
    _route_q(r, "general_exception")


def read_urgency_q(r: Read) -> None:
    got = _chosen(r)
    if got is None:
        return
    _, opt, at = got
    b = values.yes_no(opt.word, opt.text)
    if b is False:
        r.put("urgency_route", "none", at)
    elif b is True:
        r.put("urgency_route", values.urgency_route(r.value), at)


def read_flag(r: Read) -> None:
    """A label whose presence with an answer says yes ("Reason Key: Expenditure over
    £500,000" is shown only for a key decision)."""
    if r.v and not values.is_none_answer(r.v):
        r.put(r.spec.field, not r.spec.negate, r.off + r.lead)


def read_bool(r: Read) -> None:
    """A yes/no answer (also ``key_type``: ``Key`` / ``Non-key``)."""
    got = _chosen(r)
    if got is None:
        return
    _, opt, at = got
    field = r.spec.field
    b = values.yes_no(opt.word, opt.text)
    if b is None:
        r.note(at, f"{field}: answer {opt.text!r} is not yes or no; not read", field)
        return
    answer = (not b) if r.spec.negate else b
    r.put(field, answer, at)
    # "No – urgent: the contract ends on 5 April": the answer gives its own reason
    if field == "call_in_eligible" and answer is False and opt.rest:
        reason = _DASH_TAIL_RE.match(opt.text)
        if reason and reason.group("v").strip():
            r.put("call_in_exemption_reason", fmt(reason.group("v")), at + reason.start("v"))


READERS: dict[str, Callable[[Read], None]] = {
    "text": read_text,
    "body": read_body,
    "report_to": read_report_to,
    "date": read_date,
    "bare_date": read_bare_date,
    "decision_due": read_decision_due,
    "meeting_ref": read_meeting_ref,
    "paragraphs": read_paragraphs,
    "wards": read_wards,
    "money": read_money,
    "restriction": read_restriction,
    "urgency": read_urgency,
    "exempt": read_exempt,
    "wards_q": read_wards_q,
    "special_q": read_special_q,
    "general_q": read_general_q,
    "urgency_q": read_urgency_q,
    "bool": read_bool,
    "key_type": read_bool,
    "flag": read_flag,
    "plan_ref": read_plan_ref,
}
KINDS = frozenset(READERS)
assert KINDS == LABEL_KINDS, "every label kind in contract.py has exactly one reader"


def read(col: Collector, scan, spec, cl, value: str, off: int, index: int) -> None:
    """Read the answer ``value`` (at ``off`` of line ``cl``) to label ``spec``."""
    READERS[spec.kind](Read(col, scan, spec, cl, value, off, index))
