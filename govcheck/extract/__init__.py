"""Document → Records: front-sheet labels, recommendations, exempt information and
dated statutory events, each value with the line and column it was read from.

Public API::

    extract(doc, nation="england") -> list[Record]
    extract_with_notes(doc, nation="england") -> (list[Record], list[Note])

One document may hold several records (see :mod:`.segment`): an agenda pack gives a
``meeting`` record for the agenda (with its ``agenda_items``) and a ``report`` record
for each report; a ModernGov forward plan page gives a ``notice`` per plan item; any
other document gives one record.  Every value points at its line in the document
itself (and its page, for a PDF).  A report in a pack that does not state its
meeting date or decision maker takes them from the agenda, pointing there.

Each record's ``nation`` is the one the document shows (a Welsh or Scottish council,
Welsh text, Schedule 12A Part 4 or Schedule 7A: see :mod:`.nation`), else ``nation``.

A field that is not found is absent, never guessed.  What extraction noticed but
did not resolve (an ambiguous checkbox, a weekday that does not fit its date, a date
"to be confirmed", a partial date, an unknown front-matter field, a Welsh and an
English line that disagree) comes back as :class:`Note` objects, for the engine to
report.

Modules: :mod:`.text` (Markdown blanking), :mod:`.checkbox` (answers),
:mod:`.labels` (the label table), :mod:`.values` (answer → typed value),
:mod:`.frontsheet` (labels, headings, record kind), :mod:`.segment` (records in a
document), :mod:`.agenda` (agenda items), :mod:`.nation`, :mod:`.exempt`,
:mod:`.recommendations`, :mod:`.events`, :mod:`.frontmatter`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from govcheck.extract.collect import Collector, Note
from govcheck import recache

if TYPE_CHECKING:
    from govcheck.extract.text import CLine
    from govcheck.model import Record
    from govcheck.read.base import Document

__all__ = ["extract", "extract_with_notes", "Note"]

_PHYSICAL = frozenset({"text", "markdown", "pdf"})   # formats whose lines wrap
_TOP_LINES = 40


def extract_with_notes(doc: "Document", nation: str = "england"
                       ) -> tuple[list["Record"], list[Note]]:
    """The records in ``doc`` and the notes made while reading them."""
    from govcheck.struct import replace

    from govcheck.extract import columns, segment
    from govcheck.extract import nation as nations
    from govcheck.extract.text import Index, clean_lines

    lines = clean_lines(doc.lines)
    props = doc.properties or {}
    tables = columns.find(lines)
    segments = segment.split(lines, props, tables)
    index = Index(lines)
    evidence = nations.detect(index, props, _TOP_LINES)
    physical = doc.format in _PHYSICAL
    records: list["Record"] = []
    notes: list[Note] = []
    meeting = None
    row_kind = _listed_kind(lines) if any(seg.row for seg in segments) else None
    for seg in segments:
        if seg.row and row_kind is not None and seg.kind is None:
            # a later row of a table of records: a record of the first row's kind
            seg = replace(seg, kind=row_kind)
        whole = seg.start == 0 and seg.end == len(lines)
        record, seg_notes = _record(doc, lines[seg.start:seg.end], seg, physical,
                                    evidence, nation, index if whole else None)
        if seg.row:
            _key_decision_from_section(lines, tables, seg, record)
        records.append(record)
        notes.extend(seg_notes)
        if record.kind == "meeting" or (len(segments) == 1 and record.kind == "report"):
            _embedded(lines[seg.start:seg.end], record, doc.path, records)
        if seg.row and row_kind is None:
            row_kind = record.kind
        if record.kind == "meeting" and meeting is None and len(segments) > 1:
            meeting = record
    if meeting is not None:
        _from_agenda(meeting, [r for r in records if r.kind == "report"])
    _bare_list_entries(records)
    _detail_below_rows(lines, segments, records)
    _notice_date_for_rows(lines, tables, segments, records)
    _key_decision_from_heading(lines, records)
    _from_decisions_heading(lines, records)
    notes.sort(key=lambda n: (n.line, n.column))
    return records, notes


def _notice_date_for_rows(lines, tables, segments, records) -> None:
    """A notice that lists its decisions in a table under its own text, dated above the
    table ("Date: 23rd December 2019", then "Subject | Anticipated date of decision |
    Decision Taker" and a row per decision): each row is a notice given that day, first
    published then.  The date is read into the first row's record, with the text above
    the table; the other rows take it."""
    from govcheck.struct import replace

    if len(records) < 2 or not all(seg.row for seg in segments) \
            or len(segments) != len(records) or any(r.kind != "notice" for r in records):
        return
    rows = [r for t in tables if len(t.rows) >= 2 for r in t.rows]
    pub = records[0].fields.get("notice_first_published")
    if not rows or pub is None or pub.line >= lines[rows[0]].number:
        return
    for r in records[1:]:
        if "notice_first_published" not in r.fields:
            r.fields["notice_first_published"] = replace(pub)


def _detail_below_rows(lines, segments, records) -> None:
    """A table of records followed by one entry's detail ("Subject of the Decision",
    the entry's title on a line of its own, "Decision maker: Executive"): what is read
    below the table is that entry's, not the last row's (whose record runs to the end of
    the page).  Only when the lines below the table name exactly one row's title (its
    first cell, on a line of its own), and it is not the last row's: the fields read
    there move to that row's record."""
    if len(records) < 2 or len(segments) != len(records) or not all(s.row for s in segments):
        return
    last_row = max((i for i, cl in enumerate(lines) if cl.row), default=None)
    if last_row is None or last_row >= segments[-1].end - 1:
        return
    end = lines[last_row].number
    titles = {}     # each row's first cell, its title
    for k, seg in enumerate(segments):
        row = next((i for i in range(seg.start, seg.end) if lines[i].row), None)
        first = _norm(lines[row].text.split("\t")[0]) if row is not None else ""
        if len(first) >= 8:
            titles.setdefault(first, k)
    named = {titles[n] for cl in lines[last_row + 1:segments[-1].end]
             if cl.text.strip() and len(cl.text) < 300 and (n := _norm(cl.text)) in titles}
    if len(named) != 1:
        return
    k = named.pop()
    if k == len(records) - 1:
        return
    src, dst = records[-1].fields, records[k].fields
    for name in [n for n, fv in src.items() if fv.line > end]:
        fv = src.pop(name)
        if name not in dst:
            dst[name] = fv


def _listed_kind(lines) -> str | None:
    """A table of records on a page whose heading says it lists notices given under the
    regulations ("Notices under The Local Authorities (Executive Arrangements) ...
    Regulations 2012", headings.yaml ``notices_list``): its rows are notices, whatever
    the page's title calls them.  Else, on a page titled as a list of decisions taken
    ("Officer decisions", ``decisions_list``): its rows are decisions."""
    from govcheck.extract import headings

    top = [cl for cl in lines[:4] if cl.text.strip()]
    if any(cl.low.lstrip().startswith("notices") and headings.rx("notices_list").match(cl.text)
           for cl in top):
        return "notice"
    top = top[0] if top else None
    if top is not None and len(top.text) < 60 and "ecision" in top.text \
            and headings.rx("decisions_list").match(top.text):
        return "decision"
    return None


def _bare_list_entries(records) -> None:
    """An entry of a list of forthcoming decisions that shows only its heading ("25/06/2024
    - Statement of Gambling Policy", the page cut short under it) is a forthcoming
    decision like the entries around it, and its heading's date is not when it will be
    decided (it is when the entry was published or changed)."""
    kinds = {r.kind for r in records}
    if kinds != {"notice", "decision"} or sum(r.kind == "notice" for r in records) < 2:
        return
    for r in records:
        date, title = r.fields.get("decision_date"), r.fields.get("title")
        if r.kind == "decision" and set(r.fields) == {"decision_date", "title"} \
                and date.line == title.line:
            r.kind = "notice"
            del r.fields["decision_date"]


