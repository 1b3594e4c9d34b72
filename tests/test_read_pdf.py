"""PDF reader: fixtures from scripts/fixtures/make_pdf.py, read through read_path."""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")

from govcheck.read import Document, ReadError, read_path  # noqa: E402
from govcheck.read.pdf import CHECKBOX_GLYPHS, _pdf_date, normalise_checkboxes  # noqa: E402

PDF = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
BAD = Path(__file__).resolve().parent / "data" / "unreadable"
TEXT_FIXTURES = ["cabinet-report.pdf", "agenda-pack.pdf", "long-report.pdf",
                 "wingdings.pdf", "no-text-page.pdf", "rotated.pdf", "word-objects.pdf"]


def norm(text: str) -> str:
    return " ".join(text.split())


def read(name: str) -> Document:
    return read_path(PDF / name)


def find(doc: Document, start: str):
    """The first line whose text starts with `start` (whitespace-insensitive)."""
    want = norm(start)
    for line in doc.lines:
        if norm(line.text).startswith(want):
            return line
    raise AssertionError(f"no line starting {start!r}")


@pytest.fixture(scope="module")
def cabinet() -> Document:
    return read("cabinet-report.pdf")


@pytest.fixture(scope="module")
def pack() -> Document:
    return read("agenda-pack.pdf")


# --------------------------------------------------------------- cabinet report

def test_front_sheet_rows_read_label_tab_value(cabinet):
    texts = [line.text for line in cabinet.lines]
    assert "Subject:\tCommunity Libraries Investment Programme" in texts
    assert "Report of:\tStrategic Director, City Operations" in texts
    assert "Relevant Cabinet Member:\tCouncillor John Cotton, Leader of the Council" in texts
    assert "Is this a key decision?\t☒ Yes ☐ No" in texts
    assert "Is the decision eligible for call-in?\t☒ Yes ☐ No" in texts
    assert "Are specific wards affected?\t☐ Yes ☒ No – All wards affected" in texts
    # the label fills its cell, so the gap is under 20 pt: the TAB comes from the
    # value column that the other rows establish
    assert "If relevant, add Forward Plan Reference:\t015203/2025" in texts
    # wrapped label: the value stays on the label's first line; ⊠ normalised to ☒
    assert "Does the report contain confidential or\t☐ Yes ☒ No" in texts
    assert texts[texts.index("Does the report contain confidential or\t☐ Yes ☒ No") + 1] \
        == "exempt information?"


def test_key_decision_row_position(cabinet):
    line = find(cabinet, "Is this a key decision?")
    assert line.text == "Is this a key decision?\t☒ Yes ☐ No"
    assert (line.page, line.page_line) == (1, 13)
    assert line.describe() == "page 1, line 13"
    assert cabinet.lines[line.number - 1] is line


def test_heading_block_and_date_line(cabinet):
    assert [line.text for line in cabinet.lines[:3]] == [
        "Birmingham City Council", "Report to Cabinet", "14 January 2025"]


def test_numbered_sections_and_recommendations(cabinet):
    rec = find(cabinet, "2 Recommendations")
    r1 = find(cabinet, "2.1 That Cabinet approves")
    r2 = find(cabinet, "2.2 That Cabinet delegates authority")
    assert rec.number < r1.number < r2.number
    assert rec.text == "2\tRecommendations"        # a tab stop after the number
    assert find(cabinet, "1 Executive Summary").number < rec.number


def test_pages_and_page_lines(cabinet):
    assert cabinet.format == "pdf"
    assert cabinet.properties["pages"] == "3"
    assert [line.number for line in cabinet.lines] == list(range(1, len(cabinet.lines) + 1))
    for page in (1, 2, 3):
        on_page = [line for line in cabinet.lines if line.page == page]
        assert on_page, page
        assert [line.page_line for line in on_page] == list(range(1, len(on_page) + 1))
    first_on_2 = next(line for line in cabinet.lines if line.page == 2)
    assert first_on_2.page_line == 1
    assert first_on_2.text.startswith("3.2\tVisits to community libraries")
    assert find(cabinet, "Year Capital (£000)").page == 2
    assert find(cabinet, "2026/27").text == "2026/27\t1,550\t-60"
    # the footer is the last line of each page, in visual order
    assert cabinet.lines[-1].text == "Report to Cabinet, 14 January 2025 – Page 3 of 3"
    assert cabinet.lines[-1].page == 3


