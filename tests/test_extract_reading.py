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


# a table whose header row gives the labels of the cells below it (extract/columns.py)

_PRIVATE_NOTICES = (
    "Notices of private meetings of the Executive\n\n"
    "Upcoming private meetings\n\n"
    "Expected date of meeting | Meeting of | Key decision? | Subject | Reason for exemption\n\n"
    "21 November 2023 | Executive | Yes | Town square business case | Paragraph 3 of "
    "Schedule 12A\n\n"
    "20 December 2023 | Executive | No | Depot lease | Paragraph 3 of Schedule 12A\n")


def test_header_row_labels_the_cells_of_each_row_below_it():
    recs = records(_PRIVATE_NOTICES)
    assert len(recs) == 2
    first, second = recs
    assert first.kind == second.kind == "notice"
    assert first.get("meeting_date") == date(2023, 11, 21)
    assert first.get("decision_maker") == "Executive"
    assert first.get("key_decision") is True
    assert first.get("title") == "Town square business case"
    assert first.get("exempt_paragraphs") == ["3"]
    assert second.get("meeting_date") == date(2023, 12, 20)
    assert second.get("key_decision") is False
    assert second.get("title") == "Depot lease"
    # each value points at its own row's cell
    assert second.fields["key_decision"].line == 9
    assert second.fields["key_decision"].column == _PRIVATE_NOTICES.splitlines()[8].find("No") + 1


def test_header_row_with_tab_or_spaced_cells():
    tabbed = ("Forward plan\n\n"
              "Decision maker\tDate of decision\tKey decision\tSubject\n"
              "Cabinet\t12 March 2024\tYes\tLibrary hours\n"
              "Cabinet Member for Housing\t19 March 2024\tNo\tRepairs contract\n")
    spaced = tabbed.replace("\t", "    ")
    for text in (tabbed, spaced):
        recs = records(text)
        assert [r.get("decision_maker") for r in recs] == ["Cabinet",
                                                           "Cabinet Member for Housing"]
        assert [r.get("decision_date") for r in recs] == [date(2024, 3, 12),
                                                          date(2024, 3, 19)]
        assert [r.get("key_decision") for r in recs] == [True, False]


def test_label_and_value_rows_are_not_a_header_row():
    # a front sheet laid out label | value | label | value: read as labels, one record
    r = one("Report to Cabinet\n\n"
            "Report of:\tDirector of Place\tKey decision?\tYes\n"
            "Wards affected:\tAll\tExempt?\tNo\n")
    assert r.get("report_of") == "Director of Place"
    assert r.get("key_decision") is True
    # a table of earlier meetings: its two headings are one field, not a table of records
    m = one("Minutes of meeting\n\nMeeting | Date of Meeting\nCabinet | 13 June 2017\n"
            "Planning Committee | 6 June 2017\n")
    assert m.get("body") != "Planning Committee"


# what a page says of its decision in its own words (extract/__init__.py _stated_in_text)

def test_decision_text_opening_non_key_decision():
    r = one("Decision details\n\nCommunity Safety Partnership annual report\n\n"
            "Decision Maker: Cabinet\n"
            "Decision published: 15/03/2023\n"
            "Effective from: 14/03/2023\n"
            "Decision:\n"
            "(Non-key decision):\n"
            "To note the achievements of the partnership.\n")
    assert r.get("key_decision") is False


def test_notice_sentence_names_the_meeting_that_will_decide():
    r = one("Notice of Key Decisions – General Exception\n\n"
            "Notice is hereby given under Regulation 10 (3) of the Council's intention to make "
            "a key decision at its Cabinet meeting on Thursday 20 February 2014, regarding:\n\n"
            "A report on the Golf Course Redevelopment Project.\n")
    assert r.get("decision_date") == date(2014, 2, 20)
    assert r.get("decision_maker") == "Cabinet"
    late = one("Anticipated reasons for restriction\n\nDisposal of assets\n\n"
               "The Chairman of the Overview and Scrutiny Committee was notified on 7 March "
               "2019 of this late key decision being an exempt item. He has given his consent "
               "for the item to be considered at the 26 March 2019 meeting.\n")
    assert late.get("decision_date") == date(2019, 3, 26)
    assert late.get("urgency_route") == "unspecified"


def test_a_label_wins_over_what_the_text_says():
    r = one("Notice of Key Decisions – General Exception\n\n"
            "Decision maker: Leader of the Council\n"
            "Decision due: 27 February 2014\n\n"
            "Notice is hereby given of the Council's intention to make a key decision at its "
            "Cabinet meeting on Thursday 20 February 2014.\n")
    assert r.get("decision_date") == date(2014, 2, 27)
    assert r.get("decision_maker") == "Leader of the Council"


# Paragraph citations that are not a Schedule 12A ground of this record

_EXCLUSION_ITEM = (
    "Agenda item\n\nExempt Information\n\n"
    "The Committee is asked to consider passing the following resolution:-\n\n"
    "That under Section 100a (4) of the Local Government Act 1972, the public be excluded "
    "from the meeting for the following item of business on the grounds that it involves the "
    "likely disclosure of exempt information as defined in Part 1 of Schedule 12A of the Act "
    "by virtue of the paragraph specified against the item.\n\n"
    "Minutes:\n"
    "Councillor Dixon said these items could not be treated as exempt business: Schedule 12A, "
    "Part 2, Paragraph 9 provides that information is not exempt if it relates to proposed "
    "development. He also referred to Paragraph 5 (information in respect of which a claim to "
    "legal professional privilege could be maintained in legal proceedings). He added that "
    "the council's constitution, Part 6, Section 1, Paragraph 4, said the same.\n")


