"""Tests for govcheck.read.html: ModernGov / CMIS pages flattened to lines.

The fixtures in fixtures/html/ are whole saved pages (head, site chrome, content) that
mirror the structure of ModernGov and CMIS pages with invented content."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from govcheck.read import ReadError, read_path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"

# fixture -> (page_type or None, title)
PAGES = {
    "decision-key-callin.html": (
        "ieDecisionDetails",
        "Decision - Library service modernisation programme - Harbrook District Council"),
    "decision-not-callin-no-reason.html": (
        "ieDecisionDetails", "Decision - Draft Improvement and Recovery Plan | Kingsmere City Council"),
    "issue-history-late-notice.html": (
        "mgIssueHistoryHome",
        "Issue - items at meetings - Disposal of land at Mill Lane depot | Ashcombe Borough Council"),
    "forward-plan.html": (
        "mgListPlanItems",
        "Forward plan - Notice of key decisions, March to June 2024 | Ashcombe Borough Council"),
    "reasons-restricted.html": (
        "mgReasonsRestricted",
        "Reasons for restriction - Disposal of land at Mill Lane depot | Ashcombe Borough Council"),
    "cmis-meeting.html": ("cmis", "Meeting details - Cabinet - Tuesday 26 March 2019"),
    "agenda-item-checkboxes.html": (
        "mgAi", "Agenda item - Draft Improvement and Recovery Plan | Kingsmere City Council"),
    "no-fields.html": (None, "Riverside Park reopens after flood repairs | Harbrook District Council"),
    "welsh-bilingual.html": (
        "ieDecisionDetails",
        "Penderfyniad - Strategaeth gwastraff ac ailgylchu 2024-2029 / Decision - Waste and "
        "recycling strategy 2024-2029 | Cyngor Sir Glanmorfa"),
}

# text that only appears in the fixtures' chrome (cookie notices, menus, breadcrumbs,
# skip links, search boxes, footers, scripts, styles, hidden fields)
CHROME = ("Skip to", "Neidio", "cookie", "Cookie", "cwcis", "Bins and recycling", "Council tax",
          "Your councillors", "Meetings calendar", "Forward plans", "Officer decisions",
          "Council and democracy", "Search this site", "Accessibility", "Privacy", "Contact us",
          "Share this page", "Facebook", "newsletter", "Powered by CMIS", "Calendar",
          "Committees", "Hafan", "Print this page", "__VIEWSTATE", "wEPDw", "function",
          "dataLayer", "font-weight", "schema.org", "©", "Guildhall", "English")


def read(name: str):
    return read_path(FIXTURES / name)


def texts(name: str) -> list[str]:
    return [line.text for line in read(name).lines]


def page(tmp_path: Path, body: str | bytes, name: str = "page.html"):
    path = tmp_path / name
    path.write_bytes(body.encode("utf-8") if isinstance(body, str) else body)
    return read_path(path)


def page_texts(tmp_path: Path, body: str | bytes) -> list[str]:
    return [line.text for line in page(tmp_path, body).lines]


# --- every fixture -----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(PAGES))
def test_fixture_reads_as_html_with_properties(name):
    doc = read(name)
    page_type, title = PAGES[name]
    assert doc.format == "html"
    assert doc.properties["title"] == title
    assert doc.properties.get("page_type") == page_type
    assert doc.properties["encoding"] == "utf-8"
    assert [line.number for line in doc.lines] == list(range(1, len(doc.lines) + 1))
    assert all(line.text == line.text.strip() and line.text for line in doc.lines)
    assert all(line.where for line in doc.lines)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_fixture_chrome_is_dropped(name):
    for text in texts(name):
        for chrome in CHROME:
            assert chrome not in text, (chrome, text)
        assert "\xa0" not in text and "&nbsp;" not in text and "<" not in text


def test_every_fixture_is_covered():
    assert sorted(p.name for p in FIXTURES.glob("*.html")) == sorted(PAGES)


# --- ModernGov decision pages --------------------------------------------------------


def test_decision_key_callin_label_value_lines():
    doc = read("decision-key-callin.html")
    lines = [line.text for line in doc.lines]
    for expected in ("Decision Maker: Cabinet", "Decision status: Recommendations Approved",
                     "Is Key decision?: Yes", "Is subject to call in?: Yes",
                     "Wards affected: (All Wards);", "Publication date: 05/03/2024",
                     "Date of decision: 04/03/2024", "Effective from: 12/03/2024",
                     "Decided at meeting: 04/03/2024 - Cabinet",
                     "Publicity: Anticipated restriction: Open",
                     "Interests and Nature of Interests Declared: None."):
        assert expected in lines
    assert lines[:2] == ["Decision details", "Library service modernisation programme"]
    key = next(line for line in doc.lines if line.text == "Is Key decision?: Yes")
    assert key.where == "p"
    assert doc.lines[1].where == "h2.mgSubTitleTxt"
    # a heading label stands alone; the decision text follows on its own lines
    i = lines.index("Decision:")
    assert lines[i + 1] == "Cabinet RESOLVED to:"
    assert lines[i + 3].startswith("agree capital spending of £1.42 million")
    assert doc.properties["url"] == "https://democracy.harbrook.gov.uk/ieDecisionDetails.aspx?ID=2481"
    assert doc.properties["lang"] == "en"


def test_decision_not_callin_no_reason():
    doc = read("decision-not-callin-no-reason.html")
    lines = [line.text for line in doc.lines]
    assert "Is subject to call in?: No" in lines
    assert "Is Key decision?: No" in lines
    assert "Decision status: Recommendations Approved" in lines
    # a label with no value keeps its colon and nothing after it
    assert "Reason for urgency:" in lines
    assert "(b) agreed the aims, outcomes and priorities of the plan;" in lines
    assert "(d) recommended that full Council approve the plan." in lines
    callin = next(line for line in doc.lines if line.text.startswith("Is subject to call in"))
    assert callin.where == "div.mgDecisionPair"
    # the page type came from og:url (this page has no canonical link)
    assert doc.properties["url"].endswith("ieDecisionDetails.aspx?ID=7710")


def test_issue_history_notice_lines():
    lines = texts("issue-history-late-notice.html")
    assert "Decision due: 11 Mar 2024 by Cabinet" in lines
    assert "Notice of proposed decision first published: 20/02/2024" in lines
    assert "Anticipated restriction: Part exempt - view reasons" in lines
    assert "Is Key decision?: Yes" in lines
    assert "Lead member: Cabinet Member for Resources and Assets" in lines
    assert "Wards affected: Millbrook;" in lines
    assert "11/03/2024 - Cabinet Item 9 Disposal of land at Mill Lane depot" in lines


def test_forward_plan_three_items():
    doc = read("forward-plan.html")
    lines = [line.text for line in doc.lines]
    titles = [line.text for line in doc.lines if line.where == "h2.mgSubTitleTxt"]
    assert titles == ["Disposal of land at Mill Lane depot",
                      "Housing Revenue Account rent setting 2024/25",
                      "Award of highways maintenance term contract New!"]
    assert [t for t in lines if t.startswith("Decision due:")] == [
        "Decision due: 11 Mar 2024", "Decision due: 15 Apr 2024",
        "Decision due: Not before 10 Jun 2024"]
    assert [t for t in lines if t.startswith("Notice of proposed decision first published:")] == [
        "Notice of proposed decision first published: 20/02/2024",
        "Notice of proposed decision first published: 05/01/2024",
        "Notice of proposed decision first published: 02/04/2024"]
    assert "Originally due: 11 Mar 2024" in lines
    assert "Anticipated restriction: Fully exempt" in lines
    assert ("Explanation of anticipated restriction: Appendix 2 (bids received) is exempt under "
            "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.") in lines
    # page type from the form action; no canonical link, so no url
    assert "url" not in doc.properties
    # each item's fields follow its title
    second = lines.index("Housing Revenue Account rent setting 2024/25")
    assert lines[second + 1] == "Decision maker: Cabinet"


def test_reasons_restricted_paragraph_and_public_interest():
    lines = texts("reasons-restricted.html")
    assert "Reasons restricted" in lines
    assert any(t.startswith("Exempt information under paragraph 3 of Part 1 of Schedule 12A")
               for t in lines)
    pit = [t for t in lines if t.startswith("Public Interest Test: ")]
    assert len(pit) == 1
    # the value's source line breaks collapse into the one line
    assert "reserve price. Publishing those figures" in pit[0]
    assert pit[0].endswith("the sale price will be published on completion.")
    assert "Restriction: Part exempt" in lines


# --- CMIS tables ---------------------------------------------------------------------


def test_cmis_rows_are_tab_joined():
    doc = read("cmis-meeting.html")
    lines = [line.text for line in doc.lines]
    assert "Meeting Date\t26/03/2019" in lines
    assert "Committee\tCabinet" in lines
    assert "Agenda published\t18/03/2019" in lines
    # <br> inside a cell joins with a space: a row stays one line
    assert "Contact\tCommittee Services Tel: 0161 496 0812" in lines
    assert "Item\tTitle\tDecision type\tAccess" in lines
    # an empty cell in the middle keeps its place
    assert "1\tApologies for absence\t\tPublic" in lines
    assert ("7\tSale of the former Harlow Road school site Report of: Assistant Director, "
            "Property\tKey (ref. 005980/2019)\tExempt - paragraph 3") in lines
    # an empty last cell is dropped
    assert "Decisions" in lines
    assert "Meeting documents" in lines
    where = {line.text: line.where for line in doc.lines}
    # table 1 is the page layout (role="presentation"), read as blocks
    assert where["Meeting Date\t26/03/2019"] == "table 2, row 2"
    assert where["7\tSale of the former Harlow Road school site Report of: Assistant Director, "
                 "Property\tKey (ref. 005980/2019)\tExempt - paragraph 3"] == "table 3, row 8"
    assert where["Meeting documents"] == "table 4 caption"
    assert lines[0] == "Meeting details"
    # the left-hand menu cell is chrome
    assert "Meetings" not in lines and "Councillors" not in lines


# --- checkboxes ----------------------------------------------------------------------


def test_agenda_item_checkboxes_normalised():
    doc = read("agenda-item-checkboxes.html")
    lines = [line.text for line in doc.lines]
    assert "Are specific wards affected?\t☒ No" in lines
    assert "Is this a key decision?\t☐ Yes ☒ No" in lines
    assert "Is the decision eligible for call-in?\t☐ Yes\t☒ No" in lines
    # Word's Wingdings box symbols (¨ empty, þ ticked)
    assert "Does the report contain confidential or exempt information?\t☐ Yes ☒ No" in lines
    assert "If relevant, add Forward Plan Reference:" in lines
    assert "Subject:\tDraft Improvement and Recovery Plan (IRP)" in lines
    assert "Relevant O&S Chair(s):\tCouncillor Ruth Penrose – Co-ordinating O&S Committee" in lines
    assert "Meeting: Thursday, 4th April, 2024 10.00 am - Cabinet" in lines
    # <br> splits a paragraph into lines
    i = lines.index("Kingsmere City Council")
    assert lines[i + 1:i + 3] == ["Report to Cabinet", "4th April 2024"]
    assert "(b) Recommend that the City Council approve the Improvement and Recovery Plan." in lines
    assert not any("input" in t for t in lines)


def test_checkbox_placed_where_it_stands(tmp_path):
    lines = page_texts(tmp_path, """<html><body>
        <p>Is this a key decision? <input type="checkbox"> Yes <input type="checkbox" checked> No</p>
        <p>Wards: Yes <input type="radio" name="w"> No <input type="radio" name="w" checked="checked"></p>
        <p><input checked="" type="checkbox"/>No</p>
        <p>Ticked glyph: &#9745; Yes</p></body></html>""")
    assert lines == ["Is this a key decision? ☐ Yes ☒ No", "Wards: Yes ☐ No ☒", "☒ No",
                     "Ticked glyph: ☒ Yes"]


