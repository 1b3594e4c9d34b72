"""The canonical field names every reader and extractor produces, with their types.

This table is the contract between extraction, the structured (YAML/JSON) record
format and the rules: a rule may only name a field listed here, and the rule loader
rejects a rule that names anything else.  Types:

``date``   a ``datetime.date``
``bool``   true / false
``str``    free text
``int``    a whole number
``list``   a list of strings
``enum``   one of the listed strings
``recs``   a list of recommendations ``{"kind", "text", "line"}``
``items``  a list of agenda items, each a mapping with the keys in ``AGENDA_ITEM_KEYS``
"""

from __future__ import annotations

from govcheck.struct import struct



@struct(frozen=True)
class FieldSpec:
    name: str
    type: str
    doc: str
    choices: tuple[str, ...] = ()


RECOMMENDATION_KINDS = ("note", "agree", "approve", "decide", "recommend_to_council")

#: The keys of each agenda item (``agenda_items``): ``number`` (str, "6" / "6a"),
#: ``title`` (str), ``line`` (int, where the item is listed), ``restricted`` (bool, or
#: None when the agenda does not say: taken in private as exempt or confidential),
#: ``paragraphs`` (list of str: Schedule 12A paragraphs the agenda gives), ``late`` and
#: ``urgent`` (bool: marked as a late report / urgent item), ``key_decision`` (bool or
#: None: the agenda's key-decision column), ``forward_plan_ref`` (str or None), and
#: ``report_line`` (int or None: the line where that item's report starts, in a pack).
AGENDA_ITEM_KEYS = ("number", "title", "line", "restricted", "paragraphs", "late", "urgent",
                    "key_decision", "forward_plan_ref", "report_line")