def test_paragraph_cited_in_an_argument_is_not_a_ground_of_exemption():
    r = one(_EXCLUSION_ITEM)
    # "Exempt Information" heads the resolution; it is not a report's question
    assert r.kind == "meeting"
    assert r.get("exempt") == "part"
    # Paragraph 5 (and its description) is a member's argument; Paragraph 4 is the
    # constitution's; Paragraph 9 is of Part 2
    assert r.get("exempt_paragraphs") is None


def test_paragraph_of_the_constitution_named_before_it_is_not_read():
    r = one("Report to Cabinet\n\n"
            "Exempt information: Appendix 2 is exempt under Council Procedure Rule 17, "
            "paragraph 2, and by virtue of paragraph 3 of Part 1 of Schedule 12A.\n")
    assert r.get("exempt_paragraphs") == ["3"]


def test_paragraph_in_a_sentence_tied_to_the_exclusion_is_read():
    r = one("Report to Cabinet\n\n"
            "Exempt information. It is in the public interest to exclude the press and public "
            "under Paragraph 3 'Information relating to the financial or business affairs of "
            "any particular person'.\n")
    assert r.get("exempt_paragraphs") == ["3"]
    # a sentence that opens with the citation, on a line about exempt information
    r = one("Report to Cabinet\n\n"
            "Appendix 1 is not for publication. Paragraph 3 applies.\n")
    assert r.get("exempt_paragraphs") == ["3"]


def test_paragraph_of_the_report_on_an_exempt_line_is_not_read():
    r = one("Report to Cabinet\n\n"
            "Appendix 1 is exempt. The options considered are set out in paragraph 4 and "
            "the costs in paragraph 6.\n")
    assert r.get("exempt_paragraphs") is None


def test_paragraph_read_where_no_schedule_is_named_is_no_certain_error(tmp_path):
    """A paragraph read from the text of a page that never names Schedule 12A may be a
    paragraph of the council's own rules: outside the schedule, a warning, not an error."""
    from click.testing import CliRunner

    from govcheck.cli import main

    text = ("Report to Cabinet\n12 March 2024\n\n"
            "Appendix 2 is exempt by virtue of paragraph 11.\n")
    r = one(text)
    assert r.get("exempt_paragraphs") == ["11"]
    assert r.get("exempt_paragraphs_unanchored") is True
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    out = CliRunner().invoke(main, ["check", "--select", "EX002", str(tmp_path / "r.txt")]).output
    assert "EX002 [warning]" in out
    # the same paragraph tied to Schedule 12A: an error
    named = text.replace("paragraph 11.", "paragraph 11 of Part 1 of Schedule 12A.")
    assert one(named).get("exempt_paragraphs_unanchored") is None
    (tmp_path / "r.txt").write_text(named, encoding="utf-8")
    out = CliRunner().invoke(main, ["check", "--select", "EX002", str(tmp_path / "r.txt")]).output
    assert "EX002 [error]" in out


def test_meeting_confirming_its_previous_minutes_names_its_body():
    r = one("Agenda, decisions and minutes\n\n"
            "Venue: Council Chamber, Priory House\n\n"
            "Items\nNo. Item\n\n"
            "182. Minutes\n"
            "To approve as a correct record the minutes of the meeting of the Executive held "
            "on 9 February 2010. (to follow)\n"
            "Minutes:\n"
            "RESOLVED: The minutes were confirmed as a correct record.\n")
    assert r.kind == "meeting"
    assert r.get("body") == "Executive"
    # another body's minutes received are not the meeting's own
    r = one("Agenda and minutes\n\nItems\nNo. Item\n\n"
            "5. Minutes of Sub-Committee Meetings\n"
            "To receive the attached minutes of the meetings of the Licensing Sub-Committees "
            "held on 7 May 2024.\n")
    assert not r.has("body")


def test_page_saying_its_decision_is_key_in_its_own_words():
    r = one("Reason for Urgency: a decision is needed before the next Cabinet meeting. It is "
            "key because of the community impact threshold and the financial value.\n")
    assert r.get("key_decision") is True
    r = one("The Chairman of the Overview and Scrutiny Committee was notified on 7 March 2019 "
            "of this late key decision being an exempt item.\n")
    assert r.get("key_decision") is True
    assert not one("It is key that members attend the briefing.\n").has("key_decision")


def test_meeting_page_title_with_status_or_page_name_after_the_time():
    # a committee system prints the meeting's status (", NEW") or the page's own name
    # ("- Agenda and minutes") after the time: neither is part of the date
    r = one("Agenda, decisions and draft minutes\n\n"
            "Executive - Tuesday, 25th November, 2025 2.00 pm, NEW\n\n"
            "Venue: Council Chamber\n\nItems\nNo. Item\n\n183.\n\nMinutes\n\n"
            "To approve the minutes of the meeting held on 4th November 2025.\n")
    assert r.kind == "meeting"
    assert r.get("body") == "Executive"
    assert r.get("meeting_date") == date(2025, 11, 25)
    r = one("Cabinet - Tuesday, 8th June, 2021 7.00 pm - Agenda and minutes\n\n"
            "Venue: Council Chamber\n\nNo. Item\n\nMINUTES\n\n"
            "To confirm the Minutes of the meeting held on 20th April, 2021.\n")
    assert r.get("body") == "Cabinet"
    assert r.get("meeting_date") == date(2021, 6, 8)