def _embedded(lines, host, path: str, records: list) -> None:
    """The records printed inside ``host``'s page (:mod:`.embedded`), after it; a
    regulation notice read as an item of the agenda is no item."""
    from govcheck.extract import embedded

    found, notice_lines = embedded.find(lines, host, path)
    if not found:
        return
    records.extend(found)
    items = host.fields.get("agenda_items")
    if items is not None and notice_lines:
        kept = [it for it in items.value if it.get("line") not in notice_lines]
        if kept:
            items.value[:] = kept
        else:
            del host.fields["agenda_items"]


def _record(doc, lines, seg, physical: bool, evidence, nation: str, index=None):
    from govcheck.extract import (agenda, events, exempt, frontmatter, frontsheet,
                                  headings, recommendations, sections, urgent)
    from govcheck.extract.text import Index
    from govcheck.model import FieldValue, Record

    col = Collector(bilingual=evidence.welsh_text)
    items: list[dict] = []
    scan_lines = lines
    if seg.kind in (None, "meeting"):
        items, used, _at = agenda.find_items(lines)
        if items:
            scan_lines = [cl for i, cl in enumerate(lines) if i not in used]
    if seg.kind == "meeting" or (items and seg.kind is None):
        agenda.read_heading(scan_lines, col, lambda cl: bool(frontsheet.labels_of(cl)))
    if seg.title_at is not None:
        head = lines[seg.title_at - seg.start]
        title = _plan_title(head.text)
        ref = headings.rx("plan_title_reference").search(title)
        if ref is not None:
            # "Community Alarm (Lifeline Services) KEY/20DEC21/01": the entry's
            # reference, which marks a key decision, after its title
            at = head.text.find(ref.group("ref"))
            col.put("forward_plan_ref", ref.group("ref"), head.line, at)
            col.put("key_decision", True, head.line, at)
            title = title[:ref.start()].rstrip(" -–—")
        if title:
            col.put("title", title, head.line, max(head.text.find(title[:10]), 0))
            frontsheet.title_key(col, title, head)
    scan = frontsheet.scan(scan_lines, col, physical)
    if items and not scan.report and (scan.notice or scan.decision) and scan.kind_line \
            and scan.kind_line > items[0]["line"] and not scan.notice_labels \
            and not scan.decision_labels:
        # a "Forward Plan of Decisions ..." line under an agenda's item: the item's
        # business, not the page's kind (the page is the agenda)
        scan.notice = scan.decision = 0
    if items and seg.kind is None and (scan.report
                                       or record_kind(None, scan, None) not in ("report",
                                                                                "meeting")):
        # a report (its front sheet says so), a decision or a notice page, not an
        # agenda: read every line as such
        items = []
        col = Collector(bilingual=evidence.welsh_text)
        scan = frontsheet.scan(lines, col, physical)
    kind = record_kind(seg.kind, scan, items)
    if kind != "meeting" or (seg.kind is None and not items):
        index = index if index is not None else Index(lines)
        exempt.scan(index, col, evidence.nation or nation)
        recommendations.scan(index, col)
        sections.scan(index, col)
        events.scan(index, col)
    elif items:
        # an agenda: its items carry their own restrictions; the rest is read as text
        index = Index(scan_lines)
        exempt.scan(index, col, evidence.nation or nation)
    _urgency_sentence(scan_lines if kind == "meeting" else lines, col)
    if kind != "meeting":
        _stated_in_text(lines, col)
    _further_private_notice(lines, col)
    _general_exception_route(col)
    fm_kind, fm_nation = frontmatter.apply(doc.data, col)
    kind = record_kind(seg.kind, scan, items, declared=fm_kind,
                       minuted=lambda: _exclusion_line(lines) is not None
                       or urgent.found(lines) or bool(_minuted_body(lines)))
    _as_kind(kind, lines, col, fm_nation or evidence.nation or nation)
    if scan.urgency_notice == "general_exception":
        # the page is the general exception notice itself (reg 10(1)(b)): it was made
        # available when it was first published (read by its kind: a notice's date)
        fv = col.fields.get("notice_first_published")
        if fv is not None and "general_exception_notice_published" not in col.fields:
            col.fields["general_exception_notice_published"] = fv
    _bare_names(col)
    route, key = col.fields.get("urgency_route"), col.fields.get("key_decision")
    if route is not None and route.value == "unspecified" and key is not None \
            and key.value is False and not _urgency_procedures_said(lines):
        # "Urgent item?: Yes" on a non-key decision: urgent for call-in, not a key
        # decision's urgency route (regs 10-11 are about key decisions); a page that
        # says the decision is taken under the urgency procedures relies on them
        del col.fields["urgency_route"]
    if kind == "notice":
        _call_in_in_text(lines, col)
    if kind == "meeting":
        agenda.meeting_title(col)
        if items:
            at = next(cl for cl in lines if cl.number == items[0]["line"])
            col.put("agenda_items", items, at.line, 0)
            _item_paragraphs(items, lines, col)
    proposal = _exclusion_proposal(lines) if kind == "meeting" else None
    if kind in ("meeting", "decision") and "exempt" not in col.fields \
            and not (proposal is not None and proposal[2]):
        _exclusion(lines, col)
    if proposal is not None:
        col.put("exclusion_proposed", True, proposal[0].line, proposal[1])
    if kind == "meeting" and "exempt" not in col.fields:
        _exempt_item(lines, col)
    if kind == "meeting" and "exempt" not in col.fields:
        _exempt_part_stated(lines, col)
    if kind == "meeting" and "exempt" not in col.fields:
        _no_exempt_business(lines, col)
    if kind == "meeting":
        urgent.scan(lines, col)
        _closed_to_public(lines, col)
    if "restriction_reasons_page" in col.fields and "exempt" not in col.fields:
        _restricted_how_much(lines, col)

    first = next((cl.line for cl in lines if cl.text.strip()), None)
    line_no = first.number if first else 1
    if seg.kind is None and scan.kind_line and not items:
        line_no = scan.kind_line
    page = next((cl.line.page for cl in lines if cl.number == line_no), None)
    fields = {name: FieldValue(value=f.value, line=f.line, column=f.column, text=f.text,
                               page=f.page)
              for name, f in col.fields.items()}
    record = Record(kind=kind, path=doc.path, nation=fm_nation or evidence.nation or nation,
                    line=line_no, page=page, fields=fields)
    return record, col.notes


def _key_decision_from_section(lines, tables, seg, record) -> None:
    """A table row under a section heading that says its entries are (or are not) key
    decisions ("Chief Officer Delegated Decision - KEY DECISION"): the row's record
    takes the heading's word, unless the row answers itself (:mod:`.columns`)."""
    from govcheck.model import FieldValue

    if "key_decision" in record.fields:
        return
    for t in tables:
        got = next((v for k, v in t.key.items() if seg.start <= k < seg.end), None)
        if got is not None:
            answer, at = got
            cl = lines[at]
            record.fields["key_decision"] = FieldValue(
                value=answer, line=cl.number, column=len(cl.text) - len(cl.text.lstrip()) + 1,
                text=cl.text.strip(), page=cl.line.page)
            return


def _key_decision_from_heading(lines, records) -> None:
    """A document headed "Forward Plan of Key Decisions" or "Notice of Key Decision"
    says each of its notices is a key decision: a notice that does not state it takes
    the heading's word for it, pointing at the heading."""
    from govcheck.extract import headings
    from govcheck.model import FieldValue

    notices = [r for r in records if r.kind == "notice" and "key_decision" not in r.fields]
    if not notices:
        return
    for cl in lines[:6]:
        m = headings.rx("key_decision_plan").search(cl.text)
        if m:
            fv = FieldValue(value=True, line=cl.number, column=m.start() + 1,
                            text=cl.text.strip(), page=cl.line.page)
            for r in notices:
                r.fields["key_decision"] = fv
            return


