"""govcheck.extract: Document → Records, with provenance and notes."""

from __future__ import annotations

import time
from datetime import date

import pytest

from govcheck.extract import Note, extract, extract_with_notes
from govcheck.extract.checkbox import parse_answer
from govcheck.extract.recommendations import classify
from govcheck.fields import FIELDS
from govcheck.read.base import Document, Line


def doc_of(text: str, fmt: str = "text", data=None, first_line: int = 1) -> Document:
    doc = Document.from_text("report.txt", fmt, text, first_line=first_line)
    doc.data = data
    return doc


def one(text: str, **kw):
    records, notes = extract_with_notes(doc_of(text, **kw))
    assert len(records) == 1
    return records[0], notes


# ---------------------------------------------------------------------------
# The two real Birmingham City Council front sheets (lines copied from the seeds,
# long body paragraphs shortened).

SEED_000 = (
    "Birmingham City Council Report to Cabinet\n"
    "\n"
    "26 March 2019\n"
    "\n\n\n"
    "Subject:\tBIRMINGHAM INDEPENDENT IMPROVEMENT PANEL\n"
    "Report of:\tTHE CHIEF EXECUTIVE\n"
    "Relevant Cabinet\tCouncillor Ian Ward, Leader\n"
    "\n"
    "Member:\n"
    "\n"
    "Relevant O &S Chair(s): Councillor Josh Jones – Co-ordinating O&S Committee\n"
    "\n"
    "Claire Sanderson Claire.Sanderson@birmingham.go.uk Report author:\n"
    "\n"
    "Tel: 0121 303 3133\n"
    "\n"
    "Are specific wards affected? If yes, name(s) of ward(s):\tYes\tX No – All wards affected\n"
    "Is this a key decision?\t□ Yes\t⊠ No\n"
    "If relevant, add Forward Plan Reference:\t\t\n"
    "Is the decision eligible for call-in?\t☐ Yes\t⊠ No\n"
    "Does the report contain confidential or exempt information?\t□ Yes\t⊠ No\n"
    "If relevant, provide exempt information paragraph number or\treason if cor\tifidential :\n"
    "\n"
    "1 **Executive Summary**\n"
    "\n"
    "The attached stocktake report (appendix 1) provides the final formal assessment of the "
    "Council's improvement journey prior to the Birmingham Independent Improvement Panel "
    "(BIIP) stepping down at the end of March 2019.\n"
    "\n"
    "- 1.2 Key areas of progress since June 2018 include: improved financial planning.\n"
    "\n"
    "2 Recommendations\n"
    "\n"
    "- 2.1 Cabinet is asked to note the Council improvement paperwork intended for submission "
    "to the BIIP\n"
    "- 2.2 Cabinet is asked to note that the full set of improvement documents will be "
    "published for full Council in April once the BIIP has circulated their final analysis "
    "and independent set of reflections.\n"
    "\n"
    "3 Background\n"
    "\n"
    "- 3.1 The Kerslake Report was published in December 2014.\n"
)

SEED_001 = (
    "\n\n"
    "Birmingham City Council Report to Cabinet\n"
    "\n"
    "4th April 2024\n"
    "\n\n\n"
    "Subject:\tDraft Improvement and Recovery Plan (IRP)\n"
    "Report of:\tGraeme Betts – Acting Chief Executive\n"
    "Relevant Cabinet Member:\tCouncillor John Cotton, Leader of the Council Councillor "
    "Sharon Thompson, Deputy Leader\n"
    "Relevant O&S Chair(s):\tCouncillor Albert Bore – Co-ordinating O&S Committee\n"
    "Report author:\tPaul Clarke, Assistant Director (Programmes, Performance, and "
    "Improvement)\n"
    "\n"
    'Are specific wards affected?\t<input checked="" type="checkbox"/> No\n'
    'Is this a key decision?\t<input checked="" type="checkbox"/> No\n'
    'Is the decision eligible for call-in?\t<input checked="" type="checkbox"/> No\n'
    'Does the report contain confidential or exempt information?\t<input checked="" '
    'type="checkbox"/> No\n'
    "\n"
    "1 Executive Summary\n"
    "\n"
    "- 1.1 The Intervention Directions issued to the Council under Section 15(5) and (6) of "
    "the Local Government Act 1999 require the preparation and agreement of an Improvement "
    "Plan. The Plan needs to be developed within six months of the Directions with resources "
    "allocated accordingly.\n"
    "\n"
    "2. Recommendations\n"
    "\n"
    "2.1 Cabinet is asked to:\n"
    "\n"
    "- (a) Consider the draft Improvement and Recovery Plan (IRP) (attached at "
    "**Appendix 1**) as the overarching document that summarises the key programmes, "
    "projects, and activity the Council needs to deliver improvement.\n"
    "- (b) Agree the Aims, Outcomes, and Priorities of the Improvement and Recovery Plan (IRP).\n"
    "- (c) Note the Improvement and Recovery Plan (IRP) will be reviewed and refreshed to "
    "reflect new priorities and the further development of delivery plans for new programmes.\n"
    "- (d) Recommend that the City Council approve the Improvement and Recovery Plan (IRP).\n"
    "\n"
    "3. Background and context: the need for improvement and change\n"
    "\n"
    "3.1 A series of reviews and judgements provide evidence of significant and systemic "
    "failure at the Council. These reviews and judgements have been a catalyst for the "
    "Government's Intervention Directions issued on 5th October 2023, and the arrival of "
    "Commissioners, and include:\n"
    "\n"
    "3.1.3 External Auditor Statutory Recommendations issued on 29th September 2023 which "
    "include 12 recommendations.\n"
    "\n"
    "3.1.4 Internally, two Section 114 Notices and a Section 5 Notice were issued during "
    "September 2023.\n"
    "\n"
    "6. Options considered and Recommended Proposal\n"
    "\n"
    "- 6.1 Do nothing. This is not an option as there is a Statutory Direction on the council "
    "to produce an IRP within 6 months of the intervention starting.\n"
)


def test_seed_000_front_sheet():
    r, notes = one(SEED_000)
    assert r.kind == "report"
    assert r.get("key_decision") is False
    assert r.get("call_in_eligible") is False
    assert r.get("exempt") == "none"
    assert r.get("wards") == ["ALL"]
    assert r.get("meeting_date") == date(2019, 3, 26)
    assert r.get("decision_maker") == "Cabinet"
    assert r.get("recommendation_kinds") == ["note"]
    assert r.get("council") == "Birmingham City Council"
    assert r.get("title") == "BIRMINGHAM INDEPENDENT IMPROVEMENT PANEL"
    assert r.get("report_of") == "THE CHIEF EXECUTIVE"
    assert r.get("portfolio") == "Councillor Ian Ward, Leader"
    assert not r.has("forward_plan_ref")       # an empty cell is not a value
    assert not r.has("exempt_paragraphs")      # "reason if cor ifidential :" holds none
    # "Claire ... Report author:": the label ends the line and its value comes before it
    assert r.get("author") == "Claire Sanderson Claire.Sanderson@birmingham.go.uk"
    assert (r.fields["author"].line, r.fields["author"].column) == (15, 1)
    assert [x["line"] for x in r.get("recommendations")] == [34, 35]
    assert notes == []
    # provenance: line, 1-based column of the value, source text
    kd = r.fields["key_decision"]
    assert (kd.line, kd.text) == (20, "Is this a key decision?\t□ Yes\t⊠ No")
    assert kd.text[kd.column - 1:kd.column + 1] == "No"
    md = r.fields["meeting_date"]
    assert (md.line, md.column, md.text) == (3, 1, "26 March 2019")
    wards = r.fields["wards"]
    assert wards.line == 19 and wards.text[wards.column - 1:].startswith("No – All wards")
    dm = r.fields["decision_maker"]
    assert (dm.line, dm.column) == (1, 35)


def test_seed_001_front_sheet():
    r, _ = one(SEED_001)
    assert r.kind == "report"
    assert r.get("meeting_date") == date(2024, 4, 4)
    assert r.get("key_decision") is False
    assert r.get("call_in_eligible") is False
    assert r.get("exempt") == "none"
    assert r.get("decision_maker") == "Cabinet"
    assert r.get("author").startswith("Paul Clarke")
    kinds = r.get("recommendation_kinds")
    assert {"agree", "note", "recommend_to_council"} <= set(kinds)
    assert kinds == sorted(set(kinds))
    recs = r.get("recommendations")
    assert [x["kind"] for x in recs] == ["note", "agree", "note", "recommend_to_council"]
    assert recs[0]["text"].startswith("Consider the draft")
    assert "**" not in recs[0]["text"]
    assert r.get("directions_date") == date(2023, 10, 5)
    assert r.get("directions_period_months") == 6
    dd = r.fields["directions_date"]
    assert dd.text[dd.column - 1:].startswith("5th October 2023")
    period = r.fields["directions_period_months"]
    assert period.text[period.column - 1:].startswith("six months of the Directions")
    assert not r.has("s114_report_sent")        # "during September 2023" is no date