def test_agenda_headed_by_the_body_name_under_a_letterhead():
    # "CABINET AGENDA" under the council's address and chief executive's name
    r = one("Council Offices, Kiln Road, Benfleet\n\n"
            "A N Other\nChief Executive\n\n"
            "CABINET AGENDA\n\n"
            "Date: Wednesday 20th January 2021\nTime: 6.00pm\n\n"
            "1. Apologies\n\n2. Members' Interests\n\n3. Minutes\n")
    assert r.kind == "meeting"
    assert r.get("body") == "CABINET"
    assert r.get("meeting_date") == date(2021, 1, 20)


def test_summons_sentence_gives_the_body_and_the_meeting_date():
    # an agenda whose only statement of the meeting is the summons sentence
    r = one("2 December 2020\n\nSTRATEGY AND RESOURCES\n\n"
            "A remote meeting of the Strategy and Resources Committee will be held on "
            "THURSDAY 10 DECEMBER 2020 at 7.00 pm.\n\nJane Smith\nChief Executive\n\n"
            "1 APOLOGIES\nTo receive apologies for absence.\n")
    assert r.kind == "meeting"
    assert r.get("body") == "Strategy and Resources Committee"
    assert r.get("meeting_date") == date(2020, 12, 10)


def test_summons_date_wins_over_the_letters_own_date():
    # the date under the heading is the summons letter's; the sentence says when the
    # meeting is; a council's own name is left for the page's other words
    r = one("SUMMONS AND AGENDA\n\nTo: All Members of the Council\n\n"
            "Town Hall, Luton LU1 2BQ\n\n12th March 2018\n\nDear Councillor\n\n"
            "You are hereby summoned to attend a meeting of LUTON BOROUGH COUNCIL to be "
            "held in the COUNCIL CHAMBER, TOWN HALL, LUTON on Tuesday 20th March 2018 at "
            "6.00 p.m. for the purpose of transacting the business set out below.\n")
    assert r.kind == "meeting"
    assert r.get("meeting_date") == date(2018, 3, 20)
    assert r.get("body") != "LUTON BOROUGH COUNCIL"


def test_minutes_opening_sentence_with_a_long_address_gives_the_date():
    r = one("CORNWALL COUNCIL\n\n"
            "ENVIRONMENT, HERITAGE AND PLANNING PORTFOLIO ADVISORY COMMITTEE\n\n"
            "MINUTES of a Meeting of the Environment, Heritage and Planning Portfolio "
            "Advisory Committee held in the Trelawny Room, Cornwall Council, County Hall, "
            "Truro, TR1 3AY on Tuesday 15 October 2013 commencing at 10.00 am.\n\n"
            "Present:-\nCouncillors: Cole (Chairman), King (Vice-Chairman), Bay.\n")
    assert r.kind == "meeting"
    assert r.get("meeting_date") == date(2013, 10, 15)


_PLAN_WITH_SECTIONS = (
    "1 January 2025 - 30 April 2025\n\n"
    "Subject and Nature of Decision | Decision Maker and Date | Date if Considered by "
    "Council | Contact and Portfolio Holder | Exempt Information\n\n"
    "Chief Officer Delegated Decision - KEY DECISION\n\n"
    "Funds Drawdown for the retaining wall\n"
    "Approve the draw down of funds to the amount of £400,000. | Chief Officer Delegated "
    "Decisions 21 Jan 2025 | | Portfolio holder for Infrastructure | No\n\n"
    "Pavement Pledge | Chief Officer Delegated Decisions 12 Nov 2024 (Awaiting decision - "
    "completed the statutory notice period by 12.11.24) | | Leader of the Council | No\n\n"
    "Cabinet - NON-KEY DECISION\n\n"
    "Library opening hours | Cabinet 4 Mar 2025 | | Leader of the Council | Yes\n")


def test_plan_table_with_section_headings_and_wrapped_titles():
    # a forward plan table whose rows sit under section headings that say whether they
    # are key decisions, an entry's title on a line of its own above its row, and a
    # column giving who decides and when
    recs = records(_PLAN_WITH_SECTIONS)
    assert len(recs) == 3
    assert all(r.kind == "notice" for r in recs)
    first, second, third = recs
    assert first.get("title") == "Funds Drawdown for the retaining wall"
    assert [r.get("decision_maker") for r in recs] == [
        "Chief Officer Delegated Decisions", "Chief Officer Delegated Decisions", "Cabinet"]
    assert [r.get("decision_date") for r in recs] == [
        date(2025, 1, 21), date(2024, 11, 12), date(2025, 3, 4)]
    assert [r.get("key_decision") for r in recs] == [True, True, False]
    # the key decision answer points at the section heading
    assert first.fields["key_decision"].line == 5
    # "Exempt Information: No" in a plan's column is the notice's answer, and no front
    # sheet's question: the rows stay notices
    assert [r.get("exempt") for r in recs][:2] == ["none", "none"]


def test_prose_after_a_table_is_not_part_of_its_last_row():
    # the lines after a table's last row that no row follows are not the table's
    recs = records("Decision maker\tDate of decision\tKey decision\tSubject\n"
                   "Cabinet\t12 March 2024\tYes\tLibrary hours\n"
                   "Cabinet Member for Housing\t19 March 2024\tNo\tRepairs contract\n\n"
                   "Contact: Democratic Services\n\nKEY DECISIONS\n")
    assert [r.get("key_decision") for r in recs] == [True, False]


# a resolution to exclude the public that an agenda prints only as one to be moved

