"""Rendering cannot deadlock: a site of 64 script-built pages, some of whose renderings answer 500, lose
the connection, never settle (a busy loop: the page times out) or are dropped by a middleware, is crawled
to the end with every page stored; a script that never loads is cut off and its page rendered (skipped
without /usr/bin/chromium)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from crawler import settings as project_settings
from tests.crawler_support import SiteServer, db_rows, fetched_urls, html, pdf_bytes, run_spider, send_html

CHROMIUM = Path("/usr/bin/chromium")
PAGES = 64
#: Page number modulo 8 → what goes wrong when the browser loads it (the rendering fails).
FAULTS = {2: "HTTP 500", 3: "connection closed", 4: "busy loop", 5: "dropped"}
#: Pages with a script that never loads: it is cut off and the page is rendered all the same.
SLOW_SCRIPT = 1


def script_page(n: int) -> str:
    """A page whose only link is written by a script (plain HTML shows no link)."""
    head = '<script src="/hang.js"></script>' if n % 8 == SLOW_SCRIPT else ""
    busy = "<script>while (true) {}</script>" if n % 8 == 4 else ""
    body = (
        f'<div id="c"></div>{busy}<script>document.getElementById("c").innerHTML = '
        f'\'<a href="/doc/{n}.pdf">เอกสารหมายเลข {n}</a>\';</script>'
    )
    return html(f"หน้า {n}", body, head=head)


def faulty_site() -> SiteServer:
    seen: dict[str, int] = {}
    lock = threading.Lock()

    def page(n: int):
        def serve(handler: BaseHTTPRequestHandler) -> None:
            with lock:
                seen[handler.path] = seen.get(handler.path, 0) + 1
                second = seen[handler.path] > 1  # the browser's request comes after the plain one
            if second and n % 8 == 2:
                handler.send_response(500)
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                return
            if second and n % 8 == 3:
                handler.close_connection = True  # no answer at all
                return
            send_html(handler, script_page(n))

        return serve

    def hang(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(40)

    links = "".join(f'<li><a href="/p/{n}.html">หน้าที่ {n}</a></li>' for n in range(PAGES))
    pages: dict = {"/": html("อบต.ทดสอบการเรนเดอร์", f"<ul>{links}</ul>"), "/hang.js": hang}
    for n in range(PAGES):
        pages[f"/p/{n}.html"] = page(n)
        pages[f"/doc/{n}.pdf"] = pdf_bytes(f"document {n}")
    return SiteServer(pages)


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_every_page_sent_to_the_browser_is_accounted_for(tmp_path):
    site = faulty_site()
    db = tmp_path / "render.db"
    drop = json.dumps({**project_settings.DOWNLOADER_MIDDLEWARES, "tests.render_drop.DropSomeRenderings": 980})
    started = time.monotonic()
    with site.serve() as base:
        run_spider(
            base, db, "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT=4000", "OIT_RENDER_PAGE_TIMEOUT=8",
            "OIT_RENDER_MAX_PAGES=200", "OIT_RENDER_RESOURCE_TIMEOUT=1.5", f"DOWNLOADER_MIDDLEWARES={drop}",
            "ROBOTSTXT_OBEY=False", timeout=400,
        )  # fmt: skip
    elapsed = time.monotonic() - started
    fetched = fetched_urls(db)
    pages = {n: fetched.get(f"{base}p/{n}.html") for n in range(PAGES)}
    assert all(row is not None and row["error"] == "" for row in pages.values()), "a page was lost"
    good = [n for n in range(PAGES) if n % 8 not in FAULTS]
    bad = [n for n in range(PAGES) if n % 8 in FAULTS]
    assert all(pages[n]["rendered"] == "script-built menu" for n in good)
    assert all(pages[n]["rendered"] == "" for n in bad), "a failed rendering must keep the plain page"
    assert all(f"{base}doc/{n}.pdf" in fetched for n in good), "links of rendered pages are followed"
    assert any(n % 8 == SLOW_SCRIPT for n in good)
    stats = json.loads(db_rows(db, "select crawl_stats from runs")[0]["crawl_stats"])
    assert stats["rendered"] == PAGES
    assert stats["render_ok"] == len(good) and stats["render_failed"] == len(bad)
    run = db_rows(db, "select crawl_status, partial_reason from runs")[0]
    assert run["crawl_status"] == "complete", run
    assert elapsed < 300
