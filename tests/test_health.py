"""Crawl health (checklist.health): which crawls are not a fair picture of the site, and why (quick, pure)."""

from __future__ import annotations

import httpx
import pytest
from twisted.internet import error as terror
from twisted.python.failure import Failure

from checklist.health import crawl_health, preflight_health
from oitbase.fetch_errors import (
    CONNECTION_LOST,
    DNS_FAILED,
    REFUSED,
    ROBOTS_FORBIDDEN,
    TIMED_OUT,
    describe_failure,
    describe_httpx_error,
    error_kind,
)
from oitbase.netguard import AddressRefused

TLS = describe_httpx_error(httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"))


def totals(pages: int, documents: int = 0, errors: int = 0) -> dict[str, int]:
    return {"pages": pages, "documents": documents, "errors": errors}


@pytest.mark.parametrize(
    ("errors", "stats", "kind"),
    [
        ([], {}, "empty"),
        ([DNS_FAILED, DNS_FAILED], {}, "dns"),
        ([TLS], {}, "tls"),
        ([TIMED_OUT, TIMED_OUT, "HTTP 404"], {}, "timeout"),
        ([ROBOTS_FORBIDDEN], {"robotstxt_forbidden": 1}, "robots"),
        ([], {"robotstxt/forbidden": 3}, "robots"),  # the counter alone, in Scrapy's own key
        (["HTTP 403"], {}, "blocked"),
        (["HTTP 429", "HTTP 429"], {}, "blocked"),
        ([REFUSED, REFUSED], {}, "down"),
        (["HTTP 503"], {}, "down"),
        ([CONNECTION_LOST], {}, "down"),
        (["HTTP 404"], {}, "empty"),  # a missing homepage is no cause of its own
    ],
)
def test_nothing_fetched_says_why(errors, stats, kind):
    health = crawl_health(totals(0, 0, len(errors)), stats, errors, previous=totals(40, 5))
    assert health.kind == kind and not health.ok
    assert "nothing fetched" in health.reason and "ไม่ได้" in health.reason


def test_a_crawl_that_shrank_by_more_than_half():
    health = crawl_health(totals(10, 2), {}, [], previous=totals(150, 30))
    assert health.kind == "shrunk"
    assert health.reason == ("ดึงข้อมูลได้ 12 หน้า น้อยกว่าครั้งก่อน (180) เกินครึ่ง (fetched 12 pages, < 50% of last time's 180)")
    assert crawl_health(totals(10, 2), {}, [], previous=totals(20), shrink_below=0.8).kind == "shrunk"


def test_mostly_errors_names_the_dominant_cause():
    errors = [TIMED_OUT] * 8 + ["HTTP 404"] * 2
    health = crawl_health(totals(8, 0, 10), {}, errors, previous=None)
    assert health.kind == "errors"
    assert "10 of 18 requests failed" in health.reason and "timed out" in health.reason
    blocked = crawl_health(totals(3, 0, 5), {}, ["HTTP 403"] * 5, previous=None)
    assert blocked.kind == "errors" and "HTTP 401/403/429" in blocked.reason


@pytest.mark.parametrize(
    ("now", "errors", "previous"),
    [
        (totals(5), [], None),  # a small site, first crawl
        (totals(90, 18), [], totals(150, 30)),  # 60 % of last time
        (totals(90, 0, 10), ["HTTP 404"] * 10, totals(95)),  # one URL in ten is a dead link
        (totals(3, 0, 2), [TIMED_OUT, "HTTP 404"], None),  # errors below half
        (totals(12), [], totals(0)),  # the previous crawl held nothing to compare with
    ],
)
def test_healthy_crawls(now, errors, previous):
    health = crawl_health(now, {"downloader_response_status_count_404": len(errors)}, errors, previous)
    assert health.ok and health.kind == "" and health.reason == ""


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        (f"{DNS_FAILED}: https://nope.go.th/", "dns"),
        (f"{TLS}: https://bad-cert.go.th/", "tls"),
        (f"{TIMED_OUT}: https://slow.go.th/", "timeout"),
        ("หน้าแรกตอบกลับ HTTP 403 (homepage returned HTTP 403): https://waf.go.th/", "blocked"),
        ("หน้าแรกตอบกลับ HTTP 500 (homepage returned HTTP 500): https://x.go.th/", "down"),
        ("หน้าแรกตอบกลับ HTTP 404 (homepage returned HTTP 404): https://x.go.th/", "down"),
        (f"{REFUSED}: https://x.go.th/", "down"),
        (str(AddressRefused("intranet.example", "10.0.0.1", "private")), "private"),
        ("หน้าแรกไม่ใช่หน้าเว็บ HTML (homepage is not an HTML page: application/pdf): https://x.go.th/", "down"),
    ],
)
def test_preflight_health(message, kind):
    health = preflight_health(message)
    assert health.kind == kind and message in health.reason


def test_error_kinds_read_the_crawlers_own_wording():
    """The classifier reads what the spider stores: Scrapy 2.19 wraps Twisted's DNS and refused errors in its own."""
    from scrapy.exceptions import CannotResolveHostError, DownloadConnectionRefusedError, DownloadTimeoutError

    def kind(exc: Exception) -> str:
        return error_kind(describe_failure(Failure(exc)))

    assert kind(terror.DNSLookupError("x.go.th")) == "dns"
    assert kind(CannotResolveHostError("x.go.th")) == "dns"
    assert kind(DownloadConnectionRefusedError("refused")) == "down"
    assert kind(DownloadTimeoutError("took longer than 30 s")) == "timeout"
    assert kind(terror.ConnectionRefusedError()) == "down"
    assert error_kind("HTTP 404") == "http" and error_kind("อ่านไฟล์ไม่สำเร็จ (extraction failed: X)") == ""


def test_a_site_whose_links_are_mostly_broken_is_judged_not_excused():
    """A saved real homepage served alone: 3 pages and documents answer, its 156 menu links are HTTP 404. The site
    itself is broken, so its items are judged (and fail) instead of being held back as a crawl problem."""
    health = crawl_health(totals(1, 2, 156), {"downloader_response_status_count_404": 156}, ["HTTP 404"] * 156, None)
    assert health.ok
    mixed = crawl_health(totals(4, 0, 103), {}, ["HTTP 404"] * 100 + [TIMED_OUT] * 3, None)
    assert mixed.ok  # 3 timeouts against 4 fetched: not yet half
    assert crawl_health(totals(4, 0, 105), {}, ["HTTP 404"] * 100 + [TIMED_OUT] * 5, None).kind == "errors"