_STANDBY = (
    "Agenda and minutes\n\nCouncil - Thursday, 23rd November, 2023 7.00 pm\n\n"
    "Items\nNo. Item\n\n1.\n\nApologies\n\n"
    "2.\n\nTo consider whether any items should be dealt with in private because of the "
    "likely disclosure of Exempt or Confidential Information\n\n"
    "3.\n\nCivic Centre Relocation\n\n"
    "NOTE:- If debate on any item included within this Agenda gives rise to the need to "
    "exclude the press and public due to the likelihood of Exempt or Confidential "
    "information being disclosed the following resolution may be proposed and seconded "
    "and if carried, the press and public will be requested to leave the meeting.\n\n"
    "That pursuant to Section 100A(4) of the Local Government Act 1972, as amended, the "
    "public be excluded from the meeting during consideration of this item as there would "
    "be disclosure of exempt information hereinafter specified by reference to the "
    "appropriate paragraphs of Schedule 12A to the Act.\n")

_PROPOSED_FOR_ITEM = (
    "Agenda item\n\nExclusion of the Press and Public\n\n"
    "The Committee is asked to consider passing the following resolution:-\n\n"
    "That under Section 100A(4) of the Local Government Act 1972, the public be excluded "
    "from the meeting for item 8 on the grounds that it involves the likely disclosure of "
    "exempt information as defined in Part 1 of Schedule 12A of the Act.\n")


def _check(tmp_path, text: str) -> str:
    from click.testing import CliRunner

    from govcheck.cli import main

    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["check", str(tmp_path / "a.txt")]).output


def test_standby_exclusion_resolution_on_an_agenda_is_no_exclusion(tmp_path):
    """A resolution printed to be moved only if debate calls for it: nothing is shown to
    be private, so the meeting is not read as part exempt; its blank paragraph reference
    is a warning (EX011), not an error."""
    r = one(_STANDBY)
    assert r.kind == "meeting"
    assert r.get("exempt") is None
    assert r.get("exclusion_proposed") is True
    out = _check(tmp_path, _STANDBY)
    assert "EX011 [warning]" in out
    assert "[error]" not in out


def test_proposed_exclusion_of_an_item_without_paragraph_is_a_warning(tmp_path):
    r = one(_PROPOSED_FOR_ITEM)
    assert r.get("exempt") == "part"
    assert r.get("exclusion_proposed") is True
    out = _check(tmp_path, _PROPOSED_FOR_ITEM)
    assert "EX001 [warning]" in out
    assert "[error]" not in out


def test_exclusion_recorded_as_passed_stays_an_error(tmp_path):
    """The same proposal with the minutes' resolution: the public were excluded with no
    paragraph, an error on the face of the record."""
    text = _PROPOSED_FOR_ITEM + ("\nRESOLVED - That the public be excluded from the meeting "
                                 "for item 8 as it involves exempt information.\n")
    r = one(text)
    assert r.get("exempt") == "part"
    assert r.get("exclusion_proposed") is None
    assert "EX001 [error]" in _check(tmp_path, text)


def test_agenda_footer_gives_the_day_the_agenda_was_published():
    """An agenda pack's running footer after the body's name: the agenda's (and so the
    meeting record's) publication date."""
    r = one("STRATEGY AND RESOURCES COMMITTEE\n\n"
            "Meeting to be held on Thursday 10 December 2020 at 7.00 pm\n\n"
            "AGENDA\n\n1 APOLOGIES\nTo receive apologies for absence.\n\n"
            "2 MINUTES\nTo approve the Minutes of the meeting held on 8 October 2020.\n\n"
            "Strategy and Resources Committee Agenda Published: 02 December 2020\n"
            "10 December 2020 Page 1 of 89\n\n"
            "3 PUBLIC QUESTION TIME\nThe Chair will answer questions from the public.\n")
    assert r.kind == "meeting"
    assert r.get("agenda_published") == date(2020, 12, 2)
    assert r.get("publication_date") == date(2020, 12, 2)


_HOUNSLOW_AGENDA = (
    "Hounslow Council\n\n"
    "Venue: Council Chamber, Civic Centre, Lampton Road, Hounslow.\n\n"
    "No. Item\n\n"
    "Minutes\n\nTo approve the minutes of the meeting held on 31st October 2017\n\n"
    "Treasury Management Mid-Year Report 2017/18 (CEX192)\n\n"
    "Please note that there is an appendix to this report listed later in the agenda "
    "which is exempt from publication.\n\n"
    "Decisions Taken Under Urgency Arrangements (if any)\n\n"
    "Forward Plan Urgency Notices:\n\n• None\n\n"
    "Questions from Members\n\n\"Will Councillor Curran clarif[...]\n")


def test_forward_plan_heading_below_a_meeting_heading_is_an_item_of_its_business():
    assert one(_HOUNSLOW_AGENDA).kind == "meeting"


def test_appendix_exempt_from_publication_makes_the_meeting_part_exempt(tmp_path):
    """"an appendix ... which is exempt from publication": part of the business is
    exempt; the page is cut short before the item that would give the paragraph, so
    no error."""
    r = one(_HOUNSLOW_AGENDA)
    assert r.get("exempt") == "part"
    assert r.get("exempt_grounds_elsewhere") is True
    out = _check(tmp_path, _HOUNSLOW_AGENDA)
    assert "EX001 [info]" in out
    # appendices published electronically only because of their size are not exempt
    big = _HOUNSLOW_AGENDA.replace(
        "there is an appendix to this report listed later in the agenda which is exempt "
        "from publication", "because of their size, appendices B and C of this report "
        "will be published electronically only")
    assert one(big).get("exempt") is None