def _from_decisions_heading(lines, records) -> None:
    """A page headed by the decisions a body made at a meeting ("Decisions made at
    Executive meeting – 12 June 2017", headings.yaml ``decisions_made``): each decision
    on it that does not say otherwise was made by that body on that day, and was
    published on the day a line under the heading gives ("Published Thursday 15 June
    2017", headings.yaml ``published_line``)."""
    from govcheck.dates import parse_date
    from govcheck.extract import headings
    from govcheck.model import FieldValue

    decisions = [r for r in records if r.kind == "decision"]
    if not decisions:
        return
    head = published = None
    for cl in lines[:6]:
        m = headings.rx("decisions_made").match(cl.text)
        if m and head is None:
            head = (cl, m)
            continue
        p = headings.rx("published_line").match(cl.text) if head is not None else None
        if p and published is None:
            published = (cl, p)
    if head is None:
        return
    cl, m = head
    pd = parse_date(m.group("d"))

    def fv(value, line, at):
        return FieldValue(value=value, line=line.number, column=at + 1,
                          text=line.text.strip(), page=line.line.page)

    given = [("decision_maker", " ".join(m.group("b").split()), cl, m.start("b"))]
    if pd is not None:
        given.append(("decision_date", pd.value, cl, m.start("d")))
    if published is not None:
        ppd = parse_date(published[1].group("d"))
        if ppd is not None:
            given.append(("publication_date", ppd.value, published[0],
                          published[1].start("d")))
    for r in decisions:
        for name, value, line, at in given:
            if name not in r.fields:
                r.fields[name] = fv(value, line, at)


def _without_place(col: Collector, named_body: bool) -> None:
    """A body named with its council's place in front ("South Hams Executive - Thursday,
    6th June, 2024") is the body ("Executive"); the field still points at the name.
    Outside Scotland (``named_body`` false) a meeting headed by the council's own name
    ("Mid Suffolk Council - Thursday, 23rd June, 2022"), or by the words of a council
    alone ("County Council"), is the Council's."""
    from govcheck.extract.nation import is_council_name, is_council_words, without_place

    fv = col.fields.get("body")
    if fv is None or not isinstance(fv.value, str):
        return
    if not named_body and (is_council_name(fv.value) or is_council_words(fv.value)) \
            and fv.value.strip().lower() != "council":
        # "Mid Suffolk Council", "County Council" heading a meeting: the full council
        col.fields["body"] = type(fv)("Council", fv.line, fv.column, fv.text, fv.page)
        return
    short = without_place(fv.value)
    if short != fv.value:
        col.fields["body"] = type(fv)(short, fv.line, fv.column + len(fv.value) - len(short),
                                      fv.text, fv.page)


def _move(col: Collector, old: str, new: str) -> None:
    if old in col.fields and new not in col.fields:
        col.fields[new] = col.fields.pop(old)


def _as_kind(kind: str, lines, col: Collector, nation: str = "england") -> None:
    """What a value means once the record's kind is known: a meeting's "Cabinet - 4
    April 2024" heading names its body, not a decision maker; a bare "Date:" is a
    meeting's date or a decision's date, not a report's.  A meeting's page that shows
    its body or date only as a line of its own near the top ("CABINET", "Thursday, 11th
    June, 2009 10.00 am", "... held on 25th June 2015") gives them."""
    if kind == "meeting":
        _move(col, "decision_maker", "body")
        # a meeting's body read twice ("Policy And Resources Committee - 28/09/2020" and
        # "At a MEETING of the POLICY AND RESOURCES COMMITTEE"): it is the body
        dm, body = col.fields.get("decision_maker"), col.fields.get("body")
        if dm is not None and body is not None and str(dm.value).lower() == \
                str(body.value).lower():
            del col.fields["decision_maker"]
        _move(col, "report_date", "meeting_date")
        if "body" not in col.fields:
            _body_acted(lines, col)
        # a meeting page headed only by the council's name is a meeting of the council
        # in Scotland, where the full council meets under its name ("Fife Council");
        # elsewhere the name heads the council's papers, whatever body meets
        named_body = nation == "scotland"
        council = col.fields.get("council")
        if council is not None and "body" not in col.fields and named_body:
            col.fields["body"] = council
        if "body" not in col.fields or "meeting_date" not in col.fields:
            _meeting_head(lines, col, named_body)
        if "body" not in col.fields:
            _minutes_approved_by(lines, col)
        if "body" not in col.fields:
            _welcome_to_meeting(lines, col)
        if "body" not in col.fields and "meeting_date" not in col.fields:
            _attendance_link(lines, col)
        if "body" not in col.fields:
            _body_asked(lines, col)
        if "body" not in col.fields:
            _body_minuted(lines, col, named_body)
        _without_place(col, named_body)
        _agenda_published(lines, col)
    elif kind == "notice":
        _considered_by_decision_maker(lines, col)
        # a notice's "Date:" is the notice's own date, the day it is given: the day
        # it was first published (corpus/LABELLING.md), which its notice period runs from
        _move(col, "report_date", "notice_first_published")
        if "notice_first_published" not in col.fields:
            _notice_signed(lines, col)
    elif kind == "decision":
        _move(col, "report_date", "decision_date")
        _made_at_meeting(col)
        _call_in_in_text(lines, col)
        if "decision_maker" not in col.fields:
            _resolved_by(lines, col)


def _made_at_meeting(col: Collector) -> None:
    """A decision the page says was made at a meeting ("Made at meeting: 20/10/2022 -
    Democratic Services Committee", a ``meeting_ref`` label) was made on the meeting's
    day, when nothing else dates it."""
    from govcheck.extract.labels import match_label

    when = col.fields.get("meeting_date")
    if when is None or "decision_date" in col.fields or not when.text:
        return
    found = match_label(when.text.strip())
    if found is not None and found[0].kind == "meeting_ref":
        col.fields["decision_date"] = when


_PLACE_LEAD_RE = recache.compile(r"^\s*[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2},\s*$")
_ITEM_LINE_RE = recache.compile(r"^\d{1,2}\.\s+[A-Z][a-z]")
_HELD_RE = recache.compile(r"\b(?:held|to\s+be\s+held|meeting)\b[^.]{0,120}?\bon\s+", re.IGNORECASE)


def _call_in_in_text(lines, col: Collector) -> None:
    """A decision that says in its own words whether it may be called in ("this decision
    be deemed urgent and not subject to call-in", "Eligible for call-in to: ..."): what it
    says (``call_in_stated``), the answer when no label gave one, and the sentence as the
    reason when it says why."""
    from govcheck.extract import values

    from govcheck.extract.frontsheet import labels_of

    for cl in lines:
        # a question and its answer ("Is subject to call in?: No") is not a statement
        if "call" not in cl.low or any(spec.field.startswith("call_in")
                                       for spec, *_ in labels_of(cl)):
            continue
        answer = values.call_in_status(cl.text)
        if answer is None:
            continue
        col.put("call_in_stated", answer, cl.line, 0)
        col.put("call_in_eligible", answer, cl.line, 0)     # unless a label answered
        if answer is False:
            _call_in_reason(lines, cl, col)
        return


_BECAUSE_RE = recache.compile(r"\bcall[\s-]?in\b.*?\b(?:as|because|since|for\s+the\s+following"
                         r"\s+reasons?)\b\s*[:,]?\s*(?P<r>.*)$", re.IGNORECASE)


