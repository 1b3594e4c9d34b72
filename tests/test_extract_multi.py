"""govcheck.extract: documents that hold several records (agenda packs, forward plans,
meeting pages) and the agenda's own record."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from govcheck.extract import extract, extract_with_notes
from govcheck.extract.agenda import find_items
from govcheck.extract.frontsheet import is_header_row
from govcheck.extract.text import clean_lines
from govcheck.fields import AGENDA_ITEM_KEYS, FIELDS
from govcheck.read import read_path
from govcheck.read.base import Document, Line

FIX = Path(__file__).resolve().parents[1] / "fixtures"
PACK_TXT = FIX / "agendas" / "cabinet-2024-07-23-agenda-pack.txt"
PACK_PDF = FIX / "pdf" / "agenda-pack.pdf"


def doc_of(text: str, fmt: str = "text", **kw) -> Document:
    return Document.from_text("pack.txt", fmt, text, **kw)


def by_kind(records):
    out: dict[str, list] = {}
    for r in records:
        out.setdefault(r.kind, []).append(r)
    return out


def line_of(doc: Document, startswith: str) -> int:
    return next(ln.number for ln in doc.lines if ln.text.startswith(startswith))


# ---------------------------------------------------------------------------
# The text agenda pack: agenda, then three reports, each under "Agenda Item N"

@pytest.fixture(scope="module")
def pack_txt():
    doc = read_path(PACK_TXT)
    records, notes = extract_with_notes(doc, "england")
    return doc, records, notes


def test_text_pack_splits_into_meeting_and_three_reports(pack_txt):
    doc, records, notes = pack_txt
    assert [r.kind for r in records] == ["meeting", "report", "report", "report"]
    # each report starts at its "Agenda Item N" heading, a line of the pack
    assert [r.line for r in records[1:]] == [line_of(doc, f"Agenda Item {n}") for n in (5, 6, 7)]
    assert notes == []
    assert all(r.path == doc.path and r.nation == "england" for r in records)


def test_text_pack_meeting_record(pack_txt):
    doc, records, _ = pack_txt
    m = records[0]
    assert m.line == 1
    assert m.get("body") == "Cabinet"
    assert m.get("meeting_date") == date(2024, 7, 23)
    assert m.get("agenda_published") == date(2024, 7, 15)
    assert m.get("council") == "Birmingham City Council"
    assert m.get("title") == "Cabinet – 23 July 2024"
    items = m.get("agenda_items")
    assert [i["number"] for i in items] == ["1", "2", "3", "4", "5", "6", "7"]
    assert all(set(i) == set(AGENDA_ITEM_KEYS) for i in items)
    six, seven = items[5], items[6]
    assert six["title"].startswith("Award of the Street Lighting Maintenance Contract 2024-2028 "
                                   "(late report – urgent item")    # wrapped line joined
    assert six["late"] and six["urgent"] and not seven["late"]
    assert seven["title"] == "Housing Repairs Framework – Contractor Performance"
    assert seven["restricted"] is True and seven["paragraphs"] == ["3"]
    assert items[3]["restricted"] is None      # "Exempt information – possible exclusion"
    assert items[0]["line"] == line_of(doc, "1. Notice of recording")
    # items point at their reports
    assert [i["report_line"] for i in items[4:]] == [r.line for r in records[1:]]
    assert m.fields["agenda_items"].line == items[0]["line"]


def test_text_pack_reports(pack_txt):
    doc, records, _ = pack_txt
    clean, late, exempt = records[1:]
    for r in (clean, late, exempt):
        assert r.get("decision_maker") == "Cabinet"
        assert r.get("meeting_date") == date(2024, 7, 23)
        assert r.get("council") == "Birmingham City Council"
        # field locations are lines of the pack, inside the report (the agenda's
        # paragraphs for the report's item are where the agenda gives them)
        assert all(fv.line >= r.line for n, fv in r.fields.items()
                   if n != "agenda_paragraphs")
    assert clean.get("title") == "Adult Education Service Annual Report 2023/24"
    assert clean.get("key_decision") is False and clean.get("exempt") == "none"
    assert clean.get("recommendation_kinds") == ["note"]
    assert not clean.has("forward_plan_ref")                      # "N/A"
    assert late.get("key_decision") is True
    assert late.get("forward_plan_ref") == "013377/2024"
    assert late.get("notice_first_published") == date(2024, 7, 4)
    assert late.fields["notice_first_published"].line == line_of(
        doc, "Date notice of key decision first published:\t4 July")
    assert late.get("urgency_reason").endswith(
        "street lights must be maintained without a break.")
    assert exempt.get("exempt") == "part"
    assert not exempt.has("exempt_paragraphs")
    assert exempt.get("agenda_paragraphs") == ["3"]
    assert exempt.fields["agenda_paragraphs"].line == line_of(
        doc, "7. Housing Repairs Framework")
    assert exempt.get("recommendation_kinds") == ["approve"]


def test_text_pack_check_findings():
    """The pack's breaches are found in the right report: KD001 (notice under 28 clear
    days) in report 2, EX001 (exempt, no paragraph) in report 3; report 1 is clean."""
    from govcheck.check import run
    from govcheck.engine.profile import load_profile
    from govcheck.engine.rules import RulePack

    pack = RulePack.load()
    result = run([str(PACK_TXT)], pack, load_profile(None, pack.root), date(2025, 1, 1))
    doc = read_path(PACK_TXT)
    found = {(f.code, f.location.line) for f in result.findings}
    exempt = line_of(doc, "Does the report contain confidential or exempt information?\t☒ Yes")
    notice = line_of(doc, "Date notice of key decision first published:\t4 July")
    assert {("EX001", exempt), ("KD001", notice)} <= found
    first, second = line_of(doc, "Agenda Item 5"), line_of(doc, "Agenda Item 6")
    assert not [f for f in found if first <= f[1] < second]     # the clean report
    assert not [f for f in found if f[0].startswith("GC")]
    assert result.records == 4


# ---------------------------------------------------------------------------
# The PDF agenda pack (a colleague's fixture: agenda page, then three reports)

@pytest.fixture(scope="module")
def pack_pdf():
    if not PACK_PDF.exists():
        pytest.skip("PDF agenda pack not built")
    from govcheck.read import ReadError

    try:
        doc = read_path(PACK_PDF)
    except (ReadError, ImportError) as e:
        pytest.skip(f"PDF agenda pack not readable here: {e}")
    records, notes = extract_with_notes(doc, "england")
    return doc, records, notes


def test_pdf_pack_records(pack_pdf):
    doc, records, notes = pack_pdf
    assert [r.kind for r in records] == ["meeting", "report", "report", "report"]
    m, clean, late, exempt = records
    assert (m.get("body"), m.get("meeting_date"), m.get("agenda_published")) == (
        "Cabinet", date(2025, 2, 11), date(2025, 2, 3))
    items = m.get("agenda_items")
    assert [i["number"] for i in items] == [str(n) for n in range(1, 8)]
    assert items[3]["title"] == "Exempt information – possible exclusion of the press and public"
    assert items[3]["restricted"] is False
    assert items[5]["late"] and items[5]["urgent"]
    assert items[6]["restricted"] is True and items[6]["paragraphs"] == ["3"]
    # each report starts on its own page, and its values point at pack lines and pages
    assert [r.page for r in records[1:]] == [2, 3, 4]
    for r in records[1:]:
        assert all(fv.page == r.page for fv in r.fields.values() if fv.page)
    assert clean.get("key_decision") is False and clean.get("exempt") == "none"
    assert clean.get("recommendation_kinds") == ["note"]
    assert late.get("title") == "Award of Highway Resurfacing Contract 2025-2029"   # wrapped cell
    assert late.get("report_of") == "Strategic Director, Place, Prosperity and Sustainability"
    assert late.get("key_decision") is True
    assert late.get("notice_first_published") == date(2025, 1, 24)
    assert late.get("meeting_date") == date(2025, 2, 11)
    assert late.get("wards") == ["ALL"]                 # "Yes ☐ No ☒ – All wards affected"
    assert exempt.get("exempt") == "part" and not exempt.has("exempt_paragraphs")
    assert exempt.get("wards") == ["Nechells"]
    assert exempt.get("recommendation_kinds") == ["approve"]   # not "End of agenda pack"
    assert notes == []


# ---------------------------------------------------------------------------
# Splitting: what makes a new report, and what does not

FRONT = ("Birmingham City Council Report to Cabinet\n\n{date}\n\n"
         "Subject:\t{title}\n"
         "Report of:\tDirector\n"
         "Is this a key decision?\t☐ Yes ☒ No\n"
         "Is the decision eligible for call-in?\t☒ Yes ☐ No\n"
         "Does the report contain confidential or exempt information?\t☐ Yes ☒ No\n\n"
         "1 Recommendations\n\n1.1 That Cabinet approves the {title}.\n\n")


def test_two_reports_without_an_agenda():
    text = FRONT.format(date="4 April 2024", title="Plan A") + \
        FRONT.format(date="4 April 2024", title="Plan B")
    records = extract(doc_of(text))
    assert [r.kind for r in records] == ["report", "report"]
    assert [r.get("title") for r in records] == ["Plan A", "Plan B"]
    assert records[1].line == 15


def test_subject_block_without_report_to_heading_starts_a_report():
    block = ("Subject:\t{t}\nReport of:\tDirector\nIs this a key decision?\tNo\n"
             "Is the decision eligible for call-in?\tYes\n\nSome text about {t}.\n\n")
    records = extract(doc_of(block.format(t="One") + block.format(t="Two")))
    assert [r.get("title") for r in records] == ["One", "Two"]


def test_single_report_with_two_front_sheet_tables_is_one_record():
    text = ("Report to Cabinet\n4 April 2024\n"
            "Subject:\tBudget\nReport of:\tDirector\nReport author:\tJo\n\n"
            "Some words.\nMore words.\nAnd more.\nAnd more still.\nAnd again.\n\n"
            "Are specific wards affected?\tNo\nIs this a key decision?\tYes\n"
            "Is the decision eligible for call-in?\tYes\n")
    records = extract(doc_of(text))
    assert len(records) == 1 and records[0].get("key_decision") is True


def test_agenda_item_page_is_not_split():
    """A ModernGov agenda item page: "Meeting: ..." and "Item: 7." above one report."""
    doc = read_path(FIX / "html" / "agenda-item-checkboxes.html")
    records = extract(doc)
    assert len(records) == 1 and records[0].kind == "report"


def test_one_report_after_an_agenda_is_split():
    text = ("Cabinet\n\nTuesday 2 April 2024\n\nAgenda\n\n1. Apologies\n2. Minutes\n"
            "3. Budget\n\n" + FRONT.format(date="2 April 2024", title="Budget"))
    records = extract(doc_of(text))
    assert [r.kind for r in records] == ["meeting", "report"]
    assert records[0].get("agenda_items")[2]["report_line"] == records[1].line


def test_report_takes_date_and_maker_from_agenda():
    text = ("Planning Committee\n\nThursday 4 April 2024\n\nAgenda\n\n1. Apologies\n"
            "2. Land at Mill Lane\n3. Land at Station Road\n\n"
            "Agenda Item 2\n\nSubject:\tLand at Mill Lane\nReport of:\tHead of Planning\n"
            "Is this a key decision?\tNo\nWards affected:\tMillbrook\n\nText.\n\n"
            "Agenda Item 3\n\nSubject:\tLand at Station Road\nReport of:\tHead of Planning\n"
            "Is this a key decision?\tNo\nWards affected:\tStation\n\nText.\n")
    records = extract(doc_of(text))
    assert [r.kind for r in records] == ["meeting", "report", "report"]
    assert [r.line for r in records[1:]] == [11, 20]
    for r in records[1:]:
        assert r.get("meeting_date") == date(2024, 4, 4)
        assert r.get("decision_maker") == "Planning Committee"
        assert r.fields["meeting_date"].line == 3        # points at the agenda
    assert [i["report_line"] for i in records[0].get("agenda_items")] == [None, 11, 20]


def test_cover_page_goes_with_the_first_report():
    text = ("Birmingham City Council\n\nPublic reports\n\n"
            + FRONT.format(date="4 April 2024", title="Plan A")
            + FRONT.format(date="4 April 2024", title="Plan B"))
    records = extract(doc_of(text))
    assert [r.kind for r in records] == ["report", "report"]
    assert records[0].line == 1


def test_bilingual_front_sheet_is_one_record():
    text = ("Cyngor Sir Glanmorfa\n"
            "Teitl: Strategaeth gwastraff\nTitle: Waste strategy\n"
            "Penderfyniad allweddol?: Ie\nIs Key decision?: Yes\n"
            "Yn amodol ar alw i mewn?: Na\nIs subject to call in?: No\n"
            "Wardiau yr effeithir arnynt: (Pob Ward);\nWards affected: (All Wards);\n")
    records = extract(doc_of(text))
    assert len(records) == 1


# ---------------------------------------------------------------------------
# ModernGov forward plan and CMIS meeting pages

def test_forward_plan_one_notice_per_item():
    doc = read_path(FIX / "html" / "forward-plan.html")
    records, notes = extract_with_notes(doc)
    assert [r.kind for r in records] == ["notice"] * 3
    assert [r.get("title") for r in records] == [
        "Disposal of land at Mill Lane depot", "Housing Revenue Account rent setting 2024/25",
        "Award of highways maintenance term contract"]          # "New!" dropped
    assert [r.line for r in records] == [4, 14, 22]
    first, second, third = records
    assert first.get("notice_first_published") == date(2024, 2, 20)
    assert first.get("exempt") == "part" and first.get("exempt_paragraphs") == ["3"]
    assert second.get("decision_date") == date(2024, 4, 15)
    assert second.get("exempt") == "none" and not second.has("exempt_paragraphs")
    assert third.get("decision_maker") == "Cabinet Member for Environment and Transport"
    assert third.get("exempt") == "full"
    assert notes == []    # "Not before 10 Jun 2024" states the earliest date: no doubt to note


def test_cmis_meeting_page():
    doc = read_path(FIX / "html" / "cmis-meeting.html")
    records, notes = extract_with_notes(doc)
    assert len(records) == 1
    m = records[0]
    assert m.kind == "meeting" and m.line == 1
    assert m.get("body") == "Cabinet"
    assert m.get("meeting_date") == date(2019, 3, 26)
    assert m.get("agenda_published") == date(2019, 3, 18)
    assert not m.has("title") or "Apologies" not in m.get("title")   # not the header row
    assert not m.has("key_decision")         # "Decision type<TAB>Access" is a header row
    # the restricted item keeps its paragraph, and the meeting is part exempt on it
    assert m.get("exempt") == "part" and m.get("exempt_paragraphs") == ["3"]
    assert notes == []
    items = m.get("agenda_items")
    assert [i["number"] for i in items] == [str(n) for n in range(1, 8)]
    assert items[3]["title"] == "Independent Improvement Panel - final stocktake"
    assert items[3]["key_decision"] is False
    assert (items[4]["key_decision"], items[4]["forward_plan_ref"]) == (True, "006112/2019")
    assert items[6]["restricted"] is True and items[6]["paragraphs"] == ["3"]
    assert items[0]["restricted"] is False


@pytest.mark.parametrize("row,header", [
    ("Item\tTitle\tAccess", True),
    ("Item\tTitle\tDecision type\tAccess", True),
    ("No.\tSubject\tStatus", True),
    ("Committee\tCabinet", False),
    ("Decision type\tKey", False),
    ("Title\tBudget 2024/25", False),
    ("Item Title Access", False),
])
def test_header_rows(row, header):
    assert is_header_row(row) is header


def test_header_row_is_not_read_as_labels():
    records = extract(doc_of("Title\tStatus\nDecision type\tAccess\n"))
    assert records[0].fields == {}


def test_items_need_a_heading_and_two_items():
    lines = clean_lines(doc_of("1 Executive Summary\n2 Recommendations\n").lines)
    assert find_items(lines)[0] == []
    lines = clean_lines(doc_of("Agenda\n\n1. Apologies\n").lines)
    assert find_items(lines)[0] == []
    lines = clean_lines(doc_of("Agenda\n\n1. Apologies\n\n2. Minutes (Exempt – paragraph 3)\n"
                               "PART II – EXEMPT ITEMS\n3. Land sale\n").lines)
    items = find_items(lines)[0]
    assert [(i["number"], i["title"], i["restricted"], i["paragraphs"]) for i in items] == [
        ("1", "Apologies", None, []), ("2", "Minutes", True, ["3"]), ("3", "Land sale", True, [])]


def test_agenda_items_field_is_canonical():
    assert FIELDS["agenda_items"].type == "items"


def test_pages_of_split_records():
    lines = [Line(1, "Cabinet", 1, 1), Line(2, "Tuesday 2 April 2024", 1, 2),
             Line(3, "Agenda", 1, 3), Line(4, "1\tApologies\tOpen", 1, 4),
             Line(5, "2\tBudget\tOpen", 1, 5), Line(6, "3\tLand\tExempt - paragraph 3", 1, 6)]
    n = 7
    for title in ("Budget", "Land"):
        for k, t in enumerate(["Birmingham City Council", "Report to Cabinet", "2 April 2024",
                               f"Subject:\t{title}", "Report of:\tDirector",
                               "Is this a key decision?\t☐ Yes ☒ No",
                               "Is the decision eligible for call-in?\t☒ Yes ☐ No"]):
            lines.append(Line(n, t, 2 if title == "Budget" else 3, k + 1))
            n += 1
    doc = Document(path="p.pdf", format="pdf", lines=lines)
    records = extract(doc)
    assert [(r.kind, r.line, r.page) for r in records] == [
        ("meeting", 1, 1), ("report", 7, 2), ("report", 14, 3)]
    assert records[2].fields["key_decision"].page == 3
    assert records[2].fields["key_decision"].line == 19


def test_speed_of_a_pack():
    text = PACK_TXT.read_text(encoding="utf-8")
    doc = doc_of(text * 3)
    assert len(doc.lines) > 380
    extract(doc)
    best = min(_timed(doc) for _ in range(5))
    assert best < 0.05, f"{best * 1000:.1f} ms"


def _timed(doc) -> float:
    t = time.perf_counter()
    extract(doc)
    return time.perf_counter() - t


def test_every_field_of_a_pack_is_canonical_and_typed(pack_txt):
    _, records, _ = pack_txt
    kinds = {"date": date, "bool": bool, "str": str, "int": int, "list": list, "enum": str,
             "recs": list, "items": list}
    for r in records:
        for name, fv in r.fields.items():
            spec = FIELDS[name]
            assert isinstance(fv.value, kinds[spec.type]), name
            if spec.type == "enum":
                assert fv.value in spec.choices
            assert fv.line >= 1 and fv.column >= 1 and fv.text
    for item in records[0].get("agenda_items"):
        assert tuple(item) == AGENDA_ITEM_KEYS
        assert isinstance(item["number"], str) and isinstance(item["title"], str)
        assert isinstance(item["line"], int) and isinstance(item["paragraphs"], list)
        assert item["restricted"] in (True, False, None)
        assert isinstance(item["late"], bool) and isinstance(item["urgent"], bool)


def test_full_council_agenda_body():
    text = ("Birmingham City Council\n\nCity Council\n\nTuesday 14 May 2024 at 2.00 pm\n\n"
            "Agenda\n\n1. Apologies\n2. Minutes\n3. Improvement and Recovery Plan\n")
    (m,) = extract(doc_of(text))
    assert m.kind == "meeting"
    # "City Council" heading the agenda is the full council: its body is the Council, as
    # for any full council meeting outside Scotland (corpus/LABELLING.md)
    assert (m.get("council"), m.get("body")) == ("Birmingham City Council", "Council")
    assert m.get("meeting_date") == date(2024, 5, 14)
    assert [i["title"] for i in m.get("agenda_items")] == [
        "Apologies", "Minutes", "Improvement and Recovery Plan"]


MARKDOWN_PACK = """# Cabinet

