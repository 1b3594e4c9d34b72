"""govcheck.extract: the nation a document is under, and Welsh / bilingual documents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from govcheck.extract import extract, extract_with_notes
from govcheck.extract.nation import council_nation, scottish_councils, welsh_councils
from govcheck.read import read_path
from govcheck.read.base import Document

FIX = Path(__file__).resolve().parents[1] / "fixtures"


def doc_of(text: str, fmt: str = "text", **props) -> Document:
    doc = Document.from_text("r.txt", fmt, text)
    doc.properties = dict(props)
    return doc


def one(text: str, nation: str = "england", **props):
    records, notes = extract_with_notes(doc_of(text, **props), nation)
    assert len(records) == 1
    return records[0], notes


# ---------------------------------------------------------------------------
# Nation

def test_council_tables():
    assert len(welsh_councils()) == 22 and len(scottish_councils()) == 32
    for english, welsh_names in welsh_councils():
        assert council_nation(english) == "wales", english
        for welsh in welsh_names:
            assert council_nation(welsh) == "wales", welsh
    for name in scottish_councils():
        assert council_nation(name) == "scotland", name
    for name in ("Birmingham City Council", "Kent County Council", "Newport Pagnell Town Council",
                 "London Borough of Camden"):
        assert council_nation(name) is None, name


@pytest.mark.parametrize("text,props,expected", [
    ("Rhondda Cynon Taf County Borough Council\nReport to Cabinet\n", {}, "wales"),
    ("Cyngor Sir Glanmorfa\nAdroddiad i'r Cabinet\n", {}, "wales"),
    ("Glanmorfa County Borough Council\nReport to Cabinet\n", {}, "wales"),
    ("Report to Cabinet\n", {"lang": "cy"}, "wales"),
    ("Report to Cabinet\n", {"lang": "cy-GB"}, "wales"),
    ("Report to Cabinet\n", {"title": "Decision | Cardiff Council"}, "wales"),
    ("Report to Cabinet\nAppendix 2 is exempt under paragraph 14 of Part 4 of Schedule 12A.\n",
     {}, "wales"),
    ("Report to Cabinet\nYn rhinwedd Paragraff(au) 14 Rhan 4, Atodlen 12A.\n", {}, "wales"),
    ("Report to the Executive\nExempt under paragraph 6 of Schedule 7A to the Local "
     "Government (Scotland) Act 1973.\n", {}, "scotland"),
    ("Fife Council\nReport to the Policy and Co-ordination Committee\n", {}, "scotland"),
    ("The Highland Council\nReport\n", {}, "scotland"),
    # an English council citing Part 4 has cited the wrong nation's paragraphs: still England
    ("Birmingham City Council Report to Cabinet\nAppendix 2 is exempt under paragraph 14 of "
     "Part 4 of Schedule 12A.\n", {}, "england"),
    ("Report to Cabinet\nExempt under paragraph 3 of Part 1 of Schedule 12A.\n", {}, "england"),
    ("Report to Cabinet\nSee paragraph 14 of the report.\n", {}, "england"),
    # a council the register does not know: the law it cites decides
    ("Glenmorrach Council\nReport to Council\nAs section 103E of the Local Government "
     "(Scotland) Act 1973 requires.\n", {}, "scotland"),
    # an English council of the register citing Scottish law is still English
    ("Birmingham City Council\nReport to Cabinet\nUnlike the Local Government (Scotland) "
     "Act 1973, the 1972 Act ...\n", {}, "england"),
])
def test_nation_from_document(text, props, expected):
    r, _ = one(text, **props)
    assert r.nation == expected


def test_nation_argument_when_the_document_does_not_say():
    r, _ = one("Report to Cabinet\nKey decision: Yes\n", nation="wales")
    assert r.nation == "wales"
    r, _ = one("Birmingham City Council Report to Cabinet\n", nation="scotland")
    assert r.nation == "scotland"          # a council not in the tables decides nothing


def test_front_matter_nation_wins():
    doc = doc_of("Cardiff Council\nReport to Cabinet\n", fmt="markdown")
    doc.data = {"nation": ("england", 2)}
    assert extract(doc)[0].nation == "england"


def test_nation_applies_to_every_record_of_a_pack():
    block = ("Subject:\t{t}\nReport of:\tDirector\nIs this a key decision?\tNo\n"
             "Is the decision eligible for call-in?\tYes\n\nText.\n\n")
    records = extract(doc_of("Caerphilly County Borough Council\n\n" + block.format(t="One")
                             + block.format(t="Two")))
    assert [r.nation for r in records] == ["wales", "wales"]


# ---------------------------------------------------------------------------
# Welsh labels and values

def test_welsh_bilingual_decision_page():
    doc = read_path(FIX / "html" / "welsh-bilingual.html")
    records, notes = extract_with_notes(doc, "england")
    (r,) = records
    assert r.kind == "decision" and r.nation == "wales"
    assert r.get("title").startswith("Strategaeth gwastraff")
    assert r.get("decision_maker") == "Cabinet"
    assert r.get("key_decision") is True and r.fields["key_decision"].line == 7   # "Ie"
    assert r.get("call_in_eligible") is False and r.fields["call_in_eligible"].line == 9
    assert r.get("exempt_paragraphs") == ["14"]
    assert (r.get("exempt_part"), r.get("exempt_schedule")) == ("4", "12A")
    assert r.fields["exempt_paragraphs"].line == 19         # "Yn rhinwedd Paragraff(au) 14"
    assert r.get("public_interest_statement").startswith("Mae’r budd i’r cyhoedd")
    assert r.get("decision_date") == date(2024, 5, 14)
    assert r.get("effective_from") == date(2024, 5, 15)
    assert r.fields["effective_from"].line == 27            # "Effeithiol O:"
    assert r.get("publication_date") == date(2024, 5, 15)
    assert r.get("wards") == ["ALL"]                        # "(Pob Ward);"
    assert r.get("urgency_reason").startswith("Rhaid llofnodi")
    assert notes == []                                       # the two languages agree


def test_welsh_page_is_not_checked_against_english_rules():
    from govcheck.check import run
    from govcheck.engine.profile import load_profile
    from govcheck.engine.rules import RulePack

    pack = RulePack.load()
    result = run([str(FIX / "html" / "welsh-bilingual.html")], pack,
                 load_profile(None, pack.root), date(2025, 1, 1))
    codes = [f.code for f in result.findings if not f.code.startswith("GC")]
    # only rules of Welsh law: the record's reasons heading is missing (DR002, info)
    assert codes == ["DR002"]
    for code in codes:
        assert all("wales" in r.spec.jurisdictions for r in pack.find(code))


WELSH_FRONT = (
    "Cyngor Sir Glanmorfa\n"
    "Teitl:\tStrategaeth tai\n"
    "Dyddiad y penderfyniad:\t{cy_date}\n"
    "Date of decision:\t{en_date}\n"
    "Penderfyniad allweddol?:\t{cy_key}\n"
    "Is Key decision?:\t{en_key}\n"
    "Yn rhinwedd Paragraff(au) {cy_para} Rhan 4, Atodlen 12A\n"
    "By virtue of Paragraph(s) {en_para} of Part 4, Schedule 12A\n"
)


def test_bilingual_values_that_agree_give_no_note():
    r, notes = one(WELSH_FRONT.format(cy_date="14 Mai 2024", en_date="14 May 2024",
                                      cy_key="Ie", en_key="Yes", cy_para="14", en_para="14"))
    assert r.nation == "wales"
    assert r.get("decision_date") == date(2024, 5, 14)
    assert r.fields["decision_date"].line == 3
    assert r.get("key_decision") is True
    assert r.get("exempt_paragraphs") == ["14"]
    assert notes == []


def test_bilingual_values_that_disagree_give_notes_and_the_first_is_read():
    r, notes = one(WELSH_FRONT.format(cy_date="14 Mai 2024", en_date="15 May 2024",
                                      cy_key="Ie", en_key="No", cy_para="13, 14", en_para="14"))
    assert r.get("decision_date") == date(2024, 5, 14)
    assert r.get("key_decision") is True
    assert r.get("exempt_paragraphs") == ["13", "14"]
    by_field = {n.field: n for n in notes}
    assert set(by_field) == {"decision_date", "key_decision", "exempt_paragraphs"}
    assert by_field["decision_date"].line == 4
    assert "2024-05-14" in by_field["decision_date"].message
    assert "2024-05-15" in by_field["decision_date"].message
    assert by_field["key_decision"].line == 6
    assert by_field["exempt_paragraphs"].line == 8


def test_english_documents_are_not_compared_line_by_line():
    """Only a Welsh or bilingual document has twins: in English, the first value is read
    and a later one is not a disagreement."""
    r, notes = one("Key decision: Yes\nIs this a key decision?\tNo\n")
    assert r.get("key_decision") is True and notes == []


@pytest.mark.parametrize("line,paras,part,schedule", [
    ("Yn rhinwedd Paragraff(au) 13, 14 Rhan 4, Atodlen 12A", ["13", "14"], "4", "12A"),
    ("Eithriedig yn rhinwedd paragraff 16 o Ran 4 o Atodlen 12A", ["16"], None, "12A"),
    ("Yn rhinwedd Paragraffau 12 i 14 Rhan 4, Atodlen 12A", ["12", "13", "14"], "4", "12A"),
    ("Yn rhinwedd Paragraff 18A Rhan 4, Atodlen 12A", ["18a"], "4", "12A"),
])
def test_welsh_citations(line, paras, part, schedule):
    r, _ = one(line)
    assert r.get("exempt_paragraphs") == paras
    assert r.get("exempt_part") == part
    assert r.get("exempt_schedule") == schedule