def _call_in_reason(lines, cl, col: Collector) -> None:
    """Why a decision says it is not subject to call-in: the sentence when it says the
    decision is urgent or names the rule that exempts it, or what follows "as",
    "because" ("This decision is not subject to call in as: - a delay would cause the
    Council serious financial loss"), on the same line or, after a colon, the next."""
    m = _BECAUSE_RE.search(cl.text)
    if m is not None:
        reason = m.group("r").strip(" -–•·\t")
        at, line = m.start("r"), cl
        if not reason and cl.text.rstrip().endswith(":"):
            nxt = next((c for c in lines if c.number > cl.number and c.text.strip()), None)
            if nxt is not None:
                reason = nxt.text.strip(" -–•·\t")
                at, line = nxt.text.find(reason[:10]), nxt
        if reason:
            col.put("call_in_exemption_reason", " ".join(reason.split()), line.line, max(at, 0))
            return
    from govcheck import vocabulary

    # the sentence when it says the decision is urgent, or names the provision of the
    # constitution that exempts it (answers.yaml ``call_in_rule_cited``)
    if "urgen" in cl.low or \
            vocabulary.active().groups["answers"]["call_in_rule_cited"].rx.search(cl.text):
        col.put("call_in_exemption_reason", " ".join(cl.text.split()), cl.line, 0)


def _resolved_by(lines, col: Collector) -> None:
    """"The Cabinet resolved to:", "Cabinet agreed:": the body that took the decision
    (headings.yaml ``resolved_by``)."""
    from govcheck.extract import headings

    rx = headings.rx("resolved_by")
    for cl in lines[:60]:
        m = rx.match(cl.text) if len(cl.text) < 200 else None
        if m:
            col.put("decision_maker", " ".join(m.group("b").split()), cl.line, m.start("b"))
            return


def _notice_signed(lines, col: Collector) -> None:
    """A notice given under the regulations ("Notice is given under Regulation 10 ...",
    headings.yaml ``notice_given``) signed by its officer and dated under the signature
    ("DOMINIQUE SYKES", "Director of Legal and Governance", "15 July 2022"): the date,
    on a line of its own under the name and role, is the notice's own date."""
    from govcheck.dates import parse_date
    from govcheck.extract import headings
    from govcheck.extract.frontsheet import labels_of

    given = None
    for k, cl in enumerate(lines):
        if given is None:
            if "given" in cl.low and headings.rx("notice_given").search(cl.text):
                given = k
            continue
        text = cl.text.strip()
        if not text or len(text) > 40 or not text[:1].isdigit():
            continue
        pd = parse_date(text)
        if pd is None or pd.start != 0 or text[pd.end:].strip(" .,"):
            continue
        above = [x for x in lines[given + 1:k] if x.text.strip()]
        # under a signature: the name and role just above, short lines that are no
        # sentence and no label
        sign = above[-2:]
        if len(sign) == 2 and all(len(x.text.strip()) <= 60 and not x.text.rstrip()
                                  .endswith((".", ":")) and not labels_of(x) for x in sign):
            col.put("notice_first_published", pd.value, cl.line,
                    len(cl.text) - len(cl.text.lstrip()))
        return


def _considered_by_decision_maker(lines, col: Collector) -> None:
    """A forward plan entry that names who makes the final decision and gives, for each
    body, the dates it will consider the item ("All dates for consideration by
    Council" then "24 September 2025"; headings.yaml ``consideration_by``): the one
    date given for the decision maker is the decision's."""
    from govcheck import dates
    from govcheck.extract import headings

    dm = col.fields.get("decision_maker")
    if dm is None or "decision_date" in col.fields:
        return
    want = " ".join(str(dm.value).lower().split())
    want = want[4:] if want.startswith("the ") else want
    rx = headings.rx("consideration_by")
    for k, cl in enumerate(lines):
        if "consideration" not in cl.low:
            continue
        m = rx.match(cl.text)
        if m is None or " ".join(m.group("b").lower().split()) != want:
            continue
        answer = next((x for x in lines[k + 1:k + 4] if x.text.strip()), None)
        if answer is None:
            return
        found = dates.find_dates(answer.text)
        if len(found) == 1 and found[0].start == len(answer.text) - len(answer.text.lstrip()):
            col.put("decision_date", found[0].value, answer.line, found[0].start)
        return


def _body_acted(lines, col: Collector) -> None:
    """A meeting's page whose heading does not name its body (a council's letterhead
    at most), but whose decisions or minutes say what a body did ("Cabinet noted the
    inspection findings", "Cabinet received a report"; headings.yaml ``body_acted``):
    that body is the meeting's, when every such line names the same one."""
    from govcheck.extract import headings

    rx = headings.rx("body_acted")
    found = None
    for cl in lines:
        if len(cl.text) > 400:
            continue
        m = rx.match(cl.text)
        if m is None:
            continue
        body = " ".join(m.group("b").split())
        if found is None:
            found = (body, cl, m.start("b"))
        elif body.lower() != found[0].lower():
            return      # several bodies act on this page: none is surely the meeting's
    if found is not None:
        col.put("body", found[0], found[1].line, found[2])


_ASKED_WORDS = ("asked to", "invited to", "requested to", "recommended to")


def _body_asked(lines, col: Collector) -> None:
    """A meeting's page that names no body in a heading, but says what its body is asked
    to do at the meeting ("The Cabinet is asked to consider whether by resolution to
    exclude the public", "Cabinet was asked to agree to start consultation"; headings.yaml
    ``body_asked``): that body is the meeting's, when every such sentence names the same
    one."""
    from govcheck.extract import headings

    rx = None
    found = None
    for cl in lines:
        if not any(w in cl.low for w in _ASKED_WORDS):
            continue
        rx = rx or headings.rx("body_asked")
        for m in rx.finditer(cl.text):
            body = " ".join(m.group("b").split())
            if found is None:
                found = (body, cl, m.start("b"))
            elif body.lower() != found[0].lower():
                return      # several bodies are asked: none is surely the meeting's
    if found is not None:
        col.put("body", found[0], found[1].line, found[2])


_BODY_WORDS = ("council", "cabinet", "executive", "committee", "panel", "board")
_CONFLICT = ("", None, 0)


def _minuted_body(lines):
    """Minutes showing the meeting's body act ("The Council considered a report",
    "Cabinet endorsed that:", "The Chair reminded Council that"; headings.yaml
    ``body_minuted``): ``(body, line, column)`` when every such sentence on the page
    names the same body, ``_CONFLICT`` when they name several, None when there is none."""
    from govcheck.extract import headings

    rx = None
    found = None
    for cl in lines:
        low = cl.low
        if not any(w in low for w in _BODY_WORDS):
            continue
        rx = rx or headings.rx("body_minuted")
        for m in rx.finditer(cl.text):
            g = next(g for g in ("b", "b2", "b3", "b4", "b5") if m.group(g))
            body = " ".join(m.group(g).split())
            if found is None:
                found = (body, cl, m.start(g))
            elif body.lower() != found[0].lower():
                return _CONFLICT    # several bodies act: none is surely the meeting's
    return found


def _body_minuted(lines, col: Collector, named_body: bool) -> None:
    """A meeting's page whose minutes show its body acting, where nothing else names
    it (:func:`_minuted_body`): that body.  In Scotland, where a full council meets
    under its own name, "the Council" acting is the council named on the page, if any."""
    found = _minuted_body(lines)
    if not found or found is _CONFLICT:
        return
    body, cl, at = found
    if named_body and body.lower().endswith("council"):
        council = col.fields.get("council")
        if council is not None:
            col.fields["body"] = council
        return
    col.put("body", body, cl.line, at)


def _attendance_link(lines, col: Collector) -> None:
    """A meeting's page that names its meeting only in the text of its link to the
    attendance ("link to attendance details for the meeting of Cabinet Monday, 4th
    March, 2024 6.00 pm"; headings.yaml ``attendance_link``): its body and date."""
    from govcheck.dates import parse_date
    from govcheck.extract import headings

    rx = headings.rx("attendance_link")
    for cl in lines:
        if "attendance" not in cl.low:
            continue
        m = rx.search(cl.text)
        pd = parse_date(m.group("d")) if m else None
        if pd is not None:
            col.put("body", " ".join(m.group("b").split()), cl.line, m.start("b"))
            col.put("meeting_date", pd.value, cl.line, m.start("d") + pd.start)
            return