Tuesday 2 April 2024

## Agenda

| Item | Title | Status |
|---|---|---|
| 1 | Apologies | Open |
| 2 | Budget 2024/25 | Open |
| 3 | Land at Mill Lane | Exempt (paragraph 3) |

# Report to Cabinet

2 April 2024

| Question | Answer |
|---|---|
| Subject: | Budget 2024/25 |
| Report of: | Director of Finance |
| Is this a key decision? | ☒ Yes ☐ No |
| Is the decision eligible for call-in? | ☒ Yes ☐ No |

## Recommendations

1. Approve the budget.

# Report to Cabinet

2 April 2024

| Question | Answer |
|---|---|
| Subject: | Land at Mill Lane |
| Report of: | Director of Property |
| Is this a key decision? | ☒ Yes ☐ No |
| Does the report contain confidential or exempt information? | ☒ Yes ☐ No |
| Exempt information paragraph number: | 3 |
"""


def test_markdown_pack_with_tables():
    records = extract(doc_of(MARKDOWN_PACK, fmt="markdown"))
    assert [(r.kind, r.line) for r in records] == [("meeting", 1), ("report", 13), ("report", 28)]
    m, budget, land = records
    items = m.get("agenda_items")
    assert [(i["number"], i["title"], i["restricted"], i["paragraphs"], i["report_line"])
            for i in items] == [("1", "Apologies", False, [], None),
                                ("2", "Budget 2024/25", False, [], 13),
                                ("3", "Land at Mill Lane", True, ["3"], 28)]
    assert budget.get("recommendation_kinds") == ["approve"]
    assert land.get("exempt") == "part" and land.get("exempt_paragraphs") == ["3"]
    assert not budget.has("exempt_paragraphs")


def test_a_report_quoting_an_agenda_stays_a_report():
    text = ("Report to Cabinet\n\n4 April 2024\n\n"
            "Is this a key decision?\t☒ Yes ☐ No\n\n"
            "Business\n\n1. The Plan\n2. The Budget\n\n"
            "Decision Maker: Cabinet\n")
    (r,) = extract(doc_of(text))
    assert r.kind == "report" and not r.has("agenda_items")
    assert r.get("key_decision") is True and r.get("decision_maker") == "Cabinet"


def test_text_forward_plan_gives_one_notice_per_item_with_its_title():
    from govcheck.extract import extract
    from govcheck.read.base import Document

    text = "\n".join([
        "Birmingham City Council", "Forward Plan of Key Decisions – published 1 March 2024", "",
        "Clean Air Zone – Revised Exemptions", "Forward Plan Reference: 013101/2024",
        "Decision maker: Cabinet", "Decision due: 9 Apr 2024",
        "Notice of proposed decision first published: 20/03/2024", "Anticipated restriction: Open",
        "", "Highways Maintenance Term Contract", "Forward Plan Reference: 013102/2024",
        "Decision maker: Cabinet", "Decision due: 21 May 2024",
        "Notice of proposed decision first published: 01/03/2024",
        "Anticipated restriction: Part exempt - view reasons",
    ])
    recs = extract(Document.from_text("fp.txt", "text", text))
    assert [r.kind for r in recs] == ["notice", "notice"]
    assert [r.get("title") for r in recs] == ["Clean Air Zone – Revised Exemptions",
                                              "Highways Maintenance Term Contract"]
    assert [r.get("forward_plan_ref") for r in recs] == ["013101/2024", "013102/2024"]
    assert recs[1].line == 11 and recs[1].get("exempt") == "part"


def test_key_decision_plan_heading_makes_its_notices_key():
    from govcheck.extract import extract
    from govcheck.read.base import Document

    text = "\n".join([
        "Forward Plan of Key Decisions – published 1 March 2024", "",
        "Clean Air Zone – Revised Exemptions", "Forward Plan Reference: 013101/2024",
        "Decision maker: Cabinet", "Decision due: 9 Apr 2024",
        "Notice of proposed decision first published: 20/03/2024",
        "Anticipated restriction: Open", "",
        "Depot roof", "Forward Plan Reference: 013102/2024", "Decision maker: Cabinet",
        "Decision type: Non-key", "Decision due: 21 May 2024",
        "Notice of proposed decision first published: 01/03/2024",
        "Anticipated restriction: Open",
    ])
    recs = extract(Document.from_text("fp.txt", "text", text))
    assert [r.get("key_decision") for r in recs] == [True, False]   # stated beats heading
    assert recs[0].fields["key_decision"].line == 1


def test_reason_key_after_the_key_decision_question_does_not_start_a_second_record():
    # ModernGov's "Reason Key" (why a decision is key) follows "Is Key decision?" on
    # the same decision page: it answers nothing new, so the page is one record
    text = ("Decision details\n\nCemeteries Fees and Charges 2020/21\n\n"
            "Decision Maker: Cabinet\n\nDecision status: Recommendations Approved\n\n"
            "Is Key decision?: Yes\n\nIs subject to call in?: Yes\n\n"
            "Decision:\n\n1. That the fees in Appendix A be approved.\n\n"
            "REASONS FOR DECISIONS\n\n1. To raise income towards the cost of the service.\n\n"
            "Reason Key: Has a significant impact on communities;\n\n"
            "Wards Affected: (All Wards);\n\nReport author: Ross Fawbert\n\n"
            "Publication date: 03/12/2019\n\nDate of decision: 03/12/2019\n\n"
            "Effective from: 09/12/2019\n")
    records = extract(doc_of(text))
    assert [r.kind for r in records] == ["decision"]
    assert records[0].fields["effective_from"].value == date(2019, 12, 9)


def test_agenda_sub_items_under_a_numbered_item_are_items_of_their_own():
    text = ("Cabinet - 21 May 2024\n\nagenda (PDF)\n\n1. Declarations of Interest.\n\n"
            "2. Minutes of previous meeting of 23 April 2024\n\n"
            "7. Buildings, Housing and Environment.\n\n"
            "(a) Sale of Former St Cuthberts Primary School, Maybole (members only)\n\n"
            "(b) 15-17 Sandgate, Ayr (members only)\n\n"
            "8. Consideration of Disclosure of the above confidential reports.\n")
    records = extract(doc_of(text))
    items = records[0].get("agenda_items")
    assert [it["number"] for it in items] == ["1", "2", "7", "7a", "7b", "8"]
    assert items[3]["title"].startswith("Sale of Former St Cuthberts")
    assert items[3]["restricted"] is True and items[4]["restricted"] is True
    assert records[0].get("exempt") == "part"


def test_an_items_description_does_not_end_the_agenda():
    text = ("Agenda\n\n1. Apologies\n\n2. Exclusion of the public\n"
            "   The Committee is asked to resolve to exclude the public for the following\n"
            "   item, on the grounds that it involves exempt information.\n\n"
            "3. Disposal of land at Harbour Road (exempt - paragraph 9)\n")
    items = find_items(clean_lines(doc_of(text).lines))[0]
    assert [(i["number"], i["title"]) for i in items] == [
        ("1", "Apologies"), ("2", "Exclusion of the public"),
        ("3", "Disposal of land at Harbour Road")]
    assert items[2]["paragraphs"] == ["9"]
    # prose after the last item, or followed by a number out of sequence, is not an item
    text = ("Agenda\n\n1. Apologies\n\n2. Minutes\nThe minutes were agreed.\n\n"
            "12. The council noted the report.\n")
    assert [i["number"] for i in find_items(clean_lines(doc_of(text).lines))[0]] == ["1", "2"]


@pytest.mark.parametrize("text, field, value", [
    ("Agenda and minutes\n\nExtraordinary, Cabinet - Tuesday, 31st July, 2018 10.00 am\n\n"
     "Venue: Civic Centre\n", "body", "Cabinet"),
    ("Agenda and minutes\n\nExtraordinary Cabinet Meeting, Cabinet - Monday, 18th March, "
     "2024 6.00 pm\n\nVenue: Council Chamber\n", "body", "Cabinet"),
    # a minutes page titled by its body
    ("Council Minutes\n\nWednesday 26 July 2017\n6:30 p.m.\nCouncil Chamber, Town Hall\n\n"
     "Attendance Details\n", "body", "Council"),
    ("Decision details\n\nRoad safety scheme\n\nDecision Maker: Cabinet - Decommissioned "
     "18.05.2022\n\nDecision status: Recommendations Approved\n", "decision_maker", "Cabinet"),
    ("Decision details\n\nBus lanes\n\nDecision Maker: Decision Session - Executive Member "
     "for Transport - Expired, Executive Member for Transport\n\nDecision status: Approved\n",
     "decision_maker", "Executive Member for Transport"),
    # a CMIS meeting summary: the body, then the date with its times after a dash
    ("Meeting Details\n\nMeeting Summary\nCouncil\n28 Mar 2024 - 16:00 to 20:00\nOccurred\n\n"
     "Documents\n\nAgenda\n\nDate\nPublished Date\n19 March 2024\n\nAgenda Items\n\n"
     "1 Declarations of Interest\n\n2 Minutes\n", "body", "Council"),
])
def test_names_of_bodies_without_their_qualifiers(text, field, value):
    [r] = extract(doc_of(text))
    assert r.get(field) == value


def test_the_council_heads_a_meeting_page_and_the_body_follows_it():
    text = ("EAST AYRSHIRE COUNCIL\n\nCABINET\n\nMINUTE OF MEETING HELD ON WEDNESDAY 25 "
            "JANUARY 2017 AT 1000 HOURS IN THE COUNCIL CHAMBERS\n\nPRESENT: Councillors A, B "
            "and C.\n\n1. Apologies\n\nThere were no apologies.\n")
    [r] = extract(doc_of(text))
    assert r.kind == "meeting" and r.get("body") == "CABINET"


def test_an_officer_listed_at_the_top_of_minutes_is_not_the_body():
    text = ("Agenda and minutes\n\nTuesday, 28th January, 2020 10.00 am\n\nVenue: Civic "
            "Centre\n\nOfficers on the dias\n\nNigel Aurelius, Assistant Chief Executive "
            "(Resources)\n\n1. Apologies\n\n2. Minutes\n")
    [r] = extract(doc_of(text))
    assert r.get("body") is None


def test_plan_items_numbered_on_lines_of_their_own_are_one_notice_each():
    text = ("Forward plan\n\nPlan items\nNo. Item\n\n"
            "1.\nReview of Shopmobility\nDecision maker: Cabinet\nDecision: 15 Sep 2020\n"
            "Decision status: Recommendations Approved\n"
            "Notice of proposed decision first published: 09/06/2020\n\n"
            "2.\nBusiness Rate Reliefs\n"
            "Notice of proposed decision first published: 23/04/2020\n\n"
            "3.\nDevolution and Recovery White Paper\nDecision maker: Cabinet\n"
            "Decision: 13 Oct 2020\nDecision status: Recommendations Approved\n"
            "Notice of proposed decision first published: 27/08/2020\n")
    records = extract(doc_of(text))
    assert [(r.get("title"), r.get("decision_maker"), str(r.get("notice_first_published")))
            for r in records] == [
        ("Review of Shopmobility", "Cabinet", "2020-06-09"),
        ("Business Rate Reliefs", None, "2020-04-23"),
        ("Devolution and Recovery White Paper", "Cabinet", "2020-08-27")]


def test_a_list_of_forthcoming_decisions_gives_notices_with_their_due_dates():
    text = ("Forthcoming Decisions\n\n"
            "19/02/2025 - Ashfield Park Junior Area Play Enhancements\n\n"
            "The council intends to improve the junior play area.\n\n"
            "Decision Maker: Assistant Director - Property and Assets\n\n"
            "Decision due date: 01/05/2025\n\nLead officer: Martin Smith\n\n"
            "Notice of decision: 14/03/2025\n\n"
            "19/02/2025 - Local Growth and Place Flexible Grant\n\n"
            "Grant funding agreement.\n\nDecision Maker: Cabinet\n\n"
            "Decision due date: 17/04/2025\n\nLead officer: Adam Glover\n\n"
            "Notice of decision: 13/03/2025\n")
    records = extract(doc_of(text))
    assert [(r.kind, str(r.get("decision_date")), str(r.get("notice_first_published")))
            for r in records] == [("notice", "2025-05-01", "2025-03-14"),
                                  ("notice", "2025-04-17", "2025-03-13")]
    # a decision list's item heading is still the decision and its date
    [d1, d2] = extract(doc_of(
        "Decisions published\n\n06/06/2022 - Grant award ref: 1122 Recommendations Approved\n\n"
        "Decision Maker: Cabinet\n\nDecision published: 08/06/2022\n\n"
        "Effective from: 16/06/2022\n\n"
        "06/06/2022 - Depot sale ref: 1123 Recommendations Approved\n\n"
        "Decision Maker: Cabinet\n\nDecision published: 08/06/2022\n\n"
        "Effective from: 16/06/2022\n"))
    assert (d1.kind, str(d1.get("decision_date"))) == ("decision", "2022-06-06")
    # a date its text mentions ("Decision Date:" of the permission it concerns) is not it
    [d] = extract(doc_of(
        "Decisions published\n\n29/11/2024 - CIL Surcharge ref: 3246 Recommendations Approved\n"
        "\nDecision Maker: Head of Development Management\n\nDecision published: 29/11/2024\n"
        "\nEffective from: 29/11/2024\n\nTo waive the surcharge.\n\n"
        "  • Decision Date: Thu 21 Nov 2019\n"))
    assert str(d.get("decision_date")) == "2024-11-29"


def test_a_forthcoming_decision_whose_title_names_it_a_key_decision():
    text = ("Forthcoming decisions\n\n"
            "27/01/2025 - Delegated Officer Key Decision: Port additional funding\n\n"
            "Decision Maker: Cabinet\n\nDecision due date: 12/02/2025\n\n"
            "Lead officer: Jane Smith\n\nNotice of decision: 27/01/2025\n\n"
            "13/01/2025 - Delegated Officer Decision: To approve the Port Business Plan\n\n"
            "Decision Maker: Cabinet\n\nDecision due date: 12/02/2025\n\n"
            "Lead officer: Jane Smith\n\nNotice of decision: 13/01/2025\n\n"
            "13/01/2025 - Non-Key Decision: Depot repairs\n\n"
            "Decision Maker: Cabinet\n\nDecision due date: 12/02/2025\n\n"
            "Notice of decision: 13/01/2025\n")
    records = extract(doc_of(text))
    assert [(r.kind, r.get("key_decision")) for r in records] == [
        ("notice", True), ("notice", None), ("notice", False)]


def test_a_table_of_officer_decisions_gives_decisions_dated_by_the_date_column():
    text = ("Officer decisions\n\nUse the search options below to find recent decisions.\n\n"
            "Title | Date\n"
            "TPO/XX/2/24 at Land West of Mill Lane. | 26/09/2024\n"
            "TPO/XX/1/24 at Rear Garden of 28 Park Road | 13/09/2024\n")
    records = extract(doc_of(text))
    assert [(r.kind, str(r.get("decision_date"))) for r in records] == [
        ("decision", "2024-09-26"), ("decision", "2024-09-13")]


def test_a_reference_column_gives_only_forward_plan_references():
    text = ("Decisions\n\nReference | Title | Decision Type | Status\n"
            "OED.20.09.23 | 722. Officer Executive Decision | Officer | Decision Confirmed\n"
            "FP/247/09/23 | Draw down from the reserve for school accommodation | Portfolio "
            "| Decision Confirmed\n")
    records = extract(doc_of(text))
    assert [r.get("forward_plan_ref") for r in records] == [None, "FP/247/09/23"]


def test_a_call_in_deadline_in_a_decision_proforma_says_it_may_be_called_in():
    text = ("Decision Maker: Cabinet\nMade at meeting: 17/06/2024 - Cabinet\n"
            "Decision published: 17/06/2024\nEffective from: 26/06/2024\nDecision:\n"
            "1. Title of Item/Report\nMinutes of Various Bodies\n"
            "2. Record of the Decision\nRESOLVED that the minutes be noted.\n"
            "7. Date and Time by which Call In must be executed\n"
            "Midnight Tuesday, 25 June 2024\n")
    [d] = extract(doc_of(text))
    assert (d.kind, d.get("call_in_eligible")) == ("decision", True)


def test_a_decision_list_whose_first_item_follows_an_introduction():
    text = ("Use the search options below to find recent decisions.\n\nDecisions published\n\n"
            "27/11/2024 - Contract Extension for Workwear ref: 4509 Recommendations Approved\n\n"
            "Decision Maker: Director of Housing\n\nDecision published: 02/12/2024\n\n"
            "Effective from: 27/11/2024\n\nWards affected: (All Wards);\n\n"
            "21/05/2024 - Procurement Strategy for Hampden Children's Centre ref: 4499 "
            "For Determination\n\nThe report sets out a proposed approach.\n")
    records = extract(doc_of(text))
    assert [(r.get("title"), str(r.get("decision_date"))) for r in records] == [
        ("Contract Extension for Workwear", "2024-11-27"),
        ("Procurement Strategy for Hampden Children's Centre", "2024-05-21")]


def test_minutes_that_open_with_their_place_and_date():
    [r] = extract(doc_of("Glasgow, 8th December 2016.\n\nGlasgow City Council.\n\n"
                         "Present: The Lord Provost (Chair).\n\n1. Minutes\n\n2. Budget\n"))
    assert str(r.get("meeting_date")) == "2016-12-08"
    # prose that names a place before a date is not the meeting's date
    [r] = extract(doc_of("Minutes\n\nThe Committee noted that Glasgow, 8th December 2016, was "
                         "the date of the event.\n"))
    assert r.get("meeting_date") is None


def test_an_exclusion_recorded_by_its_title_in_a_decision_list_has_its_grounds_elsewhere():
    text = ("Decisions published\n\n"
            "09/07/2019 - Jigsaw Partnership ref: 205 Recommendations Approved\n\n"
            "Decision Maker: Cabinet\n\nDecision published: 10/07/2019\n\n"
            "Effective from: 17/07/2019\n\n"
            "09/07/2019 - Exclusion of Press and Public ref: 206 Recommendations Approved\n\n"
            "Decision Maker: Cabinet\n\nDecision published: 10/07/2019\n\n"
            "Effective from: 09/07/2019\n")
    records = extract(doc_of(text))
    last = records[-1]
    assert (last.get("exempt"), last.get("exempt_grounds_elsewhere")) == ("part", True)


def test_a_minutes_heading_alone_is_not_an_exclusion_whose_grounds_are_elsewhere():
    # only a list of decisions' item titled so has its grounds in the minutes; a minutes
    # page's heading stays a claim that the page must support
    text = ("Minutes\n\nCabinet\n\nTuesday 9 July 2019\n\n1. Apologies\n\nNone.\n\n"
            "2. Exclusion of Press and Public\n\nMembers agreed to go into private session "
            "for the next item.\n")
    [r] = extract(doc_of(text))
    assert r.get("exempt") == "part" and r.get("exempt_grounds_elsewhere") is None


def test_a_key_decision_plan_front_sheet_lists_one_notice_per_bullet_with_its_detail_sheet():
    # a "Key Decision Plan" front sheet: bullets under month headings, then a detail
    # sheet for some entries whose questions stand on lines of their own, the answers
    # under them
    text = ("Key Decision Plan January - April 2015\n\n"
            "This front sheet lists the key decisions planned.\n\n"
            "Business and Resources\n\nJanuary 2015\n\n• Council Tax Base\n"
            "• Ground Maintenance\n\nFebruary 2015\n\n• None\n\nMarch 2015\n\n"
            "• Community Area Forum funding\n\n"
            "Cllr A Leader (Leader of the Council) 12 December 2014\n\n"
            "Grounds Maintenance\n\nWho is responsible for taking the decision\n\nCabinet\n\n"
            "Type of Decision\n\nKey decision\n\nWhen will the decision be taken\n\n"
            "7 October 2015\n\n"
            "Will the meeting be open to the public or private, and if private for what "
            "reason(s)\n\nPrivate - exempt report (commercially sensitive information)\n\n"
            "Council Tax Base\n\nWho is responsible for taking the decision\n\nCouncil\n\n"
            "When will the decision be taken\n\n15 January 2015\n\n"
            "Will the meeting be open to the public or private, and if private for what "
            "reason(s)\n\nOpen to the public\n")
    records = extract(doc_of(text))
    assert [(r.kind, r.get("title"), r.get("key_decision")) for r in records] == [
        ("notice", "Council Tax Base", True), ("notice", "Grounds Maintenance", True),
        ("notice", "Community Area Forum funding", True)]
    tax, grounds, forum = records
    assert (grounds.get("decision_maker"), str(grounds.get("decision_date")),
            grounds.get("exempt")) == ("Cabinet", "2015-10-07", "full")
    assert (tax.get("decision_maker"), str(tax.get("decision_date")),
            tax.get("exempt")) == ("Council", "2015-01-15", "none")
    assert forum.get("decision_date") is None     # a month heading is no date
    # bullets on a page that is no key decision plan are not notices
    assert len(extract(doc_of(text.replace("Key Decision Plan", "Newsletter")))) == 1
    # nor are bullets that stand under no month's heading (a list inside an entry)
    assert len(extract(doc_of(text.replace("\n\nJanuary 2015\n\n", "\n\nDocuments\n\n")
                                  .replace("\n\nMarch 2015\n\n", "\n\nConsultees\n\n")))) == 1


def test_a_meeting_named_in_the_words_before_its_date():
    # "The Cabinet meeting on <date>", "COUNCIL MEETING HELD ON <date>": the body
    [r] = extract(doc_of("Venue: County Hall\n\nNote: The Cabinet meeting on Tuesday 24 March "
                         "2020 at 2pm will be webcast.\n\n1. Apologies\n\n2. Minutes\n"))
    assert (r.kind, r.get("body"), str(r.get("meeting_date"))) == (
        "meeting", "Cabinet", "2020-03-24")
    [r] = extract(doc_of("COUNCIL MEETING HELD ON THURSDAY, 15 DECEMBER 2016\n\n"
                         "Present: Councillors A, B and C\n\n303 PRAYERS\n\n304 APOLOGIES\n"))
    assert (r.get("body"), str(r.get("meeting_date"))) == ("COUNCIL", "2016-12-15")
    # the minutes of an earlier meeting name no body
    [r] = extract(doc_of("Minutes\n\nThe minutes of the meeting held on 7 February 2020 were "
                         "confirmed.\n\n1. Apologies\n\n2. Minutes\n"))
    assert r.get("body") is None


def test_a_meeting_page_titled_body_comma_weekday_and_date():
    for title, body in (("Council, Thursday, 21 July 2016", "Council"),
                        ("Cabinet, Monday 7 March 2022", "Cabinet")):
        [r] = extract(doc_of(f"{title}\n\nThis meeting will be held in the Council Chamber."
                             "\n\n1. Apologies\n\n2. Minutes\n"))
        assert r.get("body") == body, title
    [r] = extract(doc_of("Dear Councillor, Monday 7 March 2022\n\n1. Apologies\n\n2. Minutes\n"))
    assert r.get("body") is None


def test_a_page_of_the_decisions_made_at_a_meeting_gives_one_decision_per_bullet():
    text = ("Decisions made at Executive meeting – 12 June 2017\n\n"
            "Published Thursday 15 June 2017\n\n"
            "The outcomes of items considered at the Executive meeting are as follows:\n\n"
            "• Councillors agreed that two neighbourhood plans proceed to a referendum.\n\n"
            "• Councillors approved the transfer of The Square.\n\n"
            "• Councillors approved the Air Quality Annual Status Report.\n")
    records = extract(doc_of(text))
    assert [(r.kind, r.get("decision_maker"), str(r.get("decision_date")),
             str(r.get("publication_date"))) for r in records] == [
        ("decision", "Executive", "2017-06-12", "2017-06-15")] * 3
    # a labelled list of decisions keeps its own records: its bullets are inside them
    labelled = text.replace("• Councillors approved the transfer", "Decision Maker: Executive"
                            "\n\n• Councillors approved the transfer")
    assert len(extract(doc_of(labelled))) < 3
    # a heading that is no meeting's decisions leaves the page one record
    assert len(extract(doc_of(text.replace("Decisions made at Executive meeting",
                                           "News from the Executive")))) == 1


def test_a_councils_letterhead_names_no_body_outside_scotland():
    page = "{}\n\nAgenda\n\nThursday 17 July 2014\n\n1. Apologies\n\n2. Minutes\n"
    [r] = extract(doc_of(page.format("SUFFOLK COUNTY COUNCIL")))
    assert r.kind == "meeting" and r.get("body") is None
    assert str(r.get("meeting_date")) == "2014-07-17"
    # the body named under the letterhead is read
    [r] = extract(doc_of(page.format("SUFFOLK COUNTY COUNCIL\n\nCABINET")))
    assert r.get("body") == "CABINET"
    # in Scotland the full council meets under the council's name
    [r] = extract(doc_of(page.format("Fife Council")), nation="scotland")
    assert r.get("body") == "Fife Council"


def test_a_body_named_with_its_councils_place_in_front_is_the_body():
    page = "Agenda and minutes\n\n{} - Thursday, 6th June, 2024 10.00 am\n\n1. Apologies\n\n2. Minutes\n"
    [r] = extract(doc_of(page.format("South Hams Executive")))
    assert r.get("body") == "Executive"
    # a meeting headed by the council's own name is the Council's (outside Scotland);
    # in Scotland the council's name is the body
    for name in ("Mid Suffolk Council", "North East Lincolnshire Council",
                 "Norfolk County Council"):
        [r] = extract(doc_of(page.format(name)))
        assert r.get("body") == "Council"
    [r] = extract(doc_of(page.format("Glasgow City Council")), nation="scotland")
    assert r.get("body") == "Glasgow City Council"
    [r] = extract(doc_of(page.format("Birmingham Improvement Panel and Birmingham City Council")))
    assert r.get("body") == "Birmingham Improvement Panel and Birmingham City Council"
    # the council's whole name in front of its body, as an archive site heads its pages
    for name, body in (("East Dorset District Council Full Council", "Full Council"),
                       ("Dorset County Council Cabinet", "Cabinet"),
                       ("Weymouth & Portland Borough Council Management Committee",
                        "Management Committee")):
        [r] = extract(doc_of(page.format(name)))
        assert r.get("body") == body
    # ... but not a council's name followed by what is no body of it
    [r] = extract(doc_of(page.format("Birmingham City Council and Partners Board")))
    assert r.get("body") == "Birmingham City Council and Partners Board"


def test_a_summons_letter_with_a_spaced_agenda_heading_is_the_meetings_agenda():
    text = ("22 January, 2020\n\nDear Councillor,\n\nCABINET\n\n"
            "4:00 PM ON THURSDAY, 30 JANUARY, 2020\nESPERANCE ROOM, CIVIC CENTRE\n\n"
            "You are invited to attend this meeting for consideration of the matters "
            "itemised in the following Agenda.\n\nA G E N D A\n\nPART 1\n\n1. Apologies\n\n"
            "2. Minutes\n\nTo approve the Minutes of the meeting held on 19 December, 2019.\n\n"
            "3. Forward Plan\n\nForward Plan of Decisions to be taken by the Cabinet: January "
            "to March 2020 (Item 3.1 - 3.3).\n\n4. Rent Setting Policy\n")
    [r] = extract(doc_of(text))
    # the letter's date above "Dear Councillor," is not the meeting's; a forward plan
    # under an item is its business, not the page's kind
    assert (r.kind, r.get("body"), str(r.get("meeting_date"))) == (
        "meeting", "CABINET", "2020-01-30")
    assert len(r.get("agenda_items")) == 4


def test_a_date_under_the_clerks_name_below_the_summons_is_not_the_meeting_date():
    # the top of a Scottish council's agenda (corpus d014): the spaced "B U S I N E S S"
    # heading starts the items; the clerk's date above it is not the meeting's
    text = "".join(open(Path(__file__).resolve().parents[1] / "corpus" / "records" / "d014.txt",
                        encoding="utf-8").readlines()[:30])
    [r] = extract(doc_of(text))
    assert (r.kind, str(r.get("meeting_date"))) == ("meeting", "2021-10-07")
    assert [i["title"] for i in r.get("agenda_items")][:2] == ["APOLOGIES",
                                                              "DECLARATIONS OF INTEREST"]


def test_a_meeting_page_confirming_its_bodys_minutes_and_listing_confidential_notices():
    text = ("Monday, 2 September 2019\n\nNOTICE OF CONFIDENTIAL DECISIONS\n\n"
            "URGENT Notice of Confidential Decisions to be made by Cabinet on 02.09.19 - CCTV "
            "Service Overview\n\nAGENDA\n\n1 CHAIR'S ANNOUNCEMENTS\n\n2 APOLOGIES FOR ABSENCE\n\n"
            "3 PREVIOUS MINUTES\nTo confirm the minutes of the Cabinet meeting held on 5th "
            "August 2019\n\n4 NEIGHBOURHOOD PLAN\n")
    [r] = extract(doc_of(text))
    assert (r.kind, r.get("body"), r.get("exempt")) == ("meeting", "Cabinet", "part")


def test_an_exclusion_adopting_the_paragraphs_shown_against_each_item_refers_to_its_grounds():
    text = ("Issue - meetings\n\nMeeting: 07/10/2019 - Cabinet (Item 49)\n\n"
            "Resolution to Exclude the Public\n\n"
            "To consider whether, under Part 1 of Schedule 12A of the Local Government Act "
            "1972, the public should be excluded from the meeting for the business specified "
            "below, on the grounds that if the public were present during these items exempt "
            "information, as indicated against each item, would likely be disclosed to them. "
            "The authors of the reports were satisfied that the public interest in maintaining "
            "the exemption outweighs the public interest in disclosing the information.\n")
    [r] = extract(doc_of(text))
    assert (r.kind, r.get("exempt"), r.get("exempt_paragraphs")) == ("meeting", "part", None)
    assert r.get("exempt_grounds_referenced") is True
    # a resolution that gives no paragraph and refers to none stays without one
    [r] = extract(doc_of(text.replace(", as indicated against each item,", "")))
    assert r.get("exempt") == "part" and r.get("exempt_grounds_referenced") is None


def test_a_summons_table_names_the_meeting_after_the_letters_own_date():
    text = ("Public Document Pack\n\nAGENDA\n\nCommittee Administrator: Democratic Services\n\n"
            "Monday, 9 September 2019\n\nDear Councillor\n\nNOTICE OF MEETING\n\n"
            "Meeting COUNCIL\n\nDate Tuesday, 17 September 2019\n\nTime 2.15 pm\n\n"
            "Venue Council Chamber, Civic Centre\n\nYours sincerely\n\nAGENDA Page No\n\n"
            "1. MINUTES 1 - 4\n\n2. APOLOGIES FOR ABSENCE\n")
    [r] = extract(doc_of(text))
    assert (r.kind, r.get("body"), str(r.get("meeting_date"))) == (
        "meeting", "COUNCIL", "2019-09-17")


@pytest.mark.parametrize("heading, body", [
    # a site that keeps several councils' papers tags the full council or executive
    ("Council (CleS)", "Council"),
    ("Executive (CleS)", "Executive"),
    # a committee's bracket is its name
    ("Planning Committee (West)", "Planning Committee (West)"),
    # the site's note on a body no longer in use
    ("Housing Committee (Disbanded 11 May 2017)", "Housing Committee"),
])
def test_what_a_site_adds_to_a_bodys_name_is_not_the_name(heading, body):
    text = f"Meeting documents\n\n{heading}\n\nThursday 15 January 2009 6.00 pm\n\nItems\n\n1. Apologies\n\n2. Minutes\n"
    [r] = extract(doc_of(text))
    assert (r.kind, r.get("body"), str(r.get("meeting_date"))) == ("meeting", body, "2009-01-15")
    # in a page's title, before the date
    text = f"Agenda and minutes\n\n{heading} - Thursday, 15th January, 2009 6.00 pm\n\n1. Apologies\n\n2. Minutes\n"
    [r] = extract(doc_of(text))
    assert (r.kind, r.get("body"), str(r.get("meeting_date"))) == ("meeting", body, "2009-01-15")


def test_a_meetings_own_name_before_its_bodys_is_not_the_body():
    text = ("Agenda and minutes\n\nBudget Council, Council - Wednesday, 10th February, 2021 "
            "5.30 pm\n\n1. Apologies for Absence\n\n2. Minutes\n")
    [r] = extract(doc_of(text))
    assert (r.get("body"), str(r.get("meeting_date"))) == ("Council", "2021-02-10")
    [r] = extract(doc_of(text.replace("Budget Council, Council", "Extraordinary Cabinet, Cabinet")))
    assert r.get("body") == "Cabinet"


def test_minutes_saying_there_was_no_exempt_information_record_an_open_meeting():
    text = ("Agenda and minutes\n\nBudget Council, Council - Wednesday, 10th February, 2021 "
            "5.30 pm\n\nNo. Item\n\nApologies for Absence:\n\nNone.\n\n"
            "Exempt Information:\n\nTo determine whether the exclude the press and public "
            "during the consideration of any exempt information items.\n\n"
            "There was no exempt information.\n\nMinutes:\n\nThe Minutes of the meeting of "
            "the Council held on 9 December 2020 were submitted.\n\n"
            "RESOLVED: That the first paragraph within the exclusion of press and public "
            "section be amended to read Minute Nos 10 and 11.\n")
    [r] = extract(doc_of(text))
    # the standing question (misprinted) and a correction of other minutes' exclusion
    # section exclude nobody; the minute says nothing was exempt
    assert (r.kind, r.get("exempt")) == ("meeting", "none")
    [r] = extract(doc_of(text.replace("There was no exempt information.\n\n", "")))
    assert r.get("exempt") is None


def test_a_private_business_heading_answered_nil_on_the_next_line_records_an_open_meeting():
    text = ("Agenda\n\nVenue: Council House\n\nNo. Item\n\nPublic Business\n\n1.\n\n"
            "Apologies and Substitutions\n\n7.\n\nAny Other Items of Public Business\n\n"
            "Any other items of public business which the Chair decides to take as a matter "
            "of urgency.\n\nPrivate Business\n\nNil\n")
    [r] = extract(doc_of(text))
    assert (r.kind, r.get("exempt")) == ("meeting", "none")
    # a heading with business under it says nothing of the kind
    [r] = extract(doc_of(text.replace("Private Business\n\nNil\n",
                                      "Private Business\n\n8. Land at Mill Road\n")))
    assert r.get("exempt") != "none"


def test_an_agenda_line_naming_its_items_not_for_publication_by_paragraph_marks_them_private():
    text = ("Agenda\n\nVenue: Council Chamber\n\nNo. Item\n\n1. Apologies for Absence\n\n"
            "5. Exclusion of Press and Public\n\nIn deciding whether to exclude the press and "
            "public from the next part of the meeting, Members are asked to consider the "
            "following factors in applying the public interest test.\n\n"
            "Agenda Items 6 - Not for publication by virtue of Paragraph 14 of Part 4 of "
            "Schedule 12A to the Local Government Act 1972 (as amended).\n")
    [r] = extract(doc_of(text))
    assert (r.kind, r.get("exempt")) == ("meeting", "part")
    # an item exempt from call-in under a paragraph of the rules is not private
    [r] = extract(doc_of(text.replace(
        "Not for publication by virtue of Paragraph 14 of Part 4 of Schedule 12A to the "
        "Local Government Act 1972 (as amended).",
        "Exempt from call-in under paragraph 3 of the rules.")))
    assert r.get("exempt") is None


def test_an_agenda_headed_as_a_public_session_open_to_the_public_records_an_open_meeting():
    text = ("Meeting of the Cabinet\n\nWednesday, 16th September, 2015 at 6.00pm\n\n"
            "In Committee Room 2 at the Council House\n\n"
            "Agenda - Public Session (Meeting open to the public and press)\n\n"
            "1. Apologies for absence.\n\n2. Minutes\n\n3. Housing Strategy\n")
    [r] = extract(doc_of(text))
    assert (r.kind, r.get("exempt")) == ("meeting", "none")
    # a private session, or a page that speaks of exempt business, may hold private items
    for more in ("Agenda - Private Session\n\n4. Land disposal\n",
                 "4. To consider the exclusion of the public for the next item.\n"):
        [r] = extract(doc_of(text + "\n" + more))
        assert r.get("exempt") != "none"


@pytest.mark.parametrize("minute", [
    "1. Minutes\nTo confirm the minutes of the meeting of the Council held on 15 October 2018 (Page 4)",
    "53. Minutes\n\nThe minutes of the meeting of Council held on 19 September 2018 were taken as "
    "read and duly signed by the Chairman as a correct record.",
])
def test_a_meeting_confirming_the_minutes_of_a_bodys_last_meeting_is_that_bodys(minute):
    text = ("NORTH TOWN COUNCIL\n\nDate: Monday 10 December 2018\nTime: 10.00 a.m\n"
            "Venue: Council Chamber, County Hall\n\nPersons attending are asked to turn off "
            f"mobile phones.\n\nAGENDA\n\n{minute}\n\n2. To receive any announcements\n\n"
            "3. Members to declare any interests\n")
    [r] = extract(doc_of(text))
    assert (r.kind, r.get("body")) == ("meeting", "Council")
    # receiving another body's minutes names no body
    [r] = extract(doc_of(text.replace("To confirm", "To receive").replace(
        "were taken as read and duly signed by the Chairman as a correct record", "were noted")))
    assert r.get("body") is None


def test_printed_minutes_headed_by_the_body_meeting_under_the_councils_name():
    text = ("Craven District Council\n\nCOUNCIL MEETING\n\n1st November 2005\n\n"
            "Present – The Chairman (Councillor Heather) and Councillors Alderson and Barrett.\n\n"
            "Apologies for absence were received from Councillors Hart and Hurtley.\n\n"
            "CL.267 PUBLIC PARTICIPATION\n\nMr J Harrison spoke to the Council.\n")
    [r] = extract(doc_of(text))
    assert (r.kind, r.get("body"), str(r.get("meeting_date"))) == (
        "meeting", "COUNCIL", "2005-11-01")


def test_a_body_asked_to_approve_the_minutes_of_its_last_meeting_is_the_meetings():
    text = ("Agenda and minutes\n\nVenue: Council Chamber - Civic Centre\n\nItems\nNo. Item\n\n"
            "106. Apologies for Absence\n\nMinutes:\n\nApologies were received.\n\n107. Minutes\n\n"
            "The Executive is asked to approve the minutes of the meeting held on 8 July 2021.\n\n"
            "Minutes:\n\nThe Committee considered the minutes.\n")
    [r] = extract(doc_of(text))
    assert (r.kind, r.get("body")) == ("meeting", "Executive")


def test_an_item_confirming_an_earlier_meetings_minutes_under_the_pages_own_date():
    text = ("Monday 3 November 2008 3.00 pm\n\nMonday, 3rd November, 2008 3.00 pm, PROVISIONAL\n\n"
            "Venue: Council Chamber, Civic Centre\n\nContact: Democratic Services\n\n"
            "Apologies for Absence\n\nThere were no apologies for absence.\n\n"
            "Minutes of Meeting held 6 October 2008\n\nRESOLVED: That the minutes of the meeting "
            "held 6 October 2008 be agreed as a correct record.\n\nPublic Speaking\n")
    [r] = extract(doc_of(text))
    assert (r.kind, str(r.get("meeting_date"))) == ("meeting", "2008-11-03")
    # a page headed by its own minutes' heading keeps that heading's date
    [r] = extract(doc_of("WARWICK DISTRICT COUNCIL\n\nMinutes of the meeting held on Wednesday "
                         "14 November 2018, at the Town Hall, Royal Leamington Spa at 6.00pm.\n\n"
                         "PRESENT: Councillor Cross (Chairman); Councillors Ashford and Barrott.\n\n"
                         "51. Apologies for Absence\n\nApologies were received from Councillor "
                         "Evetts.\n"))
    assert str(r.get("meeting_date")) == "2018-11-14"


def test_a_meeting_named_only_by_its_attendance_link():
    text = ("Attendance Details (link to attendance details for the meeting of Overview and "
            "Scrutiny (Public Services) Committee Thursday, 22nd April, 2010 7.00 pm)\n\n"
            "Agenda Frontsheet PDF 148 KB\n\nPrinted minutes PDF 2 MB\n\n"
            "Venue: District Council Offices\n\nItems\n\nNo. Item\n\n1. Apologies\n")
    [r] = extract(doc_of(text))
    assert (r.kind, r.get("body"), str(r.get("meeting_date"))) == (
        "meeting", "Overview and Scrutiny (Public Services) Committee", "2010-04-22")


def test_a_decision_list_without_its_entries_headings_gives_one_decision_per_entry():
    # ModernGov's "Decisions published" list whose date-and-title lines are missing: each
    # entry is a summary line, then "Decision Maker:", "Made at meeting:", "Decision
    # published:", "Effective from:" and "Wards affected:", which is no report's front
    # sheet (it asks no key decision, call-in or exemption question)
    text = ("Use the search options at the bottom of the page to find recent decisions.\n\n"
            "To approve the award of contracts for works\n\n"
            "Decision Maker: Cabinet (Resources) Panel\n\n"
            "Made at meeting: 17/02/2021 - Cabinet (Resources) Panel\n\n"
            "Decision published: 18/02/2021\n\nEffective from: 17/02/2021\n\n"
            "Wards affected: (All Wards);\n\nLead officer: A Officer\n\n"
            "To approve the appropriation of a building to the Housing Revenue Account.\n\n"
            "Decision Maker: Cabinet (Resources) Panel\n\n"
            "Made at meeting: 17/02/2021 - Cabinet (Resources) Panel\n\n"
            "Decision published: 18/02/2021\n\nEffective from: 24/02/2021\n\n"
            "Wards affected: St Peter's;\n\nLead officer: B Officer\n")
    records = extract(doc_of(text))
    assert [(r.kind, str(r.get("decision_date")), str(r.get("effective_from")), r.get("wards"))
            for r in records] == [("decision", "2021-02-17", "2021-02-17", ["ALL"]),
                                  ("decision", "2021-02-17", "2021-02-24", ["St Peter's"])]


@pytest.mark.parametrize("text, body", [
    # the council's formal style as the body meeting, the place dropped by a copy: the
    # Council (outside Scotland)
    ("MINUTES OF THE MEETING OF THE BOROUGH COUNCIL OF HELD AT SWANSPOOL HOUSE, "
     "WELLINGBOROUGH ON TUESDAY 21ST JULY 2009\n\nPresent: The Mayor and Councillors A, B "
     "and C.\n\n1. PRAYERS\n\nPrayers were said.\n", "Council"),
    # ModernGov's heading of a meeting of a kind ("Extraordinary Meeting, Council",
    # "Ordinary Meeting of the Council"): the body
    ("Agenda, decisions and minutes\n\nExtraordinary Meeting, Council\nThursday, 12th July, "
     "2018 4.00 pm\n\nVenue: Council Chamber, Guildhall\n", "Council"),
    ("Meeting documents\n\nOrdinary Meeting of the Council\nThursday, 19th July, 2018 "
     "10.30 am\n\nPresent: Councillor A (the Chair, presiding)\n", "Council"),
    # the years a replaced body sat, which the site adds to its name
    ("Executive (2013 - June 2024) Agenda - 14 January 2020, 09:30\n\nA meeting to be held "
     "at Committee Suite, Municipal Buildings at 09:30 on 14 January 2020.\n\n"
     "Number Item\n\n2 Declarations of Interest\n", "Executive"),
    # named only in the chair's filming announcement
    ("Agenda, decisions and draft minutes\n\nVenue: Council Chamber\n\nItems\nNo. Item\n\n"
     "68.\nAPOLOGIES FOR ABSENCE\n\nThe Chairman will read the following announcement:\n\n"
     "\"Welcome to this meeting of the Planning and Regulatory Committee which is being "
     "filmed for live or subsequent broadcast.\"\n\nMinutes:\nNone.\n",
     "Planning and Regulatory Committee"),
    # named only as the body asked to do something at the meeting, at a line's or a
    # sentence's start
    ("Agenda and minutes\n\nVenue: Council Chamber\n\nNo. Item\n\nExclusion of the Public:"
     "\n\nThe Cabinet is asked to consider whether by resolution to exclude the public from "
     "the meeting.\n", "Cabinet"),
    ("Meeting documents\n\nVenue: Council Chamber\n\n15. Town Centre Masterplan\n\nMinutes:"
     "\n\nThe report set out proposals for the town centre. Cabinet was asked to agree to "
     "start consultation.\n", "Cabinet"),
    # a council's papers ask the Council about others: not named so
    ("Agenda and minutes\n\nVenue: Council Chamber\n\nNo. Item\n\nUrgent decisions\n\n"
     "The Council is asked to note the following uses of the urgency arrangements.\n", None),
    # a phrase in front of "the Committee" is no body's name
    ("Minutes\n\nPresent: Councillor A (Chair), Councillor B\n\n16/18 Building Control\n\n"
     "At the Chair's request, the Committee received a presentation from the Building "
     "Control Team Manager.\n", None),
])
def test_a_meetings_body_as_minutes_and_moderngov_headings_name_it(text, body):
    [r] = extract(doc_of(text))
    assert r.get("body") == body


def test_minutes_saying_no_item_was_taken_in_private_session_are_open():
    text = ("11 September 2018 at 6.00pm at the Council House,\n\n"
            "Committee Members Present: Councillor A (Chair), Councillor B\n\n"
            "10/18 Apologies\n\nApologies were received from Councillor C.\n\n"
            "13/18 Local Government (Access to Information) Act 1985 (as amended)\n\n"
            "There were no items to consider in private session.\n")
    [r] = extract(doc_of(text))
    assert (r.kind, r.get("exempt"), str(r.get("meeting_date"))) == \
        ("meeting", "none", "2018-09-11")


@pytest.mark.parametrize("line", [
    "The Provost advised that he had agreed to take an urgent item from the Executive "
    "Director. He advised that it was an excluded item and that he was unable to release "
    "any information at that point in the meeting.",
    "The starred item on the above Minute is exempt and therefore will be dealt with at "
    "the end of this agenda under item 20.",
])
def test_minutes_announcing_an_item_taken_in_private_later_are_part_exempt(line):
    text = ("Agenda and minutes\n\nArgyll and Bute Council - Thursday, 25 June 2015 10:00 am"
            "\n\nVenue: Council Chamber, Kilmory, Lochgilphead\n\nItems\nNo. Item\n\n"
            f"{line}\n\n1.\nAPOLOGIES FOR ABSENCE\n\nMinutes:\nApologies were received.\n")
    [r] = extract(doc_of(text))
    assert r.kind == "meeting" and r.get("exempt") == "part"


_MEETING = ("Agenda and minutes\n\nCabinet - Tuesday, 24 March 2020 2.00 pm\n\n"
            "Venue: Committee Room, County Hall\n\n{line}\n\nNo. Item\n\n"
            "1.\nApologies\n\nMinutes:\nThere were no apologies.\n")


@pytest.mark.parametrize("line, said", [
    # a meeting closed for a reason that is no statutory ground: kept, to be judged
    ("Note: The Cabinet meeting on Tuesday 24 March 2020 at 2pm will not be open to the "
     "public in line with Government advice on public gatherings.", "Government advice"),
    ("The meeting had been arranged as a Private Meeting because of possible public "
     "disorder at the Town Hall.", "public disorder"),
    # the ground given is exempt information: a lawful exclusion, not this
    ("The meeting will not be open to the public because exempt information within "
     "paragraph 3 of Schedule 12A is likely to be disclosed.", None),
    # the ground described in Schedule 12A's words, not cited: not this rule's to judge
    ("The meeting will not be open to the public because personal information about "
     "individuals will be discussed.", None),
    # the public excluded for one item: the meeting itself is open
    ("The meeting will not be open to the public during item 9.", None),
    ("This meeting is open to the public and you are welcome to attend.", None),
])
def test_a_meeting_closed_to_the_public_says_why(line, said):
    [r] = extract(doc_of(_MEETING.format(line=line)))
    got = r.get("closed_to_public")
    assert (said in got) if said else got is None, got


def test_a_meeting_closed_on_public_health_advice_is_a_warning_and_cites_its_line(tmp_path):
    from govcheck.api import check_paths

    p = tmp_path / "cabinet.txt"
    p.write_text(_MEETING.format(
        line="The Cabinet meeting on Tuesday 24 March 2020 at 2pm will not be open to the "
             "public in line with Government advice on public gatherings."), encoding="utf-8")
    run = check_paths([str(p)], as_of=__import__("datetime").date(2026, 1, 1))
    [f] = [f for f in run.findings if f.code == "PM005"]
    assert f.severity.value == "warning" and f.location.line == 7


@pytest.mark.parametrize("text, date", [
    # the page's own heading dates the meeting
    ("MINUTES of the Special Meeting of the Cabinet held on 4 April 2024\n\n"
     "Present: Councillor A (Chair)\n\n1. Apologies\n\nThere were none.\n", "2024-04-04"),
    # under the list of items, minutes "held on" a date are an earlier meeting's
    ("Agenda and minutes\n\nVenue: Council Chamber\n\nItems\nNo. Item\n\n16.\n\n"
     "Minutes of the Annual Meeting held on 17 May 2018\n\nMinutes:\n\nApproved.\n", None),
    ("Scottish Borders Council\n\nVenue: Council Chamber\n\nNote No. Item\n\nApologies.\n\n"
     "Minutes\n\nConsider Minutes of the Council held on the following dates:\n\n"
     "30 January 2020;\n26 February 2020.\n", None),
    # under an item asking to confirm earlier minutes
    ("Calling to Order of the Meeting\n\nThe meeting of the Council was called to order.\n\n"
     "Reading, Confirmation and Signing of Minutes\n\nTo read, confirm and sign the Minutes "
     "of the previous meetings of the Council.\n\nMinutes of the Meeting of the Full Council "
     "held on Tuesday, 24 April 2018\n", None),
])
def test_minutes_of_an_earlier_meeting_do_not_date_the_meeting(text, date):
    [r] = extract(doc_of(text))
    got = r.get("meeting_date")
    assert (str(got) if got else None) == date


def test_a_key_decision_taken_short_of_notice_with_the_scrutiny_chairs_permission():
    text = ("Decisions published\n\n14/10/2021 - Household Support Fund ref: 5343    "
            "Recommendations Approved\n\nTo accept the council's allocation of the fund.\n\n"
            "(The relevant Scrutiny Board Chairman's permission was sought and given to allow "
            "this item to proceed despite not meeting the 28 days' notice of a key decision.)"
            "\n\nDecision Maker: Cabinet\n\nMade at meeting: 14/10/2021 - Cabinet\n\n"
            "Decision published: 15/10/2021\n\nEffective from: 23/10/2021\n")
    [r] = extract(doc_of(text))
    assert (r.get("key_decision"), r.get("urgency_route")) == (True, "special_urgency")


def test_a_late_key_decision_whose_chair_was_notified_names_no_single_route():
    # informed (reg 10) and consent (reg 11) in one sentence: no route is read from it
    text = ("Decision details\n\nDecision Maker: Cabinet\n\nIs Key decision?: Yes\n\n"
            "The Chairman of the Overview and Scrutiny Committee was notified on 7 March 2019 "
            "of this late key decision being an exempt item, and has given his consent for "
            "the item to be considered at the meeting on 26 March 2019.\n")
    [r] = extract(doc_of(text))
    assert r.get("urgency_route") == "unspecified"


@pytest.mark.parametrize("heading, body", [
    ("County Council - Wednesday, 18th January, 2023 10.00 am", "Council"),
    ("Cabinet - Wednesday, 18th January, 2023 10.00 am", "Cabinet"),
])
def test_a_meeting_headed_by_the_words_of_a_council_is_the_councils(heading, body):
    text = (f"Agenda and minutes\n\n{heading}\n\nVenue: County Hall, Morpeth\n\n"
            "Items\nNo. Item\n\n1.\nApologies\n\nMinutes:\nNone.\n")
    [r] = extract(doc_of(text))
    assert r.get("body") == body


def test_a_meeting_moved_from_another_day_is_its_bodys():
    text = ("Agenda and minutes\n\nMoved from 9th October 2018, Cabinet - Tuesday, 2nd October, "
            "2018 2.00 pm\n\nVenue: Committee Room 3 - Council House.\n\nItems\nNo. Item\n\n"
            "1.\nApologies\n\nMinutes:\nNone.\n")
    [r] = extract(doc_of(text))
    assert (r.get("body"), str(r.get("meeting_date"))) == ("Cabinet", "2018-10-02")


def test_labels_that_close_a_list_entry_stay_with_it():
    # a decision list without its entries' "date - title" headings: each entry's wards
    # and lead officer stand after its summary, just above the next entry's labels
    text = ("Use the search options below to find recent decisions.\n"
            "Decision Maker: Joint Assistant Director: Assets and Property\n"
            "Decision published: 08/10/2024\nEffective from: 31/05/2024\n"
            "Concrete repairs and anti-carbonation\n"
            "Wards affected: Castle;\nLead officer: Jane Smith\n"
            "Decision Maker: Joint Assistant Director: Assets and Property\n"
            "Decision published: 14/06/2024\nEffective from: 06/06/2024\n"
            "The Council was asked to extend the licence for access and works.\n"
            "Wards affected: Westborough;\nLead officer: Jane Smith\n")
    records = extract(doc_of(text))
    assert [(str(r.get("effective_from")), r.get("wards")) for r in records] == [
        ("2024-05-31", ["Castle"]), ("2024-06-06", ["Westborough"])]
    # a label the entry has already had, just above the next entry's, opens the next one
    text = ("Decisions\n\nGrant award\nForward plan reference: FP/24/001\nDecision Maker: Cabinet\n"
            "Decision published: 08/06/2022\nEffective from: 16/06/2022\n\n"
            "Depot sale\nForward plan reference: FP/24/002\nDecision Maker: Cabinet\n"
            "Decision published: 09/06/2022\nEffective from: 17/06/2022\n")
    records = extract(doc_of(text))
    assert [(r.get("title"), r.get("forward_plan_ref")) for r in records] == [
        ("Grant award", "FP/24/001"), ("Depot sale", "FP/24/002")]
