"""`govcheck serve`: the web page, through Starlette's test client (no browser).

The browser itself (keyboard, following a finding to its line, downloads, axe-core) is
tests/test_serve_browser.py."""

from __future__ import annotations

import base64
import io
import json
import re
import socket
import zipfile
from html import unescape
from pathlib import Path

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from govcheck.serve.app import CSP, Settings, create_app  # noqa: E402
from govcheck.serve.uploads import Limits, UploadError, safe_name, unpack  # noqa: E402

FIX = Path(__file__).resolve().parents[1] / "fixtures"
LATE = FIX / "decisions" / "decision-2024-04-09-clean-air-zone-late-notice.txt"
CHECKBOX = FIX / "docx" / "inconsistent-checkbox.docx"


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app(Settings(log=False)))


def post(client, files, **data):
    parts = [("files", (name, content, "application/octet-stream")) for name, content in files]
    return client.post("/check", files=parts, data=data)


def one_line_error(text: str) -> str:
    m = re.search(r"govcheck: error: ([^<]*)", text)
    assert m, text[:500]
    return unescape(m.group(1))


def downloads(text: str) -> dict[str, bytes]:
    out = {}
    for href, name in re.findall(r'<a href="(data:[^"]+)" download="([^"]+)"', text):
        out[name] = base64.b64decode(unescape(href).split(",", 1)[1])
    return out


def test_the_page_offers_files_profiles_and_an_as_at_date(client):
    r = client.get("/")
    assert r.status_code == 200
    html = r.text
    assert 'type="file"' in html and "multiple" in html
    assert '<label for="files"' in html and '<label for="profile"' in html
    assert '<label for="as_of"' in html and 'type="date"' in html
    assert ">Birmingham City Council (England)<" in html
    assert "nation default" in html


def test_findings_sit_beside_the_documents_own_text_with_links_to_their_lines(client):
    r = post(client, [(LATE.name, LATE.read_bytes())], as_of="2025-01-01")
    assert r.status_code == 200
    html = r.text
    findings = re.findall(r'<li class="finding (\w+)" id="(d1-f\d+)">', html)
    assert findings, html[:2000]
    # every finding links to a line of the document shown on the page, which is marked
    for anchor in re.findall(r'<a href="#(d1-l\d+)">Show ', html):
        line = re.search(rf'<li id="{anchor}" value="\d+" class="line hit (\w+)">', html)
        assert line, anchor
    # the document's own text is there, line by line
    first = LATE.read_text(encoding="utf-8").splitlines()[0].strip()
    assert unescape(first) in unescape(html)
    # the rule's explanation is one click away
    assert "<summary>About rule " in html and "What it checks" in html


def test_the_findings_are_the_command_lines(client):
    from govcheck.api import check_paths

    cli = check_paths([LATE], as_of=__import__("datetime").date(2025, 1, 1))
    r = post(client, [(LATE.name, LATE.read_bytes())], as_of="2025-01-01")
    got = downloads(r.text)["govcheck-report.json"]
    web = json.loads(got)
    assert [(f["code"], f["line"], f["severity"]) for f in web["findings"]] == \
        [(f.code, f.location.line, f.severity.value) for f in cli.findings]
    assert all(f["path"] == LATE.name for f in web["findings"])


def test_downloads_are_the_same_run_in_html_json_and_sarif(client):
    r = post(client, [(LATE.name, LATE.read_bytes())], as_of="2025-01-01")
    got = downloads(r.text)
    assert set(got) >= {"govcheck-report.html", "govcheck-report.json",
                        "govcheck-report.sarif"}
    data = json.loads(got["govcheck-report.json"])
    sarif = json.loads(got["govcheck-report.sarif"])
    assert len(sarif["runs"][0]["results"]) == len(data["findings"]) > 0
    assert b"govcheck clearance report" in got["govcheck-report.html"]


