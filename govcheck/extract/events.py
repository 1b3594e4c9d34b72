"""Dated statutory events mentioned in a report's text.

* Best Value intervention directions (Local Government Act 1999 s15):
  ``Intervention Directions issued on 5th October 2023`` / ``Directions issued on
  5 October 2023`` / ``On 5 October 2023 the Secretary of State issued Directions``
  → ``directions_date``; ``within six months of the Directions`` →
  ``directions_period_months`` = 6.  Read only when the document is about s15
  intervention (it says "Intervention Directions", "Section 15", "Best Value"...),
  and a period only when the same line speaks of the directions or the intervention.
* Section 114 reports: ``s114 report ... issued on 12 September 2023`` →
  ``s114_report_sent``.
* A local auditor's public interest report or statutory recommendations: ``the external
  auditor issued statutory recommendations ... on 12 October 2023`` →
  ``auditor_report_sent`` (wording in citations.yaml).
* A monitoring officer's report under LGHA 1989 s5 or s5A: ``the Monitoring Officer
  issued a report under section 5 ... on 12 September 2023`` → ``mo_report_sent``
  (wording in citations.yaml).
* The public notice of a meeting: ``A notice of this meeting was published on the
  Council's website on 6 November 2023`` → ``meeting_notice_published``.
* An Ombudsman's report on the authority: ``The Ombudsman issued a public interest
  report on 5 March 2024`` → ``ombudsman_report_received``.
* The Accounts Commission's findings on a Scottish council: ``The Accounts Commission
  published its findings on 12 October 2023`` → ``findings_received``.

Only a complete date is read: ``Directions issued in October 2023`` gives nothing.
"""

from __future__ import annotations

import re

from govcheck.dates import find_dates, parse_date
from govcheck.extract.collect import Collector
from govcheck.extract.text import CLine, Index
from govcheck import recache

__all__ = ["scan", "S15_RE"]

S15_RE = recache.compile(
    r"intervention\s+directions?|section\s+15\b|\bs\.?\s?15\s*\(|\bs\.?\s?15\b[^.]{0,40}1999"
    r"|best\s+value\s+(?:intervention|directions?|inspection)"
    r"|directions?\s+(?:made|issued)\s+under",
    re.IGNORECASE)
_DIRECTIONS_RE = recache.compile(r"\bdirections?\b", re.IGNORECASE)
_ISSUED_ON_RE = recache.compile(
    r"^(?:[^.;]{0,100}?\b(?:issued|made|given|served|imposed)\b[^.;]{0,100}?\b(?:on|dated)"
    r"|\s+(?:dated|of))\s+(?:the\s+)?",
    re.IGNORECASE)
_ISSUED_AFTER_RE = recache.compile(
    r"^[^.;]{0,60}?\b(?:issued|made|gave|served|imposed)\b[^.;]{0,40}?\bdirections?\b",
    re.IGNORECASE)
_ON_RE = recache.compile(r"\bon\s+(?:the\s+)?", re.IGNORECASE)
_ON_BEFORE_RE = recache.compile(r"\bon\s+(?:the\s+)?$", re.IGNORECASE)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18,
            "twenty-four": 24, "twenty four": 24}
_PERIOD_RE = recache.compile(
    r"\bwithin\s+(?:the\s+)?(?:first\s+)?(?:a\s+period\s+of\s+)?"
    r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen"
    r"|twenty[\s-]four)\s+(?:\(\d{1,2}\)\s+)?(?:calendar\s+)?months?\b",
    re.IGNORECASE)
_S114_RE = recache.compile(
    r"\b(?:section|s\.?)\s*114A?\s+(?:report|notice)s?\b[^.;]{0,80}?\b(?:issued|sent|made|"
    r"published|served)\b[^.;]{0,40}?\bon\s+(?:the\s+)?"
    # "... issued a section 114 report on 5 September 2023"
    r"|\b(?:issued|sent|made|published|served)\s+(?:a|the|its|their)\s+(?:section|s\.?)\s*"
    r"114A?\s+(?:report|notice)\s+on\s+(?:the\s+)?",
    re.IGNORECASE)


