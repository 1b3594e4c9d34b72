"""Where one record ends and the next begins in a document that holds several.

* An agenda pack: an agenda followed by reports.  A report starts at its front sheet:
  a run of front-sheet labels (``Subject:``, ``Report of:``, ``Is this a key
  decision?``...) holding at least three of the report fields and one of the front-sheet
  questions or a "Report to ..." heading.  A later such run starts a new report when it
  repeats fields the current report already has (a second ``Subject:``, a second key
  decision question), or opens with a "Report to ..." / "Agenda Item N" heading.  The
  report begins at the heading lines just above its labels (the council's name, "Report
  to Cabinet", the date, "Agenda Item 5"), and at the top of its page in a PDF.  What
  comes before the first report is the agenda (a ``meeting`` record) when it lists
  items or has an agenda heading; otherwise it is the first report's cover.
* A ModernGov forward plan page (``page_type`` ``mgListPlanItems``): one notice per
  plan item, each starting at its ``h2`` heading.
* Anything else is one record, as it always was: a single report with an agenda-like
  heading ("Agenda item 7", "Meeting: ...") is not split.

A Welsh line and its English twin on a bilingual front sheet are one run of labels, so
a bilingual report is not split either.
"""

from __future__ import annotations

import re

from govcheck import recache
from govcheck.dates import parse_date
from govcheck.extract import agenda, headings
from govcheck.extract.frontsheet import labels_of
from govcheck.extract.text import CLine
from govcheck.struct import struct

__all__ = ["Segment", "split"]

# the fields a report's front sheet gives, and the questions only a front sheet asks
_REPORT_FIELDS = frozenset({"title", "report_of", "author", "portfolio", "key_decision",
                            "call_in_eligible", "exempt", "wards", "forward_plan_ref",
                            "decision_maker", "meeting_date", "exempt_paragraphs",
                            "notice_first_published", "urgency_reason"})
_QUESTIONS = frozenset({"key_decision", "call_in_eligible", "exempt", "wards"})
# asked once on a front sheet: asked again, a new front sheet has begun
_STRONG = frozenset({"title", "key_decision", "call_in_eligible", "exempt", "report_of",
                     "forward_plan_ref"})
_TWIN = 3         # a Welsh label and its English twin are at most this many lines apart
_GAP = 4          # non-label lines allowed inside one run of labels
_BACK = 8         # lines looked at above a run for its heading
_HEADING = "heading"   # the pseudo-field of a "Report to ..." heading
_DATE_LINE_LEAD = recache.compile(r"^\s*(?:(?:date|dyddiad)\s*:?\s*)?$", re.IGNORECASE)


@struct(frozen=True, slots=True)
class Segment:
    """``lines[start:end]`` holds one record.  ``kind`` is the kind the split decided
    (None: decide from the content); ``title_at`` the index of a line that is the
    record's title (a forward plan item's heading); ``row`` that the record is a row of
    a table whose header labels its cells (:mod:`.columns`): a later row is a record of
    the first row's kind."""

    kind: str | None
    start: int
    end: int
    title_at: int | None = None
    row: bool = False


def _report_heading(cl: CLine) -> bool:
    return headings.report_heading(cl.text) is not None


def _heading_line(cl: CLine) -> bool:
    """A line that may head a front sheet: the council, "Report to ...", a date,
    "Agenda Item 5"."""
    text = cl.text
    s = text.strip()
    if not s or len(s) > 100:
        return False
    if _report_heading(cl) or agenda.ITEM_HEADER_RE.match(text):
        return True
    c = headings.rx("council_name").match(text)
    if c and c.end() >= len(text.rstrip()) - 1:
        return True
    pd = parse_date(text)
    return pd is not None and bool(_DATE_LINE_LEAD.match(text[:pd.start])) \
        and len(text[pd.end:].strip()) < 25


@struct(slots=True)
class _Run:
    first: int
    last: int
    fields: set
    heading: bool = False
    seen: dict | None = None     # field -> index of the line it was last read on


def _repeats(run: _Run, fields: set, i: int) -> bool:
    """Whether line ``i`` asks again a question the run has asked (a new front sheet),
    rather than being the English twin of the Welsh line just above."""
    seen = run.seen or {}
    return any(i - seen[f] > _TWIN for f in fields & _STRONG if f in seen)