def test_seed_files_if_present():
    """The seeds themselves, when this checkout has them (CI may not)."""
    from pathlib import Path

    seeds = Path("/work/shared/seeds")
    files = {p.name[:3]: p for p in seeds.glob("*.txt")} if seeds.is_dir() else {}
    if "000" not in files or "001" not in files:
        pytest.skip("seed reports not available")
    r0 = extract(doc_of(files["000"].read_text(encoding="utf-8")))[0]
    r1 = extract(doc_of(files["001"].read_text(encoding="utf-8")))[0]
    assert (r0.get("meeting_date"), r0.get("wards"), r0.get("recommendation_kinds")) == (
        date(2019, 3, 26), ["ALL"], ["note"])
    assert r1.get("meeting_date") == date(2024, 4, 4)
    assert r1.get("directions_date") == date(2023, 10, 5)
    assert r1.get("directions_period_months") == 6
    assert {"agree", "note", "recommend_to_council"} <= set(r1.get("recommendation_kinds"))


# ---------------------------------------------------------------------------
# Checkbox answers

CHECKBOXES = [
    ("□ Yes ⊠ No", "no"),
    ("☐ Yes ☒ No", "no"),
    ("☒ Yes ☐ No", "yes"),
    ("☑ Yes ☐ No", "yes"),
    ("✓ Yes ☐ No", "yes"),
    ("☐ Yes ✔ No", "no"),
    ("Yes ☒ No ☐", "yes"),           # box after its word
    ("Yes ☐ No ☒", "no"),
    ("Yes\tX No – All wards affected", "no"),
    ("Yes\tx No", "no"),
    ("□ Yes\t⊠ No", "no"),
    ('<input checked="" type="checkbox"/> No', "no"),
    ('<input type="checkbox"/> Yes <input checked="" type="checkbox"/> No', "no"),
    ('<input type="checkbox" checked> Yes <input type="checkbox"> No', "yes"),
    ("[x] Yes [ ] No", "yes"),
    ("Yes ☐ No ☒ – All wards affected", "no"),   # a dash goes on with the answer before it
    ("Yes ☒ No ☐ – All wards affected", "yes"),
    ("[ ] Yes [X] No", "no"),
    ("☒Yes☐No", "yes"),
    ("Yes", "yes"),
    ("No", "no"),
    ("No – all wards", "no"),
    ("Non-key", "non-key"),
]


@pytest.mark.parametrize("value,word", CHECKBOXES)
def test_checkbox_answers(value, word):
    ans = parse_answer(value)
    assert ans.problem is None
    assert ans.option is not None and ans.option.word == word
    assert value[ans.option.start:].lower().startswith(word.split("-")[0])


@pytest.mark.parametrize("value,problem", [
    ("☐ Yes ☐ No", "no answer is ticked"),
    ("[ ] Yes [ ] No", "no answer is ticked"),
    ('<input type="checkbox"/> Yes <input type="checkbox"/> No', "no answer is ticked"),
    ("☒ Yes ☒ No", "more than one answer is ticked"),
    ("Yes X No", "cannot tell which answer the tick belongs to"),
    ("Yes / No", "both answers are shown and neither is marked"),
    ("", "no answer given"),
])
def test_checkbox_ambiguous(value, problem):
    ans = parse_answer(value)
    assert ans.option is None
    assert ans.problem.startswith(problem)


def test_ambiguous_checkbox_leaves_field_absent_with_note():
    r, notes = one("Is this a key decision?\t☒ Yes\t☒ No\n"
                   "Is the decision eligible for call-in?\t☐ Yes\t☐ No\n"
                   "Does the report contain confidential or exempt information?\tYes X No\n")
    assert not r.has("key_decision")
    assert not r.has("call_in_eligible")
    assert not r.has("exempt")
    assert [(n.line, n.field) for n in notes] == [
        (1, "key_decision"), (2, "call_in_eligible"), (3, "exempt")]
    assert "more than one answer is ticked" in notes[0].message
    assert "no answer is ticked" in notes[1].message
    assert all(isinstance(n, Note) and n.column >= 1 for n in notes)


# ---------------------------------------------------------------------------
# Labels: front sheets and ModernGov pages

# The label wordings and their values are examples in rules/vocabulary/labels.yaml, run
# by tests/test_vocabulary.py.


def test_label_answer_on_next_line():
    r, _ = one("Key decision:\n"
               "Yes\n"
               "Is the decision eligible for call-in?\n"
               "\n"
               "☐ Yes ☒ No\n"
               "Subject:\n"
               "Budget 2024/25\n"
               "Date of meeting:\n"
               "4 April 2024\n"
               "Forward Plan Reference:\n"
               "Is this a key decision?\tNo\n")
    assert r.get("key_decision") is True          # the first answer found is kept
    assert r.fields["key_decision"].line == 2
    assert r.get("call_in_eligible") is False and r.fields["call_in_eligible"].line == 5
    assert r.get("title") == "Budget 2024/25" and r.fields["title"].line == 7
    assert r.get("meeting_date") == date(2024, 4, 4)
    assert not r.has("forward_plan_ref")          # the next line is a label, not an answer


def test_prose_is_not_a_label():
    r, _ = one("Subject to the approval of Council, the scheme will start in May.\n"
               "Date the plan was agreed by members of the board in 2023 and since.\n"
               "Meeting the needs of residents is the priority.\n"
               "Title deeds are held by the council\n")
    assert r.fields == {}


# ---------------------------------------------------------------------------
# Record kinds

def test_moderngov_decision_page():
    text = (
        "Decision details\n"
        "\n"
        "Approval of the Housing Revenue Account Business Plan\n"
        "\n"
        "Decision Maker: Cabinet\n"
        "Decision status: Implemented\n"
        "Is Key decision?: Yes\n"
        "Is subject to call in?: No\n"
        "Reason for exemption from call-in: The decision is urgent.\n"
        "Wards affected: Ladywood; Nechells;\n"
        "Explanation of anticipated restriction: Appendix 2 is exempt under paragraph 3 of "
        "Part 1 of Schedule 12A to the Local Government Act 1972.\n"
        "Date of decision: 14/03/2024\n"
        "Published: 15/03/2024\n"
        "Effective from: 16 Mar 2024\n"
    )
    r, notes = one(text)
    assert r.kind == "decision" and r.line == 1
    assert r.get("title") == "Approval of the Housing Revenue Account Business Plan"
    assert r.get("key_decision") is True and r.get("call_in_eligible") is False
    assert r.get("call_in_exemption_reason") == "The decision is urgent."
    assert r.get("decision_date") == date(2024, 3, 14)
    assert r.get("publication_date") == date(2024, 3, 15)
    assert r.get("effective_from") == date(2024, 3, 16)
    assert r.get("exempt_paragraphs") == ["3"]
    assert r.get("exempt_schedule") == "12A"
    assert r.get("exempt_part") == "1"
    assert r.get("wards") == ["Ladywood", "Nechells"]
    assert notes == []


def test_moderngov_notice_page():
    r, _ = one("Issue details\n"
               "\n"
               "Highways maintenance contract award\n"
               "\n"
               "Decision due: 9 Sep 2021 by Executive\n"
               "Lead member: Cabinet Member for Transport\n"
               "Notice of proposed decision first published: 20/02/2024\n"
               "Anticipated restriction: Open\n"
               "Wards affected: (All Wards);\n"
               "Decision type: Key\n")
    assert r.kind == "notice"
    assert r.get("title") == "Highways maintenance contract award"
    assert r.get("decision_date") == date(2021, 9, 9)
    assert r.get("decision_maker") == "Executive"
    assert r.get("notice_first_published") == date(2024, 2, 20)
    assert r.get("exempt") == "none"
    assert r.get("wards") == ["ALL"]
    assert r.get("key_decision") is True


@pytest.mark.parametrize("text,kind", [
    ("Decision due: 9 Sep 2021 by Executive\n", "notice"),
    ("Notice of proposed decision first published: 20/02/2024\n", "notice"),
    ("Forward Plan\n\nBudget\nDecision maker: Cabinet\n", "notice"),
    ("Record of decision\nDecision maker: Cabinet\n", "decision"),
    ("Date of decision: 14/03/2024\n", "decision"),
    ("Effective from: 16 Mar 2024\n", "decision"),
    ("Agenda\n\nCabinet\n\nTuesday 2 April 2024\n", "meeting"),
    ("Notice of meeting of Cabinet\n", "meeting"),
    ("Meeting Birmingham Independent Improvement Panel and Birmingham City Council\n\n"
     "Tuesday 29 January 2019 12:15pm to 2:15pm\n", "meeting"),
    ("Report to: Cabinet\nDecision date: 4 April 2024\n", "report"),
    ("Some text\n", "report"),
    ("If relevant, add Forward Plan Reference:\t1234\n", "report"),
])
def test_kinds(text, kind):
    r, _ = one(text)
    assert r.kind == kind