def _directions_date(text: str, low: str):
    """(date, offset) of the directions' date in ``text``, or None."""
    for m in _DIRECTIONS_RE.finditer(text):
        seg = text[m.end():m.end() + 200]
        k = _ISSUED_ON_RE.match(seg)
        if not k:
            continue
        pd = parse_date(seg[k.end():])
        if pd is not None and pd.start == 0:
            return pd.value, m.end() + k.end()
    if "on " not in low or not any(w in low for w in ("issued", "made", "gave", "served")):
        return None
    for pd in find_dates(text):
        if _ON_BEFORE_RE.search(text[max(0, pd.start - 8):pd.start]) \
                and _ISSUED_AFTER_RE.match(text[pd.end:pd.end + 120]):
            return pd.value, pd.start
    return None


def _period(text: str, low: str):
    """(months, offset) of "within N months" in ``text``, or None."""
    if "within" not in low or "month" not in low:
        return None
    m = _PERIOD_RE.search(text)
    if m is None:
        return None
    n = m.group("n").lower()
    return (int(n) if n.isdigit() else _NUMBERS[n.replace(" ", "-")]), m.start("n")


def _s114(text: str, low: str):
    for m in _S114_RE.finditer(text):
        pd = parse_date(text[m.end():m.end() + 40])
        if pd is not None and pd.start == 0:
            return pd.value, m.end()
    return None


def _sent(entry: str):
    """A finder for the date that follows a citations.yaml entry's wording: when a local
    auditor's report or recommendation (``auditor_report_sent``), or a monitoring
    officer's report (``mo_report_sent``), was sent."""
    def finder(text: str, low: str):
        from govcheck import vocabulary

        rx = vocabulary.active().groups["citations"][entry].rx
        for m in rx.finditer(text):
            pd = parse_date(text[m.end():m.end() + 40])
            if pd is not None and pd.start == 0:
                return pd.value, m.end()
            # "... published on the Council's website on 4 November 2023": the date
            # follows a later "on" in the same sentence
            tail = text[m.end():m.end() + 120]
            for on in _ON_RE.finditer(tail.split(".")[0]):
                pd = parse_date(tail[on.end():on.end() + 40])
                if pd is not None and pd.start == 0:
                    return pd.value, m.end() + on.end()
        return None
    return finder


_auditor = _sent("auditor_report_sent")
_monitoring_officer = _sent("mo_report_sent")
_commission = _sent("findings_received")
_ombudsman = _sent("ombudsman_report_received")
_meeting_notice = _sent("meeting_notice_published")


# each dated event: its field, the words a line must hold to be read, and its finder
_DATED = (
    ("s114_report_sent", ("114",), _s114),
    ("auditor_report_sent", ("recommendation", "public interest report"), _auditor),
    ("mo_report_sent", ("section 5", "s5", "s.5", "s 5"), _monitoring_officer),
    ("meeting_notice_published", ("notice of this meeting", "notice of the meeting"),
     _meeting_notice),
    ("ombudsman_report_received", ("ombudsman", "local commissioner"), _ombudsman),
    ("findings_received", ("findings",), _commission),
)


def _find(col: Collector, name: str, finder, lines: list[CLine], i: int) -> None:
    """Put what ``finder`` reads from line ``i`` into ``name``.  A sentence wrapped
    over two lines is read from line ``i`` joined with the next line, then with the
    previous one; the value points at the line it is on."""
    cl = lines[i]
    found = finder(cl.text, cl.low)
    if found is not None:
        col.put(name, found[0], cl.line, found[1])
        return
    for a, b in ((i, i + 1), (i - 1, i)):
        if a < 0 or b >= len(lines) or not lines[a].text.strip() \
                or not lines[b].text.strip():
            continue
        first, second = lines[a], lines[b]
        found = finder(first.text + " " + second.text, first.low + " " + second.low)
        if found is not None:
            value, at = found
            if at > len(first.text):
                col.put(name, value, second.line, at - len(first.text) - 1)
            else:
                col.put(name, value, first.line, at)
            return


def scan(index: Index, col: Collector) -> None:
    lines = index.lines
    candidates = index.having("direction", "intervention")
    s15 = any(S15_RE.search(lines[i].text) for i in candidates) or (
        bool(candidates) and any(S15_RE.search(lines[i].text)
                                 for i in index.having("section 15", "s15", "s.15")))
    for i in candidates if s15 else ():
        if "direction" in lines[i].low and not col.has("directions_date"):
            _find(col, "directions_date", _directions_date, lines, i)
        if not col.has("directions_period_months"):
            _find(col, "directions_period_months", _period, lines, i)
    for name, words, finder in _DATED:
        if col.has(name):
            continue
        for i in index.having(*words):
            _find(col, name, finder, lines, i)
            if col.has(name):
                break
