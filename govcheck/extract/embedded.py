"""Records printed inside a meeting's page: each is a record of its own.

* A notice under an agenda's item that the regulations' urgency or private-meeting
  route was used for it ("Notice is hereby given that under Regulation 5 of the
  above, Councillor X, as Chair of the Y Board, has agreed to the following item of
  business being considered in Part II", headings.yaml ``regulation_notice``): a
  ``notice`` whose title is the item above it (under the line naming the
  Regulations, ``instrument_title``), taken by the meeting's body on the meeting's
  day.  The regulation cited gives the urgency route (citations.yaml
  ``general_exception``, ``special_urgency``); an item taken "as a Key Decision" under
  a regulation that is neither has the route ``unspecified``; an item taken "in Part
  II" is exempt, with the paragraphs the meeting's exclusion gives.  The notice is not
  an item of the agenda.
* The decisions an item reports as taken under the urgency procedure ("Urgent
  Decisions Taken", ``urgent_decisions``), as the rows of a table under it (its
  column headings, ``urgent_decision_columns``, give the title, the decision maker
  and the date) or as lettered items ("(a) Procurement of ..."): a ``decision`` each,
  its urgency route ``unspecified`` (no regulation 10 or 11 route is named), and not
  subject to call-in where the page says the decisions were exempted from it
  (``exempted_from_call_in``).
* A decision reported as taken as urgent with call-in not applying ("Cabinet Item of
  Urgent Public Business", ``urgent_public_business``): a ``decision`` titled by the
  next line, its maker and date from "The Cabinet considered the above report at
  their meeting on ..." (``considered_at_meeting``), its call-in from what the text
  says.
* The decision a call-in hearing is about ("The decisions of Cabinet, taken on 17
  October 2024 in relation to ... had been subject to a valid call-in",
  ``called_in_decision``, ``call_in_subject``): a ``decision`` that was subject to
  call-in.

No wording is here: it is all in ``rules/vocabulary/headings.yaml``.
"""

from __future__ import annotations


from govcheck import recache
from govcheck.dates import parse_date
from govcheck.extract import headings
from govcheck.extract.collect import Collector
from govcheck.extract.text import CLine

__all__ = ["find"]

_SPAN = 30          # lines an urgent decisions item may run to
_ITEM_NUMBER_RE = recache.compile(r"^\s*\d{1,3}[.)]?\s*$")
_LETTERED_RE = recache.compile(r"^\s*\(?(?P<n>[a-z])\)\s+(?P<t>\S.{2,250}?)\s*$")
_CELL_SPLIT_RE = recache.compile(r"\s*[|\t]\s*")


def _record(kind: str, col: Collector, at: CLine, host, path: str):
    from govcheck.model import FieldValue, Record

    fields = {name: FieldValue(value=f.value, line=f.line, column=f.column, text=f.text,
                               page=f.page)
              for name, f in col.fields.items()}
    return Record(kind=kind, path=path, nation=host.nation, line=at.number,
                  page=at.line.page, fields=fields)


def _from_host(col: Collector, host, pairs) -> None:
    from govcheck.extract.collect import Found

    for name, source in pairs:
        fv = host.fields.get(source)
        if fv is not None and name not in col.fields:
            col.fields[name] = Found(fv.value, fv.line, fv.column, fv.text, fv.page)


def _titled(head: CLine) -> Collector:
    """A new record's collector, its title the line ``head`` (spaces tidied)."""
    col = Collector()
    title = " ".join(head.text.split())
    col.put("title", title, head.line, head.text.find(title[:10]))
    return col


def _title_above(lines: list[CLine], i: int) -> int | None:
    """The item a notice is printed under: the first line above it that is not blank
    and does not name the Regulations the notice cites."""
    instrument = headings.rx("instrument_title")
    j = i - 1
    while j >= 0:
        t = lines[j].text.strip()
        if t and not instrument.match(t):
            return j if len(t) <= 200 else None
        j -= 1
    return None


def _reason_after(lines: list[CLine], i: int):
    """The reason a notice gives ("REASON: ..." on its line or the next paragraph)."""
    rx = headings.rx("notice_reason")
    for j in range(i + 1, min(len(lines), i + 4)):
        m = rx.match(lines[j].text)
        if m is None:
            if lines[j].text.strip():
                return None
            continue
        rest = lines[j].text[m.end():].strip()
        if rest:
            return lines[j], rest, m.end()
        for k in range(j + 1, min(len(lines), j + 4)):
            t = lines[k].text.strip()
            if t:
                return lines[k], t, lines[k].text.find(t[:10])
        return None
    return None


def _regulation_notices(lines, host, path, cites) -> list:
    out = []
    rx = headings.rx("regulation_notice")
    for i, cl in enumerate(lines):
        if "hereby" not in cl.low:
            continue
        m = rx.search(cl.text)
        if m is None:
            continue
        t = _title_above(lines, i)
        if t is None:
            continue
        head = lines[t]
        col = _titled(head)
        _from_host(col, host, (("decision_maker", "body"), ("decision_date", "meeting_date"),
                               ("council", "council")))
        if m.group("key"):
            col.put("key_decision", True, cl.line, m.start("key"))
        reg = m.group("reg")
        route = next((cites[n].value for n in ("special_urgency", "general_exception")
                      if cites[n].rx.search(reg)), None)
        if route is None and m.group("key"):
            route = "unspecified"
        if route is not None:
            col.put("urgency_route", route, cl.line, m.start("reg"))
        who = " ".join(m.group("who").split())
        col.put("urgency_agreed_by", who, cl.line, m.start("who"))
        reason = _reason_after(lines, i)
        if reason is not None:
            col.put("urgency_reason", reason[1], reason[0].line, reason[2])
        if m.group("private"):
            col.put("exempt", "full", cl.line, m.start("private"))
            _from_host(col, host, (("exempt_paragraphs", "exempt_paragraphs"),
                                   ("exempt_schedule", "exempt_schedule"),
                                   ("exempt_part", "exempt_part")))
        out.append(_record("notice", col, head, host, path))
    return out