def test_meeting_record():
    r, _ = one("Meeting Birmingham Independent Improvement Panel and Birmingham City Council\n"
               "\n"
               "Tuesday 29 January 2019 12:15pm to 2:15pm\n")
    assert r.kind == "meeting"
    assert r.get("body") == "Birmingham Independent Improvement Panel and Birmingham City Council"
    assert r.get("meeting_date") == date(2019, 1, 29)


def test_report_to_forms():
    for text in ("Report to: Cabinet\n\n4 April 2024\n",
                 "REPORT TO CABINET\n4 April 2024\n",
                 "Report to\tCabinet\n\nDate: 4 April 2024\n",
                 "Report to Cabinet – 4 April 2024\n",
                 "Report to:\nCabinet\n4 April 2024\n"):
        r, _ = one(text)
        assert r.get("decision_maker").lower() == "cabinet", text
        assert r.get("meeting_date") == date(2024, 4, 4), text
    r, _ = one("This report to Cabinet sets out the plan.\n4 April 2024\n")
    assert not r.has("decision_maker") and not r.has("meeting_date")


# ---------------------------------------------------------------------------
# Dates in fields: notes, never guesses

def test_date_notes():
    r, notes = one("Date of meeting: Tuesday 30 January 2019\n"
                   "Decision due: 4th April 2024 (to be confirmed)\n"
                   "Date of decision: 8th May\n"
                   "Report date: TBC\n")
    assert r.get("meeting_date") == date(2019, 1, 30)
    assert r.get("decision_date") == date(2024, 4, 4)
    assert not r.has("report_date")
    by_line = {n.line: n for n in notes}
    assert set(by_line) == {1, 2, 3, 4}
    assert "weekday" in by_line[1].message and by_line[1].field == "meeting_date"
    assert by_line[1].column == 18
    assert "to be confirmed" in by_line[2].message and by_line[2].field == "decision_date"
    assert "not a complete date" in by_line[3].message
    assert by_line[4].field == "report_date"


# ---------------------------------------------------------------------------
# Exempt information

@pytest.mark.parametrize("line,paras", [
    ("This report is exempt under paragraph 3.", ["3"]),
    ("Appendix 2 is exempt by virtue of paragraphs 3 and 4 of Schedule 12A.", ["3", "4"]),
    ("Exempt: Para 3", ["3"]),
    ("Not for publication by virtue of paragraph(s) 3 of Part 1 of Schedule 12A", ["3"]),
    ("Exempt information [Para 8 and 9]", ["8", "9"]),
    ("Exempt information paragraph number: 6a", ["6a"]),
    ("Exempt under paragraph 6(b) of Schedule 12A", ["6b"]),
    ("Confidential: paragraphs 1-3", ["1", "2", "3"]),
])
def test_exempt_paragraphs(line, paras):
    r, _ = one(line)
    assert r.get("exempt_paragraphs") == paras


def test_paragraphs_only_in_exempt_context():
    r, _ = one("See paragraph 3 of the financial implications.\n"
               "This is set out in paragraph 4.2 of this report, which is exempt.\n")
    assert not r.has("exempt_paragraphs")


def test_schedule_part_and_public_interest():
    r, _ = one("Appendix 1 is not for publication because it contains exempt information "
               "under Part I of Schedule 12A to the Local Government Act 1972.\n"
               "Appendix 2 is exempt under paragraph 3.\n"
               "In all the circumstances of the case, the public interest in maintaining the "
               "exemption outweighs the public interest in disclosing the information.\n")
    assert r.get("exempt_schedule") == "12A"
    assert r.get("exempt_part") == "1"
    assert r.get("exempt_paragraphs") == ["3"]
    pi = r.fields["public_interest_statement"]
    assert pi.value.startswith("In all the circumstances") and pi.value.endswith("information.")
    assert pi.line == 3 and pi.column == 1
    r, _ = one("Exempt under paragraph 1 of Schedule 7A to the Local Government "
               "(Scotland) Act 1973.\n")
    assert r.get("exempt_schedule") == "7A"


# ---------------------------------------------------------------------------
# Recommendations

@pytest.mark.parametrize("text,kind", [
    ("Consider the draft Improvement and Recovery Plan.", "note"),
    ("Agree the Aims, Outcomes, and Priorities of the Plan.", "agree"),
    ("Note the Plan will be reviewed and refreshed.", "note"),
    ("Recommend that the City Council approve the Plan.", "recommend_to_council"),
    ("Recommends to Council the budget for 2024/25.", "recommend_to_council"),
    ("Refer the Plan to full Council for adoption.", "recommend_to_council"),
    ("That the Plan be submitted for approval by Council.", "recommend_to_council"),
    ("Cabinet is asked to note the Council improvement paperwork", "note"),
    ("Approve the Housing Revenue Account Business Plan.", "approve"),
    ("That Cabinet approves the contract award.", "approve"),
    ("Adopt the Local Plan.", "approve"),
    ("Endorse the strategy.", "agree"),
    ("Delegate authority to the Director of Finance to conclude the contract.", "decide"),
    ("Authorise the City Solicitor to enter into the agreement.", "decide"),
    ("That the report be noted.", "note"),
    ("Approve the Council's strategy.", "approve"),     # "Council's" is not full Council
    ("Approve the scheme and delegate authority to the Director.", "approve"),
    ("That Cabinet awards the contract to the highest scoring tenderer.", "decide"),
    ("The next steps.", None),
])
def test_classify(text, kind):
    assert classify(text) == kind


def test_classify_uses_stem():
    assert classify("the budget for 2024/25.", "That Cabinet recommends to Council") \
        == "recommend_to_council"
    assert classify("the attached plan", "Cabinet is asked to approve") == "approve"


@pytest.mark.parametrize("heading", [
    "Recommendations", "2 Recommendations", "2. Recommendations", "Recommendation(s)",
    "## 2. Recommendations", "**Recommendations**", "RECOMMENDATIONS", "Recommendation:",
])
def test_recommendation_headings(heading):
    r, _ = one(f"{heading}\n\n2.1 Approve the plan.\n2.2 Note the risks.\n\n3. Background\n"
               "3.1 We will approve anything.\n")
    assert r.get("recommendation_kinds") == ["approve", "note"]
    recs = r.get("recommendations")
    assert [x["line"] for x in recs] == [3, 4]
    assert recs[0] == {"kind": "approve", "text": "Approve the plan.", "line": 3}


def test_recommendation_items_and_continuations():
    r, notes = one("Recommendations\n"
                   "That Cabinet:\n"
                   "(a) approves the waste strategy and\n"
                   "delegates authority to the Director;\n"
                   "(b) notes the consultation responses.\n"
                   "- (c) agrees the timetable.\n"
                   "i) the implementation dates.\n"
                   "Background\n"
                   "Note this is not an item.\n")
    recs = r.get("recommendations")
    assert [x["kind"] for x in recs] == ["approve", "note", "agree", "decide"]
    assert recs[0]["text"] == "approves the waste strategy and delegates authority to the Director;"
    assert [x["line"] for x in recs] == [3, 5, 6, 7]
    assert [n.field for n in notes] == ["recommendations"]   # no verb in (i): a note
    col = r.fields["recommendations"].column
    assert r.fields["recommendations"].text[col - 1:].startswith("approves")


def test_recommendation_stem_gives_the_verb():
    r, notes = one("2. Recommendations\n"
                   "2.1 Cabinet is asked to approve the following:\n"
                   "(a) the budget for 2024/25;\n"
                   "(b) the capital programme.\n"
                   "2.2 Cabinet is asked to note the risks.\n"
                   "3. Background\n")
    assert [x["kind"] for x in r.get("recommendations")] == ["approve", "approve", "note"]
    assert notes == []


def test_no_recommendations_section():
    r, _ = one("6. Options considered and Recommended Proposal\n6.1 Recommend approval.\n"
               "3.1.3 External Auditor Statutory Recommendations issued on 29 September 2023\n")
    assert not r.has("recommendations") and not r.has("recommendation_kinds")


# ---------------------------------------------------------------------------
# Statutory events