def _runs(lines: list[CLine]) -> list[_Run]:
    """Runs of front-sheet labels that qualify as a front sheet."""
    runs: list[_Run] = []
    cur: _Run | None = None
    gap = 0
    for i, cl in enumerate(lines):
        text = cl.text
        if not text or text.isspace():
            continue
        fields = set()
        if "\t" in text or ":" in text or "?" in text or len(text) < 90:
            for spec, *_ in labels_of(cl):
                if spec.field in _REPORT_FIELDS:
                    # a flag ("Reason Key: ...") implies an answer without asking the
                    # question: it neither asks it again nor counts as a question
                    fields.add("decision_maker" if spec.kind == "report_to"
                               else spec.field + "~" if spec.kind == "flag" else spec.field)
        heading = not fields and ("eport" in text or "EPORT" in text) and _report_heading(cl)
        if heading:
            fields.add(_HEADING)
        if fields:
            if cur is not None and gap <= _GAP and not (heading and cur.fields - {_HEADING}) \
                    and not _repeats(cur, fields, i):
                cur.last = i
                cur.fields |= fields
            else:
                cur = _Run(i, i, set(fields), heading, {})
                runs.append(cur)
            for f in fields:
                cur.seen[f] = i
            gap = 0
        elif cur is not None:
            gap += 1
    out = []
    for r in runs:
        real = r.fields - {_HEADING}
        if len(real) >= 3 and (real & _QUESTIONS or _HEADING in r.fields):
            out.append(r)
    return out


def _start_of(lines: list[CLine], first: int, floor: int) -> int:
    """Where the report whose labels begin at ``first`` begins: the heading lines just
    above them, and the top of the page when only a running header is above."""
    start = first
    j = first - 1
    while j >= max(floor, first - _BACK):
        cl = lines[j]
        if not cl.text.strip():
            j -= 1
            continue
        if _heading_line(cl):
            start = j
            j -= 1
            continue
        break
    line = lines[start].line
    if line.page is not None and line.page_line and line.page_line <= 3:
        k = start
        while k - 1 >= floor and lines[k - 1].line.page == line.page:
            k -= 1
        start = k
    return start


def front_sheets(lines: list[CLine]) -> list[int]:
    """Indices where a report's front sheet (with its headings) begins."""
    runs = _runs(lines)
    if not runs:
        return []
    starts: list[int] = []
    seen: set = set()
    floor = 0
    for r in runs:
        real = r.fields - {_HEADING}
        new = not starts or bool(real & seen & _STRONG) or len(real & seen) >= 2 or r.heading \
            or agenda.ITEM_HEADER_RE.match(lines[max(r.first - 1, 0)].text or "")
        if not starts or (new and r.first > floor):
            start = _start_of(lines, r.first, floor)
            if starts and start <= starts[-1]:
                seen |= real
                continue
            starts.append(start)
            seen = set(real)
        else:
            seen |= real
        floor = r.last + 1
    return starts


def _plan_items(lines: list[CLine]) -> list[Segment]:
    heads = [i for i, cl in enumerate(lines)
             if (cl.line.where or "").startswith("h2") and cl.text.strip()]
    if not heads:
        return [Segment(None, 0, len(lines))]
    out = []
    for k, i in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(lines)
        out.append(Segment("notice", i, end, title_at=i))
    return out


# fields whose label, asked again further down a page, starts the page's next record: a
# list page (ModernGov's decision lists, forward plan and issue history pages)
_ANCHORS = frozenset({"decision_maker", "decision_date", "notice_first_published",
                      "publication_date", "effective_from", "meeting_date", "key_decision",
                      "call_in_eligible"})


def _anchor_fields(cl: CLine) -> set[str]:
    text = cl.text
    if not text or text.isspace() or ("\t" not in text and ":" not in text and "?" not in text):
        return set()
    return {"decision_maker" if spec.kind == "report_to" else spec.field
            for spec, *_ in labels_of(cl)} & _ANCHORS


def _label_fields(cl: CLine) -> set[str]:
    """The fields of every label on a line (a report's "Report to" is its decision
    maker)."""
    text = cl.text
    if not text or text.isspace() or ("\t" not in text and ":" not in text and "?" not in text):
        return set()
    return {"decision_maker" if spec.kind == "report_to" else spec.field
            for spec, *_ in labels_of(cl)}