def test_a_council_profile_and_as_at_date_are_used(client):
    r = post(client, [(LATE.name, LATE.read_bytes())], as_of="2025-01-01",
             profile="birmingham")
    assert "Checked as at 2025-01-01, with the council profile: birmingham." in \
        unescape(r.text)


def test_a_zip_of_an_agenda_folder_is_checked_document_by_document(client):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("agenda/late.txt", LATE.read_bytes())
        zf.writestr("agenda/front.docx", CHECKBOX.read_bytes())
        zf.writestr("agenda/photo.jpg", b"\xff\xd8")
        zf.writestr("__MACOSX/agenda/._late.txt", b"x")
    r = post(client, [("agenda.zip", buf.getvalue())], as_of="2025-01-01")
    assert r.status_code == 200
    html = unescape(r.text)
    assert "<h2 id=\"d1-h\">agenda.zip/agenda/late.txt</h2>" in html
    assert "<h2 id=\"d2-h\">agenda.zip/agenda/front.docx</h2>" in html
    assert "agenda.zip: 2 entries left out, not a document govcheck reads" in html


def test_every_value_from_a_document_is_escaped(client):
    evil = b"Title: <script>alert(1)</script>\nDecision maker: <img src=x onerror=alert(2)>\n"
    r = post(client, [("<b>report</b>.txt", evil)])
    assert r.status_code == 200
    assert "<script>alert(1)" not in r.text and "<img src=x" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert "<b>report</b>" not in r.text


def test_responses_carry_a_strict_content_security_policy(client):
    for r in (client.get("/"), post(client, [(LATE.name, LATE.read_bytes())]),
              client.get("/nowhere")):
        assert r.headers["content-security-policy"] == CSP
        assert r.headers["x-content-type-options"] == "nosniff"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP
    for html in (client.get("/").text, post(client, [(LATE.name, LATE.read_bytes())]).text):
        # nothing the policy would block: no inline script, style or event handler
        assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []
        assert re.findall(r"<style|\sstyle=|\son[a-z]+=", html) == []


def test_a_malformed_upload_gets_the_command_lines_one_line_message(client):
    r = post(client, [("report.docx", b"this is not a Word document")])
    assert r.status_code == 200      # the run happened; the document could not be read
    assert one_line_error(r.text).startswith("report.docx: not a Word (zip) file")
    assert "Traceback" not in r.text
    r = post(client, [("agenda.zip", b"PK\x03\x04 broken")])
    assert r.status_code == 400
    assert one_line_error(r.text).startswith("agenda.zip: not a zip file")
    r = client.post("/check", data={"as_of": "tomorrow"},
                    files=[("files", ("a.txt", b"x", "text/plain"))])
    assert r.status_code == 400 and "'tomorrow' is not a date" in one_line_error(r.text)
    r = client.post("/check", content=b"--x\r\nnot multipart", headers={
        "content-type": "multipart/form-data; boundary=x"})
    assert r.status_code == 400 and "Traceback" not in r.text


def test_no_file_chosen_is_a_clear_message(client):
    r = client.post("/check", data={"as_of": ""}, files=[("other", ("", b"", "text/plain"))])
    assert r.status_code == 400
    assert "no file was chosen" in one_line_error(r.text)


def test_a_request_over_the_size_limit_is_refused_before_it_is_read():
    small = TestClient(create_app(Settings(log=False, limits=Limits(request_bytes=1000))))
    r = post(small, [("big.txt", b"x" * 5000)])
    assert r.status_code == 413
    assert one_line_error(r.text) == ("the upload is 5 KB, over the 1 KB limit: check fewer "
                                      "documents at a time")


def test_too_many_files_are_refused():
    few = TestClient(create_app(Settings(log=False, limits=Limits(files=2))))
    r = post(few, [(f"r{i}.txt", b"Title: x\n") for i in range(3)])
    assert r.status_code == 400
    assert "more than 2 documents" in one_line_error(r.text)


def test_it_answers_only_to_its_own_address(client):
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 421
    assert client.get("/", headers={"host": "127.0.0.1:8765"}).status_code == 200
    assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200