@pytest.mark.parametrize("text,when,months", [
    ("The Secretary of State issued Intervention Directions under section 15 of the Local "
     "Government Act 1999. Directions issued on 5 October 2023 require a plan within 6 months.",
     date(2023, 10, 5), 6),
    ("The Best Value Intervention Directions were made on the 5th of October 2023.",
     date(2023, 10, 5), None),
    ("On 5 October 2023 the Secretary of State issued Directions under section 15.",
     date(2023, 10, 5), None),
    ("Intervention Directions issued in October 2023 require a plan within twelve months "
     "of the Directions.", None, 12),
])
def test_directions(text, when, months):
    r, _ = one(text)
    assert r.get("directions_date") == when
    assert r.get("directions_period_months") == months


def test_directions_wrapped_over_two_lines():
    r, _ = one("the Government's Intervention Directions issued on\n"
               "5th October 2023, which require a plan within six\n"
               "months of the Directions.\n")
    assert r.get("directions_date") == date(2023, 10, 5)
    assert (r.fields["directions_date"].line, r.fields["directions_date"].column) == (2, 1)
    assert r.get("directions_period_months") == 6
    assert r.fields["directions_period_months"].line == 2


def test_directions_need_s15_context():
    r, _ = one("Directions issued on 5 October 2023 to the contractor about the site.\n"
               "The works must finish within six months.\n")
    assert not r.has("directions_date") and not r.has("directions_period_months")


def test_s114_report():
    r, _ = one("A section 114 report was issued by the Chief Finance Officer on "
               "5 September 2023.\n")
    assert r.get("s114_report_sent") == date(2023, 9, 5)


# ---------------------------------------------------------------------------
# Markdown and front matter

MARKDOWN = (
    "# Report to Cabinet\n"
    "\n"
    "**Date:** 4 April 2024\n"
    "\n"
    "| Question | Answer |\n"
    "|---|---|\n"
    "| **Is this a key decision?** | ☐ Yes ☒ No |\n"
    "| Is the decision eligible for call-in? | [x] Yes [ ] No |\n"
    "\n"
    "**Subject:** Waste strategy\n"
    "\n"
    "## 2. Recommendations\n"
    "\n"
    "- (a) Approve the waste strategy.\n"
    "- (b) Note the consultation responses.\n"
    "\n"
    "## 3. Background\n"
)


def test_markdown_headings_bold_and_tables():
    r, notes = one(MARKDOWN, fmt="markdown", first_line=5)
    assert r.get("decision_maker") == "Cabinet"
    assert r.get("meeting_date") == date(2024, 4, 4)
    assert r.get("key_decision") is False
    assert r.get("call_in_eligible") is True
    assert r.get("title") == "Waste strategy"
    assert r.get("recommendation_kinds") == ["approve", "note"]
    kd = r.fields["key_decision"]
    assert kd.line == 11 and kd.text.startswith("| **Is this a key decision?**")
    assert kd.text[kd.column - 1:kd.column + 1] == "No"
    assert notes == []


def test_front_matter_overrides_text():
    data = {
        "key_decision": (True, 2),
        "meeting_date": ("2024-04-05", 3),
        "exempt": ("Part", 4),
        "exempt_paragraphs": ("3, 4", 5),
        "wards": (["Ladywood"], 6),
        "financial_value": ("£1,250,000", 7),
        "recommendations": (["Approve the strategy", "Note the risks"], 8),
        "kind": ("decision", 9),
        "wardz": ("Aston", 10),
        "decision_date": ("next week", 11),
    }
    r, notes = one(MARKDOWN, fmt="markdown", data=data, first_line=13)
    assert r.kind == "decision"
    assert r.get("key_decision") is True
    assert r.fields["key_decision"].line == 2
    assert r.fields["key_decision"].text == "key_decision: True"
    assert r.get("meeting_date") == date(2024, 4, 5)
    assert r.get("exempt") == "part"
    assert r.get("exempt_paragraphs") == ["3", "4"]
    assert r.get("wards") == ["Ladywood"]
    assert r.get("financial_value") == 1_250_000
    assert r.get("recommendation_kinds") == ["approve", "note"]
    assert r.get("call_in_eligible") is True                # from the text, not overridden
    assert not r.has("decision_date")
    messages = {n.line: n.message for n in notes}
    assert "unknown field 'wardz'" in messages[10] and "'wards'" in messages[10]
    assert "decision_date" in messages[11]


def test_front_matter_plain_values_and_nation():
    r, _ = one("Some text\n", fmt="markdown",
               data={"key_decision": False, "nation": ("wales", 2)}, first_line=4)
    assert r.get("key_decision") is False
    assert r.nation == "wales"


# ---------------------------------------------------------------------------
# API, provenance, speed

def test_extract_returns_records_only():
    records = extract(doc_of(SEED_000))
    assert len(records) == 1 and records[0].path == "report.txt"
    assert records[0].nation == "england"
    assert extract(doc_of(SEED_000), nation="wales")[0].nation == "wales"


def test_every_field_is_canonical_and_typed():
    for text in (SEED_000, SEED_001, MARKDOWN):
        for name, fv in extract(doc_of(text))[0].fields.items():
            spec = FIELDS[name]
            kinds = {"date": date, "bool": bool, "str": str, "int": int, "list": list,
                     "enum": str, "recs": list}
            assert isinstance(fv.value, kinds[spec.type]), name
            if spec.type == "enum":
                assert fv.value in spec.choices
            assert fv.line >= 1 and fv.column >= 1 and fv.text


def test_pages_carried():
    doc = Document(path="r.pdf", format="pdf", lines=[
        Line(1, "Report to Cabinet", page=1, page_line=1),
        Line(2, "4 April 2024", page=1, page_line=2),
        Line(3, "Key decision: Yes", page=2, page_line=1),
    ])
    r = extract(doc)[0]
    assert r.fields["meeting_date"].page == 1
    assert r.fields["key_decision"].page == 2
    assert r.location_of("key_decision").line == 3


def test_empty_document():
    r, notes = one("")
    assert r.kind == "report" and r.fields == {} and notes == []


def test_speed_400_lines():
    body = "\n".join(((SEED_001 + "\n") * 3 + SEED_000).splitlines() * 2)
    doc = doc_of(body)
    assert len(doc.lines) >= 340
    extract(doc)
    best = min(_timed(doc) for _ in range(5))
    # the target is a few milliseconds; the bound is loose for slow, busy CI machines
    assert best < 0.05, f"{best * 1000:.1f} ms"


def _timed(doc) -> float:
    t = time.perf_counter()
    extract(doc)
    return time.perf_counter() - t


# ---------------------------------------------------------------------------
# Fixes found in review

def _fixture(*parts):
    from pathlib import Path

    from govcheck.read import read_path

    return read_path(Path(__file__).resolve().parents[1].joinpath("fixtures", *parts))


def test_general_exception_report_is_a_report_without_a_forward_plan_ref():
    doc = _fixture("reports", "cabinet-2024-11-12-temporary-accommodation-general-exception.md")
    records, notes = extract_with_notes(doc)
    (r,) = records
    assert r.kind == "report"               # "General exception notice published" is a label
    assert not r.has("forward_plan_ref")    # "Not on the forward plan – general exception"
    assert r.get("general_exception_notice_published") == date(2024, 11, 4)
    assert r.get("urgency_route") == "general_exception"
    assert notes == []


def test_supporting_documents_are_not_recommendations():
    doc = _fixture("html", "agenda-item-checkboxes.html")
    records, notes = extract_with_notes(doc)
    recs = records[0].get("recommendations")
    assert [x["kind"] for x in recs] == ["agree", "recommend_to_council"]
    assert records[0].get("recommendation_kinds") == ["agree", "recommend_to_council"]
    assert not any(n.field == "recommendations" for n in notes)


def test_recommendations_end_at_supporting_documents_and_skip_footers():
    r, notes = one("Recommendations\n"
                   "2.1 Approve the plan.\n"
                   "Cabinet, 11 February 2025 – Page 4 of 4\n"
                   "2.2 Note the risks.\n"
                   "Supporting documents:\n"
                   "Draft plan, PDF 1 MB\n")
    assert [x["text"] for x in r.get("recommendations")] == ["Approve the plan.", "Note the risks."]
    assert notes == []
    r, _ = one("Recommendations\n2.1 That Cabinet approves the plan.\nEnd of agenda pack\n")
    assert len(r.get("recommendations")) == 1


@pytest.mark.parametrize("text", [
    "The details are set out in the report of:\n",
    "Comments were received from the author:\n",
])
def test_prose_ending_in_a_label_is_not_a_value(text):
    r, _ = one(text)
    assert not r.has("report_of") and not r.has("author")


