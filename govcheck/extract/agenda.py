"""Agendas: the meeting's heading (body, date) and its numbered items.

An item list starts after an agenda heading (``Agenda``, ``Agenda items``, ``Order of
business``) or a table header row (``Item<TAB>Title<TAB>Status``) and is a run of
numbered lines::

    5<TAB>Quarter 3 Library Service Performance Update<TAB>Open
    7<TAB>Disposal of Former Depot Site, Nechells<TAB>Exempt - paragraph 3
    6. Award of Highway Resurfacing Contract (late report – urgent item)
    8. Sale of the Harlow Road site (Exempt – paragraph 3)

A title that wraps onto the next line is joined to it.  Each item becomes a small dict
(see :data:`ITEM_KEYS`): its number, title and line, whether it is restricted (taken in
private: exempt or confidential; ``None`` when the agenda does not say), the Schedule
12A paragraphs given, whether it is marked late or urgent, and the key-decision
column ModernGov and CMIS pages show (``Key (ref. 006112/2019)`` / ``Non-key``).
"""

from __future__ import annotations

import re

from govcheck.dates import parse_date
from govcheck.extract.collect import Collector
from govcheck.extract.exempt import paragraphs as cited_paragraphs
from govcheck.extract.frontsheet import is_header_row
from govcheck.fields import AGENDA_ITEM_KEYS as ITEM_KEYS
from govcheck.extract.text import CLine
from govcheck import recache

__all__ = ["ITEM_KEYS", "find_items", "read_heading", "meeting_title", "AGENDA_HEAD_RE",
           "ITEM_HEADER_RE"]


_SPACED_RE = recache.compile(r"^\s*(?:[A-Za-z] ){3,}[A-Za-z]\s*$")
AGENDA_HEAD_RE = recache.compile(
    r"^\s*(?:agenda(?:\s+items?)?|(?:items\s+of\s+|order\s+of\s+)?business|agenda\s+for\b.*"
    r"|rhaglen|eitemau(?:\s+ar\s+yr\s+agenda)?)\s*:?"
    # a page's link to the agenda document: "agenda (PDF)", "Agenda (PDF, 2MB)"
    r"\s*(?:\((?:pdf|word|docx?|html)\b[^)]{0,20}\))?\s*$",
    re.IGNORECASE)
# "Agenda Item 5" / "Item 5" heading a report in a pack
ITEM_HEADER_RE = recache.compile(
    r"^\s*(?:agenda\s+)?item\s*(?:no\.?|number)?\s*:?\s*\d{1,3}[a-z]?\b[^\t]{0,40}$",
    re.IGNORECASE)
_ROW_RE = recache.compile(
    r"^\s*(?:item\s+)?(?P<n>\d{1,3}(?:\.\d{1,2})?[a-z]?)[.)]?\s*\t+\s*(?P<rest>\S.*)$",
    re.IGNORECASE)
_LINE_RE = recache.compile(
    r"^\s*(?:item\s+)?(?P<n>\d{1,3}(?:\.\d{1,2})?[a-z]?)[.):]?\s+(?P<rest>[A-Z(‘'\"“].*)$")
# a sub-item under a numbered item: "(a) Sale of Former St Cuthberts Primary School"
_SUB_RE = recache.compile(r"^\s*\((?P<l>[a-h])\)\s+(?P<rest>[A-Z0-9‘'\"“].*)$")
_FIRST_CELLS = frozenset({"item", "items", "no", "no.", "number", "item no", "item no.",
                          "item number", "#", "ref", "ref.", "agenda item", "rhif", "eitem"})
_OPEN_RE = recache.compile(r"^\W*(?:open|public|unrestricted|part\s+(?:i|1|a)\b|agored|cyhoeddus)\b",
                      re.IGNORECASE)
_RX: list = [None, None, None]   # the vocabulary, its restricted-words and tail expressions


def _restricted_rxs():
    """The words that mark an agenda item restricted (answers.yaml ``restricted``, and a
    Part II / Part 2 / Part B heading), and an item title's tail that says so ("(exempt
    - paragraph 3)", "- Private", "(members only)")."""
    from govcheck import vocabulary

    vocab = vocabulary.active()
    if _RX[0] is not vocab:
        words = "|".join(vocab.groups["answers"]["restricted"].patterns)
        _RX[:] = [vocab,
                  recache.compile(r"(?:" + words + r")|\bpart\s+(?:ii|2|b)\b", re.IGNORECASE),
                  recache.compile(r"\s*(?:\((?P<p>[^()]*(?:" + words + r")[^()]*)\)"
                             r"|[-–—]\s*(?P<d>(?:part\s+|fully\s+)?(?:" + words + r").*))\s*$",
                             re.IGNORECASE)]
    return _RX[1], _RX[2]


