"""Exempt information: Schedule 12A (or 7A) paragraphs, schedule, part, and the
public interest statement.

Paragraph citations are read only on lines that are about exempt information (they
mention exemption, confidentiality, Schedule 12A/7A, a restriction, "not for
publication" or "by virtue of"), so that "paragraph 3.1 of this report" elsewhere is
never taken for a citation.  A decimal like ``3.1`` is never a paragraph.  On such a
line, a citation is read only when its own sentence ties it to the exemption
(citations.yaml ``exempt_paragraph_tie``) and does not report an argument about it
(``exempt_paragraph_argued``); a paragraph of the council's constitution, procedure
rules or standing orders named just before it (``local_rule_paragraph``) is never read.

Shapes: ``paragraph 3``, ``paragraphs 3 and 4``, ``Para 3``, ``paras 1, 2 and 3``,
``paragraph(s) 3 of Part 1 of Schedule 12A``, ``[Para 8 and 9]``, ``6a``, ``6(b)`` →
``6b``, ``3-5``, ``paragraphs 14 & 21 of schedule 12A, Parts 4 & 5``; in Welsh
``Yn rhinwedd Paragraff(au) 13, 14 Rhan 4, Atodlen 12A``.  Numbers are read as cited,
whatever they are: whether a paragraph exists in the schedule (and was in force) is
for the rules to judge, so "paragraph 23" gets the rule's finding that Schedule 12A
has no paragraph 23, not "no paragraph cited".

Several Parts (``Parts 4 & 5``): ``exempt_part`` is the first, and a note says which
others were cited.  A local rule cited instead of the statute (``exempt under Access to
Information Procedure Rule 10.4(3)``) gives no paragraph, and a note says so.
"""

from __future__ import annotations

import re
from govcheck import recache

__all__ = ["CONTEXT_WORDS", "paragraphs", "bare_paragraphs", "schedule", "part",
           "public_interest"]

# A line is about exempt information when it holds one of these (lower case).
CONTEXT_WORDS = ("exempt", "confidential", "12a", "7a", "not for publication",
                 "restrict", "by virtue", "access to information", "private report",
                 "private item", "private session", "private meeting",
                 # Welsh: eithriedig (exempt), cyfrinachol (confidential), yn rhinwedd
                 # (by virtue of), cyfyngu (restrict)
                 "eithriedig", "cyfrinachol", "yn rhinwedd", "cyfyngu")

_NUM = r"\d{1,2}(?:\s?\(\s?[a-cA-C]\s?\)|[a-cA-C])?(?![\d.]\d|\d|[a-zA-Z])"
_LIST = _NUM + r"(?:\s*(?:,|and|&|or|/|-|–|to|a|ac|i)\s*" + _NUM + r")*"
# what a cited paragraph may not be followed by: a paragraph of the report, or of a
# local rule book ("paragraph 10.4 of the Access to Information Procedure Rules")
_NOT_STATUTE = (r"(?!\s+(?:of\s+(?:this|the)\s+(?:report|document|appendix|annex)|above|below"
                r"|of\s+(?:the\s+|these\s+)?(?:council['’]s\s+)?(?:access\s+to\s+information\s+)?"
                r"(?:procedure\s+rules?|standing\s+orders?|constitution)))")
_PARA_RE = recache.compile(
    r"\b(?:paragraphs?\s*(?:\(s\))?|paras?\.?|para\(s\)\.?|¶"
    r"|paragraff(?:au)?\s*(?:\(au\))?)\s*(?:nos?\.?|numbers?)?\s*"
    r"(?P<list>(?>" + _LIST + r"))" + _NOT_STATUTE,
    re.IGNORECASE)
_BARE_RE = recache.compile(r"^\s*(?:\[\s*)?(?P<list>" + _LIST + r")\s*\]?\s*\.?\s*$")
_ITEM_RE = recache.compile(
    r"(?P<n>\d{1,2})(?:\s?\(\s?(?P<l>[a-cA-C])\s?\)|(?P<l2>[a-cA-C])(?![a-zA-Z]))?")
_RANGE_RE = recache.compile(r"(\d{1,2})(?:\s*(?:-|–|to)\s*|\s+i\s+)(\d{1,2})(?![\d(a-cA-C])")