def test_wrapped_values_are_joined():
    r, _ = one("Reasons for urgency:\tThe current block booking ends on 30 November 2024 and\n"
               "140 households would otherwise need to be moved at short notice.\n"
               "Is the decision eligible for call-in?\t☒ Yes\t☐ No\n"
               "Public interest test:\tThe public interest in maintaining the exemption\n"
               "outweighs the public interest in disclosing the information.\n"
               "\n"
               "Subject:\tAward of Highway Resurfacing Contract 2025-\n"
               "2029\n"
               "Report of:\tStrategic Director, Place, Prosperity and\n"
               "Sustainability\n"
               "Relevant Cabinet\tCouncillor Ian Ward, Leader\n"
               "Member:\n")
    assert r.get("urgency_reason") == (
        "The current block booking ends on 30 November 2024 and 140 households would "
        "otherwise need to be moved at short notice.")
    assert r.fields["urgency_reason"].line == 1
    assert r.get("call_in_eligible") is True
    assert r.get("public_interest_statement") == (
        "The public interest in maintaining the exemption outweighs the public interest in "
        "disclosing the information.")
    assert r.get("title") == "Award of Highway Resurfacing Contract 2025-2029"
    assert r.get("report_of") == "Strategic Director, Place, Prosperity and Sustainability"
    assert r.get("portfolio") == "Councillor Ian Ward, Leader"     # "Member:" is the label's


def test_wrapping_stops_at_labels_known_or_not():
    r, _ = one("Decision Maker: Cabinet\n"
               "Decision status: Recommendations Approved\n"
               "Reason for urgency: The grant deadline is 1 May\n"
               "1.1 The next paragraph.\n"
               "Report author:\tJo Bloggs\n"
               "Tel: 0121 000 0000\n")
    assert r.get("decision_maker") == "Cabinet"
    assert r.get("urgency_reason") == "The grant deadline is 1 May"
    assert r.get("author") == "Jo Bloggs"


def test_paragraphs_are_not_wrapped_lines():
    """In HTML and DOCX a line is a paragraph: the next one is not more of the value,
    except a table row whose label cell is empty (a second value for the same label)."""
    doc = Document.from_text("r.html", "html",
                             "Reason for urgency: The grant deadline is 1 May\n"
                             "Back to issue\n"
                             "Relevant Cabinet Member:\tCouncillor A\n"
                             "\tCouncillor B\n")
    r = extract(doc)[0]
    assert r.get("urgency_reason") == "The grant deadline is 1 May"
    assert r.get("portfolio") == "Councillor A; Councillor B"


@pytest.mark.parametrize("line,paras,part,schedule", [
    ("Exempt by virtue of paragraph(s) 3 of Part 1 of Schedule 12A", ["3"], "1", "12A"),
    ("Exempt under paragraphs 14 & 21 of schedule 12A, Parts 4 & 5", ["14", "21"], "4", "12A"),
    ("Exempt information [Para 8 and 9]", ["8", "9"], None, None),
    ("Confidential: paras 1, 2 and 3", ["1", "2", "3"], None, None),
    ("Exempt under paragraph 6(a)", ["6a"], None, None),
    ("Exempt under paragraph 1 of Schedule 7A", ["1"], None, "7A"),
    ("Not for publication: Schedule 12A, Part I, paragraph 3", ["3"], "1", "12A"),
])
def test_exempt_citation_shapes(line, paras, part, schedule):
    r, _ = one(line)
    assert r.get("exempt_paragraphs") == paras
    assert r.get("exempt_part") == part
    assert r.get("exempt_schedule") == schedule


def test_several_parts_cited_gives_a_note():
    r, notes = one("Exempt under paragraphs 14 & 21 of schedule 12A, Parts 4 & 5\n")
    assert r.get("exempt_part") == "4"
    assert [(n.field, n.line) for n in notes] == [("exempt_part", 1)]
    assert "4, 5" in notes[0].message


def test_local_rule_instead_of_statute_gives_a_note():
    r, notes = one("Does the report contain confidential or exempt information?\t☒ Yes ☐ No\n"
                   "Appendix 2 is exempt under Access to Information Procedure Rule 10.4(3).\n")
    assert r.get("exempt") == "part"
    assert not r.has("exempt_paragraphs")
    assert [(n.field, n.line) for n in notes] == [("exempt_paragraphs", 2)]
    assert "not the statutory paragraph" in notes[0].message
    r, notes = one("Exempt under paragraph 10.4 of the Access to Information Procedure Rules.\n")
    assert not r.has("exempt_paragraphs") and [n.field for n in notes] == ["exempt_paragraphs"]
    # with the statutory paragraph as well, nothing to say
    r, notes = one("Exempt under Procedure Rule 10.4 and paragraph 3 of Schedule 12A.\n")
    assert r.get("exempt_paragraphs") == ["3"] and notes == []


def test_s114_report_sent_with_verb_first():
    from govcheck.extract import extract
    from govcheck.read.base import Document

    doc = Document.from_text("x.txt", "text",
                             "Subject:\tSection 114 response\n\n"
                             "1.1 The Chief Finance Officer issued a section 114 report on "
                             "5 September 2023 under section 114(3).\n")
    (rec,) = extract(doc)
    assert rec.get("s114_report_sent").isoformat() == "2023-09-05"
    assert rec.fields["s114_report_sent"].line == 3


def test_other_councils_label_wording():
    from govcheck.extract import extract
    from govcheck.read.base import Document

    doc = Document.from_text("x.txt", "text", "\n".join([
        "Report to:\tExecutive Member for Environment",
        "Date:\tTuesday 5 March 2024",
        "Key Decision:\tNo",
        "Ward(s):\tAbbey; Castle",
        "Decision subject to call-in:\tYes",
        "Exempt information:\tYes – Appendix A (paragraph 3)",
    ]))
    (rec,) = extract(doc)
    assert rec.get("key_decision") is False          # not mistaken for a column heading row
    assert rec.get("call_in_eligible") is True
    assert rec.get("wards") == ["Abbey", "Castle"]
    assert rec.get("exempt") == "part" and rec.get("exempt_paragraphs") == ["3"]
    assert rec.get("meeting_date").isoformat() == "2024-03-05"


def test_column_headings_still_not_labels():
    from govcheck.extract.frontsheet import is_header_row

    assert is_header_row("Item\tTitle\tKey decision\tAccess")
    assert not is_header_row("Key Decision:\tNo")
    assert not is_header_row("Key decision\tYes")


def test_label_with_an_aside_and_short_exempt_label():
    from govcheck.extract import extract
    from govcheck.read.base import Document

    doc = Document.from_text("x.txt", "text", "\n".join([
        "Confidential or exempt: Yes, paragraph 1 (information relating to an individual)",
        "Reason for exemption from call-in (if applicable): Urgent – contract expires 6 April",
        "Call-in: No",
    ]))
    (rec,) = extract(doc)
    assert rec.get("exempt") == "part" and rec.get("exempt_paragraphs") == ["1"]
    assert rec.get("call_in_exemption_reason").startswith("Urgent – contract expires")
    assert rec.get("call_in_eligible") is False


def test_moderngov_decision_published_wards_and_not_applicable():
    from govcheck.extract import extract
    from govcheck.read.base import Document

    doc = Document.from_text("x.txt", "text", "\n".join([
        "Decision details",
        "Decision Maker: Cabinet Member for Environment",
        "Decision published: 05/03/2024",
        "Wards affected: Bordesley & Highgate; Nechells;",
        "Key decision: Not applicable (Council decision)",
        "Date of decision: 04/03/2024",
    ]))
    (rec,) = extract(doc)
    assert rec.get("publication_date").isoformat() == "2024-03-05"
    assert rec.get("wards") == ["Bordesley & Highgate", "Nechells"]   # ";" separates wards
    assert not rec.has("key_decision")                                 # not applicable: absent


def test_body_and_date_heading():
    from govcheck.extract import extract
    from govcheck.read.base import Document

    doc = Document.from_text("x.txt", "text", "\n".join([
        "CITY COUNCIL – 14 MAY 2024", "AGENDA ITEM 9", "", "REPORT OF THE CHIEF EXECUTIVE",
        "", "Exempt: No", "Wards: All",
    ]))
    (rec,) = extract(doc)
    assert rec.get("decision_maker") == "CITY COUNCIL"
    assert rec.get("meeting_date").isoformat() == "2024-05-14"
    assert rec.fields["meeting_date"].line == 1


def test_general_exception_notice_gives_the_route_and_exempt_under_schedule():
    from govcheck.extract import extract
    from govcheck.read.base import Document

    doc = Document.from_text("x.txt", "text", "\n".join([
        "Is the decision a Key Decision?\tYes",
        "General Exception notice published:\t10 June 2024",
        "Reason for urgency (if applicable):\tThe vendor requires exchange by 21 June 2024.",
        "Is the report exempt under Schedule 12A?\tPart – Appendix B, paragraph 3",
    ]))
    (rec,) = extract(doc)
    assert rec.get("urgency_route") == "general_exception"
    assert rec.fields["urgency_route"].line == 2
    assert rec.get("exempt") == "part" and rec.get("exempt_paragraphs") == ["3"]


