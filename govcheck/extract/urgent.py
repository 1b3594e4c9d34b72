"""Urgent business in minutes: items the chair admitted although they were not on the
agenda, and whether the minutes specify the special circumstances (LGA 1972
s100B(4)(b); Scotland s50B(4)(b)).

A section starts at a line that citations.yaml ``urgent_business`` recognises (an "Items
of urgent business" minute heading, the "Such other business as in the opinion of the
Chairman..." agenda item, "the Lord Provost having agreed that the motion was ...
urgent") and runs to the next minute heading.  Business was taken when the section says
so in the past tense (the chair "wished to bring", "agreed", "Resolved", numbered items),
not when it only invites it ("To consider any ...") or says there was none
(``urgent_business_none``).  Each numbered item, or the section as one item, has its
special circumstances when ``special_circumstances`` wording is in it.

Fields: ``urgent_business`` (true, at the section's first line),
``urgency_circumstances`` (the sentences that give them, joined with "; "), and
``urgent_items_without_circumstances`` (the items that give none).  Whether what is
given amounts to special circumstances is for the rules.

The circumstances need only be "specified in the minutes", not at the chair's ruling: a
ruling that takes the items later in the meeting (citations.yaml
``urgent_item_taken_later``: "taken as the final item on agenda") leaves them to the
item's own minute.  Where the record's text is cut short (answers.yaml ``cut_short``)
after the ruling and no later line minutes urgent business, that minute was not read:
``urgency_circumstances_elsewhere``.
"""

from __future__ import annotations

import re

from govcheck.extract.collect import Collector
from govcheck.extract.text import CLine, sentence_at
from govcheck import recache

__all__ = ["found", "scan"]

# a minute's heading: "(55) DECLARATIONS OF INTEREST", "3 Minutes", "Agenda item"
_MINUTE_HEAD_RE = recache.compile(r"^\s*(?:\(\d{1,3}\)|\d{1,3}[.)]?\s|agenda\s+item\b|item\s+\d)",
                             re.IGNORECASE)
_NUMBERED_RE = recache.compile(r"^\s*(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]\s+\S")
# business taken, in the past tense ("should be considered as a matter of urgency", in an
# item's own title, is not)
_TAKEN_RE = recache.compile(
    r"\bwish(?:ed|es)\s+to\s+bring\b|\bagreed\b|\bresolved\b|\b(?:was|were)\s+considered\b"
    r"|\bnoted\b|\bread\s+out\b|\bpresented\b|\b(?:was|were)\s+(?:taken|dealt\s+with)\b"
    # the chair's ruling recorded: "the Provost said that he intended to deal as a
    # matter of urgency with ..."
    r"|\b(?:intended|decided)\s+to\s+(?:deal|take|consider)\b"
    # "The Chair indicated that he had accepted a late item onto the Agenda" (minutes;
    # an agenda's "the Convener has accepted ..." announces it)
    r"|\b(?:had|was|were)\s+(?:been\s+)?(?:accepted|admitted|allowed)\b",
    re.IGNORECASE)
# a ModernGov agenda-and-minutes page: the agenda's text of the item, then "Minutes:" and
# what the meeting did
_MINUTED_RE = recache.compile(r"^\s*(?:minutes|decision)\s*:", re.IGNORECASE)
_SPAN = 15          # lines a section may run to without a heading


def _is_head(cl: CLine) -> bool:
    t = cl.text.strip()
    return bool(_MINUTE_HEAD_RE.match(t)) or (len(t) < 70 and t.isupper() and len(t) > 3)




