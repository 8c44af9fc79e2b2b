"""Hard-negative tests of the self-check web page, written as an attacker would: addresses that hide a private
network, crawled content meant to break out of the page or a spreadsheet, forged forms, cross-site API calls,
malformed requests and limit evasion. No crawl runs (checks are only queued), no request leaves 127.0.0.1 (DNS is
faked through ``oitbase.netguard.resolve``; numeric hosts and ``localhost`` use the real resolver, which needs no
network for them).

Written from the issue's promises by a reviewer who had not written the page; the 21 failures it found
(DNS rebinding of the homepage fetch, an off-site language link, headers missing on 500/429/415 answers, a
backslash URL, other schemes without //, addresses outside Python's tables, *.localhost, 500s on absurd input,
English-only refusals, one IPv6 /64 as many clients, resumes past the caps) were fixed, and their tests stand."""

from __future__ import annotations

import asyncio
import csv
import io
import re
import socket
import types
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from lxml import etree
from lxml import html as lxml_html
from openpyxl import load_workbook

from oit.web.app import create_app
from oit.web.checks import CheckRunner, WebSettings
from oit.web.security import CSRF_COOKIE, PAGE_POLICY
from oitbase import netguard
from oitbase.model import Evidence, SkippedLink, Unreadable
from storage.web_checks import CheckBook
from tests.test_output_safety import _formula_like, hostile_report
from tests.test_web import client_for, done_check, form_token, queued_only  # noqa: F401 - queued_only: a fixture

REAL_RESOLVE = netguard.resolve
THAI = re.compile("[ก-๙]")
LATIN = re.compile("[A-Za-z]{4}")
TRACE = ("Traceback", 'File "', '.py"', "OverflowError", "sqlite")

#: What the fake DNS answers (anything else that is not numeric or localhost does not resolve).
FAKE_DNS = {
    "public.example": ["93.184.215.14"],
    "example.com": ["93.184.215.14"],
    "www.example.go.th": ["203.150.1.1"],
    "mixed.example": ["93.184.215.14", "10.0.0.5"],
    "mixed6.example": ["2606:2800:220:1:248:1893:25c8:1946", "fd00:ec2::254"],
    "metadata.example": ["169.254.169.254"],
    "mapped.example": ["::ffff:127.0.0.1"],
    "scoped.example": ["fe80::1%eth0"],
    "nat64.example": ["64:ff9b::a9fe:a9fe"],
    "cgnat.example": ["100.64.0.1"],
}