def _welcome_to_meeting(lines, col: Collector) -> None:
    """A meeting's page that names its body only in the chair's opening words
    ("Welcome to this meeting of the Planning and Regulatory Committee which is being
    filmed ..."; headings.yaml ``welcome_to_meeting``): that body."""
    from govcheck.extract import headings

    rx = headings.rx("welcome_to_meeting")
    for cl in lines:
        if "welcome" not in cl.low:
            continue
        m = rx.search(cl.text)
        if m:
            col.put("body", " ".join(m.group("b").split()), cl.line, m.start("b"))
            return


def _minutes_approved_by(lines, col: Collector) -> None:
    """Minutes that show no heading naming the body, but a body confirming minutes
    ("4.1 Council CONFIRMED the minutes of the meeting held on 22nd October 2019"):
    only the meeting itself does that, so it is the meeting's body (headings.yaml
    ``minutes_approved_by``); or an item confirming as a correct record the minutes of
    a named body's previous meeting (``own_minutes_confirmed``)."""
    from govcheck.extract import headings

    rx = headings.rx("minutes_approved_by")
    own = headings.rx("own_minutes_confirmed")
    for cl in lines:
        if "minute" not in cl.low or len(cl.text) > 300:
            continue
        m = rx.match(cl.text)
        if m:
            col.put("body", " ".join(m.group("b").split()), cl.line, m.start("b"))
            return
        # "To approve as a correct record the minutes of the meeting of the Executive
        # held on ...": its own previous meeting's minutes
        m = own.search(cl.text) if "record" in cl.low or " meeting " in cl.low else None
        if m:
            g = next(g for g in ("b", "b2", "b3", "b4") if m.group(g))
            col.put("body", " ".join(m.group(g).split()), cl.line, m.start(g))
            return


def _bare_names(col: Collector) -> None:
    """A body's or decision maker's name without what is not the name (headings.yaml
    ``body_qualifier``): "Extraordinary, Cabinet" is the Cabinet; of "Decision Session -
    Executive Member for Transport - Expired, Executive Member for Transport" only the
    one still in use is kept."""
    from govcheck.struct import replace

    from govcheck.extract import headings

    rx = headings.rx("body_qualifier")

    def retired(part: str) -> bool:
        m = rx.search(part)
        return m is not None and m.start() > 0

    for name in ("body", "decision_maker"):
        found = col.fields.get(name)
        if found is None or not isinstance(found.value, str) or not rx.search(found.value):
            continue
        parts = found.value.split(", ")
        live = [p for p in parts if not retired(p)]
        # keep the bodies still in use when some are retired; else the name as read
        parts = live if live and len(live) < len(parts) else [found.value]
        value = ", ".join(k for k in (rx.sub("", p).strip(" ,") for p in parts) if k)
        if value and value != found.value:
            col.fields[name] = replace(found, value=value)


def _meeting_head(lines, col: Collector, named_body: bool = True) -> None:
    from govcheck.dates import parse_date
    from govcheck.extract import headings

    from govcheck.extract.agenda import is_council
    from govcheck.extract.frontsheet import is_item_list_heading

    body_rx = headings.rx("body_name")
    named_council = None
    seen = 0
    items = False
    asked: list = []          # the two non-blank lines above
    for cl in lines:
        text = cl.text
        if not text.strip():
            continue
        seen += 1
        if seen > 8:
            return
        if seen > 1:
            asked = (asked + [prev])[-2:]
        prev = cl
        if not items and (text[:1].isdigit() and _ITEM_LINE_RE.match(text)
                          and not parse_date(text[:20]) or is_item_list_heading(cl)):
            # "1. Attendance and Apologies for Absence", or the list's heading "No.
            # Item": the agenda has begun, and the dates under its items are theirs
            # ("Minutes of meeting on 12 October 2021"), not the meeting's
            items = True
        council_named = named_council is not None and "body" in col.fields \
            and col.fields["body"] is named_council
        if ("body" not in col.fields or council_named) and len(text) < 90:
            m = body_rx.match(text)
            if m and not named_body and is_council(text.strip().title()):
                # "SUFFOLK COUNTY COUNCIL" heading an agenda: the council's letterhead,
                # not the body meeting (outside Scotland)
                m = None
            if m:
                # "EAST AYRSHIRE COUNCIL" then "CABINET": the council's name heads the
                # page, the body's follows it
                col.put("body", " ".join(m.group("b").split()), cl.line, m.start("b"),
                        replace=council_named)
                found = col.fields["body"]
                named_council = found if is_council(text.strip().title()) \
                    and not council_named else None
                continue
        if "body" not in col.fields and seen <= 4 and "meeting of" in cl.low:
            # "Minutes of a meeting of the DEVELOPMENT COMMITTEE held in ..."
            m = headings.rx("meeting_of").match(text)
            if m:
                body = " ".join(m.group("b").split())
                if not named_body and (is_council(body.title())
                                       or headings.rx("council_style").match(body)):
                    # "MINUTES OF THE MEETING OF THE BOROUGH COUNCIL OF WELLINGBOROUGH
                    # HELD AT ...": the council meets as the Council (outside Scotland,
                    # where the full council meets under its name)
                    body = "Council"
                col.put("body", body, cl.line, m.start("b"))
        # a minutes' opening sentence names the room and address before the date
        # ("MINUTES of a Meeting of the ... held in the Trelawny Room, County Hall,
        # Truro, TR1 3AY on Tuesday 15 October 2013 commencing at 10.00 am.")
        if "meeting_date" not in col.fields and not items and (len(text) < 200
                                                 or len(text) < 400 and "held" in cl.low):
            pd = parse_date(text)
            if pd is None:
                continue
            lead = text[:pd.start]
            if "minute" in cl.low and (headings.rx("earlier_minutes").search(text)
                                       or any("minute" in x.low and headings.rx(
                                           "earlier_minutes").search(x.text) for x in asked)):
                # "That the Minutes of the meeting held on 15th May, 2006 be approved",
                # or the minutes' title under "To read, confirm and sign the Minutes of
                # the previous meetings": an earlier meeting's date
                continue
            if "meeting" in lead.lower() and headings.rx("other_body_meeting").search(lead):
                # "... had also considered the report at its meeting on 12 September
                # 2023": another body's meeting
                continue
            # "Glasgow, 8th December 2016.": the place the minutes were taken, then the date
            placed = seen <= 2 and _PLACE_LEAD_RE.match(lead) is not None \
                and not text[pd.end:].strip(" .")
            if lead.strip(" ,.:-–") and not _HELD_RE.search(lead) and not placed \
                    and not lead.strip().lower().rstrip(":") in ("date", "dyddiad"):
                continue
            col.put("meeting_date", pd.value, cl.line, pd.start)
            # "The Cabinet meeting on Tuesday 24 March 2020", "COUNCIL MEETING HELD ON
            # ...": the words before the date name the body
            mb = headings.rx("body_meeting_on").search(lead)
            if mb and "body" not in col.fields and not is_council(mb.group("b").title()):
                col.put("body", " ".join(mb.group("b").split()), cl.line, mb.start("b"))


def _item_paragraphs(items: list[dict], lines, col: Collector) -> None:
    """A meeting whose agenda gives restricted items with their paragraphs: the meeting
    is part exempt, on those paragraphs (each item keeps its own)."""
    restricted = [it for it in items if it.get("restricted")]
    if not restricted:
        return
    at = next(cl for cl in lines if cl.number == restricted[0]["line"])
    if "exempt" not in col.fields:
        col.put("exempt", "part", at.line, 0)
    paras = [p for it in restricted for p in it.get("paragraphs") or []]
    if paras and "exempt_paragraphs" not in col.fields:
        col.put("exempt_paragraphs", list(dict.fromkeys(paras)), at.line, 0)


