"""The Recommendations section: its items, each classified.

The section starts at a heading ``Recommendations`` / ``2 Recommendations`` /
``2. Recommendations`` / ``Recommendation(s)`` / ``Recommended decision(s)`` and ends
at the next section heading (the next number, a Markdown, HTML or bold heading, or a
usual section title such as "Background" or "Supporting documents"), or at "End of
agenda pack"; a page's running footer ("... Page 2 of 4") inside it is skipped.

Items start with ``2.1``, ``(a)``, ``a)``, ``(i)``, ``1.`` or a bullet; unmarked lines
continue the item above them, except after a stem such as ``Cabinet is asked to:``,
which introduces the items below it and is not an item itself.

Kinds, in order of precedence:

* ``recommend_to_council``: recommends or refers the matter to (full/City) Council
  (``Recommend that the City Council approve ...``), even though it says "approve";
* otherwise the first of these verbs in the item decides: ``note`` (note, be
  noted), ``agree`` (agree, endorse), ``approve`` (approve, adopt), ``decide``
  (delegate, authorise, decide, determine, resolve, appoint, instruct, award);
* ``note`` when the only verb is a weak one (consider, receive, comment on, review);
* ``decide`` when no verb is found, with a note saying so.
"""

from __future__ import annotations

import re

from govcheck import vocabulary
from govcheck.extract.collect import Collector
from govcheck.extract.text import CLine, Index
from govcheck import recache

__all__ = ["classify", "scan"]

_HEAD_RE = recache.compile(
    r"^\s*(?:(?P<num>\d{1,2})\.?\s+)?"
    r"(?:recommendations?(?:\s*\(s\))?|recommended\s+(?:decisions?|resolutions?)"
    r"|decisions?\s+recommended|summary\s+of\s+recommendations"
    r"|recommendations?\s+to\s+(?:the\s+)?(?:cabinet|council|committee|executive|full\s+council))"
    r"\s*(?::\s*(?P<rest>.*?))?\s*$",
    re.IGNORECASE)
_ITEM_RE = recache.compile(
    r"^\s*(?P<m>\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|\(\d{1,2}\)"
    r"|\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\)|(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\)"
    r"|\([a-zA-Z]\)|[a-zA-Z]\)|[a-z]\.|[•·▪●◦‣])\s+(?P<t>\S.*)$")
_NUMBERED_RE = recache.compile(r"^\s*(?P<n>\d{1,2})\.?\s+(?!\d)(?P<t>\S.*)$")
_SECTION_RE = recache.compile(
    r"^\s*(?:\d{1,2}\.?\s+)?(?:background|reasons?\s+for|executive\s+summary|summary|purpose"
    r"|introduction|options?|alternatives?|consultation|risks?|legal|financ|procurement"
    r"|human\s+resources|equalit|public\s+sector\s+equality|implications|appendi"
    r"|key\s+issues|details|compliance|main\s+report|evaluation|other\s+implications|context"
    r"|proposals?|issues|report\s+details|wards?\s+affected|contact|timetable|next\s+steps"
    r"|supporting\s+documents?|background\s+(?:papers|documents))\b",
    re.IGNORECASE)
_STEM_RE = recache.compile(
    r"(?::\s*$|\b(?:is|are)\s+(?:asked|recommended|requested|invited)\s+to\s*$"
    r"|^\s*(?:that\s+)?(?:the\s+)?(?:cabinet|committee|council|executive|panel|board)\s*$)",
    re.IGNORECASE)
_KINDS = ("note", "agree", "approve", "decide")   # the verb entries, in this order


def _rx(name: str) -> re.Pattern:
    """An entry of ``rules/vocabulary/recommendations.yaml``."""
    return vocabulary.active().groups["recommendations"][name].rx


def _verb_rx() -> re.Pattern:
    """One expression over the verb entries, each a named group: the first verb in
    the text decides, whichever kind it is."""
    vocab = vocabulary.active()
    rx = getattr(vocab, "_verb_rx", None)
    if rx is None:
        group = vocab.groups["recommendations"]
        rx = recache.compile(r"\b(?:" + "|".join(
            f"(?P<{group[k].value}>" + "|".join(group[k].patterns) + ")" for k in _KINDS)
            + r")\b", re.IGNORECASE)
        vocab._verb_rx = rx
    return rx


_MAX_LINES = 80
# a page's running footer ("Cabinet, 11 February 2025 – Page 2 of 4") is skipped; the
# end of a document or pack ends the section
_FOOTER_RE = recache.compile(r"\bpage\s+\d+\s+of\s+\d+\s*$|^\s*(?:page\s+)?\d{1,3}\s*$",
                        re.IGNORECASE)
