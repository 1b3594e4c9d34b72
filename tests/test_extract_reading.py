"""Reading what a page shows in ways councils commonly write it: each test a small
realistic text in, a field value out."""

from __future__ import annotations

from datetime import date

from govcheck.extract import extract_with_notes
from govcheck.read.base import Document


def records(text: str):
    recs, _notes = extract_with_notes(Document.from_text("page.txt", "text", text))
    return recs


def one(text: str):
    recs = records(text)
    assert len(recs) == 1
    return recs[0]


def test_decision_made_at_a_meeting_is_dated_by_the_meeting():
    # a decision list entry whose heading (with its date) was not kept: the decision
    # was made at the meeting, on the meeting's day
    r = one("Decision Maker: Democratic Services Committee\n"
            "Made at meeting: 20/10/2022 - Democratic Services Committee\n"
            "Decision published: 31/05/2023\n"
            "Effective from: 20/10/2022\n"
            "Decision:\n"
            "RESOLVED : The Committee noted the report and appendices.\n")
    assert r.kind == "decision"
    assert r.get("meeting_date") == date(2022, 10, 20)
    assert r.get("decision_date") == date(2022, 10, 20)


def test_decision_date_given_is_kept_over_the_meeting_date():
    r = one("Decision details\n\nGrant award\n\n"
            "Decision Maker: Cabinet\n"
            "Date of decision: 14/03/2024\n"
            "Decided at meeting: 12/03/2024 - Cabinet\n")
    assert r.get("decision_date") == date(2024, 3, 14)



def test_exempt_from_further_call_in_under_a_rule():
    r = one("Decision details\n\nFuture Options for Working Together\n\n"
            "Decision Maker: Babergh Cabinet\n"
            "Made at meeting: 07/12/2017 - Babergh Cabinet\n"
            "Decision published: 08/12/2017\n"
            "Effective from: 07/12/2017\n"
            "Decision:\n"
            "It was RESOLVED that Cabinet reconfirms the decisions it made on 13 October 2017.\n"
            "Please note this Item is exempt from further Call In Under Part 3 - Scrutiny "
            "Procedure Rule 13 of the Constitution.\n")
    assert r.get("call_in_eligible") is False
    # the provision of the constitution it relies on is the ground given
    assert "Procedure Rule 13" in r.get("call_in_exemption_reason")


def test_earlier_minutes_date_is_not_the_meeting_date():
    r = one("Meeting documents\n\n"
            "PRESENT: Councillors Cartwright, Cooper and Edmonds.\n\n"
            "1. MINUTES\n\n"
            "RESOLVED –\n"
            "That the Minutes of the meeting held on 15th May, 2006 be approved as a "
            "correct record.\n")
    assert r.kind == "meeting"
    assert r.get("meeting_date") != date(2006, 5, 15)


def test_meeting_held_on_line_still_dates_the_meeting():
    r = one("Minutes of a meeting of the Licensing Committee held on 25th June 2015\n\n"
            "PRESENT: Councillors Cartwright, Cooper and Edmonds.\n\n"
            "1. MINUTES\n\n"
            "The minutes of the meeting held on 20 May 2015 were approved as a correct record.\n")
    assert r.get("meeting_date") == date(2015, 6, 25)


def test_body_confirming_minutes_is_the_meetings_body():
    r = one("Agenda and minutes\n\n"
            "Tuesday, 28th January, 2020 10.00 am\n\n"
            "Venue: Civic Centre, Hanbury Road, Pontypool\n\n"
            "No. Item\n\n"
            "Confirmation of minutes\n\n"
            "4.1 Council CONFIRMED the minutes of the meeting held on 22nd October 2019 as "
            "an accurate record.\n")
    assert r.kind == "meeting"
    assert r.get("body") == "Council"
    assert r.get("meeting_date") == date(2020, 1, 28)


def test_the_committee_confirming_minutes_names_no_body():
    r = one("Agenda and minutes\n\n"
            "Tuesday, 28th January, 2020 10.00 am\n\n"
            "The Committee confirmed the minutes of the meeting held on 22nd October 2019.\n")
    assert not r.has("body")


def test_matter_heard_in_public_after_all_is_not_an_exclusion():
    r = one("Issue - meetings\n\n"
            "Exclusion of the Press and Public\n\n"
            "Meeting: 12/04/2010 - Standards Hearing Sub-Committee (Item 3)\n\n"
            "To consider and, if appropriate, pass the following resolution:\n\n"
            "That under Section 100A(4) of the Local Government Act 1972, the public be "
            "excluded from the meeting for the business specified in Item Number 4 below on "
            "the grounds that it is likely that there would be disclosure of exempt "
            "information as defined in paragraph 1 of Part 1 of Schedule 12A to the Act.\n\n"
            "The Chairman asked the Subject Member whether they objected to the hearing going "
            "ahead with the public present. The Sub-Committee agreed to hear the matter in "
            "public in the interests of openness and transparency.\n")
    assert r.kind == "meeting"
    assert r.get("exempt") != "part"