# --- Welsh ---------------------------------------------------------------------------


def test_welsh_bilingual_labels():
    doc = read("welsh-bilingual.html")
    lines = [line.text for line in doc.lines]
    pairs = [("Penderfyniad allweddol?: Ie", "Is Key decision?: Yes"),
             ("Yn amodol ar alw i mewn?: Na", "Is subject to call in?: No"),
             ("Effeithiol O: 15/05/2024", "Effective from: 15/05/2024"),
             ("Gwneuthurwr penderfyniad: Cabinet", "Decision Maker: Cabinet"),
             ("Yn rhinwedd Paragraff(au) 14 Rhan 4, Atodlen 12A Deddf Llywodraeth Leol 1972.",
              "By virtue of Paragraph(s) 14 of Part 4, Schedule 12A of the Local Government "
              "Act 1972.")]
    for welsh, english in pairs:
        assert lines[lines.index(welsh) + 1] == english
    assert "Rhesymau wedi'u cyfyngu / Reasons restricted" in lines
    pit = [t for t in lines if t.startswith("Prawf Er Budd y Cyhoedd: ")]
    assert pit == ["Prawf Er Budd y Cyhoedd: Mae’r budd i’r cyhoedd o gadw’r wybodaeth yn "
                   "gyfrinachol yn drech na’r budd i’r cyhoedd o’i datgelu."]
    assert any(t.startswith("Public Interest Test: The public interest") for t in lines)
    assert "Wardiau yr effeithir arnynt: (Pob Ward);" in lines
    assert doc.properties["lang"] == "cy"