def numeric(host: str) -> bool:
    try:
        socket.getaddrinfo(host, 80, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
    except (OSError, UnicodeError, ValueError):
        return False
    return True


@pytest.fixture(autouse=True)
def offline_dns(monkeypatch) -> None:
    """netguard.resolve without the network: the fake names above, the real resolver for numeric hosts (glibc's
    inet_aton forms: 2130706433, 0x7f.1, 0177.0.0.1 …) and localhost (/etc/hosts)."""
    real = REAL_RESOLVE

    def resolve(host: str, port: int) -> list[str]:
        name = host.lower().rstrip(".")
        if name in FAKE_DNS:
            return FAKE_DNS[name]
        if name == "localhost" or numeric(host):
            return real(host, port)
        return []

    monkeypatch.setattr(netguard, "resolve", resolve)


@pytest.fixture(scope="module")
def guarded_app(tmp_path_factory):
    """One app started without allow_private for the module, with limits high enough that only the address decides;
    its checks are never run (tests that count them also take ``queued_only``)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(CheckRunner, "submit", lambda self, check_id, resume=False: None)
        with client_for(tmp_path_factory.mktemp("guarded"), max_active=10_000, max_active_per_client=10_000,
                        check_rate="10000/minute", request_rate="10000/minute") as client:  # fmt: skip
            yield client.app


@pytest.fixture
def guarded(guarded_app) -> TestClient:
    return TestClient(guarded_app)  # a browser of its own (cookies) for each test


def assert_api_error(r: httpx.Response, status: int | tuple[int, ...], codes: tuple[str, ...] = ()) -> dict:
    statuses = status if isinstance(status, tuple) else (status,)
    assert r.status_code in statuses, (r.status_code, r.text[:300])
    assert 400 <= r.status_code < 500, r.status_code
    assert r.headers["content-type"].startswith("application/json"), r.headers["content-type"]
    error = r.json()["error"]
    if codes:
        assert error["code"] in codes, error
    assert THAI.search(error["message_th"]), error
    assert LATIN.search(error["message_en"]), error
    assert not any(t in r.text for t in TRACE), r.text
    return error


def assert_form_refused(client: TestClient, url: str, queued: list) -> None:
    before = len(queued)
    r = client.post("/checks", data={"url": url, "csrf_token": form_token(client)}, follow_redirects=False)
    assert r.status_code == 400, (url, r.status_code)
    assert "location" not in r.headers
    error = BeautifulSoup(r.text, "html.parser").find(id="form-error")
    assert error is not None and THAI.search(error.get_text()), r.text[:300]
    assert len(queued) == before


# --- 1. addresses inside private networks ----------------------------------------------------------------------

HIDDEN_INSIDE = [
    "http://2130706433/",  # decimal 127.0.0.1
    "http://0x7f000001/",
    "http://0x7f.0.0.1/",
    "http://0x7f.1/",
    "http://0177.0.0.1/",  # octal
    "http://0000000177.0.0.1/",
    "http://127.000.000.001/",
    "http://127.1/",
    "http://10.1/",
    "http://3232235521/",  # 192.168.0.1
    "http://0300.0250.0.1/",  # octal 192.168.0.1
    "http://0/",
    "http://0.0.0.0/",
    "http://0.0.0.0:8000/",
    "http://[::]/",
    "http://[::1]:80/",
    "http://[0:0:0:0:0:0:0:1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[0:0:0:0:0:ffff:7f00:1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://[::ffff:a00:1]/",
    "http://[::127.0.0.1]/",  # IPv4-compatible (deprecated)
    "http://[::ffff:0:7f00:1]/",  # IPv4-translated
    "http://[64:ff9b::a00:1]/",  # NAT64 of 10.0.0.1
    "http://[64:ff9b::7f00:1]/",
    "http://[2002:7f00:1::]/",  # 6to4 of 127.0.0.1
    "http://[2002:a9fe:a9fe::1]/",  # 6to4 of 169.254.169.254
    "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",  # Teredo, client 127.0.0.1
    "http://[fe80::1%25eth0]/",  # zone id
    "http://[fe80::1%25lo]:8080/",
    "http://[::ffff:127.0.0.1%25x]/",
    "http://[fd00:ec2::254]/",  # AWS IMDS over IPv6
    "http://[fc00::1]/",
    "http://[ff02::1]/",
    "http://[2001:db8::1]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/",
    "http://255.255.255.255/",
    "http://198.18.0.1/",
    "http://240.0.0.1/",
    "http://224.0.0.1/",
    "http://192.0.2.1/",
    "http://127.8.9.10/",
    "http://127.0.0.1./",
    "http://0x7f000001./",
    "http://LOCALHOST./",
    "http://LocalHost:8000/",
    "http://localhost/",
    "HTTP://127.0.0.1/",
    "HtTpS://[::1]:443/",
    "127.0.0.1:8080",  # no scheme: http:// is added
    "localhost",
    "[::1]",
    "  http://127.0.0.1/  ",
    "http://127.0.0.1\t/",
    "http://12\n7.0.0.1/",  # Python drops tab/CR/LF in URLs, as browsers do
    "http://127.0.0.1\r\n/",
    "http://127.0.0.1%00/",
    "http://127.0.0.1 /",
    "http://127。0。0。1/",  # ideographic full stops
    "http://１２７.０.０.１/",  # full-width digits
    "http://①②⑦.0.0.1/",
    "http://example.com@127.0.0.1/",
    "http://user:pass@127.0.0.1:8080/",
    "http://example.com:80@127.0.0.1/",
    "http://a@example.com@127.0.0.1/",
    "http://127.0.0.1#@example.com/",
    "http://127.0.0.1?@example.com/",
    "http://127.0.0.1/#@example.com",
    "http://example.com:80\\@127.0.0.1/",
    "http://mixed.example/",  # one public and one private address
    "http://mixed6.example/",
    "http://metadata.example/",
    "http://mapped.example/",
    "http://scoped.example/",
    "http://nat64.example/",
    "http://cgnat.example/",
    "http://MIXED.example./",
    "http://127.0.0.1/" + "a" * 1900,  # long, still under the 2000 limit
    "http://127.0.0.1:0/",
    "http://127.0.0.1:65535/",
]


@pytest.mark.parametrize("url", HIDDEN_INSIDE)
def test_inside_address_in_disguise_is_refused_by_the_api(guarded, queued_only, url) -> None:  # noqa: F811
    r = guarded.post("/api/checks", json={"url": url, "unit_type": "lao"})
    assert_api_error(r, 400, ("address", "url"))
    assert not queued_only


@pytest.mark.parametrize("url", HIDDEN_INSIDE)
def test_inside_address_in_disguise_is_refused_by_the_form(guarded, queued_only, url) -> None:  # noqa: F811
    assert_form_refused(guarded, url, queued_only)


NOT_WEB = [
    "JaVaScRiPt:alert(1)",
    "javascript://example.com/%0aalert(1)",
    "javascript:alert(1)//http://example.com/",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "FILE:///etc/passwd",
    "file://localhost/etc/passwd",
    "gopher://127.0.0.1:6379/_INFO",
    "Gopher://example.com/",
    "dict://127.0.0.1:11211/stats",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD4=",
    "ftp://example.go.th/",
    "sftp://example.go.th/",
    "ws://example.go.th/",
    "view-source:http://example.com/",
    "jar:http://example.com/x.jar!/",
    "http:///nohost",
    "http://",
    "https://:80/",
    "//",
    "",
    "   ",
    "http://127.0.0.1:80:80/",
    "http://example.com:99999/",
]


@pytest.mark.parametrize("url", NOT_WEB)
def test_non_web_urls_are_refused_by_the_api(guarded, queued_only, url) -> None:  # noqa: F811
    r = guarded.post("/api/checks", json={"url": url, "unit_type": "lao"})
    assert_api_error(r, (400, 422), ("url", "address", "invalid"))
    assert not queued_only


@pytest.mark.parametrize("url", ["file:/etc/passwd", "mailto:admin@www.example.go.th"])
def test_other_schemes_without_slashes_are_refused(guarded, queued_only, url) -> None:  # noqa: F811
    r = guarded.post("/api/checks", json={"url": url})
    assert_api_error(r, 400, ("url",))
    assert not queued_only


@pytest.mark.parametrize("route", ["api", "form"])
def test_an_unbalanced_ipv6_bracket_is_a_400(guarded, route) -> None:
    raw = TestClient(guarded.app, raise_server_exceptions=False)
    if route == "api":
        assert_api_error(raw.post("/api/checks", json={"url": "http://[::1/"}), 400, ("url",))
    else:
        r = raw.post("/checks", data={"url": "http://[::1/", "csrf_token": form_token(raw)}, follow_redirects=False)
        assert r.status_code == 400, r.status_code


@pytest.mark.parametrize("url", [u for u in NOT_WEB if u.strip()])  # an empty field is the browser's "required"
def test_non_web_urls_are_refused_by_the_form(guarded, queued_only, url) -> None:  # noqa: F811
    assert_form_refused(guarded, url, queued_only)


@pytest.mark.parametrize("url", ["http://[fec0::1]/", "http://192.0.0.8/", "http://[3fff::1]/"])
def test_addresses_outside_pythons_tables_are_refused(guarded, queued_only, url) -> None:  # noqa: F811
    r = guarded.post("/api/checks", json={"url": url})
    assert r.status_code == 400, r.text
    assert not queued_only


@pytest.mark.parametrize("url", ["http://public.example/control", "https://www.example.go.th/ประกาศ", "example.com"])
def test_public_sites_are_accepted(guarded, queued_only, url) -> None:  # noqa: F811
    """The control: the refusals above are not a page that refuses everything."""
    r = guarded.post("/api/checks", json={"url": url})
    assert r.status_code == 202, r.text
    assert len(queued_only) == 1


def test_allow_private_is_what_lets_inside_addresses_through(tmp_path: Path, queued_only) -> None:  # noqa: F811
    with client_for(tmp_path, allow_private=True) as client:
        assert client.post("/api/checks", json={"url": "http://127.0.0.1:9/"}).status_code == 202
    with client_for(tmp_path / "b", allow_private=False) as client:
        assert client.post("/api/checks", json={"url": "http://127.0.0.1:9/"}).status_code == 400


def test_the_fetchers_agree_with_the_guard_on_every_accepted_tricky_url(guarded) -> None:
    """For URLs Python, httpx (the homepage fetch) and browsers split differently: whatever the page accepts must
    not be a private host in httpx's reading either (httpx is what fetches the homepage)."""
    tricky = [
        "http://127.0.0.1\\@example.com/",
        "http://127.0.0.1%5C@example.com/",
        "http://a@127.0.0.1:80@example.com/",
        "http://example.com\\@127.0.0.1/",
        "http://127.0.0.1%2f@example.com/",
        "http://127.0.0.1;@example.com/",
    ]
    for url in tricky:
        r = guarded.post("/api/checks", json={"url": url})
        if r.status_code == 202:
            host = httpx.URL(url).host
            netguard.check_host(host)  # raises AddressRefused if httpx would go inside


def test_backslash_userinfo_url_is_refused(guarded, queued_only) -> None:  # noqa: F811
    r = guarded.post("/api/checks", json={"url": "http://127.0.0.1\\@example.com/"})
    assert r.status_code == 400, r.text
    assert not queued_only


def test_crawl_guard_refuses_what_scrapy_makes_of_a_backslash_url() -> None:
    """The crawl's own layer: Scrapy (w3lib) turns the backslash into a path, so the request goes to 127.0.0.1 and
    the AddressGuard middleware must refuse it."""
    from scrapy import Request

    from crawler.guard import AddressGuard, PrivateAddress

    refused = []
    guard = AddressGuard(types.SimpleNamespace(stats=types.SimpleNamespace(inc_value=refused.append)))
    for url in ["http://127.0.0.1\\@example.com/", "http://[::ffff:7f00:1]/", "http://0x7f.1/", "http://mixed.example/",
                "HTTP://LOCALHOST./", "file:///etc/passwd"]:  # fmt: skip
        with pytest.raises(PrivateAddress):
            asyncio.run(guard.process_request(Request(url)))
    assert asyncio.run(guard.process_request(Request("http://public.example/"))) is None
    assert len(refused) == 5  # the file: one is refused before any look-up


def test_localhost_subdomains_are_refused_whatever_the_resolver(guarded, queued_only) -> None:  # noqa: F811
    for url in ("http://foo.localhost/", "http://a.b.LOCALHOST./"):
        assert guarded.post("/api/checks", json={"url": url}).status_code == 400
    assert not queued_only


def test_homepage_fetch_survives_dns_rebinding(tmp_path: Path, monkeypatch) -> None:
    from oit.check import CheckError, preflight
    from sitegen.serve import serve_directory

    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(netguard, "resolve", REAL_RESOLVE)  # the guard's own look-up, through the DNS below
    real = socket.getaddrinfo
    answers = []

    def rebinding_dns(host, port, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if host != "rebind.example":
            return real(host, port, *args, **kwargs)
        answers.append(host)  # TTL 0: public for the first question, 127.0.0.1 after
        return real("8.8.8.8" if len(answers) == 1 else "127.0.0.1", port, *args, **kwargs)

    (tmp_path / "index.html").write_text("<html><title>intranet</title><body>ภายใน</body></html>", encoding="utf-8")
    with serve_directory(tmp_path) as inside:
        port = inside.rsplit(":", 1)[1].strip("/")
        monkeypatch.setattr(socket, "getaddrinfo", rebinding_dns)
        with pytest.raises(CheckError, match="ไม่ตรวจที่อยู่ภายในเครือข่าย"):
            preflight(f"http://rebind.example:{port}/", timeout=5, refuse_private=True)


# --- 2. crawled content shown in the page and the downloads -----------------------------------------------------

BREAKOUTS = [
    '" onmouseover="alert(1)" x="',
    "' onfocus='alert(1)' autofocus='",
    "'><svg/onload=alert(1)>",
    "</title><script>alert(2)</script>",
    "</textarea></noscript><img src=x onerror=alert(3)>",
    "<a href=javascript:alert(4)>x</a>",
    "<iframe srcdoc='<script>alert(5)</script>'>",
    "<base href=//evil.example/>",
    '<meta http-equiv="refresh" content="0;url=//evil.example">',
    "{{ 7*7 }}{% raw %}",
    "\u202egpj.exe",
    "\u2028\u2029\x1b[31m",
]
CELL_ATTACKS = ["＝1+1", " \t=2+2", "\r\n@SUM(1)", "-1+1", '+HYPERLINK("http://x")', "@cmd", "=cmd|' /C calc'!A0"]
ATTACK_URLS = [
    'https://evil.example/"><script>alert(1)</script>',
    "https://evil.example/' onfocus='alert(1)",
    "  javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "javascript&colon;alert(1)",
    "jav&#x09;ascript:alert(1)",
    "\x00javascript:alert(1)",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "/\\evil.example/x",
    "https://evil.example/\u202efdp.exe",
    "HTTPS://EVIL.EXAMPLE/ok",
]
LONG = "ก" * 50_000 + "<script>alert(6)</script>"


def attack_report():  # noqa: ANN201 - a Report
    r = hostile_report()
    r.unit_name = BREAKOUTS[3] + BREAKOUTS[0]
    r.partial, r.partial_reason = True, BREAKOUTS[4]
    r.crawl_problem = BREAKOUTS[2]
    texts = BREAKOUTS + CELL_ATTACKS + [LONG]
    for i, it in enumerate(r.items):
        it.evidence = [
            Evidence(url=ATTACK_URLS[(i + j) % len(ATTACK_URLS)], title=texts[(i + j) % len(texts)],
                     snippet=texts[(i + j + 1) % len(texts)], kind="document", where=texts[(i + j + 2) % len(texts)])
            for j in range(4)
        ]  # fmt: skip
        it.missing = [texts[i % len(texts)], *it.missing]
        it.doubts = [texts[(i + 5) % len(texts)]]
        it.fix = CELL_ATTACKS[i % len(CELL_ATTACKS)]
    r.items[0].name = CELL_ATTACKS[0]
    r.unreadable = [Unreadable(url=u, reason=texts[n % len(texts)]) for n, u in enumerate(ATTACK_URLS)]
    r.skipped = [SkippedLink(url=u, reason=BREAKOUTS[n % len(BREAKOUTS)], text=CELL_ATTACKS[n % len(CELL_ATTACKS)])
                 for n, u in enumerate(ATTACK_URLS)]  # fmt: skip
    r.warnings = texts
    return r


@pytest.fixture
def hostile_app(tmp_path: Path, monkeypatch):
    settings, check_id = done_check(tmp_path)
    monkeypatch.setattr(CheckRunner, "report", lambda self, check: attack_report())
    monkeypatch.setattr(CheckRunner, "history", lambda self, unit_id: [])
    with TestClient(create_app(settings)) as client:
        yield client, check_id


def own_or_web(href: str) -> bool:
    """A link the page may hold: absolute http(s) with a host, or a path of this app (not //host, not /\\host)."""
    if href.lower().startswith(("http://", "https://")):
        return bool(urlsplit(href).netloc)
    return href.startswith(("/", "?")) and not href.startswith(("//", "/\\"))


def assert_inert_html(text: str) -> BeautifulSoup:
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(True):
        assert tag.name not in ("iframe", "object", "embed", "base", "svg", "math", "frame", "form", "textarea") or (
            tag.name == "form" and tag.get("action", "").startswith("/checks")
        ), tag.name
        for attr, value in tag.attrs.items():
            assert not attr.lower().startswith("on"), (tag.name, attr)
            assert attr.lower() not in ("srcdoc", "formaction", "autofocus"), (tag.name, attr)
            joined = " ".join(value) if isinstance(value, list) else str(value)
            assert "javascript:" not in joined.lower(), (tag.name, attr, joined)
        if tag.name == "meta":
            assert tag.get("http-equiv", "").lower() != "refresh" or tag.find_parent("noscript"), tag
    assert [s.get("src") for s in soup.find_all("script")] in ([], ["/static/progress.js"])
    for a in soup.find_all(href=True):
        assert own_or_web(a["href"]), a["href"]
    assert not soup.find_all("img", src=lambda s: s and not s.startswith("/units/"))
    return soup


def test_result_page_keeps_crawled_breakouts_as_text(hostile_app) -> None:
    client, check_id = hostile_app
    page = client.get(f"/checks/{check_id}")
    assert page.status_code == 200 and page.headers["content-security-policy"] == PAGE_POLICY
    soup = assert_inert_html(page.text)
    text = soup.get_text()
    for value in BREAKOUTS[:10]:
        assert value in text, value[:60]
    assert soup.title.get_text().startswith(BREAKOUTS[3])  # </title> did not close the title
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]
    assert ATTACK_URLS[0] in hrefs and ATTACK_URLS[1] in hrefs  # http(s) links kept whole, quotes inside the value
    assert not [h for h in hrefs if "evil.example" in h and not h.lower().startswith("https://")]


def test_progress_page_escapes_a_crawled_failure_reason(tmp_path: Path) -> None:
    settings = WebSettings(data_dir=tmp_path / "web", secret="s3cret")
    book = CheckBook(settings.book_path)
    check_id = book.add('http://x.example/"><script>alert(1)</script>', 2568, "lao", "a")
    book.update(check_id, state="failed", reason=BREAKOUTS[0] + BREAKOUTS[4])
    with TestClient(create_app(settings)) as client:
        page = client.get(f"/checks/{check_id}")
    soup = assert_inert_html(page.text)
    assert BREAKOUTS[4] in soup.find(id="reason").get_text()
    assert "<script>alert(1)</script>" in soup.get_text()


def test_the_form_reflects_a_posted_url_as_an_attribute_value_only(guarded) -> None:
    payload = '"><script>alert(1)</script><input autofocus onfocus="alert(2)'
    r = guarded.post("/checks", data={"url": payload}, follow_redirects=False)  # no token: the form comes back
    assert r.status_code == 403
    soup = assert_inert_html(r.text)
    assert soup.find("input", {"name": "url"})["value"] == payload
    # with a token the page takes '"><script>alert(1)<' for a host name; its progress page must still be inert
    r = guarded.post("/checks", data={"url": payload, "csrf_token": form_token(guarded)}, follow_redirects=False)
    if r.status_code == 303:
        soup = assert_inert_html(guarded.get(r.headers["location"]).text)
        assert "<script>alert(1)<" in soup.get_text()
    else:
        assert r.status_code == 400
        assert soup.find("input", {"name": "url"})["value"] == payload


def test_language_cookie_and_parameter_cannot_inject(guarded) -> None:
    guarded.cookies.set("oit_lang", '"><script>alert(1)</script>')
    page = guarded.get("/?lang=%22%3E%3Cscript%3Ealert(1)%3C/script%3E")
    soup = assert_inert_html(page.text)
    assert soup.html["lang"] == "th"


@pytest.mark.parametrize(
    "path", ["/%22%3E%3Cscript%3Ealert(1)%3C/script%3E", "/checks/%3Cimg%20src=x%20onerror=alert(1)%3E"]
)
def test_error_pages_escape_the_requested_path(guarded, path) -> None:
    r = guarded.get(path)
    assert r.status_code == 404
    assert_inert_html(r.text)


@pytest.mark.parametrize("path", ["//evil.example/", "/%2F%2Fevil.example/"])
def test_language_switch_never_links_off_site(guarded, path) -> None:
    r = guarded.get(f"http://testserver{path}")
    switch = BeautifulSoup(r.text, "html.parser").find(id="lang-switch")["href"]
    assert own_or_web(switch) and not urlsplit(switch).netloc, switch


def test_downloads_neutralise_every_formula_and_link(hostile_app) -> None:
    client, check_id = hostile_app
    for name in ("report.csv", "itas-answer-sheet.csv"):
        r = client.get(f"/checks/{check_id}/{name}")
        assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment;")
        assert r.headers["x-content-type-options"] == "nosniff"
        cells = [c for row in csv.reader(io.StringIO(r.content.decode("utf-8-sig"))) for c in row]
        assert cells and not [c for c in cells if _formula_like(c)], [c for c in cells if _formula_like(c)][:5]
    sheet = client.get(f"/checks/{check_id}/report.csv").content.decode("utf-8-sig")
    assert "'" + CELL_ATTACKS[0] in sheet  # still there, behind a quote
    xlsx = client.get(f"/checks/{check_id}/itas-answer-sheet.xlsx")
    with zipfile.ZipFile(io.BytesIO(xlsx.content)) as z:
        for part in (n for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")):
            assert etree.fromstring(z.read(part)).xpath("//*[local-name()='f']") == [], part
    for ws in load_workbook(io.BytesIO(xlsx.content)).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and _formula_like(cell.value):
                    assert cell.data_type == "s" and cell.quotePrefix, (ws.title, cell.coordinate)
        for link in ws._hyperlinks:
            assert link.target.lower().startswith(("http://", "https://")), link.target


def test_downloaded_html_report_is_inert_and_sandboxed(hostile_app) -> None:
    client, check_id = hostile_app
    r = client.get(f"/checks/{check_id}/report.html")
    policy = r.headers["content-security-policy"]
    assert "sandbox" in policy and "script-src" not in policy and "default-src 'none'" in policy
    doc = lxml_html.fromstring(r.text)
    for tag in ("script", "iframe", "object", "embed", "base", "form", "svg", "img", "link"):
        assert doc.xpath(f"//{tag}") == [], tag
    assert doc.xpath("//meta[@http-equiv='refresh']") == []
    for el in doc.iter():
        if isinstance(el.tag, str):
            for attr, value in el.attrib.items():
                assert not attr.lower().startswith("on") and "javascript:" not in value.lower(), (el.tag, attr)
    assert all(h.lower().startswith(("http://", "https://")) for h in doc.xpath("//@href"))
    assert BREAKOUTS[3] in doc.text_content()
    md = client.get(f"/checks/{check_id}/report.md")
    assert md.headers["content-disposition"].startswith("attachment;") and "sandbox" in md.headers[
        "content-security-policy"]  # fmt: skip
    js = client.get(f"/api/checks/{check_id}/report.json")
    assert js.headers["content-type"].startswith("application/json") and js.json()["unit"]["name"].startswith("</t")


# --- 3. forged forms and cross-site requests ---------------------------------------------------------------------


def test_forged_and_borrowed_form_tokens_are_refused(guarded, queued_only) -> None:  # noqa: F811
    data = {"url": "http://public.example/csrf"}
    token = form_token(guarded)
    other = TestClient(guarded.app)  # another browser
    other_token = form_token(other)
    attempts = [
        (guarded, {}, {}),
        (guarded, {"csrf_token": ""}, {}),
        (guarded, {"csrf_token": "0" * 64}, {}),
        (guarded, {"csrf_token": token.upper()}, {}),
        (guarded, {"csrf_token": token[:-1]}, {}),
        (guarded, {"csrf_token": other_token}, {}),  # a token of another session
        (other, {"csrf_token": token}, {}),
        (guarded, {"csrf_token": token}, {"origin": "null"}),
        (guarded, {"csrf_token": token}, {"origin": "http://evil.example"}),
        (guarded, {"csrf_token": token}, {"origin": "https://testserver"}),
        (guarded, {"csrf_token": token}, {"origin": "http://testserver:8080"}),
        (guarded, {"csrf_token": token}, {"origin": "http://testserver.evil.example"}),
        (guarded, {}, {"referer": "http://testserver/"}),  # a same-site Referer alone
        (guarded, {"csrf_token": [token, token]}, {"origin": "http://evil.example"}),
    ]
    for client, extra, headers in attempts:
        r = client.post("/checks", data={**data, **extra}, headers=headers, follow_redirects=False)
        assert r.status_code == 403, (extra, headers, r.status_code)
    # a cookie-less client that copies a cookie value but not its token, and one that makes up both
    bare = TestClient(guarded.app)
    bare.cookies.set(CSRF_COOKIE, "made-up")
    assert bare.post("/checks", data={**data, "csrf_token": token}, follow_redirects=False).status_code == 403
    assert not queued_only
    ok = guarded.post("/checks", data={**data, "csrf_token": token}, headers={"origin": "http://testserver"},
                      follow_redirects=False)  # fmt: skip
    assert ok.status_code == 303 and len(queued_only) == 1  # the control


def test_csrf_cookie_is_http_only_and_same_site_strict(guarded) -> None:
    r = guarded.get("/")
    cookie = r.headers["set-cookie"].lower()
    assert "oit_csrf=" in cookie and "httponly" in cookie and "samesite=strict" in cookie


def test_a_get_or_method_override_never_starts_a_check(guarded, queued_only) -> None:  # noqa: F811
    token = form_token(guarded)
    assert guarded.get(f"/checks?url=http://public.example/&csrf_token={token}").status_code in (404, 405)
    for method in ("PUT", "PATCH", "DELETE"):
        r = guarded.request(method, "/checks", data={"url": "http://public.example/", "csrf_token": token})
        assert r.status_code in (404, 405)
    r = guarded.post("/checks?_method=GET", data={"url": "http://public.example/", "_method": "GET"},
                     headers={"x-http-method-override": "GET"}, follow_redirects=False)  # fmt: skip
    assert r.status_code == 403
    assert not queued_only


@pytest.mark.parametrize(
    ("content_type", "body"),
    [("text/plain", b'{"url": "http://public.example/"}'), ("text/plain;charset=UTF-8", b'{"url": "http://public.example/"}'),
     ("application/x-www-form-urlencoded", b"url=http://public.example/"), ("multipart/form-data; boundary=x",
     b'--x\r\nContent-Disposition: form-data; name="url"\r\n\r\nhttp://public.example/\r\n--x--\r\n'),
     ("text/plain; application/json", b'{"url": "http://public.example/"}'), (None, b'{"url": "http://public.example/"}')],
)  # fmt: skip
def test_api_refuses_what_a_page_of_another_site_can_send(guarded, queued_only, content_type, body) -> None:  # noqa: F811
    headers = {"origin": "http://evil.example"} | ({"content-type": content_type} if content_type else {})
    for path in ("/api/checks", "/api/checks/"):
        r = guarded.post(path, content=body, headers=headers, follow_redirects=False)
        assert r.status_code in (307, 415), (path, r.status_code)
        if r.status_code == 415:
            assert_api_error(r, 415, ("json",))
    assert not queued_only


def test_api_grants_no_cross_origin_access(guarded) -> None:
    cors = {"origin": "http://evil.example", "access-control-request-method": "POST"}
    r = guarded.options("/api/checks", headers={**cors, "access-control-request-headers": "content-type"})
    assert "access-control-allow-origin" not in r.headers and r.status_code >= 400
    r = guarded.get("/api/checks/x", headers={"origin": "http://evil.example"})
    assert "access-control-allow-origin" not in r.headers


def test_resume_form_needs_its_token(tmp_path: Path, queued_only) -> None:  # noqa: F811
    settings = WebSettings(data_dir=tmp_path / "web", secret="s3cret")
    book = CheckBook(settings.book_path)
    check_id = book.add("http://public.example/", 2568, "lao", "a")
    book.update(check_id, state="interrupted")
    with TestClient(create_app(settings)) as client:
        r = client.post(f"/checks/{check_id}/resume", data={"csrf_token": "x"}, follow_redirects=False)
        assert r.status_code == 403
        r = client.post(f"/api/checks/{check_id}/resume", content=b"{}", headers={"content-type": "text/plain"})
        assert r.status_code == 415
    assert book.get(check_id)["state"] == "interrupted" and not queued_only


# --- 4. malformed requests: clean 4xx, never a trace ------------------------------------------------------------


@pytest.fixture
def raw(guarded) -> TestClient:
    """The same app, answering 500s as a server would (instead of raising them into the test)."""
    return TestClient(guarded.app, raise_server_exceptions=False)


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"", b"null", b"[1, 2]", b'"http://public.example/"', b'{"url": 5}', b'{"url": null}',
     b'{"url": ["http://public.example/"]}', b'{"url": {"$gt": ""}}', b'{"url": "http://public.example/", "year": "x"}',
     b'{"url": "http://public.example/", "year": 2568.5}', b'{"url": "http://public.example/", "year": NaN}',
     b'{"url": "http://public.example/", "unit_type": "palace"}', b'{"url": "http://public.example/", "unit_type": 1}',
     b'{"url": "http://a\\ud800.example/"}', b'{"url": "' + b"a" * 5_000_000 + b'"}',
     b'{"url": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "{\"url\": \"é\"}".encode("latin-1"), b"\xff\xfe{"],
    ids=lambda b: repr(b[:40]),
)  # fmt: skip
def test_malformed_api_bodies_get_a_clean_json_4xx(raw, queued_only, body) -> None:  # noqa: F811
    r = raw.post("/api/checks", content=body, headers={"content-type": "application/json"})
    assert_api_error(r, (400, 413, 415, 422))
    assert not queued_only


@pytest.mark.parametrize("route", ["api", "form"])
def test_an_absurd_year_is_a_4xx(raw, route) -> None:
    year = "100000000000000000000000"
    if route == "api":
        r = raw.post("/api/checks", content=b'{"url": "http://public.example/", "year": ' + year.encode() + b"}",
                     headers={"content-type": "application/json"})  # fmt: skip
        assert_api_error(r, (400, 422))
    else:
        r = raw.post("/checks", data={"url": "http://public.example/", "year": year, "csrf_token": form_token(raw)})
        assert 400 <= r.status_code < 500 and not any(t in r.text for t in TRACE)


@pytest.mark.parametrize("year", [2400, -5])
def test_an_unknown_year_is_refused_in_thai_and_english(guarded, year) -> None:
    r = guarded.post("/api/checks", json={"url": "http://public.example/", "year": year})
    assert_api_error(r, 400, ("year",))


def test_an_absurd_unit_id_is_a_4xx(raw) -> None:
    r = raw.get("/units/99999999999999999999999/trend.svg")
    assert 400 <= r.status_code < 500, r.status_code


@pytest.mark.parametrize(
    "path",
    ["/api/checks/nope", "/api/checks/" + "x" * 39, "/api/checks/" + "x" * 5000, "/api/checks/..%2F..%2Fweb.db",
     "/api/checks/%2e%2e%2f%2e%2e%2fweb.db/report.json", "/api/checks/'%20OR%20'1'='1", "/api/checks/%00",
     "/api/checks/x/report.json", "/api/nothing", "/api/checks/x/resume"],
)  # fmt: skip
def test_unknown_or_traversing_api_paths_are_json_404s(raw, path) -> None:
    r = raw.post(path, json={}) if path.endswith("resume") else raw.get(path)
    assert_api_error(r, (404, 405), ("not_found", "invalid"))


@pytest.mark.parametrize(
    "path",
    ["/checks/nope", "/checks/nope/report.csv", "/checks/x/..%2F..%2Fweb.db", "/checks/x/%2e%2e%2fweb.db",
     "/checks/x/..%5C..%5Cweb.db", "/checks/%2e%2e/%2e%2e/web.db", "/static/..%2F..%2Fapp.py",
     "/static/%2e%2e/%2e%2e/web/app.py", "/static/..%5Capp.py", "/static/%2e%2e%2fchecks.py", "/units/x/trend.svg",
     "/units/1/trend.svg", "/checks/" + "%2e%2e%2f" * 30 + "etc%2fpasswd"],
)  # fmt: skip
def test_unknown_or_traversing_page_paths_are_clean_4xx(raw, path) -> None:
    r = raw.get(path)
    assert 400 <= r.status_code < 500, (path, r.status_code)
    assert not any(t in r.text for t in (*TRACE, "def create_app", "root:x:0:0", "SQLite format")), path


def test_no_trace_on_a_broken_result_page_or_download(tmp_path: Path, monkeypatch) -> None:
    settings, check_id = done_check(tmp_path)

    def broken(self, check):  # noqa: ANN001, ANN202
        raise ValueError('File "/srv/oit/secret.py", line 1 <script>alert(1)</script>')

    monkeypatch.setattr(CheckRunner, "report", broken)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        for path in (f"/checks/{check_id}", f"/checks/{check_id}/report.csv", f"/api/checks/{check_id}/report.json"):
            r = client.get(path)
            assert r.status_code == 500
            assert not any(t in r.text for t in (*TRACE, "secret", "ValueError", "<script>")), path


# --- 5. the policy on every answer --------------------------------------------------------------------------------


def test_error_500_page_has_the_policy(tmp_path: Path, monkeypatch) -> None:
    settings, check_id = done_check(tmp_path)
    monkeypatch.setattr(CheckRunner, "report", lambda self, check: 1 / 0)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        r = client.get(f"/checks/{check_id}")
    assert r.status_code == 500 and r.headers["content-type"].startswith("text/html")
    assert r.headers.get("content-security-policy") == PAGE_POLICY
    assert r.headers.get("x-frame-options") == "DENY"


def test_rate_limit_and_content_type_answers_have_the_policy(tmp_path: Path) -> None:
    with client_for(tmp_path, request_rate="1/minute") as client:
        client.get("/")
        limited = client.get("/")
    with client_for(tmp_path / "b") as client:
        wrong_type = client.post("/api/checks", content=b"x", headers={"content-type": "text/plain"})
    assert limited.status_code == 429 and limited.headers["content-type"].startswith("text/html")
    assert wrong_type.status_code == 415
    for r in (limited, wrong_type):
        assert r.headers.get("content-security-policy") == PAGE_POLICY
        assert r.headers.get("x-content-type-options") == "nosniff"


def test_every_ordinary_answer_has_a_policy_without_inline_script(hostile_app) -> None:
    client, check_id = hostile_app
    paths = ["/", f"/checks/{check_id}", "/nope", "/api/checks/nope", f"/api/checks/{check_id}", "/openapi.json"]
    paths += ["/static/app.css", "/static/progress.js", f"/checks/{check_id}/report.html", "/units/x/trend.svg"]
    for path in paths:
        policy = client.get(path).headers.get("content-security-policy", "")
        assert "default-src 'none'" in policy, path
        assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0] if "script-src" in policy else True
        assert "'unsafe-eval'" not in policy and "*" not in policy, path


