"""The label table: how each canonical field is asked for on a front sheet or a
ModernGov page.

A label is matched at the start of a table cell (a line's text, or the text after a
TAB), after any numbering (``1.``, ``2.3``).  It must end with ``?`` or ``:`` or at
the end of its cell; one-word labels (``Date``, ``Title``, ``Committee``...) need the
punctuation or a table cell, so that prose is never taken for a label.  What follows
is the value: the rest of the cell and any later cells that are not labels
themselves, or, when that is empty, the next line (see ``frontsheet``).

Welsh labels (ModernGov's Welsh pages, bilingual front sheets) are at the end of the
table: ``Penderfyniad allweddol?`` (key decision), ``Yn amodol ar alw i mewn?`` /
``Galw i mewn`` (call-in), ``Effeithiol O`` (effective from), ``Dyddiad y
penderfyniad`` (decision date), ``Gwneuthurwr penderfyniad`` (decision maker),
``Prawf Er Budd y Cyhoedd`` (public interest test), ``Rhesymau wedi'u cyfyngu``
(reasons restricted), ``Rheswm dros frys`` (reason for urgency), ``Wardiau yr
effeithir arnynt`` (wards affected)...  Their answers (``Ie``/``Oes``/``Ydy``,
``Na``/``Nac oes``/``Nac ydy``, ``Pob Ward``, Welsh dates) are read by :mod:`.values`
and :mod:`govcheck.dates`.

``kind`` says how the value is read:

=============  ==============================================================
text           free text
bool           a yes/no answer or ticked box (``negate`` flips it)
key_type       ModernGov ``Decision type: Key`` / ``Non-key``
date           a date (notes for a weekday mismatch, a qualifier, a partial date)
bare_date      ``Date:``: the meeting date under a "Report to" / "Meeting"
               heading, else the report date
exempt         yes/no (or part/full/none) to "contains exempt information?"
restriction    ModernGov ``Anticipated restriction: Part exempt``
paragraphs     exempt paragraph numbers
wards          a list of wards, ``(All Wards)`` → ["ALL"]
wards_q        "Are specific wards affected?": No → ["ALL"], Yes → names
money          a sterling amount
urgency        reasons for urgency (also gives the route)
urgency_q      "Is the decision urgent?": No → route none
decision_due   ``Decision due: 9 Sep 2021 by Executive``
body           the meeting / committee
=============  ==============================================================

``starts`` lists the words a label can begin with: only the labels listed under a
cell's first word are tried, and each label's expression is compiled when first
needed (a test derives the words from each pattern and checks the list).

``marks`` names the record kind a label is evidence of (``Date of decision`` and
``Effective from`` mark a decision record; ``Decision due`` and ``first published``
a notice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["LabelSpec", "LABELS", "match_label", "match_label_slow"]

_CALLIN = r"call[\s-]*in"


@dataclass(frozen=True, slots=True)
class LabelSpec:
    field: str
    kind: str
    starts: tuple[str, ...]  # the words the label can begin with (lower case)
    pattern: str
    negate: bool = False
    generic: bool = False   # one common word: needs ":"/"?" or a table cell
    marks: str | None = None


# Order matters: the first label that matches wins, so longer and more specific
# wordings come before shorter ones that share their start.
LABELS: tuple[LabelSpec, ...] = (
    # forward plan reference before "key decision"
    LabelSpec("forward_plan_ref", "text",
              ("if", "forward", "key", "notice"),
              r"(?:if\s+relevant,?\s+(?:add|provide|give|state)\s+(?:the\s+)?)?"
              r"forward\s+plan\s+(?:reference|ref\.?|no\.?|number"
              r"|item(?:\s+(?:no\.?|number|ref\.?))?)"
              r"(?:\s*\(if\s+applicable\))?"
              r"|key\s+decision\s+(?:reference|ref\.?|no\.?|number)"
              r"|notice\s+of\s+key\s+decision\s+(?:reference|ref\.?)"),
    LabelSpec("key_decision", "bool",
              ("is", "key"),
              r"is\s+(?:this|it|the\s+decision|this\s+decision|this\s+report)\s+a\s+key\s+decision"
              r"|is\s+key\s+decision|key\s+decision\s*(?:\(\s*y(?:es)?\s*/\s*n(?:o)?\s*\))?"),
    LabelSpec("key_decision", "key_type",
              ("decision", "type"),
              r"decision\s+type|type\s+of\s+decision",
              generic=True),
    # call-in: the reason before the question
    LabelSpec("call_in_exemption_reason", "text",
              ("reason", "reasons", "call", "callin", "if"),
              r"reasons?\s+for\s+(?:the\s+)?(?:exemption|exempting(?:\s+it)?|being\s+exempt)"
              r"\s+from\s+"
              + _CALLIN + r"|" + _CALLIN + r"\s+exemption\s+reasons?"
              r"|reasons?\s+for\s+(?:the\s+)?" + _CALLIN + r"\s+exemption"
              r"|if\s+not\s+(?:eligible\s+for|subject\s+to)\s+" + _CALLIN
              + r",?\s*(?:please\s+)?(?:give|state|provide|explain)?\s*(?:the\s+)?"
              r"(?:reasons?|why)"),
    LabelSpec("call_in_eligible", "bool",
              ("is", "exempt"),
              r"(?:is\s+(?:the|this)\s+(?:decision|report|item)\s+)?exempt\s+from\s+" + _CALLIN,
              negate=True),
    LabelSpec("call_in_eligible", "bool",
              ("is", "eligible", "subject", "call", "callin", "decision", "the"),
              r"is\s+(?:the|this)\s+(?:decision|report|item)\s+(?:eligible|subject)\s+(?:for|to)\s+"
              + _CALLIN + r"|is\s+(?:it\s+)?subject\s+to\s+" + _CALLIN
              + r"|(?:the\s+)?decision\s+(?:is\s+)?(?:eligible\s+for|subject\s+to)\s+" + _CALLIN
              + r"|(?:eligible\s+for|subject\s+to)\s+" + _CALLIN + r"|" + _CALLIN),
    # exempt information
    LabelSpec("exempt_paragraphs", "paragraphs",
              ("if", "exempt", "exemption", "schedule", "paragraph", "explanation", "reason",
              "reasons"),
              r"if\s+relevant,?\s+(?:provide|give|state|add)\s+(?:the\s+)?exempt\s+information\s+"
              r"paragraph[^\t:?]*"
              r"|exempt(?:ion)?\s+(?:information\s+)?paragraphs?(?:\s*\(s\))?"
              r"(?:\s+(?:numbers?|nos?\.?))?"
              r"|(?:schedule\s+12a\s+)?paragraph\s+(?:numbers?|nos?\.?)"
              r"|explanation\s+of\s+(?:the\s+)?anticipated\s+restriction"
              r"|reasons?\s+for\s+(?:the\s+)?(?:exemption|restriction|confidentiality)"
              r"|reasons?\s+restricted"),
    LabelSpec("exempt", "exempt",
              ("does", "is", "contains", "confidential", "exempt"),
              r"does\s+the\s+(?:report|item|decision)\s+(?:contain|include)\s+(?:any\s+)?"
              r"(?:confidential\s+or\s+exempt|exempt\s+or\s+confidential|exempt|confidential)"
              r"(?:\s+information|\s+or|\s+and)?"
              r"|(?:is\s+(?:the|this)\s+(?:report|item|decision)\s+)(?:exempt|confidential|private)"
              r"(?:\s+(?:under|within)\s+schedule\s+12a(?:\s+of\s+the\s+local\s+government"
              r"\s+act\s+1972)?)?"
              r"|(?:contains\s+)?(?:confidential\s+or\s+exempt|exempt\s+or\s+confidential)"
              r"(?:\s+information)?"
              r"|confidential\s*/\s*exempt(?:\s+information)?"
              r"|exempt\s*/\s*confidential(?:\s+information)?"
              r"|(?:contains\s+)?exempt\s+information|exempt\s+or\s+(?:open|public)"),
    LabelSpec("exempt", "restriction",
              ("anticipated", "restriction", "restrictions", "publication", "access"),
              r"anticipated\s+restrictions?|restrictions?|(?:publication|access)\s+status",
              generic=True),
    LabelSpec("public_interest_statement", "text",
              ("public",),
              r"public\s+interest\s+(?:test|statement|reasons?)"),
    # urgency
    LabelSpec("urgency_reason", "urgency",
              ("reason", "reasons", "urgency"),
              r"reasons?\s+for\s+(?:the\s+)?(?:special\s+urgency|general\s+exception|urgency)"
              r"|urgency\s+reasons?"
              r"|reasons?\s+(?:why|for)\s+(?:the\s+)?decision\s+(?:is|was)\s+urgent"),
    LabelSpec("urgency_route", "special_q",
              ("special", "is", "has"),
              r"special\s+urgency(?:\s+(?:procedure|rule|provisions?|applies|used))?"
              r"|(?:is|has)\s+(?:the\s+)?special\s+urgency\s+(?:procedure|rule)\s+"
              r"(?:been\s+)?(?:used|applied|invoked)"),
    LabelSpec("urgency_route", "general_q",
              ("general", "is", "has"),
              r"general\s+exception(?:\s+(?:procedure|rule|provisions?|applies|used))?"
              r"|(?:is|has)\s+(?:the\s+)?general\s+exception\s+(?:procedure|rule)\s+"
              r"(?:been\s+)?(?:used|applied|invoked)"),
    LabelSpec("decision_reasons", "text",
              ("reasons", "reason"),
              r"reasons?\s+for\s+(?:the\s+)?(?:decision|recommendations?)(?:\s+made)?",
              marks="decision"),
    LabelSpec("alternatives_considered", "text",
              ("alternative", "alternatives", "other", "options"),
              r"(?:other\s+)?alternative\s+options?(?:\s+considered)?(?:\s+and\s+rejected)?"
              r"|alternatives?\s+considered(?:\s+and\s+rejected)?"
              r"|options\s+considered(?:\s+and\s+rejected)?"),
    LabelSpec("interests_declared", "text",
              ("interests", "conflicts", "conflict", "declarations", "declaration", "any"),
              r"interests\s+and\s+nature\s+of\s+interests\s+declared"
              r"|(?:any\s+)?conflicts?\s+of\s+interests?(?:\s+declared)?(?:\s+and\s+dispensations?)?"
              r"|declarations?\s+of\s+interests?"),
    LabelSpec("urgency_agreed_by", "text",
              ("urgency",),
              r"urgency\s+(?:agreed|approved|consented\s+to)\s+by"),
    LabelSpec("urgency_route", "urgency_q",
              ("is", "urgent", "urgency"),
              r"is\s+(?:the|this)\s+(?:decision|item|report)\s+urgent|urgent\s+(?:decision|item)"
              r"|urgency(?:\s+route)?|urgency\s+procedure", generic=True),
    # dates
    LabelSpec("general_exception_notice_published", "date",
              ("general", "date"),
              r"general\s+exception\s+notice\s+(?:first\s+)?(?:published|given|made\s+available)"
              r"(?:\s+on)?|date\s+of\s+(?:the\s+)?general\s+exception\s+notice", marks="notice"),
    LabelSpec("private_further_notice_published", "date",
              ("further", "second", "five"),
              r"(?:further|second|five(?:[\s-]+clear)?[\s-]+day)\s+"
              r"(?:private\s+meeting\s+)?notice(?:\s+of\s+(?:the\s+)?private\s+meeting)?"
              r"\s+(?:first\s+)?(?:published|given)(?:\s+on)?"),
    LabelSpec("private_notice_published", "date",
              ("notice", "date", "private"),
              r"(?:date\s+of\s+(?:the\s+)?)?notice\s+of\s+(?:the\s+)?(?:intention|intent)\s+to\s+"
              r"(?:hold|take)\s+(?:(?:part\s+of\s+)?(?:the|this)\s+)?(?:meeting|item|report|decision)"
              r"\s+in\s+private(?:\s+(?:first\s+)?published(?:\s+on)?)?"
              r"|private\s+meeting\s+notice\s+(?:first\s+)?published(?:\s+on)?"),
    LabelSpec("notice_first_published", "date",
              ("notice", "date", "first"),
              r"(?:date\s+(?:the\s+)?)?notice\s+of\s+(?:proposed|key|the\s+key)\s+decision\s+"
              r"(?:was\s+)?first\s+published(?:\s+on)?"
              r"|(?:date\s+)?first\s+published(?:\s+(?:on|in)(?:\s+the\s+(?:forward\s+plan"
              r"|notice\s+of\s+key\s+decisions?))?)?"
              r"|date\s+(?:first\s+)?(?:added|included|entered)\s+(?:to|in|on)\s+(?:the\s+)?"
              r"forward\s+plan",
              marks="notice"),
    LabelSpec("decision_date", "decision_due",
              ("decision", "expected", "anticipated", "proposed"),
              r"decision\s+due(?:\s+date)?|(?:expected|anticipated|proposed)\s+(?:date\s+of\s+)?"
              r"decision(?:\s+date)?", marks="notice"),
    LabelSpec("decision_date", "date",
              ("date", "decision"),
              r"date\s+of\s+(?:the\s+)?decision|decision\s+date|date\s+decision\s+(?:made|taken)"
              r"|decision\s+(?:made|taken)\s+on",
              marks="decision"),
    LabelSpec("effective_from", "date",
              ("effective", "decision", "date"),
              r"effective\s+from|(?:decision\s+)?effective\s+date|date\s+effective"
              r"|date\s+(?:the\s+)?decision\s+(?:takes|comes\s+into)\s+effect",
              marks="decision"),
    LabelSpec("agenda_published", "date",
              ("agenda", "date"),
              r"agenda\s+(?:published|publication\s+date|despatched|dispatched)(?:\s+on)?"
              r"|date\s+(?:of\s+)?agenda\s+publication"),
    LabelSpec("publication_date", "date",
              ("date", "publication", "published", "decision"),
              r"date\s+of\s+publication|publication\s+date|date\s+published|published(?:\s+on)?"
              r"|decision\s+published(?:\s+on)?",
              generic=True),
    LabelSpec("meeting_date", "date",
              ("date", "meeting", "cabinet", "committee", "council"),
              r"date\s+of\s+(?:the\s+)?(?:meeting|cabinet|committee|council|decision\s+meeting)"
              r"|meeting\s+date|(?:cabinet|committee|council)\s+(?:meeting\s+)?date"),
    LabelSpec("report_date", "date",
              ("date", "report"),
              r"date\s+of\s+(?:the\s+)?report|report\s+date"),
    LabelSpec("report_date", "bare_date",
              ("date",),
              r"date", generic=True),
    # people and bodies
    LabelSpec("decision_maker", "text",
              ("decision", "decisionmaker", "decisionmakers", "decisiontaker", "decisiontakers"),
              r"decision[\s-]*(?:makers?|takers?)|decision\s+(?:to\s+be\s+)?(?:made|taken)\s+by"
              r"|decision\s+by"),
    LabelSpec("decision_maker", "report_to",
              ("report",),
              r"report\s+to"),
    LabelSpec("report_of", "text",
              ("report", "lead", "reporting", "responsible", "director"),
              r"report\s+(?:of|by|from)|lead\s+(?:director|officer)|reporting\s+officer"
              r"|responsible\s+(?:officer|director)|director\s+responsible"),
    LabelSpec("author", "text",
              ("report", "author", "authors", "contact", "officer"),
              r"report\s+(?:authors?|writers?)(?:\s*\(s\))?|authors?(?:\s*\(s\))?"
              r"|contact\s+officers?(?:\s*\(s\))?|officer\s+contact",
              generic=True),
    LabelSpec("portfolio", "text",
              ("relevant", "lead", "cabinet", "portfolio", "executive"),
              r"relevant\s+cabinet(?:\s+members?(?:\s*\(s\))?)?"
              r"|(?:lead\s+)?cabinet\s+members?(?:\s*\(s\))?(?:\s+responsible)?"
              r"|portfolio(?:\s+holders?)?(?:\s*\(s\))?|lead\s+members?(?:\s*\(s\))?"
              r"|executive\s+members?"),
    LabelSpec("title", "text",
              ("subject", "report", "decision", "title"),
              r"subject(?:\s+of\s+(?:the\s+)?report)?"
              r"|(?:report\s+|decision\s+)?title(?:\s+of\s+(?:the\s+)?report)?"
              r"|report\s+(?:name|subject)",
              generic=True),
    LabelSpec("council", "text",
              ("council", "authority", "local"),
              r"council(?:\s+name)?|(?:local\s+)?authority", generic=True),
    # wards
    LabelSpec("wards", "wards_q",
              ("are",),
              r"are\s+(?:there\s+)?(?:any\s+)?specific\s+wards?\s+affected(?:\s*\?)?"
              r"(?:\s*if\s+(?:yes|so),?\s*(?:please\s+)?(?:name|list|state|give)[^\t:?]*[:?]?)?"),
    LabelSpec("wards", "wards",
              ("wards", "ward", "affected", "division", "divisions"),
              r"wards?\s*(?:\(s\))?\s+affected|affected\s+wards?|wards?\s*\(s\)|wards?"
              r"|(?:ward|division)s?\s+names?", generic=True),
    # money
    LabelSpec("financial_value", "money",
              ("financial", "estimated", "total", "approximate", "anticipated", "contract", "whole",
              "wholelife", "value"),
              r"financial\s+value"
              r"|(?:estimated|total|approximate|anticipated|contract|whole[\s-]*life)"
              r"\s+(?:value|cost)s?(?:\s+of\s+(?:the\s+)?(?:decision|contract|proposals?))?"
              r"|value\s+of\s+(?:the\s+)?(?:decision|contract|proposals?)|value",
              generic=True),
    LabelSpec("body", "body",
              ("meeting", "committee", "decision", "decisionmaking", "body"),
              r"meeting|committee|decision[\s-]*making\s+body|body", generic=True),
    # Welsh (ModernGov's Welsh pages and bilingual front sheets)
    LabelSpec("key_decision", "bool",
              ("penderfyniad",),
              r"penderfyniad\s+allweddol"),
    LabelSpec("key_decision", "key_type",
              ("math",),
              r"math\s+o\s+benderfyniad"),
    LabelSpec("call_in_exemption_reason", "text",
              ("rheswm", "rhesymau"),
              r"(?:rheswm|rhesymau)\s+dros\s+(?:ei\s+)?eithrio\s+rhag\s+(?:galw|alw)\s+i\s+mewn"),
    LabelSpec("call_in_eligible", "bool",
              ("wedi", "eithrio", "wedii"),
              r"(?:wedi['’]?i\s+)?eithrio\s+rhag\s+(?:galw|alw)\s+i\s+mewn", negate=True),
    LabelSpec("call_in_eligible", "bool",
              ("yn", "galw"),
              r"yn\s+amodol\s+ar\s+(?:alw|galw)\s+i\s+mewn|galw\s+i\s+mewn"),
    LabelSpec("urgency_reason", "urgency",
              ("rheswm", "rhesymau"),
              r"(?:rheswm|rhesymau)\s+dros\s+(?:y\s+)?(?:frys|brys)"),
    LabelSpec("exempt_paragraphs", "paragraphs",
              ("rhesymau", "rheswm"),
              r"rhesymau\s+wedi['’]u\s+cyfyngu|(?:rheswm|rhesymau)\s+dros\s+(?:y\s+)?gyfyngu"),
    LabelSpec("exempt", "restriction",
              ("cyfyngiad",),
              r"cyfyngiad(?:\s+a\s+ragwelir)?", generic=True),
    LabelSpec("public_interest_statement", "text",
              ("prawf",),
              r"prawf\s+(?:er\s+)?budd\s+(?:y\s+)?cyhoedd"),
    LabelSpec("notice_first_published", "date",
              ("cyhoeddwyd",),
              r"cyhoeddwyd\s+(?:am\s+y\s+tro\s+)?(?:gyntaf|cyntaf)(?:\s+ar)?", marks="notice"),
    LabelSpec("decision_date", "date",
              ("dyddiad",),
              r"dyddiad\s+(?:y\s+)?penderfyniad|dyddiad\s+penderfynu", marks="decision"),
    LabelSpec("effective_from", "date",
              ("effeithiol", "yn", "dyddiad"),
              r"(?:yn\s+)?effeithiol\s+o|dyddiad\s+dod\s+i\s+rym", marks="decision"),
    LabelSpec("publication_date", "date",
              ("dyddiad", "cyhoeddwyd"),
              r"dyddiad\s+(?:ei\s+)?cyhoeddi|cyhoeddwyd(?:\s+ar)?", generic=True),
    LabelSpec("meeting_date", "date",
              ("dyddiad",),
              r"dyddiad\s+y\s+cyfarfod"),
    LabelSpec("decision_maker", "text",
              ("gwneuthurwr", "penderfynwr"),
              r"gwneuthurwr\s+(?:y\s+)?penderfyniad|penderfynwr"),
    LabelSpec("author", "text",
              ("awdur", "swyddog"),
              r"awdur(?:\s+yr\s+adroddiad)?|swyddog\s+cyswllt", generic=True),
    LabelSpec("portfolio", "text",
              ("aelod", "portffolio"),
              r"aelod\s+(?:o['’]r\s+)?cabinet|aelod\s+arweiniol|portffolio"),
    LabelSpec("title", "text",
              ("teitl", "pwnc"),
              r"teitl|pwnc", generic=True),
    LabelSpec("wards", "wards",
              ("wardiau", "ward"),
              r"wardiau(?:\s+yr\s+effeithir\s+arnynt)?|ward(?:iau)?\s+yr\s+effeithir\s+arnynt",
              generic=True),
)

_NUMBERING = r"(?:\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-z])[.)]\s+|\d{1,2}(?:\.\d{1,2})+\s+)?"

_FIRST_WORD_RE = re.compile(r"[ ]*" + _NUMBERING + r"([a-z]+)")
_SEP = r"(?:[ ]*\?[ ]*:?|[ ]*:|[ ]*(?=\t|$))"
# a short aside between a label and its colon: "Reason for exemption from call-in (if
# applicable):", "Forward Plan reference (where relevant):"
_ASIDE = r"(?:[ ]*\([^()\t]{1,40}\))?"

# Labels by first word, in table order.  Each label's expression is compiled the
# first time a cell starting with one of its words is seen: one expression for the
# whole table took ~9 ms to compile, more than extracting a long report.
_BY_WORD: dict[str, tuple[int, ...]] = {}
for _i, _spec in enumerate(LABELS):
    for _w in _spec.starts:
        _BY_WORD[_w] = _BY_WORD.get(_w, ()) + (_i,)
_COMPILED: list[re.Pattern | None] = [None] * len(LABELS)


def _rx(i: int) -> re.Pattern:
    rx = _COMPILED[i]
    if rx is None:
        rx = _COMPILED[i] = re.compile(
            r"[ ]*" + _NUMBERING + r"(?P<label>" + LABELS[i].pattern + r")" + _ASIDE + _SEP,
            re.IGNORECASE)
    return rx


def _try(text: str, pos: int, candidates) -> tuple[LabelSpec, int, int] | None:
    for i in candidates:
        m = _rx(i).match(text, pos)
        if m is None:
            continue
        spec = LABELS[i]
        if spec.generic and not text[m.end("label"):m.end()].strip() and "\t" not in text:
            # a one-word label without ":"/"?" only counts as a table cell
            return None
        return spec, m.start("label"), m.end()
    return None


def match_label(text: str, pos: int = 0, low: str | None = None
                ) -> tuple[LabelSpec, int, int] | None:
    """The label starting at ``pos`` of ``text``: (spec, label start, value start).

    ``text`` is one cleaned line (cells separated by TABs); the label must be the
    start of its cell.  ``low`` is ``text.lower()`` if the caller has it.
    """
    if low is None:
        low = text.lower()
    if len(low) != len(text):  # lower-casing changed the length: no shortcut
        return match_label_slow(text, pos)
    w = _FIRST_WORD_RE.match(low, pos)
    if w is None:
        return None
    candidates = _BY_WORD.get(w.group(1))
    return _try(text, pos, candidates) if candidates else None


def match_label_slow(text: str, pos: int = 0) -> tuple[LabelSpec, int, int] | None:
    """As :func:`match_label`, trying every label in table order (no first-word
    shortcut): for tests, and for the rare line whose lower case changes length."""
    return _try(text, pos, range(len(LABELS)))
