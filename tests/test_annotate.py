"""``govcheck annotate``: a copy of a Word document with a comment at each finding.

The comments are read back from the written file twice, independently: with
python-docx (``Document(...).comments``) and with zipfile + lxml, and each comment's
anchor is checked against the text the finding points at.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from govcheck import __version__
from govcheck.annotate import annotate_docx
from govcheck.api import check_paths
from govcheck.cli import main
from govcheck.model import Citation, Finding, Location, Severity
from govcheck.read import ReadError, read_path

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "fixtures"
LATE = FIX / "docx" / "cabinet-report-frontsheet-late-notice.docx"
EXEMPT = FIX / "docx" / "report-exempt-appendix.docx"
INCONSISTENT = FIX / "docx" / "inconsistent-checkbox.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
WHEN = dt.datetime(2025, 1, 7, 12, 0, 0)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def annotated(path: Path = LATE, findings=None, summary: str = "summary") -> tuple[bytes, list]:
    if findings is None:
        findings = check_paths([str(path)], as_of=dt.date(2026, 1, 1)).findings
    return annotate_docx(path.read_bytes(), findings, summary=summary, date=WHEN), findings


def pointed_text(path: Path, f: Finding) -> str:
    """The text a finding points at: from its column to the end of that cell."""
    line = read_path(path).lines[f.location.line - 1].text
    return line[f.location.column - 1:].split("\t")[0].strip()


# --------------------------------------------------------------- reading comments back


def anchors_lxml(data: bytes) -> dict[int, dict]:
    """Comment id -> its text, author, the element its range starts in (a w:tc if
    inside a table cell, else the w:p) and that element's text, from the raw XML."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        targets = [r.get("Target") for r in rels if r.get("Type", "").endswith("/comments")]
        assert targets == ["comments.xml"]
        types = z.read("[Content_Types].xml").decode()
        assert 'PartName="/word/comments.xml"' in types
        comments = etree.fromstring(z.read("word/comments.xml"))
    out = {}
    for c in comments.iterfind("w:comment", NS):
        cid = int(c.get(f"{{{W}}}id"))
        out[cid] = {
            "author": c.get(f"{{{W}}}author"),
            "initials": c.get(f"{{{W}}}initials"),
            "date": c.get(f"{{{W}}}date"),
            "paragraphs": ["".join(p.itertext()) for p in c.iterfind("w:p", NS)],
        }
    for start in doc.iter(f"{{{W}}}commentRangeStart"):
        cid = int(start.get(f"{{{W}}}id"))
        tc = next(start.iterancestors(f"{{{W}}}tc"), None)
        p = next(start.iterancestors(f"{{{W}}}p"))
        el = tc if tc is not None else p
        out[cid]["anchor"] = el
        out[cid]["anchor_text"] = "".join(t.text or "" for t in el.iter(f"{{{W}}}t"))
        end = doc.xpath(f"//w:commentRangeEnd[@w:id='{cid}']", namespaces=NS)
        ref = doc.xpath(f"//w:commentReference[@w:id='{cid}']", namespaces=NS)
        assert len(end) == 1 and len(ref) == 1, cid
    return out


def anchors_python_docx(data: bytes) -> dict[int, tuple[str, str]]:
    """Comment id -> (comment text, text of the paragraph or cell it is anchored on),
    through python-docx's object model."""
    d = docx.Document(io.BytesIO(data))
    places = {}
    for p in d.paragraphs:
        for cid in p._p.xpath(".//w:commentRangeStart/@w:id"):
            places[int(cid)] = p.text
    for table in d.tables:
        for row in table.rows:
            for cell in row.cells:
                for cid in cell._tc.xpath(".//w:commentRangeStart/@w:id"):
                    places[int(cid)] = cell.text
    return {c.comment_id: (c.text, places.get(c.comment_id)) for c in d.comments}


# ----------------------------------------------------------------------------- the API