def test_body_acting_in_the_decisions_names_the_meeting_under_a_letterhead():
    """A Cabinet's "Agenda and decisions" page under the council's letterhead: the
    decisions say "Cabinet noted", so the meeting is the Cabinet's, not the council's."""
    r = one("Hounslow Council\n\nAgenda and decisions\n\n"
            "Venue: Committee Rooms 1 & 2, Civic Centre, Lampton Road, Hounslow.\n\n"
            "Items\nNo. Item\n\n1.\n\nApologies for absence\n\nDecision:\n\n"
            "Apologies were received.\n\n2.\n\nOfsted inspection\n\nDecision:\n\n"
            "• Cabinet noted the inspection findings set out in the Ofsted feedback letter.\n\n"
            "• Cabinet noted the Joint Written Statement of Action.\n")
    assert r.kind == "meeting"
    assert r.get("body") == "Cabinet"
    # two bodies acting: neither is surely the meeting's
    r = one("Agenda and decisions\n\nItems\nNo. Item\n\n1.\n\nBudget\n\n"
            "Cabinet noted the report.\n\nThe Audit Committee noted the report.\n")
    assert r.get("body") != "Cabinet"


def test_forward_plan_detail_who_decides_and_when_the_decision_maker_considers_it():
    """"Who makes the final decision?" then its answer; "All dates for consideration by
    Council" then one date: the decision maker's date is the decision's."""
    r = one("Forward plan August to November 2025\n\n"
            "Details of decision\n\nTitle\n\nReorganisation proposals for Worcestershire\n\n"
            "The decision needed\n\nTo decide whether to endorse the final proposals\n\n"
            "Who makes the final decision?\n\nCouncil\n\n"
            "All dates for consideration by Scrutiny Committee\n\n3 September 2025\n\n"
            "All dates for consideration by Cabinet\n\nNot applicable\n\n"
            "All dates for consideration by Council\n\n24 September 2025\n\n"
            "Consultation\n\nPublic and stakeholder engagement expected after May 2025\n")
    assert r.get("decision_maker") == "Council"
    assert r.get("decision_date") == date(2025, 9, 24)


def test_summons_body_of_its_council_is_the_body_without_the_council():
    # "a Meeting of the EXECUTIVE BOARD of Wrexham County Borough Council to be held":
    # the body, then the council it belongs to
    r = one("31 August 2011\n\nDear Councillor\n\n"
            "You are requested to attend a Meeting of the EXECUTIVE BOARD of Wrexham "
            "County Borough Council to be held in COMMITTEE ROOM 3 on TUESDAY, "
            "6 SEPTEMBER 2011 at 2.00 pm.\n\nYours faithfully\n\nA G E N D A\n\n"
            "1          Apologies for Absence:\n")
    assert r.kind == "meeting"
    assert r.get("body") == "EXECUTIVE BOARD"
    assert r.get("meeting_date") == date(2011, 9, 6)


def test_summons_of_a_scottish_council_which_is_to_be_held_names_the_council():
    # "... a MEETING of DUNDEE CITY COUNCIL which is to be held": in Scotland the full
    # council meets under the council's name; "which" is no part of it
    recs, _notes = extract_with_notes(Document.from_text(
        "page.txt", "text",
        "30th December, 2015\n\nDear Sir or Madam\n\n"
        "You are requested to attend a MEETING of DUNDEE CITY COUNCIL which is to be "
        "held within the City Chambers, City Square, Dundee on Monday, 11th January, "
        "2016 at 6.00 pm.\n\nYours faithfully\n\nProgramme of Business\n\n"
        "(a) DECLARATION OF INTEREST\n"), "scotland")
    assert len(recs) == 1
    assert str(recs[0].get("body")).lower() == "dundee city council"
    assert recs[0].get("meeting_date") == date(2016, 1, 11)


def test_date_under_an_agenda_item_is_not_the_meetings():
    # a page with no date of its own: the minutes its agenda confirms are an earlier
    # meeting's
    r = one("Summary\n\nAgenda\n\n1. Attendance and Apologies for Absence\n\n"
            "2. Declarations of Interest\n\n3. Minutes and Decisions Called in\n\n"
            "Minutes of meeting on 12 October 2021. No decisions at that meeting were "
            "called in.\n\n4. Public Questions\n")
    assert r.get("meeting_date") is None


def test_session_tag_after_the_body_is_no_part_of_its_name():
    r = one("Joint Consultative Group (Private) Agenda - 12 February 2018, 14:00\n"
            "A meeting to be held at Conference Room 3 at 14:00 on 12 February 2018.\n"
            "| Number | Item |\n|---|---|\n| 1 | Apologies for Absence |\n")
    assert r.get("body") == "Joint Consultative Group"


def test_date_key_decision_expected_gives_the_decision_date():
    # a forward plan entry's "Date key decision expected", the date on a line under it
    r = one("Forward Plan\n\nKey Decision\n\nLibrary Opening Hours\n\n"
            "Decision maker\n\nCabinet\n\n"
            "Date key decision expected\n\n19 April 2017\n")
    assert r.get("decision_date") == date(2017, 4, 19)


def test_a_plan_row_whose_cells_run_together_on_one_line():
    # a forward plan row flattened to one line: each label's value runs to the next
    r = one("Executive Work Programme\n\n"
            "No. | Item |\n"
            "1. |\n"
            "Decision maker: Executive Decision: 11 Dec 2023; 28 days' public notice must "
            "be given for any key decision or private item Lead officer: Martin Walmsley "
            "Notice of proposed decision first published: 10/11/2023 "
            "Anticipated restriction: Private - Explanation of anticipated restriction: [...]\n")
    assert r.kind == "notice"
    assert r.get("decision_maker") == "Executive"
    assert r.get("decision_date") == date(2023, 12, 11)
    assert r.get("notice_first_published") == date(2023, 11, 10)
    assert r.get("exempt") == "full"