_END_RE = recache.compile(r"^\s*(?:end\s+of\s+(?:the\s+)?(?:agenda|report|document|pack|"
                     r"agenda\s+pack|reports?\s+pack)|supporting\s+documents?\s*:?\s*$"
                     r"|background\s+(?:papers|documents)\s*:?\s*$)", re.IGNORECASE)


def classify(text: str, stem: str = "") -> str | None:
    """The kind of one recommendation (``None`` when no verb says)."""
    to_council = _rx("to_council")
    if to_council.search(text) or (stem and to_council.search(stem)):
        return "recommend_to_council"
    verb, weak = _verb_rx(), _rx("weak")
    for t in (text, stem) if stem else (text,):
        m = verb.search(t)
        if m:
            return m.lastgroup
        if weak.search(t):
            return "note"
    return None


def _level(marker: str) -> int:
    """0 for "1." / "1)", 1 for "2.1", 2 for "2.1.3"; letters, roman numerals and
    bullets sit under any number."""
    if marker[0].isdigit():
        return marker.rstrip(".").count(".")
    return 9


def _ends_section(cl: CLine, num: int | None, title_like_max: int = 90) -> bool:
    if cl.heading:
        return True
    text = cl.text.strip()
    m = _NUMBERED_RE.match(text)
    if num is not None and m and int(m.group("n")) != num and len(text) <= 120 \
            and not text.endswith((".", ";", ",")):
        return True
    if len(text) <= title_like_max and not text.endswith((".", ";", ",", ":")) \
            and len(text.split()) <= 10 and _SECTION_RE.match(text) \
            and text[len(text) - len(text.lstrip(" 0123456789."))].isupper():
        return True
    return False


class _Item:
    __slots__ = ("cl", "col", "parts", "level", "stem", "is_stem")

    def __init__(self, cl: CLine, col: int, text: str, level: int, stem: str,
                 is_stem: bool = False):
        self.cl, self.col, self.parts, self.level = cl, col, [text], level
        self.stem, self.is_stem = stem, is_stem

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def _items(lines: list[CLine], start: int, num: int | None,
           rest: str | None, rest_col: int) -> list[_Item]:
    items: list[_Item] = []
    stems: list[tuple[int, str]] = []   # (level, text) of the open stems
    current: _Item | None = None
    head = lines[start]
    if rest:
        current = _Item(head, rest_col, rest, 0, "")
        items.append(current)
    for cl in lines[start + 1:start + 1 + _MAX_LINES]:
        text = cl.text
        if not text.strip() or _FOOTER_RE.search(text):
            continue
        if _ends_section(cl, num) or _END_RE.match(text):
            break
        m = _ITEM_RE.match(text)
        if m:
            level, body, col = _level(m.group("m")), m.group("t"), m.start("t")
        elif cl.bullet:
            level, body = 9, text.strip()
            col = text.find(body)
        else:
            body = text.strip()
            col = text.find(body)
            if current is not None and not current.is_stem and (
                    body[:1].islower() or not current.parts[-1].rstrip().endswith((".", ";", ":"))):
                current.parts.append(body)
                continue
            level = (stems[-1][0] + 1) if stems else 0
        while stems and stems[-1][0] >= level:
            stems.pop()
        stem_text = " ".join(s for _, s in stems)
        # "Cabinet is asked to:", "That Cabinet approve the following:" introduce the
        # items below them (whose verb they may give) and are not items themselves
        if body.rstrip().endswith(":") or (_STEM_RE.search(body) and classify(body) is None):
            stems.append((level, body.rstrip(": ")))
            current = _Item(cl, col, body, level, stem_text, is_stem=True)
            continue
        current = _Item(cl, col, body, level, stem_text)
        items.append(current)
    return items


def scan(index: Index, col: Collector) -> None:
    lines = index.lines
    for i in index.having("recommend"):
        cl = lines[i]
        text = cl.text
        if len(text) > 200:
            continue
        m = _HEAD_RE.match(text)
        if not m:
            continue
        num = int(m.group("num")) if m.group("num") else None
        rest = m.group("rest")
        items = _items(lines, i, num, rest, m.start("rest") if rest else 0)
        if not items:
            continue
        recs = []
        for it in items:
            kind = classify(it.text, it.stem)
            if kind is None:
                kind = "decide"
                col.note(it.cl.line, it.col,
                         "recommendations: no verb says what this recommendation asks "
                         f"({it.text[:60]!r}); read as 'decide'", "recommendations")
            recs.append({"kind": kind, "text": it.text, "line": it.cl.number})
        first = items[0]
        col.put("recommendations", recs, first.cl.line, first.col)
        col.put("recommendation_kinds", sorted({r["kind"] for r in recs}),
                first.cl.line, first.col)
        return
