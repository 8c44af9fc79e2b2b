"""The web page in a real browser: Playwright driving Debian's chromium against ``oit serve`` on 127.0.0.1.

A first-time user's path (submit a fixture site, follow the progress, read the results, download each report, the
phone layout, the English switch), a server restart in the middle of a check, and the refusals of a server started
without ``--allow-private``. Screenshots go to ``$OIT_SCREENSHOTS`` (default: the test's temporary directory)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from crawler.render import CHROMIUM_ARGS
from sitegen.demo import build_demo_site
from sitegen.ports import free_port
from sitegen.serve import Pace, serve_directory

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]
OIT = str(Path(sys.executable).with_name("oit"))
PHONE = {"width": 360, "height": 740}


def start_server(data: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    """``oit serve`` as a user starts it (checks without JavaScript rendering or OCR, for speed)."""
    port = free_port()
    args = [OIT, "serve", "--port", str(port), "--data", str(data), "--workers", "1", "--no-render", "--no-ocr",
            "--max-pages", "400", *extra]  # fmt: skip
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"oit serve did not start: {proc.stderr.read().decode(errors='replace')[-2000:]}")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory) -> Iterator[tuple[str, dict]]:
    root = tmp_path_factory.mktemp("demo") / "site"
    truth = build_demo_site(root)
    with serve_directory(root) as base:
        yield base, truth


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    proc, base = start_server(tmp_path_factory.mktemp("web"), "--allow-private")
    yield base
    stop_server(proc)


@pytest.fixture(scope="module")
def checked(browser, server, demo_site, shots) -> dict:
    """A first-time user checks the demo site: the form, the progress (a reload, then the browser closed and the
    link opened again), the results."""
    site, truth = demo_site
    context = browser.new_context(viewport=PHONE, locale="th-TH")
    page = context.new_page()
    page.goto(server + "/")
    page.screenshot(path=shots / "1-form.png", full_page=True)
    page.fill("#url", site)
    page.select_option("#year", str(truth["fiscal_year"]))
    page.select_option("#unit_type", "lao")
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/checks/*")
    check_url = page.url
    page.wait_for_selector("#progress")
    progress_state = page.text_content("#state")
    page.screenshot(path=shots / "2-progress.png", full_page=True)
    page.reload()
    assert page.locator("#progress, #fixes").count() >= 1
    context.close()  # the user closes the browser

    context = browser.new_context(viewport=PHONE, locale="th-TH", accept_downloads=True)
    page = context.new_page()
    page.goto(check_url)
    seen_counts = []
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not page.locator("#fixes").count():
        try:  # the results may replace the progress page between any two calls
            seen_counts.append(int(page.locator("#count-pages").text_content(timeout=2000) or 0))
        except PlaywrightTimeoutError:
            pass
        page.wait_for_timeout(1000)
    page.wait_for_selector("#fixes", timeout=5000)
    return {"page": page, "context": context, "url": check_url, "truth": truth, "site": site,
            "progress_state": progress_state, "counts": seen_counts}  # fmt: skip


def test_results_show_score_fixes_items_and_what_was_not_read(checked) -> None:
    page = checked["page"]
    assert page.locator("html").get_attribute("lang") == "th"
    assert checked["progress_state"].strip()  # the progress page said what the check was doing
    score = float(page.text_content("#score .big"))
    assert 0 <= score <= 100
    assert "IIT" in page.text_content("#score")
    fixes = page.locator("#fixes li.fix")
    assert fixes.count() > 0
    gains = [float(t.split("+")[1].split()[0]) for t in fixes.locator(".gain").all_text_contents()]
    assert gains == sorted(gains, reverse=True)  # ranked by score gain
    assert page.locator("#items details.item").count() >= 30  # every item of the catalog, by sub-indicator
    assert page.locator("#items h3").count() >= 2
    for section in ("#unreadable", "#skipped", "#history", "#downloads"):
        assert page.locator(section).count() == 1
    for href in page.locator("#items a[href]").evaluate_all("els => els.map(e => e.getAttribute('href'))"):
        assert href.startswith(("http://", "https://", "/")), href


def test_each_report_downloads(checked, tmp_path: Path) -> None:
    page = checked["page"]
    links = page.locator("#downloads a[download]")
    names = links.evaluate_all("els => els.map(e => e.dataset.file)")
    assert names == ["report.html", "report.json", "report.csv", "report.md", "itas-answer-sheet.csv",
                     "itas-answer-sheet.xlsx"]  # fmt: skip
    files = {}
    for name in names:
        with page.expect_download() as info:
            page.click(f"#downloads a[data-file='{name}']")
        path = tmp_path / name
        info.value.save_as(path)
        files[name] = path
    report = json.loads(files["report.json"].read_text(encoding="utf-8"))
    assert report["fiscal_year"] == checked["truth"]["fiscal_year"] and report["items"]
    assert f"{report['score']['oit']:.2f}" == page.text_content("#score .big")
    assert "<html" in files["report.html"].read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(files["report.csv"].read_text(encoding="utf-8-sig"))))
    assert len(rows) > len(report["items"])
    sheet = list(csv.reader(io.StringIO(files["itas-answer-sheet.csv"].read_text(encoding="utf-8-sig"))))
    assert len(sheet) > 10
    from openpyxl import load_workbook

    assert load_workbook(files["itas-answer-sheet.xlsx"]).active.max_row > 10


def test_results_fit_a_phone_with_the_fix_list_first(checked, shots) -> None:
    page = checked["page"]
    page.set_viewport_size(PHONE)
    page.goto(checked["url"])
    page.screenshot(path=shots / "3-results-phone.png")
    page.screenshot(path=shots / "4-results-phone-full.png", full_page=True)
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"horizontal scroll: page {widths[0]} px wide in a {widths[1]} px viewport"
    fixes = page.locator("#fixes").bounding_box()
    first_fix = page.locator("#fixes li.fix").first.bounding_box()
    assert fixes["y"] < PHONE["height"] and first_fix["y"] < PHONE["height"], (fixes, first_fix)
    # the fix list comes before the item list and the downloads
    assert first_fix["y"] < page.locator("#items").bounding_box()["y"]
    for selector in ("#fixes li.fix", "#items details.item", "table"):
        for box in page.locator(selector).evaluate_all("els => els.map(e => e.getBoundingClientRect().right)"):
            assert box <= PHONE["width"] + 0.5, selector


def test_english_switch(checked, shots) -> None:
    page = checked["page"]
    page.goto(checked["url"])
    page.click("#lang-switch")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Fix these first" in page.text_content("#fixes h2")
    assert page.locator("#fixes [lang=th]").count() > 0  # the catalog's Thai texts are marked as Thai
    page.screenshot(path=shots / "5-results-english.png")
    page.click("#lang-switch")
    assert page.locator("html").get_attribute("lang") == "th"


def test_a_server_restart_interrupts_a_check_which_then_resumes(browser, tmp_path: Path, demo_site) -> None:
    """The server is stopped while it checks a slow site; started again, the check is interrupted, not lost, and
    the user's click on "continue" finishes it where the crawl stopped."""
    site_root = tmp_path / "slow"
    build_demo_site(site_root)
    data = tmp_path / "web"
    with serve_directory(site_root, pace=Pace(latency=0.2, per_second=8)) as site:
        proc, base = start_server(data, "--allow-private")
        try:
            check = httpx.post(base + "/api/checks", json={"url": site, "year": demo_site[1]["fiscal_year"]}).json()
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                state = httpx.get(f"{base}/api/checks/{check['id']}").json()
                if state["progress"].get("pages", 0) >= 5:
                    break
                time.sleep(0.5)
            assert state["state"] == "running" and state["progress"]["pages"] >= 5, state
        finally:
            stop_server(proc)
        proc, base = start_server(data, "--allow-private")
        try:
            state = httpx.get(f"{base}/api/checks/{check['id']}").json()
            assert state["state"] == "interrupted" and state["reason"], state
            page = browser.new_page(viewport=PHONE)
            page.goto(f"{base}/checks/{check['id']}")
            assert "หยุดกลางคัน" in page.text_content("#state")
            page.click("#resume")
            page.wait_for_selector("#fixes", timeout=300_000)
            page.close()
            done = httpx.get(f"{base}/api/checks/{check['id']}").json()
            assert done["state"] == "done" and done["score"] is not None
        finally:
            stop_server(proc)