def test_a_sentence_with_one_label_inside_is_not_split():
    from govcheck.extract.frontsheet import labels_in

    # one label at the start, one colon in the prose of its value: no second label
    text = "Decision maker: Cabinet, having noted the Decision: 11 Dec 2023 as planned"
    found = labels_in(text)
    assert [spec.field for spec, *_ in found] == ["decision_maker"]
    assert found[0][3] == len(text)
    # a label's words written as two labels ("Lead member: Executive Member: ...")
    text = "Lead member: Executive Member: Governance and Lead officer: Jo Bloggs"
    assert [spec.field for spec, *_ in labels_in(text)] == ["portfolio", "report_of"]
    # prose naming labels, but none of two words before a ":" but one
    text = "The report of the Director: see the decision maker's note: as agreed"
    assert len(labels_in(text)) <= 1


def test_minutes_showing_the_council_acting_are_the_councils():
    # an issue page holding one council minute: no heading names the body
    r = one("Issue - meetings\n\n"
            "The Council considered a report describing the work of overview and scrutiny "
            "over the past municipal year.\n\n"
            "The Overview and Scrutiny Committee had also considered the report at its "
            "meeting on 12 September 2023 and had commended the Annual Report to Council.\n")
    assert r.kind == "meeting"
    assert r.get("body") == "Council"
    # the date is the scrutiny committee's meeting's, not this one's
    assert r.get("meeting_date") is None


def test_the_chair_speaking_to_the_body_names_it():
    r = one("Agenda and minutes\n\nVenue: The Market Hall, Egremont\n\n"
            "Chair's Announcements\n\n"
            "The Chair reminded Council that Saturday 29 June is Armed Forces Day.\n")
    assert r.get("body") == "Council"
    # a mayor's words count only to the Council, which a ceremonial mayor chairs (an
    # elected mayor is the executive, speaking to Cabinet too)
    r = one("Agenda and minutes\n\nVenue: The Guildhall\n\n"
            "The Mayor told the Council that he had attended the carnival.\n")
    assert r.get("body") == "Council"
    r = one("Agenda and minutes\n\nVenue: The Guildhall\n\n"
            "The Mayor told Cabinet that he had attended the carnival.\n")
    assert r.get("body") is None
    r = one("Agenda and minutes\n\nVenue: The Guildhall\n\n"
            "The Mayor thanked the Council officers who had organised the carnival.\n")
    assert r.get("body") is None


def test_cabinet_minutes_without_a_heading():
    r = one("Apologies for Absence\n\n"
            "Apologies for absence were received from Councillor R Pritchard\n\n"
            "Councillor S Goodall presented the Committee's recommendations:\n\n"
            "1.    That the Committee endorsed the proposed amendments and recommended "
            "them to Cabinet; and\n\n"
            "This matter was considered further by Cabinet at item 9 on the Agenda.\n\n"
            "Cabinet endorsed that:\n\n"
            "1.    Newly elected members would receive a list of officers.\n")
    assert r.kind == "meeting"
    assert r.get("body") == "Cabinet"


def test_a_body_only_mentioned_or_two_bodies_acting_name_no_body():
    # a report to the Council is not the Council meeting
    r = one("Agenda and minutes\n\nVenue: Town Hall\n\n"
            "Apologies for absence were received from Councillor Smith.\n\n"
            "The report recommends to Council that the budget be approved.\n")
    assert r.get("body") is None
    # two bodies acting: neither is surely the meeting's
    r = one("Agenda and minutes\n\nVenue: Town Hall\n\n"
            "Cabinet considered the budget proposals.\n\n"
            "The Audit Committee noted the report.\n")
    assert r.get("body") is None


def test_a_scottish_council_acting_in_its_minutes():
    # Scotland: the full council meets under its name, given by the minutes it approves;
    # a committee's minute noted gives no date to the meeting
    r = one("The Provost ruled, and the Council agreed, that the business at Item 6 be "
            "dealt with as a matter of urgency.\n\n"
            "The Minutes of the Meeting of Argyll and Bute Council held on 28 November 2019 "
            "were approved as a correct record.\n\n"
            "The Minute of the Environment, Development and Infrastructure Committee held "
            "on 5 December 2019 were noted.\n", )
    assert r.kind == "meeting"
    assert r.get("body") == "Argyll and Bute Council"
    assert r.get("meeting_date") is None


# What the regulations make every notice say: the decision, who takes it, when, why,
# and the notice's own date

_GENERAL_EXCEPTION_NOTICE = (
    "General exception notice\n\n"
    "Notice of Intention to take Key Decision without 28-Day Notice\n\n"
    "Notice is given under Regulation 10 of the Regulations that it was impracticable to "
    "give 28 days' notice of the following decision, a Key Decision to be taken by the "
    "Executive at its meeting on 25th July 2022:\n\n"
    "- Library Strategy 2022-25\n\n"
    "Why 28 days' notice was impracticable: the item was confirmed as key after the "
    "deadline for the notice had passed.\n\n"
    "The Chair of the Scrutiny Committee has been advised in accordance with Regulation 10.\n\n"
    "JANE SMITH\n"
    "Director of Legal and Governance\n"
    "15 July 2022\n")


def test_general_exception_notice_says_decision_maker_date_and_reasons():
    r = one(_GENERAL_EXCEPTION_NOTICE)
    assert r.kind == "notice"
    assert r.get("key_decision") is True
    assert r.get("decision_maker") == "Executive"
    assert r.get("decision_date") == date(2022, 7, 25)
    assert r.get("urgency_route") == "general_exception"
    assert (r.get("urgency_reason") or "").startswith("the item was confirmed as key")