# --- 6. limits -----------------------------------------------------------------------------------------------------


def proxied(app, client: tuple[str, int]) -> TestClient:  # noqa: ANN001
    """The app as ``oit serve`` runs it (uvicorn's proxy headers, trusting 127.0.0.1), seen from ``client``."""
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    return TestClient(ProxyHeadersMiddleware(app, trusted_hosts="127.0.0.1"), client=client)


def test_forwarded_for_cannot_spoof_the_client(tmp_path: Path, queued_only) -> None:  # noqa: F811
    with client_for(tmp_path, check_rate="2/minute", max_active_per_client=100) as served:
        app = served.app
        direct = proxied(app, ("203.0.113.7", 40000))  # not a trusted proxy: its X-Forwarded-For means nothing
        codes = [direct.post("/api/checks", json={"url": f"http://public.example/{n}"},
                             headers={"x-forwarded-for": f"198.51.100.{n}"}).status_code for n in range(4)]  # fmt: skip
        assert codes == [202, 202, 429, 429]
        # behind the local proxy, which appends the real address: only the rightmost untrusted entry counts
        behind = proxied(app, ("127.0.0.1", 40001))
        codes = [behind.post("/api/checks", json={"url": f"http://public.example/p{n}"},
                             headers={"x-forwarded-for": f"198.51.100.{n}, 192.0.2.99"}).status_code
                 for n in range(4)]  # fmt: skip
        assert codes == [202, 202, 429, 429]


