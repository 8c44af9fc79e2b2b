"""A server started without ``--allow-private`` refuses, in the browser, a literal 127.0.0.1, a name resolving to
it, and a public-looking address that redirects to it (slow: chromium)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from oit.web.app import create_app
from oit.web.checks import WebSettings
from sitegen.ports import free_port
from sitegen.serve import serve_directory
from tests.test_netguard import public_name_served_here
from tests.test_web_browser import CHROMIUM, CHROMIUM_ARGS, PHONE

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture
def guarded_server(tmp_path: Path):
    """The app as `oit serve` runs it without --allow-private, in this process (so a test name can look public)."""
    import uvicorn

    app = create_app(WebSettings(data_dir=tmp_path / "web", workers=1, render=False, ocr=False))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def test_inside_addresses_are_refused_in_the_browser(guarded_server, tmp_path: Path, monkeypatch, shots) -> None:
    from playwright.sync_api import sync_playwright

    (tmp_path / "index.html").write_text("<html><title>อบต.</title><body>หน้าแรก</body></html>", encoding="utf-8")
    with serve_directory(tmp_path) as site, sync_playwright() as pw:
        port = site.rsplit(":", 1)[1].strip("/")
        routes = {"/go": (302, {"Location": site}, b"")}
        with serve_directory(tmp_path, routes=routes) as redirecting:
            public_name_served_here(monkeypatch, "unit.example")
            rport = redirecting.rsplit(":", 1)[1].strip("/")
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport=PHONE)
            for url, shown in ((site, "127.0.0.1"), (f"http://localhost:{port}/", "localhost")):
                page.goto(guarded_server + "/")
                page.fill("#url", url)
                page.click("button[type=submit]")
                page.wait_for_selector("#form-error")
                error = page.text_content("#form-error")
                assert "ไม่ตรวจที่อยู่ภายในเครือข่าย" in error and shown in error, error
                assert page.url.endswith("/checks")  # no check was made
            page.screenshot(path=shots / "6-refused-localhost.png")
            # looks public: accepted, then its redirect to 127.0.0.1 is refused before it is fetched
            page.goto(guarded_server + "/")
            page.fill("#url", f"http://unit.example:{rport}/go")
            page.click("button[type=submit]")
            page.wait_for_url(f"{guarded_server}/checks/*")
            page.wait_for_selector("#progress[data-state=failed]", timeout=60_000)
            reason = page.text_content("#reason")
            assert "ไม่ตรวจที่อยู่ภายในเครือข่าย" in reason and "127.0.0.1" in reason, reason
            page.screenshot(path=shots / "7-refused-redirect.png")
            browser.close()