_KEY_RE = recache.compile(r"^\W*(?P<non>non[\s-]*)?key\b", re.IGNORECASE)
_REF_RE = recache.compile(r"\bref(?:erence)?\.?\s*(?:no\.?)?\s*:?\s*(?P<r>[\w/.-]*\d[\w/.-]*)",
                     re.IGNORECASE)
_LATE_RE = recache.compile(r"\blate\b|\bhwyr\b", re.IGNORECASE)
_URGENT_RE = recache.compile(r"\burgen(?:t|cy)\b|\bbrys\b", re.IGNORECASE)
_REPORT_OF_RE = recache.compile(r"\s+(?:report\s+of|report\s+by|lead\s+officer)\s*:.*$",
                           re.IGNORECASE)
_SECTION_RE = recache.compile(
    r"^\s*(?:part\s+(?:i{1,2}|[12ab])\b|(?:public|open|exempt|private|confidential)\s+"
    r"(?:items|business|session|part))[^\t]{0,80}$", re.IGNORECASE)
_FOOTER_RE = recache.compile(r"\bpage\s+\d+(?:\s+of\s+\d+)?\s*$|^\s*\d{1,3}\s*$", re.IGNORECASE)
_LABEL_LIKE_RE = recache.compile(r"^\s*[A-Z][^:?\t]{0,50}[:?](?:\s|$)")
_FUNCTION_END_RE = recache.compile(r"(?:\b(?:and|or|of|the|for|to|in|on|with|a|an)|[-–,&(/])\s*$",
                              re.IGNORECASE)
_MAX_GAP = 2   # blank lines are free; other lines between a heading and the first item


def _is_header_row(text: str) -> bool:
    if "\t" not in text:
        return False
    first = next((c for c in (x.strip() for x in text.split("\t")) if c), "")
    first = first.lower().rstrip(":")
    return first in _FIRST_CELLS and is_header_row(text)


def _restriction(status: str) -> bool | None:
    if not status.strip():
        return None
    if _OPEN_RE.match(status):
        return False
    if _restricted_rxs()[0].search(status):
        return True
    return None


def _item(number: str, title: str, cells: list[str], line: int,
          section_restricted: bool | None) -> dict:
    restricted = None
    paras: list[str] = []
    key = None
    ref = None
    status_text = " ".join(cells)
    for c in cells:
        k = _KEY_RE.match(c)
        if k:
            key = not k.group("non")
            r = _REF_RE.search(c)
            ref = r.group("r") if r else ref
            continue
        level = _restriction(c)
        if level is not None and restricted is None:
            restricted = level
    if not cells:
        # a plain line: a trailing "(Exempt – paragraph 3)" or "– Private" says
        tail = _restricted_rxs()[1].search(title)
        if tail:
            status_text = tail.group("p") or tail.group("d")
            restricted = True
            title = title[:tail.start()].rstrip()
    if restricted:
        found = cited_paragraphs(status_text)
        if found:
            paras = found[0]
        else:
            bare = re.findall(r"(?<![\d.])\b(\d{1,2}[a-c]?)\b(?![\d.])", status_text)
            paras = [b for b in bare if 1 <= int(re.sub(r"\D", "", b)) <= 22]
    if restricted is None:
        restricted = section_restricted
    title = _REPORT_OF_RE.sub("", title).strip()
    both = title + " " + status_text
    return {"number": number, "title": " ".join(title.split()), "line": line,
            "restricted": restricted, "paragraphs": paras,
            "late": bool(_LATE_RE.search(both)), "urgent": bool(_URGENT_RE.search(both)),
            "key_decision": key, "forward_plan_ref": ref, "report_line": None}


def _match_item(cl: CLine, plain_ok: bool):
    text = cl.text
    if "\t" in text:
        m = _ROW_RE.match(text)
        if not m:
            return None
        cells = [c.strip() for c in m.group("rest").split("\t")]
        cells = [c for c in cells if c]
        return m.group("n"), cells[0] if cells else "", cells[1:]
    if not plain_ok:
        return None
    m = _LINE_RE.match(text)
    if not m or len(text) > 200:
        return None
    return m.group("n"), m.group("rest").strip(), []