def test_the_new_fixture_fires_a_notice_error_in_a_cell_and_a_warning():
    findings = check_paths([str(LATE)], as_of=dt.date(2026, 1, 1)).findings
    assert sorted((f.code, f.severity.value) for f in findings) == [
        ("CI001", "warning"), ("KD001", "error")]
    kd = next(f for f in findings if f.code == "KD001")
    assert pointed_text(LATE, kd) == "20 December 2024"


def test_one_comment_per_finding_plus_a_summary_read_back_with_python_docx():
    data, findings = annotated(summary=f"govcheck {__version__}: 1 error, 1 warning")
    d = docx.Document(io.BytesIO(data))
    comments = list(d.comments)
    assert len(comments) == len(findings) + 1 == 3
    assert {c.author for c in comments} == {"govcheck"}
    assert {c.initials for c in comments} == {"GC"}
    assert {c.timestamp for c in comments} == {WHEN.replace(tzinfo=dt.timezone.utc)}
    places = anchors_python_docx(data)
    summary_text, summary_place = places[min(places)]
    assert summary_text == f"govcheck {__version__}: 1 error, 1 warning"
    assert summary_place == "Birmingham City Council"          # the first paragraph
    for f in findings:
        text, place = next(v for v in places.values() if v[0].startswith(f.code))
        assert f"{f.code} [{f.severity.value}]" in text
        assert f.citation.instrument in text and f.citation.provision in text
        assert f.citation.url in text
        assert f"What to do: {f.fix}" in text
        assert pointed_text(LATE, f) in place
    kd_place = next(v[1] for v in places.values() if v[0].startswith("KD001"))
    assert kd_place == "20 December 2024"                      # the cell, not the row


def test_comments_read_back_with_zipfile_and_lxml_sit_on_the_cell_pointed_at():
    data, findings = annotated()
    comments = anchors_lxml(data)
    assert len(comments) == len(findings) + 1
    assert sorted(comments) == list(range(len(comments)))      # fresh ids 0, 1, 2
    for f in findings:
        c = next(c for c in comments.values() if c["paragraphs"][0].startswith(f.code))
        assert c["author"] == "govcheck" and c["date"] == "2025-01-07T12:00:00Z"
        body = "\n".join(c["paragraphs"])
        assert f"Law: {f.citation.instrument}, {f.citation.provision}" in body
        assert any(p.startswith("What to do: ") for p in c["paragraphs"])
        assert etree.QName(c["anchor"]).localname == "tc"
        assert pointed_text(LATE, f) in c["anchor_text"]
        # the value cell, not the label cell of the row
        row = c["anchor"].getparent()
        cells = row.findall("w:tc", NS)
        assert cells.index(c["anchor"]) == 1
    kd = next(c for c in comments.values() if c["paragraphs"][0].startswith("KD001"))
    assert kd["anchor_text"] == "20 December 2024"
    assert "24 clear days" in "\n".join(kd["paragraphs"])


def test_the_copy_reads_as_the_same_document_and_is_deterministic():
    before = sha(LATE)
    data, _ = annotated()
    again, _ = annotated()
    assert data == again
    assert sha(LATE) == before
    from govcheck.read.docx import read

    assert read("x", data, "docx").lines == read_path(LATE).lines
    with zipfile.ZipFile(io.BytesIO(data)) as new, zipfile.ZipFile(LATE) as old:
        changed = {"word/document.xml", "word/_rels/document.xml.rels",
                   "[Content_Types].xml"}
        for info in old.infolist():
            if info.filename not in changed:
                assert new.read(info.filename) == old.read(info.filename), info.filename
        assert set(new.namelist()) == set(old.namelist()) | {"word/comments.xml"}


def test_text_is_escaped_and_kept():
    data, _ = annotated(summary="Checked <today> & \"tomorrow\"\nsecond line")
    comments = anchors_lxml(data)
    assert comments[0]["paragraphs"] == ["Checked <today> & \"tomorrow\"", "second line"]


