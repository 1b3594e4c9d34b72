"""Whatever the input, govcheck answers with findings or a one-line ReadError, never a
traceback (property tests over random text, front-sheet-like lines and bytes)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcheck.engine.evaluate import evaluate
from govcheck.engine.profile import load_profile
from govcheck.engine.rules import RulePack
from govcheck.extract import extract_with_notes
from govcheck.read import ReadError, read_path
from govcheck.read.base import Document

PACK = RulePack.load()
PROFILE = load_profile(None, PACK.root)

LABELS = ["Is this a key decision?", "Is the decision eligible for call-in?",
          "Does the report contain confidential or exempt information?",
          "Are specific wards affected?", "Decision due:", "Effective from:",
          "Notice of proposed decision first published:", "Reason for urgency:",
          "Anticipated restriction:", "Report to Cabinet", "2 Recommendations",
          "Penderfyniad allweddol?:", "Subject:", "Agenda Item 4"]
ANSWERS = ["☐ Yes ☒ No", "☒ Yes ☐ No", "□ Yes\t⊠ No", "Yes\tX No – All wards affected",
           '<input checked="" type="checkbox"/> No', "Yes", "No", "Ie", "Na", "N/A",
           "4th April 2024", "29/01/2019", "Tuesday 30 January 2019", "8th May",
           "paragraph 3 of Part 1 of Schedule 12A", "Part exempt - view reasons", "",
           "31/11/2019", "13/14 March 2024", "(All Wards);", "That Cabinet approves"]

line = st.one_of(
    st.text(max_size=120),
    st.builds(lambda label, sep, ans: f"{label}{sep}{ans}", st.sampled_from(LABELS),
              st.sampled_from(["\t", " ", ": ", "\t\t"]), st.sampled_from(ANSWERS)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line, max_size=40), st.sampled_from(["text", "markdown", "html", "pdf"]))
def test_extract_and_evaluate_never_raise(lines, fmt):
    doc = Document.from_text("fuzz.txt", fmt, "\n".join(lines))
    records, notes = extract_with_notes(doc, "england")
    evaluate(PACK, records, PROFILE, dt.date(2024, 6, 1))
    for n in notes:
        assert "\n" not in n.message


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000),
       st.sampled_from([".txt", ".md", ".yaml", ".json", ".pdf", ".docx", ".html"]))
def test_any_bytes_read_or_readerror(tmp_path_factory, data, suffix):
    p = tmp_path_factory.mktemp("fz") / f"f{suffix}"
    p.write_bytes(data)
    try:
        read_path(p)
    except ReadError as e:
        assert str(e) and "\n" not in str(e)