def _exclusion_line(lines):
    """Where a resolution excluding the press and public (s100A(4); Scotland s50A(4))
    is first recorded: ``(line, column)``, or None when there is none, when the meeting
    resolved not to exclude them after all (or to hear the matter in public,
    ``heard_in_public``), or when the page only asks whether to exclude them (a standing
    item under an "Exclusion of the press and public" heading; citations.yaml
    ``exclusion_considered``)."""
    from govcheck import vocabulary

    from govcheck.extract import headings

    cites = vocabulary.active().groups["citations"]
    nothing = vocabulary.active().groups["answers"]["none"].rx
    # a decision list's item titled "Exclusion of Press and Public": a heading too
    listed = headings.rx("list_item").match
    resolution = heading = None
    asked = False
    for k, cl in enumerate(lines):
        low = cl.low
        if "in public" in low and cites["heard_in_public"].rx.search(cl.text):
            return None
        if "exclu" not in low and "private" not in low and "(4)" not in low:
            continue
        if cites["not_excluded"].rx.search(cl.text):
            return None
        if "no" in low and cites["no_exempt_business"].rx.search(cl.text):
            # "There were no items to consider in private session.": nothing was private
            continue
        if cites["exclusion_considered"].rx.search(cl.text):
            asked = True
            continue
        m = resolution is None and cites["exclusion"].rx.search(cl.text)
        if m:
            if (len(cl.text.strip()) < 60 or listed(cl.text)) and heading is None:
                # a "Private Business" heading with "Nil" under it: nothing was private
                after = next((x for x in lines[k + 1:k + 4] if x.text.strip()), None)
                if after is not None and nothing.match(after.text.strip()):
                    continue
                heading = (cl, m.start())
            elif len(cl.text.strip()) >= 60:
                resolution = (cl, m.start())
    return resolution or (None if asked else heading)


def _agenda_published(lines, col: Collector) -> None:
    """The day an agenda was published, from its pages' running footer ("Strategy and
    Resources Committee Agenda Published: 02 December 2020"; headings.yaml
    ``agenda_footer``) when no label gave it; and the agenda's publication date is the
    meeting record's (``publication_date``), unless the page gives that itself."""
    from govcheck import dates
    from govcheck.extract import headings

    if "agenda_published" not in col.fields:
        rx = headings.rx("agenda_footer")
        for cl in lines:
            if "agenda" not in cl.low or len(cl.text) > 160:
                continue
            m = rx.match(cl.text)
            pd = dates.parse_date(m.group("d")) if m else None
            if pd is not None:
                col.put("agenda_published", pd.value, cl.line, m.start("d"))
                break
    if "agenda_published" in col.fields and "publication_date" not in col.fields:
        col.fields["publication_date"] = col.fields["agenda_published"]


def _exclusion_proposal(lines):
    """An agenda that prints its resolution to exclude the public only as one to be
    moved ("the following resolution may be proposed", "to consider passing the
    following resolution"; citations.yaml ``exclusion_proposed``, on the resolution's
    line or one of the three before it) and records no proceedings (no "Minutes:", no
    "RESOLVED", nobody recorded as excluded: ``proceedings_recorded``): an intention,
    not a resolution passed.  ``(line, column, standby)`` of the first such resolution,
    ``standby`` when it is to be moved only if debate calls for it
    (``exclusion_standby``): then no business is shown to be private.  None when the
    page records an exclusion, or shows one not worded as a proposal."""
    from govcheck import vocabulary

    cites = vocabulary.active().groups["citations"]
    exclusion, proposed = cites["exclusion"].rx, cites["exclusion_proposed"].rx
    standby, recorded = cites["exclusion_standby"].rx, cites["proceedings_recorded"].rx
    considered = cites["exclusion_considered"].rx
    found = None
    for k, cl in enumerate(lines):
        if recorded.search(cl.text):
            return None
        if len(cl.text.strip()) < 60 or not exclusion.search(cl.text) \
                or considered.search(cl.text):
            # a heading, or the question whether to exclude them (a standing item)
            continue
        window = [cl] + [x for x in lines[max(0, k - 6):k] if x.text.strip()][-3:]
        at = next(((x, m.start()) for x in window
                   for m in [proposed.search(x.text)] if m), None)
        if at is None:
            # an exclusion on the page not worded as a proposal
            return None
        if found is None:
            found = (at[0], at[1], any(standby.search(x.text) for x in window))
    return found


def _exempt_item(lines, col: Collector) -> None:
    """A meeting's item marked exempt with its paragraph ("(Exempt – Paragraph 3 of Part
    1 of Schedule 12A ...)", citations.yaml ``exempt_item_marker``): that part of the
    meeting was private."""
    from govcheck import vocabulary

    entry = vocabulary.active().groups["citations"]["exempt_item_marker"]
    for cl in lines:
        if "para" in cl.low and entry.rx.match(cl.text):
            col.put("exempt", entry.value, cl.line, len(cl.text) - len(cl.text.lstrip()))
            return


def _exempt_part_stated(lines, col: Collector) -> None:
    """A meeting's page that says part of an item's papers is exempt ("there is an
    appendix to this report listed later in the agenda which is exempt from
    publication"; citations.yaml ``exempt_part_stated``): part of its business is
    exempt.  Where the page's text is cut short after it, the item that states the
    grounds may be where the text stops (``exempt_grounds_elsewhere``)."""
    from govcheck import vocabulary

    entry = vocabulary.active().groups["citations"]["exempt_part_stated"]
    cut = vocabulary.active().groups["answers"]["cut_short"].rx
    for k, cl in enumerate(lines):
        if "exempt" not in cl.low and "confidential" not in cl.low \
                and "restricted" not in cl.low and "publication" not in cl.low \
                and "excluded item" not in cl.low:
            continue
        m = entry.rx.search(cl.text)
        if m is None:
            continue
        col.put("exempt", entry.value, cl.line, m.start())
        if not col.has("exempt_paragraphs") and any(cut.search(x.text) for x in lines[k:]):
            col.put("exempt_grounds_elsewhere", True, cl.line, m.start())
        return


def _no_exempt_business(lines, col: Collector) -> None:
    """Minutes that say the meeting had no exempt business ("There was no exempt
    information."; citations.yaml ``no_exempt_business``) and record no exclusion: none
    of the meeting was private."""
    from govcheck import vocabulary

    cites = vocabulary.active().groups["citations"]
    entry = cites["no_exempt_business"]
    heading = cites["private_business_heading"]
    for k, cl in enumerate(lines):
        if len(cl.text) < 40 and ("private" in cl.low or "exempt" in cl.low
                                  or "confidential" in cl.low or "part" in cl.low) \
                and heading.rx.match(cl.text):
            # "Private Business" with "Nil" under it: the answer on the next line
            after = next((x for x in lines[k + 1:k + 4] if x.text.strip()), None)
            nothing = vocabulary.active().groups["answers"]["none"].rx
            if after is not None and len(after.text) < 20 and nothing.match(after.text.strip()):
                col.put("exempt", heading.value, cl.line, len(cl.text) - len(cl.text.lstrip()))
                return
        if "no" not in cl.low and "nil" not in cl.low:
            continue
        m = entry.rx.search(cl.text)
        if m is not None:
            col.put("exempt", entry.value, cl.line, m.start())
            return
    _public_session_only(lines, col)


# a sentence naming one of these gives, or may describe, a statutory ground for excluding
# the public: the words of Schedule 12A's descriptions of exempt information too
# ("personal information about individuals", "commercially sensitive")
_GROUND_WORDS = ("exempt", "confidential", "12a", "7a", "paragraph", "100a", "100 a",
                 "item", "exclu", "personal", "individual", "commercial", "sensitive",
                 "financial", "business affairs", "legal", "privilege", "labour relations",
                 "negotiation", "crime", "criminal", "identity", "identif")