def finding(line: int, column: int, code: str = "XX001", **kw) -> Finding:
    return Finding(code=code, name="test-rule", severity=Severity.WARNING,
                   message=kw.pop("message", "a message"),
                   location=Location(path="x.docx", line=line, column=column),
                   citation=Citation("Test Act 2000", "section 1", "https://example.org/1"),
                   fix="Fix it.", title="A test rule", **kw)


def test_the_column_chooses_the_cell_of_a_table_row():
    lines = read_path(EXEMPT).lines
    n = next(i for i, l in enumerate(lines, 1) if l.text.startswith("Are specific wards"))
    text = lines[n - 1].text
    assert text.count("\t") == 2                               # three cells
    cols = [1, text.index("\t") + 2, text.rindex("\t") + 2]
    fs = [finding(n, c, code=f"XX00{i}") for i, c in enumerate(cols, 1)]
    data, _ = annotated(EXEMPT, fs)
    comments = anchors_lxml(data)
    got = {c["paragraphs"][0][:5]: c for c in comments.values() if "anchor" in c}
    cells = text.split("\t")
    for i, cell_text in enumerate(cells, 1):
        c = got[f"XX00{i}"]
        assert etree.QName(c["anchor"]).localname == "tc"
        assert c["anchor_text"].replace("\uf0fe", "").strip().endswith(
            cell_text.lstrip("☒☐ ").strip())
        assert c["anchor"].getparent().findall("w:tc", NS).index(c["anchor"]) == i - 1


def test_several_findings_on_one_cell_each_get_a_comment_there():
    lines = read_path(LATE).lines
    n = next(i for i, l in enumerate(lines, 1) if l.text.startswith("Date notice"))
    col = lines[n - 1].text.index("\t") + 2
    data, _ = annotated(LATE, [finding(n, col, "XX001"), finding(n, col, "XX002")])
    comments = anchors_lxml(data)
    mine = [c for c in comments.values() if c["paragraphs"][0].startswith("XX")]
    assert len(mine) == 2
    assert mine[0]["anchor"] is mine[1]["anchor"]
    assert mine[0]["anchor_text"] == "20 December 2024"


def test_a_paragraph_line_and_a_line_after_a_break_anchor_on_their_paragraph():
    lines = read_path(INCONSISTENT).lines
    tel = next(i for i, l in enumerate(lines, 1) if l.text.startswith("Tel:"))
    box = next(i for i, l in enumerate(lines, 1) if l.text.startswith("Performance"))
    data, _ = annotated(INCONSISTENT, [finding(tel, 1, "XX001"), finding(box, 1, "XX002")])
    got = {c["paragraphs"][0][:5]: c for c in anchors_lxml(data).values()}
    assert etree.QName(got["XX001"]["anchor"]).localname == "p"
    assert "Contact: Alex Morgan" in got["XX001"]["anchor_text"]
    assert "Tel: 0121 303 0000" in got["XX001"]["anchor_text"]
    # a text box's line: the body paragraph that anchors the box (not inside the box)
    p = got["XX002"]["anchor"]
    assert next(p.iterancestors(f"{{{W}}}txbxContent"), None) is None
    assert "summarised below" in got["XX002"]["anchor_text"]


def test_a_finding_on_no_line_of_the_document_goes_on_the_first_paragraph():
    data, _ = annotated(LATE, [finding(9999, 1)])
    got = anchors_lxml(data)
    assert got[1]["anchor_text"] == "Birmingham City Council"
    assert "could not find line 9999" in got[1]["paragraphs"][-1]


def test_exception_and_waiver_are_said():
    from govcheck.model import ExceptionUsed, WaiverUsed

    exc = ExceptionUsed("special-urgency", "Special urgency",
                        Citation("SI 2012/2089", "regulation 11", "https://example.org/11"))
    wv = WaiverUsed("Agreed by the Chair", "Monitoring Officer", dt.date(2026, 4, 1))
    data, _ = annotated(LATE, [finding(1, 1, "XX001", exception=exc),
                               finding(1, 1, "XX002", waiver=wv)])
    text = {c["paragraphs"][0][:5]: "\n".join(c["paragraphs"])
            for c in anchors_lxml(data).values()}
    assert "Covered by a statutory exception: Special urgency" in text["XX001"]
    assert "Waived: Agreed by the Chair (approved by Monitoring Officer, expires " \
           "2026-04-01)" in text["XX002"]