def _continues(cl: CLine, prev: CLine, title: str) -> bool:
    text = cl.text.strip()
    if not text or "\t" in cl.text or cl.heading or cl.line.page != prev.line.page:
        return False
    if _LABEL_LIKE_RE.match(cl.text) or _FOOTER_RE.search(text) or len(text) > 120:
        return False
    if text[:1].islower():
        return True
    return title.count("(") > title.count(")") or bool(_FUNCTION_END_RE.search(title))


def find_items(lines: list[CLine], start: int = 0, end: int | None = None
               ) -> tuple[list[dict], set[int], int | None]:
    """The agenda items in ``lines[start:end]``: the items, the indices of the lines
    they were read from (the header row included), and the index of the line where the
    list starts (None when there is none).  Fewer than two items is no list."""
    end = len(lines) if end is None else end
    i = start
    while i < end:
        cl = lines[i]
        text = cl.text
        armed = False
        if "\t" in text:
            armed = _is_header_row(text)
        elif len(text) < 60:
            if _SPACED_RE.match(text):
                # a heading set in spaced capitals ("A G E N D A")
                text = text.replace(" ", "")
            low = text.lower()
            armed = ("agenda" in low or "business" in low or "rhaglen" in low
                     or "eitem" in low) and bool(AGENDA_HEAD_RE.match(text))
        if armed:
            items, used = _run(lines, i + 1, end, plain_ok=True)
            if len(items) >= 2:
                used.add(i)
                return items, used, i
        i += 1
    return [], set(), None


def _run(lines: list[CLine], i: int, end: int, plain_ok: bool) -> tuple[list[dict], set[int]]:
    items: list[dict] = []
    used: set[int] = set()
    gap = 0
    section: bool | None = None
    current: tuple[str, str, list[str], CLine] | None = None  # number, title, cells, line
    parent = ""     # the number of the last numbered item, for its sub-items

    def flush() -> None:
        if current is not None:
            n, t, cells, cl = current
            items.append(_item(n, t, cells, cl.number, section))

    while i < end:
        cl = lines[i]
        text = cl.text
        if not text.strip():
            i += 1
            continue
        got = _match_item(cl, plain_ok)
        if got is not None:
            flush()
            current = (got[0], got[1], got[2], cl)
            parent = re.sub(r"[a-z]+$", "", got[0])
            used.add(i)
            gap = 0
            i += 1
            continue
        sub = _SUB_RE.match(text) if plain_ok and parent and len(text) <= 200 else None
        if sub is not None:
            flush()
            current = (parent + sub.group("l"), sub.group("rest").strip(), [], cl)
            used.add(i)
            gap = 0
            i += 1
            continue
        if current is not None and _continues(cl, current[3], current[1]):
            current = (current[0], current[1] + " " + text.strip(), current[2], current[3])
            used.add(i)
            i += 1
            continue
        if _FOOTER_RE.search(text.strip()):
            i += 1
            continue
        if _SECTION_RE.match(text):
            flush()
            current = None
            section = bool(_restricted_rxs()[0].search(text)) or None
            used.add(i)
            i += 1
            continue
        if current is None and gap < _MAX_GAP:
            gap += 1
            i += 1
            continue
        if current is not None:
            # lines describing the item ("To consider passing the following
            # resolution ..."): the list goes on when the next item follows them
            nxt = _next_item_after_description(lines, i, end, plain_ok, current[0])
            if nxt is not None:
                i = nxt
                continue
        break
    flush()
    return items, used


_DESCRIPTION_LINES = 8


def _next_item_after_description(lines: list[CLine], i: int, end: int, plain_ok: bool,
                                 number: str) -> int | None:
    """The index of the next item when the lines from ``i`` are a description of item
    ``number`` (at most a few lines, on the same page) followed by the item numbered one
    more; None when they are not."""
    head = re.match(r"\d+", number)
    if head is None:
        return None
    want = str(int(head.group()) + 1)
    seen = 0
    for j in range(i, min(end, i + 3 * _DESCRIPTION_LINES)):
        cl = lines[j]
        if not cl.text.strip():
            continue
        if cl.line.page != lines[i].line.page or _SECTION_RE.match(cl.text):
            return None
        got = _match_item(cl, plain_ok)
        if got is not None:
            return j if re.match(r"\d+", got[0]) and \
                re.match(r"\d+", got[0]).group() == want else None
        seen += 1
        if seen > _DESCRIPTION_LINES:
            return None
    return None


