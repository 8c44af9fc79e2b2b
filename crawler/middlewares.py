"""Downloader middlewares of the unit-site crawler, each switched by a setting.

* ``FirstRequestOnly``: a link found again with a better score is scheduled twice (``UnitSiteSpider._request``);
  the first of its requests the scheduler hands out is fetched, the others are dropped.
* ``PageBudget`` (``OIT_MAX_PAGES``): the page cap counts what is *downloaded*, not what is
  scheduled, so the scheduler's priorities decide which pages the cap keeps; it also drops URLs a
  resumed run already holds.
* ``Backoff`` (``OIT_RETRY_BACKOFF``): retried requests wait ``base · 2^(n-1)`` seconds (jittered,
  capped), or what the server's ``Retry-After`` asks.
* ``RedirectLoop``: a redirect back into its own chain is an error with a reason, not a silent drop.
* ``TlsCertificateCheck`` (``OIT_TLS_CHECK``): the crawl does not verify certificates (old unit
  servers have expired or self-signed ones), but each HTTPS host's certificate is checked once and
  its problems become run warnings.
"""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response


class PageCapReached(IgnoreRequest):
    """The request was not downloaded because the page cap was reached."""


class AlreadyFetched(IgnoreRequest):
    """A resumed run already holds this URL."""


class Superseded(IgnoreRequest):
    """Another request for this URL was handed out first (the link had been scheduled again at a better score)."""


class FirstRequestOnly:
    """Drops the requests of a URL after the first the scheduler hands out (see ``Superseded``)."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.handed_out: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FirstRequestOnly:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        meta = request.meta
        if "oit_pending" not in meta or meta.get("retry_times") or meta.get("redirect_times"):
            return None  # not a link of the spider's (sitemaps, renderings), a retry, a redirect hop
        if request.url in self.handed_out:
            self.crawler.stats.inc_value("oit/superseded")
            raise Superseded(request.url)
        self.handed_out.add(request.url)
        if "oit_min_depth" in meta:  # scheduled again from a deeper page: as deep as its first link
            meta["depth"] = meta.pop("oit_min_depth")
        getattr(self.crawler.spider, "pending", {}).pop(request.url, None)
        return None


class PageBudget:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.counted: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PageBudget:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        spider = self.crawler.spider
        meta = request.meta
        if meta.get("oit_aux") or meta.get("oit_render") or meta.get("redirect_times"):
            return None  # sitemaps, the rendering of a counted page, redirect hops
        if request.url in self.counted:
            return None  # a retry
        resumed = getattr(spider, "resumed_urls", set())
        if request.url in resumed:
            raise AlreadyFetched(request.url)
        limit = getattr(spider, "max_pages", 0)
        if limit and len(self.counted) + len(resumed) >= limit:
            spider.capped = True
            self.crawler.stats.inc_value("oit/page_cap_dropped")
            raise PageCapReached(request.url)
        self.counted.add(request.url)
        return None


class Backoff:
    def __init__(self, base: float, maximum: float):
        self.base = base
        self.maximum = maximum

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Backoff:
        s = crawler.settings
        if not s.getbool("OIT_RETRY_BACKOFF", True) or not s.getbool("RETRY_ENABLED"):
            raise NotConfigured
        return cls(s.getfloat("OIT_RETRY_BACKOFF_BASE", 1.0), s.getfloat("OIT_RETRY_BACKOFF_MAX", 30.0))

    def delay(self, retries: int, retry_after: float | None = None) -> float:
        if retry_after is not None:
            return min(retry_after, self.maximum)
        return min(self.base * 2 ** (retries - 1), self.maximum) * random.uniform(0.8, 1.2)

    async def process_request(self, request: Request) -> None:
        retries = request.meta.get("retry_times", 0)
        if retries:
            await asyncio.sleep(self.delay(retries, request.meta.pop("oit_retry_after", None)))
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        """Remember ``Retry-After`` (seconds or an HTTP date) for the retry RetryMiddleware makes."""
        value = response.headers.get(b"Retry-After")
        if value and response.status in (429, 503):
            request.meta["oit_retry_after"] = parse_retry_after(value.decode("latin-1"))
        return response


def parse_retry_after(value: str) -> float | None:
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class TlsCertificateCheck:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.checked: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TlsCertificateCheck:
        if not crawler.settings.getbool("OIT_TLS_CHECK", True):
            raise NotConfigured
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        parts = urlsplit(response.url)
        host = parts.hostname or ""
        if parts.scheme != "https" or host in self.checked or response.certificate is None:
            return response
        self.checked.add(host)
        problems = certificate_problems(response.certificate.original.to_cryptography(), host)
        if problems:
            self.crawler.stats.inc_value("oit/tls_invalid")
            warn = getattr(self.crawler.spider, "warn", None)
            text = f"ใบรับรองความปลอดภัย (TLS certificate) ของ {host} ไม่ถูกต้อง: {'; '.join(problems)}"
            if warn is not None:
                warn(text)
        return response


def certificate_problems(cert, host: str, now: datetime | None = None) -> list[str]:
    """What a browser would complain about in a leaf certificate (the chain is not available)."""
    import ipaddress

    from cryptography import x509
    from service_identity import CertificateError, VerificationError
    from service_identity.cryptography import verify_certificate_hostname, verify_certificate_ip_address

    now = now or datetime.now(UTC)
    problems = []
    if cert.not_valid_after_utc < now:
        problems.append(f"หมดอายุแล้ว (expired {cert.not_valid_after_utc:%Y-%m-%d})")
    if cert.not_valid_before_utc > now:
        problems.append(f"ยังไม่เริ่มใช้ (not valid before {cert.not_valid_before_utc:%Y-%m-%d})")
    if cert.issuer == cert.subject:
        problems.append("ออกให้ตัวเอง (self-signed)")
    try:
        try:
            verify_certificate_ip_address(cert, str(ipaddress.ip_address(host)))
        except ValueError:
            verify_certificate_hostname(cert, host)
    except (CertificateError, VerificationError, x509.ExtensionNotFound):
        problems.append(f"ไม่ตรงกับชื่อเว็บไซต์ (name mismatch: {host})")
    return problems


class RedirectLoop:
    """A redirect back to a URL of the same chain (A → B → A) is reported as a loop; Scrapy's redirect
    middleware would hand the repeat to the duplicate filter, which drops it without a word. Runs
    before ``RedirectMiddleware`` on the response (a higher order number)."""

    @staticmethod
    def process_response(request: Request, response: Response) -> Response:
        if response.status in (301, 302, 303, 307, 308) and (location := response.headers.get(b"Location")):
            target = urljoin(request.url, location.decode("latin-1"))
            chain = [*request.meta.get("redirect_urls", []), request.url]
            if target in chain:
                raise RedirectLoopError(f"{' → '.join(chain)} → {target}")
        return response


class RedirectLoopError(IgnoreRequest):
    """The server redirects in a circle."""