def test_existing_comments_are_kept_and_ours_get_fresh_ids(tmp_path):
    d = docx.Document(str(LATE))
    target = next(p for p in d.paragraphs if p.text.startswith("2.1 That Cabinet"))
    d.add_comment(target.runs, text="Legal to check the grant conditions",
                  author="Alex Morgan", initials="AM")
    d.add_comment(d.paragraphs[0].runs, text="Use the new logo", author="Sam Patel",
                  initials="SP")
    path = tmp_path / "with-comments.docx"
    d.save(str(path))
    before = {c.comment_id: (c.author, c.text) for c in docx.Document(str(path)).comments}
    assert len(before) == 2
    findings = check_paths([str(path)], as_of=dt.date(2026, 1, 1)).findings
    data = annotate_docx(path.read_bytes(), findings, summary="s", date=WHEN)
    after = {c.comment_id: (c.author, c.text) for c in docx.Document(io.BytesIO(data)).comments}
    assert len(after) == len(before) + len(findings) + 1
    for cid, value in before.items():
        assert after[cid] == value
    ours = [cid for cid, (author, _) in after.items() if author == "govcheck"]
    assert len(ours) == len(findings) + 1
    assert min(ours) > max(before)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        assert sum(r.get("Type", "").endswith("/comments") for r in rels) == 1
        types = z.read("[Content_Types].xml").decode()
        assert types.count("/word/comments.xml") == 1
        doc = etree.fromstring(z.read("word/document.xml"))
    old = doc.xpath("//w:commentRangeStart", namespaces=NS)
    assert len(old) == len(after)
    places = anchors_python_docx(data)
    assert places[min(before)][1].startswith("2.1 That Cabinet")


def test_not_a_word_document_is_a_read_error():
    for data in (b"", b"garbage bytes", b"PK\x03\x04 truncated", LATE.read_bytes()[:500]):
        with pytest.raises(ReadError) as e:
            annotate_docx(data, [], summary="s")
        assert "\n" not in str(e.value)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ReadError, match="Excel"):
        annotate_docx(buf.getvalue(), [], summary="s")


def test_strict_ooxml_is_annotated_in_its_own_namespaces():
    subs = [(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
             b"http://purl.oclc.org/ooxml/wordprocessingml/main"),
            (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
             b"http://purl.oclc.org/ooxml/officeDocument/relationships")]
    buf = io.BytesIO()
    with zipfile.ZipFile(LATE) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            for a, b in subs:
                body = body.replace(a, b)
            dst.writestr(info, body)
    data, _ = annotated(LATE, [finding(1, 1)])
    strict = annotate_docx(buf.getvalue(), [finding(1, 1)], summary="s", date=WHEN)
    sw = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    with zipfile.ZipFile(io.BytesIO(strict)) as z:
        comments = etree.fromstring(z.read("word/comments.xml"))
        assert len(comments.findall(f"{{{sw}}}comment")) == 2
        doc = etree.fromstring(z.read("word/document.xml"))
        assert len(list(doc.iter(f"{{{sw}}}commentReference"))) == 2
        assert b"purl.oclc.org/ooxml/officeDocument/relationships/comments" in \
            z.read("word/_rels/document.xml.rels")
    assert data != strict


# ---------------------------------------------------------------------- command line