def _closed_to_public(lines, col: Collector) -> None:
    """A page saying the meeting as a whole is not open to the public, or was arranged
    as a private meeting, for a stated reason that is not confidential or exempt
    information (citations.yaml ``meeting_closed_to_public``): the sentence, kept for
    the finding to quote."""
    from govcheck import vocabulary
    from govcheck.extract.text import sentence_at

    rx = vocabulary.active().groups["citations"]["meeting_closed_to_public"].rx
    for cl in lines:
        low = cl.low
        if "private meeting" not in low and "open to the" not in low and "closed to the" not in low:
            continue
        m = rx.search(cl.text)
        if m is None:
            continue
        said = sentence_at(cl.text, m.start())
        head = said.find(":", 0, 20)
        if head > 0 and said[:head].replace(" ", "").isalpha():
            said = said[head + 1:].strip()      # "Note: The Cabinet meeting ..."
        if any(w in said.lower() for w in _GROUND_WORDS):
            continue
        col.put("closed_to_public", said, cl.line, m.start())
        return


_PRIVATE_WORDS = ("private", "exempt", "confidential", "exclu", "part ii", "part 2",
                  "closed session", "12a", "7a")


def _public_session_only(lines, col: Collector) -> None:
    """An agenda headed as a public session open to the public and press ("Agenda -
    Public Session (Meeting open to the public and press)"; citations.yaml
    ``public_session_only``) with nothing on the page about a private session, exempt
    business or excluding the public: none of the meeting was private."""
    from govcheck import vocabulary

    entry = vocabulary.active().groups["citations"]["public_session_only"]
    found = next((cl for cl in lines if "public session" in cl.low
                  and entry.rx.match(cl.text)), None)
    if found is None or any(w in cl.low for cl in lines for w in _PRIVATE_WORDS):
        return      # a private part may follow, or the page speaks of one
    col.put("exempt", entry.value, found.line, len(found.text) - len(found.text.lstrip()))


def _only_a_heading(lines, at, cites) -> bool:
    """Whether the exclusion at line ``at`` is a list of decisions' item titled
    "Exclusion of Press and Public" and no other line on the page speaks of it (a
    minutes page's heading is not: its resolution may be worded in a way not read)."""
    from govcheck.extract import headings

    if not headings.rx("list_item").match(at.text.strip()):
        return False
    rx = cites["exclusion"].rx
    return not any(rx.search(cl.text) for cl in lines if cl.number > at.number)


def _excluded_how_much(lines, at, cites) -> str:
    """``full`` where the page shows one item of a meeting (headings.yaml
    ``meeting_item``: "Meeting: 09/12/2020 - Executive Committee (Item 26)") and the
    resolution excludes the public for that item ("whilst this item of business is
    transacted"; citations.yaml ``exclusion_this_item``): all the business the page
    records was private.  Else ``part``: the exclusion was for some of the meeting."""
    from govcheck.extract import headings

    this = cites["exclusion_this_item"]
    if "this item" not in at.low or this.rx.search(at.text) is None:
        return cites["exclusion"].value
    item = headings.rx("meeting_item")
    # "(Item 26)", Welsh "(Eitem 26)": the word test keeps the expression off most lines
    shown = sum(1 for cl in lines if "item" in cl.low and ("meeting" in cl.low
                or "cyfarfod" in cl.low) and item.match(cl.text))
    return this.value if shown == 1 else cites["exclusion"].value


def _exclusion(lines, col: Collector, found=None) -> None:
    """A meeting that excluded the press and public held part of its business in
    private: ``exempt`` is ``part``, read from the first line that says so."""
    from govcheck import vocabulary

    found = found if found is not None else _exclusion_line(lines)
    if found is not None:
        cites = vocabulary.active().groups["citations"]
        col.put("exempt", _excluded_how_much(lines, found[0], cites), found[0].line, found[1])
        # the resolution cut short (a copy of the page that ends "[...]"): its grounds
        # may follow where the text stops
        cut = vocabulary.active().groups["answers"]["cut_short"].rx
        if not col.has("exempt_paragraphs") and any(
                cut.search(cl.text) for cl in lines if cl.number >= found[0].number):
            col.put("exempt_grounds_elsewhere", True, found[0].line, found[1])
        elif not col.has("exempt_paragraphs") and _only_a_heading(lines, found[0], cites):
            # the exclusion is recorded by its title alone ("Exclusion of Press and
            # Public" in a list of decisions): its grounds are in the minutes, not here
            col.put("exempt_grounds_elsewhere", True, found[0].line, found[1])
        elif not col.has("exempt_paragraphs"):
            # the resolution describes the exempt information by reference ("as
            # indicated against each item"): the paragraphs are stated there
            at = next(k for k, cl in enumerate(lines) if cl.number == found[0].number)
            ref = cites["exempt_grounds_referenced"].rx
            for cl in [lines[at]] + [x for x in lines[at + 1:at + 4] if x.text.strip()][:1]:
                m = ref.search(cl.text)
                if m is not None:
                    col.put("exempt_grounds_referenced", True, cl.line, m.start())
                    break


_WHOLLY_RE = recache.compile(r"\b(?:wholly|entirely|fully|whole\s+(?:of\s+(?:the|this)\s+)?"
                       r"(?:report|item))\b", re.IGNORECASE)
_RESTRICTED_WORD_RE = recache.compile(r"\b(?:exempt|confidential|restricted|private|publication)\b",
                                 re.IGNORECASE)
_NOT_FOR_PUBLICATION_RE = recache.compile(r"\bnot\s+for\s+publication\b", re.IGNORECASE)
_PART_OF_RE = recache.compile(r"\b(?:appendix|appendices|annex|part\s+of|section\s+\d)", re.IGNORECASE)


def _restricted_how_much(lines, col: Collector) -> None:
    """A page giving the reasons a report is restricted says, in its explanation, how
    much of it is: "The report is wholly confidential" (full), "The exempt appendix will
    set out ..." (part, answers.yaml ``partly``).  Read from the first sentence that
    speaks of the restriction; nothing when none says."""
    from govcheck import vocabulary

    partly = vocabulary.active().groups["answers"]["partly"].rx
    for cl in lines:
        if not _RESTRICTED_WORD_RE.search(cl.text):
            continue
        if "schedule" in cl.low:
            # a citation says how much only when it marks the document itself: "NOT FOR
            # PUBLICATION BY VIRTUE OF PARAGRAPH(S) 9 OF SCHEDULE 7A ..."
            m = _NOT_FOR_PUBLICATION_RE.match(cl.text.strip())
            if m is not None and not _PART_OF_RE.search(cl.text):
                col.put("exempt", "full", cl.line, len(cl.text) - len(cl.text.lstrip()))
                return
            continue
        m = _WHOLLY_RE.search(cl.text)
        if m is not None:
            col.put("exempt", "full", cl.line, m.start())
            return
        m = partly.search(cl.text)
        if m is not None:
            col.put("exempt", "part", cl.line, m.start())
            return


def _urgency_procedures_said(lines: list["CLine"]) -> bool:
    """Whether the page says in a sentence that the decision is taken under the urgency
    procedures (citations.yaml ``urgency_procedures``)."""
    from govcheck import vocabulary

    rx = vocabulary.active().groups["citations"]["urgency_procedures"].rx
    return any(rx.search(cl.text) for cl in lines if "urgen" in cl.low or "28 day" in cl.low)