# --- a page without governance fields ------------------------------------------------


def test_news_page_has_text_but_no_fields():
    doc = read("no-fields.html")
    lines = [line.text for line in doc.lines]
    # an <article>'s own <header> is content, not site chrome
    assert lines[:2] == ["Riverside Park reopens after flood repairs", "Published 14 May 2024"]
    assert "The café will reopen on Saturday 1 June. Dogs must be kept on leads in the new "\
           "play area." in lines
    assert "Bus routes 4 and 12 stop at Fenley Bridge." in lines
    assert not any("\t" in t for t in lines)
    assert "page_type" not in doc.properties
    assert doc.properties["url"] == "https://www.harbrook.gov.uk/news/riverside-park-reopens"


# --- flattening rules on small pages -------------------------------------------------


def test_label_forms(tmp_path):
    lines = page_texts(tmp_path, """<html><body>
        <p><span class="mgLabel">Is Key decision?:&nbsp;</span>Yes</p>
        <p><span class="mgLabel">Decision status</span>Recommendations Approved</p>
        <li><span class="mgLabel">Decision due:</span> 9 Sep 2021 by Executive</li>
        <p><strong>Report author:</strong>A. Person</p>
        <p><strong>Important</strong> text</p>
        <dl><dt>Lead member</dt><dd>Cabinet Member for Housing</dd>
            <dt>Department:</dt><dd><p>Place</p><p>Second line</p></dd><dt>Orphan</dt></dl>
        <div class="fieldLabel">Wards affected</div><div class="fieldValue">Eastgate; Westgate;</div>
        <div><span class="mgLabel">Decision:</span><p>Cabinet agreed the plan.</p><p>More.</p></div>
        </body></html>""")
    assert lines == [
        "Is Key decision?: Yes",
        "Decision status: Recommendations Approved",
        "Decision due: 9 Sep 2021 by Executive",
        "Report author: A. Person",
        "Important text",
        "Lead member: Cabinet Member for Housing",
        "Department: Place",
        "Second line",
        "Orphan:",
        "Wards affected: Eastgate; Westgate;",
        "Decision: Cabinet agreed the plan.",
        "More.",
    ]