def test_a_post_from_another_site_is_refused(client):
    for origin in ("https://evil.example", "null", "http://127.0.0.1:9999"):
        r = client.post("/check", headers={"origin": origin},
                        files=[("files", ("a.txt", b"x", "text/plain"))])
        assert r.status_code == 403, origin
    r = client.post("/check", headers={"origin": "http://testserver"},
                    files=[("files", ("a.txt", b"Title: x\n", "text/plain"))])
    assert r.status_code == 200


def test_uploads_are_removed_after_the_response(client, monkeypatch, tmp_path):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    post(client, [(LATE.name, LATE.read_bytes())])
    post(client, [("bad.docx", b"nope")])
    assert [p for p in tmp_path.iterdir() if p.name.startswith("govcheck")] == []


def test_nothing_but_counts_is_logged(capsys):
    logged = TestClient(create_app(Settings(log=True)))
    post(logged, [(LATE.name, LATE.read_bytes())])
    err = capsys.readouterr().err
    assert re.fullmatch(r"govcheck serve: checked 1 document\(s\): \d+ error\(s\), \d+ "
                        r"warning\(s\), \d+ info, 0 unreadable\n", err), err
    assert LATE.name not in err


# ------------------------------------------------------------------ uploads, alone


def test_safe_names_never_leave_the_folder():
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("C:\\Users\\me\\report.docx") == "report.docx"
    assert safe_name("..") == "upload"
    assert safe_name(".hidden") == "hidden"