def _find(lines: list[CLine]):
    """The first urgent-business section that took business: ``(line, column, given,
    missing)``, or None."""
    from govcheck import vocabulary

    cites = vocabulary.active().groups["citations"]
    anchor, none = cites["urgent_business"].rx, cites["urgent_business_none"].rx
    reason = cites["special_circumstances"].rx
    n = len(lines)
    for i, cl in enumerate(lines):
        if "urgen" not in cl.low:
            continue
        m = anchor.search(cl.text)
        if m is None:
            continue
        # the section: this line to the next minute heading
        body = [cl]
        for j in range(i + 1, min(n, i + 1 + _SPAN)):
            nxt = lines[j]
            if not nxt.text.strip():
                continue
            if _is_head(nxt) and not _NUMBERED_RE.match(nxt.text):
                break
            body.append(nxt)
        # under the agenda's text of the standing item ("To determine whether there are
        # any additional items ..."), the minute of it: what was taken is read there
        marker = next((k for k, b in enumerate(body) if k and _MINUTED_RE.match(b.text)), None)
        if marker is not None:
            body = [cl] + body[marker:]
        if any(none.search(b.text) for b in body) \
                or not any(_TAKEN_RE.search(b.text) for b in body):
            continue
        items = [b for b in body[1:] if _NUMBERED_RE.match(b.text)]
        groups = [[b] for b in items] if len(items) >= 2 else [body]
        taken = [g[0] for g in groups]
        given, missing, unread = [], [], []
        for g in groups:
            found = None
            for b in g:
                r = reason.search(b.text)
                if r is not None:
                    found = (b, sentence_at(b.text, r.start()))
                    break
            if found is not None:
                given.append(found)
            else:
                missing.append(" ".join(g[0].text.split())[:120])
                unread.append(g)
        elsewhere = _taken_beyond_cut(lines, i, body, unread, anchor) if unread else None
        return cl, m.start(), given, missing, taken, elsewhere
    return None


def _taken_beyond_cut(lines, i, body, unread, anchor):
    """Where the ruling says so, ``(line, column)``, if every item given no circumstances
    is to be taken later in the meeting, the text is cut short after the ruling, and no
    later line minutes urgent business (the item's own minute, where its circumstances
    may be specified, was not read); else None."""
    from govcheck import vocabulary

    later = vocabulary.active().groups["citations"]["urgent_item_taken_later"].rx
    said = []
    for g in unread:
        at = next(((b, m.start()) for b in g for m in [later.search(b.text)] if m), None)
        if at is None:
            return None
        said.append(at)
    cut = vocabulary.active().groups["answers"]["cut_short"].rx
    after = lines[i:]
    # a cut is marked with an ellipsis: the word test keeps the pattern off most lines
    if not any(("..." in x.text or "\u2026" in x.text) and cut.search(x.text) for x in after):
        return None
    last = body[-1].number
    if any("urgen" in x.low and anchor.search(x.text) for x in after if x.number > last):
        return None
    return said[0][0].line, said[0][1]


def found(lines: list[CLine]) -> bool:
    """Whether the lines minute urgent business taken (only a meeting does)."""
    return _find(lines) is not None


def scan(lines: list[CLine], col: Collector) -> None:
    hit = _find(lines)
    if hit is None:
        return
    cl, at, given, missing, taken, elsewhere = hit
    col.put("urgent_business", True, cl.line, at)
    # each item taken as urgent was not on the agenda as published: a late item of the
    # meeting's business, taken as urgent (whether the body had a route for it is for
    # the rules: s100B(4)(b) for a council's committees, none at an executive meeting)
    late = [{"number": None, "title": " ".join(b.text.split())[:120], "line": b.number,
             "late": True, "urgent": True} for b in taken]
    fv = col.fields.get("agenda_items")
    if fv is not None:
        fv.value.extend(late)
    else:
        col.put("agenda_items", late, cl.line, at)
    if given:
        col.put("urgency_circumstances", "; ".join(s for _, s in given), given[0][0].line, 0)
    if missing:
        col.put("urgent_items_without_circumstances", missing, cl.line, at)
        if elsewhere is not None:
            col.put("urgency_circumstances_elsewhere", True, *elsewhere)