def _opens_next(cl: CLine, k: int, had: dict[str, int]) -> bool:
    """Whether a label line just above a repeated anchor opens the next record: each of
    its labels asked before, on an earlier line, in the current record."""
    fields = _label_fields(cl)
    if not fields:
        return bool(labels_of(cl))
    return all(had.get(f, k) < k for f in fields)


_NUMBER_LINE_RE = recache.compile(r"\s*(\d{1,3})[.)]?\s*")


def _numbered_items(lines: list[CLine]) -> dict[int, int]:
    """A list whose items are numbered on lines of their own ("1.", "2.", ...), each
    followed by a short title and the item's labels: ``{number line: title line}``, when
    there are at least two such items numbered in sequence; else empty."""
    found: dict[int, int] = {}
    numbers: list[int] = []
    for i, cl in enumerate(lines):
        m = _NUMBER_LINE_RE.fullmatch(cl.text or "")
        if m is None:
            continue
        j = i + 1
        while j < len(lines) and not lines[j].text.strip():
            j += 1
        if j >= len(lines) or len(lines[j].text) > 150 or labels_of(lines[j]):
            continue
        # the item's labels follow its title within a few lines
        if not any(_anchor_fields(lines[k]) for k in range(j + 1, min(len(lines), j + 8))):
            continue
        found[i] = j
        numbers.append(int(m.group(1)))
    if len(found) < 2 or any(b != a + 1 for a, b in zip(numbers, numbers[1:])):
        return {}
    return found


def list_items(lines: list[CLine]) -> list[tuple[int, int | None]]:
    """Where each record of a list page begins, and its title line if it has one (fewer
    than two records: not a list page).

    A record begins at a list item's heading ("06/06/2022 - Grant award ref: 1122
    Recommendations Approved", headings.yaml ``list_item``), or where a label of
    ``_ANCHORS`` is asked a second time (not a Welsh line's English twin, which follows
    within a few lines); the record then begins at its title, the short line above its
    labels (and a "1." numbering line above that)."""
    item_rx = headings.rx("list_item")
    numbered = _numbered_items(lines)
    starts: list[tuple[int, int | None]] = []
    seen: dict[str, int] = {}
    # every label's field the current record has, with the line it first came on: a
    # label above a repeated anchor opens the next record only if it repeats one too
    # (its reference), else it closes this one ("Wards affected:", "Lead officer:" under
    # an entry whose heading is missing)
    had: dict[str, int] = {}
    for i, cl in enumerate(lines):
        text = cl.text
        if i in numbered:
            # "3." on a line of its own, the item's title under it ("Plan items" lists)
            starts.append((i, numbered[i]))
            seen, had = {}, {}
            continue
        if text and len(text) < 300 and text.lstrip()[:1].isdigit() and item_rx.match(text):
            if seen or not starts:
                starts.append((i, None))
            seen, had = {}, {}
            continue
        every = _label_fields(cl)
        fields = every & _ANCHORS
        if not fields:
            for f in every:
                had.setdefault(f, i)
            continue
        if not starts or any(f in seen and i - seen[f] > _TWIN for f in fields):
            first = i      # the first of the labels just above (a reference, say)
            while first - 1 >= 0 and (not lines[first - 1].text.strip()
                                      or (_opens_next(lines[first - 1], first - 1, had)
                                          if starts else labels_of(lines[first - 1]))):
                first -= 1
            while not lines[first].text.strip():
                first += 1
            t = _title_line(lines, first)
            start = i if t is None else t
            k = start - 1
            while k >= 0 and not lines[k].text.strip():
                k -= 1
            if k >= 0 and re.fullmatch(r"\s*\d{1,3}[.)]?\s*", lines[k].text):
                start = k
            if starts and start <= starts[-1][0]:
                start, t = i, None
            starts.append((start, t))
            seen = {}
            had = {f: k for f, k in had.items() if k >= start}
        for f in fields:
            seen[f] = i
        for f in every:
            had.setdefault(f, i)
    if len(starts) < 2:
        return []
    starts[0] = (0, starts[0][1])   # what comes before the first record's labels heads it
    return starts


_PLAN_TOP = 6     # lines at the top of a page where its "Key Decision Plan" heading stands


