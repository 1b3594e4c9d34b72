"""The report's section headings: which of the sections a decision report is expected
to have (legal, financial, equality, background papers...) it actually has.

A heading is a short line, with or without a section number (``7``, ``7.6``, ``14.``),
whose words name one of the sections below; or a run-in heading opening a numbered
paragraph ("7.1 Legal implications: the Council has a duty...").  Headings inside a table (a front-sheet
row) are not section headings.  The result is the canonical field ``sections``: the
sorted names of the sections found, pointing at the first one.
"""

from __future__ import annotations

import re

from govcheck.extract.collect import Collector
from govcheck.extract.text import Index
from govcheck import recache

# canonical name -> heading wording (after any number), matched at the start
_SECTIONS = (
    ("background_papers", r"background\s+(?:papers|documents|information\s+papers)"
                          r"|list\s+of\s+background\s+papers|papers\s+relied\s+on"),
    ("equality", r"(?:public\s+sector\s+)?equality(?:\s+(?:duty|implications|impact"
                 r"|analysis|assessment|act|and\s+diversity))?|psed\b"
                 r"|(?:implications\s+for\s+)?equalit(?:y|ies)"),
    ("legal", r"legal(?:\s+(?:implications|considerations|comments|advice|powers))?"),
    ("financial", r"financial(?:\s+(?:implications|considerations|comments))?|finance\s+"
                  r"implications|resource\s+implications"),
    ("consultation", r"consultation(?:\s+and\s+engagement)?|engagement"),
    ("risk", r"risk(?:\s+(?:management|implications|assessment))?|risks"),
    ("alternatives", r"(?:other\s+)?options\s+considered|alternative\s+options"
                     r"|options\s+appraisal|alternatives\s+considered"),
    ("appendices", r"appendi(?:ces|x)|list\s+of\s+appendices"),
)
_NUMBER = r"^\s*(?:(?:section\s+)?\d{1,2}(?:\.\d{1,2})*\.?\s+)?"
_HEAD_RE = recache.compile(
    _NUMBER + r"(?:" + "|".join(f"(?P<{name}>{pat})" for name, pat in _SECTIONS)
    + r")\s*(?:\(if\s+required\))?\s*:?\s*$", re.IGNORECASE)
# a run-in heading opening a numbered paragraph: "7.1 Legal implications: the Council ..."
_RUNIN_RE = recache.compile(
    r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+(?:"
    + "|".join(f"(?P<{name}>{pat})" for name, pat in _SECTIONS) + r")\s*:\s+\S",
    re.IGNORECASE)
_NUMBER_TAB = recache.compile(r"^(\s*\d{1,2}(?:\.\d{1,2})*\.?)\t")
_KEYWORDS = ("background", "equalit", "psed", "legal", "financ", "resource",
             "consultation", "engagement", "risk", "option", "alternative", "appendi",
             "papers relied")


def scan(index: Index, col: Collector) -> None:
    found: dict[str, object] = {}
    for i in index.having(*_KEYWORDS):
        cl = index.lines[i]
        if cl.bullet:       # "- Risk management" in a list is not a section heading
            continue
        # a tab stop after the section number ("7\tLegal Implications", Word and PDF)
        text = _NUMBER_TAB.sub(r"\1 ", cl.text)
        m = _RUNIN_RE.match(text)
        if m is None:
            if "\t" in text.strip() or len(text) > 90:
                continue
            m = _HEAD_RE.match(text)
        if m is None:
            continue
        name = next(n for n, _ in _SECTIONS if m.group(n) is not None)
        found.setdefault(name, cl)
    if found:
        first = min(found.values(), key=lambda cl: cl.number)
        col.put("sections", sorted(found), first.line, 0)
