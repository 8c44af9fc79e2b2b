"""The web page's rules without a crawl (FastAPI's TestClient): refusals, CSRF, limits, escaping, errors, restarts.

The browser tests (a real check in chromium) are tests/test_web_browser.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from oit.web import checks as web_checks
from oit.web.app import create_app
from oit.web.checks import CheckRunner, WebSettings
from oit.web.security import CSRF_COOKIE, PAGE_POLICY
from storage.web_checks import CheckBook
from tests.test_output_safety import HOSTILE, hostile_report


@pytest.fixture
def queued_only(monkeypatch):
    """Checks are accepted and queued but never run (these tests are about the web page, not the crawl)."""
    sent: list[tuple[str, bool]] = []
    monkeypatch.setattr(CheckRunner, "submit", lambda self, check_id, resume=False: sent.append((check_id, resume)))
    return sent


def client_for(tmp_path: Path, **overrides) -> TestClient:  # noqa: ANN003
    settings = WebSettings(data_dir=tmp_path / "web", secret="s3cret", **overrides)
    return TestClient(create_app(settings), base_url="http://testserver")


def form_token(client: TestClient) -> str:
    page = client.get("/")
    return BeautifulSoup(page.text, "html.parser").find("input", {"name": "csrf_token"})["value"]


def test_form_page_is_thai_with_an_english_switch_and_a_strict_policy(tmp_path: Path) -> None:
    with client_for(tmp_path) as client:
        th = client.get("/")
        assert th.status_code == 200
        assert th.headers["content-security-policy"] == PAGE_POLICY
        assert "script-src 'self'" in PAGE_POLICY and "unsafe-inline" not in PAGE_POLICY
        assert th.headers["x-content-type-options"] == "nosniff" and th.headers["x-frame-options"] == "DENY"
        soup = BeautifulSoup(th.text, "html.parser")
        assert soup.html["lang"] == "th" and "เริ่มตรวจ" in th.text
        assert soup.find("meta", {"name": "viewport"})
        en = client.get(soup.find(id="lang-switch")["href"])
        assert BeautifulSoup(en.text, "html.parser").html["lang"] == "en" and "Start the check" in en.text
        assert BeautifulSoup(client.get("/").text, "html.parser").html["lang"] == "en"  # the choice is kept


def test_templates_have_no_inline_script_or_style(tmp_path: Path) -> None:
    """The policy forbids inline scripts and styles: none may be needed (else the page would break under it)."""
    for template in (Path(web_checks.__file__).parent / "templates").glob("*.j2"):
        soup = BeautifulSoup(template.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            assert script.get("src") and not script.string, template.name
        assert not soup.find_all("style"), template.name
        for tag in soup.find_all(True):
            assert "style" not in tag.attrs, (template.name, tag.name)
            assert not [a for a in tag.attrs if a.startswith("on")], (template.name, tag.name)


def test_form_needs_its_csrf_token_and_this_origin(tmp_path: Path, queued_only) -> None:
    with client_for(tmp_path, allow_private=True) as client:
        url = "http://127.0.0.1:9/"
        assert client.post("/checks", data={"url": url}, follow_redirects=False).status_code == 403
        assert client.post("/checks", data={"url": url, "csrf_token": "x" * 64}).status_code == 403
        token = form_token(client)
        evil = {"origin": "http://evil.example"}
        assert client.post("/checks", data={"url": url, "csrf_token": token}, headers=evil).status_code == 403
        other = TestClient(client.app)  # another browser: its own cookie, so this token is not its
        assert other.post("/checks", data={"url": url, "csrf_token": token}).status_code == 403
        ok = client.post("/checks", data={"url": url, "csrf_token": token}, follow_redirects=False)
        assert ok.status_code == 303 and ok.headers["location"].startswith("/checks/")
        assert len(queued_only) == 1
        assert client.cookies.get(CSRF_COOKIE)


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [("ftp://example.go.th/", 400, "url"), ("javascript:alert(1)", 400, "url"), ("http://127.0.0.1:8000/", 400,
     "address"), ("http://localhost/", 400, "address"), ("http://[::1]/", 400, "address"),
     ("http://169.254.169.254/latest/meta-data/", 400, "address"), ("http://10.1.2.3/", 400, "address")],
)  # fmt: skip
def test_api_refuses_what_it_must_not_fetch_in_thai_and_english(tmp_path: Path, queued_only, url, status, code) -> None:
    with client_for(tmp_path) as client:
        r = client.post("/api/checks", json={"url": url, "unit_type": "lao"})
        assert r.status_code == status, r.text
        error = r.json()["error"]
        assert error["code"] == code
        assert re.search("[ก-๙]", error["message_th"]) and re.search("[A-Za-z]{4}", error["message_en"])
        assert not queued_only


def test_api_starts_a_check_and_reports_its_state(tmp_path: Path, queued_only) -> None:
    with client_for(tmp_path, allow_private=True) as client:
        r = client.post("/api/checks", json={"url": "127.0.0.1:9", "year": 2568, "unit_type": "agency"})
        assert r.status_code == 202
        body = r.json()
        assert body["state"] == "queued" and body["url"] == "http://127.0.0.1:9/" and body["year"] == 2568
        state = client.get(f"/api/checks/{body['id']}").json()
        assert state["id"] == body["id"] and state["links"]["page"] == f"/checks/{body['id']}"
        # the same site asked again while it is being checked: the same check
        again = client.post("/api/checks", json={"url": "127.0.0.1:9", "year": 2568, "unit_type": "agency"})
        assert again.json()["id"] == body["id"] and len(queued_only) == 1
        assert client.get(f"/api/checks/{body['id']}/report.json").status_code == 409
        assert client.get("/api/checks/nothing-here").json()["error"]["code"] == "not_found"
        openapi = client.get("/openapi.json").json()
        assert {"/api/checks", "/api/checks/{check_id}", "/api/checks/{check_id}/report.json"} <= set(openapi["paths"])


def test_bad_requests_get_a_clean_json_error(tmp_path: Path, queued_only) -> None:
    with client_for(tmp_path, allow_private=True) as client:
        for body in ({"unit_type": "lao"}, {"url": "http://x.go.th", "unit_type": "palace"}, {"url": ["a"]}):
            r = client.post("/api/checks", json=body)
            assert r.status_code == 422 and r.json()["error"]["code"] == "invalid"
        r = client.post("/api/checks", content=b"{not json", headers={"content-type": "application/json"})
        assert r.status_code == 422 and "Traceback" not in r.text
        form = client.post("/api/checks", data={"url": "http://x.go.th"})  # what a page of another site can send
        assert form.status_code == 415 and form.json()["error"]["code"] == "json"
        r = client.post("/api/checks", json={"url": "http://x.go.th", "year": 2400, "unit_type": "lao"})
        assert r.status_code == 400 and r.json()["error"]["code"] == "year"
        assert not queued_only


def test_per_client_rate_limit_and_caps(tmp_path: Path, queued_only) -> None:
    with client_for(tmp_path, allow_private=True, check_rate="3/minute", max_active_per_client=10) as client:
        codes = [client.post("/api/checks", json={"url": f"http://127.0.0.1:{p}/"}).status_code for p in range(1, 6)]
        assert codes == [202, 202, 202, 429, 429]
    with client_for(tmp_path / "b", allow_private=True, max_active_per_client=2) as client:
        codes = [client.post("/api/checks", json={"url": f"http://127.0.0.1:{p}/"}).status_code for p in range(1, 4)]
        assert codes == [202, 202, 429]
        assert client.post("/api/checks", json={"url": "http://127.0.0.1:7/"}).json()["error"]["code"] == "client_busy"
    with client_for(tmp_path / "c", allow_private=True, max_active=1) as client:
        assert client.post("/api/checks", json={"url": "http://127.0.0.1:1/"}).status_code == 202
        r = client.post("/api/checks", json={"url": "http://127.0.0.1:2/"})
        assert r.status_code == 503 and r.json()["error"]["code"] == "busy"
    with client_for(tmp_path / "d", request_rate="5/minute") as client:
        assert [client.get("/").status_code for _ in range(7)][-2:] == [429, 429]


def done_check(tmp_path: Path) -> tuple[WebSettings, str]:
    settings = WebSettings(data_dir=tmp_path / "web", secret="s3cret")
    book = CheckBook(settings.book_path)
    check_id = book.add("https://www.example.go.th/", 2568, "lao", "someone")
    book.update(check_id, state="done", run_id=1, evaluation_id=1, score=12.5, band="x")
    return settings, check_id


def test_crawled_text_is_shown_as_text_and_links_keep_only_http(tmp_path: Path, monkeypatch) -> None:
    settings, check_id = done_check(tmp_path)
    monkeypatch.setattr(CheckRunner, "report", lambda self, check: hostile_report())
    monkeypatch.setattr(CheckRunner, "history", lambda self, unit_id: [])
    with TestClient(create_app(settings)) as client:
        page = client.get(f"/checks/{check_id}")
    assert page.status_code == 200
    soup = BeautifulSoup(page.text, "html.parser")
    assert [s.get("src") for s in soup.find_all("script")] == []
    for tag in soup.find_all(True):
        assert not [a for a in tag.attrs if a.startswith("on")], tag
        assert tag.name not in ("iframe", "object", "embed", "base", "svg", "math")
    assert soup.find_all("img") == []
    for a in soup.find_all("a", href=True):
        assert a["href"].startswith(("http://", "https://", "/", "?")), a["href"]
    text = soup.get_text()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert any(h in text for h in HOSTILE if h.startswith("="))


def test_downloads_are_attachments_with_their_own_policy(tmp_path: Path, monkeypatch) -> None:
    settings, check_id = done_check(tmp_path)
    monkeypatch.setattr(CheckRunner, "report", lambda self, check: hostile_report())
    with TestClient(create_app(settings)) as client:
        for name in ("report.html", "report.json", "report.csv", "itas-answer-sheet.xlsx"):
            r = client.get(f"/checks/{check_id}/{name}")
            assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment;")
            assert "sandbox" in r.headers["content-security-policy"]
        assert client.get(f"/checks/{check_id}/..%2F..%2Fweb.db").status_code == 404
        assert client.get(f"/checks/{check_id}/web.db").status_code == 404


def test_no_stack_trace_reaches_the_page(tmp_path: Path, monkeypatch) -> None:
    settings, check_id = done_check(tmp_path)

    def broken(self, check):  # noqa: ANN001, ANN202
        raise RuntimeError("secret detail /etc/oit/config at line 42")

    monkeypatch.setattr(CheckRunner, "report", broken)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        page = client.get(f"/checks/{check_id}")
        api = client.get(f"/api/checks/{check_id}/report.json")
    for r in (page, api):
        assert r.status_code == 500
        assert "Traceback" not in r.text and "secret detail" not in r.text and "RuntimeError" not in r.text
    assert api.json()["error"]["code"] == "error"


def test_a_restart_marks_checks_under_way_interrupted_and_they_resume(tmp_path: Path, queued_only) -> None:
    settings = WebSettings(data_dir=tmp_path / "web", secret="s3cret", allow_private=True)
    book = CheckBook(settings.book_path)
    running = book.add("http://127.0.0.1:9/", 2568, "lao", "a")
    book.update(running, state="running")
    queued = book.add("http://127.0.0.1:8/", 2568, "lao", "a")
    finished = book.add("http://127.0.0.1:7/", 2568, "lao", "a")
    book.update(finished, state="failed", reason="down")
    with TestClient(create_app(settings)) as client:
        for check_id in (running, queued):
            state = client.get(f"/api/checks/{check_id}").json()
            assert state["state"] == "interrupted" and "server" in state["reason"]
        assert client.get(f"/api/checks/{finished}").json()["state"] == "failed"
        page = BeautifulSoup(client.get(f"/checks/{running}").text, "html.parser")
        assert page.find(id="resume")
        assert client.post(f"/api/checks/{finished}/resume", json={}).status_code == 409
        assert client.post(f"/api/checks/{running}/resume").status_code == 415  # not JSON: maybe another site's form
        r = client.post(f"/api/checks/{running}/resume", json={})
        assert r.status_code == 202 and r.json()["state"] == "queued"
        assert queued_only == [(running, True)]