_SCH = r"(?:sch(?:edule|ed)?\.?|atodlen)\s*"
_SCHEDULE_RE = recache.compile(r"\b" + _SCH + r"(?P<n>12|7)\s?a\b", re.IGNORECASE)
_PNUM = r"(?:\d|iv|vi|v|i{1,3})\b"
_PLIST = _PNUM + r"(?:\s*(?:,|and|&|a|ac)\s*" + _PNUM + r")*"
_PART_RE = recache.compile(
    r"\b(?:parts?|rhan(?:nau)?)\s+(?P<p>" + _PLIST + r")"
    r"(?=\s*(?:of|o|,)?\s*(?:the\s+|yr\s+)?" + _SCH + r"(?:12|7)\s?a\b)"
    r"|\b" + _SCH + r"(?:12|7)\s?a\s*,?\s*(?:parts?|rhan(?:nau)?)\s+(?P<q>" + _PLIST + r")",
    re.IGNORECASE)
_PART_ITEM_RE = recache.compile(_PNUM, re.IGNORECASE)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6"}

# A local rule cited as the ground for exemption instead of Schedule 12A / 7A.
LOCAL_RULE_RE = recache.compile(
    r"\b(?:access\s+to\s+information\s+)?procedure\s+rules?\b|\bstanding\s+orders?\b",
    re.IGNORECASE)