def test_blocks_breaks_and_whitespace(tmp_path):
    lines = page_texts(tmp_path, """<html><body>
        <h2>Heading&nbsp;one</h2>
        <p>First   line<br>second&#160;line<br/>  </p>
        <div>loose text <p>inner</p> tail text</div>
        <p>Zero&#8203;width and soft&shy;hyphen, &pound;5 &amp; &#8217;quoted&#8217;</p>
        <pre>kept
  lines</pre>
        <p hidden>hidden</p><p style="display: none">not shown</p><p aria-hidden="true">aria</p>
        <p>Search <input type="text" value="query"> <select><option>Opt</option></select><button>Go</button>end</p>
        </body></html>""")
    assert lines == ["Heading one", "First line", "second line", "loose text", "inner",
                     "tail text", "Zerowidth and softhyphen, £5 & ’quoted’", "kept", "lines",
                     "Search end"]


def test_table_rows_layout_and_where(tmp_path):
    doc = page(tmp_path, """<html><body>
        <table><tr><th>Label</th><td>value</td></tr>
               <tr><td></td><td></td></tr>
               <tr><td>a<br>b</td><td><p>one</p><p>two</p></td><td></td></tr></table>
        <table><tr><td><p>Para one</p><p>Para two</p></td></tr></table>
        <table><tr><td>outer</td><td><table><tr><td>k</td><td>v</td></tr></table></td></tr></table>
        </body></html>""")
    got = [(line.text, line.where) for line in doc.lines]
    assert got == [
        ("Label\tvalue", "table 1, row 1"),
        ("a b\tone two", "table 1, row 3"),
        ("Para one", "p"),
        ("Para two", "p"),
        ("outer", "table 3, row 1, cell 1"),
        ("k\tv", "table 4, row 1"),
    ]