# a month's heading in a plan: "October 2015", "September - December 2015"
_MONTH_HEAD_RE = recache.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"(?:\s+\d{4})?(?:\s*(?:-|–|—|to)\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"[a-z]*\.?)?\s+\d{4}$", re.IGNORECASE)


def _title_key(text: str) -> str:
    """A title in a form that a list's entry and its detail sheet share ("Ground
    Maintenance" on the list, "Grounds Maintenance" on the sheet)."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)


def plan_list(lines: list[CLine]) -> list[Segment]:
    """A key decision plan's front sheet (a page headed "Key Decision Plan",
    headings.yaml ``key_decision_plan``) listing its decisions as bullets under month
    headings, each followed by a detail sheet for some of them (the title, then "Who is
    responsible for taking the decision" and the other questions): one notice per
    bullet ("• None" is no entry), in the list's order; an entry with a detail sheet is
    read from its sheet, a sheet no bullet names is a notice of its own.  Fewer than two
    entries: not such a page (empty)."""
    if not any(headings.rx("key_decision_plan").search(cl.text) for cl in lines[:_PLAN_TOP]):
        return []
    bullets: list[tuple[int, str]] = []
    under_month = False     # the bullets stand under a month's heading ("October 2015")
    for i, cl in enumerate(lines):
        text = cl.text.strip()
        if not text:
            continue
        if cl.bullet:
            if under_month and len(text) < 250 and not labels_of(cl):
                bullets.append((i, text))
            continue
        under_month = bool(_MONTH_HEAD_RE.match(text))
    entries = [(i, t) for i, t in bullets if t.strip(" .").lower() not in ("none", "nil", "n/a")]
    if len(entries) < 2:
        return []
    last = bullets[-1][0]
    sheets: list[int] = []
    for i in range(last + 1, len(lines)):
        if any(spec.field == "decision_maker" for spec, *_ in labels_of(lines[i])):
            t = _title_line(lines, i)
            if t is not None and t > last and (not sheets or t > sheets[-1]):
                sheets.append(t)
    bounds = sheets + [len(lines)]
    detail = {_title_key(lines[a].text): Segment("notice", a, bounds[k + 1], title_at=a)
              for k, a in enumerate(sheets)}
    out = []
    for i, t in entries:
        seg = detail.pop(_title_key(t), None)
        out.append(seg if seg is not None else Segment("notice", i, i + 1, title_at=i))
    return out + list(detail.values())


def decision_bullets(lines: list[CLine]) -> list[Segment]:
    """A page headed by the decisions a body made at one meeting ("Decisions made at
    Executive meeting – 12 June 2017", headings.yaml ``decisions_made``), each decision
    a bullet under it: one decision per bullet (the heading's body and date are each
    one's: :func:`govcheck.extract._from_decisions_heading`).  Fewer than two bullets:
    not such a page (empty)."""
    if not any(headings.rx("decisions_made").match(cl.text) for cl in lines[:_PLAN_TOP]):
        return []
    if any(_anchor_fields(cl) for cl in lines):
        # its decisions are labelled ("Decision Maker:", "Date of decision:"): a list
        # page read by its labels, the bullets inside its decisions
        return []
    bullets = [i for i, cl in enumerate(lines) if cl.bullet and cl.text.strip()]
    if len(bullets) < 2:
        return []
    bounds = bullets + [len(lines)]
    return [Segment("decision", a, bounds[k + 1]) for k, a in enumerate(bullets)]


def split(lines: list[CLine], properties: dict | None = None,
          tables: list | None = None) -> list[Segment]:
    """The records' segments, in order (see the module docstring).  ``tables``: the
    tables whose header row labels their cells (:func:`.columns.find`), each row from
    its first line;
    a page that is no report's front sheet and holds such a table of two or more rows
    has a record per row, the first with what comes before the table (a report's
    front sheet above the table: the table is part of the report)."""
    n = len(lines)
    if (properties or {}).get("page_type") == "mgListPlanItems":
        return _plan_items(lines)
    plan = plan_list(lines) or decision_bullets(lines)
    if plan:
        return plan
    rows = [r for t in tables or [] if len(t.rows) >= 2 for r in t.rows]
    if rows and not front_sheets(lines[:rows[0]]):
        titles = {a: b for t in tables or [] for a, b in t.titles.items()}
        bounds = [0] + rows[1:] + [n]
        return [Segment(None, a, bounds[k + 1], title_at=titles.get(rows[k]), row=True)
                for k, a in enumerate(bounds[:-1])]
    starts = front_sheets(lines)
    items = list_items(lines)
    item_rx = headings.rx("list_item")
    # the first record starts at the top of the page, its heading somewhere under it
    headed = len(items) >= 2 and sum(1 for a, _ in items[1:] if item_rx.match(
        lines[a].text or "")) + any(item_rx.match(cl.text or "") and cl.text.lstrip()[:1].isdigit()
                                    for cl in lines[:items[1][0]]) >= 2
    if items and (headed or not starts or not any(
            _kind_of(lines[a:b]) == "report" and not _decision_labels(lines[a:b])
            for a, b in zip(starts, starts[1:] + [n]))):
        # a list page: its items are notices or decisions, not reports' front sheets
        bounds = [a for a, _ in items] + [n]
        return [Segment(None, a, bounds[k + 1], title_at=t)
                for k, (a, t) in enumerate(items)]
    if not starts:
        return [Segment(None, 0, n)]
    pre = starts[0]
    items = agenda.find_items(lines, 0, pre)[0] if pre else []
    if len(starts) == 1 and not items:
        return [Segment(None, 0, n)]
    out: list[Segment] = []
    first_labels = starts[0]
    if pre and any(cl.text.strip() for cl in lines[:pre]):
        if items or any(agenda.AGENDA_HEAD_RE.match(cl.text) for cl in lines[:pre]
                        if len(cl.text) < 60):
            out.append(Segment("meeting", 0, pre))
        else:
            starts[0] = 0      # a cover page goes with the first report
    bounds = [(s, starts[k + 1] if k + 1 < len(starts) else n) for k, s in enumerate(starts)]
    kinds = [_kind_of(lines[a:b]) for a, b in bounds]
    for k, ((a, b), kind) in enumerate(zip(bounds, kinds)):
        title_at = None
        if kind == "notice":
            # a forward plan item's title is the short line just above its labels
            t = _title_line(lines, first_labels if k == 0 else a)
            if t is not None:
                title_at = t
                if k > 0 and out and out[-1].end > t:
                    last = out[-1]
                    out[-1] = Segment(last.kind, last.start, t, last.title_at)
                a = min(a, t)
        out.append(Segment(kind, a, b, title_at))
    return out


def _kind_of(seg: list[CLine]) -> str:
    """A split-off record is a notice when its labels are a forward plan entry's
    ("Decision due", "first published") and it asks none of a report's questions."""
    notice = False
    for cl in seg:
        if _report_heading(cl):
            return "report"
        for spec, *_ in labels_of(cl):
            if spec.field in ("call_in_eligible", "wards") and spec.kind in ("bool", "wards_q") \
                    or spec.kind == "exempt" \
                    or (spec.field == "key_decision" and spec.kind == "bool"):
                return "report"
            if spec.marks == "notice":
                notice = True
    return "notice" if notice else "report"


def _decision_labels(seg: list[CLine]) -> bool:
    """Whether a run read as a front sheet is a decision list's entry instead: its
    labels say when the decision takes effect ("Effective from:", a label that marks a
    decision) and it asks none of a report's questions (a key decision, call-in, the
    exemption).  ModernGov's "Decisions published" list, whose entries' date-and-title
    headings are missing, has "Wards affected:" under each entry like a front sheet."""
    decision = False
    for cl in seg:
        if _report_heading(cl):
            return False
        for spec, *_ in labels_of(cl):
            if spec.kind == "exempt" or (spec.field in ("key_decision", "call_in_eligible")
                                         and spec.kind == "bool"):
                return False
            if spec.marks == "decision":
                decision = True
    return decision


def _title_line(lines: list[CLine], start: int) -> int | None:
    """Index of a title line just above ``start`` (skipping blank lines), if any."""
    i = start - 1
    while i >= 0 and not lines[i].text.strip():
        i -= 1
    if i < 0:
        return None
    text = lines[i].text.strip()
    if (len(text) > 120 and not (len(text) <= 200 and headings.rx("plan_title_reference")
                                 .search(text))) \
            or "\t" in text or labels_of(lines[i]) or text.endswith((":", ".")):
        # a long line is a title when it ends with the entry's reference
        return None
    return i