def test_special_urgency_answer_gives_who_agreed_and_call_in_answer_gives_reason():
    from govcheck.extract import extract
    from govcheck.read.base import Document

    doc = Document.from_text("x.txt", "text", "\n".join([
        "Special urgency:\tYes – agreed by the Chair of Resources Overview and Scrutiny "
        "Committee on 3 June 2024",
        "Reason for special urgency:\tFlood defences failed on 1 June.",
        "Is the decision eligible for call-in?\tNo – urgent (see above)",
    ]))
    (rec,) = extract(doc)
    assert rec.get("urgency_route") == "special_urgency"
    assert rec.get("urgency_agreed_by") == "Chair of Resources Overview and Scrutiny Committee"
    assert rec.get("urgency_reason") == "Flood defences failed on 1 June."
    assert rec.get("call_in_eligible") is False
    assert rec.get("call_in_exemption_reason") == "urgent (see above)"


def test_sections_from_headings_not_list_items():
    from govcheck.extract import extract
    from govcheck.read.base import Document

    doc = Document.from_text("x.txt", "text", "\n".join([
        "Subject:\tDepot roof", "", "1 Legal Implications", "", "1.1 None.", "",
        "The programme covers:", "- Risk management", "- Consultation", "",
        "2\tPublic Sector Equality Duty", "", "3.1 Financial implications: met from reserves.",
        "", "Background Papers", "None",
    ]))
    (rec,) = extract(doc)
    assert rec.get("sections") == ["background_papers", "equality", "financial", "legal"]


