"""No request of a guarded check reaches a private network (oitbase.netguard, the homepage check, the crawl)."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

from oit.check import CheckError, preflight
from oitbase import netguard
from oitbase.netguard import AddressRefused, check_host, check_url, refusal_reason
from sitegen.serve import serve_directory

REFUSED = ["127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
           "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "192.0.2.1", "::1", "::", "fe80::1", "fc00::1",
           "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2002:7f00:1::", "64:ff9b::a00:1"]  # fmt: skip
ALLOWED = ["8.8.8.8", "203.150.1.1", "1.1.1.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"]


@pytest.mark.parametrize("address", REFUSED)
def test_every_kind_of_inside_address_is_refused(address: str) -> None:
    assert refusal_reason(ipaddress.ip_address(address))
    with pytest.raises(AddressRefused):
        check_host(address)


@pytest.mark.parametrize("address", ALLOWED)
def test_public_addresses_are_allowed(address: str) -> None:
    assert refusal_reason(ipaddress.ip_address(address)) == ""


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/", "http://localhost:8000/", "http://LOCALHOST./", "http://2130706433/", "http://0x7f.1/",
     "http://127.1/", "http://[::1]:80/", "http://[::ffff:127.0.0.1]/", "http://example.go.th@127.0.0.1/",
     "ftp://example.go.th/", "file:///etc/passwd", "gopher://127.0.0.1/", "http:///nohost"],
)  # fmt: skip
def test_urls_into_private_networks_are_refused(url: str) -> None:
    with pytest.raises(AddressRefused) as refused:
        check_url(url)
    assert "ไม่ตรวจที่อยู่ภายในเครือข่าย" in str(refused.value)


def test_one_inside_address_among_public_ones_refuses_the_name(monkeypatch) -> None:
    monkeypatch.setattr(netguard, "resolve", lambda host, port: ["8.8.8.8", "10.1.1.1"])
    with pytest.raises(AddressRefused, match="mixed.example, a private address") as refused:
        check_url("http://mixed.example/")
    # the message reaches whoever asked for the check: it must not tell them the private network's addresses
    assert refused.value.address == "10.1.1.1" and "10.1.1.1" not in str(refused.value)
    monkeypatch.setattr(netguard, "resolve", lambda host, port: ["8.8.8.8", "2001:4860:4860::8888"])
    check_url("http://public.example/")
    monkeypatch.setattr(netguard, "resolve", lambda host, port: [])  # does not resolve: the fetch says so itself
    check_url("http://nowhere.example/")


def public_name_served_here(monkeypatch, name: str) -> None:
    """``name`` looks public to the guard (it resolves to 8.8.8.8 there) while connections to it, or to 8.8.8.8,
    reach 127.0.0.1: stand-ins for DNS and for routing (the homepage check connects to the address it checked)."""
    resolve, getaddrinfo, connect = netguard.resolve, socket.getaddrinfo, socket.create_connection
    monkeypatch.setattr(netguard, "resolve", lambda host, port: ["8.8.8.8"] if host == name else resolve(host, port))
    monkeypatch.setattr(
        socket, "getaddrinfo", lambda host, *a, **k: getaddrinfo("127.0.0.1" if host == name else host, *a, **k)
    )
    monkeypatch.setattr(
        socket,
        "create_connection",
        lambda address, *a, **k: connect(("127.0.0.1", address[1]) if address[0] == "8.8.8.8" else address, *a, **k),
    )


def test_homepage_check_refuses_inside_addresses_and_each_redirect_hop(tmp_path, monkeypatch) -> None:
    (tmp_path / "index.html").write_text("<html><title>x</title><body>หน้าแรก</body></html>", encoding="utf-8")
    with serve_directory(tmp_path) as base:
        assert preflight(base).url == base  # not guarded: as `oit check` does
        with pytest.raises(CheckError, match="ไม่ตรวจที่อยู่ภายในเครือข่าย"):
            preflight(base, refuse_private=True)
        routes = {"/go": (302, {"Location": base}, b"")}
    with serve_directory(tmp_path, routes=routes) as here:
        port = here.rsplit(":", 1)[1].strip("/")
        public_name_served_here(monkeypatch, "unit.example")
        # the first hop looks public; it redirects to 127.0.0.1, which is refused before it is fetched
        with pytest.raises(CheckError, match="ไม่ตรวจที่อยู่ภายในเครือข่าย.*127.0.0.1"):
            preflight(f"http://unit.example:{port}/go", refuse_private=True)
        assert preflight(f"http://unit.example:{port}/", refuse_private=True).url.startswith("http://unit.example")


def test_connect_time_resolver_refuses_inside_addresses() -> None:
    """DNS rebinding: a name that looked public when checked but resolves inside when connecting is refused."""
    from twisted.internet.error import DNSLookupError

    from crawler.guard import GuardedResolver

    assert GuardedResolver._checked("8.8.8.8", "unit.example") == "8.8.8.8"
    with pytest.raises(DNSLookupError, match="ไม่ตรวจที่อยู่ภายในเครือข่าย"):
        GuardedResolver._checked("127.0.0.1", "unit.example")


@pytest.mark.slow
def test_a_guarded_crawl_fetches_nothing_inside_and_says_why(tmp_path, monkeypatch) -> None:
    """The crawl itself (a child process) refuses every request to 127.0.0.1, each recorded with the reason; the
    homepage check is skipped here so that the crawl is reached."""
    from oit import api
    from oit.check import CrawlOptions, Homepage
    from storage import store

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<html><body><a href="/a.html">ก</a></body></html>', encoding="utf-8")
    (site / "a.html").write_text("<html><body>ข</body></html>", encoding="utf-8")
    monkeypatch.setattr(api, "preflight", lambda url, **kw: Homepage(url=url))
    with serve_directory(site) as base:
        options = CrawlOptions(max_pages=20, progress=False, refuse_private=True,
                               extra={"OIT_RENDER_JS": False, "OIT_OCR": False})  # fmt: skip
        report = api.check_site(base, year=2568, store=tmp_path / "oit.db", options=options)
    db = store.open_db(tmp_path / "oit.db")
    rows = list(db["resources"].rows_where("run_id = ?", [report.run_id]))
    assert rows and all("ไม่ตรวจที่อยู่ภายในเครือข่าย" in (r["error"] or "") for r in rows), rows
    assert not any(r["status"] for r in rows)  # nothing was downloaded
    assert report.crawl_problem


@pytest.mark.slow
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs /usr/bin/chromium")
def test_the_renderer_refuses_inside_addresses_for_every_browser_request(tmp_path, monkeypatch) -> None:
    """A rendered page's own requests are checked too: a script at 127.0.0.1 and one behind a redirect from a
    public-looking name to 127.0.0.1 are never fetched, while the page and its public script load."""
    import asyncio
    from types import SimpleNamespace

    from playwright.async_api import async_playwright

    from crawler.render import CHROMIUM_ARGS, RenderPages

    hits: list[str] = []
    site = tmp_path / "site"
    site.mkdir()
    (site / "ok.js").write_text("document.title = 'ok';", encoding="utf-8")
    (site / "secret.js").write_text("document.body.dataset.leak = '1';", encoding="utf-8")
    with serve_directory(site) as inside:
        page_html = (
            "<html><head><title>start</title></head><body>หน้า"
            f'<script src="{inside}secret.js"></script><script src="/go"></script><script src="/ok.js"></script>'
            "</body></html>"
        ).encode()
        routes = {"/": (200, {"Content-Type": "text/html; charset=utf-8"}, page_html),
                  "/go": (302, {"Location": f"{inside}secret.js"}, b"")}  # fmt: skip
        with serve_directory(site, routes=routes) as here:
            port = here.rsplit(":", 1)[1].strip("/")
            real = netguard.checked_addresses
            # "localhost" passes the guard here (it stands for a public name the browser reaches); 127.0.0.1 written
            # as such is what must be refused
            monkeypatch.setattr(
                netguard, "checked_addresses", lambda h, p: ["8.8.8.8"] if h == "localhost" else real(h, p)
            )
            pages = RenderPages(guard=True, resource_timeout=10)

            async def render() -> tuple[str, str | None]:
                async with async_playwright() as p:
                    browser = await p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                    page = await browser.new_page()
                    page.on("request", lambda r: hits.append(r.url))
                    await pages.on_page(page, SimpleNamespace(meta={}))
                    await page.goto(f"http://localhost:{port}/", wait_until="load")
                    title, leak = await page.title(), await page.evaluate("document.body.dataset.leak || null")
                    await browser.close()
                    return title, leak

            title, leak = asyncio.run(render())
    assert title == "ok" and leak is None  # the page and its public script loaded; the inside script never ran
    assert pages.refused == 2, (pages.refused, hits)  # the literal address and the redirect's second hop
