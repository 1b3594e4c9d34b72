"""govcheck.extract.embedded: records printed inside a meeting's page (a regulation
notice under an agenda's item, urgent decisions reported to a meeting, the decision a
call-in hearing is about), and forward plan entries read from their headings."""

from __future__ import annotations

from datetime import date

import pytest

from govcheck.extract import extract
from govcheck.read.base import Document

REGS = ("Local Authorities (Executive Arrangements) (Meetings and Access to Information) "
        "(England) Regulations 2012")


def doc_of(text: str) -> Document:
    return Document.from_text("page.txt", "text", text)


def kinds(records):
    return [r.kind for r in records]


def _agenda(tail: str) -> str:
    return ("Pre-Agenda Notice\n\nExecutive Board\nThursday, 6th March, 2025 2.00 p.m.\n\n"
            "Venue: The Board Room, Town Hall\n\nItems\nNo. Item\n\n"
            "7.\nSCHEDULE 12A OF THE LOCAL GOVERNMENT ACT 1972\n\nPART II\n\n"
            "It is RECOMMENDED that the press and public be excluded from the meeting for the "
            "following item(s) on the grounds that they involve the likely disclosure of exempt "
            "information as defined in paragraph 3 of Part 1 of Schedule 12A to the Act.\n\n"
            "8.\nResources Portfolio\n\n8a\nDepot Land Disposal\n\n" + REGS + "\n\n" + tail)


def test_a_regulation_5_notice_under_a_private_item_is_a_notice_of_its_own():
    text = _agenda("Notice is hereby given that under Regulation 5 of the above, Councillor A. "
                   "Brown, as Chair of the Environment Policy and Performance Board, has agreed to "
                   "the following item of business being considered in Part II, as the item of "
                   "business is considered urgent and cannot reasonably be deferred for the reason "
                   "stated below:\n\nREASON: The buyer's offer lapses on 14 March.\n")
    meeting, notice = extract(doc_of(text))
    assert kinds([meeting, notice]) == ["meeting", "notice"]
    assert (notice.get("title"), notice.get("decision_maker"), notice.get("decision_date")) == (
        "Depot Land Disposal", "Executive Board", date(2025, 3, 6))
    assert (notice.get("exempt"), notice.get("exempt_paragraphs")) == ("full", ["3"])
    assert notice.get("urgency_route") is None and notice.get("key_decision") is None
    assert notice.get("urgency_agreed_by").startswith("Councillor A. Brown, as Chair of")
    assert notice.get("urgency_reason") == "The buyer's offer lapses on 14 March."
    # the notice is not an item of the agenda (no late item to ask about)
    assert not any("hereby" in it["title"] for it in meeting.get("agenda_items") or [])


@pytest.mark.parametrize("regulation,taken,route,exempt", [
    # regulation 10: a key decision under the general exception
    ("10", "the following item of business being considered as a Key Decision, as the item "
     "of business is considered urgent and cannot reasonably be deferred", "general_exception",
     None),
    # a key decision under regulation 5 (private meetings) only: no route named for it
    ("5", "the above item of business being considered as a Key Decision item in Part II, as "
     "the item of business is considered urgent", "unspecified", "full"),
])
def test_a_key_decision_notice_takes_its_route_from_the_regulation_cited(regulation, taken,
                                                                          route, exempt):
    text = _agenda(f"Notice is hereby given that under Regulation {regulation} of the above, "
                   "Councillor Green, as Chair of the Corporate Policy and Performance Board, "
                   f"has agreed to {taken}.\n")
    _meeting, notice = extract(doc_of(text))
    assert (notice.get("key_decision"), notice.get("urgency_route"), notice.get("exempt")) == (
        True, route, exempt)


def test_urgent_decisions_taken_listed_in_a_table_are_decisions():
    text = ("Agenda\n\nCabinet\nWednesday, 9th July, 2025 5.00 pm\n\nItems\nNo. Item\n\n"
            "1.\nApologies for Absence\n\n"
            "6.\nUrgent Decisions Taken\nTo receive a report on decisions taken under urgency "
            "procedures. The following decisions are attached:\n\n"
            "No. | Decision Heading | Portfolio Holder | Date of Approval\n"
            "(a) | Skate Park, Church Street | Cllr Ann Jones | 2nd May 2025\n"
            "(b) | Lease of the Market Hall | Cllr Bob Smith | 16th June 2025\n\n"
            "7.\nMinutes of Boards\n")
    records = extract(doc_of(text))
    assert kinds(records) == ["meeting", "decision", "decision"]
    got = [(r.get("title"), r.get("decision_maker"), r.get("decision_date"),
            r.get("urgency_route")) for r in records[1:]]
    assert got == [("Skate Park, Church Street", "Cllr Ann Jones", date(2025, 5, 2), "unspecified"),
                   ("Lease of the Market Hall", "Cllr Bob Smith", date(2025, 6, 16), "unspecified")]
    assert records[1].get("call_in_eligible") is None


