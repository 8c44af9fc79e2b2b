"""No hang, ever: a crawl without progress ends itself, and a whole check keeps to its time limit."""

from __future__ import annotations

import re
import time
from http.server import BaseHTTPRequestHandler

import pytest

from crawler.extensions import Watchdog
from tests.crawler_support import SiteServer, db_rows, fetched_urls, html, run_spider, send_html
from tests.helpers import run_oit


class FakeStats(dict):
    def set_value(self, key, value):
        self[key] = value


class FakeCrawler:
    def __init__(self):
        self.stats = FakeStats()
        self.engine = None


def test_watchdog_says_why_it_stops(monkeypatch):
    closed = []
    monkeypatch.setattr("crawler.extensions._schedule_coro", lambda coro: closed.append(coro.close()))
    crawler = FakeCrawler()
    crawler.engine = type("Engine", (), {"close_spider_async": lambda self, reason: _noop(reason)})()
    dog = Watchdog(crawler, stall=120, time_limit=600, grace=30)
    dog.started = dog.last_progress = 1000.0
    assert dog.tick(now=1100.0) == ""
    dog.progress()
    dog.last_progress = 1100.0
    assert dog.tick(now=1219.0) == ""
    assert dog.tick(now=1221.0) == "stalled"
    assert "no progress for 120 s" in crawler.stats["oit/stop_reason"]
    assert dog.tick(now=1230.0) == "stopping" and len(closed) == 1  # asked once, not on every tick

    dog = Watchdog(crawler, stall=120, time_limit=600, grace=30)
    dog.started = 0.0
    dog.last_progress = 599.0
    assert dog.tick(now=600.0) == "time_limit"
    assert "time limit of 600 s" in crawler.stats["oit/stop_reason"]


async def _noop(reason):
    return reason


@pytest.mark.slow
def test_a_download_that_never_ends_does_not_hold_the_crawl(tmp_path):
    def never(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(60)

    pages = {"/": html("อบต.ทดสอบ", '<a href="/slow">ช้า</a> <a href="/ok.html">ปกติ</a>'), "/slow": never,
             "/ok.html": html("ok", "หน้าปกติ")}  # fmt: skip
    db = tmp_path / "stall.db"
    started = time.monotonic()
    with SiteServer(pages).serve() as base:
        run_spider(base, db, "DOWNLOAD_TIMEOUT=300", "OIT_STALL_TIMEOUT=3", "OIT_STOP_GRACE=3",
                   "OIT_RENDER_JS=False", "ROBOTSTXT_OBEY=False", timeout=50)  # fmt: skip
    assert time.monotonic() - started < 40
    run = db_rows(db, "select crawl_status, partial_reason from runs")[0]
    assert run["crawl_status"] == "partial"
    assert "no progress for 3 s" in run["partial_reason"]
    assert base + "ok.html" in fetched_urls(db)  # what was fetched is kept


@pytest.mark.slow
def test_check_keeps_to_its_time_limit(tmp_path):
    """An endless, slow site (every page links to new ones): the check ends near --time-limit with a
    report marked partial that says why."""

    def endless(handler: BaseHTTPRequestHandler) -> None:
        n = int(re.sub(r"\D", "", handler.path) or 0)
        time.sleep(0.3)
        links = f'<a href="/n/{2 * n + 1}">ต่อไป</a> <a href="/n/{2 * n + 2}">ถัดไป</a>'
        send_html(handler, html(f"หน้า {n}", links + f"ข้อความหน้า {n} " * 50))

    pages = {"/": html("อบต.ไม่มีที่สิ้นสุด", '<a href="/n/0">เริ่ม</a>')}
    site = SiteServer(pages)
    site.pages = _Endless(pages, endless)
    started = time.monotonic()
    with site.serve() as base:
        result = run_oit(
            "check", base, "--year", "2567", "--db", str(tmp_path / "x.db"), "--out", str(tmp_path / "r"),
            "--quiet", "--time-limit", "0.5", "--max-depth", "50", "--no-render", timeout=120,
        )  # fmt: skip
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-2000:]
    assert elapsed < 60
    report = (tmp_path / "r" / "oit-report.json").read_text(encoding="utf-8")
    assert '"partial": true' in report
    assert "time limit" in report


class _Endless(dict):
    """``/n/…`` pages made on request; the rest from ``pages``."""

    def __init__(self, pages, make):
        super().__init__(pages)
        self.make = make

    def get(self, path, default=None):
        return self.make if path.startswith("/n/") else super().get(path, default)