@pytest.mark.parametrize("markup,expected", [
    ('<form action="./mgIssueHistoryHome.aspx?IId=12"><p>x</p></form>', "mgIssueHistoryHome"),
    ('<link rel="Canonical" href="https://x.gov.uk/MGAI.ASPX?ID=3"><p>x</p>', "mgAi"),
    ('<body class="mgReasonsRestrictedPage"><p>x</p></body>', "mgReasonsRestricted"),
    ('<h1>Decision details</h1><p>x</p>', "ieDecisionDetails"),
    ('<h1>Manylion y penderfyniad</h1><p>x</p>', "ieDecisionDetails"),
    ('<h1>Forward Plan: April 2024</h1><p>x</p>', "mgListPlanItems"),
    ('<meta name="generator" content="CMIS5"><p>x</p>', "cmis"),
    ('<h1>Hello</h1><p><a href="ieDecisionDetails.aspx?ID=1">a link</a></p>', None),
])
def test_page_type_detection(tmp_path, markup, expected):
    doc = page(tmp_path, f"<!DOCTYPE html><html><head></head>{markup}</html>")
    assert doc.properties.get("page_type") == expected


def test_title_falls_back_to_h1(tmp_path):
    doc = page(tmp_path, "<html><head><title> </title></head><body><h1>Cabinet\n decision</h1></body></html>")
    assert doc.properties["title"] == "Cabinet decision"


# --- encodings -----------------------------------------------------------------------

CP1252_PAGE = ('<html><head><meta charset="{charset}"><title>Caf\u00e9 report</title></head>'
               '<body><p><span class="mgLabel">Value:</span> \u00a31.2m \u2013 the Council\u2019s '
               'share</p></body></html>')
CP1252_LINE = "Value: £1.2m – the Council’s share"


@pytest.mark.parametrize("charset", ["windows-1252", "Windows-1252", "iso-8859-1", "latin1"])
def test_windows_1252_page_decoded_by_meta_charset(tmp_path, charset):
    data = CP1252_PAGE.format(charset=charset).encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = page(tmp_path, data)
    assert [line.text for line in doc.lines] == [CP1252_LINE]
    assert doc.properties["title"] == "Café report"
    assert doc.properties["encoding"] == "windows-1252"
    assert "encoding_note" not in doc.properties


