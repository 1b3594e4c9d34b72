"""Whatever the input, govcheck answers with findings or a one-line ReadError, never a
traceback (property tests over random text, front-sheet-like lines and bytes, and every
fixture of every format with its bytes flipped, cut, inserted and repeated)."""

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


# ----------------------------------------------------------- mutated real inputs

from pathlib import Path  # noqa: E402

FIXTURES = sorted(p for p in (Path(__file__).resolve().parents[1] / "fixtures").rglob("*")
                  if p.is_file() and p.suffix in (".txt", ".md", ".yaml", ".json", ".pdf",
                                                  ".docx", ".html"))
SOURCES = {p: p.read_bytes() for p in FIXTURES}

mutation = st.one_of(
    st.tuples(st.just("flip"), st.floats(0, 1), st.integers(1, 255)),
    st.tuples(st.just("cut"), st.floats(0, 1), st.just(0)),
    st.tuples(st.just("insert"), st.floats(0, 1), st.binary(min_size=1, max_size=64)),
    st.tuples(st.just("repeat"), st.floats(0, 1), st.integers(2, 50)),
)


def mutate(data: bytes, ops) -> bytes:
    for op, where, arg in ops:
        if not data:
            break
        i = min(int(where * len(data)), len(data) - 1)
        if op == "flip":
            data = data[:i] + bytes([data[i] ^ arg]) + data[i + 1:]
        elif op == "cut":
            data = data[:i]
        elif op == "insert":
            data = data[:i] + arg + data[i:]
        else:       # a slice repeated: deep nesting, long lines, many records
            data = data[:i] + data[i:i + 16] * arg + data[i:]
    return data


@settings(max_examples=2500, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.sampled_from(FIXTURES), st.lists(mutation, min_size=1, max_size=4))
def test_mutated_real_inputs_give_findings_or_a_clean_error(tmp_path_factory, source, ops):
    data = mutate(SOURCES[source], ops)
    p = tmp_path_factory.mktemp("mut") / source.name
    p.write_bytes(data)
    from govcheck.check import document_records

    try:
        doc = read_path(p)
        records, notes = document_records(doc, "england")   # structured records too
    except ReadError as e:
        assert str(e) and "\n" not in str(e)
        return
    evaluate(PACK, records, PROFILE, dt.date(2024, 6, 1))