def test_metadata(cabinet):
    props = cabinet.properties
    assert props["title"] == "Community Libraries Investment Programme 2025-2028"
    assert props["author"] == "Head of Library Services"
    assert props["created"][:4].isdigit() and props["created"][4] == "-"
    assert "pages_without_text" not in props


def test_every_line_is_clean(cabinet, pack):
    for doc in (cabinet, pack, read("long-report.pdf")):
        for line in doc.lines:
            assert line.text == line.text.strip()
            assert line.text
            assert "\n" not in line.text and "\r" not in line.text
            assert not any("\ue000" <= ch <= "\uf8ff" for ch in line.text), line
            assert line.page is not None and line.page_line is not None


# ------------------------------------------------------------------ agenda pack

def test_agenda_pack_parts_in_order(pack):
    agenda = find(pack, "Item Title Status")
    first = find(pack, "Subject: Quarter 3 Library Service Performance Update")
    second = find(pack, "Subject: Award of Highway Resurfacing Contract")
    third = find(pack, "Subject: Disposal of Former Depot Site, Nechells")
    end = find(pack, "End of agenda pack")
    assert agenda.number < first.number < second.number < third.number < end.number
    assert [agenda.page, first.page, second.page, third.page] == [1, 2, 3, 4]
    assert pack.properties["pages"] == "4"
    # each report starts with its own heading block
    for subject in (first, second, third):
        top = [line.text for line in pack.lines if line.page == subject.page][:3]
        assert top == ["Birmingham City Council", "Report to Cabinet", "11 February 2025"]


def test_agenda_items(pack):
    texts = [line.text for line in pack.lines]
    assert "Tuesday 11 February 2025 at 10:00" in texts
    assert "Agenda published: 3 February 2025" in texts
    assert "2\tApologies\tOpen" in texts
    assert "5\tQuarter 3 Library Service Performance Update\tOpen" in texts
    assert "7\tDisposal of Former Depot Site, Nechells\tExempt - paragraph 3" in texts
    late = find(pack, "6 Award of Highway Resurfacing Contract")
    # the title cell wraps: its second line follows the row, as on the page
    assert late.text == "6\tAward of Highway Resurfacing Contract 2025-2029 (late\tOpen"
    assert pack.lines[late.number].text.startswith("report – urgent item")


def test_agenda_pack_front_sheets(pack):
    texts = [line.text for line in pack.lines]
    # report 1: note only, not key
    assert "Is this a key decision?\t☐ Yes ☒ No" in texts
    assert "2.1\tThat Cabinet notes the performance of the library service in the third " \
           "quarter of 2024/25." in texts
    # report 2: boxes after their answers, as in the source
    assert "Is this a key decision?\tYes ☒ No ☐" in texts
    assert "Date first published on the Forward Plan:\t24 January 2025" in texts
    assert "If relevant, add Forward Plan Reference:\t016410/2025" in texts
    # report 3: □ normalised to ☐; exempt, and the reason has no paragraph number
    exempt = [line for line in pack.lines
              if line.text == "Does the report contain confidential or\t☒ Yes ☐ No"]
    assert len(exempt) == 1 and exempt[0].page == 4
    reason = find(pack, "If relevant, provide exempt information")
    assert reason.text == ("If relevant, provide exempt information\t"
                           "Appendix 2 contains commercially sensitive")
    assert reason.page == 4


# ------------------------------------------------------- checkboxes, Wingdings