def _urgency_sentence(lines: list["CLine"], col: Collector) -> None:
    """"This decision will be taken under urgency procedures.": the route a page relies
    on when no label gave one (citations.yaml ``urgency_procedures``); the route the
    sentence names, else unspecified."""
    from govcheck import vocabulary
    from govcheck.extract import values
    from govcheck.extract.text import sentence_at

    had = col.fields.get("urgency_route")
    if had is not None and had.value != "unspecified":
        return
    rx = vocabulary.active().groups["citations"]["urgency_procedures"].rx
    for cl in lines:
        if "urgen" not in cl.low and "exception" not in cl.low and "late key" not in cl.low \
                and "28 day" not in cl.low:
            continue
        m = rx.search(cl.text)
        if m is not None:
            route = values.urgency_route(m.group(0))
            if had is not None:
                # a label's reason that names no route ("Reason for urgency: ..."): a
                # sentence naming the route ("to be taken in accordance with Rule D16
                # (Special Urgency)") says which; one that names none adds nothing
                if route != "unspecified":
                    col.put("urgency_route", route, cl.line, m.start(), replace=True)
                    return
                continue
            if route == "unspecified":
                # the sentence names the route only by who agreed ("the relevant
                # Scrutiny Board Chairman's permission was sought and given to allow
                # this item to proceed despite not meeting the 28 days' notice"), and
                # names no other
                said = sentence_at(cl.text, m.start())
                cites = vocabulary.active().groups["citations"]
                if cites["special_urgency"].rx.search(said) \
                        and not cites["general_exception"].rx.search(said):
                    route = cites["special_urgency"].value
            col.put("urgency_route", route, cl.line, m.start())
            # its reason, when the same paragraph gives one ("The reason is ...")
            why = vocabulary.active().groups["citations"]["urgency_reason_sentence"].rx
            r = why.search(cl.text, m.end())
            if r is not None and "urgency_reason" not in col.fields:
                col.put("urgency_reason", r.group("r").strip(), cl.line, r.start("r"))
            return


def _stated_in_text(lines: list["CLine"], col: Collector) -> None:
    """What a page says of its decision in its own words, not by a label: that it is
    a key decision or not ("this late key decision", "(Non-key decision):";
    citations.yaml ``key_decision_stated``, ``non_key_decision_stated``), and at which
    meeting, on which day, it will be taken ("intention to make a key decision at its
    Cabinet meeting on Thursday 20 February 2014"; ``decision_meeting_sentence``).  A
    label's answer wins over either."""
    from govcheck import vocabulary
    from govcheck.dates import parse_date

    cites = vocabulary.active().groups["citations"]
    want_key = "key_decision" not in col.fields
    want_date = "decision_date" not in col.fields
    for cl in lines:
        low = cl.low
        made = "be made" in low or "be taken" in low
        if "key decision" not in low and "key-decision" not in low and "meeting" not in low \
                and " key " not in low and not made:
            continue
        if want_key:
            for name in ("non_key_decision_stated", "key_decision_stated"):
                m = cites[name].rx.search(cl.text)
                if m is not None:
                    col.put("key_decision", cites[name].value, cl.line, m.start())
                    want_key = False
                    break
        if want_date and ("meeting" in low or made):
            for m in cites["decision_meeting_sentence"].rx.finditer(cl.text):
                # the body, whichever of the patterns' groups b, b2, b3, b4 named it
                name = next((k for k, v in m.groupdict().items() if v and k[:1] == "b"), None)
                if name is not None and "decision_maker" not in col.fields:
                    col.put("decision_maker", " ".join(m.group(name).split()), cl.line,
                            m.start(name))
                pd = parse_date(cl.text[m.end():])
                if pd is None or pd.start != 0:
                    # "on 2nd November": no year, no date; the body is still named
                    continue
                col.put("decision_date", pd.value, cl.line, m.end())
                want_date = False
                break
        if not want_key and not want_date:
            return


def _further_private_notice(lines: list["CLine"], col: Collector) -> None:
    """A page that says it is the five-clear-day further notice of a private meeting
    (SI 2012/2089 reg 5(4); citations.yaml ``further_private_notice``), and what it says
    about representations that the meeting should be open (``private_representations``,
    the sentence)."""
    from govcheck import vocabulary
    from govcheck.extract.text import sentence_at

    cites = vocabulary.active().groups["citations"]
    notice, said = cites["further_private_notice"].rx, cites["private_representations"].rx
    for cl in lines:
        low = cl.low
        if "private_further_notice" not in col.fields and (
                "notice" in low or "5(4)" in low or "5 (4)" in low):
            m = notice.search(cl.text)
            if m is not None:
                col.put("private_further_notice", True, cl.line, m.start())
        if "private_representations" not in col.fields and "representation" in low:
            m = said.search(cl.text)
            if m is not None:
                col.put("private_representations", sentence_at(cl.text, m.start()),
                        cl.line, m.start())


def _general_exception_route(col: Collector) -> None:
    """A general exception notice that the document dates is the route it relies on,
    unless it names another: the route is read from that line."""
    ge = col.fields.get("general_exception_notice_published")
    route = col.fields.get("urgency_route")
    if ge is not None and (route is None or route.value == "unspecified"):
        col.fields["urgency_route"] = type(ge)("general_exception", ge.line, ge.column,
                                               ge.text, ge.page)


def record_kind(split_kind, scan, items, declared=None, minuted=lambda: False) -> str:
    """The kind of a record (report, decision, notice, meeting): the one place it is
    decided.  In order: the kind the document's split gave it (a forward plan item is
    a notice, a pack's agenda a meeting); the kind declared in Markdown front matter;
    a heading that marks it ("Decision details", "Issue details", headings.yaml); a
    report's front sheet ("Report to", its questions); labels that mark a decision
    ("Effective from") or a notice ("Decision due"); agenda items or an agenda
    heading; a resolution excluding the press and public, or urgent business taken
    (only a meeting passes or takes them); else a report."""
    if split_kind:
        return split_kind
    if declared:
        return declared
    if scan.decision:
        return "decision"
    if scan.notice:
        return "notice"
    if scan.report:
        return "report"
    if scan.list_items:
        # "19/02/2025 - Grant award": a decision list's item, unless its labels are a
        # forthcoming decision's ("Decision due date:", "Notice of decision:")
        return "notice" if scan.notice_labels > scan.decision_labels else "decision"
    if scan.decision_labels:
        return "decision"
    if scan.notice_labels:
        return "notice"
    if scan.meeting or items or scan.meeting_labels or minuted():
        return "meeting"
    return "report"


def _plan_title(text: str) -> str:
    t = " ".join(text.split())
    for tail in (" New!", " NEW!", " New"):
        if t.endswith(tail):
            t = t[:-len(tail)].rstrip()
    return t


def _norm(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _from_agenda(meeting, reports) -> None:
    """Link the agenda's items to the reports, and give each report the meeting date
    and decision maker it does not state itself."""
    from govcheck.model import FieldValue

    items = meeting.get("agenda_items") or []
    for item in items:
        t = _norm(item["title"])
        for r in reports:
            rt = _norm(r.get("title") or "")
            if (rt and rt == t) or (len(rt) >= 8 and len(t) >= 8
                                    and (t.startswith(rt) or rt.startswith(t))):
                item["report_line"] = r.line
                if item.get("paragraphs") and "agenda_paragraphs" not in r.fields:
                    r.fields["agenda_paragraphs"] = FieldValue(
                        value=list(item["paragraphs"]), line=item["line"], column=1,
                        text=item["title"][:100])
                break
    for r in reports:
        for name, source in (("meeting_date", "meeting_date"), ("decision_maker", "body"),
                             ("council", "council")):
            fv = meeting.fields.get(source)
            if fv is not None and name not in r.fields:
                r.fields[name] = FieldValue(value=fv.value, line=fv.line, column=fv.column,
                                            text=fv.text, page=fv.page)


def extract(doc: "Document", nation: str = "england") -> list["Record"]:
    """The records in ``doc`` (see :func:`extract_with_notes` for the notes)."""
    return extract_with_notes(doc, nation)[0]