def test_urgent_decisions_exempted_from_call_in_listed_by_letter():
    text = ("Agenda item\n\nMatters Exempted from the Call-In Procedure\n\nMinutes:\n\n"
            "Members considered a report updating the Council on recent executive decisions "
            "taken as a matter of urgency which had been exempted from the Call-In Procedure.\n\n"
            "Urgent Executive Decisions Taken\n\n"
            "(a) Procurement of Works for the Town Centre Greening Project\n\n"
            "The decision and reason for urgency were as summarised below.\n")
    records = extract(doc_of(text))
    [d] = [r for r in records if r.kind == "decision"]
    assert (d.get("title"), d.get("urgency_route"), d.get("call_in_eligible")) == (
        "Procurement of Works for the Town Centre Greening Project", "unspecified", False)
    assert "urgency" in d.get("call_in_exemption_reason")


def test_an_item_of_urgent_public_business_reports_a_decision_not_called_in():
    text = ("Scrutiny Board - Wednesday, 5th March, 2014 10.00 am\n\nNo. Item\n\n"
            "Cabinet Member (Housing) Item of Urgent Public Business\n\n"
            "Purchase of Temporary Accommodation\n\n"
            "The Cabinet Member (Housing) considered the above report at his meeting on 12th "
            "February, 2014. The Chair of the Scrutiny Board attended the meeting and agreed "
            "that the decision was urgent and that call-in should not apply, as the vendor's "
            "offer expired on 14th February.\n\nTackling Fuel Poverty\n")
    meeting, d = extract(doc_of(text))
    assert meeting.kind == "meeting" and d.kind == "decision"
    assert (d.get("title"), d.get("decision_maker"), d.get("decision_date"),
            d.get("call_in_eligible")) == ("Purchase of Temporary Accommodation",
                                           "Cabinet Member (Housing)", date(2014, 2, 12), False)


def test_the_decision_a_call_in_hearing_is_about():
    text = ("Agenda and minutes\n\nScrutiny Committee - Tuesday 3rd December, 2024 3.00 pm\n\n"
            "Items\nNo. Item\n\nSC/12/24\nLibraries Review - Call-In\nMinutes:\n"
            "The decisions of Cabinet, taken on 14 November 2024 in relation to the Libraries "
            "Review had been subject to a valid call-in.\n")
    meeting, d = extract(doc_of(text))
    assert (d.kind, d.get("title"), d.get("decision_maker"), d.get("decision_date"),
            d.get("call_in_eligible")) == ("decision", "Libraries Review", "Cabinet",
                                           date(2024, 11, 14), True)
    text = ("Agenda and minutes\n\nScrutiny Board - Friday 4th December, 2020 2.30 pm\n\n"
            "Items\nNo. Item\n\n20/50\nCall-in - Parks\nMinutes:\nThe Chair confirmed that the "
            "subject of the call-in was the decision made by the Executive on 10 November 2020 "
            "– 'Parks Maintenance Contract'.\n")
    _meeting, d = extract(doc_of(text))
    assert (d.get("title"), d.get("decision_maker"), d.get("decision_date")) == (
        "Parks Maintenance Contract", "Executive", date(2020, 11, 10))


def test_a_plan_items_key_decision_reference_after_its_title():
    text = ("Forward plan\n\nForward Plan of Executive Decisions 1 March 2022\n\nPlan items\n"
            "No. Item\n\n"
            "Approval to enter into a Section 75 Partnership Agreement with the Integrated Care "
            "Board for Community Equipment – KEY/01MAR22/03 New!\n\n"
            "Decision maker:  Cabinet Member for Adults\n\nDecision:   Not before 30th Apr 2022\n\n"
            "Notice of proposed decision first published: 01/03/2022\n\n"
            "Library Refurbishment KEY/01FEB22/01\n\nDecision maker:  Cabinet Member for Culture\n\n"
            "Decision:   Not before 20th Apr 2022\n\n"
            "Notice of proposed decision first published: 01/02/2022\n")
    a, b = extract(doc_of(text))
    assert (a.kind, a.get("forward_plan_ref"), a.get("key_decision")) == (
        "notice", "KEY/01MAR22/03", True)
    assert a.get("title").endswith("Community Equipment")
    assert (b.get("title"), b.get("forward_plan_ref")) == ("Library Refurbishment",
                                                           "KEY/01FEB22/01")


def test_a_forthcoming_decision_shown_only_by_its_heading_is_a_notice_without_a_date():
    entry = ("{d} - {t}\n\nDecision Maker: Cabinet member environment\n\n"
             "Decision due date: {due}\n\nNotice of decision: {d}\n\n")
    text = ("Forthcoming decisions\n\n"
            + entry.format(d="06/02/2025", t="Tree Strategy", due="19/03/2025")
            + entry.format(d="04/02/2025", t="Play Areas", due="31/03/2025")
            + "31/01/2025 - Gambling Policy\n\nTo approve the gambling policy\n\nDecision Make[...]\n")
    records = extract(doc_of(text))
    assert kinds(records) == ["notice", "notice", "notice"]
    assert records[2].get("title") == "Gambling Policy" and records[2].get("decision_date") is None