_SPECS = [
    # identity
    FieldSpec("title", "str", "subject or title of the report, decision or notice"),
    FieldSpec("council", "str", "the council"),
    FieldSpec("decision_maker", "str", "the decision maker or body (e.g. Cabinet)"),
    FieldSpec("report_of", "str", "the officer whose report it is"),
    FieldSpec("author", "str", "report author"),
    FieldSpec("portfolio", "str", "relevant cabinet member or portfolio"),
    FieldSpec("body", "str", "the meeting's body (meeting records)"),
    # dates
    FieldSpec("meeting_date", "date", "date of the meeting that takes or considers it"),
    FieldSpec("decision_date", "date", "date the decision was or will be made"),
    FieldSpec("report_date", "date", "date of the report"),
    FieldSpec("publication_date", "date", "date the document was published"),
    FieldSpec("notice_first_published", "date",
              "date the notice of key decision (forward plan entry) was first published"),
    FieldSpec("general_exception_notice_published", "date",
              "date the general exception notice (reg 10) was made available"),
    FieldSpec("effective_from", "date", "date the decision takes effect"),
    FieldSpec("venue", "str", "where the meeting is held (meeting records)"),
    FieldSpec("members_present", "str", "the members present at the meeting (minutes)"),
    FieldSpec("agenda_published", "date", "date the agenda was published"),
    FieldSpec("urgent_business", "bool",
              "the minutes show business the chair admitted as urgent although it was not "
              "on the agenda (s100B(4)(b); Scotland s50B(4)(b))"),
    FieldSpec("urgency_circumstances", "str",
              "the special circumstances the minutes give for taking business as urgent"),
    FieldSpec("urgent_items_without_circumstances", "list",
              "urgent items the minutes give no special circumstances for"),
    FieldSpec("urgency_circumstances_elsewhere", "bool",
              "the chair's ruling says the urgent items without circumstances are taken "
              "later in the meeting ('as the final item'), and the record's text is cut "
              "short ('[...]') before their own minute, where the circumstances may be "
              "specified"),
    FieldSpec("convened_at_short_notice", "bool",
              "the meeting was convened at shorter notice than the clear days required"),
    FieldSpec("agenda_items", "items",
              "the items on a meeting's agenda, in order (meeting records), each "
              "{number, title, line, restricted, paragraphs, late, urgent, key_decision, "
              "forward_plan_ref, report_line}"),
    FieldSpec("private_notice_published", "date",
              "date the notice of intention to hold the meeting (or item) in private was "
              "published (SI 2012/2089 reg 5(2))"),
    FieldSpec("private_further_notice_published", "date",
              "date the further notice of the private meeting, with representations and "
              "the response, was published (reg 5(4))"),
    FieldSpec("private_further_notice", "bool",
              "the page says it is the further notice of the private meeting, given five "
              "clear days before it (SI 2012/2089 reg 5(4))"),
    FieldSpec("closed_to_public", "str",
              "the sentence saying the meeting as a whole is not open to the public, or is "
              "held as a private meeting, for a reason that is neither confidential nor "
              "exempt information (LGA 1972 s100A; SI 2012/2089 regs 3-4)"),
    FieldSpec("private_representations", "str",
              "what the further notice says about representations that the meeting should "
              "be open to the public, and the response (reg 5(5)(b)-(c))"),
    # key decisions
    FieldSpec("key_decision", "bool", "declared a key decision"),
    FieldSpec("forward_plan_ref", "str", "forward plan / notice of key decision reference"),
    FieldSpec("wards", "list", "wards affected; ['ALL'] for all wards"),
    FieldSpec("financial_value", "int", "expenditure or savings involved, in pounds"),
    FieldSpec("documents_submitted", "str",
              "the documents a notice says will be submitted to the decision maker "
              "(reg 9(1)(e) SI 2012/2089)"),
    # urgency
    FieldSpec("urgency_route", "enum", "urgency route relied on",
              ("none", "general_exception", "special_urgency", "unspecified")),
    FieldSpec("urgency_reason", "str", "reasons given for urgency"),
    FieldSpec("urgency_agreed_by", "str", "who agreed the decision was urgent (reg 11)"),
    # call-in
    FieldSpec("call_in_eligible", "bool", "declared eligible for call-in"),
    FieldSpec("call_in_stated", "bool",
              "what the decision's own text (its status or resolution) says about call-in, "
              "beside any answer to a call-in label"),
    FieldSpec("call_in_exemption_reason", "str", "reason given for exemption from call-in"),
    # exempt information
    FieldSpec("exempt", "enum", "whether the report or item is exempt/confidential",
              ("none", "part", "full")),
    FieldSpec("exempt_paragraphs", "list", "Schedule 12A (or 7A) paragraphs cited, e.g. ['3']"),
    FieldSpec("agenda_paragraphs", "list",
              "the Schedule 12A paragraphs the agenda gives against this report's item "
              "(read from the agenda of the same pack)"),
    FieldSpec("exempt_schedule", "enum", "the schedule cited", ("12A", "7A")),
    FieldSpec("exempt_part", "str", "the Part of the schedule cited (e.g. '1', '4')"),
    FieldSpec("blank_fields", "list",
              "fields whose label the page shows with no answer (e.g. decision_maker)"),
    FieldSpec("confidential", "bool",
              "kept private as confidential information in the statutory sense (LGA 1972 "
              "s100A(2)-(3), Scotland s50A(2)-(3), SI 2012/2089 reg 4(2)(a)), which needs "
              "no Schedule 12A paragraph"),
    FieldSpec("restriction_reasons_page", "bool",
              "the page gives the reasons for restricting a document (ModernGov's reasons "
              "restricted page), not the document itself"),
    FieldSpec("exempt_grounds_elsewhere", "bool",
              "the grounds for the restriction are where govcheck did not read them: on a "
              "linked page (ModernGov 'view reasons'), or after the point where the "
              "record's text is cut short ('[...]')"),
    FieldSpec("exempt_grounds_referenced", "bool",
              "the resolution excluding the public describes the exempt information by "
              "reference to where it is stated ('as indicated against each item' of the "
              "agenda, 'as set out in the report'), not on the page"),
    FieldSpec("exclusion_proposed", "bool",
              "the page (an agenda) prints the resolution to exclude the public only as "
              "one to be moved ('the following resolution may be proposed', 'to consider "
              "passing the following resolution') and records no proceedings: whether it "
              "was passed, and in what words, is in the minutes"),
    FieldSpec("exempt_paragraphs_unanchored", "bool",
              "the paragraphs were read from the text of a page that names neither "
              "Schedule 12A (7A) nor a Part of it, and not from a front sheet's answer: "
              "they may be paragraphs of the council's own rules or of the report"),
    FieldSpec("public_interest_statement", "str",
              "statement that the public interest in maintaining the exemption outweighs "
              "the public interest in disclosure"),
    # decision records
    FieldSpec("purpose", "str",
              "the purpose of the report or decision as the record states it (\"Purpose:\")"),
    FieldSpec("decision_reasons", "str", "the reasons for the decision (decision records)"),
    FieldSpec("alternatives_considered", "str",
              "alternative options considered and rejected (decision records)"),
    FieldSpec("interests_declared", "str",
              "conflicts of interest declared, and any dispensation (decision records)"),
    FieldSpec("dispensation", "str",
              "a note of any dispensation granted in respect of a declared conflict of "
              "interest (SI 2012/2089 reg 12(2)(e))"),
    # recommendations
    FieldSpec("recommendations", "recs", "recommendations, each classified"),
    FieldSpec("recommendation_kinds", "list",
              "kinds of the recommendations (" + ", ".join(RECOMMENDATION_KINDS) + ")"),
    # report body
    FieldSpec("sections", "list",
              "sections the report has, by heading: legal, financial, equality, "
              "consultation, risk, alternatives, appendices, background_papers"),
    # statutory events found in the text
    FieldSpec("directions_date", "date",
              "date of Best Value intervention directions (LGA 1999 s15) mentioned in the text"),
    FieldSpec("directions_period_months", "int",
              "months the directions allow for the improvement plan ('within six months')"),
    FieldSpec("auditor_report_sent", "date",
              "date a local auditor's public interest report or statutory (written) "
              "recommendation was sent to the authority (LAAA 2014 Sch 7; Public Audit "
              "(Wales) Act 2004 s25)"),
    FieldSpec("s114_report_sent", "date", "date a s114 report was sent to members"),
    FieldSpec("mo_report_sent", "date",
              "date a monitoring officer's report under s5 or s5A of the Local Government "
              "and Housing Act 1989 was sent to members"),
    FieldSpec("meeting_notice_published", "date",
              "date the public notice of a meeting to consider an auditor's report or "
              "recommendation was published (LAAA 2014 Sch 7 para 8; Public Audit (Wales) "
              "Act 2004 s26)"),
    FieldSpec("ombudsman_report_received", "date",
              "date the authority received an Ombudsman's report finding injustice "
              "(Local Government Act 1974 s31(2); Public Services Ombudsman (Wales) Act "
              "2019 s26)"),
    FieldSpec("findings_received", "date",
              "date a Scottish council received the Accounts Commission's findings "
              "(Local Government (Scotland) Act 1973 s103E; Local Government in Scotland "
              "Act 2003 s5)"),
]

FIELDS: dict[str, FieldSpec] = {s.name: s for s in _SPECS}


def field_type(name: str) -> str | None:
    spec = FIELDS.get(name)
    return spec.type if spec else None


def markdown_table() -> str:
    """The field table of docs/records.md (regenerate with ``python -m govcheck.fields``)."""
    kinds = {"recs": "list of {kind, text}", "list": "list of strings",
             "items": "list of {number, title, restricted, paragraphs, late, urgent, ...}"}
    rows = ["| field | type | meaning |", "|---|---|---|"]
    for s in _SPECS:
        t = " / ".join(s.choices) if s.type == "enum" else kinds.get(s.type, s.type)
        rows.append(f"| `{s.name}` | {t} | {s.doc} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(markdown_table(), end="")