def test_cli_writes_the_annotated_copy_beside_the_input(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "report.docx"
    src.write_bytes(LATE.read_bytes())
    before = sha(src)
    r = cli("annotate", src, "--as-of", "2026-01-01")
    assert r.exit_code == 1                                   # KD001 is an error
    out = tmp_path / "report.checked.docx"
    assert r.stdout.strip() == f"wrote {out}: 3 comments (2 findings and a summary)"
    assert sha(src) == before
    comments = list(docx.Document(str(out)).comments)
    assert len(comments) == 3
    assert f"govcheck {__version__}" in comments[0].text
    assert "1 error, 1 warning" in comments[0].text
    assert "2026-01-01" in comments[0].text


def test_cli_select_ignore_and_output(tmp_path):
    out = tmp_path / "nested-name.docx"
    r = cli("annotate", LATE, "-o", out, "--ignore", "KD001", "--as-of", "2026-01-01")
    assert r.exit_code == 0                                   # only the warning is left
    assert "2 comments (1 finding and a summary)" in r.stdout
    texts = [c.text for c in docx.Document(str(out)).comments]
    assert any(t.startswith("CI001") for t in texts)
    assert not any(t.startswith("KD001") for t in texts)


def test_cli_applies_waivers_from_the_config(tmp_path):
    src = tmp_path / "report.docx"
    src.write_bytes(LATE.read_bytes())
    cfg = tmp_path / "govcheck.toml"
    cfg.write_text('[[waivers]]\nrule = "KD001"\npath = "*report.docx"\n'
                   'reason = "Special urgency agreed by the Chair of Scrutiny"\n'
                   'approved-by = "Monitoring Officer"\nexpires = 2099-01-01\n')
    r = cli("annotate", src, "--config", cfg, "--as-of", "2026-01-01")
    assert r.exit_code == 0, r.output
    texts = [c.text for c in docx.Document(str(tmp_path / "report.checked.docx")).comments]
    kd = next(t for t in texts if t.startswith("KD001"))
    assert "Waived: Special urgency agreed by the Chair of Scrutiny" in kd


def test_cli_refuses_to_overwrite_the_input(tmp_path):
    src = tmp_path / "report.docx"
    src.write_bytes(LATE.read_bytes())
    before = sha(src)
    for target in (src, tmp_path / "." / "report.docx"):
        r = cli("annotate", src, "-o", target)
        assert r.exit_code == 2
        assert "refusing to overwrite the input" in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    assert sha(src) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"]


def test_cli_garbage_named_docx_is_exit_2_and_one_line(tmp_path):
    for name, body in (("bad.docx", b"this is not a zip at all" * 10),
                       ("broken.docx", LATE.read_bytes()[:2000])):
        src = tmp_path / name
        src.write_bytes(body)
        r = cli("annotate", src)
        assert r.exit_code == 2
        assert r.stdout == ""
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("govcheck: error: ")
        assert "Traceback" not in r.stderr
        assert not (tmp_path / name.replace(".docx", ".checked.docx")).exists()


def test_cli_other_inputs_get_the_html_report(tmp_path):
    pdf = tmp_path / "cabinet-report.pdf"
    pdf.write_bytes((FIX / "pdf" / "cabinet-report.pdf").read_bytes())
    r = cli("annotate", pdf)
    assert r.exit_code == 0
    html = tmp_path / "cabinet-report.checked.html"
    assert html.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert "is not a Word document" in r.stderr and str(html) in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert str(html) in r.stdout

    txt = FIX / "reports" / "cabinet-2024-06-25-waste-fleet-late-notice.txt"
    r = cli("annotate", txt, "-o", tmp_path / "late.checked.docx", "--as-of", "2026-01-01")
    assert r.exit_code == 1                                   # its KD001 still fails
    assert (tmp_path / "late.checked.html").is_file()
    assert not (tmp_path / "late.checked.docx").exists()
    assert "KD001" in (tmp_path / "late.checked.html").read_text(encoding="utf-8")

    r = cli("annotate", txt, "-o", tmp_path / "named.html")
    assert (tmp_path / "named.html").is_file()


def test_readme_lists_every_command():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `govcheck (\w+)", readme, re.M))
    assert listed == set(main.commands)
    assert "govcheck annotate" in readme