def test_refused_requests_count_against_the_request_limit(tmp_path: Path) -> None:
    """The page cannot be used as a free DNS oracle for inside names: refusals are rate-limited too."""
    with client_for(tmp_path, request_rate="5/minute") as client:
        codes = [client.post("/api/checks", json={"url": f"http://10.0.0.{n}/"}).status_code for n in range(7)]
    assert codes[:5] == [400] * 5 and codes[5:] == [429, 429]


def test_the_cap_on_running_checks_holds_over_many_clients(tmp_path: Path, queued_only) -> None:  # noqa: F811
    with client_for(tmp_path, max_active=3, max_active_per_client=2) as served:
        clients = [TestClient(served.app, client=(f"198.51.100.{n}", 1)) for n in range(5)]
        codes = [c.post("/api/checks", json={"url": f"http://public.example/{n}"}).status_code
                 for n, c in enumerate(clients)]  # fmt: skip
        assert codes == [202, 202, 202, 503, 503] and len(queued_only) == 3
        same = clients[4].post("/api/checks", json={"url": "HTTP://PUBLIC.EXAMPLE/0"})
        assert same.status_code in (202, 503) and len(queued_only) == 3


def test_one_ipv6_prefix_is_one_client(tmp_path: Path, queued_only) -> None:  # noqa: F811
    with client_for(tmp_path, check_rate="2/minute", max_active_per_client=100) as served:
        clients = [TestClient(served.app, client=(f"2001:db8:1:2::{n:x}", 1)) for n in range(1, 6)]
        codes = [
            c.post("/api/checks", json={"url": f"http://public.example/{n}"}).status_code for n, c in enumerate(clients)
        ]
    assert codes.count(202) <= 2, codes


def test_resuming_respects_the_cap_on_running_checks(tmp_path: Path, queued_only) -> None:  # noqa: F811
    settings = WebSettings(data_dir=tmp_path / "web", secret="s3cret", max_active=1, max_active_per_client=1)
    book = CheckBook(settings.book_path)
    ids = [book.add(f"http://public.example/{n}", 2568, "lao", "testclient") for n in range(4)]
    for check_id in ids:
        book.update(check_id, state="interrupted")
    with TestClient(create_app(settings)) as client:
        codes = [client.post(f"/api/checks/{check_id}/resume", json={}).status_code for check_id in ids]
    assert codes.count(202) <= 1, codes