def test_notice_dated_under_its_signature_is_published_that_day():
    r = one(_GENERAL_EXCEPTION_NOTICE)
    assert r.get("notice_first_published") == date(2022, 7, 15)
    # a date in the notice's text, not under a signature, is not its date
    unsigned = one(_GENERAL_EXCEPTION_NOTICE.replace("JANE SMITH\n", "It was noted.\n"))
    assert unsigned.get("notice_first_published") is None


def test_notice_date_line_is_the_date_the_notice_was_first_published():
    r = one("Notice of Key Decisions\n\n"
            "Notice is given under Regulation 9 that the Executive intends, at its Meeting "
            "on 27th January 2020, to take the Key Decisions set out below.\n\n"
            "Date: 23rd December 2019\n\n"
            "Decision maker: Executive\n"
            "Decision due: 27 January 2020\n")
    assert r.kind == "notice"
    assert r.get("notice_first_published") == date(2019, 12, 23)
    assert r.get("report_date") is None


def test_special_urgency_named_in_a_sentence_wins_over_an_unnamed_reason():
    r = one("Forthcoming decisions\n\n"
            "20/03/2023 - Special Urgency Notice - Leisure Transformation\n\n"
            "Key decision to be taken in accordance with Information Procedure Rule D16 "
            "(Special Urgency)\n\n"
            "Decision Maker: Cabinet\n\n"
            "Decision due date: 22/03/2023\n\n"
            "Notice of decision: 20/03/2023\n\n"
            "Reason for urgency:\n"
            "The facilities need investment and deferring would add costs.\n")
    assert r.get("key_decision") is True
    assert r.get("urgency_route") == "special_urgency"


def test_restriction_explained_in_schedule_12a_words_without_information():
    r = one("Issue details\n\nSale of land\n\n"
            "Decision Maker: Cabinet\n"
            "Decision due date: 22/03/2023\n"
            "Anticipated restriction: Fully exempt - view reasons\n\n"
            "Explanation of anticipated restriction:\n"
            "Relating to the financial or business affairs of any particular person "
            "(including the authority holding that information)\n")
    assert r.get("exempt_paragraphs") == ["3"]


_NOTICE_WITH_TABLE = (
    "Forward plan\n\n"
    "Notice of Intention to Take Key Decisions / Decisions in Private Session\n\n"
    "Notice is given under Regulation 5 and 9 that the Executive intends, at its Meeting on "
    "28th October 2019, to take the Key Decisions set out in the appended schedules.\n\n"
    "Date: 20th September 2019\n\n"
    "Dec'n. | Subject Area for Decision | Anticipated date of decision | Decision Taker\n"
    "1 | Tree Management Policy | 28 October 2019 | Executive (Councillors Western, Hynes)\n"
    "2 | Electric Vehicle Charging Points | 28 October 2019 | Executive\n"
    "3 | Joint Venture with the Housing Trust | 28 October 2019 | Executive\n")


def test_each_row_of_a_dated_notice_is_given_that_day():
    recs = records(_NOTICE_WITH_TABLE)
    assert len(recs) == 3 and all(r.kind == "notice" for r in recs)
    assert [r.get("notice_first_published") for r in recs] == [date(2019, 9, 20)] * 3
    assert [r.get("decision_date") for r in recs] == [date(2019, 10, 28)] * 3


def test_decision_maker_named_with_its_members_is_the_body():
    recs = records(_NOTICE_WITH_TABLE)
    assert recs[0].get("decision_maker") == "Executive"


_TABLE_OF_NOTICES = (
    "Executive decisions made\n\n"
    "Notices under The Local Authorities (Executive Arrangements) (Meetings and Access to "
    "Information) (England) Regulations 2012\n\n"
    "Decision | Date\n"
    "Paragraph 10 – Decision due to be made at Cabinet 5 March 2024 and Council 19 March "
    "2024 on the Housing Allocations Policy | 20 February 2024\n"
    "Paragraph 10, Decision due to be made at Cabinet on the 9th May 2023 re: parks "
    "maintenance contract. | 25 April 2023\n"
    "Paragraph 10, Decision to be made Cabinet on 3rd June re Boiler Replacement | "
    "21 May 2022\n")


def test_table_of_notices_is_read_a_notice_per_row():
    # "Decision | Date": the notice's words, and the day it was given (its own date:
    # first published then); a page heading its notices as given under the
    # regulations lists notices, though its title says decisions
    recs = records(_TABLE_OF_NOTICES)
    assert [r.kind for r in recs] == ["notice"] * 3
    assert [r.get("notice_first_published") for r in recs] == [
        date(2024, 2, 20), date(2023, 4, 25), date(2022, 5, 21)]
    # "Decision due to be made at <body> on <date>": the first body and date
    assert [r.get("decision_maker") for r in recs] == ["Cabinet"] * 3
    assert [r.get("decision_date") for r in recs] == [
        date(2024, 3, 5), date(2023, 5, 9), None]     # "3rd June": no year, no date
    # "Paragraph 10" is not read as regulation 10
    assert all(r.get("urgency_route") is None for r in recs)


def test_decisions_list_without_a_notices_heading_stays_a_list_of_decisions():
    recs = records(_TABLE_OF_NOTICES.replace(
        "Notices under The Local Authorities", "Made under The Local Authorities"))
    assert [r.kind for r in recs] == ["decision"] * 3


def test_decision_alone_is_a_label_only_as_a_column_heading():
    from govcheck.extract.labels import match_label

    assert match_label("Decision\tThe Cabinet agreed the budget.") is None
    m = match_label("Decision\t", column=True)
    assert m is not None and m[0].field == "title" and m[0].column
    r = one("Decision\tThe Cabinet agreed the budget.\n")
    assert r.get("title") is None