def test_wingdings_glyphs_drawn_after_the_words():
    doc = read("wingdings.pdf")
    texts = [line.text for line in doc.lines]
    assert texts[0] == "Report to Cabinet - 14 January 2025"
    assert "Is this a key decision?\t☒ Yes\t☐ No" in texts
    assert "Is the decision eligible for call-in?\t☐ Yes\t☒ No" in texts
    assert "Are specific wards affected?\t☐ Yes\t☒ No" in texts
    assert texts[-1] == "1 Recommendations"
    assert doc.properties["created"] == "2025-01-06T09:30:00+00:00"
    assert doc.properties["author"] == "Democratic Services"


@pytest.mark.parametrize("glyph,state", [
    ("\uf06f", "☐"), ("\uf0a8", "☐"), ("\uf078", "☒"), ("\uf0fe", "☒"), ("\uf0fd", "☒"),
    ("□", "☐"), ("⊠", "☒"), ("☑", "☒"), ("✓", "☒"), ("✔", "☒"), ("☒", "☒"), ("☐", "☐"),
])
def test_checkbox_glyph_table(glyph, state):
    assert normalise_checkboxes(f"{glyph} Yes") == f"{state} Yes"


def test_normalising_keeps_length_and_leaves_text_alone():
    for glyph in CHECKBOX_GLYPHS:
        assert len(normalise_checkboxes(glyph)) == 1
    text = "Yes ✗ No – plain text stays"
    assert normalise_checkboxes(text) is text


@pytest.mark.parametrize("raw,iso", [
    ("D:20250106093000+01'00'", "2025-01-06T09:30:00+01:00"),
    ("D:20250106093000Z", "2025-01-06T09:30:00+00:00"),
    ("D:20261123065856Z'", "2026-11-23T06:58:56+00:00"),
    ("D:20250106", "2025-01-06"),
    ("D:2025", "2025-01-01"),
    ("not a date", None),
])
def test_pdf_dates(raw, iso):
    assert _pdf_date(raw) == iso


# ------------------------------------------------------- cell boundaries

def test_small_gap_is_a_cell_only_where_a_column_is():
    """One text object per word: a word of the justified line starts exactly at the
    value column (x = 300) after a 1.2 em gap, yet it is prose; the label that ends
    10 pt before the same column is a cell."""
    texts = [line.text for line in read("word-objects.pdf").lines]
    assert texts == [
        "Report to Cabinet",
        "Subject:\tLibrary opening hours",
        "Forward Plan Reference:\t015203/2025",
        "Date first published on the Plan:\t24 January 2025",
        "The works will be phased so that no",
        "two libraries in the same ward close at once",
    ]


# ------------------------------------------------------------ rotated pages

def test_landscape_pages_read_across_the_screen():
    doc = read("rotated.pdf")
    table = ["Appendix 1 - Capital programme by site", "Site\tCondition\tCapital (GBP 000)",
             "Library 1\tPoor\t120", "Library 2\tVery poor\t245", "Library 3\tFair\t80"]
    for page in (2, 3, 4):                       # /Rotate 90, 270 and 180
        assert [line.text for line in doc.lines if line.page == page] == table, page


def test_text_in_another_direction_stands_alone():
    doc = read("rotated.pdf")
    assert [line.text for line in doc.lines if line.page == 1] == [
        "Report to Cabinet, 14 January 2025", "Appendix 1 follows in landscape.",
        "DRAFT - margin label"]


def test_text_index_mismatch_falls_back_to_per_character_text(monkeypatch):
    """When PDFium's text and its character list disagree in length, the reader
    rebuilds the text per character and still gives the same lines."""
    from govcheck.read import pdf

    expected = [(line.page, line.page_line, line.text)
                for line in read("cabinet-report.pdf").lines]
    original = pdf._page_text
    calls = []

    def short(*args):
        calls.append(args)
        return original(*args)[:-1]

    monkeypatch.setattr(pdf, "_page_text", short)
    got = [(line.page, line.page_line, line.text)
           for line in read("cabinet-report.pdf").lines]
    assert calls
    assert got == expected