def test_a_zip_that_climbs_out_or_bombs_is_contained(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("../../escape.txt", b"Title: x\n")
        zf.writestr("/abs.txt", b"Title: x\n")
        zf.writestr("ok/report.txt", b"Title: x\n")
    docs, notes = unpack([("a.zip", buf.getvalue())], tmp_path)
    assert [d.name for d in docs] == ["a.zip/ok/report.txt"]
    assert all(tmp_path in d.path.parents for d in docs)
    assert notes == ["a.zip: 2 entries left out, not a document govcheck reads"]

    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.txt", b"\0" * (8 * 1024 * 1024))
    with pytest.raises(UploadError, match="zip bomb"):
        unpack([("bomb.zip", bomb.getvalue())], tmp_path / "b")


def test_a_zip_over_the_entry_or_expansion_limit_is_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(6):
            zf.writestr(f"r{i}.txt", b"Title: x\n" * 100)
    with pytest.raises(UploadError, match="over the 5-entry limit"):
        unpack([("a.zip", buf.getvalue())], tmp_path, Limits(zip_entries=5))
    (tmp_path / "2").mkdir()
    with pytest.raises(UploadError, match="expands to more than"):
        unpack([("a.zip", buf.getvalue())], tmp_path / "2", Limits(zip_expanded=1000))


def test_two_uploads_with_one_name_stay_apart(tmp_path):
    docs, _ = unpack([("r.txt", b"a"), ("r.txt", b"b")], tmp_path)
    assert [d.name for d in docs] == ["r.txt", "r (2).txt"]
    assert [d.path.read_bytes() for d in docs] == [b"a", b"b"]


# ------------------------------------------------------------------ the command


def _serve(args, monkeypatch):
    from click.testing import CliRunner

    import govcheck.serve
    from govcheck.cli import main

    started = []
    monkeypatch.setattr(govcheck.serve, "run",
                        lambda settings, open_browser=True: started.append(
                            (settings, open_browser)))
    result = CliRunner().invoke(main, ["serve", *args])
    return result, started


def test_serve_binds_to_this_computer_by_default(monkeypatch):
    result, started = _serve(["--no-open", "--port", "0"], monkeypatch)
    assert result.exit_code == 0, result.output
    settings, opened = started[0]
    assert settings.host == "127.0.0.1" and opened is False
    assert "warning" not in result.output


def test_serve_on_another_address_warns(monkeypatch):
    result, started = _serve(["--host", "0.0.0.0", "--port", "0", "--no-open"], monkeypatch)
    assert result.exit_code == 0
    assert "govcheck: warning: listening on 0.0.0.0: other machines" in result.output
    assert started[0][0].host == "0.0.0.0"


def test_serve_on_a_port_in_use_says_so(monkeypatch):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result, started = _serve(["--port", str(port), "--no-open"], monkeypatch)
    assert result.exit_code == 2 and not started
    assert f"govcheck: error: cannot listen on 127.0.0.1:{port}:" in result.output
    assert "--port" in result.output


def test_serve_without_the_web_libraries_says_how_to_install_them(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "uvicorn" else real(name, *a))
    result, started = _serve(["--no-open"], monkeypatch)
    assert result.exit_code == 2 and not started
    assert "pip install 'govcheck[serve]'" in result.output


def test_serve_with_an_unknown_profile_fails_before_starting(monkeypatch):
    result, started = _serve(["--profile", "atlantis", "--port", "0", "--no-open"],
                             monkeypatch)
    assert result.exit_code == 2 and not started
    assert "unknown council profile 'atlantis'" in result.output


def test_a_word_document_comes_back_with_a_comment_at_each_finding(client):
    import docx

    front = FIX / "docx" / "cabinet-report-frontsheet-late-notice.docx"
    r = post(client, [(front.name, front.read_bytes())], as_of="2025-02-01")
    got = downloads(r.text)
    copy = got["cabinet-report-frontsheet-late-notice.checked.docx"]
    findings = json.loads(got["govcheck-report.json"])["findings"]
    assert {f["code"] for f in findings} >= {"KD001", "CI001"}
    comments = list(docx.Document(io.BytesIO(copy)).comments)
    assert len(comments) == len(findings) + 1
    assert any(c.text.startswith("KD001 [error]") for c in comments)
    assert front.read_bytes() != copy


def test_exceptions_and_waivers_are_shown_as_in_the_other_outputs():
    import datetime as dt

    urgent = FIX / "decisions" / "decision-2024-05-14-special-urgency-agreed-by-the-mayor.txt"
    waived = TestClient(create_app(Settings(log=False, waivers=[{
        "rule": "KD001", "path": LATE.name, "reason": "notice re-published, see minute 12",
        "approved-by": "Monitoring Officer", "expires": dt.date(2099, 1, 1)}])))
    r = post(waived, [(urgent.name, urgent.read_bytes()), (LATE.name, LATE.read_bytes())],
             as_of="2025-01-01")
    text = unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", r.text)))
    assert "Covered by: special urgency (SI 2012/2089, regulation 11)" in text
    assert ("Waived: notice re-published, see minute 12 (approved by Monitoring Officer, "
            "until 2099-01-01)") in text
    # covered and waived findings do not fail the run
    assert 'class="summary passing"' in r.text


def test_a_finding_links_to_the_place_a_person_finds_it(client):
    front = FIX / "docx" / "cabinet-report-frontsheet-late-notice.docx"
    r = post(client, [(front.name, front.read_bytes())], as_of="2025-02-01")
    assert "Show table 1, row 9 in the document" in r.text


def test_a_batch_lists_its_documents_with_their_counts_first(client):
    r = post(client, [(LATE.name, LATE.read_bytes()), ("broken.docx", b"not Word")],
             as_of="2025-01-01")
    html = unescape(re.sub(r"\s+", " ", r.text))
    contents = html[html.index('<nav class="contents"'):html.index("</nav>")]
    assert f'<a href="#d1-h">{LATE.name}</a>' in contents
    assert re.search(r"1 error, \d+ warnings?, \d+ information", contents)
    assert '<a href="#d2-h">broken.docx</a> <span class="could-not">could not be checked' \
        in contents
    one = post(client, [(LATE.name, LATE.read_bytes())])
    assert '<nav class="contents"' not in one.text       # one document: no list