def test_http_equiv_charset(tmp_path):
    text = CP1252_PAGE.replace('<meta charset="{charset}">',
                               '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
    doc = page(tmp_path, text.encode("cp1252"))
    assert [line.text for line in doc.lines] == [CP1252_LINE]


@pytest.mark.parametrize("meta", ["", '<meta charset="utf-8">'])
def test_invalid_utf8_falls_back_to_windows_1252_with_a_note(tmp_path, meta):
    text = CP1252_PAGE.replace('<meta charset="{charset}">', meta)
    doc = page(tmp_path, text.encode("cp1252"))
    assert [line.text for line in doc.lines] == [CP1252_LINE]
    assert doc.properties["encoding"] == "windows-1252"
    assert "read as windows-1252" in doc.properties["encoding_note"]


def test_utf8_page_declared_utf8(tmp_path):
    text = CP1252_PAGE.format(charset="utf-8")
    doc = page(tmp_path, text)
    assert [line.text for line in doc.lines] == [CP1252_LINE]
    assert doc.properties["encoding"] == "utf-8"


def test_byte_order_marks(tmp_path):
    body = "<html><body><p>Effeithiol O: 15/05/2024 \u0175</p></body></html>"
    assert page_texts(tmp_path, b"\xef\xbb\xbf" + body.encode("utf-8")) == \
        ["Effeithiol O: 15/05/2024 ŵ"]
    assert page_texts(tmp_path, b"\xff\xfe" + body.encode("utf-16-le")) == \
        ["Effeithiol O: 15/05/2024 ŵ"]


# --- errors --------------------------------------------------------------------------


@pytest.mark.parametrize("data,message", [
    (b"", "empty file: nothing to check"),
    (b"  \n\t \n", "empty file: nothing to check"),
    (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9", "binary file: not an HTML page"),
    (b"<html><head><title>Only a title</title><script>var a = 1;</script></head>"
     b"<body><img src='a.png'><nav>Home</nav></body></html>", "no text found in the HTML page"),
    (b"<!DOCTYPE html><html><body>&nbsp; <p> </p></body></html>", "no text found in the HTML page"),
    (("<html><body>" + "<div>" * 300 + "deep" + "</div>" * 300 + "</body></html>").encode(),
     "the page is nested too deeply to read (over 256 levels of elements)"),
])
def test_unreadable_pages(tmp_path, data, message):
    path = tmp_path / "bad.html"
    path.write_bytes(data)
    with pytest.raises(ReadError) as err:
        read_path(path)
    assert str(err.value) == message
    assert "\n" not in str(err.value)


def test_html_content_in_a_txt_file_is_read_as_html(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text("<!DOCTYPE html><html><body><p><span class='mgLabel'>Is Key decision?:"
                    "</span>No</p></body></html>", encoding="utf-8")
    doc = read_path(path)
    assert doc.format == "html"
    assert [line.text for line in doc.lines] == ["Is Key decision?: No"]


def test_lxml_is_imported_only_when_a_page_is_read():
    code = ("import sys, govcheck.read, govcheck.read.html; "
            "assert 'lxml' not in sys.modules, 'lxml imported at module level'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_site_header_kept_only_for_the_page_heading(tmp_path):
    lines = page_texts(tmp_path, """<html><body>
        <header><a href="/">Logo text</a><nav><a>Menu item</a></nav></header>
        <header class="page-title"><h1>Decision details</h1><div class="search-box">Find</div></header>
        <div role="main"><footer><p>Published 2 May 2024</p></footer></div>
        <footer><p>Site footer</p></footer></body></html>""")
    assert lines == ["Decision details", "Published 2 May 2024"]


def test_badges_are_not_labels(tmp_path):
    lines = page_texts(tmp_path, """<html><body>
        <p>Status <span class="label label-success">Approved</span> today</p>
        <p><span class="shareholders">Holders</span> of shares</p></body></html>""")
    assert lines == ["Status Approved today", "Holders of shares"]


def test_form_control_captions_are_not_labels(tmp_path):
    lines = page_texts(tmp_path, """<html><body>
        <p>Is this a key decision?</p>
        <div class="form-check"><input class="form-check-input" type="checkbox" id="y">
             <label class="form-check-label" for="y">Yes</label></div>
        <div class="checkbox-label"><input type="checkbox" checked> No</div></body></html>""")
    assert lines == ["Is this a key decision?", "☐ Yes", "☒ No"]
