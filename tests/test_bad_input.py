"""Bad input gets a one-line message, never a traceback; the batch goes on; exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from govcheck.cli import main

GOOD = """records:
  - kind: notice
    fields:
      key_decision: true
      notice_first_published: 2024-03-20
      decision_date: 2024-04-04
"""


def run(*args):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in (result.output or "")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def make(tmp_path: Path, name: str, content) -> Path:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


BAD = [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"   \n\n", "empty file"),
    ("binary.txt", b"\x00\x01\x02\xffdata" * 10, "binary file"),
    # bytes that are not UTF-8, UTF-16 or Windows-1252 (0x81 and 0x8d are unassigned in it)
    ("notext.txt", b"Report to Cabinet\nCost: \x81\x8d5m\n", "not valid UTF-8, UTF-16 or Windows-1252"),
    ("deep.json", b"[" * 100000 + b"]" * 100000, "nested too deeply"),
    ("broken.yaml", b"records:\n  - kind: report\n    fields: [1, 2\n", "invalid YAML"),
    ("broken.json", b'{"records": [}', "invalid JSON at line 1"),
    ("alias.yaml", b"a: &x [1]\nb: *x\n", "anchors and aliases"),
    ("badfield.yaml", b"kind: report\nfields:\n  key_decison: true\n", "did you mean 'key_decision'"),
    ("badtype.yaml", b"kind: report\nfields:\n  meeting_date: soon\n", "is not a date"),
    ("badkind.json", b'{"kind": "memo", "fields": {}}', "kind must be one of"),
    ("fake.pdf", b"this is not a pdf at all", "not a PDF file"),
    ("fake.docx", b"plain text pretending", "not a Word"),
]


@pytest.mark.parametrize("name,content,message", BAD, ids=[b[0] for b in BAD])
def test_bad_file_one_line_error_exit_2(tmp_path, name, content, message):
    bad = make(tmp_path, name, content)
    make(tmp_path, "good.yaml", GOOD)
    before = bad.read_bytes()
    result = run("check", "--output-format", "json", str(tmp_path))
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    assert [e["path"] for e in doc["errors"]] == [str(bad)]
    err = doc["errors"][0]["message"]
    assert message in err and "\n" not in err
    # the rest of the batch is still checked
    assert [f["code"] for f in doc["findings"]] == ["KD001"]
    assert bad.read_bytes() == before  # inputs are never modified


def test_missing_path_is_exit_2(tmp_path):
    result = run("check", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "no such file or directory" in result.output


def test_unknown_select_code_is_exit_2(tmp_path):
    make(tmp_path, "good.yaml", GOOD)
    result = run("check", "--select", "KD999", str(tmp_path))
    assert result.exit_code == 2
    assert "unknown rule selector 'KD999'" in result.output


def test_bad_as_of_is_usage_error(tmp_path):
    make(tmp_path, "good.yaml", GOOD)
    result = run("check", "--as-of", "tomorrow", str(tmp_path))
    assert result.exit_code == 2


def test_oversize_file_names_the_limit(tmp_path):
    make(tmp_path, "big.txt", "Report to Cabinet\n" * 100)
    result = run("check", "--max-file-size", "100", str(tmp_path))
    assert result.exit_code == 2
    assert "over the 100-byte limit" in result.output


def test_broken_rule_pack_is_exit_2(tmp_path):
    rules = tmp_path / "rules"
    (rules / "england").mkdir(parents=True)
    (rules / "england" / "X.yaml").write_text("id: KD001\nname: [\n", encoding="utf-8")
    make(tmp_path, "good.yaml", GOOD)
    result = run("check", "--rules", str(rules), str(tmp_path / "good.yaml"))
    assert result.exit_code == 2
    assert "X.yaml:" in result.output


def test_missing_rule_pack_is_exit_2(tmp_path):
    make(tmp_path, "good.yaml", GOOD)
    result = run("check", "--rules", str(tmp_path / "none"), str(tmp_path / "good.yaml"))
    assert result.exit_code == 2


def test_no_traceback_from_real_process(tmp_path):
    bad = make(tmp_path, "x.txt", b"\x00\x00")
    proc = subprocess.run([sys.executable, "-m", "govcheck", "check", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "binary file" in proc.stdout


DATA = Path(__file__).resolve().parent / "data" / "unreadable"
PDFS = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"


@pytest.mark.parametrize("name,message", [
    ("scanned.pdf", "no text layer: cannot check, OCR it first"),
    ("encrypted.pdf", "encrypted PDF"),
])
def test_unreadable_pdfs_in_a_batch(tmp_path, name, message):
    (tmp_path / name).write_bytes((DATA / name).read_bytes())
    make(tmp_path, "good.yaml", GOOD)
    result = run("check", "--output-format", "json", str(tmp_path))
    doc = json.loads(result.stdout)
    assert result.exit_code == 2
    assert message in doc["errors"][0]["message"]
    assert [f["code"] for f in doc["findings"]] == ["KD001"]


def test_truncated_pdf(tmp_path):
    data = (PDFS / "cabinet-report.pdf").read_bytes()
    make(tmp_path, "cut.pdf", data[: len(data) // 3])
    result = run("check", "--output-format", "json", str(tmp_path))
    assert result.exit_code == 2
    assert json.loads(result.stdout)["errors"][0]["message"].startswith("not a readable PDF")


def test_extension_that_lies_is_read_by_content(tmp_path):
    # a PDF saved as .txt is still read as a PDF
    make(tmp_path, "report.txt", (PDFS / "cabinet-report.pdf").read_bytes())
    result = run("check", "--output-format", "json", str(tmp_path))
    doc = json.loads(result.stdout)
    assert doc["errors"] == []
    assert doc["summary"]["records"] >= 1


@pytest.mark.parametrize("content,message", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Word (.doc) or password-protected"),
    (b"{\\rtf1\\ansi Report to Cabinet}", "an RTF file"),
])
def test_word_formats_we_cannot_read(tmp_path, content, message):
    make(tmp_path, "report.docx", content)
    result = run("check", "--output-format", "json", str(tmp_path))
    assert result.exit_code == 2
    assert message in json.loads(result.stdout)["errors"][0]["message"]


def test_zip_bomb_in_a_batch(tmp_path):
    import zipfile

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b" " * (1 << 20)
            for _ in range(100):
                fh.write(chunk)
    make(tmp_path, "good.yaml", GOOD)
    result = run("check", "--output-format", "json", str(tmp_path))
    doc = json.loads(result.stdout)
    assert result.exit_code == 2
    assert "zip bomb" in doc["errors"][0]["message"]
    assert [f["code"] for f in doc["findings"]] == ["KD001"]


def test_a_reader_bug_loses_only_that_file(tmp_path, monkeypatch):
    import govcheck.read.text as text_reader

    def boom(path, data, fmt):
        raise RuntimeError("simulated reader bug")

    monkeypatch.setattr(text_reader, "read", boom)
    make(tmp_path, "a.txt", "Report to Cabinet\n")
    make(tmp_path, "good.yaml", GOOD)
    result = run("check", "--output-format", "json", str(tmp_path))
    doc = json.loads(result.stdout)
    assert result.exit_code == 2
    assert "internal error while reading: RuntimeError: simulated reader bug" in doc["errors"][0]["message"]
    assert [f["code"] for f in doc["findings"]] == ["KD001"]


def test_unreadable_document_formats_in_a_folder_are_reported_not_skipped(tmp_path):
    make(tmp_path, "old-report.doc", b"\xd0\xcf\x11\xe0 old word")
    make(tmp_path, "notes.png", b"\x89PNG")          # not a document: skipped quietly
    make(tmp_path, "good.yaml", GOOD)
    result = run("check", "--output-format", "json", str(tmp_path))
    doc = json.loads(result.stdout)
    assert result.exit_code == 2
    assert [e["message"] for e in doc["errors"]] == [
        "not checked: Word 97-2003 (.doc) files are not read; save as .docx or PDF"]


def test_a_directory_with_nothing_to_check_is_not_a_pass(tmp_path):
    from click.testing import CliRunner

    from govcheck.cli import main

    (tmp_path / "empty").mkdir()
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / ".pre-commit-config.yaml").write_text("repos: []\n")
    (tmp_path / "config" / "README.rst").write_text("Notes\n")
    for d in ("empty", "config"):
        r = CliRunner().invoke(main, ["check", str(tmp_path / d)])
        assert r.exit_code == 2, r.output
        assert "no file govcheck can check here" in r.output


def test_a_directory_that_cannot_be_listed_is_reported_and_the_batch_goes_on(tmp_path,
                                                                            monkeypatch):
    import os

    from govcheck import check

    good = tmp_path / "a.txt"
    good.write_text("Report to Cabinet\n")
    real_walk = os.walk

    def walk(top, onerror=None, **kw):
        err = PermissionError(13, "Permission denied")
        err.filename = str(tmp_path / "locked")
        onerror(err)
        yield from real_walk(top, onerror=onerror, **kw)

    monkeypatch.setattr(check.os, "walk", walk)
    files, errors = check.discover([str(tmp_path)])
    assert files == [good]
    assert [e.message for e in errors] == ["cannot list directory: Permission denied"]


def test_yaml_and_json_that_are_not_records_are_skipped_in_a_directory(tmp_path):
    from click.testing import CliRunner

    from govcheck.cli import main

    (tmp_path / "mkdocs.yml").write_text("site_name: Docs\nnav: []\n")
    (tmp_path / "package.json").write_text('{"name": "x"}')
    (tmp_path / "playbook.yml").write_text("- hosts: all\n  tasks: []\n")
    (tmp_path / "report.txt").write_text("Report to Cabinet\nKey decision: Yes\n")
    r = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert r.exit_code in (0, 1) and "not a govcheck record" not in r.output, r.output
    assert "in 1 file" in r.output
    # named on the command line, it is an error
    r = CliRunner().invoke(main, ["check", str(tmp_path / "mkdocs.yml")])
    assert r.exit_code == 2 and "not a govcheck record" in r.output
    # only such files in a directory: nothing to check
    (tmp_path / "report.txt").unlink()
    r = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert r.exit_code == 2 and "3 YAML or JSON file(s) are not records" in r.output



@pytest.mark.parametrize("data, encoding", [
    ("Report to Cabinet\nCost: £5m\nKey decision: Yes\n".encode("utf-8-sig"),
     "UTF-8 with a byte order mark"),
    ("Report to Cabinet\nCost: £5m\nKey decision: Yes\n".encode("utf-16"), "UTF-16"),
    ("Report to Cabinet\nCost: £5m\nKey decision: Yes\n".encode("utf-16-le"),
     "UTF-16 (no byte order mark)"),
    ("Report to Cabinet\r\nCost: £5m – rising\r\nKey decision: Yes\r\n".encode("cp1252"),
     "Windows-1252"),
])
def test_text_encodings_users_have_are_read_and_named(tmp_path, data, encoding):
    f = make(tmp_path, "report.txt", data)
    r = CliRunner().invoke(main, ["extract", str(f)])
    assert r.exit_code == 0, r.output
    assert f"read as {encoding}" in r.output
    assert "key_decision" in r.output and "Cabinet" in r.output
    # plain UTF-8 says nothing
    g = make(tmp_path, "plain.txt", "Report to Cabinet\nKey decision: Yes\n".encode())
    assert "read as" not in CliRunner().invoke(main, ["extract", str(g)]).output