_PI_RE = recache.compile(
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
        if n >= 1:
            item = str(n) + (m.group("l") or m.group("l2") or "").lower()
            out.append(item)
    seen: list[str] = []
    for x in out:
        if x not in seen:
            seen.append(x)
    return seen


# a paragraph of a Part that describes no exempt information: Part 2 (England's
# qualifications and public interest test), Part 3 (interpretation), Part 5 (Wales's):
# "Schedule 12A, Part 2, Paragraph 9", "paragraph 10 of Part 2"
_NOT_DESCRIPTIONS = r"part\s+(?:2|ii|3|iii|5|v)\b"
_PART_BEFORE_RE = recache.compile(_NOT_DESCRIPTIONS + r"\s*,?\s*$", re.IGNORECASE)
_PART_AFTER_RE = recache.compile(r"^\s*(?:of|in|,)\s*(?:the\s+)?" + _NOT_DESCRIPTIONS, re.IGNORECASE)


# where a sentence ends: ";" or a stop followed by a capital ("... Act. Paragraph 3"),
# not the stop of an abbreviation before a number ("Sch. 12A", "para. 3")
_SENTENCE_END_RE = recache.compile(r";|\.(?=\s+[A-Z(\[\"'‘“]|\s*$)")
_OPENS_RE = recache.compile(r"^[\s(\[•·*–-]*$")


def _sentence(text: str, start: int, end: int) -> tuple[str, bool]:
    """The sentence of ``text`` holding ``text[start:end]``, and whether the sentence
    opens with it."""
    lo = 0
    for m in _SENTENCE_END_RE.finditer(text, 0, start):
        lo = m.end()
    m = _SENTENCE_END_RE.search(text, end)
    hi = m.end() if m else len(text)
    return text[lo:hi], bool(_OPENS_RE.match(text[lo:start]))


def _entry(name: str):
    from govcheck import vocabulary

    return vocabulary.active().groups["citations"][name]


def _local_rule_before(text: str, m) -> bool:
    """Whether the citation ``m`` is a paragraph of a council's own rule book named just
    before it ("the Constitution, Part 4, Paragraph 3"; citations.yaml
    ``local_rule_paragraph``)."""
    low = text[max(0, m.start() - 120):m.start("list")].lower()
    if not any(w in low for w in _RULE_BOOK_WORDS):
        return False
    lo = max(0, m.start() - 120)
    return any(r.end() == m.start("list")
               for r in _entry("local_rule_paragraph").rx.finditer(text, lo, m.end()))


_RULE_BOOK_WORDS = ("constitution", "procedure rule", "standing order", "regulations",
                    "delegation", "rules of procedure", "code of conduct",
                    "terms of reference")


def ground(text: str, start: int, end: int) -> bool:
    """Whether the paragraph cited at ``text[start:end]``, on a line about exempt
    information, is a ground of exemption: its sentence ties it to exempt information
    (citations.yaml ``exempt_paragraph_tie``) or opens with it ("Paragraph 3 applies."),
    and does not report an argument about the exemption (``exempt_paragraph_argued``)."""
    sentence, opens = _sentence(text, start, end)
    if _entry("exempt_paragraph_argued").rx.search(sentence):
        return False
    return opens or bool(_entry("exempt_paragraph_tie").rx.search(sentence))


def paragraphs(text: str, tied: bool = False) -> tuple[list[str], int] | None:
    """Paragraph numbers cited in ``text`` and the offset of the first citation; not a
    paragraph of Part 2, 3 or 5, which describe no exempt information, nor one of a
    council's rule book.  With ``tied``, only citations that are a ground of exemption
    in their sentence (``ground``)."""
    found: list[str] = []
    first = -1
    for m in _PARA_RE.finditer(text):
        if _PART_BEFORE_RE.search(text[max(0, m.start() - 30):m.start()]) \
                or _PART_AFTER_RE.match(text[m.end():m.end() + 30]) \
                or _local_rule_before(text, m):
            continue
        if tied and not ground(text, m.start(), m.end()):
            continue
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


def parts(text: str) -> tuple[list[str], int] | None:
    """The Parts of the schedule cited (``Parts 4 & 5`` → ["4", "5"]) and the offset."""
    m = _PART_RE.search(text)
    if not m:
        return None
    found: list[str] = []
    for x in _PART_ITEM_RE.findall(m.group("p") or m.group("q")):
        x = x.lower()
        x = _ROMAN.get(x, x)
        if x not in found:
            found.append(x)
    return (found, m.start()) if found else None


def part(text: str) -> tuple[str, int] | None:
    """The first Part cited."""
    found = parts(text)
    return (found[0][0], found[1]) if found else None


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


def scan(index, col, nation: str = "england") -> None:
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
    prose = None     # where paragraphs were first read from the text, not a label
    for idx in index.having("para", "sch", "¶", "atodlen"):
        cl = lines[idx]
        text, low = cl.text, cl.low
        about = any(w in low for w in CONTEXT_WORDS)
        listed = not about and _listed_under(lines, idx)
        if not about and not listed:
            continue
        # a line about exempt information: each citation's own sentence must tie it to
        # the exemption (not an argument, nor a paragraph of the report); a line listed
        # under an exclusion resolution is tied by it
        found = paragraphs(text, tied=not listed) if ("para" in low or "¶" in low) else None
        if found:
            current = col.fields.get("exempt_paragraphs")
            if current is None:
                col.put("exempt_paragraphs", found[0], cl.line, found[1])
                prose = (cl, found[1])
            elif col.bilingual and 0 < cl.number - current.line <= 3:
                # the English twin of a Welsh citation: compared, not added
                col.put("exempt_paragraphs", found[0], cl.line, found[1])
            else:
                current.value = current.value + [p for p in found[0] if p not in current.value]
        if "sch" not in low and "atodlen" not in low:
            continue
        if not col.has("exempt_schedule"):
            sch = schedule(text)
            if sch:
                col.put("exempt_schedule", sch[0], cl.line, sch[1])
        if not col.has("exempt_part"):
            pt = parts(text)
            if pt:
                col.put("exempt_part", pt[0][0], cl.line, pt[1])
                if len(pt[0]) > 1:
                    col.note(cl.line, pt[1],
                             f"exempt_part: Parts {', '.join(pt[0])} are cited; Part "
                             f"{pt[0][0]} is read", "exempt_part")
    if prose is not None and not col.has("exempt_schedule") and not col.has("exempt_part"):
        # "exempt by virtue of paragraph 11" on a page that never names the Schedule:
        # the rules cannot be sure the paragraph is one of Schedule 12A's
        col.put("exempt_paragraphs_unanchored", True, prose[0].line, prose[1])
    _column(index, col)
    _described(index, col, nation)
    _local_rule(index, col)
    _confidential(index, col)


_ROW_LIST_RE = recache.compile(r"^\s*(?P<list>" + _LIST + r")\s*(?:[-–:]|$)")


def _column(index, col) -> None:
    """Rows under a "Paragraph of Part I of Schedule 12A" column heading (headings.yaml
    ``paragraph_column``) that begin with paragraph numbers: "1, 3, 4 and 5- Information
    relating to any individual ..."."""
    if col.has("exempt_paragraphs"):
        return
    from govcheck.extract import headings

    head = headings.rx("paragraph_column")
    lines = index.lines
    for idx in index.having("para"):
        cells = _CELL_SPLIT_RE.split(lines[idx].text.strip())
        if len(cells) > 1 and len(lines[idx].text) <= 160:
            # a table's header row ("Part II Agenda Item | Paragraphs in Schedule 12A"):
            # that column of the rows under it
            k = next((j for j, c in enumerate(cells) if head.match(c)), None)
            if k is not None and _column_cells(lines, idx, k, len(cells), col):
                return
            continue
        if len(lines[idx].text) > 60 or not head.match(lines[idx].text):
            continue
        found: list[str] = []
        first = None
        seen = 0
        for cl in lines[idx + 1:idx + 12]:
            if not cl.text.strip():
                continue
            seen += 1
            m = _ROW_LIST_RE.match(cl.text)
            if m is None:
                if found or seen > 2:
                    break
                continue
            found.extend(x for x in _items(m.group("list")) if x not in found)
            first = first or (cl, m.start("list"))
        if found:
            col.put("exempt_paragraphs", found, first[0].line, first[1])
            return


_CELL_SPLIT_RE = recache.compile(r"\s*(?:\||\t)\s*")


def _column_cells(lines, idx: int, k: int, n: int, col) -> bool:
    """The paragraphs in cell ``k`` of the rows of ``n`` cells under the header row at
    ``idx`` (rows of another shape, a section heading between them, are passed over)."""
    found: list[str] = []
    first = None
    for cl in lines[idx + 1:idx + 30]:
        cells = _CELL_SPLIT_RE.split(cl.text.strip())
        if len(cells) != n:
            continue
        m = _ROW_LIST_RE.match(cells[k])
        if m is None:
            continue
        found.extend(x for x in _items(m.group("list")) if x not in found)
        first = first or (cl, cl.text.find(cells[k]) + m.start("list"))
    if found:
        col.put("exempt_paragraphs", found, first[0].line, first[1])
    return bool(found)


def _described(index, col, nation: str) -> None:
    """No paragraph number cited, but the words of a paragraph of Schedule 12A quoted
    ("information relating to any individual"): the description "in terms of Schedule
    12A" that s100A(5) asks for, read as that paragraph (England 1-7; Wales 12-18)."""
    if col.has("exempt_paragraphs") or nation == "scotland":
        return
    from govcheck import vocabulary

    cites = vocabulary.active().groups["citations"]
    found: list[str] = []
    first = None
    argued = cites["exempt_paragraph_argued"].rx
    for idx in index.having("information"):
        cl = index.lines[idx]
        for n in range(1, 8):
            entry = cites.get(f"schedule_12a_paragraph_{n}")
            m = entry.rx.search(cl.text) if entry else None
            if m:
                sentence = _sentence(cl.text, m.start(), m.end())[0]
                if _PARA_RE.search(sentence) or argued.search(sentence):
                    # the gloss of a paragraph cited by number (read, or not a ground,
                    # above), or an argument about the exemption
                    continue
                para = entry.value[1] if nation == "wales" else entry.value[0]
                if para not in found:
                    found.append(para)
                first = first or (cl, m.start())
    if found:
        col.put("exempt_paragraphs", found, first[0].line, first[1])


def _confidential(index, col) -> None:
    """Confidential information in the statutory sense, said in so many words."""
    from govcheck import vocabulary

    rx = vocabulary.active().groups["citations"]["confidential_information"].rx
    for idx in index.having("confidential", "100a", "100 a", "50a", "50 a", "regulation 4"):
        cl = index.lines[idx]
        m = rx.search(cl.text)
        if m:
            col.put("confidential", True, cl.line, m.start())
            return


_HEADED_RE = recache.compile(r"^\s*(?:paragraphs?|paras?\.?|paragraff)\s+\d{1,2}[a-c]?\s*[.:]?\s*$",
                        re.IGNORECASE)


_TAGGED_RE = recache.compile(r"[(\[]\s*(?:paragraphs?|paras?\.?)\s+\d", re.IGNORECASE)


def _listed_under(lines, idx: int) -> bool:
    """A line that is only "Paragraph 1" (a list under a resolution about exempt
    information a few lines above, each paragraph with its description below it), or an
    item tagged "(Paragraph 1)" under such a resolution."""
    text = lines[idx].text
    if not _HEADED_RE.match(text) and not _TAGGED_RE.search(text):
        return False
    for j in range(idx - 1, max(-1, idx - 12), -1):
        low = lines[j].low
        if any(w in low for w in CONTEXT_WORDS):
            return True
    return False


def _local_rule(index, col) -> None:
    """A local rule cited as the ground for exemption, and no statutory paragraph."""
    if col.has("exempt_paragraphs"):
        return
    lines = index.lines
    for idx in index.having("procedure rule", "standing order"):
        cl = lines[idx]
        # about exemption, not only naming the "Access to Information Procedure Rules"
        if not any(w in cl.low for w in CONTEXT_WORDS if w != "access to information"):
            continue
        m = LOCAL_RULE_RE.search(cl.text)
        if m:
            col.note(cl.line, m.start(),
                     "exempt_paragraphs: the exemption cites a local rule "
                     f"({cl.text[m.start():m.end() + 12].strip()!r}) and not the "
                     "statutory paragraph of Schedule 12A (or 7A); no paragraph read",
                     "exempt_paragraphs")
            return