_ROWS_THEN_DETAIL = (
    "Notice of Intention to Take Key Decisions\n\n"
    "Notice is given under Regulation 9 that the Executive intends, at its Meeting on "
    "24th February 2020, to take the Key Decisions set out in the appended schedules.\n\n"
    "Date: 20th January 2020\n\n"
    "Subject Area for Decision | Anticipated date of decision | Decision Taker\n"
    "Tree Management Policy Review | 24 February 2020 |\n"
    "Electric Vehicle Charging Points | 24 February 2020 |\n\n"
    "Date or period of decision: 24 February 2020\n\n"
    "Subject of the Decision\n\n"
    "Tree Management Policy Review.\n\n"
    "Decision maker\n\n"
    "Cabinet Member for Environment\n")


def test_detail_below_a_table_is_the_entry_it_names():
    # the detail below the table names the first entry: its decision maker is the
    # first entry's, not the last row's (whose record runs to the end of the page)
    recs = records(_ROWS_THEN_DETAIL)
    assert [r.kind for r in recs] == ["notice", "notice"]
    assert [r.get("decision_maker") for r in recs] == ["Cabinet Member for Environment", None]
    # a detail naming the last entry stays with it
    last = records(_ROWS_THEN_DETAIL.replace("Tree Management Policy Review.",
                                             "Electric Vehicle Charging Points."))
    assert [r.get("decision_maker") for r in last] == [None, "Cabinet Member for Environment"]


def test_a_name_the_page_cuts_is_not_read():
    # the stored copy stops inside the name: "[...]" ends it on its own line
    r = one("Decision Maker: Cabinet Member for Housing and Neighbourhood Regenera [...]\n")
    assert r.get("decision_maker") is None
    # a whole name, the cut marked on a line of its own under it, is read
    r = one("Decision Maker: Assistant Chief Executive\n...\n")
    assert (r.get("decision_maker") or "").startswith("Assistant Chief Executive")
    # a row run together on one line: the name ends at the next label, the cut later
    r = one("Decision maker: Executive Decision: 11 Dec 2023 Lead officer: Jo Bloggs "
            "Notice of proposed decision first published: 10/11/2023 Explanation: [...]\n")
    assert r.get("decision_maker") == "Executive"


def test_an_officer_speaking_to_the_body_names_it():
    r = one("Agenda and minutes\n\nTuesday, 22nd October, 2019 10.00 am\n\n"
            "Declarations of interest\n\n"
            "3.1 The DMO reminded members of their responsibility to declare personal and "
            "prejudicial interests. To assist the DMO informed Council:\n\n"
            "the Leader had a personal interest in agenda item 14;\n")
    assert r.get("body") == "Council"
    # an officer's earlier words, reported, are not the meeting's
    r = one("Agenda and minutes\n\nVenue: Town Hall\n\n"
            "The Director of Finance had advised Cabinet that the grant was confirmed.\n")
    assert r.get("body") is None


def test_a_body_resolving_in_the_present_tense():
    # Welsh minutes and numbered resolutions write the body's act in the present tense
    r = one("Minutes of Previous Meeting(s)\n\n"
            "Minutes: The Council approves as accurate (subject to any amendments) the "
            "Minutes of the following Meetings.\n")
    assert r.get("body") == "Council"
    r = one("Agenda item\n\nThe Local Plan: Update and next steps\n\n"
            "(1) that Cabinet notes recent developments in relation to the Black Country "
            "Plan.\n\n"
            "(2) that Cabinet approves the preparation of a single-tier Local Plan.\n\n"
            "(4) that Cabinet approve the fixed term appointment of a Programme Manager.\n")
    assert r.kind == "meeting"
    assert r.get("body") == "Cabinet"
    r = one("Agenda and minutes\n\nVenue: Civic Centre\n\n"
            "On being put to the Vote the MOTION was CARRIED.\n"
            "RESOLVED: That the Council suspends Council Procedure Rules in respect of "
            "time limits at agenda item 9.\n")
    assert r.get("body") == "Council"
    # a committee's recommendation to the Council is in the subjunctive: not the Council
    # resolving
    r = one("Agenda\n\nVenue: Remote Meeting\n\n"
            "8a Referral Report from Environment Committee\n\n"
            "That the Council agree to adopt the Environmental Sustainability Strategy.\n")
    assert r.get("body") is None


def test_a_body_sitting_as_trustee_is_the_meeting():
    r = one("Agenda and minutes\n\nVenue: Council Chamber\n\n"
            "FOR MINUTE NO. 893 CABINET SAT AS TRUSTEE OF THE WELSH CHURCH ACT FUND PRIOR "
            "TO THE CABINET MEETING ITSELF\n\n"
            "893.\nDisposal of the Community Hall\n")
    assert r.get("body") == "CABINET"


def test_a_report_presented_to_the_body_names_it():
    r = one("Financial Performance 2017-18\n"
            "Minutes: The Interim Head of Finance presented a report updating Cabinet on the "
            "Council's financial performance for the year ending 31 March 2018.\n")
    assert r.kind == "meeting"
    assert r.get("body") == "Cabinet"
    r = one("Agenda item\n\nMatters Exempted from the Call-In Procedure\n\nMinutes:\n\n"
            "Members considered a report of Councillor Smith, Leader of the Council, updating "
            "the Council on recent executive decisions taken as a matter of urgency.\n")
    assert r.get("body") == "Council"
    # a report to a cabinet member is not a meeting of the executive
    r = one("Decision details\n\nThe Borough Solicitor submitted a report updating the "
            "Executive Cabinet Member on the claim.\n")
    assert r.get("body") is None