def test_page_text_is_pypdfium2s_text():
    """The reader fetches a page's text itself (no PdfTextPage helper); it is what
    pypdfium2's get_text_range() returns, on every page of every text fixture."""
    import pypdfium2
    import pypdfium2.raw as raw
    from ctypes import c_void_p, cast

    from govcheck.read.pdf import _api, _page_text

    api = _api(raw)
    for name in TEXT_FIXTURES:
        pdf = pypdfium2.PdfDocument(PDF / name)
        try:
            for index in range(len(pdf)):
                page = pdf[index]
                textpage = page.get_textpage()
                tp = c_void_p(cast(textpage.raw, c_void_p).value)
                assert _page_text(api, tp, textpage.count_chars()) \
                    == textpage.get_text_range(), (name, index)
                textpage.close()
                page.close()
        finally:
            pdf.close()


def test_pdfium_junk_characters():
    # PDFium gives \x02 for a hyphen that ends a line
    assert normalise_checkboxes("co\x02\x00") == "co- "
    assert normalise_checkboxes("a\ufffeb") == "a b"


# ---------------------------------------------------------------------- errors

def test_scanned_pdf_has_no_text_layer():
    with pytest.raises(ReadError, match="^no text layer: cannot check, OCR it first$"):
        read_path(BAD / "scanned.pdf")


def test_some_pages_without_text_are_listed():
    doc = read("no-text-page.pdf")
    assert doc.properties["pages_without_text"] == "2"
    assert doc.properties["pages"] == "3"
    assert [(line.page, line.page_line, line.text) for line in doc.lines] == [
        (1, 1, "Report to Cabinet, page one"),
        (1, 2, "Appendix 1 is a scanned map."),
        (3, 1, "Page three: background papers"),
    ]


def test_encrypted_pdf():
    with pytest.raises(ReadError, match="^encrypted PDF: cannot read it without the password$"):
        read_path(BAD / "encrypted.pdf")


def test_truncated_pdf(tmp_path):
    bad = tmp_path / "truncated.pdf"
    bad.write_bytes((PDF / "cabinet-report.pdf").read_bytes()[:2048])
    with pytest.raises(ReadError, match="^not a readable PDF: "):
        read_path(bad)


def test_random_bytes_with_pdf_header(tmp_path):
    bad = tmp_path / "random.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + random.Random(1).randbytes(5000))
    with pytest.raises(ReadError, match="^not a readable PDF: "):
        read_path(bad)


def test_header_only(tmp_path):
    bad = tmp_path / "header.txt"            # content decides the format, not the name
    bad.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(ReadError, match="^not a readable PDF: "):
        read_path(bad)


def test_error_messages_are_one_line(tmp_path):
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    for path in (bad, BAD / "scanned.pdf", BAD / "encrypted.pdf"):
        with pytest.raises(ReadError) as info:
            read_path(path)
        assert "\n" not in str(info.value)


# --------------------------------------------------- pdftotext -layout as oracle

@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
@pytest.mark.parametrize("name", TEXT_FIXTURES)
def test_same_lines_as_pdftotext_layout(name):
    """Reading order: our lines equal pdftotext -layout's non-blank lines, with
    whitespace runs collapsed and checkbox glyphs normalised."""
    out = subprocess.run(["pdftotext", "-layout", str(PDF / name), "-"],
                         capture_output=True, text=True, check=True).stdout
    theirs = [norm(normalise_checkboxes(line)) for line in out.splitlines() if line.strip()]
    ours = [norm(line.text) for line in read(name).lines]
    labels = ("Subject:", "Report of:", "Relevant Cabinet Member:", "Report author:",
              "Are specific wards affected?", "Is this a key decision?",
              "If relevant, add Forward Plan Reference:",
              "Is the decision eligible for call-in?",
              "Does the report contain confidential or")
    # every front-sheet label line first (the point of the positional regrouping) ...
    for line in theirs:
        if line.startswith(labels):
            assert line in ours
    # ... then the whole page text, line for line
    assert ours == theirs