def test_paragraph_numbers_are_read_as_cited_and_judged_by_the_rules(tmp_path):
    """The extractor reads any paragraph number cited; the rules say it is not in the
    schedule (EX002), never "no paragraph cited" (EX001)."""
    from click.testing import CliRunner

    from govcheck.cli import main

    r, _ = one("Report to Cabinet\n12 March 2024\n"
               "Does the report contain confidential or exempt information?\tYes\n"
               "Exempt information paragraph number:\t23\n")
    assert r.get("exempt_paragraphs") == ["23"]
    (tmp_path / "r.txt").write_text(
        "Report to Cabinet\n12 March 2024\n"
        "Does the report contain confidential or exempt information?\tYes\n"
        "Exempt information paragraph number:\t23\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["check", "--select", "EX", str(tmp_path / "r.txt")]).output
    assert "EX002" in out and "23 not among" in out and "EX001" not in out


def test_an_exclusion_resolution_alone_is_a_meeting_record_held_partly_in_private():
    rec, _ = one(
        "RESOLVED that, under Section 100A (4) of the Local Government Act 1972, the press "
        "and public be excluded from the meeting for the following item on the grounds "
        "that it involves the likely disclosure of exempt information as defined in "
        "paragraph 1 of Part 1 of Schedule 12A of the Act.\n")
    assert rec.kind == "meeting"
    assert rec.fields["exempt"].value == "part"
    assert rec.fields["exempt_paragraphs"].value == ["1"]


@pytest.mark.parametrize("text", [
    # a standing agenda item asks the question; it is not a resolution
    "Exclusion of the Public and Press\n\nMembers are asked to consider whether the press "
    "and public should be excluded from the meeting while an agenda item is considered.\n",
    # a committee's description says when the public may be excluded
    "Licensing Sub-Committee meetings are open to the public, unless in exceptional "
    "circumstances the Authority considers it in the public interest to exclude the "
    "press and public for all or part of a hearing.\n",
])
def test_asking_whether_to_exclude_the_public_is_not_an_exclusion(text):
    rec, _ = one(text)
    assert "exempt" not in rec.fields


def test_an_exclusion_heading_with_its_resolution_still_counts():
    rec, _ = one("Exclusion of the Press and Public\n\nTo consider whether to exclude the "
                 "press and public.\n\nRESOLVED that the press and public be excluded from "
                 "the meeting during consideration of item 9 (paragraph 3).\n")
    assert rec.kind == "meeting"
    assert rec.fields["exempt"].value == "part"


def test_why_a_decision_is_not_subject_to_call_in_is_read_after_as():
    rec, _ = one("Decision details\n\nHousehold Waste Recycling Centres\n\n"
                 "Decision Maker: Executive\n\n"
                 "This decision is not subject to call in as:\n\n"
                 "· a delay in implementing the decision would cause the Council serious "
                 "financial implications.\n")
    assert rec.fields["call_in_eligible"].value is False
    reason = rec.fields["call_in_exemption_reason"]
    assert reason.value.startswith("a delay in implementing the decision")
    assert reason.line == 9


def test_a_call_in_exemption_without_a_reason_reads_none():
    rec, _ = one("Decision details\n\nLibrary opening hours\n\nDecision Maker: Cabinet\n\n"
                 "This decision is not subject to call-in.\n")
    assert rec.fields["call_in_eligible"].value is False
    assert "call_in_exemption_reason" not in rec.fields


URGENT_MINUTES = (
    "Minutes of a meeting of the DEVELOPMENT COMMITTEE held at the Council Offices\n\n"
    "(53) MINUTES\nThe Minutes of the meeting held on 23 June 2011 were approved.\n\n"
    "(54) ITEMS OF URGENT BUSINESS\n"
    "The Chairman said there were two items of urgent business she wished to bring before "
    "the Committee:\n"
    "1. A planning application at Great Ryburgh. The reason for urgency was to carry out a "
    "site inspection before the application is reconsidered by the Committee.\n"
    "2. To report a change of date for the Committee site inspections in August.\n\n"
    "(55) DECLARATIONS OF INTEREST\nNone.\n")


def test_urgent_items_in_minutes_with_and_without_special_circumstances():
    rec, _ = one(URGENT_MINUTES)
    assert rec.kind == "meeting"
    assert rec.fields["urgent_business"].value is True
    assert rec.fields["urgent_business"].line == 6
    assert rec.fields["urgency_circumstances"].value.startswith("The reason for urgency was")
    missing = rec.fields["urgent_items_without_circumstances"].value
    assert missing == ["2. To report a change of date for the Committee site inspections in August."]
    # each item taken is a late item of the meeting's business, taken as urgent
    late = [(i["title"][:30], i["late"], i["urgent"]) for i in rec.fields["agenda_items"].value
            if i.get("late")]
    assert late == [("1. A planning application at G", True, True),
                    ("2. To report a change of date ", True, True)]


def test_urgent_reports_taken_at_a_cabinet_are_late_items_for_ag004():
    from govcheck.api import check_paths
    # as the page has it (j009): the note naming the meeting above the list of items
    text = ("Venue: County Hall\n\n"
            "Note: The Cabinet meeting on Tuesday 24 March 2020 at 2pm will be webcast.\n\n"
            "No. | Item\n\nMinutes of the previous meeting.\n\nMinutes: The minutes of the meeting held on 7 "
            "February 2020 were confirmed.\n\nUrgent items.\n\nMinutes: The Chairman advised that there were two urgent "
            "reports for consideration:\n\ni. a report on the bid. The report was urgent "
            "because the outcome was announced after the agenda had been published; and\n\n"
            "ii. a report on the pandemic. The report was urgent because the situation had "
            "developed since the agenda had been published.\n\nWith the agreement of the "
            "Cabinet the reports were taken under item 17.\n\nDeclarations of interest.\n")
    rec, _ = one(text)
    assert [i["late"] for i in rec.fields["agenda_items"].value] == [True, True]
    import tempfile, pathlib
    with tempfile.TemporaryDirectory() as d:
        p = pathlib.Path(d) / "minutes.txt"
        p.write_text(text, encoding="utf-8")
        run = check_paths([p])
    assert [(f.code, f.severity.value) for f in run.findings if f.code.startswith("AG")] == [
        ("AG004", "warning")]


def test_a_late_item_the_chair_accepted_under_the_agenda_text_of_the_standing_item():
    from govcheck.api import check_paths
    text = ("Agenda and minutes\n\nItems\nNo. Item\n\n54. Apologies\n\nMinutes:\n\nNone.\n\n"
            "57. Urgent Items of Business\n\nTo determine whether there are any additional "
            "items of business which, by reason of special circumstances, the Chair decides "
            "should be considered at the meeting as a matter of urgency.\n\nMinutes:\n\n"
            "The Chair indicated that he had accepted a late item onto the Agenda: Depot "
            "Contract Modifications, to be considered as Agenda Item 8.\n\n"
            "58. Housing Plan\n\nMinutes:\n\nThe Cabinet considered a report of the "
            "Director of Economy.\n")
    rec, _ = one(text)
    # the minute, not the agenda's invitation, says what was taken; the invitation's
    # "by reason of special circumstances" gives none for the item
    assert rec.get("urgent_business") is True
    assert [i["late"] for i in rec.get("agenda_items")] == [True]
    assert rec.get("urgency_circumstances") is None
    import tempfile, pathlib
    with tempfile.TemporaryDirectory() as d:
        p = pathlib.Path(d) / "minutes.txt"
        p.write_text(text, encoding="utf-8")
        run = check_paths([p])
    assert [(f.code, f.severity.value) for f in run.findings if f.code.startswith("AG")] == [
        ("AG004", "warning")]
    # an agenda announcing what the chair has accepted records nothing taken yet
    rec, _ = one(text.replace("he had accepted", "he has accepted"))
    assert rec.get("urgent_business") is None


@pytest.mark.parametrize("text", [
    # an agenda's standing item invites urgent business; none is taken
    "ITEMS OF URGENT BUSINESS\n\nTo decide whether there are any other items of business "
    "which the Chairman decides should be considered as a matter of urgency.\n",
    # minutes that record none
    "Agenda item\n\nAny other urgent items which in the opinion of the Chair may be "
    "considered\n\nMinutes:\nNone.\n",
    # a ModernGov page's answer under the standing item, the next item's resolution after it
    "Urgent matters\nNotice of items which, in the opinion of the Chairman, should be "
    "considered at the meeting as a matter of urgency.\nMinutes: None.\n\nMinutes of the "
    "Cabinet\nRESOLVED- That the minutes be approved.\n",
    # the chair's announcements under the item are not business taken
    "Urgent Items\n\nItems not on the agenda which the Chairman is of the opinion should be "
    "considered as a matter of urgency by reason of special circumstances\n\n"
    "The Chair confirmed the running order would differ from the published agenda.\n",
])
def test_no_urgent_business_taken(text):
    rec, _ = one(text)
    assert "urgent_business" not in rec.fields


def test_the_chairs_opinion_alone_gives_no_special_circumstances():
    rec, _ = one("2 An emergency motion had been delivered to the Chief Executive.\n\n"
                 "The Lord Provost having agreed that the motion was relevant, competent and "
                 "urgent, the House agreed to deal with it at this meeting.\n")
    assert rec.kind == "meeting"
    assert rec.fields["urgent_business"].value is True
    assert "urgency_circumstances" not in rec.fields
    assert len(rec.fields["urgent_items_without_circumstances"].value) == 1


def test_the_chairs_opinion_by_reason_of_circumstances_gives_them():
    # s50B(4)(b)'s own words: the Provost accepted the item "by reason of" what made it urgent
    from govcheck.api import check_paths
    text = ("Agenda and minutes\n\nArgyll and Bute Council - Thursday, 25 September 2014 "
            "10:00 am\n\nVenue: Council Chamber, Kilmory, Lochgilphead\n\nItems\nNote No. "
            "Item\n\nThe Provost advised that there would be an urgent item tabled on the "
            "Common Good Fund which he had accepted by reason of the need to determine time "
            "pressured applications to the Common Good Fund.\n\n1.\nAPOLOGIES FOR ABSENCE"
            "\n\nMinutes:\nApologies were received.\n")
    rec, _ = one(text)
    assert rec.get("urgent_business") is True
    assert "by reason of the need to determine" in rec.get("urgency_circumstances")
    import tempfile, pathlib
    with tempfile.TemporaryDirectory() as d:
        p = pathlib.Path(d) / "minutes.txt"
        p.write_text(text, encoding="utf-8")
        run = check_paths([p])
    assert [f.code for f in run.findings if f.code.startswith("AG")] == []


URGENT_TAKEN_LAST = (
    "Agenda and minutes\n\nArgyll and Bute Council - Thursday, 25 June 2015 10:00 am\n\n"
    "Venue: Council Chamber, Kilmory, Lochgilphead\n\nItems\nNote No. Item\n\n"
    "The Provost advised that he had agreed to take an urgent item from the Executive "
    "Director. He advised that the item would be taken as the final item on agenda and "
    "circulated at the appropriate time.\n\n1.\nAPOLOGIES FOR ABSENCE\n\nMinutes:\n"
    "Apologies were received.\n\n2.\nMINUTES\n\nMinutes:\nThe Minutes of the meeting "
    "held on 23 April 2015 were approved. Arising from item 10, the Head of Governance "
    "advised that a report would be submitted to the August meeting of the Policy and "
    "Resources Co[...]\n")


def _ag_findings(text):
    from govcheck.api import check_paths
    import tempfile, pathlib
    with tempfile.TemporaryDirectory() as d:
        p = pathlib.Path(d) / "minutes.txt"
        p.write_text(text, encoding="utf-8")
        run = check_paths([p])
    return [(f.code, f.severity.value) for f in run.findings if f.code.startswith("AG")]


def test_an_urgent_item_taken_last_on_a_page_cut_before_it_is_info():
    # the ruling takes the item as the final item; the page stops ("[...]") before its
    # own minute, where s50B(4)(b)'s circumstances may be specified
    rec, _ = one(URGENT_TAKEN_LAST)
    assert rec.get("urgent_items_without_circumstances")
    assert rec.get("urgency_circumstances_elsewhere") is True
    assert rec.fields["urgency_circumstances_elsewhere"].line == 10
    assert _ag_findings(URGENT_TAKEN_LAST) == [("AG008", "info")]


@pytest.mark.parametrize("text", [
    # the page is whole: the item's own minute was read and gave none
    URGENT_TAKEN_LAST.replace("Resources Co[...]", "Resources Committee."),
    # the ruling does not put the item later in the meeting
    URGENT_TAKEN_LAST.replace("He advised that the item would be taken as the final item "
                              "on agenda and circulated", "He advised that it would be "
                              "circulated"),
    # the item's own minute is on the part of the page seen
    URGENT_TAKEN_LAST.replace("Resources Co[...]", "Resources Committee.\n\n3.\n"
                              "URGENT ITEM\n\nMinutes:\nThe Provost agreed the urgent "
                              "item was taken. The Council agreed the recommendation "
                              "in the rep[...]"),
])
def test_an_urgent_item_without_circumstances_is_a_warning_otherwise(text):
    rec, _ = one(text)
    assert rec.get("urgency_circumstances_elsewhere") is None
    assert _ag_findings(text) == [("AG008", "warning")]


@pytest.mark.parametrize("explanation,level", [
    ("The report is wholly confidential because it would disclose commercially sensitive "
     "financial information.", "full"),
    ("The exempt appendix will set out terms the Council has proposed in negotiating a "
     "contract.", "part"),
])
def test_a_reasons_restricted_page_says_how_much_is_restricted(explanation, level):
    rec, _ = one("Anticipated reasons for restriction\n\nDisposal of Hygarth House\n\n"
                 "By virtue of paragraph(s) 3 of Part 1 of Schedule 12A of the Local "
                 "Government Act 1972.\n\nExplanation of Reasons\n\n" + explanation + "\n")
    assert rec.fields["exempt"].value == level
    assert rec.fields["exempt_paragraphs"].value == ["3"]


@pytest.mark.parametrize("text,want", [
    ("exempt under paragraph 3 of Part 1 of Schedule 12A, having applied the public "
     "interest test in paragraph 10 of Part 2 of Schedule 12A", ["3"]),
    ("Schedule 12A, Part 2, Paragraph 9 provides that information is not exempt if it "
     "relates to proposed development", None),
    ("paragraphs 1 and 2 of Part 1 of Schedule 12A (and Part 2 paragraph 10)", ["1", "2"]),
])
def test_a_paragraph_of_part_2_is_not_a_description_of_exempt_information(text, want):
    from govcheck.extract.exempt import paragraphs

    got = paragraphs(text)
    assert (got[0] if got else None) == want


def test_further_notice_of_a_private_meeting_and_what_it_says_of_representations():
    text = ("Cabinet\n\nTuesday 9 July 2019\n\n"
            "Notice of Intention to Conduct Business in Private, any Representations Received "
            "and the Response to any such Representations\n\n"
            "This agenda contains exempt items as set out at Item 27. No representations with "
            "regard to these have been received.\n\n"
            "This is the formal 5 clear day notice under the Regulations to confirm that this "
            "Cabinet meeting will be partly held in private.\n")
    [r] = extract(doc_of(text))
    assert r.get("private_further_notice") is True
    # the standard heading ("any Representations Received and the Response") is not a
    # statement about any: the sentence under it is
    assert r.get("private_representations") == \
        "No representations with regard to these have been received."
    # an invitation to make representations says nothing of any received
    [r] = extract(doc_of("Cabinet\n\nThis is the formal five clear days' notice under the "
                         "Regulations. Members of the public can make representations about "
                         "why that part of the meeting should be open to the public.\n"))
    assert r.get("private_further_notice") is True and r.get("private_representations") is None


def test_paragraphs_in_a_column_under_its_heading():
    text = ("Agenda item\n\nExclusion of the press and public\n\n"
            "That under Section 100A (4) of the Local Government Act 1972, the press and "
            "public be excluded during the following items.\n\n"
            "Agenda Items 6-7\n\nParagraph of Part I of Schedule 12A\n\n"
            "1, 3, 4 and 5- Information relating to any individual, information relating to "
            "the financial or business affairs of any particular person\n")
    [r] = extract(doc_of(text))
    assert r.get("exempt_paragraphs") == ["1", "3", "4", "5"]
    # numbers that are not under such a heading are not paragraphs
    [r] = extract(doc_of("Agenda item\n\nExclusion of the press and public\n\n"
                         "6-7 Land at Harbour Road\n"))
    assert r.get("exempt_paragraphs") is None


def test_paragraphs_in_a_column_of_a_table_under_its_header_row():
    text = ("71. Exclusion of the Public\n\nRecommendation that under S100A(4) Local "
            "Government Act 1972, the public be excluded from the meeting for the following "
            "items of business:-\n\nPart II Agenda Item | Paragraphs in Schedule 12A\n\n"
            "KEY DECISIONS\n\n13.1. Decking of Civic Office Car Park | 3\n\n"
            "13.2. Proposed Works in Default | 1, 2, 3 and 6\n")
    [r] = extract(doc_of(text))
    assert sorted(r.get("exempt_paragraphs")) == ["1", "2", "3", "6"]
    # an item number in another column is no paragraph
    [r] = extract(doc_of(text.replace("Part II Agenda Item | Paragraphs in Schedule 12A",
                                      "Part II Agenda Item | Report of")))
    assert r.get("exempt_paragraphs") is None


def test_a_reasons_page_marked_not_for_publication_by_a_paragraph_is_wholly_restricted():
    text = ("Reasons restricted\n\nNOT FOR PUBLICATION BY VIRTUE OF PARAGRAPH(S) 9 OF "
            "SCHEDULE 7A OF THE LOCAL GOVERNMENT (SCOTLAND) ACT 1973\n\nExplanation of Reasons\n")
    [r] = extract(doc_of(text))
    assert r.get("restriction_reasons_page") is True
    assert (r.get("exempt"), r.get("exempt_paragraphs")) == ("full", ["9"])
    # a bare "NOT FOR PUBLICATION" (ModernGov's empty template) says nothing of how much
    [r] = extract(doc_of("Anticipated reasons for restriction\n\nNOT FOR PUBLICATION\n\n"
                         "Reason restricted justification\n"))
    assert r.get("exempt") is None


def test_an_urgent_non_key_decision_has_no_key_decision_urgency_route():
    base = ("Decision details\n\nSupport grants\n\nDecision Maker: Leader of the Council\n"
            "Is Key decision?: {key}\nIs subject to call in?: No\nUrgent item?: Yes\n"
            "Date of decision: 24/03/2020\n")
    [r] = extract(doc_of(base.format(key="No")))
    assert r.get("urgency_route") is None
    [r] = extract(doc_of(base.format(key="Yes")))
    assert r.get("urgency_route") == "unspecified"


def test_an_issue_page_saying_it_is_taken_under_urgency_procedures_reads_route_and_call_in():
    page = ("Issue details\n\nCancellation of a meeting\n\nDecision type: {key}\n\n"
            "Notice of proposed decision first published: 16/12/2021\n\n"
            "This decision will be taken under urgency procedures.\n\nReason for urgency:\n"
            "{why}\n\nDecision due: 16 Dec 2021 by Chief Executive\n")
    [r] = extract(doc_of(page.format(key="Non-key", why=(
        "Because the decision is taken under urgency powers it is not subject to call-in."))))
    # a non-key decision the page says is taken under the urgency procedures relies on
    # them (no route named); what the notice says of call-in is read
    assert (r.kind, r.get("urgency_route"), r.get("call_in_eligible")) == (
        "notice", "unspecified", False)
    [r] = extract(doc_of(page.format(key="Key", why=(
        "The Chair of Corporate Overview and Scrutiny agreed to the report being considered "
        "with less than 28 days' notice.\nIt was agreed that the decision could not "
        "reasonably be deferred and that the Call-In process would be waived."))))
    # the scrutiny chair's agreement is the special urgency route (reg 11), and says who
    # agreed
    assert (r.get("urgency_route"), r.get("call_in_eligible")) == ("special_urgency", False)
    assert r.get("urgency_agreed_by") == "Chair of Corporate Overview and Scrutiny"


@pytest.mark.parametrize("standing", [
    "To determine during which items, if any, the public are to be excluded from the "
    "meeting.\n\nExclusion of the press and public to be as set out in the agenda.\n",
    "To agree that the items of business within Part A of the agenda should be dealt with "
    "in public and that the items of business within Part B of the agenda should be dealt "
    "with in private.\n\nEX.36/22\nRESOLVED - That the Agenda be agreed as circulated.\n",
])
def test_a_standing_item_that_only_provides_for_exclusion_is_no_exclusion(standing):
    head = ("Meeting Details\n\nExecutive\n21 Mar 2022 - 16:00 to 16:14\n\n"
            "APOLOGIES FOR ABSENCE\nApologies were submitted.\n\nPUBLIC AND PRESS\n")
    rec, _ = one(head + standing + "\nGambling Policy\nRESOLVED - That the policy be "
                 "approved.\n")
    assert rec.kind == "meeting" and rec.get("exempt") is None
    # the resolution that follows the standing item, when the page records one, is
    rec, _ = one(head + standing + "\nIt was agreed that the items in Part B be dealt with "
                 "when the Public and Press are excluded.\n")
    assert rec.get("exempt") == "part"


def test_paragraph_3_described_with_the_person_named_otherwise():
    # s100A(5): the description "in terms of Schedule 12A" identifies the paragraph
    text = ("A Full Meeting of the Council took place on 25 March 2015.\n\n"
            "It was resolved that under Section 100A(4) of the Local Government Act 1972, the "
            "public be excluded from the meeting during the item entitled 'Central "
            "Headquarters', on the grounds that the report involved the likely disclosure of "
            "information relating to the financial or business affairs of an interested party "
            "and the Council.\n")
    [r] = extract(doc_of(text))
    assert (r.get("exempt"), r.get("exempt_paragraphs")) == ("part", ["3"])


ONE_ITEM_EXCLUDED = (
    "Issue - meetings\n\nBrynmawr Masterplan\n\n"
    "Meeting: 09/12/2020 - Executive Committee (Item 26)\n\nBrynmawr Masterplan\n\n"
    "To consider the report of the Team Manager Regeneration Opportunities.\n\nMinutes:\n\n"
    "RESOLVED that the public be excluded whilst this item of business is transacted as it "
    "is likely there would be a disclosure of exempt information as defined in Paragraph 14, "
    "Schedule 12A of the Local Government Act, 1972 (as amended).\n\n"
    "Consideration was given to the report.\n\nRESOLVED that Option 2 be accepted.\n")


def test_a_page_of_one_item_excluded_whilst_it_is_transacted_is_wholly_exempt():
    # the page shows one item of the meeting, and the public were excluded for it
    rec, _ = one(ONE_ITEM_EXCLUDED)
    assert rec.kind == "meeting"
    assert rec.get("exempt") == "full"
    assert rec.fields["exempt"].line == 13
    assert rec.get("exempt_paragraphs") == ["14"]


@pytest.mark.parametrize("text", [
    # the exclusion is for other items of the meeting
    ONE_ITEM_EXCLUDED.replace("whilst this item of business is transacted",
                              "for the following items of business"),
    # minutes of the whole meeting: "this item" is one of its items
    "Minutes of a meeting of the Executive Committee held on 9 December 2020\n\n"
    "25. Budget\n\nRESOLVED that the budget be noted.\n\n26. Brynmawr Masterplan\n\n"
    "RESOLVED that the public be excluded whilst this item of business is transacted as it "
    "is likely there would be a disclosure of exempt information as defined in Paragraph 14, "
    "Schedule 12A of the Local Government Act, 1972 (as amended).\n",
])
def test_an_exclusion_that_is_not_of_the_one_item_shown_is_part(text):
    rec, _ = one(text)
    assert rec.get("exempt") == "part"


def test_an_issue_shown_at_two_meetings_is_wholly_exempt_only_where_it_was_excluded():
    # each meeting the issue came to is its own record, of one item
    text = ONE_ITEM_EXCLUDED.replace(
        "Minutes:\n\n", "Minutes:\n\nDeferred.\n\n"
        "Meeting: 11/11/2020 - Executive Committee (Item 9)\n\nMinutes:\n\n")
    records, _ = extract_with_notes(doc_of(text))
    assert [(r.get("meeting_date"), r.get("exempt")) for r in records] == [
        (date(2020, 12, 9), None), (date(2020, 11, 11), "full")]
