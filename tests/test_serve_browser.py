"""`govcheck serve` in a real browser: headless Chromium from Debian's packages
(`chromium`, `chromium-driver`), driven by Selenium; nothing downloads a browser.  The
accessibility check is axe-core (bundled with selenium-axe-python) against WCAG 2.2 AA.

These tests start the real server (uvicorn) on a free port of 127.0.0.1.  Without
Chromium they are skipped, unless GOVCHECK_REQUIRE_BROWSER is set (as `.ci/run` does),
when a missing browser is a failure.  A screenshot of the results page is kept in
``test-artifacts/`` (or $GOVCHECK_ARTIFACTS)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "fixtures"
LATE = FIX / "decisions" / "decision-2024-04-09-clean-air-zone-late-notice.txt"
FRONT = FIX / "docx" / "cabinet-report-frontsheet-late-notice.docx"
ARTIFACTS = Path(os.environ.get("GOVCHECK_ARTIFACTS", ROOT / "test-artifacts"))
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
if not (CHROMIUM and DRIVER):
    if os.environ.get("GOVCHECK_REQUIRE_BROWSER"):
        pytest.fail("Chromium and chromedriver are required (apt-get install chromium "
                    "chromium-driver)", pytrace=False)
    pytest.skip("Chromium and chromedriver are not installed", allow_module_level=True)
pytest.importorskip("selenium")
pytest.importorskip("uvicorn")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.common.exceptions import (NoSuchElementException,  # noqa: E402
                                        StaleElementReferenceException)
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    import uvicorn

    from govcheck.serve.app import Settings, create_app

    port = _free_port()
    app = create_app(Settings(port=port, log=False))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                        log_level="warning", access_log=False))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads):
    os.environ.setdefault("SE_OFFLINE", "true")     # Selenium Manager never downloads
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--disable-gpu"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
        "safebrowsing.enabled": False,
    })
    driver = webdriver.Chrome(options=options,
                              service=webdriver.ChromeService(executable_path=DRIVER))
    driver.execute_cdp_cmd("Page.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    yield driver
    driver.quit()


def axe_violations(driver) -> list[dict]:
    from selenium_axe_python import Axe

    axe = Axe(driver)
    axe.inject()
    results = axe.run(options={"runOnly": {"type": "tag", "values": WCAG}})
    return [v for v in results["violations"] if v["impact"] in ("serious", "critical")]


def upload(browser, server, *paths: Path):
    browser.get(server + "/")
    field = browser.find_element(By.ID, "files")
    field.send_keys("\n".join(str(p) for p in paths))
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    # the page is replaced: wait for the new one (an element of the old one goes stale)
    WebDriverWait(browser, 30, ignored_exceptions=(StaleElementReferenceException,
                                                   NoSuchElementException)).until(
        lambda d: d.current_url.endswith("/check")
        and d.find_element(By.TAG_NAME, "h1").text in ("Results", "Could not check"))


def test_the_upload_page_is_accessible_and_keyboard_usable(browser, server):
    browser.get(server + "/")
    assert axe_violations(browser) == []
    keys = ActionChains(browser)
    keys.send_keys(Keys.TAB).perform()
    assert browser.switch_to.active_element.text == "Skip to main content"
    # every control is reached by Tab, in order
    seen = []
    for _ in range(12):
        keys.send_keys(Keys.TAB).perform()
        el = browser.switch_to.active_element
        seen.append(el.get_attribute("id") or el.tag_name)
    for wanted in ("files", "profile", "as_of"):
        assert wanted in seen, seen
    assert "button" in seen, seen


def test_a_front_sheet_is_checked_and_each_finding_leads_to_its_line(browser, server):
    upload(browser, server, FRONT)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Results"
    findings = browser.find_elements(By.CSS_SELECTOR, "li.finding")
    assert findings, browser.page_source[:2000]
    link = findings[0].find_element(By.CSS_SELECTOR, "p.go a")
    target = link.get_attribute("href").split("#", 1)[1]
    link.click()
    WebDriverWait(browser, 5).until(lambda d: d.execute_script(
        "return location.hash") == "#" + target)
    line = browser.find_element(By.ID, target)
    assert "hit" in line.get_attribute("class")
    # scrolled to: the line is inside its scrolling pane's visible box, and the window's
    visible = browser.execute_script("""
        const el = arguments[0], pane = el.closest('.text-pane');
        const r = el.getBoundingClientRect(), p = pane.getBoundingClientRect();
        return r.top >= p.top - 1 && r.bottom <= p.bottom + 1 &&
               r.top >= 0 && r.top < window.innerHeight;""", line)
    assert visible
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "serve-results.png"))
    assert (ARTIFACTS / "serve-results.png").stat().st_size > 10_000
    assert axe_violations(browser) == []


def test_the_severity_filter_hides_and_shows(browser, server):
    upload(browser, server, FRONT, LATE)
    assert axe_violations(browser) == []        # two documents: with their contents list
    assert browser.find_element(By.CSS_SELECTOR, "nav.contents").is_displayed()
    errors = browser.find_elements(By.CSS_SELECTOR, "li.finding.error")
    assert errors and all(e.is_displayed() for e in errors)
    browser.find_element(By.ID, "show-error").click()
    assert not any(e.is_displayed() for e in errors)
    browser.find_element(By.ID, "show-error").click()
    assert all(e.is_displayed() for e in errors)


def test_the_rule_explanation_is_one_click_away(browser, server):
    upload(browser, server, LATE)
    details = browser.find_element(By.CSS_SELECTOR, "details.rule")
    pre = details.find_element(By.TAG_NAME, "pre")
    assert not pre.is_displayed()
    details.find_element(By.TAG_NAME, "summary").click()
    assert pre.is_displayed() and "What it checks" in pre.text


def _wait_for(folder: Path, name: str) -> Path:
    path = folder / name
    for _ in range(100):
        if path.exists() and not list(folder.glob("*.crdownload")):
            return path
        time.sleep(0.1)
    raise AssertionError(f"{name} was not downloaded: {sorted(folder.iterdir())}")


def test_the_report_and_the_annotated_word_copy_download(browser, server, downloads):
    upload(browser, server, FRONT)
    browser.find_element(By.CSS_SELECTOR, 'a[download="govcheck-report.html"]').click()
    report = _wait_for(downloads, "govcheck-report.html")
    assert b"govcheck clearance report" in report.read_bytes()
    browser.find_element(By.CSS_SELECTOR, 'a[download="govcheck-report.sarif"]').click()
    assert b'"version": "2.1.0"' in _wait_for(downloads, "govcheck-report.sarif").read_bytes()
    name = FRONT.stem + ".checked.docx"
    browser.find_element(By.CSS_SELECTOR, f'a[download="{name}"]').click()
    copy = _wait_for(downloads, name)
    import docx

    comments = list(docx.Document(str(copy)).comments)
    shown = browser.find_elements(By.CSS_SELECTOR, "li.finding")
    codes = sorted(f.find_element(By.CSS_SELECTOR, ".code").text for f in shown)
    assert len(shown) >= 2 and len(comments) == len(shown) + 1   # and the summary
    assert all(c.author == "govcheck" for c in comments)
    # one comment per finding shown, each opening with the finding's code
    assert sorted(c.text.split(" ", 1)[0] for c in comments
                  if not c.text.startswith("govcheck")) == codes


def test_a_malformed_upload_shows_one_line(browser, server, tmp_path):
    bad = tmp_path / "report.docx"
    bad.write_bytes(b"not a Word document")
    upload(browser, server, bad)
    alert = browser.find_element(By.CSS_SELECTOR, "[role=alert]")
    assert alert.text.startswith("govcheck: error: report.docx: not a Word (zip) file")
    assert "Traceback" not in browser.page_source
