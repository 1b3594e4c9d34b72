"""Exempt information: Schedule 12A (or 7A) paragraphs, schedule, part, and the
public interest statement.

Paragraph citations are read only on lines that are about exempt information (they
mention exemption, confidentiality, Schedule 12A/7A, a restriction, "not for
publication" or "by virtue of"), so that "paragraph 3.1 of this report" elsewhere is
never taken for a citation.  A decimal like ``3.1`` is never a paragraph.

Shapes: ``paragraph 3``, ``paragraphs 3 and 4``, ``Para 3``, ``paragraph(s) 3 of
Part 1 of Schedule 12A``, ``[Para 8 and 9]``, ``6a``, ``6(b)`` → ``6b``, ``3-5``.
"""

from __future__ import annotations

import re

__all__ = ["CONTEXT_WORDS", "paragraphs", "bare_paragraphs", "schedule", "part",
           "public_interest"]

# A line is about exempt information when it holds one of these (lower case).
CONTEXT_WORDS = ("exempt", "confidential", "12a", "7a", "not for publication",
                 "restrict", "by virtue", "access to information", "private report",
                 "private item", "private session", "private meeting")

_NUM = r"\d{1,2}(?:\s?\(\s?[a-cA-C]\s?\)|[a-cA-C])?(?![\d.]\d|\d|[a-zA-Z])"
_LIST = _NUM + r"(?:\s*(?:,|and|&|or|/|-|–|to)\s*" + _NUM + r")*"
_PARA_RE = re.compile(
    r"\b(?:paragraphs?\s*(?:\(s\))?|paras?\.?|para\(s\)\.?|¶)\s*(?:nos?\.?|numbers?)?\s*"
    r"(?P<list>(?>" + _LIST + r"))"
    r"(?!\s+(?:of\s+(?:this|the)\s+(?:report|document|appendix|annex)|above|below))",
    re.IGNORECASE)
_BARE_RE = re.compile(r"^\s*(?:\[\s*)?(?P<list>" + _LIST + r")\s*\]?\s*\.?\s*$")
_ITEM_RE = re.compile(
    r"(?P<n>\d{1,2})(?:\s?\(\s?(?P<l>[a-cA-C])\s?\)|(?P<l2>[a-cA-C])(?![a-zA-Z]))?")
_RANGE_RE = re.compile(r"(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})(?![\d(a-cA-C])")
_MAX_PARA = 18  # England 1-7, Wales 12-18 (Part 4), Scotland Sch 7A 1-15

_SCHEDULE_RE = re.compile(r"\bsch(?:edule|ed)?\.?\s*(?P<n>12|7)\s?a\b", re.IGNORECASE)
_PART_RE = re.compile(
    r"\bpart\s+(?P<p>\d|iv|v|i{1,3})\b"
    r"(?=\s*(?:of|,)?\s*(?:the\s+)?sch(?:edule|ed)?\.?\s*(?:12|7)\s?a\b)"
    r"|\bsch(?:edule|ed)?\.?\s*(?:12|7)\s?a\s*,?\s*part\s+(?P<q>\d|iv|v|i{1,3})\b",
    re.IGNORECASE)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}

_PI_RE = re.compile(
    r"public\s+interest\s+in\s+maintaining\b[^.]*?\boutweighs?\b[^.]*?\bpublic\s+interest"
    r"\s+in\s+(?:disclos|publish|releas|the\s+disclosure|making)"
    r"|public\s+interest\s+in\s+(?:disclos|publish|releas)[^.]*?\b(?:is|was|are)\s+"
    r"outweighed\s+by\b[^.]*?\bpublic\s+interest\s+in\s+maintaining",
    re.IGNORECASE)


def _items(text: str) -> list[str]:
    out: list[str] = []
    for r in _RANGE_RE.finditer(text):
        a, b = int(r.group(1)), int(r.group(2))
        if a < b <= a + 10:
            out.extend(str(n) for n in range(a, b + 1))
    for m in _ITEM_RE.finditer(text):
        n = int(m.group("n"))
        if 1 <= n <= _MAX_PARA:
            item = str(n) + (m.group("l") or m.group("l2") or "").lower()
            out.append(item)
    seen: list[str] = []
    for x in out:
        if x not in seen:
            seen.append(x)
    return seen


def paragraphs(text: str) -> tuple[list[str], int] | None:
    """Paragraph numbers cited in ``text`` and the offset of the first citation."""
    found: list[str] = []
    first = -1
    for m in _PARA_RE.finditer(text):
        items = _items(m.group("list"))
        if items:
            if first < 0:
                first = m.start("list")
            found.extend(x for x in items if x not in found)
    return (found, first) if found else None


def bare_paragraphs(text: str) -> tuple[list[str], int] | None:
    """Numbers standing alone (``3``, ``3 and 4``), as answers to a paragraph question."""
    m = _BARE_RE.match(text)
    if not m:
        return paragraphs(text)
    items = _items(m.group("list"))
    return (items, m.start("list")) if items else None


def schedule(text: str) -> tuple[str, int] | None:
    m = _SCHEDULE_RE.search(text)
    return (m.group("n") + "A", m.start()) if m else None


def part(text: str) -> tuple[str, int] | None:
    m = _PART_RE.search(text)
    if not m:
        return None
    p = (m.group("p") or m.group("q")).lower()
    return _ROMAN.get(p, p), m.start()


def public_interest(text: str) -> tuple[str, int] | None:
    """The sentence saying the public interest in maintaining the exemption outweighs
    the public interest in disclosure, and its offset."""
    m = _PI_RE.search(text)
    if not m:
        return None
    start = max(text.rfind(". ", 0, m.start()) + 2 if text.rfind(". ", 0, m.start()) >= 0
                else 0, 0)
    while start < len(text) and text[start] in " \t":
        start += 1
    end = text.find(".", m.end())
    end = len(text) if end < 0 else end + 1
    return text[start:end].strip(), start


def scan(index, col) -> None:
    """Paragraphs, schedule, part and public interest statement from the text.

    Paragraphs found on several lines are gathered into one list that points at the
    first citation (or at the front-sheet answer, if there was one).
    """
    lines = index.lines
    for idx in index.having("public interest"):
        if col.has("public_interest_statement"):
            break
        cl = lines[idx]
        text = cl.text
        if "maintain" not in cl.low and "outweigh" not in cl.low:
            continue
        found = public_interest(text)
        if found is None and idx + 1 < len(lines):
            # a sentence wrapped onto the next line
            joined = text.rstrip() + " " + lines[idx + 1].text.strip()
            found = public_interest(joined)
            if found and found[1] >= len(text):
                found = None
        if found:
            col.put("public_interest_statement", found[0], cl.line, found[1])
    for idx in index.having("para", "sch", "¶"):
        cl = lines[idx]
        text, low = cl.text, cl.low
        if not any(w in low for w in CONTEXT_WORDS):
            continue
        found = paragraphs(text) if ("para" in low or "¶" in low) else None
        if found:
            current = col.fields.get("exempt_paragraphs")
            if current is None:
                col.put("exempt_paragraphs", found[0], cl.line, found[1])
            else:
                current.value = current.value + [p for p in found[0] if p not in current.value]
        if "sch" not in low:
            continue
        if not col.has("exempt_schedule"):
            sch = schedule(text)
            if sch:
                col.put("exempt_schedule", sch[0], cl.line, sch[1])
        if not col.has("exempt_part"):
            pt = part(text)
            if pt:
                col.put("exempt_part", pt[0], cl.line, pt[1])