# -- the meeting's heading ---------------------------------------------------------

_COUNCIL_LINE_RE = recache.compile(r"^\s*(?:[A-Z][\w'.&-]*\s+){0,6}(?:City\s+|County\s+|Borough\s+"
                              r"|District\s+|Town\s+)?Council\s*$|^\s*Cyngor\s+\S.*$")
_KIND_WORDS = frozenset({"the", "full", "city", "county", "borough", "district", "town",
                         "council", "metropolitan", "cyngor", "llawn"})


def is_council(text: str) -> bool:
    """A line naming a council ("Birmingham City Council"), not a council meeting
    ("Full Council", "City Council")."""
    if len(text) >= 80 or not _COUNCIL_LINE_RE.match(text):
        return False
    return any(w.lower() not in _KIND_WORDS for w in text.split())


_DATE_REST_RE = recache.compile(
    r"^[\s,]*(?:(?:at|from|,|-|–)?\s*\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?"
    r"(?:\s*(?:-|–|to)\s*\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?)?)?[\s.]*$", re.IGNORECASE)
_DATE_LEAD_RE = recache.compile(
    # "4:00 PM ON THURSDAY, 30 JANUARY, 2020": the time before the date
    r"^\s*(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)\s+(?=on\b))?"
    r"(?:(?:date|held\s+on|on|dyddiad)\s*:?\s*)?$", re.IGNORECASE)
_NOT_BODY_RE = recache.compile(
    r"^\s*(?:agenda|meeting(?:\s+details)?|notice\s+of\s+meeting|summons|public\s+(?:agenda|pack)"
    r"|supplementary|reports?\s+pack|rhaglen|manylion)\b", re.IGNORECASE)
_HEAD_LINES = 10


def _council_line(text: str) -> bool:
    """A line naming a council, in capitals too ("SUFFOLK COUNTY COUNCIL")."""
    return is_council(text) or (text.isupper() and is_council(text.strip().title()))


def read_heading(lines: list[CLine], col: Collector, labelled) -> None:
    """The body and the meeting date from the top of an agenda::

        Birmingham City Council
        Cabinet
        Tuesday 11 February 2025 at 10:00

    (the council, a short line naming the body, the date on a line of its own).
    ``labelled(cl)`` says whether a line holds labels (those are read by the
    front-sheet scan)."""
    from govcheck.extract import headings

    salutation = headings.rx("salutation")
    top = [cl for cl in lines if cl.text.strip()][:_HEAD_LINES]
    dear = next((k for k, cl in enumerate(top) if salutation.match(cl.text)), None)
    seen: list[CLine] = []
    for cl in lines:
        text = cl.text
        if not text.strip():
            continue
        seen.append(cl)
        if len(seen) > _HEAD_LINES:
            break
        if labelled(cl):
            continue
        if dear is not None and len(seen) - 1 < dear:
            # above "Dear Councillor,": the letter's heading; its date is the letter's
            # own, not the meeting's (nor, as the corpus reads it, a publication date)
            continue
        if len(text) > 150:
            # prose: the heading is over (a date under the clerk's name below it is the
            # agenda's own date)
            break
        if _council_line(text):
            # "Birmingham City Council", "SUFFOLK COUNTY COUNCIL": the council, not a body
            s = text.strip()
            col.put("council", s, cl.line, text.find(s))
            continue
        pd = parse_date(text)
        if pd is None or not _DATE_LEAD_RE.match(text[:pd.start]) \
                or not _DATE_REST_RE.match(text[pd.end:]):
            continue
        col.put("meeting_date", pd.value, cl.line, pd.start)
        # the body: the line above the date, if it is a short name
        k = len(seen) - 2
        if k >= 0:
            above = seen[k]
            t = above.text.strip()
            if t and len(t) < 60 and not labelled(above) and not _council_line(t) \
                    and not _NOT_BODY_RE.match(t) and parse_date(t) is None \
                    and ":" not in t and "\t" not in t:
                col.put("body", t, above.line, above.text.find(t))
        break


def meeting_title(col: Collector) -> None:
    """A meeting's ``title``, made of its body and date ("Cabinet – 11 February 2025"),
    pointing where the body was read."""
    body = col.fields.get("body")
    when = col.fields.get("meeting_date")
    if body is None or when is None or col.has("title"):
        return
    d = when.value
    col.fields["title"] = type(body)(f"{body.value} – {d.day} {d:%B} {d.year}",
                                     body.line, body.column, body.text, body.page)