def _cells(text: str) -> list[str]:
    return [c.strip() for c in _CELL_SPLIT_RE.split(text.strip())]


def _urgent_decisions(lines, host, path) -> list:
    out = []
    rx = headings.rx("urgent_decisions")
    columns = headings.rx("urgent_decision_columns")
    seen = False
    exempted = None
    for i, cl in enumerate(lines):
        if "urgent" not in cl.low or not rx.match(cl.text):
            continue
        if not seen:
            # what the page says of call-in, looked for only on a page with such an item
            # (the sentence that says why, when one does: exempted as urgent; else the
            # heading)
            seen = True
            said = [(c, m) for c in lines
                    for m in [headings.rx("exempted_from_call_in").search(c.text)] if m]
            exempted = next((x for x in said if "urgen" in x[0].low), said[0] if said else None)

        def decision(at: CLine, title: str, offset: int):
            col = Collector()
            col.put("title", title, at.line, offset)
            col.put("urgency_route", "unspecified", cl.line, len(cl.text) - len(cl.text.lstrip()))
            if exempted is not None:
                col.put("call_in_eligible", False, exempted[0].line, exempted[1].start())
                if "urgen" in exempted[0].low:
                    col.put("call_in_exemption_reason", " ".join(exempted[0].text.split()),
                            exempted[0].line, 0)
            return col

        header = None     # column index -> 't', 'm' or 'd'
        found = []
        for j in range(i + 1, min(len(lines), i + _SPAN)):
            nxt = lines[j]
            text = nxt.text
            if not text.strip():
                continue
            if _ITEM_NUMBER_RE.match(text) or (j > i + 1 and rx.match(text)):
                break      # the next item of the agenda
            if "|" in text or "\t" in text:
                cells = _cells(text)
                if header is None:
                    kinds = {}
                    for k, c in enumerate(cells):
                        m = columns.match(c)
                        if m is not None:
                            kinds[k] = next(g for g in ("t", "m", "d") if m.group(g))
                    if "t" in kinds.values() and len(kinds) >= 2:
                        header = (kinds, len(cells))
                    continue
                kinds, n = header
                if len(cells) != n:
                    continue
                by = {v: cells[k] for k, v in kinds.items()}
                title = by.get("t") or ""
                if not title:
                    continue
                col = decision(nxt, title, text.find(title[:10]))
                if by.get("m"):
                    col.put("decision_maker", by["m"], nxt.line, text.find(by["m"]))
                pd = parse_date(by.get("d") or "")
                if pd is not None:
                    col.put("decision_date", pd.value, nxt.line, text.find(by["d"]) + pd.start)
                found.append(_record("decision", col, nxt, host, path))
                continue
            if header is None:
                m = _LETTERED_RE.match(text)
                if m is not None:
                    col = decision(nxt, m.group("t"), m.start("t"))
                    found.append(_record("decision", col, nxt, host, path))
        out.extend(found)
    return out


def _urgent_public_business(lines, host, path) -> list:
    from govcheck.extract import _call_in_in_text

    out = []
    rx, said = headings.rx("urgent_public_business"), headings.rx("considered_at_meeting")
    for i, cl in enumerate(lines):
        if "urgent" not in cl.low or not rx.match(cl.text):
            continue
        t = next((j for j in range(i + 1, min(len(lines), i + 4)) if lines[j].text.strip()),
                 None)
        if t is None:
            continue
        head = lines[t]
        col = _titled(head)
        body = [c for c in lines[t + 1:t + 8] if c.text.strip()][:3]
        for c in body:
            m = said.search(c.text)
            if m is not None:
                col.put("decision_maker", " ".join(m.group("b").split()), c.line, m.start("b"))
                pd = parse_date(m.group("d"))
                if pd is not None:
                    col.put("decision_date", pd.value, c.line, m.start("d"))
                break
        _call_in_in_text(body, col)
        out.append(_record("decision", col, head, host, path))
    return out


def _called_in(lines, host, path) -> list:
    out = []
    for cl in lines:
        if "call" not in cl.low:
            continue
        for name in ("called_in_decision", "call_in_subject"):
            m = headings.rx(name).search(cl.text)
            if m is None:
                continue
            col = Collector()
            if m.group("t"):
                col.put("title", " ".join(m.group("t").split()), cl.line, m.start("t"))
            col.put("decision_maker", " ".join(m.group("b").split()), cl.line, m.start("b"))
            pd = parse_date(m.group("d"))
            if pd is not None:
                col.put("decision_date", pd.value, cl.line, m.start("d"))
            col.put("call_in_eligible", True, cl.line, m.start())
            out.append(_record("decision", col, cl, host, path))
            return out
    return out


def find(lines: list[CLine], host, path: str) -> tuple[list, set[int]]:
    """The records printed inside the page of ``host`` (a meeting, or a page read as
    one record), in page order, and the line numbers of the regulation notices (no
    items of the agenda)."""
    from govcheck import vocabulary

    cites = vocabulary.active().groups["citations"]
    notices = _regulation_notices(lines, host, path, cites)
    out = notices + _urgent_decisions(lines, host, path) \
        + _urgent_public_business(lines, host, path) + _called_in(lines, host, path)
    out.sort(key=lambda r: r.line)
    notice_lines = {fv.line for r in notices for n, fv in r.fields.items()
                    if n == "urgency_agreed_by"}
    return out, notice_lines
